"""A second reading of a finished draft, by simpler means than the composer's, so that the two disagree where
the composer went wrong.

The composer picks what to answer by its own rules; when those rules misread a review, its own checks agree
with it and pass the draft. These checks look at the review afresh (plain VADER, shared content words, the
spelling list) and flag a draft an owner should read closely before approving:

- `no_fault_invented`: a four- or five-star review with no faulting clause gets no apology or fault language.
- `worst_complaint_named`: on a one- or two-star review, the reply shares a content word with the sentence of
  the faulting clause that VADER reads most negative (the complaint the reviewer felt most, not a side point).
- `praise_is_grounded`: what the reply praises ("glad the pizza won you over") is not something the review only
  faulted or called middling ("the pizza was average").
- `no_gushing`: a three-star-or-lower or lukewarm review gets no "made our day" delight.
- `words_spelled_right`: no word of the reply is a near-miss of an English word ("choclate"), which happens
  when a reviewer's typo is echoed back.

    >>> second_reading("Hi Dana, so sorry the soup fell short.\\n\\nAsha", {"text": "Loved it all!", "rating": 5})
    ... # doctest: +NORMALIZE_WHITESPACE
    {'no_fault_invented': False, 'worst_complaint_named': True, 'praise_is_grounded': True, 'no_gushing': True,
     'words_spelled_right': True}
"""

from __future__ import annotations

import re

from nlp.draft import _vader, clause_polarity, misspelt, opinion_valence, review_clauses, sour_word_in_praise

# Apology, ownership and shortfall wording: what a reply says when it answers a fault.
FAULT_LANGUAGE_RE = re.compile(
    r"\b(?:sorry|apologi[sz]e\w*|apolog(?:y|ies)|fell short|falls? short|let you down|(?:is|that's|it's) on us|"
    r"(?:i|we) own (?:it|that|this)|(?:didn't|did not) match|not good enough|should have|missed the mark|"
    r"(?:isn't|is not|wasn't|was not) acceptable|got (?:it |that )?wrong|went wrong|short of|took the shine|"
    r"the part that|what could improve|ours to put right|put (?:it|that) right|our responsibility)\b", re.I)
# Words of a reply that celebrate what it names ("glad the biryani won you over").
PRAISE_RE = re.compile(
    r"\b(?:glad|great to hear|good to hear|happy|thank(?:s| you) for (?:the )?(?:kind|generous|lovely|warm)|"
    r"won you over|hit the (?:mark|spot)|enjoyed|loved|made (?:a good|an) impression|noticing|high praise|"
    r"delighted|thrilled)\b", re.I)
# A sentence that also answers a fault is not plain praise ("glad you came, and sorry the naan was cold").
PRAISE_WITH_FAULT_RE = re.compile(r"\b(?:sorry|but|and for|honest|note|fell short|improve)\b", re.I)
# Middling words: what a reviewer calls one of these was not praised.
LUKEWARM_RE = re.compile(
    r"\b(?:average|okay|ok|okayish|just (?:fine|ok|okay|good|decent)|decent|so-so|mediocre|"
    r"not (?:up to|that|so|very|great|good|bad|the best)|nothing (?:great|special|much|extraordinary|fancy)|"
    r"could (?:have )?be(?:en)? better|alright|fine|normal|not bad)\b", re.I)
# The composer's delighted sentences: right for a rave, wrong for a middling review.
GUSH_RE = re.compile(r"\bmade (?:our|my) day\b|\bsmile on\b|\btalking about (?:it )?for a while\b|"
                     r"\bexactly the experience\b|\bmade ours\b|\bover the moon\b|\bmusic to our ears\b", re.I)
STOP_WORDS = frozenset("""this that with there their they them then than have from were what when which would could
should about after before really very just also only even more most much some such your yours ours the and but
for not our you are had has its it's i'm we're didn't wasn't don't been being into over here came went got quite
usually write review reviews still though while made make felt feel know think""".split())


def _content_words(text: str) -> list[str]:
    """Lower-case words of four letters or more, stop words left out."""
    return [w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in STOP_WORDS]


def content_stems(text: str) -> set[str]:
    """Four-letter stems of the words of four letters or more that carry content, and the numbers ("waited 35
    mins" and "the 35-minute wait" meet at "wait" and "35"): near enough for a check that only asks whether the
    reply touched the clause at all."""
    return {w[:4] for w in _content_words(text)} | set(re.findall(r"\d{2,}", text.lower()))


