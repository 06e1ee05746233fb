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
    # lower-case strings one of which must occur in a text for the rule to match (empty: always try)
    needles: tuple[str, ...] = ()


def _split_top(pattern: str) -> list[str]:
    """Split a regular expression at its top-level "|"."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _leading_literals(pattern: str, bounded: bool = False) -> list[str] | None:
    """Literal prefixes that any match of the pattern must contain, or None when there is none to rely on.

    A literal that must start at a word boundary (after "\\b") is returned with a leading space: it is then
    looked for in `needle_text`, where every non-word character is a space.
    """
    out: list[str] = []
    for alt in _split_top(pattern):
        alt_bounded = bounded or alt.startswith("\\b")
        alt = alt.removeprefix("\\b")
        if alt.startswith("(?:"):
            depth, j = 0, 0
            while j < len(alt):
                depth += alt[j] == "("
                depth -= alt[j] == ")"
                if depth == 0:
                    break
                j += 1
            if alt[j + 1: j + 2] in ("?", "*"):
                return None
            inner = _leading_literals(alt[3:j], alt_bounded)
            if inner is None:
                return None
            out.extend(inner)
            continue
        m = re.match(r"[a-z0-9' ]+", alt)
        if not m or len(m.group(0).strip()) < 2:
            return None
        literal = m.group(0)
        if alt[m.end(): m.end() + 1] in ("?", "*", "{"):
            literal = literal[:-1]  # the last character is optional
        if len(literal.strip()) < 2:
            return None
        out.append(" " + literal if alt_bounded and literal[0] != " " else literal)
    return out


_NON_WORD = re.compile(r"[^a-z0-9_]+")


def needle_text(text: str) -> str:
    """The lower-cased text with every run of non-word characters made one space, led by a space: a rule's
    literal that must start a word occurs here after a space whenever the rule can match (a superset test)."""
    return " " + _NON_WORD.sub(" ", text.lower())


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
    return tuple(PhraseRule(re.compile(p, re.IGNORECASE), float(v), why.strip(), tuple(_leading_literals(p) or ()))
                 for p, v, why, *_ in _data_lines(LEXICON_DIR / "phrases.tsv"))


def _candidate_rules(text: str) -> list[PhraseRule]:
    # A substring test per rule is far cheaper than a regular-expression scan: only rules whose
    # leading words occur in the text are tried.
    low = needle_text(text)
    return [r for r in phrase_rules() if not r.needles or any(n in low for n in r.needles)]


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """A VADER analyzer whose lexicon includes the review-domain words (built once per process)."""
    sia = SentimentIntensityAnalyzer()
    sia.lexicon.update(domain_words())
    return sia


def phrase_valence(text: str, only: tuple[int, ...] | None = None) -> tuple[float, list[str]]:
    """Sum of matching phrase-rule valences and the reasons that fired.

    `only` limits the rules tried to those indices (see fired_rules).
    """
    rules = _candidate_rules(text) if only is None else [phrase_rules()[i] for i in only]
    hits = [r for r in rules if r.pattern.search(text)]
    return sum(r.valence for r in hits), [r.why for r in hits]


def fired_rules(text: str) -> tuple[int, ...]:
    """Indices of the phrase rules that match somewhere in a text: a review is checked once, its clauses
    then try only these."""
    low = needle_text(text)
    return tuple(i for i, r in enumerate(phrase_rules())
                 if (not r.needles or any(n in low for n in r.needles)) and r.pattern.search(text))


def _raw_from_compound(compound: float) -> float:
    c = max(-0.9999, min(0.9999, compound))
    return c * math.sqrt(ALPHA) / math.sqrt(1.0 - c * c)


def _compound_from_raw(raw: float) -> float:
    return raw / math.sqrt(raw * raw + ALPHA)


@lru_cache(maxsize=65536)
def clause_polarity(text: str, rules: tuple[int, ...] | None = None) -> float:
    """Polarity of one clause in [-1, 1]: VADER with domain words, plus domain phrase valences.

    `rules` limits the phrase rules tried (the indices fired_rules found in the whole review).
    """
    text = text.strip()
    if not text:
        return 0.0
    compound = analyzer().polarity_scores(text)["compound"]
    if rules == ():
        return compound
    extra, _ = phrase_valence(text, rules)
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
