from wagtail.search.backends import get_search_backend

from home.params import search_words


def search_network_ids(directory, query):
    """Ids of the live networks of ``directory`` that match ``query`` in Wagtail's search index."""
    from network.models import NetworkPage

    words = search_words(query)
    if not words:
        return set()
    networks = NetworkPage.objects.child_of(directory).live()
    backend = get_search_backend()
    # Autocomplete on the name finds "Zorgnet" while typing; the full search covers the texts.
    ids = {page.pk for page in backend.autocomplete(words, networks, operator="and", fields=["title"])}
    ids.update(page.pk for page in backend.search(words, networks, operator="and"))
    return ids
