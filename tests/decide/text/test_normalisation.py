"""Swedish text: normalisation, stems, TF-IDF, near-duplicates and themes."""

from __future__ import annotations

import re

import numpy as np
import pytest
import scipy.sparse

from radslag.decide.text import duplicates as text_duplicates
from radslag.decide.text.duplicates import near_duplicates, nearest
from radslag.decide.text.normalisation import SWEDISH_STOP_WORDS, TfidfModel, normalise, tokens
from radslag.decide.text.themes import cluster_themes, theme_labels

ELDERLY_CARE = [
    "Vi vill använda taligenkänning i dokumentationen inom äldreomsorgen.",
    "Taligenkänning för journalföring i hemtjänsten skulle spara tid.",
    "Hur kan personalen i äldreomsorgen diktera sin dokumentation?",
    "Tal till text i hemtjänstens dokumentation, finns det erfarenhet?",
    "Dokumentationen i äldreomsorgen tar tid; vi vill prova taligenkänning.",
    "Stöd för taligenkänning vid journalföring på äldreboenden.",
]
BUILDING_PERMITS = [
    "AI som granskar bygglovsansökningar innan handläggning.",
    "Automatisk kontroll av ritningar i bygglovsärenden.",
    "Kan AI förhandsgranska ansökningar om bygglov?",
    "Snabbare handläggning av bygglov med automatisk granskning av ritningar.",
    "Granskning av bygglovsansökningarnas ritningar med hjälp av AI.",
    "Vi vill korta handläggningstiden för bygglov med AI-granskning.",
]
WATER_LEAKS = [
    "Upptäcka läckor i vattenledningsnätet med sensorer.",
    "Läckagesökning i dricksvattennätet med hjälp av AI.",
    "Hitta läckor i ledningsnätet för vatten innan de blir haverier.",
    "Sensorer och AI för att upptäcka vattenläckor tidigt.",
    "Minska vattenförlusterna genom att hitta läckor i ledningsnätet.",
    "AI som analyserar tryck och flöde för att hitta läckor i vattennätet.",
]
PLANTED = ELDERLY_CARE + BUILDING_PERMITS + WATER_LEAKS
TRUTH = np.repeat([0, 1, 2], 6)


def same_partition(first: np.ndarray, second: np.ndarray) -> bool:
    """Whether two labelings group the texts identically (adjusted Rand index 1)."""
    pairs = {(int(a), int(b)) for a, b in zip(first, second, strict=True)}
    return len(pairs) == len(set(first.tolist())) == len(set(second.tolist()))


def test_normalisation_folds_case_and_keeps_swedish_letters() -> None:
    assert normalise("ÄLDREOMSORGEN i Örebro, Åre & Malmö!") == "äldreomsorgen i örebro åre malmö"


def test_normalisation_composes_a_decomposed_a_ring() -> None:
    assert normalise("A\u030are") == "åre"


def test_normalisation_splits_hyphenated_compounds() -> None:
    assert normalise("AI-strategi") == normalise("AI strategi") == "ai strategi"


def test_it_stems_known_words() -> None:
    assert tokens("kommunerna") == ["kommun"]
    assert tokens("äldreomsorgen") == ["äldreomsorg"]
    assert tokens("Kommunen behöver stöd") == ["kommun", "behöv", "stöd"]


def test_it_drops_swedish_stop_words() -> None:
    assert tokens("Vi och de har inte det") == []
    assert {"och", "att", "för", "ska"} <= SWEDISH_STOP_WORDS


def test_tfidf_rows_have_unit_length_and_unknown_text_is_zero() -> None:
    model = TfidfModel.fit(PLANTED)
    matrix = model.transform([*PLANTED[:3], "xyz"])

    lengths = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    assert lengths[:3] == pytest.approx(1.0)
    assert matrix.shape == (4, len(model.vocabulary))
    assert model.idf.shape == (len(model.vocabulary),)
    assert lengths[3] == 0.0


