"""Offline sync with the provincial server: wire protocol, HTTP client, engine, attachments."""
