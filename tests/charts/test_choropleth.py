"""Choropleth classes and the map that colours and links its areas."""

from __future__ import annotations

from radslag.charts import choropleth, colour_of, count_legend, legend, quantile_breaks
from radslag.charts.palette import NO_DATA
from tests.charts.svg import NS, marks, parsed, title_of


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


def test_the_map_colours_each_area_by_its_class_and_links_it_without_a_tab_stop() -> None:
    classes = legend([1.0, 2.0, 3.0, 4.0, 5.0])
    svg = choropleth(
        {"0001": "M0 0h1v1z", "0002": "M2 0h1v1z"},
        "0 0 3 1",
        values={"0001": 5.0, "0002": None},
        names={"0001": "Ett", "0002": "Två"},
        classes=classes,
        label="Karta",
        format_value=lambda value: "–" if value is None else f"{value:.0f}",
        link_of=lambda key: f"/kommuner/{key}/",
    )

    assert parsed(svg).attrib["role"] == "group"
    links = list(parsed(svg).iter(f"{NS}a"))
    assert [link.attrib["href"] for link in links] == ["/kommuner/0001/", "/kommuner/0002/"]
    assert all(link.attrib["tabindex"] == "-1" for link in links)
    paths = marks(svg, "path")
    assert paths[0].attrib["fill"] == colour_of(5.0, classes) != NO_DATA
    assert paths[1].attrib["fill"] == NO_DATA
    assert [title_of(path) for path in paths] == ["Ett: 5", "Två: –"]
