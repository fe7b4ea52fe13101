"""Reading agree/disagree/pass votes and counting them per group."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from radslag.decide.opinions.votes import (
    cross_labels,
    tally_by_group,
    vote_matrix,
    votes_from_records,
)

NAN = np.nan

vote_tables = st.tuples(st.integers(1, 12), st.integers(1, 8)).flatmap(
    lambda shape: arrays(np.float64, shape, elements=st.sampled_from([1.0, -1.0, 0.0, NAN]))
)


def test_it_reads_a_dense_table_with_nan_as_missing() -> None:
    matrix = vote_matrix([[1, NAN, 0], [NAN, -1, NAN]])

    assert (matrix.n_people, matrix.n_statements) == (2, 3)
    assert matrix.csr.nnz == 3
    np.testing.assert_array_equal(matrix.csr.toarray(), [[1, 0, 0], [0, -1, 0]])


def test_it_keeps_stored_zeros_of_a_sparse_matrix_as_passes() -> None:
    sparse = scipy.sparse.coo_array(
        (np.array([0.0, 1.0, -1.0]), (np.array([0, 0, 1]), np.array([0, 1, 1]))), shape=(2, 2)
    )

    tallies = tally_by_group(sparse, [0, 0])

    np.testing.assert_array_equal(tallies.seen, [[1, 2]])
    np.testing.assert_array_equal(tallies.agree, [[0, 1]])
    np.testing.assert_array_equal(tallies.disagree, [[0, 1]])


def test_it_keeps_the_latest_record_when_someone_changes_their_vote() -> None:
    matrix = votes_from_records([0, 0, 1, 0], [2, 1, 2, 2], [1, 0, -1, -1], 2, 3)

    np.testing.assert_array_equal(matrix.csr.toarray(), [[0, 0, -1], [0, 0, -1]])
    assert matrix.csr.nnz == 3


@settings(max_examples=40, deadline=None)
@given(vote_tables)
def test_it_reads_dense_sparse_and_record_votes_alike(table: np.ndarray) -> None:
    observed = ~np.isnan(table)
    people, statements = np.nonzero(observed)
    sparse = scipy.sparse.coo_array((table[observed], (people, statements)), shape=table.shape)
    labels = np.zeros(table.shape[0], dtype=np.int64)

    counts = [
        tally_by_group(votes, labels)
        for votes in (
            table,
            sparse,
            votes_from_records(people, statements, table[observed], *table.shape),
        )
    ]

    for tallies in counts[1:]:
        np.testing.assert_array_equal(tallies.seen, counts[0].seen)
        np.testing.assert_array_equal(tallies.agree, counts[0].agree)
        np.testing.assert_array_equal(tallies.disagree, counts[0].disagree)
    np.testing.assert_array_equal(counts[0].seen[0], observed.sum(axis=0))


@settings(max_examples=40, deadline=None)
@given(vote_tables, st.data())
def test_it_counts_a_weighted_person_like_that_many_copies_of_them(
    table: np.ndarray, data: st.DataObject
) -> None:
    n = table.shape[0]
    labels = data.draw(arrays(np.int64, n, elements=st.integers(-1, 2)), label="labels")
    copies = data.draw(arrays(np.int64, n, elements=st.integers(0, 3)), label="copies")
    if not np.any((labels >= 0) & (copies > 0)):
        labels[0], copies[0] = 0, 1

    weighted = tally_by_group(table, labels, weights=copies.astype(float))
    repeated = tally_by_group(np.repeat(table, copies, axis=0), np.repeat(labels, copies))

    # Groups nobody is copied into exist only in the weighted tally, with zero counts.
    kept = np.isin(weighted.groups, repeated.groups)
    np.testing.assert_allclose(weighted.seen[kept], repeated.seen)
    np.testing.assert_allclose(weighted.agree[kept], repeated.agree)
    np.testing.assert_allclose(weighted.seen[~kept], 0.0)


def test_it_leaves_people_labelled_minus_one_out_of_every_group() -> None:
    tallies = tally_by_group([[1, 1], [-1, NAN], [1, -1]], [0, -1, 2])

    assert tallies.groups.tolist() == [0, 2]
    np.testing.assert_array_equal(tallies.seen, [[1, 1], [1, 1]])
    np.testing.assert_array_equal(tallies.disagree, [[0, 0], [0, 1]])


def test_it_crosses_labelings_into_one_group_per_combination() -> None:
    size_class = [0, 0, 1, 1, 1, -1]
    maturity = [0, 1, 0, 0, 1, 1]

    combined = cross_labels(size_class, maturity)

    assert combined.tolist() == [0, 1, 2, 2, 3, -1]


@pytest.mark.parametrize(
    ("votes", "message"),
    [
        ([[1, 2]], "votes: expected \\+1"),
        ([[1, np.inf]], "votes: contains infinite"),
        ([1, 0, -1], "votes: expected 2 dimensions"),
        (np.zeros((0, 3)), "votes: must not be empty"),
        ([["yes", "no"]], "votes: expected numbers"),
        (scipy.sparse.csr_array(np.array([[NAN, 1.0]])), "votes: a sparse matrix must leave"),
        (
            scipy.sparse.coo_array(([1.0, 1.0], ([0, 0], [1, 1])), shape=(1, 2)),
            "votes: a cell is stored twice",
        ),
    ],
)
def test_it_rejects_bad_votes_naming_them(votes: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        vote_matrix(votes)


@pytest.mark.parametrize(
    ("labels", "weights", "message"),
    [
        ([0], None, "labels: expected 2 labels"),
        ([0, -2], None, "labels: unknown label -2"),
        ([0.5, 1], None, "labels: expected integer labels"),
        ([-1, -1], None, "labels: nobody is in a group"),
        ([[0, 1]], None, "labels: expected one label per person"),
        ([0, 1], [1.0], "weights: expected 2 weights"),
        ([0, 1], [1.0, -1.0], "weights: weights must not be negative"),
    ],
)
def test_it_rejects_labels_or_weights_that_do_not_fit_the_people(
    labels: object, weights: object, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        tally_by_group([[1, 0], [0, 1]], labels, weights)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (([0, 5], [0, 0], [1, 1]), "person: unknown item id 5"),
        (([0, 1], [0, -1], [1, 1]), "statement: unknown item id -1"),
        (([0, 1], [0, 0], [1, 2]), "vote: expected \\+1"),
        (([0, 1], [0, 0], [1]), "lengths do not match"),
    ],
)
def test_it_rejects_bad_vote_records_naming_the_field(
    record: tuple[list[int], list[int], list[int]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        votes_from_records(*record, n_people=2, n_statements=2)


def test_it_rejects_labelings_of_different_lengths() -> None:
    with pytest.raises(ValueError, match="labelings: lengths differ"):
        cross_labels([0, 1], [0])
    with pytest.raises(ValueError, match="labelings: give at least one"):
        cross_labels()
