"""Composition root: paths -> database -> QApplication -> main window."""

from __future__ import annotations

import sys

from sqlalchemy import func, select

from ocop_desktop.db.models import Dossier, Producer, Product
from ocop_desktop.db.schema import Database, DatabaseProblem, open_database
from ocop_desktop.db.sync_store import count_unsent
from ocop_desktop.paths import AppPaths


def load_overview(db: Database):
    from ocop_desktop.ui.main_window import Overview

    with db.session() as session:
        def count(model, *where):
            return session.scalar(select(func.count()).select_from(model).where(*where))

        return Overview(producers=count(Producer), products=count(Product), dossiers=count(Dossier),
                        unsent_changes=count_unsent(session),
                        database=str(db.path))


def run(paths: AppPaths, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ocop_desktop.messages import DATABASE_TEXT
    from ocop_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationName("OCOP")
    try:
        db = open_database(paths.ensure().database, paths.backups)
    except DatabaseProblem as exc:
        QMessageBox.critical(None, "OCOP", DATABASE_TEXT.get(exc.code, exc.code).format(path=exc.path,
                                                                                         detail=exc.detail))
        return 3
    try:
        window = MainWindow(load_overview(db))
        window.show()
        return app.exec()
    finally:
        db.close()
