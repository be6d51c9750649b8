"""The page explorer of the news index at growth: as many queries for 60 news items as for 5, and
each row's translation buttons still as wagtail-localize would show them."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.models import GroupPagePermission, Page, PageLogEntry, PageViewRestriction, Site

from home import translation_buttons
from home.demo import translated_page
from home.explorer import REMEMBERED_FILTERS, ExplorerFilterSet
from news.models import NewsPage
from tests.factories import NewsPageFactory, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

# What grew with the rows is gone (wagtail-localize's buttons, two to four queries per page), and
# what only changes with content comes from memory (home/explorer.py). What is left for a
# communications user, the same for any number of children: the session, the user and their rights
# (Django's, the pages', the collections' and the sites' for the menu, may they edit a report), the
# profile, the page with its language and revisions, its scheduled revision, workflow and
# translations, the explorable root, the count, the rows with their workflow states,
# wagtail-localize's header buttons, Wagtail's list of languages for its scripts, the breadcrumbs and
# the usage count. A superuser needs none of the rights: at most 20, as the growth issue asks.
BUDGET = 25
SUPERUSER_BUDGET = 20


@pytest.fixture
def staff_user(home_pages):
    """A member of the communications group, as staff work: not a superuser."""
    return StaffUserFactory()


@pytest.fixture
def staff(client, staff_user):
    client.force_login(staff_user)
    return client


def add_items(news_indexes, add_news, start, count):
    """News items of three kinds: translated into English (German still to do), translated into
    English and German, and Dutch only."""
    for number in range(start, start + count):
        title = f"Bericht {number}"
        languages = ("nl", "en", "de")[: 1 + number % 3]
        if len(languages) == 1:
            add_news("nl", title, revision=False)
            continue
        content = {
            code: {"title": f"{title} {code}", "slug": f"bericht-{number}-{code}"} for code in languages
        }
        content["nl"]["intro"] = "Inleiding"
        translated_page(news_indexes["nl"], NewsPage, content)


def explore(client, index):
    url = f"/admin/pages/{index.pk}/"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def translation_links(html, page):
    """The translation buttons in the row of ``page``: the URLs of its "More" menu about translating."""
    row = html.split(f'data-object-id="{page.pk}"', 1)[1].split("</tr>", 1)[0]
    return sorted(re.findall(r'href="(/admin/localize/[^"]*)"', row.replace("&amp;", "&")))


def expected_links(page, user, next_url):
    """What wagtail-localize's own function shows for ``page``, the way Wagtail asks it."""
    buttons = translation_buttons.REPLACED(page=page, user=user, next_url=next_url)
    return sorted(button.url for button in buttons)


def explore_warm(client, index):
    """The explorer as an editor sees it most of the time: not the first request after a change,
    which looks up again what the explorer remembers (home/explorer.py)."""
    explore(client, index)
    return explore(client, index)


@pytest.mark.parametrize(("who", "budget"), [("staff", BUDGET), ("admin_client", SUPERUSER_BUDGET)])
def test_the_news_explorer_asks_the_same_queries_for_5_and_60_items(
    request, who, budget, news_indexes, add_news
):
    client = request.getfixturevalue(who)
    index = news_indexes["nl"]
    add_items(news_indexes, add_news, 0, 5)
    _html, few = explore_warm(client, index)

    add_items(news_indexes, add_news, 5, 55)
    _html, first = explore(client, index)
    html, many = explore(client, index)

    assert len(many) == len(few) <= budget, "\n".join(many)
    assert html.count("data-object-id=") >= 50  # a full page of rows
    # The first request after the change asks what the others remember: a handful more, not per row.
    assert len(many) < len(first) <= len(many) + 10, "\n".join(first)


def test_each_row_offers_the_translation_buttons_wagtail_localize_would(
    staff, staff_user, news_indexes, add_news
):
    index = news_indexes["nl"]
    add_items(news_indexes, add_news, 0, 6)

    html, _queries = explore(staff, index)

    pages = list(NewsPage.objects.child_of(index))
    offered = {page.pk: translation_links(html, page) for page in pages}
    assert offered == {
        page.pk: expected_links(page, staff_user, f"/admin/pages/{index.pk}/") for page in pages
    }
    # All three kinds are there: only "Translate", "Translate" and "Sync", only "Sync".
    assert {tuple("/submit/" in link for link in links) for links in offered.values()} == {
        (True,),
        (True, False),
        (False,),
    }


def test_a_pages_header_offers_the_translation_buttons_wagtail_localize_would(
    staff, staff_user, news_indexes, add_news
):
    """The header of a page in the explorer, of each kind; its answers in one query, not four."""
    index = news_indexes["nl"]
    add_items(news_indexes, add_news, 0, 3)
    offered = {}
    for page in NewsPage.objects.child_of(index):
        html, queries = explore(staff, page)  # a news item has no children: the header's links only
        offered[page.pk] = sorted(re.findall(r'href="(/admin/localize/[^"]*)"', html.replace("&amp;", "&")))
        assert offered[page.pk] == expected_links(page, staff_user, f"/admin/pages/{page.pk}/")
        assert sum("wagtail_localize_" in query for query in queries) == 1
    # All three kinds: only "Translate", "Translate" and "Sync", only "Sync".
    assert {tuple("/submit/" in link for link in links) for links in offered.values()} == {
        (True,),
        (True, False),
        (False,),
    }


# What the explorer remembers until content changes (home/explorer.py), seen as an editor sees it.


def filter_choices(html, name):
    """The values of the filter drawer's checkboxes or radio buttons named ``name``."""
    return sorted(re.findall(rf'<input type="(?:checkbox|radio)" name="{name}" value="([^"]*)"', html))


