"""home/translation_buttons.py swaps a wagtail-localize hook function in Wagtail's private hook
registry: this fails when either library changes what that swap relies on."""

import hashlib
import inspect

import wagtail
import wagtail_localize
from wagtail import hooks
from wagtail.admin.ui.menus.pages import get_page_header_buttons
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.widgets.button import ButtonWithDropdownFromHook
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize import wagtail_hooks as localize_hooks

from home import translation_buttons

# Written against Wagtail 8.0 and wagtail-localize 1.14: the source of each function the swap
# replaces, reimplements or relies on.
SOURCES = {
    # wagtail-localize's buttons, which listing_more_buttons reimplements and falls back to.
    "wagtail_localize page_listing_more_buttons": "2a98d3b297d8c957",
    # The private registry: a list of (function, order) per hook name.
    "wagtail hooks.register": "4a690b6b0f575e08",
    "wagtail hooks.get_hooks": "0020a4cf909b171d",
    # How the "More" menu calls the hook (page=, user=, next_url=).
    "wagtail ButtonWithDropdownFromHook.dropdown_buttons": "a112509535c27082",
    # How a page's header calls its hook (page=, user=, next_url=, view_name=).
    "wagtail get_page_header_buttons": "870e4fc5adc1bb08",
    # Where construct_explorer_page_queryset runs: on the listing's queryset, before it is read.
    "wagtail ExplorableIndexView.search_queryset": "80649831416c42d5",
    # The snippet listings: wagtail-localize's buttons, how a listing asks for them (instance, user,
    # next_url), and how the viewset's queryset reaches the listing.
    "wagtail_localize register_snippet_listing_buttons": "eabca272586676f0",
    "wagtail snippets IndexView.get_list_buttons": "5ec7f96b8d67245a",
    "wagtail snippets IndexView.get_base_queryset": "59144b4260158d4e",
    "wagtail SnippetViewSet.get_index_view_kwargs": "d6fff6c3c5491761",
}


def digest(function):
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]


def test_the_code_the_swap_relies_on_is_the_code_it_was_written_for():
    """When an upgrade changes any of these, read the new code: does wagtail-localize still show the
    same two buttons under the same conditions, and does Wagtail still keep (function, order) pairs
    and apply the explorer hook to the listed pages? Then update listing_more_buttons and the digests."""
    digests = {
        "wagtail_localize page_listing_more_buttons": digest(localize_hooks.page_listing_more_buttons),
        "wagtail hooks.register": digest(hooks.register),
        "wagtail hooks.get_hooks": digest(hooks.get_hooks),
        "wagtail ButtonWithDropdownFromHook.dropdown_buttons": digest(
            ButtonWithDropdownFromHook.dropdown_buttons.func
        ),
        "wagtail get_page_header_buttons": digest(get_page_header_buttons),
        "wagtail ExplorableIndexView.search_queryset": digest(ExplorableIndexView.search_queryset),
        "wagtail_localize register_snippet_listing_buttons": digest(
            localize_hooks.register_snippet_listing_buttons
        ),
        "wagtail snippets IndexView.get_list_buttons": digest(SnippetIndexView.get_list_buttons),
        "wagtail snippets IndexView.get_base_queryset": digest(SnippetIndexView.get_base_queryset),
        "wagtail SnippetViewSet.get_index_view_kwargs": digest(SnippetViewSet.get_index_view_kwargs),
    }
    assert digests == SOURCES, (
        f"Wagtail {wagtail.__version__} / wagtail-localize {wagtail_localize.__version__} changed "
        "what home/translation_buttons.py replaces"
    )


def test_the_explorer_rows_and_the_page_header_get_the_replacements():
    row_buttons = hooks.get_hooks(translation_buttons.HOOK)
    assert translation_buttons.listing_more_buttons in row_buttons
    assert localize_hooks.page_listing_more_buttons not in row_buttons
    header_buttons = hooks.get_hooks(translation_buttons.HEADER_HOOK)
    assert translation_buttons.header_buttons in header_buttons
    assert localize_hooks.page_listing_more_buttons not in header_buttons
    assert translation_buttons.annotate_explorer_pages in hooks.get_hooks("construct_explorer_page_queryset")


def test_the_snippet_listings_get_the_replacement_too():
    row_buttons = hooks.get_hooks(translation_buttons.SNIPPET_HOOK)
    assert translation_buttons.snippet_listing_buttons in row_buttons
    assert localize_hooks.register_snippet_listing_buttons not in row_buttons
