"""``radslag serve``: Rådslag behind gunicorn, the way it runs in production."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# Each worker holds the app and, once used, the text-embedding model (about 150 MB), so more
# workers than this buys memory pressure rather than throughput on an ordinary server.
MAX_WORKERS = 8


def default_workers() -> int:
    return min(2 * (os.cpu_count() or 1) + 1, MAX_WORKERS)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="radslag serve",
        description="Serve Rådslag with gunicorn (production). Static files must be collected "
        "first: radslag collectstatic --no-input.",
    )
    host = os.environ.get("HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8000")
    parser.add_argument(
        "--bind", default=f"{host}:{port}", help="HOST:PORT (default from HOST, PORT)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="processes (default 2 × cores + 1, at most 8)",
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per process (default 4)")
    parser.add_argument(
        "--timeout", type=int, default=60, help="seconds before a stuck request is ended"
    )
    return parser.parse_args(argv)


def gunicorn_arguments(options: argparse.Namespace) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "radslag.wsgi:application",
        "--bind",
        options.bind,
        "--workers",
        str(options.workers),
        "--threads",
        str(options.threads),
        "--worker-class",
        "gthread",
        "--timeout",
        str(options.timeout),
        "--access-logfile",
        "-",
        # Privacy by default: the log says what was asked and how it went, not who asked
        # (no address, no browser, no referrer); see the privacy page.
        "--access-logformat",
        ACCESS_LOG_FORMAT,
        # A proxy in front of Rådslag sets X-Forwarded-Proto; SECURE_PROXY_SSL_HEADER decides
        # whether Django believes it, so gunicorn may pass it on from any address.
        "--forwarded-allow-ips",
        "*",
    ]


ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


def missing_static_manifest() -> Path | None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radslag.settings")
    from django.conf import settings

    if settings.WHITENOISE_USE_FINDERS:
        return None
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    return None if manifest.exists() else manifest


def serve(argv: list[str]) -> None:
    options = parse(argv)
    manifest = missing_static_manifest()
    if manifest is not None:
        sys.exit(
            f"radslag serve: {manifest} is missing; run `radslag collectstatic --no-input` first."
        )
    arguments = gunicorn_arguments(options)
    os.execv(arguments[0], arguments)
