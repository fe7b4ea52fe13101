"""Two bars per category: one group's share beside another's, on one axis from 0."""

from __future__ import annotations

from radslag.charts import PairRow, comparison_bars
from radslag.charts.comparison import FIRST, SECOND, comparison_plot
from radslag.charts.palette import STANDS_OUT
from tests.charts.svg import parsed, table_rows


def test_a_share_twice_as_large_draws_a_bar_twice_as_long() -> None:
    plot = comparison_plot([PairRow("Små", 20.0, 40.0)], ("Rådet", "Landet"))

    council, country = plot.boxes
    assert country.width == 2 * council.width
    assert council.x == country.x
    assert council.y < country.y  # the first group above the second


def test_each_bar_names_its_group_and_value() -> None:
    plot = comparison_plot([PairRow("Små", 30.8, 45.2)], ("Rådet", "Landet"))

    assert [box.title for box in plot.boxes] == ["Små, Rådet: 30,8 %", "Små, Landet: 45,2 %"]


def test_its_table_and_legend_give_both_groups_and_its_colours_stand_out() -> None:
    chart = comparison_bars(
        [PairRow("Små", 30.8, 45.2), PairRow("Stora", 15.4, 1.4)], "Storlek", ("Rådet", "Landet")
    )

    assert table_rows(chart) == [["Små", "30,8", "45,2"], ["Stora", "15,4", "1,4"]]
    assert [swatch.label for swatch in chart.legend] == ["Rådet", "Landet"]
    assert FIRST in STANDS_OUT
    assert SECOND in STANDS_OUT
    assert "Störst skillnad för Små" in chart.description
    assert parsed(chart).attrib["role"] == "img"
