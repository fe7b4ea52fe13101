"""Loading the reference data shipped in ``radslag/data`` into the database.

Every file is read and checked before anything is written, and the writes run in one
transaction: a missing or corrupt file names the file, row and field and leaves the database
as it was.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.dispatch import Signal

from radslag.municipalities.models import (
    KPI,
    LAND_AREA_KPI,
    County,
    KeyFigure,
    Municipality,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REFERENCE_SOURCE = "Kolada (RKA), export hösten 2024"
_CODE = re.compile(r"^\d{4}$")
_COUNTY = re.compile(r"^\d{2}$")
_KPI_FILE = re.compile(r"^ddf--datapoints--([a-z]\d{5})--by--geo--year\.csv$")


# Sent inside load_reference's transaction, after the municipalities are in place, with
# ``data_dir``: apps above this one load their own reference data (the council's seats) from
# it, and a receiver's ReferenceDataError undoes the whole load. Each receiver returns a line
# for the command to report.
reference_loaded = Signal()


class ReferenceDataError(Exception):
    """A shipped reference file is missing or does not have the expected content."""


@dataclass
class ReferenceData:
    counties: dict[str, tuple[str, str]] = field(default_factory=dict)
    municipalities: dict[str, tuple[str, str]] = field(default_factory=dict)
    kpis: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    figures: dict[tuple[str, str, int], float] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadSummary:
    counties: int
    municipalities: int
    kpis: int
    figures_created: int
    figures_updated: int
    # What the apps that load their own reference data with it said they loaded.
    others: tuple[str, ...] = ()


def _rows(path: Path, required: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) of a CSV file after checking its columns."""
    if not path.exists():
        raise ReferenceDataError(f"{path}: file is missing")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in required if name not in (reader.fieldnames or [])]
            if missing:
                raise ReferenceDataError(f"{path}: missing column(s) {', '.join(missing)}")
            yield from enumerate(reader, start=2)
    except UnicodeDecodeError as error:
        raise ReferenceDataError(f"{path}: not UTF-8 text ({error.reason})") from None
    except csv.Error as error:
        raise ReferenceDataError(f"{path}: malformed CSV ({error})") from None


def _require(path: Path, line: int, name: str, value: str | None, pattern: re.Pattern[str]) -> str:
    if value is None or not pattern.match(value):
        raise ReferenceDataError(f"{path}, row {line}, field {name}: invalid value {value!r}")
    return value


def _kpi_unit(title: str) -> str:
    # Kolada titles end with the unit after the last comma: "Invånare totalt, antal".
    return title.rsplit(",", 1)[1].strip() if "," in title else ""


def read_reference(data_dir: Path = DATA_DIR) -> ReferenceData:
    """Read and check every shipped file; raise ``ReferenceDataError`` on the first problem."""
    data = ReferenceData()
    counties = data_dir / "geo" / "counties.csv"
    for line, row in _rows(counties, ["county_code", "county_name", "county_name_short"]):
        code = _require(counties, line, "county_code", row["county_code"], _COUNTY)
        data.counties[code] = (row["county_name"].strip(), row["county_name_short"].strip())

    municipalities = data_dir / "geo" / "municipalities.csv"
    columns = ["municipality_code", "municipality_name_short", "county_code"]
    for line, row in _rows(municipalities, columns):
        code = _require(municipalities, line, "municipality_code", row["municipality_code"], _CODE)
        county = row["county_code"]
        if county not in data.counties:
            raise ReferenceDataError(
                f"{municipalities}, row {line}, field county_code: unknown county {county!r}"
            )
        name = row["municipality_name_short"].strip()
        if not name:
            raise ReferenceDataError(
                f"{municipalities}, row {line}, field municipality_name_short: empty"
            )
        data.municipalities[code] = (name, county)

    kolada = data_dir / "kolada"
    concepts = kolada / "ddf--concepts.csv"
    descriptions = {
        row["concept"].upper(): (row["name"].strip(), row["description"].strip())
        for _, row in _rows(concepts, ["concept", "name", "description"])
    }
    kpi_files = sorted(path for path in kolada.glob("*.csv") if _KPI_FILE.match(path.name))
    if not kpi_files:
        raise ReferenceDataError(f"{kolada}: no Kolada data files found")
    for path in kpi_files:
        column = _KPI_FILE.match(path.name).group(1)  # type: ignore[union-attr]
        kpi = column.upper()
        if kpi not in descriptions:
            raise ReferenceDataError(f"{concepts}: no title for KPI {kpi} of {path.name}")
        title, description = descriptions[kpi]
        data.kpis[kpi] = (title, _kpi_unit(title), description)
        _read_figures(path, column, kpi, data)
    return data


