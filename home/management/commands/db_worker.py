"""``manage.py db_worker``: django-tasks-db's worker command, with a worker that survives the database.

This command has the same name, options and output as django-tasks-db's own and takes its place
(``home`` comes before ``django_tasks_db`` in INSTALLED_APPS). Only the worker class differs
(home/worker.py). django-tasks-db builds its ``Worker`` inside ``handle()`` and has no setting for
the class, so its ``handle()`` is repeated here with ours.
"""

import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from home.worker import ReconnectingWorker


class Command(db_worker.Command):
    help = "Run the database task worker (it sends mail); it reconnects when the database goes away"

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, batch, **options):
        self.configure_logging(verbosity)
        if reload and batch:
            db_worker.logger.warning(
                "--reload and --batch cannot be specified together. Disabling autoreload."
            )
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ReconnectingWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            batch=batch,
            **{
                name: options[name]
                for name in ("interval", "backend_name", "startup_delay", "max_tasks", "worker_id")
            },
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the reloader's child process runs tasks
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
