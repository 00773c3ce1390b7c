"""The shared core: domain rules, wire protocol and entity list; no Qt, no SQLAlchemy, no web framework."""
