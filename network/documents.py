"""A network's documents are public only while the network is: none of an entry that is not online.

A network's editors upload into their own collection (onboarding gives their group rights on it
and on their page). Until one of the pages their group edits is live, or after it is unpublished,
a document of that collection is refused at its address, as if it did not exist, to everyone but
the people who may change or choose it there (the network's editors, the staff). Wagtail's own
collection privacy (Collections → Privacy) applies besides, through the same serve view.
"""

from django.http import Http404
from wagtail.documents import get_permission_policy

from network.models import NetworkPage


def network_pages_of(collection):
    """The network pages edited by the groups that may upload into ``collection``."""
    return NetworkPage.objects.filter(
        group_permissions__group__collection_permissions__collection__in=collection.get_ancestors(
            inclusive=True
        )
    )


def refuse_document_of_offline_network(document, request):
    """The ``before_serve_document`` hook."""
    pages = network_pages_of(document.collection)
    if not pages.exists() or pages.filter(live=True).exists():
        return None
    policy = get_permission_policy()
    if policy.user_has_any_permission_for_instance(request.user, ["change", "choose"], document):
        return None
    raise Http404
