"""The site with the sign-up guard removed: the control that shows the race the guard prevents.

Seats are counted and the registration inserted in separate autocommit statements, with no
transaction and no lock, and a short pause between them standing in for the work a real request
does between reading and writing. Used only by the concurrency test; never deployed.
"""

import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()

from events.models import EventPage, Registration, RegistrationManager  # noqa: E402


def unguarded_sign_up(self, event, **data):
    holder = EventPage.objects.get(pk=event.seat_holder_id)
    email = data["email"].strip().lower()
    existing = self.active().filter(event=holder, email=email).first()
    if existing is not None:
        return existing, False
    confirmed = self.filter(event=holder, status=Registration.Status.CONFIRMED).count()
    time.sleep(0.05)
    has_seat = holder.capacity is None or confirmed < holder.capacity
    registration = self.create(
        event=holder,
        **{**data, "email": email},
        status=Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITLISTED,
    )
    return registration, True


RegistrationManager.sign_up = unguarded_sign_up
