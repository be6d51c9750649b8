# After network's 0005 has moved the quotes here (same primary keys): the featured quote and the
# quote blocks point at home's PartnerQuote.

import django.db.models.deletion
import home.blocks
import wagtail.blocks
import wagtail.documents.blocks
import wagtail.fields
import wagtail.images.blocks
import wagtail.snippets.blocks
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_partnerquote'),
    ]

    operations = [
        migrations.AlterField(
            model_name='contentpage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 11), ('call_to_action', 17), ('document', 20)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3'), ('h4', 'Heading 4')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('home.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Credit', 'max_length': 120, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('credit', 6)]], {}), 8: ('wagtail.snippets.blocks.SnippetChooserBlock', ('home.PartnerQuote',), {'help_text': 'Choose a quote from the partner quotes, or leave empty and write one below.', 'label': 'Partner quote', 'required': False}), 9: ('wagtail.blocks.TextBlock', (), {'label': 'Quote', 'max_length': 1000, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who said it, and in which role.', 'label': 'Attribution', 'max_length': 200, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('partner_quote', 8), ('text', 9), ('attribution', 10)]], {}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Link to page', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or link to address', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'label': 'Button text', 'max_length': 60}), 17: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link_page', 14), ('link_url', 15), ('link_label', 16)]], {}), 18: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 19: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave empty to use the document title.', 'label': 'Link text', 'max_length': 200, 'required': False}), 20: ('wagtail.blocks.StructBlock', [[('document', 18), ('title', 19)]], {})}, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='homepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 11), ('call_to_action', 17), ('document', 20)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3'), ('h4', 'Heading 4')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('home.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Credit', 'max_length': 120, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('credit', 6)]], {}), 8: ('wagtail.snippets.blocks.SnippetChooserBlock', ('home.PartnerQuote',), {'help_text': 'Choose a quote from the partner quotes, or leave empty and write one below.', 'label': 'Partner quote', 'required': False}), 9: ('wagtail.blocks.TextBlock', (), {'label': 'Quote', 'max_length': 1000, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who said it, and in which role.', 'label': 'Attribution', 'max_length': 200, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('partner_quote', 8), ('text', 9), ('attribution', 10)]], {}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Link to page', 'required': False}), 15: ('wagtail.blocks.URLBlock', (), {'label': 'Or link to address', 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'label': 'Button text', 'max_length': 60}), 17: ('wagtail.blocks.StructBlock', [[('title', 12), ('text', 13), ('link_page', 14), ('link_url', 15), ('link_label', 16)]], {}), 18: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 19: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave empty to use the document title.', 'label': 'Link text', 'max_length': 200, 'required': False}), 20: ('wagtail.blocks.StructBlock', [[('document', 18), ('title', 19)]], {})}, verbose_name='more content'),
        ),
        migrations.AlterField(
            model_name='homepage',
            name='featured_quote',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.partnerquote', verbose_name='featured partner quote'),
        ),
    ]
