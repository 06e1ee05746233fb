"""Care-oriented emotions from a project-written cue lexicon, each mapped to an Ekman emotion.

    >>> [e["emotion"] for e in detect_emotions("i be so disappointed".split(), "I was so disappointed")]
    ['disappointed']
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parent / "lexicon" / "emotions.tsv"

EKMAN: dict[str, str] = {
    "angry": "anger", "frustrated": "anger", "disappointed": "sadness", "sad": "sadness",
    "worried": "fear", "delighted": "joy", "grateful": "joy", "surprised": "surprise", "disgusted": "disgust",
    "confused": "surprise", "hopeful": "joy",
}
POSITIVE = frozenset({"delighted", "grateful", "hopeful"})
QUESTION_WEIGHT = 0.35  # a direct question usually means the writer is puzzled or asking for an answer
NEGATORS = frozenset({"not", "n't", "no", "never", "nothing", "hardly", "without", "nor", "neither", "nt"})
BOOSTERS = frozenset({"so", "very", "really", "extremely", "totally", "absolutely", "incredibly", "truly",
                      "super", "utterly", "completely", "too", "most", "such", "beyond"})
MIN_INTENSITY = 0.3


@lru_cache(maxsize=1)
def cue_index() -> dict[str, list[tuple[tuple[str, ...], str, float]]]:
    """First word -> [(cue words, emotion, weight)], longest cue first."""
    index: dict[str, list[tuple[tuple[str, ...], str, float]]] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, emotion, weight = line.split("\t")[:3]
        if emotion not in EKMAN:
            raise ValueError(f"{LEXICON}: unknown emotion {emotion!r}; use one of {sorted(EKMAN)}")
        words = tuple(term.lower().split())
        index.setdefault(words[0], []).append((words, emotion, float(weight)))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def detect_emotions(keys: list[str], text: str = "", lemmas: list[str] | None = None) -> list[dict]:
    """Emotions named or implied by cue lemmas, strongest first: [{emotion, ekman, intensity}].

    A negated positive cue ("not happy") counts as disappointment; a negated negative cue is dropped.
    Exclamation marks and capitals raise intensity. `keys` are lower-case words; a word's lemma, when
    given, is tried too so "annoyed" and "annoy" both count.
    """
    index = cue_index()
    scores: dict[str, float] = {}
    i, n = 0, len(keys)
    while i < n:
        step = 1
        entries = index.get(keys[i]) or (index.get(lemmas[i], ()) if lemmas else ())
        for words, emotion, weight in entries:
            end = i + len(words)
            if end <= n and (len(words) == 1 or tuple(keys[i:end]) == words):
                window = keys[max(0, i - 3):i]
                if any(w in NEGATORS for w in window):
                    if emotion not in POSITIVE:
                        break
                    emotion, weight = "disappointed", weight * 0.7
                if any(w in BOOSTERS for w in window):
                    weight = min(1.0, weight * 1.3)
                # Combine cues like independent evidence: more cues, higher intensity, never above 1.
                scores[emotion] = 1.0 - (1.0 - scores.get(emotion, 0.0)) * (1.0 - weight)
                step = len(words)
                break
        i += step
    if "?" in text:
        scores["confused"] = 1.0 - (1.0 - scores.get("confused", 0.0)) * (1.0 - QUESTION_WEIGHT)
    if not scores:
        return []
    boost = 1.0 + min(text.count("!"), 3) * 0.1
    if any(map(str.isupper, text)):
        letters = sum(map(str.isalpha, text))
        if letters > 12 and sum(map(str.isupper, text)) / letters > 0.6:  # shouting
            boost += 0.2
    result = [
        {"emotion": e, "ekman": EKMAN[e], "intensity": round(min(1.0, s * boost), 3)}
        for e, s in scores.items() if s * boost >= MIN_INTENSITY
    ]
    result.sort(key=lambda d: -d["intensity"])
    return result
