"""Print workbooks with LibreOffice and say how each sheet came out: pages per sheet and the
typical printed text height, and optionally PNG pages of chosen sheets.

    python build/print_check.py report.xlsx [more.xlsx ...] [--png OUTDIR] [--sheets Summary,汇总] [--dpi 80]

Needs `soffice` (libreoffice-calc-nogui) and poppler-utils (pdftotext, pdftoppm); a check for a
person to run and look at, not part of the test suite, which must not depend on LibreOffice.
The sheet of each page is read from the page header's centre (the sheet's name, `&A`).
"""
from __future__ import annotations

import argparse
import collections
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", re.S)


def to_pdf(xlsx: Path, folder: Path) -> Path:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(xlsx)],
                   check=True, capture_output=True, timeout=600)
    return folder / (xlsx.stem + ".pdf")


def pages(pdf: Path) -> list[tuple[str, float]]:
    """Each page's sheet name (the header's centre line) and the median height of its body words."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    result = []
    for _w, height, body in PAGE.findall(html):
        words = [(float(y0), float(y1), float(x0), text) for x0, y0, _x1, y1, text in WORD.findall(body)]
        top = min((y0 for y0, *_ in words), default=0.0)
        header = sorted((x0, text) for y0, _y1, x0, text in words if abs(y0 - top) < 2)
        middle = [t for x0, t in header if 200 < x0 < 600]
        body_heights = [y1 - y0 for y0, y1, _x, _t in words if top + 30 < y0 < float(height) - 40]
        # A word box is about 1.2 times the font size high (ascent plus descent).
        size = statistics.median(body_heights) / 1.2 if body_heights else 0.0
        result.append((" ".join(middle), size))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("books", nargs="+", type=Path)
    parser.add_argument("--png", type=Path, help="write PNG pages of --sheets here")
    parser.add_argument("--sheets", default="Summary,汇总", help="sheets to render with --png")
    parser.add_argument("--dpi", type=int, default=80, help="resolution of the PNG pages")
    args = parser.parse_args(argv)
    wanted = set(args.sheets.split(","))
    with tempfile.TemporaryDirectory() as temp:
        for book in args.books:
            pdf = to_pdf(book, Path(temp))
            listed = pages(pdf)
            print(f"{book.name}: {len(listed)} pages")
            per_sheet: dict[str, list[float]] = collections.defaultdict(list)
            for name, size in listed:
                per_sheet[name].append(size)
            for name, sizes in per_sheet.items():
                print(f"  {name or '?'}: {len(sizes)} page(s), text about {statistics.median(sizes):.1f} pt")
            if args.png:
                args.png.mkdir(parents=True, exist_ok=True)
                for number, (name, _size) in enumerate(listed, start=1):
                    if name in wanted:
                        stem = args.png / f"{book.stem}-p{number}"
                        subprocess.run(["pdftoppm", "-r", str(args.dpi), "-f", str(number), "-l", str(number), "-png",
                                        "-singlefile", str(pdf), str(stem)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
