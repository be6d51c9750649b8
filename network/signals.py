"""Signals of the network app."""

from django.db.models.signals import post_migrate

from network.onboarding import ensure_moderation


def ensure_staff_rights(**kwargs):
    # Every installation gets the moderation workflow and the staff's rights on listing requests
    # and partner quotes, not only the demo.
    ensure_moderation()


def connect(app_config):
    post_migrate.connect(ensure_staff_rights, sender=app_config, dispatch_uid="network_staff_rights")
