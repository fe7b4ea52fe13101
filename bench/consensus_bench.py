"""Opinion groups on 10 000 people x 1 000 statements: Rådslag against red-dwarf.

red-dwarf (``pip install red-dwarf``) reimplements the Pol.is pipeline on pandas and
scikit-learn. Both run the same method (PCA of the mean-imputed vote matrix with Pol.is's
sparse-voter scaling, k-means for k = 2..5 chosen by silhouette, then per-group statistics) on
the same synthetic conversation with planted opinion groups, each from its natural input: a
log of (person, statement, vote) records as arrays for Rådslag, the list of vote dicts that
``reddwarf.implementations.polis.run_pipeline`` takes for red-dwarf. Building that input is
not timed. Both place only people with at least 7 votes (everyone here).

Planted data: every person votes on a share of the statements drawn uniformly between 2 % and
18 % (10 % on average). A third of the statements divide the groups, each group agreeing with
probability 0.85 or 0.15 at random; on the rest all groups share one agree probability. One
vote in ten is a pass.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import adjusted_rand_score

from radslag.decide.clustering import adjusted_rand_index
from radslag.decide.opinions.consensus import group_aware_consensus, representative_statements
from radslag.decide.opinions.groups import opinion_groups
from radslag.decide.opinions.votes import votes_from_records
from radslag.decide.validation import FloatArray, IntArray

N_PEOPLE = 10_000
N_STATEMENTS = 1_000
SCENARIOS = {
    "3 groups 50/30/20 %": (0.5, 0.3, 0.2),
    "4 groups 40/30/20/10 %": (0.4, 0.3, 0.2, 0.1),
}


@dataclass(frozen=True)
class Conversation:
    person: IntArray
    statement: IntArray
    vote: FloatArray
    truth: IntArray


@dataclass(frozen=True)
class Row:
    scenario: str
    method: str
    k: int
    ari: float
    seconds: float


def planted_conversation(shares: tuple[float, ...], seed: int) -> Conversation:
    rng = np.random.default_rng(seed)
    truth = rng.choice(len(shares), size=N_PEOPLE, p=shares)
    shared = rng.beta(2.0, 2.0, size=N_STATEMENTS)
    agree = np.tile(shared, (len(shares), 1))
    divisive = rng.random(N_STATEMENTS) < 1 / 3
    agree[:, divisive] = np.where(rng.random((len(shares), divisive.sum())) < 0.5, 0.15, 0.85)
    rate = rng.uniform(0.02, 0.18, size=N_PEOPLE)
    person, statement = np.nonzero(rng.random((N_PEOPLE, N_STATEMENTS)) < rate[:, None])
    agrees = rng.random(person.size) < agree[truth[person], statement]
    vote = np.where(rng.random(person.size) < 0.1, 0.0, np.where(agrees, 1.0, -1.0))
    return Conversation(person=person, statement=statement, vote=vote, truth=truth)


def run_radslag(conversation: Conversation, n_components: int) -> tuple[IntArray, int, float]:
    start = time.perf_counter()
    votes = votes_from_records(
        conversation.person, conversation.statement, conversation.vote, N_PEOPLE, N_STATEMENTS
    )
    groups = opinion_groups(votes, n_components=n_components, seed=0)
    representative_statements(votes, groups.labels)
    group_aware_consensus(votes, groups.labels)
    return groups.labels, groups.k, time.perf_counter() - start


def run_red_dwarf(conversation: Conversation) -> tuple[IntArray, int, float]:
    with warnings.catch_warnings():
        # red-dwarf's dependencies warn on import and on use; the table is the output here.
        warnings.simplefilter("ignore")
        from reddwarf.implementations.polis import run_pipeline

    records = [
        {"participant_id": p, "statement_id": s, "vote": int(v), "modified": 0}
        for p, s, v in zip(
            conversation.person.tolist(),
            conversation.statement.tolist(),
            conversation.vote.tolist(),
            strict=True,
        )
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        result = run_pipeline(votes=records, random_state=0)
        seconds = time.perf_counter() - start
    clusters = result.participants_df["cluster_id"].reindex(range(N_PEOPLE))
    labels = clusters.fillna(-1).to_numpy(dtype=np.int64)
    return labels, int(result.clusterer.n_clusters), seconds


def main() -> None:
    rows: list[Row] = []
    for index, (scenario, shares) in enumerate(SCENARIOS.items()):
        conversation = planted_conversation(shares, seed=index)
        runs = [("red-dwarf 0.4 (Pol.is, 2 PCs)", run_red_dwarf(conversation))]
        runs.append(("Rådslag (Pol.is, 2 PCs)", run_radslag(conversation, n_components=2)))
        if len(shares) > 3:
            runs.append(("Rådslag, 3 PCs", run_radslag(conversation, n_components=3)))
        for method, (labels, k, seconds) in runs:
            ari = adjusted_rand_score(conversation.truth, labels)
            # Cross-check of Rådslag's own ARI against scikit-learn's.
            assert abs(adjusted_rand_index(conversation.truth, labels) - ari) < 1e-9
            rows.append(Row(scenario, method, k, float(ari), seconds))
    _print_table(rows)


def _print_table(rows: list[Row]) -> None:
    print(f"{N_PEOPLE} people x {N_STATEMENTS} statements, ~10 % observed; full pipeline")
    print("(votes -> PCA -> k-means k=2..5 by silhouette -> representativeness and consensus)\n")
    header = f"| {'scenario':<24} | {'method':<30} | k | {'ARI':>6} | {'time s':>7} | ours/rd |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    reference = {row.scenario: row.seconds for row in rows if row.method.startswith("red")}
    for row in rows:
        ratio = (
            "" if row.method.startswith("red") else f"{row.seconds / reference[row.scenario]:.3f}"
        )
        print(
            f"| {row.scenario:<24} | {row.method:<30} | {row.k} | {row.ari:6.4f} "
            f"| {row.seconds:7.2f} | {ratio:>7} |"
        )


if __name__ == "__main__":
    main()
