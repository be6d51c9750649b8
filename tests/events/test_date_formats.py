"""Dates read as each language writes them, in pages and mails, from named locale formats only."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.utils import formats, translation

from events.models import RegistrationMail

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2027, 2, 10, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
EXPECTED = {
    "nl": ("woensdag 10 februari 2027, 09:00", "12:00"),
    "en": ("Wednesday 10 February 2027, 09:00", "12:00"),
    "de": ("Mittwoch, 10. Februar 2027, 09:00", "12:00"),
}
# Formats for machines (datetime attributes, feeds), not for readers.
MACHINE_FORMATS = {"c", "Y-m-d"}


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_language_defines_the_named_formats(language):
    """Django gives an unknown format name back as the pattern: every language must define each name."""
    with translation.override(language):
        for name in ("WEEKDAY_DATE_FORMAT", "WEEKDAY_DATETIME_FORMAT"):
            assert formats.get_format(name) != name


def test_no_template_spells_out_a_date_pattern():
    """Templates name a locale format ("DATE_FORMAT", ...) and never write a pattern such as "j F Y"."""
    found = []
    for path in (ROOT / "templates").rglob("*"):
        if path.suffix not in {".html", ".txt"}:
            continue
        for pattern in re.findall(r"\|(?:date|time):\s*[\"']([^\"']*)[\"']", path.read_text()):
            if pattern not in MACHINE_FORMATS and not re.fullmatch(r"[A-Z_]+_FORMAT", pattern):
                found.append(f"{path.relative_to(ROOT)}: {pattern}")
    assert not found


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en", "de"])
def test_the_session_page_writes_the_date_in_its_language(client, make_event, language):
    """The session page: "Mittwoch, 10. Februar 2027, 09:00" in German, not "Mittwoch 10 Februar 2027"."""
    page = make_event(start=START)[language]
    when, until = EXPECTED[language]

    html = client.get(page.url).content.decode()

    assert f"{when}</time> – <time" in html and f">{until}</time>" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en", "de"])
def test_the_mail_writes_the_date_in_the_registrants_language(
    make_event, make_registration, committed, language
):
    """The confirmation mail says when in the registrant's language and its date format."""
    # Registrations hold the seat on the oldest translation, the Dutch page; the mail shows the
    # translation in the registrant's language.
    registration = make_registration(make_event(start=START)["nl"], language=language)

    committed(registration.queue_mail, RegistrationMail.Kind.CONFIRMATION)

    [message] = mail.outbox
    when, until = EXPECTED[language]
    assert f": {when} – {until}\n" in message.body
