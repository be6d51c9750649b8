from wagtail.search.backends import get_search_backend


def search_network_ids(directory, query):
    """Ids of the live networks of ``directory`` that match ``query`` in Wagtail's search index."""
    from network.models import NetworkPage

    networks = NetworkPage.objects.child_of(directory).live()
    results = get_search_backend().autocomplete(query, networks, operator="and", fields=["title"])
    ids = {page.pk for page in results}
    ids.update(page.pk for page in get_search_backend().search(query, networks, operator="and"))
    return ids
