"""Participatory budgets: the Method of Equal Shares in floating point and exact arithmetic, its
completion and explanations, and pabulib files."""

from __future__ import annotations

from radslag.decide.budgets.amounts import (
    Amount,
    amount_text,
    as_amount,
    parse_amount,
)
from radslag.decide.budgets.budgeting import (
    BallotKind,
    BudgetOutcome,
    Completion,
    CompletionEnd,
    CompletionLimitError,
    Instance,
    Profile,
    ProjectExplanation,
    Utility,
    approval_profile,
    cardinal_profile,
    equal_shares,
    greedy_utilitarian,
)
from radslag.decide.budgets.completion import (
    fits_more,
    raise_budgets,
    total_cost,
)
from radslag.decide.budgets.equal_shares import (
    TOLERANCE,
    EqualSharesRun,
    run_equal_shares,
)
from radslag.decide.budgets.exact_shares import (
    ExactLedger,
    as_fraction,
    exact_total_utility,
    exact_utility,
)
from radslag.decide.budgets.explanations import (
    Stages,
    Why,
    explain,
)
from radslag.decide.budgets.jumps import (
    LARGEST,
    unchanged_until,
)
from radslag.decide.budgets.pabulib import (
    PabulibElection,
    parse_pabulib,
    read_pabulib,
)
from radslag.decide.budgets.pabulib_writer import (
    format_pabulib,
    write_pabulib,
)
from radslag.decide.budgets.support import (
    SupportMatrix,
    support_matrix,
)

__all__ = [
    "LARGEST",
    "TOLERANCE",
    "Amount",
    "BallotKind",
    "BudgetOutcome",
    "Completion",
    "CompletionEnd",
    "CompletionLimitError",
    "EqualSharesRun",
    "ExactLedger",
    "Instance",
    "PabulibElection",
    "Profile",
    "ProjectExplanation",
    "Stages",
    "SupportMatrix",
    "Utility",
    "Why",
    "amount_text",
    "approval_profile",
    "as_amount",
    "as_fraction",
    "cardinal_profile",
    "equal_shares",
    "exact_total_utility",
    "exact_utility",
    "explain",
    "fits_more",
    "format_pabulib",
    "greedy_utilitarian",
    "parse_amount",
    "parse_pabulib",
    "raise_budgets",
    "read_pabulib",
    "run_equal_shares",
    "support_matrix",
    "total_cost",
    "unchanged_until",
    "write_pabulib",
]
