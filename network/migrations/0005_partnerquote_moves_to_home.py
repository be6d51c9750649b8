# Partner quotes move from network to home (issue 12: home may not name a feature app).
#
# Everything that hangs on a quote is keyed by its content type (revisions, log entries, group
# permissions, wagtail-localize's translation sources, the search and reference indexes), so the
# content type row itself is relabelled instead of a new one being made: all of it follows. The rows
# are copied with their primary keys, so the home page's featured quote and the quote blocks in
# StreamFields (which store a quote's pk) keep pointing at the same quote. The link to a network page
# becomes a link to any page ("network" -> "page"); stored copies of a quote (revisions, translation
# sources, translation contexts, reference index rows) are renamed along.
#
# Order: home 0004 (new empty table) -> this -> home 0005 (featured quote points at home) ->
# network 0006 (old table dropped). Declared here with run_before, so that home names no feature app.

import json
import uuid

from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations

# The namespaces wagtail-localize (TranslationContext._get_path_id) and Wagtail
# (ReferenceIndex._get_content_path_hash) hash content paths with.
CONTEXT_PATH_NS = uuid.UUID("fcab004a-2b50-11ea-978f-2e728ce88125")
REFERENCE_PATH_NS = uuid.UUID("bdc70d8b-e7a2-4c2a-bf43-2a3e3fcbbe86")
# The latest home migration once the move is done: translation sources say they match it.
HOME_SCHEMA_VERSION = "0005_featured_quote_from_home"


def copy_rows(from_model, to_model, old_field, new_field, using, keep_link=lambda pk: True):
    rows = []
    for row in from_model.objects.using(using).order_by("pk"):
        values = {field.attname: getattr(row, field.attname) for field in from_model._meta.concrete_fields}
        link = values.pop(f"{old_field}_id")
        values[f"{new_field}_id"] = link if link is not None and keep_link(link) else None
        rows.append(to_model(**values))
    to_model.objects.using(using).bulk_create(rows)


def reset_sequence(model, connection):
    # Rows came with their primary keys: PostgreSQL's sequence must continue after the highest.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(sql)


def rename_key(data, old, new):
    if isinstance(data, dict) and old in data:
        data[new] = data.pop(old)
        return True
    return False


def relabel(apps, using, from_app, to_app, old_field, new_field):
    """Give the partnerquote content type to to_app; rename the link field in stored copies."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.using(using).filter(app_label=from_app, model="partnerquote").first()
    if content_type is None:
        return  # nothing was ever stored: contenttypes makes the type after migrating
    # A type made for the new place by an earlier partial migrate holds nothing yet (only its own
    # fresh permissions, which the relabelled type brings again).
    ContentType.objects.using(using).filter(app_label=to_app, model="partnerquote").delete()
    content_type.app_label = to_app
    content_type.save(update_fields=["app_label"])

    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.using(using).filter(base_content_type=content_type):
        if rename_key(revision.content, old_field, new_field):
            revision.save(update_fields=["content"])

    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.using(using).filter(specific_content_type=content_type):
        content = json.loads(source.content_json)
        if rename_key(content, old_field, new_field):
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
        if source.schema_version and to_app == "home":
            source.schema_version = HOME_SCHEMA_VERSION
        source.save(update_fields=["content_json", "schema_version"])

    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    TranslationContext.objects.using(using).filter(object__content_type=content_type, path=old_field).update(
        path=new_field, field_path=new_field, path_id=uuid.uuid5(CONTEXT_PATH_NS, new_field)
    )

    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    ReferenceIndex.objects.using(using).filter(base_content_type=content_type, model_path=old_field).update(
        model_path=new_field,
        content_path=new_field,
        content_path_hash=uuid.uuid5(REFERENCE_PATH_NS, new_field),
    )


def clear_content_type_cache():
    # The running process may have remembered network's type (tests migrate and go on).
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    using = schema_editor.connection.alias
    old, new = apps.get_model("network", "PartnerQuote"), apps.get_model("home", "PartnerQuote")
    copy_rows(old, new, "network", "page", using)
    reset_sequence(new, schema_editor.connection)
    relabel(apps, using, "network", "home", "network", "page")
    clear_content_type_cache()


def backwards(apps, schema_editor):
    # The rows went back into network's table in the reverse of 0006; the home table goes with 0004.
    relabel(apps, schema_editor.connection.alias, "home", "network", "page", "network")
    clear_content_type_cache()


class Migration(migrations.Migration):

    dependencies = [
        ("network", "0004_network_onboarding"),
        ("home", "0004_partnerquote"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]
    run_before = [("home", "0005_featured_quote_from_home")]

    operations = [migrations.RunPython(forwards, backwards)]
