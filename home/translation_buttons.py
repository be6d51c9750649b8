"""wagtail-localize's "Translate this page" and "Sync translated pages" in the page explorer and a
page's header, and its "Translate" and "Sync translated snippets" in the snippet listings, answered
by the listing's own query instead of two to four queries for every row it lists.

wagtail-localize adds both to each row's "More" menu through the ``register_page_listing_more_buttons``
hook and to a page's header through ``register_page_header_buttons``, and asks the database per page
whether a language is left to translate into and whether the page is the source of an enabled
translation: 100 to 200 queries for a page of 50 news items, four for a header.

Wagtail has no way to unregister a hook, so ``install`` swaps wagtail-localize's function in
Wagtail's hook registry (a private dict) for ``listing_more_buttons`` below, in the same place, and
for ``header_buttons`` (both answers in one query) in the header's; ``annotate_explorer_pages``, a
``construct_explorer_page_queryset`` hook, adds both answers to the explorer's query. Snippets the
same way: ``snippet_listing_buttons`` for ``register_snippet_listing_buttons``, the answers added by
``TranslatableSnippetViewSet``'s queryset. A page or snippet that comes without them (search
results, other listings) is handed to wagtail-localize's own function.
tests/home/test_translation_buttons.py compares that function and Wagtail's registry with the
versions this was written for, so an upgrade that changes either fails there, loudly.
"""

from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

HOOK = "register_page_listing_more_buttons"
HEADER_HOOK = "register_page_header_buttons"
REPLACED = localize_hooks.page_listing_more_buttons
SNIPPET_HOOK = "register_snippet_listing_buttons"
SNIPPET_REPLACED = localize_hooks.register_snippet_listing_buttons


def translation_answers(translations):
    """The two answers as annotations: ``translations`` of the model with the translation key, each
    filtered on the listed row's key; the row's source is kept under that model's content type
    (TranslatableObjectManager.get_for_instance)."""
    translated_into = translations.filter(translation_key=OuterRef(OuterRef("translation_key"))).values(
        "locale_id"
    )
    sync_source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        object__content_type=ContentType.objects.get_for_model(translations.model),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    ).values("pk")[:1]
    return {
        "_localize_untranslated": Exists(Locale.objects.exclude(id__in=translated_into)),
        "_localize_sync_source": Subquery(sync_source),
    }


def annotate_explorer_pages(parent_page, pages, request):
    """Per page: a language without a translation, and the translation source that can be synced.
    A page's translations are pages of any type (the key is Page's); an alias translates nothing."""
    return pages.annotate(**translation_answers(Page.objects.filter(alias_of__isnull=True)))


def listing_more_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's ``page_listing_more_buttons``, read from the annotations where present."""
    if not hasattr(page, "_localize_untranslated"):
        yield from REPLACED(page, user, view_name=view_name, next_url=next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if page._localize_untranslated:
        # An alias is translated from the page it is an alias of.
        url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
        yield Button(_("Translate this page"), url, priority=60, icon_name="wagtail-localize-language")
    if page._localize_sync_source is not None:
        url = reverse("wagtail_localize:update_translations", args=[page._localize_sync_source])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield Button(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def header_buttons(page, user, view_name=None, next_url=None):
    """The same buttons in the header of one page (explorer, editor): both answers in one query
    instead of wagtail-localize's four."""
    asks = not page.is_root() and user.has_perm("wagtail_localize.submit_translation")
    if asks and not hasattr(page, "_localize_untranslated"):
        one = annotate_explorer_pages(None, Page.objects.filter(pk=page.pk), None)
        answers = one.values("_localize_untranslated", "_localize_sync_source").first()
        if answers is not None:
            page._localize_untranslated = answers["_localize_untranslated"]
            page._localize_sync_source = answers["_localize_sync_source"]
    yield from listing_more_buttons(page, user, view_name=view_name, next_url=next_url)


def annotate_snippets(snippets):
    """Per snippet: a language without a translation, and the translation source that can be synced."""
    model = snippets.model.get_translation_model()
    return snippets.annotate(**translation_answers(model._default_manager.all()))


class TranslatableSnippetViewSet(SnippetViewSet):
    """A snippet listing whose rows bring their translation buttons' answers and their language with
    them (every listing of a translatable snippet shows its language)."""

    def get_queryset(self, request):
        snippets = super().get_queryset(request)
        if snippets is None:
            snippets = self.model._default_manager.all()
        return annotate_snippets(snippets.select_related("locale"))


def snippet_listing_buttons(snippet, user, next_url=None):
    """wagtail-localize's ``register_snippet_listing_buttons``, read from the annotations where present."""
    if not hasattr(snippet, "_localize_untranslated"):
        yield from SNIPPET_REPLACED(snippet, user, next_url=next_url)
        return
    if not isinstance(snippet, TranslatableMixin) or not user.has_perm("wagtail_localize.submit_translation"):
        return
    model = type(snippet)
    buttons = []  # (url, label, its aria-label, icon, priority), as wagtail-localize makes them
    if snippet._localize_untranslated:
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[model._meta.app_label, model._meta.model_name, quote(snippet.pk)],
        )
        label = pgettext("translation button", "Translate")
        aria_label = pgettext("translation button", "Translate '%(title)s'")
        buttons.append((url, label, aria_label, "wagtail-localize-language", 100))
    if snippet._localize_sync_source is not None:
        url = reverse("wagtail_localize:update_translations", args=[snippet._localize_sync_source])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        label = pgettext("translation button", "Sync translated snippets")
        aria_label = pgettext("translation button", "Sync translations of '%(title)s'")
        buttons.append((url, label, aria_label, "resubmit", 106))
    for url, label, aria_label, icon_name, priority in buttons:
        yield Button(
            label,
            url,
            attrs={"aria-label": aria_label % {"title": str(snippet)}},
            icon_name=icon_name,
            priority=priority,
        )


def install():
    """Put the functions above where wagtail-localize registered its own, at their order."""
    for hook, replaced, replacement in (
        (HOOK, REPLACED, listing_more_buttons),
        (HEADER_HOOK, REPLACED, header_buttons),
        (SNIPPET_HOOK, SNIPPET_REPLACED, snippet_listing_buttons),
    ):
        registered = hooks._hooks.get(hook, [])
        for index, (function, order) in enumerate(registered):
            if function is replaced:
                registered[index] = (replacement, order)
