"""display_phone: stored E.164 numbers as a French reader expects them; stored_form: the card's
displayed number maps back to the stored one."""

import pytest

from partnerdesk.domain.phone_display import display_phone, stored_form
from partnerdesk.services.imports.phones import normalise


@pytest.mark.parametrize(("stored", "shown"), [
    ("+33612345678", "06 12 34 56 78"),
    ("+33299123456", "02 99 12 34 56"),
    ("+33 6 12 34 56 78", "06 12 34 56 78"),
    ("+4917623384942", "+49 176 23384942"),
    ("+442079460958", "+44 20 7946 0958"),
    ("+12015550123", "+1 201-555-0123"),
    ("06 12 34 56 78", "06 12 34 56 78"),  # typed on a card: kept as typed
    ("0612345678", "0612345678"),
    ("+33123", "+33123"),  # not a valid number: as typed
    ("+99 1234 5678", "+99 1234 5678"),  # no such country code
    ("standard mairie", "standard mairie"),
    ("", ""),
    (None, ""),
])
def test_display_phone(stored, shown):
    assert display_phone(stored) == shown


def test_extensions_are_kept():
    french = {"ext.": "poste"}.get
    assert display_phone("+33299123456;ext=12") == "02 99 12 34 56 ext. 12"
    assert display_phone("+33299123456 poste 12", lambda s: french(s, s)) == "02 99 12 34 56 poste 12"
    assert display_phone("tel:+4930123456;ext=7", lambda s: french(s, s)) == "+49 30 123456 poste 7"
    assert display_phone("02 99 12 34 56 poste 12") == "02 99 12 34 56 poste 12"


def test_imported_numbers_round_trip_through_the_display():
    for raw, country in (("06 12 34 56 78", ""), ("0176 23384942", "Deutschland"), ("020 7946 0958", "UK")):
        stored = normalise(raw, country)[0]
        assert stored.startswith("+")
        assert stored_form(display_phone(stored), [stored]) == stored
        assert normalise(display_phone(stored), country)[0] == stored  # same meaning


def test_stored_form_keeps_typed_and_new_numbers():
    stored = ["+33612345678", "poste du 2e"]
    assert stored_form("06 12 34 56 78", stored) == "+33612345678"
    assert stored_form("poste du 2e", stored) == "poste du 2e"
    assert stored_form("06 99 99 99 99", stored) == "06 99 99 99 99"
    assert stored_form("06 12 34 56 78", []) == "06 12 34 56 78"
