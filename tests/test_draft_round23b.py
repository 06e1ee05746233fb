"""Drafter round 23b: how a draft words what it reflects back. Quotes that carry a slip ("its costly", a word
glued to its article or split in two, "descent" for decent), two sentences run together ("hang out.great
service", "so I did it was lovely"), a degree word on a superlative, or a clause cut from its head or its
comparison. Every review here is written for the test.
"""

from __future__ import annotations

import re

import pytest
from test_draft_round8 import drafted

from nlp.draft import (
    OBJECT_ONLY_RE,
    _render,
    _with_complaint,
    idiom_only,
    load_phrases,
    mend_its,
    missing_form,
    sentence_ideas,
    short_quote,
    unglued,
    without_postposed,
    worst_said,
)


def quote(text: str, polarity: int) -> str | None:
    return short_quote(text, [text], set(), set(), polarity)


def test_its_for_it_is_is_mended_in_a_quote():
    said = quote("its costly", -1)
    assert said == "it's costly"


def test_a_mended_quote_still_counts_as_the_reviewers_own_words():
    text = "Lovely thick shakes and a cosy corner to sit in, its costly though for a college crowd"
    for reply in drafted(text, 4, n=3):
        assert "Its costly" not in reply and "its costly" not in reply, reply


@pytest.mark.parametrize("text", [
    "Afood is not as per recipe",
    "taste not so great with the mock tails",
    "ambience is descent, nothing special",
    "Too worst serving at lunch",
])
def test_a_quote_with_a_slip_in_it_is_not_used_as_typed(text):
    said = quote(text, -1) or ""
    assert not any(w in said.lower() for w in ("afood", "mock tails", "descent", "too worst")), said


def test_a_word_glued_to_its_article_is_quoted_from_the_real_word():
    assert quote("Afood is not as per recipe", -1) == "food is not as per recipe"


@pytest.mark.parametrize("text", ["Cozy spot to sit.friendly staff",
                                  "so I did it was extremely tasty"])
def test_sentences_run_together_are_not_quoted_as_one(text):
    said = quote(text, 1) or ""
    assert ".f" not in said and "did it was" not in said, said


def test_the_second_of_two_run_on_sentences_may_be_quoted():
    assert quote("so I did it was extremely tasty", 1) == "it was extremely tasty"


def test_a_clause_that_takes_a_clause_is_not_a_run_on():
    assert quote("I thought it was extremely tasty", 1)


def test_a_relative_clause_is_not_quoted_without_its_head():
    said = quote("Worst service food which I never faced in my life", -1) or ""
    assert not said.lower().startswith("i never"), said


def test_half_a_comparison_is_not_quoted():
    text = "surprised to find it open and running as smoothly and beautifully as years before"
    said = quote(text, 1) or ""
    assert not said.endswith("as smoothly") and not said.startswith("beautifully"), said


@pytest.mark.parametrize("text,word", [
    ("Grill buffet for name sake, nothing on the grill was cooked through", "sake"),
    ("Only go if you are in search of a quick snack, the samosa was cold", "search"),
    ("Being a veggie I tried the paneer tikka and the corn soup, both were good", "veggie"),
])
def test_a_word_inside_a_set_phrase_names_nothing(text, word):
    assert idiom_only(word, text)


def test_the_same_word_used_as_a_thing_still_counts():
    assert not idiom_only("sake", "The sake was warm and the sushi fresh, for old times sake we came back")


def test_a_set_phrase_is_not_echoed_as_a_thing():
    text = ("Worst buffet I have ever had. Poor grill for name sake. Nothing like the chicken or fish was cooked "
            "properly. Total waste of money")
    for reply in drafted(text, 1, n=6):
        assert "the sake" not in reply.lower(), reply


def test_a_word_standing_after_its_noun_is_dropped():
    assert without_postposed("the menu present") == "the menu"
    assert without_postposed("the options available") == "the options"
    assert without_postposed("the garlic naan") == "the garlic naan"


def test_a_thing_that_came_without_a_drop_of_it_is_missing():
    text = "They served fried rice with chilli chicken without a drop of gravy in it"
    assert missing_form("the gravy", text) == "the missing gravy"


