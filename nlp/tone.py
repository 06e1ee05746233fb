"""Clause-level polarity: VADER extended with a review-domain lexicon and phrase rules.

    >>> round(clause_polarity("we waited 40 minutes for a table"), 2) < 0
    True
    >>> split_clauses(["great", "food", "but", "slow", "service"])
    [(0, 2), (2, 5)]
"""

from __future__ import annotations

import math
import re
import re._constants as sre_constants
import re._parser as sre_parse
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
    scalar_inc_dec,
)

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


class PatternSet:
    """Many case-insensitive regular expressions, each split at its top-level "|". An alternative is tried
    only when the text holds the literals every match of it needs (see required_literals): a few substring
    tests rule most of them out, far cheaper than scanning the text with each regex.

        >>> PatternSet([r"\\bcold\\s+soup|\\bno\\s+salt", r"\\bkudos\\b"]).matching("No salt, and cold.")
        [0]
    """

    def __init__(self, patterns: Sequence[str]):
        self.patterns = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
        self.owner: list[int] = []  # alternative -> index of its pattern
        self.parts: list[re.Pattern[str]] = []
        self.rest: list[tuple[tuple[str, ...], ...]] = []  # groups after the first, checked once it is met
        gates: dict[str, list[int]] = {}  # a string of an alternative's first group -> those alternatives
        always = []
        for k, pattern in enumerate(patterns):
            for alternative in top_alternatives(pattern):
                i = len(self.parts)
                needs = required_literals(alternative)
                self.owner.append(k)
                self.parts.append(re.compile(alternative, re.IGNORECASE))
                self.rest.append(needs[1:])
                if not needs:
                    always.append(i)
                for needle in needs[0] if needs else ():
                    gates.setdefault(needle, []).append(i)
        self.gates = tuple((n, tuple(which)) for n, which in sorted(gates.items()))
        self.always = frozenset(always)

    def candidates(self, low: str) -> list[int]:
        """Alternatives (in order) whose literals the lower-cased text holds."""
        opened = set(self.always)
        for needle, which in self.gates:
            if needle in low:
                opened.update(which)
        rest = self.rest
        return [i for i in sorted(opened) if all(any(n in low for n in group) for group in rest[i])]

    def matching(self, text: str) -> list[int]:
        """Indices of the patterns that match somewhere in text, in order."""
        low = prefilter_text(text)
        if low is None:
            return [k for k, p in enumerate(self.patterns) if p.search(text)]
        found: list[int] = []
        for i in self.candidates(low):
            k = self.owner[i]
            if (not found or found[-1] != k) and self.parts[i].search(text):
                found.append(k)
        return found

    def any_match(self, text: str) -> bool:
        """Whether any pattern matches somewhere in text."""
        low = prefilter_text(text)
        if low is None:
            return any(p.search(text) for p in self.patterns)
        return any(self.parts[i].search(text) for i in self.candidates(low))


def top_alternatives(pattern: str) -> list[str]:
    """The pattern's top-level alternatives (outside groups and character classes): it matches somewhere
    exactly when one of them does. The whole pattern when it has global inline flags or back-references
    (their meaning would change in a part) or a part fails."""
    if re.match(r"\(\?[aiLmsux]+\)", pattern) or re.search(r"\\[1-9]|\(\?P=", pattern):
        return [pattern]
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"  # a leading "]" was stepped over when the class opened
        elif c == "[":
            in_class = True
            if pattern[i + 1: i + 2] == "^":
                i += 1
            if pattern[i + 1: i + 2] == "]":  # a leading "]" is a literal
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    try:
        for part in parts:
            re.compile(part)
    except re.error:
        return [pattern]
    return parts


@dataclass(frozen=True)
class PhraseRule:
    pattern: re.Pattern[str]
    valence: float
    why: str


