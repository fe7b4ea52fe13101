"""Choropleth classes, the map that colours and links its areas, and the locator map."""

from __future__ import annotations

from typing import Any

from radslag.charts import (
    Chart,
    choropleth,
    colour_of,
    count_legend,
    legend,
    locator,
    quantile_breaks,
)
from radslag.charts.palette import EMPTY, HIGHLIGHT, NO_DATA
from tests.charts.svg import NS, figure, marks, parsed, table_rows, text_of, title_of


def test_quantile_classes_hold_about_equally_many_values() -> None:
    values = [float(v) for v in range(1, 101)]

    assert quantile_breaks(values, 5) == [20.0, 40.0, 60.0, 80.0, 100.0]
    assert [c.upper for c in legend(values)] == [20.0, 40.0, 60.0, 80.0, 100.0]


def test_a_legend_of_identical_values_has_one_class() -> None:
    assert len(legend([3.0, 3.0, 3.0])) == 1


def test_a_few_small_counts_get_one_class_each_starting_above_the_previous() -> None:
    classes = count_legend([1, 1, 1, 2, 3])

    assert [(c.lower, c.upper) for c in classes] == [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0)]
    assert len({c.colour for c in classes}) == 3


CLASSES = legend([1.0, 2.0, 3.0, 4.0, 5.0])


def two_areas(**options: Any) -> Chart:
    return choropleth(
        {"0001": "M0 0h1v1z", "0002": "M2 0h1v1z"},
        "0 0 3 1",
        values={"0001": 5.0, "0002": None},
        names={"0001": "Ett", "0002": "Två"},
        classes=CLASSES,
        title="Karta",
        value_label="Värde",
        format_value=lambda value: "–" if value is None else f"{value:.0f}",
        link_of=lambda key: f"/kommuner/{key}/",
        **options,
    )


def test_the_map_colours_each_area_by_its_class_and_links_it_without_a_tab_stop() -> None:
    chart = two_areas()

    assert parsed(chart).attrib["role"] == "group"
    links = list(parsed(chart).iter(f"{NS}a"))
    assert [link.attrib["href"] for link in links] == ["/kommuner/0001/", "/kommuner/0002/"]
    assert all(link.attrib["tabindex"] == "-1" for link in links)
    paths = marks(chart, "path")
    assert paths[0].attrib["fill"] == colour_of(5.0, CLASSES) != NO_DATA
    assert paths[1].attrib["fill"] == NO_DATA
    assert [title_of(path) for path in paths] == ["Ett: 5", "Två: –"]


def test_the_maps_table_links_each_area_and_gives_its_group_and_value() -> None:
    chart = two_areas(group=("Län", {"0001": "Norr", "0002": "Söder"}))

    assert chart.table.columns == ("Kommun", "Län", "Värde")
    assert table_rows(chart) == [["Ett", "Norr", "5"], ["Två", "Söder", "–"]]
    table = next(figure(chart).iter("table"))
    links = [link.attrib["href"] for link in table.iter("a")]
    assert links == ["/kommuner/0001/", "/kommuner/0002/"]


def test_areas_without_a_value_take_the_colour_and_legend_entry_the_page_gives_them() -> None:
    chart = two_areas(no_data=EMPTY, no_data_label="Inget")

    assert marks(chart, "path")[1].attrib["fill"] == EMPTY
    entries = list(figure(chart).iter("li"))
    assert text_of(entries[-1]) == "Inget"
    swatch = next(entries[-1].iter("rect"))  # an SVG inside HTML, without a namespace
    assert swatch.attrib["fill"] == EMPTY


def test_the_locator_map_fills_its_area_and_rings_it() -> None:
    svg = locator(["M0 0L100 0L100 100Z"], "M40 40L60 40L60 60Z", "0 0 100 100", "Här", "0001")

    root = parsed(str(svg))
    assert root.attrib["role"] == "img"
    assert title_of(root) == "Här"
    highlighted = [path for path in root.iter(f"{NS}path") if path.attrib.get("fill") == HIGHLIGHT]
    assert len(highlighted) == 1
    ring = next(root.iter(f"{NS}circle"))
    assert (ring.attrib["cx"], ring.attrib["cy"]) == ("50", "50")
