from django.template.response import TemplateResponse
from wagtail.models import Locale, Page, Site

from home.pagination import paginate
from home.params import search_words, text_param

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def query_problem(query):
    """Why a query is not worth sending to the search backend, or None."""
    if not query:
        return "empty"
    if len(query) > MAX_QUERY_LENGTH:
        return "too_long"
    if not any(character.isalnum() for character in query):
        return "no_words"
    return None


def search(request):
    """Site search in the visitor's language: the live, public pages of this language's tree."""
    query = text_param(request, "q", MAX_QUERY_LENGTH)
    problem = query_problem(query)
    context = {"query": query[:MAX_QUERY_LENGTH], "problem": problem, "max_length": MAX_QUERY_LENGTH}
    if problem is None:
        locale = Locale.get_active()
        pages = Page.objects.live().public().filter(locale=locale)
        site = Site.find_for_request(request)
        if site is not None:
            home = site.root_page.get_translation_or_none(locale)
            if home is not None:
                pages = pages.descendant_of(home, inclusive=True)
        results_page = paginate(
            request, pages.search(search_words(query), operator="and"), SEARCH_RESULTS_PER_PAGE
        )
        # One query per page type for the whole result page, not one per result.
        ids = [page.pk for page in results_page.object_list]
        specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        context.update(
            {
                "paginator": results_page.paginator,
                "results_page": results_page,
                "results": [specific[pk] for pk in ids if pk in specific],
            }
        )
    return TemplateResponse(request, "news/search.html", context)
