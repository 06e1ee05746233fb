"""Round 18 of blind reads: no facts the review did not state (another business thanked as staff, a guessed range
made a measured wait, a party space made the reviewer's birthday), no faults it did not find (a waiter "waiting our
table", a crowded popular shop, a style of decor), nothing praised that the same sentence faults or asks to improve,
and no broken phrases or possessive handles echoed back."""

from __future__ import annotations

import re

import pytest
from test_draft_round8 import drafted

from nlp.draft import (
    HOURS_RE,
    _a_wait,
    _but_tail_verdict,
    _only_crowds,
    _run_on_parts,
    _said_as_person,
    clause_polarity,
    first_name,
    measured_wait,
    names_rightly,
    occasion_of,
    short_quote,
    thing_polarity,
)

OWNED_RE = re.compile(r"on us|ours|our job|responsib|the miss|fell short|we missed|done better|got that wrong", re.I)


def test_a_business_the_review_compares_us_with_is_no_person():
    # the rule lives in the analysis's staff finder since 0.4.12 (tests/test_nlp_staff_round3.py); here, end to end
    for text in ("Cold pizza. I expected better service from Pizzaland's.", "The biryani is far tastier than Bawarchi"):
        for reply in drafted(text, 2):
            assert "Pizzaland" not in reply and "Bawarchi" not in reply, reply
    assert _said_as_person("Ravi", "Ravi looked after us, better service than we hoped")


def test_a_competitor_named_in_a_complaint_is_never_thanked():
    text = "The fries were soggy and the waiter was rude. I expected better service from Pizzaland."
    for reply in drafted(text, 1):
        assert "Pizzaland" not in reply, reply


def test_a_possessive_author_field_is_no_greeting():
    assert first_name("Ravi's Kitchen Stories") is None
    assert first_name("Kiran's") is None
    assert first_name("Siobhan O'Neill") == "Siobhan"


@pytest.mark.parametrize("text", ["If you have 2-3 hrs to spare, come here.", "it took 3-4 hours for the food",
                                  "If you have 3 hours to kill, sure, visit."])
def test_a_range_or_spare_time_is_no_measured_wait(text):
    assert measured_wait(text) == ""
    assert _a_wait(HOURS_RE, text) is None


def test_a_plain_measured_wait_is_still_named():
    assert measured_wait("We waited 2 hrs for a table") == "the 2-hour wait"
    assert measured_wait("we got the starters after 40 mins") == "the 40-minute wait"


def test_a_range_of_hours_said_in_jest_is_not_quoted_as_a_number():
    text = ("Food was fine but the service was painfully slow. If you have 2-3 hrs free then come here. "
            "Starters came after 40 min.")
    for reply in drafted(text, 2):
        assert "3-hour" not in reply and "2-hour" not in reply, reply


def test_a_waiter_who_waited_our_table_is_no_wait():
    for reply in drafted("Imran waited our table tonight! Thanks for the great service. Will come again!", 5):
        assert "wait" not in reply.lower(), reply
        assert not OWNED_RE.search(reply), reply


def test_a_party_space_is_no_celebration_of_theirs():
    assert occasion_of("Good music and they also have birthday celebration space.") == ""
    assert occasion_of("Perfect place for birthday parties") == ""
    assert occasion_of("Came here for my birthday and loved it") == "your birthday"
    assert occasion_of("We went for a birthday dinner with friends") == "the birthday"
    text = "Loved the momos and the thukpa. They also have a birthday party area upstairs. Recommended."
    for reply in drafted(text, 5):
        assert "birthday" not in reply.lower() or "area" in reply.lower(), reply
        assert "part of the birthday" not in reply and "your birthday" not in reply, reply


def test_a_crowded_popular_shop_is_no_fault_on_a_happy_review():
    assert _only_crowds("Every time I visit, the bakery is never less crowded.")
    assert not _only_crowds("The place is far too crowded on weekends.")
    text = "Every time I visit, the bakery is never less crowded. The croissants are lovely and fresh."
    for reply in drafted(text, 4):
        assert not OWNED_RE.search(reply), reply
        assert "croissant" in reply, reply


def test_too_crowded_is_still_a_fault():
    for reply in drafted("Lovely food but the place is far too crowded on weekends, we could not find a seat.", 4):
        assert OWNED_RE.search(reply), reply


@pytest.mark.parametrize("clause", ["the cafe has a raw industrial look", "a rustic wooden feel",
                                    "the final stop for your midnight hunger", "it satisfies my late night cravings",
                                    "the kids enjoyed the ice cream cold stone"])
def test_a_style_a_need_or_a_cold_ice_cream_is_no_fault(clause):
    assert clause_polarity(clause) >= 0


def test_a_style_of_decor_is_never_owned():
    text = ("If you love bikes you will love this cafe. It has a raw industrial look and they rent out bikes. "
            "The sandwiches and cold coffee are good.")
    for reply in drafted(text, 4):
        assert "industrial" not in reply and not OWNED_RE.search(reply), reply


def test_a_subjectless_but_judges_the_thing_before_it():
    text = "The garlic bread was a good try but a little too dry. The pasta was lovely."
    assert _but_tail_verdict("The garlic bread was a good try", text) < 0
    assert thing_polarity("the garlic bread", text) == -1
    assert not names_rightly("the garlic bread", 1, text)
    assert thing_polarity("the pasta", text) == 1


