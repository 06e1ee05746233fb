"""Per-review language detection with lingua, restricted to common review languages.

    detect_language("The soup was cold and the waiter forgot us.")  # "en"

Returns "und" (undetermined) when the text is too short or the detector is unsure, rather than guessing.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The languages review sites mostly carry; a smaller set makes detection faster and short texts less ambiguous.
COMMON_LANGUAGES = (
    Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
    Language.PORTUGUESE, Language.DUTCH, Language.SWEDISH, Language.DANISH, Language.BOKMAL,
    Language.FINNISH, Language.POLISH, Language.CZECH, Language.RUSSIAN, Language.TURKISH,
    Language.GREEK, Language.ARABIC, Language.HEBREW, Language.JAPANESE, Language.CHINESE,
    Language.KOREAN, Language.HINDI,
)
MIN_WORDS = 3
MIN_CONFIDENCE = 0.5
_WORD = re.compile(r"\w+", re.UNICODE)
# Scripts where words are not separated by spaces: count characters instead of words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*COMMON_LANGUAGES).with_minimum_relative_distance(0.1).build()


def detect_language(text: str | None) -> str:
    """ISO 639-1 code of the text's language, or "und" when it cannot be told reliably."""
    if not text:
        return "und"
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS and len(_CJK.findall(text)) < 4:
        return "und"
    confidences = _detector().compute_language_confidence_values(text)
    if not confidences or confidences[0].value < MIN_CONFIDENCE:
        return "und"
    return confidences[0].language.iso_code_639_1.name.lower()
