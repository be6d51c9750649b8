"""Small factories for the unit tests on an empty database (ARCHITECTURE.md, Tests).

A page factory takes its parent: ``EventPageFactory(parent=agenda)``. A page is published with a
revision, as an editor leaves it; ``revision=False`` leaves it as ``add_child`` made it (live, no
revision), as a bulk import would. ``translate`` adds the en and de translations the way the demo loader
and editors make them. The demo site of the site-wide and browser tests comes from the demo loader,
not from here.
"""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale, Page

from events.models import EventIndexPage, EventPage, Registration
from home.demo import make_way, root_page, serve_as_default_site, translated_page, translated_snippet
from home.models import HomePage, Sector
from home.roles import staff_group
from network.models import NetworkIndexPage, NetworkPage
from news.models import NewsIndexPage, NewsPage, Topic

PASSWORD = "secret-pass-123"


def translate(source, content, *, publish=True):
    """``source`` (a Dutch page or snippet) and its translations: ``content`` maps en and/or de to the
    fields that differ from the Dutch. Returns ``{code: object}``, nl included.

    The demo loader's own code makes them, as "Translate this page" does: a copy that shares the
    translation key, StreamField block ids shared with the source, held by wagtail-localize. Only one
    way of making a translation then exists in the project, and the tests use it.
    """
    if isinstance(source, Page):
        return translated_page(
            source.get_parent(), type(source), {"nl": {"slug": source.slug}, **content}, publish=publish
        )
    return translated_snippet(type(source), {"pk": source.pk}, {"nl": {}, **content}, publish=publish)


# Users


class UserFactory(DjangoModelFactory):
    """Someone with a login and no rights; every user has the password ``PASSWORD``."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)


class SuperuserFactory(UserFactory):
    username = "staff"
    is_staff = True
    is_superuser = True


class StaffUserFactory(UserFactory):
    """Communications staff (home/roles.py): writes, publishes and translates every page; moderates."""

    username = factory.Sequence(lambda n: f"redactie{n}")

    @factory.post_generation
    def staff(user, create, extracted, **kwargs):
        if create:
            user.groups.add(staff_group())


# Snippets


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector

    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"Sector {n}")
    slug = factory.LazyAttribute(lambda sector: slugify(sector.name))


# The three O's in nl, en and de, as the demo data names them: (slug, nl, en, de).
THREE_SECTORS = [
    ("ondernemers", "Ondernemers", "Businesses", "Unternehmen"),
    ("overheid", "Overheid", "Government", "Öffentliche Hand"),
    ("organisaties", "Organisaties", "Non-profit organisations", "Organisationen"),
]


def three_sectors():
    """The three O's with their translations: ``{code: {slug: sector}}``."""
    made = {"nl": {}, "en": {}, "de": {}}
    for order, (slug, nl, en, de) in enumerate(THREE_SECTORS, start=1):
        dutch = SectorFactory(slug=slug, name=nl, sort_order=order)
        for code, sector in translate(dutch, {"en": {"name": en}, "de": {"name": de}}).items():
            made[code][slug] = sector
    return made


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"onderwerp {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


class ImageFactory(wagtail_factories.ImageFactory):
    # wagtail-factories would make a new root collection for each image; the site has one.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(filename="testbeeld.png", width=1200, height=800, format="PNG")


# Pages


class PageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def revision(page, create, extracted, **kwargs):
        return extracted is not False

    @classmethod
    def _after_postgeneration(cls, page, create, results=None):
        # After every other post-generation step (a network page's tags): the revision holds them all.
        if create and results["revision"]:
            page.save_revision().publish()
            page.refresh_from_db()


class HomePageFactory(PageFactory):
    """The Dutch home page: a child of the tree's root in place of Wagtail's "Welcome" page, and the
    root of the default site at the address of ``SITE_BASE_URL``."""

    class Meta:
        model = HomePage

    parent = factory.LazyFunction(root_page)
    title = "Pr8werk"
    slug = "home"
    mission_title = "Meer werk voor zp'ers in de Achterhoek"
    mission = "Twee keer per jaar brengen we zelfstandige professionals en opdrachtgevers bij elkaar."
    sectors_title = "De drie O's"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        make_way(kwargs["parent"], kwargs["slug"])
        return super()._create(model_class, *args, **kwargs)

    @classmethod
    def _after_postgeneration(cls, page, create, results=None):
        super()._after_postgeneration(page, create, results)
        if create:
            serve_as_default_site(page, "Pr8werk")


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Agenda"


def _next_session_start():
    return (timezone.now() + datetime.timedelta(days=10)).replace(second=0, microsecond=0)


class EventPageFactory(PageFactory):
    """A session ten days from now that takes sign-ups (no capacity: no limit)."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Ontbijtsessie {n}")
    start = factory.LazyFunction(_next_session_start)
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=3))
    venue_name = "Het Assink"
    venue_address = "Stationsstraat 1"
    venue_town = "Wehl"


class RegistrationFactory(DjangoModelFactory):
    """A confirmed registration of ``event``, stored without the sign-up flow."""

    class Meta:
        model = Registration

    name = "Anna de Vries"
    email = "anna@example.org"
    role = Registration.Role.ZP
    consent_text = "Ik ga akkoord met de privacyverklaring."
    language = factory.LazyAttribute(lambda registration: registration.event.locale.language_code)
    status = Registration.Status.CONFIRMED


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Nieuws"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Nieuws {n}")
    date = datetime.date(2013, 1, 1)
    intro = factory.LazyAttribute(lambda page: f"Inleiding bij {page.title}")


class NetworkIndexPageFactory(PageFactory):
    class Meta:
        model = NetworkIndexPage

    title = "Netwerken"


class NetworkPageFactory(PageFactory):
    class Meta:
        model = NetworkPage

    title = factory.Sequence(lambda n: f"Netwerk {n}")
    short_description = factory.LazyAttribute(lambda page: f"Over {page.title}.")

    @factory.post_generation
    def tags(page, create, extracted, **kwargs):
        if create and extracted:
            page.tags.add(*extracted)
