import pytest

from tests.site.pages import walk_the_site


@pytest.fixture(scope="session")
def site_walk(demo_database, django_db_blocker):
    """The walk of tests/site/pages.py, once per test process, on the demo site."""
    with django_db_blocker.unblock():
        return walk_the_site()