# Literal sets of the pattern pieces, multiplied out up to this many strings before being kept as one group.
MAX_LITERALS = 64
# Non-ASCII characters that Python's case-insensitive matching equates with ASCII letters (i, s, k): a text
# holding one could match a rule's literal without containing it in lower case, so it skips the prefilter.
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Groups of lower-case strings such that every match of the (case-insensitive) pattern contains at
    least one string of each group. Pieces the analysis does not understand add no group, so the answer
    is always safe, at worst empty (then the regex is always tried).

        >>> required_literals(r"\\b(?:hair|bug)\\s+in\\b")
        (('bug', 'hair'), ('in',))
    """
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return ()
    exact, groups = _literals(list(parsed))
    if exact is not None:
        groups.append(exact)
    out = []
    for group in groups:
        kept = _minimal(group)
        # a group that holds a one-letter (or empty) string is met by almost any text: not worth a check
        if kept and min(map(len, kept)) >= 2 and kept not in out:
            out.append(kept)
    out.sort(key=_telling)
    return tuple(out)


def _telling(group: set[str] | tuple[str, ...]) -> tuple[int, int]:
    # long strings are rarely met and few are cheap to look for: such groups are checked first
    return -min(map(len, group)), len(group)


def _minimal(strings: set[str]) -> tuple[str, ...]:
    """The strings that hold no other string of the set: a text holding "waited" also holds "wait"."""
    return tuple(sorted(s for s in strings if not any(o != s and o in s for o in strings)))


def _literals(items: list) -> tuple[set[str] | None, list[set[str]]]:
    """(exact, groups) of a parsed sequence: exact is every string it can match when that set is small
    and known (else None); groups are string sets one of which every match contains."""
    groups: list[set[str]] = []
    running: set[str] | None = {""}  # every string the pieces since the last break can match
    whole = True  # no break yet: running covers the sequence from its start
    for op, av in items:
        exact, inner = _node_literals(op, av)
        groups.extend(inner)
        if exact is not None and running is not None and len(running) * len(exact) <= MAX_LITERALS:
            running = {a + b for a in running for b in exact}
            continue
        whole = False
        if running is not None and "" not in running:
            groups.append(running)
        running = exact
    if whole:
        return running, groups
    if running is not None and "" not in running:
        groups.append(running)
    return None, groups


def _node_literals(op, av) -> tuple[set[str] | None, list[set[str]]]:
    C = sre_constants
    if op is C.LITERAL:
        c = chr(av)
        return ({c.lower()}, []) if c.isascii() else (None, [])
    if op is C.IN:
        chars = [chr(v) for o, v in av if o is C.LITERAL]
        if len(chars) == len(av) and all(c.isascii() for c in chars):
            return {c.lower() for c in chars}, []
        return None, []
    if op is C.AT or op in (C.ASSERT, C.ASSERT_NOT):
        return {""}, []  # zero width: lookarounds only narrow the matches
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None, []
        return _literals(list(sub))
    if op is C.BRANCH:
        exacts, picks = [], []
        for alt in av[1]:
            exact, groups = _literals(list(alt))
            exacts.append(exact)
            # a match of the branch matches one alternative, so it holds one pick of that alternative
            useful = [g for g in ([exact] if exact is not None else groups) if min(map(len, g)) >= 2]
            picks.append(min(useful, key=_telling) if useful else None)
        if all(e is not None for e in exacts) and sum(map(len, exacts)) <= MAX_LITERALS:
            return set().union(*exacts), []
        if all(p is not None for p in picks):
            return None, [set().union(*picks)]
        return None, []
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, sub = av
        exact, groups = _literals(list(sub))
        if lo == 0:
            if hi == 1 and exact is not None:
                return exact | {""}, []
            return None, []
        if lo == hi == 1:
            return exact, groups
        return None, groups + ([exact] if exact is not None and "" not in exact else [])
    return None, []


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
def phrase_set() -> PatternSet:
    """The phrase rules' patterns, for finding which match a text (see fired_rules)."""
    return PatternSet([r.pattern.pattern for r in phrase_rules()])


def prefilter_text(text: str) -> str | None:
    """The text a rule's required literals are looked for in (lower case), or None when the prefilter
    cannot be trusted for it (a character that matches an ASCII letter only case-insensitively)."""
    if not text.isascii() and not FOLDS_TO_ASCII.isdisjoint(text):
        return None
    return text.lower()


_NEGATE = frozenset(NEGATE)
_PUNCTUATION = string.punctuation  # what SentiText strips from each word


