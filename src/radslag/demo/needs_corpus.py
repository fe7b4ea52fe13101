"""A labelled synthetic set of Swedish municipal needs: the example data and the text benchmark.

``radslag demo-data`` stores these texts as example needs (labelled "exempeldata"), and
``bench/text_bench.py`` measures themes and near-duplicates against their planted truth.

A need is four content slots of one theme, chosen together so that they fit
(:mod:`radslag.demo.needs_vocabulary`, words in ``data/needs.toml``): a task done to an object
("låta AI sammanfatta dagsanteckningarna"), a place ("i hemtjänsten") and a goal ("frigöra mer
tid till brukarna"). A text writes the need in a sentence frame of its kind (need, strategic
question, obstacle), sometimes after a sentence that sets the scene and before a closing one.

Truth: a text's theme, and its need (theme plus the four content slots). Texts of the same need
are near-duplicates: paraphrases that re-pick synonyms, switch word order or sentence frame,
split compounds, add typos or drop the opening or closing sentence. Texts of different needs
differ in at least two content slots.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from radslag.demo.needs_vocabulary import KINDS, SLOTS, Theme, vocabulary
from radslag.demo.seeding import generator

# In a collection too small to raise every need, this share of its texts are first texts.
_DISTINCT_SHARE = 0.8
_CONTEXT_SHARE = 0.3
_CLOSING_SHARE = 0.35
# Needs, strategic questions and obstacles: most submissions say what a municipality needs.
_KIND_SHARES = (0.45, 0.3, 0.25)


@dataclass(frozen=True)
class Corpus:
    texts: list[str]
    theme: np.ndarray  # (n,) theme index of each text
    need: np.ndarray  # (n,) need index; equal needs are near-duplicates
    theme_names: list[str]
    titles: list[str] = field(default_factory=list)  # one short title per text
    kinds: list[str] = field(default_factory=list)  # one of vocabulary.KINDS per text

    def area(self, index: int) -> str:
        """The application area code of text ``index`` (its theme's, before the colon)."""
        return self.theme_names[int(self.theme[index])].split(":", 1)[0]


@dataclass(frozen=True)
class _Need:
    theme: int
    slots: tuple[int, int, int, int]  # option of task, object, place, goal


@dataclass
class _Wording:
    """How one text words its need; a paraphrase starts from the first text's and re-picks."""

    picks: dict[str, int]  # slot: which synonym
    kind: str
    frame: int
    order: int
    title: int
    obstacle: int
    context: int  # -1: none
    closing: int  # -1: none


def generate(n_texts: int, seed: int) -> Corpus:
    """``n_texts`` texts of needs; a need's later texts are paraphrases of its first.

    Needs differ in popularity as real ones do (a few raised by many municipalities, most by
    one or two), so most needs have one text and a few have many.
    """
    rng = generator(seed)
    themes = vocabulary().themes
    needs = _distinct_needs(rng)
    # A small collection raises a share of the needs, most of them once.
    distinct = min(len(needs), max(1, int(np.ceil(_DISTINCT_SHARE * n_texts))))
    if distinct < len(needs):
        needs = [needs[i] for i in np.sort(rng.choice(len(needs), size=distinct, replace=False))]
    popularity = 1.0 / np.arange(1, len(needs) + 1) ** 0.6
    popularity = rng.permutation(popularity / popularity.sum())
    # Every need is raised at least once, the rest by popularity.
    need_of_text = np.concatenate(
        [np.arange(len(needs)), rng.choice(len(needs), size=n_texts - len(needs), p=popularity)]
    )
    rng.shuffle(need_of_text)
    first_seen: dict[int, int] = {}
    rendered = []
    for need_index in need_of_text.tolist():
        need = needs[need_index]
        if need_index in first_seen:
            rendered.append(_render(need, first_seen[need_index], rng, perturb=True))
        else:
            variant = int(rng.integers(1 << 30))
            first_seen[need_index] = variant
            rendered.append(_render(need, variant, rng, perturb=False))
    theme = np.array([needs[i].theme for i in need_of_text], dtype=np.int64)
    return Corpus(
        texts=[text for text, _, _ in rendered],
        theme=theme,
        need=need_of_text.astype(np.int64),
        theme_names=[t.name for t in themes],
        titles=[title for _, title, _ in rendered],
        kinds=[kind for _, _, kind in rendered],
    )


def duplicate_pairs(need: np.ndarray) -> set[tuple[int, int]]:
    """All pairs i < j of texts of the same need."""
    order = np.argsort(need, kind="stable")
    pairs: set[tuple[int, int]] = set()
    boundaries = np.flatnonzero(np.diff(need[order])) + 1
    for group in np.split(order, boundaries):
        members = np.sort(group)
        for a in range(members.size):
            for b in range(a + 1, members.size):
                pairs.add((int(members[a]), int(members[b])))
    return pairs


def _distinct_needs(rng: np.random.Generator) -> list[_Need]:
    """Needs of each theme, all parts fitting, that differ from one another in two slots.

    Two needs that differ in one slot only ("... för att minska vattenförlusterna" against
    "... för att säkra dricksvattenförsörjningen") are the same need in other words, so the set
    keeps only one of them.
    """
    needs: list[_Need] = []
    for index, theme in enumerate(vocabulary().themes):
        candidates = np.array(theme.combinations(), dtype=np.int64)
        kept = np.empty((0, len(SLOTS)), dtype=np.int64)
        for candidate in rng.permutation(candidates):
            if np.all(np.sum(kept != candidate, axis=1) >= 2):
                kept = np.vstack([kept, candidate])
        needs.extend(_Need(index, (int(t), int(o), int(p), int(g))) for t, o, p, g in kept)
    return needs


def _render(
    need: _Need, variant: int, rng: np.random.Generator, perturb: bool
) -> tuple[str, str, str]:
    """The need's text, title and kind; ``variant`` fixes the first text's wording."""
    theme = vocabulary().themes[need.theme]
    wording = _wording(theme, need, generator(variant))
    if perturb:
        _reword(theme, need, wording, rng)
    words = _words(theme, need, wording)
    frames = vocabulary().frames[wording.kind]
    orders = frames[_without_double_ai(frames, wording.frame, words["action"])]
    text = orders[wording.order % len(orders)].format(**words)
    if wording.context >= 0:
        text = f"{theme.contexts[wording.context]} {text}"
    if wording.closing >= 0:
        text = f"{text} {vocabulary().closings_for(theme)[wording.closing]}"
    text = _capitalised(text)
    titles = vocabulary().titles[wording.kind]
    title = titles[_without_double_ai(titles, wording.title, words["action"])].format(**words)
    if perturb:
        text = _split_compounds(text, rng)
        text = _typos(text, rng, int(rng.integers(0, 3)))
    return text.replace("|", ""), title.replace("|", ""), wording.kind


def _wording(theme: Theme, need: _Need, base: np.random.Generator) -> _Wording:
    vocab = vocabulary()
    kind = KINDS[int(base.choice(len(KINDS), p=_KIND_SHARES))]
    return _Wording(
        picks={
            slot: int(base.integers(len(theme.options(slot)[option].phrasings)))
            for slot, option in zip(SLOTS, need.slots, strict=True)
        },
        kind=kind,
        frame=int(base.integers(len(vocab.frames[kind]))),
        order=int(base.integers(2)),
        title=int(base.integers(len(vocab.titles[kind]))),
        obstacle=int(base.integers(len(vocab.obstacles_for(theme)))),
        context=int(base.integers(len(theme.contexts))) if base.random() < _CONTEXT_SHARE else -1,
        closing=(
            int(base.integers(len(vocab.closings_for(theme))))
            if base.random() < _CLOSING_SHARE
            else -1
        ),
    )


def _reword(theme: Theme, need: _Need, wording: _Wording, rng: np.random.Generator) -> None:
    """Change the first text's wording as another municipality writing the same need would."""
    vocab = vocabulary()
    for slot, option in zip(SLOTS, need.slots, strict=True):
        phrasings = theme.options(slot)[option].phrasings
        if len(phrasings) > 1 and rng.random() < 0.4:
            wording.picks[slot] = int(rng.integers(len(phrasings)))
    if rng.random() < 0.5:
        wording.order = 1 - wording.order
    if rng.random() < 0.1:
        wording.kind = KINDS[int(rng.choice(len(KINDS), p=_KIND_SHARES))]
        wording.frame = int(rng.integers(len(vocab.frames[wording.kind])))
        wording.title = int(rng.integers(len(vocab.titles[wording.kind])))
    if rng.random() < 0.2:
        wording.context = -1
    if rng.random() < 0.15:
        wording.closing = -1


def _words(theme: Theme, need: _Need, wording: _Wording) -> dict[str, str]:
    task, obj, place, goal = (
        theme.options(slot)[option] for slot, option in zip(SLOTS, need.slots, strict=True)
    )
    object_words = obj.phrasings[wording.picks["object"]]
    noun = task.title.format(o=object_words)
    obstacle = vocabulary().obstacles_for(theme)[wording.obstacle]
    return {
        "action": task.phrasings[wording.picks["task"]].format(o=object_words),
        "place": place.phrasings[wording.picks["place"]],
        "goal": goal.phrasings[wording.picks["goal"]],
        "noun": noun,
        "Noun": _capitalised(noun),
        # A title names the obstacle, a sentence states it.
        "obstacle": obstacle.clause,
        "obstacle_noun": obstacle.noun,
    }


def _without_double_ai(templates: tuple[object, ...], index: int, action: str) -> int:
    """``index``, or the next template that does not say "AI" when the action already does.

    "Kan AI hjälpa oss att låta AI sammanfatta …" says it twice.
    """
    if "AI" not in action:
        return index
    for step in range(len(templates)):
        candidate = (index + step) % len(templates)
        if "AI" not in str(templates[candidate]):
            return candidate
    return index


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def _split_compounds(text: str, rng: np.random.Generator) -> str:
    """Write some compounds apart or hyphenated, as people do."""
    parts = text.split("|")
    out = [parts[0]]
    for part in parts[1:]:
        roll = rng.random()
        out.append((" " if roll < 0.25 else "-" if roll < 0.35 else "") + part)
    return "".join(out)


_DROPPED_DIACRITICS = str.maketrans("åäöÅÄÖ", "aaoAAO")


def _typos(text: str, rng: np.random.Generator, count: int) -> str:
    words = text.split(" ")
    long_words = [i for i, word in enumerate(words) if len(word) >= 6 and word.isalpha()]
    for index in rng.permutation(long_words)[:count]:
        word = words[index]
        at = int(rng.integers(1, len(word) - 2))
        kind = rng.integers(4)
        if kind == 0:
            word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        elif kind == 1:
            word = word[:at] + word[at + 1 :]
        elif kind == 2:
            word = word[:at] + word[at] + word[at:]
        else:
            word = word.translate(_DROPPED_DIACRITICS)
        words[index] = word
    return " ".join(words)
