"""A4 pages drawn with Qt's own PDF writer: the one module of workbench/ that imports Qt (QtGui,
never QtWidgets).

The layout is kept apart from what it lays out: `PdfLayout` places headings, paragraphs, tables
and bar charts down A4 pages (measured with the fonts the PDF embeds) and records how to draw
each page; `PdfLayout.write` then paints every page with its header and a "Page N of M" footer,
so the total is known before the first page is drawn. The quality report (`report.pdf_report`)
and the feedback letters (`feedback.letters`) use the same pieces. Text is Python `str` and sizes are
fractions of the text width, so the callers never see a Qt type.

Qt embeds the fonts a PDF uses; Chinese text needs a CJK font installed, and a Chinese document
is refused (WorkbenchError "pdf.no_cjk_font") rather than printed as boxes without one.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from foundation.errors import WorkbenchError, register
from workbench.report.page_parts import Bar, Column

register({
    "pdf.no_cjk_font": "No Chinese font is installed, so the Chinese PDF cannot be written without boxes in place "
                       "of the characters: install the font package fonts-wqy-microhei (or fonts-noto-cjk).",
})

#: CJK families tried in order; Qt embeds the one found (as a subset) in the PDF. Noto/Source Han
#: come last: they share glyphs between characters and radicals (页 and ⻚), and the text Qt writes
#: for copying and searching then holds the radical, so pdftotext finds no "页".
CJK_FAMILIES = ("WenQuanYi Micro Hei", "Droid Sans Fallback", "Microsoft YaHei", "SimHei", "PingFang SC",
                "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN")
LATIN_FAMILIES = ("DejaVu Sans", "Liberation Sans", "Arial", "Helvetica")
RESOLUTION = 300                       # dots per inch of the page's coordinates
MARGIN_MM = 16.0
GRID = QColor("#8EA9DB")
SECTION_FILL = QColor("#DDEBF7")
HIGHLIGHT_FILL = QColor("#FCE4D6")
BAR = QColor("#4472C4")
TEXT = QColor("#000000")
MUTED = QColor("#595959")

_application: QGuiApplication | None = None    # kept alive for the process (the command line)


def ensure_gui_application() -> None:
    """Fonts need a QGuiApplication; the command line makes an offscreen one when none runs."""
    global _application
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")     # a headless machine has no display
        _application = QGuiApplication([])


def _first_installed(families: Sequence[str]) -> str | None:
    installed = set(QFontDatabase.families())
    return next((f for f in families if f in installed), None)


def cjk_family() -> str | None:
    ensure_gui_application()
    return _first_installed(CJK_FAMILIES)


Draw = Callable[[QPainter], None]


class PdfLayout:
    """Places content down A4 pages; `write` paints them with header and footer."""

    def __init__(self, language: str, *, require_cjk: bool | None = None) -> None:
        ensure_gui_application()
        cjk = _first_installed(CJK_FAMILIES)
        if cjk is None and (require_cjk if require_cjk is not None else language == "zh"):
            raise WorkbenchError("pdf.no_cjk_font")
        latin = _first_installed(LATIN_FAMILIES)
        self.language = language
        # Chinese pages set everything in the CJK font; English pages fall back to it for Chinese data.
        self.families = [f for f in ((cjk, latin) if language == "zh" else (latin, cjk)) if f]
        self.writer_layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                         QPageLayout.Unit.Millimeter)
        paint = self.writer_layout.paintRectPixels(RESOLUTION)
        self.width = float(paint.width())
        self.height = float(paint.height())
        self.body = self.font(9)
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}
        self.header_height = self.line_height(self.font(8)) * 2.6
        self.footer_height = self.line_height(self.font(7.5)) * 2.6
        self.pages: list[list[Draw]] = [[]]
        self.y = self.header_height

    # -- fonts and measuring ---------------------------------------------------------------

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(self.families)
        font.setPointSizeF(points)
        font.setBold(bold)
        for tag in ("liga", "clig"):      # "efficiency", not "e\ufb03ciency", in the text pdftotext reads back
            font.setFeature(QFont.Tag(tag), 0)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        key = (font.pointSizeF(), font.bold())
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(font, _MeasureDevice.get())
        return self._metrics[key]

    def line_height(self, font: QFont) -> float:
        return self.metrics(font).lineSpacing()

    def text_height(self, text: str, font: QFont, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.metrics(font).boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()

    # -- pages ------------------------------------------------------------------------------

    @property
    def bottom(self) -> float:
        return self.height - self.footer_height

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.header_height

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` more fits on this one (an empty page always takes it)."""
        if self.y + height > self.bottom and self.y > self.header_height:
            self.new_page()

    def draw(self, op: Draw) -> None:
        self.pages[-1].append(op)

    def space(self, lines: float = 0.6) -> None:
        self.y += self.line_height(self.body) * lines

    # -- content ----------------------------------------------------------------------------

    def title(self, text: str, subtitle: str = "") -> None:
        self.paragraph(text, self.font(16, bold=True))
        if subtitle:
            self.paragraph(subtitle, self.font(10), color=MUTED)
        self.space()

    def heading(self, text: str, keep_with: float = 0.0) -> None:
        """A section heading, kept on one page with the first `keep_with` of what follows it."""
        font = self.font(11, bold=True)
        height = self.text_height(text, font, self.width) + self.line_height(self.body) * 0.5
        self.ensure(height + keep_with)
        y = self.y
        self.draw(lambda p: (p.fillRect(QRectF(0, y, self.width, height), SECTION_FILL),
                             _text(p, QRectF(self.line_height(font) * 0.3, y, self.width, height), text, font,
                                   Qt.AlignmentFlag.AlignVCenter)))
        self.y += height + self.line_height(self.body) * 0.3

    def paragraph(self, text: str, font: QFont | None = None, color: QColor = TEXT) -> None:
        font = font or self.body
        height = self.text_height(text, font, self.width)
        self.ensure(height)
        y = self.y
        self.draw(lambda p: _text(p, QRectF(0, y, self.width, height), text, font, color=color))
        self.y += height + self.line_height(font) * 0.2

    def note(self, text: str) -> None:
        self.paragraph(text, self.font(8), color=MUTED)

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]],
              highlighted: Sequence[bool] = (), *, keep_together: bool = False,
              fill: QColor | str = HIGHLIGHT_FILL) -> None:
        """A table with the header repeated on every page it runs onto; highlighted rows are shaded
        (`fill`); `keep_together` starts a new page rather than split a table that fits on one."""
        m = self._measure(columns, rows)
        shade = QColor(fill)
        self.ensure(m.header_height + (sum(m.heights) if keep_together else m.heights[0] if rows else 0.0))
        if m.header_height:
            self._row(m.headers, m.widths, columns, m.header_fonts, m.header_height, m.pad, SECTION_FILL)
        for index, (cells, height) in enumerate(zip(rows, m.heights)):
            if self.y + height > self.bottom:
                self.new_page()
                if m.header_height:
                    self._row(m.headers, m.widths, columns, m.header_fonts, m.header_height, m.pad, SECTION_FILL)
            shaded = shade if index < len(highlighted) and highlighted[index] else None
            self._row([str(c) for c in cells], m.widths, columns, m.body_fonts, height, m.pad, shaded)
        self.y += self.line_height(self.body) * 0.6

    def table_height(self, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> float:
        """The height `table` would take on one page (to keep what precedes it on the same page)."""
        m = self._measure(columns, rows)
        return m.header_height + sum(m.heights) + self.line_height(self.body) * 0.6

    def _measure(self, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> _Measured:
        scale = self.width / sum(c.width for c in columns)
        widths = [c.width * scale for c in columns]
        pad = self.line_height(self.body) * 0.25
        header_fonts = [self.font(7.5, bold=True)] * len(columns)
        bold_body = self.font(self.body.pointSizeF(), bold=True)
        body_fonts = [bold_body if c.bold else self.body for c in columns]

        def height_of(cells: Sequence[str], fonts: Sequence[QFont]) -> float:
            return max(self.text_height(str(cell), font, w - 2 * pad)
                       for cell, w, font in zip(cells, widths, fonts)) + 2 * pad

        headers = [c.header for c in columns]
        # a table of label-value pairs has no header row
        header_height = height_of(headers, header_fonts) if any(headers) else 0.0
        return _Measured(widths, pad, headers, header_fonts, header_height, body_fonts,
                         [height_of([str(c) for c in cells], body_fonts) for cells in rows])

    def _row(self, cells: Sequence[str], widths: Sequence[float], columns: Sequence[Column],
             fonts: Sequence[QFont], height: float, pad: float, fill: QColor | None) -> None:
        y = self.y

        def paint(p: QPainter) -> None:
            x = 0.0
            if fill is not None:
                p.fillRect(QRectF(0, y, self.width, height), fill)
            for cell, width, column, font in zip(cells, widths, columns, fonts):
                align = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
                _text(p, QRectF(x + pad, y + pad, width - 2 * pad, height - 2 * pad), cell, font, align)
                x += width
            p.setPen(QPen(GRID, 2))
            p.drawLine(QPointF(0, y + height), QPointF(self.width, y + height))
        self.draw(paint)
        self.y += height

    def bar_chart(self, title: str, bars: Sequence[Bar], *, maximum: float = 1.0, target: float | None = None,
                  target_label: str = "") -> None:
        """Horizontal bars with their intervals as whiskers and an optional target line."""
        font = self.font(8)
        line = self.line_height(font) * 1.5
        label_width = self.width * 0.3
        text_width = self.width * 0.14
        plot = self.width - label_width - text_width
        self.heading(title, keep_with=line * min(len(bars), 4))
        top_needed = line * 0.5

        def x_of(value: float) -> float:
            return label_width + plot * max(0.0, min(value / maximum if maximum else 0.0, 1.0))

        for index, bar in enumerate(bars):
            row = max(line, self.text_height(bar.label, font, label_width - line * 0.3) + line * 0.3)
            self.ensure(row + (top_needed if target is not None and index == len(bars) - 1 else 0))
            y = self.y

            def paint(p: QPainter, bar: Bar = bar, y: float = y, row: float = row) -> None:
                _text(p, QRectF(0, y, label_width - row * 0.3, row), bar.label, font,
                      Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
                p.fillRect(QRectF(label_width, y + (row - line * 0.6) / 2, x_of(bar.value) - label_width, line * 0.6), BAR)
                if bar.low is not None and bar.high is not None:
                    p.setPen(QPen(TEXT, 3))
                    mid = y + row / 2
                    p.drawLine(QPointF(x_of(bar.low), mid), QPointF(x_of(bar.high), mid))
                    for end in (bar.low, bar.high):
                        p.drawLine(QPointF(x_of(end), mid - line * 0.2), QPointF(x_of(end), mid + line * 0.2))
                _text(p, QRectF(label_width + plot + row * 0.3, y, text_width, row), bar.text, font,
                      Qt.AlignmentFlag.AlignVCenter)
                p.setPen(QPen(GRID, 2))
                p.drawLine(QPointF(label_width, y), QPointF(label_width, y + row))
            self.draw(paint)
            if target is not None:
                self.draw(lambda p, y=y, row=row: (p.setPen(QPen(QColor("#C00000"), 3, Qt.PenStyle.DashLine)),
                                          p.drawLine(QPointF(x_of(target), y), QPointF(x_of(target), y + row))))
            self.y += row
        if target is not None and target_label:
            self.note(target_label)
        self.space()

    # -- writing ----------------------------------------------------------------------------

    def write(self, path: str | Path, *, header: str, scope: str, footer: str, page_label: Callable[[int, int], str],
              title: str = "") -> int:
        """Paint every page into the PDF at `path`; returns the number of pages."""
        writer = QPdfWriter(str(path))
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(self.writer_layout)
        writer.setTitle(title or header)
        writer.setCreator(header)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"Qt could not open {path} for writing")
        try:
            total = len(self.pages)
            for number, ops in enumerate(self.pages, start=1):
                if number > 1:
                    writer.newPage()
                self._page_frame(painter, header, scope, footer, page_label(number, total))
                for op in ops:
                    painter.save()
                    op(painter)
                    painter.restore()
        finally:
            painter.end()
        return len(self.pages)

    def _page_frame(self, p: QPainter, header: str, scope: str, footer: str, page: str) -> None:
        """The header (the report and its scope) and the footer (a note such as the audit anchor, the page)."""
        small = self.font(8)
        line = self.line_height(small)
        _text(p, QRectF(0, 0, self.width * 0.5, line), header, self.font(8, bold=True))
        _text(p, QRectF(self.width * 0.3, 0, self.width * 0.7, line * 2), scope, small,
              Qt.AlignmentFlag.AlignRight, color=MUTED)
        p.setPen(QPen(GRID, 2))
        p.drawLine(QPointF(0, self.header_height - line * 0.4), QPointF(self.width, self.header_height - line * 0.4))
        foot = self.font(7)
        top = self.height - self.footer_height + line * 0.6
        p.drawLine(QPointF(0, top - line * 0.3), QPointF(self.width, top - line * 0.3))
        page_width = self.metrics(foot).horizontalAdvance(page) + line
        _text(p, QRectF(0, top, self.width - page_width, self.footer_height), footer, foot, color=MUTED)
        _text(p, QRectF(self.width - page_width, top, page_width, self.footer_height), page, foot,
              Qt.AlignmentFlag.AlignRight)


def _text(p: QPainter, rect: QRectF, text: str, font: QFont,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, color: QColor = TEXT) -> None:
    p.setFont(font)
    p.setPen(color)
    p.drawText(rect, int(align | Qt.TextFlag.TextWordWrap), text)


@dataclass(frozen=True)
class _Measured:
    """A table measured: column widths, cell padding, the header row and each body row's height."""
    widths: list[float]
    pad: float
    headers: list[str]
    header_fonts: list[QFont]
    header_height: float
    body_fonts: list[QFont]
    heights: list[float]


class _MeasureDevice:
    """A paint device at the PDF's resolution, so text is measured as it will be drawn."""

    _image = None

    @classmethod
    def get(cls):   # type: ignore[no-untyped-def]
        if cls._image is None:
            from PySide6.QtGui import QImage
            image = QImage(8, 8, QImage.Format.Format_RGB32)
            dots_per_metre = round(RESOLUTION / 0.0254)
            image.setDotsPerMeterX(dots_per_metre)
            image.setDotsPerMeterY(dots_per_metre)
            cls._image = image
        return cls._image
