"""Hostile files for the import: a few bytes asking for gigabytes, at any size.

The tests build them small with the limits of workbench.importing.read_limits lowered;
bench/bench_hostile.py builds them at full size (the sizes the fault campaign used) and
measures time and peak memory.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

HEADER = "申请号,专利类型,发明创造名称\n"
_SS_HEAD = ('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Cases"><Table>')
_SS_TAIL = "</Table></Worksheet></Workbook>"
_HEADER_ROW = ("<Row><Cell><Data ss:Type=\"String\">申请号</Data></Cell>"
               "<Cell><Data ss:Type=\"String\">专利类型</Data></Cell></Row>")


def spreadsheet_xml_merge_across(path: Path, rows: int, cells: int = 20, across: int = 16_384) -> Path:
    """SpreadsheetML 2003: every cell merged across `across` columns (4 MB at 2,000 rows)."""
    cell = f'<Cell ss:MergeAcross="{across}"><Data ss:Type="String">x</Data></Cell>'
    row = "<Row>" + cell * cells + "</Row>"
    path.write_text(_SS_HEAD + _HEADER_ROW + row * rows + _SS_TAIL, encoding="utf-8")
    return path


def spreadsheet_xml_merge_down(path: Path, rows: int, cells: int = 200, down: int = 1_000_000) -> Path:
    """SpreadsheetML 2003: one row of cells merged down `down` rows, then `rows` empty rows."""
    first = "<Row>" + f'<Cell ss:MergeDown="{down}"><Data ss:Type="String">x</Data></Cell>' * cells + "</Row>"
    path.write_text(_SS_HEAD + _HEADER_ROW + first + "<Row/>" * rows + _SS_TAIL, encoding="utf-8")
    return path


def spreadsheet_xml_index_jump(path: Path, rows: int, index: int = 16_000) -> Path:
    """SpreadsheetML 2003: every row's one cell placed at column `index` by ss:Index."""
    row = f'<Row><Cell ss:Index="{index}"><Data ss:Type="String">x</Data></Cell></Row>'
    path.write_text(_SS_HEAD + _HEADER_ROW + row * rows + _SS_TAIL, encoding="utf-8")
    return path


def spreadsheet_xml_entities(path: Path, levels: int = 9) -> Path:
    """SpreadsheetML 2003 with nested entities ("billion laughs"): a few hundred bytes naming
    10**levels copies of a word."""
    entities = '<!ENTITY e0 "lol">' + "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, levels + 1))
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE Workbook [{entities}]>\n'
                    + _SS_HEAD.split("\n", 1)[1] + _HEADER_ROW
                    + f'<Row><Cell><Data ss:Type="String">&e{levels};</Data></Cell></Row>' + _SS_TAIL,
                    encoding="utf-8")
    return path


def html_colspan(path: Path, rows: int, cells: int = 100, span: int = 1_000) -> Path:
    """An HTML table saved as .xls, each cell spanning `span` columns (7.5 MB at 3,000 rows)."""
    row = "<tr>" + f'<td colspan="{span}">x</td>' * cells + "</tr>\n"
    path.write_text("<html><body><table><tr><td>申请号</td><td>专利类型</td></tr>\n" + row * rows
                    + "</table></body></html>", encoding="utf-8")
    return path


def html_rowspan(path: Path, rows: int, cells: int = 1_000, span: int = 100_000) -> Path:
    """An HTML table saved as .xls: one row of cells spanning `span` rows, then `rows` empty rows."""
    first = "<tr>" + f'<td rowspan="{span}">x</td>' * cells + "</tr>\n"
    path.write_text("<html><body><table><tr><td>申请号</td><td>专利类型</td></tr>\n" + first
                    + "<tr></tr>\n" * rows + "</table></body></html>", encoding="utf-8")
    return path


def html_unclosed(path: Path, megabytes: int, opening: str = "<!--") -> Path:
    """An HTML table followed by something never closed (a comment, a tag) `megabytes` long:
    the parser keeps it buffered and searches it again at every piece fed."""
    path.write_text("<html><body><table><tr><td>申请号</td><td>专利类型</td></tr>\n" + opening
                    + "a " * (megabytes << 19), encoding="utf-8")
    return path


def html_nested(path: Path, depth: int) -> Path:
    """Tables inside cells inside tables, `depth` deep."""
    path.write_text("<html><body><table><tr><td>申请号</td><td>专利类型</td></tr>" + "<tr><td><table>" * depth
                    + "</table></td></tr>" * depth + "</table></body></html>", encoding="utf-8")
    return path


def csv_wide(path: Path, columns: int) -> Path:
    """A CSV whose second line has `columns` cells."""
    path.write_text(HEADER + "," * (columns - 1) + "\n", encoding="utf-8")
    return path


def csv_lines(path: Path, line: str, count: int) -> Path:
    """A CSV of `count` copies of one line below the header: blank lines, rejected rows..."""
    path.write_text(HEADER + line * count, encoding="utf-8")
    return path


# -- zip workbooks -------------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
         'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships"><sheets><sheet name="Cases" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '</Relationships>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
               'spreadsheetml/2006/main"><sheetData>')
_SHEET_TAIL = "</sheetData></worksheet>"
_HEADER_CELLS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>申请号</t></is></c>'
                 '<c r="B1" t="inlineStr"><is><t>专利类型</t></is></c></row>')


