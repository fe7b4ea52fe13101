"""The council's rounds at national scale: results of a wiki survey with 100 000 votes from
290 municipalities and of a statements round with 60 000 stances, and the server's work per
wiki-survey vote (store it, choose the next pair).

Runs Django in this process on a fresh SQLite database with the reference data. The votes
are simulated (Bradley–Terry with log-strengths N(0, 1), a tenth "kan inte avgöra"), spread
over every municipality in proportion to the square root of its population. Goal (issue "The
council's rounds"): results in under 5 s; a vote and the next pair well under 50 ms.
"""

from __future__ import annotations

import time

import numpy as np

from bench.database import fresh_database

VOTES = 100_000
ITEMS = 40
STATEMENTS = 30
PARTICIPANTS = 3_000
SEED = 20261205


def _seconds(work: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = work() if callable(work) else None
    return time.perf_counter() - start, result


def _survey_round() -> object:
    from radslag.core.secret_links import digest, new_secret
    from radslag.council.models import Item, Link, PairVote, Round
    from radslag.council.survey import pair_key
    from radslag.municipalities.models import populations

    rng = np.random.default_rng(SEED)
    round_ = Round.objects.create(
        title="Bench", question="?", kind=Round.Kind.WIKI_SURVEY, status=Round.Status.OPEN
    )
    items = Item.objects.bulk_create(
        Item(round=round_, label=f"Alternativ {i}") for i in range(ITEMS)
    )
    sizes = populations()
    codes = sorted(sizes)
    share = np.sqrt(np.array([float(sizes[code] or 1.0) for code in codes]))
    links = Link.objects.bulk_create(
        Link(round=round_, municipality_id=code, token_hash=digest(new_secret())) for code in codes
    )
    strength = rng.normal(0.0, 1.0, ITEMS)
    home = rng.choice(len(codes), size=VOTES, p=share / share.sum())
    first = rng.integers(0, ITEMS, VOTES)
    second = (first + rng.integers(1, ITEMS, VOTES)) % ITEMS
    p_first = 1 / (1 + np.exp(strength[second] - strength[first]))
    outcome = rng.random(VOTES)
    votes = [
        PairVote(
            round=round_,
            municipality_id=codes[home[n]],
            link=links[home[n]],
            left=items[first[n]],
            right=items[second[n]],
            choice="vet-ej"
            if outcome[n] < 0.1
            else ("vanster" if rng.random() < p_first[n] else "hoger"),
            pair_key=pair_key(items[first[n]].pk, items[second[n]].pk),
            session_digest=f"{home[n]}-{n}",
        )
        for n in range(VOTES)
    ]
    PairVote.objects.bulk_create(votes, batch_size=5000)
    return round_


def _statements_round() -> object:
    from radslag.core.secret_links import digest, new_secret
    from radslag.council.models import Item, Link, Round, StatementVote
    from radslag.municipalities.models import populations

    rng = np.random.default_rng(SEED + 1)
    round_ = Round.objects.create(
        title="Bench statements", question="?", kind=Round.Kind.STATEMENTS, status=Round.Status.OPEN
    )
    items = Item.objects.bulk_create(
        Item(round=round_, label=f"Påstående {i}") for i in range(STATEMENTS)
    )
    codes = sorted(populations())
    links = Link.objects.bulk_create(
        Link(round=round_, municipality_id=code, token_hash=digest(new_secret())) for code in codes
    )
    loadings = rng.normal(0.0, 1.0, (STATEMENTS, 2))
    stances = []
    for person in range(PARTICIPANTS):
        home = int(rng.integers(len(codes)))
        leaning = rng.normal(0.0, 1.0, 2)
        agree = 1 / (1 + np.exp(-(loadings @ leaning)))
        for index in rng.choice(STATEMENTS, size=20, replace=False):
            draw = rng.random()
            stance = (
                "pass"
                if draw < 0.1
                else ("instammer" if rng.random() < agree[index] else "instammer-inte")
            )
            stances.append(
                StatementVote(
                    round=round_,
                    municipality_id=codes[home],
                    link=links[home],
                    item=items[int(index)],
                    stance=stance,
                    session_digest=f"p{person}",
                )
            )
    StatementVote.objects.bulk_create(stances, batch_size=5000)
    return round_


def main() -> None:
    fresh_database("council")
    from radslag.council import outcomes
    from radslag.council.models import Round
    from radslag.council.survey import next_pair, record_vote

    build, survey = _seconds(_survey_round)
    print(
        f"wiki survey: {VOTES} votes over {ITEMS} items from 290 municipalities "
        f"(stored in {build:.1f} s)"
    )
    print("| results view | seconds | goal |")
    print("|---|---:|---|")
    assert isinstance(survey, Round)
    for segment in ("size", "skr_group", "maturity", "county"):
        view = f"survey:sqrt_population:{segment}"
        seconds, result = _seconds(lambda view=view: outcomes.compute(survey, view))
        assert result is not None
        print(f"| {view} | {seconds:.2f} | < 5 s |")

    build, statements = _seconds(_statements_round)
    assert isinstance(statements, Round)
    print(
        f"\nstatements: {PARTICIPANTS} participants × 20 of {STATEMENTS} statements "
        f"(stored in {build:.1f} s)"
    )
    print("| results view | seconds | goal |")
    print("|---|---:|---|")
    for segment in ("size", "county"):
        view = f"statements:equal:{segment}"
        seconds, result = _seconds(lambda view=view: outcomes.compute(statements, view))
        assert result is not None
        print(f"| {view} | {seconds:.2f} | < 5 s |")

    link = survey.links.first()
    rng = np.random.default_rng(SEED + 2)
    times = []
    for voter in range(300):
        session = f"bench-voter-{voter}"
        start = time.perf_counter()
        pair = next_pair(survey, session, rng)
        assert pair is not None
        record_vote(link, session, pair[0].pk, pair[1].pk, "vanster")
        times.append(time.perf_counter() - start)
    ms = np.array(times[10:]) * 1000
    print(
        f"\nper vote in process (next pair + store, {len(ms)} votes after 10 warm-up, "
        f"{VOTES} votes in the round): median {np.median(ms):.1f} ms, p95 "
        f"{np.percentile(ms, 95):.1f} ms"
    )
