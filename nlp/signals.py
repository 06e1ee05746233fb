"""Suggestions and urgency: which reviews carry an idea, and which need an answer today.

    >>> is_suggestion("It would be great if they added a kids menu.")
    True
    >>> score_urgency(-0.8, 1, "I got food poisoning after dinner")[0] > 0.8
    True
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from nlp.tone import PatternSet

RISK_FILE = Path(__file__).resolve().parent / "lexicon" / "risk.tsv"

# Ways of proposing something, each a regular expression that must start at a word boundary.
SUGGESTION_FORMS = (
    r"it\s+would\s+be\s+(?:great|nice|good|better|helpful|awesome|lovely)\s+if",
    r"(?:they|you|management|the\s+owners?|restaurant)\s+(?:should|could|need\s+to|must|ought\s+to)\s+"
    r"(?:really\s+|definitely\s+|seriously\s+|also\s+)?(?:add|have|offer|consider|improve|work\s+on|train|"
    r"hire|bring|introduce|make|change|fix|provide|look\s+into|keep|start|stop|reduce|increase|update|include)",
    r"(?:i\s+(?:would\s+)?|would\s+)(?:suggest|recommend\s+that|love\s+to\s+see|like\s+to\s+see)",
    r"\bsuggestion\s*(?:is|:|would|for)",
    r"\b(?:please|pls|plz|kindly)\s+(?:add|improve|consider|make|bring|fix|provide|introduce|work\s+on|"
    r"increase|reduce|keep|train|update|change)",
    r"\bwish\s+(?:they|you|there)\s+(?:had|would|was|were|offered|could)",
    r"\broom\s+for\s+improvement",
    r"\bneeds?\s+(?:some\s+)?improvement",
    r"\bscope\s+(?:for|of)\s+improvement",
    r"\bcould\s+(?:use|do\s+with)\s+(?:a|an|more|some|better)",
    r"\bhope\s+(?:they|you)\s+(?:add|improve|bring|consider|fix|work)",
    r"\bif\s+only\s+(?:they|you)",
    r"\bwould\s+be\s+(?:nice|great|better)\s+to\s+(?:have|see|add)",
    # "instead of packing both in one big box, you can use 2 small ones"
    r"instead\s+of\s+[^.!?]{1,60}?\b(?:you|they)\s+(?:can|could|should|may)\s+(?:use|try|give|serve|pack|keep|"
    r"put|add|have|make|offer|send)",
    # "their mocktails and coffee menu should grow now"
    r"(?:menu|options|variety|selection|choices?|range)\s+(?:should|could|needs?\s+to|must)\s+(?:really\s+)?"
    r"(?:grow|expand|be\s+expanded|be\s+extended|be\s+bigger|have\s+more|include)",
)
SUGGESTION = re.compile(r"\b(?:" + "|".join(SUGGESTION_FORMS) + ")", re.IGNORECASE)
# The same, form by form, each tried only when the text holds its words: most texts hold none of them, which
# substring tests tell far faster than the whole regex, which is tried at every position.
_SUGGESTION_SET = PatternSet([rf"\b(?:{form})" for form in SUGGESTION_FORMS])


def is_suggestion(text: str) -> bool:
    """True when the text offers constructive feedback ("it would be great if", "they should add")."""
    return _SUGGESTION_SET.any_match(text)


@lru_cache(maxsize=1)
def risk_rules() -> tuple[tuple[re.Pattern[str], float, str], ...]:
    rules = []
    for line in RISK_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, weight, reason = line.split("\t")[:3]
            rules.append((re.compile(pattern, re.IGNORECASE), float(weight), reason.strip()))
    return tuple(rules)


@lru_cache(maxsize=1)
def _risk_set() -> PatternSet:
    return PatternSet([p.pattern for p, _, _ in risk_rules()])


# A plain negation right before a risk phrase says the thing was not there: "not a cockroach but a moth", "no hair
# in the food", "without any allergy". "Not a single cockroach" is left alone: reviewers write it both ways.
NEGATED_BEFORE = re.compile(r"(?:\bnot\s+(?:a|an|any)|\bno|\bwithout(?:\s+(?:a|an|any))?)\s+$", re.IGNORECASE)
# Reasons whose absence is itself the complaint: "no refund" still asks for the money back.
ABSENCE_IS_THE_COMPLAINT = frozenset({"asks for money back"})


def risk_reasons(text: str) -> list[tuple[float, str]]:
    """Risk phrases in a text: [(weight, reason)]; a phrase counts unless every mention of it is plainly negated."""
    rules = risk_rules()
    # a rule's regex runs only when the text holds the words every match of it needs
    return [rules[k][1:] for k in _risk_set().matching(text) if not _only_negated(rules[k], text)]


def _only_negated(rule: tuple[re.Pattern[str], float, str], text: str) -> bool:
    """True when every match of the rule follows a plain negation ("not a cockroach", "no hair in")."""
    pattern, _, reason = rule
    if reason in ABSENCE_IS_THE_COMPLAINT:
        return False
    return all(NEGATED_BEFORE.search(text, max(0, m.start() - 20), m.start()) for m in pattern.finditer(text))


def _age_days(published_at: str | None, now: datetime | None) -> float | None:
    if not published_at:
        return None
    try:
        when = datetime.fromisoformat(str(published_at).replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, ((now or datetime.now(UTC)) - when).total_seconds() / 86400)


def score_urgency(polarity: float, rating: float | None, text: str = "", *, anger: float = 0.0,
                  risks: list[tuple[float, str]] | None = None, published_at: str | None = None,
                  now: datetime | None = None) -> tuple[float, list[str]]:
    """Urgency in [0, 1] and its reasons: negativity, low rating, anger, risk phrases, then recency.

    Risk phrases dominate (one food-poisoning claim is urgent whatever the tone); old reviews decay
    because an answer months later helps less. Pass `risks` when risk_reasons(text) is already known.
    """
    reasons: list[str] = []
    base = 0.0
    if polarity < -0.05:
        base = max(base, 0.5 * min(1.0, -polarity))
        reasons.append(f"negative tone ({polarity:+.2f})")
    if rating is not None:
        try:
            r = float(rating)
        except (TypeError, ValueError):
            r = 3.0
        if r <= 2:
            base = max(base, 0.45 if r <= 1 else 0.35)
            reasons.append(f"{r:g}-star rating")
    if anger >= 0.5:
        base += 0.15 * anger
        reasons.append("angry or frustrated")
    if risks is None:
        risks = risk_reasons(text)
    if risks:
        top = max(w for w, _ in risks)
        base = max(base, top) + 0.05 * (len(risks) - 1)
        reasons.extend(reason for _, reason in risks)
    age = _age_days(published_at, now)
    if age is not None and age > 30 and base > 0:
        # Halve the urgency for every further 90 days: stale complaints still matter, but less.
        base *= 0.5 ** ((age - 30) / 90)
        reasons.append(f"written {int(age)} days ago")
    return round(min(1.0, max(0.0, base)), 3), reasons
