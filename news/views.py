import hashlib

from django.db.models import F
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page, Site

from home.cache import remembered
from home.pagination import paginate
from home.params import search_words, text_param
from home.search import count_up_to

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# The first ten pages of a search's results are remembered; hardly anyone pages further.
REMEMBERED_RESULTS = 10 * SEARCH_RESULTS_PER_PAGE
# Ranking by relevance reads every match's index entry, so it costs as much as there are matches:
# up to this many they are ranked; a word in more pages than that ("zelfstandigen" is in 6,400 of
# the growth bench's 10,000 news items) lists the ones published most recently first, this many of
# them, and the page asks for another word. Neither way reads more than about this many matches.
MOST_RANKED = 500


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
    """The keys of a search's results in order, for the paginator: how many there are, whether they
    are the newest rather than the most relevant, and the first ``REMEMBERED_RESULTS`` are remembered
    until content changes; a page further on asks the search backend.

    A search still reads up to ``MOST_RANKED`` matches (counting stops just past it, ``count_up_to``):
    paging through a search, or a second visitor searching for the same words, costs a cache read
    instead.
    """

    def __init__(self, pages, words, key):
        self.pages, self.words = pages, words
        self.count, self.newest_first, self.first_keys = remembered(key, self.rank)

    def results(self, newest_first):
        if newest_first:
            newest = self.pages.order_by(F("first_published_at").desc(nulls_last=True), "-id")
            return newest.search(self.words, operator="and", order_by_relevance=False)
        return self.pages.search(self.words, operator="and")

    def rank(self):
        ranked = self.results(newest_first=False)
        count = count_up_to(ranked, MOST_RANKED + 1)
        newest_first = count > MOST_RANKED
        results = self.results(newest_first=True) if newest_first else ranked
        return min(count, MOST_RANKED), newest_first, [page.pk for page in results[:REMEMBERED_RESULTS]]

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        if index.stop <= len(self.first_keys):
            return self.first_keys[index]
        return [page.pk for page in self.results(self.newest_first)[index]]


def search(request):
    """Site search in the visitor's language: the live, public pages of this language's tree."""
    query = text_param(request, "q", MAX_QUERY_LENGTH)
    problem = query_problem(query)
    context = {"query": query[:MAX_QUERY_LENGTH], "problem": problem, "max_length": MAX_QUERY_LENGTH}
    if problem is None:
        locale = Locale.get_active()
        # A search here wants the keys only: no full page rows for the hundred it remembers.
        pages = Page.objects.live().public().filter(locale=locale).only("id")
        site = Site.find_for_request(request)
        home = None if site is None else site.root_page.get_translation_or_none(locale)
        if home is not None:
            pages = pages.descendant_of(home, inclusive=True)
        words = search_words(query)
        searched_for = repr((locale.pk, home and home.pk, words)).encode()
        # "results:", not the "search:" of the (count, keys) remembered before the newest came first.
        keys = RankedKeys(pages, words, f"results:{hashlib.sha256(searched_for).hexdigest()[:32]}")
        results_page = paginate(request, keys, SEARCH_RESULTS_PER_PAGE, count=keys.count)
        # One query per page type for the whole result page, not one per result.
        ids = list(results_page.object_list)
        specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        context.update(
            {
                "paginator": results_page.paginator,
                "newest_first": keys.newest_first,
                "results_page": results_page,
                "results": [specific[pk] for pk in ids if pk in specific],
            }
        )
    return TemplateResponse(request, "news/search.html", context)
