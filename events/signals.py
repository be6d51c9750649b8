"""Signals of the events app, connected in ``EventsConfig.ready()``."""

from django.db.models.signals import post_migrate, post_save
from wagtail.signals import page_published

from events.models import (
    EventPage,
    Registration,
    RegistrationMail,
    SessionReportPage,
    index_outcomes,
    mail_queued,
)
from events.tasks import send_registration_mail
from home.roles import ensure_permissions_exist, grant_staff_permissions
from home.task_queue import enqueue_with_transaction

# Communications staff see, add (a phone sign-up), correct, cancel and export registrations.
STAFF_PERMISSIONS = [
    ("events", "view_registration"),
    ("events", "add_registration"),
    ("events", "change_registration"),
]


def ensure_staff_rights(**kwargs):
    ensure_permissions_exist("events")
    grant_staff_permissions(STAFF_PERMISSIONS)


def send_queued_mail(sender, mail, **kwargs):
    # A sign-up that rolls back sends nothing; one that commits has its mail queued with it.
    enqueue_with_transaction(send_registration_mail, mail.pk)


def fill_free_seats_on_publish(sender, instance, **kwargs):
    # Publishing a session with more seats (or back from cancelled) gives them to the waiting list.
    Registration.objects.fill_free_seats(instance)


def reindex_outcomes_on_save(sender, instance, update_fields=None, raw=False, **kwargs):
    # Saving a draft of a live page writes only bookkeeping fields (update_fields without "body");
    # the in-memory body is then the draft, which must not reach the overview.
    if raw or (update_fields is not None and "body" not in update_fields):
        return
    index_outcomes(instance)


def connect(app_config):
    post_migrate.connect(ensure_staff_rights, sender=app_config, dispatch_uid="events_staff_rights")
    mail_queued.connect(send_queued_mail, sender=RegistrationMail, dispatch_uid="events_send_queued_mail")
    page_published.connect(
        fill_free_seats_on_publish, sender=EventPage, dispatch_uid="events_fill_free_seats"
    )
    post_save.connect(
        reindex_outcomes_on_save, sender=SessionReportPage, dispatch_uid="events_reindex_outcomes"
    )
