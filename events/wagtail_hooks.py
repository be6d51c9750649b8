"""How the events app plugs into Wagtail's admin and the home page; the objects live elsewhere."""

from wagtail import hooks

from events import queries
from events.viewsets import RegistrationViewSet, outcome_follow_up_menu_item, outcome_follow_up_urls
from home.cache import remembered


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")


@hooks.register("register_admin_urls")
def register_outcome_follow_up_urls():
    return outcome_follow_up_urls()


@hooks.register("register_reports_menu_item")
def register_outcome_follow_up_menu_item():
    return outcome_follow_up_menu_item()


@hooks.register("home_page_sections")
def next_sessions(request, page):
    return queries.next_sessions(page)


@hooks.register("home_page_sections")
def latest_reports(request, page):
    # Reports and their outcomes' states only change with content: remembered until it does.
    return remembered(f"home-section:latest-reports:{page.pk}", lambda: queries.latest_reports(page))
