"""Two indexes on Wagtail's page table for pages walked in an order, once a site has thousands.

- ``first_published_at DESC NULLS LAST, id DESC``: a search for a word in more pages than are ranked
  lists them newest first (``news.views``), in the same order on every database (pages without a
  publication date last). PostgreSQL walks the pages in that order and stops once a page of results
  is full; Wagtail's index on ``first_published_at`` serves ``NULLS FIRST`` only, and the walk would
  become a sort of every page.
- ``depth, path``: a page's children (``depth = n AND path BETWEEN …``), as the menu asks for the
  home page's. With 10,000 news items under it PostgreSQL read the whole table for the menu's four
  pages (3 ms, on the first request after every publication); Wagtail indexes ``path`` alone.

SQLite's search backend sorts its few matches itself, and its tables stay small: nothing to do there.
"""

from django.db import migrations

INDEXES = {
    "home_page_newest_first": "wagtailcore_page (first_published_at DESC NULLS LAST, id DESC)",
    "home_page_children": "wagtailcore_page (depth, path)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("home", "0007_search_indexes_for_postgresql")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
