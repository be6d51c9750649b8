"""Settings shared by every environment: safe by default, deployment details from the environment.

Every variable read here is listed in README.md with its default.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

CONFIG_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = CONFIG_DIR.parent.parent  # the checkout: site/config/settings -> site/config -> site -> .


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Public address of the site, used in mails and feeds where no request is at hand.
SITE_BASE_URL = env("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL

INSTALLED_APPS = [
    "home",
    "news",
    "events",
    "network",
    # wagtail_localize after the project apps, wagtail_localize.locales instead of wagtail.locales
    # (https://wagtail-localize.org/stable/tutorial/2-installation/)
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a hit goes out before any other middleware runs, as it was stored with the headers they
    # added (security headers, ETag) and compressed once. Outside the session and CSRF middleware,
    # so it sees the cookies they set and skips those pages; outside gzip, so a hit is not
    # compressed again. Static files and http:// addresses (redirected to https) are never stored.
    "home.cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "home.middleware.SecurityHeadersMiddleware",
    # whitenoise straight after SecurityMiddleware (https://whitenoise.readthedocs.io/en/stable/django.html)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags and 304s for every response, the cached ones included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Pages go out compressed (a quarter of their size); Django's gzip adds random padding
    # against BREACH, and CSRF tokens are masked per response anyway (cached pages hold none).
    # Images and documents, which are compressed formats already, go out as they are.
    "home.media.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite by default: WAL lets readers work while one writer writes, and IMMEDIATE transactions take
# the write lock at BEGIN, so two sign-ups cannot both read "one seat left" and then deadlock on
# upgrading their locks (https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-transaction-behavior).
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 0))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Anonymous pages are cached whole (home/cache.py) and dropped on any content change.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
PAGE_CACHE_DISABLED = env_bool("PAGE_CACHE_DISABLED", False)
# Seconds a server process answers a page again from its own memory before asking the shared cache
# (home/cache.py LocalPages): a change made in another process shows here at most this late.
PAGE_CACHE_LOCAL_SECONDS = env_int("PAGE_CACHE_LOCAL_SECONDS", 1)

# A proxy or CDN in front of the site is purged on publish and sign-up (home/purge.py).
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
# Translations have slugs of their own: Wagtail's rewriting of a URL's /<language>/ prefix into
# every other language would purge addresses that do not exist.
WAGTAILFRONTENDCACHE_LANGUAGES = []

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "home.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pr8werk",
        }
    }
    # Sessions read from the shared cache, written to it and to the database: a logged-in request
    # (every admin page) asks the database nothing for its session, and a logout reaches every
    # server process at once. Not with the per-process memory cache, where another process would
    # keep a session that was logged out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pr8werk",
            # Each page keeps a few entries (route, alternates, the page itself); Django's default
            # of 300 would start evicting them on a site of about a hundred pages.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the default and lives at /, English at /en/, German at /de/.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("de", "Deutsch"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation stays a draft until its translator publishes it, so no English or German
# address shows Dutch text in the meantime (home/translations.py keeps live what already was).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
# Named date formats per language (site/config/formats/<language>/formats.py); templates and mails
# use those names, so each language writes dates its own way.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed (gzip and brotli) and content-hashed, so files can be cached forever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploaded images and documents in an S3-compatible bucket (AWS S3, MinIO, Garage, ...) when
# MEDIA_S3_BUCKET is set, so that every app server sees what any of them stored (home/storage.py).
# The bucket stays private: documents go out through Wagtail's serve view only, images through
# /media/ (home/media.py), or from MEDIA_S3_CUSTOM_DOMAIN, a public address (a CDN) for the images.
MEDIA_S3_BUCKET = env("MEDIA_S3_BUCKET")
if MEDIA_S3_BUCKET:
    MEDIA_S3_OPTIONS = {
        "bucket_name": MEDIA_S3_BUCKET,
        "endpoint_url": env("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": env("MEDIA_S3_REGION") or None,
        "addressing_style": env("MEDIA_S3_ADDRESSING_STYLE") or None,
        # No ACL on the objects: the bucket's policy decides, and it is private unless opened.
        "default_acl": None,
        # Two uploads of "foto.jpg" get two names; django-storages would let the second replace the first.
        "file_overwrite": False,
    }
    # Without keys boto3 looks for its own: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ~/.aws, an instance role.
    if env("MEDIA_S3_ACCESS_KEY_ID") or env("MEDIA_S3_SECRET_ACCESS_KEY"):
        if not (env("MEDIA_S3_ACCESS_KEY_ID") and env("MEDIA_S3_SECRET_ACCESS_KEY")):
            raise ImproperlyConfigured(
                "Set both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY, or neither."
            )
        MEDIA_S3_OPTIONS["access_key"] = env("MEDIA_S3_ACCESS_KEY_ID")
        MEDIA_S3_OPTIONS["secret_key"] = env("MEDIA_S3_SECRET_ACCESS_KEY")
    # "media.pr8werk.nl" (https) or a whole address, "http://127.0.0.1:9000/pr8werk-media": images
    # are linked there (home/storage.py), /media/ is not routed, and the CSP allows that host
    # (home/middleware.py).
    scheme, _sep, domain = env("MEDIA_S3_CUSTOM_DOMAIN", "").strip().rstrip("/").rpartition("://")
    if domain:
        MEDIA_URL = f"{scheme or 'https'}://{domain}/"
    STORAGES["default"] = {"BACKEND": "home.storage.MediaStorage", "OPTIONS": MEDIA_S3_OPTIONS}

# Large page edits in the Wagtail editor exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Seconds before a mail that failed is tried again (doubling per attempt) on queues that can defer.
MAIL_RETRY_SECONDS = env_int("MAIL_RETRY_SECONDS", env_int("EVENTS_MAIL_RETRY_SECONDS", 300))
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Pr8werk <info@pr8werk.nl>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where staff notifications (listing requests, ...) go.
STAFF_EMAIL = env("STAFF_EMAIL", "redactie@pr8werk.nl")

# Mail is sent from tasks so a failing mail server never loses what a visitor submitted.
# Production runs the database queue and its worker (`manage.py db_worker`).
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# The admin dashboard warns the staff when a queued task waits longer than this (home/task_queue.py).
TASK_QUEUE_WARNING_MINUTES = env_int("TASK_QUEUE_WARNING_MINUTES", 5)

WAGTAIL_SITE_NAME = "Pr8werk"
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "home.search"},
}
# Documents only through Wagtail's view (/documents/<id>/<name>), which checks collection privacy
# and the before_serve_document hooks; /media/ serves images only (home/media.py). Set, not left to
# Wagtail: for a bucket its default would redirect to the file's own address, past those checks.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif"}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No editor's address hash goes to gravatar.com, and the admin's CSP (home/middleware.py) allows
# images from the site itself only: Wagtail shows its own default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's own form, with the password field's label translated (it has none of its own).
WAGTAILADMIN_USER_LOGIN_FORM = "home.forms.AdminLoginForm"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Every page save runs a search-index and a reference-index task; their success is noise.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}


def require_secret_key(key):
    if not key:
        raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
    return key


# --- network ---
# A directory entry not updated for this many months is marked as possibly out of date, and its
# editors get a reminder from `manage.py remind_stale_networks` (run it daily).
NETWORK_STALE_MONTHS = env_int("NETWORK_STALE_MONTHS", 12)
# Listing requests allowed per visitor address per hour, against floods of spam.
NETWORK_LISTING_REQUESTS_PER_HOUR = env_int("NETWORK_LISTING_REQUESTS_PER_HOUR", 5)
# Days after which a listing request (accepted, declined or never handled) is erased.
NETWORK_LISTING_REQUEST_RETENTION_DAYS = env_int("NETWORK_LISTING_REQUEST_RETENTION_DAYS", 365)

# --- events ---
# Sign-up: per-IP rate limit on sign-up posts ("<posts>/<seconds>", counted in the default cache, so
# production with several instances needs the shared Redis cache), the largest sign-up post accepted,
# how long cancel links stay valid, when reminders go out and when personal data is erased.
EVENTS_SIGNUP_RATE_LIMIT = env("EVENTS_SIGNUP_RATE_LIMIT", "10/600")
EVENTS_SIGNUP_MAX_BODY_BYTES = env_int("EVENTS_SIGNUP_MAX_BODY_BYTES", 20_000)
EVENTS_TOKEN_MAX_AGE_DAYS = env_int("EVENTS_TOKEN_MAX_AGE_DAYS", 400)
EVENTS_REMINDER_DAYS = env_int("EVENTS_REMINDER_DAYS", 2)
EVENTS_PURGE_AFTER_DAYS = env_int("EVENTS_PURGE_AFTER_DAYS", 90)
# Someone who signs up again with the same address gets the details mailed again, at most once in
# this many seconds (a repeat post otherwise looks exactly like a first sign-up).
EVENTS_RESEND_SECONDS = env_int("EVENTS_RESEND_SECONDS", 3600)
# Version of the privacy statement people agree to when signing up; stored with each registration.
EVENTS_PRIVACY_VERSION = env("EVENTS_PRIVACY_VERSION", "2026-1")
# The proxies in front of the site (addresses or networks, e.g. "127.0.0.1,10.0.0.0/8"): from a
# request that one of them passes on, the visitor is the last X-Forwarded-For entry that is not one
# of them. Rate limits count per visitor that way, not one bucket for everybody behind the proxy.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Older form of the same: the immediate peer is a proxy that appends the visitor's address.
EVENTS_TRUST_X_FORWARDED_FOR = env_bool("EVENTS_TRUST_X_FORWARDED_FOR", False)
