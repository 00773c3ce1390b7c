"""Insert 50,000 dossiers through the services (with journal and search index) against raw executemany."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, date, datetime

from sqlalchemy import text

from bench.fixtures import count, fresh_database, seed_products
from ocop_desktop.db import search
from ocop_desktop.db.base import new_id
from ocop_desktop.services import dossiers

BATCH = 1000


def through_services(n: int):
    db = fresh_database("services")
    products = seed_products(db, n)
    start = time.perf_counter()
    with db.session() as session:
        for i, (product_id, _) in enumerate(products):
            dossiers.create_dossier(session, product_id=product_id)
            if i % BATCH == BATCH - 1:
                session.commit()
                session.expunge_all()
        session.commit()
    elapsed = time.perf_counter() - start
    assert count(db, "dossiers") == n and count(db, "change_journal") == n
    return db, elapsed


def raw_rows(n: int, with_journal_and_index: bool) -> float:
    db = fresh_database("raw")
    products = seed_products(db, n)
    now = datetime.now(UTC).isoformat()
    device = new_id()
    start = time.perf_counter()
    with db.engine.begin() as conn:
        for offset in range(0, n, BATCH):
            rows, journal = [], []
            for product_id, commune in products[offset:offset + BATCH]:
                row_id = new_id()
                rows.append({"id": row_id, "product_id": product_id, "code": f"HS-{date.today():%Y}-{row_id[:8]}",
                             "kind": "new", "status": "draft", "commune_code": commune, "notes": "",
                             "created_at": now, "updated_at": now, "deleted": 0})
                if with_journal_and_index:
                    journal.append({"change_id": str(uuid.uuid4()), "device_id": device, "entity": "dossiers",
                                    "entity_id": row_id, "op": "insert",
                                    "fields_json": json.dumps({k: [None, v] for k, v in rows[-1].items()}),
                                    "created_at": now})
            conn.execute(text(
                "INSERT INTO dossiers (id, product_id, code, kind, status, commune_code, notes, created_at, "
                "updated_at, deleted) VALUES (:id, :product_id, :code, :kind, :status, :commune_code, :notes, "
                ":created_at, :updated_at, :deleted)"), rows)
            if with_journal_and_index:
                conn.execute(text(
                    "INSERT INTO change_journal (change_id, device_id, entity, entity_id, op, fields_json, "
                    "created_at) VALUES (:change_id, :device_id, :entity, :entity_id, :op, :fields_json, "
                    ":created_at)"), journal)
                search.reindex(conn, "dossier", [r["id"] for r in rows], cascade=False)
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def run(n: int = 50_000):
    raw_plain = raw_rows(n, with_journal_and_index=False)
    raw_full = raw_rows(n, with_journal_and_index=True)
    db, services = through_services(n)
    print(f"insert {n} dossiers")
    print(f"  raw executemany, dossier rows only:          {raw_plain:7.2f} s")
    print(f"  raw executemany, + journal + search rows:    {raw_full:7.2f} s")
    print(f"  through services (ORM, journal hook, index): {services:7.2f} s "
          f"({n / services:,.0f} dossiers/s)")
    print(f"  ratio services / raw rows only:              {services / raw_plain:7.2f}x  (target <= 3x)")
    print(f"  ratio services / raw same rows:              {services / raw_full:7.2f}x")
    return db
