"""Django settings for Rådslag, read from environment variables.

``DATABASE_URL``   where the data lives; default a SQLite file ``var/radslag.sqlite3``
``SECRET_KEY``     required unless ``DEBUG`` or ``RADSLAG_DEMO`` is on
``DEBUG``          off by default
``RADSLAG_DEMO``   the local demonstration set up by ``make demo``
``ALLOWED_HOSTS``  comma-separated; default localhost names
``KOLADA_BASE_URL`` the Kolada API the importer talks to
``RADSLAG_HOME``   the folder holding ``var/`` (database, collected static files)
``SECURE_SSL_REDIRECT``, ``SECURE_HSTS_SECONDS``, ``SECURE_HSTS_INCLUDE_SUBDOMAINS``,
``SECURE_HSTS_PRELOAD``, ``SECURE_PROXY_SSL_HEADER``, ``SESSION_COOKIE_SECURE``,
``CSRF_COOKIE_SECURE``, ``CSRF_TRUSTED_ORIGINS``   HTTPS in production (see the README)
``RADSLAG_TASK_STALE_SECONDS``  when the health page calls the task queue stale (default 900)
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from radslag.content_policy import content_security_policy
from radslag.environment import (
    ConfigurationError,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
)

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(env_str("RADSLAG_HOME") or Path.cwd())
VAR_DIR = PROJECT_DIR / "var"

DEBUG = env_bool("DEBUG")
DEMO = env_bool("RADSLAG_DEMO")

_secret = env_str("SECRET_KEY")
if not _secret:
    if not (DEBUG or DEMO):
        raise ConfigurationError(
            "SECRET_KEY is not set. Set it, or set DEBUG=1 or RADSLAG_DEMO=1 for local use."
        )
    _secret = "radslag-local-demo-key-not-for-production"
SECRET_KEY = _secret

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The form renderer below reads Django's widget templates through the project's engine.
    "django.forms",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "radslag.core",
    "radslag.charts",
    "radslag.municipalities",
    "radslag.maturity",
    "radslag.register",
    "radslag.needs",
    "radslag.api",
    "radslag.accounts",
    "radslag.statements",
    "radslag.council",
    "radslag.initiatives",
    "radslag.guidance",
    "radslag.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "radslag.middleware.SwedishFirstLocaleMiddleware",
    "radslag.middleware.ControlCharacterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "radslag.accounts.audit.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "radslag.throttle.ThrottleMiddleware",
    # After the CSRF middleware, which sets the token cookie on a cached page's way out too.
    "radslag.page_cache.PageCacheMiddleware",
    # Last, as django-axes requires: it turns a lockout raised while signing in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "radslag.urls"
WSGI_APPLICATION = "radslag.wsgi.application"

FORM_RENDERER = "radslag.core.rendering.FieldGroupRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "radslag.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL") or "sqlite:///var/radslag.sqlite3", PROJECT_DIR
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 for new passwords; older hashes are upgraded when their owner next signs in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "radslag.accounts.oidc.MunicipalityOIDCBackend",
]
# The sixth wrong password in a row locks the account (not the address, which a whole
# municipality may share behind one proxy) for RADSLAG_LOCKOUT_MINUTES.
AXES_FAILURE_LIMIT = 6
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_TIME = timedelta(minutes=env_int("RADSLAG_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "radslag.throttle.client_address"
AXES_VERBOSE = False
# django-axes warns when the address is not a lockout parameter. Rådslag locks the account on
# purpose: a municipality's staff share one address behind its proxy, and the anonymous rate
# limits (radslag/throttle.py) already bound what one address may try.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Who runs this installation (named as controller on the privacy page and behind the
# accessibility statement) and the function address for feedback and requests about data.
# Unset, the pages name the council's conveners in the reader's language.
RADSLAG_OPERATOR = env_str("RADSLAG_OPERATOR") or ""
RADSLAG_CONTACT_EMAIL = env_str("RADSLAG_CONTACT_EMAIL") or ""

# How long personal data that has served its purpose is kept before `radslag apply-retention`
# deletes it (see the privacy page, /om/personuppgifter/).
RADSLAG_INVITATION_RETENTION_DAYS = env_int("RADSLAG_INVITATION_RETENTION_DAYS", 90)
RADSLAG_LOGIN_RECORD_RETENTION_DAYS = env_int("RADSLAG_LOGIN_RECORD_RETENTION_DAYS", 30)

# E-mail (password reset, invitations) goes through EMAIL_HOST; without one it is printed
# to the console, which is what the demonstration wants.
EMAIL_HOST = env_str("EMAIL_HOST") or ""
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "Rådslag <noreply@localhost>"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Serving from the finders spares a demo or a developer the collectstatic step.
WHITENOISE_USE_FINDERS = DEBUG or DEMO
if WHITENOISE_USE_FINDERS:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Signing in through a municipality's identity provider by OpenID Connect, on when a client id
# and the provider's endpoints are set (see the README, "Signing in through an identity
# provider"). The scope asks for the organisation claims of the Swedish public-sector profile.
OIDC_RP_CLIENT_ID = env_str("RADSLAG_OIDC_CLIENT_ID") or ""
OIDC_RP_CLIENT_SECRET = env_str("RADSLAG_OIDC_CLIENT_SECRET") or ""
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("RADSLAG_OIDC_AUTHORIZATION_ENDPOINT") or ""
OIDC_OP_TOKEN_ENDPOINT = env_str("RADSLAG_OIDC_TOKEN_ENDPOINT") or ""
OIDC_OP_USER_ENDPOINT = env_str("RADSLAG_OIDC_USERINFO_ENDPOINT") or ""
OIDC_OP_JWKS_ENDPOINT = env_str("RADSLAG_OIDC_JWKS_ENDPOINT") or ""
OIDC_RP_SIGN_ALGO = env_str("RADSLAG_OIDC_SIGN_ALGO") or "RS256"
OIDC_RP_SCOPES = (
    env_str("RADSLAG_OIDC_SCOPES")
    or "openid email profile https://id.oidc.se/scope/naturalPersonOrgId"
)
OIDC_PROVIDER_NAME = env_str("RADSLAG_OIDC_PROVIDER_NAME") or ""
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
OIDC_TIMEOUT = 10

CONTENT_SECURITY_POLICY = content_security_policy([OIDC_OP_AUTHORIZATION_ENDPOINT])

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = None

# Static files are served by whitenoise under hashed names, so browsers may keep them for a
# year; a local demonstration serves them straight from the package instead.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if WHITENOISE_USE_FINDERS
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not (DEBUG or DEMO))
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not (DEBUG or DEMO))
# TLS is usually ended by a reverse proxy in front of Rådslag; it tells Django the request was
# HTTPS in this header, which must then be one the proxy always sets or strips.
if env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
# The health page is asked over plain HTTP by load balancers inside the network.
SECURE_REDIRECT_EXEMPT = [r"^halsa/$"]

KOLADA_BASE_URL = env_str("KOLADA_BASE_URL") or "https://api.kolada.se/v3"

# One cache for every worker on every machine where CACHE_URL names a Redis server; each
# process its own otherwise (rate limits then count per process).
_cache_url = env_str("CACHE_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Computed page parts: each process's own memory, kept in step across processes by the
    # data stamps in the database (radslag.core.freshness), so nothing to configure.
    "parts": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "radslag-parts",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# Anonymous visitors' requests per window (requests, seconds) on costly endpoints; see
# radslag/throttle.py. TRUSTED_PROXY_COUNT proxies in front append to X-Forwarded-For.
THROTTLE_RATES = {
    "similar": (10, 60),
    "short_search": (30, 60),
    "download": (30, 60),
}
THROTTLED_VIEWS = {
    "register:similar": "similar",
    "needs:similar_check": "similar",
}
TRUSTED_PROXY_COUNT = env_int("RADSLAG_TRUSTED_PROXIES", 0)

# Long work (embeddings, imports) runs as tasks stored in the database, picked up by
# `radslag db_worker`, so web and task workers can run on different machines.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task waiting longer than this means no worker is taking tasks.
TASK_STALE_SECONDS = env_int("RADSLAG_TASK_STALE_SECONDS", 900)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
