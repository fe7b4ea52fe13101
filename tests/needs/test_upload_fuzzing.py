"""The needs upload fed generated malformed files: every file is stored whole or refused with
problems naming row and column (or the file), never an exception, and a refusal leaves the
database as it was."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from radslag.needs.models import Merge, Need, Support
from radslag.needs.upload import COLUMNS, TEXT, UploadResult, import_needs
from tests.malformed import FUZZ, cells, table_files, workbook

pytestmark = pytest.mark.django_db

GOOD_ROW = [
    "behov",
    "Taligenkänning i hemtjänsten",
    "Personalen i hemtjänsten vill dokumentera besöken med rösten i stället för på telefonen.",
    "aldreomsorg",
    "0180",
    "1480",
]
# Values each column takes, right and wrong: codes as Excel stores them, labels in any case,
# a code that names no municipality, texts at and past their limits.
COLUMN_VALUES = st.one_of(
    st.sampled_from(
        [
            "behov",
            "Strategisk fråga",
            "HINDER",
            "skola",
            "Äldreomsorg",
            "0180",
            "180",
            "9999",
            "0180, 1480;2062",
            "x" * 201,
            "y" * 20_000,
            "_x0000_",
            "",
        ]
    ),
    cells,
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
HEADERS = st.one_of(
    st.just(list(COLUMNS)),
    st.permutations(list(COLUMNS)),
    st.lists(
        st.sampled_from([*COLUMNS, "Verksamhetsområde", "Stödjande kommuner", ""]), max_size=8
    ),
)
# Most cells right, so that whole files get stored and not only refused.
mostly_right = st.integers(0, 9).map(lambda n: n < 8)


@st.composite
def upload_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A needs file as a person might get it wrong: columns missing, repeated or moved, rows
    ragged, values of the wrong kind, written as CSV or a workbook."""
    header = draw(HEADERS)
    good = dict(zip(COLUMNS, GOOD_ROW, strict=True))
    rows: list[Sequence[object]] = [list(header)]
    for number in range(draw(st.integers(0, 4))):
        # Each row its own text: the same text twice in a file is refused, rightly.
        good[TEXT] = f"{GOOD_ROW[2]} Gäller enhet {'ABCDE'[number]}."
        cells_of_row = [
            good.get(str(name), "") if draw(mostly_right) else draw(COLUMN_VALUES)
            for name in header
        ]
        rows.append(cells_of_row + draw(st.lists(COLUMN_VALUES, max_size=2)))
    if draw(st.booleans()):
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=draw(st.sampled_from([";", ",", "\t"]))).writerows(rows)
        encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16"]))
        return "behov.csv", buffer.getvalue().encode(encoding)
    try:
        return "behov.xlsx", workbook(rows)
    except (IllegalCharacterError, ValueError):
        reject()  # a cell openpyxl cannot write; the CSV branch takes any text


def state() -> tuple[int, ...]:
    return (Need.objects.count(), Support.objects.count(), Merge.objects.count())


# Before and after the uploader is asked about duplicates: no answer, or every row new.
DECISIONS = st.sampled_from([None, {}, {f"rad-{row}": "ny" for row in range(2, 8)}])


def upload(filename: str, data: bytes, decisions: dict[str, str] | None) -> UploadResult:
    before = state()
    result = import_needs(filename, data, decisions=decisions)

    if result.ok:
        assert result.needs
        assert state()[0] == before[0] + len(result.needs)
    else:
        assert state() == before
        for problem in result.problems:
            assert problem.message.strip()
        for duplicate in result.duplicates:
            assert duplicate.similar
            assert duplicate.error or decisions is None
    return result


@FUZZ
@given(file=table_files(COLUMNS, GOOD_ROW), decisions=DECISIONS)
def test_any_bytes_or_broken_table_are_stored_whole_or_refused_and_store_nothing(
    file: tuple[str, bytes], decisions: dict[str, str] | None
) -> None:
    upload(*file, decisions)


@FUZZ
@given(file=upload_files(), decisions=DECISIONS)
def test_a_malformed_needs_file_is_stored_whole_or_refused_by_row_and_column(
    file: tuple[str, bytes], decisions: dict[str, str] | None
) -> None:
    result = upload(*file, decisions)

    for problem in result.problems:
        assert problem.row is None or problem.row >= 2
        assert problem.row is None or problem.column
