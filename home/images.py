"""The image sizes and formats the site shows, and making them ahead of time.

Every template that shows a library image uses one of the spec lists below, spelled exactly as the
template tag expands it (``fill-{a,b}|format-{x,y}`` becomes one rendition per combination, in that
order). The renditions are made once, by a task when an image is saved or a page published, and by
``manage.py generate_renditions`` for what is already there, so that a page never encodes AVIF while a
visitor waits, and lists can prefetch exactly these specs.
"""

import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published

logger = logging.getLogger(__name__)

# AVIF first, WebP second, JPEG as the fallback <img> (the order of the <source> elements is Wagtail's).
FORMATS = "format-{avif,webp,jpeg}"


def expand(*specs):
    """The rendition specs a ``{% picture %}``/``{% srcset_image %}`` tag with these arguments uses."""
    return tuple(Filter.expand_spec(list(specs)))


# templates/blocks/image_block.html: the width of the text column, up to twice for sharp screens.
IMAGE_BLOCK_SPECS = expand("width-{400,800,1200}", FORMATS)
# templates/blocks/gallery_block.html: thumbnails in a grid of ~11rem columns, and the linked full size.
GALLERY_THUMBNAIL_SPECS = expand("fill-{240x180,480x360}", FORMATS)
GALLERY_FULL_SPEC = "max-1600x1200"
GALLERY_SPECS = (*GALLERY_THUMBNAIL_SPECS, GALLERY_FULL_SPEC)
# The lead image of a news page: above the fold on its page (templates/news/news_page.html), as wide as
# the text column, and the same files on the news cards once lists prefetch them (NEWS_CARD_SPECS).
NEWS_LEAD_SPECS = expand("fill-{400x225,640x360,1200x675}", FORMATS)
NEWS_CARD_SPECS = NEWS_LEAD_SPECS
# The share image of a news page (og:image) stays one plain file that every crawler reads.
NEWS_SHARE_SPEC = "fill-1200x630"
# templates/includes/partner_quote.html: a 3rem round portrait.
QUOTE_PHOTO_SPECS = expand("fill-{48x48,96x96}", FORMATS)
# templates/network/*.html: logos keep their own format (often PNG with transparency), 1x and 2x.
NETWORK_LOGO_SPECS = expand("max-{160x120,320x240}")

ALL_SPECS = tuple(
    dict.fromkeys(
        (
            *IMAGE_BLOCK_SPECS,
            *GALLERY_SPECS,
            *NEWS_LEAD_SPECS,
            NEWS_SHARE_SPEC,
            *QUOTE_PHOTO_SPECS,
            *NETWORK_LOGO_SPECS,
        )
    )
)


# Which specs a use of an image needs, by the end of its path in the reference index
# ("lead_image", "body.gallery.images.item.image", ...). Only the uses an image has are made: making
# all of them takes ~3 s per image (AVIF is most of it), the uses of a demo image about a third.
USES = (
    ("lead_image", (*NEWS_LEAD_SPECS, NEWS_SHARE_SPEC)),
    ("gallery.images.item.image", GALLERY_SPECS),
    ("image.image", IMAGE_BLOCK_SPECS),
    ("photo", QUOTE_PHOTO_SPECS),
    ("logo", NETWORK_LOGO_SPECS),
)


def specs_for_path(model_path):
    for suffix, specs in USES:
        if model_path == suffix or model_path.endswith("." + suffix):
            return specs
    return ALL_SPECS  # a use this list does not know yet: make everything rather than miss one


def specs_for_paths(model_paths):
    return tuple(dict.fromkeys(spec for path in sorted(model_paths) for spec in specs_for_path(path)))


def specs_for_image(image):
    """The specs of the uses the reference index knows; all of them for an image not used yet."""
    paths = set(ReferenceIndex.get_references_to(image).values_list("model_path", flat=True))
    # A new upload is about to be used, and nobody knows where yet.
    return specs_for_paths(paths) if paths else ALL_SPECS


def generate_renditions(image, specs=None):
    """Make the missing renditions of ``image`` in one go; when they all exist this costs two queries."""
    return image.get_renditions(*(specs or specs_for_image(image)))


@task()
def generate_image_renditions(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return "gone"
    try:
        generate_renditions(image)
    except (OSError, ValueError) as error:
        # A broken upload must not fail the save; the page then renders the renditions it can.
        logger.warning("Renditions of image %s failed: %s", image_id, error)
        return "failed"
    return "done"


@task()
def generate_page_renditions(page_id):
    """The renditions of the images a published page shows, for a library image used in a new place."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return "gone"
    page = page.specific
    # Wagtail updates the index of a saved page from its own task; this one must not run before it.
    ReferenceIndex.create_or_update_for_object(page)
    image_model = get_image_model()
    references = ReferenceIndex.get_references_for_object(page).filter(
        to_content_type=ContentType.objects.get_for_model(image_model)
    )
    paths = defaultdict(set)
    for image_id, model_path in references.values_list("to_object_id", "model_path"):
        paths[image_id].add(model_path)
    for image in image_model.objects.filter(pk__in=paths):
        try:
            generate_renditions(image, specs_for_paths(paths[str(image.pk)]))
        except (OSError, ValueError) as error:
            logger.warning("Renditions of image %s failed: %s", image.pk, error)
    return "done"


def _enqueue_on_image_save(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures and restores
        return
    image_id = instance.pk
    transaction.on_commit(lambda: generate_image_renditions.enqueue(image_id))


def _enqueue_on_publish(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: generate_page_renditions.enqueue(page_id))


def connect_signals():
    """A new or changed image (file or focal point) and a published page get renditions from the queue."""
    image_model = getattr(settings, "WAGTAILIMAGES_IMAGE_MODEL", "wagtailimages.Image")
    post_save.connect(_enqueue_on_image_save, sender=image_model, dispatch_uid="home.images.image_saved")
    page_published.connect(_enqueue_on_publish, dispatch_uid="home.images.page_published")
