"""The "Hồ sơ" section: the dossier list and the screens opened from it."""
