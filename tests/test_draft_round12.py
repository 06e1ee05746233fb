"""Round 12: a named fault says what was wrong with the thing ("the undercooked pizza", not "the pizza"), and
broken grammar or a misspelling is never quoted back. Every review here was written for the test.
"""

from __future__ import annotations

import pytest
from test_draft_round8 import drafted

from nlp.draft import (
    _no_generic_beside_dish,
    _one_flavour_fault,
    _with_complaint,
    _without,
    broken_grammar,
    ordered_with_complaint,
)


@pytest.mark.parametrize(("phrase", "text", "named"), [
    # a negated predicate: "not cooked properly" is one plain word
    ("the lasagne", "The lasagne is not cooked properly. Never again.", "the undercooked lasagne"),
    ("the lamb", "Booked for six. The lamb was not even cooked through.", "the undercooked lamb"),
    # a good quality denied stays a denial, in the number the review used
    ("the wedges", "The wedges were not fresh at all and the dip was fine.", "the wedges that weren't fresh"),
    ("the soup", "Two hours late and the soup was not even warm.", "the soup that wasn't even warm"),
    ("the prawns", "the prawns were not boneless... wait, prawns have no bones", "the prawns that weren't boneless"),
    # a flavour turned up is the fault; a texture word stands on its own
    ("the lemonade", "The lemonade was super sweet, undrinkable.", "the overly sweet lemonade"),
    ("the paratha", "The paratha was extremely hard.", "the hard paratha"),
    ("the bun", "Ordered a veg burger. The bun was so hard that we left it.", "the hard bun"),
    # picked up by "it" straight after the dish, even with a slip in the intensifier
    ("the chilli chicken", "ordered chilli chicken : it was extreemly salty", "the overly salty chilli chicken"),
    ("the kofta", "The kofta was poor. It was way too oily.", "the overly oily kofta"),
    # two faults on one thing: the reviewer's word before it, the denial after it
    ("the cake", "Got the cake which was completely dry and was not fresh either.", "the dry cake that wasn't fresh"),
    # said in two words, or with where
    ("the pasta", "The pasta was over cooked and mushy.", "the overcooked pasta"),
    ("the onions", "The onions were over burnt.", "the burnt onions"),
    ("the mutton", "The mutton was hard inside, like rubber.", "the hard mutton"),
    # gone off
    ("the curd", "The curd seemed to have gone bad by lunch.", "the curd that seemed to have gone bad"),
    ("the juice", "The juice had gone sour.", "the sour juice"),  # round 11's word, said once
])
def test_a_faulted_dish_carries_the_reviewers_complaint(phrase, text, named):
    assert _with_complaint(phrase, text) == named


@pytest.mark.parametrize(("phrase", "text"), [
    ("the biryani", "The biryani was slightly spicy."),  # a hedge is theirs to make, never our adjective
    ("the biryani", "The biryani was very spicy but delicious."),  # taken back at once: no fault
    ("the biryani", "The biryani was not too spicy, just right."),  # a fault denied is praise
    ("the gravy", "The gravy was not cold."),  # "not cold" is no complaint about a curry
    ("the pizza", "If the pizza is not cooked properly, send it back."),  # a condition, not what happened
    ("the waiter", "The waiter was not even polite."),  # people are never given an adjective
    ("the fries", "The fries were not as good as last time."),  # no plain word for it: left as it was
])
def test_no_complaint_is_invented_or_turned_round(phrase, text):
    assert _with_complaint(phrase, text) == phrase


def test_the_reviewers_own_word_still_comes_first():
    # round 11's "stale" stays, and a second fault follows it rather than replacing it
    assert _with_complaint("the naan", "The naan was stale and was not hot either.") == "the stale naan that wasn't hot"


def test_a_seasoning_is_not_named_twice():
    assert _one_flavour_fault(["the oil", "the overly oily kofta"]) == ["the overly oily kofta"]
    assert _one_flavour_fault(["the sweetness", "the overly sweet lemonade"]) == ["the overly sweet lemonade"]
    # nothing carries it: unchanged
    assert _one_flavour_fault(["the salt level"]) == ["the salt level"]
    assert _one_flavour_fault(["the oil", "the hard paratha"]) == ["the oil", "the hard paratha"]


