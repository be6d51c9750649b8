from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from home import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_database. Stop the site (gunicorn and the task worker) first: "
        "the database is overwritten. SQLite: the backup file is copied into the database (or --target, "
        "a file). PostgreSQL: pg_restore --clean --if-exists into the database (or --target, a database "
        "name on the same server)."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="a file written by backup_database")
        parser.add_argument(
            "--target",
            help="restore into this SQLite file / PostgreSQL database instead of the configured one",
        )
        parser.add_argument(
            "--media",
            action="store_true",
            help="also unpack <source>.media.tar.gz into MEDIA_ROOT",
        )
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, source, target, media, interactive, database, **options):
        if media:
            backup.refuse_media_in_a_bucket()
        where = target or "the configured database"
        if interactive:
            answer = input(
                f"This replaces everything in {where} with {source}. Is the site stopped? Type 'yes': "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        archive = backup.media_archive_path(source) if media else None
        if archive is not None and not archive.is_file():
            raise CommandError(f"{archive}: no such media archive")
        backup.restore_database(source, target=target, alias=database)
        self.stdout.write(f"Database ({backup.vendor(database)}) restored from {source} into {where}")
        if archive is not None:
            backup.restore_media(archive)
            self.stdout.write(f"Media restored from {archive}")
