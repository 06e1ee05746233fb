"""Drafter round 10: faults from a strict read of real drafts, each pinned with reviews written for the test: the
main complaint of a long review lost behind a side point, a verdict before the person ("Rude waitress"),
praise for a thing the same review calls middling, gushing on a lukewarm three-star review, a description read
as a fault, heavy apology for one mild point, and typos copied back into the reply.
"""

from __future__ import annotations

import pytest
from test_draft_round8 import drafted

from nlp.analyze import analyze_rows
from nlp.draft import (
    ORDER_MIXUP_RE,
    PRICE_RISE_RE,
    SHRUNK_RE,
    TEAM_PRAISE_RE,
    _chunker,
    _stance,
    _with_verdict,
    clause_polarity,
    clean_spelling,
    complaint_strength,
    held_back,
    is_light,
    is_problem,
    judgement,
    misspelt,
    not_english,
    requests_only,
    short_quote,
    specific_fault,
    strongest_complaint,
    treated_by,
)

needs_model = pytest.mark.skipif(_chunker() is None, reason="no trained spaCy pipeline installed")


def _analysis(text: str, rating: int) -> tuple[dict, dict]:
    row = {"id": "r10", "text": text, "rating": rating, "author": "Kavya Rao", "source": "zomato"}
    return row, analyze_rows([row], "restaurant")[0]


# --- the main complaint leads ----------------------------------------------------------------------------------

def test_a_strongly_worded_fault_is_named_even_after_milder_ones():
    text = ("Lovely decor and the music was nice. The naan was a bit chewy. Totally disgusted with the prawn curry "
            "which smelled rotten. Parking is tricky on weekends.")
    assert complaint_strength("Totally disgusted with the prawn curry which smelled rotten.") >= 4
    assert complaint_strength("The naan was a bit chewy.") < 4
    for reply in drafted(text, 2):
        assert "prawn curry" in reply.lower(), reply


def test_two_strong_faults_are_both_named():
    lead = strongest_complaint(
        "The biryani was stale and pathetic. The kebabs were absolutely inedible, completely burnt. Water was warm.",
        ["the biryani", "the water"], [], set())
    assert lead[:1] == ["the biryani"] and any("kebab" in x for x in lead), lead


def test_a_vague_name_gives_way_to_the_dish_the_review_faults():
    # "it was not fresh": the complaint is about what they ordered, not "the taste" in general
    text = "We ordered kunafa but it was not fresh at all. It was not baked properly and the taste was off."
    assert strongest_complaint(text, ["the taste"], [], set()) == ["the kunafa"]


def test_a_clause_already_named_does_not_bring_in_a_place_name():
    # "The service at Madhapur was really poor": the service is the complaint, not the neighbourhood
    lead = strongest_complaint("The service at madhapur was really poor and very very slow!", ["the service"], [],
                               set())
    assert lead == ["the service"]


@pytest.mark.parametrize("text, role", [
    ("Rude waitress. The dosa was fine.", "waitress"),
    ("I have never seen such arrogant and careless staff anywhere.", "staff"),
    ("Food came cold.the manager was rude when we asked.", "manager"),
])
def test_a_verdict_before_the_person_is_how_they_treated_you(text, role):
    assert treated_by(text) == role


def test_rude_staff_are_named_beside_the_wait():
    text = "Arrogant waiter. We waited over an hour for the mains and nobody apologised."
    for reply in drafted(text, 1):
        assert "how the waiter treated you" in reply, reply


# --- no praise for what the review holds back -------------------------------------------------------------------

def test_a_thing_called_middling_or_wanting_is_not_praised():
    text = "Pretty average evening.. tried the lamb shank .. just about fine.. the staff were lovely and quick."
    assert held_back("the lamb shank", text)
    assert not held_back("the staff", text)
    assert held_back("the service", "Great cocktails. Service could be a little faster but it's fine.")
    # the middling word belongs to the next dish here, not to the one praised
    assert not held_back("the dal tadka", "Dal tadka awesome rajma chawal so-so, too garlicky")
    for reply in drafted("Great vibe and lovely cocktails. Service could be a little faster but it's fine.", 4):
        first = reply.split(". ")[0].lower()
        assert "service" not in first or "could" in first or "point" in first, reply


