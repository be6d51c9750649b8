"""Backup and restore of the database (SQLite or PostgreSQL) and the media folder.

Used by the `backup_database` and `restore_database` management commands. SQLite is copied with
SQLite's online backup API, which gives a consistent snapshot while the site keeps reading and writing
(WAL mode); PostgreSQL goes through pg_dump/pg_restore in their custom format. Uploaded images and
documents live in MEDIA_ROOT, outside the database: a backup is only complete with both.
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections


class BackupError(CommandError):
    pass


def vendor(alias="default"):
    return connections[alias].vendor


# --- SQLite ---------------------------------------------------------------------------------------


def _check_sqlite_file(path):
    with sqlite3.connect(path) as connection:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        connection.execute("SELECT COUNT(*) FROM django_migrations").fetchone()
    connection.close()
    if result != "ok":
        raise BackupError(f"{path}: SQLite integrity check failed: {result}")


def backup_sqlite(destination, alias="default"):
    """Copy the live database into one self-contained file, via a temporary file and a rename."""
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    connection = connections[alias]
    if connection.in_atomic_block:
        # SQLite's backup would wait forever for the lock this very connection holds.
        raise BackupError("Back up outside a transaction: the open transaction blocks SQLite's backup")
    connection.ensure_connection()
    handle, temporary = tempfile.mkstemp(prefix=".backup-", suffix=".sqlite3", dir=destination.parent)
    os.close(handle)
    try:
        target = sqlite3.connect(temporary)
        try:
            # Through Django's own connection, so an in-memory test database works as well as a file.
            connection.connection.backup(target)
            # One file, no -wal/-shm beside it: a copy that can be moved, archived and opened anywhere.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        _check_sqlite_file(temporary)
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return destination


def restore_sqlite(source, target=None, alias="default"):
    """Overwrite the target database (a file path, or the configured database) with the backup."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: no such backup file")
    try:
        _check_sqlite_file(source)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source} is not a usable SQLite backup: {error}") from error
    backup = sqlite3.connect(source)
    try:
        if target is None:
            connection = connections[alias]
            connection.close()
            connection.ensure_connection()
            backup.backup(connection.connection)
            connection.close()
        else:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            destination = sqlite3.connect(target)
            try:
                backup.backup(destination)
                # The site runs SQLite in WAL mode (settings.SQLITE_OPTIONS); keep the file that way.
                destination.execute("PRAGMA journal_mode=WAL")
            finally:
                destination.close()
    finally:
        backup.close()


# --- PostgreSQL -----------------------------------------------------------------------------------


def _pg_tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return path


def _pg_arguments(alias, dbname=None):
    """Connection options from the database settings (DATABASE_URL); the password never goes here."""
    params = connections[alias].settings_dict
    arguments = [f"--dbname={dbname or params['NAME']}"]
    if params.get("HOST"):
        arguments.append(f"--host={params['HOST']}")
    if params.get("PORT"):
        arguments.append(f"--port={params['PORT']}")
    if params.get("USER"):
        arguments.append(f"--username={params['USER']}")
    return arguments


def _pg_env(alias):
    env = {**os.environ}
    password = connections[alias].settings_dict.get("PASSWORD")
    if password:
        # Not on the command line, where every user of the machine could read it in `ps`.
        env["PGPASSWORD"] = str(password)
    return env


def _run(arguments, env):
    result = subprocess.run(arguments, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(arguments[0]).name} failed ({result.returncode}): {result.stderr.strip()}")
    return result


def backup_postgres(destination, alias="default"):
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(f".{destination.name}.partial")
    try:
        _run(
            [_pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={temporary}"]
            + _pg_arguments(alias),
            _pg_env(alias),
        )
        os.replace(temporary, destination)
    finally:
        temporary.unlink(missing_ok=True)
    return destination


def restore_postgres(source, target=None, alias="default"):
    """pg_restore into the configured database, or into `target` (another database on the same server)."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: no such backup file")
    connections[alias].close()
    _run(
        [_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--exit-on-error", str(source)]
        + _pg_arguments(alias, dbname=target),
        _pg_env(alias),
    )


# --- dispatch and media ---------------------------------------------------------------------------


def backup_database(destination, alias="default"):
    if vendor(alias) == "sqlite":
        return backup_sqlite(destination, alias)
    if vendor(alias) == "postgresql":
        return backup_postgres(destination, alias)
    raise BackupError(f"No backup for the {vendor(alias)} database backend")


def restore_database(source, target=None, alias="default"):
    if vendor(alias) == "sqlite":
        return restore_sqlite(source, target, alias)
    if vendor(alias) == "postgresql":
        return restore_postgres(source, target, alias)
    raise BackupError(f"No restore for the {vendor(alias)} database backend")


def refuse_media_in_a_bucket():
    """``--media`` archives MEDIA_ROOT; with MEDIA_S3_BUCKET the uploads are not there."""
    if getattr(settings, "MEDIA_S3_BUCKET", None):
        raise BackupError(
            "--media: uploads are in the bucket MEDIA_S3_BUCKET, not in MEDIA_ROOT. Back the bucket up "
            "with its provider's versioning or with rclone sync / aws s3 sync."
        )


def media_archive_path(database_backup):
    database_backup = Path(database_backup)
    return database_backup.with_name(f"{database_backup.name}.media.tar.gz")


def backup_media(archive, media_root=None):
    media_root = Path(media_root or settings.MEDIA_ROOT)
    archive = Path(archive)
    temporary = archive.with_name(f".{archive.name}.partial")
    try:
        with tarfile.open(temporary, "w:gz") as tar:
            if media_root.is_dir():
                tar.add(media_root, arcname="media")
        os.replace(temporary, archive)
    finally:
        temporary.unlink(missing_ok=True)
    return archive


def restore_media(archive, media_root=None):
    """Unpack the archive into MEDIA_ROOT; files not in the archive stay (no upload is deleted)."""
    media_root = Path(media_root or settings.MEDIA_ROOT)
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"{archive}: no such media archive")
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar, tempfile.TemporaryDirectory(dir=media_root.parent) as staging:
        # The "data" filter refuses absolute paths, links out of the tree and device files.
        tar.extractall(staging, filter="data")
        unpacked = Path(staging) / "media"
        if unpacked.is_dir():
            shutil.copytree(unpacked, media_root, dirs_exist_ok=True)
