"""Round 17 of blind reads: staff praised through their service ("Ravi service was great") or only by their job
("the delivery boy was polite") are thanked; the complaint a reviewer stresses most leads; and the tone of a mild
review stays mild."""

from __future__ import annotations

import re

import pytest
from test_draft_round8 import drafted

from nlp.draft import (
    _said_as_person,
    _with_complaint,
    clause_polarity,
    first_name,
    is_regular,
    missing_form,
    star_reasons,
    swapped_item,
    without_insult,
)


def test_a_name_before_service_is_a_person():
    assert _said_as_person("Ravi", "Ravi service was excellent and quick")
    assert not _said_as_person("Navaratri", "Loved the special Navaratri thali")


def test_a_person_praised_through_their_service_is_thanked_by_name():
    for reply in drafted("Paneer tikka was lovely. Ravi service was excellent, thanks to him.", 5):
        assert "Ravi" in reply, reply


def test_a_delivery_rider_praised_without_a_name_is_thanked_by_role():
    for reply in drafted("Biryani came hot and well packed. The delivery boy was very polite.", 5):
        assert "delivery rider" in reply, reply
        assert not re.search(r"\b(?:I'll|I will)\b[^.]*\bthe team\b", reply), reply


def test_a_waiter_praised_without_a_name_is_thanked_by_role():
    for reply in drafted("Food was tasty and fresh. The waiter was very kind and helpful.", 4):
        assert "the waiter who looked after you" in reply, reply


def test_a_rude_rider_is_never_thanked():
    for reply in drafted("The delivery guy was rude and the food was cold.", 1):
        assert "delivery rider" not in reply, reply


HEAVY_RE = re.compile(r"no excuse|I own it|isn't the experience we want|every right|full responsibility|won't defend|"
                      r"stings|let you down|angry|upset", re.I)


def test_a_lukewarm_three_star_one_liner_gets_no_heavy_apology():
    for reply in drafted("Food taste was average", 3):
        assert not HEAVY_RE.search(reply), reply
        assert "taste" in reply, reply  # the one thing they held back is still named


def test_three_stars_with_praise_and_a_strong_word_is_not_called_angry():
    for reply in drafted("Food is good but packing is worst", 3):
        assert not re.search(r"angry|upset|frustrat", reply, re.I), reply
        assert "packing" in reply, reply


def test_a_disappointed_two_star_review_that_gives_credit_is_not_called_angry():
    text = "Worst part is they don't have grill on the table. Very less choice in starters. Staff were polite though."
    for reply in drafted(text, 2, n=10):
        assert not re.search(r"angry|upset|frustrat", reply, re.I), reply


@pytest.mark.parametrize(("text", "named"), [
    ("Ordered chicken biryani but they delivered mutton biryani.", "the mutton biryani sent in place of the chicken "
                                                                   "biryani"),
    ("Instead of paneer butter masala they sent kadai paneer.", "the kadai paneer sent in place of the paneer butter "
                                                                "masala"),
    ("I ordered grilled chicken but they gave normal chicken.", "the plain chicken sent in place of the grilled "
                                                                "chicken"),
])
def test_what_came_in_place_of_the_order_is_named(text, named):
    assert swapped_item(text) == named


@pytest.mark.parametrize("text", ["I ordered noodles but they sent us only half.",
                                  "We ordered 2 pizzas and they gave us wrong toppings.",
                                  "Ordered biryani and got it in 20 minutes."])
def test_no_swap_is_read_where_none_was_said(text):
    assert swapped_item(text) == ""


def test_a_wrong_dish_delivered_is_named_not_called_a_mix_up():
    for reply in drafted("Ordered chicken fried rice but they delivered egg fried rice. Very disappointed.", 1):
        assert "egg fried rice sent in place of the chicken fried rice" in reply, reply


def test_finding_the_place_closed_is_the_complaint():
    text = "It is closed since last month. It is not mentioned on Zomato. Please call before you go."
    for reply in drafted(text, 1):
        assert "finding us closed when the listing said otherwise" in reply, reply


def test_a_let_down_regular_is_told_we_know_it():
    for reply in drafted("I'm a frequent customer here. Today the biryani was cold and the raita was missing.", 2):
        assert re.search(r"know us well|chosen us so often|what we can do|regular deserves|stayed with us|"
                         r"come back to us before", reply), reply


def test_a_middling_verdict_beside_a_real_fault_is_owned_in_full():
    text = "Food and ambience is average, and the waiter demanded a fixed tip while we paid the bill."
    for reply in drafted(text, 3):
        assert "ours to improve" not in reply and "honest word" not in reply, reply


def test_not_as_regular_is_no_regular_customer():
    assert is_regular("I am a regular here and the food was cold")
    assert not is_regular("Not as regular, no choco sticks in it")


def test_a_suggestion_to_the_management_is_thanked_and_named_cleanly():
    text = ("Ordered hakka noodles. I would like to suggest management to send a fork along with noodles, they only "
            "sent spoons. The noodles were fine.")
    for reply in drafted(text, 3):
        assert re.search(r"(?:idea|suggestion) about the fork\b", reply), reply
        assert "fork along" not in reply, reply


