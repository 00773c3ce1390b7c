"""Local SQLite storage: typed models, the change journal, search, migrations, attachments."""
