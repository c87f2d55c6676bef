"""A convention ready to print: every field resolved, the text as blocks.

Built by `services.conventions.document()`, consumed by the PDF and ODT
renderers (which escape every string themselves)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.rich_text import Block, Run


@dataclass
class DocParty:
    name: str
    address: str = ""
    signatory: str = ""
    signatory_title: str = ""
    is_epn: bool = False
    represented: str = ""  # "représentée par Mme Claire Martin, présidente" (agreed), "" = from labels
    in_text: str = ""  # the name as a French sentence writes it ("l’Hôtel de ville"), "" = the name

    @property
    def called(self) -> str:
        """The name after "Pour" and in "ci-après « … »"."""
        return self.in_text or self.name


@dataclass
class DocSection:
    number: int
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[tuple[str, list[Block]]] = field(default_factory=list)
    signatures: bool = False


@dataclass
class ConventionDocument:
    title: str
    subtitle: str  # the project
    version_label: str
    identity: EpnIdentity
    parties: list[DocParty]
    sections: list[DocSection]
    labels: dict[str, str] = field(default_factory=dict)  # translated fixed words (between, and, page...)
    draft: bool = False  # not signed: "PROJET — document non signé" on every page

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ConventionDocument:
        """The document frozen at signature, read back (unknown keys ignored)."""

        def blocks(items) -> list[Block]:
            return [Block(b.get("kind", "p"), [Run(r.get("text", ""), bool(r.get("bold")), bool(r.get("italic")))
                                               for r in b.get("runs", [])], int(b.get("level", 1)),
                          bool(b.get("ordered"))) for b in items or []]

        parties = [DocParty(**{k: v for k, v in p.items() if k in DocParty.__dataclass_fields__})
                   for p in data.get("parties", [])]
        sections = [DocSection(int(s.get("number", 0)), s.get("title", ""), blocks(s.get("blocks")),
                               [(title, blocks(items)) for title, items in s.get("subsections", [])],
                               bool(s.get("signatures"))) for s in data.get("sections", [])]
        return cls(data.get("title", ""), data.get("subtitle", ""), data.get("version_label", ""),
                   EpnIdentity.from_dict(data.get("identity")), parties, sections, dict(data.get("labels", {})),
                   bool(data.get("draft")))
