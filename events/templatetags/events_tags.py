from django import template
from django.urls import reverse
from django.utils import timezone

from events.forms import RegistrationForm
from events.models import RegistrationState
from home.cache import remembered_fragments
from home.models import SiteSettings

register = template.Library()


@register.inclusion_tag("events/includes/signup_form.html", takes_context=True)
def signup_form(context, page):
    """The sign-up form of ``page``: empty, or as the sign-up view sends it back with its errors."""
    request = context["request"]
    privacy_page = SiteSettings.for_request(request).privacy_page
    return {
        "page": page,
        # The preview of a session not saved yet has no address to post to: the form shows, inert.
        "action": reverse("events:signup", args=[page.pk]) if page.pk else "",
        "form": context.get("registration_form") or RegistrationForm(),
        "state": context.get("state"),
        "states": context.get("states"),
        "privacy_url": (privacy_page.localized.get_url(request) or "") if privacy_page else "",
    }


@register.simple_tag(takes_context=True)
def event_cards(context, events, heading_level=3):
    """The agenda cards (``events/includes/event_card.html``) of ``events``, each rendered once per
    content change, state and seat count: the same cards on every year, page and filter of the
    agenda and on the home page, and a sign-up renders only its own session's card again."""
    now = timezone.now()

    def vary(event):
        state = event.state_at(now)
        seats = event.seats_left if state == RegistrationState.OPEN else None
        return f"{event.pk}:{heading_level}:{state}:{seats}"

    with context.push(heading_level=heading_level):
        return remembered_fragments(context, "events/includes/event_card.html", "event", events, vary)
