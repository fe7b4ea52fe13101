"""Settings come from environment variables through small typed readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from radslag.environment import ConfigurationError, database_from_url, env_bool, env_list


def test_it_reads_a_relative_sqlite_url_under_the_project(tmp_path: Path) -> None:
    database = database_from_url("sqlite:///var/radslag.sqlite3", tmp_path)

    assert database["NAME"] == str(tmp_path / "var" / "radslag.sqlite3")
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert database["OPTIONS"]["timeout"] > 0


def test_it_reads_an_absolute_sqlite_url(tmp_path: Path) -> None:
    assert database_from_url("sqlite:////srv/r.db", tmp_path)["NAME"] == "/srv/r.db"


def test_it_reads_a_postgres_url() -> None:
    database = database_from_url("postgres://postgres:s%40cret@127.0.0.1:5432/test", Path("/"))

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["USER"], database["PASSWORD"]) == ("postgres", "s@cret")
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("127.0.0.1", "5432", "test")


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://host/", "sqlite://"])
def test_it_rejects_a_database_url_it_cannot_use(url: str) -> None:
    with pytest.raises(ConfigurationError, match="DATABASE_URL"):
        database_from_url(url, Path("/"))


def test_it_reads_booleans_and_rejects_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "0")
    assert env_bool("X_FLAG") is False
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ConfigurationError, match="X_FLAG='maybe'"):
        env_bool("X_FLAG")


def test_it_reads_comma_separated_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_HOSTS", "a.se, b.se,")
    assert env_list("X_HOSTS", []) == ["a.se", "b.se"]


def test_it_refuses_to_start_without_a_secret_key_outside_demo_and_debug(tmp_path: Path) -> None:
    import subprocess
    import sys

    completed = subprocess.run(
        [sys.executable, "-c", "import radslag.settings"],
        env={"PATH": "/usr/bin:/bin", "RADSLAG_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0
    assert "SECRET_KEY is not set" in completed.stderr
