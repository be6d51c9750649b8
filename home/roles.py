"""The communications staff's group, on every installation, with what the base of the site lets it do.

Communications staff write, publish and translate every page in every language, upload images and
documents, and keep the shared snippets. Each feature app adds its own rights to the same group
(``grant_staff_permissions``) from its own ``post_migrate`` handler, so this module never names a
feature app. Everything here looks up before it creates: running it again changes nothing.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.snippets.models import create_extra_permissions

STAFF_GROUP = "Communicatie"

# On each site root (the home page of every language) and so on every page below it.
STAFF_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

# On the root collection, and so on every collection: all images and documents.
STAFF_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "delete_document"),
]

STAFF_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    # wagtail-localize's "Translate this page" and "Translate" on snippets ask for this one; the
    # page or snippet rights below decide where the translation may go.
    ("wagtail_localize", "submit_translation"),
    ("home", "add_sector"),
    ("home", "change_sector"),
    ("home", "add_footertext"),
    ("home", "change_footertext"),
]


def ensure_permissions_exist(*app_labels):
    """Django creates an app's permissions in its own post_migrate step; ours may run earlier."""
    for app_label in app_labels:
        app_config = apps.get_app_config(app_label)
        create_permissions(app_config, verbosity=0)
        # Wagtail adds "publish" and "lock" to snippets with a draft state in a later step.
        create_extra_permissions(app_config)


def staff_group():
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    return group


def grant_staff_permissions(permissions):
    """Add ``[(app_label, codename), ...]`` to the staff group; unknown ones are skipped."""
    group = staff_group()
    for app_label, codename in permissions:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            group.permissions.add(permission)
    return group


def grant_staff_pages(page):
    """Staff may write, publish and translate ``page`` (a site root) and everything below it."""
    group = staff_group()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=STAFF_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_staff_collections():
    root = Collection.get_first_root_node()
    if root is None:
        return
    group = staff_group()
    for app_label, codename in STAFF_COLLECTION_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def ensure_staff_group(**kwargs):
    """The staff group with the base site's rights; a ``post_migrate`` receiver of the home app."""
    ensure_permissions_exist("wagtailadmin", "wagtail_localize", "wagtailimages", "wagtaildocs", "home")
    grant_staff_permissions(STAFF_MODEL_PERMISSIONS)
    grant_staff_collections()
    # Every language's home page is a child of the tree's root; new ones get the same rights as
    # they are created (home/signals.py).
    for page in Page.objects.filter(depth=2):
        grant_staff_pages(page)


def is_site_editor(user):
    """Someone who may edit a whole language tree (staff), not just a page somewhere inside it."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return GroupPagePermission.objects.filter(group__user=user, page__depth__lte=2).exists()
