"""Onboarding a network in one step, and the permissions and workflow that keep it in its lane.

A network gets: a draft NetworkPage in the directory, a Wagtail group that may edit that page
(and its translations) but not publish it, a collection for its images and documents, a user
account in that group, and a mail with a link to set a password. Every step looks up before it
creates, so running it again changes nothing, except that an account that never set its password
gets the mail again: the first one may have been lost to a mail server that was down.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
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

GROUP_PREFIX = "Netwerk: "
MODERATORS_GROUP = STAFF_GROUP
NETWORKS_COLLECTION = "Netwerken"
WORKFLOW_NAME = "Netwerkvermeldingen"
TASK_NAME = "Goedkeuring door communicatie"

STAFF_PERMISSIONS = [
    ("network", "view_listingrequest"),
    ("network", "change_listingrequest"),
    ("network", "add_partnerquote"),
    ("network", "change_partnerquote"),
    ("network", "publish_partnerquote"),
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
    from network.models import NetworkIndexPage

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
    from network.models import NetworkIndexPage

    ensure_permissions_exist("network")
    # Communications staff handle listing requests and partner quotes too.
    moderators = grant_staff_permissions(STAFF_PERMISSIONS)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.add(moderators)
        # Wagtail's own "Moderators" group approves too, so an installation that uses it keeps working.
        wagtail_moderators = Group.objects.filter(name="Moderators").first()
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


def ensure_group(name, page, collection):
    group, created = Group.objects.get_or_create(name=f"{GROUP_PREFIX}{name}"[:150])
    if created:
        group.permissions.add(permission("wagtailadmin", "access_admin"))
    grant_page_to_group(group, page)
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission(app_label, codename)
        )
    return group, created


def ensure_collection(name):
    root = Collection.get_first_root_node()
    if root is None:  # a flushed database, as in transactional tests
        root = Collection.add_root(name="Root")
    parent = root.get_children().filter(name=NETWORKS_COLLECTION).first()
    if parent is None:
        parent = root.add_child(name=NETWORKS_COLLECTION)
    collection = parent.get_children().filter(name=name).first()
    created = collection is None
    if created:
        collection = parent.add_child(name=name)
    return collection, created


def ensure_page(index, name, *, short_description="", website="", contact_person="", email=""):
    from network.models import NetworkPage

    page = NetworkPage.objects.child_of(index).filter(title=name).first()
    if page is not None:
        return page, False
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
    return page, True


def ensure_user(email, name, group):
    User = get_user_model()
    email = email.strip()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    created = user is None
    if created:
        first, _sep, last = (name or "").strip().partition(" ")
        username = email.lower()[:150]
        user = User(username=username, email=email, first_name=first[:150], last_name=last[:150])
        user.set_unusable_password()
        user.save()
    user.groups.add(group)
    return user, created


def never_set_a_password(user):
    """An active account that has no password and never logged in: still waiting for its mail.

    Someone who has logged in did set a password once; if it is unusable now, staff disabled it on
    purpose, and a re-run must not hand out a new one.
    """
    return user.is_active and not user.has_usable_password() and user.last_login is None


def set_password_url(user):
    """An absolute link to Wagtail's "set your password" form, made with Django's reset tokens."""
    from django.conf import settings

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return settings.WAGTAILADMIN_BASE_URL + path


def onboard_network(
    name,
    email,
    *,
    contact_person="",
    website="",
    short_description="",
    language="nl",
    send_mail=True,
):
    """Onboard one network; returns an :class:`Onboarding` whose ``created`` lists what was new."""
    from network.tasks import send_welcome_mail

    name = name.strip()
    if not name or not email:
        raise OnboardingError(_("A network needs a name and an email address."))
    with transaction.atomic():
        index = directory_page()
        ensure_moderation()
        page, page_created = ensure_page(
            index,
            name,
            short_description=short_description,
            website=website,
            contact_person=contact_person,
            email=email,
        )
        collection, collection_created = ensure_collection(name)
        group, group_created = ensure_group(name, page, collection)
        user, user_created = ensure_user(email, contact_person, group)
        result = Onboarding(page=page, group=group, collection=collection, user=user)
        for what, created in (
            ("page", page_created),
            ("collection", collection_created),
            ("group", group_created),
            ("user", user_created),
        ):
            if created:
                result.created.append(what)
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
