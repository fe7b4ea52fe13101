"""Hostile spreadsheets are refused quickly, saying which limit they hit, and store nothing:
a sheet that declares a million rows, rows far apart, a zip bomb, a million blank lines."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from radslag.core import workbooks
from radslag.needs.models import Need
from radslag.needs.upload import UploadFileError, read_table
from tests.people import convener

pytestmark = pytest.mark.django_db

HEADER = ["typ", "rubrik", "beskrivning", "verksamhetsomrade", "kommunkod", "stodjande_kommuner"]


def workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *rows]:
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def rewritten(data: bytes, change: object) -> bytes:
    """The workbook with its first sheet's XML changed by ``change``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode()).encode()  # type: ignore[operator]
            target.writestr(entry, content)
    return output.getvalue()


def refusal(data: bytes, name: str = "behov.xlsx") -> str:
    with pytest.raises(UploadFileError) as refused:
        read_table(name, data)
    return str(refused.value)


def test_a_sheet_declaring_a_million_rows_and_columns_is_read_as_the_rows_it_has() -> None:
    data = rewritten(
        workbook([["behov", "T", "Text", "skola", "0180", ""]]),
        lambda xml: re.sub(r'<dimension ref="[^"]+"', '<dimension ref="A1:XFD1048576"', xml),
    )

    header, table = read_table("behov.xlsx", data)

    assert len(header) == len(HEADER)
    assert [cells[:2] for _number, cells in table] == [["behov", "T"]]


def test_rows_far_apart_count_the_blank_rows_between_them() -> None:
    data = rewritten(
        workbook([["behov", "T", "Text", "skola", "0180", ""]]),
        lambda xml: xml.replace('r="2"', 'r="1000000"').replace('"A2"', '"A1000000"'),
    )

    assert "fler än 5\u00a0000 rader, tomma rader medräknade" in refusal(data)


def test_a_million_blank_lines_in_a_csv_count_against_the_row_limit() -> None:
    data = (";".join(HEADER) + "\r\n" + "\r\n" * 1_000_000).encode()

    assert "tomma rader medräknade" in refusal(data, "behov.csv")


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    data = output.getvalue()

    assert len(data) < 1024 * 1024
    assert "60 MB uppackad" in refusal(data)


def test_an_entry_packed_like_a_bomb_is_refused_even_when_small_in_total() -> None:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/worksheets/sheet1.xml", b"\0" * (4 * 1024 * 1024))

    assert "packad mer än 200 gånger" in refusal(output.getvalue())


def test_an_archive_of_too_many_entries_is_refused() -> None:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as crowded:
        for number in range(workbooks.MAX_ENTRIES + 1):
            crowded.writestr(f"x/{number}.xml", b"<a/>")

    assert "1\u00a0001 delar" in refusal(output.getvalue()) or "1001 delar" in refusal(
        output.getvalue()
    )


def test_reading_stops_at_the_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("radslag.core.tables.SECONDS", -1.0)

    assert "tog längre än" in refusal(workbook([["behov", "T", "Text", "skola", "0180", ""]]))


def test_the_upload_page_names_the_limit_and_stores_nothing(client: Client) -> None:
    client.force_login(convener())
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))

    page = client.post(
        "/behov/ladda-upp/", {"file": SimpleUploadedFile("behov.xlsx", output.getvalue())}
    ).content.decode()

    assert "uppackad" in page
    assert not Need.objects.exists()
