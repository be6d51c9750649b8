# The quotes live in home now (see 0005); their old table goes.

from django.db import migrations

import importlib

move = importlib.import_module("network.migrations.0005_partnerquote_moves_to_home")


def back_into_network(apps, schema_editor):
    # Reverse only: before home 0005 points the featured quote back here, the rows must be here.
    using = schema_editor.connection.alias
    old, new = apps.get_model("network", "PartnerQuote"), apps.get_model("home", "PartnerQuote")
    NetworkPage = apps.get_model("network", "NetworkPage")
    network_pages = set(NetworkPage.objects.using(using).values_list("pk", flat=True))
    # The old link could only name a network's page.
    move.copy_rows(new, old, "page", "network", using, keep_link=network_pages.__contains__)
    move.reset_sequence(old, schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("network", "0005_partnerquote_moves_to_home"),
        ("home", "0005_featured_quote_from_home"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, back_into_network),
        migrations.DeleteModel(name="PartnerQuote"),
    ]
