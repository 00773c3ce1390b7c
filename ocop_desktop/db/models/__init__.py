"""All tables, imported together so metadata is complete."""

from ocop_desktop.db.models.councils import (
    Council,
    CouncilAssignment,
    CouncilMember,
    CouncilResult,
    EvaluationSession,
)
from ocop_desktop.db.models.criteria import CriteriaSetVersion
from ocop_desktop.db.models.dossiers import Dossier, DossierDocument
from ocop_desktop.db.models.journal import ChangeJournal, DataVersion, LocalMeta, SearchDoc
from ocop_desktop.db.models.lots import LotPhoto, ProductionLot
from ocop_desktop.db.models.recognition import Recognition
from ocop_desktop.db.models.reference import AdminUnit, LegacyUnit
from ocop_desktop.db.models.registry import Producer, Product
from ocop_desktop.db.models.scoring import ScoreLine, ScoreSheet
from ocop_desktop.db.models.sync_local import LocalOnlyRow, QuarantinedRow
from ocop_desktop.db.models.sync_state import Conflict, Credential, SyncRun
from ocop_desktop.db.models.work import Device, Task, User

__all__ = [
    "AdminUnit",
    "ChangeJournal",
    "Conflict",
    "Council",
    "CouncilAssignment",
    "CouncilMember",
    "CouncilResult",
    "Credential",
    "CriteriaSetVersion",
    "DataVersion",
    "Device",
    "Dossier",
    "DossierDocument",
    "EvaluationSession",
    "LegacyUnit",
    "LocalMeta",
    "LocalOnlyRow",
    "LotPhoto",
    "Producer",
    "Product",
    "ProductionLot",
    "QuarantinedRow",
    "Recognition",
    "ScoreLine",
    "ScoreSheet",
    "SearchDoc",
    "SyncRun",
    "Task",
    "User",
]
