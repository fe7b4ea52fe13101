"""One palette for the charts and the style sheet, with enough contrast where it matters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import radslag
from radslag.charts import palette

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
        assert declared.get(name) == colour.lower(), name


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


def test_lines_dots_and_medians_stand_out_from_the_white_page() -> None:
    for colour in (palette.ACCENT, palette.HIGHLIGHT, palette.MUTED, palette.INK):
        assert palette.contrast(colour, "#ffffff") >= 3.0, colour


def test_axis_labels_and_text_are_readable_as_text() -> None:
    for colour in (palette.MUTED, palette.INK):
        assert palette.contrast(colour, "#ffffff") >= 4.5, colour


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
