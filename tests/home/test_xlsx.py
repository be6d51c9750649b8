"""The streamed XLSX writer: the workbook reads back as the one openpyxl wrote for Wagtail's exports,
and its bytes leave while the rows are still being read, a batch at a time."""

import datetime
import io
import random
import string
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from home.xlsx import column_letter, stream_xlsx

DATETIME_FORMAT = "d-m-yyyy hh:mm"
HEADER = ["Naam", "Aantal", "Bedrag", "Aanwezig", "Op", "Datum", "Tijd", "Duur", "Leeg", "Opmerking"]
ROWS = [
    [
        '=HYPERLINK("http://evil.example","klik")',
        3,
        2.5,
        True,
        datetime.datetime(2026, 3, 2, 19, 30, 5),
        datetime.date(2026, 3, 2),
        datetime.time(9, 15),
        datetime.timedelta(hours=30, minutes=15),
        None,
        "Zoë Ñúñez 中文 🙂 & <b>vet</b>",
    ],
    ["+31 6 12345678", -7, Decimal("19.99"), False, datetime.datetime(2026, 12, 31, 23, 59, 59), None, None],
    ["  spaties rondom  ", 10**15, 1 / 3, None, None, None, None, None, "", "regel een\nregel twee"],
    ["@SUM(A1)", 0, float("nan"), None, None, None, None, None, None, "-1"],
]


def openpyxl_workbook(header, rows):
    """The workbook as Wagtail's ``write_xlsx`` made it with openpyxl, for comparison, but with dates
    as numbers (openpyxl's default) rather than ISO 8601 text: openpyxl reads a date-only ISO cell
    back as a date and a numeric one as a datetime at midnight."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Sheet1")
    sheet.append(header)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value)
            if cell.data_type == "f":
                cell.data_type = "s"
            if isinstance(value, datetime.datetime):
                cell.number_format = DATETIME_FORMAT
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def streamed(header, rows, **options):
    return b"".join(stream_xlsx(header, rows, datetime_format=DATETIME_FORMAT, **options))


def read_cells(body):
    """(value, kind, number format) of every cell; openpyxl calls an empty cell's kind what it wrote."""
    sheet = load_workbook(io.BytesIO(body)).active
    return [
        [(cell.value, cell.data_type if cell.value is not None else None, cell.number_format) for cell in row]
        for row in sheet.iter_rows()
    ]


def test_the_workbook_reads_back_as_the_one_openpyxl_wrote():
    """Text stays text (formulas too), numbers, booleans, dates, times and durations keep their type."""
    assert read_cells(streamed(HEADER, ROWS)) == read_cells(openpyxl_workbook(HEADER, ROWS))


def test_cells_hold_the_values_with_their_types():
    header, first, second, third, fourth = load_workbook(
        io.BytesIO(streamed(HEADER, ROWS))
    ).active.iter_rows()

    assert [cell.value for cell in header] == HEADER
    assert first[0].value == '=HYPERLINK("http://evil.example","klik")' and first[0].data_type == "s"
    assert (
        first[4].value == datetime.datetime(2026, 3, 2, 19, 30, 5)
        and first[4].number_format == DATETIME_FORMAT
    )
    assert first[5].value == datetime.datetime(2026, 3, 2) and first[5].number_format == "yyyy-mm-dd"
    assert first[6].value == datetime.time(9, 15)
    assert first[7].value == datetime.timedelta(hours=30, minutes=15)
    assert first[9].value == "Zoë Ñúñez 中文 🙂 & <b>vet</b>"
    assert (second[2].value, second[3].value) == (19.99, False)
    assert [cell.value for cell in second[5:]] == [None] * 5  # short rows end in empty cells
    assert third[0].value == "  spaties rondom  " and third[8].value is None
    assert (third[1].value, fourth[2].value, fourth[9].value) == (10**15, None, "-1")


