"""spaCy components: topic tagging and clause-level sentiment, thin adapters over pure functions.

    >>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")
    >>> nlp.add_pipe("reviewcare_topics", config={"profile": "restaurant"}); nlp.add_pipe("reviewcare_sentiment")
    >>> nlp("Great pasta but the waiter was rude.")._.rc_topics[0]["label"]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.profiles import Profile, load_profile, match_topics
from nlp.tone import CLEAR, STRESSED, clause_polarity, combine_scores, split_clauses, split_pieces

# Registered once per process; a second import (or a second pipeline) must not re-register.
for _name, _default in (("rc_topics", None), ("rc_clauses", None), ("rc_polarity", 0.0),
                        ("rc_clear", (False, False))):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Span.has_extension("rc_polarity"):
    Span.set_extension("rc_polarity", getter=lambda span: clause_polarity(span.text))


def token_keys(doc: Doc, profile: Profile) -> list[str]:
    """Lower-case lemmas for pattern matching, falling back to the word (and its singular) without a lemmatizer."""
    index = profile.index
    keys = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        lower = tok.lower_
        if lemma and lemma in index:
            keys.append(lemma)
        elif lower in index:
            keys.append(lower)
        elif lower.endswith("s") and lower[:-1] in index:
            keys.append(lower[:-1])
        else:
            keys.append(lemma or lower)
    return keys


class TopicTagger:
    """Finds topic mentions from a profile's lemma patterns; sets doc._.rc_topics to a list of dicts."""

    def __init__(self, nlp: Language, name: str, profile: str):
        self.name = name
        self.profile = load_profile(profile)

    def __call__(self, doc: Doc) -> Doc:
        keys = token_keys(doc, self.profile)
        doc._.rc_topics = [
            {"topic": t.name, "category": t.category, "start": s, "end": e}
            for t, s, e in match_topics(keys, self.profile)
        ]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def score_doc(doc: Doc) -> None:
    """Score each clause, give each topic mention the polarity of its own clause piece, and the doc overall."""
    mentions = doc._.rc_topics or []
    by_token: dict[int, dict] = {m["start"]: m for m in mentions}
    clauses, weights = [], []
    clear_pos = clear_neg = False
    for sent in doc.sents:
        words = [t.text for t in sent]
        base = sent.start
        for cs, ce in split_clauses(words):
            span = doc[base + cs: base + ce]
            score = clause_polarity(span.text)
            stressed = words[cs].lower() in STRESSED
            clauses.append((span.start, span.end, score))
            weights.append(1.5 if stressed else 1.0)
            clear_pos |= score >= CLEAR
            clear_neg |= score <= -CLEAR
            inside = [by_token[i] for i in range(span.start, span.end) if i in by_token]
            if not inside:
                continue
            if len({m["topic"] for m in inside}) < 2:
                for m in inside:
                    m["sentiment"], m["evidence"] = score, span.text
                continue
            _score_pieces(doc, words, base, cs, ce, inside, score, span.text)
    doc._.rc_clauses = clauses
    doc._.rc_polarity = combine_scores([c[2] for c in clauses], weights)
    doc._.rc_clear = (clear_pos, clear_neg)


def _score_pieces(doc: Doc, words: list[str], base: int, cs: int, ce: int, inside: list[dict],
                  clause_score: float, clause_text: str) -> None:
    """Several topics in one clause: each owns its piece and the topic-free pieces after it."""
    pieces = split_pieces(words, cs, ce)
    owner: list[str | None] = []
    for ps, pe in pieces:
        topics = [m["topic"] for m in inside if base + ps <= m["start"] < base + pe]
        owner.append(topics[0] if topics else None)
    for m in inside:
        idx = next(i for i, (ps, pe) in enumerate(pieces) if base + ps <= m["start"] < base + pe)
        end = idx + 1
        while end < len(pieces) and owner[end] in (None, m["topic"]):
            end += 1
        start = idx
        while start > 0 and owner[start - 1] is None:
            start -= 1
        own = doc[base + pieces[idx][0]: base + pieces[end - 1][1]]
        score = clause_polarity(own.text)
        if abs(score) < 0.05 and start < idx:
            own = doc[base + pieces[start][0]: base + pieces[end - 1][1]]
            score = clause_polarity(own.text)
        if abs(score) < 0.05:
            m["sentiment"], m["evidence"] = clause_score, clause_text
        else:
            m["sentiment"], m["evidence"] = score, own.text


class SentimentScorer:
    """Clause-level polarity for the doc and every topic mention (needs sentence boundaries)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        score_doc(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("reviewcare_topics", default_config={"profile": "restaurant"})
def make_topic_tagger(nlp: Language, name: str, profile: str) -> TopicTagger:
    return TopicTagger(nlp, name, profile)


@Language.factory("reviewcare_sentiment", default_config={})
def make_sentiment_scorer(nlp: Language, name: str) -> SentimentScorer:
    return SentimentScorer(nlp, name)
