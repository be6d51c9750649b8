import hashlib

import pytest
from django.core.management import call_command

from home import demo_content
from home.models import ContentPage

STATEMENTS = {
    "/toegankelijkheid/": ("alleen het toetsenbord", "Nu Html Checker", "axe-core", "Wat nog niet goed is"),
    "/en/accessibility/": ("with the keyboard alone", "Nu Html Checker", "axe-core", "What is not right yet"),
    "/de/barrierefreiheit/": (
        "nur mit der Tastatur",
        "Nu Html Checker",
        "axe-core",
        "Was noch nicht gut ist",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "phrases"), STATEMENTS.items())
def test_statement_tells_what_is_tested(demo_site, client, url, phrases):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for phrase in phrases:
        assert phrase in html


STATEMENTS_SLUGS = {"nl": "toegankelijkheid", "en": "accessibility", "de": "barrierefreiheit"}


def statement(language):
    return ContentPage.objects.get(locale__language_code=language, slug=STATEMENTS_SLUGS[language])


def publish_body(page, text):
    page.body = [{"type": "paragraph", "value": text}]
    page.save_revision().publish()


@pytest.mark.django_db
def test_rerun_replaces_an_old_demo_statement_but_not_an_edited_one(demo_site, client, monkeypatch):
    # The comparison works on what is stored: the text comes back from the database unchanged.
    for language, text in demo_content.ACCESSIBILITY_BODY.items():
        assert statement(language).body[0].value.source == text
    old = "<p>Oude verklaring van de demo.</p>"
    digest = hashlib.sha256(old.encode()).hexdigest()[:16]
    monkeypatch.setattr(demo_content, "SUPERSEDED_ACCESSIBILITY_BODIES", {digest})
    publish_body(statement("nl"), old)
    publish_body(statement("en"), "<p>Our editor rewrote this.</p>")

    call_command("load_demo_content", verbosity=0)

    assert "alleen het toetsenbord" in client.get("/toegankelijkheid/").content.decode()
    assert "Our editor rewrote this." in client.get("/en/accessibility/").content.decode()
