"""Signals of the events app."""

from django.db.models.signals import post_migrate

from home.roles import ensure_permissions_exist, grant_staff_permissions

# Communications staff see, add (a phone sign-up), correct, cancel and export registrations.
STAFF_PERMISSIONS = [
    ("events", "view_registration"),
    ("events", "add_registration"),
    ("events", "change_registration"),
]


def ensure_staff_rights(**kwargs):
    ensure_permissions_exist("events")
    grant_staff_permissions(STAFF_PERMISSIONS)


def connect(app_config):
    post_migrate.connect(ensure_staff_rights, sender=app_config, dispatch_uid="events_staff_rights")
