"""Swedish needs: themes, near-duplicates and the check on submit, on 10 000 labelled texts.

The texts come from :mod:`radslag.demo.needs_corpus`: 15 planted themes across the application areas
and about 1 250 distinct needs, most raised once and a few many times, each later text of a
need a paraphrase of its first (synonyms, word order, sometimes another sentence frame, split
or hyphenated compounds, typos, a dropped opening or closing sentence). Reported:

- themes: adjusted Rand index of :func:`cluster_themes` against the planted themes, with the
  number of themes given (15) and chosen automatically, and scikit-learn's usual pipeline
  (``TfidfVectorizer(analyzer="char_wb")``, ``TruncatedSVD``, ``KMeans``) on the same texts;
- duplicates: precision and recall over pairs of texts of :func:`near_duplicates` at
  ``DUPLICATE_THRESHOLD`` (and neighbouring thresholds), truth being "same need";
- the check on submit: one new text vectorised and compared with the 10 000 stored by
  :func:`nearest`, its time and how often the closest stored text is of the same need.

Times are wall-clock seconds on this machine, including vectorising where stated.
"""

from __future__ import annotations

import time
import warnings

import numpy as np

from radslag.decide.clustering import adjusted_rand_index
from radslag.decide.text.duplicates import DUPLICATE_THRESHOLD, near_duplicates, nearest
from radslag.decide.text.normalisation import TfidfModel
from radslag.decide.text.themes import cluster_themes, theme_labels
from radslag.demo.needs_corpus import Corpus, duplicate_pairs, generate

N_EXAMPLE = 1_500
N_STORED = 10_000
N_QUERIES = 200
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, DUPLICATE_THRESHOLD, 0.75)


def main() -> None:
    _example_data()
    corpus = generate(N_STORED + N_QUERIES, seed=1)
    stored = Corpus(
        texts=corpus.texts[:N_STORED],
        theme=corpus.theme[:N_STORED],
        need=corpus.need[:N_STORED],
        theme_names=corpus.theme_names,
    )
    n_themes = len(corpus.theme_names)
    print(
        f"{N_STORED} synthetic Swedish needs, {n_themes} planted themes, "
        f"{np.unique(stored.need).size} distinct needs, "
        f"{len(duplicate_pairs(stored.need))} duplicate pairs\n"
    )
    start = time.perf_counter()
    model = TfidfModel.fit(stored.texts)
    matrix = model.transform(stored.texts)
    vectorise = time.perf_counter() - start
    print(f"vectorising (fit + transform, char 3-5-grams): {vectorise:.2f} s, "
          f"{matrix.shape[1]} terms\n")  # fmt: skip
    _themes(stored, matrix, vectorise)
    _duplicates(stored, matrix)
    _submit_check(corpus, model, matrix)


def _example_data() -> None:
    """The labelled set ``radslag demo-data --seed 1`` stores, compared as the platform does."""
    corpus = generate(N_EXAMPLE, seed=1)
    # Title then text, as radslag.needs.index.need_text joins them.
    texts = [f"{title}. {text}" for title, text in zip(corpus.titles, corpus.texts, strict=True)]
    truth = duplicate_pairs(corpus.need)
    print(
        f"Example data (radslag demo-data --seed 1): {N_EXAMPLE} needs, "
        f"{len(corpus.theme_names)} planted themes, {np.unique(corpus.need).size} distinct needs, "
        f"{len(truth)} duplicate pairs\n"
    )
    start = time.perf_counter()
    matrix = TfidfModel.fit(texts).transform(texts)
    given = cluster_themes(matrix, n_themes=len(corpus.theme_names), seed=0)
    given_seconds = time.perf_counter() - start
    start = time.perf_counter()
    automatic = cluster_themes(matrix, seed=0)
    automatic_seconds = time.perf_counter() - start
    print("| themes | k | ARI | time s |\n|---|---:|---:|---:|")
    for method, labels, seconds in (
        (f"k = {len(corpus.theme_names)} given", given, given_seconds),
        ("k automatic (as radslag demo-data)", automatic, automatic_seconds),
    ):
        ari = adjusted_rand_index(corpus.theme, labels)
        print(f"| {method} | {int(labels.max()) + 1} | {ari:.4f} | {seconds:.2f} |")
    # Duplicates are found on the text alone (radslag.needs.index): a title repeats the
    # text's task and object, which two different needs often share.
    found = near_duplicates(TfidfModel.fit(corpus.texts).transform(corpus.texts), 0.5)
    _precision_recall(found, truth)


