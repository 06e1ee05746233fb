"""Round 16 of blind reads: a faulted dish is named with what was wrong with it in the reviewer's words (several
faults in a row, the dish's head word on its own, "it's" picking it up, too few pieces); too little food is named
as such; noun phrases lifted from broken text (an order or bill word, a misspelt verb, a list run together) are
refused; and an aside about the reviewer's own photos or hunger is no complaint."""

from __future__ import annotations

import pytest
from test_draft_round8 import drafted

from nlp.draft import _with_complaint, clause_polarity, fault_run, judgement, short_measure, with_short_measure


@pytest.mark.parametrize(("phrase", "text", "named"), [
    ("the naan", "Naan delivered was very bad and was soggy half cooked", "the soggy, half-cooked naan"),
    ("the kadai paneer", "Kadai paneer was bad.. Paneer was rubbery... rest ok", "the rubbery kadai paneer"),
    ("the dal fry", "Ordered dal fry. It's cold and stale, could not eat it.", "the cold, stale dal fry"),
    ("the mutton curry", "Mutton curry had only 2 pieces and a lot of oil.", "the mutton curry with only two pieces"),
])
def test_a_faulted_dish_carries_what_was_wrong(phrase, text, named):
    assert _with_complaint(phrase, text) == named


def test_a_bare_head_word_of_another_dish_is_not_borrowed():
    text = "The veg pulao was fine but the mutton pulao was cold."
    assert _with_complaint("the veg pulao", text) == "the veg pulao"


@pytest.mark.parametrize(("predicate", "run"), [
    ("smelly half cooked", "smelly, half-cooked"),
    ("raw and cooked in the wrong gravy", "raw"),
    ("cold", "cold"),
    ("a bit cold", ""),
    ("not cold at all", ""),
    ("dry fruit heavy", ""),
])
def test_fault_runs_are_read_only_when_plain(predicate, run):
    assert fault_run(predicate) == run


@pytest.mark.parametrize(("text", "phrase"), [
    ("Paid 300 for it and the quantity is too less as per the price.", "the small quantity for the price"),
    ("The quantity was really less of noodles this time.", "the small quantity of noodles"),
    ("Portions were very small. Will not order again.", "the small portions"),
    ("I ordered for full and they sent only half.", "the half portion sent for a full order"),
    ("Asked for double egg but they gave half egg only.", "the half egg you were given"),
    ("There were hardly 3 pieces of chicken in the gravy.", "the chicken with only three pieces"),
])
def test_too_little_food_is_named_as_such(text, phrase):
    assert short_measure(text)[0] == phrase


@pytest.mark.parametrize("text", [
    "We waited half an hour for a table.",
    "The portion was small but enough for one person.",
    "Quantity is not less at all, good value.",
    "We got half plate biryani and it was lovely.",
])
def test_no_shortfall_where_none_was_said(text):
    assert short_measure(text)[0] == ""


def test_the_shortfall_takes_the_place_of_a_bare_quantity_and_keeps_the_lead():
    text = "Worst service ever. Food quantity is very less."
    assert with_short_measure(["the service", "the quantity"], text) == ["the service", "the small quantity"]
    assert with_short_measure(["the service"], text) == ["the service", "the small quantity"]
    assert with_short_measure(["the curry"], "Quantity was too less. The curry was bland.")[0] == "the small quantity"


def test_a_one_star_review_about_quantity_names_it():
    for reply in drafted("Very rude staff. Food quantity is very less for the price.", 1):
        assert "small quantity" in reply, reply


@pytest.mark.parametrize(("text", "refused"), [
    ("Order noodles at night. Taste was bad and the noodles were cold.", "order noodles"),
    ("We ordered veg pulao though bill Shows the same but got jeera rice instead. Very bad.", "bill"),
])
def test_noun_phrases_from_broken_text_are_refused(text, refused):
    for reply in drafted(text, 1):
        assert refused not in reply.lower(), reply


def test_an_aside_about_own_photos_is_no_complaint():
    assert clause_polarity("Sadly no pictures because we were starving :P") == 0
    text = ("Loved the place. The mutton biryani was amazing and the staff were quick.\n\n"
            "Sadly no pictures because we were starving :P")
    for reply in drafted(text, 4):
        assert "on us" not in reply and "starving" not in reply and "fell short" not in reply, reply


def test_conduct_is_named_with_whose_it_was():
    from nlp.draft import conduct_of

    assert conduct_of("the behaviour", "Lovely behaviour of the waiters, quick too.") == \
        "the behaviour of the waiters"
    assert conduct_of("the attitude", "Attitude was poor.") == "the attitude"
    for reply in drafted("Polite behavior of the delivery guy.", 5):
        assert "the behavior of the delivery guy" in reply, reply


@pytest.mark.parametrize("clause", [
    "Of all our visits not one has been disappointing.",
    "The cafe has not failed to impress us.",
    "Never expected such tasty kebabs at a mall food court",
    "Rates were not too expensive at all",
])
def test_a_letdown_that_never_came_is_praise(clause):
    assert clause_polarity(clause) > 0
    assert judgement(clause) >= 0


@pytest.mark.parametrize("clause", [
    "Went with my cousin, initially I thought this cafe is not good.",
    "We were waiting for a long time for this place to dine",
])
def test_a_first_doubt_or_a_long_wish_faults_nothing(clause):
    assert clause_polarity(clause) == 0


def test_a_first_doubt_still_leaves_the_fault_after_the_turn():
    assert clause_polarity("At first I thought it was fine but then the naan came cold") < 0


def test_happy_reviews_with_beaten_expectations_are_not_answered_with_ownership():
    text = ("Initially I thought this cafe is not good. Then we tried the momos and believe me they were too good. "
            "Never expected such tasty momos here.")
    for reply in drafted(text, 4):
        assert "on us" not in reply and "point you raised" not in reply and "could be better" not in reply, reply


@pytest.mark.parametrize("clause", ["The mojitos tasted funny for some reason", "the mutton smelt a bit weird",
                                    "they said the cold coffee is out of stock"])
def test_an_odd_taste_or_an_empty_shelf_is_a_fault(clause):
    assert clause_polarity(clause) < 0


def test_two_stars_for_odd_drinks_and_empty_shelves_is_no_praise():
    text = ("Came for a few cocktails. The mojitos tasted funny and then they told us rum was out of stock. "
            "Food was up to the mark.")
    for reply in drafted(text, 2):
        assert "pleased" not in reply and "enjoyed" not in reply and "the stock" not in reply, reply
