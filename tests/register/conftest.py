"""The register's tests: a slice of the real PSTW file imported once, and a fake encoder."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from radslag.register import embeddings
from radslag.register.models import UseCase
from radslag.register.pstw import DEFAULT_FILE, import_pstw
from tests.register.fakes import FakeEncoder

# Every Swedish case and every 40th of the others: about 95 cases of the real catalogue.
EVERY = 40
Row = dict[str, str]


def pstw_rows() -> tuple[list[str], list[Row]]:
    """The shipped file's header (as written, " Status" included) and rows."""
    with DEFAULT_FILE.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def in_slice(index: int, row: Row) -> bool:
    return row["Geographical coverage (country)"].strip() == "Sweden" or index % EVERY == 0


def write_pstw(
    path: Path,
    keep: Callable[[int, Row], bool] = in_slice,
    edit: Callable[[Row], None] | None = None,
    header: list[str] | None = None,
) -> Path:
    """A PSTW file like the shipped one (UTF-8 with a byte-order mark), from chosen rows."""
    fieldnames, rows = pstw_rows()
    fieldnames = header or fieldnames
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=fieldnames, extrasaction="ignore")
    writer.writeheader()
    for index, row in enumerate(rows):
        if keep(index, row):
            row = dict(row)
            if edit:
                edit(row)
            writer.writerow(row)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return path


def slice_size() -> int:
    _, rows = pstw_rows()
    return sum(1 for index, row in enumerate(rows) if in_slice(index, row))


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None,
    django_db_blocker: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    path = write_pstw(tmp_path_factory.mktemp("pstw") / "pstw-slice.csv")
    with django_db_blocker.unblock():
        import_pstw(path)


@pytest.fixture(autouse=True)
def encoder(settings: Any) -> FakeEncoder:
    settings.REGISTER_ENCODER = "tests.register.fakes.FakeEncoder"
    fake = embeddings.default_encoder()
    assert isinstance(fake, FakeEncoder)
    fake.calls = 0
    return fake


@pytest.fixture
def make_case() -> Callable[..., UseCase]:
    def make(**fields: Any) -> UseCase:
        values: dict[str, Any] = {
            "title": "Ett användningsfall",
            "summary": "En kort beskrivning.",
            "organisation_id": "0180",
            "status": "publicerad",
        }
        values.update(fields)
        participants = values.pop("participants", [])
        case = UseCase.objects.create(**values)
        if participants:
            case.participants.set(participants)
        return case

    return make
