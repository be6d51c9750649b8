"""XLSX workbooks of one sheet, sent while they are written.

An XLSX file is a zip archive of XML parts. openpyxl builds the archive only when the workbook is
saved, after the last row. Here the archive is written to a stream: when ``zipfile`` cannot seek
back to fill in a part's size and checksum, it puts them after the part's data (a data descriptor,
as Java's ZipOutputStream and Apache POI's streaming workbooks do), so every byte can leave as soon
as it is compressed. The fixed parts (styles, workbook) go first; the sheet follows row by row.

Strings are written in their cells (``t="inlineStr"``), as openpyxl's write-only workbooks do: a
shared-strings table would have to be complete before it is sent and would grow with the sheet.
Memory stays at one batch of rows and the compressor's window, however long the sheet.

The cells hold what openpyxl wrote for Wagtail's exports: numbers and booleans as numbers and
booleans, dates and times as dates with a date format, text as text even when it starts with ``=``
(never a formula), empty cells empty.
"""

import datetime
import decimal
import math
import re
import zipfile
from itertools import chain
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils.datetime import to_excel

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# XML 1.0 has no way to write these (openpyxl refuses the same control characters); lone
# surrogates cannot even be encoded as UTF-8.
ILLEGAL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Dates and times are numbers (days since 1900) that a date format shows as dates: what Excel
# itself writes. Wagtail has openpyxl write ISO 8601 text instead (``t="d"``, ``iso_dates=True``),
# which Excel 2007, Gnumeric, Google Sheets and xlrd do not read as dates; openpyxl reads both.
# datetime before date: a datetime is a date too.
_DATE_STYLES = (
    (datetime.datetime, 1),
    (datetime.date, 2),
    (datetime.time, 3),
    (datetime.timedelta, 4),
)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHEET = "xl/worksheets/sheet1.xml"

_CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/{_SHEET}" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/docProps/core.xml" \
ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
</Types>"""

_PACKAGE_RELATIONSHIPS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_RELATIONSHIPS}">\
<Relationship Id="rId1" Type="{_DOCUMENT}/officeDocument" Target="xl/workbook.xml"/>\
<Relationship Id="rId2" Type="{_RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/>\
</Relationships>"""

_CORE_PROPERTIES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties \
xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>\
</cp:coreProperties>"""

_WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{_MAIN}" xmlns:r="{_DOCUMENT}">\
<bookViews><workbookView activeTab="0"/></bookViews>\
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>\
</workbook>"""

_WORKBOOK_RELATIONSHIPS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_RELATIONSHIPS}">\
<Relationship Id="rId1" Type="{_DOCUMENT}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="{_DOCUMENT}/styles" Target="styles.xml"/>\
</Relationships>"""

# Cell formats 1 to 4 are those of _DATE_STYLES; 21 is Excel's built-in "h:mm:ss". The two
# fills are the ones Excel expects to find whether they are used or not.
_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{_MAIN}">\
<numFmts count="3"><numFmt numFmtId="164" formatCode={{datetime_format}}/>\
<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="[hh]:mm:ss"/></numFmts>\
<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""

_SHEET_START = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{_MAIN}"><sheetData>"""
_SHEET_END = "</sheetData></worksheet>"


class _Sink:
    """What the archive is written to: it keeps the bytes until they are taken.

    It has no ``tell`` or ``seek``, which is what makes ``zipfile`` write data descriptors.
    """

    def __init__(self):
        self.pieces = []

    def write(self, data):
        if data:  # the compressor often has nothing yet; an empty piece would be sent as one
            self.pieces.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self):
        data = b"".join(self.pieces)
        self.pieces.clear()
        return data


def _number(value):
    # openpyxl's spelling of numbers; Excel has no NaN or infinity, so those cells stay empty.
    value = float(value)
    return f"{value:.16g}" if math.isfinite(value) else None


def _text(value):
    value = ILLEGAL_CHARACTERS.sub("", value)
    if not value:
        return None
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f"<is><t{space}>{escape(value)}</t></is>"


def _cell_xml(reference, value):
    """One cell of the sheet, or "" for an empty one (a cell left out is empty)."""
    if value is None:
        return ""
    if isinstance(value, str):
        content = _text(value)
        return f'<c r="{reference}" t="inlineStr">{content}</c>' if content else ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{reference}"><v>{value}</v></c>'
    if isinstance(value, float | decimal.Decimal):
        number = _number(value)
        return f'<c r="{reference}"><v>{number}</v></c>' if number else ""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        value = value.astimezone(datetime.UTC).replace(tzinfo=None)  # Excel knows no time zones
    for kind, style in _DATE_STYLES:
        if isinstance(value, kind):
            return f'<c r="{reference}" s="{style}"><v>{to_excel(value)!r}</v></c>'
    return _cell_xml(reference, str(value))


def column_letter(index):
    """Excel's name of the column at ``index`` (0 is A, 26 is AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


class _Columns(dict):
    """Column letters by position, worked out once per column rather than once per cell."""

    def __missing__(self, index):
        letter = self[index] = column_letter(index)
        return letter


def _rows_xml(rows, first_row_number, columns):
    for number, row in enumerate(rows, start=first_row_number):
        cells = "".join(_cell_xml(f"{columns[index]}{number}", value) for index, value in enumerate(row))
        yield f'<row r="{number}">{cells}</row>'


def _batches(rows, size):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def stream_xlsx(header, rows, *, datetime_format="yyyy-mm-dd h:mm:ss", rows_per_write=200):
    """The bytes of a workbook whose one sheet holds ``header`` and then ``rows``, piece by piece.

    ``rows`` is read as the pieces are taken, ``rows_per_write`` rows at a time; a piece is sent
    when the compressor has output for it. ``datetime_format`` is Excel's format for datetimes.
    """
    created = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    fixed_parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELATIONSHIPS,
        "docProps/core.xml": _CORE_PROPERTIES.format(created=created),
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELATIONSHIPS,
        "xl/styles.xml": _STYLES.format(datetime_format=quoteattr(datetime_format)),
    }
    sink = _Sink()
    columns = _Columns()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, xml in fixed_parts.items():
            archive.writestr(name, xml)
        yield sink.take()
        # Without ZIP64: a sheet under 2 GiB of XML (millions of rows) needs
        # none, and past that zipfile raises rather than close a broken archive.
        with archive.open(_SHEET, "w") as sheet:
            sheet.write(_SHEET_START.encode())
            number = 1
            for batch in _batches(chain([header], rows), rows_per_write):
                sheet.write("".join(_rows_xml(batch, number, columns)).encode())
                number += len(batch)
                if sink.pieces:
                    yield sink.take()
            sheet.write(_SHEET_END.encode())
    yield sink.take()
