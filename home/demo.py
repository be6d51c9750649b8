"""Building blocks for `load_demo_content`: idempotent creation of translated pages and snippets.

Every function looks its object up by a stable key first and only creates what is missing, so the
command can run any number of times and never overwrites what editors changed afterwards.
"""

import io
import random

from django.core.files.images import ImageFile
from django.test.utils import override_settings
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.translations import hold_existing

LANGUAGES = ("nl", "en", "de")


def ensure_locales():
    """The three locales, keyed by language code."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def translated_page(parent, model, content, *, publish=True):
    """Create ``model`` under ``parent`` (the Dutch page) with translations, unless it exists.

    ``content`` maps a language code to the page's field values, ``slug`` and ``title`` included;
    ``nl`` is required, ``en`` and ``de`` become translations of it. Returns ``{code: page}``.
    The Dutch page is found by its slug under ``parent``, translations by translation key.
    """
    locales = ensure_locales()
    parent = parent.specific
    dutch = content["nl"]
    page = model.objects.child_of(parent).filter(slug=dutch["slug"], locale=locales["nl"]).first()
    if page is None:
        page = model(**dutch)
        parent.add_child(instance=page)
        _publish(page, publish)
    pages = {"nl": page}
    for code in LANGUAGES[1:]:
        if code not in content:
            continue
        existing = page.get_translation_or_none(locales[code])
        if existing is None:
            translation = page.copy_for_translation(locales[code], copy_parents=True).specific
            for field, value in content[code].items():
                setattr(translation, field, value)
            # A new translation never had its copied slug in public, so no redirect from it.
            with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False):
                translation.save()
                _publish(translation, publish)
            existing = translation
        pages[code] = existing.specific
        hold(page, pages[code])
    return pages


def hold(source, translation):
    """Hand the translation to wagtail-localize with its own text, as an editor's translation is held.

    The first editorial "Translate" or "Sync" then keeps it instead of rewriting it from the Dutch.
    """
    unpaired = hold_existing(source, translation)
    if unpaired:
        raise ValueError(f"{translation!r} has another shape than {source!r} at {', '.join(unpaired)}")


def _publish(page, publish):
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()


def translated_snippet(model, lookup, content, *, publish=True):
    """Create a translatable snippet in nl with en and de translations, unless it exists.

    ``lookup`` are the fields that identify the Dutch object; ``content`` maps a language code to
    field values. Snippets with draft/publish get a published revision. Returns ``{code: object}``.
    """
    locales = ensure_locales()
    obj = model.objects.filter(locale=locales["nl"], **lookup).first()
    if obj is None:
        obj = model(locale=locales["nl"], **lookup, **content["nl"])
        _save_snippet(obj, publish)
    objects = {"nl": obj}
    for code in LANGUAGES[1:]:
        if code not in content:
            continue
        translation = obj.get_translation_or_none(locales[code])
        if translation is None:
            translation = obj.copy_for_translation(locales[code])
            for field, value in content[code].items():
                setattr(translation, field, value)
            _save_snippet(translation, publish)
        objects[code] = translation
        hold(obj, translation)
    return objects


def _save_snippet(obj, publish):
    has_drafts = hasattr(obj, "live") and hasattr(obj, "save_revision")
    if has_drafts:
        obj.live = False
    obj.save()
    if has_drafts:
        revision = obj.save_revision()
        if publish:
            revision.publish()
        obj.refresh_from_db()


def demo_image(title, *, colour=(20, 83, 45), seed=0, size=(1200, 800), alt=""):
    """An illustration drawn with Pillow (no download), stored once under ``title``."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw

    rng = random.Random(seed)  # noqa: S311 - a reproducible drawing, not security
    canvas = PILImage.new("RGB", size, (246, 244, 239))
    draw = ImageDraw.Draw(canvas)
    width, height = size
    for _ in range(14):
        radius = rng.randint(height // 12, height // 4)
        x, y = rng.randint(0, width), rng.randint(0, height)
        shade = tuple(min(255, channel + rng.randint(0, 90)) for channel in colour)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=shade)
    draw.rectangle((0, height - height // 6, width, height), fill=colour)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    filename = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")[:60] + ".png"
    image = Image(title=title, description=alt)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image


def site_root():
    """The Dutch home page of the default site (created by the home demo content)."""
    return Site.objects.get(is_default_site=True).root_page.specific


def root_page():
    return Page.get_first_root_node()


# (role, username, password) of the demo accounts, filled by the apps' demo_content modules so
# `print_demo_logins` can show them; dev settings only.
DEMO_LOGINS = []


def register_demo_login(role, username, password):
    if (role, username, password) not in DEMO_LOGINS:
        DEMO_LOGINS.append((role, username, password))
