"""Initiatives, the value model's assumptions and the budget rounds."""

from radslag.initiatives.models.budget import Approval, BudgetRound
from radslag.initiatives.models.initiatives import Initiative, Milestone, Participation
from radslag.initiatives.models.value import AreaAssumption, AssumptionSet

__all__ = [
    "Approval",
    "AreaAssumption",
    "AssumptionSet",
    "BudgetRound",
    "Initiative",
    "Milestone",
    "Participation",
]
