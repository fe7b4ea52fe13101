"""The production setup: deploy checks, the gunicorn server with hashed static files, health."""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from django.db import DatabaseError, connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from radslag.serve import default_workers, gunicorn_arguments, parse

RADSLAG = str(Path(sys.executable).with_name("radslag"))


def production_environment(home: Path) -> dict[str, str]:
    """The settings the README's production section documents, word for word."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "RADSLAG_DEMO", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    environment.update(
        {
            "RADSLAG_HOME": str(home),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "radslag.example.se,127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": "https://radslag.example.se",
            "SECURE_PROXY_SSL_HEADER": "1",
            "SECURE_SSL_REDIRECT": "1",
            "SECURE_HSTS_SECONDS": "31536000",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
            "SECURE_HSTS_PRELOAD": "1",
            "RADSLAG_CONTACT_EMAIL": "radslag@example.se",
        }
    )
    return environment


def run(arguments: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [RADSLAG, *arguments], env=environment, capture_output=True, text=True, timeout=300
    )


def test_the_deploy_check_is_clean_with_the_documented_production_settings(
    tmp_path: Path,
) -> None:
    result = run(["check", "--deploy", "--fail-level", "WARNING"], production_environment(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deploy_check_fails_without_them(tmp_path: Path) -> None:
    environment = production_environment(tmp_path)
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"):
        del environment[name]

    result = run(["check", "--deploy", "--fail-level", "WARNING"], environment)

    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout
    assert "security.W008" in result.stderr + result.stdout


def test_serve_refuses_to_start_before_static_files_are_collected(tmp_path: Path) -> None:
    result = run(["serve"], production_environment(tmp_path))

    assert result.returncode != 0
    assert "collectstatic" in result.stderr


def test_serve_runs_gunicorn_with_threads_and_a_bounded_number_of_workers() -> None:
    arguments = gunicorn_arguments(parse(["--bind", "0.0.0.0:9000"]))

    assert arguments[1:4] == ["-m", "gunicorn", "radslag.wsgi:application"]
    assert arguments[arguments.index("--bind") + 1] == "0.0.0.0:9000"
    assert 1 <= default_workers() <= 8


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_the_production_server_serves_pages_with_hashed_long_lived_css(tmp_path: Path) -> None:
    environment = production_environment(tmp_path)
    for step in (["migrate", "--no-input"], ["load-reference"], ["collectstatic", "--no-input"]):
        assert run(step, environment).returncode == 0, step
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [RADSLAG, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    # The proxy in front ends TLS and says so; without this header SSL redirect answers 301.
    https = {"X-Forwarded-Proto": "https", "Host": "radslag.example.se"}
    base = f"http://127.0.0.1:{port}"
    try:
        page = _wait_for(f"{base}/kommuner/", https)
        stylesheet = re.search(r'href="(/static/css/radslag\.[0-9a-f]{12}\.css)"', page.text)
        assert stylesheet, "the page links no hashed stylesheet"
        css = httpx.get(base + stylesheet.group(1), headers=https)
        assert css.status_code == 200
        assert "max-age=315360000" in css.headers["cache-control"]
        assert page.headers["strict-transport-security"].startswith("max-age=31536000")
        assert (
            httpx.get(f"{base}/kommuner/", headers={"Host": "radslag.example.se"}).status_code
            == 301
        )
        assert httpx.get(f"{base}/halsa/").json()["database"] == "ok"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(url: str, headers: dict[str, str]) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        try:
            response = httpx.get(url, headers=headers)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
            continue
        assert response.status_code == 200, response.text[:500]
        return response


@pytest.mark.django_db
def test_the_health_page_says_ok_when_the_database_answers_and_no_task_waits(
    client: Client,
) -> None:
    response = client.get("/halsa/")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["tasks"]["waiting"] == 0
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_health_page_calls_a_queue_nobody_takes_from_degraded(
    client: Client, settings: Any
) -> None:
    settings.TASK_STALE_SECONDS = 60
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        priority=0,
        task_path="radslag.register.tasks.embed_all_cases",
        queue_name="default",
        backend_name="default",
        run_after=timezone.now(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - timedelta(minutes=5)
    )

    body = client.get("/halsa/").json()

    assert body["status"] == "degraded"
    assert body["tasks"]["state"] == "stale"
    assert body["tasks"]["oldest_waiting_seconds"] >= 299


@pytest.mark.django_db
def test_the_health_page_answers_503_when_the_database_fails(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)

    response = client.get("/halsa/")

    assert response.status_code == 503
    assert response.json() == {"status": "fail", "database": "unavailable: DatabaseError"}