def _precision_recall(found: list[tuple[int, int, float]], truth: set[tuple[int, int]]) -> None:
    header = f"| {'threshold':>9} | {'pairs':>7} | {'precision':>9} | {'recall':>6} | {'F1':>5} |"
    print(header)
    print("|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|")
    for threshold in THRESHOLDS:
        pairs = {(i, j) for i, j, similarity in found if similarity >= threshold}
        hits = len(pairs & truth)
        precision = hits / len(pairs) if pairs else 1.0
        recall = hits / len(truth)
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        chosen = " (chosen)" if threshold == DUPLICATE_THRESHOLD else ""
        print(
            f"| {threshold:>9.2f} | {len(pairs):>7} | {precision:>9.3f} | {recall:>6.3f} "
            f"| {f1:>5.3f} |{chosen}"
        )
    print()


def _themes(corpus: Corpus, matrix: object, vectorise: float) -> None:
    n_themes = len(corpus.theme_names)
    rows = []
    start = time.perf_counter()
    labels = cluster_themes(matrix, n_themes=n_themes, seed=0)
    seconds = time.perf_counter() - start
    rows.append((f"Rådslag, k={n_themes} given", n_themes, labels, seconds + vectorise))
    start = time.perf_counter()
    automatic = cluster_themes(matrix, seed=0)
    seconds = time.perf_counter() - start
    rows.append(("Rådslag, k automatic", int(automatic.max()) + 1, automatic, seconds + vectorise))
    rows.append(_scikit_learn(corpus.texts, n_themes))
    header = f"| {'themes':<34} | {'k':>2} | {'ARI':>6} | {'time s':>7} |"
    print(header)
    print("|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|")
    for method, k, found, total in rows:
        ari = adjusted_rand_index(corpus.theme, found)
        print(f"| {method:<34} | {k:>2} | {ari:6.4f} | {total:7.2f} |")
    print("(times include vectorising the 10 000 texts)\n")
    words = TfidfModel.fit(corpus.texts, ngrams=None)
    names = theme_labels(words.counts(corpus.texts), labels, words.forms, top_n=4)
    print("theme labels (c-TF-IDF, word level), largest theme first:")
    for theme, terms in enumerate(names[:5]):
        print(f"  {theme}: {', '.join(terms)}")
    print()


def _scikit_learn(texts: list[str], n_themes: int) -> tuple[str, int, np.ndarray, float]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import sklearn
        from sklearn.cluster import KMeans
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.preprocessing import normalize

        start = time.perf_counter()
        vectors = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True
        ).fit_transform(texts)
        reduced = normalize(TruncatedSVD(2 * n_themes, random_state=0).fit_transform(vectors))
        labels = KMeans(n_themes, n_init=8, random_state=0).fit_predict(reduced)
        seconds = time.perf_counter() - start
    return f"scikit-learn {sklearn.__version__} (char_wb)", n_themes, labels, seconds


def _duplicates(corpus: Corpus, matrix: object) -> None:
    truth = duplicate_pairs(corpus.need)
    start = time.perf_counter()
    found = near_duplicates(matrix, threshold=min(THRESHOLDS))
    seconds = time.perf_counter() - start
    print(f"near_duplicates of all {N_STORED} texts at threshold {min(THRESHOLDS)}: "
          f"{seconds:.2f} s, {len(found)} pairs\n")  # fmt: skip
    _precision_recall(found, truth)


def _submit_check(corpus: Corpus, model: TfidfModel, matrix: object) -> None:
    stored_needs = corpus.need[:N_STORED]
    known = set(stored_needs.tolist())
    queries = [i for i in range(N_STORED, len(corpus.texts)) if int(corpus.need[i]) in known]
    times, correct = [], 0
    for index in queries:
        start = time.perf_counter()
        best = nearest(model.transform([corpus.texts[index]]), matrix, k=5)
        times.append(time.perf_counter() - start)
        correct += bool(best) and stored_needs[best[0][0]] == corpus.need[index]
    milliseconds = np.array(times) * 1000
    print(
        f"check on submit, one new text against {N_STORED} stored (vectorise + nearest, k=5), "
        f"{len(queries)} new texts of known needs:"
    )
    print(
        f"  median {np.median(milliseconds):.1f} ms, max {milliseconds.max():.1f} ms; "
        f"closest stored text is of the same need for {correct / len(queries):.1%}"
    )


if __name__ == "__main__":
    main()
