"""Emerging topics: frequent words and word pairs that no topic of the profile covers yet.

    >>> emerging_topics(["Great karaoke night", "Loved the karaoke night"] * 3, "restaurant", min_count=3)
    [('karaoke', 6)]

A person reviews the list and adopts a term by adding it to a topic's patterns in the profile TOML.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from nlp.components import match_key
from nlp.profiles import load_profile, match_topics
from nlp.tone import analyzer

WORD = re.compile(r"[a-z][a-z'-]+")
STOPWORDS = frozenset(
    "a an the and or but if so of to in on at for with from by as is was were are be been being it its this that "
    "these those i me my we our us you your he him his she her they them their there here what which who whom "
    "when where why how all any both each few more most other some such no nor not only own same than too very "
    "can will just don't should now also would could did do does had has have having am one two get got go went "
    "come came really much many even still back again ever well way made make lot little bit time day place "
    "good great nice bad best worst ok okay visit visited order ordered try tried definitely highly overall "
    "amazing awesome excellent recommend it's i'm we're they're didn't wasn't isn't don't can't won't i've "
    "out about after before times never though although less first items item over under then than always "
    "everything something anything nothing especially every another around because while during into onto "
    "again once since yet already ever quite rather pretty enough another last next new old other others "
    "people person thing things stuff today yesterday tonight week weekend month year years "
    "restaurant restaurants".split()
)


# The tagger reads these as nouns, but they name no thing a topic could be about.
INDEFINITE_PRONOUNS = frozenset(
    "nobody someone somebody anyone anybody everyone everybody noone star stars thing things lot bit".split()
)


def common_nouns(texts: list[str]) -> set[str] | None:
    """Lower-cased words the trained tagger reads as common nouns ("booking", "karaoke"), or None without one.

    Topics are things, so verbs ("waited"), names ("Jonah") and pronouns are left out.
    """
    from nlp.pipeline import load_pipeline

    nlp = load_pipeline(accurate=True)
    if "tagger" not in nlp.pipe_names:
        return None
    nouns: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for doc in nlp.pipe(texts, batch_size=128):
        for token in doc:
            (nouns if token.pos_ == "NOUN" or token.tag_ in ("NN", "NNS") else other)[token.lower_] += 1
    return {w for w, n in nouns.items() if n >= other[w]} - INDEFINITE_PRONOUNS


def emerging_topics(texts: Iterable[str], profile: str = "restaurant", *, min_count: int = 5,
                    limit: int = 20) -> list[tuple[str, int]]:
    """[(term, count)]: words and adjacent pairs seen at least min_count times that no pattern matches.

    Opinion words (VADER's lexicon) and function words are skipped: what is left names things.
    """
    spec = load_profile(profile)
    opinion = analyzer().lexicon
    texts = list(texts)
    nouns = common_nouns(texts)
    counts: Counter[str] = Counter()
    for text in texts:
        words = WORD.findall(text.lower())
        keys = [match_key(w, "", spec.index) for w in words]
        covered = {i for _, s, e in match_topics(keys, spec) for i in range(s, e)}
        free = [w if i not in covered and w not in STOPWORDS and w not in opinion and len(w) > 2
                and (nouns is None or w in nouns) else None
                for i, w in enumerate(words)]
        seen = {w for w in free if w}
        seen.update(f"{a} {b}" for a, b in zip(free, free[1:], strict=False) if a and b)
        counts.update(seen)  # once per review: a term many people mention beats one person repeating it
    return [(t, n) for t, n in counts.most_common() if n >= min_count][:limit]
