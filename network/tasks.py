"""Mail of the network app, sent from tasks so a failing mail server never loses what was submitted."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from home.mail import MAIL_ERRORS, render_mail, retry_later
from network.models import ListingRequest, NetworkPage

logger = logging.getLogger(__name__)


def set_password_url(user):
    """An absolute link to Wagtail's "set your password" form, made with Django's reset tokens."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return settings.WAGTAILADMIN_BASE_URL + path


@task()
def send_welcome_mail(user_id, page_id, language="nl"):
    """The new network editor's invitation, with a link to set their password."""
    user = get_user_model().objects.get(pk=user_id)
    page = NetworkPage.objects.get(pk=page_id)
    with translation.override(language):
        subject, body = render_mail(
            "network/mail/welcome",
            {
                "user": user,
                "page": page,
                "set_password_url": set_password_url(user),
                "admin_url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_home"),
                "edit_url": settings.WAGTAILADMIN_BASE_URL
                + reverse("wagtailadmin_pages:edit", args=[page.pk]),
            },
        )
    send_mail(subject, body, None, [user.email])


@task()
def send_listing_request_mail(request_id, attempt=1):
    """Tell the staff that a network asked to be listed."""
    return _send_once(send_listing_request_mail, request_id, attempt, "staff_notified_at", _staff_notice)


@task()
def send_listing_request_receipt(request_id, attempt=1):
    """Tell whoever sent a listing request, in the language of the form, that it arrived."""
    return _send_once(send_listing_request_receipt, request_id, attempt, "receipt_sent_at", _receipt)


def _staff_notice(listing_request):
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = render_mail(
            "network/mail/listing_request_staff",
            {
                "listing_request": listing_request,
                "admin_url": settings.WAGTAILADMIN_BASE_URL
                + reverse("network_listingrequest:inspect", args=[listing_request.pk]),
            },
        )
    return EmailMessage(subject, body, None, [settings.STAFF_EMAIL])


def _receipt(listing_request):
    # The mail repeats nothing they typed: anyone can type any address into the public form, and a
    # receipt that echoed the name or description would carry a stranger's text to that address.
    with translation.override(listing_request.language):
        subject, body = render_mail(
            "network/mail/listing_request_receipt",
            {
                "listing_request": listing_request,
                "retention_days": settings.NETWORK_LISTING_REQUEST_RETENTION_DAYS,
            },
        )
    return EmailMessage(subject, body, None, [listing_request.email], reply_to=[settings.STAFF_EMAIL])


def _send_once(mail_task, request_id, attempt, sent_field, build):
    """Send one of a listing request's mails unless it has gone out; a failure is tried again later.

    The row lock keeps a deferred retry and the daily command from sending the same mail twice.
    """
    with transaction.atomic():
        listing_request = (
            ListingRequest.objects.select_for_update()
            .filter(pk=request_id, **{f"{sent_field}__isnull": True})
            .first()
        )
        if listing_request is None:  # sent already, or erased before the worker got to it
            return "nothing to send"
        try:
            build(listing_request).send()
        except MAIL_ERRORS as error:
            logger.warning("Mail %s of listing request %s failed: %s", mail_task.name, request_id, error)
            retry_later(mail_task, attempt, request_id=request_id, attempt=attempt + 1)
            return "failed, will retry"
        setattr(listing_request, sent_field, timezone.now())
        listing_request.save(update_fields=[sent_field])
    return "sent"


def send_unsent_listing_request_mails(older_than=timedelta(minutes=10)):
    """Queue the mails of listing requests that have not gone out (run daily); returns how many."""
    cutoff = timezone.now() - older_than
    queued = 0
    for mail_task, field in (
        (send_listing_request_mail, "staff_notified_at"),
        (send_listing_request_receipt, "receipt_sent_at"),
    ):
        for request_id in ListingRequest.objects.filter(
            created_at__lt=cutoff, **{f"{field}__isnull": True}
        ).values_list("pk", flat=True):
            mail_task.enqueue(request_id=request_id)
            queued += 1
    return queued


@task()
def send_freshness_reminder(page_id, months):
    """Ask a network's editors to check their entry, which has not changed for ``months`` months."""
    page = NetworkPage.objects.get(pk=page_id)
    recipients = list(page.editor_users())
    edit_url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])
    for user in recipients:
        with translation.override(page.locale.language_code):
            subject, body = render_mail(
                "network/mail/freshness_reminder",
                {"user": user, "page": page, "months": months, "edit_url": edit_url},
            )
        send_mail(subject, body, None, [user.email])
    return len(recipients)
