"""Spreadsheet exports (CSV, XLSX) that stay safe whatever visitors typed.

Registrants and listing requests type their own names and remarks. A spreadsheet program runs a
CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (CSV injection); and openpyxl
refuses control characters such as ESC outright, so one such name stored before the forms cleaned
input would make every XLSX export that includes it fail.

Exports also grow with the site (100,000 registrations): ``StreamingExportMixin`` reads them in
chunks and sends both formats while it writes them.
"""

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.views.mixins import ExcelDateFormatter

from home import xlsx

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SafeExportMixin:
    """For Wagtail's index views with ``list_export``: text values made safe for either format."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if not isinstance(value, str):
            return value
        if export_format == self.FORMAT_XLSX:
            return ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith(CSV_FORMULA_STARTS):
            return "'" + value
        return value


class _Chunked:
    """A queryset read in chunks as it is iterated; ``model`` is what Wagtail's headings ask of it."""

    def __init__(self, queryset, chunk_size):
        self.model = queryset.model
        self.queryset = queryset
        self.chunk_size = chunk_size

    def __iter__(self):
        return self.queryset.iterator(chunk_size=self.chunk_size)


def _joined(lines, count):
    """Every ``count`` CSV lines as one piece: one socket write per chunk rather than per row."""
    batch = []
    for line in lines:
        batch.append(line)
        if len(batch) == count:
            yield b"".join(batch)
            batch = []
    if batch:
        yield b"".join(batch)


class StreamingExportMixin:
    """For Wagtail's generic ``IndexView`` with ``list_export``: exports of any length in bounded memory.

    Wagtail builds the whole listing before it exports: it counts the rows by loading them all
    (``len(object_list)``) and then writes from that list. Here an export skips the listing and reads
    the rows from the database in chunks while it writes. ``get_export_queryset`` names what the
    export needs (``select_related``, ``only``), so the number of queries stays the same whatever the
    number of rows.

    Both formats go out while the rows are read. CSV is sent a batch of lines at a time. XLSX, a zip
    archive that openpyxl assembles only after the last row, is written by ``home.xlsx`` instead:
    its fixed parts leave before the first row is read, the sheet as it is compressed, with the
    cells openpyxl wrote for Wagtail (headings, text never read as a formula, numbers, dates in the
    admin's date format).
    """

    export_chunk_size = 2000  # rows per database fetch
    csv_lines_per_write = 200
    xlsx_rows_per_write = 200

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.as_spreadsheet(self.get_export_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def get_export_queryset(self):
        return self.get_queryset()

    def stream_csv(self, queryset):
        rows = super().stream_csv(_Chunked(queryset, self.export_chunk_size))
        return _joined(rows, self.csv_lines_per_write)

    def xlsx_rows(self, queryset):
        """Each item's values as Wagtail's ``write_xlsx`` puts them in its cells."""
        for item in _Chunked(queryset, self.export_chunk_size):
            row = self.to_row_dict(item)
            yield [
                self.preprocess_field_value(field, value, self.FORMAT_XLSX) for field, value in row.items()
            ]

    def write_xlsx_response(self, queryset):
        # Headings and date format now, in the request's language, rather than when the server
        # gets round to sending the body.
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        workbook = xlsx.stream_xlsx(
            headings,
            self.xlsx_rows(queryset),
            datetime_format=ExcelDateFormatter().get(),
            rows_per_write=self.xlsx_rows_per_write,
        )
        response = StreamingHttpResponse(workbook, content_type=xlsx.CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(True, f"{self.get_filename()}.xlsx")
        return response
