"""`radslag export` and `radslag import`: the whole database to one file and back, on SQLite
and PostgreSQL, all or nothing and checked by checksums."""

from __future__ import annotations

import gzip
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radslag.core.backup import LEFT_OUT, SEEDED_BY_MIGRATIONS, ModelChecksum, canonical
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


def example_data() -> None:
    """A small seeded simulation of every kind of example data (about 7 000 rows)."""
    call_command("demo_maturity", seed=1, years=1, verbosity=0)
    call_command("demo_use_cases", seed=1, count=10, verbosity=0)
    call_command("demo_needs", seed=1, count=40, verbosity=0)
    call_command("demo_council", seed=1, verbosity=0)
    call_command("demo_initiatives", seed=1, verbosity=0)


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
        # CI has PostgreSQL there (.ci/run); a machine without it cannot run this test.
        pytest.skip(f"PostgreSQL is not reachable on 127.0.0.1:5432 ({error})")
    admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
        admin.close()


NEW_NEED = (
    "from radslag.needs.models import Need; print(Need.objects.create(title='Efter "
    "återläsningen', text='…', municipality_id='0180').pk)"
)


@pytest.mark.slow
def test_a_backup_goes_to_postgresql_and_back_to_sqlite_unchanged(
    tmp_path: Path, postgres_database: str
) -> None:
    awkward_content()
    example_data()
    original = tmp_path / "original.jsonl.gz"
    call_command("export_data", out=original, verbosity=0)
    highest_need = Need.objects.order_by("-pk").values_list("pk", flat=True)[0]

    radslag(tmp_path / "pg", postgres_database, "migrate", "--no-input", "-v0")
    radslag(tmp_path / "pg", postgres_database, "import", str(original))
    from_postgres = tmp_path / "from-postgres.jsonl.gz"
    radslag(tmp_path / "pg", postgres_database, "export", "--out", str(from_postgres))
    # The sequences were moved past the restored ids: a new row does not collide.
    created = radslag(tmp_path / "pg", postgres_database, "shell", "-c", NEW_NEED)
    assert int(created.splitlines()[-1]) == highest_need + 1

    radslag(tmp_path / "sqlite", None, "migrate", "--no-input", "-v0")
    radslag(tmp_path / "sqlite", None, "import", str(from_postgres))
    from_sqlite = tmp_path / "from-sqlite.jsonl.gz"
    radslag(tmp_path / "sqlite", None, "export", "--out", str(from_sqlite))

    assert lines(from_postgres)[1:] == lines(original)[1:]
    assert lines(from_sqlite)[1:] == lines(original)[1:]
    assert any("🚀" in line for line in lines(from_sqlite))
    checksums = json.loads(lines(original)[-1])["checksums"]
    assert checksums["council.pairvote"]["rows"] > 1000
    assert checksums["initiatives.approval"]["rows"] > 100


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
    awkward_content()  # which leaves few key figures, so the export takes a second, not ten
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


Row = dict[str, Any]


def forged(backup: Path, out: Path, change: Callable[[Row], list[Row]]) -> Path:
    """The backup with its rows changed and every checksum made to match, as a file edited by
    hand or written by other code would be: it passes the checksums and must still be
    refused."""
    content = lines(backup)
    sums = {label: ModelChecksum() for label in json.loads(content[0])["models"]}
    body = []
    for line in content[1:-1]:
        for row in change(json.loads(line)):
            body.append(canonical(row))
            sums[row["model"]].add(body[-1])
    trailer = json.dumps({"checksums": {label: sum.as_dict() for label, sum in sums.items()}})
    with gzip.open(out, "wt", encoding="utf-8") as target:
        target.write("\n".join([content[0], *body, trailer]) + "\n")
    return out


def on_needs(edit: Callable[[Row], list[Row]]) -> Callable[[Row], list[Row]]:
    return lambda row: edit(row) if row["model"] == "needs.need" else [row]


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        (
            on_needs(lambda row: [row | {"fields": row["fields"] | {"created_at": "i går"}}]),
            r"the rows of needs\.need \(1 to 1 of 1\) cannot be written here: .*i går",
        ),
        (
            on_needs(lambda row: [row | {"fields": row["fields"] | {"colour": "blå"}}]),
            r"the rows of needs\.need .* cannot be written here: .*colour",
        ),
        (on_needs(lambda row: [row, row]), r"the rows of needs\.need \(1 to 2 of 2\)"),
        (on_needs(lambda row: [row | {"pk": 2**63}]), r"the rows of needs\.need \(1 to 1 of 1\)"),
        (
            on_needs(lambda row: [row | {"fields": row["fields"] | {"municipality": "9999"}}]),
            "a row points at a row the file lacks",
        ),
    ],
    ids=[
        "a time that is none",
        "an unknown field",
        "a repeated key",
        "a key past 64 bits",
        "a dangling link",
    ],
)
def test_a_file_whose_checksums_match_but_whose_rows_do_not_fit_is_refused_and_writes_nothing(
    tmp_path: Path, change: Callable[[Row], list[Row]], refusal: str
) -> None:
    awkward_content()
    backup = tmp_path / "backup.jsonl.gz"
    call_command("export_data", out=backup, verbosity=0)
    bad = forged(backup, tmp_path / "forged.jsonl.gz", change)
    Need.objects.update(title="Ändrad efter exporten")

    with pytest.raises(CommandError, match=refusal):
        call_command("import_data", bad, replace=True, verbosity=0)
    assert Need.objects.get().title == "Ändrad efter exporten"
    assert User.objects.filter(username="åsa").exists()
    assert KeyFigure.objects.exists()


@settings(max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(
    field=st.sampled_from(["municipality", "title", "created_at", "kind", "merged_into", "pk"]),
    value=st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([2**63, -(2**63) - 1])
    | st.floats()
    | st.text(max_size=5),
)
def test_a_need_of_any_value_in_a_matching_file_is_restored_or_refused_and_writes_nothing(
    tmp_path_factory: pytest.TempPathFactory, field: str, value: object
) -> None:
    folder = tmp_path_factory.mktemp("forged")
    if not Need.objects.exists():
        awkward_content()
    backup = folder / "backup.jsonl.gz"
    call_command("export_data", out=backup, verbosity=0)

    def change(row: Row) -> list[Row]:
        if field == "pk":
            return [row | {"pk": value}]
        return [row | {"fields": row["fields"] | {field: value}}]

    bad = forged(backup, folder / "forged.jsonl.gz", on_needs(change))
    before = Need.objects.values_list("pk", "title", "municipality_id").get()
    try:
        call_command("import_data", bad, replace=True, verbosity=0)
    except CommandError:
        assert Need.objects.values_list("pk", "title", "municipality_id").get() == before
