"""Round 14 of blind reads: the things a reply names are clean English noun phrases. A measure never modifies a
noun ("the size menu"), a share is never the thing ("the rice part"), a verb of the senses or an adjective is never
a noun ("the tastes", "the outdoor"), one thing is never named twice ("the shake and the drink"), and a description
is never quoted back as a fault ("Not cream based")."""

from __future__ import annotations

import pytest
from test_draft_round8 import drafted

from nlp.draft import (
    _odd_compound,
    _without_category_of,
    loved_most,
    missing_form,
    noun_chunks,
    occasion_of,
    phrase_from_chunks,
    short_quote,
    split_sentences,
    thing_from_topic,
    used_as_verb,
)


def _chunk(*tagged: str) -> tuple:
    """A noun chunk from "word/POS" strings."""
    return tuple((w, w.lower(), pos, i == 0) for i, (w, pos) in enumerate(t.split("/") for t in tagged))


@pytest.mark.parametrize(("chunk", "odd"), [
    (_chunk("a/DET", "generous/ADJ", "size/NOUN", "menu/NOUN"), True),  # a measure of the menu, not a kind
    (_chunk("one/NUM", "noodle/NOUN", "part/NOUN"), True),  # a share of something, not a thing
    (_chunk("the/DET", "chicken/NOUN", "biryani/NOUN"), False),
    (_chunk("the/DET", "portion/NOUN", "size/NOUN"), False),  # the size is the head: a fine compound
    (_chunk("Taste/PROPN", "*/PUNCT", "value/NOUN"), False),  # a list, not a compound
])
def test_odd_compounds(chunk, odd):
    assert _odd_compound(chunk) is odd


@pytest.mark.parametrize(("text", "bad"), [
    ("They keep a generous size menu for late cravings.", "size menu"),
])
def test_odd_compounds_are_never_the_phrase(text, bad):
    chunks = noun_chunks([text])
    if chunks is None:
        pytest.skip("no trained spaCy pipeline")
    assert bad not in phrase_from_chunks(chunks[text])


def test_quality_as_an_adjective_leaves_the_dish():
    text = "Top quality mutton kebab at this price."
    chunks = noun_chunks([text])
    if chunks is None:
        pytest.skip("no trained spaCy pipeline")
    assert phrase_from_chunks(chunks[text]) == "the mutton kebab"


@pytest.mark.parametrize(("word", "text", "verb"), [
    ("tastes", "some starters tastes really good", True),
    ("smells", "the curry smells lovely", True),
    ("taste", "Great taste, lovely decor", False),  # the noun, praised
    ("tastes", "different tastes for different people", False),
])
def test_senses_before_a_judgement_are_verbs(word, text, verb):
    assert used_as_verb(word, text) is verb


@pytest.mark.parametrize(("phrase", "text", "expected"), [
    ("the environment", "Rude waiters and no friendly environment at all.", "the environment"),
    ("the ketchup", "There was no ketchup in the bag.", "the missing ketchup"),
    ("the ketchup", "They sent no extra ketchup.", "the missing ketchup"),
])
def test_a_judged_thing_is_not_missing(phrase, text, expected):
    assert missing_form(phrase, text) == expected


@pytest.mark.parametrize(("things", "expected"), [
    (["the paneer tikka", "the food"], ["the paneer tikka"]),
    (["the shake", "the drink"], ["the shake"]),
    (["the cold coffee", "the drinks"], ["the cold coffee"]),
    (["the ambience", "the food"], ["the ambience", "the food"]),  # a different thing: both stay
    (["the biryani", "the drinks"], ["the biryani", "the drinks"]),
    (["the food", "the biryani"], ["the food", "the biryani"]),
])
def test_a_category_after_its_own_item_is_dropped(things, expected):
    assert _without_category_of(things) == expected


@pytest.mark.parametrize("quote", ["Not cheese based", "not tomato-based", "Not north indian style"])
def test_descriptions_are_not_quoted_as_faults(quote):
    assert short_quote(quote, [], set(), set(), polarity=-1) is None


def test_a_real_fault_is_still_quoted():
    assert short_quote("The naan was not fresh", [], set(), set(), polarity=-1) == "the naan was not fresh"


@pytest.mark.parametrize(("evidence", "topic", "expected"), [
    ("it has a big projector and outdoor seating tooo", "ambience", "the outdoor seating"),  # never "the outdoor"
    ("They keep a good size menu for every kind of late craving.", "food_quality", ""),
    # broken text around an odd compound: no word of it is lifted ("the noodles" was the faulted dish)
    ("the noodles came like one noodle part glued to another noodle part with sauce", "dishes", ""),
])
def test_things_from_evidence_are_clean_noun_phrases(evidence, topic, expected):
    chunks = noun_chunks([evidence])
    if chunks is None:
        pytest.skip("no trained spaCy pipeline")
    topic_row = {"topic": topic, "label": "positive", "evidence": evidence}
    assert thing_from_topic(topic_row, True, set(), evidence, chunks[evidence]) == expected



@pytest.mark.parametrize(("text", "expected"), [
    ("Cosy cafe with warm staff. The cheese nachos were simply amazing.", "the cheese nachos"),
    ("Best paneer tikka in the area, and the rooftop is lovely.", "the paneer tikka"),
    ("Great taste and a lovely English style decor. Their butter chicken platter is the best I have had in years.",
     "the butter chicken platter"),
    # hedged, faulted elsewhere, or only a flavour of the dish: nothing is singled out
    ("Great brunch spot with warm staff. Only the lassi was a bit off, otherwise it would be the best.", ""),
    ("The biryani was amazing but the biryani next day was cold.", ""),
    ("Lovely dessert place. Loved the rich taste of chocolate in their chocolate cake.", ""),
    ("Amazing ambience and the best service in town.", ""),  # no dish or drink: today's wording stays
])
def test_the_dish_they_loved_most(text, expected):
    if noun_chunks([text]) is None:
        pytest.skip("no trained spaCy pipeline")
    assert loved_most(text, set(), set()) == expected


def test_the_dish_they_loved_most_is_named_first_and_once():
    text = ("Great taste and a lovely English style decor. Their butter chicken platter is the best I have had "
            "in years.")
    for reply in drafted(text, 5):
        first = split_sentences(reply)[0]
        assert "butter chicken platter" in first, reply
        assert reply.count("butter chicken platter") == 1, reply
        assert "the taste" not in first, reply


@pytest.mark.parametrize(("text", "expected"), [
    ("We came here for my wife's birthday and the cake was lovely.", "your wife's birthday"),
    ("Celebrated our anniversary here, the rooftop was perfect.", "your anniversary"),
    ("Went there on my birthday, such warm people.", "your birthday"),
    ("Came for a colleague's birthday, great evening.", "the birthday"),
    ("Our first visit here and we loved every bite.", "first visit"),
    ("They ruined my birthday dinner with cold food.", ""),  # a faulted occasion is never celebrated back
    ("Happy birthday to the owner, great biryani.", ""),  # a wish, not the day they came for
    ("Never disappoints, even when you try a dish for the first time here.", ""),  # a first dish, not visit
])
def test_the_occasion_they_came_for(text, expected):
    assert occasion_of(text) == expected


def test_a_birthday_is_acknowledged_on_praise():
    text = "Celebrated my son's birthday here with ten kids. The paneer rolls were a hit and the staff were lovely."
    for reply in drafted(text, 5):
        assert "your son's birthday" in reply, reply
