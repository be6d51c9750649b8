from django import template

from events.models import public_reports

register = template.Library()


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