def test_a_lukewarm_three_star_review_is_not_celebrated():
    text = "Food is just ok, we had the kebab platter and the lassi. Nice music on weekends."
    row, a = _analysis(text, 3)
    assert _stance(row, a) == "neutral"
    for reply in drafted(text, 3):
        low = reply.lower()
        assert not any(w in low for w in ("lovely thing", "made our day", "smile", "warm review", "made your visit")), \
            reply


def test_a_description_is_not_a_fault():
    text = "Tiny little cafe near the metro. Friendly owner and tasty waffles. Easy on the wallet too."
    for reply in drafted(text, 3):
        low = reply.lower()
        assert not any(w in low for w in ("on us", "sorry", "fell short", "put right")), reply


def test_one_mild_point_on_a_warm_three_star_review_is_noted_lightly():
    text = ("Really liked the grilled paneer, it was juicy. The mint cooler was refreshing too. The rice was a bit "
            "too dry though.")
    row, a = _analysis(text, 3)
    assert is_light(row, a)
    for reply in drafted(text, 3):
        low = reply.lower()
        assert "rice" in low, reply
        assert not any(w in low for w in ("no excuse", "upset", "talk it through", "full story", "should have done")), \
            reply


# --- typos are not echoed ----------------------------------------------------------------------------------------

@needs_model
def test_a_misspelt_word_is_dropped_or_corrected():
    assert misspelt("choclate") and misspelt("resturant")
    assert not misspelt("drier") and not misspelt("lable")  # short words are not judged
    assert not misspelt("chilli") and not misspelt("paneer") and not misspelt("biryani")
    assert clean_spelling("the white choclate mousse") == "the mousse"
    assert clean_spelling("the quantitt") == "the quantity"
    assert clean_spelling("the deserts") == "the desserts"
    assert clean_spelling("the chilli paneer") == "the chilli paneer"
    assert not_english("discrprency") and not not_english("garlicky")


@needs_model
def test_a_typo_in_a_lifted_phrase_is_not_copied_into_the_reply():
    for reply in drafted("Absolutely loved the hazelnut choclate tart, and the cappuccino was perfect.", 5):
        assert "choclate" not in reply.lower(), reply
    for reply in drafted("flavour nice but quantitt is very less for the money paid", 3):
        assert "quantitt" not in reply.lower(), reply


@needs_model
def test_a_typo_is_not_quoted_back():
    assert short_quote("Really upset with this billing discrprency.", [], set(), set(), -1) is None
    quote = short_quote("Really upset with this late delivery.", [], set(), set(), -1)
    assert quote == "really upset with this late delivery"


def test_deserts_in_a_restaurant_review_are_desserts():
    for reply in drafted("Please add more deserts to the menu, the kulfi alone is not enough.", 4):
        assert "deserts" not in reply.lower(), reply


# --- what exactly went wrong, in the reviewer's terms ----------------------------------------------------------

def test_a_different_item_sent_is_a_mix_up():
    assert ORDER_MIXUP_RE.search("I ordered the paneer roll but they sent a veg wrap instead of it")
    assert ORDER_MIXUP_RE.search("I ordered a lime soda but delivered 30rs of cola with no label")
    assert not ORDER_MIXUP_RE.search("I ordered 4 parathas but received 3 parathas")
    for reply in drafted("Ordered mutton korma but he sent chicken korma. Very careless.", 1):
        assert "mix-up with your order" in reply, reply


def test_expired_packets_named_when_the_review_puts_expired_last():
    assert specific_fault("The packets of tomato ketchup had expired last year, shocking.", [], set()) == [
        "the expired tomato ketchup packets"]


def test_a_kind_request_for_less_oil_is_the_small_point():
    text = "Taste and quality are good. It can become better if a little less oil is used. Portions are generous."
    for reply in drafted(text, 4):
        assert "the oil" in reply, reply


def test_a_one_word_late_is_named_as_the_delay():
    for reply in drafted("late", 2):
        assert "the delay" in reply, reply


def test_portions_cut_and_prices_raised_are_named_as_changes():
    assert SHRUNK_RE.search("Portions have become smaller and the taste is not the same")
    assert PRICE_RISE_RE.search("rates have gone up a lot")
    for reply in drafted("Not like before. Quantity reduced and price increased. Paneer was rubbery.", 2):
        low = reply.lower()
        assert "the cut in the quantity" in low and "the rise in the price" in low, reply


