"""Staff mentions: named people and roles that customers praise or fault.

    >>> find_staff(["our", "server", "Maria", "was", "lovely"], ["PRON", "NOUN", "PROPN", "AUX", "ADJ"])
    [(2, 'Maria', 'server')]
"""

from __future__ import annotations

import re
from functools import lru_cache

ROLES = frozenset({
    "server", "waiter", "waitress", "manager", "chef", "cook", "host", "hostess", "bartender", "barman",
    "barista", "owner", "receptionist", "concierge", "housekeeper", "steward", "captain", "cashier",
    "sommelier", "staff", "employee", "driver", "technician", "stylist", "barber", "doctor", "dentist", "nurse",
    "therapist", "mechanic", "plumber", "electrician", "agent", "assistant", "guide", "instructor", "trainer",
    "supervisor", "porter", "valet", "attendant", "delivery", "serviceboy",
})
# "the delivery boy": one person who brought the order, though "delivery" alone names a service.
DELIVERY_PEOPLE = frozenset({"boy", "guy", "man", "person", "executive", "partner", "agent", "rider", "champ",
                             "fellow", "bhaiya", "driver", "valet"})
# Role words that name a group rather than one person: kept only when a name comes with them.
GROUP_ROLES = frozenset({"staff", "employee", "delivery"})
THANKS = frozenset({"thanks", "thank", "kudos", "shoutout", "shout", "mention", "props", "cheers", "thankew", "thanku",
                    "thankyou", "thanx", "thnx", "thnks", "thankz"})
NOT_NAMES = frozenset({
    # common verbs and nouns that open a sentence in Title Case and no dictionary above lists
    "took", "came", "went", "got", "gave", "made", "told", "said", "asked", "tried", "ordered", "visited", "points",
    "standards", "members", "london", "dahivada",
    "i", "we", "he", "she", "they", "it", "the", "a", "an", "our", "my", "you", "food", "service", "place",
    "ambience", "ambiance", "overall", "also", "and", "but", "very", "really", "good", "great", "excellent",
    "nice", "best", "hyderabad", "biryani", "sir", "mr", "mrs", "ms", "chicken", "thanks", "thank", "kudos",
    "everyone", "all", "team", "guys", "restaurant", "hotel", "management", "highly", "must", "so", "to", "for",
    "was", "is", "were", "who", "your", "their", "his", "her", "bro", "brother", "dear", "sure", "god",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "shrove", "weekend", "today", "tonight", "yesterday",
    # Delivery apps and brands reviewers name beside roles and verbs ("Swiggy delivery boys").
    "swiggy", "zomato", "uber", "ubereats", "dineout", "foodpanda", "dunzo", "paytm", "magicpin", "eazydiner",
    "nearbuy", "google", "instagram", "facebook", "whatsapp", "ola", "gold", "pepsi", "coke",
    # Apps and assistants reviewers thank as if they were people ("Thank you CHAT").
    "chat", "chatgpt", "gpt", "ai", "bot", "siri", "alexa", "claude", "gemini", "copilot",
    # Cuisines, nationalities and places written in capitals beside a role ("Indian chef", "Italian waiter").
    "indian", "italian", "chinese", "asian", "thai", "mexican", "american", "america", "continental", "mughlai",
    "arabian", "arabic", "lebanese", "japanese", "korean", "french", "spanish", "greek", "turkish", "persian",
    "punjabi", "hyderabadi", "bengali", "andhra", "south", "north", "oriental", "european", "british", "english",
    # hotel chains a reviewer compares with ("the Marriott staff")
    "marriott", "sheraton", "hyatt", "taj", "novotel", "radisson", "westin", "hilton",
})
# Before a role word, a capitalised word is usually an adjective at a sentence start ("Friendliest staff",
# "Rude host"), not a name: such words are checked against these before they count as one.
SENTENCE_ENDS = frozenset({".", "!", "?", "...", "..", "!!", "!!!", "??", "....", "\n", "\n\n", "\n\n\n", " \n",
                           "\n "})
TITLES = frozenset({"mr", "mrs", "ms", "miss", "sir", "dr", "mr.", "mrs.", "ms.", "dr."})
# After a bare name these verbs make it a person who served the reviewer ("Ranjit served us well").
SERVICE_VERBS = frozenset({"served", "helped", "attended", "assisted", "looked", "took", "recommended",
                           "suggested"})
# "looked" and "took" count only in "looked after" and "took care"; "served", "recommended" and "suggested"
# need an object, since "Highly recommended ." is a verdict, not a person.
VERB_NEXT = {"looked": {"after"}, "took": {"care"},
             # a bare "served" is usually passive about a dish ("Jalebi served in desserts")
             "served": {"us", "me", "our", "my", "it", "food", "everyone", "all", "them"},
             "recommended": {"us", "me", "the", "a", "some", "his", "her", "to", "that", "this", "their"},
             "suggested": {"us", "me", "the", "a", "some", "to", "that", "this"}}
QUOTES = frozenset({'"', "'", "“", "”", "‘", "’"})
# "took good care of us": the words allowed between "took" and "care".
CARE_ADJECTIVES = frozenset({"good", "great", "very", "really", "excellent", "such", "extra", "special", "nice",
                             "awesome", "amazing", "wonderful", "utmost", "proper", "best"})
# Not "sweet", "warm" or "kind" (of): a dish can be those ("Chole Bhature was kind of okayish").
SERVICE_ADJECTIVES = frozenset({"helpful", "courteous", "polite", "friendly", "rude", "attentive",
                                "humble", "welcoming", "professional", "cooperative",
                                "hospitable", "patient", "arrogant", "impolite", "unprofessional"})
# Things people do for guests; with a name opening the clause they mark a person, never a dish or a place.
PERSON_VERBS = frozenset("""brought came remembered put explained checked greeted welcomed arranged organised organized
sorted handled offered told gave knew walked showed surprised treated went serving attending noticed stopped
flagged hid written wrote baked decorated""".split())
# Present forms read as their past ("sunil who take care of our table", "Ravi helps us every time").
PRESENT_FORMS = {"take": "took", "takes": "took", "taking": "took", "help": "helped", "helps": "helped",
                 "serve": "served", "serves": "served", "look": "looked", "looks": "looked", "attend": "attended",
                 "attends": "attended", "assist": "assisted", "assists": "assisted"}
PRAISE_NOUNS = frozenset("""star superstar genius gem legend asset credit sweetheart delight pro professional angel
hero darling""".split())
# "Arun was a great guy": nouns for a person that, praised, say the name before them is someone who served.
PERSON_NOUNS = frozenset({"guy", "person", "man", "lady", "gentleman", "soul", "human", "fellow", "boy", "girl"})
PERSON_PRAISE = frozenset({"a", "an", "great", "good", "nice", "kind", "sweet", "lovely", "wonderful", "amazing",
                           "awesome", "polite", "humble", "friendly", "helpful", "gentle", "fine", "cool", "jolly",
                           "decent", "genuine", "fantastic", "excellent"})
ADVERBS = frozenset("again always also really even personally kindly just clearly then immediately quickly".split())
PERSON_ADJECTIVES = frozenset({"organised", "organized", "kind", "thoughtful", "knowledgeable", "accommodating",
                               "sweet", "humble", "caring", "gentle", "cheerful", "warm", "funny", "brilliant"})
