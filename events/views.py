"""Sign-up without JavaScript: the session page's form posts to ``signup``, which redirects
(Post/Redirect/Get) to the registration's own page, or shows the session page again with the errors
and what the visitor typed. The registration's page, reached later through the signed link in every
mail, shows the status and cancels without a login."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import OperationalError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from events.forms import RegistrationForm
from events.models import (
    SCHEDULE_FIELDS,
    STATE_MESSAGES,
    EventPage,
    Registration,
    RegistrationState,
    SignupRefused,
    seat_holder_subquery,
)
from home import http

logger = logging.getLogger(__name__)


SIGNUP_SCOPE = "events:signup-rate"


def signup_rate():
    """(limit, period) of EVENTS_SIGNUP_RATE_LIMIT, "sign-ups/seconds"."""
    try:
        return tuple(int(part) for part in settings.EVENTS_SIGNUP_RATE_LIMIT.split("/"))
    except ValueError:
        return 10, 600


def rate_limited(request):
    """Whether the visitor's address already made as many sign-ups as the limit allows."""
    limit, _period = signup_rate()
    return limit > 0 and http.over_limit(request, SIGNUP_SCOPE, limit)


def body_too_large(request):
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.EVENTS_SIGNUP_MAX_BODY_BYTES


def live_session(pk, *fields):
    """The live, public session ``pk`` in the active language, with its seat holder; 404 otherwise.

    ``fields`` narrows the row to what a sign-up needs before anything is rendered.
    """
    sessions = (
        EventPage.objects.live()
        .public()
        .filter(locale__language_code=get_language())
        .annotate(_seat_holder_id=seat_holder_subquery())
    )
    if fields:
        sessions = sessions.only(*fields)
    return get_object_or_404(sessions, pk=pk)


@never_cache  # the answer may hold what the visitor typed: their name and address
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request, pk):
    """POST signs up and redirects; errors show the session page again, with the visitor's input."""
    if request.method != "POST":
        return redirect(live_session(pk).url + "#signup")
    # Every worker answers a rush of sign-ups: a sign-up reads only the fields that decide whether it
    # is taken, and the whole page is read only to show it again with an error.
    page = live_session(pk, "is_cancelled", *SCHEDULE_FIELDS)
    form = None
    if body_too_large(request):
        error, status = _("Your sign-up was too long to process. Please shorten your remarks."), 413
    elif rate_limited(request):
        error, status = _("Too many sign-ups from your address. Please try again in a few minutes."), 429
    else:
        error = None
        form = RegistrationForm(request.POST)
        # Whether sign-ups are taken at all; seats are counted once, under the lock of the sign-up.
        state = page.schedule_state_at(timezone.now())
        if state != RegistrationState.OPEN:
            error, status = STATE_MESSAGES[state], 409
        elif form.is_valid() and not form.is_spam():
            # Counted before the sign-up: a post that signs up or mails again counts, whatever follows.
            http.count_post(request, SIGNUP_SCOPE, signup_rate()[1])
            try:
                return sign_up(request, page, form)
            except SignupRefused as refused:
                error, status = STATE_MESSAGES[refused.state], 409
            except OperationalError:
                # A database that stays locked or unreachable beyond its timeout: keep what the
                # visitor typed in the form and ask to send it again, instead of a bare 500.
                logger.exception("Sign-up for %s failed in the database", page.pk)
                error = _(
                    "The site is very busy right now. Your details are still in the form: please send it again."
                )
                status = 503
        elif form.is_valid():
            form.add_error("website", _("Please leave this field empty."))
            # The trap field is out of sight; a person whose browser filled it sees why here.
            form.add_error(
                None,
                _(
                    "The form could not be sent. Please check that the field “Leave this field empty” "
                    "is empty and try again."
                ),
            )
            status = 400
        else:
            status = 400
    page = live_session(pk)
    response = page.render(
        request,
        context_overrides={"registration_form": form or RegistrationForm(), "signup_error": error},
    )
    response.status_code = status
    return response


def sign_up(request, page, form):
    Registration.objects.sign_up(page, **form.registration_data(get_language()))
    # One answer whether the address was new or already signed up, so that nobody can find out who
    # is registered: the status and the cancel link go only to the address, by mail. A post sent
    # again after an error lands here too, on the registration it already made.
    return redirect("events:signup_received", pk=page.pk)


def resend_period():
    """EVENTS_RESEND_SECONDS in words of the active language ("1 hour", "15 minuten")."""
    now = timezone.now()
    return timesince(now - timedelta(seconds=settings.EVENTS_RESEND_SECONDS), now)


def signup_received(request, pk):
    """After a sign-up: where to look now (the mail), the same for a first and a repeated sign-up.

    Any translation's number shows the session in the page's language, so the language switcher
    leads to this page in another language too."""
    page = get_object_or_404(EventPage.objects.live().public(), pk=pk).localized
    return TemplateResponse(
        request,
        "events/signup_received.html",
        {"event": page, "resend_period": resend_period()},
    )


@never_cache  # a person's name and address: no cache may keep this page
@require_http_methods(["GET", "POST"])
def registration_detail(request, token):
    """A registration's own page: status, the session, and the cancel button."""
    registration = Registration.from_token(token)
    if registration is None:
        return TemplateResponse(request, "events/registration_invalid.html", status=404)
    event = registration.event.localized
    if request.method == "POST":
        if registration.status == Registration.Status.CANCELLED:
            messages.info(request, _("This registration was already cancelled."))
        elif event.is_past:
            messages.error(request, _("This session has already taken place."))
        else:
            registration.cancel()
            messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
        return redirect("events:registration", token=token)
    return TemplateResponse(
        request,
        "events/registration_detail.html",
        {"registration": registration, "event": event, "statuses": Registration.Status},
    )