def test_staff_and_chef_praised_without_names_are_passed_on():
    assert TEAM_PRAISE_RE.search("Staffs were very well mannered and professional")
    assert TEAM_PRAISE_RE.search("The chef was tremendous")


# --- what a happy or middling review is answered with -----------------------------------------------------------

def test_a_bare_request_is_answered_as_an_idea_not_as_praise():
    text = "please add more millet dishes to the menu"
    row, a = _analysis(text, 4)
    assert requests_only(text) and not requests_only("Please keep it up")
    assert _stance(row, a) == "neutral"
    for reply in drafted(text, 4):
        low = reply.lower()
        assert not any(w in low for w in ("good time", "generous", "decent visit", "smile")), reply


def test_a_thing_called_average_on_four_stars_is_the_small_point():
    text = "Lovely rooftop and the cocktails were great. The food here was average."
    for reply in drafted(text, 4):
        assert "the food" in reply, reply
        assert "lovely thing to read" not in reply, reply


def test_what_went_right_despite_the_fault_is_not_the_fault():
    text = ("Despite having a prior reservation they seated us near the kitchen door. The management was ignorant "
            "and rude. Food was overpriced for the portion they gave.")
    for reply in drafted(text, 1):
        low = reply.lower()
        assert "reservation" not in low and "the portion" not in low, reply
        assert "how the management treated you" in low, reply


def test_too_much_of_a_seasoning_is_never_something_they_wanted_more_of():
    assert is_problem("the oil") and is_problem("the salt level") and not is_problem("the paneer")
    for reply in drafted("extremely oily", 2, n=12):
        low = reply.lower()
        assert "expecting more than we gave you with the oil" not in low and "even if the oil" not in low, reply


def test_a_praised_thing_or_a_praising_clause_never_supplies_the_fault():
    # on a happy review with nothing named, a clause that praises anything is a misreading, not the complaint
    assert strongest_complaint("Cold and refreshing plunge pool with unbelievable views!", [], [], set(),
                               strict=True) == []
    lead = strongest_complaint("Tried a few others like the chicken tikka masala didn't like it that much.", [], [],
                               set(), strict=True)
    assert lead and "chicken" in lead[0], lead  # "didn't like" praises nothing
    # a thing the reply praises is not also named as the fault
    text = "The suite was lovely. The second suite they moved us to was absolutely filthy and smelly!"
    assert strongest_complaint(text, ["the noise"], [], set(), praised=["the suite"]) == ["the noise"]


def test_a_fault_denied_is_quiet_praise():
    assert clause_polarity("The iced tea was refreshing and wasn't too sweet or sour") > 0
    assert clause_polarity("the curry was not too spicy but the rice was cold") < 0
    assert judgement("The lemonade too was lovely") > 0  # "too" as "also"
    text = ("Loved the cosy interiors and the almond cake was divine. The iced tea was refreshing and wasn't too "
            "sweet or sour, just right.")
    for reply in drafted(text, 4):
        low = reply.lower()
        assert not any(w in low for w in ("on us", "flagging", "point you raised", "sweetness")), reply


def test_a_vague_fault_takes_the_reviewers_own_verdict():
    assert _with_verdict("the food", "Paid a lot. The food was served stone cold and late.") == "the cold food"
    assert _with_verdict("the food", "The food was fine.") == "the food"
    for reply in drafted("The food was served cold. Not what we expected for the price.", 2):
        assert "the cold food" in reply, reply


def test_what_a_low_rating_asks_to_improve_is_named():
    for reply in drafted("Nothing special for what you pay. I suggest they increase the hospitality.", 2):
        assert "the hospitality" in reply, reply


def test_a_choice_offered_is_no_complaint_and_a_decline_is_one():
    assert clause_polarity("You can order it mild or less spicy, whatever you want") == 0
    assert clause_polarity("the second time the rush detoriated the quality of the food") < 0
    assert not_english("detoriated")  # judged as a fault, never quoted back
    for reply in drafted("YOU CAN ORDER MILD OR LESS SPICY AS YOU WANT. THE MUTTON CURRY IS VERY TASTY.", 4):
        assert not any(w in reply.lower() for w in ("on us", "point you raised", "could improve")), reply