def row_ids(html):
    return {int(pk) for pk in re.findall(r'data-object-id="(\d+)"', html)}


def test_the_filters_offer_what_wagtails_own_filters_offer(rf, admin_user, staff_user, news_indexes):

    page = NewsPageFactory(parent=news_indexes["nl"], owner=staff_user)
    PageLogEntry.objects.log_action(page, "wagtail.edit", user=admin_user)
    request = rf.get("/admin/pages/")
    request.user = admin_user

    def offered(filterset_class):
        form = filterset_class(queryset=Page.objects.all(), request=request).form
        return {
            name: [(str(v), str(label)) for v, label in form.fields[name].choices]
            for name in (*REMEMBERED_FILTERS, "locale")
        }

    wagtails = offered(GenericPageFilterSet)
    assert offered(ExplorerFilterSet) == wagtails  # looked up
    assert offered(ExplorerFilterSet) == wagtails  # from memory
    assert str(staff_user.pk) in [value for value, _label in wagtails["owner"]]
    assert str(admin_user.pk) in [value for value, _label in wagtails["edited_by"]]
    assert [code for code, _name in wagtails["locale"] if code not in ("", "None")] == ["nl", "en", "de"]


def test_a_new_owner_and_a_new_site_show_in_the_filters_at_once(
    admin_client, staff_user, news_indexes, home_pages
):

    home = home_pages["nl"]
    html, _queries = explore_warm(admin_client, home)
    assert str(staff_user.pk) not in filter_choices(html, "owner")
    sites = filter_choices(html, "site")

    NewsPageFactory(parent=news_indexes["nl"], owner=staff_user)
    site = Site.objects.create(hostname="en.example.org", root_page=home_pages["en"])
    html, _queries = explore(admin_client, home)

    assert str(staff_user.pk) in filter_choices(html, "owner")
    assert filter_choices(html, "site") == sorted([*sites, str(site.pk)])


def test_filtering_by_owner_and_page_type_lists_only_those_pages(
    admin_client, staff_user, news_indexes, home_pages
):

    index = news_indexes["nl"]
    own = {NewsPageFactory(parent=index, owner=staff_user).pk for _ in range(2)}
    others = {NewsPageFactory(parent=index).pk for _ in range(2)}
    explore_warm(admin_client, index)

    response = admin_client.get(f"/admin/pages/{index.pk}/", {"owner": staff_user.pk})
    assert response.status_code == 200
    assert row_ids(response.content.decode()) == own

    home = home_pages["nl"]
    news_type = ContentType.objects.get_for_model(NewsPage).pk
    response = admin_client.get(f"/admin/pages/{home.pk}/", {"content_type": news_type})
    assert row_ids(response.content.decode()) == own | others


def test_rows_show_their_language_and_type_from_memory_as_wagtail_would(admin_client, home_pages):

    html, _queries = explore_warm(admin_client, Page.get_first_root_node())
    for language, name in (("nl", "Nederlands"), ("en", "English"), ("de", "Deutsch")):
        row = html.split(f'data-object-id="{home_pages[language].pk}"', 1)[1].split("</tr>", 1)[0]
        text = " ".join(re.sub(r"<[^>]+>", " ", row).split())
        assert f"Pr8werk {name} Wijzig" in text  # the title with its language label
        assert "Startpagina" in text  # the page type


def shown_as_private(html):
    """Whether the header's status tag says "Private" rather than "Visible to all"."""
    public = re.search(r'class="page-status-tag([^"]*)"\s+aria-label="Zichtbaar voor iedereen', html)
    assert public, "no status tag in the header"
    return "w-hidden" in public.group(1)


def test_a_restricted_page_shows_as_private_as_soon_as_it_is_restricted(admin_client, news_indexes):

    index = news_indexes["nl"]
    html, _queries = explore_warm(admin_client, index)
    assert not shown_as_private(html)

    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    html, _queries = explore(admin_client, index)
    assert shown_as_private(html)


def test_a_page_outside_an_editors_part_of_the_tree_sends_them_to_their_own(client, news_indexes):
    """Wagtail's redirect, kept in the explorer's own get(): an editor of the English news only,
    asking for the Dutch news index, lands on the English one."""

    group = Group.objects.create(name="English news")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=news_indexes["en"], permission=Permission.objects.get(codename="change_page")
    )
    editor = UserFactory()
    editor.groups.add(group)
    client.force_login(editor)

    response = client.get(f"/admin/pages/{news_indexes['nl'].pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{news_indexes['en'].pk}/"
    assert client.get(response["Location"]).status_code == 200


def test_searching_the_whole_tree_shows_each_result_under_its_own_parent(
    admin_client, news_indexes, add_news
):
    """The explorer drops Wagtail's parent column, but a search still names the parent of a result
    from elsewhere in the tree, as Wagtail's explorer does."""
    add_items(news_indexes, add_news, 1, 1)  # "Bericht 1 nl" and its English translation
    index = news_indexes["nl"]
    explore_warm(admin_client, index)

    response = admin_client.get(f"/admin/pages/{index.pk}/", {"q": "Bericht", "search_all": "1"})
    html = response.content.decode()

    english = NewsPage.objects.get(title="Bericht 1 en")
    dutch = NewsPage.objects.get(title="Bericht 1 nl")
    assert {english.pk, dutch.pk} <= row_ids(html)
    english_row = html.split(f'data-object-id="{english.pk}"', 1)[1].split("</tr>", 1)[0]
    dutch_row = html.split(f'data-object-id="{dutch.pk}"', 1)[1].split("</tr>", 1)[0]
    assert f'href="/admin/pages/{news_indexes["en"].pk}/"' in english_row
    assert f'href="/admin/pages/{index.pk}/"' not in dutch_row.split("actions", 1)[0]