def _xlsx(path: Path, sheet: bytes | str, strings: bytes | str = "<sst/>", extra: int = 0) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", strings)
        for number in range(extra):
            archive.writestr(f"xl/media/extra{number}.bin", b"")
    return path


def xlsx_far_cell(path: Path, row: int = 1_048_576, column: str = "XFD") -> Path:
    """Two cells, A1 and (say) XFD1048576: 1 KB, and calamine allocates the rectangle between."""
    sheet = (_SHEET_HEAD + _HEADER_CELLS + f'<row r="{row}"><c r="{column}{row}" t="inlineStr"><is><t>x</t>'
             "</is></c></row>" + _SHEET_TAIL)
    return _xlsx(path, sheet)


def xlsx_inflating_sheet(path: Path, megabytes: int) -> Path:
    """A sheet that inflates about a thousand times: `megabytes` of empty rows' padding."""
    padding = b" " * (1 << 20)
    body = _SHEET_HEAD.encode() + _HEADER_CELLS.encode() + padding * megabytes + _SHEET_TAIL.encode()
    return _xlsx(path, body)


def xlsx_inflating_strings(path: Path, megabytes: int) -> Path:
    """Shared strings that inflate about a thousand times (calamine keeps them all in memory)."""
    text = b"<sst><si><t>" + b"x" * (megabytes << 20) + b"</t></si></sst>"
    sheet = _SHEET_HEAD + _HEADER_CELLS + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>' + _SHEET_TAIL
    return _xlsx(path, sheet, text)


def xlsx_repeated_string(path: Path, cells: int, length: int = 32_000) -> Path:
    """One long shared string, referenced by `cells` cells: calamine copies it into each one
    (a 250 KB file took 500 MB)."""
    strings = "<sst><si><t>" + "y" * length + "</t></si></sst>"
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(2, cells + 2))
    return _xlsx(path, _SHEET_HEAD + _HEADER_CELLS + rows + _SHEET_TAIL, strings)


def xlsx_inline_text(path: Path, cells: int, length: int) -> Path:
    """Cells of inline text that does not compress (calamine holds all of it)."""
    import hashlib

    def text(row: int) -> str:
        return "".join(hashlib.sha256(f"{row}.{n}".encode()).hexdigest() for n in range(length // 64 + 1))[:length]
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{text(r)}</t></is></c></row>'
                   for r in range(2, cells + 2))
    return _xlsx(path, _SHEET_HEAD + _HEADER_CELLS + rows + _SHEET_TAIL)


def xlsx_many_cells(path: Path, rows: int, columns: int = 700) -> Path:
    """Real cells, each `<c r=".."/>` a few bytes compressed: rows x columns of them."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(c + 1) for c in range(columns)]
    parts = [_SHEET_HEAD, _HEADER_CELLS]
    for row in range(2, rows + 2):
        parts.append(f'<row r="{row}">' + "".join(f'<c r="{c}{row}"><v>1</v></c>' for c in letters) + "</row>")
    parts.append(_SHEET_TAIL)
    return _xlsx(path, "".join(parts))


def xlsx_many_parts(path: Path, parts: int) -> Path:
    sheet = _SHEET_HEAD + _HEADER_CELLS + _SHEET_TAIL
    return _xlsx(path, sheet, extra=parts)


def xlsx_lying_size(path: Path, megabytes: int) -> Path:
    """The inflating sheet, its central directory entry claiming it unpacks to 1,000 bytes."""
    xlsx_inflating_sheet(path, megabytes)
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = data.rfind(b"PK\x01\x02", 0, data.rfind(name))        # its central directory entry
    data[at + 24:at + 28] = (1000).to_bytes(4, "little")        # uncompressed size
    local = data.find(b"PK\x03\x04" + bytes(data[at + 6:at + 8]))
    while local >= 0 and data[local + 30:local + 30 + len(name)] != name:
        local = data.find(b"PK\x03\x04", local + 4)
    data[local + 22:local + 26] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


def xls_far_cell(path: Path, row: int = 65_535, column: int = 255) -> Path:
    """The committed BIFF8 fixture with its first shared-string cell moved to (row, column): a
    10 KB .xls that calamine spreads over the whole sheet."""
    data = bytearray((Path(__file__).resolve().parent.parent / "data" / "import" / "legacy_template.xls").read_bytes())
    at = data.find(b"\xfd\x00\x0a\x00")                       # LABELSST, 10 bytes: row, column, ...
    data[at + 4:at + 8] = row.to_bytes(2, "little") + column.to_bytes(2, "little")
    path.write_bytes(bytes(data))
    return path


def ods_repeated(path: Path, rows: int, columns: int, trailer: bool = True, text: str = "x") -> Path:
    """An OpenDocument sheet: one cell with a value repeated `columns` times in a row repeated
    `rows` times (calamine copies it into every position), then LibreOffice's usual trailer
    of a million empty rows, which must not count."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:'
        'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        '<office:spreadsheet><table:table table:name="Cases"><table:table-row>'
        '<table:table-cell office:value-type="string"><text:p>申请号</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>专利类型</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-repeated="1022"/></table:table-row>'
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated='
        f'"{columns}" office:value-type="string"><text:p>{text}</text:p></table:table-cell></table:table-row>'
        + ('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
           'table:number-columns-repeated="1024"/></table:table-row>' if trailer else "")
        + "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path='
                '"/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path
