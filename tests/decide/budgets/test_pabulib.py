"""Reading and writing pabulib files: real data, pabutools' reader, round trips, bad files."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pabutools.election import Additive_Cardinal_Sat, Cost_Sat
from pabutools.election import parse_pabulib as pabutools_parse
from pabutools.rules import method_of_equal_shares

from radslag.decide.budgets.budgeting import BallotKind, Instance, Profile, equal_shares
from radslag.decide.budgets.pabulib import PabulibElection, parse_pabulib, read_pabulib
from radslag.decide.budgets.pabulib_writer import format_pabulib, write_pabulib

DATA = Path(__file__).parent / "data"
FIXTURES = sorted(DATA.glob("*.pb"))
WESOLA = DATA / "poland_warszawa_2017_wesola-plac-wojska-polskiego.pb"

HEAD = "META\nkey;value\nbudget;10\nvote_type;{vote_type}\nPROJECTS\nproject_id;cost\na;4\nb;6\n"


def _exact(value: object) -> Fraction:
    """pabutools' amount (an int or a gmpy2 fraction) as a Fraction."""
    return Fraction(int(value.numerator), int(value.denominator))  # type: ignore[attr-defined]


def _ballots(profile: Profile, ids: tuple[str, ...]) -> list[dict[str, float]]:
    return [
        {
            ids[j]: float(v)
            for j, v in zip(
                profile.indices[profile.indptr[i] : profile.indptr[i + 1]],
                profile.values[profile.indptr[i] : profile.indptr[i + 1]],
                strict=True,
            )
        }
        for i in range(profile.n_voters)
    ]


def test_it_reads_a_real_warsaw_file_with_its_fields() -> None:
    election = read_pabulib(WESOLA)
    assert election.instance.project_ids == ("427", "915", "2567", "1623")
    assert election.instance.costs.tolist() == [15995, 5825, 20000, 2900]
    assert election.instance.budget == 51195
    assert election.profile.kind == "approval"
    assert election.profile.n_voters == 27
    assert election.meta["district"] == "Wesoła"
    assert election.voter_ids[:2] == ("5642", "7230")
    assert election.voter_fields["sex"][:3] == ("F", "F", "F")
    # The file's own "votes" column counts the approvals: the ballots must agree with it.
    counts = np.bincount(election.profile.indices, minlength=4)
    assert counts.tolist() == [int(v) for v in election.project_fields["votes"]]


def test_it_reads_points_of_cumulative_ballots() -> None:
    election = read_pabulib(DATA / "france_toulouse_2019_excerpt.pb")
    assert election.profile.kind == "cardinal"
    first = _ballots(election.profile, election.instance.project_ids)[0]
    assert first == {"10": 2, "11": 2, "13": 2, "9": 1}


def test_it_reads_ordinal_ballots_as_ranks_and_quoted_fields() -> None:
    election = read_pabulib(DATA / "radslag_ordinal_example.pb")
    assert election.profile.kind == "ordinal"
    assert _ballots(election.profile, election.instance.project_ids)[3] == {
        "b": 1,
        "d": 2,
        "a": 3,
        "c": 4,
    }
    assert election.project_fields["name"][:2] == ("Cykelbana; etapp 1", '"Tyst" läsesal')
    assert election.profile.n_voters == 5
    assert election.profile.indptr[-1] == election.profile.indptr[-2]


def test_it_reads_pabutools_test_file_with_lowercase_sections_and_no_voter_ids() -> None:
    election = read_pabulib(DATA / "poland_czestochowa_2020_grabowka.pb")
    assert election.instance.project_ids == ("p1", "p2")
    assert election.voter_ids == ("1", "2")


