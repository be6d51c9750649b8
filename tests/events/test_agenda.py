"""The agenda, the session page, calendars and structured data, the home page section, purge."""

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from events.models import Registration
from home.demo import translated_snippet
from home.models import Sector

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def registrations(event, count, status="confirmed"):
    Registration.objects.bulk_create(
        Registration(
            event=event, name=f"P{index}", email=f"p{index}-{status}@example.org", role="zp",
            consent_text="x", language="nl", status=status,
        )
        for index in range(count)
    )  # fmt: skip


def test_upcoming_first_then_the_archive_of_the_latest_year(client, make_event):
    past_2012 = make_event(start=datetime(2012, 5, 31, 7, 30, tzinfo=AMSTERDAM), translations=False)["nl"]
    past_2013 = make_event(start=datetime(2013, 6, 1, 7, 30, tzinfo=AMSTERDAM), translations=False)["nl"]
    later = make_event(days=40, capacity=20, translations=False)["nl"]
    soon = make_event(days=5, capacity=3, translations=False)["nl"]
    registrations(soon, 3)
    registrations(later, 5)

    html = client.get("/agenda/").content.decode()

    upcoming, archive = html.split('id="archive-title"')
    assert upcoming.index(soon.title) < upcoming.index(later.title)
    assert "<h3>2013</h3>" in archive and past_2013.title in archive
    assert past_2012.title not in html
    assert "Vol: meld je aan voor de wachtlijst" in upcoming.split(soon.title)[1].split("</li>")[0]
    assert "Nog 15 plaatsen vrij" in upcoming.split(later.title)[1].split("</li>")[0]
    assert "Geweest" in archive


class CardsRendered:
    """The sessions whose agenda card the template engine rendered, while it is entered."""

    def __enter__(self):
        self.titles = []
        template_rendered.connect(self.record)
        return self

    def __exit__(self, *exc):
        template_rendered.disconnect(self.record)

    def record(self, sender, template, context, **kwargs):
        if template.name == "events/includes/event_card.html":
            self.titles.append(context["event"].title)


def agenda_cards(client, address="/agenda/"):
    with CardsRendered() as rendered:
        html = client.get(address).content.decode()
    return sorted(rendered.titles), html


def test_a_card_is_rendered_again_only_when_what_it_shows_changes(client, make_event):
    """Cards are kept per content change, language, state and seats: the next view of the agenda
    renders none; a sign-up, a closing sign-up or an edit renders the card it changes."""
    full = make_event(days=5, capacity=2)["nl"]
    closing = make_event(days=20, capacity=None, signup_closes=timezone.now() + timedelta(minutes=20))["nl"]
    past = make_event(start=datetime(2013, 6, 1, 7, 30, tzinfo=AMSTERDAM))["nl"]
    everything = sorted([full.title, closing.title, past.title])

    first, html = agenda_cards(client)
    assert first == everything and "Nog 2 plaatsen vrij" in html
    again, same = agenda_cards(client)
    assert again == [] and same == html
    assert agenda_cards(client, "/agenda/?year=2013")[0] == []  # the same cards on the year's page

    registrations(full, 1)
    after_signup, html = agenda_cards(client)
    assert after_signup == [full.title] and "Nog 1 plaats vrij" in html
    with time_machine.travel(timezone.now() + timedelta(minutes=30), tick=False):
        after_closing, html = agenda_cards(client)
    assert after_closing == [closing.title]
    assert "Aanmelden gesloten" in html.split(closing.title)[1].split("</li>")[0]

    english, html = agenda_cards(client, "/en/agenda/")
    assert len(english) == 3 and "Breakfast session" in html
    past.title = "Eerste ontbijtsessie in Lichtenvoorde"
    past.save_revision().publish()
    after_edit, html = agenda_cards(client)
    assert after_edit == sorted([full.title, closing.title, past.title])
    assert "Eerste ontbijtsessie in Lichtenvoorde" in html


def year_links(html):
    """The year navigation: [(year, address, current?)], in order."""
    nav = re.search(
        r'<nav class="filter" aria-label="Eerdere bijeenkomsten per jaar">(.*?)</nav>', html, re.S
    )
    return [
        (int(year), href.replace("&amp;", "&"), bool(current))
        for href, current, year in re.findall(
            r'<a href="([^"]+)"( aria-current="page")?>(\d+)</a>', nav.group(1)
        )
    ]


