"""The task worker that sends mail, made to outlive its database connection.

django-tasks-db's ``Worker`` (0.13) re-raises every database error except "database is locked": when
PostgreSQL restarts, fails over or kills an idle connection, ``manage.py db_worker`` exits for good,
and a task whose connection broke mid-run is left FAILED (or RUNNING, when recording the failure
needed the dead connection too), so its mail never goes out
(https://github.com/RealOrangeOne/django-tasks-db/issues/49).

This subclass changes two things and keeps the rest of the worker:

- a lost connection (``OperationalError``, ``InterfaceError``) ends neither the loop nor the process:
  the worker drops the connection, waits for the database with a growing pause and goes on;
- a task that failed with such an error is queued again after a pause, up to ``MAX_ATTEMPTS`` runs,
  because the database not answering says nothing about the task. A task may therefore run twice
  when the connection drops after its work and before its result is saved: our mail tasks
  prefer a mail sent twice to a mail never sent.

The process itself should still run under a supervisor that restarts it (site/deploy/).
"""

import contextlib
import logging
import time
from datetime import timedelta

from django.db import InterfaceError, OperationalError, connections, router
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("django_tasks_db")

CONNECTION_ERRORS = (OperationalError, InterfaceError)
# set_failed() stores the class path of what the task raised; these say the database went away.
CONNECTION_ERROR_PATHS = {f"{error.__module__}.{error.__qualname__}" for error in CONNECTION_ERRORS}
# Runs of one task (its worker_ids) before a lost connection counts as the task's own failure.
MAX_ATTEMPTS = 5
# Pauses while the database is away, and before an interrupted task runs again (seconds).
FIRST_PAUSE = 1
LONGEST_PAUSE = 60


class ReconnectingWorker(db_worker.Worker):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.interrupted = None  # a task whose run the database cut short, to queue again

    def run(self):
        while True:
            try:
                self.queue_interrupted_again()
                return super().run()
            except CONNECTION_ERRORS as error:
                if not self.running:  # asked to stop while the database was away
                    raise
                logger.warning("Lost the database connection (%s); reconnecting", error)
                # A restart within the process skips the random start-up pause of the first one.
                self.startup_delay = False
                self.wait_for_database()

    def run_task(self, db_task_result):
        try:
            super().run_task(db_task_result)
        finally:
            # Also when recording the failure needed the lost connection and raised: run() then
            # reconnects and queues the task again before it looks for the next one.
            if (
                db_task_result.status == TaskResultStatus.FAILED
                and db_task_result.exception_class_path in CONNECTION_ERROR_PATHS
            ):
                self.interrupted = db_task_result
        self.queue_interrupted_again()

    def queue_interrupted_again(self):
        task_result, self.interrupted = self.interrupted, None
        if task_result is None:
            return
        attempts = len(task_result.worker_ids)
        if attempts >= MAX_ATTEMPTS:
            logger.error(
                "Task id=%s lost its database connection %d times; not retried", task_result.id, attempts
            )
            return
        self.interrupted = task_result  # until the update below has reached the database
        pause = min(FIRST_PAUSE * 2 ** (attempts - 1), LONGEST_PAUSE)
        DBTaskResult.objects.filter(pk=task_result.pk).update(
            status=TaskResultStatus.READY,
            run_after=timezone.now() + timedelta(seconds=pause),
            finished_at=None,
        )
        self.interrupted = None
        logger.warning("Task id=%s lost its database connection; queued again in %d s", task_result.id, pause)

    def wait_for_database(self):
        connection = connections[router.db_for_write(DBTaskResult)]
        pause = FIRST_PAUSE
        while self.running:
            with contextlib.suppress(*CONNECTION_ERRORS):
                connection.close()
            try:
                connection.ensure_connection()
            except CONNECTION_ERRORS as error:
                logger.warning("Database not reachable (%s); next try in %d s", error, pause)
                time.sleep(pause)
                pause = min(pause * 2, LONGEST_PAUSE)
            else:
                logger.warning("Database connection restored")
                return
