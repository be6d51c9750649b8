"""Mail to registrants, sent from the task queue so a failing mail server never loses a sign-up.

Every mail is first a row in the outbox (``RegistrationMail``), written in the same transaction as
the registration. This task sends one row; when the mail server fails, the row stays unsent with the
error, and is tried again: by a deferred task where the queue can defer (the database queue in
production), and by the daily ``send_event_reminders`` command in any case.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from events.ical import registration_calendar
from events.models import RegistrationMail
from home.mail import MAIL_ERRORS, render_mail, retry_later

logger = logging.getLogger(__name__)

# The registration statuses each kind of mail still describes truthfully. A mail that failed is sent
# later, sometimes after the registration changed: a confirmation with a cancel link after the
# cancellation, "on the waiting list" after the promotion. Those would mislead, so they are dropped.
# How the registrant's calendar entry stands after each kind of mail: a place on the waiting list is
# not a seat, and a cancellation takes the entry out of the calendar.
CALENDAR_STATUS = {
    "confirmation": "CONFIRMED",
    "promoted": "CONFIRMED",
    "reminder": "CONFIRMED",
    "waitlisted": "TENTATIVE",
    "cancelled": "CANCELLED",
}
# The mails that change the entry: each raises its SEQUENCE, so calendars take it as the newer version.
CALENDAR_CHANGES = ("promoted", "cancelled")

CURRENT_FOR = {
    "confirmation": {"confirmed"},
    "promoted": {"confirmed"},
    "reminder": {"confirmed"},
    "waitlisted": {"waitlisted"},
    "cancelled": {"cancelled"},
}


@task()
def send_registration_mail(mail_id):
    with transaction.atomic():
        mail = (
            RegistrationMail.objects.select_for_update()
            .select_related("registration__event")
            .filter(pk=mail_id, sent_at__isnull=True)
            .first()
        )
        if mail is None or mail.registration.purged_at is not None:
            return "nothing to send"
        reason = out_of_date(mail)
        if reason:
            # The outbox has no "obsolete" state: a sent_at takes the row out of every retry, and the
            # note says it never went out, so nobody reads it as delivered.
            mail.sent_at = timezone.now()
            mail.last_error = f"Not sent: out of date, {reason}"
            mail.save(update_fields=["sent_at", "last_error"])
            logger.info("Mail %s to registration %s dropped: out of date", mail.kind, mail.registration_id)
            return "out of date, not sent"
        mail.attempts += 1
        try:
            build_message(mail).send()
        except MAIL_ERRORS as error:
            mail.last_error = f"{type(error).__name__}: {error}"[:300]
            mail.save(update_fields=["attempts", "last_error"])
            logger.warning("Mail %s to registration %s failed: %s", mail.kind, mail.registration_id, error)
            transaction.on_commit(lambda: retry_later(send_registration_mail, mail.attempts, mail.pk))
            return "failed, will retry"
        mail.sent_at = timezone.now()
        mail.last_error = ""
        mail.save(update_fields=["attempts", "sent_at", "last_error"])
    return "sent"


def out_of_date(mail):
    """Why a mail no longer tells the truth, or an empty string."""
    registration = mail.registration
    if registration.status not in CURRENT_FOR.get(mail.kind, ()):
        return f"the registration is now {registration.status}"
    if mail.kind == "reminder" and registration.event.start <= timezone.now():
        return "the session has started"
    return ""


def public_url(page):
    """The page on the public address, like the cancel link.

    Not ``get_full_url()``: that uses the host of the Wagtail Site record, which need not be the
    address visitors use (``localhost`` in the demo).
    """
    parts = page.get_url_parts()
    path = parts[2] if parts else None
    return settings.SITE_BASE_URL + (path or "/")


def build_message(mail):
    """The mail, rendered in the language the person signed up in, with the session's .ics."""
    registration = mail.registration
    with translation.override(registration.language):
        event = registration.event.localized
        context = {
            "registration": registration,
            "event": event,
            "kind": mail.kind,
            "event_url": public_url(event),
            "manage_url": registration.manage_url(),
            "site_url": settings.SITE_BASE_URL,
        }
        subject, body = render_mail("events/mail/registration", context)
        message = EmailMultiAlternatives(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
            headers={"Content-Language": registration.language, "Auto-Submitted": "auto-generated"},
        )
        calendar = registration_calendar(
            event, status=CALENDAR_STATUS[mail.kind], sequence=calendar_sequence(mail)
        )
        message.attach(
            f"{event.slug}.ics",
            calendar.to_ical(),
            f"text/calendar; charset=utf-8; method={calendar['METHOD']}",
        )
    return message


def calendar_sequence(mail):
    """The SEQUENCE of the registrant's entry in this mail: how many changes it has been through."""
    return mail.registration.mails.filter(pk__lte=mail.pk, kind__in=CALENDAR_CHANGES).count()
