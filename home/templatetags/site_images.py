"""Wagtail's ``image``, ``srcset_image`` and ``picture`` tags, with their filters parsed once per process.

Wagtail's tags build new ``Filter`` objects on every render, and a filter parses its spec (through
``inspect``, for every operation) each time it is asked for a rendition's cache key: for a news card's
nine AVIF/WebP/JPEG sizes that was about half of the card's time. A filter holds nothing but its spec
and the parsed operations, so one shared object per spec gives the same renditions and the same markup.
Templates load this library instead of ``wagtailimages_tags``.
"""

from functools import lru_cache

from django import template
from wagtail.images.models import Filter
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


@lru_cache(maxsize=256)
def shared_filter(spec):
    return Filter(spec=spec)


@lru_cache(maxsize=256)
def shared_filters(specs):
    """The filters of a multi-rendition tag's specs (``fill-{a,b}`` expanded), in the tag's order."""
    return tuple(shared_filter(spec) for spec in Filter.expand_spec(list(specs)))


class ImageNode(wagtailimages_tags.ImageNode):
    def get_filter(self):
        return shared_filter("|".join(self.filter_specs))


class SrcsetImageNode(wagtailimages_tags.SrcsetImageNode):
    def get_filters(self):
        return shared_filters(tuple(self.filter_specs))


class PictureNode(wagtailimages_tags.PictureNode):
    def get_filters(self):
        return shared_filters(tuple(self.filter_specs))


NODES = {
    wagtailimages_tags.ImageNode: ImageNode,
    wagtailimages_tags.SrcsetImageNode: SrcsetImageNode,
    wagtailimages_tags.PictureNode: PictureNode,
}


def image(parser, token):
    """Wagtail's parsing and checks of the tag, then the node that shares its filters."""
    node = wagtailimages_tags.image(parser, token)
    return NODES[type(node)](
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
