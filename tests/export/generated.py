"""Generated projects for the document tests and the benchmark: 0–80 partners, 0–250 sessions,
0–40 photos, long names, amounts up to 10 million €, empty fields — and the checks every
exported text must pass (French grammar, no "(s)", no "1 séances")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from hypothesis import strategies as st

from partnerdesk.domain.conventions import CircuitStep
from partnerdesk.domain.grammar import starts_with_vowel_sound
from partnerdesk.domain.validation import NAME_MAX
from partnerdesk.domain.partners import OrganisationData, OrgKind, PersonData
from partnerdesk.domain.projects import (
    BudgetLineData,
    ContributionData,
    PhotoData,
    ProjectData,
    RealizationData,
    SessionData,
    Stage,
)
from partnerdesk.services import conventions, partners, project_budget, projects, realizations, sessions

TODAY = dt.date(2026, 11, 30)

#: organisation names that start with a vowel, an h muet, an h aspiré, a consonant, an article…
NAMES = ["Association Les Petits Débrouillards", "Espace jeunes", "École Jules Ferry", "Orange", "Emmaüs Connect",
         "Amicale laïque", "Hôpital Pellegrin", "Halle des sports", "Collège Jean Moulin", "Caisse d'allocations",
         "La Poste", "Les Restos du Cœur", "Unis-Cité", "Institut régional", "Union des commerçants",
         "Mairie de Bègles", "Boulangerie Dupont & Fils <SARL>", "Fondation Abbé Pierre", "Yves Rocher",
         "Office de tourisme", "EHPAD Les Tilleuls", "Université de Bordeaux", "Agence Œuvre & Cie"]
PEOPLE = ["Claire Martin", "Karim Benali", "Élodie Marchand", "Anaïs Müller", "Jean-Baptiste N'Diaye",
          "Hélène Le Goff", "Zoé Œillet", "Noël Lefèvre"]
WORDS = ["atelier", "numérique", "tablette", "seniors", "familles", "quartier", "photo", "inclusion", "Rennes",
         "bénévoles", "médiation", "emploi", "jeunes", "réseau", "cœur", "«\u00a0clics\u00a0»", "&", "<b>"]


@dataclass
class Spec:
    title: str
    partners: list[tuple[str, str, str, list[float], bool]] = field(default_factory=list)  # name kind stage values obtained
    sessions: list[tuple[int, int | None, int | None, bool, bool, int]] = field(default_factory=list)
    photos: int = 0
    budget: list[tuple[str, float, int | None]] = field(default_factory=list)  # label, amount, partner index
    objectives: str = ""
    description: str = ""
    bilan_text: str = ""
    publics: list[str] = field(default_factory=list)


def _text(draw, max_words: int) -> str:
    return " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=max_words)))


@st.composite
def specs(draw, max_partners: int = 80, max_sessions: int = 250, max_photos: int = 40) -> Spec:
    long = draw(st.booleans())
    title = _text(draw, 40 if long else 6) or "Projet"
    if long:
        title = (title + " " + "très long titre de projet " * 8)[:NAME_MAX]
    count = draw(st.integers(0, max_partners))
    partners_ = []
    for i in range(count):
        name = draw(st.sampled_from(NAMES))
        if draw(st.integers(0, 9)) == 0:
            name = (name + " " + "nom très long " * draw(st.integers(1, 20)))[:190]  # names: 200 at most
        values = draw(st.lists(st.one_of(st.just(0.0), st.floats(1, 10_000_000, allow_nan=False).map(
            lambda v: round(v, 2))), max_size=3))
        partners_.append((f"{name}"[:NAME_MAX - 4] + f" {i}", draw(st.sampled_from([k.value for k in OrgKind])),
                          draw(st.sampled_from([s.value for s in Stage])), values, draw(st.booleans())))
    sessions_ = draw(st.lists(st.tuples(
        st.integers(0, 800), st.one_of(st.none(), st.integers(0, 30)), st.one_of(st.none(), st.integers(0, 30)),
        st.booleans(), st.booleans(), st.integers(0, 4)), max_size=max_sessions))
    budget = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.floats(0, 10_000_000, allow_nan=False).map(
        lambda v: round(v, 2)), st.one_of(st.none(), st.integers(0, max(0, count - 1)))), max_size=8))
    return Spec(title, partners_, sessions_, draw(st.integers(0, max_photos)), budget,
                "\n".join(draw(st.lists(st.just("- ") .map(lambda s: s + _text(draw, 6)), max_size=4))),
                _text(draw, 60), _text(draw, 80),
                draw(st.lists(st.sampled_from(["jeunes", "seniors", "familles", "tout_public"]), unique=True)))


def largest() -> Spec:
    """The largest project the generator makes: for the benchmark."""
    partners_ = [(f"{NAMES[i % len(NAMES)]} {i}" + (" nom très long" * 10 if i % 7 == 0 else "")[:190],
                  [k.value for k in OrgKind][i % 7], [s.value for s in Stage][i % 10], [10_000_000.0, 1500.5],
                  i % 2 == 0) for i in range(80)]
    sessions_ = [(i * 3, 12, (i * 7) % 13, i % 17 == 0, i % 5 == 0, 3) for i in range(250)]
    budget = [(f"Poste {i}", 10_000_000.0 / (i + 1), i if i < 80 else None) for i in range(20)]
    return Spec("Très grand projet " + "« au long titre » " * 10, partners_, sessions_, 40, budget,
                "- Un objectif\n- Un autre objectif", "Description " * 200, "Bilan " * 300,
                ["jeunes", "seniors", "familles"])


def build(spec: Spec, photos_dir, photo_file: str) -> tuple[int, list[int], int | None]:
    """Write the project of `spec`; return (project id, organisation ids, convention id)."""
    project = projects.create_project(ProjectData(spec.title, description=spec.description,
                                                  objectives=spec.objectives, bilan_text=spec.bilan_text,
                                                  publics=spec.publics, start_date=TODAY - dt.timedelta(days=800),
                                                  end_date=TODAY, place="EPN"))
    org_ids, cards = [], []
    for i, (name, kind, stage, values, obtained) in enumerate(spec.partners):
        org = partners.create_organisation(OrganisationData(name, kind=kind, city="" if i % 3 else "Rennes"))
        if i % 4 == 0:
            partners.create_person(PersonData(PEOPLE[i % len(PEOPLE)].split()[-1],
                                              PEOPLE[i % len(PEOPLE)].split()[0],
                                              civility=["madame", "monsieur", ""][i % 3]), org.id, "Présidente")
        card = projects.add_partner(project.id, org.id, stage)
        for value in values:
            projects.add_contribution(ContributionData(card.id, "financement", "Soutien", value or None,
                                                       status="obtenu" if obtained else "attendu"))
        org_ids.append(org.id)
        cards.append(card.id)
    for label, amount, index in spec.budget:
        project_budget.add_budget_line(BudgetLineData(project.id, label or "Poste", amount,
                                                project_partner_id=cards[index] if index is not None and cards
                                                else None))
    for day, planned, actual, cancelled, held, names in spec.sessions:
        sessions.create_session(SessionData(project.id, TODAY - dt.timedelta(days=day), "14:00", "16:00", "EPN",
                                            "Élodie", None, planned, actual, cancelled, "",
                                            PEOPLE[:names], marked_held=held))
    for i in range(spec.photos):
        realizations.add_photo(PhotoData(project.id, photo_file, f"Photo {i}" if i % 2 else ""))
    if spec.photos:
        realizations.add_realization(RealizationData(project.id, "Livret", spec.description[:500], TODAY))
    convention_id = None
    if org_ids:
        conv = conventions.create_convention(f"Convention {spec.title}"[:NAME_MAX], org_ids[:3], project_id=project.id)
        convention_id = conv.id
        if len(spec.sessions) % 2:  # half of them signed: the frozen text is printed
            conventions.set_dates(conv.id, signed_on=TODAY, start_date=TODAY, end_date=TODAY + dt.timedelta(days=90))
            conventions.set_steps(conv.id, [CircuitStep("Direction", status="valide")])
            conventions.set_status(conv.id, "en_validation")
            conventions.set_status(conv.id, "signee")
    return project.id, org_ids, convention_id


# --- checks on the extracted text ---------------------------------------------------

BAD_ELISION = re.compile(r"(?<![\w’'-])(?:de|De|le|Le|la|La) (?P<next>[^\W\d_][\w-]*)")
PLURAL_MARK = re.compile(r"\w\(s\)")
ONE_PLURAL = re.compile(r"(?<![\d\u202f\u00a0.,])(?<!\d )\b[01] (séances|annulées|partenaires|participations|"
                        r"personnes différentes|photos|réalisations|places|séances tenues)\b")
CLOCK_TIME = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])")  # French documents write « 14 h 30 »


def text_problems(text: str) -> list[str]:
    """French errors the generated text must never contain."""
    problems = []
    for match in BAD_ELISION.finditer(text):
        if starts_with_vowel_sound(match.group("next")):
            window = text[max(0, match.start() - 20):match.end() + 20]
            problems.append(f"no elision: …{window}…")
    problems += [f"(s): …{text[max(0, m.start() - 20):m.end() + 5]}…" for m in PLURAL_MARK.finditer(text)]
    problems += [f"plural after 0/1: {m.group(0)}" for m in ONE_PLURAL.finditer(text)]
    problems += [f"clock time: {m.group(0)}" for m in CLOCK_TIME.finditer(text)]
    return problems
