from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from home import backup


class Command(BaseCommand):
    help = (
        "Back up the database to a file while the site runs: SQLite with its online backup API, "
        "PostgreSQL with pg_dump --format=custom. --media also archives MEDIA_ROOT beside it."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="the backup file to write (replaced if it exists)")
        parser.add_argument(
            "--media",
            action="store_true",
            help="also write MEDIA_ROOT (uploaded images and documents) to <destination>.media.tar.gz",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, destination, media, database, **options):
        if media:
            backup.refuse_media_in_a_bucket()
        written = backup.backup_database(destination, alias=database)
        self.stdout.write(f"Database ({backup.vendor(database)}) backed up to {written}")
        if media:
            archive = backup.backup_media(backup.media_archive_path(destination))
            self.stdout.write(f"Media backed up to {archive}")
