"""Nothing dropped silently (issue #19): every value of every sample file is found on a record
(person, organisation, affiliation, tag) — phones by their digits — or in the review's remarks."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from partnerdesk.services.imports import apply_plan, plan_for, read_file
from partnerdesk.services.imports.headers import is_redundant
from partnerdesk.services.imports.phones import split_extension
from partnerdesk.services.imports.vcard import _components, _text, _unescape, parse_line
from partnerdesk.services.imports.vcard_bytes import decode as decode_vcard
from partnerdesk.services.imports.vcard_card import META
from partnerdesk.store import database

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
VCARDS = ["vcard21_android.vcf", "vcard30_iphone.vcf", "vcard40_davx5.vcf", "owncloud_folds.vcf"]
CSVS = {"google_additional_address2.csv": ("utf-8", ","), "thunderbird_maison_bureau.csv": ("utf-8", ","),
        "thunderbird_shiftjis.csv": ("shift_jis", ","), "outlook_name.csv": ("cp1252", ","),
        "tableur_latin9.csv": ("iso8859_15", ";"), "tronque.csv": ("utf-8", ";")}
# values that are the file's own bookkeeping, or a picture (checked elsewhere)
SKIPPED = META | {"BEGIN", "END", "PHOTO", "LOGO", "LABEL", "X-ABLABEL"}
_GOOGLE_NOISE = {"* mycontacts", "* other", "* home", "* work", "home", "work", "mobile", "other", "blog"}


def _haystack(plan) -> tuple[str, str]:
    parts = list(plan.warnings)
    for table in ("person", "organisation", "affiliation", "tag"):
        for row in database.execute_sql(f"SELECT * FROM {table}").fetchall():
            parts += [str(v) for v in row if v is not None]
    text = " ".join(" ".join(p.split()) for p in parts)
    text = text.replace("\\n", " ")  # JSON-encoded newlines of addresses
    return text.casefold(), re.sub(r"\D", "", text)


def _found(value: str, hay: str, digits: str) -> bool:
    for line in (v.strip() for v in re.split(r"[\r\n]+", value)):
        if len(line) < 2 or " ".join(line.split()).casefold() in hay:
            continue
        number = re.sub(r"\D", "", line)
        if len(number) >= 6 and number[-8:] in digits:
            continue
        return False
    return True


def _import(name, store):
    parsed = read_file(DATA / name)
    plan = plan_for(parsed)
    apply_plan(plan, store)
    return plan


@pytest.mark.parametrize("name", VCARDS)
def test_every_vcard_value_is_somewhere(store, name):
    plan = _import(name, store)
    hay, digits = _haystack(plan)
    lost = []
    for number, line in decode_vcard((DATA / name).read_bytes()).lines:
        prop = parse_line(line, number) if line.strip() else None
        if prop is None or prop.name in SKIPPED:
            continue
        text = _text(prop)
        if prop.name == "TEL":
            values = list(split_extension(_unescape(text).strip()))
        elif prop.name == "CATEGORIES":
            values = [t.strip() for t in _unescape(text).split(",")]
        elif prop.name == "FN":  # the display form of N: each of its words is somewhere
            values = _unescape(text).split()
        elif prop.name in ("N", "ADR", "ORG", "X-ANDROID-CUSTOM"):
            values = [c for c in _components(text) if c and not c.startswith("vnd.android") and c != "1"]
        else:
            values = [_unescape(text)]
        lost += [(number, prop.name, v) for v in values if v and not _found(v.removeprefix("mailto:"), hay, digits)]
    assert lost == []


@pytest.mark.parametrize("name", sorted(CSVS))
def test_every_csv_cell_is_somewhere(store, name):
    encoding, delimiter = CSVS[name]
    plan = _import(name, store)
    hay, digits = _haystack(plan)
    rows = list(csv.reader(io.StringIO((DATA / name).read_bytes().decode(encoding), newline=""),
                           delimiter=delimiter))
    headers, lost = rows[0], []
    for number, row in enumerate(rows[1:], start=2):
        for header, cell in zip(headers, row):
            value = cell.replace("\x00", "")
            if not value.strip() or is_redundant(header) or header.strip().casefold() == "photo":
                continue
            for part in (p.strip() for p in value.split(" ::: ")):
                if part.casefold() not in _GOOGLE_NOISE and not _found(part, hay, digits):
                    lost.append((number, header, part))
    assert lost == []
