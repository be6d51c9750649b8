"""The page editor's create view, made safe against Wagtail's own autosave of the create form.

Wagtail 8 autosaves the create form: the first autosave creates the page as a draft and the form
then continues as an edit form. A Publish pressed while that autosave is still on its way, and any
fresh start of the same page later, post the create form again with the same slug, which gave a
500 (the model's slug check after the form's) or "slug already in use" for the editor's own draft.
Here a create post with the slug of the editor's own never-published draft of the same type
continues that draft (its earlier content stays in the page's history), creates under one parent
are taken one at a time, and a slug taken in between is a form error, never a 500.
"""

import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import set_query_params
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet, page_viewset_registry
from wagtail.models import Page

from home.explorer import ExplorerFilterSet, ExplorerView


class CreatePageView(CreateView):
    retried = False

    def post(self, request):
        try:
            with transaction.atomic():
                # Creates under one parent wait for each other (PostgreSQL: row lock; SQLite takes
                # the write lock when the transaction begins), so the slug checks below see every
                # sibling the other request made.
                list(Page.objects.select_for_update().filter(pk=self.parent_page.pk).values_list("pk"))
                draft = self.own_unpublished_draft()
                if draft is not None:
                    return self.continue_draft(draft)
                return super().post(request)
        except ValidationError as error:
            # Only a page that reached the database after the form was checked gets here (one
            # created without this view, such as a translation). Checked again, it is the editor's
            # own draft, or the form shows the slug error like any other.
            if self.retried:
                return self.give_up(error)
            again = type(self).as_view(retried=True)
            return again(request, **self.kwargs)

    def own_unpublished_draft(self):
        """The editor's own sibling draft, never published, that this post's slug would clash with.

        Only a page that nobody else has touched: no other editor's revision, no workflow, no lock,
        no translation, no subpage.
        """
        slug = self.request.POST.get("slug", "").strip()
        if not slug:
            return None
        user = self.request.user
        candidates = self.parent_page.get_children().filter(
            slug=slug,
            content_type=self.page_content_type,
            owner=user,
            live=False,
            first_published_at__isnull=True,
            locked=False,
            numchild=0,
            alias_of__isnull=True,
        )
        for draft in candidates:
            if draft.revisions.exclude(user=user).exists() or draft.workflow_in_progress:
                continue
            if Page.objects.filter(translation_key=draft.translation_key).exclude(pk=draft.pk).exists():
                continue
            if Page.objects.filter(alias_of=draft).exists():
                continue
            return draft
        return None

    def continue_draft(self, draft):
        """Handle the post as the edit form of ``draft``, with Wagtail's edit view and its permission checks."""
        edit_view = page_viewset_registry.get_by_type(draft.specific_class).edit_view
        response = edit_view(self.request, page_id=draft.pk)
        if isinstance(response, JsonResponse):
            # Like the create view's own autosave answer: the form continues as the draft's edit form.
            return self.add_edit_urls(response, draft)
        if 300 <= response.status_code < 400:
            messages.info(
                self.request,
                _(
                    "Your unpublished draft '%(title)s' at this address was continued; its earlier version is in its history."
                )
                % {"title": draft.get_admin_display_title()},
            )
        return response

    def add_edit_urls(self, response, draft):
        data = json.loads(response.content)
        if data.get("success"):
            self.page = draft
            edit_url = self.get_edit_url()
            data.update(url=edit_url, hydrate_url=set_query_params(edit_url, {"_w_hydrate_create_view": "1"}))
        return JsonResponse(data, status=response.status_code)

    def give_up(self, error):
        message = " ".join(error.messages)
        if self.expects_json_response:
            return self.json_error_response("validation_error", message)
        messages.error(self.request, message)
        return redirect(self.request.get_full_path())


class PageViewSetWithSafeCreate(PageViewSet):
    """Wagtail's viewset for every page type, with the create view above and the explorer of
    home/explorer.py."""

    add_view_class = CreatePageView
    index_view_class = ExplorerView
    filterset_class = ExplorerFilterSet
