"""The one line chart: a municipality's key figure, a maturity level over the years."""

from __future__ import annotations

from radslag.charts import line_chart
from tests.charts.svg import marks, number, parsed, title_of


def test_a_line_chart_puts_the_highest_value_at_the_top() -> None:
    chart = line_chart([(2020, 10.0), (2021, 30.0), (2022, 20.0)], "Invånare", unit="invånare")

    assert chart is not None
    dots = {title_of(dot).split(":")[0]: number(dot, "cy") for dot in marks(chart.svg, "circle")}
    assert dots["2021"] < dots["2022"] < dots["2020"]


def test_it_is_an_image_named_by_its_title_and_keeps_its_points_for_the_table() -> None:
    points = [(2021, 1_500.0), (2022, 1_600.0)]

    chart = line_chart(points, "Nettokostnad", unit="kr/inv")

    assert chart is not None
    svg = parsed(chart.svg)
    assert svg.attrib["role"] == "img"
    assert svg.attrib["aria-label"] == "Nettokostnad"
    assert chart.points == points
    assert chart.unit == "kr/inv"


def test_nothing_is_drawn_without_points() -> None:
    assert line_chart([], "Tomt") is None


def test_a_fixed_domain_draws_a_grid_line_at_every_whole_number_and_labels_every_year() -> None:
    chart = line_chart(
        [(2022, 2.0), (2023, 2.4), (2024, 3.1), (2025, 3.3)],
        "Sammantagen nivå",
        domain=(1, 5),
        decimals=1,
        every_year=True,
    )

    assert chart is not None
    texts = [text.text for text in marks(chart.svg, "text")]
    assert [t for t in texts if t and len(t) == 1] == ["1", "2", "3", "4", "5"]
    assert [t for t in texts if t and len(t) == 4] == ["2022", "2023", "2024", "2025"]
    assert "2023: 2,4" in [title_of(dot) for dot in marks(chart.svg, "circle")]


def test_an_automatic_axis_covers_every_value_in_round_steps() -> None:
    chart = line_chart([(2020, 12_345.0), (2024, 13_210.0)], "Invånare")

    assert chart is not None
    lines = marks(chart.svg, "line")
    tops = [number(line, "y1") for line in lines]
    dots = [number(dot, "cy") for dot in marks(chart.svg, "circle")]
    assert min(tops) <= min(dots)
    assert max(dots) <= max(tops)