class FastVader(SentimentIntensityAnalyzer):
    """VADER with a faster compound score: the same rules and arithmetic as polarity_scores, with each word
    lower-cased once (VADER lower-cases the whole clause again for every lexicon word it checks)."""

    def compound(self, text: str) -> float:
        """Exactly polarity_scores(text)["compound"]."""
        if not text.isascii():  # every emoji VADER knows is a non-ASCII character
            text = self._describe_emojis(text)
        text = text.strip()
        # SentiText's word split, inlined: punctuation stripped unless that leaves two characters or fewer
        words = [s if len(s := w.strip(_PUNCTUATION)) > 2 else w for w in text.split()]
        if not words:
            return 0.0
        low = [w.lower() for w in words]
        lexicon = self.lexicon
        capitals = sum(map(str.isupper, words))
        cap_diff = 0 < len(words) - capitals < len(words)  # allcap_differential
        n = len(words)
        sentiments: list[float] = []
        for i, word in enumerate(low):
            if word in BOOSTER_DICT or (word == "kind" and i < n - 1 and low[i + 1] == "of"):
                sentiments.append(0)
            elif word in lexicon:
                sentiments.append(self._word_valence(words, low, i, cap_diff))
            else:
                sentiments.append(0)
        if "but" in low:
            sentiments = self._but_check(words, sentiments)
        sum_s = float(sum(sentiments))
        punct = self._punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += punct
        elif sum_s < 0:
            sum_s -= punct
        return round(normalize(sum_s), 4)

    def _describe_emojis(self, text: str) -> str:
        # polarity_scores' own emoji replacement, kept character for character
        out, prev_space = [], True
        for ch in text:
            if ch in self.emojis:
                if not prev_space:
                    out.append(" ")
                out.append(self.emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out)

    def _word_valence(self, words: list[str], low: list[str], i: int, cap_diff: bool) -> float:
        """sentiment_valence for a lexicon word, reading the lower-cased words given."""
        lexicon = self.lexicon
        word = low[i]
        valence = lexicon[word]
        if word == "no" and i != len(words) - 1 and low[i + 1] in lexicon:
            valence = 0.0
        if ((i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no")
                or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor"))):
            valence = lexicon[word] * N_SCALAR
        if cap_diff and words[i].isupper():
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(3):
            if i > start_i and low[i - (start_i + 1)] not in lexicon:
                s = scalar_inc_dec(words[i - (start_i + 1)], valence, cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, low, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, low, i)
        if i > 1 and low[i - 1] not in lexicon and low[i - 1] == "least":
            if low[i - 2] != "at" and low[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and low[i - 1] not in lexicon and low[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence


def _negated(word: str) -> bool:
    word = word.lower()  # VADER's negated() lower-cases again
    return word in _NEGATE or "n't" in word


def _negation_check(valence: float, low: list[str], start_i: int, i: int) -> float:
    """VADER's _negation_check over already lower-cased words."""
    if start_i == 0:
        if _negated(low[i - 1]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
            valence = valence * 1.25
        elif low[i - 2] == "without" and low[i - 1] == "doubt":
            pass
        elif _negated(low[i - 2]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if (low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this")
                or (low[i - 1] == "so" or low[i - 1] == "this")):
            valence = valence * 1.25
        elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
            pass
        elif _negated(low[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, low: list[str], i: int) -> float:
    """VADER's _special_idioms_check over already lower-cased words (i >= 3)."""
    onezero = f"{low[i - 1]} {low[i]}"
    twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
    twoone = f"{low[i - 2]} {low[i - 1]}"
    threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
    threetwo = f"{low[i - 3]} {low[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(low) - 1 > i:
        zeroone = f"{low[i]} {low[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(low) - 1 > i + 1:
        zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


@lru_cache(maxsize=1)
def analyzer() -> FastVader:
    """A VADER analyzer whose lexicon includes the review-domain words (built once per process)."""
    sia = FastVader()
    sia.lexicon.update(domain_words())
    return sia


def phrase_valence(text: str, only: tuple[int, ...] | None = None) -> tuple[float, list[str]]:
    """Sum of matching phrase-rule valences and the reasons that fired.

    `only` limits the rules tried to those indices (see fired_rules).
    """
    rules = phrase_rules()
    if only is None:
        hits = [rules[i] for i in phrase_set().matching(text)]
    else:
        hits = [r for r in (rules[i] for i in only) if r.pattern.search(text)]
    return sum(r.valence for r in hits), [r.why for r in hits]


def fired_rules(text: str) -> tuple[int, ...]:
    """Indices of the phrase rules that match somewhere in a text: a review is checked once, its clauses
    then try only these."""
    return tuple(phrase_set().matching(text))


def _raw_from_compound(compound: float) -> float:
    c = max(-0.9999, min(0.9999, compound))
    return c * math.sqrt(ALPHA) / math.sqrt(1.0 - c * c)


def _compound_from_raw(raw: float) -> float:
    return raw / math.sqrt(raw * raw + ALPHA)


LEADING_BUT = re.compile(r"but\b", re.IGNORECASE)
BUT_WEIGHT = 1.5  # VADER's own weight for words after "but"


@lru_cache(maxsize=65536)
def clause_polarity(text: str, rules: tuple[int, ...] | None = None) -> float:
    """Polarity of one clause in [-1, 1]: VADER with domain words, plus domain phrase valences.

    `rules` limits the phrase rules tried (the indices fired_rules found in the whole review).
    """
    text = text.strip()
    if not text:
        return 0.0
    compound = analyzer().compound(text)
    if rules == ():
        return compound
    extra, _ = phrase_valence(text, rules)
    if not extra:
        return compound
    if LEADING_BUT.match(text):
        # VADER weighs every word after "but" by 1.5; a phrase in a clause opening with "but" weighs the same,
        # or "but the service could have been better" nets out to nothing against the boosted "better"
        extra *= BUT_WEIGHT
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
