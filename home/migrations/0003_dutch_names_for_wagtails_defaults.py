"""Wagtail's migrations name their default groups, workflow, task and root collection in English;
the editors work in a Dutch admin. A name somebody already changed is left alone."""

from django.db import migrations

# (app label, model, Wagtail's name, the name the Dutch admin shows, which rows)
RENAMES = [
    ("auth", "Group", "Moderators", "Moderatoren", {}),
    ("auth", "Group", "Editors", "Redacteuren", {}),
    ("wagtailcore", "Workflow", "Moderators approval", "Goedkeuring door moderatoren", {}),
    ("wagtailcore", "Task", "Moderators approval", "Goedkeuring door moderatoren", {}),
    # The root collection, where uploads go unless an editor picks another one.
    ("wagtailcore", "Collection", "Root", "Algemeen", {"depth": 1}),
]


def rename(apps, schema_editor, *, forward=True):
    for app_label, model_name, english, dutch, rows in RENAMES:
        old, new = (english, dutch) if forward else (dutch, english)
        apps.get_model(app_label, model_name).objects.filter(name=old, **rows).update(name=new)


def to_english(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(rename, to_english)]
