from django import template

from events.models import public_reports
from home.cache import remembered_fragments

register = template.Library()

REPORT_BODY = "events/includes/report_body.html"


@register.simple_tag(takes_context=True)
def report_body(context, page):
    """A report's blocks, rendered once per content change: its images, documents, quotes and
    sessions took four queries and most of the page's time. A preview renders the draft's own."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not page.pk:
        with context.push(page=page):
            return context.template.engine.get_template(REPORT_BODY).render(context)
    return remembered_fragments(context, REPORT_BODY, "page", [page])


@register.simple_tag
def reports_for_event(event):
    """The live, public session reports in the event's language that cover this event."""
    if event is None or not getattr(event, "pk", None):
        return []
    # Reports link to events of any locale (translations copy the links), hence the translation key.
    return list(
        public_reports(event.locale_id)
        .filter(report_events__event__translation_key=event.translation_key)
        .distinct()
        .order_by("-report_date")
    )
