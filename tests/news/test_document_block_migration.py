"""News's own download block became the shared document block (issue 12): stored pages and revisions follow."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from news.models import NewsPage
from tests.home.test_partnerquote_migration import latest, make_page, migrate

DOWNLOAD = {
    "type": "download",
    "id": "b1",
    "value": {"document": None, "title": "Verslag", "description": "Alle ideeën van de thematafels."},
}


@pytest.mark.django_db(transaction=True)
def test_download_blocks_become_document_blocks_in_pages_and_revisions():
    apps = migrate([("news", "0006_quote_blocks_choose_home_partnerquote")])
    Locale = apps.get_model("wagtailcore", "Locale")
    nl, _created = Locale.objects.get_or_create(language_code="nl")
    body = [{"type": "heading", "id": "h1", "value": {"text": "Uitkomsten", "level": "h2"}}, DOWNLOAD]
    page = make_page(
        apps,
        apps.get_model("news", "NewsPage"),
        "0001ZZZX",
        title="Verslag",
        slug="verslag",
        locale=nl,
        date="2012-06-01",
        body=json.dumps(body),
    )
    ContentType = apps.get_model("contenttypes", "ContentType")
    apps.get_model("wagtailcore", "Revision").objects.create(
        content_type=ContentType.objects.get(app_label="news", model="newspage"),
        base_content_type=ContentType.objects.get(app_label="wagtailcore", model="page"),
        object_id=str(page.pk),
        object_str="Verslag",
        created_at=timezone.now(),
        content={"pk": page.pk, "title": "Verslag", "body": json.dumps(body)},
    )

    MigrationExecutor(connection).migrate(latest())

    migrated = NewsPage.objects.get(pk=page.pk)
    assert [block.block_type for block in migrated.body] == ["heading", "document"]
    assert migrated.body[1].value["description"] == "Alle ideeën van de thematafels."
    revision = migrated.revisions.get()
    assert [block["type"] for block in json.loads(revision.content["body"])] == ["heading", "document"]