def test_a_plain_request_on_a_low_rating_is_acknowledged():
    text = "We thought this was an american grill. Food was ordinary. Pls change the name, it gives the wrong idea."
    for reply in drafted(text, 2):
        assert re.search(r"suggestion|idea about|your idea", reply), reply


def test_a_one_word_verdict_is_not_called_warm():
    for reply in drafted("Nice", 4, n=10):
        assert not re.search(r"warm comment|warm words|so warmly|everyone here smile", reply), reply


def test_advice_to_readers_is_not_thanked_as_a_suggestion():
    text = "Paneer was stale and the rice was cold. I'll suggest you to never order from this place."
    for reply in drafted(text, 1):
        assert not re.search(r"suggestion|your idea|idea about", reply), reply


def test_a_dish_name_with_pieces_in_it_is_still_a_dish():
    text = "We ordered fried piece biryani but it was normal dum biryani that came."
    assert swapped_item(text) == "the dum biryani sent in place of the fried piece biryani"


def test_the_owner_never_repeats_the_reviewers_insult():
    assert without_insult("the filthy biryani") == "the biryani"
    assert without_insult("the pathetic, cold biryani") == "the cold biryani"
    text = "Never tasted such filthy biryani in my life. They charge so much for such filthy biryani."
    for reply in drafted(text, 1):
        assert "filthy" not in reply.lower(), reply


def test_a_dish_picked_up_after_it_arrived_carries_its_fault():
    text = "The first time the dish came, it was burnt. We ordered it again and it was still burnt."
    assert _with_complaint("the dish", text) == "the burnt dish"


@pytest.mark.parametrize("text", [
    "Worst food ever. Very bad taste, no dishes were properly made. Just name is big but no quality.",
    "Staff were rude and so slow that we had to cancel a few items after waiting 45 minutes.",
])
def test_no_limited_choice_is_read_into_a_verdict_or_some_items(text):
    for reply in drafted(text, 1):
        assert "limited choice" not in reply, reply


def test_a_condition_about_delivery_is_no_order_that_never_came():
    text = ("Ice cream waffle was all melted. Kindly remove it from online if you are unable to deliver it with dry "
            "ice. The banana waffle was dry.")
    for reply in drafted(text, 2):
        assert "never reached" not in reply and "never came" not in reply, reply


def test_no_taste_in_a_dish_is_not_a_missing_dish():
    for reply in drafted("Only chilly, no taste... chilly paneer was watery n no taste in Paneer Tikka", 2):
        assert "missing paneer" not in reply, reply


def test_a_treat_in_store_is_no_wait():
    assert clause_polarity("Later we hurried to the lunch because the desserts were waiting.") == 0
    assert clause_polarity("we were waiting for an hour") < 0


@pytest.mark.parametrize(("author", "name"), [("Crave A Bite", None), ("Tales Of Taste", None),
                                               ("R. Srikanth", "Srikanth"), ("Dana Reyes", "Dana")])
def test_phrase_handles_are_not_greeted_and_an_initial_is_skipped(author, name):
    assert first_name(author) == name


@pytest.mark.parametrize(("text", "things"), [
    ("The only reason they are getting 2 stars from me is their staff.", ["the staff"]),
    ("Giving 2 stars as the starter was good, rest was bland.", ["the starter"]),
    ("3 stars only for the ambience and the music.", ["the ambience", "the music"]),
    ("Food was cold and late.", []),
])
def test_what_earned_the_stars_is_found(text, things):
    assert star_reasons(text) == things


def test_what_earned_the_stars_on_a_complaint_is_thanked():
    text = ("Extremely expensive for the food they serve. The food was pathetic and over priced. The only reason they "
            "are getting 2 stars from me is their staff.")
    for reply in drafted(text, 2):
        assert "the staff" in reply, reply


def test_a_treat_in_store_is_neither_owned_nor_praised_as_a_wait():
    text = ("Loved this place, the seating is comfortable and the starters were great. Later we hurried to the lunch "
            "because the desserts were waiting. Must visit.")
    for reply in drafted(text, 5):
        assert not re.search(r"\bthe wait(?:ing)?\b", reply), reply


def test_no_choice_of_a_dish_still_misses_it():
    assert missing_form("the red meats", "Food was ordinary, no choice in red meats and no grill.") == \
        "the missing red meats"
    assert missing_form("the paneer", "No taste in paneer tikka at all.") == "the paneer"


def test_a_middling_review_that_opens_on_its_fault_is_answered_fault_first():
    text = ("I feel their buffet needs to improve, it was not up to the mark. The a la carte is far better. The decor "
            "is good, with courteous staff.")
    for reply in drafted(text, 3):
        opening = reply.split(".")[0]
        assert "buffet" in opening and opening.index("buffet") < opening.index("decor"), reply
