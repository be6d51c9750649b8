from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from events.models import Registration, RegistrationMail, queue_reminder
from events.tasks import send_registration_mail


class Command(BaseCommand):
    help = (
        "Run daily: queue reminder mails for sessions starting within EVENTS_REMINDER_DAYS days (each "
        "person gets one reminder, however often this runs) and retry mails that failed before."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override EVENTS_REMINDER_DAYS.")

    def handle(self, *args, days=None, **options):
        days = settings.EVENTS_REMINDER_DAYS if days is None else days
        now = timezone.now()
        due = (
            Registration.objects.filter(
                status=Registration.Status.CONFIRMED,
                purged_at__isnull=True,
                event__is_cancelled=False,
                event__start__gt=now,
                event__start__lte=now + timedelta(days=days),
            )
            .exclude(mails__kind=RegistrationMail.Kind.REMINDER)
            .select_related("event")
        )
        queued = sum(1 for registration in due if queue_reminder(registration) is not None)
        # Mails that failed at least once, and mails whose task was lost (still untried after an hour).
        stuck = RegistrationMail.objects.filter(
            sent_at__isnull=True, registration__purged_at__isnull=True
        ).filter(Q(attempts__gte=1) | Q(created_at__lt=now - timedelta(hours=1)))
        retried = 0
        for mail_id in stuck.values_list("pk", flat=True):
            send_registration_mail.enqueue(mail_id)
            retried += 1
        self.stdout.write(f"Reminders queued: {queued}; failed mails retried: {retried}")
