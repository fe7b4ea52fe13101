"""Storing the checked rows of an upload, once the uploader has said what each duplicate is.

A row whose text is the same as, or nearly the same as, an open submission (the near-duplicate
check of the form, :func:`radslag.needs.index.similar_needs`) is not stored until the uploader
has chosen, for that row, to merge it into one of them (its text is kept and its
municipalities are added to that one's support, as the form does) or to submit it as new.
Until every such row has a decision nothing is stored; then every row is stored in one
transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from radslag.municipalities.models import Municipality
from radslag.needs import index
from radslag.needs.models import Need
from radslag.needs.support import kept_version, merge, submit
from radslag.needs.upload.checking import MUNICIPALITY, SUPPORTERS, NeedRow, parse_upload
from radslag.needs.upload.reading import Problem

#: The decision that stores a row as a new submission; any other is the id to merge into.
NEW = "ny"
SIMILAR_SHOWN = 3


@dataclass(frozen=True)
class DuplicateRow:
    """A row like submissions already made, with the uploader's decision if one was given."""

    row: NeedRow
    similar: list[index.SimilarNeed]
    decision: str = ""
    error: str = ""

    @property
    def field_name(self) -> str:
        return f"rad-{self.row.row}"

    def target(self) -> Need | None:
        """The submission chosen to merge into, or None for a new one or no valid choice."""
        for match in self.similar:
            if str(match.need.pk) == self.decision:
                return match.need
        return None


@dataclass(frozen=True)
class UploadResult:
    filename: str
    needs: list[Need] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)
    merged: int = 0

    @property
    def ok(self) -> bool:
        """Stored: no problem and no duplicate waiting for a decision."""
        return not self.problems and not self.duplicates

    @property
    def summary(self) -> str:
        """The heading of the error list, such as "behov.xlsx: 3 fel"."""
        count = len(self.problems)
        return ngettext("%(filename)s: %(count)s fel", "%(filename)s: %(count)s fel", count) % {
            "filename": self.filename,
            "count": count,
        }


def find_duplicates(rows: Sequence[NeedRow]) -> dict[int, list[index.SimilarNeed]]:
    """The open submissions each row is a near-duplicate of, by row number; exact ones too."""
    similar = index.similar_needs_of_many([row.text for row in rows], limit=SIMILAR_SHOWN)
    return {row.row: matches for row, matches in zip(rows, similar, strict=True) if matches}


def decide(
    rows: Sequence[NeedRow],
    duplicates: Mapping[int, list[index.SimilarNeed]],
    decisions: Mapping[str, str] | None,
) -> tuple[list[DuplicateRow], dict[int, Need]]:
    """Every duplicate row with its decision, and the submission each merged row goes into.

    ``decisions`` are the answers of the decision form by field name (``rad-5``), or None
    before the uploader has been asked; then no row is marked as unanswered.
    """
    listed: list[DuplicateRow] = []
    targets: dict[int, Need] = {}
    undecided = False
    for row in rows:
        if row.row not in duplicates:
            continue
        name = f"rad-{row.row}"
        decision = (decisions or {}).get(name, "")
        duplicate = DuplicateRow(row, duplicates[row.row], decision)
        target = duplicate.target()
        if target is not None:
            targets[row.row] = target
        elif decision != NEW:
            undecided = True
            if decisions is not None:
                duplicate = DuplicateRow(
                    row,
                    duplicate.similar,
                    "",
                    _("Välj om raden ska slås ihop med ett av inläggen eller lämnas in som ny."),
                )
        listed.append(duplicate)
    return (listed if undecided else []), targets


@transaction.atomic
def store(
    rows: Sequence[NeedRow], created_by: Any = None, merge_into: Mapping[int, Need] | None = None
) -> list[Need]:
    """Submit every row with its submitter's and co-signers' support, in one transaction.

    A row in ``merge_into`` is then merged into the submission given for its row number (or
    the one that has been merged into since), which gains its municipalities' support.
    """
    codes = {row.municipality for row in rows} | {c for row in rows for c in row.supporters}
    municipalities = Municipality.objects.in_bulk(list(codes))
    targets = merge_into or {}
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
        if row.row in targets:
            merge(kept_version(targets[row.row]), need)
    return needs


def _not_allowed(rows: Sequence[NeedRow], allowed: Collection[str] | None) -> list[Problem]:
    """A row for a municipality the uploader does not act for is refused like a bad cell.

    ``allowed`` is None for a convener, who may submit for every municipality.
    """
    if allowed is None:
        return []
    problems = []
    for row in rows:
        for column, code in [(MUNICIPALITY, row.municipality)] + [
            (SUPPORTERS, supporter) for supporter in row.supporters
        ]:
            if code not in allowed:
                problems.append(
                    Problem(
                        row.row,
                        column,
                        _("Du kan inte lämna inlägg eller stöd för kommunen %(code)s.")
                        % {"code": code},
                    )
                )
    return problems


def import_needs(
    filename: str,
    data: bytes,
    created_by: Any = None,
    decisions: Mapping[str, str] | None = None,
    *,
    allowed: Collection[str] | None = None,
) -> UploadResult:
    """Check the whole file and store every row only if nothing is wrong or undecided.

    ``decisions`` answer the duplicates found in an earlier call with the same file; the
    file is checked again, so a change in between (a submission merged, a municipality code
    gone) is seen.
    """
    codes = set(Municipality.objects.values_list("code", flat=True))
    parsed = parse_upload(filename, data, codes)
    problems = parsed.problems or _not_allowed(parsed.rows, allowed)
    if problems:
        return UploadResult(filename, problems=problems)
    undecided, targets = decide(parsed.rows, find_duplicates(parsed.rows), decisions)
    if undecided:
        return UploadResult(filename, duplicates=undecided)
    needs = store(parsed.rows, created_by, targets)
    return UploadResult(filename, needs, merged=len(targets))
