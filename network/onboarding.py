"""Onboarding a network in one step, and the permissions and workflow that keep it in its lane.

A network gets: a draft NetworkPage in the directory, a Wagtail group that may edit that page
(and its translations) but not publish it, a collection for its images and documents, a user
account in that group, and a mail with a link to set a password.

What onboarding made is recorded by id in a ``NetworkOnboarding`` row under a key of whoever asked
(a listing request, or the command), so running it again for the same request changes nothing,
except that an account that never set its password gets the mail again: the first one may have been
lost to a mail server that was down. Nothing is ever looked up by name: a stranger can type an
existing network's name into the listing request form, and must get a new entry of their own, never
a seat in the existing network's group.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.roles import STAFF_GROUP, ensure_permissions_exist, grant_staff_permissions
from network.models import NetworkIndexPage, NetworkOnboarding, NetworkPage
from network.tasks import send_welcome_mail

GROUP_PREFIX = "Netwerk: "
MODERATORS_GROUP = STAFF_GROUP
NETWORKS_COLLECTION = "Netwerken"
WORKFLOW_NAME = "Netwerkvermeldingen"
TASK_NAME = "Goedkeuring door communicatie"

STAFF_PERMISSIONS = [
    ("network", "view_listingrequest"),
    ("network", "change_listingrequest"),
    ("home", "add_partnerquote"),
    ("home", "change_partnerquote"),
    ("home", "publish_partnerquote"),
]

# What a network's group may do with the images and documents in its own collection.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


class OnboardingError(Exception):
    pass


@dataclass
class Onboarding:
    record: NetworkOnboarding
    page: Page
    group: Group
    collection: Collection
    user: object
    created: list = field(default_factory=list)
    # The welcome mail was handed to the task queue (when the transaction commits).
    mail_queued: bool = False
    # ... and it is a second mail, to an existing account that never set its password.
    mail_resent: bool = False
    # The queue's TaskResult once it is enqueued: a worker backend leaves it READY, the immediate
    # backend has already run it (SUCCESSFUL or FAILED).
    mail_task: object = None


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def directory_page():
    index = NetworkIndexPage.objects.filter(locale__language_code="nl").order_by("path").first()
    if index is None:
        index = NetworkIndexPage.objects.order_by("path").first()
    if index is None:
        raise OnboardingError(_("There is no network directory page yet; create one first."))
    return index


def ensure_moderation():
    """The "Communicatie" group and the workflow that makes it approve every network entry.

    The workflow is linked to every directory page (all languages), so it covers each network page,
    including ones staff add by hand.
    """
    ensure_permissions_exist("home", "network")
    # Communications staff handle listing requests and partner quotes too.
    moderators = grant_staff_permissions(STAFF_PERMISSIONS)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.add(moderators)
        # Wagtail's own moderators group approves too, so an installation that uses it keeps working
        # (home's migration 0003 gave it its Dutch name).
        wagtail_moderators = Group.objects.filter(name__in=["Moderatoren", "Moderators"]).first()
        if wagtail_moderators:
            task.groups.add(wagtail_moderators)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in NetworkIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=moderators, page=index, permission=permission("wagtailcore", codename)
            )
    return workflow


def grant_page_to_group(group, page):
    """Edit rights (no publish) on ``page`` and all its translations."""
    change = permission("wagtailcore", "change_page")
    for translation in Page.objects.filter(translation_key=page.translation_key):
        GroupPagePermission.objects.get_or_create(group=group, page=translation, permission=change)


def grant_collection_to_group(group, collection):
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission(app_label, codename)
        )


def ensure_group(name, page, collection):
    """The group named after ``name``, found by that name: for the demo loader's own fixed names only.

    Onboarding never calls this: it makes a new group (:func:`create_group`) and finds it again by id.
    """
    group, created = Group.objects.get_or_create(name=f"{GROUP_PREFIX}{name}"[:150])
    if created:
        group.permissions.add(permission("wagtailadmin", "access_admin"))
    grant_page_to_group(group, page)
    grant_collection_to_group(group, collection)
    return group, created


def networks_collection():
    """The parent collection of all networks' collections."""
    root = Collection.get_first_root_node()
    if root is None:  # a flushed database, as in transactional tests
        root = Collection.add_root(name="Root")
    parent = root.get_children().filter(name=NETWORKS_COLLECTION).first()
    if parent is None:
        parent = root.add_child(name=NETWORKS_COLLECTION)
    return parent


