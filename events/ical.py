"""iCalendar (RFC 5545) for sessions: the agenda feed, one session, and the mail attachment.

Calendars carry only public facts: the session's public page, never a personal cancel link.
"""

from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vCalAddress

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _absolute(url, request=None):
    if url.startswith("http"):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.SITE_BASE_URL + url


def session_event(page, request=None, *, status=None, sequence=None, organizer=None):
    """The session as a VEVENT; a registrant's mail passes the status and sequence of their entry."""
    event = Event()
    event.add("uid", page.ical_uid())
    if sequence is not None:
        event.add("sequence", sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", page.start.astimezone(AMSTERDAM))
    event.add("dtend", page.end.astimezone(AMSTERDAM))
    event.add("summary", page.title)
    if page.intro:
        event.add("description", page.intro)
    location = ", ".join(part for part in (page.venue_name, page.venue_address, page.venue_town) if part)
    event.add("location", location)
    page_url = page.get_url(request)
    if page_url:
        event.add("url", _absolute(page_url, request))
    event.add("last-modified", page.last_published_at or page.latest_revision_created_at or timezone.now())
    event.add("status", "CANCELLED" if page.is_cancelled else (status or "CONFIRMED"))
    if organizer:
        name, address = parseaddr(organizer)
        event.add("organizer", vCalAddress(f"mailto:{address}"), parameters={"cn": name or address})
    return event


def events_calendar(pages, *, request=None, name="Pr8werk", method="PUBLISH"):
    calendar = Calendar()
    calendar.add("prodid", "-//Pr8werk//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    # A VTIMEZONE so calendars without a tz database still place the session at the right hour.
    calendar.add_component(Timezone.from_tzid("Europe/Amsterdam"))
    for page in pages:
        calendar.add_component(session_event(page, request))
    return calendar


def registration_calendar(page, *, status, sequence):
    """The calendar file of a mail to a registrant: one entry in their agenda, kept up to date.

    Every mail of a registration names the same UID, so the agenda holds one entry for it: a place on
    the waiting list is TENTATIVE, a promotion replaces it with CONFIRMED under a higher SEQUENCE, and
    a cancellation (METHOD:CANCEL, STATUS:CANCELLED) takes it out. Calendars only accept an update or a
    cancellation from the entry's organizer, so it is named: the sender of the mails.
    """
    method = "CANCEL" if status == "CANCELLED" else "PUBLISH"
    calendar = events_calendar([], name=page.title, method=method)
    calendar.add_component(
        session_event(page, status=status, sequence=sequence, organizer=settings.DEFAULT_FROM_EMAIL)
    )
    return calendar


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
