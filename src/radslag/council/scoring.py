"""Council scoring: members weigh the criteria by pairwise judgements (AHP) and score every
item on every criterion.

A judgement says how many times more important one criterion is than another on Saaty's
scale 1/9..9 (:func:`radslag.decide.criteria.ahp_weights`); the page shows the consistency
ratio and the judgement that fits the member's other judgements worst, so they can revisit it
while they answer. Scores are ratings on a fixed scale (1-5). The results are in
:mod:`radslag.council.scoring_results`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from django.db import transaction
from django.utils.translation import gettext as _

from radslag.accounts import permissions
from radslag.accounts.models import Role
from radslag.council.models import Criterion, Item, Round, ScoringSheet
from radslag.decide.criteria import CONSISTENCY_LIMIT, ahp_weights
from radslag.decide.validation import FloatArray

SCALE = (1, 5)
# Saaty's fundamental scale, from the first criterion far more important to the second far
# more important; a judgement is stored as the ratio, 9 down to 1/9.
SAATY = tuple(Fraction(v) for v in range(9, 0, -1)) + tuple(Fraction(1, v) for v in range(2, 10))
# Judgements posted as rounded decimals (0.333) are taken as the scale value they round;
# neighbouring scale values (8 and 9) lie 12 % apart, far beyond this relative tolerance.
_SCALE_TOLERANCE = 5e-3
# At most this many criteria: already 36 pairs to judge, and Saaty's random index for the
# consistency ratio is tabulated only up to 15.
MAX_CRITERIA = 9

# The defaults; stored as the round's own text, which the convener may edit.
DEFAULT_CRITERIA: tuple[tuple[str, str, bool], ...] = (
    ("Nytta", "Hur mycket värde alternativet skapar för kommunerna och deras invånare.", True),
    (
        "Genomförbarhet",
        "Hur realistiskt det är att genomföra med de data, pengar och den kompetens som finns.",
        True,
    ),
    ("Spridning till många kommuner", "Hur många kommuner som kan använda resultatet.", True),
    (
        "Risk",
        "Risker för integritet, säkerhet, rättssäkerhet och förtroende; "
        "högre poäng betyder större risk.",
        False,
    ),
    (
        "Jämlikhet mellan stora och små kommuner",
        "Hur väl alternativet gagnar små kommuner lika mycket som stora.",
        True,
    ),
)


class ScoringRefusedError(Exception):
    """Bad answers or no right to give them; ``message`` says which and where."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.key = key  # the judgement's or score's key, when one answer is at fault


@dataclass(frozen=True)
class Inconsistency:
    """The judgement furthest from what the member's other judgements imply."""

    first: Criterion
    second: Criterion
    given: float
    implied: float
    # The given and the suggested judgement as the form offers them ("1/3"): the scale
    # value given, and the one nearest to what the other judgements imply.
    given_step: str
    suggestion: str


@dataclass(frozen=True)
class Consistency:
    weights: list[tuple[Criterion, float]]  # in percent, in the round's order
    ratio: float
    acceptable: bool
    most_inconsistent: Inconsistency | None


def create_default_criteria(round_: Round) -> list[Criterion]:
    return Criterion.objects.bulk_create(
        Criterion(round=round_, name=name, description=text, more_is_better=more, position=n)
        for n, (name, text, more) in enumerate(DEFAULT_CRITERIA)
    )


def criteria_of(round_: Round) -> list[Criterion]:
    return list(round_.criteria.order_by("position", "id"))


def active_items(round_: Round) -> list[Item]:
    return list(round_.items.filter(status=Item.Status.ACTIVE).order_by("id"))


def pairs(criteria: Sequence[Criterion]) -> list[tuple[int, int]]:
    """Every pair of positions in ``criteria``, each once, the earlier first."""
    return [(i, j) for i in range(len(criteria)) for j in range(i + 1, len(criteria))]


def judgement_key(first: Criterion, second: Criterion) -> str:
    return f"{first.pk}:{second.pk}"


def score_key(item: Item, criterion: Criterion) -> str:
    return f"{item.pk}:{criterion.pk}"


def may_score(user: Any, round_: Round) -> bool:
    return (
        round_.kind == Round.Kind.SCORING
        and round_.status == Round.Status.OPEN
        and round_.date_refusal() is None
        and permissions.is_council_member(user)
    )


def may_edit_criteria(user: Any, round_: Round) -> bool:
    return (
        round_.kind == Round.Kind.SCORING
        and round_.status == Round.Status.DRAFT
        and permissions.can(user, permissions.Action.MANAGE_ROUNDS)
    )


def parse_judgement(text: str) -> float:
    """A judgement as posted: a whole number or a fraction such as ``1/3``, or a decimal."""
    try:
        value = float(Fraction(text.strip()))
    except (ValueError, ZeroDivisionError):
        return math.nan
    return value


def on_scale(value: float) -> Fraction | None:
    """The Saaty scale value ``value`` stands for, or None if it stands for none."""
    for step in SAATY:
        if math.isclose(value, float(step), rel_tol=_SCALE_TOLERANCE):
            return step
    return None


def _cell_refusal(criteria: Sequence[Criterion], i: int, j: int, value: float) -> str:
    shown = "–" if math.isnan(value) else f"{value:g}"
    return _(
        "Jämförelsen %(first)s mot %(second)s (rad %(row)d, kolumn %(column)d) har värdet "
        "%(value)s; ett omdöme ska vara ett positivt tal på skalan 1/9 till 9."
    ) % {
        "first": criteria[i].name,
        "second": criteria[j].name,
        "row": i + 1,
        "column": j + 1,
        "value": shown,
    }


