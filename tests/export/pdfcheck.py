"""Reading PDFs back: text, metadata, fonts, images, and every page rendered with pdftoppm."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text(pdf: bytes) -> str:
    """All the text, with line breaks and hyphenation joined so phrases can be searched."""
    raw = "\n".join(page.extract_text() or "" for page in reader(pdf).pages)
    return " ".join(raw.split())


def layout_text(pdf: bytes) -> str:
    """The text as it is seen, top to bottom (pdftotext -layout): a chart is drawn bottom-up."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(pdf)
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout


def fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in reader(pdf).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object().get("/BaseFont")))
        for xobject in (resources.get("/XObject") or {}).values():
            obj = xobject.get_object()
            for font in ((obj.get("/Resources") or {}).get("/Font") or {}).values():
                names.add(str(font.get_object().get("/BaseFont")))
    return names


def image_count(pdf: bytes) -> int:
    return sum(len(page.images) for page in reader(pdf).pages)


def rendered_pages(pdf: bytes, dpi: int = 30) -> list[Image.Image]:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(source), str(Path(folder) / "page")], check=True)
        pages = sorted(Path(folder).glob("page-*.png"))
        return [Image.open(p).convert("L").copy() for p in pages]


def ink(page: Image.Image, top: float = 0.1, bottom: float = 0.88) -> float:
    """Share of non-white pixels in the body of the page (between header and footer)."""
    w, h = page.size
    body = page.crop((0, int(h * top), w, int(h * bottom)))
    histogram = body.histogram()
    dark = sum(histogram[:235])
    return dark / (body.size[0] * body.size[1])


def assert_no_blank_page(pdf: bytes) -> None:
    pages = rendered_pages(pdf)
    assert pages, "pdftoppm rendered no page"
    for number, page in enumerate(pages, start=1):
        assert ink(page) > 0.01, f"page {number} looks blank"
