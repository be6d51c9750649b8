"""What the home demo cannot say as data (that is in home/fixtures/demo/): the superuser of a
development site."""

from django.contrib.auth import get_user_model

from home.demo import register_demo_login

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "pr8werk-demo"  # noqa: S105 - printed by `make run`, created with dev settings only
register_demo_login("Superuser", ADMIN_USERNAME, ADMIN_PASSWORD)


def load(command):
    User = get_user_model()
    if command.demo_users and not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create_superuser(
            ADMIN_USERNAME, "admin@pr8werk.example", ADMIN_PASSWORD, first_name="Demo", last_name="Beheerder"
        )
