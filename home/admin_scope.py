"""What the admin shows of the rest of the site to someone who edits only part of it.

A network editor may change their own entry. Everywhere else in the admin they see what they can
edit and the public site's published pages, never another page's draft (a title not published yet
is a draft too), and only the images and documents of collections they have rights on. Site
editors (staff, superusers; see ``home.roles.is_site_editor``) see everything as Wagtail shows it.

Wagtail filters its explorer, listings and image and document choosers by permission already;
this module covers what it leaves open: the page chooser, the admin API's images and documents,
the move confirmation and the page types report, and it picks the explorer's start page.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.http import Http404
from django.urls import path, reverse
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

from home.cache import remembered
from home.roles import is_site_editor

EDIT_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


def page_policy():
    return policy_registry.get_by_type(Page)


def visible_page_ids(user):
    """Pages someone with partial rights may see: theirs, and public pages without a pending title."""
    editable = page_policy().instances_user_has_any_permission_for(user, EDIT_ACTIONS).order_by()
    published = Page.objects.live().public().filter(draft_title=F("title")).order_by()
    return Page.objects.filter(
        Q(pk__in=editable.values("pk")) | Q(pk__in=published.values("pk"))
    ).values_list("pk", flat=True)


def scope_page_chooser(pages, request):
    """``construct_page_chooser_queryset``: the chooser lists only pages the user may see."""
    user = request.user
    if is_site_editor(user):
        return pages
    visible = visible_page_ids(user)
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    # The browse view shows the parent's title above its children.
    if parent_id and not Page.objects.filter(Q(pk__in=visible) | Q(depth=1), pk=parent_id).exists():
        raise Http404
    return pages.filter(pk__in=visible)


def refuse_move_without_permission(request, page, destination):
    """``before_move_page``: the confirmation shows both titles, so it asks for the right first."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images: only those in collections the user may choose or change images in."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(get_image_model())
        allowed = policy.instances_user_has_any_permission_for(self.request.user, ["choose", "change"])
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents: only those in collections the user may choose or change them in."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(get_document_model())
        allowed = policy.instances_user_has_any_permission_for(self.request.user, ["choose", "change"])
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


def scope_admin_api(router):
    """``construct_admin_api``, run after Wagtail's own: the same endpoints, filtered."""
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


def site_editors_only(view):
    """The page types report names the last edited page of every type in the whole site."""

    def guarded(request, *args, **kwargs):
        if not is_site_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def urlpatterns():
    """Admin addresses guarded before Wagtail's own; site/config/urls.py puts them first."""
    return [
        path(
            "admin/reports/page-types-usage/",
            site_editors_only(PageTypesUsageReportView.as_view()),
        ),
        path(
            "admin/reports/page-types-usage/results/",
            site_editors_only(PageTypesUsageReportView.as_view(results_only=True)),
        ),
    ]


def explorer_start_page(user):
    """Where the page explorer opens: the user's own pages, not the tree's root.

    Wagtail opens it at the closest common ancestor of the pages someone has rights on; rights on
    the home pages of three languages, or on one entry and its translations, make that the root
    (which only says that pages created there are not on any site). Start instead at the
    highest such page, in the default language first.
    """
    if user.is_superuser:
        return None
    pages = page_policy().instances_with_direct_explore_permission(user)
    if not pages:
        return None
    root = page_policy().explorable_root_instance(user)
    if root is not None and not root.is_root():
        return root
    # Asked on every admin page (the main menu), and a Locale only changes with content.
    default_locale_id = remembered("admin-scope:default-locale", lambda: Locale.get_default().pk)
    return min(pages, key=lambda page: (page.locale_id != default_locale_id, page.depth, page.path))


class StartPageExplorerMenuItem(ExplorerMenuItem):
    def __init__(self, item, start_page):
        super().__init__(
            item.label,
            reverse("wagtailadmin_explore", args=[start_page.pk]),
            name=item.name,
            icon_name=item.icon_name,
            classname=item.classname,
            order=item.order,
        )
        self.start_page = start_page

    def render_component(self, request):
        # The same sidebar explorer, opened at the start page instead of the common ancestor.
        component = super().render_component(request)
        component.start_page_id = self.start_page.pk
        return component


def open_explorer_at_start_page(request, menu_items):
    """``construct_main_menu``: the "Pages" item opens at the user's start page."""
    start_page = explorer_start_page(request.user)
    if start_page is None:
        return
    for position, item in enumerate(menu_items):
        if isinstance(item, ExplorerMenuItem):
            menu_items[position] = StartPageExplorerMenuItem(item, start_page)
