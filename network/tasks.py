"""Mail of the network app, sent from tasks so a failing mail server never loses what was submitted."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage, send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from home.mail import render_mail
from network.models import ListingRequest, NetworkPage


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
def send_listing_request_mail(request_id):
    """Tell the staff that a network asked to be listed."""
    listing_request = ListingRequest.objects.get(pk=request_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = render_mail(
            "network/mail/listing_request_staff",
            {
                "listing_request": listing_request,
                "admin_url": settings.WAGTAILADMIN_BASE_URL
                + reverse("network_listingrequest:inspect", args=[listing_request.pk]),
            },
        )
    send_mail(subject, body, None, [settings.STAFF_EMAIL])


@task()
def send_listing_request_receipt(request_id):
    """Tell whoever sent a listing request, in the language of the form, that it arrived.

    The mail repeats nothing they typed: anyone can type any address into the public form, and a
    receipt that echoed the name or description would carry a stranger's text to that address.
    """
    listing_request = ListingRequest.objects.filter(pk=request_id).first()
    if listing_request is None:  # erased before the worker got to it
        return "nothing to send"
    with translation.override(listing_request.language):
        subject, body = render_mail(
            "network/mail/listing_request_receipt",
            {
                "listing_request": listing_request,
                "retention_days": settings.NETWORK_LISTING_REQUEST_RETENTION_DAYS,
            },
        )
    EmailMessage(subject, body, None, [listing_request.email], reply_to=[settings.STAFF_EMAIL]).send()
    return "sent"


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
