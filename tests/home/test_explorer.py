"""home/explorer.py copies two pieces of Wagtail (the explorer's get() and the filters' language
choices) and relies on a few more: this fails when an upgrade changes any of them."""

import hashlib
import inspect

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.admin.views.pages.listing import ExplorableIndexView, PageListingMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

# Written against Wagtail 8.0.
SOURCES = {
    # Copied into ExplorerView.get, with the page's language and revisions fetched with it.
    "ExplorableIndexView.get": "be350fa6b67c1a9c",
    # Copied into ExplorerFilterSet._add_locale_filter, with the languages remembered.
    "WagtailFilterSet._add_locale_filter": "c0c131b7701491a7",
    # ExplorerView.annotate_queryset drops every prefetch and puts the workflow states back.
    "PageListingMixin.annotate_queryset": "c3f769545773bdd1",
    # Looks up every row's parent when a ParentPageColumn is among the columns.
    "PageListingMixin.get_context_data": "3b1ead38c31c1789",
    # Caches a user's explorable root on the user under _explorable_root_instance_cache_name.
    "PagePermissionPolicy.explorable_root_instance": "7b915f71f27eb137",
    # Reads request.all_page_view_restriction_paths when the request has it.
    "test_page_is_public": "f924c02351e2bf34",
}


def digest(function):
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]


def test_the_code_the_explorer_copies_and_relies_on_is_the_code_it_was_written_for():
    """When an upgrade changes any of these, read the new code and bring home/explorer.py in line
    (what get() does, which prefetches a listing asks for, where the caches live); then update the
    digests."""
    digests = {
        "ExplorableIndexView.get": digest(ExplorableIndexView.get),
        "WagtailFilterSet._add_locale_filter": digest(WagtailFilterSet._add_locale_filter),
        "PageListingMixin.annotate_queryset": digest(PageListingMixin.annotate_queryset),
        "PageListingMixin.get_context_data": digest(PageListingMixin.get_context_data),
        "PagePermissionPolicy.explorable_root_instance": digest(
            PagePermissionPolicy.explorable_root_instance
        ),
        "test_page_is_public": digest(wagtailadmin_tags.test_page_is_public),
    }
    assert digests == SOURCES
