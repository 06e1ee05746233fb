"""Clause-level polarity: VADER extended with a review-domain lexicon and phrase rules.

    >>> round(clause_polarity("we waited 40 minutes for a table"), 2) < 0
    True
    >>> split_clauses(["great", "food", "but", "slow", "service"])
    [(0, 2), (2, 5)]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"

# Words that turn the sentiment of a sentence: what follows usually carries the writer's verdict.
CONTRAST = frozenset({"but", "however", "although", "though", "yet", "whereas", "except", "nevertheless",
                      "nonetheless", "still", "unfortunately", "sadly", "otherwise", ";"})
# Contrast words whose clause is the main verdict (VADER gives the "but" clause more weight for the same reason).
STRESSED = frozenset({"but", "however", "yet", "unfortunately", "sadly", "nevertheless", "nonetheless", "still"})
# Sub-clause boundaries inside one clause: list items and coordinated predicates.
LIST_BREAKS = frozenset({",", "and", "&", "plus", "also", "while", "-", "/"})

# VADER's normalisation constant: compound = x / sqrt(x^2 + ALPHA)
ALPHA = 15.0
CLEAR = 0.3  # |score| at which a clause or topic counts as clearly praised or faulted
NEGATIVE_WEIGHT = 1.5  # a complaint outweighs the same amount of praise in the overall tone


@dataclass(frozen=True)
class PhraseRule:
    pattern: re.Pattern[str]
    valence: float
    why: str


def _data_lines(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def domain_words() -> dict[str, float]:
    """Review-domain word valences from lexicon/words.tsv."""
    return {w.strip().lower(): float(v) for w, v, *_ in _data_lines(LEXICON_DIR / "words.tsv")}


@lru_cache(maxsize=1)
def phrase_rules() -> tuple[PhraseRule, ...]:
    """Review-domain phrase rules from lexicon/phrases.tsv."""
    return tuple(PhraseRule(re.compile(p, re.IGNORECASE), float(v), why.strip())
                 for p, v, why, *_ in _data_lines(LEXICON_DIR / "phrases.tsv"))


@lru_cache(maxsize=1)
def _combined_phrase_regex() -> re.Pattern[str]:
    # One alternation finds candidate clauses fast; only those are checked rule by rule.
    return re.compile("|".join(f"(?:{r.pattern.pattern})" for r in phrase_rules()), re.IGNORECASE)


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """A VADER analyzer whose lexicon includes the review-domain words (built once per process)."""
    sia = SentimentIntensityAnalyzer()
    sia.lexicon.update(domain_words())
    return sia


def phrase_valence(text: str) -> tuple[float, list[str]]:
    """Sum of matching phrase-rule valences and the reasons that fired."""
    if not _combined_phrase_regex().search(text):
        return 0.0, []
    total, why = 0.0, []
    for rule in phrase_rules():
        if rule.pattern.search(text):
            total += rule.valence
            why.append(rule.why)
    return total, why


def _raw_from_compound(compound: float) -> float:
    c = max(-0.9999, min(0.9999, compound))
    return c * math.sqrt(ALPHA) / math.sqrt(1.0 - c * c)


def _compound_from_raw(raw: float) -> float:
    return raw / math.sqrt(raw * raw + ALPHA)


def has_phrases(text: str) -> bool:
    """Whether any phrase rule could fire in a text: checked once per review, so clauses can skip the rules."""
    return bool(_combined_phrase_regex().search(text))


@lru_cache(maxsize=65536)
def clause_polarity(text: str, phrases: bool = True) -> float:
    """Polarity of one clause in [-1, 1]: VADER with domain words, plus domain phrase valences.

    phrases=False skips the phrase rules (the caller knows none can match).
    """
    text = text.strip()
    if not text:
        return 0.0
    compound = analyzer().polarity_scores(text)["compound"]
    if not phrases:
        return compound
    extra, _ = phrase_valence(text)
    if not extra:
        return compound
    return _compound_from_raw(_raw_from_compound(compound) + extra)


def split_clauses(words: list[str]) -> list[tuple[int, int]]:
    """Split one sentence's words at contrast words: [(start, end)], the contrast word opening its clause."""
    spans, start = [], 0
    for i, w in enumerate(words):
        if i > start and w.lower() in CONTRAST:
            spans.append((start, i))
            start = i
    if start < len(words):
        spans.append((start, len(words)))
    return spans


def split_pieces(words: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """Split a clause at list breaks (commas, "and") into pieces that may each judge one thing."""
    pieces, s = [], start
    for i in range(start, end):
        if i > s and words[i].lower() in LIST_BREAKS:
            pieces.append((s, i))
            s = i + 1 if words[i] in {",", "-", "/", "&"} else i
    if s < end:
        pieces.append((s, end))
    return pieces or [(start, end)]


def combine_scores(scores: list[float], weights: list[float] | None = None) -> float:
    """Overall polarity of several clauses: a weighted mean over the clauses that carry sentiment."""
    weights = weights or [1.0] * len(scores)
    num = den = 0.0
    for s, w in zip(scores, weights, strict=True):
        if abs(s) >= 0.05:
            num += s * w
            den += w
    return num / den if den else 0.0


def polarity_label(score: float) -> str:
    """positive / negative / neutral for a polarity, with VADER's usual +-0.05 dead zone."""
    return "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"


def label_for(score: float, clear_pos: bool, clear_neg: bool) -> str:
    """positive / negative / neutral from a score; mixed when something is clearly praised and something faulted."""
    if clear_pos and clear_neg:
        return "mixed"
    if score >= 0.05:
        return "positive"
    if score <= -0.05:
        return "negative"
    return "neutral"


def rating_prior(rating: float | None) -> float | None:
    """A 1-5 star rating as a polarity in [-1, 1] (3 stars is neutral)."""
    if rating is None:
        return None
    try:
        r = float(rating)
    except (TypeError, ValueError):
        return None
    if not 1 <= r <= 5:
        return None
    return (r - 3.0) / 2.0
