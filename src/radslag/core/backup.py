"""The whole database as one file and back, with checksums, on any engine.

The file is gzip-compressed JSON lines: a header naming the format and the models in
dependency order, one line per row (Django's serialised form, foreign keys to content types
and permissions by natural key), and a trailer with each model's row count and SHA-256. A
model's checksum is taken over its rows in primary-key order in a canonical JSON form, so the
same content gives the same checksum on SQLite and PostgreSQL, and a restore is checked by
recomputing it from the database it wrote.
"""

from __future__ import annotations

import base64
import datetime
import decimal
import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, IntegrityError, connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder

from radslag.core.maintenance import maintenance

FORMAT = "radslag-backup"
VERSION = 1
# Rebuilt by migrate (content types, permissions) or worthless in another database (sessions;
# the data stamps, which every write while restoring raises anyway and a fresh process's empty
# cache does not need).
LEFT_OUT = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "core.datastamp",
}
BATCH = 2000
# What `migrate` itself writes into an empty database; a restore replaces these rows with the
# file's. tests/core/test_backup.py checks the list against a freshly migrated database.
SEEDED_BY_MIGRATIONS = frozenset(
    {
        "maturity.maturitymodel",
        "maturity.dimension",
        "maturity.level",
        "initiatives.assumptionset",
        "initiatives.areaassumption",
    }
)


class BackupError(Exception):
    """The file cannot be restored here; nothing was written."""


@dataclass
class ModelChecksum:
    rows: int = 0
    digest: Any = field(default_factory=hashlib.sha256)

    def add(self, line: str) -> None:
        self.rows += 1
        self.digest.update(line.encode())
        self.digest.update(b"\n")

    def as_dict(self) -> dict[str, object]:
        return {"rows": self.rows, "sha256": self.digest.hexdigest()}


def _encode(value: object) -> object:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()  # full microseconds, unlike DjangoJSONEncoder
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot write {type(value).__name__} to a backup")


def canonical(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False, default=_encode)


def backed_up_models() -> list[type[models.Model]]:
    app_list = {config: None for config in apps.get_app_configs() if config.models_module}
    ordered = serializers.sort_dependencies(app_list.items(), allow_cycles=True)
    return [
        model
        for model in ordered
        if model._meta.label_lower not in LEFT_OUT and not model._meta.proxy and model._meta.managed
    ]


def rows_of(model: type[models.Model]) -> Iterator[str]:
    queryset = model._default_manager.order_by("pk")
    for start in range(0, queryset.count(), BATCH):
        batch = list(queryset[start : start + BATCH])
        for row in serializers.serialize("python", batch, use_natural_foreign_keys=True):
            yield canonical(row)


def checksum_of(model: type[models.Model]) -> ModelChecksum:
    checksum = ModelChecksum()
    for line in rows_of(model):
        checksum.add(line)
    return checksum


def export_database(path: Path) -> dict[str, dict[str, object]]:
    """Write every row to ``path``; returns each model's count and checksum."""
    chosen = backed_up_models()
    sums: dict[str, dict[str, object]] = {}
    # One snapshot: on PostgreSQL a repeatable-read view would be stricter, but an export is
    # taken from a quiet database, and one transaction keeps SQLite from changing under it.
    with transaction.atomic(), gzip.open(path, "wt", encoding="utf-8") as out:
        header = {
            "format": FORMAT,
            "version": VERSION,
            "models": [model._meta.label_lower for model in chosen],
            "migrations": applied_migrations(),
        }
        out.write(json.dumps(header) + "\n")
        for model in chosen:
            checksum = ModelChecksum()
            for line in rows_of(model):
                checksum.add(line)
                out.write(line + "\n")
            sums[model._meta.label_lower] = checksum.as_dict()
        out.write(json.dumps({"checksums": sums}) + "\n")
    return sums


def applied_migrations() -> dict[str, list[str]]:
    """Every app's applied migrations: a restore needs the schema the rows were read from."""
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


@dataclass
class Backup:
    labels: list[str]
    migrations: dict[str, list[str]]
    lines: dict[str, list[str]]
    checksums: dict[str, dict[str, object]]


def read_backup(path: Path) -> Backup:
    """The whole file, checked against its own checksums before anything is written.

    Raises
    ------
    BackupError
        Naming the file, and the line where one is to blame, for anything that is not a
        complete backup of this format: another kind of file, damaged compression, text that
        is not JSON, a line of the wrong shape, a model's rows that do not match its checksum.
    """
    try:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            backup = _header(path, source.readline())
            for number, line in enumerate(source, start=2):
                row = json.loads(line)
                if backup.checksums:
                    raise BackupError(f"{path}, line {number}: more after the checksums")
                if isinstance(row, dict) and set(row) == {"checksums"}:
                    backup.checksums = _checksums(path, number, row["checksums"])
                    continue
                label = row.get("model") if isinstance(row, dict) else None
                if not isinstance(label, str) or label not in backup.lines:
                    raise BackupError(f"{path}, line {number}: not a row of a model it lists")
                backup.lines[label].append(line.rstrip("\n"))
    # What gzip, zlib, the UTF-8 decoder and the JSON parser raise on a damaged or foreign file
    # (found by tests/core/test_backup_fuzzing.py: zlib.error and UnicodeDecodeError escaped).
    except (OSError, EOFError, zlib.error, ValueError) as error:
        raise BackupError(f"{path}: unreadable or cut short ({error})") from None
    if not backup.checksums:
        raise BackupError(f"{path}: the checksums at the end are missing; the file is cut short")
    for label in backup.labels:
        checksum = ModelChecksum()
        for line in backup.lines[label]:
            checksum.add(line)
        if checksum.as_dict() != backup.checksums.get(label):
            raise BackupError(f"{path}: the rows of {label} do not match their checksum")
    return backup


