"""Agree/disagree/pass votes of people on statements, validated once and counted per group.

The shape shared by :mod:`radslag.decide.opinions.consensus` and
:mod:`radslag.decide.opinions.groups`. People vote agree (+1), disagree (-1) or pass (0) on
short statements and most people see only some of them, so the votes are kept as a sparse
matrix whose stored entries are the votes.

Shapes
------
``votes``   (people, statements): a dense array with NaN for missing votes, a
            :class:`VoteMatrix`, or a scipy.sparse matrix whose *stored* entries are the votes
            (a stored 0 is a pass) and whose unstored entries are missing
``labels``  (people,) integer group of each person, ``-1`` for none
``weights`` (people,) optional non-negative weight per person, e.g. from
            :func:`radslag.decide.rankings.aggregation.two_level_weights`; weights that average
            1 keep counts on the scale of the actual number of people
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, TypeAlias

import numpy as np
import numpy.typing as npt
import scipy.sparse

from radslag.decide.rankings.aggregation import as_weights
from radslag.decide.validation import (
    FloatArray,
    IntArray,
    as_float_array,
    as_index_array,
    require_positive_int,
    require_same_length,
)

AGREE: Final = 1
DISAGREE: Final = -1
PASS: Final = 0


@dataclass(frozen=True)
class VoteMatrix:
    """Validated votes, from :func:`vote_matrix` or :func:`votes_from_records`.

    ``csr`` is a ``scipy.sparse.csr_array`` of float64, people x statements, whose stored
    entries are the votes (+1, -1, 0) and whose unstored entries are missing.
    """

    csr: Any
    n_people: int
    n_statements: int


@dataclass(frozen=True)
class GroupTallies:
    """Weighted vote counts per group and statement, each of shape (groups, statements)."""

    groups: IntArray
    agree: FloatArray
    disagree: FloatArray
    seen: FloatArray


# scipy ships no type information, so a sparse matrix is Any to mypy.
Votes: TypeAlias = npt.ArrayLike | VoteMatrix | Any


def vote_matrix(votes: Votes) -> VoteMatrix:
    """Validate votes once, to pass to every function that takes votes.

    Parameters
    ----------
    votes : array_like, scipy.sparse matrix or VoteMatrix, shape (people, statements)
        +1 agree, -1 disagree, 0 pass; missing as NaN (dense) or unstored (sparse).

    Returns
    -------
    VoteMatrix

    Raises
    ------
    ValueError
        If ``votes`` is empty, not two-dimensional, or holds a value other than -1, 0, +1
        (and NaN in a dense array).
    """
    if isinstance(votes, VoteMatrix):
        return votes
    if scipy.sparse.issparse(votes):
        coo = scipy.sparse.coo_array(votes, dtype=np.float64)
        cells = coo.row.astype(np.int64) * coo.shape[1] + coo.col
        if np.unique(cells).size < cells.size:
            raise ValueError("votes: a cell is stored twice; use votes_from_records for vote logs")
        if np.any(np.isnan(coo.data)):
            raise ValueError("votes: a sparse matrix must leave missing votes unstored, not NaN")
        # Converting from COO keeps stored zeros, which are passes here.
        csr = coo.tocsr()
    else:
        dense = _dense_votes(votes)
        observed = ~np.isnan(dense)
        # Row-major order of the observed cells is already CSR order: no sort needed.
        indptr = np.concatenate([[0], np.cumsum(observed.sum(axis=1))])
        csr = scipy.sparse.csr_array(
            (dense[observed], np.nonzero(observed)[1], indptr), shape=dense.shape
        )
    n_people, n_statements = csr.shape
    if n_people == 0 or n_statements == 0:
        raise ValueError(f"votes: must not be empty, got shape {csr.shape}")
    if not np.all(np.isin(csr.data, (AGREE, DISAGREE, PASS))):
        raise ValueError("votes: expected +1 (agree), -1 (disagree), 0 (pass) or missing")
    return VoteMatrix(csr=csr, n_people=int(n_people), n_statements=int(n_statements))


def votes_from_records(
    person: npt.ArrayLike,
    statement: npt.ArrayLike,
    vote: npt.ArrayLike,
    n_people: int,
    n_statements: int,
) -> VoteMatrix:
    """Build votes from a log of (person, statement, vote) records, the latest record winning.

    A person may change their mind; when records are in the order they were cast, the last
    record for a (person, statement) pair is the vote that counts, as in Pol.is.

    Raises
    ------
    ValueError
        If the three arrays differ in length, an id is outside ``0..n - 1``, a vote is not
        -1, 0 or +1, or ``n_people`` or ``n_statements`` is not positive.
    """
    require_positive_int("n_people", n_people)
    require_positive_int("n_statements", n_statements)
    rows = as_index_array("person", np.ravel(person), n_people)
    columns = as_index_array("statement", np.ravel(statement), n_statements)
    values = as_float_array("vote", np.ravel(vote), ndim=1)
    require_same_length(("person", "statement", "vote"), rows, columns, values)
    if not np.all(np.isin(values, (AGREE, DISAGREE, PASS))):
        raise ValueError("vote: expected +1 (agree), -1 (disagree) or 0 (pass)")
    cells = rows * n_statements + columns
    # np.unique keeps the first occurrence, so look at the log backwards to keep the latest.
    _, last_from_end = np.unique(cells[::-1], return_index=True)
    latest = cells.size - 1 - last_from_end
    csr = scipy.sparse.coo_array(
        (values[latest], (rows[latest], columns[latest])), shape=(n_people, n_statements)
    ).tocsr()
    return VoteMatrix(csr=csr, n_people=n_people, n_statements=n_statements)


def cross_labels(*labelings: npt.ArrayLike) -> IntArray:
    """Combine several labelings into one: a group per combination that occurs.

    For example municipality size class crossed with maturity level. Combinations are
    numbered in lexicographic order of their parts; a person with ``-1`` in any part gets -1.

    Raises
    ------
    ValueError
        If no labeling is given, or they differ in length or hold non-integer or negative
        labels other than -1.
    """
    if not labelings:
        raise ValueError("labelings: give at least one labeling")
    parts = [_labels(f"labelings[{k}]", values, None) for k, values in enumerate(labelings)]
    if len({len(part) for part in parts}) > 1:
        raise ValueError(f"labelings: lengths differ ({', '.join(str(len(p)) for p in parts)})")
    stacked = np.stack(parts, axis=1)
    placed = np.all(stacked >= 0, axis=1)
    combined = np.full(stacked.shape[0], -1, dtype=np.int64)
    if placed.any():
        _, codes = np.unique(stacked[placed], axis=0, return_inverse=True)
        combined[placed] = codes.ravel()
    return combined


def tally_by_group(
    votes: Votes,
    labels: npt.ArrayLike,
    weights: npt.ArrayLike | None = None,
) -> GroupTallies:
    """Count (weighted) agree, disagree and seen votes per group and statement.

    Raises
    ------
    ValueError
        If ``votes`` is invalid, ``labels`` does not give one integer >= -1 per person or puts
        nobody in a group, or ``weights`` does not give one non-negative weight per person.
    """
    matrix = vote_matrix(votes)
    groups, member = _group_index(labels, matrix.n_people)
    person_weights = as_weights("weights", weights, matrix.n_people)
    placed = member >= 0
    membership = scipy.sparse.csr_array(
        (person_weights[placed], (member[placed], np.flatnonzero(placed))),
        shape=(groups.size, matrix.n_people),
    )
    csr = matrix.csr

    def count(selected: npt.NDArray[np.bool_]) -> FloatArray:
        chosen = scipy.sparse.csr_array(
            (selected.astype(np.float64), csr.indices, csr.indptr), shape=csr.shape
        )
        counted: FloatArray = np.asarray((membership @ chosen).toarray(), dtype=np.float64)
        return counted

    return GroupTallies(
        groups=groups,
        agree=count(csr.data == AGREE),
        disagree=count(csr.data == DISAGREE),
        seen=count(np.ones(csr.data.shape, dtype=np.bool_)),
    )


def _dense_votes(votes: npt.ArrayLike) -> FloatArray:
    try:
        dense = np.asarray(votes, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"votes: expected numbers ({error})") from None
    if dense.ndim != 2:
        raise ValueError(f"votes: expected 2 dimensions, got shape {dense.shape}")
    if np.any(np.isinf(dense)):
        raise ValueError("votes: contains infinite values")
    return dense


def _labels(name: str, values: npt.ArrayLike, n_people: int | None) -> IntArray:
    array = np.asarray(values)
    if array.ndim != 1:
        raise ValueError(f"{name}: expected one label per person, got shape {array.shape}")
    if n_people is not None and array.shape[0] != n_people:
        raise ValueError(
            f"{name}: expected {n_people} labels, one per person, got {array.shape[0]}"
        )
    whole_floats = np.issubdtype(array.dtype, np.floating) and np.all(np.mod(array, 1) == 0)
    if array.size and not np.issubdtype(array.dtype, np.integer) and not whole_floats:
        raise ValueError(f"{name}: expected integer labels, got dtype {array.dtype}")
    labels = array.astype(np.int64)
    if labels.size and labels.min() < -1:
        raise ValueError(f"{name}: unknown label {int(labels.min())} (use -1 for no group)")
    return labels


def _group_index(values: npt.ArrayLike, n_people: int) -> tuple[IntArray, IntArray]:
    labels = _labels("labels", values, n_people)
    groups = np.unique(labels[labels >= 0])
    if groups.size == 0:
        raise ValueError("labels: nobody is in a group")
    member = np.full(n_people, -1, dtype=np.int64)
    placed = labels >= 0
    member[placed] = np.searchsorted(groups, labels[placed])
    return groups.astype(np.int64), member