def test_past_sessions_one_year_at_a_time_with_a_year_navigation(client, make_event):
    past = {
        year: make_event(start=datetime(year, 6, 1, 7, 30, tzinfo=AMSTERDAM), translations=False)["nl"]
        for year in (2012, 2014, 2015)
    }
    # Late on New Year's Eve in Amsterdam, already the next year in UTC: the local year counts.
    new_years_eve = make_event(start=datetime(2013, 12, 31, 23, 30, tzinfo=AMSTERDAM), translations=False)[
        "nl"
    ]
    upcoming = make_event(days=5, translations=False)["nl"]

    latest = client.get("/agenda/").content.decode()
    earlier = client.get("/agenda/?year=2013").content.decode()

    assert year_links(latest) == [
        (2015, "?year=2015", True),
        (2014, "?year=2014", False),
        (2013, "?year=2013", False),
        (2012, "?year=2012", False),
    ]
    assert past[2015].title in latest and past[2014].title not in latest
    assert [year for year, _href, current in year_links(earlier) if current] == [2013]
    assert new_years_eve.title in earlier and upcoming.title in earlier
    assert not [page.title for page in past.values() if page.title in earlier]


def test_a_busy_years_sessions_come_a_page_at_a_time(client, make_event):
    """Fourteen sessions in 2012: the newest twelve, then the other two on page 2 of that year."""
    sessions = [
        make_event(
            start=datetime(2012, 1 + index % 12, 1 + index, 7, 30, tzinfo=AMSTERDAM), translations=False
        )["nl"]
        for index in range(14)
    ]
    newest_first = sorted(sessions, key=lambda page: page.start, reverse=True)
    make_event(start=datetime(2011, 6, 1, 7, 30, tzinfo=AMSTERDAM), translations=False)

    def archive(address):
        response = client.get(address)
        html = response.content.decode().split('id="archive-title"', 1)[1]
        titles = re.findall(r'class="card__title"><a [^>]*>([^<]+)</a>', html)
        return response, html, titles

    _response, first, titles = archive("/agenda/")
    assert titles == [page.title for page in newest_first[:12]]
    assert '<a href="?page=2" rel="next">' in first
    assert year_links(first)[:2] == [(2012, "?year=2012", True), (2011, "?year=2011", False)]

    response, second, titles = archive("/agenda/?year=2012&page=2")
    assert titles == [page.title for page in newest_first[12:]]
    assert '<a href="?year=2012&amp;page=1" rel="prev">' in second
    # Another year starts at its first page.
    assert year_links(response.content.decode()) == [
        (2012, "?year=2012", True),
        (2011, "?year=2011", False),
    ]
    assert (
        '<link rel="canonical" href="http://testserver/agenda/?year=2012&amp;page=2">'
        in response.content.decode()
    )
    assert archive("/agenda/?page=9")[2] == titles  # past the end: the last page
    assert client.get("/agenda/?page=twee").status_code == 404


def test_a_year_without_sessions_or_not_a_year_is_not_found(client, make_event):
    past = make_event(start=datetime(2012, 6, 1, 7, 30, tzinfo=AMSTERDAM), translations=False)["nl"]
    upcoming = make_event(days=5, translations=False)["nl"]

    empty = client.get("/agenda/?year=1999")

    assert empty.status_code == 404
    html = empty.content.decode()
    assert "In 1999 vonden geen bijeenkomsten plaats." in html
    assert upcoming.title in html and past.title not in html
    assert year_links(html) == [(2012, "?year=2012", False)]
    for nonsense in ("x", "20122", "12", "2012.0", "-2012", "%00", "２０１２", "9" * 5000):
        assert client.get(f"/agenda/?year={nonsense}").status_code == 404, nonsense
    assert client.get("/agenda/?year=").status_code == 200
    assert past.title in client.get("/agenda/?year=2012").content.decode()


