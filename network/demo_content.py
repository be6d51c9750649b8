"""What the network demo cannot say as data (that is in network/fixtures/demo/): the group and
collection of each demo network, the moderation workflow, and the accounts of a development site."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.demo import register_demo_login
from home.roles import ensure_staff_group
from network.models import NetworkPage
from network.onboarding import MODERATORS_GROUP, ensure_collection, ensure_group, ensure_moderation

NETWORK_EDITOR_USERNAME = "netwerk-demo"
NETWORK_EDITOR_PASSWORD = "pr8werk-netwerk"  # noqa: S105 - printed by `make run`, dev settings only
NETWORK_EDITOR_NETWORK = "ICT-kring Doetinchem (demo)"
MODERATOR_USERNAME = "communicatie-demo"
MODERATOR_PASSWORD = "pr8werk-communicatie"  # noqa: S105 - printed by `make run`, dev settings only
register_demo_login("Network editor", NETWORK_EDITOR_USERNAME, NETWORK_EDITOR_PASSWORD)
register_demo_login("Communications staff", MODERATOR_USERNAME, MODERATOR_PASSWORD)


def load(command):
    # Migrations made the staff group; a flushed test database has lost its rights on the tree's
    # root collection and home pages, which exist again only now.
    ensure_staff_group()
    ensure_moderation()
    for pages in command.demo_objects.values():
        if isinstance(pages["nl"], NetworkPage):
            name = pages["nl"].title
            collection, _created = ensure_collection(name)
            ensure_group(name, pages["nl"], collection)
    if command.demo_users:
        create_demo_users()


def create_demo_users():
    User = get_user_model()
    editor = User.objects.filter(username=NETWORK_EDITOR_USERNAME).first()
    if editor is None:
        editor = User.objects.create_user(
            NETWORK_EDITOR_USERNAME,
            "netwerk-demo@pr8werk.example",
            NETWORK_EDITOR_PASSWORD,
            first_name="Demo",
            last_name="Netwerkredacteur",
        )
    editor.groups.add(Group.objects.get(name=f"Netwerk: {NETWORK_EDITOR_NETWORK}"))
    moderator = User.objects.filter(username=MODERATOR_USERNAME).first()
    if moderator is None:
        moderator = User.objects.create_user(
            MODERATOR_USERNAME,
            "communicatie-demo@pr8werk.example",
            MODERATOR_PASSWORD,
            first_name="Demo",
            last_name="Communicatie",
        )
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
