"""Opinion groups: Pol.is's PCA projection, then k-means with k chosen by silhouette."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse
from hypothesis import given, settings
from hypothesis import strategies as st

from radslag.decide.clustering import adjusted_rand_index
from radslag.decide.opinions.groups import opinion_groups, project_votes

NAN = np.nan


def planted_votes(
    shares: list[float], n_people: int, n_statements: int, observed: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each group agrees with each statement with its own probability, 0.1 or 0.9."""
    rng = np.random.default_rng(seed)
    truth = rng.choice(len(shares), size=n_people, p=shares)
    agree = np.where(rng.random((len(shares), n_statements)) < 0.5, 0.1, 0.9)
    votes = np.where(rng.random((n_people, n_statements)) < agree[truth], 1.0, -1.0)
    votes[rng.random(votes.shape) >= observed] = NAN
    return votes, truth


def test_it_recovers_two_planted_groups_exactly() -> None:
    votes, truth = planted_votes([0.6, 0.4], n_people=300, n_statements=40, observed=0.5, seed=1)

    result = opinion_groups(votes, seed=0)

    assert result.k == 2
    assert adjusted_rand_index(truth, result.labels) == 1.0
    assert np.bincount(result.labels)[0] >= np.bincount(result.labels)[1]


def test_it_chooses_three_groups_for_three_planted_groups() -> None:
    votes, truth = planted_votes([0.4, 0.35, 0.25], 400, 60, observed=0.6, seed=2)

    result = opinion_groups(votes, seed=0)

    assert result.k == 3
    assert result.candidate_k.tolist() == [2, 3, 4, 5]
    assert int(np.argmax(result.silhouettes)) == 1
    assert adjusted_rand_index(truth, result.labels) > 0.95


def test_it_projects_like_a_dense_pca_of_the_mean_imputed_votes() -> None:
    votes, _ = planted_votes([0.5, 0.3, 0.2], 120, 30, observed=0.4, seed=3)
    means = np.nanmean(votes, axis=0)
    centred = np.where(np.isnan(votes), 0.0, votes - means)
    _, singular, right = np.linalg.svd(centred, full_matrices=False)
    cast = np.sum(~np.isnan(votes), axis=1)

    result = project_votes(votes, n_components=2)

    np.testing.assert_allclose(result.statement_means, means)
    np.testing.assert_allclose(
        np.abs(np.sum(result.components * right[:2], axis=1)), 1.0, atol=1e-8
    )
    expected = centred @ result.components.T * np.sqrt(30 / cast)[:, None]
    np.testing.assert_allclose(result.coordinates, expected, atol=1e-10)
    np.testing.assert_allclose(result.explained_variance, singular[:2] ** 2 / 119, rtol=1e-8)


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 2**31))
def test_it_projects_the_same_whatever_the_seed(seed: int) -> None:
    votes, _ = planted_votes([0.5, 0.5], 80, 20, observed=0.5, seed=4)

    reference = project_votes(votes, seed=0)
    other = project_votes(votes, seed=seed)

    np.testing.assert_allclose(other.components, reference.components, atol=1e-5)


def test_it_takes_sparse_votes_with_stored_zeros_as_passes() -> None:
    votes, _ = planted_votes([0.5, 0.5], 60, 15, observed=0.6, seed=5)
    votes[0, ~np.isnan(votes[0])] = 0.0
    observed = ~np.isnan(votes)
    rows, columns = np.nonzero(observed)
    sparse = scipy.sparse.coo_array((votes[observed], (rows, columns)), shape=votes.shape)

    dense_result = project_votes(votes)
    sparse_result = project_votes(sparse)

    np.testing.assert_allclose(sparse_result.coordinates, dense_result.coordinates)


def test_it_leaves_people_with_too_few_votes_out_of_the_groups() -> None:
    votes, _ = planted_votes([0.5, 0.5], 100, 30, observed=0.8, seed=6)
    votes[:5, 3:] = NAN

    result = opinion_groups(votes, min_votes=7)

    assert (result.labels[:5] == -1).all()
    assert (result.labels[5:] >= 0).all()
    assert result.projection.votes_per_person[:5].max() <= 3


def test_it_makes_one_group_when_everyone_votes_alike() -> None:
    votes = np.ones((10, 8))

    result = opinion_groups(votes)

    assert result.k == 1
    assert (result.labels == 0).all()
    assert result.silhouettes.size == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"k_range": (1, 5)}, "k_range: expected 2 <= low <= high"),
        ({"k_range": (4, 3)}, "k_range: expected 2 <= low <= high"),
        ({"k_range": "ab"}, "k_range: expected two integers"),
        ({"min_votes": 0}, "min_votes: expected a positive integer"),
        ({"min_votes": 50}, "votes: nobody has cast min_votes=50"),
        ({"n_components": 0}, "n_components: expected a positive integer"),
        ({"votes": [[1, 2]]}, "votes: expected \\+1"),
    ],
)
def test_it_rejects_bad_input_naming_the_argument(
    arguments: dict[str, object], message: str
) -> None:
    call: dict[str, object] = {"votes": np.ones((4, 10)), **arguments}
    with pytest.raises(ValueError, match=message):
        opinion_groups(**call)  # type: ignore[arg-type]