def test_the_year_navigation_follows_the_sector_filter(client, make_event, locales):
    government = translated_snippet(Sector, {"slug": "overheid"}, {"nl": {"name": "Overheid"}})["nl"]
    in_2012 = make_event(
        start=datetime(2012, 6, 1, 7, 30, tzinfo=AMSTERDAM), sector=government, translations=False
    )["nl"]
    make_event(start=datetime(2014, 6, 1, 7, 30, tzinfo=AMSTERDAM), translations=False)

    html = client.get("/agenda/?sector=overheid").content.decode()

    assert year_links(html) == [(2012, "?sector=overheid&year=2012", True)]
    assert in_2012.title in html


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("/agenda/", "/agenda/"),
        ("/agenda/?year=2012", "/agenda/?year=2012"),
        ("/agenda/?year=2014", "/agenda/?year=2014"),
        ("/agenda/?sector=overheid&year=2012", "/agenda/?year=2012"),
        ("/en/agenda/?year=2012", "/en/agenda/?year=2012"),
    ],
)
def test_a_years_archive_is_its_own_canonical_address(client, make_event, address, canonical):
    for year in (2012, 2014):
        make_event(start=datetime(year, 6, 1, 7, 30, tzinfo=AMSTERDAM))

    html = client.get(address).content.decode()

    assert f'<link rel="canonical" href="http://testserver{canonical}">' in html


def test_the_year_navigation_speaks_the_page_language(client, make_event):
    make_event(start=datetime(2012, 6, 1, 7, 30, tzinfo=AMSTERDAM))

    assert 'aria-label="Past sessions by year"' in client.get("/en/agenda/").content.decode()
    assert 'aria-label="Vergangene Sitzungen nach Jahr"' in client.get("/de/termine/").content.decode()
    assert "No sessions took place in 2013." in client.get("/en/agenda/?year=2013").content.decode()


def test_agenda_filters_by_sector_slug_in_every_language(client, make_event, locales):
    sectors = translated_snippet(
        Sector, {"slug": "overheid"}, {"nl": {"name": "Overheid"}, "en": {"name": "Government"}}
    )
    translated_snippet(Sector, {"slug": "ondernemers"}, {"nl": {"name": "Ondernemers"}})
    government = make_event(sector=sectors["nl"], translations=True)
    other = make_event(translations=True)

    dutch = client.get("/agenda/?sector=overheid").content.decode()
    english = client.get("/en/agenda/?sector=overheid").content.decode()
    nonsense = client.get("/agenda/?sector=" + "x" * 500)

    assert government["nl"].title in dutch and other["nl"].title not in dutch
    assert government["en"].title in english and other["en"].title not in english
    assert nonsense.status_code == 200
    assert other["nl"].title in nonsense.content.decode()


@pytest.mark.parametrize("address", ["/agenda/", "/agenda/?year=2012", "/agenda/?sector=overheid"])
def test_agenda_query_count_does_not_grow_with_the_number_of_sessions(client, make_event, locales, address):
    """5 or 60 past sessions over twenty years, with upcoming ones: the same queries, within the budget."""
    government = translated_snippet(Sector, {"slug": "overheid"}, {"nl": {"name": "Overheid"}})["nl"]

    def queries():
        for _warm_up in range(2):  # fill Wagtail's caches (site root paths) the same way for both counts
            client.get(address)
        with CaptureQueriesContext(connection) as context:
            response = client.get(address)
        assert response.status_code == 200
        return len(context.captured_queries), response.content.decode().count('<li class="card event-card')

    def past(first, count):
        for index in range(first, first + count):
            # Twenty years, 2006 to 2025, each come round three times among the sixty.
            start = datetime(2006 + index * 3 % 20, 1 + index % 12, 10, 7, 30, tzinfo=AMSTERDAM)
            make_event(start=start, sector=government, translations=False)

    for index in range(3):
        registrations(make_event(days=index + 1, capacity=10, sector=government, translations=False)["nl"], 2)
    past(0, 5)
    with_five, cards_with_five = queries()
    past(5, 55)
    with_sixty, cards_with_sixty = queries()

    assert cards_with_sixty > cards_with_five
    assert with_five == with_sixty <= 12


def test_ical_feed_per_language_lists_upcoming_sessions(client, make_event):
    upcoming = make_event(days=8)
    cancelled = make_event(days=9, is_cancelled=True)
    past = make_event(days=-30)

    head = client.get("/en/agenda/").content.decode()
    response = client.get("/en/agenda/ical/")

    assert '<link rel="alternate" type="text/calendar"' in head and "/en/agenda/ical/" in head
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries == [upcoming["en"].title]
    assert cancelled["en"].title not in summaries and past["en"].title not in summaries
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    german = Calendar.from_ical(client.get("/de/termine/ical/").content)
    assert [str(event["SUMMARY"]) for event in german.walk("VEVENT")] == [upcoming["de"].title]
    assert german.walk("VEVENT")[0]["UID"] == calendar.walk("VEVENT")[0]["UID"]


