"""StreamField blocks shared by every page type."""

import copy

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.images import GALLERY_SPECS


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline valid."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A heading that starts a new section of the page.")
        preview_value = {"text": "Meer werk voor zp'ers in de Achterhoek", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text with a limited, accessible set of features."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Text")
        description = _("Paragraphs of text with links and lists.")
        preview_value = "<p>Pr8werk brengt zelfstandige professionals en opdrachtgevers bij elkaar.</p>"


class ImageBlock(blocks.StructBlock):
    """An image with caption and credit; the alt text comes from the image library."""

    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=pgettext_lazy("image", "Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("A photo or illustration with an optional caption and credit.")


class GalleryImageChooserBlock(ImageChooserBlock):
    """Fetches the gallery's images with their renditions in two queries, however many there are."""

    def bulk_to_python(self, values):
        objects = self.model_class.objects.prefetch_renditions(*GALLERY_SPECS).in_bulk(
            [value for value in values if value is not None]
        )
        result = []
        seen = set()
        for pk in values:
            obj = objects.get(pk)
            if obj is not None and pk in seen:
                # The same photo twice: each use gets its own object, as separate queries would give.
                obj = copy.copy(obj)
            result.append(obj)
            seen.add(pk)
        return result


class GalleryImageBlock(blocks.StructBlock):
    """One photo of a gallery; the alt text comes from the image library."""

    image = GalleryImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=pgettext_lazy("image", "Caption"), required=False, max_length=250, default=""
    )

    class Meta:
        icon = "image"
        label = _("Photo")


def _gallery_preview(*_args):
    """The block picker's preview uses the newest images of the library, as there is no fixed one."""
    images = get_image_model().objects.order_by("-created_at")[:3]
    return {
        "title": "Foto's",
        "images": [{"image": image, "caption": image.title} for image in images],
        "credit": "",
    }


class GalleryBlock(blocks.StructBlock):
    """A set of photos shown as a grid of thumbnails that open the full-size photo.

    ``title_level="h3"`` shows the title as a heading, for bodies (reports) whose blocks are sections.
    """

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120, default="")
    images = blocks.ListBlock(GalleryImageBlock(), label=_("Photos"), min_num=1, max_num=40)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=120,
        default="",
        help_text=_("Photographer of the whole series."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["title_level"] = self.meta.title_level
        return context

    class Meta:
        icon = "image"
        template = "blocks/gallery_block.html"
        label = _("Image gallery")
        description = _("Several photos, for example of a session, shown as a grid.")
        help_text = _("The alt text of each photo comes from its description in the image library.")
        preview_value = _gallery_preview
        title_level = None


class QuoteBlock(blocks.StructBlock):
    """A quotation: pick a partner quote, or write one inline."""

    partner_quote = SnippetChooserBlock(
        "home.PartnerQuote",
        label=_("Partner quote"),
        required=False,
        help_text=_("Choose a quote from the partner quotes, or leave empty and write one below."),
    )
    text = blocks.TextBlock(label=_("Quote"), required=False, max_length=1000)
    attribution = blocks.CharBlock(
        label=_("Attribution"), required=False, max_length=200, help_text=_("Who said it, and in which role.")
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("partner_quote") and not value.get("text"):
            raise StructBlockValidationError(
                block_errors={"text": ValidationError(_("Choose a partner quote or write a quote."))}
            )
        return value

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation from a partner, speaker or participant.")
        preview_value = {
            "text": "Collectief staan we sterker om aandacht te vragen voor de groep zelfstandigen.",
            "attribution": "Henk Dijk, voorzitter ONZ Achterhoek",
        }


class CallToActionBlock(blocks.StructBlock):
    """A short invitation with one clear link, to a page or an address."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    link_page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    link_url = blocks.URLBlock(label=_("Or link to address"), required=False)
    link_label = blocks.CharBlock(label=_("Button text"), max_length=60)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("link_page") and not value.get("link_url"):
            raise StructBlockValidationError(
                block_errors={"link_page": ValidationError(_("Choose a page or enter an address."))}
            )
        return value

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("An invitation with a button, for example to sign up for a session.")
        preview_value = {
            "title": "Doe mee aan de volgende ontbijtsessie",
            "text": "Ontmoet opdrachtgevers uit de regio.",
            "link_url": "https://example.org/",
            "link_label": "Bekijk de agenda",
        }


def _document_preview(*_args):
    return {"document": get_document_model().objects.order_by("-created_at").first(), "title": ""}


class DocumentBlock(blocks.StructBlock):
    """A document to download: its title as the link, what it holds, its file type and size.

    The one document block of every page body: content pages, news and session reports.
    """

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document title."),
    )
    description = blocks.TextBlock(
        label=_("Description"),
        required=False,
        # Blocks stored before this field existed read as empty text, which translation can extract.
        default="",
        max_length=400,
        help_text=_("What the reader will find in the document."),
    )

    class Meta:
        icon = "download"
        template = "blocks/document_block.html"
        label = _("Document download")
        description = _("A report, presentation or flyer to download, with its file type and size.")
        help_text = _("Shown as a download card with the file type and size.")
        preview_value = _document_preview


class BaseStreamBlock(blocks.StreamBlock):
    """The body of a content page; other apps extend it with their own blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
