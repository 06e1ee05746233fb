"""Language for the analysis: short or unclear texts count as English, so a false "foreign" flag never
silences the analysis of a short English review. The detector is shared with the spiders: `reviewcare.language`.

    >>> detect_language("The food was great")
    'en'
"""

from __future__ import annotations

from reviewcare.language import detect_language as _detect


def detect_language(text: str) -> str:
    return _detect(text, when_unsure="en")