def test_terms_are_character_ngrams_of_stems_within_word_boundaries() -> None:
    model = TfidfModel.fit(["kommunerna"], ngrams=(3, 4))

    assert set(model.terms) == {" ko", "kom", "omm", "mmu", "mun", "un ", " kom", "komm", "ommu",
                                "mmun", "mun "}  # fmt: skip


def test_word_level_model_labels_stems_with_their_commonest_word() -> None:
    model = TfidfModel.fit(["hemtjänsten", "hemtjänsten", "hemtjänst"], ngrams=None)

    assert model.terms == ("hemtjänst",)
    assert model.forms == ("hemtjänsten",)


def test_min_df_drops_rare_terms() -> None:
    model = TfidfModel.fit(["bygglov ritning", "bygglov"], ngrams=None, min_df=2)

    assert model.terms == ("bygglov",)


def test_identical_texts_are_duplicates_and_unrelated_are_not() -> None:
    texts = [ELDERLY_CARE[0], BUILDING_PERMITS[0], ELDERLY_CARE[0], WATER_LEAKS[0]]
    pairs = near_duplicates(TfidfModel.fit(texts).transform(texts))

    assert len(pairs) == 1
    first, second, similarity = pairs[0]
    assert (first, second) == (0, 2)
    assert similarity == pytest.approx(1.0)


def test_typos_and_split_compounds_stay_near_duplicates() -> None:
    texts = [
        "Vi vill använda taligenkänning i dokumentationen inom äldreomsorgen.",
        "Vi vill använda tal igenkänning i dokumentationen inom äldre-omsorgen",
        "vi vill anvanda taligenkänning i dokumentatoinen inom äldreomsorgen",
        *BUILDING_PERMITS,
    ]
    pairs = near_duplicates(TfidfModel.fit(texts).transform(texts))

    assert {(i, j) for i, j, _ in pairs} >= {(0, 1), (0, 2)}
    assert all(j < 3 for _, j, _ in pairs)


@pytest.mark.parametrize("step_cost", [0.0, 1e12])
def test_near_duplicates_agree_with_all_pairs_whether_terms_are_dense_or_sparse(
    monkeypatch: pytest.MonkeyPatch, step_cost: float
) -> None:
    monkeypatch.setattr(text_duplicates, "_SPARSE_STEP_COST", step_cost)
    monkeypatch.setattr(text_duplicates, "_BLOCK_VALUES", 7_000)
    rng = np.random.default_rng(3)
    matrix = scipy.sparse.random(300, 400, density=0.03, random_state=rng, format="csr")
    matrix = scipy.sparse.vstack([matrix, matrix[:20]]).tocsr()

    found = near_duplicates(matrix, threshold=0.3)

    unit = matrix.toarray() / np.maximum(np.linalg.norm(matrix.toarray(), axis=1), 1e-300)[:, None]
    cosines = unit @ unit.T
    rows, columns = np.nonzero(np.triu(cosines >= 0.3, k=1))
    assert {(i, j) for i, j, _ in found} == set(zip(rows.tolist(), columns.tolist(), strict=True))
    assert [s for _, _, s in found] == sorted((s for _, _, s in found), reverse=True)
    assert all(cosines[i, j] == pytest.approx(s, abs=1e-5) for i, j, s in found)


def test_near_duplicates_work_on_embeddings() -> None:
    embeddings = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [2.0, 0.1, 0.0]])

    assert [(i, j) for i, j, _ in near_duplicates(embeddings, threshold=0.9)] == [(0, 2)]


def test_nearest_finds_the_closest_stored_texts_first() -> None:
    model = TfidfModel.fit(PLANTED)
    stored = model.transform(PLANTED)
    query = model.transform(["Taligenkänning för journalföringen i hemtjänsten skulle spara tid"])

    found = nearest(query, stored, k=3)

    assert len(found) == 3
    assert found[0][0] == 1
    assert found[0][1] > found[1][1] >= found[2][1]
    assert all(index in range(6) for index, _ in found)


