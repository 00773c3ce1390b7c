"""Dropping rows that left the scope: the row, the rows this laptop made beneath it that the server never
took, unsent work quarantined (never lost), and only the files no remaining row names."""

from __future__ import annotations

from sqlalchemy import select, update

from ocop_desktop.db import out_of_scope
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import ChangeJournal, Dossier, DossierDocument, Product
from ocop_desktop.db.sync_store import models, pull_session
from ocop_desktop.services import documents, dossiers


def _attach(session, blobs: BlobStore, tmp_path, dossier_id: str, content: bytes, name: str) -> str:
    source = tmp_path / name
    source.write_bytes(content)
    return documents.attach_document(session, blobs, dossier_id=dossier_id, file_path=source,
                                     doc_type="business_registration").id


def _as_pulled(session) -> None:
    """Everything so far came from the server: acknowledged, at a server version."""
    session.info["journal"] = False
    for model in models().values():
        session.execute(update(model).values(server_version=5))
    session.execute(update(ChangeJournal).values(status="sent"))
    session.commit()
    session.info["journal"] = True


def test_a_gone_dossier_takes_its_unsent_children_and_only_unnamed_files(db, session, world, tmp_path):
    """The dossier and its pulled document go; a document made here and never sent goes with them, its insert
    quarantined as out_of_scope like the unsent edit of the dossier; a file another dossier's document
    still names stays, the other is returned for deletion."""
    blobs = BlobStore(tmp_path / "attachments")
    other = dossiers.create_dossier(session, product_id=world.product_id, code="HS-2026-0002").id
    pulled = _attach(session, blobs, tmp_path, world.dossier_id, b"%PDF shared", "a.pdf")
    _attach(session, blobs, tmp_path, other, b"%PDF shared", "a-copy.pdf")
    session.commit()
    _as_pulled(session)
    dossiers.update_dossier(session, world.dossier_id, notes="Ghi chú chưa gửi")
    local = _attach(session, blobs, tmp_path, world.dossier_id, b"%PDF only here", "b.pdf")
    session.commit()
    shared, only_here = session.get(DossierDocument, pulled).sha256, session.get(DossierDocument, local).sha256

    with pull_session(db) as s:
        removed, files = out_of_scope.forget(s, [("dossiers", world.dossier_id), ("dossier_documents", pulled),
                                                 ("no_such_entity", "x")])
        s.commit()

    assert removed == {"dossiers": {world.dossier_id}, "dossier_documents": {pulled, local}}
    assert files == {only_here} and shared != only_here
    with db.session() as s:
        assert s.get(Dossier, world.dossier_id) is None and s.get(Dossier, other) is not None
        assert s.get(Product, world.product_id) is not None  # not named: still in scope
        entries = list(s.scalars(select(ChangeJournal).where(ChangeJournal.status != "sent")))
    assert {(e.entity, e.entity_id) for e in entries} == {("dossiers", world.dossier_id),
                                                          ("dossier_documents", local)}
    assert all(e.status == "quarantined" and e.reason.startswith("out_of_scope: out_of_scope:") for e in entries)
    notes = next(e for e in entries if e.entity == "dossiers")
    assert "Ghi chú chưa gửi" in notes.fields_json  # what was typed is kept with the reason


def test_a_dropped_row_that_comes_back_is_stored_whole(db, session, world):
    """Reassigned after it left: the row returns from the server with every field, although the quarantined
    unsent edit still names one of them (there is no local value left to protect)."""
    from ocop_core.entities import ENTITIES
    from ocop_core.protocol import Row
    from ocop_desktop.db import pull_apply
    from ocop_desktop.db.wire import to_wire

    _as_pulled(session)
    dossier = session.get(Dossier, world.dossier_id)
    wire = {name: to_wire(getattr(dossier, name)) for name in ENTITIES["dossiers"].fields}
    dossiers.update_dossier(session, world.dossier_id, notes="Ghi chú chưa gửi")
    session.commit()
    with pull_session(db) as s:
        out_of_scope.forget(s, [("dossiers", world.dossier_id)])
        s.commit()
    with pull_session(db) as s:
        pull_apply.apply_rows(s, [Row(entity="dossiers", id=world.dossier_id, version=9, deleted=False,
                                      data={**wire, "notes": "Ghi chú của tỉnh"})])
        s.commit()
    with db.session() as s:
        back = s.get(Dossier, world.dossier_id)
        assert back is not None and back.notes == "Ghi chú của tỉnh" and back.server_version == 9
        assert s.scalar(select(ChangeJournal.status).where(ChangeJournal.entity_id == world.dossier_id,
                                                           ChangeJournal.status != "sent")) == "quarantined"
