"""The registrations admin at growth: the list, its session filter and the CSV and XLSX exports ask
the database the same few questions whether a session has 5 registrations or 60."""

import csv
import io
import random
import re
import string
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from events.models import Registration
from home.exports import StreamingExportMixin
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/registrations/"
BUDGET = 20


@pytest.fixture
def staff(client, home_pages):
    """A member of the communications group, as staff work: not a superuser."""
    client.force_login(StaffUserFactory())
    return client


@pytest.fixture
def sessions(make_event):
    """Three sessions with sign-ups and one without."""
    with_signups = [make_event(capacity=500, translations=False)["nl"] for _ in range(3)]
    without = make_event(capacity=5, translations=False)["nl"]
    return with_signups, without


def add_registrations(events, start, count, remarks=lambda number: ""):
    Registration.objects.bulk_create(
        Registration(
            event=events[number % len(events)],
            name=f"=Deelnemer {number}",
            email=f"deelnemer{number}@example.org",
            organisation="Org",
            role="zp",
            remarks=remarks(number),
            consent_text="[test] ok",
            language="nl",
            status="confirmed",
        )
        for number in range(start, start + count)
    )


def measured(client, url, **params):
    """The response, its body read to the end, and the queries both took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200
    return response, body, [query["sql"] for query in queries.captured_queries]


def grow(client, url, sessions, **params):
    """Measure ``url`` with 5 registrations and again with 60: (responses, bodies, queries) at 60."""
    events, _without = sessions
    add_registrations(events, 0, 5)
    client.get(url, params)  # per-process caches (content types, URL resolvers) warm, as in use
    _response, _body, few = measured(client, url, **params)
    add_registrations(events, 5, 55)
    response, body, many = measured(client, url, **params)
    assert len(many) == len(few) <= BUDGET, "\n".join(many)
    return response, body, many


def test_the_list_asks_the_same_queries_for_5_and_60_registrations(staff, sessions):
    _response, body, queries = grow(staff, INDEX, sessions)

    html = body.decode()
    assert "deelnemer59@example.org" in html
    assert sessions[0][0].title in html


def test_the_session_filter_offers_the_sessions_with_sign_ups_without_a_distinct_over_them(staff, sessions):
    events, without = sessions

    _response, body, queries = grow(staff, INDEX, sessions)

    html = body.decode()
    for event in events:
        assert f'<option value="{event.pk}">{event.title}</option>' in html
    assert f'value="{without.pk}"' not in html
    assert not [query for query in queries if "DISTINCT" in query.upper()]


def test_the_session_filter_offers_a_years_sessions_and_still_takes_an_older_one(staff, sessions, make_event):
    """Twenty years of sessions were a drop-down of a thousand options; older ones come from the counts."""
    events, _without = sessions
    older = make_event(days=-400, capacity=50, translations=False)["nl"]
    last_year = make_event(days=-300, capacity=50, translations=False)["nl"]
    add_registrations([*events, older, last_year], 0, 10)

    offered = staff.get(INDEX).content.decode()
    assert f'<option value="{last_year.pk}">{last_year.title}</option>' in offered
    assert f'value="{older.pk}"' not in offered
    assert f"{INDEX}?event={older.pk}" in staff.get(INDEX + "counts/").content.decode()

    chosen = staff.get(INDEX, {"event": older.pk}).content.decode()
    assert f'<option value="{older.pk}" selected>{older.title}</option>' in chosen
    shown = {f"deelnemer{number}@example.org" for number in range(10) if f"deelnemer{number}@" in chosen}
    assert shown == {"deelnemer3@example.org", "deelnemer8@example.org"}  # the older session's two
    for nonsense in ("x", "9" * 30, "9" * 5000, "-1", "１２"):
        assert staff.get(INDEX, {"event": nonsense}).status_code == 200


def counted_sessions(client, **params):
    """The sessions linked on a page of "Sign-ups per session", and the queries it took."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(INDEX + "counts/", params).content.decode()
    return re.findall(rf'<a href="{INDEX}\?event=(\d+)">', html), len(queries)