def test_a_thing_faulted_after_but_is_never_praised():
    text = ("The nachos were a good attempt but a bit too soggy. The brownie was the best part. Staff were very "
            "considerate.")
    for reply in drafted(text, 3):
        assert not re.search(r"(?:praise|kind words|enjoyed|pleased)[^.]*nachos", reply), reply


def test_what_the_reviewer_asks_to_improve_is_never_praised():
    text = ("Come here for the serene garden ambience! The food is okay but they can definitely do with adding some "
            "more variety to the menu. The service was good as well.")
    for reply in drafted(text, 4):
        assert not re.search(r"(?:praise|kind words|enjoyed|pleased|impression|went down well)[^.]*menu", reply), \
            reply


def test_two_sides_run_together_are_two_things():
    assert _run_on_parts("the service food") == ["the service", "the food"]
    assert _run_on_parts("the packaging zorblat") == ["the packaging"]
    assert _run_on_parts("the butter chicken") == ["the butter chicken"]
    for reply in drafted("Worst service food. Everything far too salty.", 1):
        assert "service food" not in reply.replace('"worst service food"', ""), reply


def test_a_word_cut_at_its_hyphen_is_never_quoted():
    text = "my sister-in-law took us here. We loved the place and the rolls."
    assert short_quote(text, ["law took us here"], set(), set(), polarity=0) != "law took us here"
    text = ("Basically i am from Pune...my sister-in-law gave a treat at this place...just fell in love with it..."
            "eagerly waiting for your outlet in Pune")
    for reply in drafted(text, 5):
        # since 0.4.12 the analysis keeps "sister-in-law" whole in its evidence; never its cut-off tail
        assert not re.search(r"(?<![\w-])[Ll]aw gave", reply), reply


@pytest.mark.parametrize("phrase", ["the food quality", "the service staff", "the food delivery", "the food taste"])
def test_a_compound_of_two_sides_stays_one_thing(phrase):
    assert _run_on_parts(phrase) == [phrase]


def test_a_fault_taken_back_with_but_good_is_never_quoted_as_the_complaint():
    text = ("Food is awesome in taste and quantity also.\nOnly one thing service is very slow because of the rush. "
            "2 hours for lunch\nPlace is small but good")
    quote = short_quote(text, ["Place is small"], set(), set(), polarity=-1)
    assert quote == "service is very slow"  # no "only one thing" frame, no guess at the cause


def test_a_liking_with_only_a_pronoun_is_never_quoted():
    assert short_quote("Tried the noodles and loved them.", ["loved them"], set(), set(), polarity=1) != "loved them"


def test_a_figure_of_speech_platter_is_not_a_dish():
    text = "This is Punjab for me on a platter! Good paranthas, awesome chole bhature. Love this place."
    for reply in drafted(text, 4):
        assert "platter" not in reply, reply


def test_a_thing_tried_and_loved_is_named_instead_of_the_pronoun():
    text = "Tried a couple of Thai curries as well and loved them. A very reliable place to dine in."
    for reply in drafted(text, 4):
        assert "Thai curries" in reply, reply
        assert '"loved them"' not in reply.lower(), reply


@pytest.mark.parametrize("clause", ["taken lot of time for delivery", "it took so long to get our food"])
def test_slowness_said_without_slow_is_a_fault(clause):
    assert clause_polarity(clause) < 0


def test_taking_care_or_photos_is_no_slowness():
    assert clause_polarity("they take a lot of care with the food") >= 0
    assert clause_polarity("worth taking lots of photos") >= 0


def test_a_slow_delivery_on_three_stars_is_owned():
    for reply in drafted("taken lot of time for delivery", 3):
        assert OWNED_RE.search(reply) or "sorry" in reply.lower(), reply
        assert "middle-of-the-road" not in reply, reply


def test_a_nit_waved_away_with_no_complaints_though_is_not_owned():
    text = "Nice spot for a date. Food and service good. Tried the thai, tasty, wasn't wow, no complaints though."
    for reply in drafted(text, 4):
        assert not OWNED_RE.search(reply), reply
    for reply in drafted("Naan was cold. Otherwise no complaints, lovely curry.", 4):
        assert OWNED_RE.search(reply), reply


def test_one_star_on_a_good_overall_visit_with_one_delay_is_answered_as_middling():
    text = "Came for a Friday night out. The bar is spacious. Music is good. Overall my experience was good though " \
           "there was delay in our drinks"
    for reply in drafted(text, 1):
        assert not re.search(r"won't defend|isn't acceptable|went the way it did|every right to be angry", reply), \
            reply
        assert re.search(r"music|bar", reply), reply  # what they liked is named too


def test_a_server_who_waited_on_us_is_thanked_and_no_fault_is_read_into_it():
    # the drafter's own word judgement read "waited our table" as a wait: the praise was owned as a fault
    text = ("Great spot for a casual dinner, loved the dips and the grilled wings.\n"
            "Farhan, who waited our table was really nice and helpful.\nWorth a visit.")
    for reply in drafted(text, 4):
        assert "Farhan" in reply
        assert "ours to act on" not in reply and "honest about" not in reply and "waited our table" not in reply


def test_a_real_wait_at_the_table_is_still_named():
    # "waiting on the table" here is a wait at it, not serving it
    text = ("The chicken 65 was great but small for the price. We were waiting on the table for almost 30 mins "
            "for the biryani to be served, and it was not worth it.")
    assert all("wait" in reply for reply in drafted(text, 3))
