from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from network.models import PartnerQuote


class PartnerQuoteViewSet(SnippetViewSet):
    model = PartnerQuote
    icon = "openquote"
    menu_label = _("Partner quotes")
    list_display = ["person_name", "organisation", "locale", "live"]
    list_filter = ["locale", "live"]
    search_fields = ["person_name", "organisation", "quote"]
    add_to_admin_menu = True
    menu_order = 310


register_snippet(PartnerQuoteViewSet)
