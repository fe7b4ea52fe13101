"""Importing key figures from the Kolada API into the registry, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import transaction

from radslag.municipalities.kolada import KoladaClient, KoladaError, KoladaPage, KoladaValue
from radslag.municipalities.models import KPI, KeyFigure, Municipality

API_SOURCE = "Kolada (RKA), API v3"


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_codes: set[str] = field(default_factory=set)


def import_key_figures(
    client: KoladaClient,
    kpis: Sequence[str],
    years: Sequence[int],
    municipality: str | None = None,
    on_page: Callable[[KoladaPage], None] | None = None,
) -> ImportSummary:
    """Fetch every page and check it all first, then write in one transaction.

    Fetching everything before writing means a failure on page 7 leaves the database as it
    was. A row for a key figure, year or municipality that was not asked for means the answer
    is not the one requested, so the whole import is refused rather than trusted in part.
    Rows for codes outside the registry (Kolada's regions and the whole country share the
    four-digit format) are skipped and reported.
    """
    values: list[KoladaValue] = []
    for page in client.data_pages(kpis, years, municipality):
        _check_asked_for(page, set(kpis), set(years), municipality)
        values.extend(page.values)
        if on_page:
            on_page(page)
    known_codes = set(Municipality.objects.values_list("code", flat=True))
    summary = ImportSummary()
    kept = []
    for value in values:
        if value.municipality in known_codes:
            kept.append(value)
        else:
            summary.skipped_codes.add(value.municipality)
    new_kpis = _fetch_new_kpis(client, sorted({value.kpi for value in kept}))
    # The key figures' metadata is written with them, so a failed import leaves neither.
    with transaction.atomic():
        KPI.objects.bulk_create(new_kpis)
        _upsert(kept, summary)
    return summary


def _check_asked_for(
    page: KoladaPage, kpis: set[str], years: set[int], municipality: str | None
) -> None:
    for index, value in enumerate(page.values):
        problem = None
        if value.kpi not in kpis:
            problem = f"key figure {value.kpi}"
        elif value.year not in years:
            problem = f"year {value.year}"
        elif municipality is not None and value.municipality != municipality:
            problem = f"municipality {value.municipality}"
        if problem:
            raise KoladaError(
                f"{page.url}: row {index + 1} is for {problem}, which was not asked for; "
                "nothing was stored"
            )


def _fetch_new_kpis(client: KoladaClient, kpis: list[str]) -> list[KPI]:
    """The metadata of key figures not yet stored, fetched before any write."""
    missing = [kpi for kpi in kpis if not KPI.objects.filter(id=kpi).exists()]
    if not missing:
        return []
    metadata = client.kpi_metadata(missing)
    new = []
    for kpi in missing:
        row = metadata.get(kpi)
        if row is None:
            raise KoladaError(f"Kolada has no metadata for KPI {kpi}")
        title = _text(row.get("title"), kpi, "title") or kpi
        # Kolada ends a title with its unit after the last comma ("andel (%)", "kr/inv"); a
        # longer last part is no unit.
        unit = title.rsplit(",", 1)[1].strip() if "," in title else ""
        new.append(
            KPI(
                id=kpi,
                title=_shortened(title, KPI._meta.get_field("title").max_length),
                unit=unit if len(unit) <= (KPI._meta.get_field("unit").max_length or 0) else "",
                description=_text(row.get("description"), kpi, "description"),
            )
        )
    return new


def _text(value: object, kpi: str, name: str) -> str:
    """A text of the metadata, refused if it is not text or holds a NUL (which PostgreSQL
    refuses at the write, after everything else was fetched: found by fuzzing)."""
    if value is None:
        return ""
    if not isinstance(value, str) or "\x00" in value:
        raise KoladaError(f"Kolada's metadata for KPI {kpi} has a {name} that is not text")
    return value


def _shortened(text: str, limit: int | None) -> str:
    """A title longer than the registry keeps, cut with "…" (PostgreSQL refused it whole)."""
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def _upsert(values: list[KoladaValue], summary: ImportSummary) -> None:
    keys = {(v.municipality, v.kpi, v.year) for v in values}
    existing = {
        (figure.municipality_id, figure.kpi_id, figure.year): figure
        for figure in KeyFigure.objects.filter(
            kpi_id__in={k for _, k, _ in keys}, year__in={y for _, _, y in keys}
        )
    }
    to_create: dict[tuple[str, str, int], KeyFigure] = {}
    to_update: list[KeyFigure] = []
    for value in values:
        key = (value.municipality, value.kpi, value.year)
        figure = existing.get(key)
        if figure is None:
            to_create[key] = KeyFigure(
                municipality_id=value.municipality,
                kpi_id=value.kpi,
                year=value.year,
                value=value.value,
                source=API_SOURCE,
            )
        elif figure.value != value.value or figure.source != API_SOURCE:
            figure.value, figure.source = value.value, API_SOURCE
            to_update.append(figure)
        else:
            summary.unchanged += 1
    KeyFigure.objects.bulk_create(to_create.values(), batch_size=2000)
    KeyFigure.objects.bulk_update(to_update, ["value", "source", "updated_at"], batch_size=2000)
    summary.created, summary.updated = len(to_create), len(to_update)