@pytest.mark.parametrize("path", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_it_reads_what_pabutools_reads(path: Path) -> None:
    ours = read_pabulib(path)
    instance, profile = pabutools_parse(str(path))
    assert ours.instance.exact_budget == _exact(instance.budget_limit)
    assert {p.name: _exact(p.cost) for p in instance} == dict(
        zip(ours.instance.project_ids, ours.instance.exact_costs, strict=True)
    )
    if ours.profile.kind == "ordinal":
        theirs = [{p.name: r + 1.0 for r, p in enumerate(ballot)} for ballot in profile]
    elif ours.profile.kind == "approval":
        theirs = [{p.name: 1.0 for p in ballot} for ballot in profile]
    else:
        theirs = [{p.name: float(s) for p, s in ballot.items()} for ballot in profile]
    assert _ballots(ours.profile, ours.instance.project_ids) == theirs
    if ours.profile.kind != "ordinal":
        approval = ours.profile.kind == "approval"
        sat = Cost_Sat if approval else Additive_Cardinal_Sat
        expected = [p.name for p in method_of_equal_shares(instance, profile, sat_class=sat)]
        outcome = equal_shares(ours.instance, ours.profile, "cost" if approval else "score")
        assert list(outcome.selected) == expected


@pytest.mark.parametrize("path", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_it_reads_back_what_it_writes(path: Path, tmp_path: Path) -> None:
    election = read_pabulib(path)
    write_pabulib(election, tmp_path / "copy.pb")
    again = read_pabulib(tmp_path / "copy.pb")
    assert again.instance == election.instance
    assert again.profile == election.profile
    assert again.voter_ids == election.voter_ids
    assert again.project_fields == election.project_fields
    assert again.voter_fields == election.voter_fields
    assert parse_pabulib(format_pabulib(again)) == again


@st.composite
def elections(draw: st.DrawFn) -> PabulibElection:
    m = draw(st.integers(1, 6))
    ids = tuple(
        draw(
            st.lists(
                st.from_regex(r"[A-Za-z0-9_;\"]{1,4}", fullmatch=True),
                min_size=m,
                max_size=m,
                unique=True,
            )
        )
    )
    costs = draw(st.lists(st.floats(0, 1e7, allow_nan=False), min_size=m, max_size=m))
    instance = Instance(ids, costs, draw(st.floats(1e-3, 1e9)))
    kind: BallotKind = draw(st.sampled_from(["approval", "cardinal", "ordinal"]))
    n = draw(st.integers(0, 6))
    lengths: list[int] = []
    indices: list[int] = []
    values: list[float] = []
    for _ in range(n):
        chosen = draw(st.lists(st.integers(0, m - 1), unique=True))
        lengths.append(len(chosen))
        indices.extend(chosen)
        if kind == "ordinal":
            values.extend(float(r + 1) for r in range(len(chosen)))
        else:
            values.extend(draw(st.floats(0, 100)) if kind == "cardinal" else 1.0 for _ in chosen)
    weights = draw(st.lists(st.sampled_from([1.0, 2.0, 0.5, 1 / 3]), min_size=n, max_size=n))
    profile = Profile(m, np.cumsum([0, *lengths]), indices, values, weights, kind)
    names = tuple(draw(st.text(max_size=8)) for _ in range(m))
    return PabulibElection(instance, profile, {"description": "generated"}, {"name": names})


def _as_read(text: str) -> str:
    """Text as the reader returns it: one kind of line break, no surrounding blanks."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


@settings(max_examples=80, deadline=None, database=None)
@given(elections())
def test_it_reads_back_any_election_it_writes(election: PabulibElection) -> None:
    again = parse_pabulib(format_pabulib(election))
    assert again.instance == election.instance
    assert again.profile == election.profile
    names = election.project_fields["name"]
    assert again.project_fields["name"] == tuple(_as_read(name) for name in names)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            HEAD.format(vote_type="approval") + "VOTES\nvoter_id;vote\n1;a\n2;a,c\n",
            "line 12: the vote names unknown project 'c'",
        ),
        (
            HEAD.format(vote_type="approval").replace("a;4", "a;four") + "VOTES\nvote\n",
            "line 7: cost 'four' is not a number",
        ),
        (
            HEAD.format(vote_type="approval").replace("a;4", "a;-4") + "VOTES\nvote\n",
            "line 7: cost '-4' is negative",
        ),
        (
            HEAD.format(vote_type="approval").replace("b;6", "a;6") + "VOTES\nvote\n",
            "line 8: project 'a' is listed twice",
        ),
        (
            HEAD.format(vote_type="approval").replace("budget;10", "budget;0") + "VOTES\nvote\n",
            "line 3: budget must be positive",
        ),
        (
            HEAD.format(vote_type="approval").replace("budget;10", "budget;nan") + "VOTES\nvote\n",
            "line 3: budget 'nan' is not a finite",
        ),
        (
            HEAD.format(vote_type="approval").replace("budget;10\n", "") + "VOTES\nvote\n",
            "line 1: META has no 'budget'",
        ),
        (
            HEAD.format(vote_type="cumulative") + "VOTES\nvote;points\na,b;1\n",
            "line 11: 2 projects but 1 points",
        ),
        (
            HEAD.format(vote_type="scoring") + "VOTES\nvote;points\na,b;1,-1\n",
            "line 11: points must not be negative",
        ),
        (
            HEAD.format(vote_type="ordinal") + "VOTES\nvote\nb,a,b\n",
            "line 11: project 'b' appears twice",
        ),
        (
            HEAD.format(vote_type="approval") + "VOTES\nvote;weight\na;0\n",
            "line 11: weight 0.0 must be positive",
        ),
        (HEAD.format(vote_type="ranked") + "VOTES\nvote\n", "line 4: unknown vote_type 'ranked'"),
        (
            HEAD.format(vote_type="approval") + "VOTES\nvote\na;x;y\n",
            "line 11: 3 fields but the header has 1",
        ),
        (
            HEAD.format(vote_type="cumulative") + "VOTES\nvote\n",
            "line 10: the VOTES header has no 'points'",
        ),
        (HEAD.format(vote_type="approval"), "the VOTES section is missing"),
        (
            HEAD.format(vote_type="approval") + "VOTES\nvote;age;age\n",
            "VOTES, line 10: column 'age' appears twice",
        ),
        (
            HEAD.format(vote_type="approval") + "VOTES\nvote\nMETA\n",
            "line 11: a second META section",
        ),
        (
            "budget;10\n" + HEAD.format(vote_type="approval"),
            "line 1: expected META, PROJECTS or VOTES",
        ),
        (
            HEAD.format(vote_type="approval").replace("budget;10", "budget;10;11")
            + "VOTES\nvote\n",
            "line 3: a META row",
        ),
    ],
)
def test_it_rejects_a_malformed_file_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_pabulib(text)


def test_it_reads_a_file_without_a_meta_header() -> None:
    text = HEAD.format(vote_type="approval").replace("key;value\n", "") + "VOTES\nvote\na\n"
    election = parse_pabulib(text)
    assert election.meta == {"budget": "10", "vote_type": "approval"}
    assert election.instance.costs.tolist() == [4.0, 6.0]


def test_it_names_the_file_section_and_line_of_a_fault(tmp_path: Path) -> None:
    path = tmp_path / "broken.pb"
    path.write_text(HEAD.format(vote_type="approval").replace("a;4", "a;4 PLN") + "VOTES\nvote\n")
    with pytest.raises(ValueError, match=r"broken\.pb: PROJECTS, line 7: cost '4 PLN' is not"):
        read_pabulib(path)


def test_it_reads_a_votes_section_without_votes() -> None:
    election = parse_pabulib(HEAD.format(vote_type="approval") + "VOTES\nvoter_id;vote\n")
    assert election.profile.n_voters == 0


def test_it_reads_text_that_starts_with_a_byte_order_mark() -> None:
    election = parse_pabulib("\ufeff" + HEAD.format(vote_type="approval") + "VOTES\nvote\na\n")
    assert election.profile.n_voters == 1


def test_it_approves_a_project_named_twice_once_as_pabutools_does() -> None:
    election = parse_pabulib(HEAD.format(vote_type="approval") + "VOTES\nvote\na,a,b\n")
    assert election.profile.indices.tolist() == [0, 1]


def test_it_refuses_to_write_project_ids_that_a_vote_cannot_hold() -> None:
    instance = Instance(("a,b",), [1], 1)
    profile = Profile(1, [0, 1], [0], [1.0], [1.0], "approval")
    with pytest.raises(ValueError, match="comma"):
        format_pabulib(PabulibElection(instance, profile))
