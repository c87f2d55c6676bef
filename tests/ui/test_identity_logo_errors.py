"""Any SVG that cannot make a logo becomes the French message next to the field, never a crash."""

import pytest

from partnerdesk import i18n
from partnerdesk.services import settings
from partnerdesk.ui.dialogs.identity import IdentityDialog

SVGS = {
    "needle": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="10000000"><rect width="1" height="9"/></svg>',
    "flat": '<svg xmlns="http://www.w3.org/2000/svg" width="10000000" height="1"><rect width="9" height="1"/></svg>',
    "broken": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect',
    "empty": "",
    "not_xml": "\x00\x01\x02 binary",
    "negative": '<svg xmlns="http://www.w3.org/2000/svg" width="-5" height="-5" viewBox="0 0 0 0"></svg>',
}


@pytest.mark.parametrize("name", sorted(SVGS))
def test_bad_svg_gives_the_french_message(ctx, qtbot, tmp_path, name):
    i18n.set_language("fr")
    svg = tmp_path / f"{name}.svg"
    svg.write_text(SVGS[name], encoding="utf-8")
    dialog = IdentityDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("EPN de Saint-Aubin")
    ok = dialog.set_logo_file(str(svg))
    if name == "negative" and ok:  # Qt draws it at the default size: a usable (blank) logo
        return
    assert not ok
    assert dialog.errors["logo_path"].text() == "Ce fichier n'est pas une image PNG, JPEG ou SVG lisible."
    assert dialog.edits["name"].text() == "EPN de Saint-Aubin" and dialog.logo_path == ""
    assert dialog.save() and settings.identity().logo_path == ""
