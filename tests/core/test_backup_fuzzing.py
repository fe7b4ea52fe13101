"""The backup reader fed damaged and foreign files: every file is read whole and checked, or
refused with a BackupError naming it, never another exception."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from radslag.core.backup import FORMAT, VERSION, Backup, BackupError, ModelChecksum, read_backup
from tests.malformed import FUZZ, cells

LABELS = ["municipalities.county", "needs.need"]
ROWS = {
    "municipalities.county": [
        {"model": "municipalities.county", "pk": "01", "fields": {"name": "Stockholms län"}},
        {"model": "municipalities.county", "pk": "20", "fields": {"name": "Dalarnas län"}},
    ],
    "needs.need": [
        {"model": "needs.need", "pk": 7, "fields": {"title": "Tolkning 🚀", "text": "Rad\r\nett"}}
    ],
}


def backup_lines() -> list[str]:
    """A small backup as `radslag export` writes it: header, rows, checksums."""
    header = {"format": FORMAT, "version": VERSION, "models": LABELS, "migrations": {}}
    lines, sums = [json.dumps(header)], {}
    for label in LABELS:
        checksum = ModelChecksum()
        for row in ROWS[label]:
            line = json.dumps(row, sort_keys=True, ensure_ascii=False)
            checksum.add(line)
            lines.append(line)
        sums[label] = checksum.as_dict()
    return [*lines, json.dumps({"checksums": sums})]


def compressed(lines: list[str]) -> bytes:
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | cells,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(cells, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def damaged_lines(draw: st.DrawFn) -> bytes:
    """The backup with lines replaced by any JSON, removed, repeated or swapped, or a part of
    the header or a row changed, compressed again."""
    lines = backup_lines()
    for _ in range(draw(st.integers(1, 3))):
        position = draw(st.integers(0, len(lines) - 1))
        damage = draw(st.sampled_from(["replace", "drop", "repeat", "swap", "edit"]))
        if damage == "replace":
            lines[position] = json.dumps(draw(json_values))
        elif damage == "drop" and len(lines) > 1:
            del lines[position]
        elif damage == "repeat":
            lines.insert(position, lines[position])
        elif damage == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[position], lines[other] = lines[other], lines[position]
        else:
            # An earlier damage may have left any JSON on this line, or text that is no JSON.
            try:
                value = json.loads(lines[position])
            except ValueError:
                value = None
            if isinstance(value, dict):
                key = draw(st.sampled_from(sorted(value) or [""]))
                value[key] = draw(json_values)
            elif isinstance(value, list) and value:
                value[draw(st.integers(0, len(value) - 1))] = draw(json_values)
            else:
                value = draw(json_values)
            lines[position] = json.dumps(value)
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return gzip.compress(text.encode("utf-8", errors="surrogatepass"), mtime=0)


@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    """The compressed backup cut short or with bytes flipped, or another file altogether."""
    data = bytearray(compressed(backup_lines()))
    damage = draw(st.sampled_from(["cut", "flip", "foreign"]))
    if damage == "cut":
        return bytes(data[: draw(st.integers(0, len(data) - 1))])
    if damage == "flip":
        for _ in range(draw(st.integers(1, 6))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    return draw(st.binary(max_size=300) | st.builds(gzip.compress, st.binary(max_size=300)))


def read_or_refuse(path: Path, data: bytes) -> Backup | None:
    path.write_bytes(data)
    try:
        return read_backup(path)
    except BackupError as refusal:
        refused = str(refusal)
    assert refused.startswith(str(path)), refused
    return None


def test_the_undamaged_backup_is_read_whole(tmp_path: Path) -> None:
    backup = read_or_refuse(tmp_path / "backup.jsonl.gz", compressed(backup_lines()))

    assert backup is not None
    assert [len(backup.lines[label]) for label in LABELS] == [2, 1]


@FUZZ
@given(data=damaged_bytes() | damaged_lines())
def test_a_damaged_or_foreign_file_is_read_and_checked_or_refused_naming_it(
    data: bytes, tmp_path: Path
) -> None:
    backup = read_or_refuse(tmp_path / "backup.jsonl.gz", data)

    if backup is not None:
        for label in backup.labels:
            checksum = ModelChecksum()
            for line in backup.lines[label]:
                checksum.add(line)
            assert checksum.as_dict() == backup.checksums[label]
