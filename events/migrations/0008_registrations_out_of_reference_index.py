from django.db import migrations


def forget_registrations(apps, schema_editor):
    # Registrations and their mails are no longer in Wagtail's reference index (they are not
    # content); the rows indexed before would keep showing as usages of their session.
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    types = ContentType.objects.filter(app_label="events", model__in=["registration", "registrationmail"])
    ReferenceIndex.objects.filter(base_content_type__in=types).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_one_document_block"),
        ("wagtailcore", "0078_referenceindex"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forget_registrations, migrations.RunPython.noop)]
