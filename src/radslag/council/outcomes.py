"""Which result a round's page shows, named as a view, and how to compute it.

A view is the kind's name with the reader's choices, ``"survey:equal:size"``; the same name
is the stored result's key (:mod:`radslag.council.result_store`), so a background task can
recompute every view a page has asked for.
"""

from __future__ import annotations

from typing import Any

from radslag.council.ballots import ballot_result
from radslag.council.models import Round
from radslag.council.results import survey_result
from radslag.council.scoring_results import scoring_result
from radslag.council.segments import Segmentation, chosen_segmentation
from radslag.council.statement_results import statements_result


def view_name(round_: Round, weighting: str, segmentation: Segmentation) -> str:
    if round_.kind == Round.Kind.BALLOT:
        return f"ballot:{segmentation.value}"
    if round_.kind == Round.Kind.SCORING:
        return f"scoring:{segmentation.value}"
    kind = "statements" if round_.kind == Round.Kind.STATEMENTS else "survey"
    return f"{kind}:{weighting}:{segmentation.value}"


def compute(round_: Round, view: str) -> Any:
    """The result ``view`` names; None when the round has no votes to count yet."""
    kind, _sep, choices = view.partition(":")
    if kind == "ballot":
        return ballot_result(round_, chosen_segmentation(choices))
    if kind == "scoring":
        return scoring_result(round_, chosen_segmentation(choices))
    weighting, _sep, segment = choices.partition(":")
    if weighting not in Round.Weighting.values:
        raise ValueError(f"view: unknown weighting in {view!r}")
    segmentation = chosen_segmentation(segment)
    if kind == "statements":
        return statements_result(round_, weighting, segmentation)
    if kind == "survey":
        return survey_result(round_, weighting, segmentation)
    raise ValueError(f"view: unknown kind in {view!r}")
