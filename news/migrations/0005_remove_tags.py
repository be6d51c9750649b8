from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_tags_to_topics"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="newspage",
            name="tags",
        ),
        migrations.DeleteModel(
            name="NewsPageTag",
        ),
    ]
