"""Which language a review is written in, with lingua, shared by the spiders and the analysis.

    detect_language("The soup was cold and the waiter forgot us.")        # "en"
    detect_language("Great!")                                            # "und": too short to tell
    detect_language("Great!", when_unsure="en")                          # "en"

Restricted to the languages review sites mostly carry: fewer candidates make short texts less ambiguous and
detection faster. Clear English is recognised from its common words without asking lingua.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (
    Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE,
    Language.DUTCH, Language.SWEDISH, Language.DANISH, Language.BOKMAL, Language.FINNISH, Language.POLISH,
    Language.CZECH, Language.RUSSIAN, Language.TURKISH, Language.GREEK, Language.ARABIC, Language.HEBREW,
    Language.HINDI, Language.JAPANESE, Language.CHINESE, Language.KOREAN, Language.INDONESIAN,
    Language.VIETNAMESE, Language.PERSIAN, Language.URDU, Language.THAI, Language.BENGALI, Language.TAMIL,
    Language.TELUGU, Language.UKRAINIAN,
)
# Frequent English function and review words: a high enough share of them settles English.
ENGLISH_CUES = frozenset(
    "the a an and or but is was were are be been it this that i we you they he she my our your their of to in "
    "for with on at not no very so too good great bad food service place staff nice best worst will would "
    "have has had do did does can could should just really also here there what when one all".split()
)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Scripts written without spaces between words: count characters instead.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
MIN_CONFIDENCE = 0.5


@cache
def detector() -> LanguageDetector:
    """The lingua detector, built once per process."""
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_minimum_relative_distance(0.1).build()


def other_script(text: str) -> str | None:
    """The script most of a text's letters are written in when it is not Latin ("Arabic", "Ethiopic"), else None."""
    letters = [c for c in text if c.isalpha()]
    scripts = Counter(unicodedata.name(c, "UNKNOWN").split()[0] for c in letters if ord(c) > 0x24F)
    if not scripts or sum(scripts.values()) < 0.6 * len(letters):
        return None
    return scripts.most_common(1)[0][0].capitalize()


def detect_language(text: str | None, *, when_unsure: str = "und") -> str:
    """ISO 639-1 code of the text's language, or `when_unsure` when the evidence is too thin to tell."""
    words = WORD.findall((text or "").lower())
    if not words:
        return when_unsure
    latin = all(w.isascii() for w in words)
    if latin and sum(w in ENGLISH_CUES for w in words) / len(words) >= 0.2 and len(words) >= 3:
        return "en"
    if other_script(text or ""):
        # Mostly another script ("عالی.", "በጣም ጥሩነው"): however short, it is not English. lingua's best guess,
        # or "und" for a script none of its languages use.
        values = detector().compute_language_confidence_values(text)
        return values[0].language.iso_code_639_1.name.lower() if values and values[0].value > 0 else "und"
    if len(words) < 3 and len(CJK.findall(text or "")) < 4:
        return when_unsure
    values = detector().compute_language_confidence_values(text)
    if not values or values[0].value < MIN_CONFIDENCE:
        return when_unsure
    best = values[0].language
    # Short Latin-script text that lingua doesn't read as English is still too thin to call foreign.
    if best != Language.ENGLISH and latin and len(words) < 6:
        return when_unsure
    return best.iso_code_639_1.name.lower()
