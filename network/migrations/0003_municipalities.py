from django.db import migrations

# The eight municipalities of the Achterhoek; their names are the same in every language.
MUNICIPALITIES = [
    ("Aalten", "aalten"),
    ("Berkelland", "berkelland"),
    ("Bronckhorst", "bronckhorst"),
    ("Doetinchem", "doetinchem"),
    ("Montferland", "montferland"),
    ("Oost Gelre", "oost-gelre"),
    ("Oude IJsselstreek", "oude-ijsselstreek"),
    ("Winterswijk", "winterswijk"),
]


def add_municipalities(apps, schema_editor):
    Municipality = apps.get_model("network", "Municipality")
    for name, slug in MUNICIPALITIES:
        Municipality.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("network", "0002_network_directory")]

    operations = [migrations.RunPython(add_municipalities, migrations.RunPython.noop)]
