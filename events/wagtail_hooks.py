from django.utils import timezone
from wagtail import hooks

from events.models import EventIndexPage, EventPage, confirmed_count_subquery


@hooks.register("home_page_sections")
def next_sessions(request, page):
    """The next three sessions of the home page's language, or nothing when none is planned."""
    agenda = EventIndexPage.objects.live().child_of(page).first()
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
