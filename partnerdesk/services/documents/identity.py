"""The EPN's identity (Paramètres → Identité): checked, saved, and its logo kept in the data folder."""

from __future__ import annotations

import re
from pathlib import Path

from partnerdesk.domain import validation as v
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.labels import N_
from partnerdesk.paths import DataPaths
from partnerdesk.services import settings

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
_COLOUR = re.compile(r"^#?[0-9A-Fa-f]{6}$")
BAD_COLOUR = N_("A colour is written #1F5673 (six hexadecimal digits), or left empty for the default.")
BAD_LOGO = N_("A logo must be a PNG, JPEG or SVG image.")


def check_colour(value: str) -> str | None:
    value = (value or "").strip()
    return None if not value or _COLOUR.match(value) else BAD_COLOUR


def validate_identity(identity: EpnIdentity) -> None:
    """Raise ValidationError({field: English message}) on a wrong email, phone, website, postcode or colour."""
    v.collect({
        "email": v.check_email(identity.email), "phone": v.check_phone(identity.phone),
        "website": v.check_url(identity.website),
        "postcode": v.check_postcode(identity.postcode, country_field=False),  # the dialog has no country
        "main_colour": check_colour(identity.main_colour), "accent_colour": check_colour(identity.accent_colour),
        **{k: m for k, m in v.length_checks(identity, names=("name", "city", "email", "phone", "website", "postcode",
                                                            "signatory_name", "signatory_title"),
                                            texts=("address", "legal_line")).items() if m},
    })


def save_identity(identity: EpnIdentity) -> EpnIdentity:
    """Check, tidy (trimmed text, colours as #RRGGBB) and save."""
    validate_identity(identity)
    data = {k: (val.strip() if isinstance(val, str) and k != "address" else val)
            for k, val in identity.to_dict().items()}
    data["address"] = identity.address.strip()
    for key in ("main_colour", "accent_colour"):
        if data[key]:
            data[key] = "#" + data[key].lstrip("#").upper()
    clean = EpnIdentity.from_dict(data)
    settings.save_identity(clean)
    return clean


def store_logo(paths: DataPaths, data: bytes, suffix: str) -> Path:
    """Keep a copy of the logo (PNG or JPEG bytes; SVG is rasterised by the UI) in the data
    folder, so that moving or deleting the original does not break the exports."""
    suffix = suffix.lower()
    if suffix not in LOGO_SUFFIXES or not data:
        raise v.ValidationError({"logo_path": BAD_LOGO})
    folder = paths.root / "identity"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("logo.*"):
        old.unlink(missing_ok=True)
    target = folder / f"logo{'.jpg' if suffix == '.jpeg' else suffix}"
    target.write_bytes(data)
    return target
