"""The Kolada import fed generated malformed answers: every answer is imported whole or refused
with a KoladaError naming the URL (and the row where one is to blame), never another exception,
and a refusal leaves the key figures and their metadata as they were."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radslag.municipalities.kolada import KoladaClient, KoladaError
from radslag.municipalities.kolada_import import import_key_figures
from radslag.municipalities.models import KPI, KeyFigure
from tests.malformed import FUZZ, cells
from tests.municipalities.conftest import FakeKolada, data_row

pytestmark = pytest.mark.django_db

KNOWN, NEW = "N01951", "N15033"
YEAR = 2023
TITLE = "Elever i åk 9 som är behöriga till gymnasiet, andel (%)"

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**1100), 2**1100)
    | st.floats()
    | cells
    | st.sampled_from([KNOWN, NEW, "0180", "2023", "T", "9999", "1e400"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(cells, inner, max_size=4),
    max_leaves=12,
)


def right_answers(kpi: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A page of figures and the key figure's metadata as Kolada sends them."""
    page = {
        "values": [data_row(kpi, code, YEAR, 5.0) for code in ("0180", "2062", "0000")],
        "count": 3,
        "next_url": None,
    }
    return page, {"values": [{"id": NEW, "title": TITLE, "description": "Andel elever."}]}


@st.composite
def damaged(draw: st.DrawFn, answer: Any) -> Any:
    """``answer`` with one part, at any depth, replaced by a generated JSON value or one that
    is right in form and wrong in size or content."""
    if not isinstance(answer, dict | list) or not answer or draw(st.integers(0, 3)) == 0:
        return draw(
            json_values
            | st.sampled_from(
                ["x" * 400, "a, " + "b" * 80, "Tal\x00", 2**1100, 10**30, "http://[", "/relativ"]
            )
        )
    keys = list(answer) if isinstance(answer, dict) else list(range(len(answer)))
    key = draw(st.sampled_from(keys))
    copy = dict(answer) if isinstance(answer, dict) else list(answer)
    copy[key] = draw(damaged(answer[key]))  # type: ignore[index]
    return copy


@st.composite
def answers(draw: st.DrawFn, kpi: str) -> tuple[bytes, bytes]:
    """The page and the metadata, most often one or two of their parts damaged, sometimes
    replaced by random bytes."""
    page, metadata = right_answers(kpi)
    for _ in range(draw(st.integers(1, 2))):
        if draw(st.booleans()):
            page = draw(damaged(page))
        else:
            metadata = draw(damaged(metadata))
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=200)), json.dumps(metadata).encode()
    return json.dumps(page, allow_nan=True).encode(), json.dumps(metadata).encode()


def key_figures() -> tuple[object, ...]:
    """The figures an import of these key figures could touch, and how many there are in all
    (the whole table of reference figures is too large to compare at every example)."""
    asked = KeyFigure.objects.filter(kpi_id__in=[KNOWN, NEW], year=YEAR)
    return (
        KeyFigure.objects.count(),
        sorted(asked.values_list("municipality_id", "kpi_id", "value", "source")),
        sorted(KPI.objects.values_list("id", "title", "unit", "description")),
    )


@FUZZ
@given(kpi=st.sampled_from([KNOWN, NEW]), data=st.data())
def test_any_answer_is_imported_whole_or_refused_naming_the_url(
    kolada: FakeKolada, kpi: str, data: st.DataObject
) -> None:
    path = f"/v3/data/kpi/{kpi}/year/{YEAR}?per_page=5000"
    page, metadata = data.draw(answers(kpi))
    kolada.routes.clear()
    kolada.add(path, raw=page)
    kolada.add(f"/v3/kpi/{NEW}", raw=metadata)
    before = key_figures()
    client = KoladaClient(kolada.base_url, timeout=5, retries=0, sleep=lambda s: None)

    try:
        with client:
            import_key_figures(client, [kpi], [YEAR])
    except KoladaError as refusal:
        refused = str(refusal)
    else:
        return
    assert "http://127.0.0.1" in refused or NEW in refused, refused
    assert key_figures() == before


def import_one_page(kolada: FakeKolada, page: dict[str, Any], title: object = TITLE) -> None:
    kolada.add(f"/v3/data/kpi/{NEW}/year/{YEAR}?per_page=5000", payload=page)
    kolada.add(f"/v3/kpi/{NEW}", payload={"values": [{"id": NEW, "title": title}]})
    with KoladaClient(kolada.base_url, retries=0, sleep=lambda s: None) as client:
        import_key_figures(client, [NEW], [YEAR])


def beyond_a_float() -> dict[str, Any]:
    row = data_row(NEW, "0180", YEAR, 5.0)
    row["values"][2]["value"] = 2**1100  # type: ignore[index]
    return row


# Found by the fuzzing above: each raised TypeError, OverflowError or, on PostgreSQL,
# DataError, instead of a refusal before anything was written.
@pytest.mark.parametrize(
    ("damage", "refusal"),
    [
        ({"next_url": ["/v3/data"]}, r"next_url .+/v3/data.+ is not a page of http://127"),
        ({"next_url": True}, "next_url 'True' is not a page of"),
        ({"next_url": "http://["}, r"next_url 'http://\[' is not a page of"),
        ({"next_url": "https://example.org/v3/data"}, "is not a page of"),
        ({"values": [beyond_a_float()]}, "row 1 is malformed"),
    ],
)
def test_a_malformed_page_is_refused_naming_its_url(
    kolada: FakeKolada, damage: dict[str, Any], refusal: str
) -> None:
    page = {"values": [data_row(NEW, "0180", YEAR, 5.0)], "next_url": None} | damage
    before = key_figures()

    with pytest.raises(KoladaError, match=refusal):
        import_one_page(kolada, page)
    assert key_figures() == before


def test_metadata_with_a_nul_or_not_text_is_refused(kolada: FakeKolada) -> None:
    page = {"values": [data_row(NEW, "0180", YEAR, 5.0)]}
    before = key_figures()

    with pytest.raises(KoladaError, match=f"metadata for KPI {NEW} has a title that is not text"):
        import_one_page(kolada, page, title="Elever\x00")
    with pytest.raises(KoladaError, match="has a title that is not text"):
        import_one_page(kolada, page, title={"sv": "Elever"})
    assert key_figures() == before


def test_a_title_too_long_for_the_registry_is_shortened_and_a_long_last_part_is_no_unit(
    kolada: FakeKolada,
) -> None:
    import_one_page(kolada, {"values": [data_row(NEW, "0180", YEAR, 5.0)]}, "a, " + "b" * 400)

    kpi = KPI.objects.get(id=NEW)
    assert len(kpi.title) == 300
    assert kpi.title.endswith("b…")
    assert kpi.unit == ""
