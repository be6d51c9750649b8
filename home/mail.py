"""Mail text of every app, rendered one way: ``<app>/mail/<kind>_subject.txt`` and ``_body.txt``.

The subject is a header: whatever a visitor typed into a name (a carriage return, a line feed, an
escape character) must neither break the mail (Django refuses a header with a line break, and the
mail would never go) nor move text into the body. So the subject is rendered on its own and
flattened to one line of printable characters.
"""

import smtplib
from datetime import timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from home.text import one_line

# What a mail server (or the way to it) does when a mail cannot go out now but may go out later.
MAIL_ERRORS = (smtplib.SMTPException, OSError)
# With MAIL_RETRY_SECONDS of 300 the eighth try comes about 21 hours after the first: a mail
# server that is down for most of a day loses nothing; the apps' daily commands catch the rest.
MAX_DEFERRED_ATTEMPTS = 8


def render_mail(prefix, context):
    """(subject, body) of the mail templates ``<prefix>_subject.txt`` and ``<prefix>_body.txt``."""
    subject = one_line(render_to_string(f"{prefix}_subject.txt", context))
    body = render_to_string(f"{prefix}_body.txt", context).strip() + "\n"
    return subject, body


def retry_later(task, attempt, /, *args, **kwargs):
    """After the ``attempt``-th failed try, queue ``task(*args, **kwargs)`` again with exponential
    back-off where the queue can defer (the database queue in production). Returns whether it did."""
    if not task.get_backend().supports_defer or attempt >= MAX_DEFERRED_ATTEMPTS:
        return False
    delay = timedelta(seconds=settings.MAIL_RETRY_SECONDS * 2 ** (attempt - 1))
    task.using(run_after=timezone.now() + delay).enqueue(*args, **kwargs)
    return True
