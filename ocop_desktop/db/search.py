"""Accent-insensitive full-text search over producers, products and dossiers (SQLite FTS5).

Text is folded in Python before it reaches FTS5, because the unicode61 tokenizer strips marks but
keeps "đ", and readers type "d" for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, event, text
from sqlalchemy.orm import Session

from ocop_core.domain.text import fold, search_tokens

FTS_TABLE = "search_fts"
KINDS = ("producer", "product", "dossier")
CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
_CHUNK = 400

_TEXT_SQL = {
    "producer": """
        SELECT p.id, p.name || ' ' || p.registration_no || ' ' || p.tax_code || ' ' || p.address || ' '
               || coalesce(u.name, '') || ' ' || p.representative, p.deleted
        FROM producers p LEFT JOIN admin_units u ON u.code = p.commune_code WHERE p.id IN :ids""",
    "product": """
        SELECT pr.id, pr.name || ' ' || pr.external_code || ' ' || coalesce(p.name, '') || ' '
               || coalesce(u.name, ''), pr.deleted
        FROM products pr LEFT JOIN producers p ON p.id = pr.producer_id
        LEFT JOIN admin_units u ON u.code = pr.commune_code WHERE pr.id IN :ids""",
    "dossier": """
        SELECT d.id, d.code || ' ' || coalesce(pr.name, '') || ' ' || coalesce(p.name, '') || ' '
               || coalesce(u.name, ''), d.deleted
        FROM dossiers d LEFT JOIN products pr ON pr.id = d.product_id
        LEFT JOIN producers p ON p.id = pr.producer_id
        LEFT JOIN admin_units u ON u.code = d.commune_code WHERE d.id IN :ids""",
}
# A producer's name is part of its products' and dossiers' text, so they are reindexed with it.
_DEPENDENTS = {
    "producer": [("product", "SELECT id FROM products WHERE producer_id IN :ids"),
                 ("dossier", "SELECT d.id FROM dossiers d JOIN products pr ON pr.id = d.product_id "
                             "WHERE pr.producer_id IN :ids")],
    "product": [("dossier", "SELECT id FROM dossiers WHERE product_id IN :ids")],
}
_TABLE_KIND = {"producers": "producer", "products": "product", "dossiers": "dossier"}


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i:i + _CHUNK])


def _query(sql: str):
    return text(sql).bindparams(bindparam("ids", expanding=True))


def reindex(conn: Connection, kind: str, ids: Iterable[str], cascade: bool = True) -> None:
    ids = list(dict.fromkeys(ids))
    if not ids:
        return
    if cascade:
        for dep_kind, sql in _DEPENDENTS.get(kind, []):
            dep_ids = [r[0] for chunk in _chunks(ids) for r in conn.execute(_query(sql), {"ids": chunk})]
            reindex(conn, dep_kind, dep_ids, cascade=False)
    for chunk in _chunks(ids):
        rows = conn.execute(_query(_TEXT_SQL[kind]), {"ids": chunk}).all()
        existing = dict(conn.execute(
            _query("SELECT ref_id, id FROM search_docs WHERE kind = :kind AND ref_id IN :ids"),
            {"kind": kind, "ids": chunk}).all())
        if existing:
            conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :rowid"),
                         [{"rowid": r} for r in existing.values()])
        live = [(ref_id, body) for ref_id, body, deleted in rows if not deleted]
        gone = [existing[ref_id] for ref_id, _, deleted in rows if deleted and ref_id in existing]
        if gone:
            conn.execute(text("DELETE FROM search_docs WHERE id = :id"), [{"id": g} for g in gone])
        new_refs = [ref_id for ref_id, _ in live if ref_id not in existing]
        if new_refs:
            conn.execute(text("INSERT INTO search_docs (kind, ref_id) VALUES (:kind, :ref_id)"),
                         [{"kind": kind, "ref_id": r} for r in new_refs])
            existing.update(conn.execute(
                _query("SELECT ref_id, id FROM search_docs WHERE kind = :kind AND ref_id IN :ids"),
                {"kind": kind, "ids": new_refs}).all())
        if live:
            conn.execute(text(f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (:rowid, :body)"),
                         [{"rowid": existing[ref_id], "body": fold(body)} for ref_id, body in live])


def rebuild(conn: Connection) -> None:
    conn.execute(text(f"DELETE FROM {FTS_TABLE}"))
    conn.execute(text("DELETE FROM search_docs"))
    for kind, table in (("producer", "producers"), ("product", "products"), ("dossier", "dossiers")):
        ids = [r[0] for r in conn.execute(text(f"SELECT id FROM {table}"))]
        reindex(conn, kind, ids, cascade=False)


def match_expression(query: str) -> str | None:
    """Each word as a quoted prefix term, all required; None when nothing searchable is left."""
    tokens = search_tokens(query)
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens[:16])


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    ref_id: str


# Ranking reads every match's statistics; beyond this many matches a query is too broad for rank to
# help and it costs more than the 30 ms budget, so the newest rows come first instead.
RANK_LIMIT = 2000


def search(session: Session, query: str, kinds: Sequence[str] = KINDS, limit: int = 50) -> list[Hit]:
    expr = match_expression(query)
    if expr is None:
        return []
    conn = session.connection()
    broad = conn.execute(text(f"SELECT count(*) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :expr "
                              "LIMIT :cap)"), {"expr": expr, "cap": RANK_LIMIT + 1}).scalar_one() > RANK_LIMIT
    order = "f.rowid DESC" if broad else "f.rank"
    stmt = text(
        # CROSS JOIN keeps FTS5 as the outer loop; otherwise SQLite may re-run the MATCH per row.
        f"SELECT d.kind, d.ref_id FROM {FTS_TABLE} f CROSS JOIN search_docs d ON d.id = f.rowid "
        f"WHERE {FTS_TABLE} MATCH :expr AND d.kind IN :kinds ORDER BY {order} LIMIT :limit"
    ).bindparams(bindparam("kinds", expanding=True))
    rows = conn.execute(stmt, {"expr": expr, "kinds": list(kinds), "limit": limit})
    return [Hit(kind, ref_id) for kind, ref_id in rows]


def search_ids(session: Session, query: str, kind: str) -> list[str] | None:
    """Every matching id of one kind (for filtering a list); None when the query has no words."""
    expr = match_expression(query)
    if expr is None:
        return None
    rows = session.execute(
        text(f"SELECT d.ref_id FROM {FTS_TABLE} f CROSS JOIN search_docs d ON d.id = f.rowid "
             f"WHERE {FTS_TABLE} MATCH :expr AND d.kind = :kind"), {"expr": expr, "kind": kind})
    return [r[0] for r in rows]


def _after_flush(session: Session, flush_context) -> None:
    touched: dict[str, list[str]] = {}
    for obj in list(session.new) + list(session.dirty):
        kind = _TABLE_KIND.get(getattr(obj, "__tablename__", ""))
        if kind:
            touched.setdefault(kind, []).append(obj.id)
    if not touched:
        return
    conn = session.connection()
    for kind in KINDS:
        if kind in touched:
            reindex(conn, kind, touched[kind])


def install(session_factory) -> None:
    event.listen(session_factory, "after_flush", _after_flush)


def index_new(conn: Connection, table: str, ids: Sequence[str]) -> None:
    """Rows just inserted outside the ORM (db.bulk): nothing can depend on them yet and none is indexed, so
    their documents are numbered here and written with one executemany each, with no lookups. The unique
    (kind, ref_id) key refuses a row that was in fact indexed already."""
    kind = _TABLE_KIND.get(table)
    if kind is None or not ids:
        return
    live = [(ref_id, body) for chunk in _chunks(ids)
            for ref_id, body, deleted in conn.execute(_query(_TEXT_SQL[kind]), {"ids": chunk}) if not deleted]
    if not live:
        return
    first = conn.execute(text("SELECT coalesce(max(id), 0) + 1 FROM search_docs")).scalar_one()
    conn.execute(text("INSERT INTO search_docs (id, kind, ref_id) VALUES (:id, :kind, :ref_id)"),
                 [{"id": first + i, "kind": kind, "ref_id": ref_id} for i, (ref_id, _) in enumerate(live)])
    conn.execute(text(f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (:rowid, :body)"),
                 [{"rowid": first + i, "body": fold(body)} for i, (_, body) in enumerate(live)])
