from partnerdesk.cli import main


def test_find_prints_organisations_and_people(tmp_path, capsys):
    folder = str(tmp_path / "d")
    assert main(["--data-dir", folder, "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", folder, "find", "ecole"]) == 0
    out = capsys.readouterr().out
    assert "École élémentaire" in out or "École" in out
    assert main(["--data-dir", folder, "find", "helene"]) == 0
    out = capsys.readouterr().out
    assert "People (" in out and "Hélène" in out
    assert main(["--data-dir", folder, "find", "o'neill"]) == 0
    assert "O'Neill" in capsys.readouterr().out
    assert main(["--data-dir", folder, "find", "covid-19", "zzzz"]) == 1
    assert "Nothing matches" in capsys.readouterr().out
    assert main(["--data-dir", folder, "find", '"']) == 1
