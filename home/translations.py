"""Translations that wagtail-localize holds, and that translating something else never rewrites.

wagtail-localize's "Translate" (with the objects a page refers to, or with its subtree) creates a
``Translation`` row for every object it touches and then saves that object's translation from the
Dutch source and the translated strings it knows. For a translation that already exists (an English
sector, a partner quote, a child page) that rewrites it: with the Dutch text where wagtail-localize
has no strings (translations made by ``copy_for_translation``, as the demo loader does), and with the
Dutch source as it was when first translated for every other field.

Here, whenever wagtail-localize starts or resumes managing a translation that exists:

- ``hold_translation`` imports its own text as its StringTranslations, as if a translator had typed
  it, so that a later "Sync translated pages" of that object keeps it;
- the save that wagtail-localize makes right after is refused with a ValidationError, which its
  ``TranslationCreator`` swallows: the existing translation stays exactly as it was.

Translating the object itself again, syncing it after a Dutch edit, or a translator publishing from
wagtail-localize's editor saves no Translation row first, so those still update it.
"""

import logging
import threading
from collections import defaultdict

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.core.signals import request_finished
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.models import (
    String,
    StringTranslation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.models import Translation as LocalizeTranslation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

logger = logging.getLogger(__name__)

# Set while hold_existing makes the Translation itself, so that the signal does not hold it twice.
_holding = threading.local()


def _block_ids(source_raw, target_raw, mapping):
    """Map the target's StreamField block ids to the source's, wherever both have the same block."""
    if isinstance(source_raw, list) and isinstance(target_raw, list):
        for source_block, target_block in zip(source_raw, target_raw, strict=False):
            if not (isinstance(source_block, dict) and isinstance(target_block, dict)):
                continue
            if source_block.get("type") != target_block.get("type"):
                continue
            if source_block.get("id") and target_block.get("id"):
                mapping[target_block["id"]] = source_block["id"]
            _block_ids(source_block.get("value"), target_block.get("value"), mapping)
    elif isinstance(source_raw, dict) and isinstance(target_raw, dict):
        for key in source_raw.keys() & target_raw.keys():
            _block_ids(source_raw[key], target_raw[key], mapping)


def _strings_by_path(instance, block_ids=None):
    block_ids = block_ids or {}
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            path = ".".join(block_ids.get(part, part) for part in segment.path.split("."))
            strings[path].append(segment.string)
    return strings


def hold_translation(translation, target, user=None):
    """Store the text of ``target`` (the existing translation) as the StringTranslations of ``translation``.

    Strings pair by their place: the field, the StreamField block (matched by position and type, so
    the translation's own block ids do not matter) and their order inside it. Returns the paths that
    could not be paired (the translation has another shape there); wagtail-localize falls back to
    the source text for those.
    """
    source = translation.source
    original = source.as_instance()
    block_ids = {}
    for field in original._meta.get_fields():
        if isinstance(field, StreamField):
            _block_ids(
                field.value_from_object(original).get_prep_value(),
                field.value_from_object(target).get_prep_value(),
                block_ids,
            )
    translated = _strings_by_path(target, block_ids)
    unpaired = []
    now = timezone.now()
    for path, strings in _strings_by_path(original).items():
        texts = translated.get(path, [])
        if len(texts) != len(strings):
            unpaired.append(path)
            continue
        context, _ = TranslationContext.objects.get_or_create(object_id=source.object_id, path=path)
        for string, text in zip(strings, texts, strict=True):
            StringTranslation.objects.update_or_create(
                translation_of=String.from_value(source.locale, string),
                locale=translation.target_locale,
                context=context,
                defaults={
                    "data": text.data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                    "updated_at": now,
                    "has_error": False,
                    "field_error": "",
                },
            )
    return unpaired


def hold_existing(source_instance, target, user=None):
    """Make wagtail-localize manage ``target`` as the translation of ``source_instance``, keeping its text.

    For translations made outside wagtail-localize (the demo loader). Does nothing when it already
    manages them. Returns the unpaired paths, as ``hold_translation`` does.
    """
    source, _ = TranslationSource.get_or_create_from_instance(source_instance)
    if LocalizeTranslation.objects.filter(source=source, target_locale=target.locale_id).exists():
        return []
    _holding.active = True
    try:
        translation = LocalizeTranslation.objects.create(source=source, target_locale=target.locale)
    finally:
        _holding.active = False
    return hold_translation(translation, target, user)


def _keep_existing(sender, instance, created, raw=False, **kwargs):
    """wagtail-localize starts or resumes managing a translation: when it exists, hold it and keep it."""
    if raw or getattr(_holding, "active", False):
        return
    try:
        target = instance.source.get_translated_instance(instance.target_locale)
    except ObjectDoesNotExist:
        return  # a new translation: nothing to keep
    if created:
        unpaired = hold_translation(instance, target)
        if unpaired:
            logger.warning("Translation %s: no existing text held for %s", instance.pk, ", ".join(unpaired))
    _kept().add((target.translation_key, target.locale_id))


def _kept():
    if not hasattr(_holding, "kept"):
        _holding.kept = set()
    return _holding.kept


def _refuse_kept_save(sender, instance, raw=False, **kwargs):
    """Veto the save that follows: wagtail-localize's TranslationCreator saves each translation it
    manages right after its Translation row, and swallows a ValidationError from that save."""
    kept = getattr(_holding, "kept", None)
    if not kept or raw or not isinstance(instance, TranslatableMixin) or instance.pk is None:
        return
    key = (instance.translation_key, instance.locale_id)
    if key in kept:
        kept.discard(key)
        raise ValidationError({NON_FIELD_ERRORS: ["This translation exists already and is kept as it is."]})


def _forget_kept(**kwargs):
    # A Translation row saved without a save of its object after it (a restarted translation).
    _holding.kept = set()


def connect_signals():
    post_save.connect(_keep_existing, sender=LocalizeTranslation, dispatch_uid="home.keep_existing")
    pre_save.connect(_refuse_kept_save, dispatch_uid="home.refuse_kept_save")
    request_finished.connect(_forget_kept, dispatch_uid="home.forget_kept")
