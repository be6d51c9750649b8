"""Mail text of every app, rendered one way: ``<app>/mail/<kind>_subject.txt`` and ``_body.txt``.

The subject is a header: whatever a visitor typed into a name (a carriage return, a line feed, an
escape character) must neither break the mail (Django refuses a header with a line break, and the
mail would never go) nor move text into the body. So the subject is rendered on its own and
flattened to one line of printable characters.
"""

from django.template.loader import render_to_string

from home.text import one_line


def render_mail(prefix, context):
    """(subject, body) of the mail templates ``<prefix>_subject.txt`` and ``<prefix>_body.txt``."""
    subject = one_line(render_to_string(f"{prefix}_subject.txt", context))
    body = render_to_string(f"{prefix}_body.txt", context).strip() + "\n"
    return subject, body
