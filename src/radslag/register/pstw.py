"""Importing the Public Sector Tech Watch catalogue as reference use cases.

The whole file is read and checked before anything is written, and the writes run in one
transaction: a missing column, a file that is not UTF-8 or a row that cannot be read names the
file, row and field and leaves the register as it was. Cases are matched by their PSTW ID, so
a second run changes nothing and a later release updates the rows that changed.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from radslag.core import text_limits
from radslag.municipalities.models import Municipality
from radslag.register import pstw_mapping as mapping
from radslag.register.choices import Publication, Source
from radslag.register.countries import SWEDEN, country_from_english
from radslag.register.models import SUMMARY_MAX_LENGTH, UseCase

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "data" / "pstw" / "pstw-2025-11.csv"
ATTRIBUTION = "Källa: Public Sector Tech Watch, Europeiska kommissionen, CC BY 4.0"
LICENCE = "CC BY 4.0"
CATALOGUE_URL = "https://interoperable-europe.ec.europa.eu/collection/public-sector-tech-watch"

ID = "PSTW ID"
NAME = "Name"
DESCRIPTION = "Description"
WEBSITE = "Website"
EXTENT = "Geographical extent"
COUNTRY = "Geographical coverage (country)"
ORGANISATION = "Responsible organisation"
ORGANISATION_CATEGORY = "Responsible organisation category"
COFOG_I = "Functions of Government (COFOG level I)"
COFOG_II = "Functions of Government (COFOG level II)"
STATUS = "Status"  # " Status" in the file: headers are compared without surrounding spaces
START_YEAR = "Start Year"
END_YEAR = "End Year"
APPLICATION_TYPE = "Application type"
PRIMARY_TECHNOLOGY = "Primary Technology"
SUBDOMAIN = "AI Classification Subdomain (II) (main)"
KEYWORDS = "AI Keywords"
SUPPLIER = "Company name or GovTech ID"
OPEN_OUTPUT = "Open components in output"
SOURCE = "Source"
UPDATED = "Date updated"
REQUIRED_COLUMNS = (
    ID,
    NAME,
    DESCRIPTION,
    WEBSITE,
    EXTENT,
    COUNTRY,
    ORGANISATION,
    ORGANISATION_CATEGORY,
    COFOG_I,
    COFOG_II,
    STATUS,
    START_YEAR,
    END_YEAR,
    APPLICATION_TYPE,
    PRIMARY_TECHNOLOGY,
    SUBDOMAIN,
    KEYWORDS,
    SUPPLIER,
    OPEN_OUTPUT,
    SOURCE,
    UPDATED,
    *mapping.BENEFIT_COLUMNS,
)

_PSTW_ID = re.compile(r"^PSTW-\d+$", re.ASCII)
# An id longer than the register keeps failed on PostgreSQL (SQLite kept it whole).
_SOURCE_ID_LENGTH = UseCase._meta.get_field("source_id").max_length or 50
_YEAR = re.compile(r"^(19|20)\d\d$", re.ASCII)
_LOCAL_GOVERNMENT = "local government"
_is_url = URLValidator(schemes=["http", "https"])

# The fields an import owns; what a person added to an imported case (an assessment, an
# effect) is left alone.
IMPORTED_FIELDS = (
    "title",
    "summary",
    "description",
    "organisation_name",
    "country",
    "level",
    "cofog",
    "cofog_group",
    "area",
    "stage",
    "start_date",
    "end_date",
    "dates_are_years",
    "technique",
    "ai_subdomain",
    "keywords",
    "supplier",
    "website",
    "open_source_url",
    "benefits",
    "source_url",
    "source_licence",
    "source_updated",
)


class PstwError(Exception):
    """The file is not a Public Sector Tech Watch export that can be imported."""


@dataclass(frozen=True)
class PstwRow:
    line: int
    source_id: str
    values: dict[str, Any]
    municipalities: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    created: int
    updated: int
    unchanged: int
    linked: int


def _text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PstwError(f"{path}: file not found") from None
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PstwError(
            f"{path}, line {line}: not UTF-8 text (byte {raw[error.start]:#04x}); "
            "save the file as UTF-8"
        ) from None
    # PostgreSQL refuses NUL in text, so a NUL would fail the import at its first write (found
    # by tests/register/test_pstw_fuzzing.py); no text file holds one. The catalogue's other
    # stray control characters (a U+0002 for a hyphen) are kept as written.
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise PstwError(f"{path}, line {line}: a NUL byte, which no CSV text holds")
    return text


def _first_url(value: str) -> str:
    for token in value.split():
        candidate = token.strip(",;()<>\"'")
        if candidate.startswith("www."):
            candidate = f"https://{candidate}"
        try:
            _is_url(candidate)
        except ValidationError:
            continue
        if len(candidate) <= 500:
            return candidate
    return ""


def _summary(description: str, title: str) -> str:
    return _shortened(" ".join(description.split()) or title, SUMMARY_MAX_LENGTH)


def _shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a sentence's end, or else a word's, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sentence_end = cut.rfind(". ")
    if sentence_end >= limit // 2:
        return cut[: sentence_end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…"


class _RowReader:
    """Reads one CSV row, naming the file, row and field of any problem."""

    def __init__(self, path: Path, line: int, row: dict[str, str]) -> None:
        self.path, self.line, self.row = path, line, row

    def fail(self, column: str, problem: str) -> PstwError:
        return PstwError(f"{self.path}, row {self.line}, field {column!r}: {problem}")

    def text(self, column: str) -> str:
        return " ".join((self.row.get(column) or "").replace("\xa0", " ").split())

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            raise self.fail(column, "empty")
        return value

    def year(self, column: str) -> int | None:
        value = self.text(column)
        if not value:
            return None
        if not _YEAR.match(value):
            raise self.fail(column, f"{value!r} is not a year")
        return int(value)

    def choice(self, column: str, table: dict[str, Any]) -> Any:
        value = self.text(column)
        key = mapping.normalise(value)
        if key not in table:
            raise self.fail(column, f"unknown value {value!r}")
        return table[key]


def _parse(reader: _RowReader, index: dict[str, str]) -> PstwRow:
    source_id = reader.required(ID)
    if not _PSTW_ID.match(source_id) or len(source_id) > _SOURCE_ID_LENGTH:
        raise reader.fail(ID, f"{source_id[:60]!r} is not a PSTW id such as PSTW-128")
    title = reader.required(NAME)[:300]
    country_name = reader.required(COUNTRY)
    country = country_from_english(country_name)
    if country is None:
        raise reader.fail(COUNTRY, f"unknown country {country_name!r}")
    start, end = reader.year(START_YEAR), reader.year(END_YEAR)
    if start is not None and end is not None and end < start:
        raise reader.fail(END_YEAR, f"{end} is before the start year {start}")
    updated_text = reader.text(UPDATED)
    try:
        updated = datetime.strptime(updated_text, "%d/%m/%Y").date() if updated_text else None
    except ValueError:
        raise reader.fail(UPDATED, f"{updated_text!r} is not a date dd/mm/yyyy") from None
    division = mapping.COFOG_DIVISIONS.get(mapping.normalise(reader.text(COFOG_I)))
    description = reader.text(DESCRIPTION)
    organisation = reader.text(ORGANISATION)
    keywords = reader.text(KEYWORDS)[:500]
    values: dict[str, Any] = {
        "title": title,
        "summary": _summary(description, title),
        # The register's limit holds for the catalogue too; its record links the full text.
        "description": _shortened(
            (reader.row.get(DESCRIPTION) or "").strip(), text_limits.DESCRIPTION
        ),
        "organisation_name": organisation[:300],
        "country": country,
        "level": reader.choice(EXTENT, mapping.LEVELS),
        "cofog": division or "",
        "cofog_group": reader.text(COFOG_II)[:200],
        "area": mapping.area_of(
            division or "", reader.text(COFOG_II), reader.text(APPLICATION_TYPE), keywords
        )
        or "",
        "stage": reader.choice(STATUS, mapping.STAGES),
        "start_date": date(start, 1, 1) if start else None,
        "end_date": date(end, 1, 1) if end else None,
        "dates_are_years": True,
        "technique": mapping.technique_of(
            reader.text(PRIMARY_TECHNOLOGY),
            reader.text(SUBDOMAIN),
            reader.text(APPLICATION_TYPE),
            keywords,
        ),
        "ai_subdomain": reader.text(SUBDOMAIN)[:200],
        "keywords": keywords,
        "supplier": reader.text(SUPPLIER)[:300],
        "website": _first_url(reader.row.get(WEBSITE) or ""),
        "open_source_url": _first_url(reader.row.get(OPEN_OUTPUT) or ""),
        "benefits": mapping.benefits_of(reader.row),
        "source_url": _first_url(reader.row.get(SOURCE) or "") or CATALOGUE_URL,
        "source_licence": LICENCE,
        "source_updated": updated,
    }
    municipalities: list[str] = []
    if country == SWEDEN and mapping.normalise(reader.text(ORGANISATION_CATEGORY)) == (
        _LOCAL_GOVERNMENT
    ):
        municipalities = mapping.municipalities_named(organisation, index)
    return PstwRow(reader.line, source_id, values, municipalities)


def read_pstw(path: Path, index: dict[str, str]) -> list[PstwRow]:
    """Read and check the file; raise ``PstwError`` naming the first problem."""
    text = _text(path)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = reader.fieldnames or []
        # The catalogue writes " Status" with a leading space; later releases may not.
        reader.fieldnames = [name.strip() for name in header]
        missing = [name for name in REQUIRED_COLUMNS if name not in reader.fieldnames]
        if missing:
            raise PstwError(f"{path}, row 1: missing column(s) {', '.join(map(repr, missing))}")
        rows: list[PstwRow] = []
        seen: dict[str, int] = {}
        for number, raw in enumerate(reader, start=2):
            if not any((value or "").strip() for value in raw.values() if isinstance(value, str)):
                continue
            row = _parse(_RowReader(path, number, raw), index)
            if row.source_id in seen:
                raise PstwError(
                    f"{path}, row {number}, field {ID!r}: {row.source_id} repeats row "
                    f"{seen[row.source_id]}"
                )
            seen[row.source_id] = number
            rows.append(row)
    except csv.Error as error:
        raise PstwError(f"{path}: malformed CSV ({error})") from None
    if not rows:
        raise PstwError(f"{path}: no cases in the file")
    return rows


@transaction.atomic
def import_pstw(path: Path = DEFAULT_FILE) -> ImportSummary:
    """Create new cases, update changed ones; nothing is written unless every row is valid."""
    index = mapping.municipality_index(Municipality.objects.values_list("code", "name"))
    rows = read_pstw(path, index)
    existing = {
        case.source_id: case
        for case in UseCase.objects.filter(source=Source.PSTW).prefetch_related("participants")
    }
    now = timezone.now()
    to_create: list[UseCase] = []
    to_update: list[UseCase] = []
    links: dict[str, list[str]] = {}
    for row in rows:
        organisation = row.municipalities[0] if row.municipalities else None
        values = {**row.values, "organisation_id": organisation}
        participants = row.municipalities[1:]
        links[row.source_id] = participants
        case = existing.get(row.source_id)
        if case is None:
            to_create.append(
                UseCase(
                    source=Source.PSTW,
                    source_id=row.source_id,
                    status=Publication.PUBLISHED,
                    **values,
                )
            )
            continue
        changed = any(getattr(case, name) != value for name, value in values.items())
        current = sorted(m.code for m in case.participants.all())
        if changed or current != sorted(participants):
            for name, value in values.items():
                setattr(case, name, value)
            # bulk_update skips auto_now; the similar-cases index relies on updated_at.
            case.updated_at = now
            to_update.append(case)
    UseCase.objects.bulk_create(to_create, batch_size=500)
    UseCase.objects.bulk_update(
        to_update, [*IMPORTED_FIELDS, "organisation", "updated_at"], batch_size=500
    )
    _set_participants(links)
    linked = sum(1 for row in rows if row.municipalities)
    return ImportSummary(
        len(rows),
        len(to_create),
        len(to_update),
        len(rows) - len(to_create) - len(to_update),
        linked,
    )


def _set_participants(links: dict[str, list[str]]) -> None:
    ids = dict(
        UseCase.objects.filter(source=Source.PSTW, source_id__in=list(links)).values_list(
            "source_id", "pk"
        )
    )
    through = UseCase.participants.through
    wanted = {(ids[source_id], code) for source_id, codes in links.items() for code in codes}
    current = set(
        through.objects.filter(usecase_id__in=list(ids.values())).values_list(
            "usecase_id", "municipality_id"
        )
    )
    for usecase_id, code in current - wanted:
        through.objects.filter(usecase_id=usecase_id, municipality_id=code).delete()
    through.objects.bulk_create(
        [
            through(usecase_id=usecase_id, municipality_id=code)
            for usecase_id, code in wanted - current
        ]
    )
