"""``radslag import-kolada`` against a local server that answers like Kolada API v3."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from radslag.municipalities.kolada import KoladaClient, KoladaError
from radslag.municipalities.kolada_import import API_SOURCE, import_key_figures
from radslag.municipalities.models import KPI, KeyFigure
from tests.municipalities.conftest import FakeKolada, data_row

pytestmark = pytest.mark.django_db

DATA_PATH = "/v3/data/kpi/N01951/year/2023?per_page=5000"


def client(kolada: FakeKolada) -> KoladaClient:
    return KoladaClient(kolada.base_url, timeout=5, retries=3, backoff=0.0, sleep=lambda s: None)


def page(rows: list[dict[str, object]], next_url: str | None = None) -> dict[str, object]:
    return {"values": rows, "count": 3, "next_url": next_url, "previous_url": None}


def test_it_follows_next_url_and_stores_totals_from_every_page(kolada: FakeKolada) -> None:
    second = "/v3/data/kpi/N01951/year/2023?per_page=5000&page=2"
    kolada.add(
        DATA_PATH,
        payload=page(
            [data_row("N01951", "0180", 2023, 988_943), data_row("N01951", "1480", 2023, 604_616)],
            next_url=kolada.url(second),
        ),
    )
    kolada.add(second, payload=page([data_row("N01951", "2062", 2023, 20_731)]))

    call_command("import_kolada", kpi="N01951", year="2023", base_url=kolada.base_url, verbosity=0)

    stored = dict(
        KeyFigure.objects.filter(kpi_id="N01951", year=2023).values_list("municipality_id", "value")
    )
    assert stored == {"0180": 988_943, "1480": 604_616, "2062": 20_731}
    assert set(KeyFigure.objects.filter(year=2023).values_list("source", flat=True)) == {API_SOURCE}


def test_it_retries_after_a_503_and_then_succeeds(kolada: FakeKolada) -> None:
    kolada.add(DATA_PATH, status=503, payload={"error": "busy"})
    kolada.add(DATA_PATH, payload=page([data_row("N01951", "0180", 2023, 988_943)]))

    summary = import_key_figures(client(kolada), ["N01951"], [2023])

    assert summary.created == 1
    assert kolada.requests.count(DATA_PATH) == 2


def test_it_gives_up_after_the_retries_naming_status_and_url(kolada: FakeKolada) -> None:
    kolada.add(DATA_PATH, status=502, payload={"error": "bad gateway"})

    with pytest.raises(
        CommandError, match=r"HTTP 502 from http://127\.0\.0\.1:\d+/v3/data/kpi/N01951"
    ):
        call_command(
            "import_kolada",
            kpi="N01951",
            year="2023",
            base_url=kolada.base_url,
            retries=2,
            verbosity=0,
        )
    assert kolada.requests.count(DATA_PATH) == 3


def test_it_does_not_retry_a_client_error(kolada: FakeKolada) -> None:
    kolada.add(DATA_PATH, status=400, payload={"error": "bad request"})

    with pytest.raises(KoladaError, match="HTTP 400"):
        import_key_figures(client(kolada), ["N01951"], [2023])
    assert kolada.requests.count(DATA_PATH) == 1


def test_it_reports_malformed_json_with_the_url_and_stores_nothing(kolada: FakeKolada) -> None:
    second = "/v3/data/kpi/N01951/year/2023?per_page=5000&page=2"
    kolada.add(
        DATA_PATH,
        payload=page([data_row("N01951", "0180", 2023, 1.0)], next_url=kolada.url(second)),
    )
    kolada.add(second, raw=b'{"values": [ {"kpi": "N01951", ')
    before = KeyFigure.objects.count()

    with pytest.raises(CommandError, match=r"page=2: malformed JSON"):
        call_command(
            "import_kolada", kpi="N01951", year="2023", base_url=kolada.base_url, verbosity=0
        )
    assert KeyFigure.objects.count() == before


def test_it_skips_rows_marked_deleted_and_rows_without_a_total(kolada: FakeKolada) -> None:
    kolada.add(
        DATA_PATH,
        payload=page(
            [
                data_row("N01951", "0180", 2023, 5.0, isdeleted=True),
                data_row("N01951", "1480", 2023, None),
                data_row("N01951", "2062", 2023, 20_731),
            ]
        ),
    )

    summary = import_key_figures(client(kolada), ["N01951"], [2023])

    assert summary.created == 1
    assert not KeyFigure.objects.filter(year=2023, municipality_id__in=["0180", "1480"]).exists()


def test_it_skips_and_reports_codes_outside_the_registry(kolada: FakeKolada) -> None:
    kolada.add(
        DATA_PATH,
        payload=page(
            [
                data_row("N01951", "0000", 2023, 10_551_707),
                data_row("N01951", "0180", 2023, 988_943),
            ]
        ),
    )

    summary = import_key_figures(client(kolada), ["N01951"], [2023])

    assert summary.skipped_codes == {"0000"}
    assert summary.created == 1


def test_it_updates_a_changed_value_and_leaves_an_unchanged_one(kolada: FakeKolada) -> None:
    kolada.add(DATA_PATH, payload=page([data_row("N01951", "0180", 2023, 1.0)]))
    kolada.add(DATA_PATH, payload=page([data_row("N01951", "0180", 2023, 2.0)]))
    kolada.add(DATA_PATH, payload=page([data_row("N01951", "0180", 2023, 2.0)]))

    assert import_key_figures(client(kolada), ["N01951"], [2023]).created == 1
    assert import_key_figures(client(kolada), ["N01951"], [2023]).updated == 1
    assert import_key_figures(client(kolada), ["N01951"], [2023]).unchanged == 1
    assert KeyFigure.objects.get(municipality_id="0180", kpi_id="N01951", year=2023).value == 2.0


def test_it_asks_kolada_for_the_title_of_a_kpi_it_has_not_seen(kolada: FakeKolada) -> None:
    path = "/v3/data/kpi/N15033/year/2023?per_page=5000"
    kolada.add(path, payload=page([data_row("N15033", "0180", 2023, 71.0)]))
    kolada.add(
        "/v3/kpi/N15033",
        payload={
            "values": [
                {
                    "id": "N15033",
                    "title": "Elever i åk 9 som är behöriga till gymnasiet, andel (%)",
                    "description": "Andel elever.",
                }
            ]
        },
    )

    import_key_figures(client(kolada), ["N15033"], [2023])

    assert KPI.objects.get(id="N15033").unit == "andel (%)"


def test_it_queries_one_municipality_when_asked(kolada: FakeKolada) -> None:
    path = "/v3/data/kpi/N01951/municipality/0180/year/2023?per_page=5000"
    kolada.add(path, payload=page([data_row("N01951", "0180", 2023, 988_943)]))

    call_command(
        "import_kolada",
        kpi="N01951",
        year="2023",
        municipality="0180",
        base_url=kolada.base_url,
        verbosity=0,
    )

    assert kolada.requests == [path]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"kpi": "N0195", "year": "2023"}, "--kpi: not a Kolada KPI id: N0195"),
        ({"kpi": "N01951", "year": "23"}, "--year: not a year: 23"),
        ({"kpi": "N01951", "year": "2023", "municipality": "180"}, "is not four digits"),
        ({"kpi": "N01951", "year": "2023", "municipality": "9999"}, "no municipality has code"),
    ],
)
def test_it_rejects_bad_arguments_before_calling_kolada(
    kolada: FakeKolada, options: dict[str, str], message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("import_kolada", base_url=kolada.base_url, verbosity=0, **options)
    assert kolada.requests == []


def test_it_retries_when_the_connection_is_refused() -> None:
    sleeps: list[float] = []
    refused = KoladaClient(
        "http://127.0.0.1:9/v3", timeout=1, retries=2, backoff=0.5, sleep=sleeps.append
    )

    with pytest.raises(KoladaError, match="after 3 attempts"):
        list(refused.data_pages(["N01951"], [2023]))
    assert sleeps == [0.5, 1.0]
