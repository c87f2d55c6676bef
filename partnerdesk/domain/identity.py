"""The EPN's own identity, printed on every exported page."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from partnerdesk.domain.grammar import OrgName

#: the kind an EPN's name is read as (a municipal service: "l’Espace public numérique de…")
EPN_KIND = "service_municipal"


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

    def org_name(self) -> OrgName:
        """The name with its article, for French sentences ("de l’Espace public numérique…")."""
        return OrgName(" ".join(self.name.split()), None, EPN_KIND)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> EpnIdentity:
        data = data or {}
        names = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in data.items() if k in names and v is not None})
