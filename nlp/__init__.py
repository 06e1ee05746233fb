"""Understanding reviews: spaCy + VADER components, topic profiles, tone, emotions, staff and urgency."""

from nlp.analyze import ANALYZER_VERSION, analyze_jsonl, analyze_rows

__all__ = ["ANALYZER_VERSION", "analyze_jsonl", "analyze_rows"]