def ensure_collection(name):
    """The collection named ``name``, found by that name: for the demo loader's own fixed names only."""
    parent = networks_collection()
    collection = parent.get_children().filter(name=name).first()
    created = collection is None
    if created:
        collection = parent.add_child(name=name)
    return collection, created


def unique_name(name, page, taken, *, max_length):
    """``name`` if nobody has it yet, else ``name (page-slug)``, numbered if even that is taken.

    Another network may carry the same name; its group or collection is never shared, and the
    page's slug in the new one's name tells staff which entry it belongs to.
    """
    candidates = [name, f"{name} ({page.slug})"]
    candidates += [f"{name} ({page.slug}-{number})" for number in range(2, 100)]
    for candidate in candidates:
        candidate = candidate[:max_length]
        if not taken(candidate):
            return candidate
    raise OnboardingError(_("No free name for the group or collection of this network."))


def create_group(name, page):
    label = name[:100]
    group_name = unique_name(
        f"{GROUP_PREFIX}{label}",
        page,
        lambda candidate: Group.objects.filter(name=candidate).exists(),
        max_length=150,
    )
    group = Group.objects.create(name=group_name)
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    return group


def create_collection(name, page):
    parent = networks_collection()
    collection_name = unique_name(
        name[:100],
        page,
        lambda candidate: parent.get_children().filter(name=candidate).exists(),
        max_length=255,
    )
    return parent.add_child(name=collection_name)


