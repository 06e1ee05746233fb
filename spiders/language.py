"""Per-review language for crawled items: "und" (undetermined) when a text is too short to tell.

The detector itself is shared with the analysis: `reviewcare.language`.
"""

from reviewcare.language import detect_language

__all__ = ["detect_language"]
