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


@register.filter
def in_language_of(target, page):
    """``target`` (a page or snippet) in the language of ``page``: itself when it already is, else its live translation.

    Chosen pages are usually in the right language already (translations map them), so this only
    costs a query when they are not, unlike ``localized``, which looks up the active locale each time.
    """
    if target is None or page is None or target.locale_id == page.locale_id:
        return target
    translation = target.get_translation_or_none(page.locale_id)
    if translation is None or not getattr(translation, "live", True):
        return target
    return translation
