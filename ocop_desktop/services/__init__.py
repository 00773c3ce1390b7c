"""One function per user intent. Each takes a Session, commits nothing, and returns what changed."""