def test_what_was_missing_from_a_dish_is_one_fault_with_it():
    text = "Ordered the veg fried rice and paneer rolls. In the paneer rolls, there was no paneer."
    assert _without(["the missing paneer", "the paneer rolls"], text) == ["the paneer rolls without any paneer"]
    assert _without(["the missing cheese", "the pizza"], "There was no cheese on the pizza.") == [
        "the pizza without any cheese"]
    # not said of that dish: both stay as they were
    assert _without(["the missing cheese", "the pizza"], "No cheese. The pizza was cold.") == [
        "the missing cheese", "the pizza"]


def test_a_generic_name_beside_the_dish_it_covers_is_dropped():
    assert _no_generic_beside_dish(["the lasagne", "the food"], "restaurant") == ["the lasagne"]
    assert _no_generic_beside_dish(["the taste", "the uncooked lasagne"], "restaurant") == ["the uncooked lasagne"]
    assert _no_generic_beside_dish(["the cold coffee", "the drinks"], "restaurant") == ["the cold coffee"]
    # beside something it does not cover, the generic name is a thing of its own
    assert _no_generic_beside_dish(["the ambience", "the food"], "restaurant") == ["the ambience", "the food"]
    assert _no_generic_beside_dish(["the food", "the cocktails"], "restaurant") == ["the food", "the cocktails"]
    assert _no_generic_beside_dish(["the drinks", "the pizzas"], "restaurant") == ["the drinks", "the pizzas"]
    # a faulted "the food" may be the complaint itself, the dish only a detail of it
    assert _no_generic_beside_dish(["the food", "the curry"], "restaurant", faults=True) == ["the food", "the curry"]
    assert _no_generic_beside_dish(["the taste", "the curry"], "restaurant", faults=True) == ["the curry"]
    for reply in drafted("The lasagne was rich and lovely, and the food overall was great. Will be back.", 5):
        assert "the lasagne and the food" not in reply and "the food and the lasagne" not in reply, reply


def test_the_dish_a_vague_complaint_was_about():
    text = "We came on Sunday. I ordered mushroom risotto but it was not cooked properly."
    assert ordered_with_complaint(text) == "the undercooked mushroom risotto"
    assert ordered_with_complaint("I ordered mushroom risotto and it was lovely.") == ""
    for reply in drafted(text, 2):
        assert "undercooked mushroom risotto" in reply, reply
        assert "even if the undercooked" not in reply, reply  # a faulted name is never "the one that didn't"


@pytest.mark.parametrize("quote", [
    "I didn't liked it at all",
    "we did not received the order",
    "it doesn't worked",
    "the curry was smelling bad",
    "I don't like food",
    "one of the worst meal ever had",
    "ill update this review later",
    "not cocked",
    "a higly rated place",
    "serveing was slow",
])
def test_broken_grammar_is_never_quoted(quote):
    assert broken_grammar(quote)


@pytest.mark.parametrize("quote", [
    "I didn't like it at all",
    "we did not receive the order",
    "they did not need it",
    "the curry smelled bad",
    "I don't like the food",
    "one of the worst meals I've had",
    "the sambar was cold",
    "the paneer tikka was dry",
])
def test_plain_grammar_may_be_quoted(quote):
    assert not broken_grammar(quote)


def test_a_draft_names_the_fault_and_quotes_no_broken_grammar():
    text = ("Ordered two veg burgers for dinner. The burgers were super sweet, not what a veg burger should taste "
            "like. I didn't liked it at all. Not ordering again.")
    for reply in drafted(text, 1):
        assert "overly sweet burgers" in reply, reply
        assert "liked it" not in reply, reply


def test_a_fault_sentence_never_praises_the_faulted_dish():
    text = "Lovely garden seating and the staff were kind. But the pizza was not cooked properly."
    for reply in drafted(text, 3):
        low = reply.lower()
        assert "undercooked pizza" in low, reply
        assert not any(p in low for p in ("enjoyed the undercooked", "glad the undercooked",
                                          "kind words about the undercooked")), reply
