from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.models import GroupPagePermission

from home.cache import remembered
from home.chrome import landmark_page
from network.documents import refuse_document_of_offline_network
from network.forms import ListingRequestAdminForm
from network.models import ListingRequest, NetworkIndexPage, NetworkOnboarding, NetworkPage
from network.onboarding import (
    GROUP_PREFIX,
    Directory,
    OnboardingError,
    ensure_moderation,
    listing_request_key,
    listing_request_resemblances,
    onboard_network,
)

# The documents of a network that is not online are not public (network/documents.py).
hooks.register("before_serve_document", refuse_document_of_offline_network)


def may_accept(listing_request):
    """New requests, and ones marked accepted by hand before onboarding refused that (never onboarded)."""
    if listing_request.status == ListingRequest.STATUS_NEW:
        return True
    onboarded = getattr(listing_request, "onboarded", None)  # annotated by the index view
    if onboarded is None:
        onboarded = listing_request.is_onboarded()
    return listing_request.status == ListingRequest.STATUS_ACCEPTED and not onboarded


class ResemblanceColumn(Column):
    """Which existing entries a request looks like; filled per page of the list by the index view."""

    def get_value(self, instance):
        return "; ".join(str(resemblance) for resemblance in getattr(instance, "resemblances", ()))


class ListingRequestIndexView(IndexView):
    def get_queryset(self):
        key = Concat(Value(ListingRequest.ONBOARDING_KEY_PREFIX), Cast(OuterRef("pk"), CharField()))
        return super().get_queryset().annotate(onboarded=Exists(NetworkOnboarding.objects.filter(key=key)))

    def get_table(self, object_list):
        object_list = list(object_list)
        directory = Directory()  # read once for the whole page of requests
        for listing_request in object_list:
            listing_request.resemblances = directory.listing_request_resemblances(listing_request)
        return super().get_table(object_list)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if may_accept(instance):
            buttons.append(
                MenuItem(
                    _("Accept and onboard"),
                    url=reverse("network_listingrequest:accept", args=[instance.pk]),
                    icon_name="success",
                    priority=5,
                )
            )
        return buttons


class AcceptListingRequestView(WagtailAdminTemplateMixin, TemplateView):
    """Accepting a listing request onboards the network: page, group, collection, account, mail."""

    template_name = "network/admin/accept_listing_request.html"
    header_icon = "group"
    viewset = None

    def dispatch(self, request, pk):
        if not self.viewset.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.object = get_object_or_404(ListingRequest, pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Accept listing request")

    def get_page_subtitle(self):
        return self.object.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            listing_request=self.object,
            resemblances=listing_request_resemblances(self.object),
            may_decline=self.object.status == ListingRequest.STATUS_NEW,
            **kwargs,
        )

    def post(self, request, pk):
        listing_request = self.object
        if request.POST.get("action") == "decline":
            if listing_request.status != ListingRequest.STATUS_NEW:
                messages.error(request, _("Only a new request can be declined."))
                return redirect("network_listingrequest:index")
            listing_request.status = ListingRequest.STATUS_DECLINED
            listing_request.handled_at = timezone.now()
            listing_request.save(update_fields=["status", "handled_at"])
            messages.success(
                request, _("The request of %(name)s was declined.") % {"name": listing_request.name}
            )
            return redirect("network_listingrequest:index")
        try:
            # Keyed by this request: a second "Accept" finds what the first made, by id, and a
            # request that copies another network's name still gets an entry of its own.
            result = onboard_network(
                listing_request.name,
                listing_request.email,
                key=listing_request_key(listing_request),
                contact_person=listing_request.contact_name,
                website=listing_request.website,
                short_description=listing_request.description,
                language=listing_request.language,
            )
        except OnboardingError as error:
            messages.error(request, str(error))
            return redirect("network_listingrequest:index")
        listing_request.status = ListingRequest.STATUS_ACCEPTED
        listing_request.handled_at = timezone.now()
        listing_request.network_page = result.page
        listing_request.save(update_fields=["status", "handled_at", "network_page"])
        messages.success(
            request,
            _("%(name)s is onboarded: its draft page, group, collection and account are ready.")
            % {"name": listing_request.name},
        )
        return redirect("wagtailadmin_pages:edit", result.page.pk)

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data())


