"""Building blocks for `load_demo_content`: idempotent creation of translated pages and snippets.

Every function looks its object up by a stable key first and only creates what is missing, so the
command can run any number of times and never overwrites what editors changed afterwards. The data
loader (``home.demo.loader``) builds the apps' ``fixtures/demo/*.yaml`` with these.
"""

import copy
import io
import random
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test.utils import override_settings
from modelcluster.models import get_all_child_relations
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Locale, Page, Site, TranslatableMixin

from home.translations import hold_existing

LANGUAGES = ("nl", "en", "de")
# The hosts of a development site record, which the demo loader may move to another port.
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


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
            fill_translation(page, translation, content[code])
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


def fill_translation(source, translation, fields):
    """Set ``fields`` on a fresh copy of ``source``, keeping what pairs the copy with its source.

    StreamField blocks take the ids of the source's blocks at the same place, and child objects (an
    InlinePanel's rows) the translation keys of the rows that the copy made, as wagtail-localize's
    own translations have them: the translation of each block and row is then known.
    """
    streams = {field.name for field in translation._meta.get_fields() if isinstance(field, StreamField)}
    relations = {relation.get_accessor_name(): relation for relation in get_all_child_relations(translation)}
    for name, value in fields.items():
        if name in streams and isinstance(value, list):
            value = copy.deepcopy(value)
            share_block_ids(getattr(source, name).get_prep_value(), value)
        elif name in relations and issubclass(relations[name].related_model, TranslatableMixin):
            copied = list(getattr(translation, name).all())
            if len(copied) == len(value):
                for row, old in zip(value, copied, strict=True):
                    row.pk, row.translation_key, row.locale_id = old.pk, old.translation_key, old.locale_id
        setattr(translation, name, value)


def share_block_ids(source, target):
    """Give the blocks in ``target`` (raw stream data) the ids of the same blocks in ``source``."""
    if isinstance(source, list) and isinstance(target, list):
        for source_item, target_item in zip(source, target, strict=False):
            if isinstance(source_item, dict) and isinstance(target_item, dict) and "type" in source_item:
                if source_item["type"] != target_item.get("type"):
                    continue
                if source_item.get("id"):
                    target_item["id"] = source_item["id"]
                share_block_ids(source_item.get("value"), target_item.get("value"))
            else:
                share_block_ids(source_item, target_item)
    elif isinstance(source, dict) and isinstance(target, dict):
        for key in source.keys() & target.keys():
            share_block_ids(source[key], target[key])


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
            fill_translation(obj, translation, content[code])
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


def demo_document(title, filename, lines):
    """A document whose file is a one-page PDF of ``lines``, stored once under ``title``."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        data = minimal_pdf(lines)
        # The size is shown next to a download link; the admin's upload form sets it, plain code must.
        document = Document(title=title, file_size=len(data))
        document.file.save(filename, ContentFile(data), save=False)
        document.save()
    return document


def minimal_pdf(lines):
    """A one-page PDF with plain text lines (Helvetica), so the demo needs no PDF library."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = "BT /F1 12 Tf 56 780 Td 16 TL " + " ".join(f"({escape(line)}) '" for line in lines) + " ET"
    stream = text.encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        output += f"{offset:010d} 00000 n \n".encode()
    output += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(output)


def site_root():
    """The Dutch home page of the default site (created by the home demo content)."""
    return Site.objects.get(is_default_site=True).root_page.specific


def root_page():
    """The root of the page tree; a flushed database (transactional tests) has none."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=ensure_locales()["nl"]))
    return root


def make_way(parent, slug):
    """Delete a plain page called ``slug`` under ``parent``: Wagtail's initial "Welcome" page.

    Its Site goes with it; :func:`serve_as_default_site` makes the site again.
    """
    Page.objects.child_of(parent).filter(slug=slug, content_type__app_label="wagtailcore").delete()


def serve_as_default_site(page, site_name):
    """Make ``page`` the root of the default site, at the address of ``SITE_BASE_URL``.

    Full URLs (sitemap, feeds, canonical links outside a request) are built from the Site record: it
    must name the public address, not Wagtail's default localhost:80.
    """
    address = urlsplit(settings.SITE_BASE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname, port=port, root_page=page, is_default_site=True, site_name=site_name
        )
        return
    changed = site.root_page_id != page.pk
    site.root_page = page
    # A record still on a loopback address was made by an earlier demo run, perhaps on another
    # port (`PORT=8080 make run`): it follows SITE_BASE_URL. A real host set by the operator stays.
    if site.hostname in LOOPBACK_HOSTS and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        changed = True
    if changed:
        site.save()


def fill_empty(objects, content, *, publish=True):
    """Give ``objects`` (``{code: object}``) the values of ``content`` (``{code: fields}``) for the
    fields they have empty, and publish them; a value an editor gave is never replaced.

    For what cannot be given when the object is made: a link to a page made later, tags.
    """
    for code, obj in objects.items():
        # Fresh from the database: a stale copy would write back an old child count on publish.
        obj.refresh_from_db()
        changed = False
        for name, value in content.get(code, {}).items():
            field = obj._meta.get_field(name)
            if not _is_empty(obj, field):
                continue
            if field.many_to_many:  # a taggable manager is one too
                getattr(obj, name).set(value)
            elif isinstance(field, StreamField) and code != "nl" and "nl" in objects:
                value = copy.deepcopy(value)
                share_block_ids(getattr(objects["nl"], name).get_prep_value(), value)
                setattr(obj, name, value)
            else:
                setattr(obj, name, value)
            changed = True
        if not changed:
            continue
        if not (publish and isinstance(obj, DraftStateMixin)):
            obj.save()  # a draft's row holds what its revision holds, as Wagtail's create view leaves it
        if isinstance(obj, DraftStateMixin):
            revision = obj.save_revision()
            if publish:
                revision.publish()


def _is_empty(obj, field):
    if field.many_to_many or field.one_to_many:
        return not list(getattr(obj, field.name).all())
    value = getattr(obj, field.attname)
    return value is None or value == "" or (isinstance(value, StreamValue) and not len(value))


# (role, username, password) of the demo accounts, filled by the apps' demo_content modules so
# `print_demo_logins` can show them; dev settings only.
DEMO_LOGINS = []


def register_demo_login(role, username, password):
    if (role, username, password) not in DEMO_LOGINS:
        DEMO_LOGINS.append((role, username, password))


_parts = {}


def register_demo_content(name, order):
    """Add an app's part to `load_demo_content` (called from the app's ``ready()``).

    ``name`` is the app, whose ``fixtures/demo/*.yaml`` the data loader builds, or a module of it
    with a ``load(command)`` function for what data cannot say. Parts load by ``order``, lowest
    first: later parts refer to pages and snippets of earlier ones, and it is the order of the pages
    in the menu.
    """
    _parts[name] = order


def demo_content_parts():
    """The registered parts' names, in loading order."""
    return sorted(_parts, key=_parts.get)
