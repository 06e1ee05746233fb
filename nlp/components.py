"""spaCy components: topic tagging and clause-level sentiment, thin adapters over pure functions.

    >>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")
    >>> nlp.add_pipe("reviewcare_topics", config={"profile": "hotel"}); nlp.add_pipe("reviewcare_sentiment")
    >>> [(m["category"], m["sentiment"] > 0) for m in nlp("Lovely room but rude staff.")._.rc_topics]
    [('room', True), ('service', False), ('service', False)]

Doc extensions: rc_topics (mentions: topic, category, start, end, sentiment, evidence), rc_clauses
((start, end, polarity)), rc_polarity (overall), rc_clear ((clearly praised?, clearly faulted?)), rc_care
(emotions, staff, suggestion, risks). Span extension: rc_polarity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.aspects import VOICED, AspectModel, load_aspect_model, polarity_features, polarity_score, sentence_features
from nlp.emotions import detect_emotions
from nlp.profiles import Profile, load_profile, match_topics
from nlp.signals import is_suggestion, risk_reasons
from nlp.staff import WAIT_FORMS, find_staff, serving_wait
from nlp.tone import (
    CLEAR,
    NEGATIVE_WEIGHT,
    STRESSED,
    clause_polarity,
    combine_scores,
    fired_rules,
    phrase_set,
    polarity_label,
    split_clauses,
    split_pieces,
)
from nlp.tone_model import ToneModel, load_tone_model

# Registered once per process; a second import (or a second pipeline) must not re-register.
for _name, _default in (("rc_topics", None), ("rc_keys", None), ("rc_clauses", None), ("rc_polarity", 0.0),
                        ("rc_clear", (False, False)), ("rc_care", None), ("rc_words", None),
                        ("rc_text", None), ("rc_lexicon", 0.0), ("rc_offsets", None), ("rc_sentences", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Span.has_extension("rc_polarity"):
    Span.set_extension("rc_polarity", getter=lambda span: clause_polarity(span.text))


def match_key(lower: str, lemma: str, index: dict) -> str:
    """The form of a word to match patterns with: its lemma, the word, or a light singular, whichever is known."""
    if lemma and lemma in index:
        return lemma
    if lower in index:
        return lower
    if len(lower) > 3 and lower[-1] == "s":
        for stem in (lower[:-3] + "y" if lower.endswith("ies") else "", lower[:-2], lower[:-1]):
            if stem and stem in index:
                return stem
    return lemma or lower


def token_texts(doc: Doc, text: str) -> list[str]:
    """Every token's text, sliced from the doc's text by offset (creating a Token per word costs far more)."""
    return token_texts_offsets(doc, text)[0]


def token_texts_offsets(doc: Doc, text: str) -> tuple[list[str], list[int]]:
    """Every token's text (as token_texts) and its character offset, from one array."""
    if not len(doc):
        return [], []
    spans = doc.to_array([IDX, LENGTH]).tolist()
    return [text[i: i + n] for i, n in spans], [i for i, _ in spans]


def token_keys(doc: Doc, profile: Profile, words: list[str] | None = None,
               known: dict[str, str] | None = None) -> list[str]:
    """Lower-case keys for pattern matching: lemmas when a lemmatizer ran, else the words lightly singularised.

    `known` caches word -> key for the profile across docs (without lemmas a key depends on the word alone).
    """
    index = profile.index
    if not doc.has_annotation("LEMMA"):
        words = words if words is not None else [t.text for t in doc]
        if known is None:
            return [match_key(w.lower(), "", index) for w in words]
        keys = []
        for w in words:
            key = known.get(w)
            if key is None:
                if len(known) >= KNOWN_WORDS:
                    known.clear()
                key = known[w] = match_key(w.lower(), "", index)
            keys.append(key)
        return keys
    return [match_key(t.lower_, t.lemma_.lower(), index) for t in doc]


# Words whose pattern key the topic tagger remembers (a bound, so a long-running process stays small).
KNOWN_WORDS = 200_000


