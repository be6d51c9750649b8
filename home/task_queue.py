"""How the task queue stands, shown to the staff who answer for the mail it sends.

Mail leaves the site only through the task worker (``manage.py db_worker``). When the worker is not
running, visitors still get "we have sent you a mail" and nothing goes out; the queue is the only
trace. The dashboard warns when a task has waited longer than ``TASK_QUEUE_WARNING_MINUTES``.
Who sees the warning is decided by the feature apps: each names the permission of the people
who answer for its mail (``watch_with_permission`` in its ``apps.py``); superusers always see it.
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin.ui.components import Component

_watch_permissions = set()


def watch_with_permission(permission):
    """Users with ``permission`` (``"app_label.codename"``) see the dashboard's queue warning."""
    _watch_permissions.add(permission)


def watches_queue(user):
    return user.is_active and (
        user.is_superuser or any(user.has_perm(permission) for permission in sorted(_watch_permissions))
    )


def enqueue_with_transaction(task, *args, **kwargs):
    """Queue ``task`` so that it stands or falls with the data it is about.

    The database queue (production) writes the task as a row of the site's database: queued inside
    the transaction, it commits with the sign-up or request it mails about, or not at all, so a
    connection lost right after the commit cannot leave a registration without its mail. Any other
    queue runs the task at once or in another system; it gets the task once the data is committed.
    """
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(partial(task.enqueue, *args, **kwargs))


def overdue_tasks(now=None):
    """Tasks ready to run for longer than the warning threshold: nobody is taking them."""
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.TASK_QUEUE_WARNING_MINUTES)
    # A deferred task (a mail's retry) is due from its run_after on; any other from when it was queued.
    return DBTaskResult.objects.ready().filter(
        Q(run_after__lte=cutoff) | Q(run_after=get_date_max(), enqueued_at__lte=cutoff)
    )


class StaleQueuePanel(Component):
    name = "stale_task_queue"
    order = 0  # above everything else: mail is not going out
    template_name = "home/admin/stale_queue_panel.html"

    def __init__(self, count, oldest):
        self.count = count
        self.oldest = oldest

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(count=self.count, oldest=self.oldest, minutes=settings.TASK_QUEUE_WARNING_MINUTES)
        return context


def add_stale_queue_panel(request, panels):
    """The ``construct_homepage_panels`` hook."""
    if not watches_queue(request.user):
        return
    overdue = overdue_tasks().aggregate(count=Count("pk"), oldest=Min("enqueued_at"))
    if overdue["count"]:
        panels.append(StaleQueuePanel(overdue["count"], overdue["oldest"]))
