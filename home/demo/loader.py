"""The demo loader: builds an app's ``fixtures/demo/*.yaml`` into pages, snippets, images and documents.

Each file holds a list of objects, built in file-name order and then in the order written:

    - model: news.NewsPage           # the model's label
      key: flying-start              # stable name that later objects refer to
      parent: news-index             # pages: the parent's key; `site` is the default site's root page,
                                     # `root` the tree's root (a language's home page)
      date: 2012-06-01               # fields beside nl/en/de are the same in every language
      lead_image: wehl
      nl: {title: ..., slug: ...}    # the Dutch object, found again by its slug (pages) or `lookup`
      en: {title: ..., slug: ...}    # en and de become its translations, made as editors make them

A foreign key or chooser block takes a key or a lookup of an object made elsewhere (``{slug: overheid}``);
in a translation it points at that object's translation. A many-to-many field takes a list of those, a
child relation (an InlinePanel) a list of rows, a StreamField a list of ``{block_type: value}``, tags a
list of names, and a rich text block or field may be a list of paragraphs; a stream entry's ``id: name``
gives that block a stable id (a page anchor that outlives a reload), and a ListBlock's items get ids, as
an editor's save gives them. Anywhere in an object, ``{nl: ..., en: ..., de: ...}`` is a value written
side by side per language. ``!today +14`` is the date 14 days from the day of loading, ``!today +14
07:30`` that time of day; a date and time without zone (``2012-05-31 07:30:00``) is in the site's time
zone, as an editor enters it.

A page under ``root`` takes the place of Wagtail's initial page of the same slug; with ``site: <name>``
it becomes the root of the default site, at the address of ``SITE_BASE_URL``. What cannot be given
when an object is made, such as a link to a page made after it, comes in a later item
``fill: <key>`` with the fields to give the object (and its translations) where they are empty. An
item of a site setting's model (``model: home.SiteSettings``) fills the default site's settings so.

Only what is missing is created, only empty fields are filled (see ``home.demo``): a second run, or
one after editors' changes, changes nothing. Snippets are found by their ``lookup`` fields (``slug``
when not given), images and documents by title.
"""

import datetime
import uuid
from functools import cached_property
from pathlib import Path

import yaml
from django.apps import apps
from django.utils import timezone
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site, TranslatableMixin

from home.demo import (
    LANGUAGES,
    demo_document,
    demo_image,
    ensure_locales,
    fill_empty,
    make_way,
    root_page,
    serve_as_default_site,
    site_root,
    translated_page,
    translated_snippet,
)

FIXTURES = Path("fixtures") / "demo"
OWN_KEYS = {"model", "key", "parent", "lookup", "publish", "site", "fill", *LANGUAGES}
# Named block ids are uuid5 in this namespace: the one the session report's anchors were made with.
BLOCK_IDS = uuid.UUID("6f0b7c1e-2f41-4d7a-9a8e-5e2b8c1d2012")


class DemoYamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML with ``!today <days>``, since an upcoming session must stay upcoming."""


def today(loader, node):
    """``!today +21`` is a date, ``!today +21 07:30`` a date and time in the site's time zone."""
    days, *clock = (loader.construct_scalar(node) or "0").split()
    day = timezone.localdate() + datetime.timedelta(days=int(days))
    if not clock:
        return day
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(clock[0])))


DemoYamlLoader.add_constructor("!today", today)


def in_language(raw, code):
    """``raw`` with every ``{nl: ..., en: ..., de: ...}`` in it replaced by its ``code`` value."""
    if isinstance(raw, dict):
        if raw.keys() == set(LANGUAGES):
            return in_language(raw[code], code)
        return {name: in_language(value, code) for name, value in raw.items()}
    if isinstance(raw, list):
        return [in_language(value, code) for value in raw]
    return raw


