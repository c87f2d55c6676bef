"""The README speaks to users first, in French, and keeps the two developer commands verbatim."""

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _headings():
    return re.findall(r"^##+ (.+)$", README, re.MULTILINE)


def test_user_sections_come_first_in_french():
    headings = _headings()
    for title in ("Installer PartnerDesk", "Où sont vos données", "Passer à un nouvel ordinateur",
                  "Désinstaller PartnerDesk (en gardant vos données)"):
        assert title in headings
    assert headings.index("Installer PartnerDesk") == 0
    assert headings.index("Pour les développeurs") > headings.index("Désinstaller PartnerDesk (en gardant vos données)")


def test_install_explains_both_systems():
    assert "PartnerDesk-VERSION-setup.exe" in README and "sh install.sh" in README
    assert "%LOCALAPPDATA%\\PartnerDesk" in README and "~/.local/share/PartnerDesk" in README
    assert "Exporter toutes les données" in README and "import-all" in README


def test_developer_commands_verbatim():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    lines = {line.strip() for block in blocks for line in block.splitlines()}
    assert "uv run partnerdesk" in lines and "uv run pytest" in lines
    assert "pipx install uv" in README and "libxcb-cursor0" in README
    assert "ne peut pas être construit sur les machines Linux" in README
