"""Pages of PDFs side by side in one PNG, to look at them:
strip.py OUT.png A.pdf [B.pdf…] [--dpi 40] [--per-row 8]"""

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image


def main(argv):
    dpi = int(argv[argv.index("--dpi") + 1]) if "--dpi" in argv else 40
    per_row = int(argv[argv.index("--per-row") + 1]) if "--per-row" in argv else 8
    files = [a for a in argv[1:] if a.endswith(".pdf")]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n, pdf in enumerate(files):
            subprocess.run(["pdftoppm", "-png", "-r", str(dpi), pdf, f"{folder}/d{n:02d}"], check=True)
            pages = [Image.open(p).convert("RGB") for p in sorted(Path(folder).glob(f"d{n:02d}-*.png"))]
            rows += [pages[i:i + per_row] for i in range(0, len(pages), per_row)]
        width = max(sum(i.width + 8 for i in row) for row in rows)
        height = sum(max(i.height for i in row) + 8 for row in rows)
        out = Image.new("RGB", (width, height), "gray")
        y = 0
        for row in rows:
            x = 0
            for image in row:
                out.paste(image, (x, y))
                x += image.width + 8
            y += max(i.height for i in row) + 8
        out.save(argv[0])


if __name__ == "__main__":
    main(sys.argv[1:])