def reply_body(reply: str) -> str:
    """The reply without its sign-off paragraph."""
    return reply.rsplit("\n\n", 1)[0] if "\n\n" in reply else reply


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def faulting_clauses(text: str) -> list[tuple[str, str]]:
    """(clause, its sentence stretch) for every clause of the review that faults something."""
    return [(clause, stretch) for clause, stretch in review_clauses(text)
            if clause_polarity(clause) < 0 and not sour_word_in_praise(clause, stretch)]


# Words that name no thing the business could fix: "Had the worst experience today. Never again."
VERDICT_WORDS = frozenset("experience time times place visit today again restaurant ever life".split())


def thing_stems(text: str) -> set[str]:
    """Content stems of the words that name something, not judge it: opinion words (VADER's lexicon, |v| >= 1:
    "furious", "worst", "pathetic") and bare verdict words are left out."""
    valence = opinion_valence()
    return {w[:4] for w in _content_words(text) if w not in VERDICT_WORDS and abs(valence.get(w, 0.0)) < 1.0}


def worst_clauses(clauses: list[tuple[str, str]], k: int = 1) -> list[tuple[str, str]]:
    """The k (clause, stretch) pairs whose clause plain VADER reads most negative, among those whose sentence
    names something (a bare verdict like "Waste of time." has nothing for a reply to name)."""
    vader = _vader()
    naming = [c for c in clauses if thing_stems(c[1])]
    return sorted(naming, key=lambda c: vader.polarity_scores(c[0])["compound"])[:k]


def unnamed_worst(text: str, named: str) -> tuple[str, str] | None:
    """The (clause, sentence) of the review's worst named complaint when `named` (what a reply names) does not
    touch it; None when it does or there is none."""
    worst = worst_clauses(faulting_clauses(text))
    if not worst:
        return None
    clause, stretch = worst[0]
    return None if content_stems(stretch) & content_stems(named) else (clause, stretch)


def second_reading(reply: str, row: dict) -> dict[str, bool]:
    """The three second-opinion checks of a drafted reply to `row` (its "text" and "rating")."""
    text = " ".join(p for p in (row.get("title") or "", row.get("text") or "") if p).strip()
    try:
        rating = float(row.get("rating"))
    except (TypeError, ValueError):
        rating = None
    body = reply_body(reply)
    faulting = faulting_clauses(text) if text else []
    invented = rating is not None and rating >= 4 and not faulting and bool(FAULT_LANGUAGE_RE.search(body))
    named = True
    if rating is not None and rating <= 2 and faulting:
        said, plain = content_stems(body), _plain(body)
        # a clause is answered when the reply shares a content word with it or quotes it whole ("very bad")
        # the stretch, not the bare clause: "..., which was humiliating" is about the subject before the comma
        worst = worst_clauses(faulting)
        named = not worst or any(content_stems(stretch) & said or _plain(clause) in plain for clause, stretch in worst)
    return {"no_fault_invented": not invented, "worst_complaint_named": named,
            "praise_is_grounded": not misplaced_praise(body, text), "no_gushing": not gushing(body, text, rating),
            "words_spelled_right": not _echoed_typo(body)}


def misplaced_praise(body: str, text: str) -> set[str]:
    """Stems of things the reply celebrates that the review only faulted or called middling."""
    faulted, praised = set(), set()
    for clause, _ in review_clauses(text):
        polarity, stems = clause_polarity(clause), content_stems(clause)
        if polarity < 0 or LUKEWARM_RE.search(clause):
            faulted |= stems
        elif polarity > 0:
            praised |= stems
    celebrated: set[str] = set()
    for sentence in re.split(r"(?<=[.!?])\s+|[,;]|\bbut\b", body):
        if PRAISE_RE.search(sentence) and not PRAISE_WITH_FAULT_RE.search(sentence):
            # the thing after "the", or after "the <word>" ("the chicken biryani")
            low = sentence.lower()
            celebrated |= {w[:4] for w in re.findall(r"\bthe ([a-z]{4,})", low)}
            celebrated |= {w[:4] for w in re.findall(r"\bthe [a-z]+ ([a-z]{4,})", low)}
    return {w for w in celebrated if w in faulted and w not in praised}


def gushing(body: str, text: str, rating: float | None) -> bool:
    middling = (rating is not None and rating <= 3) or bool(LUKEWARM_RE.search(text))
    return middling and bool(GUSH_RE.search(body))


def _echoed_typo(body: str) -> bool:
    # names and dishes start with a capital and are the reviewer's own spelling: only lower-case words judged
    return any(misspelt(w) for w in re.findall(r"\b[a-z]{5,}\b", body))
