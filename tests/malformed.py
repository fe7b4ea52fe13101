"""Hypothesis strategies for malformed files: bytes, broken CSV text and broken workbooks.

The fuzzing tests of every reader of uploaded and imported files draw from here, so each is
fed the same kinds of damage: random bytes, text in the wrong encoding, ragged rows and stray
quotes, and Excel workbooks cut short, with bytes flipped, a part missing or a part's XML
replaced by fragments of XML.
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Sequence

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from openpyxl import Workbook

# Few examples and no deadline: the suite runs on two cores, and a file that takes long to
# refuse is caught by the readers' own time budget, not by Hypothesis.
FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Characters that break parsers: quotes, delimiters, line breaks, control characters, a
# byte-order mark, Swedish letters, a surrogate-free astral character and NUL.
AWKWARD = "\";,\t\r\n'=+-@\x00\x01\x1b\x7f\ufeff\xa0åäöÅÄÖé€🚀<>&"
cells = st.text(alphabet=st.sampled_from(AWKWARD) | st.characters(codec="utf-8"), max_size=12)
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1")


@st.composite
def csv_files(draw: st.DrawFn, header: Sequence[str] = ()) -> bytes:
    """A CSV-like text: maybe the expected header, then ragged rows of awkward cells, joined by
    a delimiter the header may not use, in an encoding it may not be read in."""
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    rows = draw(st.lists(st.lists(cells, max_size=8), max_size=8))
    if header and draw(st.booleans()):
        rows.insert(0, list(header))
    text = draw(st.sampled_from(["\r\n", "\n", "\r"])).join(delimiter.join(r) for r in rows)
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")


def workbook(rows: Sequence[Sequence[object]]) -> bytes:
    return _saved(tuple(tuple(row) for row in rows))


@functools.cache
def _saved(rows: tuple[tuple[object, ...], ...]) -> bytes:
    """Saved once: a workbook records when it was saved, and Hypothesis needs the same bytes
    from the same draws."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


XML_FRAGMENTS = (
    '<row r="2">',
    "</row>",
    '<c r="A2" t="s"><v>99</v></c>',
    '<c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    '<c r="C2" t="n"><v>1e999</v></c>',
    '<c r="XFD1048576"><v>1</v></c>',
    '<c r="A0" t="d"><v>not a date</v></c>',
    '<c t="b"><v>2</v></c>',
    "<sheetData>",
    "</sheetData>",
    '<dimension ref="A1:XFD1048576"/>',
    "<!DOCTYPE x [<!ENTITY a 'aaaaaaaa'>]>",
    "&a;",
    "<?xml version='1.0'?>",
    "\x00",
    "]]>",
)


@st.composite
def broken_workbooks(draw: st.DrawFn, rows: Sequence[Sequence[object]]) -> bytes:
    """A valid workbook of ``rows``, damaged one way: cut short, bytes flipped, a part left
    out, or a part's XML replaced by a jumble of XML fragments."""
    data = workbook(rows)
    damage = draw(st.sampled_from(["cut", "flip", "drop", "replace"]))
    if damage == "cut":
        return data[: draw(st.integers(0, len(data) - 1))]
    if damage == "flip":
        changed = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            position = draw(st.integers(0, len(changed) - 1))
            changed[position] = draw(st.integers(0, 255))
        return bytes(changed)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    chosen = draw(st.sampled_from(names))
    jumble = "".join(draw(st.lists(st.sampled_from(XML_FRAGMENTS) | cells, max_size=20)))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            if name != chosen:
                target.writestr(name, source.read(name))
            elif damage == "replace":
                target.writestr(name, jumble.encode("utf-8", errors="replace"))
    return output.getvalue()


def table_files(
    header: Sequence[str], good_row: Sequence[object]
) -> st.SearchStrategy[tuple[str, bytes]]:
    """A file name and content: random bytes, a broken CSV or a broken workbook, under a name
    ending in .csv or .xlsx whichever the content is."""
    names = st.sampled_from(["fil.csv", "fil.xlsx", "fil.CSV", "fil.txt"])
    contents = st.one_of(
        st.binary(max_size=600),
        csv_files(header),
        broken_workbooks([list(header), list(good_row)]),
    )
    return st.tuples(names, contents)