def _header(path: Path, line: str) -> Backup:
    header = json.loads(line) if line.strip() else None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(f"{path}: not a Rådslag backup (written by `radslag export`)")
    if header.get("version") != VERSION:
        raise BackupError(
            f"{path}: a backup of format version {header.get('version')!r}; this version of "
            f"Rådslag reads version {VERSION}"
        )
    labels, migrations = header.get("models"), header.get("migrations")
    if (
        not isinstance(labels, list)
        or not all(isinstance(label, str) for label in labels)
        or len(set(labels)) != len(labels)
        or not isinstance(migrations, dict)
        or not all(
            isinstance(names, list) and all(isinstance(name, str) for name in names)
            for names in migrations.values()
        )
    ):
        raise BackupError(f"{path}, line 1: the header's list of models or migrations is damaged")
    return Backup(labels, migrations, {label: [] for label in labels}, {})


def _checksums(path: Path, number: int, sums: object) -> dict[str, dict[str, object]]:
    if (
        not isinstance(sums, dict)
        or not sums
        or not all(isinstance(entry, dict) for entry in sums.values())
    ):
        raise BackupError(f"{path}, line {number}: the checksums are damaged")
    return sums


def restore_database(path: Path, replace: bool = False) -> dict[str, int]:
    """Load a backup into this database, all or nothing, and check it by its checksums.

    The database must be empty but for what migrations wrote (those rows give way to the
    file's), unless ``replace`` is given, which empties every model first. Returns the rows
    restored per model.
    """
    backup = read_backup(path)
    if backup.migrations != applied_migrations():
        raise BackupError(
            f"{path} was written by a database at other migrations than this one; "
            "run `radslag migrate` on the same version of Rådslag that wrote it"
        )
    here = {model._meta.label_lower: model for model in backed_up_models()}
    missing = [label for label in backup.labels if label not in here]
    if missing:
        raise BackupError(f"{path} holds models this version lacks: {', '.join(missing)}")
    if not replace:
        for label in backup.labels:
            count = here[label]._default_manager.count()
            if count and label not in SEEDED_BY_MIGRATIONS:
                raise BackupError(
                    f"{label} already holds {count} rows; restore into an empty, migrated "
                    "database, or use --replace to empty this one first"
                )
    with transaction.atomic(), maintenance():
        for label in reversed(backup.labels):
            here[label]._base_manager.all().delete()
        for label in backup.labels:
            _load(path, here[label], backup.lines[label])
        _check_links(path, [here[label] for label in backup.labels])
        _reset_sequences([here[label] for label in backup.labels])
        for label in backup.labels:
            if checksum_of(here[label]).as_dict() != backup.checksums[label]:
                raise BackupError(f"{label} reads back differently from the file")
    return {label: len(backup.lines[label]) for label in backup.labels}


def _load(path: Path, model: type[models.Model], lines: list[str]) -> None:
    """Write a model's rows; a row this database refuses is named, and nothing is kept.

    A file whose checksums match can still hold rows that do not fit (written by hand, or
    by another version's export under the same migrations): a value of the wrong type, an
    unknown field, a repeated key. Each raised its own exception from deep in Django
    (found by tests/core/test_backup.py); the atomic block around the restore undoes
    whatever was written before.
    """
    label = model._meta.label_lower
    with_many_to_many = bool(model._meta.many_to_many)
    with _timestamps_as_stored(model):
        for start in range(0, len(lines), BATCH):
            batch = lines[start : start + BATCH]
            try:
                rows = [json.loads(line) for line in batch]
                objects = list(serializers.deserialize("python", rows))
                if with_many_to_many:
                    for deserialized in objects:
                        deserialized.save()
                else:
                    model._default_manager.bulk_create([item.object for item in objects])
            except (
                DeserializationError,
                FieldDoesNotExist,
                DatabaseError,
                ValidationError,
                ValueError,
                TypeError,
                AttributeError,
                LookupError,
                # An integer past 64 bits, which SQLite's driver refuses before the database
                # sees it (found by the fuzzing in tests/core/test_backup.py).
                OverflowError,
            ) as error:
                raise BackupError(
                    f"{path}: the rows of {label} ({start + 1} to {start + len(batch)} of "
                    f"{len(lines)}) cannot be written here: {str(error)[:300]}"
                ) from None


def _check_links(path: Path, loaded: list[type[models.Model]]) -> None:
    """Every foreign key points at a restored row, checked before the transaction ends.

    SQLite and PostgreSQL check foreign keys only at commit, where a dangling one raised
    IntegrityError out of the command (found by tests/core/test_backup.py).
    """
    try:
        connection.check_constraints(table_names=[model._meta.db_table for model in loaded])
    except IntegrityError as error:
        raise BackupError(f"{path}: a row points at a row the file lacks ({error})") from None


@contextmanager
def _timestamps_as_stored(model: type[models.Model]) -> Iterator[None]:
    """Keep the file's created/updated times, which bulk_create would set to now.

    Unlike a raw save, bulk_create runs the fields' pre_save, so auto_now and auto_now_add are
    switched off for the load; a restore runs alone in its own command, so nothing else sees
    the switch.
    """
    stamped = [
        (column, column.auto_now, column.auto_now_add)
        for column in model._meta.concrete_fields
        if isinstance(column, models.DateField) and (column.auto_now or column.auto_now_add)
    ]
    for column, _now, _add in stamped:
        column.auto_now = column.auto_now_add = False
    try:
        yield
    finally:
        for column, now, add in stamped:
            column.auto_now, column.auto_now_add = now, add


def _reset_sequences(loaded: list[type[models.Model]]) -> None:
    """Point PostgreSQL's id sequences past the restored ids (a no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), loaded)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
