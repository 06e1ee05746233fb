"""Topic profiles: which things a review can be about, loaded from editable TOML files.

    >>> profile = load_profile("restaurant")
    >>> [(t.name, t.category) for t, _, _ in match_topics(["the", "soup", "be", "cold"], profile)]
    [('food_quality', 'food')]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PROFILE_DIR = Path(__file__).resolve().parent / "profiles"


class ProfileError(ValueError):
    """A profile file is missing or malformed; the message names the file and the fix."""


@dataclass(frozen=True)
class Topic:
    name: str
    category: str
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = ()


@dataclass
class Profile:
    name: str
    categories: tuple[str, ...]
    topics: list[Topic]
    description: str = ""
    # optional trained aspect-category model (a TSV in nlp/lexicon/) that confirms or adds categories
    aspect_model: str | None = None
    # optional trained polarity model for the aspect model's categories
    polarity_model: str | None = None
    # topics whose patterns name the thing itself (a dish, a drink); the aspect model still confirms them
    specific_topics: frozenset[str] = frozenset()
    # first token of a pattern -> [(pattern tokens, topic)], longest first, for greedy matching
    index: dict[str, list[tuple[tuple[str, ...], Topic]]] = field(default_factory=dict)

    def build_index(self) -> None:
        """Index patterns by first token; a pattern listed under two topics belongs to the first."""
        seen: set[tuple[str, ...]] = set()
        index: dict[str, list[tuple[tuple[str, ...], Topic]]] = {}
        for topic in self.topics:
            for pattern in topic.patterns:
                words = tuple(pattern.lower().split())
                if not words or words in seen:
                    continue
                seen.add(words)
                index.setdefault(words[0], []).append((words, topic))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.index = index


def available_profiles() -> list[str]:
    """Names of the bundled profiles."""
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def parse_profile(data: dict, source: str = "<profile>") -> Profile:
    """Build a Profile from parsed TOML, checking every topic names a declared category."""
    try:
        categories = tuple(data["categories"])
        topics = [
            Topic(
                name=str(t["name"]),
                category=str(t["category"]),
                patterns=tuple(str(p) for p in t["patterns"]),
                examples=tuple(str(e) for e in t.get("examples", ())),
            )
            for t in data["topics"]
        ]
    except (KeyError, TypeError) as ex:
        raise ProfileError(f"{source}: missing key {ex}; each profile needs categories and [[topics]] "
                           "with name, category and patterns") from ex
    for topic in topics:
        if topic.category not in categories:
            raise ProfileError(f"{source}: topic {topic.name!r} has category {topic.category!r}, "
                               f"which is not one of {list(categories)}")
    profile = Profile(name=str(data.get("name", source)), categories=categories, topics=topics,
                      description=str(data.get("description", "")), aspect_model=data.get("aspect_model"),
                      polarity_model=data.get("polarity_model"),
                      specific_topics=frozenset(data.get("specific_topics", ())))
    profile.build_index()
    return profile


@lru_cache(maxsize=32)
def load_profile(name_or_path: str) -> Profile:
    """Load a bundled profile by name, or any profile TOML file by path."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = PROFILE_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        raise ProfileError(f"unknown topic profile {name_or_path!r}; use one of {available_profiles()} "
                           "or the path of a .toml profile file")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as ex:
        raise ProfileError(f"{path}: not valid TOML ({ex})") from ex
    return parse_profile(data, str(path))


def match_topics(lemmas: list[str], profile: Profile) -> list[tuple[Topic, int, int]]:
    """Greedy longest-match of profile patterns over lower-case lemmas: [(topic, start, end)]."""
    found: list[tuple[Topic, int, int]] = []
    i, n = 0, len(lemmas)
    index = profile.index
    while i < n:
        entries = index.get(lemmas[i])
        step = 1
        if entries:
            for words, topic in entries:
                end = i + len(words)
                if end <= n and (len(words) == 1 or tuple(lemmas[i:end]) == words):
                    found.append((topic, i, end))
                    step = len(words)
                    break
        i += step
    return found
