"""The grown site of `make bench-growth`: a bulk builder and the addresses to measure on it.

The builder adds news items, sessions and registrations to a site that has the demo content,
copying the demo's own items as templates so that the grown pages look like real ones (bodies,
images, sectors, topics). Pages go into the tree in bulk: the materialised paths of treebeard are
computed here and each batch is two INSERTs (``wagtailcore_page``, then the page type's own table)
instead of ``add_child`` per page, which manages about 9 pages a second. The grown pages are live,
without revisions (nobody edits them), and indexed for search.
"""

import itertools
import math
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count, F, Prefetch
from django.db.models.sql.subqueries import InsertQuery
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.postgres import IndexEntry, ObjectIndexer
from wagtail.search.index import AutocompleteField, RelatedFields, SearchField

from events.models import EventIndexPage, EventPage, OutcomesPage, Registration, SessionReportPage
from home.models import ContentPage, HomePage
from network.models import NetworkIndexPage, NetworkPage
from news.models import NEWS_PER_PAGE, NewsIndexPage, NewsPage, NewsPageTopic, Topic

LANGUAGE = "nl"  # the site's default language: growth happens in the Dutch tree
BATCH = 500
SEARCH_WORD_MIN_LENGTH = 6


def batches(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def in_language(queryset):
    return queryset.filter(locale__language_code=LANGUAGE)


# --- building ------------------------------------------------------------------------------------


def add_children(parent, pages, published_at):
    """Put unsaved specific ``pages`` under ``parent`` as its last children, live, in bulk.

    ``published_at(page)`` gives each page's publication moment. Returns the pages, saved.
    """
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    last_path = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    position = Page._str2int(last_path[-Page.steplen :]) if last_path else 0
    depth = parent.depth + 1
    for number, page in enumerate(pages, position + 1):
        moment = published_at(page)
        page.path = Page._get_path(parent.path, depth, number)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = moment
    page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    own_fields = model._meta.local_concrete_fields  # page_ptr and the page type's own columns
    with transaction.atomic():
        rows = Page.objects.bulk_create(
            [Page(**{name: getattr(page, name) for name in page_fields}) for page in pages], batch_size=BATCH
        )
        for page, row in zip(pages, rows, strict=True):
            page.id = page.page_ptr_id = row.pk
        # bulk_create refuses multi-table inheritance; _insert is the INSERT that save() itself runs.
        for batch in batches(pages):
            model._base_manager._insert(batch, fields=own_fields)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def spread(count, first, last):
    """``count`` moments evenly from ``first`` to ``last``, oldest first."""
    step = (last - first) / max(count - 1, 1)
    return [first + step * number for number in range(count)]


def grow_news(total, years=20):
    """News items in the Dutch news index until it holds ``total``, published over ``years`` years."""
    index = in_language(NewsIndexPage.objects).get()
    templates = list(
        NewsPage.objects.child_of(index).prefetch_related("sectors", "topic_links").order_by("pk")
    )
    missing = total - len(templates)
    if missing <= 0:
        return []
    today = timezone.localdate()
    dates = spread(missing, today - timedelta(days=365 * years), today)
    pages = []
    for number, (date, template) in enumerate(zip(dates, itertools.cycle(templates)), 1):
        pages.append(
            NewsPage(
                title=f"{template.title} ({number})",
                slug=f"{template.slug}-{number}",
                date=date,
                intro=template.intro,
                lead_image_id=template.lead_image_id,
                lead_image_caption=template.lead_image_caption,
                lead_image_credit=template.lead_image_credit,
                body=template.body.raw_data,
                author=template.author,
                search_description=template.search_description,
            )
        )
        pages[-1].template = template
    at_noon = timezone.get_current_timezone()
    add_children(index, pages, lambda page: datetime.combine(page.date, time(12), at_noon))
    NewsPage.sectors.through.objects.bulk_create(
        [
            NewsPage.sectors.through(newspage_id=page.pk, sector_id=sector.pk)
            for page in pages
            for sector in page.template.sectors.all()
        ],
        batch_size=BATCH,
    )
    NewsPageTopic.objects.bulk_create(
        [
            NewsPageTopic(
                page_id=page.pk, topic_id=link.topic_id, sort_order=link.sort_order, locale_id=page.locale_id
            )
            for page in pages
            for link in page.template.topic_links.all()
        ],
        batch_size=BATCH,
    )
    return pages


def grow_sessions(total, years=20, upcoming=12):
    """Sessions in the Dutch agenda until it holds ``total``: over ``years`` years, the last few ahead."""
    agenda = in_language(EventIndexPage.objects).get()
    templates = list(EventPage.objects.child_of(agenda).order_by("pk"))
    missing = total - len(templates)
    if missing <= 0:
        return []
    upcoming = min(upcoming, missing // 2)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    past = spread(missing - upcoming, now - timedelta(days=365 * years), now - timedelta(days=7))
    ahead = [now + timedelta(weeks=2 * number) for number in range(1, upcoming + 1)]
    pages = []
    for number, (start, template) in enumerate(zip(past + ahead, itertools.cycle(templates)), 1):
        pages.append(
            EventPage(
                title=f"{template.title} ({number})",
                slug=f"{template.slug}-{number}",
                session_type=template.session_type,
                sector_id=template.sector_id,
                start=start,
                end=start + (template.end - template.start),
                venue_name=template.venue_name,
                venue_address=template.venue_address,
                venue_town=template.venue_town,
                intro=template.intro,
                programme=template.programme.raw_data,
                capacity=template.capacity,
            )
        )
        pages[-1].template = template
    # Announced four weeks ahead, as the agenda's editors do.
    add_children(agenda, pages, lambda page: page.start - timedelta(weeks=4))
    return pages


def registration_sizes(sessions, total, biggest, export_size):
    """How many sign-ups each session gets: one biggest, one the size of the export, the rest even."""
    rest = sessions[2:]
    sizes = {sessions[0].pk: biggest, sessions[1].pk: export_size}
    share, extra = divmod(max(total - biggest - export_size, 0), max(len(rest), 1))
    for number, session in enumerate(rest):
        sizes[session.pk] = share + (1 if number < extra else 0)
    return sizes


def grow_registrations(total, biggest=3000, export_size=1000):
    """Registrations until there are ``total``, most for past sessions, in bulk."""
    missing = total - Registration.objects.count()
    # The grown sessions are Dutch only, so each is its own seat holder.
    sessions = list(in_language(EventPage.objects).order_by("pk").exclude(registrations__isnull=False))
    if missing <= 0 or len(sessions) < 2:
        return 0
    # At a small scale (the smoke test) the two large sessions shrink with the total.
    biggest, export_size = min(biggest, missing // 3), min(export_size, missing // 4)
    sizes = registration_sizes(sessions, missing, biggest, export_size)
    roles = itertools.cycle(Registration.Role.values)
    made = 0
    batch = []
    for session in sessions:
        signed_up = session.start - timedelta(days=30)
        for number in range(sizes[session.pk]):
            made += 1
            status = Registration.Status.CONFIRMED
            if session.capacity is not None and number >= session.capacity:
                status = Registration.Status.WAITLISTED
            if number % 25 == 24:
                status = Registration.Status.CANCELLED
            moment = signed_up + timedelta(minutes=number)
            batch.append(
                Registration(
                    event_id=session.pk,
                    name=f"Deelnemer {made}",
                    email=f"deelnemer{made}@example.org",
                    organisation=f"Organisatie {made % 400}",
                    role=next(roles),
                    consent_text="Ik geef toestemming om mijn gegevens te bewaren tot na de sessie.",
                    language=LANGUAGE,
                    status=status,
                    created_at=moment,
                    status_changed_at=moment,
                    details_mailed_at=moment,
                )
            )
            if len(batch) == 5000:
                insert_registrations(batch)
                batch = []
    insert_registrations(batch)
    return made


def insert_registrations(registrations):
    """Unsaved registrations into their table: on PostgreSQL through COPY, which takes a
    hundred thousand rows in a fraction of the time of INSERTs; elsewhere through bulk_create."""
    if connection.vendor != "postgresql":
        Registration.objects.bulk_create(registrations, batch_size=1000)
        return
    fields = [field for field in Registration._meta.concrete_fields if not field.primary_key]
    table = connection.ops.quote_name(Registration._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for registration in registrations:
            # The values save() would send: defaults already applied by the constructor.
            copy.write_row(
                [field.get_db_prep_save(field.pre_save(registration, True), connection) for field in fields]
            )


class TitleIndexer(ObjectIndexer):
    """Wagtail's own indexer, limited to the parts of an entry that a copy does not share with its
    template: the title (``"… (12)"``) and the autocomplete vector that holds it."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.search_fields = [
            field
            for field in self.search_fields
            if isinstance(field, AutocompleteField | RelatedFields)
            or (isinstance(field, SearchField) and field.field_name == "title")
        ]


def entry_sql(compiler, name, vector):
    """A vector of Wagtail's indexer as SQL, compiled the way its own INSERT compiles it."""
    value = compiler.prepare_value(IndexEntry._meta.get_field(name), vector)
    return value.as_sql(compiler, compiler.connection)


def copy_index_entries(model, copies):
    """Index entries for ``copies`` of already indexed templates, a few INSERTs in all.

    Indexing a copy the ordinary way extracts the text of its body again (StreamField, topics) and
    has PostgreSQL parse it again, though it is the template's text: that took most of a minute for
    11,000 pages. A copy differs from its template only in its title, so the title and autocomplete
    vectors come from Wagtail's indexer and the body's vector and text are copied from the template's
    entry. ``test_growth_build`` compares the result with what ``update_index`` writes.
    """
    backend = get_search_backend()
    index = backend.get_index_for_model(model)
    connection = index.write_connection
    content_type = ContentType.objects.get_for_model(model).pk
    compiler = InsertQuery(IndexEntry).get_compiler(connection=connection)
    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    for batch in batches(copies, 1000):
        rows, params = [], []
        for page in batch:
            indexer = TitleIndexer(page, backend)
            title, title_params = entry_sql(compiler, "title", indexer.title)
            autocomplete, autocomplete_params = entry_sql(compiler, "autocomplete", indexer.autocomplete)
            rows.append(f"(%s, %s, {title}, {autocomplete}, %s)")
            params += [str(page.pk), str(page.template.pk), *title_params, *autocomplete_params]
            params.append(indexer.title_text)
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                SELECT %s, copy.object_id, copy.title, copy.autocomplete, template.body, 1.0,
                    copy.title_text, template.body_text
                FROM (VALUES {", ".join(rows)})
                    AS copy (object_id, template_id, title, autocomplete, title_text)
                JOIN {table} AS template
                    ON template.content_type_id = %s AND template.object_id = copy.template_id
                """,  # noqa: S608 - the table name is the model's; every value is a parameter
                [content_type, *params, content_type],
            )
            if cursor.rowcount != len(batch):
                raise RuntimeError(f"{len(batch) - cursor.rowcount} copies have no indexed template")
    # What add_items does after each of its INSERTs: new entries get their title weight.
    index._refresh_title_norms()


def index_for_search(pages):
    """Add bulk-made pages to the search index: on PostgreSQL as copies of their templates' entries
    (the templates indexed afresh first), elsewhere through the backend, topics read per batch."""
    backend = get_search_backend()
    topics = Prefetch("topic_links", queryset=NewsPageTopic.objects.select_related("topic"))
    for model in {type(page) for page in pages}:
        of_model = [page for page in pages if type(page) is model]
        copying = connection.vendor == "postgresql"
        ids = sorted({page.template.pk for page in of_model} if copying else {page.pk for page in of_model})
        # Large batches: the backend recomputes every new entry's title weight after each one.
        for batch in batches(ids, 1000):
            objects = model.objects.filter(pk__in=batch)
            if model is NewsPage:
                objects = objects.prefetch_related(topics)
            backend.add_bulk(model, list(objects))
        if copying:
            copy_index_entries(model, of_model)


def index_entries(model, pages):
    """What the search index holds for ``pages``: per page id, its vectors and texts (not the title
    weight, which depends on the entries around it)."""
    content_type = ContentType.objects.get_for_model(model).pk
    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT object_id, title::text, autocomplete::text, body::text, title_text, body_text "  # noqa: S608
            f"FROM {table} WHERE content_type_id = %s AND object_id = ANY(%s)",
            [content_type, [str(page.pk) for page in pages]],
        )
        return {int(row[0]): row[1:] for row in cursor.fetchall()}


def check_copied_entries(pages, sample=50):
    """Index a sample of the copies the ordinary way (``update_index``'s call) and compare: a copied
    entry that differs would make the benchmark search something else. Returns the number compared."""
    backend = get_search_backend()
    topics = Prefetch("topic_links", queryset=NewsPageTopic.objects.select_related("topic"))
    compared = 0
    for model in {type(page) for page in pages}:
        chosen = [page for page in pages if type(page) is model]
        chosen = chosen[:: max(len(chosen) // sample, 1)][:sample]
        copied = index_entries(model, chosen)
        objects = model.objects.filter(pk__in=[page.pk for page in chosen])
        if model is NewsPage:
            objects = objects.prefetch_related(topics)
        backend.add_bulk(model, list(objects))
        indexed = index_entries(model, chosen)
        if copied != indexed or len(indexed) != len(chosen):
            wrong = sorted(pk for pk in indexed if copied.get(pk) != indexed[pk])
            raise AssertionError(f"copied index entries differ from update_index's: {model.__name__} {wrong}")
        compared += len(chosen)
    return compared


def grow(news=10_000, sessions=1_000, registrations=100_000):
    """The whole growth; returns what was added."""
    news_pages = grow_news(news)
    session_pages = grow_sessions(sessions)
    index_for_search(news_pages + session_pages)
    signed_up = grow_registrations(registrations)
    return {"news items": len(news_pages), "sessions": len(session_pages), "registrations": signed_up}


# --- what to measure -----------------------------------------------------------------------------


def common_word():
    """The longer word that the most Dutch news intros share: a search with many results."""
    counts = {}
    for intro in in_language(NewsPage.objects).values_list("intro", flat=True).distinct():
        for word in {word.strip(".,:;!?()“”\"'").lower() for word in intro.split()}:
            if len(word) >= SEARCH_WORD_MIN_LENGTH and word.isalpha():
                counts[word] = counts.get(word, 0) + 1
    return max(sorted(counts), key=counts.get)


def first(queryset):
    return in_language(queryset.live()).order_by("pk").first()


AFTER_A_CHANGE = "search after a change"
# Rarer words of the demo content than the common one, each as the first search after a publication:
# at growth "zoeken" and "coach" are in a few more pages than are ranked (so the newest come first,
# from fewer matches among the newest pages), "bijna" in fewer (ranked). The demo-sized site finds
# a few pages for each.
RARER_WORDS = ("zoeken", "coach", "bijna")
RARER_AFTER_A_CHANGE = {word: f"after change: {word}" for word in RARER_WORDS}
MEASURED_AFTER_A_CHANGE = {AFTER_A_CHANGE, *RARER_AFTER_A_CHANGE.values()}


def public_pages():
    """(label, path) of every public page kind, found in the database rather than assumed."""
    news_index = first(NewsIndexPage.objects)
    agenda = first(EventIndexPage.objects)
    news_count = NewsPage.objects.child_of(news_index).live().count()
    topic = in_language(Topic.objects).annotate(uses=Count("page_links")).order_by("-uses", "pk").first()
    with translation.override(LANGUAGE):
        search = reverse("search")
    pages = [
        ("home", first(HomePage.objects).url),
        ("content page", first(ContentPage.objects).url),
        ("news index p1", news_index.url),
        ("news index last", f"{news_index.url}?page={math.ceil(news_count / NEWS_PER_PAGE)}"),
        ("news item", first(NewsPage.objects).url),
        ("news search", f"{search}?q={common_word()}"),
        # The same search, as the first one after a publication: ranked and counted again.
        (AFTER_A_CHANGE, f"{search}?q={common_word()}"),
        *((label, f"{search}?q={word}") for word, label in RARER_AFTER_A_CHANGE.items()),
        ("topic page", f"{news_index.url}?tag={topic.slug}"),
        ("RSS feed", news_index.url + news_index.reverse_subpage("rss")),
        ("agenda", agenda.url),
        ("session page", first(EventPage.objects.filter(end__gte=timezone.now())).url),
        ("report page", first(SessionReportPage.objects).url),
        ("outcomes page", first(OutcomesPage.objects).url),
        ("directory", first(NetworkIndexPage.objects).url),
        ("network page", first(NetworkPage.objects).url),
        ("sitemap.xml", "/sitemap.xml"),
    ]
    return pages


def admin_pages():
    """(label, path) of the admin views that grow with the content."""
    sessions = (
        Registration.objects.values("event_id").annotate(size=Count("pk")).order_by("-size", "event_id")
    )
    biggest = sessions.first()["event_id"]
    # The session whose registrations are closest to a thousand: the export the issue measures.
    export = min(sessions, key=lambda row: (abs(row["size"] - 1000), row["event_id"]))["event_id"]
    registrations = reverse("registrations:index")
    news_index = first(NewsIndexPage.objects)
    return [
        ("admin: registrations", f"{registrations}?event={biggest}"),
        ("admin: CSV export", f"{registrations}?event={export}&export=csv"),
        ("admin: XLSX export", f"{registrations}?event={export}&export=xlsx"),
        ("admin: sign-up counts", reverse("registrations:counts")),
        ("admin: page explorer", reverse("wagtailadmin_explore", args=[news_index.pk])),
    ]


def superuser():
    user, _created = get_user_model().objects.get_or_create(
        username="growthbench", defaults={"is_superuser": True, "is_staff": True}
    )
    return user
