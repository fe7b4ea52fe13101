"""Where a municipality's next steps come from: sources that each propose candidate steps.

The guidance app registers its own two sources from ``GuidanceConfig.ready()``: the areas
where the municipality has no AI in production yet (:mod:`radslag.guidance.area_steps`) and
its largest maturity gaps (:mod:`radslag.guidance.maturity_steps`).

**Initiatives it could join** come from the initiatives app, which sits above this one: it
contributes a source here from its own ``AppConfig.ready()``, proposing one step per
initiative the municipality could join, with the signal ``"initiative"`` (weighted in
:data:`radslag.decide.recommend.STEP_WEIGHTS`) and its evidence, for example::

    from radslag.guidance import sources

    sources.contribute("initiatives", initiatives_to_join, order=30)

The page ranks the candidates of every source together by their signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from radslag.guidance.steps import Candidate, StepContext

Source = Callable[["StepContext"], list["Candidate"]]


@dataclass(frozen=True)
class Contributed:
    key: str
    propose: Source
    order: int


_sources: list[Contributed] = []


def contribute(key: str, propose: Source, *, order: int) -> None:
    """Add a source of candidate steps; a key given twice keeps the first (ready() can run
    twice in tests that reload apps)."""
    if any(source.key == key for source in _sources):
        return
    _sources.append(Contributed(key, propose, order))
    _sources.sort(key=lambda source: source.order)


def contributed() -> list[Contributed]:
    """Every source, in order."""
    return list(_sources)
