"""The RGPD export of a person, as a citizen reads it: French labels and dates, no table
names, internal codes or file hashes."""

from __future__ import annotations

import datetime as dt
import re

from partnerdesk import i18n
from partnerdesk.domain.consent import Consent
from partnerdesk.services import consent, rgpd
from tests.core.test_rgpd import _add_interaction, _import_gwen


def test_person_export_is_readable_by_a_citizen(store, tmp_path):
    i18n.set_language("fr")
    pid = _import_gwen(store)
    _add_interaction(pid, dt.date(2026, 3, 1), "Devis des affiches")
    consent.save_consent(pid, Consent(given=True, given_on=dt.date(2026, 2, 3), scopes=["interne", "partenaires"]),
                         today=dt.date(2026, 3, 1))
    scan = store.root / "preuve.pdf"
    scan.write_bytes(b"%PDF preuve")
    consent.attach_proof(store, pid, scan)
    page = rgpd.export_person(store, pid, tmp_path / "gwen.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", page.split("<body>")[1]).replace("data:image/jpeg;base64,", "")
    text = re.sub(r'src="[^"]*"', "", text)
    assert "01/03/2026" in text and "Rencontre" in text  # a French date, the kind in words
    assert "Document n° 1 (PDF)" in text
    assert "Usage interne, Documents remis aux partenaires" in text and "03/02/2026" in text
    for internal in ("person_photo", "photo_consent", "session_participant", "interaction", "rencontre",
                     "2026-03-01", '["', "_id"):
        assert internal not in text, internal
    assert not re.search(r"\b[0-9a-f]{32}\b", text)  # no stored file hash
