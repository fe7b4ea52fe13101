"""``radslag import-kommungrupp``: SKR's groups from SKR's Excel layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from radslag.municipalities.kommungrupp import SHEET
from radslag.municipalities.models import Municipality

pytestmark = pytest.mark.django_db

HEADER = ["Gruppkod", "Kommunkod", "Kommun", "Huvudgrupp", "Kommungrupp 2023"]
ROWS = [
    ["A1", "0180", "Stockholm", "Storstäder och storstadsnära kommuner", "Storstäder"],
    ["A1", 1480, "Göteborg", "Storstäder och storstadsnära kommuner", "Storstäder"],
    [
        "C9",
        "2062",
        "Mora",
        "Mindre städer/tätorter och landsbygdskommuner",
        "Landsbygdskommun med besöksnäring",
    ],
]


def write_file(
    path: Path, rows: list[list[object]], header: list[str] = HEADER, sheet: str = SHEET
) -> Path:
    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet
    worksheet.append(["Kommungruppsindelning 2023, SKR"])
    worksheet.append(header)
    for row in rows:
        worksheet.append(row)
    workbook.save(path)
    return path


def test_it_sets_each_municipalitys_group(tmp_path: Path) -> None:
    call_command("import_kommungrupp", str(write_file(tmp_path / "k.xlsx", ROWS)), verbosity=0)

    assert Municipality.objects.get(code="0180").skr_group.code == "A1"  # type: ignore[union-attr]
    assert Municipality.objects.get(code="1480").skr_group.name == "Storstäder"  # type: ignore[union-attr]
    mora = Municipality.objects.get(code="2062").skr_group
    assert mora is not None
    assert mora.main_group == "Mindre städer/tätorter och landsbygdskommuner"


def test_it_rejects_an_unknown_code_naming_the_row_and_stores_nothing(tmp_path: Path) -> None:
    path = write_file(tmp_path / "k.xlsx", [*ROWS, ["B3", "9999", "Okänd", "x", "y"]])

    with pytest.raises(
        CommandError, match=r"row 6, column Kommunkod: unknown municipality code '9999'"
    ):
        call_command("import_kommungrupp", str(path))
    assert not Municipality.objects.filter(skr_group__isnull=False).exists()


def test_it_rejects_a_missing_column_naming_the_header_row(tmp_path: Path) -> None:
    path = write_file(tmp_path / "k.xlsx", [r[:4] for r in ROWS], header=HEADER[:4])

    with pytest.raises(CommandError, match=r"row 2: missing column\(s\) Kommungrupp 2023"):
        call_command("import_kommungrupp", str(path))


def test_it_rejects_a_file_without_the_expected_sheet(tmp_path: Path) -> None:
    path = write_file(tmp_path / "k.xlsx", ROWS, sheet="Blad1")

    with pytest.raises(CommandError, match=r"k\.xlsx: no sheet 'Bilaga1 Lista alla kommuner'"):
        call_command("import_kommungrupp", str(path))


def test_it_rejects_a_file_that_is_not_excel(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    path.write_text("Gruppkod;Kommunkod\n", encoding="utf-8")

    with pytest.raises(CommandError, match=r"k\.xlsx: not an Excel \.xlsx file"):
        call_command("import_kommungrupp", str(path))


def test_it_rejects_an_empty_group_code_naming_the_row(tmp_path: Path) -> None:
    path = write_file(tmp_path / "k.xlsx", [*ROWS[:1], ["", "1480", "Göteborg", "x", "y"]])

    with pytest.raises(CommandError, match=r"row 4, column Gruppkod: empty"):
        call_command("import_kommungrupp", str(path))