def retag_serving_waits(lower: list[str], mentions: list[dict], profile: Profile) -> list[dict]:
    """Mentions with every "wait" that means serving ("Soumen waited our table", "the lady who waited on us") told
    as what "served" is in the profile, not as a wait: nobody was kept waiting."""
    served = next((topic for key in ("served", "serve") for words, topic in profile.index.get(key, ())
                   if words == (key,)), None)
    for i in range(len(lower)):
        end = serving_wait(lower, i)
        if end is None:
            continue
        mentions = [m for m in mentions if not i <= m["start"] < end]
        if served is not None:
            mentions.append({"topic": served.name, "category": served.category, "start": i, "end": end})
    return sorted(mentions, key=lambda m: m["start"])


class TopicTagger:
    """Finds topic mentions from a profile's lemma patterns; sets doc._.rc_topics to a list of dicts."""

    def __init__(self, nlp: Language, name: str, profile: str):
        self.name = name
        self.profile = load_profile(profile)
        self.model = load_aspect_model(self.profile.aspect_model) if self.profile.aspect_model else None
        # the topic that stands for a category the model finds without any pattern hit
        self.default_topic = {}
        for topic in self.profile.topics:
            self.default_topic.setdefault(topic.category, topic.name)
        self.known: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        ext = doc._  # each doc._ builds a new accessor: read it once
        # analyze_rows hands the review text over with the doc: doc.text would rebuild it token by token
        text = ext.rc_text if ext.rc_text is not None else doc.text
        words, offsets = token_texts_offsets(doc, text)
        keys = token_keys(doc, self.profile, words, self.known)
        ext.rc_words = words
        ext.rc_offsets = offsets
        ext.rc_sentences = sentence_bounds(doc)
        ext.rc_text = text
        ext.rc_keys = keys
        mentions = [
            {"topic": t.name, "category": t.category, "start": s, "end": e}
            for t, s, e in match_topics(keys, self.profile)
        ]
        if not WAIT_FORMS.isdisjoint(map(str.lower, words)):
            mentions = retag_serving_waits([w.lower() for w in words], mentions, self.profile)
        if self.model is not None and mentions is not None:
            mentions = self._confirm(doc, mentions)
        ext.rc_topics = mentions
        return doc

    def _confirm(self, doc: Doc, mentions: list[dict]) -> list[dict]:
        """Per sentence, keep pattern hits the model confirms and add categories it finds implicitly."""
        model = self.model
        ext = doc._
        text, words, offsets = ext.rc_text, ext.rc_words, ext.rc_offsets

        def span(s: int, e: int) -> str:
            return text[offsets[s]: offsets[e - 1] + len(words[e - 1])]

        kept: list[dict] = []
        for start, end in ext.rc_sentences:
            inside = [m for m in mentions if start <= m["start"] < end]
            found = {m["category"] for m in inside}
            # a pattern hit (even a dish name) is kept only when the model confirms it, at a lower threshold
            cats = model.categories(sentence_features(span(start, end), found | {m["topic"] for m in inside}), found)
            unconfirmed = {m["category"] for m in inside} & set(model.labels) - cats
            if unconfirmed:
                cats |= self._confirm_in_clauses(words, start, end, inside, unconfirmed, span)
            kept.extend(m for m in inside if m["category"] not in model.labels or m["category"] in cats)
            for cat in sorted(cats - found):
                if cat in self.default_topic:
                    kept.append({"topic": self.default_topic[cat], "category": cat, "start": start, "end": end,
                                 "implicit": True})
        kept.sort(key=lambda m: m["start"])
        return kept

    def _confirm_in_clauses(self, words: list[str], start: int, end: int, inside: list[dict],
                            unconfirmed: set[str], span: Callable[[int, int], str]) -> set[str]:
        """Categories named in a clause of a longer sentence that the model confirms from that clause alone.

        The sentence-wide model reads every word, so "we waited 40 minutes" in one clause drowns the risotto
        praised in another: a pattern hit is also judged on its own clause.
        """
        out: set[str] = set()
        clauses = split_clauses(words[start:end])
        if len(clauses) < 2:
            return out
        for cs, ce in clauses:
            ms = [m for m in inside if start + cs <= m["start"] < start + ce]
            found = {m["category"] for m in ms}
            if not found & unconfirmed:
                continue
            feats = sentence_features(span(start + cs, start + ce), found | {m["topic"] for m in ms})
            out |= self.model.categories(feats, found) & found & unconfirmed
        return out

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class DocText:
    """Token texts and offsets of a doc read once, so clause texts are cheap slices of doc.text."""

    __slots__ = ("text", "words", "offsets", "sentences", "phrases")

    def __init__(self, doc: Doc):
        ext = doc._
        # doc.text joins every token: read it once per doc (the topic tagger keeps it)
        self.text = ext.rc_text if ext.rc_text is not None else doc.text
        self.words = ext.rc_words if ext.rc_words is not None else [t.text for t in doc]
        self.offsets = ext.rc_offsets if ext.rc_offsets is not None else doc_offsets(doc)
        self.sentences = ext.rc_sentences if ext.rc_sentences is not None else sentence_bounds(doc)
        self.phrases = fired_rules(self.text)

    def span(self, start: int, end: int) -> str:
        return self.text[self.offsets[start]: self.offsets[end - 1] + len(self.words[end - 1])]


