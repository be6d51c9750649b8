import hashlib

from django.template.response import TemplateResponse
from wagtail.models import Locale, Page, Site

from home.cache import remembered
from home.pagination import paginate
from home.params import search_words, text_param

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# The first ten pages of a search's results are remembered; hardly anyone pages further.
REMEMBERED_RESULTS = 10 * SEARCH_RESULTS_PER_PAGE


def query_problem(query):
    """Why a query is not worth sending to the search backend, or None."""
    if not query:
        return "empty"
    if len(query) > MAX_QUERY_LENGTH:
        return "too_long"
    if not any(character.isalnum() for character in query):
        return "no_words"
    return None


class RankedKeys:
    """The keys of a search's results in ranked order, for the paginator: how many there are and the
    first ``REMEMBERED_RESULTS`` are remembered until content changes; a page further on asks the
    search backend.

    Ranking a common word's matches reads every match's vectors (about 6,400 of 10,000 news items,
    30 ms, and counting them 20 ms): paging through a search, or a second visitor searching for the
    same word, costs a cache read instead.
    """

    def __init__(self, results, key):
        self.results = results
        self.count, self.first_keys = remembered(key, self.rank)

    def rank(self):
        return self.results.count(), [page.pk for page in self.results[:REMEMBERED_RESULTS]]

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        if index.stop <= len(self.first_keys):
            return self.first_keys[index]
        return [page.pk for page in self.results[index]]


def search(request):
    """Site search in the visitor's language: the live, public pages of this language's tree."""
    query = text_param(request, "q", MAX_QUERY_LENGTH)
    problem = query_problem(query)
    context = {"query": query[:MAX_QUERY_LENGTH], "problem": problem, "max_length": MAX_QUERY_LENGTH}
    if problem is None:
        locale = Locale.get_active()
        pages = Page.objects.live().public().filter(locale=locale)
        site = Site.find_for_request(request)
        home = None if site is None else site.root_page.get_translation_or_none(locale)
        if home is not None:
            pages = pages.descendant_of(home, inclusive=True)
        words = search_words(query)
        searched_for = repr((locale.pk, home and home.pk, words)).encode()
        keys = RankedKeys(
            pages.search(words, operator="and"),
            f"search:{hashlib.sha256(searched_for).hexdigest()[:32]}",
        )
        results_page = paginate(request, keys, SEARCH_RESULTS_PER_PAGE, count=keys.count)
        # One query per page type for the whole result page, not one per result.
        ids = list(results_page.object_list)
        specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        context.update(
            {
                "paginator": results_page.paginator,
                "results_page": results_page,
                "results": [specific[pk] for pk in ids if pk in specific],
            }
        )
    return TemplateResponse(request, "news/search.html", context)
