"""Swedish text for needs and questions: normalisation, stems and character n-gram TF-IDF.

The first half of the text pipeline; :mod:`radslag.decide.text.duplicates` finds near-duplicates
and :mod:`radslag.decide.text.themes` groups texts into themes, both on the matrices made here
or on multilingual embeddings that the caller supplies.

Swedish joins nouns into compounds ("äldreomsorgen", "äldre omsorgen", "äldre-omsorgen") and
people type them all three ways, so texts are compared by character n-grams of each stemmed
word (padded with a space at either end) rather than by whole words: the variants share most of
their n-grams. Å, ä and ö are letters of their own in Swedish ("får" and "far" differ), so they
are kept, as are all other diacritics.

Shapes
------
``matrix``  (texts, terms) scipy.sparse CSR matrix with unit-length rows from
            :meth:`TfidfModel.transform`, or an (n, d) array of embeddings
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, TypeAlias

import numpy as np
import scipy.sparse
import snowballstemmer  # type: ignore[import-untyped]

from radslag.decide.validation import FloatArray, IntArray, as_float_array, require_positive_int

#: A sparse TF-IDF matrix or a dense array of embeddings, one row per text.
TextMatrix: TypeAlias = Any

# The Snowball project's Swedish stop words (Porter, 2001), then a few function words of
# municipal prose that it lacks.
_STOP_WORDS_TEXT: Final = """
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke
mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut
när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt
mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några
deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka
ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas
ska skall också även samt bör får via hos låta
"""
#: Words dropped before stemming: they say little about what a text is about.
SWEDISH_STOP_WORDS: Final = frozenset(_STOP_WORDS_TEXT.split())

DEFAULT_NGRAMS: Final = (3, 5)

# Anything that is not a letter or a digit separates words; hyphens too, so that
# "AI-strategi" and "AI strategi" give the same words.
_NON_WORD = re.compile(r"[\W_]+")
_stemmers = threading.local()


def normalise(text: str) -> str:
    """Case-fold ``text`` and reduce it to words of letters and digits separated by one space.

    Unicode is composed first (NFC), so an "å" typed as "a" plus a combining ring equals the
    precomposed letter. Diacritics are kept: "får" (gets) and "far" (father) stay different.

    Raises
    ------
    ValueError
        If ``text`` is not a string.

    Examples
    --------
    >>> normalise("  Äldreomsorgen: AI-stöd i HEMTJÄNSTEN! ")
    'äldreomsorgen ai stöd i hemtjänsten'
    """
    if not isinstance(text, str):
        raise ValueError(f"text: expected a string, got {type(text).__name__}")
    folded = unicodedata.normalize("NFC", text).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def tokens(text: str) -> list[str]:
    """The stems of the words of ``text`` that carry meaning, in order.

    Normalises (:func:`normalise`), drops :data:`SWEDISH_STOP_WORDS` and stems each remaining
    word with the Snowball Swedish stemmer.

    Raises
    ------
    ValueError
        If ``text`` is not a string.

    References
    ----------
    Porter, M. F. (2001). Snowball: a language for stemming algorithms.
    https://snowballstem.org/algorithms/swedish/stemmer.html

    Examples
    --------
    >>> tokens("Kommunerna behöver stöd för att införa taligenkänning")
    ['kommun', 'behöv', 'stöd', 'inför', 'taligenkänning']
    """
    return [_stem(word) for word in normalise(text).split() if word not in SWEDISH_STOP_WORDS]


def fold(text: str) -> str:
    """``text`` without diacritics: å and ä become a, ö becomes o, é becomes e.

    For search only, where a visitor who types "Goteborg" or "aldreomsorg" on a keyboard
    without Swedish letters should still find what they mean; the stored texts keep theirs.

    Examples
    --------
    >>> fold("Upplands Väsby, Örebro, Åre, Linné")
    'Upplands Vasby, Orebro, Are, Linne'
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", stripped)


def search_stems(text: str) -> list[str]:
    """The stems of ``text`` as search indexes and queries hold them: stemmed, then folded.

    Stemming comes first because the Swedish stemmer knows its suffixes by their letters
    ("-orna", "-ens"); folding after it makes "äldreomsorgen" and "aldreomsorgen" meet.

    Examples
    --------
    >>> search_stems("Äldreomsorgens taligenkänning")
    ['aldreomsorg', 'taligenkanning']
    """
    return [fold(stem) for stem in tokens(text)]


