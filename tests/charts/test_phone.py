"""On a phone a chart keeps its text readable: rows get their label above the bar, a yearly
line is drawn narrower, and the page carries both layouts with ids of their own."""

from __future__ import annotations

import pytest

from radslag.charts import IntervalRow, interval_chart, line_chart, stacked_bars
from radslag.charts.marks import Plot
from radslag.charts.phone import LABEL_CHARACTERS, WIDTH
from tests.charts.svg import NS, figure, parsed, text_of
from tests.charts.test_figure import KINDS, SERIES, every_kind

NAMES = ["Medborgarservice och kommunikation", "Äldreomsorg", "Skola"]


def phone_plot(chart: object) -> Plot:
    plot = getattr(chart, "phone", None)
    assert isinstance(plot, Plot)
    return plot


def test_each_row_label_stands_above_its_bar_at_the_labels_size() -> None:
    chart = stacked_bars([(name, [3, index + 1]) for index, name in enumerate(NAMES)], SERIES, "")
    plot = phone_plot(chart)

    labels = [label for label in plot.labels if label.text in NAMES]
    assert [label.text for label in labels] == NAMES
    for label in labels:
        bars = [box for box in plot.boxes if box.title.startswith(label.text + ",")]
        assert bars
        # Just above its own bar: below the previous row's bars, above its own.
        assert all(0 < box.y - label.y < 16 for box in bars)
        assert label.anchor == "start"
        assert label.size == 12
    assert plot.width == WIDTH


def test_the_bars_keep_their_proportions_and_their_order_across_the_phones_width() -> None:
    chart = stacked_bars([("A", [10, 0]), ("B", [5, 0]), ("C", [0, 0])], SERIES, "")
    wide, phone = chart.plot, phone_plot(chart)
    assert isinstance(wide, Plot)

    assert [box.width for box in phone.boxes] == pytest.approx(
        [box.width * phone.boxes[0].width / wide.boxes[0].width for box in wide.boxes]
    )
    assert phone.boxes[0].width == pytest.approx(phone.boxes[1].width * 2)
    assert phone.boxes[0].y < phone.boxes[1].y
    assert all(box.x >= 0 and box.x + box.width <= WIDTH for box in phone.boxes)


def test_a_long_row_label_uses_the_phones_width_and_keeps_its_full_name_as_title() -> None:
    name = "AI-stödd vägledning för deltagare i arbetsmarknadsinsatser i samarbete med " * 2
    chart = interval_chart([IntervalRow(name.strip(), 50.0, 40.0, 60.0)], "Poäng")
    label = next(label for label in phone_plot(chart).labels if label.title)

    assert len(label.text) == LABEL_CHARACTERS
    assert label.text.endswith("…")
    assert label.title == name.strip()


def test_grid_lines_leave_the_row_labels_clear() -> None:
    chart = interval_chart(
        [IntervalRow(name, 50.0, 40.0, 60.0) for name in NAMES], "Poäng", domain=(0, 100)
    )
    plot = phone_plot(chart)
    labels = [label for label in plot.labels if label.text in NAMES]

    vertical = [rule for rule in plot.rules if rule.x1 == rule.x2]
    assert vertical
    for rule in vertical:
        for label in labels:
            # The label's line of text runs from about 12 units above its baseline to it.
            assert not (min(rule.y1, rule.y2) < label.y and max(rule.y1, rule.y2) > label.y - 12)


def test_a_yearly_line_is_drawn_narrower_with_its_axis_labels_in_place() -> None:
    chart = line_chart([(2000, 1.0), (2010, 3.0), (2020, 2.0)], "Linje")
    assert chart is not None
    wide, phone = chart.plot, phone_plot(chart)
    assert isinstance(wide, Plot)

    assert phone.width == WIDTH < wide.width
    assert [label.text for label in phone.labels] == [label.text for label in wide.labels]
    assert [dot.y for dot in phone.dots] == [dot.y for dot in wide.dots]
    xs = [dot.x for dot in phone.dots]
    assert xs == sorted(xs)
    assert xs[-1] <= WIDTH
    assert (xs[1] - xs[0]) == pytest.approx(xs[2] - xs[1])


@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind != "map"])
def test_the_figure_carries_both_layouts_each_labelled_with_ids_of_its_own(kind: str) -> None:
    chart = every_kind()[kind]
    page = figure(chart)

    images = [svg for svg in page.iter(f"{NS}svg") if svg.attrib.get("role") == "img"]
    assert [svg.attrib["class"] for svg in images] == ["chart-wide", "chart-phone"]
    ids = [element.attrib["id"] for element in page.iter() if "id" in element.attrib]
    assert len(ids) == len(set(ids))
    for svg in images:
        own = {element.attrib.get("id"): element for element in svg.iter()}
        assert text_of(own[svg.attrib["aria-labelledby"]]) == chart.title
        assert svg.attrib["aria-describedby"] in own
    assert images[1].attrib["viewBox"].startswith(f"0 0 {WIDTH} ")
    assert images[0].attrib["viewBox"] == parsed(chart).attrib["viewBox"]