def judgement_matrix(criteria: Sequence[Criterion], judgements: Mapping[str, float]) -> FloatArray:
    """The reciprocal matrix of a member's judgements; a missing, zero, negative or
    off-scale judgement is refused naming its cell, before the decision core sees it."""
    n = len(criteria)
    matrix = np.ones((n, n))
    for i, j in pairs(criteria):
        key = judgement_key(criteria[i], criteria[j])
        raw = judgements.get(key)
        value = float(raw) if isinstance(raw, int | float) else math.nan
        if not math.isfinite(value) or value <= 0 or on_scale(value) is None:
            raise ScoringRefusedError(_cell_refusal(criteria, i, j, value), key)
        step = float(on_scale(value) or 1)
        matrix[i, j], matrix[j, i] = step, 1 / step
    return matrix


def consistency(criteria: Sequence[Criterion], judgements: Mapping[str, float]) -> Consistency:
    """The weights a member's judgements give, their consistency ratio and the judgement
    that fits the others worst."""
    result = ahp_weights(judgement_matrix(criteria, judgements))
    worst = result.most_inconsistent
    return Consistency(
        weights=[(c, float(w) * 100) for c, w in zip(criteria, result.weights, strict=True)],
        ratio=result.consistency_ratio,
        acceptable=result.consistency_ratio <= CONSISTENCY_LIMIT,
        most_inconsistent=None
        if worst is None
        else Inconsistency(
            criteria[worst.row],
            criteria[worst.column],
            worst.given,
            worst.implied,
            str(nearest_step(worst.given)),
            str(nearest_step(worst.implied)),
        ),
    )


def nearest_step(value: float) -> Fraction:
    """The scale value closest to ``value`` on a log scale, to suggest an answer."""
    return min(SAATY, key=lambda step: abs(math.log(float(step)) - math.log(value)))


def _member_municipality(user: Any) -> str | None:
    codes = sorted(permissions.municipality_codes(user, (Role.COUNCIL_MEMBER,)))
    return codes[0] if codes else None


def _sheet(user: Any, round_: Round) -> ScoringSheet:
    sheet, _created = ScoringSheet.objects.select_for_update().get_or_create(
        round=round_, person=user
    )
    sheet.municipality_id = _member_municipality(user)
    return sheet


def sheet_of(user: Any, round_: Round) -> ScoringSheet | None:
    return ScoringSheet.objects.filter(round=round_, person_id=user.pk).first()


def _refuse_outside_dates(round_: Round) -> None:
    if round_.status == Round.Status.OPEN and (outside := round_.date_refusal()):
        raise ScoringRefusedError(outside)


def save_judgements(user: Any, round_: Round, judgements: Mapping[str, float]) -> Consistency:
    """Store the member's pairwise judgements, every pair answered on Saaty's scale."""
    _refuse_outside_dates(round_)
    if not may_score(user, round_):
        raise ScoringRefusedError(
            _("Bara rådets ledamöter viktar kriterierna, och bara i en öppen omgång.")
        )
    criteria = criteria_of(round_)
    known = {judgement_key(criteria[i], criteria[j]) for i, j in pairs(criteria)}
    unknown = sorted(set(judgements) - known)
    if unknown:
        raise ScoringRefusedError(
            _("Omgången har ingen jämförelse %(key)s.") % {"key": unknown[0]}, unknown[0]
        )
    result = consistency(criteria, judgements)
    # Stored as the scale values the judgements stand for (0.333 as 1/3).
    matrix = judgement_matrix(criteria, judgements)
    steps = {
        judgement_key(criteria[i], criteria[j]): float(matrix[i, j]) for i, j in pairs(criteria)
    }
    with transaction.atomic():
        sheet = _sheet(user, round_)
        sheet.judgements = steps
        sheet.save()
    return result


def save_scores(user: Any, round_: Round, scores: Mapping[str, int | None]) -> int:
    """Store the member's scores, item and criterion to a score on ``SCALE``; None leaves a
    score out. Returns how many scores the member has given."""
    _refuse_outside_dates(round_)
    if not may_score(user, round_):
        raise ScoringRefusedError(
            _("Bara rådets ledamöter poängsätter, och bara i en öppen omgång.")
        )
    criteria, items = criteria_of(round_), active_items(round_)
    names = {
        score_key(item, criterion): (item, criterion) for item in items for criterion in criteria
    }
    low, high = SCALE
    kept: dict[str, int] = {}
    for key, value in scores.items():
        if key not in names:
            raise ScoringRefusedError(
                _("Omgången har inget alternativ och kriterium %(key)s.") % {"key": key}, key
            )
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            item, criterion = names[key]
            raise ScoringRefusedError(
                _(
                    "Poängen för %(item)s på %(criterion)s är %(value)s; ge en hel poäng från "
                    "%(low)d till %(high)d."
                )
                % {
                    "item": item.label,
                    "criterion": criterion.name,
                    "value": value,
                    "low": low,
                    "high": high,
                },
                key,
            )
        kept[key] = value
    with transaction.atomic():
        sheet = _sheet(user, round_)
        sheet.scores = kept
        sheet.save()
    return len(kept)
