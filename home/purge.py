"""Purge a proxy or CDN in front of the site when content changes (Wagtail's frontend cache backends).

Wagtail's own frontend_cache app purges only the published page itself. Here a change also purges
what lists or links it: its translations (their language switcher) and the pages above it (the
news index, the agenda, the home page) in every language. A sign-up purges its session's pages,
because the agenda and the home page show seats left. Nothing happens unless a backend is set
(FRONTEND_CACHE_PURGE_URL or CLOUDFLARE_* in the environment): no task is queued for nothing.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished


def purging():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def pages_showing(page):
    """The page, its translations, and their ancestors below the tree root: two queries."""
    paths = Page.objects.filter(translation_key=page.translation_key).values_list("path", flat=True)
    # A page's ancestors are the prefixes of its tree path, one step per level.
    prefixes = {path[:end] for path in paths for end in range(2 * Page.steplen, len(path), Page.steplen)}
    pages = Page.objects.filter(Q(translation_key=page.translation_key) | Q(path__in=prefixes))
    return [page, *pages.exclude(pk=page.pk)]


def purge_pages_showing(page):
    if not purging():
        return
    batch = PurgeBatch()
    batch.add_pages(pages_showing(page))
    transaction.on_commit(batch.purge)


def page_changed(sender, instance, **kwargs):
    purge_pages_showing(instance)


def watch(model, page):
    """Purge the pages showing a row's page whenever a row of model is saved or deleted.

    For rows that change what a page shows without being the page (a sign-up changes seats left):
    page names the row's foreign key to that page. Feature apps call this from their ready().
    """

    def row_changed(sender, instance, **kwargs):
        if not purging():
            return
        # Deleted along with its page, the row has no page left to purge.
        shown_on = Page.objects.filter(pk=getattr(instance, f"{page}_id")).first()
        if shown_on is not None:
            purge_pages_showing(shown_on)

    uid = f"purge_{model._meta.label_lower}"
    post_save.connect(row_changed, sender=model, weak=False, dispatch_uid=f"{uid}_saved")
    post_delete.connect(row_changed, sender=model, weak=False, dispatch_uid=f"{uid}_deleted")
    return row_changed


def connect_signals():
    page_published.connect(page_changed, dispatch_uid="purge_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="purge_page_unpublished")
