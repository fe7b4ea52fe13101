"""What the Kolada import refuses: answers it did not ask for, non-numbers, endless waits."""

from __future__ import annotations

import time

import pytest
from django.core.management import CommandError, call_command

from radslag.municipalities.kolada import KoladaClient, KoladaError
from radslag.municipalities.kolada_import import import_key_figures
from radslag.municipalities.models import KPI, KeyFigure
from tests.municipalities.conftest import FakeKolada, data_row

pytestmark = pytest.mark.django_db

DATA_PATH = "/v3/data/kpi/N01951/year/2023?per_page=5000"


def client(kolada: FakeKolada, **options: float) -> KoladaClient:
    options = {"timeout": 5, "retries": 3, "backoff": 0.0, **options}
    return KoladaClient(kolada.base_url, sleep=lambda s: None, **options)  # type: ignore[arg-type]


def page(rows: list[dict[str, object]]) -> dict[str, object]:
    return {"values": rows, "count": len(rows), "next_url": None, "previous_url": None}


def stockholm_population() -> list[tuple[int, float]]:
    return list(
        KeyFigure.objects.filter(municipality_id="0180", kpi_id="N01951").values_list(
            "year", "value"
        )
    )


def test_it_refuses_a_row_for_a_year_it_did_not_ask_for_and_stores_nothing(
    kolada: FakeKolada,
) -> None:
    before = stockholm_population()
    kolada.add(
        DATA_PATH,
        payload=page(
            [
                data_row("N01951", "1480", 2023, 604_616),
                data_row("N01951", "0180", 99_999_999_999, 3.0),
            ]
        ),
    )

    with pytest.raises(CommandError, match=r"row 2 is for year 99999999999, which was not asked"):
        call_command(
            "import_kolada", kpi="N01951", year="2023", base_url=kolada.base_url, verbosity=0
        )
    assert stockholm_population() == before
    assert not KeyFigure.objects.filter(year=2023, municipality_id="1480").exists()


def test_it_refuses_a_row_for_a_key_figure_it_did_not_ask_for(kolada: FakeKolada) -> None:
    kolada.add(DATA_PATH, payload=page([data_row("N03067", "0180", 2023, 60_000)]))

    with pytest.raises(KoladaError, match="row 1 is for key figure N03067"):
        import_key_figures(client(kolada), ["N01951"], [2023])
    assert not KeyFigure.objects.filter(year=2023).exists()


def test_it_refuses_a_row_for_another_municipality_than_the_one_asked_for(
    kolada: FakeKolada,
) -> None:
    path = "/v3/data/kpi/N01951/municipality/2062/year/2023?per_page=5000"
    kolada.add(path, payload=page([data_row("N01951", "0180", 2023, 1.0)]))

    with pytest.raises(KoladaError, match="row 1 is for municipality 0180"):
        import_key_figures(client(kolada), ["N01951"], [2023], municipality="2062")


@pytest.mark.parametrize("literal", [b"NaN", b"Infinity", b"-Infinity"])
def test_it_refuses_a_value_that_is_not_a_finite_number(kolada: FakeKolada, literal: bytes) -> None:
    row = (
        b'{"kpi": "N01951", "municipality": "0180", "period": 2023, '
        b'"values": [{"gender": "T", "count": 1, "status": "", "value": ' + literal + b"}]}"
    )
    kolada.add(DATA_PATH, raw=b'{"values": [' + row + b'], "next_url": null}')

    with pytest.raises(KoladaError, match=r"row 1 has the value .*, not a number"):
        import_key_figures(client(kolada), ["N01951"], [2023])
    assert not KeyFigure.objects.filter(year=2023).exists()


def test_a_failed_import_leaves_no_key_figure_metadata_behind(kolada: FakeKolada) -> None:
    path = "/v3/data/kpi/N15033%2CN15034/year/2023?per_page=5000"
    kolada.add(
        path,
        payload=page(
            [data_row("N15033", "0180", 2023, 71.0), data_row("N15034", "0180", 2023, 70.0)]
        ),
    )
    kolada.add(
        "/v3/kpi/N15033%2CN15034",
        payload={"values": [{"id": "N15033", "title": "Behöriga elever, andel (%)"}]},
    )

    with pytest.raises(KoladaError, match="no metadata for KPI N15034"):
        import_key_figures(client(kolada), ["N15033", "N15034"], [2023])
    assert not KPI.objects.filter(id__in=["N15033", "N15034"]).exists()


def test_it_stops_at_its_overall_deadline_naming_it(kolada: FakeKolada) -> None:
    kolada.add(DATA_PATH, status=503, payload={"error": "busy"})
    slow = KoladaClient(
        kolada.base_url, timeout=5, retries=50, backoff=0.05, sleep=time.sleep, deadline=0.2
    )
    started = time.monotonic()

    with pytest.raises(KoladaError, match=r"longer than its deadline of 0\.2 s"):
        import_key_figures(slow, ["N01951"], [2023])
    assert time.monotonic() - started < 5
