"""Language detection with lingua, restricted to common languages and careful with short texts.

    >>> detect_language("The food was great")
    'en'
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

LANGUAGES = (
    Language.ENGLISH, Language.SPANISH, Language.FRENCH, Language.GERMAN, Language.ITALIAN, Language.PORTUGUESE,
    Language.DUTCH, Language.SWEDISH, Language.DANISH, Language.POLISH, Language.TURKISH, Language.RUSSIAN,
    Language.ARABIC, Language.HINDI, Language.JAPANESE, Language.CHINESE, Language.KOREAN, Language.INDONESIAN,
    Language.VIETNAMESE, Language.GREEK,
)
# Frequent English function and review words: their share decides clear English without asking lingua.
ENGLISH_CUES = frozenset(
    "the a an and or but is was were are be been it this that i we you they he she my our your their of to in "
    "for with on at not no very so too good great bad food service place staff nice best worst will would "
    "have has had do did does can could should just really also here there what when one all".split()
)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_CONFIDENCE = 0.6
# Share of known English words at which Latin-script text counts as English without asking lingua:
# Indian, Singaporean or casual English mixes in local words and would otherwise be flagged as foreign.
KNOWN_SHARE = 0.3


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """Words that mark English here: function words, VADER's lexicon, the domain lexicon and profile patterns."""
    from nlp.profiles import available_profiles, load_profile
    from nlp.tone import analyzer

    words = set(ENGLISH_CUES)
    words.update(w for w in analyzer().lexicon if w.isalpha())
    for name in available_profiles():
        for topic in load_profile(name).topics:
            for pattern in topic.patterns:
                words.update(pattern.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def detector():
    """The lingua detector, built once per process; its language models load lazily, on first need."""
    # Low-accuracy mode is several times faster; it is only asked about texts of four or more words.
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" for English and whenever the evidence is too thin."""
    words = WORD.findall(text.lower())
    if not words:
        return "en"
    latin = all(w.isascii() for w in words)
    if latin:
        if len(words) < 4:
            return "en"
        known = english_vocabulary()
        if sum(w in known or w.rstrip("s") in known for w in words) / len(words) >= KNOWN_SHARE:
            return "en"
    # The first few hundred characters decide as well as the whole text, at a fraction of the cost.
    values = detector().compute_language_confidence_values(text[:300])
    if not values:
        return "en"
    best = values[0]
    if best.language == Language.ENGLISH:
        return "en"
    # Short or uncertain Latin-script text stays English: a false "foreign" flag silences the analysis.
    if latin and (best.value < MIN_CONFIDENCE or len(words) < 6):
        return "en"
    return best.language.iso_code_639_1.name.lower()