def _read_figures(path: Path, column: str, kpi: str, data: ReferenceData) -> None:
    for line, row in _rows(path, ["geo", "year", column]):
        geo = row["geo"]
        # Two-digit codes are counties and "0" is the whole country; the registry keeps
        # municipalities only.
        if len(geo) != 4:
            continue
        if geo not in data.municipalities:
            raise ReferenceDataError(f"{path}, row {line}, field geo: unknown municipality {geo!r}")
        try:
            year = int(row["year"])
            value = float(row[column])
        except (TypeError, ValueError):
            raise ReferenceDataError(
                f"{path}, row {line}: year {row['year']!r} or value {row[column]!r} is not a number"
            ) from None
        data.figures[(geo, kpi, year)] = value


@transaction.atomic
def load_reference(data_dir: Path = DATA_DIR) -> LoadSummary:
    """Load the shipped reference data; running it again changes nothing."""
    data = read_reference(data_dir)
    for code, (name, short_name) in data.counties.items():
        County.objects.update_or_create(
            code=code, defaults={"name": name, "short_name": short_name}
        )

    land_area = _latest_values(data, LAND_AREA_KPI)
    existing = {m.code: m for m in Municipality.objects.all()}
    for code, (name, county) in data.municipalities.items():
        area = land_area.get(code)
        municipality = existing.get(code)
        if municipality is None:
            Municipality.objects.create(code=code, name=name, county_id=county, land_area_km2=area)
        elif (municipality.name, municipality.county_id, municipality.land_area_km2) != (
            name,
            county,
            area,
        ):
            municipality.name, municipality.county_id, municipality.land_area_km2 = (
                name,
                county,
                area,
            )
            municipality.save(update_fields=["name", "county", "land_area_km2"])

    for kpi, (title, unit, description) in data.kpis.items():
        KPI.objects.update_or_create(
            id=kpi, defaults={"title": title, "unit": unit, "description": description}
        )
    created, updated = _upsert_figures(data)
    reported = reference_loaded.send(sender=LoadSummary, data_dir=data_dir)
    return LoadSummary(
        len(data.counties),
        len(data.municipalities),
        len(data.kpis),
        created,
        updated,
        tuple(str(line) for _receiver, line in reported if line),
    )


def _latest_values(data: ReferenceData, kpi: str) -> dict[str, float]:
    latest: dict[str, tuple[int, float]] = {}
    for (code, figure_kpi, year), value in data.figures.items():
        if figure_kpi == kpi and (code not in latest or year > latest[code][0]):
            latest[code] = (year, value)
    return {code: value for code, (_, value) in latest.items()}


def _upsert_figures(data: ReferenceData) -> tuple[int, int]:
    """Insert missing figures and update changed reference figures.

    A figure that later came from the live Kolada API keeps its value: it is newer than the
    shipped export.
    """
    existing = {
        (m, k, y): (pk, value, source)
        for pk, m, k, y, value, source in KeyFigure.objects.values_list(
            "pk", "municipality_id", "kpi_id", "year", "value", "source"
        )
    }
    to_create: list[KeyFigure] = []
    to_update: list[KeyFigure] = []
    for (code, kpi, year), value in data.figures.items():
        current = existing.get((code, kpi, year))
        if current is None:
            to_create.append(
                KeyFigure(
                    municipality_id=code,
                    kpi_id=kpi,
                    year=year,
                    value=value,
                    source=REFERENCE_SOURCE,
                )
            )
        elif current[2] == REFERENCE_SOURCE and current[1] != value:
            to_update.append(KeyFigure(pk=current[0], value=value))
    KeyFigure.objects.bulk_create(to_create, batch_size=2000)
    KeyFigure.objects.bulk_update(to_update, ["value"], batch_size=2000)
    return len(to_create), len(to_update)
