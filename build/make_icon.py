"""Draw the application icon with QPainter and write it in every form the platforms want.

    .venv/bin/python build/make_icon.py

Writes resources/icons/app.png (256 px, the window icon), app.ico (Windows: 16-256 px,
PNG-compressed entries, read by Windows Vista and later) and app.icns (macOS: 16-1024 px).
The .ico and .icns containers are written here by hand, so no image-format plugin or
Pillow is needed. The outputs are committed; run this again only when the drawing changes.
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter,  # noqa: E402
                           QPainterPath, QPen)

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, by pixel size (the @2x types reuse the larger images).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
              ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))


def draw(size: int) -> QImage:
    """The icon on a 100-unit grid: a checklist sheet on a blue tile, with a magnifier."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100, size / 100)
    small = size <= 32   # fewer, bolder strokes where pixels are scarce

    tile = QLinearGradient(0, 0, 0, 100)
    tile.setColorAt(0, QColor("#2f6fb6"))
    tile.setColorAt(1, QColor("#1b4a84"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(tile))
    p.drawRoundedRect(QRectF(4, 4, 92, 92), 18, 18)

    # The sheet, with a folded corner.
    sheet = QPainterPath()
    sheet.moveTo(22, 14)
    sheet.lineTo(64, 14)
    sheet.lineTo(78, 28)
    sheet.lineTo(78, 86)
    sheet.lineTo(22, 86)
    sheet.closeSubpath()
    p.setBrush(QColor("#fbfcfe"))
    p.drawPath(sheet)
    fold = QPainterPath()
    fold.moveTo(64, 14)
    fold.lineTo(64, 28)
    fold.lineTo(78, 28)
    fold.closeSubpath()
    p.setBrush(QColor("#c9d6e6"))
    p.drawPath(fold)

    rows = (34, 50, 66) if not small else (36, 58)
    marks = ("pass", "pass", "fail") if not small else ("pass", "fail")
    for y, mark in zip(rows, marks):
        if mark == "pass":
            p.setPen(QPen(QColor("#2e9e4f"), 5 if not small else 7, Qt.PenStyle.SolidLine,
                          Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            p.drawPolyline([QPointF(29, y), QPointF(33, y + 4), QPointF(40, y - 4)])
        else:
            p.setPen(QPen(QColor("#d2442f"), 5 if not small else 7, Qt.PenStyle.SolidLine,
                          Qt.PenCapStyle.RoundCap))
            p.drawLine(QPointF(30, y - 4), QPointF(38, y + 4))
            p.drawLine(QPointF(38, y - 4), QPointF(30, y + 4))
        if not small:
            p.setPen(QPen(QColor("#8da2bb"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawLine(QPointF(47, y), QPointF(70 if y < 60 else 56, y))

    # The magnifier over the lower right corner: the reviewer's second look.
    p.setPen(QPen(QColor("#f2b134"), 7 if not small else 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(77, 77), QPointF(88, 88))
    p.setPen(QPen(QColor("#f2b134"), 5 if not small else 7))
    p.setBrush(QColor(255, 255, 255, 170))
    p.drawEllipse(QPointF(67, 67), 13, 13)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + ICONDIRENTRYs + PNG images (a width/height byte of 0 means 256)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sizes = sorted(set(ICO_SIZES) | {s for _, s in ICNS_TYPES})
    pngs = {size: png_bytes(draw(size)) for size in sizes}
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "app.png").write_bytes(pngs[256])
    (ICONS / "app.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "app.icns").write_bytes(icns_bytes(pngs))
    for name in ("app.png", "app.ico", "app.icns"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
