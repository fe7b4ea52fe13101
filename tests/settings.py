"""Settings for the test suite: Rådslag's own, with a throwaway secret key."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")

from radslag.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The tests serve static files from the finders; there is no collected static root.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests share one process-wide cache; the throttling tests set their own small limits.
THROTTLE_RATES = dict.fromkeys(THROTTLE_RATES, (1000000, 60))  # noqa: F405

# Production takes SQLite's write lock when a transaction begins (IMMEDIATE), so concurrent
# writers queue instead of failing half-way. A test runs inside one transaction for its whole
# length, which would then hold that lock for the whole test, and the browser tests' live
# server could never write (sign in, vote, submit): tests begin theirs deferred.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "DEFERRED"  # noqa: F405
