"""What the home page shows of the events app: the next sessions and the latest reports."""

from django.db.models import Count, Q
from django.utils import timezone

from events.models import EventIndexPage, EventPage, OutcomesPage, confirmed_count_subquery, public_reports
from home.chrome import landmark_page


def next_sessions(page):
    """The next three sessions of the home page's language, or nothing when none is planned."""
    agenda = landmark_page(EventIndexPage, path__startswith=page.path, depth=page.depth + 1)
    if agenda is None:
        return None
    events = list(
        EventPage.objects.live()
        .descendant_of(agenda)
        .filter(end__gte=timezone.now())
        .select_related("sector")
        .annotate(confirmed_seats=confirmed_count_subquery())
        .order_by("start")[:3]
    )
    if not events:
        return None
    return {"template": "events/includes/home_events.html", "order": 10, "agenda": agenda, "items": events}


def latest_reports(page):
    """The latest reports on the home page, with how many outcomes they hold and how many are done."""
    reports = list(
        public_reports(page.locale_id)
        .defer_streamfields()
        .annotate(
            outcome_count=Count("outcome_rows"),
            done_count=Count("outcome_rows", filter=Q(outcome_rows__status="done")),
        )
        .order_by("-report_date", "title")[:2]
    )
    if not reports:
        return None
    overview = landmark_page(OutcomesPage, locale_id=page.locale_id)
    return {
        "template": "events/includes/home_outcomes.html",
        "order": 30,
        "items": reports,
        "overview": overview,
    }
