"""Backup and restore round trips: what `backup_database` writes, `restore_database` brings back.

The round trip runs against the database the suite runs on: SQLite in `make test`, PostgreSQL (via
pg_dump/pg_restore into a scratch database) in `make test-postgres` and `.ci/run`.
"""

import sqlite3
import uuid

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page

from home import backup


@pytest.fixture
def proof_page(transactional_db, home_page):
    return home_page.add_child(instance=Page(title="Backup proof", slug="backup-proof"))


@pytest.fixture
def restore_into(tmp_path):
    """Restore into a fresh database of the vendor in use: yields run(backup_file, sql) -> rows."""
    if connection.vendor == "sqlite":

        def run(backup_file, sql):
            fresh = tmp_path / "restored.sqlite3"
            call_command("restore_database", str(backup_file), target=str(fresh), interactive=False)
            with sqlite3.connect(fresh) as restored:
                rows = restored.execute(sql).fetchall()
            restored.close()
            return rows

        yield run
        return

    assert connection.vendor == "postgresql", connection.vendor

    params = connection.settings_dict
    server = {
        "host": params.get("HOST") or None,
        "port": params.get("PORT") or None,
        "user": params.get("USER") or None,
        "password": params.get("PASSWORD") or None,
    }
    scratch = f"pr8werk_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{scratch}"')

    def run(backup_file, sql):
        call_command("restore_database", str(backup_file), target=scratch, interactive=False)
        with psycopg.connect(dbname=scratch, **server) as restored:
            return restored.execute(sql).fetchall()

    try:
        yield run
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')


def test_restore_brings_back_a_deleted_and_a_changed_page(proof_page, home_page, restore_into, tmp_path):
    backup_file = tmp_path / "pr8werk.backup"
    call_command("backup_database", str(backup_file))
    assert backup_file.stat().st_size > 0

    proof_id, home_id, home_title = proof_page.id, home_page.id, home_page.title
    Page.objects.get(id=proof_id).delete()
    Page.objects.filter(id=home_id).update(title="Overwritten after the backup")
    assert not Page.objects.filter(id=proof_id).exists()

    titles = dict(restore_into(backup_file, "SELECT id, title FROM wagtailcore_page"))
    assert titles[proof_id] == "Backup proof"
    assert titles[home_id] == home_title


def test_restore_into_the_configured_database_with_media(proof_page, tmp_path, settings):
    """Without --target the site's own database is replaced (the site is stopped meanwhile)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    (settings.MEDIA_ROOT / "agenda.pdf").write_bytes(b"%PDF agenda")
    backup_file = tmp_path / "site.backup"
    call_command("backup_database", str(backup_file), "--media")
    Page.objects.filter(id=proof_page.id).delete()
    (settings.MEDIA_ROOT / "agenda.pdf").unlink()

    call_command("restore_database", str(backup_file), "--media", "--noinput")

    assert Page.objects.get(id=proof_page.id).title == "Backup proof"
    assert (settings.MEDIA_ROOT / "agenda.pdf").read_bytes() == b"%PDF agenda"


def test_restore_refuses_a_file_that_is_no_backup(db, tmp_path):
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("not a database dump, just text\n" * 50)
    with pytest.raises(CommandError):
        call_command("restore_database", str(not_a_backup), target=str(tmp_path / "x"), interactive=False)
    with pytest.raises(CommandError, match="no such backup file"):
        call_command("restore_database", str(tmp_path / "missing"), interactive=False)


def test_restore_asks_before_overwriting(db, tmp_path, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore_database", str(tmp_path / "whatever"))


def test_media_archive_restores_onto_a_new_server(transactional_db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "original_images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "original_images" / "meetup.jpg").write_bytes(b"\xff\xd8 a photo")
    backup_file = tmp_path / "backups" / "pr8werk.backup"

    call_command("backup_database", str(backup_file), media=True)
    archive = backup_file.with_name("pr8werk.backup.media.tar.gz")
    assert archive.is_file()

    settings.MEDIA_ROOT = tmp_path / "new-server" / "media"
    backup.restore_media(archive)
    assert (settings.MEDIA_ROOT / "original_images" / "meetup.jpg").read_bytes() == b"\xff\xd8 a photo"


def test_media_in_a_bucket_is_not_archived_as_if_complete(db, tmp_path, settings):
    """With MEDIA_S3_BUCKET, --media would archive an empty MEDIA_ROOT: refused before anything is written."""
    settings.MEDIA_S3_BUCKET = "pr8werk-media"
    with pytest.raises(CommandError, match="bucket"):
        call_command("backup_database", str(tmp_path / "new.backup"), media=True)
    with pytest.raises(CommandError, match="bucket"):
        call_command("restore_database", str(tmp_path / "old.backup"), media=True, interactive=False)
    assert list(tmp_path.iterdir()) == []


def test_postgres_password_goes_through_the_environment(db, tmp_path, monkeypatch):
    """pg_dump gets PGPASSWORD, never the password as an argument other users could read in `ps`."""
    calls = []

    def fake_run(arguments, env, **kwargs):
        calls.append((arguments, env))
        (tmp_path / ".dump.partial").write_bytes(b"PGDMP")

        class Result:
            returncode, stderr = 0, ""

        return Result()

    monkeypatch.setattr(backup.subprocess, "run", fake_run)
    monkeypatch.setattr(backup.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setitem(connection.settings_dict, "PASSWORD", "s3cret-Pass")
    monkeypatch.setitem(connection.settings_dict, "HOST", "db.internal")
    monkeypatch.setitem(connection.settings_dict, "USER", "pr8werk")

    backup.backup_postgres(tmp_path / "dump")

    arguments, env = calls[0]
    assert arguments[:3] == ["/usr/bin/pg_dump", "--format=custom", "--no-owner"]
    assert "--host=db.internal" in arguments and "--username=pr8werk" in arguments
    assert not any("s3cret-Pass" in argument for argument in arguments)
    assert env["PGPASSWORD"] == "s3cret-Pass"
    assert (tmp_path / "dump").read_bytes() == b"PGDMP"
