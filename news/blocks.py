"""Blocks that only news pages use: image gallery and video."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from home.blocks import BaseStreamBlock, GalleryBlock


class VideoBlock(blocks.StructBlock):
    """A video from YouTube, Vimeo or another oEmbed provider, with a link as fallback."""

    video = EmbedBlock(
        label=_("Video address"),
        help_text=_("The address of the video page, for example on YouTube or Vimeo."),
    )
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("Names the video for screen readers and as link text.")
    )
    caption = blocks.CharBlock(label=pgettext_lazy("image", "Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        description = _("An embedded video with a caption.")


class NewsStreamBlock(BaseStreamBlock):
    """The body of a news page: the shared blocks plus gallery and video."""

    gallery = GalleryBlock()
    video = VideoBlock()
