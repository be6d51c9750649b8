"""Signals of the home app: the staff group's rights follow the home pages of every language."""

from django.db.models.signals import post_migrate, post_save

from home import roles
from home.models import HomePage


def grant_new_home_page(sender, instance, created, raw=False, **kwargs):
    # A new language's home page (made by hand or by "Translate this page") is staff's to write in.
    if created and not raw and instance.depth == 2:
        roles.grant_staff_pages(instance)


def connect(app_config):
    post_migrate.connect(roles.ensure_staff_group, sender=app_config, dispatch_uid="home_staff_group")
    post_save.connect(grant_new_home_page, sender=HomePage, dispatch_uid="home_staff_home_pages")