def doc_offsets(doc: Doc) -> list[int]:
    """Every token's character offset."""
    return doc.to_array([IDX]).tolist() if len(doc) else []


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """[(start, end)] of each sentence, read from one array (iterating doc.sents builds costly Spans)."""
    n = len(doc)
    if not n:
        return []
    if not doc.has_annotation("SENT_START"):
        return [(0, n)]
    starts = [i for i, v in enumerate(doc.to_array([SENT_START]).tolist()) if v == 1 or i == 0]
    return list(zip(starts, starts[1:] + [n], strict=True))


def score_doc(doc: Doc) -> None:
    """Score each clause, give each topic mention the polarity of its own clause piece, and the doc overall."""
    ext = doc._
    mentions = ext.rc_topics or []
    by_token: dict[int, dict] = {m["start"]: m for m in mentions if not m.get("implicit")}
    dt = DocText(doc)
    words = dt.words
    clauses, weights = [], []
    clear_pos = clear_neg = False
    for base, send in dt.sentences:
        for cs, ce in split_clauses(words[base:send]):
            start, end = base + cs, base + ce
            text = dt.span(start, end)
            score = clause_polarity(text, dt.phrases)
            clauses.append((start, end, score))
            # the "but" clause carries the verdict; complaints weigh more than praise (negativity bias)
            stress = 1.5 if words[start].lower() in STRESSED else 1.0
            weights.append(stress * (NEGATIVE_WEIGHT if score < 0 else 1.0))
            clear_pos |= score >= CLEAR
            clear_neg |= score <= -CLEAR
            inside = [by_token[i] for i in range(start, end) if i in by_token]
            if not inside:
                continue
            if len({m["topic"] for m in inside}) < 2:
                for m in inside:
                    m["sentiment"], m["evidence"] = score, text
            else:
                _score_pieces(dt, start, end, inside, score, text)
            if len(parts := concessive_parts(words, start, end)) > 1:
                _score_concessive(dt, parts, inside)
    for m in mentions:
        if m.get("implicit"):  # no word names the aspect: judge it by its whole sentence
            inside = [c[2] for c in clauses if m["start"] <= c[0] < m["end"]]
            m["sentiment"], m["evidence"] = combine_scores(inside), dt.span(m["start"], m["end"])
    ext.rc_clauses = clauses
    ext.rc_text = dt.text
    ext.rc_offsets = dt.offsets
    ext.rc_sentences = dt.sentences
    ext.rc_polarity = ext.rc_lexicon = combine_scores([c[2] for c in clauses], weights)
    ext.rc_clear = (clear_pos, clear_neg)


# Words that open a concession ("While the room is cramped, the food is superb"): the part before the comma
# judges one thing, the rest another, though no contrast word splits the clause.
CONCESSIVE = frozenset({"while", "whilst", "although", "though", "whereas"})


