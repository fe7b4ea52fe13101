"""Storing the checked rows of an upload: every row, with its support, in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import ngettext

from radslag.municipalities.models import Municipality
from radslag.needs.models import Need
from radslag.needs.support import submit
from radslag.needs.upload.checking import NeedRow, parse_upload
from radslag.needs.upload.reading import Problem


@dataclass(frozen=True)
class UploadResult:
    filename: str
    needs: list[Need] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        """The heading of the error list, such as "behov.xlsx: 3 fel"."""
        count = len(self.problems)
        return ngettext("%(filename)s: %(count)s fel", "%(filename)s: %(count)s fel", count) % {
            "filename": self.filename,
            "count": count,
        }


@transaction.atomic
def store(rows: Sequence[NeedRow], created_by: Any = None) -> list[Need]:
    """Submit every row, each with its submitter's and co-signers' support, in one transaction."""
    codes = {row.municipality for row in rows} | {c for row in rows for c in row.supporters}
    municipalities = Municipality.objects.in_bulk(list(codes))
    needs: list[Need] = []
    for row in rows:
        need = Need(
            kind=row.kind,
            title=row.title,
            text=row.text,
            area=row.area,
            municipality=municipalities[row.municipality],
            created_by=created_by,
        )
        needs.append(submit(need, [municipalities[code] for code in row.supporters]))
    return needs


def import_needs(filename: str, data: bytes, created_by: Any = None) -> UploadResult:
    """Check the whole file and, only if nothing is wrong, store every row in one transaction."""
    codes = set(Municipality.objects.values_list("code", flat=True))
    parsed = parse_upload(filename, data, codes)
    if parsed.problems:
        return UploadResult(filename, [], parsed.problems)
    return UploadResult(filename, store(parsed.rows, created_by), [])
