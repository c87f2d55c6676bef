"""The organisation card: Fiche (identity, status, publics, contributions, circuit de
décision, notes, tags), Contacts and Suivi. Other areas add sections with
`add_card_section(title, factory)` (e.g. Projets)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QScrollArea, QVBoxLayout, QWidget

from partnerdesk.domain.journal import Cadence
from partnerdesk.domain.partners import Contribution, OrganisationData, OrgKind, OrgStatus, Public
from partnerdesk.i18n import _, format_date
from partnerdesk.services import partners, tags
from partnerdesk.ui.tabs.meetings.card_section import OrganisationMeetings
from partnerdesk.ui.tabs.partners.card_base import CardBase
from partnerdesk.ui.tabs.partners.contacts_panel import ContactsPanel
from partnerdesk.ui.tabs.partners.cadence import CADENCES, cadence_label
from partnerdesk.ui.tabs.partners.journal_panel import JournalPanel
from partnerdesk.ui.tabs.partners.sections import LazySection
from partnerdesk.ui.tabs.projects.org_projects import OrganisationProjects
from partnerdesk.ui.tabs.balance.panel import PartnerBalancePanel
from partnerdesk.ui.widgets.form import checks, combo, line, set_combo, text_box
from partnerdesk.ui.widgets.grammar_fields import ArticleField
from partnerdesk.ui.widgets.org_logo import OrganisationLogo
from partnerdesk.ui.widgets.tag_picker import TagPicker



def _grid(boxes: dict, title: str, columns: int = 2) -> QGroupBox:
    group = QGroupBox(title)
    grid = QGridLayout(group)
    for n, box in enumerate(boxes.values()):
        grid.addWidget(box, n // columns, n % columns)
    return group


class OrganisationCard(CardBase):
    kind = "organisation"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.setObjectName("organisationCard")
        self._build_fiche()
        self.contacts = ContactsPanel(ctx)
        self.journal = JournalPanel(ctx, "organisation")
        self.typed_parts.append(self.journal)
        self.journal.logged.connect(self._update_subtitle)
        self.contacts.loaded.connect(self.journal.set_members)  # the people of the "with" menu
        self.sections.addTab(self.contacts, _("Contacts"))
        self.sections.addTab(self.journal, _("Follow-up"))
        # Built when first shown: most cards are opened for their Fiche, Contacts or Suivi.
        self._projects = LazySection(self, _("Projects"), lambda card: OrganisationProjects(ctx))
        self._balance = LazySection(self, _("Balance"), lambda card: PartnerBalancePanel(ctx))
        self._meetings = LazySection(self, _("Meetings"), lambda card: OrganisationMeetings(ctx, card))

    @property
    def projects(self) -> OrganisationProjects:
        return self._projects.widget()

    @property
    def balance(self) -> PartnerBalancePanel:
        return self._balance.widget()

    @property
    def meetings(self) -> OrganisationMeetings:
        return self._meetings.widget()

    def _build_fiche(self) -> None:
        e = self.errors
        self.name = line("orgName")
        self.kind_box = combo("orgKind", OrgKind.choices())
        self.article = ArticleField()
        self.status_box = combo("orgStatus", OrgStatus.choices())
        self.address = line("orgAddress")
        self.postcode = line("orgPostcode")
        self.city = line("orgCity")
        self.country = line("orgCountry", _("France (leave empty), or the country of a foreign address"))
        self.phone = line("orgPhone", "02 99 12 34 56")
        self.email = line("orgEmail", "contact@exemple.fr")
        self.website = line("orgWebsite", "www.exemple.fr")
        self.cadence = combo("orgCadence", CADENCES, _("No contact cadence"))
        self.publics = checks(Public.choices(), "public")
        self.contributions = checks(Contribution.choices(), "contribution")
        self.circuit = text_box("orgCircuit")
        self.circuit.setPlaceholderText(_("Who decides and signs, and when (e.g. mayor's office, then a "
                                          "municipal order; association board every two months)"))
        self.notes = text_box("orgNotes", 90)
        self.tag_picker = TagPicker()
        self.logo = OrganisationLogo(self.ctx)

        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        e.row(form, _("Name *"), "name", self.name)
        form.addRow(_("Kind"), self.kind_box)
        e.row(form, _("Article"), "article", self.article)
        form.addRow(_("Status"), self.status_box)
        e.row(form, _("Address"), "address", self.address)
        e.row(form, _("Postcode"), "postcode", self.postcode)
        e.row(form, _("City"), "city", self.city)
        e.row(form, _("Country"), "country", self.country)
        e.row(form, _("Phone"), "phone", self.phone)
        e.row(form, _("Email"), "email", self.email)
        e.row(form, _("Website"), "website", self.website)
        form.addRow(_("Contact cadence"), self.cadence)
        form.addRow(_("Tags"), self.tag_picker)
        form.addRow(_("Logo"), self.logo)
        column.addLayout(form)
        column.addWidget(_grid(self.publics, _("Publics reached")))
        column.addWidget(_grid(self.contributions, _("What they can bring")))
        lower = QFormLayout()
        e.row(lower, _("Decision circuit"), "decision_circuit", self.circuit)
        e.row(lower, _("Notes"), "notes", self.notes)
        column.addLayout(lower)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self.sections.addTab(scroll, _("Details"))
        self.watch(self.name, self.kind_box, self.status_box, self.address, self.postcode, self.city,
                   self.country, self.phone, self.email, self.website, self.cadence, self.circuit, self.notes,
                   self.tag_picker, *self.publics.values(), *self.contributions.values(), self.article.box)
        self.name.textChanged.connect(lambda _t: self.article.set_name(self.name.text(), self.kind_box.currentData()))
        self.kind_box.currentIndexChanged.connect(
            lambda _i: self.article.set_name(self.name.text(), self.kind_box.currentData()))
        self.name.textChanged.connect(lambda text: self.set_title(text or _("New organisation")))
        # Immediate feedback next to the field, as soon as the user leaves it.
        self.email.editingFinished.connect(lambda: self._check_now("email"))
        self.phone.editingFinished.connect(lambda: self._check_now("phone"))
        self.postcode.editingFinished.connect(lambda: self._check_now("postcode"))
        self.website.editingFinished.connect(lambda: self._check_now("website"))

    def _check_now(self, name: str) -> None:
        from partnerdesk.domain import validation as v

        data = self.collect()
        check = {"email": lambda: v.check_email(data.email), "phone": lambda: v.check_phone(data.phone),
                 "postcode": lambda: v.check_postcode(data.postcode, data.country),
                 "website": lambda: v.check_url(data.website)}[name]
        message = check()
        self.errors.set(name, _(message) if message else None)

    # --- CardBase -----------------------------------------------------------------

    def load(self) -> None:
        data = partners.get_organisation(self.item_id) if self.item_id else None
        data = data or OrganisationData(name="")
        self.name.setText(data.name)
        set_combo(self.kind_box, data.kind)
        set_combo(self.status_box, data.status)
        self.article.set_value(data.article)
        self.article.set_name(data.name, data.kind)
        for widget, value in ((self.address, data.address), (self.postcode, data.postcode),
                              (self.city, data.city), (self.country, data.country), (self.phone, data.phone),
                              (self.email, data.email), (self.website, data.website)):
            widget.setText(value)
        if data.contact_cadence_days and self.cadence.findData(data.contact_cadence_days) < 0:
            self.cadence.addItem(cadence_label(data.contact_cadence_days), data.contact_cadence_days)
        set_combo(self.cadence, data.contact_cadence_days)
        for value, box in self.publics.items():
            box.setChecked(value in data.publics)
        for value, box in self.contributions.items():
            box.setChecked(value in data.contributions)
        self.circuit.setPlainText(data.decision_circuit)
        self.notes.setPlainText(data.notes)
        chosen = [t.id for t in tags.tags_of_organisation(self.item_id)] if self.item_id else []
        self.tag_picker.set_tags(tags.tag_choices(), chosen)
        self.set_title(data.name or _("New organisation"))
        self._loaded = data
        self.logo.set_organisation(self.item_id)
        self.journal.set_target(self.item_id, own_name=data.name, members=())  # people: from the contacts
        self.contacts.set_organisation(self.item_id)
        for section in (self._projects, self._balance, self._meetings):
            section.call("set_organisation", self.item_id)
        for index in range(1, self.sections.count()):
            self.sections.setTabEnabled(index, self.item_id is not None)
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        """Last contact and follow-up, read in the background."""
        self._subtitle_generation = getattr(self, "_subtitle_generation", 0) + 1
        generation, item_id = self._subtitle_generation, self.item_id
        if item_id is None:
            self._subtitle_for = None
            self.subtitle.setText(_("Fill in at least the name, then save."))
            self.subtitle.setStyleSheet("")
            return
        if getattr(self, "_subtitle_for", None) != item_id:
            self.subtitle.setText("")  # not the previous card's
            self.subtitle.setStyleSheet("")
        self.ctx.tasks.run(lambda _handle: partners.organisation_row(item_id),
                           lambda row: self._show_subtitle(generation, item_id, row))

    def _show_subtitle(self, generation: int, item_id: int, row) -> None:
        if generation != self._subtitle_generation or not shiboken6.isValid(self):
            return
        self._subtitle_for = item_id
        parts = []
        if row is not None:
            parts.append(_("Last contact: {date}").format(date=format_date(row.last_contact))
                         if row.last_contact else _("No contact recorded yet"))
            state = Cadence.parse(row.cadence)
            if state and state != Cadence.NONE:
                parts.append(_(state.label))
        self.subtitle.setText(" — ".join(parts))
        colour = {"amber": "#7a4b00", "red": "#8a1c12"}.get(row.cadence if row else "", "")
        self.subtitle.setStyleSheet(f"color: {colour};" if colour else "")

    def collect(self) -> OrganisationData:
        loaded = getattr(self, "_loaded", None)
        return OrganisationData(
            id=self.item_id, name=self.name.text().strip(), kind=self.kind_box.currentData(),
            status=self.status_box.currentData(), address=self.address.text().strip(),
            postcode=self.postcode.text().strip(), city=self.city.text().strip(),
            country=self.country.text().strip(), phone=self.phone.text().strip(),
            email=self.email.text().strip(), website=self.website.text().strip(),
            publics=[v for v, b in self.publics.items() if b.isChecked()],
            contributions=[v for v, b in self.contributions.items() if b.isChecked()],
            decision_circuit=self.circuit.toPlainText(), notes=self.notes.toPlainText(),
            contact_cadence_days=self.cadence.currentData(),
            verified_on=loaded.verified_on if loaded and self.item_id else None,
            article=self.article.value(),
        )

    def validate(self, data) -> None:
        partners.validate_organisation(data)

    def duplicates(self, data) -> list:
        return partners.organisation_duplicates(data)

    def write(self, data) -> int:
        if data.id is None:
            saved = partners.create_organisation(data)
        else:
            saved = partners.update_organisation(data)
        tags.set_organisation_tags(saved.id, self.tag_picker.chosen_ids())
        return saved.id

    def display_name(self) -> str:
        return self.name.text().strip()
