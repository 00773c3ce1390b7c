"""Suite-wide setup: Qt offscreen, user data kept out of the real home folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OCOP_DATA_DIR", os.path.join(os.environ.get("TMPDIR", "/tmp"), "ocop-test-data-unused"))
