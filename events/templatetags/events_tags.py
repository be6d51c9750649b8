from django import template
from django.urls import reverse

from events.forms import RegistrationForm
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
