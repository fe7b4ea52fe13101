"""Bars: counts stacked by series, shares of 100 %, and a level against its group."""

from __future__ import annotations

import pytest

from radslag.charts import Series, share_bars, stacked_bars
from radslag.charts.bars import LABEL_WIDTH, RIGHT, WIDTH, LevelRow, level_bars
from tests.charts.svg import marks, number, parsed, title_of

STAGES = [Series("Pilot", "#3182bd"), Series("I drift", "#08519c")]


def test_a_stacked_bar_is_as_long_as_its_total_and_writes_it_at_its_end() -> None:
    svg = stacked_bars([("Skola", [2, 2]), ("Vård", [1, 0])], STAGES, "Per område")

    parts = marks(svg, "rect")
    widths = {title_of(part): number(part, "width") for part in parts}
    assert widths["Skola, Pilot: 2"] == pytest.approx(widths["Skola, I drift: 2"])
    assert widths["Vård, Pilot: 1"] == pytest.approx(widths["Skola, Pilot: 2"] / 2)
    assert "Vård, I drift: 0" not in widths
    assert {"4", "1"} <= {text.text for text in marks(svg, "text")}


def test_share_bars_fill_the_width_whatever_the_counts() -> None:
    svg = share_bars([("Strategi", [3, 1]), ("Data", [10, 30])], STAGES, "Andelar")

    for row in ("Strategi", "Data"):
        parts = [part for part in marks(svg, "rect") if title_of(part).startswith(row)]
        assert sum(number(part, "width") for part in parts) == pytest.approx(
            WIDTH - LABEL_WIDTH - RIGHT
        )
    assert "Data, I drift: 30 (75 %)" in [title_of(part) for part in marks(svg, "rect")]


def test_a_level_bar_shows_the_groups_median_and_quartiles_when_there_is_a_group() -> None:
    svg = level_bars(
        [LevelRow("Strategi", 3, 2.5, 2.0, 3.0), LevelRow("Data", 2)], "Profil", maximum=5
    )

    titles = [title_of(element) for element in parsed(svg).iter() if title_of(element)]
    assert "Strategi: nivå 3" in titles
    assert "Data: nivå 2" in titles
    assert [title for title in titles if title.startswith("Median")] == ["Median: 2,5"]
    assert [title for title in titles if title.startswith("Kvartiler")] == ["Kvartiler: 2,0–3,0"]


def test_a_long_row_label_is_shortened_and_keeps_its_full_name_as_its_title() -> None:
    name = "Automatisk kontroll av att bygglovsansökningarna är kompletta på bygglovsenheten"

    svg = stacked_bars([(name, [1, 1])], STAGES, "Per område")

    label = next(text for text in marks(svg, "text") if title_of(text) == name)
    shown = "".join(label.itertext()).removeprefix(name)
    assert shown.endswith("…")
    assert len(shown) <= 40
