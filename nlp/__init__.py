"""Understanding reviews: spaCy + VADER components, topic profiles, tone, emotions, staff and urgency.

    from nlp import analyze_rows

The names below load spaCy on first use only, so importing a light module such as `nlp.profiles` stays fast.
"""

__all__ = ["ANALYZER_VERSION", "analyze_jsonl", "analyze_rows"]


def __getattr__(name: str):
    if name in __all__:
        from nlp import analyze

        return getattr(analyze, name)
    raise AttributeError(f"module 'nlp' has no attribute {name!r}")
