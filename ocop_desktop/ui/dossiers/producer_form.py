"""The producer (chủ thể) fields and its location, as the dossier editor shows them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QWidget

from ocop_core.domain.text import collation_key
from ocop_desktop import words
from ocop_desktop.i18n import _t
from ocop_desktop.services.dossier_view import DossierView
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.ui.dossiers.forms import WARNING_STYLE, FieldForm, fill_combo, text_check
from ocop_desktop.ui.dossiers.location_picker import AccuracySpin, LocationPicker

# Rough box around Vietnam, islands included: outside it a point is most likely a typing slip
# (often latitude and longitude swapped), so it is flagged but still accepted.
VIETNAM_LAT = (8.0, 23.5)
VIETNAM_LON = (102.0, 117.5)


def _line(parent: QWidget, placeholder: str = "") -> QLineEdit:
    # No maximum length: a paste cut to fit would lose its end unseen; a long one is said beside the box.
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


class CoordinateSpin(QDoubleSpinBox):
    """Degrees with a decimal point, as phones and map sites write them, but a comma typed the
    Vietnamese way is taken too."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setLocale(QLocale.c())
        self.setDecimals(6)  # about 10 cm: more than a phone's GPS gives
        # Wider than the valid range on purpose: a mistyped 200 stays visible with its error beside
        # it, instead of the box silently refusing the keystrokes.
        self.setRange(-999.0, 999.0)
        self.setSingleStep(0.0001)
        self.setMaximumWidth(200)

    def validate(self, text: str, pos: int):
        return super().validate(text.replace(",", "."), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(text.replace(",", "."))


class ProducerForm(FieldForm):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.shared = QLabel(self)  # the producer's other dossiers, which an edit here changes too
        self.shared.setWordWrap(True)
        self.shared.setStyleSheet(WARNING_STYLE)
        self.form.addRow(self.shared)
        self.form.setRowVisible(self.shared, False)
        self._text("name", self.tr("Tên chủ thể *"))
        self.kind = self.add_field("kind", self.tr("Loại hình"), QComboBox(self))
        fill_combo(self.kind, words.producer_kinds().items())
        self.commune = self.add_field("commune_code", self.tr("Xã/phường"), QComboBox(self),
                                      self.tr("Đơn vị hành chính sau sắp xếp 2025."))
        self._text("address", self.tr("Địa chỉ"), self.tr("Thôn/xóm, xã/phường, tỉnh"))
        self._text("representative", self.tr("Người đại diện"))
        self._text("phone", self.tr("Điện thoại"), self.tr("Ví dụ 0912 345 678; nhiều số cách nhau bằng dấu ;"))
        self._text("tax_code", self.tr("Mã số thuế"), self.tr("Chỉ gồm chữ số, ví dụ 3001234567"))
        self._text("registration_no", self.tr("Số đăng ký kinh doanh"))

    def _text(self, key: str, label: str, placeholder: str = "") -> None:
        self.add_field(key, label, _line(self, placeholder), check=text_check("producers", key))

    def show_view(self, view: DossierView, keep_edits: bool = False) -> None:
        p = view.producer
        # Ordered by the name without "Xã"/"Phường", which is what the officer types and looks for.
        communes = sorted(view.communes or ((p.commune_code, p.commune_name, p.commune_name),),
                          key=lambda c: collation_key(c[2]))
        if [self.commune.itemData(i) for i in range(self.commune.count())] != [c[0] for c in communes]:
            fill_combo(self.commune, [(code, name) for code, name, _ in communes])
        self.load({"name": p.name, "kind": p.kind, "commune_code": p.commune_code, "address": p.address,
                   "representative": p.representative, "phone": p.phone, "tax_code": p.tax_code,
                   "registration_no": p.registration_no}, keep_edits)
        self.shared.setText(shared_note(p.other_dossiers))
        self.form.setRowVisible(self.shared, bool(p.other_dossiers))


def shared_note(codes: tuple[str, ...], shown: int = 3) -> str:
    """The producer's other dossiers, which share its fields: what an edit here changes besides this one."""
    if not codes:
        return ""
    listed = ", ".join(codes[:shown]) + ("…" if len(codes) > shown else "")
    return _t("Chủ thể này có trong %n hồ sơ khác ({codes}): sửa thông tin ở đây là sửa cho cả các hồ sơ đó.", "",
              len(codes)).format(codes=listed)


class LocationForm(FieldForm):
    """Latitude and longitude, both or neither: the service refuses half a position. With a picker, the point
    is also set on a small map or from a photo; its accuracy and source go with it."""

    def __init__(self, parent: QWidget | None = None, picker: LocationPicker | None = None):
        super().__init__(parent)
        self._centre: tuple[float, float] | None = None
        self.picker = picker
        self.known = QCheckBox(self.tr("Đã xác định vị trí cơ sở sản xuất"), self)
        self.form.addRow("", self.known)
        self.lat = self.add_field("lat", self.tr("Vĩ độ (°B)"), CoordinateSpin(self),
                                  self.tr("Từ -90 đến 90 (Việt Nam: khoảng 8 đến 23,5)."))
        self.lon = self.add_field("lon", self.tr("Kinh độ (°Đ)"), CoordinateSpin(self),
                                  self.tr("Từ -180 đến 180 (Việt Nam: khoảng 102 đến 117,5)."))
        self.accuracy = self.add_field("location_accuracy_m", self.tr("Độ chính xác"), AccuracySpin(self),
                                       self.tr("Bán kính sai số, tính bằng mét; để “Không rõ” nếu không biết."))
        self.source = self.add_field("location_source", self.tr("Nguồn vị trí"), QComboBox(self))
        fill_combo(self.source, words.location_sources().items())
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.form.addRow("", self.warning)
        self.form.setRowVisible(self.warning, False)
        if picker is not None:
            self.form.addRow(picker)
            picker.picked.connect(self._picked)
        self.known.toggled.connect(self._on_known)
        for spin in (self.lat, self.lon):
            spin.valueChanged.connect(self._typed)
        self.edited.connect(self._check)

    def _on_known(self, known: bool) -> None:
        if known and self.lat.value() == 0 and self.lon.value() == 0 and self._centre:
            self.set_value("lat", self._centre[0])
            self.set_value("lon", self._centre[1])
            centre = self.picker.commune_centre() if self.picker is not None else None
            self.set_value("location_source", "commune_centroid")
            self.set_value("location_accuracy_m", centre[2] if centre else None)
        self._enable(known and self.known.isEnabled())
        self.edited.emit()

    def _enable(self, enabled: bool) -> None:
        for widget in (self.lat, self.lon, self.accuracy, self.source):
            widget.setEnabled(enabled)

    def _typed(self) -> None:
        """A coordinate typed by hand: its source is typing, and an accuracy from a map or a photo no longer holds."""
        self.set_value("location_source", "typed")
        self.set_value("location_accuracy_m", None)

    def _picked(self, lat: float, lon: float, source: str, accuracy: float | None) -> None:
        if not self.known.isEnabled():
            return
        self.known.blockSignals(True)  # the commune's centre is no guess here: the point is known
        self.known.setChecked(True)
        self.known.blockSignals(False)
        self._enable(True)
        for key, value in (("lat", lat), ("lon", lon), ("location_source", source), ("location_accuracy_m", accuracy)):
            self.set_value(key, value)
        self.edited.emit()

    def value(self, key: str) -> Any:
        value = super().value(key) if self.known.isChecked() else None
        # The accuracy box shows "Không rõ" at 0: nobody measures a position to the millimetre.
        return None if key == "location_accuracy_m" and not value else value

    def show_view(self, view: DossierView, keep_edits: bool = False) -> None:
        p = view.producer
        self._centre = p.commune_centre
        if not (keep_edits and self.changed()):
            self.known.blockSignals(True)
            self.known.setChecked(p.lat is not None)
            self.known.blockSignals(False)
            self._enable(p.lat is not None and self.known.isEnabled())
        self.load({"lat": p.lat, "lon": p.lon, "location_accuracy_m": p.location_accuracy_m,
                   "location_source": p.location_source}, keep_edits)
        if self.picker is not None:
            self.picker.show_view(view)
            self.picker.show_point(self.value("lat"), self.value("lon"))
        self._check()

    def changed(self) -> dict[str, Any]:
        edited = super().changed()
        # Sent together whichever one moved: the service checks them together.
        return {key: self.value(key) for key in ("lat", "lon", "location_accuracy_m", "location_source")} \
            if edited else {}

    def revert(self) -> None:
        known = self._baseline.get("lat") is not None
        self.known.blockSignals(True)
        self.known.setChecked(known)
        self.known.blockSignals(False)
        super().revert()
        self.set_editable(self.known.isEnabled())
        if self.picker is not None:
            self.picker.show_point(self.value("lat"), self.value("lon"))
        self._check()

    def set_editable(self, editable: bool) -> None:
        self.known.setEnabled(editable)
        self._enable(editable and self.known.isChecked())
        if self.picker is not None:
            self.picker.set_editable(editable)

    def _check(self) -> None:
        """Flags a value out of range at once, with the words the service's refusal would bring."""
        self.clear_errors()
        self.warning.clear()
        self.form.setRowVisible(self.warning, False)
        if not self.known.isChecked():
            return
        lat, lon = self.lat.value(), self.lon.value()
        for key, value, bound in (("lat", lat, 90), ("lon", lon, 180)):
            if abs(value) > bound:
                self.errors[key].setText(words.error_text(ServiceError("out_of_range", key)))
                self.errors[key].setVisible(True)
        if abs(lat) <= 90 and abs(lon) <= 180 and not (
                VIETNAM_LAT[0] <= lat <= VIETNAM_LAT[1] and VIETNAM_LON[0] <= lon <= VIETNAM_LON[1]):
            self.warning.setText(self.tr("Vị trí này nằm ngoài Việt Nam — kiểm tra lại, có thể đã nhập nhầm "
                                         "vĩ độ và kinh độ."))
            self.form.setRowVisible(self.warning, True)
        elif self.picker is not None and abs(lat) <= 90 and abs(lon) <= 180:
            self.picker.show_point(lat, lon, centre=False)
            found = self.picker.warnings(lat, lon)
            self.warning.setText("\n".join(found))
            self.form.setRowVisible(self.warning, bool(found))
