"""Any sequence of submissions, support, merges and undone merges keeps every municipality's
support: each open submission is backed by exactly the municipalities that backed it or any
submission merged into it, each counted once."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
)

from radslag.municipalities.models import Municipality
from radslag.needs.models import Merge, Need
from radslag.needs.support import add_support, merge, submit, undo, undoable

pytestmark = pytest.mark.django_db

CODES = ["0114", "0180", "1480", "1715", "2026"]
codes = st.sampled_from(CODES)


class SupportAndMerges(RuleBasedStateMachine):
    """The model: who backed each submission directly, and which submission it is merged into."""

    needs = Bundle("needs")

    def __init__(self) -> None:
        super().__init__()
        self.own: dict[int, set[str]] = {}
        self.parent: dict[int, int | None] = {}
        self.merges: list[tuple[int, int, int]] = []  # (record, kept, merged)

    def root(self, pk: int) -> int:
        while (above := self.parent[pk]) is not None:
            pk = above
        return pk

    def expected(self, pk: int) -> set[str]:
        return set().union(*(self.own[n] for n in self.own if self.root(n) == pk))

    @rule(target=needs, submitter=codes, supporters=st.sets(codes, max_size=3))
    def submit_a_need(self, submitter: str, supporters: set[str]) -> int:
        need = Need(
            kind=Need.Kind.NEED,
            title="Ett behov",
            text="Kommunen behöver stöd för att använda AI i sin verksamhet på ett tryggt sätt.",
            area="aldreomsorg",
            municipality=Municipality.objects.get(code=submitter),
        )
        submit(need, Municipality.objects.filter(code__in=supporters))
        self.own[need.pk] = {submitter, *supporters}
        self.parent[need.pk] = None
        return need.pk

    @rule(need=needs, code=codes)
    def support(self, need: int, code: str) -> None:
        add_support(Need(pk=need), Municipality.objects.get(code=code))
        # Support given to a merged submission goes to the one it was merged into.
        self.own[self.root(need)].add(code)

    @rule(first=needs, second=needs)
    def merge_two(self, first: int, second: int) -> None:
        kept, merged = self.root(first), self.root(second)
        if kept == merged:
            return
        result = merge(Need.objects.get(pk=kept), Need.objects.get(pk=merged))
        assert result.record is not None
        self.parent[merged] = kept
        self.merges.append((result.record.pk, kept, merged))

    @precondition(lambda self: bool(self.merges))
    @rule(choice=st.integers(min_value=0))
    def undo_a_merge(self, choice: int) -> None:
        record_pk, _kept, merged = self.merges[choice % len(self.merges)]
        record = Merge.objects.get(pk=record_pk)
        if undoable(record) is not None:
            return
        undo(record)
        self.parent[merged] = None
        self.merges.remove((record_pk, _kept, merged))

    @invariant()
    def every_open_submission_has_exactly_its_backers_once(self) -> None:
        for pk in self.own:
            need = Need.objects.with_support().get(pk=pk)
            if self.root(pk) != pk:
                assert need.merged_into_id is not None
                continue
            assert need.merged_into_id is None
            backers = list(need.supports.values_list("municipality_id", flat=True))
            assert sorted(backers) == sorted(self.expected(pk)), pk
            assert need.support_count == len(backers)

    def teardown(self) -> None:
        Merge.objects.filter(kept_id__in=self.own).delete()
        Need.objects.filter(pk__in=self.own).update(merged_into=None)
        Need.objects.filter(pk__in=self.own).delete()


def test_no_sequence_of_submissions_support_and_merges_loses_or_double_counts_support(
    db: Any,
) -> None:
    machine = settings(
        max_examples=40,
        stateful_step_count=12,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )(SupportAndMerges)
    machine.TestCase().runTest()


def test_support_given_after_a_merge_by_a_municipality_the_merge_brought_survives_its_undoing(
    db: Any,
) -> None:
    machine = SupportAndMerges()
    first = machine.submit_a_need("0180", set())
    second = machine.submit_a_need("1480", set())
    machine.merge_two(first, second)
    machine.support(first, "1480")
    machine.undo_a_merge(0)

    machine.every_open_submission_has_exactly_its_backers_once()
