"""One French per English source string: the area catalogues are merged into one dictionary, so
the same source string translated two ways in two files silently takes the last file's French
(the balance's "Period" once showed as the meetings' "Périodicité")."""

from babel.messages.pofile import read_po

from partnerdesk.paths import resource


def test_no_source_string_has_two_french_translations():
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for po in sorted((resource("locale") / "fr").glob("*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale="fr")
        for message in catalog:
            if not message.id or message.fuzzy or not message.string or not isinstance(message.id, str):
                continue
            if message.id in seen and seen[message.id][1] != message.string:
                clashes.append((message.id, seen[message.id], (po.name, message.string)))
            seen.setdefault(message.id, (po.name, message.string))
    assert clashes == []
