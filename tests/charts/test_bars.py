"""Bars: counts stacked by series, shares of 100 %, and a level against its group."""

from __future__ import annotations

import pytest

from radslag.charts import LevelRow, Series, level_bars, share_bars, stacked_bars
from radslag.charts.bars import LABEL_CHARACTERS, LABEL_WIDTH, RIGHT, WIDTH, stacked_plot
from tests.charts.svg import figure, marks, parsed, table_rows, text_of, title_of

STAGES = [Series("Pilot", "#3182bd"), Series("I drift", "#08519c")]


def test_a_stacked_bar_is_as_long_as_its_total_and_writes_it_at_its_end() -> None:
    plot = stacked_plot([("Skola", [2, 2]), ("Vård", [1, 0])], STAGES)

    widths = {box.title: box.width for box in plot.boxes}
    assert widths["Skola, Pilot: 2"] == pytest.approx(widths["Skola, I drift: 2"])
    assert widths["Vård, Pilot: 1"] == pytest.approx(widths["Skola, Pilot: 2"] / 2)
    assert "Vård, I drift: 0" not in widths
    assert {"4", "1"} <= {label.text for label in plot.labels}


def test_a_stacked_bar_charts_table_has_a_column_per_series_and_the_total() -> None:
    chart = stacked_bars([("Skola", [2, 3]), ("Vård", [1, 0])], STAGES, "Per område")

    assert chart.table.columns == ("", "Pilot", "I drift", "Totalt")
    assert table_rows(chart) == [["Skola", "2", "3", "5"], ["Vård", "1", "0", "1"]]
    legend = [text_of(item) for item in figure(chart).iter("li")]
    assert legend == ["Pilot", "I drift"]


def test_share_bars_fill_the_width_whatever_the_counts() -> None:
    chart = share_bars([("Strategi", [3, 1]), ("Data", [10, 30])], STAGES, "Andelar")

    for row in ("Strategi", "Data"):
        parts = [part for part in marks(chart, "rect") if title_of(part).startswith(row)]
        assert sum(float(part.attrib["width"]) for part in parts) == pytest.approx(
            WIDTH - LABEL_WIDTH - RIGHT, abs=0.2
        )
    assert "Data, I drift: 30 (75 %)" in [title_of(part) for part in marks(chart, "rect")]
    assert table_rows(chart)[1] == ["Data", "10 (25 %)", "30 (75 %)"]


def test_a_level_bar_shows_the_groups_median_and_quartiles_when_there_is_a_group() -> None:
    chart = level_bars(
        [LevelRow("Strategi", 3, 2.5, 2.0, 3.0), LevelRow("Data", 2)], "Profil", maximum=5
    )

    titles = [title_of(element) for element in parsed(chart).iter() if title_of(element)]
    assert "Strategi: nivå 3" in titles
    assert "Data: nivå 2" in titles
    assert [title for title in titles if title.startswith("Median")] == ["Median: 2,5"]
    assert [title for title in titles if title.startswith("Kvartiler")] == ["Kvartiler: 2,0–3,0"]
    assert table_rows(chart) == [["Strategi", "3", "2,5", "2,0–3,0"], ["Data", "2", "–", "–"]]


def test_a_long_row_label_is_shortened_and_keeps_its_full_name_as_its_title() -> None:
    name = "Automatisk kontroll av att bygglovsansökningarna är kompletta på bygglovsenheten"

    chart = stacked_bars([(name, [1, 1])], STAGES, "Per område")

    label = next(text for text in marks(chart, "text") if title_of(text) == name)
    shown = "".join(label.itertext()).removeprefix(name)
    assert shown.endswith("…")
    assert len(shown) <= LABEL_CHARACTERS
    assert table_rows(chart)[0][0] == name
