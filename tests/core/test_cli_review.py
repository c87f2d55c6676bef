"""The review and photo commands."""

import datetime as dt

from partnerdesk.cli import main
from partnerdesk.domain.partners import PersonData
from partnerdesk.services import data, partners
from tests.core.images import encoded, rotated_jpeg


def _folder(paths):
    data.open_data(paths, daily_backup=False)
    anne = partners.create_person(PersonData("Martin", "Anne", verified_on=dt.date(2020, 5, 1))).id
    partners.create_person(PersonData("Petit", "Paul", verified_on=dt.date.today()))
    data.close_data()
    return anne


def test_review_lists_due_cards(paths, capsys):
    _folder(paths)
    assert main(["--data-dir", str(paths.root), "--lang", "fr", "review"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "1 fiche à vérifier cette année"
    assert "Anne Martin" in out and "01/05/2020" in out and "Paul Petit" not in out
    assert main(["--data-dir", str(paths.root), "review", "--set-period", "200"]) == 1
    assert main(["--data-dir", str(paths.root), "review", "--set-period", "120"]) == 0
    assert capsys.readouterr().out.startswith("0 cards")


def test_photo_command(paths, tmp_path, capsys):
    anne = _folder(paths)
    good = tmp_path / "anne.jpg"
    good.write_bytes(rotated_jpeg(80, 40))
    assert main(["--data-dir", str(paths.root), "photo", str(anne), str(good)]) == 0
    assert "40 × 80 px" in capsys.readouterr().out
    bad = tmp_path / "anne.heic"
    bad.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 32)
    assert main(["--data-dir", str(paths.root), "--lang", "fr", "photo", str(anne), str(bad)]) == 1
    assert "HEIC" in capsys.readouterr().err
    png = tmp_path / "x.png"
    png.write_bytes(encoded("PNG"))
    assert main(["--data-dir", str(paths.root), "photo", "999", str(png)]) == 1
    assert "No person #999" in capsys.readouterr().err
