"""Opinion groups from agree/disagree votes, found the way Pol.is finds them.

People who vote alike end up close together: the votes are projected onto their first
principal components and the projected people are clustered by k-means, with the number of
groups chosen by silhouette. Each step is a pure function of arrays, so a report can show the
map (:func:`project_votes`) and compare the groups with the council's own segments
(:func:`radslag.decide.clustering.adjusted_rand_index`). What the groups think is in
:mod:`radslag.decide.opinions.consensus`; ``votes`` are as in :mod:`radslag.decide.opinions.votes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import scipy.sparse

from radslag.decide.clustering import kmeans, silhouette_scores
from radslag.decide.opinions.votes import Votes, vote_matrix
from radslag.decide.validation import FloatArray, IntArray, require_positive_int

# Extra directions carried along in subspace iteration: they make the top components converge
# at the rate of the gap to the (k + oversampling)-th singular value instead of the (k + 1)-th.
_OVERSAMPLING: Final = 8
_MAX_ITERATIONS: Final = 300
# Stop when every top direction turned by less than about 1e-5 radians in one iteration.
_DIRECTION_TOLERANCE: Final = 1e-10
# Choosing k scores the silhouettes of this many placed people (all of them when fewer): the
# estimate's standard error is about 0.005, far below the gaps that separate good choices of k,
# and the cost grows linearly instead of quadratically with the number of people.
_SILHOUETTE_SAMPLE: Final = 2000


@dataclass(frozen=True)
class Projection:
    """People placed on the principal components of the vote matrix.

    ``coordinates`` (people, k) are scaled up for people who voted on few statements, by
    ``sqrt(statements / votes cast)``, so that they are not all drawn to the centre.
    ``components`` (k, statements) are unit vectors; ``statement_means`` the mean vote per
    statement used to centre the matrix (and to stand in for missing votes).
    """

    coordinates: FloatArray
    components: FloatArray
    statement_means: FloatArray
    explained_variance: FloatArray
    votes_per_person: IntArray


@dataclass(frozen=True)
class OpinionGroups:
    """Opinion groups and how they were chosen.

    ``labels`` is -1 for people with too few votes to place, otherwise 0..k-1, largest group
    first. ``silhouettes[i]`` is the mean silhouette of the best clustering with
    ``candidate_k[i]`` groups; ``k`` is the candidate with the highest.
    """

    labels: IntArray
    k: int
    centres: FloatArray
    candidate_k: IntArray
    silhouettes: FloatArray
    projection: Projection


def project_votes(votes: Votes, n_components: int = 2, seed: int = 0) -> Projection:
    """Project people onto the leading principal components of their votes, as Pol.is does.

    Missing votes take the statement's mean vote, so after centring they are zero and the
    centred matrix keeps the sparsity of the votes; its top right singular vectors are found
    by randomised subspace iteration using only sparse products. People's coordinates are
    then scaled by ``sqrt(statements / votes cast)``.

    Parameters
    ----------
    votes : array_like, scipy.sparse matrix or VoteMatrix, shape (people, statements)
    n_components : int
        Number of components, 2 in Pol.is; at most the number of people or statements.
    seed : int
        Seed of the random start of the iteration; the result does not depend on it beyond
        the iteration's tolerance, and each component's sign is fixed so that its largest
        loading is positive.

    Returns
    -------
    Projection

    Raises
    ------
    ValueError
        If ``votes`` is invalid or ``n_components`` is not a positive integer.

    References
    ----------
    Small, C. et al. (2021). Polis: Scaling deliberation by mapping high dimensional opinion
    spaces. *Recerca* 26(2), 1-26 (imputation and sparsity-aware scaling).
    Halko, N., Martinsson, P.-G. and Tropp, J. A. (2011). Finding structure with randomness:
    probabilistic algorithms for constructing approximate matrix decompositions. *SIAM
    Review* 53(2), 217-288 (subspace iteration).
    """
    matrix = vote_matrix(votes)
    require_positive_int("n_components", n_components)
    csr = matrix.csr
    votes_cast = np.diff(csr.indptr).astype(np.int64)
    per_statement = np.bincount(csr.indices, minlength=matrix.n_statements)
    sums = np.bincount(csr.indices, weights=csr.data, minlength=matrix.n_statements)
    means = sums / np.maximum(per_statement, 1)
    centred = scipy.sparse.csr_array(
        (csr.data - means[csr.indices], csr.indices, csr.indptr), shape=csr.shape
    )
    k = min(n_components, matrix.n_people, matrix.n_statements)
    components, singular_values = _top_right_singular_vectors(
        centred, k, np.random.default_rng(seed)
    )
    scale = np.sqrt(matrix.n_statements / np.maximum(votes_cast, 1))
    coordinates = np.asarray(centred @ components.T) * scale[:, None]
    return Projection(
        coordinates=coordinates,
        components=components,
        statement_means=means,
        explained_variance=singular_values**2 / max(matrix.n_people - 1, 1),
        votes_per_person=votes_cast,
    )


def opinion_groups(
    votes: Votes,
    k_range: tuple[int, int] = (2, 5),
    min_votes: int = 7,
    n_components: int = 2,
    seed: int = 0,
) -> OpinionGroups:
    """Find opinion groups: PCA projection, k-means for each k, the best k by silhouette.

    People with fewer than ``min_votes`` votes are projected but not clustered (label -1), as
    in Pol.is. If the placed people occupy fewer distinct points than a candidate k, that k is
    skipped; if no candidate is left, everyone placed forms one group. With more than 2 000
    placed people the silhouettes are estimated from 2 000 of them, drawn with ``seed``, each
    scored exactly against everyone (see :func:`radslag.decide.clustering.silhouette_scores`).

    Parameters
    ----------
    votes : array_like, scipy.sparse matrix or VoteMatrix, shape (people, statements)
    k_range : (int, int)
        Smallest and largest number of groups to try, inclusive; Pol.is tries 2 to 5.
    min_votes : int
        Votes a person needs to be placed in a group; 7 in Pol.is.
    n_components : int
        Principal components to cluster in; 2 in Pol.is.
    seed : int
        Seed of the projection and of k-means.

    Returns
    -------
    OpinionGroups

    Raises
    ------
    ValueError
        If ``votes`` is invalid, ``k_range`` is not two integers with ``2 <= low <= high``,
        ``min_votes`` is not positive, or nobody has cast ``min_votes`` votes.

    References
    ----------
    Small, C. et al. (2021). Polis: Scaling deliberation by mapping high dimensional opinion
    spaces. *Recerca* 26(2), 1-26.
    """
    low, high = _k_range(k_range)
    require_positive_int("min_votes", min_votes)
    projection = project_votes(votes, n_components, seed)
    placed = projection.votes_per_person >= min_votes
    if not placed.any():
        raise ValueError(f"votes: nobody has cast min_votes={min_votes} votes")
    points = projection.coordinates[placed]
    distinct = np.unique(points, axis=0).shape[0]
    candidates = [k for k in range(low, high + 1) if k <= distinct and k < points.shape[0]]
    labels = np.full(projection.coordinates.shape[0], -1, dtype=np.int64)
    if not candidates:
        labels[placed] = 0
        return OpinionGroups(
            labels=labels,
            k=1,
            centres=points.mean(axis=0, keepdims=True),
            candidate_k=np.zeros(0, dtype=np.int64),
            silhouettes=np.zeros(0),
            projection=projection,
        )
    clusterings = [kmeans(points, k, seed=seed) for k in candidates]
    silhouettes = silhouette_scores(
        points, [c.labels for c in clusterings], sample_size=_SILHOUETTE_SAMPLE, seed=seed
    )
    # argmax takes the first maximum, so a tie goes to the smaller number of groups.
    best = clusterings[int(np.argmax(silhouettes))]
    by_size = np.argsort(-np.bincount(best.labels, minlength=best.centres.shape[0]), kind="stable")
    labels[placed] = np.argsort(by_size)[best.labels]
    return OpinionGroups(
        labels=labels,
        k=best.centres.shape[0],
        centres=best.centres[by_size],
        candidate_k=np.array(candidates, dtype=np.int64),
        silhouettes=silhouettes,
        projection=projection,
    )


def _top_right_singular_vectors(
    matrix: Any, k: int, rng: np.random.Generator
) -> tuple[FloatArray, FloatArray]:
    n_columns = matrix.shape[1]
    width = min(k + _OVERSAMPLING, n_columns)
    basis, _ = np.linalg.qr(rng.standard_normal((n_columns, width)))
    previous = np.zeros((n_columns, k))
    for _ in range(_MAX_ITERATIONS):
        gram_image = np.asarray(matrix.T @ np.asarray(matrix @ basis))
        # Rayleigh-Ritz on the small projected Gram matrix orders the basis directions by
        # singular value without a decomposition of anything people-sized.
        eigenvalues, rotation = np.linalg.eigh(basis.T @ gram_image)
        top = np.argsort(eigenvalues)[::-1][:k]
        directions = basis @ rotation[:, top]
        turned = 1.0 - np.abs(np.sum(directions * previous, axis=0))
        if np.all(turned < _DIRECTION_TOLERANCE):
            break
        previous = directions
        basis, _ = np.linalg.qr(gram_image)
    largest = np.argmax(np.abs(directions), axis=0)
    signs = np.sign(directions[largest, np.arange(k)])
    components: FloatArray = (directions * np.where(signs == 0, 1.0, signs)).T
    singular: FloatArray = np.sqrt(np.maximum(eigenvalues[top], 0.0))
    return components, singular


def _k_range(k_range: tuple[int, int]) -> tuple[int, int]:
    try:
        low, high = (int(k) for k in k_range)
    except (TypeError, ValueError):
        raise ValueError(f"k_range: expected two integers, got {k_range!r}") from None
    if not 2 <= low <= high:
        raise ValueError(f"k_range: expected 2 <= low <= high, got {k_range!r}")
    return low, high
