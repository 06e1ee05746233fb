"""Staff mentions: named people and roles that customers praise or fault.

    >>> find_staff(["our", "server", "Maria", "was", "lovely"], ["PRON", "NOUN", "PROPN", "AUX", "ADJ"])
    [(2, 'Maria', 'server')]
"""

from __future__ import annotations

ROLES = frozenset({
    "server", "waiter", "waitress", "manager", "chef", "cook", "host", "hostess", "bartender", "barman",
    "barista", "owner", "receptionist", "concierge", "housekeeper", "steward", "captain", "cashier",
    "sommelier", "staff", "employee", "driver", "technician", "stylist", "barber", "doctor", "dentist", "nurse",
    "therapist", "mechanic", "plumber", "electrician", "agent", "assistant", "guide", "instructor", "trainer",
    "supervisor", "porter", "valet", "attendant", "delivery",
})
# Role words that name a group rather than one person: kept only when a name comes with them.
GROUP_ROLES = frozenset({"staff", "employee", "delivery"})
THANKS = frozenset({"thanks", "thank", "kudos", "shoutout", "shout", "mention", "props", "cheers"})
NOT_NAMES = frozenset({
    "i", "we", "he", "she", "they", "it", "the", "a", "an", "our", "my", "you", "food", "service", "place",
    "ambience", "ambiance", "overall", "also", "and", "but", "very", "really", "good", "great", "excellent",
    "nice", "best", "hyderabad", "biryani", "sir", "mr", "mrs", "ms", "chicken", "thanks", "thank", "kudos",
    "everyone", "all", "team", "guys", "restaurant", "hotel", "management", "highly", "must", "so", "to", "for",
    "was", "is", "were", "who", "your", "their", "his", "her", "bro", "brother", "dear", "sure", "god",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "shrove", "weekend", "today", "tonight", "yesterday",
})
# Before a role word, a capitalised word is usually an adjective at a sentence start ("Friendliest staff",
# "Rude host"), not a name: such words are checked against these before they count as one.
SENTENCE_ENDS = frozenset({".", "!", "?", "...", ".."})
TITLES = frozenset({"mr", "mrs", "ms", "miss", "sir", "dr", "mr.", "mrs.", "ms.", "dr."})


def _is_name(word: str, tag: str) -> bool:
    if word.lower() in NOT_NAMES or not word.isalpha() or len(word) < 2:
        return False
    return tag == "PROPN" or word[0].isupper()


def _name_before_role(words: list[str], j: int) -> bool:
    """Whether the capitalised word at j, right before a role word, reads as a name rather than an adjective."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from nlp.tone import analyzer

    word = words[j].lower()
    if word in STOP_WORDS or word in analyzer().lexicon or word.endswith(("est", "ly", "ful", "ous", "ive")):
        return False
    # Capitalised only because it starts a sentence: not evidence of a name.
    return not (j == 0 or words[j - 1] in SENTENCE_ENDS)


def _name_at(words: list[str], tags: list[str], i: int) -> tuple[int, str] | None:
    """A one- or two-word name starting at i (after an optional title)."""
    if i < len(words) and words[i].lower() in TITLES:
        i += 1
    if i >= len(words) or not _is_name(words[i], tags[i]):
        return None
    if i + 1 < len(words) and _is_name(words[i + 1], tags[i + 1]) and words[i + 1].lower() not in ROLES:
        return i, f"{words[i]} {words[i + 1]}"
    return i, words[i]


def find_staff(words: list[str], tags: list[str]) -> list[tuple[int, str, str | None]]:
    """Staff mentions in one review: [(token index, name or "", role or None)], one per person.

    Patterns: "our server Maria", "Maria, our server", "Maria (the manager)", "thanks to Maria",
    and unnamed individual roles ("the manager").
    """
    found: dict[str, tuple[int, str, str | None]] = {}
    n = len(words)
    lower = [w.lower() for w in words]
    for i, w in enumerate(lower):
        role = w.rstrip("s") if w.rstrip("s") in ROLES and w not in ROLES else w
        if role in ROLES:
            named = _name_at(words, tags, i + 1)
            if named is None and i >= 2 and lower[i - 1] in {"our", "the", "a"} and lower[i - 2] in {",", "-"}:
                named = _name_at(words, tags, i - 3) if i >= 3 else None
            if named is None and i >= 1 and _is_name(words[i - 1], tags[i - 1]) and \
                    words[i - 1][0].isupper() and lower[i - 1] not in ROLES and _name_before_role(words, i - 1):
                named = (i - 1, words[i - 1])
            if named:
                key = named[1].lower()
                found.setdefault(key, (named[0], named[1], role))
            elif role not in GROUP_ROLES and w == role and i >= 1 and lower[i - 1] in {"the", "our", "my"}:
                found.setdefault(f"role:{role}", (i, "", role))
        elif w in THANKS:
            j = i + 1
            while j < n and lower[j] in {"to", "you", "a", "lot", "for", "the", "mention", "out", "dear"}:
                j += 1
            named = _name_at(words, tags, j)
            if named and lower[named[0]] not in ROLES:
                found.setdefault(named[1].lower(), (named[0], named[1], None))
    # A name also seen with a role keeps the role.
    return sorted(found.values())
