from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events.models import Registration, RegistrationMail


class Command(BaseCommand):
    help = (
        "Run daily: erase the personal data of registrations for sessions that ended more than "
        "EVENTS_PURGE_AFTER_DAYS days ago (default 90). Status, role and language stay, so the counts "
        "per session remain."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override EVENTS_PURGE_AFTER_DAYS.")
        parser.add_argument("--dry-run", action="store_true", help="Only say how many would be erased.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.EVENTS_PURGE_AFTER_DAYS if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        due = Registration.objects.filter(purged_at__isnull=True, event__end__lt=cutoff)
        if dry_run:
            self.stdout.write(f"Would erase the personal data of {due.count()} registrations.")
            return
        with transaction.atomic():
            ids = list(due.values_list("pk", flat=True))
            RegistrationMail.objects.filter(registration_id__in=ids).delete()
            erased = Registration.objects.filter(pk__in=ids).update(
                name="", email="", organisation="", remarks="", purged_at=timezone.now()
            )
        self.stdout.write(
            f"Erased the personal data of {erased} registrations (ended before {cutoff:%Y-%m-%d})."
        )
