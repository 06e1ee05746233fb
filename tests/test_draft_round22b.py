"""Drafter round 22b: how a draft words what it reflects back. Quotes that are only a verdict lifted from a longer
review, that carry a slip ("rhe", "peaces", "cooked property") or end in a sign-off; participles and abstract
nouns taken for a missing item; flavour faults named without their dish; honorifics read as a given name.
Every review here is written for the test.
"""

from __future__ import annotations

import pytest
from test_draft_round8 import drafted

from nlp.draft import as_reviewer_named, first_name, full_dish_name, idea_thing, short_quote, specific_fault


def quote(text: str, polarity: int) -> str | None:
    return short_quote(text, [text], set(), set(), polarity)


@pytest.mark.parametrize("text", [
    "Went with friends on a weekday. Music was loud, totally bad",
    "Nice view from the terrace and friendly staff. Ambience is like any other hotel, not impressed",
])
def test_a_bare_verdict_is_not_lifted_from_a_longer_review(text):
    said = quote(text, -1) or ""
    assert said not in ("totally bad", "not impressed")


def test_a_review_that_is_only_a_verdict_may_still_be_quoted():
    assert quote("very bad", -1) == "very bad"


@pytest.mark.parametrize("text", [
    "less peaces in the box",
    "biryani not cooked property",
    "this cafe serves rhe best cold coffee",
    "very rude staffs at the counter",
])
def test_a_real_word_slip_or_short_typo_is_not_quoted(text):
    assert quote(text, 0) is None


def test_a_quote_does_not_end_in_a_sign_off():
    assert quote("very good guy thank you", 1) is None


def test_a_neutral_echo_needs_words_that_judge_or_name_a_thing():
    assert quote("could not catch their names", 0) is None
    assert quote("the chutney was not given", 0)


def test_advice_never_to_try_is_not_a_fault_to_call_fair():
    assert quote("Never try it", -1) is None


def test_an_article_typed_twice_is_not_quoted():
    assert quote("the biryani is a very a big disappointment", -1) is None


def test_the_last_item_of_a_list_is_not_quoted_without_its_verb():
    text = "This small cafe near my office serves the best quick food and ready food."
    assert quote(text, 1) != "ready food"


@pytest.mark.parametrize("text", [
    "Idli was not soft. Filter coffee as chosen was not given.",
    "The starters were burnt and cold, and still no action taken on my complaint.",
])
def test_a_participle_is_never_the_missing_thing(text):
    assert not any(w in " ".join(specific_fault(text, [], set())) for w in ("chosen", "action", "taken"))


@pytest.mark.parametrize("text, dish", [
    ("The dal was fine but the curd very sour", "the sour curd"),
    ("food was very oily and not much tasty", "the oily food"),
    ("the biryani was too oily", "the oily biryani"),
])
def test_a_flavour_fault_is_named_with_its_dish(text, dish):
    assert specific_fault(text, [], set()) == [dish]


@pytest.mark.parametrize("author, name", [
    ("Sri Bhavya", "Bhavya"),
    ("Shri Ram Kumar", "Ram"),
    ("Smt Lakshmi Devi", "Lakshmi"),
])
def test_an_honorific_first_word_is_not_the_given_name(author, name):
    assert first_name(author) == name


def test_drafts_name_the_dish_a_flavour_was_said_of():
    for reply in drafted("Ordered a veg thali. The curd was very sour and the roti was cold.", 2):
        assert "sourness" not in reply


@pytest.mark.parametrize("phrase, text, named", [
    ("the missing chat", "Ordered pav bhaji and bhel chat. They forgot to send the chat!", "the missing bhel chaat"),
    ("the chicken", "Best butter chicken in town. The chicken was so soft.", "the butter chicken"),
    ("the biryani", "Hyderabadi biryani was bland", "the Hyderabadi biryani"),
])
def test_a_dish_is_named_as_the_reviewer_named_it(phrase, text, named):
    assert full_dish_name(phrase, text) == named


@pytest.mark.parametrize("phrase, text", [
    ("the chicken", "Ordered chicken biryani and the chicken was dry"),  # the word is itself a modifier there
    ("the chicken", "Zomato chicken was late"),  # a platform, not a dish
    ("the pizza", "Ordered a large pizza and the pizza was cold"),  # a size, not a kind
    ("the naan", "garlic naan and butter naan were both hard"),  # two dishes, no one name
    ("the chat", "Had a long chat with the manager"),
])
def test_a_dish_keeps_its_plain_name_when_the_review_gives_no_one_kind(phrase, text):
    assert full_dish_name(phrase, text) == phrase


def test_drafts_name_an_undelivered_chaat_as_the_dish():
    for reply in drafted("Ordered chole bhature and papdi chat. But they forgot to deliver the chat! Sad.", 3):
        assert "missing chat" not in reply


def test_a_verdict_that_is_a_sentence_of_its_own_may_be_quoted():
    text = "Ordered a cake for Sunday and waited an hour at the counter for it. Very poor."
    assert quote(text, -1) == "very poor"


@pytest.mark.parametrize("phrase, text, named", [
    ("the outdoor", "They have indoor and outdoor seating. The outdoor is lovely at night", "the outdoor seating"),
    ("the outdoor", "The outdoor is lovely at night", ""),
    ("the behaviour", "The delivery executive's behaviour was rude", "the delivery executive's behaviour"),
    ("the attitude", "The rude manager's attitude spoilt it", "the manager's attitude"),
])
def test_a_lifted_word_is_completed_as_the_review_says_it(phrase, text, named):
    assert as_reviewer_named(phrase, text) == named


@pytest.mark.parametrize("phrase, text, named", [
    ("the sauce Veg pasta", "Ordered Green Sauce Veg Pasta for dinner", "the Green Sauce Veg Pasta"),
    ("the Veg manchurian", "We tried Veg manchurian and fried rice", "the veg manchurian"),
    ("the Butter naan", "Ordered Butter naan and dal", "the butter naan"),
    ("the Apollo fish", "The Apollo fish was not tasty", "the Apollo fish"),
    ("the Italian pasta", "Loved the Italian pasta", "the Italian pasta"),
])
def test_a_dish_written_as_a_title_is_named_whole_and_menu_words_lose_a_stray_capital(phrase, text, named):
    assert as_reviewer_named(phrase, text) == named


def test_a_suggestion_is_never_about_a_preposition():
    assert idea_thing("Nice cafe. They should add more choices before summer.", [], set()) != "the before"


def test_a_flavour_is_named_with_the_kind_the_review_gives_it():
    text = "Tried the iced latte and the mint shake, strong minty flavour, all good"
    assert as_reviewer_named("the flavour", text) == "the minty flavour"
    assert as_reviewer_named("the flavour", "really nice flavour") == "the flavour"


def test_a_fault_quote_cut_from_its_subject_is_not_echoed():
    text = "Lovely lighting, great sushi. Some of the staff seemed annoyed, could not catch their names."
    assert not (quote(text, -1) or "").startswith("could not")
    assert quote("Nice decor. Could not find anyone to seat us.", -1) == "could not find anyone to seat us"


@pytest.mark.parametrize("author", ["Anupedia", "Chaiholic"])
def test_a_handle_built_as_a_pun_is_not_greeted(author):
    assert first_name(author) is None