@dataclass(frozen=True, eq=False)
class TfidfModel:
    """The terms and inverse document frequencies learnt from a collection of texts.

    ``vocabulary`` maps each term to its column; ``idf`` holds one weight per column. A term is
    a character n-gram of a stemmed word when ``ngrams`` is a ``(shortest, longest)`` range,
    and a whole stem when ``ngrams`` is ``None`` (for readable theme labels). ``forms`` gives
    each column a readable form: for stems the word that most often produced it ("hemtjänsten"
    rather than "hemtjänst"), for n-grams the n-gram itself.

    Weights follow the usual vector-space model: sublinear term frequency ``1 + ln(count)``,
    smoothed ``idf = ln((1 + n) / (1 + df)) + 1``, rows scaled to unit length, so the dot
    product of two rows is their cosine similarity.

    References
    ----------
    Manning, C. D., Raghavan, P. and Schütze, H. (2008). *Introduction to Information
    Retrieval*, sections 6.2-6.4. Cambridge University Press.
    """

    vocabulary: dict[str, int]
    idf: FloatArray
    ngrams: tuple[int, int] | None
    forms: tuple[str, ...]

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        ngrams: tuple[int, int] | None = DEFAULT_NGRAMS,
        min_df: int = 1,
    ) -> TfidfModel:
        """Learn the terms of ``texts`` that occur in at least ``min_df`` of them.

        Raises
        ------
        ValueError
            If ``texts`` is empty or holds something other than strings, ``ngrams`` is not a
            range of positive lengths, or ``min_df`` is not a positive integer.
        """
        stems = _stems_of_all(texts)
        require_positive_int("min_df", min_df)
        if ngrams is not None:
            _check_ngrams(ngrams)
        if not stems.texts:
            raise ValueError("texts: must not be empty")
        counts, terms = _count(stems, ngrams, None)
        df = np.bincount(counts.indices, minlength=len(terms))
        kept = np.flatnonzero(df >= min_df)
        kept_terms = [terms[column] for column in kept]
        idf = np.log((1.0 + len(stems.texts)) / (1.0 + df[kept])) + 1.0
        if ngrams is None:
            forms_of = _stem_forms(texts, frozenset(kept_terms))
            forms = tuple(forms_of[term] for term in kept_terms)
        else:
            forms = tuple(kept_terms)
        return cls(
            vocabulary={term: column for column, term in enumerate(kept_terms)},
            idf=idf.astype(np.float64),
            ngrams=ngrams,
            forms=forms,
        )

    @property
    def terms(self) -> tuple[str, ...]:
        """The terms in column order."""
        ordered = [""] * len(self.vocabulary)
        for term, column in self.vocabulary.items():
            ordered[column] = term
        return tuple(ordered)

    def counts(self, texts: Sequence[str]) -> Any:
        """How often each known term occurs in each text: a (texts, terms) CSR matrix.

        Terms the model has not seen are ignored. The raw counts are what
        :func:`radslag.decide.text.themes.theme_labels` weighs.

        Raises
        ------
        ValueError
            If ``texts`` is not a sequence of strings.
        """
        matrix, _ = _count(_stems_of_all(texts), self.ngrams, self.vocabulary)
        return matrix

    def transform(self, texts: Sequence[str]) -> Any:
        """TF-IDF rows of unit length for ``texts``: a (texts, terms) CSR matrix.

        A text with no known term gets a row of zeros, similar to nothing.

        Raises
        ------
        ValueError
            If ``texts`` is not a sequence of strings.
        """
        matrix = self.counts(texts).astype(np.float64)
        matrix.data = (1.0 + np.log(matrix.data)) * self.idf[matrix.indices]
        return unit_rows(matrix)


def as_text_matrix(name: str, matrix: TextMatrix) -> TextMatrix:
    """Check a TF-IDF matrix or embeddings and return it with rows scaled to unit length.

    A sparse matrix comes back as float64 CSR, anything else as a float64 array; rows of
    zeros stay zero.

    Raises
    ------
    ValueError
        If ``matrix`` is not two-dimensional, is empty, or holds NaN or infinite values.
    """
    if scipy.sparse.issparse(matrix):
        sparse = scipy.sparse.csr_matrix(matrix, dtype=np.float64)
        if sparse.shape[0] == 0 or sparse.shape[1] == 0:
            raise ValueError(f"{name}: must not be empty, got shape {sparse.shape}")
        if not np.all(np.isfinite(sparse.data)):
            raise ValueError(f"{name}: contains NaN or infinite values")
        return unit_rows(sparse)
    dense = as_float_array(name, matrix, ndim=2)
    if dense.size == 0:
        raise ValueError(f"{name}: must not be empty, got shape {dense.shape}")
    return unit_rows(dense)


