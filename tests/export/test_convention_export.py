"""Both exports of a convention, read back: PDF text with pypdf, ODT parsed with odfpy."""

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from odf import teletype
from odf.opendocument import load
from odf.text import H, P
from pypdf import PdfReader

from partnerdesk import i18n
from partnerdesk.services import convention_output as output
from partnerdesk.services import conventions
from tests.conventions_helpers import make_convention

TRICKY = "<p>Texte avec &lt;b&gt; littéral, &amp; une esperluette et un émoji 😀 ; <b>gras</b>, <i>italique</i>.</p>"


@pytest.fixture
def tricky(store):
    conv = make_convention(kinds=("entreprise", "association", "service_municipal"))
    conv.content.sections[0].body += TRICKY
    conv.content.parties[1].engagements += "<ul><li>Fournir 3 postes & 1 imprimante</li></ul>"
    return conventions.save_convention(conv)


def _pdf_pages(path):
    reader = PdfReader(str(path))
    return [page.extract_text() for page in reader.pages]


def test_pdf_reads_back(tricky, tmp_path):
    i18n.set_language("fr")
    path = output.export(tricky.id, tmp_path / "convention.pdf")
    pages = _pdf_pages(path)
    text = "\n".join(pages)
    assert "Dupont & Fils <SARL>" in text
    assert "<b> littéral, & une esperluette et un émoji 😀" in text
    assert "{" not in text
    assert "EPN de Saint-Aubin" in pages[0]  # the EPN identity
    assert "Entre les soussignés" in text and "représenté par Jean Dupont, Gérant" in text
    for number, title in enumerate(["Préambule — objet de la convention", "Attentes et objectifs généraux",
                                    "Modalités de collaboration"], 1):
        assert f"{number}. {title}" in text
    assert "5.2. Engagements de Dupont & Fils <SARL>" in text
    assert "Fournir 3 postes & 1 imprimante" in text
    total = len(pages)
    assert total >= 2
    for n, page in enumerate(pages, 1):
        assert f"page {n} / {total}" in page
    # the signature blocks stay together on one page
    signatures = [p for p in pages if "Pour Dupont & Fils <SARL>" in p]
    assert len(signatures) == 1
    for name in ("Pour l’EPN de Saint-Aubin", "Pour Partenaire 2", "Pour Partenaire 3"):  # with its article
        assert name in signatures[0]
    assert "le 5 janvier 2026" in text  # dates in words in a French contract


def test_pdf_pages_render(tricky, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm is not installed")
    path = output.export(tricky.id, tmp_path / "convention.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == len(PdfReader(str(path)).pages)


def test_odt_reads_back(tricky, tmp_path):
    i18n.set_language("fr")
    path = output.export(tricky.id, tmp_path / "convention.odt")
    assert zipfile.is_zipfile(path)
    odt = load(str(path))
    headings = [teletype.extractText(h) for h in odt.getElementsByType(H)]
    paragraphs = "\n".join(teletype.extractText(p) for p in odt.getElementsByType(P))
    assert headings[0] == "1. Préambule — objet de la convention"
    assert "5.2. Engagements de Dupont & Fils <SARL>" in headings
    assert "9. Signatures" in headings
    assert "Dupont & Fils <SARL>" in paragraphs
    # the same no-break spaces as the PDF (before ; : ! ? and inside « »)
    assert "Texte avec <b> littéral, & une esperluette et un émoji 😀\u00a0; gras, italique." in paragraphs
    assert "Fournir 3\u00a0postes & 1\u00a0imprimante" in paragraphs  # a number kept with its noun
    assert "{" not in paragraphs
    styles_xml = zipfile.ZipFile(path).read("styles.xml").decode("utf-8")
    assert "EPN de Saint-Aubin" in styles_xml and "<text:page-count" in styles_xml  # header, "page 2 / 5"
    content = zipfile.ZipFile(path).read("content.xml").decode("utf-8")
    assert "&lt;SARL&gt;" in content and "<b>" not in content
    assert "PROJET — document non signé" in paragraphs and 'style:name="SignatureCell"' in content
    assert re.search(r'<text:span text:style-name="Bold">gras</text:span>', content)


def test_pdf_and_odt_have_the_same_headings(tricky, tmp_path):
    pdf_text = "\n".join(_pdf_pages(output.export(tricky.id, tmp_path / "c.pdf")))
    odt = load(str(output.export(tricky.id, tmp_path / "c.odt")))
    for heading in odt.getElementsByType(H):
        assert teletype.extractText(heading) in pdf_text


def test_blanks_accepted_print_nothing_raw(store, tmp_path):
    conv = make_convention(complete=False)
    path = output.export(conv.id, tmp_path / "c.pdf", accept_blanks=True)
    text = "\n".join(_pdf_pages(path))
    assert "{" not in text and "Préambule" in text
    data = io.BytesIO(output.export(conv.id, tmp_path / "c.odt", accept_blanks=True).read_bytes())
    assert "{" not in "\n".join(teletype.extractText(p) for p in load(data).getElementsByType(P))


def test_odt_header_carries_the_logo(tricky, tmp_path):
    from partnerdesk.services import settings
    from tests.export.samples import make_photo

    identity = settings.identity()
    identity.logo_path = str(make_photo(tmp_path / "logo.png", (300, 100), (31, 86, 115)))
    settings.save_identity(identity)
    path = output.export(tricky.id, tmp_path / "convention.odt")
    archive = zipfile.ZipFile(path)
    assert any(name.startswith("Pictures/") for name in archive.namelist())
    styles_xml = archive.read("styles.xml").decode("utf-8")
    assert "<draw:image" in styles_xml and 'fo:margin-bottom="0.6cm"' in styles_xml