def paragraphs(texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def fixture_files(app_config):
    return sorted((Path(app_config.path) / FIXTURES).glob("*.yaml"))


def load_app(app_config, loader, keys=None):
    """Build the demo objects of one app with ``loader`` (one per run: keys hold across apps).

    ``keys`` limits it to the items of those keys.
    """
    for path in fixture_files(app_config):
        with path.open(encoding="utf-8") as stream:
            for item in yaml.load(stream, Loader=DemoYamlLoader) or []:  # noqa: S506 - a safe loader
                if keys is None or item.get("key") in keys:
                    loader.build(item)


def build_items(app_label, *keys):
    """Only the items ``keys`` of an app's demo data, for tests: ``{key: {language code: object}}``."""
    loader = Loader()
    load_app(apps.get_app_config(app_label), loader, keys)
    return {key: loader.objects[key] for key in keys}


class Loader:
    def __init__(self):
        # key -> {language code: object}; lookups are remembered in the same form
        self.objects = {}
        self.found = {}

    @cached_property
    def locales(self):
        return ensure_locales()

    def build(self, item):
        if "fill" in item:
            objects = self.objects[item["fill"]]
            fill_empty(objects, self.content(type(objects["nl"]), item, objects))
            return
        model = apps.get_model(item["model"])
        if issubclass(model, BaseSiteSetting):
            objects = {"nl": model.for_site(Site.objects.get(is_default_site=True))}
            fill_empty(objects, self.content(model, item, objects))
            return
        if item["key"] in self.objects:
            raise ValueError(f"Demo key {item['key']!r} is used twice")
        if issubclass(model, AbstractImage):
            drawing = item.get("drawing", {})
            built = demo_image(
                item["title"],
                colour=tuple(drawing.get("colour", (20, 83, 45))),
                seed=drawing.get("seed", 0),
                size=tuple(drawing.get("size", (1200, 800))),
                alt=item.get("description", ""),
            )
        elif issubclass(model, AbstractDocument):
            built = demo_document(item["title"], item["pdf"]["filename"], item["pdf"]["lines"])
        else:
            content = self.content(model, item, item)
            # A new object cannot take tags (a taggable manager) as a field: they are filled in after.
            tagged = [field.name for field in model._meta.get_fields() if isinstance(field, TaggableManager)]
            tags = {
                code: {name: fields.pop(name) for name in tagged if name in fields}
                for code, fields in content.items()
            }
            publish = item.get("publish", True)
            if issubclass(model, Page):
                built = self.page(model, item, content, publish)
            else:
                lookup = {name: content["nl"].pop(name) for name in item.get("lookup", ["slug"])}
                built = translated_snippet(model, lookup, content, publish=publish)
            if any(tags.values()):
                fill_empty(built, tags, publish=publish)
        self.objects[item["key"]] = built if isinstance(built, dict) else {"nl": built}

    def page(self, model, item, content, publish):
        if item["parent"] == "root":
            parent = root_page()
            make_way(parent, content["nl"]["slug"])
        else:
            parent = site_root() if item["parent"] == "site" else self.objects[item["parent"]]["nl"]
        pages = translated_page(parent, model, content, publish=publish)
        if "site" in item:
            serve_as_default_site(pages["nl"], item["site"])
        return pages

    def content(self, model, item, languages):
        """The field values of ``item`` in each language of ``languages``."""
        return {code: self.fields(model, item, code) for code in LANGUAGES if code in languages}

    def fields(self, model, item, code):
        """The field values of ``item`` in one language, references resolved in that language."""
        raw = {name: value for name, value in item.items() if name not in OWN_KEYS}
        raw.update(item.get(code, {}))
        return {name: self.value(model, name, in_language(value, code), code) for name, value in raw.items()}

    def value(self, model, name, raw, code):
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            return self.stream(field.stream_block, raw, code)
        if isinstance(raw, datetime.datetime) and timezone.is_naive(raw):
            return timezone.make_aware(raw)
        if field.many_to_one or field.one_to_one:
            return self.ref(field.related_model, raw, code)
        if isinstance(field, TaggableManager):
            return raw
        if isinstance(field, RichTextField) and isinstance(raw, list):
            return paragraphs(raw)
        if field.many_to_many:
            return [self.ref(field.related_model, each, code) for each in raw]
        if field.one_to_many:  # a child relation: rows of the related model, in their order
            child = field.related_model
            rows = [{key: self.value(child, key, value, code) for key, value in row.items()} for row in raw]
            ordered = any(f.name == "sort_order" for f in child._meta.get_fields())
            return [
                child(**row, **({"sort_order": order} if ordered else {})) for order, row in enumerate(rows)
            ]
        return raw

    def ref(self, model, raw, code):
        """The object a key or lookup names, in language ``code`` where it has a translation."""
        if raw is None:
            return None
        if isinstance(raw, str):
            by_code = self.objects[raw]
        else:
            frozen = (model._meta.label, tuple(sorted(raw.items())))
            if frozen not in self.found:
                if issubclass(model, TranslatableMixin):
                    dutch = model.objects.get(locale=self.locales["nl"], **raw)
                    self.found[frozen] = {"nl": dutch}
                    for other in LANGUAGES[1:]:
                        self.found[frozen][other] = dutch.get_translation_or_none(self.locales[other])
                else:
                    self.found[frozen] = {"nl": model.objects.get(**raw)}
            by_code = self.found[frozen]
        return by_code.get(code) or by_code["nl"]

    def stream(self, block, raw, code):
        """Raw StreamField data for ``raw``, with keys turned into primary keys."""
        if isinstance(block, blocks.StreamBlock):
            items = []
            for entry in raw:
                named = {"id": str(uuid.uuid5(BLOCK_IDS, entry["id"]))} if "id" in entry else {}
                ((block_type, value),) = ((name, value) for name, value in entry.items() if name != "id")
                items.append(
                    {"type": block_type, "value": self.stream(block.child_blocks[block_type], value, code)}
                    | named
                )
            return items
        if isinstance(block, blocks.StructBlock):
            return {
                name: self.stream(block.child_blocks[name], value, code)
                if name in block.child_blocks
                else value
                for name, value in raw.items()
            }
        if isinstance(block, blocks.ListBlock):
            items = [self.stream(block.child_block, value, code) for value in raw]
            return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in items]
        if isinstance(block, blocks.ChooserBlock) and raw is not None and not isinstance(raw, int):
            return self.ref(block.target_model, raw, code).pk
        if isinstance(block, blocks.RichTextBlock) and isinstance(raw, list):
            return paragraphs(raw)
        return raw
