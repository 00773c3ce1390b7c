"""The provincial server: accounts, devices, sync, criteria publishing and attachments."""