def unit_rows(matrix: TextMatrix) -> TextMatrix:
    """Scale each row of a CSR matrix or an array to unit Euclidean length (zero rows stay)."""
    if scipy.sparse.issparse(matrix):
        csr = scipy.sparse.csr_matrix(matrix, dtype=np.float64, copy=True)
        per_row = np.diff(csr.indptr)
        row_of_entry = np.repeat(np.arange(csr.shape[0]), per_row)
        lengths = np.sqrt(np.bincount(row_of_entry, weights=csr.data**2, minlength=csr.shape[0]))
        scale = np.divide(1.0, lengths, out=np.zeros_like(lengths), where=lengths > 0)
        csr.data *= np.repeat(scale, per_row)
        return csr
    dense: FloatArray = np.asarray(matrix, dtype=np.float64)
    lengths = np.linalg.norm(dense, axis=1, keepdims=True)
    scaled: FloatArray = np.divide(dense, lengths, out=np.zeros_like(dense), where=lengths > 0)
    return scaled


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    # The pure-Python Snowball stemmers keep their state on the instance, so each thread
    # (a web worker, a task) gets its own.
    stemmer = getattr(_stemmers, "swedish", None)
    if stemmer is None:
        stemmer = snowballstemmer.stemmer("swedish")
        _stemmers.swedish = stemmer
    stem: str = stemmer.stemWord(word)
    return stem


@dataclass(frozen=True)
class _Stems:
    """The texts as counts of distinct stems: ``texts`` (texts, stems) and the stems."""

    texts: list[list[int]]
    stems: list[str]


def _stems_of_all(texts: Sequence[str]) -> _Stems:
    if isinstance(texts, str) or not isinstance(texts, Sequence):
        raise ValueError("texts: expected a sequence of strings")
    index: dict[str, int] = {}
    rows = []
    for position, text in enumerate(texts):
        if not isinstance(text, str):
            raise ValueError(f"texts[{position}]: expected a string, got {type(text).__name__}")
        rows.append([index.setdefault(stem, len(index)) for stem in tokens(text)])
    return _Stems(texts=rows, stems=list(index))


def _check_ngrams(ngrams: tuple[int, int]) -> None:
    if (
        not isinstance(ngrams, tuple)
        or len(ngrams) != 2
        or not all(isinstance(n, int) and not isinstance(n, bool) for n in ngrams)
        or not 1 <= ngrams[0] <= ngrams[1]
    ):
        raise ValueError(
            f"ngrams: expected (shortest, longest) with 1 <= shortest <= longest, got {ngrams!r}"
        )


def _char_ngrams(stem: str, ngrams: tuple[int, int]) -> list[str]:
    """Character n-grams inside a stem padded by a space, as ``char_wb`` analysers make them.

    The padding marks where a word starts and ends, so " stöd" (a word starting "stöd") is a
    different term from "stöd" inside "verksamhetsstöd". A stem shorter than the shortest
    n-gram gives itself, padded.
    """
    shortest, longest = ngrams
    padded = f" {stem} "
    if len(padded) < shortest:
        return [padded]
    return [
        padded[start : start + n]
        for n in range(shortest, min(longest, len(padded)) + 1)
        for start in range(len(padded) - n + 1)
    ]


def _count(
    stems: _Stems, ngrams: tuple[int, int] | None, vocabulary: dict[str, int] | None
) -> tuple[Any, list[str]]:
    """Term counts as CSR; with ``vocabulary`` None the terms are learnt in order of appearance.

    Counted as (texts, stems) times (stems, terms), so each distinct stem is cut into n-grams
    once however often it occurs.
    """
    per_text = _csr([np.asarray(row, dtype=np.int64) for row in stems.texts], len(stems.stems))
    learnt: dict[str, int] = {}
    terms_of_stem = [
        [stem] if ngrams is None else _char_ngrams(stem, ngrams) for stem in stems.stems
    ]
    if vocabulary is None:
        columns = [
            np.asarray([learnt.setdefault(t, len(learnt)) for t in terms], dtype=np.int64)
            for terms in terms_of_stem
        ]
        width = len(learnt)
    else:
        columns = [
            np.asarray([c for c in map(vocabulary.get, terms) if c is not None], dtype=np.int64)
            for terms in terms_of_stem
        ]
        width = len(vocabulary)
    per_stem = _csr(columns, width)
    matrix = scipy.sparse.csr_matrix(per_text @ per_stem)
    matrix.sort_indices()
    return matrix, list(learnt)


def _csr(rows: list[IntArray], width: int) -> Any:
    """A CSR matrix counting, for each row, how often each column index occurs in it."""
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([row.size for row in rows], out=indptr[1:])
    indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    matrix = scipy.sparse.csr_matrix(
        (np.ones(indices.size), indices, indptr), shape=(len(rows), width)
    )
    matrix.sum_duplicates()
    return matrix


def _stem_forms(texts: Sequence[str], stems: frozenset[str]) -> dict[str, str]:
    """For each stem, the word that most often produced it."""
    seen: dict[str, Counter[str]] = {}
    for text in texts:
        for word in normalise(text).split():
            if word in SWEDISH_STOP_WORDS:
                continue
            stem = _stem(word)
            if stem in stems:
                seen.setdefault(stem, Counter())[word] += 1
    # Ties go to the shorter, then the alphabetically first word, so forms are reproducible.
    return {
        stem: min(counter.items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]
        for stem, counter in seen.items()
    }