def test_sign_ups_per_session_come_fifty_sessions_a_page(staff, sessions, make_event):
    """Twenty years of sessions on one page took half a second: a page holds fifty, counted alone."""
    events, _without = sessions
    add_registrations(events, 0, 9)
    counted_sessions(staff)  # content types and the like, remembered by the first request
    few, queries_for_few = counted_sessions(staff)
    assert sorted(few) == sorted(str(event.pk) for event in events)
    older = [make_event(days=-10 - number, capacity=5, translations=False)["nl"] for number in range(50)]
    add_registrations(older, 100, 100)
    counted_sessions(staff)  # what the change made stale, remembered again

    first, queries_for_many = counted_sessions(staff)
    second, _queries = counted_sessions(staff, p=2)

    assert queries_for_many == queries_for_few
    assert first[:3] == [
        str(event.pk) for event in sorted(events, key=lambda e: (e.start, e.pk), reverse=True)
    ]
    assert len(first) == 50 and len(second) == 3
    assert second == [str(event.pk) for event in older[-3:]]
    assert counted_sessions(staff, p=99)[0] == second
    assert staff.get(INDEX + "counts/", {"p": "twee"}).status_code == 404
    row = staff.get(INDEX + "counts/", {"p": 2}).content.decode().split(f"?event={older[-1].pk}")[1]
    assert [cell.split("<")[0] for cell in row.split("</tr>")[0].split("<td>")[2:]] == ["5", "2", "0", "0"]


def test_filtering_on_a_session_stays_within_the_budget(staff, sessions):
    events, _without = sessions

    _response, body, _queries = grow(staff, INDEX, sessions, event=events[0].pk)

    html = body.decode()
    assert "deelnemer57@example.org" in html and "deelnemer58@example.org" not in html


def csv_rows(body):
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_csv_export_is_streamed_with_every_row(staff, sessions):
    response, body, _queries = grow(staff, INDEX, sessions, export="csv")

    assert response.streaming
    header, *rows = csv_rows(body)
    assert len(header) == 9 and header[2] == "Naam"
    assert sorted(row[3] for row in rows) == sorted(f"deelnemer{number}@example.org" for number in range(60))
    assert {row[0] for row in rows} == {event.title for event in sessions[0]}
    assert {row[2] for row in rows} >= {"'=Deelnemer 0", "'=Deelnemer 59"}  # formulas stay text
    assert {row[1] for row in rows} == {"Bevestigd"}


def test_the_csv_export_reads_the_rows_in_chunks(staff, sessions, monkeypatch):
    """Rows that span several database fetches and several writes arrive once each."""
    monkeypatch.setattr(StreamingExportMixin, "export_chunk_size", 7)
    monkeypatch.setattr(StreamingExportMixin, "csv_lines_per_write", 4)

    _response, body, _queries = grow(staff, INDEX, sessions, export="csv")

    pieces = list(staff.get(INDEX, {"export": "csv"}).streaming_content)
    assert len(pieces) == 16  # the heading and 60 rows, four lines at a time
    _header, *rows = csv_rows(body)
    emails = [row[3] for row in rows]
    assert sorted(emails) == sorted(f"deelnemer{number}@example.org" for number in range(60))


def test_the_xlsx_export_is_streamed_with_every_row(staff, sessions):
    response, body, _queries = grow(staff, INDEX, sessions, export="xlsx")

    assert response.streaming
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="registrations.xlsx"'
    header, *rows = load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True)
    assert header[2] == "Naam"
    assert sorted(row[3] for row in rows) == sorted(f"deelnemer{number}@example.org" for number in range(60))
    assert {row[0] for row in rows} == {event.title for event in sessions[0]}
    assert {row[2] for row in rows} >= {"=Deelnemer 0", "=Deelnemer 59"}  # text, not formulas
    assert all(isinstance(row[8], datetime) for row in rows)


def test_the_xlsx_export_sends_its_bytes_while_it_reads_the_rows(staff, sessions, monkeypatch):
    """The first bytes leave before any row is read, the sheet in pieces while rows are still being
    read: the export holds one batch of rows, not the whole file."""
    letters = random.Random(14)
    add_registrations(
        sessions[0],
        0,
        150,
        remarks=lambda number: "".join(letters.choice(string.ascii_letters) for _ in range(1000)),
    )
    monkeypatch.setattr(StreamingExportMixin, "export_chunk_size", 7)
    monkeypatch.setattr(StreamingExportMixin, "xlsx_rows_per_write", 4)
    read = []
    to_row_dict = SpreadsheetExportMixin.to_row_dict

    def counting_to_row_dict(view, item):
        read.append(item.pk)
        return to_row_dict(view, item)

    monkeypatch.setattr(SpreadsheetExportMixin, "to_row_dict", counting_to_row_dict)

    pieces, read_when_sent = [], []
    for piece in staff.get(INDEX, {"export": "xlsx"}).streaming_content:
        pieces.append(piece)
        read_when_sent.append(len(read))

    assert read_when_sent[0] == 0
    assert len([count for count in read_when_sent if 0 < count < 150]) >= 3
    assert all(pieces) and max(map(len, pieces)) < sum(map(len, pieces)) / 3
    _header, *rows = load_workbook(io.BytesIO(b"".join(pieces))).active.iter_rows(values_only=True)
    assert sorted(row[3] for row in rows) == sorted(f"deelnemer{number}@example.org" for number in range(150))
    assert len({row[6] for row in rows}) == 150
