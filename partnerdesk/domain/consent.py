"""Image rights ("droit à l'image"): consent scopes and the rule that guards every use.

A photo without consent for a use is never used for it. `may_use` is the one rule;
the services call it before handing a photo to the trombinoscope, a PDF or anything else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain.labels import N_, LabelledEnum


class ConsentScope(LabelledEnum):
    INTERNE = "interne"
    PARTENAIRES = "partenaires"
    PUBLICATION = "publication"

    @classmethod
    def _labels(cls):
        return {
            "interne": N_("Internal use"),
            "partenaires": N_("Documents given to partners"),
            "publication": N_("Publication"),
        }


@dataclass
class Consent:
    """A person's image-rights consent. `given` False means refused or not asked."""

    given: bool = False
    given_on: dt.date | None = None
    scopes: list[str] = field(default_factory=list)
    proof: str = ""  # file name under the data folder's proofs/

    def covers(self, scope: str | ConsentScope) -> bool:
        return self.given and str(scope) in self.scopes


def may_use(photo: str | None, consent: Consent | None, scope: str | ConsentScope) -> bool:
    """True only when there is a photo AND a given consent that covers `scope`."""
    return bool(photo) and consent is not None and consent.covers(scope)


def usable_photo(photo: str | None, consent: Consent | None, scope: str | ConsentScope) -> str | None:
    """The photo when it may be used for `scope`, else None (show initials instead)."""
    return photo if may_use(photo, consent, scope) else None


class Missing(LabelledEnum):
    """Why a card is incomplete ("fiches incomplètes")."""

    EMAIL = "email"
    PHONE = "phone"
    PHOTO = "photo"
    CONSENT = "consent"

    @classmethod
    def _labels(cls):
        return {
            "email": N_("No email"),
            "phone": N_("No phone"),
            "photo": N_("No photo"),
            "consent": N_("Photo without consent"),
        }


def missing_items(emails: list[str], phones: list[str], photo: str | None, consent: Consent | None) -> list[str]:
    """What a person's card lacks: email, phone, photo, or a consent for an existing photo."""
    out = []
    if not any((e or "").strip() for e in emails):
        out.append(Missing.EMAIL.value)
    if not any((p or "").strip() for p in phones):
        out.append(Missing.PHONE.value)
    if not photo:
        out.append(Missing.PHOTO.value)
    elif consent is None or not consent.given:
        out.append(Missing.CONSENT.value)
    return out
