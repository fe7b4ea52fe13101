"""The council's current seats: loaded from the shipped reference file, read for the pages.

``data/council/seats.csv`` lists the twelve seats of the AI council for municipalities as AI
Sweden publishes them (its source is noted in ``data/NOTICE.md``). The file holds
municipalities only: who sits on a seat is an account linked in Rådslag, not reference data.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from radslag.council.composition_models import Composition, Seat
from radslag.municipalities.models import Municipality
from radslag.municipalities.reference import ReferenceDataError

SEATS_FILE = Path("council") / "seats.csv"
_NUMBER = re.compile(r"^[1-9]\d{0,2}$")
_CODE = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class SeatRow:
    number: int
    codes: tuple[str, ...]


def read_seats(data_dir: Path) -> list[SeatRow]:
    """Read and check the seats file; raise ``ReferenceDataError`` naming row and field."""
    path = data_dir / SEATS_FILE
    if not path.exists():
        raise ReferenceDataError(f"{path}: file is missing")
    known = set(Municipality.objects.values_list("code", flat=True))
    rows: list[SeatRow] = []
    seen_codes: set[str] = set()
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"seat", "municipality_codes"} - set(reader.fieldnames or [])
            if missing:
                raise ReferenceDataError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
            for line, row in enumerate(reader, start=2):
                rows.append(_seat_row(path, line, row, known, seen_codes))
    except UnicodeDecodeError as error:
        raise ReferenceDataError(f"{path}: not UTF-8 text ({error.reason})") from None
    except csv.Error as error:
        raise ReferenceDataError(f"{path}: malformed CSV ({error})") from None
    numbers = [row.number for row in rows]
    if len(set(numbers)) != len(numbers):
        raise ReferenceDataError(f"{path}: a seat number appears twice")
    return rows


def _seat_row(
    path: Path, line: int, row: dict[str, Any], known: set[str], seen: set[str]
) -> SeatRow:
    number = row.get("seat") or ""
    if not _NUMBER.match(number):
        raise ReferenceDataError(f"{path}, row {line}, field seat: invalid value {number!r}")
    codes = tuple(code.strip() for code in (row.get("municipality_codes") or "").split(";"))
    for code in codes:
        if not _CODE.match(code) or code not in known:
            raise ReferenceDataError(
                f"{path}, row {line}, field municipality_codes: unknown municipality {code!r}"
            )
        if code in seen:
            raise ReferenceDataError(
                f"{path}, row {line}, field municipality_codes: {code} already has a seat"
            )
        seen.add(code)
    return SeatRow(int(number), codes)


@transaction.atomic
def load_seats(data_dir: Path) -> str:
    """Make the seats what the file says, keeping who holds a seat that stays; say what it did.

    A seat no longer in the file is removed with its holder link: the file is the council.
    """
    rows = read_seats(data_dir)
    Seat.objects.exclude(number__in=[row.number for row in rows]).delete()
    for row in rows:
        seat, _created = Seat.objects.get_or_create(number=row.number)
        if set(seat.municipalities.values_list("code", flat=True)) != set(row.codes):
            seat.municipalities.set(Municipality.objects.filter(code__in=row.codes))
    shared = sum(1 for row in rows if len(row.codes) > 1)
    return (
        f"{len(rows)} council seats for {sum(len(row.codes) for row in rows)} municipalities "
        f"({shared} shared)."
    )


def on_reference_loaded(sender: Any, data_dir: Path, **kwargs: Any) -> str:
    """The receiver of ``reference_loaded``: load the seats with the rest."""
    return load_seats(data_dir)


def current_seats() -> list[Seat]:
    """The seats in order, with their municipalities and members, in two queries."""
    return list(
        Seat.objects.select_related("holder").prefetch_related("municipalities").order_by("number")
    )


def represented_codes(seats: list[Seat]) -> list[str]:
    """Every municipality that holds a seat, each once, in seat order."""
    codes: list[str] = []
    for seat in seats:
        codes += [m.code for m in seat.municipalities.all() if m.code not in codes]
    return codes


@dataclass(frozen=True)
class CouncilPlace:
    """A municipality on the council: its seat if it has one, and its chance in the latest
    composition by lottery if it was a candidate there."""

    seat: Seat | None
    composition: Composition | None
    percent: float | None
    drawn: bool


def council_place(code: str) -> CouncilPlace:
    seat = (
        Seat.objects.filter(municipalities=code)
        .select_related("holder")
        .prefetch_related("municipalities")
        .first()
    )
    latest = Composition.objects.first()
    percent, drawn = None, False
    if latest is not None and code in latest.codes:
        percent = latest.selection_probabilities[latest.codes.index(code)] * 100
        drawn = code in latest.drawn_codes()
    return CouncilPlace(seat, latest if percent is not None else None, percent, drawn)
