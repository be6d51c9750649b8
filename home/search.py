"""Wagtail's database search backend; on PostgreSQL, its search made cheaper for common words.

Wagtail's PostgreSQL backend ranks every match to order by relevance. For a word in thousands of
pages two things cost most of it, neither of which changes a result:

- the query is ``to_tsquery('…')`` without a text search configuration, which PostgreSQL may not fold
  to a constant, so it is parsed again for every row it ranks, twice (title and body). Here it is a
  scalar subquery, which PostgreSQL computes once per statement;
- the ``title || body`` vector it filters on is selected as a column too, so it was concatenated for
  every match before the sort. Here it is only filtered on (``alias`` instead of ``annotate``).

Measured at 10,000 news items on a word in 6,400 of them: the ranking query from 63 ms on three
processes (100 ms serially) to 45 ms on one. SQLite and other databases get Wagtail's backend as is.

Two more ways to search here never rank, for a word in so many pages that ranking them all costs
more than a page may (see ``news.views``): ``count_up_to`` stops counting at a limit; a search of
pages in an order of their own (``order_by_relevance=False``) looks up the index entries of the first
``WINDOW`` pages in that order one by one, which fills a page of results for a word in most pages,
and otherwise reads the matches' page ids once into a hash and walks the pages in order until the
slice is full. Wagtail's own backend looks up the page of every match and sorts them all (15 ms for
6,400 matches; these take 1-2 ms and about a microsecond a match).
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import BooleanField, CharField, ExpressionWrapper, F, Func, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends.database import SearchBackend as database_search_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from wagtail.search.models import IndexEntry
from wagtail.search.query import Fuzzy, MatchAll, Not


class SearchQueryOnce(SearchQuery):
    """A tsquery expression as ``(SELECT …)``: an InitPlan, computed once, wherever it is used."""

    template = "(SELECT %(expressions)s)"

    def __init__(self, query):
        # No config of its own: the inner expression carries it. Still a SearchQuery, since the @@
        # lookup parses anything else as plain text.
        super().__init__(query, search_type="raw")


class IsTrue(Func):
    """``(…) IS TRUE``: the same truth for a filter, but PostgreSQL no longer turns an ``IN``
    subquery inside it into a join; it reads the subquery once into a hash that each row asks."""

    template = "(%(expressions)s) IS TRUE"
    output_field = BooleanField()


class PostgresQueryCompiler(PostgresSearchQueryCompiler):
    # How many pages, in their order, a search in that order first looks at one by one.
    WINDOW = 200

    def build_tsquery(self, query, config=None):
        tsquery = super().build_tsquery(query, config=config)
        return None if tsquery is None else SearchQueryOnce(tsquery)

    def is_plain(self):
        """Words to match, as the site searches: not Wagtail's match-all, fuzzy or negated forms."""
        return not (
            isinstance(self.query, (MatchAll, Fuzzy))
            or (isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll))
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        """Wagtail's search, filtering on the combined vector without selecting it."""
        if not self.is_plain():
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        if self.walks_pages_in_order(score_field):
            return self.pages_in_matches(search_query)[start:stop]
        rank_expression = self._build_rank_expression(vectors, config)
        queryset = self.matching(search_query, vectors)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    def matching(self, search_query, vectors):
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = combined_vector._combine(vector, "||", False)
        return self.queryset.alias(_vector_=combined_vector).filter(_vector_=search_query)

    def count_up_to(self, config, limit):
        search_query = self.build_tsquery(self.query, config=config)
        return self.matching(search_query, self.get_search_vectors(search_query)).order_by()[:limit].count()

    def walks_pages_in_order(self, score_field):
        """Pages in an order of their own, searched in Wagtail's index entries (not given fields)."""
        return (
            not self.order_by_relevance
            and self.fields is None
            and score_field is None
            and bool(self.queryset.query.order_by)
            and issubclass(self.queryset.model, Page)
        )

    def matching_entries(self, search_query, **entry):
        return (
            IndexEntry.objects.filter(**entry)
            .alias(_vector_=F("title")._combine(F("body"), "||", False))
            .filter(_vector_=search_query)
        )

    def pages_in_matches(self, search_query):
        """The pages whose index entries match, in the pages' order: the matches' page ids read once
        into a hash, then the pages walked in their order until the slice is full.

        Not a join: PostgreSQL cannot estimate how many entries a query computed once per
        statement matches, guesses few, and would then look up the page of every match and sort
        them all (6,400 for a common word, 15 ms); this costs about a microsecond a match.
        """
        page_ids = self.matching_entries(
            search_query, content_type_id__in=get_descendants_content_types_pks(Page)
        ).values("object_id")
        in_matches = ExpressionWrapper(Q(_page_key__in=page_ids), output_field=BooleanField())
        return self.queryset.alias(_page_key=Cast("pk", CharField(max_length=50))).filter(IsTrue(in_matches))

    def first_in_order(self, config, start, stop):
        """The slice, when it lies among the matches of the first ``WINDOW`` pages, or None.

        Those pages' own index entries are looked up one by one: for a word in most pages the
        slice is full after a few hundred lookups, without reading any other match.
        """
        search_query = self.build_tsquery(self.query, config=config)
        # A subquery for each page, not EXISTS: PostgreSQL would make that a join, and read every match.
        entry_matches = self.matching_entries(
            search_query,
            content_type_id=OuterRef("content_type_id"),
            object_id=Cast(OuterRef("pk"), CharField(max_length=50)),
        ).values(_matches_=Value(True))
        window = self.queryset.values("pk")[: self.WINDOW]
        found = list(
            self.queryset.filter(pk__in=window).filter(Subquery(entry_matches, output_field=BooleanField()))[
                start:stop
            ]
        )
        return found if len(found) == stop - start else None


class PostgresResults(PostgresSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        if (
            # Wagtail's autocomplete compiler shares these results (the admin's page search).
            isinstance(compiler, PostgresQueryCompiler)
            and compiler.is_plain()
            and compiler.walks_pages_in_order(self._score_field)
            and self.stop is not None
            and self.stop <= compiler.WINDOW
        ):
            found = compiler.first_in_order(compiler.get_config(self.backend), self.start, self.stop)
            if found is not None:
                return found
        return super()._do_search()


class PostgresBackend(PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    results_class = PostgresResults


def count_up_to(results, limit):
    """How many ``results`` a search has, at most ``limit``. On PostgreSQL it stops counting at the
    limit, so a word in thousands of pages costs as much to count as one in ``limit`` of them."""
    compiler = results.query_compiler
    if isinstance(compiler, PostgresQueryCompiler) and compiler.is_plain():
        return compiler.count_up_to(compiler.get_config(results.backend), limit)
    return min(results.count(), limit)


def SearchBackend(params):
    """Wagtail's choice by database (``wagtail.search.backends.database``), ours on PostgreSQL."""
    if connection.vendor == "postgresql":
        return PostgresBackend(params)
    return database_search_backend(params)
