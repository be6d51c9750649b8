from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home import admin_scope, task_queue, translation_buttons
from home.models import FooterText, PartnerQuote, Sector
from home.viewsets import PageViewSetWithSafeCreate


class SectorViewSet(translation_buttons.TranslatableSnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectors (three O's)")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    ordering = ["sort_order"]
    add_to_admin_menu = True
    menu_order = 300


class FooterTextViewSet(translation_buttons.TranslatableSnippetViewSet):
    model = FooterText
    icon = "doc-empty"
    list_display = ["__str__", "locale"]


class PartnerQuoteViewSet(translation_buttons.TranslatableSnippetViewSet):
    model = PartnerQuote
    icon = "openquote"
    menu_label = _("Partner quotes")
    list_display = ["person_name", "organisation", "page", "locale", "live"]
    list_filter = ["locale", "live"]
    search_fields = ["person_name", "organisation", "quote"]
    add_to_admin_menu = True
    menu_order = 310

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page")


register_snippet(SectorViewSet)
register_snippet(PartnerQuoteViewSet)
register_snippet(FooterTextViewSet)


# People who edit part of the site see nothing of the rest's drafts (home/admin_scope.py).
hooks.register("construct_page_chooser_queryset", admin_scope.scope_page_chooser)
hooks.register("before_move_page", admin_scope.refuse_move_without_permission)
hooks.register("construct_main_menu", admin_scope.open_explorer_at_start_page)
# After Wagtail's images and documents apps have registered their endpoints.
hooks.register("construct_admin_api", admin_scope.scope_admin_api, order=100)
# Mail waiting in the task queue because the worker is not running.
hooks.register("construct_homepage_panels", task_queue.add_stale_queue_panel)
# wagtail-localize's per-row translation buttons, answered by the explorer's query (home/translation_buttons.py).
hooks.register("construct_explorer_page_queryset", translation_buttons.annotate_explorer_pages)
translation_buttons.install()


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # After Wagtail's own base page viewset (order -1), so this one serves every page type.
    return PageViewSetWithSafeCreate()