def create_page(index, name, *, short_description="", website="", contact_person="", email=""):
    """A new draft network page, always: never an existing one with the same title."""
    slug = slugify(name)[:200] or "netwerk"
    base, number = slug, 2
    while Page.objects.child_of(index).filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    page = NetworkPage(
        title=name,
        slug=slug,
        short_description=short_description[:300] or name,
        website=website,
        contact_person=contact_person,
        email=email,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision()
    return page


def is_site_staff(user):
    """An account with more rights than a network editor's: staff, superuser, or a non-network group."""
    return user.is_superuser or user.is_staff or user.groups.exclude(name__startswith=GROUP_PREFIX).exists()


def ensure_user(email, name, group, known=None):
    """The account for ``email`` in ``group``: ``known`` (the one recorded earlier) if it still has that
    address, else the account with that address, else a new one without a password."""
    User = get_user_model()
    email = email.strip()
    if known is not None and known.email.strip().lower() == email.lower():
        user = known
    else:
        user = User.objects.filter(email__iexact=email).order_by("pk").first()
    created = user is None
    if created:
        first, _sep, last = (name or "").strip().partition(" ")
        username = base = email.lower()[:150]
        number = 2
        while User.objects.filter(username=username).exists():
            suffix = f"-{number}"
            username = base[: 150 - len(suffix)] + suffix
            number += 1
        user = User(username=username, email=email, first_name=first[:150], last_name=last[:150])
        user.set_unusable_password()
        user.save()
    elif user.pk != getattr(known, "pk", None) and is_site_staff(user):
        # Whoever typed the address into the public form would otherwise make a staff account a
        # network editor, which narrows what that account sees in the admin.
        raise OnboardingError(
            _(
                "%(email)s belongs to an account of the site's staff; onboard the network with another address."
            )
            % {"email": email}
        )
    user.groups.add(group)
    return user, created


def never_set_a_password(user):
    """An active account that has no password and never logged in: still waiting for its mail.

    Someone who has logged in did set a password once; if it is unusable now, staff disabled it on
    purpose, and a re-run must not hand out a new one.
    """
    return user.is_active and not user.has_usable_password() and user.last_login is None


def command_key(name):
    """The key under which ``manage.py onboard_network`` records a network: the name staff typed.

    Only the command makes keys of this kind, so a name typed into the public form never reaches an
    entry the command made, nor the other way round.
    """
    return f"command:{slugify(name)[:200] or name.strip().casefold()[:200]}"


def listing_request_key(listing_request):
    return listing_request.onboarding_key


def onboard_network(
    name,
    email,
    *,
    key=None,
    contact_person="",
    website="",
    short_description="",
    language="nl",
    send_mail=True,
):
    """Onboard one network; returns an :class:`Onboarding` whose ``created`` lists what was new.

    ``key`` names who asks (see :class:`network.models.NetworkOnboarding`); without one, it is the
    command's key for ``name``. The same key finds the same page, group, collection and account by
    id; a new key always makes a new page, group and collection, whatever their names.
    """
    name = name.strip()
    if not name or not email:
        raise OnboardingError(_("A network needs a name and an email address."))
    key = key or command_key(name)
    with transaction.atomic():
        index = directory_page()
        ensure_moderation()
        # Locked, so that two staff pressing "Accept" at once onboard the network once.
        record, _created = NetworkOnboarding.objects.select_for_update().get_or_create(key=key)
        created = []
        page = record.page
        if page is None:
            page = create_page(
                index,
                name,
                short_description=short_description,
                website=website,
                contact_person=contact_person,
                email=email,
            )
            created.append("page")
        collection = record.collection
        if collection is None:
            collection = create_collection(name, page)
            created.append("collection")
        group = record.group
        if group is None:
            group = create_group(name, page)
            created.append("group")
        grant_page_to_group(group, page)
        grant_collection_to_group(group, collection)
        user, user_created = ensure_user(email, contact_person, group, known=record.user)
        if user_created:
            created.append("user")
        record.page, record.collection, record.group = page, collection, group
        if record.user_id is None:
            record.user = user
        record.save()
        result = Onboarding(
            record=record, page=page, group=group, collection=collection, user=user, created=created
        )
        # A new account gets the mail. An account that never set a password gets it again, so
        # running the command again resends a mail that a broken mail server swallowed; someone who
        # already logs in can use "forgot password" in the admin instead.
        resend = not user_created and never_set_a_password(user)
        if send_mail and (user_created or resend):

            def enqueue():
                result.mail_task = send_welcome_mail.enqueue(
                    user_id=user.pk, page_id=page.pk, language=language
                )

            transaction.on_commit(enqueue)
            result.mail_queued = True
            result.mail_resent = resend
    return result


# Mail providers many unrelated people share: the same one says nothing about two networks.
SHARED_MAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "outlook.nl",
        "live.com",
        "live.nl",
        "msn.com",
        "yahoo.com",
        "yahoo.nl",
        "icloud.com",
        "me.com",
        "proton.me",
        "protonmail.com",
        "ziggo.nl",
        "kpnmail.nl",
        "kpnplanet.nl",
        "planet.nl",
        "home.nl",
        "xs4all.nl",
        "hetnet.nl",
        "casema.nl",
        "chello.nl",
        "tele2.nl",
        "online.nl",
        "gmx.de",
        "gmx.net",
        "web.de",
        "t-online.de",
        "freenet.de",
    ]
)

REASON_SAME_NAME = pgettext_lazy("resemblance", "same name")
REASON_SIMILAR_NAME = pgettext_lazy("resemblance", "similar name")
REASON_WEBSITE = pgettext_lazy("resemblance", "same website domain")
REASON_EMAIL = pgettext_lazy("resemblance", "same email domain")
REASON_ACCOUNT = pgettext_lazy("resemblance", "the email address is one of its editors' accounts")


@dataclass
class Resemblance:
    page: NetworkPage
    reasons: list

    def __str__(self):
        return f"{self.page.title} ({', '.join(str(reason) for reason in self.reasons)})"


