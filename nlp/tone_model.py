"""A trained overall-tone model stacked on the lexicon: ridge regression over words and the lexicon's scores.

Weights are trained by `python -m nlp.train.train_tone` on human-rated movie and editorial snippets (VADER's
ground truth), Amazon Alexa reviews and half of the zomato restaurants (stars as weak labels), and shipped as
a TSV of (feature, weight). The lexicon's clause scores are features, so the model learns how far to trust
them and corrects them with the words the lexicon does not know ("bland", "overpriced", "would not return").

    >>> model = load_tone_model("tone_model.tsv")
    >>> model.score(tone_features("The soup was cold and bland", [-0.4])) < 0
    True
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[!?]|[.,;:]")
# Words that flip what follows until the next punctuation mark (or NEGATION_SPAN words).
NEGATORS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "nor", "neither", "hardly", "without",
                      "cannot", "cant", "dont", "didnt", "wasnt", "isnt", "wont", "wouldnt", "couldnt", "doesnt",
                      "arent", "werent", "havent", "hasnt", "shouldnt", "barely"})
NEGATION_SPAN = 4
STOP_SCOPE = frozenset({".", ",", ";", ":", "!", "?", "but", "however", "although", "though", "yet"})
ALPHA = 15.0  # VADER's normalisation constant


def held_out_business(name: str) -> bool:
    """The fixed half of businesses (by name) whose star-rated reviews are kept for evaluation, never trained on."""
    return zlib.crc32(name.strip().lower().encode("utf-8")) % 2 == 0


def marked_words(text: str) -> list[str]:
    """Lower-case words with punctuation dropped; words in a negation's scope get a "not_" prefix."""
    return list(marked_tuple(text))


@lru_cache(maxsize=8192)
def marked_tuple(text: str) -> tuple[str, ...]:
    """marked_words, cached: one review's sentence and clause texts are read by the tone and polarity models."""
    out: list[str] = []
    scope = 0
    for w in WORD.findall(text.lower()):
        if w in STOP_SCOPE:
            scope = 0
            if w in {"!", "?"}:
                out.append(w)
            continue
        if w in NEGATORS or w.endswith("n't"):
            out.append(w)
            scope = NEGATION_SPAN
            continue
        out.append(f"not_{w}" if scope else w)
        scope = max(0, scope - 1)
    return tuple(out)


def _compound(raw: float) -> float:
    return raw / math.sqrt(raw * raw + ALPHA)


def _raw(compound: float) -> float:
    c = max(-0.9999, min(0.9999, compound))
    return c * math.sqrt(ALPHA) / math.sqrt(1.0 - c * c)


def tone_features(text: str, clause_scores: Sequence[float], lexicon_score: float | None = None) -> dict[str, float]:
    """Features of one text: L2-normalised words and word pairs, plus the lexicon's scores as numbers.

    `clause_scores` are the lexicon's clause polarities; `lexicon_score` their weighted combination
    (the mean of the clauses that carry sentiment when not given).
    """
    words = marked_words(text)
    terms = set(words)
    terms.update(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    norm = 1.0 / math.sqrt(len(terms)) if terms else 0.0
    feats = dict.fromkeys(terms, norm)
    feats.update(_numeric_features(words, clause_scores, lexicon_score))
    return feats


def _numeric_features(words: Sequence[str], clause_scores: Sequence[float],
                      lexicon_score: float | None) -> dict[str, float]:
    """The lexicon's scores (and exclamations) as numeric features."""
    voiced = [s for s in clause_scores if abs(s) >= 0.05]
    if lexicon_score is None:
        lexicon_score = sum(voiced) / len(voiced) if voiced else 0.0
    summed = _compound(sum(_raw(s) for s in clause_scores)) if clause_scores else 0.0
    n = len(clause_scores)
    return {
        "__bias__": 1.0, "__lex": lexicon_score, "__sum": summed,
        "__min": min(clause_scores, default=0.0), "__max": max(clause_scores, default=0.0),
        "__neg_share": sum(s <= -0.05 for s in clause_scores) / n if n else 0.0,
        "__pos_share": sum(s >= 0.05 for s in clause_scores) / n if n else 0.0,
        # complaints and praise need not weigh the same: separate slopes for each side
        "__lex_neg": min(lexicon_score, 0.0), "__sum_neg": min(summed, 0.0),
        "__exclaim": min(words.count("!"), 3) / 3,
    }


@dataclass
class ToneModel:
    weights: dict[str, float]

    def raw(self, features: dict[str, float]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) * v for f, v in features.items())

    def score(self, features: dict[str, float]) -> float:
        """Predicted tone in [-1, 1]."""
        return max(-1.0, min(1.0, self.raw(features)))

    def score_text(self, text: str, clause_scores: Sequence[float], lexicon_score: float | None = None) -> float:
        """score(tone_features(...)) without building the feature dict: the word terms share one value, so
        their weights are summed once and scaled (this runs for every review and every aspect)."""
        words = marked_tuple(text)
        total = self._word_part(text, words)
        numeric = _numeric_features(words, clause_scores, lexicon_score)
        total += sum(self.weights.get(f, 0.0) * v for f, v in numeric.items())
        return max(-1.0, min(1.0, total))


    def _word_part(self, text: str, words: tuple[str, ...]) -> float:
        """The words' share of the score, cached per text (a sentence is often also its own clause)."""
        cache = self.__dict__.setdefault("_cache", {})
        if text not in cache:
            if len(cache) > 8192:
                cache.clear()
            terms = set(words)
            terms.update(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
            w = self.weights
            # fsum: exactly rounded in any order (a set's order changes with the hash seed; a plain sum's last
            # bit would change with it)
            cache[text] = math.fsum(map(w.get, terms & w.keys())) / math.sqrt(len(terms)) if terms else 0.0
        return cache[text]


def save_tone_model(model: ToneModel, path: Path, comment: str = "") -> None:
    lines = ["# Tone model trained by nlp/train/train_tone.py; do not edit by hand.",
             *(f"# {c}" for c in comment.splitlines() if c), "feature\tweight"]
    lines.extend(f"{f}\t{v:.5f}" for f, v in sorted(model.weights.items()))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load_tone_model(name: str) -> ToneModel:
    """Load a shipped tone model from nlp/lexicon/ by file name."""
    weights: dict[str, float] = {}
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()[1:]:
        if not line or line.startswith("#") or line.startswith("feature\t"):
            continue
        feat, value = line.split("\t")
        weights[feat] = float(value)
    return ToneModel(weights)
