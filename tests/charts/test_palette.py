"""One palette for the charts and the style sheet, with enough contrast where it matters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import radslag
from radslag.charts import palette
from tests.charts.svg import NS, parsed, title_of
from tests.charts.test_figure import KINDS, every_kind

PACKAGE = Path(radslag.__file__).parent
STYLE_SHEET = PACKAGE / "static" / "css" / "radslag.css"


def custom_properties() -> dict[str, str]:
    root = re.search(r":root\s*\{(.*?)\}", STYLE_SHEET.read_text(), re.DOTALL)
    assert root is not None
    return {
        name: value.strip().lower()
        for name, value in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", root.group(1))
    }


def test_the_style_sheet_declares_every_palette_colour_with_the_same_value() -> None:
    declared = custom_properties()

    for name, colour in palette.CSS_NAMES.items():
        # On failure, palette.css_declarations() gives the lines to paste into :root.
        assert declared.get(name) == colour.lower(), name


def test_the_style_sheet_has_no_chart_colour_that_the_palette_lacks() -> None:
    charts = {name for name in custom_properties() if name.startswith("--chart-")}

    assert charts == {name for name in palette.CSS_NAMES if name.startswith("--chart-")}


def test_the_style_sheet_writes_no_colour_of_a_chart_or_map_outside_the_palette() -> None:
    rules = re.sub(r":root\s*\{.*?\}", "", STYLE_SHEET.read_text(), count=1, flags=re.DOTALL)
    chart_rules = [
        rule
        for rule in re.findall(r"[^{}]*\{[^{}]*\}", rules)
        if re.search(r"\.(chart|map|swatch|legend|locator)", rule.split("{")[0])
    ]

    assert chart_rules
    assert [rule for rule in chart_rules if re.search(r"#[0-9a-fA-F]{3,6}\b", rule)] == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_light_mark_has_an_outline_that_stands_out_from_the_page(kind: str) -> None:
    svg = parsed(every_kind()[kind])
    outline_of_group = {
        id(child): group.attrib.get("stroke", "")
        for group in svg.iter(f"{NS}g")
        for child in group.iter()
    }

    for mark in svg.iter():
        fill = mark.attrib.get("fill", "none")
        if mark.tag not in (f"{NS}rect", f"{NS}path", f"{NS}circle") or fill == "none":
            continue
        if palette.stands_out(fill):
            continue
        outline = mark.attrib.get("stroke") or outline_of_group.get(id(mark), "")
        assert outline, f"{kind}: {title_of(mark)} in {fill} has no outline"
        assert palette.stands_out(outline), outline


def test_the_colours_that_carry_a_value_alone_stand_out_from_the_page() -> None:
    for colour in palette.STANDS_OUT:
        assert palette.contrast(colour, palette.PAGE) >= 3.0, colour


@pytest.mark.parametrize(
    "module",
    sorted(
        str(path.relative_to(PACKAGE))
        for folder in ("charts", "municipalities", "register", "maturity", "council")
        for path in (PACKAGE / folder).rglob("*.py")
        if path.name != "palette.py" and "migrations" not in path.parts
    ),
)
def test_no_chart_code_writes_a_colour_of_its_own(module: str) -> None:
    source = (PACKAGE / module).read_text()

    assert re.findall(r"#[0-9a-fA-F]{6}\b", source) == []


def test_axis_labels_and_text_are_readable_as_text() -> None:
    for colour in (palette.MUTED, palette.INK):
        assert palette.contrast(colour, "#ffffff") >= 4.5, colour


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
