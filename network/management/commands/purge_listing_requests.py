from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from network.models import ListingRequest
from network.tasks import send_unsent_listing_request_mails


class Command(BaseCommand):
    help = (
        "Run daily: erase listing requests (accepted, declined or never handled) received more than "
        "NETWORK_LISTING_REQUEST_RETENTION_DAYS days ago (default 365). An accepted network keeps its "
        "entry and account; only the request with the sender's details goes. Also queues again the "
        "mails of listing requests (to the staff, and the sender's receipt) that failed to go out."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override NETWORK_LISTING_REQUEST_RETENTION_DAYS."
        )
        parser.add_argument("--dry-run", action="store_true", help="Only say how many would be erased.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.NETWORK_LISTING_REQUEST_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        due = ListingRequest.objects.filter(created_at__lt=cutoff)
        if dry_run:
            self.stdout.write(
                f"Would erase {due.count()} listing requests (received before {cutoff:%Y-%m-%d})."
            )
            return
        resent = send_unsent_listing_request_mails()
        if resent:
            self.stdout.write(f"Queued {resent} listing request mails that had not gone out.")
        _total, per_model = due.delete()
        erased = per_model.get(ListingRequest._meta.label, 0)
        self.stdout.write(f"Erased {erased} listing requests (received before {cutoff:%Y-%m-%d}).")
