"""The server's side of the transparency log: entries appended with the events they record, tree nodes
stored once, checkpoints signed with a key kept outside the database, and public proof endpoints."""
