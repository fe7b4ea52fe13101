"""Uploading needs from Excel or CSV: every problem is named by row and column, all or nothing."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from html import unescape
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from radslag.needs import upload
from radslag.needs.models import Need
from tests.html import contains
from tests.needs.conftest import ELDERLY_CARE_TEXT, WATER_TEXT, support_codes
from tests.people import convener

pytestmark = pytest.mark.django_db

HEADER = [
    "typ",
    "rubrik",
    "beskrivning",
    "verksamhetsomrade",
    "kommunkod",
    "stodjande_kommuner",
]
GOOD_ROW = ["behov", "Taligenkänning i hemtjänsten", ELDERLY_CARE_TEXT, "aldreomsorg", "0180", ""]
WATER_ROW = ["hinder", "Läckor i VA-nätet", WATER_TEXT, "teknik", "1480", "1280"]
URL = "/behov/ladda-upp/"
POLICY_TEXT = "Vilka regler ska gälla när medarbetarna använder generativ AI i sitt arbete?"


@pytest.fixture
def staff(client: Client, django_user_model: Any) -> Client:
    client.force_login(convener("sammankallande"))
    return client


def xlsx(rows: Sequence[Sequence[object]], header: Sequence[object] = HEADER) -> bytes:
    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def csv_text(
    rows: Sequence[Sequence[object]], header: Sequence[object] = HEADER, delimiter: str = ";"
) -> str:
    lines = [header, *rows]
    return "\r\n".join(delimiter.join(str(cell) for cell in line) for line in lines) + "\r\n"


def post(client: Client, name: str, content: bytes) -> Any:
    return client.post(URL, {"file": SimpleUploadedFile(name, content)})


def error_rows(response: Any) -> list[tuple[str, str, str]]:
    """The error table as (Rad, Kolumn, Fel), text only."""
    html = response.content.decode()
    table = html.split('id="upload-errors"', 1)[1].split("</table>", 1)[0]
    cells = r"<tr>\s*<th scope=\"row\">(.*?)</th>\s*<td>(.*?)</td>\s*<td>(.*?)</td>"
    rows = re.findall(cells, table)
    return [(unescape(row.strip()), unescape(column), unescape(fel)) for row, column, fel in rows]


def assert_rejected(response: Any, filename: str, count: int) -> list[tuple[str, str, str]]:
    assert response.status_code == 200
    content = response.content.decode()
    assert f"{filename}: {count} fel" in content
    assert "Ingenting har sparats." in content
    assert 'role="alert"' in content
    assert Need.objects.count() == 0
    rows = error_rows(response)
    assert len(rows) == count
    return rows


# ---- rejections: each names row and column, and nothing is stored --------------------------


def test_it_rejects_a_file_with_an_unknown_municipality_code_and_stores_nothing(
    staff: Client,
) -> None:
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW, [*GOOD_ROW[:4], "0999", ""]]))
    rows = assert_rejected(response, "behov.xlsx", 1)
    assert rows == [("3", "kommunkod", "Det finns ingen kommun med kommunkoden 0999.")]


def test_it_rejects_a_code_that_is_not_four_digits_and_stores_nothing(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW, [*GOOD_ROW[:4], "Stockholm", ""]]))
    [(row, column, message)] = assert_rejected(response, "behov.xlsx", 1)
    assert (row, column) == ("3", "kommunkod")
    assert "”Stockholm” är ingen kommunkod" in message


def test_it_rejects_a_file_missing_required_columns_and_names_them_all(staff: Client) -> None:
    header = ["typ", "rubrik", "beskrivning", "kommunkod"]
    response = post(staff, "behov.xlsx", xlsx([["behov", "Rubrik", "Text", "0180"]], header))
    [(row, column, message)] = assert_rejected(response, "behov.xlsx", 1)
    assert row == "Hela filen"
    assert column == "verksamhetsomrade"
    assert "Kolumnen verksamhetsomrade saknas" in message


def test_it_names_every_missing_column_in_one_problem(staff: Client) -> None:
    response = post(staff, "behov.csv", csv_text([["behov", "Rubrik"]], ["typ", "rubrik"]).encode())
    [(_row, column, message)] = assert_rejected(response, "behov.csv", 1)
    assert column == "beskrivning, verksamhetsomrade, kommunkod"
    assert "Kolumnerna beskrivning, verksamhetsomrade, kommunkod saknas" in message


def test_it_rejects_a_row_with_an_empty_text_and_stores_nothing(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW, [*GOOD_ROW[:2], "  ", *GOOD_ROW[3:]]]))
    rows = assert_rejected(response, "behov.xlsx", 1)
    assert rows == [("3", "beskrivning", "Beskriv behovet, frågan eller hindret.")]


def test_it_rejects_a_four_character_text_with_the_forms_message(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([[*GOOD_ROW[:2], "Text", *GOOD_ROW[3:]]]))
    rows = assert_rejected(response, "behov.xlsx", 1)
    form = staff.post("/behov/nytt/", {"kind": "behov", "title": "Rubrik", "text": "Text"})
    message = "Beskriv behovet med minst 20 tecken, så att andra kan förstå det."
    assert rows == [("2", "beskrivning", message)]
    assert message in form.content.decode()


def test_it_rejects_the_same_text_twice_in_one_file_naming_the_first_row(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW, WATER_ROW, [*GOOD_ROW[:4], "1480"]]))
    [(row, column, message)] = assert_rejected(response, "behov.xlsx", 1)
    assert (row, column) == ("4", "beskrivning")
    assert message.startswith("Samma beskrivning som på rad 2.")


def test_it_rejects_a_row_with_an_empty_title_and_stores_nothing(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([[GOOD_ROW[0], None, *GOOD_ROW[2:]], WATER_ROW]))
    rows = assert_rejected(response, "behov.xlsx", 1)
    assert rows == [("2", "rubrik", "Skriv en rubrik.")]


def test_it_rejects_an_unknown_area_and_stores_nothing(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW, [*GOOD_ROW[:3], "Rymdfart", "0180"]]))
    [(row, column, message)] = assert_rejected(response, "behov.xlsx", 1)
    assert (row, column) == ("3", "verksamhetsomrade")
    assert "”Rymdfart” är inget verksamhetsområde" in message


def test_it_rejects_an_empty_area_and_stores_nothing(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([[*GOOD_ROW[:3], "", "0180"]]))
    rows = assert_rejected(response, "behov.xlsx", 1)
    assert rows == [("2", "verksamhetsomrade", "Ange ett verksamhetsområde.")]


def test_it_rejects_an_unknown_kind_and_stores_nothing(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW, ["önskemål", *GOOD_ROW[1:]]]))
    [(row, column, message)] = assert_rejected(response, "behov.xlsx", 1)
    assert (row, column) == ("3", "typ")
    assert message == "”önskemål” är ingen typ. Skriv en av behov, strategisk fråga, hinder."


def test_it_rejects_an_empty_kind_and_stores_nothing(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([["", *GOOD_ROW[1:]]]))
    [(row, column, _message)] = assert_rejected(response, "behov.xlsx", 1)
    assert (row, column) == ("2", "typ")


def test_it_rejects_an_empty_municipality_code_and_stores_nothing(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([[*GOOD_ROW[:4], None, "1480"]]))
    [(row, column, message)] = assert_rejected(response, "behov.xlsx", 1)
    assert (row, column) == ("2", "kommunkod")
    assert "Ange kommunkoden" in message


def test_it_rejects_an_unknown_supporting_municipality_code_and_stores_nothing(
    staff: Client,
) -> None:
    response = post(staff, "behov.xlsx", xlsx([[*GOOD_ROW[:5], "1480, 0999; 12x4"], WATER_ROW]))
    rows = assert_rejected(response, "behov.xlsx", 2)
    assert rows[0] == ("2", "stodjande_kommuner", "Det finns ingen kommun med kommunkoden 0999.")
    assert rows[1][:2] == ("2", "stodjande_kommuner")
    assert "”12x4” är ingen kommunkod" in rows[1][2]


def test_it_rejects_a_title_longer_than_200_characters_and_stores_nothing(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW, [GOOD_ROW[0], "x" * 201, *GOOD_ROW[2:]]]))
    rows = assert_rejected(response, "behov.xlsx", 1)
    assert rows == [("3", "rubrik", "Texten har 201 tecken men får ha högst 200. Korta den.")]


def test_it_accepts_a_title_of_exactly_200_characters(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([[GOOD_ROW[0], "x" * 200, *GOOD_ROW[2:]]]))
    assert response.status_code == 302
    assert Need.objects.get().title == "x" * 200


def test_it_lists_every_problem_of_several_bad_rows_sorted_by_row(staff: Client) -> None:
    rows = [
        GOOD_ROW,
        ["önskemål", "", ELDERLY_CARE_TEXT, "aldreomsorg", "0180", ""],
        WATER_ROW,
        ["behov", "Rubrik", "", "Rymdfart", "9999", "0180"],
    ]
    response = post(staff, "behov.xlsx", xlsx(rows))
    found = assert_rejected(response, "behov.xlsx", 5)
    assert [(row, column) for row, column, _message in found] == [
        ("3", "typ"),
        ("3", "rubrik"),
        ("5", "beskrivning"),
        ("5", "verksamhetsomrade"),
        ("5", "kommunkod"),
    ]


def test_it_names_the_column_as_the_file_spells_it(staff: Client) -> None:
    header = ["Typ", "Rubrik", "Beskrivning", "Verksamhetsområde", "Kommunkod"]
    response = post(staff, "behov.xlsx", xlsx([[*GOOD_ROW[:3], "Rymdfart", "0180"]], header))
    [(_row, column, _message)] = assert_rejected(response, "behov.xlsx", 1)
    assert column == "Verksamhetsområde"


def test_it_rejects_a_file_that_is_not_a_spreadsheet_and_stores_nothing(staff: Client) -> None:
    response = post(staff, "behov.xlsx", "typ;rubrik\nbehov;Det här är text, inte Excel\n".encode())
    [(row, column, message)] = assert_rejected(response, "behov.xlsx", 1)
    assert (row, column) == ("Hela filen", "–")
    assert "går inte att läsa som en Excel-fil" in message


def test_it_rejects_garbage_bytes_named_csv_with_a_clear_message(staff: Client) -> None:
    garbage = bytes(range(256)) * 4
    response = post(staff, "behov.csv", garbage)
    [(_row, _column, message)] = assert_rejected(response, "behov.csv", 1)
    assert "går inte att läsa som en CSV-fil" in message


def test_it_rejects_garbage_bytes_named_xlsx_with_a_clear_message(staff: Client) -> None:
    response = post(staff, "behov.xlsx", b"PK\x03\x04" + bytes(range(256)) * 4)
    [(_row, _column, message)] = assert_rejected(response, "behov.xlsx", 1)
    assert "går inte att läsa som en Excel-fil" in message


def test_it_tells_that_an_excel_workbook_named_csv_should_be_named_xlsx(staff: Client) -> None:
    response = post(staff, "behov.csv", xlsx([GOOD_ROW]))
    [(_row, _column, message)] = assert_rejected(response, "behov.csv", 1)
    assert "Ge den ändelsen .xlsx" in message


@pytest.mark.parametrize("name", ["behov.xlsx", "behov.csv"])
def test_it_rejects_an_empty_file_and_stores_nothing(staff: Client, name: str) -> None:
    response = post(staff, name, b"")
    assert assert_rejected(response, name, 1) == [("Hela filen", "–", "Filen är tom.")]


def test_it_rejects_a_csv_with_only_a_byte_order_mark_as_empty(staff: Client) -> None:
    response = post(staff, "behov.csv", b"\xef\xbb\xbf\r\n")
    assert assert_rejected(response, "behov.csv", 1)[0][2] == "Filen är tom."


@pytest.mark.parametrize("name", ["behov.xls", "behov.txt", "behov"])
def test_it_rejects_a_file_with_the_wrong_extension_and_stores_nothing(
    staff: Client, name: str
) -> None:
    response = post(staff, name, csv_text([GOOD_ROW]).encode())
    [(row, _column, message)] = assert_rejected(response, name, 1)
    assert row == "Hela filen"
    assert "varken en Excel-fil (.xlsx) eller en CSV-fil (.csv)" in message


def test_it_rejects_a_file_larger_than_5_mb_and_stores_nothing(staff: Client) -> None:
    big = csv_text([GOOD_ROW]).encode() + b" " * upload.MAX_BYTES
    response = post(staff, "behov.csv", big)
    [(row, _column, message)] = assert_rejected(response, "behov.csv", 1)
    assert row == "Hela filen"
    assert "får vara högst 5 MB" in message


def test_it_rejects_more_rows_than_the_limit_and_stores_nothing(
    staff: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(upload.reading, "MAX_ROWS", 2)
    response = post(staff, "behov.csv", csv_text([GOOD_ROW, WATER_ROW, GOOD_ROW]).encode())
    [(_row, _column, message)] = assert_rejected(response, "behov.csv", 1)
    assert message == (
        "Filen har fler än 2 rader, tomma rader medräknade. Ta bort tomma rader eller dela upp "
        "den i flera filer."
    )


def test_it_rejects_a_header_without_data_rows(staff: Client) -> None:
    response = post(staff, "behov.csv", csv_text([["", "", "", "", "", ""]]).encode())
    [(_row, _column, message)] = assert_rejected(response, "behov.csv", 1)
    assert "inga rader med inlägg" in message


def test_it_rejects_a_column_given_twice(staff: Client) -> None:
    response = post(staff, "behov.xlsx", xlsx([[*GOOD_ROW, "Annan"]], [*HEADER, "Rubrik"]))
    [(_row, column, message)] = assert_rejected(response, "behov.xlsx", 1)
    assert column == "Rubrik"
    assert "finns mer än en gång" in message


def test_it_asks_for_a_file_when_none_is_chosen(staff: Client) -> None:
    response = staff.post(URL, {})
    assert response.status_code == 200
    assert "Välj en fil att ladda upp." in response.content.decode()
    assert Need.objects.count() == 0


# ---- success ---------------------------------------------------------------------------------


def test_it_stores_every_row_of_an_excel_file_with_its_support(staff: Client) -> None:
    rows: list[Sequence[object]] = [
        [*GOOD_ROW[:5], "1480; 1280, 0180 1480"],  # the submitter and a repeat count once
        WATER_ROW,
        [None] * 6,  # empty rows are skipped
        ["Strategisk fråga", "Policy för generativ AI", POLICY_TEXT, "IT och säkerhet", 180],
    ]
    response = post(staff, "behov.xlsx", xlsx(rows))
    assert response.status_code == 302
    assert response["Location"] == reverse("needs:list")
    needs = {need.title: need for need in Need.objects.all()}
    assert len(needs) == 3
    elderly = needs["Taligenkänning i hemtjänsten"]
    assert (elderly.kind, elderly.area, elderly.municipality_id) == ("behov", "aldreomsorg", "0180")
    assert elderly.text == ELDERLY_CARE_TEXT
    assert support_codes(elderly) == ["0180", "1280", "1480"]
    assert support_codes(needs["Läckor i VA-nätet"]) == ["1280", "1480"]
    policy = needs["Policy för generativ AI"]
    assert (policy.kind, policy.area) == ("strategisk-fraga", "it-och-sakerhet")
    assert support_codes(policy) == ["0180"]
    assert all(need.created_by is not None for need in needs.values())
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == ["3 inlägg från behov.xlsx är sparade."]


def test_it_reads_a_municipality_code_excel_stored_as_a_number(staff: Client) -> None:
    rows = [[*GOOD_ROW[:4], 180, 1480], [*WATER_ROW[:4], 180.0]]
    response = post(staff, "behov.xlsx", xlsx(rows))
    assert response.status_code == 302
    for need in Need.objects.all():
        assert need.municipality_id == "0180"
    assert sorted(len(support_codes(need)) for need in Need.objects.all()) == [1, 2]


def test_it_reads_a_code_that_lost_its_zero_in_a_csv_excel_saved(staff: Client) -> None:
    response = post(staff, "behov.csv", csv_text([[*GOOD_ROW[:4], "180", "180 1480"]]).encode())
    assert response.status_code == 302
    need = Need.objects.get()
    assert need.municipality_id == "0180"
    assert support_codes(need) == ["0180", "1480"]


def test_it_stores_a_semicolon_separated_utf8_csv_with_a_byte_order_mark(staff: Client) -> None:
    content = "\ufeff" + csv_text([GOOD_ROW, WATER_ROW])
    response = post(staff, "behov.csv", content.encode("utf-8"))
    assert response.status_code == 302
    assert Need.objects.count() == 2
    water = Need.objects.get(title="Läckor i VA-nätet")
    assert support_codes(water) == ["1280", "1480"]


def test_it_stores_a_comma_separated_csv_with_quoted_fields(staff: Client) -> None:
    text = (
        "typ,rubrik,beskrivning,verksamhetsomrade,kommunkod,stodjande_kommuner\r\n"
        'behov,"Tal, till text","Rad ett om taligenkänning\r\nrad två om hemtjänsten",'
        'Äldreomsorg,0180,"1480, 1280"\r\n'
        f"hinder,Läckor i VA-nätet,{WATER_TEXT},teknik,1480,\r\n"
    )
    response = post(staff, "behov.csv", text.encode("utf-8"))
    assert response.status_code == 302
    speech = Need.objects.get(title="Tal, till text")
    assert speech.text == "Rad ett om taligenkänning\nrad två om hemtjänsten"
    assert support_codes(speech) == ["0180", "1280", "1480"]


def test_row_numbers_count_records_not_lines_when_a_cell_spans_lines(staff: Client) -> None:
    text = (
        "typ;rubrik;beskrivning;verksamhetsomrade;kommunkod\r\n"
        'behov;Rubrik;"Rad ett om taligenkänning\r\nrad två om hemtjänsten";aldreomsorg;0180\r\n'
        f"behov;Rubrik;{WATER_TEXT};aldreomsorg;0999\r\n"
    )
    response = post(staff, "behov.csv", text.encode())
    assert assert_rejected(response, "behov.csv", 1)[0][:2] == ("3", "kommunkod")


def test_it_stores_a_windows_1252_csv_as_swedish_excel_saves_it(staff: Client) -> None:
    content = csv_text(
        [
            [
                "Strategisk fråga",
                "Äldreomsorgens AI-frågor",
                "Vår text om AI i äldreomsorgen",
                "Äldreomsorg",
                "0180",
            ]
        ],
        ["Typ", "Rubrik", "Beskrivning", "Verksamhetsområde", "Kommunkod", "Stödjande kommuner"],
    ).encode("cp1252")
    response = post(staff, "behov.csv", content)
    assert response.status_code == 302
    need = Need.objects.get()
    assert (need.title, need.text) == ("Äldreomsorgens AI-frågor", "Vår text om AI i äldreomsorgen")
    assert (need.kind, need.area) == ("strategisk-fraga", "aldreomsorg")


@pytest.mark.parametrize(
    ("kind", "area", "expected"),
    [
        ("behov", "aldreomsorg", ("behov", "aldreomsorg")),
        ("BEHOV", "ÄLDREOMSORG", ("behov", "aldreomsorg")),
        ("strategisk-fraga", "halso-och-sjukvard", ("strategisk-fraga", "halso-och-sjukvard")),
        ("strategisk fråga", "Hälso- och sjukvård", ("strategisk-fraga", "halso-och-sjukvard")),
        ("Hinder", "Funktionsstöd/LSS", ("hinder", "funktionsstod")),
        (" hinder ", " funktionsstod ", ("hinder", "funktionsstod")),
    ],
)
def test_it_accepts_labels_and_codes_for_kind_and_area(
    staff: Client, kind: str, area: str, expected: tuple[str, str]
) -> None:
    response = post(staff, "behov.xlsx", xlsx([[kind, "Rubrik", WATER_TEXT, area, "0180"]]))
    assert response.status_code == 302, error_rows(response)
    need = Need.objects.get()
    assert (need.kind, need.area) == expected


def test_it_reads_the_first_sheet_and_skips_empty_rows_keeping_row_numbers(
    staff: Client,
) -> None:
    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.append(HEADER)
    sheet["A5"], sheet["B5"], sheet["C5"] = "behov", "Rubrik", WATER_TEXT
    sheet["D5"], sheet["E5"] = "aldreomsorg", "0999"
    workbook.create_sheet("Annat")["A1"] = "ignoreras"
    output = io.BytesIO()
    workbook.save(output)
    response = post(staff, "behov.xlsx", output.getvalue())
    assert assert_rejected(response, "behov.xlsx", 1)[0][:2] == ("5", "kommunkod")


# ---- templates -------------------------------------------------------------------------------


def test_the_excel_template_downloads_with_its_header_and_instructions(client: Client) -> None:
    response = client.get(reverse("needs:template_xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="behov-mall.xlsx"'
    assert response["Content-Type"] == upload.XLSX_CONTENT_TYPE
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Behov", "Instruktioner"]
    sheet = workbook["Behov"]
    assert [cell.value for cell in sheet[1]] == HEADER
    assert sheet.max_row == 1
    assert sheet["A1"].font.b
    assert {str(v.sqref) for v in sheet.data_validations.dataValidation} == {
        "A2:A5001",
        "D2:D5001",
    }
    guide = workbook["Instruktioner"]
    instructions = [str(cell.value) for row in guide.iter_rows() for cell in row if cell.value]
    for expected in ["strategisk-fraga", "Strategisk fråga", "halso-och-sjukvard", "0180"]:
        assert expected in instructions


def test_the_excel_template_header_round_trips_to_the_no_data_rows_error(staff: Client) -> None:
    template = staff.get(reverse("needs:template_xlsx")).content
    parsed = upload.parse_upload("behov-mall.xlsx", template, {"0180"})
    assert parsed.rows == []
    assert [problem.message for problem in parsed.problems] == [
        "Filen har inga rader med inlägg under rubrikraden (rad 1)."
    ]
    response = post(staff, "behov-mall.xlsx", template)
    assert assert_rejected(response, "behov-mall.xlsx", 1)[0][2].startswith("Filen har inga rader")


def test_the_csv_template_is_a_semicolon_header_with_a_byte_order_mark(client: Client) -> None:
    response = client.get(reverse("needs:template_csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="behov-mall.csv"'
    assert response.content == ("\ufeff" + ";".join(HEADER) + "\r\n").encode("utf-8")
    parsed = upload.parse_upload("behov-mall.csv", response.content, {"0180"})
    assert "inga rader" in parsed.problems[0].message


def test_a_filled_in_excel_template_is_stored(staff: Client) -> None:
    workbook = load_workbook(io.BytesIO(upload.template_workbook()))
    workbook["Behov"].append(["Behov", "Rubrik", WATER_TEXT, "Äldreomsorg", "0180", "1480"])
    output = io.BytesIO()
    workbook.save(output)
    response = post(staff, "ifylld.xlsx", output.getvalue())
    assert response.status_code == 302
    assert support_codes(Need.objects.get()) == ["0180", "1480"]


# ---- the page --------------------------------------------------------------------------------


def test_it_sends_someone_who_is_not_signed_in_to_the_login(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")


def test_it_refuses_someone_who_is_not_staff(client: Client, django_user_model: Any) -> None:
    client.force_login(django_user_model.objects.create_user("kommun"))
    response = post(client, "behov.xlsx", xlsx([GOOD_ROW]))
    assert response.status_code == 403
    assert Need.objects.count() == 0


def test_the_page_describes_the_template_and_links_both_downloads(staff: Client) -> None:
    response = staff.get(URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count("<h1") == 1
    assert reverse("needs:template_xlsx") in content
    assert reverse("needs:template_csv") in content
    assert 'enctype="multipart/form-data"' in content
    assert '<label for="id_file">' in content
    for column in HEADER:
        assert contains(content, f"<code>{column}</code>")


# ---- the pure functions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0180", "0180"), (180, "0180"), (180.0, "0180"), ("180", "0180"), (" 2584 ", "2584")],
)
def test_a_municipality_code_gets_its_leading_zero_back(value: object, expected: str) -> None:
    assert upload.municipality_code(value) == expected


@pytest.mark.parametrize("value", ["18", "01800", "12x4", 180.5, True, None, ""])
def test_other_values_are_not_municipality_codes(value: object) -> None:
    assert upload.municipality_code(value) is None


@pytest.mark.parametrize(
    ("header", "key"),
    [
        (" Verksamhetsområde ", "verksamhetsomrade"),
        ("Stödjande kommuner", "stodjande_kommuner"),
        ("STODJANDE_KOMMUNER", "stodjande_kommuner"),
        ("kommunkod", "kommunkod"),
    ],
)
def test_header_names_are_matched_loosely(header: str, key: str) -> None:
    assert upload.column_key(header) == key


def test_checking_touches_no_database_and_collects_every_problem() -> None:
    header = ["typ", "rubrik", "beskrivning", "verksamhetsomrade", "kommunkod"]
    rows, problems = upload.check_rows(
        header,
        [(2, ["behov", "A", ELDERLY_CARE_TEXT, "skola", "0180"]), (3, ["x", "", "", "y", "0181"])],
        known_codes={"0180"},
    )
    assert [row.title for row in rows] == ["A"]
    assert [(p.row, p.column) for p in problems] == [
        (3, "typ"),
        (3, "rubrik"),
        (3, "beskrivning"),
        (3, "verksamhetsomrade"),
        (3, "kommunkod"),
    ]