def concessive_parts(words: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """A clause opening with a concessive word, split at its first comma: [(start, comma), (comma + 1, end)].

    Any other clause (or one without such a comma) is returned whole, [(start, end)].
    """
    if end - start < 4 or words[start].lower() not in CONCESSIVE:
        return [(start, end)]
    comma = next((i for i in range(start + 2, end - 1) if words[i] == ","), None)
    return [(start, end)] if comma is None else [(start, comma), (comma + 1, end)]


def _score_concessive(dt: DocText, parts: list[tuple[int, int]], inside: list[dict]) -> None:
    """A topic alone in its part of a concessive clause takes that part's polarity (when it has one), so
    "While we enjoyed the food, it was annoying to scream" no longer blames the food."""
    for ps, pe in parts:
        own = [m for m in inside if ps <= m["start"] < pe]
        if not own or len({m["topic"] for m in own}) > 1:
            continue  # several topics share the part: _score_pieces already divided it
        text = dt.span(ps, pe)
        score = clause_polarity(text, dt.phrases)
        if abs(score) >= 0.05:
            for m in own:
                m["sentiment"], m["evidence"] = score, text


def word_pieces(dt: DocText, cs: int, ce: int) -> list[tuple[int, int]]:
    """The clause's list pieces (split_pieces), except that a hyphen inside a word joins it: "over-cooked",
    "super-fast" and "non-veg" stay whole in the evidence. A hyphen typed as a dash, from a lower-case word to a
    capitalised one ("over-I grabbed"), still splits, as does a range of numbers ("4-5 people"); "Kit-Kat" does
    not."""
    words, offsets = dt.words, dt.offsets
    joined = [k for k in range(cs + 1, ce - 1) if words[k] == "-" and words[k - 1][-1:].isalpha() and
              words[k + 1][:1].isalpha() and offsets[k - 1] + len(words[k - 1]) == offsets[k] and
              offsets[k] + 1 == offsets[k + 1] and not (words[k + 1][0].isupper() and words[k - 1][0].islower())]
    if not joined:
        return split_pieces(words, cs, ce)
    masked = [*words[cs:ce]]
    for k in joined:
        masked[k - cs] = "\u2011"  # a non-breaking hyphen: no list break
    return [(s + cs, e + cs) for s, e in split_pieces(masked, 0, ce - cs)]


def _score_pieces(dt: DocText, cs: int, ce: int, inside: list[dict], clause_score: float,
                  clause_text: str) -> None:
    """Several topics in one clause: each owns its piece and the topic-free pieces after it."""
    pieces = word_pieces(dt, cs, ce)
    owner: list[str | None] = []
    for ps, pe in pieces:
        topics = [m["topic"] for m in inside if ps <= m["start"] < pe]
        owner.append(topics[0] if topics else None)
    for m in inside:
        idx = next(i for i, (ps, pe) in enumerate(pieces) if ps <= m["start"] < pe)
        end = idx + 1
        while end < len(pieces) and owner[end] in (None, m["topic"]):
            end += 1
        start = idx
        while start > 0 and owner[start - 1] is None:
            start -= 1
        own = dt.span(pieces[idx][0], pieces[end - 1][1])
        score = clause_polarity(own, dt.phrases)
        if abs(score) < 0.05 and start < idx:
            own = dt.span(pieces[start][0], pieces[end - 1][1])
            score = clause_polarity(own, dt.phrases)
        if abs(score) < 0.05 and (shared := _shared_predicate(dt, pieces, idx, end)) is not None:
            own, score = shared
        if abs(score) < 0.05:
            m["sentiment"], m["evidence"] = clause_score, clause_text
        else:
            m["sentiment"], m["evidence"] = score, own


# Words that show a piece holds a predicate of its own, not only a noun phrase ("the food" vs "the food was").
PREDICATE_WORDS = frozenset({"is", "was", "are", "were", "be", "been", "being", "am", "isn't", "wasn't", "aren't",
                             "weren't", "has", "have", "had", "do", "does", "did", "can", "could", "will", "would",
                             "should", "may", "might", "must", "seems", "seemed", "looks", "looked", "tasted",
                             "tastes", "felt", "feels"})
# Pieces of a coordination joined by these share what follows ("the food and service were slow").
COORDINATORS = frozenset({"and", "&", ","})


def _shared_predicate(dt: DocText, pieces: list[tuple[int, int]], idx: int, end: int) -> tuple[str, float] | None:
    """A bare noun phrase coordinated with the next piece shares that piece's verdict.

    "While the decor was great, the food and service could have been better": "the food" is a piece of its own
    (split at "and") that judges nothing, and the clause as a whole reads as praise. The predicate after the
    coordination ("service could have been better") is what the sentence says of the food too. Only when the
    topic's piece has no verb of its own and the next piece starts right after "and", "&" or a comma.
    """
    ps, pe = pieces[idx]
    if end >= len(pieces) or pe - ps > 4 or any(w.lower() in PREDICATE_WORDS for w in dt.words[ps:pe]):
        return None
    ns, ne = pieces[end]
    if dt.words[ns - 1].lower() not in COORDINATORS and dt.words[ns].lower() not in COORDINATORS:
        return None
    rest = dt.span(ns, ne)
    score = clause_polarity(rest, dt.phrases)
    return (dt.span(ps, ne), score) if abs(score) >= 0.05 else None


# A clause opening with one of these speaks of the person just named.
SAME_PERSON = frozenset({"he", "she", "he's", "she's", "his", "her"})


def care_signals(doc: Doc) -> dict:
    """Emotions, staff mentions (labelled by their clause), suggestion and risk phrases of one scored doc."""
    ext = doc._
    words = ext.rc_words if ext.rc_words is not None else [t.text for t in doc]
    text = ext.rc_text if ext.rc_text is not None else doc.text
    lower = [w.lower() for w in words]
    keys = ext.rc_keys or lower
    emotions = detect_emotions(lower, text, keys)
    clauses = ext.rc_clauses or []
    tags = [t.pos_ for t in doc] if doc.has_annotation("POS") else [""] * len(words)
    staff = []
    for i, name, role in find_staff(words, tags):
        at = next((k for k, (cs, ce, _) in enumerate(clauses) if cs <= i < ce), None)
        score = clauses[at][2] if at is not None else 0.0
        if abs(score) < 0.05 and at is not None and at + 1 < len(clauses):
            # "We had Mr. Jayanta as our host. He was super humble": the verdict comes in the next sentence
            following = clauses[at + 1]
            if lower[following[0]] in SAME_PERSON:
                score = following[2]
        staff.append({"name": name, "role": role, "label": polarity_label(score)})
    return {"emotions": emotions, "staff": staff, "suggestion": is_suggestion(text),
            "risks": risk_reasons(text)}


def tone_of(tone: ToneModel | None, text: str, clause_scores: list[float]) -> float | None:
    """The trained tone model's score of a piece of text (None without a model)."""
    return None if tone is None else tone.score_text(text, clause_scores)


def refine_aspects(doc: Doc, model: AspectModel, categories: frozenset[str], tone: ToneModel | None = None) -> None:
    """Re-judge each mention of a modelled category with the trained polarity model (lexicon scores as input)."""
    ext = doc._
    clauses = ext.rc_clauses or []
    topics = ext.rc_topics
    if not topics:
        return
    text = ext.rc_text
    offsets = ext.rc_offsets if ext.rc_offsets is not None else doc_offsets(doc)
    words = ext.rc_words
    sentences = ext.rc_sentences if ext.rc_sentences is not None else sentence_bounds(doc)
    # a third of the tone calls repeat one of the same doc (an evidence shared by several categories)
    toned: dict[tuple[str, tuple[float, ...]], float | None] = {}

    def tone_once(piece: str, scores: list[float]) -> float | None:
        key = (piece, tuple(scores))
        if key not in toned:
            toned[key] = tone_of(tone, piece, scores)
        return toned[key]

    for start, end in sentences:
        inside = [m for m in topics if start <= m["start"] < end and m["category"] in categories]
        if not inside:
            continue
        last = len(words[end - 1]) if words is not None else len(doc[end - 1])
        sent_text = text[offsets[start]: offsets[end - 1] + last]
        sent_scores = [c[2] for c in clauses if start <= c[0] < end] + [m.get("sentiment", 0.0) for m in inside]
        sent_score = combine_scores([c[2] for c in clauses if start <= c[0] < end])
        # A sentence that praises one thing and faults another: the clause-level lexicon already separated
        # them, and the model's sentence-wide words would blur them together, so there the model reads each
        # aspect's own evidence as if it were the whole sentence.
        mixed = max(sent_scores) >= CLEAR and min(sent_scores) <= -CLEAR
        sent_clauses = [c[2] for c in clauses if start <= c[0] < end]
        tone_sentence = None if mixed else tone_once(sent_text, sent_clauses)
        judged: dict[tuple, float] = {}  # mentions sharing evidence and category share the verdict
        for m in inside:
            key = (m.get("evidence", sent_text), m["category"], m.get("sentiment", 0.0))
            if key not in judged:
                tone_evidence = tone_once(key[0], [key[2]])
                judged[key] = keep_clear_lexicon(polarity_score(model, mixed_aware_features(
                    sent_text, key[0], key[1], key[2], sent_score, tone_evidence, tone_sentence, mixed)),
                    key[2], key[1])
            m["sentiment"] = judged[key]


# The polarity model saw few price sentences and leans positive there ("The prices are outrageous." read
# neutral, or negative by a hair): for these categories a clause the lexicon reads clearly keeps the lexicon's
# verdict when the model reads it neutral, barely decided (|score| at most VOICED) or the other way. In
# cross-validation the rule at 0.4 changed no price aspect (0.3-0.5 read the same), while the same rule for every
# category lost below 0.6, so it stays limited to price.
LEXICON_KEEPS = frozenset({"price"})
LEXICON_KEEP_AT = 0.4


def keep_clear_lexicon(model_score: float, clause_score: float, category: str) -> float:
    """The model's score, or the lexicon's clause score when it is clear (|s| >= LEXICON_KEEP_AT) in a
    LEXICON_KEEPS category and the model reads the clause neutral, barely decided or of the opposite sign."""
    if category not in LEXICON_KEEPS or abs(clause_score) < LEXICON_KEEP_AT:
        return model_score
    if abs(model_score) <= VOICED or model_score * clause_score < 0:
        return clause_score
    return model_score


def mixed_aware_features(sent_text: str, evidence: str, category: str, clause_score: float, sent_score: float,
                         tone_evidence: float | None, tone_sentence: float | None,
                         mixed: bool) -> dict[str, float]:
    """The polarity model's features for one aspect; in a mixed sentence the evidence stands in for the
    sentence (its words, lexicon score and tone score), so the other clauses' verdicts do not leak in."""
    if mixed:
        return polarity_features(evidence, evidence, category, clause_score, clause_score,
                                 tone_evidence, tone_evidence)
    return polarity_features(sent_text, evidence, category, clause_score, sent_score, tone_evidence, tone_sentence)


class SentimentScorer:
    """Clause-level polarity for the doc and every topic mention (needs sentence boundaries).

    With a polarity model (a TSV in nlp/lexicon/), mentions of the categories it was trained on are
    re-judged by it, taking the lexicon's clause scores as evidence.
    """

    def __init__(self, nlp: Language, name: str, polarity_model: str = "", categories: list[str] | None = None,
                 tone_model: str = ""):
        self.name = name
        self.model = load_aspect_model(polarity_model) if polarity_model else None
        self.categories = frozenset(categories or ())
        self.tone = load_tone_model(tone_model) if tone_model else None
        phrase_set()  # built with the pipeline: worker processes forked later share it

    def __call__(self, doc: Doc) -> Doc:
        score_doc(doc)
        ext = doc._
        if self.tone is not None and ext.rc_clauses:
            # the trained model re-weighs the lexicon's clause scores with the review's words (stacking)
            ext.rc_polarity = self.tone.score_text(ext.rc_text, [c[2] for c in ext.rc_clauses], ext.rc_lexicon)
        if self.model is not None:
            refine_aspects(doc, self.model, self.categories, self.tone)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("reviewcare_topics", default_config={"profile": "restaurant"})
def make_topic_tagger(nlp: Language, name: str, profile: str) -> TopicTagger:
    return TopicTagger(nlp, name, profile)


@Language.factory("reviewcare_sentiment", default_config={"polarity_model": "", "categories": [], "tone_model": ""})
def make_sentiment_scorer(nlp: Language, name: str, polarity_model: str, categories: list[str],
                          tone_model: str) -> SentimentScorer:
    return SentimentScorer(nlp, name, polarity_model, categories, tone_model)


class CareTagger:
    """Emotions, staff, suggestion and risk phrases; runs after the sentiment scorer (doc._.rc_care)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        risk_reasons("")  # reads and indexes the risk phrases once, before any worker process is forked

    def __call__(self, doc: Doc) -> Doc:
        ext = doc._
        ext.rc_care = care_signals(doc)
        # Working lists are dropped so docs stay small when nlp.pipe sends them between processes.
        ext.rc_words = ext.rc_text = ext.rc_offsets = ext.rc_sentences = None
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("reviewcare_care", default_config={}, requires=["doc._.rc_clauses"],
                  assigns=["doc._.rc_care"])
def make_care_tagger(nlp: Language, name: str) -> CareTagger:
    return CareTagger(nlp, name)
