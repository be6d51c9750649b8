"""Signals of the news app, connected in ``NewsConfig.ready()``."""

from django.db.models.signals import post_migrate

from home.roles import ensure_permissions_exist, grant_staff_permissions

# Communications staff write the news, so they name its topics too: a new topic, or a better name
# for one, without asking an administrator. wagtail-localize translates a topic only for a user
# who may change it.
STAFF_PERMISSIONS = [
    ("news", "add_topic"),
    ("news", "change_topic"),
]


def ensure_staff_rights(**kwargs):
    ensure_permissions_exist("news")
    grant_staff_permissions(STAFF_PERMISSIONS)


def connect(app_config):
    post_migrate.connect(ensure_staff_rights, sender=app_config, dispatch_uid="news_staff_rights")
