"""A person's postal addresses on the card: one small block per address (kind, street,
postcode, city, region, country), a button to add one, a cross to remove one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from partnerdesk.domain.contact_points import PLACE_KINDS, Address
from partnerdesk.i18n import _
from partnerdesk.ui.widgets.form import line, push_button


class AddressBlock(QWidget):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, address: Address, parent=None):
        super().__init__(parent)
        self.setObjectName("addressBlock")
        self.kind = QComboBox()
        self.kind.setObjectName("addressKind")
        for key, label in PLACE_KINDS.items():
            self.kind.addItem(_(label), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(address.kind)))
        self.street = QPlainTextEdit(address.street)
        self.street.setObjectName("addressStreet")
        self.street.setTabChangesFocus(True)
        self.street.setPlaceholderText(_("Street"))
        self.street.setFixedHeight(self.street.fontMetrics().lineSpacing() * 2 + 12)
        self.postcode = line("addressPostcode", _("Postcode"))
        self.postcode.setText(address.postcode)
        self.postcode.setMaximumWidth(90)
        self.city = line("addressCity", _("City"))
        self.city.setText(address.city)
        self.region = line("addressRegion", _("Region"))
        self.region.setText(address.region)
        self.country = line("addressCountry", _("Country"))
        self.country.setText(address.country)
        remove = QPushButton("×")
        remove.setObjectName("addressRemove")
        remove.setToolTip(_("Remove this address"))
        remove.setFixedWidth(28)
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 6)
        grid.addWidget(self.kind, 0, 0)
        grid.addWidget(self.street, 0, 1, 1, 3)
        grid.addWidget(remove, 0, 4)
        grid.addWidget(self.postcode, 1, 0)
        grid.addWidget(self.city, 1, 1)
        grid.addWidget(self.region, 1, 2)
        grid.addWidget(self.country, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        self.kind.currentIndexChanged.connect(self.changed)
        self.street.textChanged.connect(self.changed)
        for edit in (self.postcode, self.city, self.region, self.country):
            edit.textChanged.connect(self.changed)

    def address(self) -> Address:
        return Address(self.kind.currentData(), self.street.toPlainText().strip(), self.postcode.text().strip(),
                       self.city.text().strip(), self.region.text().strip(), self.country.text().strip())


class AddressListEditor(QWidget):
    """`changed` fires on any edit; `addresses()` gives the non-empty ones."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("personAddresses")
        self.blocks: list[AddressBlock] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.add_button = push_button(_("Add an address"), "addAddressButton",
                                      lambda: self.add(Address("home"), user=True))
        self.column.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignLeft)

    def set_addresses(self, addresses: list[Address]) -> None:
        for block in list(self.blocks):
            self._drop(block)
        for address in addresses:
            self.add(address)

    def add(self, address: Address, user: bool = False) -> AddressBlock:
        block = AddressBlock(address, self)
        block.changed.connect(self.changed)
        block.remove_requested.connect(self.remove)
        self.blocks.append(block)
        self.column.insertWidget(self.column.count() - 1, block)
        if user:
            block.street.setFocus()
            self.changed.emit()
        return block

    def remove(self, block: AddressBlock) -> None:
        self._drop(block)
        self.changed.emit()

    def _drop(self, block: AddressBlock) -> None:
        self.blocks.remove(block)
        self.column.removeWidget(block)
        block.deleteLater()

    def addresses(self) -> list[Address]:
        return [a for a in (b.address() for b in self.blocks) if not a.is_empty]
