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


def registration_changed(sender, instance, **kwargs):
    if not purging():
        return
    # Deleted along with its session, the registration has no page left to purge.
    event = Page.objects.filter(pk=instance.event_id).first()
    if event is not None:
        purge_pages_showing(event)


def connect_signals():
    from wagtail.signals import page_published, page_unpublished

    from events.models import Registration

    page_published.connect(page_changed, dispatch_uid="purge_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="purge_page_unpublished")
    post_save.connect(registration_changed, sender=Registration, dispatch_uid="purge_registration_saved")
    post_delete.connect(registration_changed, sender=Registration, dispatch_uid="purge_registration_deleted")