def test_characters_xml_cannot_hold_are_left_out_rather_than_breaking_the_file():
    """openpyxl refuses these outright; a name typed with an escape code still exports."""
    body = streamed(["Naam"], [["Esther\x1b[31m de\x02 Vries\x07"], ["\x0b\x1f"], ["ok\ud800"]])

    assert [row[0] for row in read_cells(body)] == [
        ("Naam", "s", "General"),
        ("Esther[31m de Vries", "s", "General"),
        (None, None, "General"),
        ("ok", "s", "General"),
    ]


def test_dates_are_numbers_with_a_date_format_as_excel_writes_them():
    """ISO 8601 date cells (``t="d"``, what Wagtail's openpyxl export writes) show as numbers or
    nonsense in Excel 2007, Gnumeric, Google Sheets and xlrd; a serial number with a date format
    reads as a date everywhere."""
    body = streamed(["Op"], [[datetime.datetime(2026, 3, 2, 19, 30, 5)]])

    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<c r="A2" s="1"><v>46083.81255787037</v></c>' in sheet


def test_the_datetime_format_is_written_as_given():
    body = b"".join(
        stream_xlsx(["Op"], [[datetime.datetime(2026, 1, 2, 3, 4)]], datetime_format='d "de" mmmm')
    )

    assert load_workbook(io.BytesIO(body)).active["A2"].number_format == 'd "de" mmmm'


def test_an_aware_datetime_is_written_in_utc():
    aware = datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))

    body = streamed(["Op"], [[aware]])

    assert load_workbook(io.BytesIO(body)).active["A2"].value == datetime.datetime(2026, 7, 1, 10, 0)


@pytest.mark.parametrize("index", [0, 25, 26, 51, 52, 701, 702, 16383])
def test_column_letters_match_excels(index):
    assert column_letter(index) == get_column_letter(index + 1)


def test_wide_rows_land_in_their_columns():
    body = streamed([f"k{number}" for number in range(60)], [list(range(60))])

    sheet = load_workbook(io.BytesIO(body)).active
    assert (sheet["BH1"].value, sheet["AA2"].value, sheet["BH2"].value) == ("k59", 26, 59)


def test_an_empty_sheet_is_a_valid_workbook():
    assert read_cells(streamed(["Naam", "E-mail"], [])) == [
        [("Naam", "s", "General"), ("E-mail", "s", "General")]
    ]


def test_the_archive_is_a_plain_zip_with_its_parts_checked():
    with zipfile.ZipFile(io.BytesIO(streamed(HEADER, ROWS))) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
    assert names[0] == "[Content_Types].xml" and names[-1] == "xl/worksheets/sheet1.xml"


class CountingRows:
    """Rows handed out one by one, counting how many were taken."""

    def __init__(self, count, width=2000):
        letters = random.Random(14)
        self.rows = (
            [number, "".join(letters.choice(string.ascii_letters) for _ in range(width))]
            for number in range(count)
        )
        self.taken = 0

    def __iter__(self):
        for row in self.rows:
            self.taken += 1
            yield row


def test_bytes_leave_before_the_rows_are_read_and_in_bounded_pieces():
    """The fixed parts go before any row is read, the sheet in pieces while rows are still coming."""
    rows = CountingRows(300)
    taken_per_piece, sizes, pieces = [], [], []

    for piece in stream_xlsx(["Nummer", "Tekst"], rows, rows_per_write=20):
        taken_per_piece.append(rows.taken)
        sizes.append(len(piece))
        pieces.append(piece)

    assert taken_per_piece[0] == 0 and pieces[0].startswith(b"PK\x03\x04")
    assert all(pieces)
    assert len([taken for taken in taken_per_piece if 0 < taken < 300]) >= 10
    assert max(sizes) < 64_000 < sum(sizes) / 5  # no piece holds more than a few batches
    sheet = load_workbook(io.BytesIO(b"".join(pieces))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == list(range(300))


def test_a_client_that_stops_reading_stops_the_rows_being_read():
    rows = CountingRows(300)
    pieces = stream_xlsx(["Nummer", "Tekst"], rows, rows_per_write=20)

    next(pieces), next(pieces)
    pieces.close()

    assert 0 < rows.taken < 300
