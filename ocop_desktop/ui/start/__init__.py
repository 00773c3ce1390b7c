"""Starting the app: first-run setup and login."""
