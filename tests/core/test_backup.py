"""`radslag export` and `radslag import`: the whole database to one file and back, on SQLite
and PostgreSQL, all or nothing and checked by checksums."""

from __future__ import annotations

import gzip
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import psycopg
import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command

from radslag.core.backup import LEFT_OUT, SEEDED_BY_MIGRATIONS
from radslag.municipalities.models import KeyFigure
from radslag.needs.models import Need
from radslag.register.models import Embedding

pytestmark = pytest.mark.django_db

RADSLAG = str(Path(sys.executable).with_name("radslag"))
POSTGRES = "postgres://postgres@127.0.0.1:5432"


def awkward_content() -> None:
    """Rows whose values an engine might change: text, times, floats, bytes, JSON, links."""
    KeyFigure.objects.exclude(municipality_id__in=["0180", "2062"]).delete()
    group = Group.objects.create(name="Samordnare")
    person = User.objects.create_user("åsa", "asa@example.se", "x", first_name="Åsa")
    person.groups.add(group)
    Need.objects.create(
        title="Språkmodell för ärenden – ”snabbt” 🚀",
        text="Rad ett\r\nrad två\tmed tabb, och 1/3 = 0.333…",
        municipality_id="2062",
    )
    Embedding.objects.create(
        text_hash="a" * 64,
        model_version="test",
        dimensions=3,
        vector=np.array([0.1, -2.5e-8, 3.0], dtype=np.float32).tobytes(),
    )


def lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as source:
        return source.read().splitlines()


def radslag(home: Path, database_url: str | None, *arguments: str) -> str:
    environment = {**os.environ, "RADSLAG_HOME": str(home), "SECRET_KEY": "backup-test"}
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG", "RADSLAG_DEMO"):
        environment.pop(name, None)
    if database_url:
        environment["DATABASE_URL"] = database_url
    result = subprocess.run(
        [RADSLAG, *arguments], env=environment, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def postgres_database() -> Iterator[str]:
    name = f"radslag_backup_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL on 127.0.0.1:5432 is needed for this test: {error}")
    admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
        admin.close()


@pytest.mark.slow
def test_a_backup_goes_to_postgresql_and_back_to_sqlite_unchanged(
    tmp_path: Path, postgres_database: str
) -> None:
    awkward_content()
    original = tmp_path / "original.jsonl.gz"
    call_command("export_data", out=original, verbosity=0)

    radslag(tmp_path / "pg", postgres_database, "migrate", "--no-input", "-v0")
    radslag(tmp_path / "pg", postgres_database, "import", str(original))
    from_postgres = tmp_path / "from-postgres.jsonl.gz"
    radslag(tmp_path / "pg", postgres_database, "export", "--out", str(from_postgres))

    radslag(tmp_path / "sqlite", None, "migrate", "--no-input", "-v0")
    radslag(tmp_path / "sqlite", None, "import", str(from_postgres))
    from_sqlite = tmp_path / "from-sqlite.jsonl.gz"
    radslag(tmp_path / "sqlite", None, "export", "--out", str(from_sqlite))

    assert lines(from_postgres)[1:] == lines(original)[1:]
    assert lines(from_sqlite)[1:] == lines(original)[1:]
    assert any("🚀" in line for line in lines(from_sqlite))


def test_a_restore_replaces_the_database_and_reads_back_identical(tmp_path: Path) -> None:
    awkward_content()
    first, second = tmp_path / "first.jsonl.gz", tmp_path / "second.jsonl.gz"
    call_command("export_data", out=first, verbosity=0)
    Need.objects.all().delete()

    call_command("import_data", first, replace=True, verbosity=0)
    call_command("export_data", out=second, verbosity=0)

    assert lines(second)[1:] == lines(first)[1:]
    assert User.objects.get(username="åsa").groups.get().name == "Samordnare"
    assert Need.objects.get().title.endswith("🚀")


def test_it_refuses_a_database_that_holds_data_and_writes_nothing(tmp_path: Path) -> None:
    awkward_content()
    backup = tmp_path / "backup.jsonl.gz"
    call_command("export_data", out=backup, verbosity=0)
    Need.objects.create(title="Ny sedan exporten", text="…", municipality_id="0180")

    with pytest.raises(CommandError, match=r"municipalities\.county already holds 21 rows"):
        call_command("import_data", backup, verbosity=0)
    assert Need.objects.filter(title="Ny sedan exporten").exists()


def test_it_refuses_a_file_whose_rows_do_not_match_their_checksum(tmp_path: Path) -> None:
    awkward_content()
    backup, forged = tmp_path / "backup.jsonl.gz", tmp_path / "forged.jsonl.gz"
    call_command("export_data", out=backup, verbosity=0)
    content = [line.replace("Språkmodell", "Spårmodell") for line in lines(backup)]
    with gzip.open(forged, "wt", encoding="utf-8") as out:
        out.write("\n".join(content) + "\n")
    before = Need.objects.get().title

    with pytest.raises(CommandError, match=r"the rows of needs\.need do not match their checksum"):
        call_command("import_data", forged, replace=True, verbosity=0)
    assert Need.objects.get().title == before


def test_it_refuses_a_file_cut_short(tmp_path: Path) -> None:
    backup, cut = tmp_path / "backup.jsonl.gz", tmp_path / "cut.jsonl.gz"
    call_command("export_data", out=backup, verbosity=0)
    with gzip.open(cut, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines(backup)[:-1]) + "\n")

    with pytest.raises(CommandError, match="checksums at the end are missing"):
        call_command("import_data", cut, replace=True, verbosity=0)
    assert KeyFigure.objects.exists()


def test_only_the_models_it_names_are_written_by_migrate(tmp_path: Path) -> None:
    radslag(tmp_path, None, "migrate", "--no-input", "-v0")
    counts = radslag(
        tmp_path,
        None,
        "shell",
        "-c",
        "import json; from django.apps import apps; print(json.dumps({m._meta.label_lower: "
        "m._default_manager.count() for m in apps.get_models()}))",
    )

    filled = {label for label, count in json.loads(counts.splitlines()[-1]).items() if count}
    assert filled - LEFT_OUT == SEEDED_BY_MIGRATIONS
