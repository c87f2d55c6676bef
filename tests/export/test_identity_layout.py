"""Identity-proof layout: long names, long lines, light colours and undrawable characters."""

from __future__ import annotations

import dataclasses

import pytest
from reportlab.lib import colors

from partnerdesk import i18n
from partnerdesk.export.base import drawable
from partnerdesk.export.theme import TEXT, Theme, contrast
from partnerdesk.export.bilan import render_bilan
from partnerdesk.export.dossier import render_dossier
from tests.export import samples
from tests.export.pdfcheck import assert_no_blank_page, reader, text

LONG_NAME = "Espace public numérique intercommunal de la communauté de communes " * 3
LEGAL = "Association loi 1901 déclarée en préfecture — SIRET 123 456 789 00012 — agrément jeunesse " * 3
TITLE = ("Ateliers numériques intergénérationnels pour les seniors et les familles des quartiers prioritaires "
         "de la ville, avec la médiathèque, le centre social et les associations de quartier, de 2026 à 2028")


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def _identity(tmp_path, **changes):
    return dataclasses.replace(samples.identity(tmp_path), name=LONG_NAME.strip(), legal_line=LEGAL.strip(),
                               **changes)


def test_long_names_and_lines_are_never_cut(tmp_path, french):
    data = dataclasses.replace(samples.dossier(tmp_path), title=TITLE)
    pdf = render_dossier(data, _identity(tmp_path))
    cover = " ".join(reader(pdf).pages[0].extract_text().split())
    assert " ".join(TITLE.split()) in cover  # the whole title, on the cover
    assert LONG_NAME.strip()[:60] in cover  # the EPN's name wraps on the cover band
    content = text(pdf)
    assert "SIRET 123 456 789 00012 — agrément jeunesse Association loi 1901" in content  # footer wraps
    assert_no_blank_page(pdf)


def test_light_colours_fall_back_to_readable_text(tmp_path, french):
    theme = Theme(colors.HexColor("#FFF176"), colors.HexColor("#FFE0B2"))  # pale yellow and peach
    assert theme.on_main == TEXT  # dark text on a light band
    assert contrast(theme.main_ink, theme.pale) >= 4.5 and contrast(theme.accent_ink, colors.white) >= 4.5
    dark = Theme(colors.HexColor("#1F5673"), colors.HexColor("#E07A3F"))
    assert dark.on_main == colors.white and dark.main_ink == dark.main  # a dark colour is kept as chosen
    pdf = render_bilan(samples.bilan(tmp_path), _identity(tmp_path, main_colour="#FFF176", accent_colour="#FFE0B2"))
    assert_no_blank_page(pdf)


def test_characters_the_font_cannot_draw_are_dropped(tmp_path, french):
    assert drawable("Atelier 🦄 licorne \U000e0001") == "Atelier  licorne "
    assert drawable("Cœur « numérique » — 10 € 😀") == "Cœur « numérique » — 10 € 😀"  # DejaVu draws these
    # a name ending in an emoji, in a list: no space left before the comma or the full stop
    assert drawable("Dupont & Fils 🦄, l’Université et Emmaüs 🦄.") == "Dupont & Fils, l’Université et Emmaüs."
    assert drawable("hereafter “Fils 🦄”") == "hereafter “Fils”"  # nor inside the closing quotation mark
    assert drawable("ci-après « Fils 🦄 »") == "ci-après « Fils »"
    data = dataclasses.replace(samples.dossier(tmp_path), title="Atelier 🦄 licorne")
    content = text(render_dossier(data, samples.identity(tmp_path)))
    assert "Atelier licorne" in " ".join(content.split()) and "🦄" not in content