def test_nearest_leaves_out_texts_with_nothing_in_common() -> None:
    model = TfidfModel.fit(["bygglov", "vattenläckor"], ngrams=None)

    found = nearest(model.transform(["bygglov"]), model.transform(["bygglov", "vattenläckor"]), 5)

    assert [index for index, _ in found] == [0]
    assert found[0][1] == pytest.approx(1.0)


def test_clustering_recovers_three_obvious_themes() -> None:
    labels = cluster_themes(TfidfModel.fit(PLANTED).transform(PLANTED), n_themes=3, seed=0)

    assert same_partition(labels, TRUTH)


def test_clustering_chooses_three_themes_by_itself() -> None:
    labels = cluster_themes(TfidfModel.fit(PLANTED).transform(PLANTED), seed=0)

    assert same_partition(labels, TRUTH)


def test_clustering_is_deterministic_for_a_seed() -> None:
    rng = np.random.default_rng(5)
    matrix = scipy.sparse.random(400, 2_000, density=0.02, random_state=rng, format="csr")

    first = cluster_themes(matrix, n_themes=6, seed=11)

    assert np.array_equal(first, cluster_themes(matrix, n_themes=6, seed=11))
    assert np.array_equal(np.unique(first), np.arange(6))
    assert np.all(np.diff(np.bincount(first)) <= 0)


def test_clustering_works_on_embeddings() -> None:
    rng = np.random.default_rng(0)
    centres = np.eye(4)[:3] * 5.0
    embeddings = np.repeat(centres, 10, axis=0) + rng.normal(scale=0.3, size=(30, 4))

    labels = cluster_themes(embeddings, n_themes=3, seed=0)

    assert same_partition(labels, np.repeat([0, 1, 2], 10))


def test_theme_labels_name_each_theme_by_its_distinctive_words() -> None:
    words = TfidfModel.fit(PLANTED, ngrams=None)

    labels = theme_labels(words.counts(PLANTED), TRUTH, words.forms, top_n=3)

    assert len(labels) == 3
    assert "taligenkänning" in labels[0]
    assert "bygglov" in labels[1]
    assert "läckor" in labels[2]
    assert all(len(names) == 3 for names in labels)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: normalise(None), "text"),  # type: ignore[arg-type]
        (lambda: tokens(3), "text"),  # type: ignore[arg-type]
        (lambda: TfidfModel.fit([]), "texts"),
        (lambda: TfidfModel.fit("en text"), "texts"),
        (lambda: TfidfModel.fit(["ok", 5]), "texts[1]"),  # type: ignore[list-item]
        (lambda: TfidfModel.fit(["ok"], ngrams=(0, 3)), "ngrams"),
        (lambda: TfidfModel.fit(["ok"], min_df=0), "min_df"),
        (lambda: near_duplicates(np.eye(3), threshold=0.0), "threshold"),
        (lambda: near_duplicates(np.eye(3), threshold=1.5), "threshold"),
        (lambda: near_duplicates(np.array([[np.nan, 1.0]])), "matrix"),
        (lambda: near_duplicates(np.zeros((0, 3))), "matrix"),
        (lambda: nearest(np.ones(2), np.eye(3)), "query"),
        (lambda: nearest(np.ones(3), np.eye(3), k=0), "k"),
        (lambda: cluster_themes(np.eye(3), n_themes=4), "n_themes"),
        (lambda: cluster_themes(np.eye(3), n_themes=0), "n_themes"),
        (lambda: theme_labels(np.eye(3), [0, 1], ["a", "b", "c"]), "labels"),
        (lambda: theme_labels(np.eye(3), [0, 1, -1], ["a", "b", "c"]), "labels"),
        (lambda: theme_labels(np.eye(3), [0, 1, 2], ["a", "b"]), "vocabulary"),
        (lambda: theme_labels(-np.eye(3), [0, 1, 2], ["a", "b", "c"]), "matrix"),
        (lambda: theme_labels(np.eye(3), [0, 1, 2], ["a", "b", "c"], top_n=0), "top_n"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(call: object, argument: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(argument)}"):
        call()  # type: ignore[operator]
