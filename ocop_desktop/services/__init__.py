"""One function per user intent. Each takes a Session, commits nothing, and returns what changed.

Creates give the new row its UUID up front and leave it pending, so a batch of them is written with
one executemany when the caller commits; the journal and the search index follow in that flush.
"""