DEGREE = frozenset({"very", "really", "so", "soo", "sooo", "extremely", "super", "quite", "too", "truly", "most"})
ASK = frozenset({"ask", "asked", "request", "requested"})
# After "ask for <name>" the name must end its phrase: "ask for Maya ." but not "ask for Zomato gold".
PHRASE_ENDS = SENTENCE_ENDS | {",", ";", ":", ")", "-", "!"}
# A bare name right after these is a thing or a place: "the Keema Pav served", "Dinesh @ Lime is helpful".
THING_BEFORE = frozenset({"the", "a", "an", "this", "these", "those", "their", "its", "your", "some",
                          "@", "at", "in", "from", "of", "visit", "visited"})


@lru_cache(maxsize=1)
def _menu_words() -> frozenset[str]:
    """Words of the profiles' specific topics (dishes, drinks): a name never follows one ("mutton Rogan Josh")."""
    from nlp.profiles import available_profiles, load_profile

    words: set[str] = set()
    for name in available_profiles():
        profile = load_profile(name)
        for topic in profile.topics:
            if topic.name in profile.specific_topics:
                for pattern in topic.patterns:
                    words.update(pattern.lower().split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Lower-case English and menu words that a bare capitalised word must not be to count as a name.

    spaCy's stop words, VADER's lexicon with the review-domain words, and every bundled topic profile's
    pattern words (dishes, drinks, rooms, products), so "Shawarma" or "Paradise" are not taken as people.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    from nlp.tone import analyzer

    words = set(STOP_WORDS) | {w for w in analyzer().lexicon if w.isalpha()} | NOT_NAMES | ROLES | THANKS
    return frozenset(words | _topic_words())


@lru_cache(maxsize=1)
def _topic_words() -> frozenset[str]:
    """Every word of every bundled profile's topic patterns: things reviews are about, never a person."""
    from nlp.profiles import available_profiles, load_profile

    return frozenset(word for name in available_profiles() for topic in load_profile(name).topics
                     for pattern in topic.patterns for word in pattern.lower().split())


def _bare_name(word: str) -> bool:
    """A title-case word that is no English or menu word: with no role beside it, the only evidence of a name."""
    low = word.lower()
    if re.search(r"(.)\1\1", low):
        return False  # "Gggggg": a key held down, not a name
    if not (word.isalpha() and len(word) >= 3 and word[0].isupper() and word[1:].islower()):
        return False
    if low in _vocabulary() or low.rstrip("s") in _vocabulary():
        return False
    # adjective and adverb endings ("Thoroughly", "Tastiest") read as words, not names; "Ahmed", "Javed" and
    # "Saeed" are names
    if low.endswith(("med", "ved", "eed")):
        return True
    return not low.endswith(("ly", "est", "ful", "ous", "ive", "ing", "ed"))


def _loose_name(word: str) -> bool:
    """A name typed in lower case where a name is expected ("thanks to shubro", "service by ajay"): a plain word of
    3-12 letters that is no English or menu word."""
    low = word.lower()
    return word.isalpha() and 3 <= len(word) <= 12 and word == low and low not in _vocabulary() \
        and low.rstrip("s") not in _vocabulary() and low not in NOT_NAMES and low not in CASUAL_WORDS \
        and not low.endswith(("ed", "ing", "ment", "ance", "ence", "tion", "ness", "ly", "ches", "ates", "ll"))


# Casual words typed where a name could stand: "thanks a lot man", "thank you guys", "thanks alot".
CASUAL_WORDS = frozenset("""man men guys gays guyz dude dudes bro bros buddy team boss sir madam mam maam alot lot
all everyone everybody again much plus zomato swiggy folks people bhai bhaiya anna yaar dost ji far default
didnt dint dont doesnt wont cant isnt wasnt havent hasnt""".split())


def _word_as_name(word: str) -> bool:
    """A name that is also a word ("sunny", "joy"), where the phrase around it leaves no other reading: any
    plain word but the stop words, topic words and casual address."""
    from spacy.lang.en.stop_words import STOP_WORDS

    low = word.lower()
    return word.isalpha() and 3 <= len(word) <= 12 and low not in STOP_WORDS and low not in _topic_words() and \
        low not in NOT_NAMES and low not in CASUAL_WORDS and low not in ROLES and low not in PEOPLE and \
        not low.endswith(("ing", "ed", "ly"))


def _is_name(word: str, tag: str) -> bool:
    if word.lower() in NOT_NAMES or not word.isalpha() or len(word) < 2:
        return False
    if word.isupper() and word.lower() in _vocabulary():
        return False  # "the waiter NEVER came": a word stressed in capitals
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
    """A one- or two-word name starting at i (after an optional title or initials)."""
    if i < len(words) and words[i].lower() in TITLES:
        i += 1
        if i < len(words) and words[i].isalpha() and words[i].islower() and len(words[i]) >= 3 and \
                words[i] not in _vocabulary():
            return i, words[i].capitalize()  # "special thanx to mr mahesh": the title vouches for a lower-case name
    if (initialled := _name_after_initials(words, i)) is not None:
        return initialled
    # "Delivery Time - Quick" is a heading, not a delivery person called Time
    if i >= len(words) or not _is_name(words[i], tags[i]) or words[i].lower() in _topic_words():
        return None
    if i + 1 < len(words) and _is_name(words[i + 1], tags[i + 1]) and words[i + 1].lower() not in ROLES \
            and words[i + 1].lower() not in _topic_words():
        return i, f"{words[i]} {words[i + 1]}"
    if _continues_on_next_line(words, i + 1):
        # "our server Ramesh\nKumar was great": the family name wrapped onto the next line, where the verdict is
        return i + 2, f"{words[i]} {words[i + 2]}"
    return i, words[i]


def _initial(word: str) -> bool:
    """One or two capitals standing for a name ("S", "SK", "Md", "S.K."), and no English word ("I", "IT", "OK")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if re.fullmatch(r"(?:[A-Z]\.){1,2}", word):
        return True
    low = word.lower()
    return word.isalpha() and len(word) <= 2 and word[0].isupper() and low not in STOP_WORDS and \
        low not in _vocabulary() and (word.isupper() or not re.search("[aeiouy]", low))


def _name_after_initials(words: list[str], i: int) -> tuple[int, str] | None:
    """The lower-case name after one or two initials where a name is expected ("thanks to SK allauddin",
    "our waiter S. K. rahim"): the initials are passed over, as after a title."""
    k, count = i, 0
    while k < len(words) and count < 2 and _initial(words[k]):
        k, count = k + 1, count + 1
        if k < len(words) and words[k] == ".":
            k += 1
    if count and k < len(words) and _loose_name(words[k]):
        return k, words[k].capitalize()
    return None


# What may follow a name that wrapped onto a new line: the rest of its sentence, or nothing.
AFTER_WRAPPED_NAME = frozenset({"was", "is", "who", "has", "had", "and", "&", ",", ".", "!", "for", "served", "helped",
                                "took", "looked", "made", "did"})


def _continues_on_next_line(words: list[str], k: int) -> bool:
    """Whether a line break at k sits inside a phrase: the next line opens with a bare name (no English or menu
    word) that its sentence goes on from ("server\nRamesh was great"), not a new point ("staff\nGreat food").
    A word the review uses anywhere else is taken for the place or a brand it talks about ("Zega is nice")."""
    if not (k + 1 < len(words) and words[k].isspace() and words[k].count("\n") == 1 and _bare_name(words[k + 1])):
        return False
    if sum(w.lower() == words[k + 1].lower() for w in words) > 1:
        return False
    return k + 2 >= len(words) or words[k + 2].lower() in AFTER_WRAPPED_NAME or "\n" in words[k + 2]


def _role_ends_short_line(words: list[str], lower: list[str], i: int) -> bool:
    """Whether the role word at i closes a line that only names it ("Our waiter", "Special thanks to our server"),
    so a name on the next line is that person's, not the start of a new point."""
    start = i
    while start >= 1 and "\n" not in words[start - 1]:
        start -= 1
    return i - start <= 2 or any(w in THANKS for w in lower[start:i])


def _after_name(lower: list[str], named: tuple[int, str]) -> int:
    """The index right after a found name: named[0] is its first word, or its last when it wrapped onto a new
    line ("Ramesh\nKumar", found at "Kumar")."""
    parts = named[1].lower().split()
    if len(parts) > 1 and lower[named[0]] == parts[-1] and named[0] >= 2 and lower[named[0] - 2] == parts[0]:
        return named[0] + 1
    return named[0] + len(parts)


def _name_ending(words: list[str], end: int) -> tuple[int, str] | None:
    """A bare one- or two-word name whose last word is at end ("Prabhu Reddy served us")."""
    if end < 0 or not _bare_name(words[end]):
        return None
    if end >= 1 and words[end - 1].lower().rstrip(".") in {"mr", "mrs", "ms", "dr", "miss"}:
        return end, words[end]
    first = end - 1
    if first >= 0 and _bare_name(words[first]):
        return first, f"{words[first]} {words[end]}"
    return end, words[end]


def _name_with_surname(words: list[str], end: int) -> tuple[int, str] | None:
    """A name whose family name is typed in lower case ("Nitish kumar served us", "Sai raj was humble"), or
    else the bare name ending at end."""
    if 1 <= end < len(words) and _loose_name(words[end]) and _bare_name(words[end - 1]) and (
            end == 1 or not _bare_name(words[end - 2])):
        return end - 1, f"{words[end - 1]} {words[end].capitalize()}"
    return _name_ending(words, end)


def _service_subject(words: list[str], lower: list[str], i: int) -> tuple[int, str] | None:
    """The name right before a service verb or "was very helpful" at i, if the phrase is complete."""
    w = PRESENT_FORMS.get(lower[i], lower[i])
    before = i - 1
    while before >= 1 and lower[before] in ADVERBS:
        before -= 1  # "Jonah again looked after us", "Keira clearly noticed"
    if before >= 1 and lower[before] in {"has", "had"} and lower[i] in {"served", "helped", "attended", "assisted"}:
        before -= 1  # "Sourav ismial had served us"
    care = w == "took" and i + 2 < len(words) and lower[i + 1] in CARE_ADJECTIVES and lower[i + 2] == "care"
    if before >= 1 and lower[before] == "who" and w in SERVICE_VERBS and (care or (
            i + 1 < len(words) and lower[i + 1] in VERB_NEXT.get(w, {"us", "me", "our"}))):
        # "Karunakar who helped us", "sunil who take care of our table": the person, even typed in lower case
        if _loose_name(words[before - 1]) and (before == 1 or lower[before - 2] not in THING_BEFORE):
            if before >= 2 and _bare_name(words[before - 2]):
                return before - 2, words[before - 2]  # "served by Balia lima who took care": the first name
            return before - 1, words[before - 1].capitalize()
        before -= 1
        if before >= 1 and words[before] in QUOTES:
            before -= 1  # '"Bala" who served us'
    if w in {"did", "provided", "gave", "given", "rendered"} and \
            any(x in {"job", "service", "work", "hospitality"} for x in lower[i + 1:i + 6]):
        # "Nandan did excellent service", "Ravi did a great job", "Ratul has provided me with the best
        # service": a person's work
        w = "served"
        if before >= 1 and lower[before] in {"has", "have", "had"}:
            before -= 1
    if w in SERVICE_VERBS:
        need = VERB_NEXT.get(w) if PRESENT_FORMS.get(lower[i], lower[i]) == w else None
        if care:
            need = None  # "Gopal took good care of us"
        if lower[i] in PRESENT_FORMS and lower[before] != "who" and (
                i + 1 >= len(words) or lower[i + 1] not in {"us", "me", "care", "after"}):
            return None  # "Behrouz serves it in a plate": a place in the present tense, not a person
        if need is not None and (i + 1 >= len(words) or lower[i + 1] not in need):
            return None
        named = _subject(words, lower, _name_with_surname(words, before))
        if named is None:
            # "Tapan and dharma raj served us": the first of two people named before the verb
            for k in range(i - 1, max(0, i - 4), -1):
                # not a verdict in capitals: "The staff was Humble and took good care" names nobody
                if lower[k] == "and" and k >= 1 and _bare_name(words[k - 1]) and (
                        k == 1 or lower[k - 2] not in {"was", "is", "were", "are"} | DEGREE):
                    return _subject(words, lower, _name_ending(words, k - 1))
        return named
    if w == "been" and i >= 2 and lower[i - 1] in {"has", "have", "had"}:
        # "Praveen has been very courteous": step back over the auxiliary to the name
        w, i = "was", i - 1
        lower = [*lower[:i], "was", *lower[i + 2:]]
        words = [*words[:i], "was", *words[i + 2:]]
    if w in {"was", "is"} and i >= 4 and lower[i - 3:i - 1] == ["at", "the"] and lower[i - 1] in {
            "bar", "desk", "counter", "reception", "door", "front", "entrance", "till", "grill"}:
        # "Sandeep at the bar was excellent": a name before where someone works is a person, whatever the verdict
        return _subject(words, lower, _name_ending(words, i - 4))
    if w in {"was", "is", "were", "are"}:
        j = i + 1
        while j < len(words) and (lower[j] in DEGREE or lower[j] == "the"):  # "Raza is the most humble"
            j += 1
        mannered = j + 1 < len(words) and lower[j] == "well" and lower[j + 1] in {"mannered", "behaved", "spoken"}
        if j < len(words) and (lower[j] in SERVICE_ADJECTIVES or lower[j] in PERSON_ADJECTIVES or mannered):
            if w in {"were", "are"}:  # "Raza and Narendar were very helpful": the first of the pair
                return _pair_subject(words, lower, i)
            return _subject(words, lower, _name_with_surname(words, i - 1))
        if j + 2 < len(words) and lower[j + 1] in {"towards", "to", "with"} and \
                lower[j + 2] in {"us", "me", "my", "our", "everyone", "guests"}:
            return _subject(words, lower, _name_ending(words, i - 1))  # "Parthu was awesome towards my guests"
        k = j + 1 if j < len(words) and lower[j] in {"a", "an"} else j
        while k < len(words) and lower[k] in {"absolute", "real", "total", "true", "little", "complete"}:
            k += 1
        if k < len(words) and lower[k] in PRAISE_NOUNS:
            # "Tomasz is a genius", "Keira is an absolute star"
            return _subject(words, lower, _name_with_surname(words, i - 1))
        while k < len(words) and k - j < 3 and (lower[k] in DEGREE or lower[k] in PERSON_PRAISE):
            k += 1
        if k < len(words) and k > j and lower[k] in PERSON_NOUNS and w in {"is", "was"}:
            # "Arun was a great guy", "Shaik is very nice person": praise that only fits a person
            return _subject(words, lower, _name_with_surname(words, i - 1))
        if j < len(words) and lower[j] in {"our", "my"}:
            return None  # "Adil was our attendant": the role branch keeps the role
        r = j + 1 if j < len(words) and lower[j] in {"a", "an", "the"} else j
        while r < len(words) and r - j < 3 and lower[r].isalpha() and lower[r] not in ROLES and \
                lower[r].removesuffix("s") not in ROLES:
            r += 1
        if r < len(words) and lower[r] in ROLES and r - j <= 3 and w in {"is", "was"}:
            return _subject(words, lower, _name_ending(words, i - 1))  # "Mohit is amazing chef", "Ravi was our host"
        if r < len(words) and lower[r].removesuffix("s") in ROLES - GROUP_ROLES and r - j <= 3:
            return _pair_subject(words, lower, i)  # "Kiran and Shiraz were super hosts"
        if j < len(words) and lower[j] not in {"our", "my", "the", "a", "an"} and \
                any(lower[x] in {"he", "she"} for x in range(j + 1, min(len(words), j + 4))):
            return _subject(words, lower, _name_ending(words, i - 1))  # "Jonah was fantastic, he brought a sparkler"
    if w in {"has", "had"}:
        k = i + 1
        while k < len(words) and k - i <= 4 and (lower[k] in DEGREE or lower[k] in PERSON_PRAISE or lower[k] in {
                "such", "melodious", "soulful", "beautiful", "pleasant"}):
            k += 1
        if k < len(words) and k > i + 1 and lower[k] in {"voice", "nature", "smile", "hospitality"}:
            return _subject(words, lower, _name_with_surname(words, before))  # "Sonalin has a great voice"
    if w in PERSON_VERBS:
        # "Jonah brought them crayons", "Rosa had put a little candle", "Maya remembered our names": things a
        # person does. Only a name opening its clause counts ("the Keema Pav came" has a determiner).
        k = before
        if k >= 1 and lower[k] in {"had", "has", "have", "was", "is"}:
            k -= 1  # "Rosa had put", "Ahmed was serving us", "Maya had written"
        if w == "went" and (i + 1 >= len(words) or lower[i + 1] not in {"through", "out", "above", "beyond"}):
            return None  # "Keira went through every dish"; not "Dominos went downhill"
        if w == "stopped" and (i + 1 >= len(words) or lower[i + 1] not in {"by", "over"}):
            return None  # "Helen stopped by to say hello"
        named = _name_with_surname(words, k)
        start = named[0] if named else -1
        if named and (start == 0 or words[start - 1] in SENTENCE_ENDS | {",", "!", "(", "-"} or
                      lower[start - 1] in {"and", "but", "&", "instead", "then", "so", "also", "when", "if"}):
            return _subject(words, lower, named)
    return None


def _pair_subject(words: list[str], lower: list[str], i: int) -> tuple[int, str] | None:
    """The first of two people named right before a plural verb at i ("Raza and Narendar were ..."); the list
    after it is taken up by the caller."""
    if i >= 3 and lower[i - 2] in {"and", "&"} and (_bare_name(words[i - 1]) or _loose_name(words[i - 1])):
        return _subject(words, lower, _name_ending(words, i - 3))
    return None


def _subject(words: list[str], lower: list[str], named: tuple[int, str] | None) -> tuple[int, str] | None:
    """The name unless a determiner, place word or menu word before it makes it a thing ("mutton Rogan Josh")."""
    if named is None:
        return None
    k = named[0] - 1
    if k >= 0 and lower[k] in TITLES:
        return named
    for back in (k, k - 1):
        if back < 0 or words[back] in SENTENCE_ENDS:
            break
        if lower[back] in THING_BEFORE:
            return None
    if k >= 0 and lower[k] in _menu_words():
        return None
    return named


def _role_apposition(words: list[str], tags: list[str], lower: list[str], i: int) -> tuple[int, str] | None:
    """"Sunny (waiter)", "Sunny (the waiter)" and "our server, Ani, ..." around the role word at i."""
    k = i - 1
    if k >= 0 and lower[k] in {"the", "our", "a", "my"}:
        k -= 1
    if k >= 1 and lower[k] == "(" and _is_name(words[k - 1], tags[k - 1]) and words[k - 1][0].isupper():
        return _name_ending(words, k - 1) or (k - 1, words[k - 1])
    if i + 3 < len(words) + 1 and i + 2 < len(words) and lower[i + 1] in {",", "-"}:
        end = i + 3 if i + 3 < len(words) else None
        # "our server, Vijay," may name a common word; "Late Delivery, Taste is bad" must not
        determined = i >= 1 and lower[i - 1] in {"our", "the", "my"}
        candidate = _is_name(words[i + 2], tags[i + 2]) if determined else _bare_name(words[i + 2])
        if candidate and words[i + 2][0].isupper() and lower[i + 2] not in ROLES and \
                (end is None or lower[end] in PHRASE_ENDS | {"was", "is", "who", "and", "&"}):
            return i + 2, words[i + 2]
    return None


# A pronoun that opens the next clause of a run-on review ("service by bahadur we are fully happy").
CLAUSE_OPENERS = frozenset({"we", "i", "he", "she"})
SERVED_BY = frozenset({"service", "services", "served", "helped", "assisted", "hosted", "attended", "hospitality",
                       "explained", "cooked", "prepared", "recommended", "made", "organised", "organized",
                       "answered", "handled", "resolved", "sorted", "guided", "greeted", "welcomed", "fixed",
                       "serviced"})


def _served_before(lower: list[str], i: int) -> bool:
    """A service word right before "by" at i, or one adverb earlier ("answered perfectly by Lisa")."""
    return (i >= 1 and lower[i - 1] in SERVED_BY) or (
        i >= 2 and lower[i - 1].endswith("ly") and lower[i - 2] in SERVED_BY) or (
        # "Excellent service provided by Anup and Ranjit"
        i >= 2 and lower[i - 1] in {"provided", "given", "rendered", "extended", "done"} and (
            # "the service was provided by Soumen"
            lower[i - 2] in SERVICE_NOUNS or (i >= 3 and lower[i - 2] in {"was", "is"} and
                                              lower[i - 3] in SERVICE_NOUNS)))
SERVICE_NOUNS = frozenset({"service", "services", "hospitality", "help", "support", "care"})
SINGLING_OUT = frozenset({"especially", "specially", "particularly", "namely", "esp", "specifically", "mainly"})
PEOPLE = frozenset({"person", "persons", "people", "guy", "guys", "man", "men", "lady", "ladies", "boy", "boys",
                    "girl", "girls", "gentleman", "gentlemen", "staff", "member", "members", "someone", "one"})


def _people_before(lower: list[str], i: int) -> bool:
    """True when a people word comes shortly before "named" at i ("two persons here named ...")."""
    return any(w in PEOPLE or w.rstrip("s") in ROLES for w in lower[max(0, i - 4):i])


def _more_names(words: list[str], lower: list[str], named: tuple[int, str], found: dict,
                role: str | None) -> None:
    """A list after a found name: "Alivi, Kyn and Arjun"; each further one must be a bare name."""
    n = len(words)
    k = _after_name(lower, named)
    while k + 1 < n and lower[k] in {",", "and", "&"} and (_bare_name(words[k + 1]) or _loose_name(words[k + 1])):
        more = _name_ending(words, k + 2) if k + 2 < n and _bare_name(words[k + 2]) else None
        more = more or (k + 1, words[k + 1].capitalize())
        found.setdefault(more[1].lower(), (more[0], more[1], role))
        k = more[0] + len(more[1].split())


def _plain_spelling(words: list[str], i: int) -> str:
    """A name singled out in capitals ("BALA who served us") in title case, and a letter typed three times in a
    name once less ("Sadddam"); capitals that stress a word ("NEVER", "BEST") and capitalised text stay."""
    word = words[i]
    if word.isalpha() and word[:1].isupper() and word[1:].islower() and len(re.findall(r"(.)\1\1", word)) == 1 \
            and not re.search(r"(.)\1\1\1", word):
        return re.sub(r"(.)\1\1", r"\1\1", word)
    if not (word.isalpha() and word.isupper() and len(word) >= 4 and re.search("[AEIOUY]", word)) or \
            word.lower() in _vocabulary():
        return word
    near = [w for w in words[max(0, i - 3):i] + words[i + 1:i + 4] if w.isalpha() and len(w) > 1]
    if any(w.isupper() for w in near) or (i >= 1 and words[i - 1] in {"#", "@"}):
        return word  # a phrase or a tag in capitals ("POT POURRI", "#DJMERINA"), not one name singled out
    return word.capitalize()


def _names_before(words: list[str], lower: list[str], named: tuple[int, str], found: dict) -> None:
    """The names listed before a found one ("Soumen das and Arun was a great guy") when the list opens its clause,
    so "we came with Rahul and Arun served us" does not take the reviewer's friend for staff."""
    people, k = [], named[0] - 1
    while k >= 1 and lower[k] in {"and", "&", ","}:
        before = _name_with_surname(words, k - 1)
        if before is None:
            return
        people.append(before)
        k = before[0] - 1
    if people and (k < 0 or words[k] in SENTENCE_ENDS | {",", "!", "-"}):
        for person in people:
            found.setdefault(person[1].lower(), (person[0], person[1], None))


WAIT_FORMS = frozenset({"wait", "waits", "waited", "waiting"})
TIME_WORDS = frozenset({"min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "long", "ages", "forever",
                        "while", "time"})
# "the lady who waited on us": a person the reviewer points at without a name
THE_ONE = PERSON_NOUNS | {"woman"}


def serving_wait(lower: list[str], i: int) -> int | None:
    """The end of a "wait" at i that means serving: "Ravi waited our table", "the lady who waited on us". None when
    it is a wait, or the reviewer waited ("we were waiting on the table for 20 minutes")."""
    n = len(lower)
    if lower[i] not in WAIT_FORMS:
        return None
    k = i + 1 + (i + 1 < n and lower[i + 1] in {"on", "upon"})
    if k + 1 < n and lower[k] in {"our", "the", "my", "your", "their", "his", "her"} and \
            lower[k + 1] in {"table", "tables"}:
        end = k + 2
    elif k > i + 1 and k < n and lower[k] in {"us", "me", "everyone"}:
        end = k + 1
    else:
        return None
    b = i - 1
    while b >= 0 and lower[b] in {"were", "was", "had", "have", "been", "kept", "all", "both", "just", "still"}:
        b -= 1
    if (b >= 0 and lower[b] in {"we", "i", "us", "me"}) or any(w in TIME_WORDS for w in lower[end:end + 4]):
        return None  # the reviewer waited, or a wait was timed ("waited on the table for 20 minutes")
    return end


def _waiter(words: list[str], lower: list[str], i: int) -> tuple[int, str] | None:
    """Who waited on the reviewer, for a serving "wait" at i: a name ("Soumen Das waited our table", "Syed, who
    waited our table"), (i, "") for a person without one ("the guy who waited on us"), or None."""
    b = i - 1
    while b >= 1 and (lower[b] in ADVERBS or lower[b] in {"had", "has", "have"}):
        b -= 1  # "Ravi also waited on us", "Ravi had waited our table"
    if b >= 1 and lower[b] == "who":
        b -= 1
        if b >= 1 and lower[b] == ",":
            b -= 1
        if lower[b] in THE_ONE and b >= 1 and lower[b - 1] in {"the", "a"}:
            # "Saroj the guy who waited on us": the name before the person; "the lady who waited on us": no name
            named = _subject(words, lower, _name_ending(words, b - 2)) if b >= 2 and \
                (b == 2 or words[b - 3] in SENTENCE_ENDS | {","}) else None
            return named or (i, "")
        # "syed who waited our table", "Syed, who ...": "who" vouches for a person, also one typed in lower case
        # or whose name ends like a verb
        plain = words[b].isalpha() and len(words[b]) >= 3 and words[b][1:].islower() and lower[b] not in _vocabulary()
        if (_loose_name(words[b]) or plain) and (b == 0 or lower[b - 1] not in THING_BEFORE) and \
                not _bare_name(words[b - 1] if b >= 1 else ""):
            return b, words[b].capitalize()
    return _subject(words, lower, _name_with_surname(words, b)) if b >= 0 else None


COMPARATIVES = frozenset({"better", "worse", "more", "less", "expected", "expect", "expecting"})
COMPARING = frozenset({("compared", "to"), ("compared", "with"), ("like", "at"), ("similar", "to"), ("same", "as")})


def _compared_at(lower: list[str], k: int) -> bool:
    """Whether the word at k is what the review measures the place against: another business ("tastier than
    Bawarchi", "compared to Paradise", "I expected better service from Pizzaland")."""
    b = k - 1
    while b >= 0 and lower[b].isspace():
        b -= 1
    if b < 0:
        return False
    if lower[b] in {"than", "unlike"} or (b >= 1 and (lower[b - 1], lower[b]) in COMPARING):
        return True
    if lower[b] not in {"from", "at", "in"}:
        return False
    gap = 1
    for j in range(b - 1, -1, -1):
        if lower[j] in COMPARATIVES:
            return True
        gap += len(lower[j]) + 1
        # within one sentence and a few words: "better service from X", not "better. We came from X"
        if gap > 40 or any(c in lower[j] for c in ".!?\n"):
            return False
    return False


def _only_compared(lower: list[str], name: str) -> bool:
    """True when every mention of the name's first word is a business the place is compared with."""
    first = name.split()[0].lower()
    hits = [k for k, w in enumerate(lower) if w == first]
    return bool(hits) and all(_compared_at(lower, k) for k in hits)


def find_staff(words: list[str], tags: list[str]) -> list[tuple[int, str, str | None]]:
    """Staff mentions in one review: [(token index, name or "", role or None)], one per person.

    Patterns: "our server Maria", "Maria, our server", "Maria (the manager)", "our server, Maria,",
    "thanks to Maria and Ravi", "Ranjit served us", "Papiya was very helpful", "ask for Maya", and unnamed
    individual roles ("the manager", "the delivery boy"). Without a role word the name must be no English or menu
    word; after a role, "service by" or a thanks word it may be typed in lower case ("service by sunny") or singled
    out in capitals ('"BALA" who served us').
    """
    found: dict[str, tuple[int, str, str | None]] = {}
    n = len(words)
    # "......Azad Hussian gave us": a run of dots or an ellipsis ends a sentence like a full stop
    words = ["." if re.fullmatch(r"\.{2,}|…+", w) else w for w in words]
    words = [_plain_spelling(words, i) for i in range(n)]
    lower = [w.lower() for w in words]
    for i, w in enumerate(lower):
        role = w.rstrip("s") if w.rstrip("s") in ROLES and w not in ROLES else w
        if role in ROLES:
            # "the staff especially Prabhu and Jenny", "waiters namely Ajay": a name after a singling-out word
            after = i + 2 if i + 2 < n and lower[i + 1] in SINGLING_OUT and _bare_name(words[i + 2]) else i + 1
            if i >= 1 and lower[i - 1] in {"our", "the", "my"} and _continues_on_next_line(words, i + 1) and \
                    _role_ends_short_line(words, lower, i):
                after = i + 2  # "our waiter\nRamesh was great": the name on the line after its role
            named = _name_at(words, tags, after)
            if named is None and i >= 2 and lower[i - 1] in {"our", "the", "a"} and lower[i - 2] in {",", "-"}:
                named = _name_at(words, tags, i - 3) if i >= 3 else None
                if named and named[1].split()[0].lower() in _vocabulary():
                    named = None  # "However, the server ...": a sentence adverb, not "Maria, the manager"
            if named is None and i + 2 < n and _loose_name(words[i + 1]) and lower[i + 2] in {",", "and", "&"} and \
                    lower[i - 1:i] != ["the"]:
                named = (i + 1, words[i + 1].capitalize())  # "chef manoj, madhura and Tanurima are amazing"
            if named is None and role not in GROUP_ROLES and w == role and i + 2 < n and \
                    _loose_name(words[i + 1]) and (lower[i + 2] in {"was", "is", "who", "has", "had", ","} or (
                        lower[i + 2] in {".", "!"} and lower[i - 1:i] in (["the"], ["our"], ["my"], ["favourite"]))):
                # "our waiter subash was very nice", "the hostess barnali ."; not "Did the cook change?"
                named = (i + 1, words[i + 1].capitalize())
            if named is None:
                named = _role_apposition(words, tags, lower, i)
            if named is None and i >= 3 and lower[i - 1] in {"our", "my"} and lower[i - 2] in {"was", "is"} \
                    and _bare_name(words[i - 3]):
                named = _name_ending(words, i - 3)  # "Adil was our attendant"
            if named is None and i >= 3 and lower[i - 2] == "and" and _bare_name(words[i - 3]) and \
                    lower[i - 1].isalpha() and lower[i - 1] not in _vocabulary() and w != role:
                # "Ali and mantu serviceboys were really good": two people before a plural role
                found.setdefault(lower[i - 1], (i - 1, words[i - 1].capitalize(), role))
                named = (i - 3, words[i - 3])
            if named is None and i >= 2 and lower[i - 1] in {"the", "our"} and _bare_name(words[i - 2]) and \
                    (i == 2 or words[i - 3] in SENTENCE_ENDS or lower[i - 3] in {",", "and"}):
                named = (i - 2, words[i - 2])  # "Aritra the staff there was very friendly"
            # A capitalised role mid-sentence is part of a business name ("Shanghai Chef"), not a person.
            capital_role = words[i][0].isupper() and i >= 1 and words[i - 1] not in SENTENCE_ENDS
            if named is None and i >= 1 and not capital_role and _is_name(words[i - 1], tags[i - 1]) and \
                    words[i - 1][0].isupper() and lower[i - 1] not in ROLES and _name_before_role(words, i - 1):
                named = (i - 1, words[i - 1])
            if named:
                key = named[1].lower()
                found.setdefault(key, (named[0], named[1], role))
                # the listed names share a plural or group role ("waiters Ajay and Ranjan")
                shared = (after > i + 1 and lower[i + 1] in SINGLING_OUT) or w != role or role in GROUP_ROLES
                _more_names(words, lower, named, found, role if shared else None)
            elif role not in GROUP_ROLES and w == role and i >= 1 and lower[i - 1] in {"the", "our", "my"}:
                found.setdefault(f"role:{role}", (i, "", role))
            elif w == "delivery" and i >= 1 and lower[i - 1] in {"the", "our", "my", "your"} and i + 1 < n and \
                    lower[i + 1] in DELIVERY_PEOPLE:
                found.setdefault("role:delivery", (i + 1, "", "delivery"))  # "the delivery guy was polite"
        elif w == "rider" and i >= 1 and lower[i - 1] in {"the", "our", "my", "your"}:
            found.setdefault("role:delivery", (i, "", "delivery"))  # "the rider was polite"
        elif w in THANKS:
            # "Cheers Rakshita" signs a review off with the reviewer's own name; "cheers to" thanks someone.
            if w == "cheers" and (i + 1 >= n or lower[i + 1] != "to"):
                continue
            j = i + 1
            while j < n and lower[j] in {"to", "you", "a", "lot", "for", "the", "mention", "out", "dear", "very",
                                         "much", "so"}:
                j += 1
            named = _name_at(words, tags, j)
            # not at a phrase end: "thanks bdubs." and "thanx zomatoo" thank the place
            if named is None and j + 1 < n and _loose_name(words[j]) and lower[j + 1] in {"will", "again"} and any(
                    x in {"service", "staff", "served", "serving", "helped", "waiter", "hospitality"}
                    for x in lower[:i]):
                named = (j, words[j].capitalize())  # "... best service ... thanks roshan will visit again"
            if named is None and j < n and _loose_name(words[j]) and j + 1 < n and (
                    lower[j + 1] in {"for", "thanks", "thank"} or (lower[j + 1] in {"and", "&"} and j + 2 < n
                                              and (_loose_name(words[j + 2]) or _bare_name(words[j + 2])))):
                named = (j, words[j].capitalize())  # "Thanks to shubro and papiya", "Thank you sudhar for"
                if j + 2 < n and lower[j + 1] in {"and", "&"} and _loose_name(words[j + 2]):
                    found.setdefault(lower[j + 2], (j + 2, words[j + 2].capitalize(), None))
            if named and lower[named[0]] not in ROLES:
                found.setdefault(named[1].lower(), (named[0], named[1], None))
                _more_names(words, lower, named, found, None)
        elif w.rstrip(".") in {"mr", "mrs", "ms", "miss"} and i + 1 < n \
                and (i == 0 or lower[i - 1] not in THING_BEFORE) and (words[i + 1][:1].isupper() or (
                    w.rstrip(".") != "miss" and _loose_name(words[i + 1]))) \
                and words[i + 1].isalpha() and lower[i + 1] not in NOT_NAMES:
            # "the service by Mr. Subendhu and Mr. Upendra": a title in a restaurant review is someone who served;
            # "Mr. Sk. Alauddin": a short abbreviated first part is passed over for the name after it
            k = i + 3 if i + 3 < n and len(words[i + 1]) <= 2 and lower[i + 2] == "." and \
                words[i + 3][:1].isupper() and words[i + 3].isalpha() else i + 1
            found.setdefault(lower[k], (k, words[k].capitalize(), None))
        elif w == "with" and i >= 1 and lower[i - 1] == "time" and i + 1 < n and _bare_name(words[i + 1]) and (
                i + 2 >= n or lower[i + 2] in PHRASE_ENDS | {"and"}):
            found.setdefault(lower[i + 1], (i + 1, words[i + 1], None))  # "We had a great time with Jayant."
        elif w == "(" and i + 2 < n and lower[i + 2] == ")" and _bare_name(words[i + 1]) and any(
                x in {"served", "serving", "waiter", "person", "attended", "host", "server"}
                for x in lower[max(0, i - 5):i]):
            found.setdefault(lower[i + 1], (i + 1, words[i + 1], None))  # "the person who served us (Sahoo)"
        elif (w in {"-", ",", "–"} or (w == "." and lower[i + 1:i + 4] == ["thanks", "for", "your"])) and \
                1 <= i < n - 1 and lower[i + 1] in {"thanks", "thank", "kudos"} and _bare_name(words[i - 1]):
            # "Sarveshwar... thanks for your service": a name standing alone, then thanked
            # "Anup, Arumay and Zakir - thanks guys": a list of names addressed before the thanks
            k, names = i - 1, []
            while k >= 0 and _bare_name(words[k]):
                names.append(k)
                if k >= 2 and lower[k - 1] in {",", "and", "&"}:
                    k -= 2
                else:
                    break
            if k == 0 or (k >= 1 and words[k - 1] in SENTENCE_ENDS | {"!"}) or names and names[-1] == 0:
                for x in names:
                    found.setdefault(lower[x], (x, words[x], None))
        elif w in SINGLING_OUT and 1 <= i < n - 2 and lower[i - 1] == "(" and lower[i + 2] == ")" and (
                _bare_name(words[i + 1]) or _loose_name(words[i + 1])) and any(
                x in SERVICE_NOUNS | {"served", "staff", "waiters"} for x in lower[max(0, i - 8):i]):
            # "quick service (especially govind)"
            found.setdefault(lower[i + 1], (i + 1, words[i + 1].capitalize(), None))
        elif w in SINGLING_OUT and i + 1 < n and i >= 1 and words[i - 1] in SENTENCE_ENDS and (
                _bare_name(words[i + 1]) or _loose_name(words[i + 1])) and i + 2 < n and lower[i + 2] in {
                "and", "&", ",", "."}:
            # "They are very friendly. Mainly gobind and Manoj."
            found.setdefault(lower[i + 1], (i + 1, words[i + 1].capitalize(), None))
            _more_names(words, lower, (i + 1, words[i + 1]), found, None)
        elif w == "from" and 1 <= i < n - 1 and lower[i - 1] in {"visits", "visit", "help", "attention", "care",
                                                                 "hospitality", "support", "service"} and \
                _bare_name(words[i + 1]):
            named = _name_ending(words, i + 2) if i + 2 < n and _bare_name(words[i + 2]) else (i + 1, words[i + 1])
            found.setdefault(named[1].lower(), (named[0], named[1], None))  # "Frequent visits from Papiya"
        elif re.fullmatch(r"(?:mr|mrs|ms)\.[a-z]{3,}", w) and w.split(".")[1] not in _vocabulary():
            found.setdefault(w.split(".")[1], (i, w.split(".")[1].capitalize(), None))  # "our guy mr.johnson"
        elif w == "#" and i + 2 < n and (_loose_name(words[i + 1]) or _bare_name(words[i + 1])) and lower[i + 2] in {
                "helped", "served", "was", "is", "made", "took", "looked", "attended"}:
            found.setdefault(lower[i + 1], (i + 1, words[i + 1].capitalize(), None))  # "#abdul helped us"
        elif w.startswith("@") and len(w) > 3 and _loose_name(w[1:]) and i + 2 < n and lower[i + 1] in {"was", "is"} \
                and any(x in SERVICE_ADJECTIVES or x in PERSON_ADJECTIVES for x in lower[i + 2:i + 6]):
            found.setdefault(w[1:], (i, w[1:].capitalize(), None))  # "@shivam was nice and polite"
        elif w.startswith("@") and len(w) > 3 and words[i][1:].isalpha() and words[i][1].isupper():
            # "@Ahmed Khan your service was great": a reviewer tagging the person who served them
            j = i + 2 if i + 1 < n and _bare_name(words[i + 1]) else i + 1
            if j < n and lower[j] in {"your", "you", "thanks", "thank", "was", "is", "did", "made", "served"}:
                found.setdefault(lower[i][1:], (i, words[i][1:], None))
        elif w in SINGLING_OUT and i + 1 < n and _bare_name(words[i + 1]) and i >= 1 and (
                lower[i - 1] in {"hospitality", "service", "services", "team", "staff", ",", "and"} or
                # "staff was good especially Shahrukh": the people praised a few words before
                any(x in {"hospitality", "service", "team", "staff", "waiters", "servers"}
                    for x in lower[max(0, i - 4):i - 1])) and \
                not (i + 2 < n and lower[i + 2] in _menu_words()):  # "especially Chana Dal Poori" is a dish
            # "exceptional hospitality especially Ranjit"
            named = _name_ending(words, i + 2) if i + 2 < n and _bare_name(words[i + 2]) else (i + 1, words[i + 1])
            found.setdefault(named[1].lower(), (named[0], named[1], None))
        elif w in {"name", "names"} and i >= 1 and lower[i - 1] in {"staff", "waiter", "waiters", "server", "servers"}:
            # "service staff name shekhar and santhu": names typed in lower case after "staff name"
            j = i + 1
            while j < n and lower[j].isalpha() and lower[j] not in _vocabulary() and len(lower[j]) >= 3:
                found.setdefault(lower[j], (j, words[j].capitalize(), None))
                j += 2 if j + 1 < n and lower[j + 1] in {"and", ","} else n
        elif re.fullmatch(r"by[A-Z][a-z]{2,}", words[i]) and _served_before(lower, i) and _bare_name(words[i][2:]):
            # "Great service byRaza and subenbhu": a name typed against "by"
            found.setdefault(w[2:], (i, words[i][2:], None))
            _more_names(words, lower, (i, words[i][2:]), found, None)
        elif serving_wait(lower, i) is not None:
            named = _waiter(words, lower, i)
            if named and named[1]:
                if found.get(named[1].lower(), (0, "", None))[2] is None:
                    found[named[1].lower()] = (named[0], named[1], "server")
            elif named:
                found.setdefault("role:server", (i, "", "server"))
        elif (w in PERSON_ADJECTIVES or w in SERVICE_ADJECTIVES or w == "smiling") and i + 2 < n and \
                _bare_name(words[i + 1]) and (_bare_name(words[i + 2]) or lower[i + 2] in {"was", "is", "who"}):
            # "a quick meeting with cheerful and smiling Ashwin Jain": a word only said of people, then a full name
            named = (i + 1, f"{words[i + 1]} {words[i + 2]}") if _bare_name(words[i + 2]) else (i + 1, words[i + 1])
            found.setdefault(named[1].lower(), (*named, None))
        elif w == "by" and _served_before(lower, i) and i + 3 < n and lower[i + 1] in {"our", "the", "my"} and \
                lower[i + 2] in PEOPLE - {"staff", "someone", "one"} and (
                    _bare_name(words[i + 3]) or _loose_name(words[i + 3])):
            # "the courteous service by our man dharmender & Noor": a casual word for the person, then the name
            named = (i + 3, words[i + 3].capitalize())
            found.setdefault(named[1].lower(), (*named, None))
            _more_names(words, lower, named, found, None)
        elif w == "by" and _served_before(lower, i) and i + 1 < n and "&" in lower[i + 1] and all(
                p.isalpha() and len(p) >= 3 and p not in _vocabulary() for p in lower[i + 1].split("&")):
            # "very good service by govind&suraj": names typed together
            for part in words[i + 1].split("&"):
                found.setdefault(part.lower(), (i + 1, part.capitalize(), None))
        elif w == "by" and _served_before(lower, i) and lower[i - 1] not in {"served", "made", "prepared", "cooked",
                                                                             "recommended", "explained"} \
                and i + 1 < n and _loose_name(words[i + 1]) and (
                i + 2 >= n or lower[i + 2] in PHRASE_ENDS | CLAUSE_OPENERS | {"and", "&", "was", "is", "who"} or
                lower[i + 2] in {"bro", "sir", "bhai", "bhaiya", "ji"} or not re.search(r"\w", lower[i + 2]) or
                re.fullmatch(r"[.,][a-z]+", lower[i + 2])):
            # "Best service by ajay", "service by bahadur we are fully happy", "service by govind bro", an emoji,
            # "service by govind .all starters": a full stop typed against the next word
            found.setdefault(lower[i + 1], (i + 1, words[i + 1].capitalize(), None))
            _more_names(words, lower, (i + 1, words[i + 1]), found, None)
        elif w == "by" and _served_before(lower, i) and i + 3 < n and _loose_name(words[i + 1]) and \
                _loose_name(words[i + 2]) and lower[i + 3] in PHRASE_ENDS | {"and", "&", "was", "is", "who", "with"}:
            # "very good service by soumen das.": a given name and a family name, both in lower case
            named = (i + 1, f"{words[i + 1].capitalize()} {words[i + 2].capitalize()}")
            found.setdefault(named[1].lower(), (*named, None))
            _more_names(words, lower, named, found, None)
        elif w == "by" and i >= 1 and lower[i - 1] in {"service", "services", "hospitality"} and i + 1 < n and \
                not _bare_name(words[i + 1]) and _word_as_name(words[i + 1]) and \
                (i + 2 == n or lower[i + 2] in SENTENCE_ENDS | CLAUSE_OPENERS | {"was", "is", "and", ","}):
            found.setdefault(lower[i + 1], (i + 1, words[i + 1].capitalize(), None))  # "service by sunny is good"
            _more_names(words, lower, (i + 1, words[i + 1]), found, None)
        elif w == "by" and _served_before(lower, i) and i + 1 < n and _bare_name(words[i + 1]):
            # "excellent service by Nandan and santun"
            named = _name_ending(words, i + 2) if i + 2 < n and _bare_name(words[i + 2]) else (i + 1, words[i + 1])
            found.setdefault(named[1].lower(), (named[0], named[1], None))
            _more_names(words, lower, named, found, None)
        elif w in {"named", "called"} and i + 1 < n and i >= 1 and lower[i - 1] not in {"is", "was", "restaurant",
                                                                             "place", "dish", "cafe", "drink"}:
            # "two persons here named Papiya and Shuvro": bare names only ("a dish called Paneer" is a thing),
            # or a word typed in lower case after a person ("a man called sunny")
            named = _name_ending(words, i + 1) if _bare_name(words[i + 1]) else (
                (i + 1, words[i + 1].capitalize()) if _word_as_name(words[i + 1]) and words[i + 1].islower() and
                lower[i - 1] in PEOPLE else None)
            if named and i + 2 < n and _bare_name(words[i + 2]):
                named = (i + 1, f"{words[i + 1]} {words[i + 2]}")
            if named and _people_before(lower, i):
                found.setdefault(named[1].lower(), (named[0], named[1], None))
                _more_names(words, lower, named, found, None)

        elif w in ASK and i + 2 < n and lower[i + 1] == "for":
            named = _name_at(words, tags, i + 2)
            end = _after_name(lower, named) if named else n
            if named and all(_bare_name(x) for x in named[1].split()) and (end >= n or lower[end] in PHRASE_ENDS):
                found.setdefault(named[1].lower(), (named[0], named[1], None))
        elif w in {"service", "services", "hospitality"} and i + 2 < n and (
                _bare_name(words[i + 1]) or _loose_name(words[i + 1])):
            # "the service Jayanth, Hasihul and Kushal is awesome", "service jayanta kusul hasebul so good"
            j, names, joined = i + 1, [], False
            while j < n and len(names) < 4 and (_bare_name(words[j]) or _loose_name(words[j])):
                names.append(j)
                joined |= j + 2 < n and lower[j + 1] in {",", "and", "&"}
                j += 2 if j + 2 < n and lower[j + 1] in {",", "and", "&"} else 1
            loose = [k for k in names if not _bare_name(words[k])]
            if j < n and lower[j] in {"is", "are", "was", "were", "so", "very", "really", "awesome", "excellent",
                                      "great", "good", "amazing"} and (not loose or joined or len(names) >= 3):
                for k in names:
                    found.setdefault(lower[k], (k, words[k].capitalize(), None))
        elif i + 4 < n and lower[i + 1:i + 5] == ["one", "of", "the", "best"] and _bare_name(words[i]) and \
                (i == 0 or words[i - 1] in SENTENCE_ENDS):
            found.setdefault(w, (i, words[i], None))  # "Sahoo one of the best here"
        elif w == "," and 1 <= i < n - 2 and _bare_name(words[i - 1]) and (i == 1 or words[i - 2] in SENTENCE_ENDS) \
                and (lower[i + 1] in {"thanks", "thank", "kudos"} or lower[i + 1:i + 3] == ["special", "thanks"]):
            found.setdefault(lower[i - 1], (i - 1, words[i - 1], None))  # "Praveen, special thanks to you"
        elif w in {"'s", "’s"} and 1 <= i < n - 1 and _bare_name(words[i - 1]) and lower[i + 1] in {
                "service", "hospitality", "help", "attention", "recommendations", "recommendation", "suggestions"} and \
                (i == 1 or words[i - 2] in SENTENCE_ENDS | {",", "and"}):
            found.setdefault(lower[i - 1], (i - 1, words[i - 1], None))  # "Praveen's service was good"
        elif w in {"service", "hospitality"} and 1 <= i < n - 1 and _bare_name(words[i - 1]) and \
                len(words[i - 1]) <= 10 and lower[i - 1] not in CASUAL_WORDS and \
                lower[i + 1] in {"was", "is"} and (i == 1 or words[i - 2] in SENTENCE_ENDS | {",", "and"}):
            # a run-together typo ("Althoughbthe service was") is longer than a given name
            found.setdefault(lower[i - 1], (i - 1, words[i - 1], None))  # "Jayanta service was very good"
        elif w in {"appreciate", "love", "loved"} and i + 1 < n and (
                _bare_name(words[i + 1]) or _loose_name(words[i + 1])) and (
                lower[i + 2:i + 4] in (["for", "his"], ["for", "her"], ["for", "their"]) or (
                w == "appreciate" and i + 2 < n and lower[i + 2] in PHRASE_ENDS | {"the", "for", "and"})):
            # "would like to appreciate Anmol the bar staff", "Love Keshav for his service"
            found.setdefault(lower[i + 1], (i + 1, words[i + 1].capitalize(), None))
        else:
            named = _service_subject(words, lower, i) if i >= 1 else None
            if named:
                found.setdefault(named[1].lower(), (named[0], named[1], None))
                _more_names(words, lower, named, found, None)  # "Raza and Narendar were very helpful"
                _names_before(words, lower, named, found)  # "Subendu and Raja took good care of us"
                k = named[0] + len(named[1].split())
                if k + 2 == i and lower[k] in {"and", "&"} and lower[k + 1].isalpha() and len(lower[k + 1]) >= 3 \
                        and lower[k + 1] not in _vocabulary():
                    # "Nandan and varun did excellent service": a partner's name typed in lower case
                    found.setdefault(lower[k + 1], (k + 1, words[k + 1].capitalize(), None))
    # A name also seen with a role keeps the role.
    # "Sk" in "Mr. Sk. Alauddin": two letters without a vowel are an abbreviation, not the name to thank ("Jo" is one)
    # A name only ever met as what the place is compared with is another business ("better than Bawarchi").
    return sorted(v for v in found.values()
                  if (not v[1] or len(v[1]) >= 3 or v[2] or re.search("[aeiouy]", v[1].lower())) and
                  not (v[1] and _only_compared(lower, v[1])))
