"""Offline sync with the provincial server: HTTP client, engine, attachments, login, automatic sync.

The wire protocol and the list of synced entities are the core's (ocop_core.protocol, ocop_core.entities),
shared with the server.
"""
