"""Spreadsheet exports (CSV, XLSX) that stay safe whatever visitors typed.

Registrants and listing requests type their own names and remarks. A spreadsheet program runs a
CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (CSV injection); and openpyxl
refuses control characters such as ESC outright, so one such name stored before the forms cleaned
input would make every XLSX export that includes it fail.
"""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

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