class ListingRequestEditView(EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resemblances"] = listing_request_resemblances(self.object)
        return context


class ListingRequestInspectView(InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resemblances"] = listing_request_resemblances(self.object)
        return context


class ListingRequestViewSet(ModelViewSet):
    model = ListingRequest
    icon = "mail"
    menu_label = gettext_lazy("Listing requests")
    add_to_admin_menu = True
    menu_order = 320
    index_view_class = ListingRequestIndexView
    edit_view_class = ListingRequestEditView
    inspect_view_class = ListingRequestInspectView
    edit_template_name = "network/admin/listing_request_edit.html"
    inspect_template_name = "network/admin/listing_request_inspect.html"
    list_display = [
        "name",
        "contact_name",
        "email",
        "status",
        "created_at",
        ResemblanceColumn("resemblances", label=gettext_lazy("Resembles")),
    ]
    list_filter = ["status", "language"]
    search_fields = ["name", "contact_name", "email", "description"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["name", "website", "contact_name", "email", "phone", "description", "status"]

    def get_form_class(self, for_update=False):
        return ListingRequestAdminForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("accept/<int:pk>/", AcceptListingRequestView.as_view(viewset=self), name="accept"),
        ]


listing_request_viewset = ListingRequestViewSet("network_listingrequest")


@hooks.register("register_admin_viewset")
def register_listing_request_viewset():
    return listing_request_viewset


@hooks.register("after_create_page")
def moderate_new_directory(request, page):
    if isinstance(page.specific, NetworkIndexPage):
        ensure_moderation()


@receiver(post_save, sender=NetworkPage)
def share_permissions_with_translations(sender, instance, created, raw=False, **kwargs):
    """A new translation of a network page is editable by the same network group as the original."""
    if not created or raw:
        return
    originals = GroupPagePermission.objects.filter(page__translation_key=instance.translation_key).exclude(
        page_id=instance.pk
    )
    for grant in originals.select_related("permission"):
        GroupPagePermission.objects.get_or_create(
            group_id=grant.group_id, page=instance, permission=grant.permission
        )


@hooks.register("home_page_sections")
def home_networks(request, page):
    """A few networks on the home page: the most recently updated ones, with a link to the directory.
    Remembered until content changes."""
    return remembered(f"home-section:networks:{page.pk}", lambda: _home_networks(page))


def _home_networks(page):
    index = landmark_page(NetworkIndexPage, path__startswith=page.path, depth=page.depth + 1)
    if index is None:
        return None
    networks = list(NetworkPage.objects.child_of(index).live().order_by("-last_published_at")[:3])
    if not networks:
        return None
    return {"template": "network/includes/home_networks.html", "order": 40, "index": index, "items": networks}


class NetworkEntryPanel(Component):
    """The dashboard of a network editor: their entry in each language, with an edit link."""

    name = "network_entry"
    order = 10
    template_name = "network/admin/network_entry_panel.html"

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["pages"] = self.pages
        return context


def is_network_editor(user):
    return not user.is_superuser and user.groups.filter(name__startswith=GROUP_PREFIX).exists()


@hooks.register("construct_homepage_summary_items")
def hide_site_page_count_from_network_editors(request, summary_items):
    # Their rights span the three language trees, so Wagtail would count every page of the site
    # under "Pages"; their entry panel lists what they can edit instead.
    if is_network_editor(request.user):
        summary_items[:] = [item for item in summary_items if not isinstance(item, PagesSummaryItem)]


@hooks.register("construct_homepage_panels")
def network_editor_dashboard(request, panels):
    if not is_network_editor(request.user):
        return
    user = request.user
    pages = (
        NetworkPage.objects.filter(
            group_permissions__group__user=user, group_permissions__permission__codename="change_page"
        )
        .select_related("locale")
        .distinct()
        .order_by("title")
    )
    panels.insert(0, NetworkEntryPanel(list(pages)))
