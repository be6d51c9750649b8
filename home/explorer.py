"""Wagtail's page explorer, asking the database only for what changes with the page it shows.

Wagtail's explorer of a page with fifty children took 33 queries (40 for a communications user),
whatever the number of children. About half of them fetched what only changes when content
changes: the languages, the sites, the page types and people the filters offer, the view
restrictions, the tree's root, the content type and language of every row, and every row's parent
for a column the explorer never shows. Those now come from what the content generation remembers
(home/cache.py): every save of a page, revision, locale, site or view restriction moves it on, so
the explorer shows them as fresh as the database. The rest (the page with its language and
revisions, its workflow and translations, the children and their workflow states, the user's
rights) is still asked every time: 17 queries, 25 for a communications user.

One thing can lag: the names in the "Owner" and "Edited by" filters are users' rows, which are not
content; a renamed user keeps the old name there until the next content change."""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import LocaleFilter
from wagtail.admin.ui.tables.pages import ParentPageColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView, GenericPageFilterSet
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, PageViewRestriction

from home.cache import remembered
from home.routing import cached_site_for_request

# The filters whose choices are rows of other tables; the rest have fixed choices.
REMEMBERED_FILTERS = ("owner", "edited_by", "site", "content_type")


def locales_by_id():
    return remembered("explorer:locales", lambda: {locale.pk: locale for locale in Locale.objects.all()})


def view_restriction_paths():
    """What Wagtail's test_page_is_public tag reads once per request: the paths of restricted pages."""
    return remembered(
        "explorer:view-restriction-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


class ExplorerFilterSet(GenericPageFilterSet):
    def _add_locale_filter(self):
        # Wagtail's, with the languages that have a Locale remembered instead of asked.
        codes = remembered(
            "explorer:locale-codes", lambda: set(Locale.objects.values_list("language_code", flat=True))
        )
        choices = [(code, name) for code, name in get_content_languages().items() if code in codes]
        if "locale" in self.filters or len(choices) <= 1:
            return
        self.filters["locale"] = LocaleFilter(
            label=_("Locale"),
            choices=choices,
            empty_label=None,
            null_label=_("All"),
            null_value=None,
            widget=forms.RadioSelect,
        )

    @property
    def form(self):
        form = super().form
        if not getattr(self, "_choices_remembered", False):
            self._choices_remembered = True
            language = translation.get_language()
            for name in REMEMBERED_FILTERS:
                field = form.fields.get(name)
                if field is not None:
                    # Exactly what the field would list, as (value, label) strings: a checked box
                    # compares the submitted value as a string too. Set past django-filter's setter,
                    # which would wrap a list in an iterator over a queryset.
                    choices = remembered(
                        f"explorer:filter:{name}:{language}",
                        lambda field=field: [(str(value), str(label)) for value, label in field.choices],
                    )
                    field._choices = field.widget.choices = choices
        return form


class ExplorerView(ExplorableIndexView):
    base_filterset_class = ExplorerFilterSet

    # The explorer never shows the parent column (its rows are the parent's children, or search
    # results, whose parents it looks up itself), but with the column in the list Wagtail looks up
    # every row's parent.
    base_columns = [
        column for column in ExplorableIndexView.base_columns if not isinstance(column, ParentPageColumn)
    ]

    def get(self, request, parent_page_id=None):
        cached_site_for_request(request)
        request.all_page_view_restriction_paths = view_restriction_paths()
        if not parent_page_id:
            return super().get(request, parent_page_id)

        # Wagtail's get(), with the page's language and latest revisions fetched with it, and a
        # superuser's explorable root (the tree's root, where Wagtail caches it for the request)
        # remembered.
        page = get_object_or_404(
            Page.objects.select_related(
                "locale", "latest_revision", "live_revision"
            ).prefetch_workflow_states(),
            id=parent_page_id,
        )
        policy = self.permission_policy
        if request.user.is_superuser and not hasattr(
            request.user, policy._explorable_root_instance_cache_name
        ):
            setattr(
                request.user,
                policy._explorable_root_instance_cache_name,
                remembered("explorer:tree-root", Page.get_first_root_node),
            )
        root_page = policy.explorable_root_instance(request.user)
        if not (page.pk == root_page.pk or page.is_descendant_of(root_page)):
            return redirect(self.index_url_name, root_page.pk)

        self.parent_page = page.specific
        for name, value in page._state.fields_cache.items():
            self.parent_page._state.fields_cache.setdefault(name, value)
        self.scheduled_page = self.parent_page.get_scheduled_revision_as_object()
        self.permissions = self.parent_page.permissions_for_user(self.request.user)

        if self.i18n_enabled and not self.parent_page.is_root():
            self.locale = self.parent_page.locale
            self.translations = self.get_translations()
        else:
            self.locale = None
            self.translations = []

        return super(ExplorableIndexView, self).get(request)

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages)
        # Without the prefetches of every row's content type, language and sites (Wagtail shows
        # none of the sites); the first two are filled in from memory in get_context_data.
        pages = pages.prefetch_related(None)
        if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            pages = pages.prefetch_workflow_states()
        return pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locales = locales_by_id()
        for page in context["object_list"]:
            known = page._state.fields_cache
            known.setdefault("content_type", ContentType.objects.get_for_id(page.content_type_id))
            if page.locale_id in locales:
                known.setdefault("locale", locales[page.locale_id])
        return context