@pytest.mark.parametrize("phrase,text,named", [
    ("the paneer tikka", "they delivered stale stinky paneer tikka that went straight in the bin",
     "the stale paneer tikka"),
    ("the fries", "we got cold, soggy fries with the burger", "the cold fries"),
    ("the tandoori", "We ordered tandoori and malai tikka. Both of them were under cooked.",
     "the undercooked tandoori"),
    ("the malai tikka", "We ordered tandoori and malai tikka. Both of them were under cooked.",
     "the undercooked malai tikka"),
    ("the sambar", "The sambar had a stale smell.", "the stale-smelling sambar"),
])
def test_a_faulted_dish_is_named_with_its_fault(phrase, text, named):
    assert _with_complaint(phrase, text) == named


def test_a_hedged_smell_is_not_made_a_fault_word():
    assert _with_complaint("the paneer", "the paneer had a slightly sour taste") == "the paneer"


def test_a_problem_has_enough_disappointed_openers_to_vary():
    # "the 30-minute wait" cannot "fall short": only openers that take it as an object are open to a problem, and
    # with two of them a batch repeats one opener on one review in ten.
    slots = load_phrases("restaurant")["slots"]
    fitting = [t for t in slots["open_disappointed"] if not OBJECT_ONLY_RE.search(t)]
    assert len(fitting) >= 5, fitting


def test_no_sentence_reads_with_how():
    values = {"greet": "Hi Kavya,", "things": "how the waiters treated you"}
    assert _render("{greet} thank you for laying out what happened with {things}.", values) is None
    assert _render("{greet} you're right to call us out on {things}.", values)


def test_a_quality_after_its_noun_is_said_the_english_way():
    assert without_postposed("the food taste") == "the taste of the food"
    assert without_postposed("the taste") == "the taste"


def test_what_the_reviewer_calls_themselves_is_not_thanked_as_a_thing():
    text = ("Great filter coffee and cold brew, tried every flavour. As a coffee connoisseur I left very happy! "
            "Sandwiches could be better though.")
    for reply in drafted(text, 4, n=6):
        assert "connoisseur" not in reply.lower(), reply


def test_disappointment_is_named_once_per_reply():
    text = "Waited 40 minutes for two dosas and they came out cold. Not the visit we had hoped for"
    for reply in drafted(text, 2, n=12):
        assert len(re.findall(r"disappoint", reply, re.I)) <= 1, reply


def test_its_before_an_adjective_and_its_noun_stays_a_possessive():
    assert mend_its("its lovely interiors") == "its lovely interiors"
    assert mend_its("its a must try") == "it's a must try"


@pytest.mark.parametrize("text", ["the iphone is slow", "we ate alot", "Thanks to Abeer for the help"])
def test_words_that_only_look_glued_are_left_alone(text):
    assert unglued(text, keep=False) == text


def test_not_arguing_and_not_pretending_are_one_idea():
    argue = sentence_ideas("\"Cold food\" tells me we missed the mark, and I'm not going to argue with it.")
    pretend = sentence_ideas("We didn't get that right, and I'm not going to pretend otherwise.")
    assert "excuse" in argue & pretend


def test_no_stock_sentence_leaves_missed_without_its_object():
    for options in load_phrases("restaurant")["slots"].values():
        assert not any(re.search(r"\bwe missed,", t) for t in options)


def test_a_participle_split_from_over_is_quoted_as_one_word():
    assert quote("The thali is way over priced", -1) == "the thali is way overpriced"


def test_a_mended_split_word_still_counts_as_the_reviewers_own_words():
    text = "Heard a lot about it, but the thali is way over priced and the service slow"
    for reply in drafted(text, 2, n=4):
        assert "over priced" not in reply, reply


def test_the_worst_complaint_may_be_quoted_mended(monkeypatch):
    import nlp.draft_review as review

    clause = "the cocktails are way over priced"
    monkeypatch.setattr(review, "unnamed_worst", lambda text, named: (clause, clause))
    assert worst_said(f"Nice music but {clause}.", "the music", set(), set()) == "the cocktails are way overpriced"
