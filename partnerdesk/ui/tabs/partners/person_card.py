"""The person card: Fiche (names, emails, phones, relais, notes, tags), Parcours (the
affiliations over time) and Suivi."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain import validation as v
from partnerdesk.domain.contact_points import describe, parse_described
from partnerdesk.domain.partners import PersonData
from partnerdesk.domain.phone_display import display_phone, stored_form
from partnerdesk.domain.text import initials
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import N_, _, parse_date
from partnerdesk.services import partners, tags
from partnerdesk.ui.dialogs.affiliation import AffiliationDialog
from partnerdesk.ui.models.people import A_ORG, AffiliationTableModel
from partnerdesk.ui.models.roles import ObjectRole
from partnerdesk.ui.tabs.meetings.card_section import PersonMeetings
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.card_base import CardBase
from partnerdesk.ui.tabs.partners.journal_panel import JournalPanel
from partnerdesk.ui.tabs.partners.sections import LazySection
from partnerdesk.ui.widgets.address_list import AddressListEditor
from partnerdesk.ui.widgets.columns import widths_from_sample
from partnerdesk.ui.widgets.form import line, literal, push_button, set_combo, split_list, text_box, typed_date
from partnerdesk.ui.widgets.grammar_fields import civility_combo
from partnerdesk.ui.widgets.photo_consent import PhotoConsentWidget
from partnerdesk.ui.widgets.tag_picker import TagPicker


class PersonCard(CardBase):
    kind = "person"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.setObjectName("personCard")
        self.new_organisation_id: int | None = None
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToOrganisation")
        self.back_button.setFlat(True)
        self.back_button.setStyleSheet("text-align: left; color: palette(link);")
        self.back_button.clicked.connect(self._back)
        self.top.addWidget(self.back_button)
        self._build_fiche()
        self._build_history()
        self.journal = JournalPanel(ctx, "person")
        self.typed_parts.append(self.journal)
        self.sections.addTab(self.journal, _("Follow-up"))
        self.photo = PhotoConsentWidget(ctx, vertical=True, embedded=True)
        self.photo.consent_edited.connect(self.mark_dirty)
        self.photo_scroll = photo_scroll = QScrollArea()
        photo_scroll.setWidgetResizable(True)
        photo_scroll.setWidget(self.photo)
        self.sections.addTab(photo_scroll, _("Photo and image rights"))
        self._meetings = LazySection(self, _("Meetings"), lambda card: PersonMeetings(ctx, card))  # built when shown

    @property
    def meetings(self) -> PersonMeetings:
        return self._meetings.widget()

    def _build_fiche(self) -> None:
        e = self.errors
        self.civility = civility_combo()
        self.first_name = line("personFirstName")
        self.last_name = line("personLastName")
        self.role = line("personRole", _("e.g. Director, youth worker, volunteer"))
        self.since = line("personSince", _("dd/mm/yyyy"))
        self.since.setMaximumWidth(140)
        self.emails = line("personEmails", _("one or more, separated by commas"))
        self.phones = line("personPhones", _("one or more, separated by commas"))
        self.websites = line("personWebsites", _("one or more, separated by commas"))
        self.occupation = line("personTitle", _("held without an organisation, e.g. independent trainer"))
        self.addresses = AddressListEditor()
        self.relais = QCheckBox(_("Relay: carries the EPN's messages in their own network"))
        self.relais.setObjectName("personRelais")
        self.notes = text_box("personNotes", 90)
        self.tag_picker = TagPicker()
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        e.row(form, _("Civility"), "civility", self.civility)
        e.row(form, _("First name"), "first_name", self.first_name)
        e.row(form, _("Last name *"), "last_name", self.last_name)
        self.role_row = e.row(form, _("Role"), "role", self.role)
        self.since_row = e.row(form, _("Since"), "start_date", self.since)
        e.row(form, _("Emails"), "emails", self.emails)
        e.row(form, _("Phones"), "phones", self.phones)
        e.row(form, _("Websites"), "websites", self.websites)
        form.addRow(_("Occupation"), self.occupation)
        form.addRow(_("Addresses"), self.addresses)
        form.addRow("", self.relais)
        form.addRow(_("Tags"), self.tag_picker)
        e.row(form, _("Notes"), "notes", self.notes)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self.form = form
        self.sections.addTab(scroll, _("Details"))
        self.watch(self.first_name, self.last_name, self.role, self.since, self.emails, self.phones, self.relais,
                   self.notes, self.tag_picker, self.civility, self.websites, self.occupation)
        self.addresses.changed.connect(self.mark_dirty)
        self.first_name.textChanged.connect(self._retitle)
        self.last_name.textChanged.connect(self._retitle)
        # Immediate feedback next to the field, as soon as the user leaves it.
        self.emails.editingFinished.connect(lambda: self._check_now("emails", v.check_email))
        self.phones.editingFinished.connect(lambda: self._check_now("phones", v.check_phone))

    def _check_now(self, name: str, check) -> None:
        widget = self.emails if name == "emails" else self.phones
        values = [parse_described(t, _)[0] for t in split_list(widget.text())]
        message = next((m for m in map(check, values) if m), None)
        self.errors.set(name, _(message) if message else None)

    def _build_history(self) -> None:
        self.history_model = AffiliationTableModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.history_model)
        self.history = widths_from_sample(QTableView())  # fitted to a sample of rows, not all
        self.history.setTabKeyNavigation(False)  # Tab leaves the table
        self.history.setObjectName("affiliationsTable")
        self.history.setModel(proxy)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(A_ORG, QHeaderView.ResizeMode.Stretch)
        self.history.doubleClicked.connect(self._open_organisation)
        add = push_button(_("Add an affiliation…"), "addAffiliationButton", self._add_affiliation)
        job = push_button(_("Change of job…"), "changeJobButton", self._change_job)
        left = push_button(_("Has left…"), "leftButton", self._left)
        department = push_button(_("Department…"), "departmentButton", self._department)
        page = QWidget()
        layout = QVBoxLayout(page)
        buttons = QHBoxLayout()
        for b in (add, job, left, department):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.history, 1)
        self.sections.addTab(page, _("Career"))

    def _retitle(self, *_args) -> None:
        name = f"{self.first_name.text().strip()} {self.last_name.text().strip()}".strip()
        self.set_title(name or _("New person"))

    # --- CardBase ---------------------------------------------------------------------

    def new_in(self, organisation_id: int | None) -> None:
        """An empty card for a new person of `organisation_id` (with a role)."""
        self.new_organisation_id = organisation_id
        self.show_item(None)

    def load(self) -> None:
        data = partners.get_person(self.item_id) if self.item_id else None
        data = data or PersonData(last_name="")
        self._loaded = data
        set_combo(self.civility, data.civility)
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.current_affiliation = self._main_affiliation()
        self.role.setText(self.current_affiliation.role if self.current_affiliation else "")
        self.since.setText(typed_date(self.current_affiliation.start_date) if self.current_affiliation else "")
        self.emails.setText(", ".join(describe(x, data.labels.get(x), _) for x in data.emails))
        self.phones.setText(", ".join(describe(display_phone(x), data.labels.get(x), _) for x in data.phones))
        self.websites.setText(", ".join(describe(x, data.labels.get(x), _) for x in data.websites))
        self.occupation.setText(data.title)
        self.addresses.set_addresses(data.addresses)
        self.relais.setChecked(data.relais)
        self.notes.setPlainText(data.notes)
        chosen = [t.id for t in tags.tags_of_person(self.item_id)] if self.item_id else []
        self.tag_picker.set_tags(tags.tag_choices(), chosen)
        creating_member = self.item_id is None and self.new_organisation_id is not None
        # Fonction and Depuis of the current affiliation, edited in place on the card.
        self.form.setRowVisible(self.role_row, creating_member or self.current_affiliation is not None)
        self.form.setRowVisible(self.since_row, creating_member or self.current_affiliation is not None)
        self._retitle()
        self.subtitle.setText("")
        self.subtitle.setStyleSheet("")
        self.history_model.set_rows(self._history_rows())
        self.history.resizeColumnsToContents()
        self.journal.set_target(self.item_id, own_name=data.full_name if self.item_id else None)
        self._meetings.call("set_organisation", self.item_id)
        self.photo.set_person(self.item_id, initials(data.first_name, data.last_name), data.full_name)
        for index in range(1, self.sections.count()):
            self.sections.setTabEnabled(index, self.item_id is not None)
        self._update_back()

    def _history_rows(self):
        if self.item_id is None:
            return []
        names = {}
        rows = []
        for a in partners.affiliations_of(self.item_id):
            if a.organisation_id not in names:
                org = partners.get_organisation(a.organisation_id)
                names[a.organisation_id] = org.name if org else "?"
            rows.append((a, names[a.organisation_id]))
        return rows

    def _main_affiliation(self):
        """The current affiliation the card's Fonction and Depuis edit: the one of the
        organisation the card was opened from, else the most recent."""
        if self.item_id is None:
            return None
        current = [a for a in partners.affiliations_of(self.item_id) if a.is_current]
        if not current:
            return None
        current.sort(key=lambda a: (a.start_date is not None, a.start_date or 0, a.id or 0), reverse=True)
        return current[0]

    def _reload_current_affiliation(self) -> None:
        """After a change of job or a departure: Fonction and Depuis show the new current
        affiliation (the rest of the card keeps what is being typed)."""
        self.current_affiliation = self._main_affiliation()
        current = self.current_affiliation
        for edit, text in ((self.role, current.role if current else ""),
                           (self.since, typed_date(current.start_date) if current else "")):
            edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(False)
        self.form.setRowVisible(self.role_row, current is not None)
        self.form.setRowVisible(self.since_row, current is not None)

    def _since_date(self):
        try:
            return parse_date(self.since.text())
        except ValueError:
            raise ValidationError({"start_date": N_("Enter a date such as 22/11/2026.")}) from None

    def _update_back(self) -> None:
        org_id = self.back_organisation_id()
        org = partners.get_organisation(org_id) if org_id else None
        self.back_button.setVisible(org is not None)
        if org is not None:
            self.back_button.setText("← " + literal(org.name))

    def back_organisation_id(self) -> int | None:
        if self.item_id is None:
            return self.new_organisation_id
        current = [a for a, _name in self._history_rows() if a.is_current]
        return current[0].organisation_id if current else None

    def collect(self) -> PersonData:
        loaded = getattr(self, "_loaded", None)
        labels: dict[str, dict] = {}

        stored = list(loaded.phones) if loaded is not None and self.item_id else []

        def values(widget) -> list[str]:
            out = []
            for text in split_list(widget.text()):
                value, label = parse_described(text, _)
                if widget is self.phones:  # shown "06 12 34 56 78", stored "+33612345678": keep the stored
                    value = stored_form(value, stored)
                out.append(value)
                if label:
                    labels[value] = label
            return out

        return PersonData(
            id=self.item_id, first_name=self.first_name.text().strip(), last_name=self.last_name.text().strip(),
            emails=values(self.emails), phones=values(self.phones),
            relais=self.relais.isChecked(), notes=self.notes.toPlainText(),
            verified_on=loaded.verified_on if loaded and self.item_id else None,
            websites=values(self.websites), labels=labels, title=self.occupation.text().strip(),
            addresses=self.addresses.addresses(),
            civility=self.civility.currentData() or "",
        )

    def validate(self, data) -> None:
        errors = {}
        loaded = getattr(self, "_loaded", None)
        try:
            partners.validate_person(data, known_phones=loaded.phones if loaded is not None and self.item_id else [])
        except ValidationError as exc:
            errors.update(exc.errors)
        if self.form.isRowVisible(self.since_row):
            try:
                self._since_date()
            except ValidationError as exc:
                errors.update(exc.errors)
        if errors:
            raise ValidationError(errors)
        if self.photo.consent_is_dirty():
            try:
                self.photo.check_consent()
            except ValidationError:
                self.sections.setCurrentWidget(self.photo_scroll)
                raise

    def duplicates(self, data) -> list:
        return partners.person_duplicates(data)

    def write(self, data) -> int:
        if data.id is None:
            saved = partners.create_person(data, organisation_id=self.new_organisation_id,
                                           role=self.role.text().strip(),
                                           start_date=self._since_date())
            self.new_organisation_id = None
        else:
            saved = partners.update_person(data)
            current = self.current_affiliation
            if current is not None:
                role, since = self.role.text().strip(), self._since_date()
                if (role, since) != (current.role, current.start_date):
                    partners.update_affiliation(current.id, role, since, current.end_date)
        tags.set_person_tags(saved.id, self.tag_picker.chosen_ids())
        if self.photo.consent_is_dirty():  # the image-rights section is part of the card
            self.photo.save_consent()
        return saved.id

    # --- affiliations ----------------------------------------------------------------------

    def _selected_affiliation(self):
        index = self.history.currentIndex()
        row = self.history.model().data(index, ObjectRole) if index.isValid() else None
        return row[0] if row else None

    def _organisations(self):
        return partners.list_organisations()

    def _after_affiliation_change(self) -> None:
        self.history_model.set_rows(self._history_rows())
        self._reload_current_affiliation()
        self._update_back()
        self.ctx.signals.data_changed.emit("people")

    def _add_affiliation(self) -> None:
        dialog = AffiliationDialog(self._organisations(), _("Add an affiliation"), parent=self)
        if dialog.exec():
            org_id, role, start = dialog.values()
            partners.add_affiliation(self.item_id, org_id, role, start)
            self._after_affiliation_change()

    def _change_job(self) -> None:
        current = self._selected_affiliation() or next(
            (a for a, _n in self._history_rows() if a.is_current), None)
        if current is None or not current.is_current:
            self._add_affiliation()
            return
        dialog = AffiliationDialog(self._organisations(), _("Change of job"),
                                   _("The current affiliation is closed the day before and kept in the "
                                     "history."), parent=self)
        if dialog.exec():
            org_id, role, start = dialog.values()
            try:
                partners.change_job(current.id, org_id, role, start)
            except ValidationError as exc:
                prompts.inform(self, _("Change of job"), " ".join(_(m) for m in exc.errors.values()))
                return
            self._after_affiliation_change()

    def _left(self) -> None:
        current = self._selected_affiliation()
        if current is None or not current.is_current:
            return
        end = prompts.ask_date(self, _("Has left the organisation"),
                               _("When did they leave? The affiliation is kept in the history."))
        if end is None:
            return
        try:
            partners.close_affiliation(current.id, end)
        except ValidationError as exc:
            prompts.inform(self, _("Has left the organisation"), " ".join(_(m) for m in exc.errors.values()))
            return
        self._after_affiliation_change()

    def _department(self) -> None:
        current = self._selected_affiliation() or next(
            (a for a, _n in self._history_rows() if a.is_current), None)
        if current is None:
            return
        text = prompts.ask_text(self, _("Department"), _("Department or unit within the organisation:"),
                                current.department)
        if text is None:
            return
        partners.update_affiliation(current.id, current.role, current.start_date, current.end_date, text)
        self._after_affiliation_change()

    def _open_organisation(self, index) -> None:
        row = self.history.model().data(index, ObjectRole)
        if row:
            self.open_requested.emit("organisation", row[0].organisation_id)

    def _back(self) -> None:
        org_id = self.back_organisation_id()
        if org_id:
            self.open_requested.emit("organisation", org_id)

