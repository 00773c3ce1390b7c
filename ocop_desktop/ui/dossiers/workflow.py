"""The dossier's status and one button per move the workflow lets the logged-in person make, and no other."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ocop_core.domain.dossier_status import TRANSITIONS
from ocop_core.rules.actor import ROLES, Actor
from ocop_core.rules.workflow import MOVERS, allowed_transitions, check_move
from ocop_desktop import words
from ocop_desktop.i18n import _t
from ocop_desktop.services.dossier_view import DossierView

# Background of the status chip: grey while with the producer, blue in the workflow, green when done.
_CHIP = {"draft": "#e0e0e0", "submitted": "#d7e8fb", "commune_checked": "#d7e8fb", "forwarded": "#d7e8fb",
         "evaluated": "#d9f2dc", "closed": "#d9f2dc"}


def move_labels() -> dict[str, str]:
    """The action that leads to each status, worded as what the officer does."""
    return {"submitted": _t("Nộp hồ sơ"), "commune_checked": _t("Xác nhận xã đã kiểm tra"),
            "forwarded": _t("Chuyển lên Hội đồng tỉnh"), "evaluated": _t("Ghi nhận đã đánh giá"),
            "closed": _t("Kết thúc hồ sơ"), "draft": _t("Trả lại để bổ sung")}


def allowed_moves(view: DossierView) -> tuple[str, ...]:
    """The moves ocop_core.rules lets the person looking make: by their role, their communes and the
    council's approved result; the server re-decides each with the same rules."""
    reader, d = view.reader, view.dossier
    if reader is None:
        return ()
    return allowed_transitions(reader, d.status, commune_code=d.commune_code, approved_stars=d.approved_stars)


def is_reversible(view: DossierView, target: str) -> bool:
    """A move is easy to undo when the same person may make the way straight back afterwards."""
    reader, d = view.reader, view.dossier
    return reader is not None and check_move(reader, target, d.status, commune_code=d.commune_code,
                                             approved_stars=d.approved_stars) is None


def no_move_reason(view: DossierView) -> str:
    """Why the workflow offers this person no button: the dossier is done, or each next step is someone
    else's (or waits for the council's approved result), said as the rule's refusal."""
    d = view.dossier
    targets = TRANSITIONS.get(d.status, ())
    if not targets:
        return _t("Hồ sơ đã kết thúc quy trình.")
    reader = view.reader or Actor("", "viewer")
    reasons: dict[str, None] = {}
    for target in targets:
        refusal = check_move(reader, d.status, target, commune_code=d.commune_code, approved_stars=d.approved_stars)
        if refusal is None:
            continue
        if refusal.code == "transition_not_for_role":
            roles = words.user_roles()
            reasons[_t("“{target}” do {roles} thực hiện.").format(
                target=move_labels().get(target, target),
                roles=_t(" hoặc ").join(roles.get(r, r) for r in ROLES if r in MOVERS[(d.status, target)]))] = None
        else:
            reasons[words.code_text(refusal.code, **refusal.params)] = None
    return " ".join(reasons)


class WorkflowBar(QWidget):
    move_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Trạng thái:"), self))
        self.chip = QLabel(self)
        self.chip.setObjectName("status_chip")
        row.addWidget(self.chip)
        row.addStretch(1)
        self._row = row
        self.buttons: dict[str, QPushButton] = {}
        self.reason: QLabel | None = None  # why no move is offered, when none is
        self._shown: list[QWidget] = []

    def show_view(self, view: DossierView) -> None:
        """The dossier's status and the moves its reader may make; or, greyed, why they may make none."""
        moves = allowed_moves(view)
        self.show_status(view.dossier.status, moves, note="" if moves else no_move_reason(view))

    def show_status(self, status: str, allowed: tuple[str, ...], enabled: bool = True, note: str = "") -> None:
        self.chip.setText(words.word(words.dossier_statuses(), status))
        self.chip.setStyleSheet(f"background: {_CHIP.get(status, '#e0e0e0')}; border-radius: 4px; "
                                "padding: 2px 8px; font-weight: 600;")
        for widget in self._shown:
            self._row.removeWidget(widget)
            widget.hide()  # deleteLater waits for the event loop; until then it must not be seen
            widget.deleteLater()
        self.buttons, self._shown, self.reason = {}, [], None
        labels = move_labels()
        # Forward moves first; sending a dossier back is the exception, so it comes last.
        for target in sorted(allowed, key=lambda t: t == "draft"):
            button = QPushButton(labels.get(target, target), self)
            button.setObjectName(f"move_{target}")
            button.setToolTip(self.tr("Chuyển sang trạng thái “{status}”").format(
                status=words.word(words.dossier_statuses(), target)))
            button.setEnabled(enabled)
            button.clicked.connect(lambda _checked=False, t=target: self.move_requested.emit(t))
            self._row.addWidget(button)
            self.buttons[target] = button
            self._shown.append(button)
        if not allowed:
            done = QLabel(note or self.tr("Hồ sơ đã kết thúc quy trình."), self)
            done.setWordWrap(True)
            done.setEnabled(False)
            self._row.addWidget(done, 4)
            self.reason = done
            self._shown.append(done)
