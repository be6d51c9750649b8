"""Partner quotes moved from network to home (issue 12): a database of before keeps every quote and what hangs on it."""

import json
import uuid

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision
from wagtail_localize.models import TranslationContext, TranslationSource

from home.models import HomePage, PartnerQuote

BEFORE = [
    ("home", "0003_dutch_names_for_wagtails_defaults"),
    ("network", "0004_network_onboarding"),
    ("events", "0004_gallery_block"),
    ("news", "0005_remove_tags"),
]


def migrate(targets):
    """Migrate the named apps to targets, every other app stays at its latest; the models of then."""
    executor = MigrationExecutor(connection)
    apps = {app for app, _name in targets}
    targets = [*targets, *(leaf for leaf in executor.loader.graph.leaf_nodes() if leaf[0] not in apps)]
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def make_page(apps, model, path, **fields):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )
    return model.objects.create(path=path, depth=2, content_type=content_type, url_path=f"/{path}/", **fields)


def quotes_as_main_left_them(apps):
    """Two translations of a quote, linked to a network page, with what Wagtail and wagtail-localize keep."""
    Locale = apps.get_model("wagtailcore", "Locale")
    nl, _created = Locale.objects.get_or_create(language_code="nl")
    en, _created = Locale.objects.get_or_create(language_code="en")
    network_page = make_page(
        apps, apps.get_model("network", "NetworkPage"), "0001ZZZZ", title="ONZ", slug="onz", locale=nl
    )
    home = make_page(
        apps, apps.get_model("home", "HomePage"), "0001ZZZY", title="Home", slug="home-x", locale=nl
    )
    Quote = apps.get_model("network", "PartnerQuote")
    key = uuid.uuid4()
    dutch = Quote.objects.create(
        person_name="Henk", quote="Samen sterker", locale=nl, translation_key=key, network=network_page
    )
    english = Quote.objects.create(
        person_name="Henk", quote="Stronger together", locale=en, translation_key=key, network=network_page
    )
    home.featured_quote = dutch
    home.save()

    ContentType = apps.get_model("contenttypes", "ContentType")
    quote_type, _created = ContentType.objects.get_or_create(app_label="network", model="partnerquote")
    revision = apps.get_model("wagtailcore", "Revision").objects.create(
        content_type=quote_type,
        base_content_type=quote_type,
        object_id=str(dutch.pk),
        content={"pk": dutch.pk, "quote": "Samen sterker", "network": network_page.pk},
        object_str="Henk",
        created_at="2026-01-01T00:00Z",
    )
    Quote.objects.filter(pk=dutch.pk).update(latest_revision=revision, live_revision=revision)
    permission, _created = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=quote_type, codename="publish_partnerquote", defaults={"name": "Can publish"}
    )
    group = apps.get_model("auth", "Group").objects.create(name="Quote editors")
    group.permissions.add(permission)
    apps.get_model("wagtailcore", "ModelLogEntry").objects.create(
        content_type=quote_type,
        object_id=str(dutch.pk),
        label="Henk",
        action="wagtail.edit",
        timestamp="2026-01-01T00:00Z",
    )
    translatable = apps.get_model("wagtail_localize", "TranslatableObject").objects.create(
        translation_key=key, content_type=quote_type
    )
    apps.get_model("wagtail_localize", "TranslationSource").objects.create(
        object=translatable,
        specific_content_type=quote_type,
        locale=nl,
        object_repr="Henk",
        content_json=json.dumps({"pk": dutch.pk, "quote": "Samen sterker", "network": network_page.pk}),
        schema_version="0004_network_onboarding",
        last_updated_at="2026-01-01T00:00Z",
    )
    apps.get_model("wagtail_localize", "TranslationContext").objects.create(
        object=translatable,
        path="network",
        field_path="network",
        path_id=uuid.uuid5(uuid.UUID("fcab004a-2b50-11ea-978f-2e728ce88125"), "network"),
    )
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    apps.get_model("wagtailcore", "ReferenceIndex").objects.create(
        content_type=quote_type,
        base_content_type=quote_type,
        object_id=str(dutch.pk),
        to_content_type=page_type,
        to_object_id=str(network_page.pk),
        model_path="network",
        content_path="network",
        content_path_hash=uuid.uuid5(uuid.UUID("bdc70d8b-e7a2-4c2a-bf43-2a3e3fcbbe86"), "network"),
    )
    return {"dutch": dutch.pk, "english": english.pk, "key": key, "page": network_page.pk, "home": home.pk}


@pytest.mark.django_db(transaction=True)
def test_quotes_move_to_home_with_their_keys_translations_revisions_and_rights():
    """Migrating a database of before the move keeps quotes, links, revisions, translations, rights and log."""
    try:
        before = quotes_as_main_left_them(migrate(BEFORE))
        migrate(latest())
        ContentType.objects.clear_cache()

        dutch, english = (
            PartnerQuote.objects.get(pk=before["dutch"]),
            PartnerQuote.objects.get(pk=before["english"]),
        )
        assert (dutch.translation_key, dutch.locale.language_code) == (before["key"], "nl")
        assert (english.translation_key, english.locale.language_code) == (before["key"], "en")
        assert dutch.page_id == english.page_id == before["page"]
        assert HomePage.objects.get(pk=before["home"]).featured_quote == dutch

        quote_type = ContentType.objects.get_for_model(PartnerQuote)
        assert not ContentType.objects.filter(app_label="network", model="partnerquote").exists()
        assert dutch.latest_revision.content["page"] == before["page"]
        assert "network" not in dutch.latest_revision.content
        assert Revision.objects.filter(base_content_type=quote_type).count() == 1
        assert Group.objects.get(name="Quote editors").permissions.get().content_type == quote_type
        assert ModelLogEntry.objects.filter(content_type=quote_type, object_id=str(dutch.pk)).exists()

        source = TranslationSource.objects.get(specific_content_type=quote_type)
        assert json.loads(source.content_json)["page"] == before["page"]
        assert source.as_instance().page_id == before["page"]
        assert TranslationContext.objects.get(object=source.object).path == "page"
        assert ReferenceIndex.objects.get(base_content_type=quote_type).model_path == "page"

        new = PartnerQuote.objects.create(person_name="New", quote="...", locale=dutch.locale)
        assert new.pk > max(
            before["dutch"], before["english"]
        )  # PostgreSQL's sequence follows the copied keys
        assert "network_partnerquote" not in connection.introspection.table_names()
    finally:
        migrate(latest())
        ContentType.objects.clear_cache()