def test_session_page_offers_ics_and_schema_org_event(client, make_event):
    pages = make_event(capacity=12)
    registrations(pages["nl"], 2)

    html = client.get(pages["de"].url).content.decode()
    ics = client.get(pages["de"].url + "ical/")

    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["name"] == pages["de"].title
    assert data["startDate"] == pages["de"].start.astimezone(AMSTERDAM).isoformat()
    assert data["location"]["address"]["addressLocality"] == "Wehl"
    assert data["remainingAttendeeCapacity"] == 10
    assert data["inLanguage"] == "de"
    assert "openstreetmap.org/search?query=Het+Assink" in html
    assert "<iframe" not in html and "<script src" not in html
    [vevent] = Calendar.from_ical(ics.content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == pages["de"].title
    assert 'filename="' in ics["Content-Disposition"] and ".ics" in ics["Content-Disposition"]


def test_home_page_shows_the_next_sessions(client, make_event):
    soon = make_event(days=3, capacity=5)
    make_event(days=-3)

    dutch = client.get("/").content.decode()
    english = client.get("/en/").content.decode()

    assert "Volgende bijeenkomsten" in dutch and soon["nl"].title in dutch
    assert "Next sessions" in english and soon["en"].title in english


def test_purge_erases_personal_data_and_keeps_counts(make_event):
    old = make_event(start=timezone.now() - timedelta(days=100), translations=False)["nl"]
    recent = make_event(start=timezone.now() - timedelta(days=10), translations=False)["nl"]
    registrations(old, 3)
    registrations(old, 2, status="waitlisted")
    registrations(recent, 1)

    call_command("purge_registrations", verbosity=0)

    erased = Registration.objects.filter(event=old)
    assert erased.count() == 5
    assert sorted(erased.values_list("status", flat=True)) == ["confirmed"] * 3 + ["waitlisted"] * 2
    assert set(erased.values_list("name", "email", "organisation", "remarks")) == {("", "", "", "")}
    assert all(erased.values_list("purged_at", flat=True))
    kept = Registration.objects.get(event=recent)
    assert kept.email and kept.purged_at is None
    # The signed link of an erased registration no longer works.
    assert Registration.from_token(erased.first().token()) is None


def test_purge_honours_a_shorter_period(make_event):
    event = make_event(start=timezone.now() - timedelta(days=10), translations=False)["nl"]
    registrations(event, 1)

    call_command("purge_registrations", days=5, verbosity=0)

    assert Registration.objects.get().email == ""


def test_a_session_that_ends_moves_into_the_archive_without_a_content_change(client, make_event):
    """The archive's years and a year's count are remembered until content changes or the first
    upcoming session ends: the agenda reads neither again until then, and shows it right after."""
    old = make_event(start=datetime(2012, 3, 10, 7, 30, tzinfo=AMSTERDAM), translations=False)["nl"]
    # Under way, ending in ten minutes: the cache's entries outlive the wait (they expire after an hour).
    ends = (timezone.now() + timedelta(minutes=10)).replace(second=0, microsecond=0)
    soon = make_event(start=ends - timedelta(hours=2), end=ends, translations=False)["nl"]
    later = make_event(days=30, translations=False)["nl"]
    for _warm_up in range(2):
        client.get("/agenda/")
    with CaptureQueriesContext(connection) as warm:
        html = client.get("/agenda/").content.decode()
    assert not [query for query in warm.captured_queries if "EXTRACT(YEAR" in query["sql"].upper()]
    assert not [query for query in warm.captured_queries if '"__count"' in query["sql"]]
    archive = html.split('id="archive-title"', 1)[1]
    assert '<a href="?year=2012" aria-current="page">2012</a>' in archive
    assert old.title in archive and soon.title not in archive

    year = soon.start.astimezone(AMSTERDAM).year
    with time_machine.travel(soon.end + timedelta(minutes=1), tick=False):
        archive = client.get("/agenda/").content.decode().split('id="archive-title"', 1)[1]
        assert f'<a href="?year={year}" aria-current="page">{year}</a>' in archive
        assert soon.title in archive and later.title not in archive
        assert '<a href="?year=2012">2012</a>' in archive
        assert old.title in client.get("/agenda/", {"year": 2012}).content.decode()
