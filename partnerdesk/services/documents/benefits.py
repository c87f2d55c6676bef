"""« Ce que ce partenariat vous apporte »: four short paragraphs, tailored to the
partner the dossier is addressed to (its kind, the publics it serves, what it
can bring) — a pure function of plain values, so it is tested without a database."""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerdesk.domain.documents import Benefit
from partnerdesk.domain.partners import Public
from partnerdesk.i18n import N_, _, format_number, language, ngettext

_IMAGE_BY_KIND = {
    "service_municipal": N_("A concrete action of your digital inclusion policy, visible to the inhabitants."),
    "etablissement_scolaire": N_("An educational project open to digital practice, to put forward in your school "
                              "project."),
    "association": N_("A joint action that strengthens your own project and your ties with the town."),
    "entreprise": N_("A concrete and local commitment of corporate social responsibility."),
    "institution_publique": N_("A field action, followed and assessed, in line with your priorities."),
    "fondation": N_("A field action, followed and assessed, in line with your priorities."),
}

_DEFAULT_IMAGE = N_("An action useful to the inhabitants, carried out with a public digital space.")

_COUNTERPART_BY_CONTRIBUTION = {
    "financement": N_("A report with figures, photos and attendance sheets, to account for your support."),
    "materiel": N_("Your equipment used and mentioned at every session, and returned in good condition when lent."),
    "locaux": N_("Sessions open to your own public, held in your premises."),
    "intervenants": N_("Your staff put forward as experts, on the programme and in the report."),
    "public": N_("Places reserved for the people you follow, and news of their progress."),
    "competences": N_("Your know-how shared with the inhabitants and credited in every document."),
    "notoriete": N_("Your name associated with a useful local action, in the town's communication."),
    "relais_communication": N_("Ready-to-use news and photos (with consent) for your own media."),
}


@dataclass
class PartnerProfile:
    """What the dossier knows of the partner it is addressed to."""

    name: str
    kind: str = ""
    publics: list[str] = field(default_factory=list)
    contributions: list[str] = field(default_factory=list)


def _labels(keys: list[str]) -> list[str]:
    """The publics as a sentence names them: French repeats the article ("les jeunes et les familles")."""
    out = []
    for key in keys:
        public = Public.parse(key)
        out.append(_(public.label).lower() if public else key)
    return [f"les {label}" for label in out] if language() == "fr" else out


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def partnership_benefits(project_publics: list[str], sessions: int, places: int,
                         partner: PartnerProfile | None = None) -> list[Benefit]:
    """Visibility, publics reached, image, concrete counterparts. `places`: the places planned at
    a session (not sessions × places: the same people come back)."""
    visibility = _("Your name and logo on the documents of the action, in the report and in our communication.")
    if partner and partner.kind == "entreprise":
        visibility += " " + _("Your customers see a business involved in its town.")

    project_publics = [p for p in project_publics if p != Public.TOUT_PUBLIC]  # "open to all" says it
    common = [p for p in project_publics if partner and p in partner.publics]
    scale = ""
    if sessions and places:
        seats = ngettext("{count} place", "{count} places", places).format(count=format_number(places))
        scale = " " + ngettext("{sessions} session of about {places}.",
                               "{sessions} sessions of about {places} each.", sessions).format(
            sessions=format_number(sessions), places=seats)
    elif sessions:
        scale = " " + ngettext("{sessions} session planned.", "{sessions} sessions planned.", sessions).format(
            sessions=format_number(sessions))
    if common:
        reach = _("The project reaches {publics}: people you already work with.").format(
            publics=_join(_labels(common))) + scale
    elif project_publics:
        reach = _("The project reaches {publics}.").format(publics=_join(_labels(project_publics))) + scale
    else:
        reach = _("The project is open to all the inhabitants.") + scale

    image = _(_IMAGE_BY_KIND.get(partner.kind if partner else "", _DEFAULT_IMAGE))

    counterparts = [_(_COUNTERPART_BY_CONTRIBUTION[c]) for c in (partner.contributions if partner else [])
                    if c in _COUNTERPART_BY_CONTRIBUTION][:2]
    if not counterparts:
        counterparts = [_(_COUNTERPART_BY_CONTRIBUTION["financement"])]
    counterparts.append(_("An invitation to the review meeting, where the next steps are decided together."))

    return [
        Benefit(_("Visibility"), visibility),
        Benefit(_("Publics reached"), reach),
        Benefit(_("Image"), image),
        Benefit(_("Concrete counterparts"), " ".join(counterparts)),
    ]
