"""The EPN's own identity, printed on every exported page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, fields

from partnerdesk.domain.grammar import OrgName
from partnerdesk.domain.labels import N_

#: the kind an EPN's name is read as (a municipal service: "l’Espace public numérique de…")
EPN_KIND = "service_municipal"

#: the name printed for an EPN whose identity has none: « Espace public numérique » in French
#: (« de l’Espace public numérique »), "Public Digital Space" in English ("the Public Digital Space")
UNNAMED_EPN = N_("Public Digital Space")


@dataclass
class EpnIdentity:
    name: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    logo_path: str = ""
    main_colour: str = ""
    accent_colour: str = ""
    legal_line: str = ""
    signatory_name: str = ""
    signatory_title: str = ""

    @property
    def named(self) -> bool:
        return bool(self.name.strip())

    def shown_name(self, translate: Callable[[str], str]) -> str:
        """The one name every document, letter and convention prints for the EPN: its own, or
        `UNNAMED_EPN` through `translate` (`i18n._`, in the document's language) when none is set."""
        return " ".join(self.name.split()) or translate(UNNAMED_EPN)

    def org_name(self, translate: Callable[[str], str]) -> OrgName:
        """The shown name with its article, for French sentences ("de l’Espace public numérique…")."""
        return OrgName(self.shown_name(translate), None, EPN_KIND)

    def in_sentence(self, lang: str, translate: Callable[[str], str]) -> str:
        """The shown name inside a sentence of `lang`: « l’Espace public numérique » in French,
        "the Public Digital Space" in English (an EPN's own name as written)."""
        if lang == "fr" or self.named:
            return self.org_name(translate).in_sentence(lang)
        return "the " + self.shown_name(translate)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> EpnIdentity:
        data = data or {}
        names = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in data.items() if k in names and v is not None})
