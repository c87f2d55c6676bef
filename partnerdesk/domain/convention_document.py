"""A convention ready to print: every field resolved, the text as blocks.

Built by `services.conventions.document()`, consumed by the PDF and ODT
renderers (which escape every string themselves)."""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.rich_text import Block


@dataclass
class DocParty:
    name: str
    address: str = ""
    signatory: str = ""
    signatory_title: str = ""
    is_epn: bool = False


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
