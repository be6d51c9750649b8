# Partner quotes move from network to home (issue 12): home may not name a feature app. This
# makes the new, empty table; network's migration 0005 moves the rows, their content type and what
# hangs on it into it, and home's 0005 points the home page's featured quote here.

import django.db.models.deletion
import modelsearch.index
import uuid
import wagtail.fields
import wagtail.models.preview
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_dutch_names_for_wagtails_defaults'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PartnerQuote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('person_name', models.CharField(max_length=120, verbose_name='name')),
                ('role', models.CharField(blank=True, max_length=160, verbose_name='role')),
                ('organisation', models.CharField(blank=True, max_length=160, verbose_name='organisation')),
                ('quote', models.TextField(max_length=1000, verbose_name='quote')),
                ('link', models.URLField(blank=True, help_text="For example the organisation's website.", verbose_name='link')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('page', models.ForeignKey(blank=True, help_text="Shown on this page, for example a network's entry in the directory.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='partner_quotes', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='shown on page')),
                ('photo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='photo')),
            ],
            options={
                'verbose_name': 'partner quote',
                'verbose_name_plural': 'partner quotes',
                'ordering': ['person_name'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
            bases=(wagtail.models.preview.PreviewableMixin, modelsearch.index.Indexed, models.Model),
        ),
    ]
