"""Shared set-up for benchmarks: a database with N products ready for dossiers."""

from __future__ import annotations

import random
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select, text

from ocop_desktop.db import search
from ocop_desktop.db.base import new_id
from ocop_desktop.db.models import AdminUnit, Producer, Product
from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.services.demo_data import GIVEN, GOODS, KIND_PREFIX, SURNAMES


def fresh_database(tag: str) -> Database:
    folder = Path(tempfile.mkdtemp(prefix=f"ocop-bench-{tag}-"))
    return open_database(folder / "ocop.sqlite3")


def seed_products(db: Database, n: int, seed: int = 7) -> list[tuple[str, str]]:
    """N products of N/4 producers, written raw (set-up, not measured), indexed for search."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with db.session() as session:
        communes = list(session.execute(select(AdminUnit.code, AdminUnit.short_name)
                                        .where(AdminUnit.level == "commune")))
        producers, products = [], []
        for i in range(max(1, n // 4)):
            code, place = rng.choice(communes)
            kind = rng.choice(list(KIND_PREFIX))
            producers.append({"id": new_id(), "name": f"{KIND_PREFIX[kind]} {rng.choice(GOODS)} {place} {i}",
                              "kind": kind, "commune_code": code, "registration_no": "", "tax_code": "",
                              "address": f"Thôn {i % 12 + 1}, {place}", "representative":
                              f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}", "phone": "",
                              "created_at": now, "updated_at": now, "deleted": False})
        for i in range(n):
            producer = producers[i % len(producers)]
            products.append({"id": new_id(), "producer_id": producer["id"], "subgroup_code": "I.1.a",
                             "name": f"{rng.choice(GOODS)} {rng.choice(GIVEN).split()[-1]} {i}",
                             "commune_code": producer["commune_code"], "external_code": "", "description": "",
                             "created_at": now, "updated_at": now, "deleted": False})
        session.info["journal"] = False  # set-up rows are not user changes
        session.execute(insert(Producer), producers)
        session.execute(insert(Product), products)
        search.rebuild(session.connection())
        session.commit()
    return [(p["id"], p["commune_code"]) for p in products]


def count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
