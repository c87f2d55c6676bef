"""Random and malformed CSV / vCard input: the parsers give contacts or a
French ImportFileError, never anything else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerdesk.domain.dataio import Contact
from partnerdesk.services.imports import ImportFileError, decode, read_text
from partnerdesk.services.imports.vcard import parse as parse_vcard

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

cell = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
rows = st.lists(st.lists(cell, min_size=0, max_size=8), min_size=0, max_size=12)
delimiter = st.sampled_from([";", ",", "\t", "|"])


def _check(parsed) -> None:
    for contact in parsed.contacts:
        assert isinstance(contact, Contact)
        assert contact.line >= 1
    for refusal in parsed.refused:
        assert refusal.line >= 1 and refusal.reason


@FAST
@given(st.lists(cell, min_size=1, max_size=8), rows, delimiter)
def test_random_csv(headers, body, sep):
    text = "\n".join(sep.join(r) for r in [headers, *body])
    try:
        parsed = read_text(text, "random.csv", recall=False)
    except ImportFileError as exc:
        assert str(exc)
    else:
        _check(parsed)


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes(raw):
    try:
        text, _encoding = decode.decode(raw)
        parsed = read_text(text, "random.csv", recall=False)
    except ImportFileError as exc:
        assert str(exc)
    else:
        _check(parsed)


prop_names = st.sampled_from(["N", "FN", "EMAIL", "TEL", "ORG", "TITLE", "ADR", "NOTE", "PHOTO", "URL",
                              "CATEGORIES", "VERSION", "X-FOO", "item1.EMAIL", "BEGIN", "END"])
params = st.lists(st.sampled_from(["TYPE=WORK", "ENCODING=b", "ENCODING=QUOTED-PRINTABLE", "CHARSET=UTF-8",
                                   "CHARSET=nope", "VALUE=uri", "PREF", "TYPE=\"a:b\"", "BASE64", "=", ""]),
                  max_size=3)
values = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


@st.composite
def vcards(draw):
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        lines.append("BEGIN:VCARD")
        for _ in range(draw(st.integers(0, 8))):
            name = draw(prop_names)
            lines.append(";".join([name, *draw(params)]) + ":" + draw(values))
        if draw(st.booleans()) or draw(st.booleans()):
            lines.append("END:VCARD")
    sep = draw(st.sampled_from(["\r\n", "\n", "\r\n "]))
    return sep.join(lines)


@FAST
@given(vcards())
def test_random_vcards(text):
    try:
        result = parse_vcard(text)
    except ImportFileError as exc:
        assert str(exc)
    else:
        for contact in result.contacts:  # an e-mail or a nickname alone gets a derived name at review (#19)
            assert contact.is_person or contact.organisation or contact.emails or contact.nickname
        for refusal in result.refused:
            assert refusal.line >= 1


@FAST
@given(st.text(max_size=300))
def test_random_text_as_vcard(text):
    try:
        parse_vcard("BEGIN:VCARD\n" + text)
    except ImportFileError:
        pass


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cell, min_size=4, max_size=4), min_size=1, max_size=8))
def test_random_rows_reviewed_and_written_in_one_piece(store, body):
    """Whatever the cells hold, the review and the write never crash, and undo restores the database."""
    from partnerdesk.services.imports import apply_plan, plan_for, undo_batch
    from partnerdesk.store import database

    text = "\n".join(";".join(c.replace(";", ",").replace('"', "'").replace("\n", " ").replace("\r", " ")
                              for c in row) for row in [["Nom", "Prénom", "Courriel", "Structure"], *body])
    try:
        parsed = read_text(text, "random.csv", recall=False)
    except ImportFileError:
        return
    before = database.execute_sql("SELECT count(*) FROM person").fetchone()[0]
    plan = plan_for(parsed)
    if not plan.rows:
        return
    result = apply_plan(plan, store)
    undo_batch(result.batch_id, store)
    assert database.execute_sql("SELECT count(*) FROM person").fetchone()[0] == before
