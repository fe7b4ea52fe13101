"""The one line chart: a municipality's key figure, a maturity level over the years."""

from __future__ import annotations

from radslag.charts import line_chart
from radslag.charts.line import HEIGHT, line_plot
from tests.charts.svg import NS, marks, number, parsed, table_rows, title_of


def test_a_line_chart_puts_the_highest_value_at_the_top() -> None:
    plot = line_plot([(2020, 10.0), (2021, 30.0), (2022, 20.0)])

    heights = {dot.title.split(":")[0]: dot.y for dot in plot.dots}
    assert heights["2021"] < heights["2022"] < heights["2020"]
    assert [point[1] for point in plot.lines[0].points] == [dot.y for dot in plot.dots]


def test_the_drawn_chart_places_its_dots_where_the_geometry_says() -> None:
    chart = line_chart([(2020, 10.0), (2021, 30.0), (2022, 20.0)], "Invånare", unit="invånare")

    assert chart is not None
    drawn = {title_of(dot).split(":")[0]: number(dot, "cy") for dot in marks(chart, "circle")}
    assert drawn["2021"] < drawn["2022"] < drawn["2020"] <= HEIGHT


def test_it_is_an_image_labelled_by_its_title_and_described_in_words() -> None:
    chart = line_chart([(2021, 1_500.0), (2022, 1_600.0)], "Nettokostnad", unit="kr/inv")

    assert chart is not None
    svg = parsed(chart)
    assert svg.attrib["role"] == "img"
    title = svg.find(f"{NS}title")
    description = svg.find(f"{NS}desc")
    assert title is not None
    assert description is not None
    assert svg.attrib["aria-labelledby"] == title.attrib["id"]
    assert svg.attrib["aria-describedby"] == description.attrib["id"]
    assert title.text == "Nettokostnad"
    assert "1 500 kr/inv 2021" in (description.text or "").replace("\xa0", " ")


def test_its_table_holds_the_same_numbers_as_its_dots() -> None:
    chart = line_chart([(2022, 1_600.0), (2021, 1_500.0)], "Nettokostnad", unit="kr/inv")

    assert chart is not None
    rows = [[cell.replace("\xa0", " ") for cell in row] for row in table_rows(chart)]
    assert rows == [["2021", "1 500"], ["2022", "1 600"]]
    dots = [title_of(dot).replace("\xa0", " ") for dot in marks(chart, "circle")]
    assert dots == [f"{year}: {value}" for year, value in rows]
    assert chart.table.columns == ("År", "kr/inv")


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
    texts = [text.text for text in marks(chart, "text")]
    assert [t for t in texts if t and len(t) == 1] == ["1", "2", "3", "4", "5"]
    assert [t for t in texts if t and len(t) == 4] == ["2022", "2023", "2024", "2025"]
    assert "2023: 2,4" in [title_of(dot) for dot in marks(chart, "circle")]


def test_an_automatic_axis_covers_every_value_in_round_steps() -> None:
    plot = line_plot([(2020, 12_345.0), (2024, 13_210.0)])

    tops = [rule.y1 for rule in plot.rules]
    dots = [dot.y for dot in plot.dots]
    assert min(tops) <= min(dots)
    assert max(dots) <= max(tops)
