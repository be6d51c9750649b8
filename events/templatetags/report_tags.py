from django import template

register = template.Library()


@register.simple_tag
def reports_for_event(event):
    """The live, public session reports in the event's language that cover this event."""
    from events.reports import SessionReportPage

    if event is None or not getattr(event, "pk", None):
        return []
    # Reports link to events of any locale (translations copy the links), hence the translation key.
    return list(
        SessionReportPage.objects.live()
        .public()
        .filter(locale_id=event.locale_id, report_events__event__translation_key=event.translation_key)
        .distinct()
        .order_by("-report_date")
    )
