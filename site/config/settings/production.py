"""Production: only hardens base. Refuses to start without SECRET_KEY."""

from .base import *  # noqa: F403
from .base import DATABASES, SECRET_KEY, env_bool, env_int, require_secret_key

SECRET_KEY = require_secret_key(SECRET_KEY)
DEBUG = False

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Behind a TLS-terminating proxy the original scheme arrives in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# A connection per request costs PostgreSQL 15-20 % of an uncached page: keep it for ten minutes
# (CONN_HEALTH_CHECKS, set in base, replaces one that died meanwhile). CONN_MAX_AGE=0 turns it off.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 600)
