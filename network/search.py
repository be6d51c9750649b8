from wagtail.search.backends import get_search_backend

from home.params import search_words


def search_network_ids(networks, query):
    """Ids of the ``networks`` (a queryset of network pages) that match ``query`` in Wagtail's search index.

    The directory passes its live networks: this module stays below the models it searches.
    """
    words = search_words(query)
    if not words:
        return set()
    backend = get_search_backend()
    # Autocomplete on the name finds "Zorgnet" while typing; the full search covers the texts.
    ids = {page.pk for page in backend.autocomplete(words, networks, operator="and", fields=["title"])}
    ids.update(page.pk for page in backend.search(words, networks, operator="and"))
    return ids
