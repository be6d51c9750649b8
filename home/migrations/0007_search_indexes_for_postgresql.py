"""Two indexes on Wagtail's own tables that its PostgreSQL search needs once a site has thousands of pages.

Wagtail's database search backend filters on ``title || body`` (one expression over the two vectors
of an index entry, which its GIN indexes on each column cannot answer) and joins each entry to its
page on ``page.id::varchar = entry.object_id``, which the page's primary key cannot answer either.
At 10,000 news items a search read every entry and hash-joined every page, and PostgreSQL could
pick a nested loop over all pages per match (seconds). The expression indexes answer exactly those
two expressions. SQLite's search backend has its own tables: nothing to do there.
"""

from django.db import migrations

TITLE_BODY = "home_search_title_body"
PAGE_ID_TEXT = "home_page_id_as_text"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TITLE_BODY} ON wagtailsearch_indexentry USING gin ((title || body))"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {PAGE_ID_TEXT} ON wagtailcore_page (((id)::varchar(50)::text))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_BODY}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {PAGE_ID_TEXT}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_one_document_block"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
