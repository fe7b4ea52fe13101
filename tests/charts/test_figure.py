"""Every chart follows one pattern: a figure named by its caption or heading, an SVG labelled
by its title and described by its description, a legend of SVG swatches, and a table."""

from __future__ import annotations

import pytest
from django.utils import translation

from radslag.charts import (
    Chart,
    IntervalRow,
    LevelRow,
    Series,
    choropleth,
    interval_chart,
    legend,
    level_bars,
    line_chart,
    palette,
    share_bars,
    stacked_bars,
)
from radslag.charts.templatetags.charts import coordinate
from tests.charts.svg import NS, figure, parsed, text_of

# A light and a dark colour: the light one must be drawn with an outline.
SERIES = [Series("Idé", palette.STAGES["ide"]), Series("I drift", palette.STAGES["i-drift"])]


def every_kind() -> dict[str, Chart]:
    line = line_chart([(2020, 1.0), (2021, 2.0)], "Linje", unit="st")
    assert line is not None
    return {
        "line": line,
        "stacked": stacked_bars([("A", [1, 2])], SERIES, "Staplar"),
        "shares": share_bars([("A", [1, 2])], SERIES, "Andelar"),
        "levels": level_bars([LevelRow("A", 3, 2.0, 1.0, 3.0)], "Nivåer", maximum=5),
        "intervals": interval_chart([IntervalRow("A", 50.0, 40.0, 60.0)], "Poäng"),
        "map": choropleth(
            {"0001": "M0 0h1v1z"},
            "0 0 1 1",
            values={"0001": 1.0},
            names={"0001": "Ett"},
            classes=legend([1.0]),
            title="Karta",
            value_label="Värde",
            format_value=str,
            link_of=lambda key: f"/{key}/",
        ),
    }


KINDS = sorted(every_kind())


@pytest.mark.parametrize("kind", KINDS)
def test_every_chart_is_labelled_by_its_title_and_described_by_its_description(
    kind: str,
) -> None:
    chart = every_kind()[kind]
    svg = parsed(chart)

    assert svg.attrib["role"] == ("group" if kind == "map" else "img")
    ids = {element.attrib.get("id"): element for element in svg.iter()}
    title = ids[svg.attrib["aria-labelledby"]]
    description = ids[svg.attrib["aria-describedby"]]
    assert title.tag == f"{NS}title"
    assert text_of(title) == chart.title
    assert description.tag == f"{NS}desc"
    assert text_of(description)
    assert "style" not in {name for element in svg.iter() for name in element.attrib}


@pytest.mark.parametrize("kind", KINDS)
def test_every_chart_is_a_figure_with_its_caption_legend_and_table(kind: str) -> None:
    chart = every_kind()[kind]
    page = figure(chart)

    assert page.tag == "figure"
    caption = next(p for p in page.iter("p") if p.attrib.get("id") == f"{chart.id}-caption")
    assert page.attrib["aria-labelledby"] == caption.attrib["id"]
    assert text_of(caption).startswith(chart.title)
    assert [text_of(item) for item in page.iter("li")] == [s.label for s in chart.legend]
    assert all(item.find("svg") is not None for item in page.iter("li"))
    details = next(page.iter("details"))
    table = next(details.iter("table"))
    assert len(list(table.iter("tr"))) == 1 + len(chart.table.rows)


def test_a_figure_under_a_heading_is_named_by_it_and_points_to_the_pages_table() -> None:
    chart = every_kind()["stacked"].placed(heading_id="area-heading", table_below=True)
    page = figure(chart)

    assert page.attrib["aria-labelledby"] == "area-heading"
    assert not [p for p in page.iter("p") if p.attrib.get("id") == f"{chart.id}-caption"]
    assert list(page.iter("details")) == []
    assert "tabellen nedan" in text_of(page)
    assert "tabellen nedan" in text_of(next(parsed(chart).iter(f"{NS}desc")))


def test_coordinates_are_written_the_same_in_every_language() -> None:
    with translation.override("sv"):
        assert coordinate(12.345) == "12.3"
        assert coordinate(40.0) == "40"
        svg = parsed(every_kind()["line"])
    assert all("," not in dot.attrib["cy"] for dot in svg.iter(f"{NS}circle"))
