import datetime as dt
from pathlib import Path

from partnerdesk import i18n
from partnerdesk.paths import DB_FILENAME, DataPaths, platform_data_dir, resolve_data_dir, resources_dir
from tests.tools.i18n import problems


def test_data_dir_priority(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTNERDESK_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "cli") == (tmp_path / "cli").resolve()
    assert resolve_data_dir(None) == (tmp_path / "env").resolve()
    monkeypatch.delenv("PARTNERDESK_DATA_DIR")
    assert resolve_data_dir(None) == platform_data_dir()


def test_data_folder_layout(tmp_path):
    paths = DataPaths(tmp_path / "d").ensure()
    for name in ("photos", "backups", "logs"):
        assert (tmp_path / "d" / name).is_dir()
    assert paths.db_path.name == DB_FILENAME == "partnerdesk.sqlite3"


def test_resources_found():
    assert (resources_dir() / "locale" / "fr").is_dir()


def test_french_catalogue_complete():
    found = problems("fr")
    assert found == {"missing": [], "empty": [], "fuzzy": []}


def test_language_detection():
    assert i18n.detect_language({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert i18n.detect_language({"LANGUAGE": "fr:en", "LANG": "C"}) == "fr"
    assert i18n.detect_language({"LANG": "de_DE.UTF-8"}) == "en"
    assert i18n.detect_language({}) == "en"


def test_french_formats():
    i18n.set_language("fr")
    assert i18n._("Partners") == "Partenaires"
    assert i18n.format_date(dt.date(2026, 11, 22)) == "22/11/2026"
    money = i18n.format_money(1234.5).replace("\u202f", " ").replace("\xa0", " ")
    assert money == "1 234,50 €"
    assert i18n.parse_date("22/11/2026") == dt.date(2026, 11, 22)
    assert i18n.parse_date("") is None


def test_times_as_documents_write_them():
    """French documents write "14 h 30", never "14:30"; one end alone is that time; English keeps 14:30."""
    with i18n.document_language("fr"):
        assert i18n.format_time("14:00") == "14\u00a0h"
        assert i18n.format_time("09:05") == "9\u00a0h\u00a005"
        assert i18n.format_hours("14:00", "16:30") == "14\u00a0h\u00a0– 16\u00a0h\u00a030"
        assert i18n.format_hours("", "18:00") == i18n.format_hours("18:00", "") == "18\u00a0h"
        assert i18n.format_hours("", "") == ""
        assert i18n.format_time("midi") == "midi"  # not a stored time: kept as typed
        assert i18n.format_time("１４:００") == "１４:００"
    with i18n.document_language("en"):
        assert i18n.format_hours("14:00", "16:30") == "14:00–16:30"


def test_fuzzy_entries_are_ignored(tmp_path):
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "x.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Hello"\nmsgstr "Bonjour"\n\nmsgid "Bye"\nmsgstr "Au revoir"\n',
        encoding="utf-8")
    assert i18n.load_catalog("fr", tmp_path) == {"Bye": "Au revoir"}


def _po(folder, entries: dict[str, str]) -> None:
    body = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    body += "".join(f'msgid "{k}"\nmsgstr "{v}"\n\n' for k, v in entries.items())
    (folder / "x.po").write_text(body, encoding="utf-8")


def test_the_compiled_catalogue_is_used_and_never_stale(tmp_path, monkeypatch):
    (tmp_path / "fr").mkdir()
    cache = tmp_path / "cache"
    _po(tmp_path / "fr", {"Hello": "Bonjour"})
    assert i18n.load_catalog("fr", tmp_path, cache) == {"Hello": "Bonjour"}
    compiled = list(cache.glob("catalog-fr-*.marshal"))
    assert len(compiled) == 1

    def no_parsing(*_args):
        raise AssertionError("parsed again although nothing changed")

    monkeypatch.setattr(i18n, "_parse_catalogues", no_parsing)
    assert i18n.load_catalog("fr", tmp_path, cache) == {"Hello": "Bonjour"}  # from the cache
    monkeypatch.undo()

    _po(tmp_path / "fr", {"Hello": "Salut"})  # an edited catalogue: another name, parsed again
    assert i18n.load_catalog("fr", tmp_path, cache) == {"Hello": "Salut"}
    assert [p.name for p in cache.glob("catalog-fr-*.marshal")] != [compiled[0].name]
    assert len(list(cache.glob("catalog-fr-*.marshal"))) == 1  # the old one removed


def test_a_damaged_or_unwritable_cache_only_costs_the_parsing(tmp_path):
    (tmp_path / "fr").mkdir()
    _po(tmp_path / "fr", {"Hello": "Bonjour"})
    cache = tmp_path / "cache"
    i18n.load_catalog("fr", tmp_path, cache)
    for compiled in cache.glob("*.marshal"):
        compiled.write_bytes(b"\x00garbage")  # a half-written or foreign file
    assert i18n.load_catalog("fr", tmp_path, cache) == {"Hello": "Bonjour"}
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    assert i18n.load_catalog("fr", tmp_path, blocked) == {"Hello": "Bonjour"}
    assert not list(tmp_path.glob("**/*.tmp"))


def test_the_real_catalogue_is_the_same_compiled_or_parsed(tmp_path):
    parsed = i18n.load_catalog("fr", cache_dir=tmp_path)
    assert parsed["Partners"] == "Partenaires"
    assert i18n.load_catalog("fr", cache_dir=tmp_path) == parsed


def test_french_plural_rule():
    i18n.set_language("fr")
    assert i18n.ngettext("one", "many", 0) == "one"
    assert i18n.ngettext("one", "many", 1) == "one"
    assert i18n.ngettext("one", "many", 2) == "many"
    i18n.set_language("en")
    assert i18n.ngettext("one", "many", 0) == "many"


def test_a_document_language_never_changes_what_other_threads_show():
    import threading

    from partnerdesk import i18n

    i18n.set_language("en")
    inside, outside = [], []
    entered, checked = threading.Event(), threading.Event()

    def worker():
        with i18n.document_language("fr"):
            entered.set()
            inside.append((i18n._("Report"), i18n.ngettext("{count} person", "{count} people", 0),
                           i18n.format_date(dt.date(2026, 11, 30)), i18n.language()))
            checked.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    entered.wait(5)
    outside.append((i18n._("Report"), i18n.language()))
    checked.set()
    thread.join()
    assert inside == [("Bilan", "{count} personne", "30/11/2026", "fr")]
    assert outside == [("Report", "en")]
    assert i18n._("Report") == "Report"


def test_no_home_folder_only_costs_the_parsing(tmp_path, monkeypatch):
    (tmp_path / "fr").mkdir()
    _po(tmp_path / "fr", {"Hello": "Bonjour"})
    monkeypatch.delenv("PARTNERDESK_CACHE_DIR", raising=False)
    monkeypatch.setattr(i18n, "platform_cache_dir", lambda: (_ for _ in ()).throw(RuntimeError("no home")))
    assert i18n.load_catalog("fr", tmp_path) == {"Hello": "Bonjour"}