def normalized_name(name):
    """Lower case, no accents, words of letters and digits only: "Zp-Kring Lochem!" -> "zp kring lochem"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def names_resemble(first, second):
    """None, REASON_SAME_NAME or REASON_SIMILAR_NAME."""
    first, second = normalized_name(first), normalized_name(second)
    if not first or not second:
        return None
    if first == second or first.replace(" ", "") == second.replace(" ", ""):
        return REASON_SAME_NAME
    shorter, longer = sorted((first, second), key=len)
    if len(shorter) >= 5 and re.search(rf"\b{re.escape(shorter)}\b", longer):
        return REASON_SIMILAR_NAME  # "ONZ Achterhoek" in "Stichting ONZ Achterhoek"
    if difflib.SequenceMatcher(None, first, second).ratio() >= 0.85:
        return REASON_SIMILAR_NAME  # a typo, a missing hyphen
    return None


def website_domain(url):
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # "http://[broken" from a hand-made request
        return ""
    return host.removeprefix("www.")


def email_domain(email):
    domain = (email or "").rpartition("@")[2].strip().lower()
    return "" if domain in SHARED_MAIL_DOMAINS else domain


def same_domain(first, second):
    return bool(first and second) and (
        first == second or first.endswith(f".{second}") or second.endswith(f".{first}")
    )


class Directory:
    """The directory's entries (live or draft, any language) and their editors' addresses, read once
    to compare one or many listing requests with."""

    def __init__(self):
        self.entries = {}
        for page in NetworkPage.objects.select_related("locale").order_by("path"):
            self.entries.setdefault(page.translation_key, []).append(page)
        self.editors = {}
        rows = (
            get_user_model()
            .objects.filter(
                groups__page_permissions__page__translation_key__in=list(self.entries),
                groups__page_permissions__permission__codename="change_page",
            )
            .exclude(email="")
            .values_list("email", "groups__page_permissions__page__translation_key")
            .distinct()
        )
        for user_email, translation_key in rows:
            self.editors.setdefault(translation_key, set()).add(user_email.strip().lower())

    def resemblances(self, name, website="", email="", *, exclude_page_id=None):
        """The entries that look like the network asking: the same or a similar name, the same
        website domain, an email address at the entry's domain or one of its editors' accounts.
        ``exclude_page_id`` is the entry the request itself became."""
        asking_site = website_domain(website)
        asking_email = email.strip().lower()
        asking_mail_domain = email_domain(asking_email)
        found = []
        for translation_key, pages in self.entries.items():
            if any(page.pk == exclude_page_id for page in pages):
                continue
            editors = self.editors.get(translation_key, set())
            reasons = []
            name_reasons = {names_resemble(name, page.title) for page in pages} - {None}
            if name_reasons:
                reasons.append(REASON_SAME_NAME if REASON_SAME_NAME in name_reasons else REASON_SIMILAR_NAME)
            sites = {website_domain(page.website) for page in pages}
            if any(same_domain(asking_site, site) for site in sites):
                reasons.append(REASON_WEBSITE)
            mail_domains = sites | {email_domain(page.email) for page in pages}
            mail_domains |= {email_domain(address) for address in editors}
            if any(same_domain(asking_mail_domain, domain) for domain in mail_domains):
                reasons.append(REASON_EMAIL)
            if asking_email and asking_email in editors:
                reasons.append(REASON_ACCOUNT)
            if reasons:
                # The Dutch page stands for the entry: it is the one staff review and publish.
                page = next((page for page in pages if page.locale.language_code == "nl"), pages[0])
                found.append(Resemblance(page=page, reasons=reasons))
        return found

    def listing_request_resemblances(self, listing_request):
        return self.resemblances(
            listing_request.name,
            listing_request.website,
            listing_request.email,
            exclude_page_id=listing_request.network_page_id,
        )


def resemblances(name, website="", email="", *, exclude_page=None):
    """See :meth:`Directory.resemblances`; for one network."""
    return Directory().resemblances(
        name, website, email, exclude_page_id=exclude_page.pk if exclude_page is not None else None
    )


def listing_request_resemblances(listing_request):
    return Directory().listing_request_resemblances(listing_request)
