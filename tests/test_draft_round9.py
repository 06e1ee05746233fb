"""Drafter round 9: faults from a fresh read of real drafts, each pinned with reviews written for the test: idioms
read as faults ("needs no introduction", "room for improvement"), advice to other diners read as a complaint,
a hair in the food, business names taken for dishes, anger presumed where none was written, lukewarm words
quoted as praise, a bare "the dish" after a named one, and staff who "did a great job".
"""

from __future__ import annotations

from test_draft_round8 import drafted

from nlp.analyze import analyze_rows
from nlp.draft import IMPROVEMENT_IN_RE, specific_fault


def test_needs_no_introduction_is_praise_and_room_for_improvement_names_what_should_improve():
    text = ("Lotus Grill needs no introduction. I adored their lamb chops and the kulfi was lovely. "
            "However, there is room for improvement in the hospitality front.")
    for reply in drafted(text, 4):
        low = reply.lower()
        assert "introduction" not in low and "the room" not in low, reply
        assert "hospitality" in low, reply
    assert IMPROVEMENT_IN_RE.search("There is scope for improvement on service.").group(1) == "service"


def test_if_you_advice_to_other_diners_is_no_fault():
    text = ("Came here for a team lunch and the lamb mandi was superb. If you are not comfortable sitting on the "
            "floor cushions then you can ask for a table. Will be back for the desserts.")
    for reply in drafted(text, 5):
        low = reply.lower()
        assert not any(w in low for w in ("on us", "sorry", "put right", "putting that")), reply


def test_a_hair_in_the_food_is_named_as_found():
    assert specific_fault("Honestly I found a hair in the fried rice and the waiter just shrugged.", [], set()) == [
        "the hair in your fried rice"]
    for reply in drafted("Found a hair in my noodles. The waiter shrugged and took the plate. Not coming back.", 1):
        assert "hair in your noodles" in reply.lower(), reply


def test_a_business_name_in_title_case_is_not_a_dish():
    text = "The starters were cold and the curry was bland, not what you expect from a Curry Palace at all."
    for reply in drafted(text, 2):
        assert "palace" not in reply.lower(), reply


def test_anger_is_not_presumed_on_a_plain_complaint():
    for reply in drafted("Ordered the pasta and the taste was not at all good", 1, n=12):
        low = reply.lower()
        assert "angry" not in low and "frustrat" not in low and "upset" not in low, reply


def test_lukewarm_words_are_not_quoted_as_praise():
    for reply in drafted("Nikhil did a great job looking after our table. Food was fine.", 5, n=8):
        assert '"food was fine"' not in reply.lower(), reply
        assert "Nikhil" in reply, reply


def test_a_named_dish_is_not_followed_by_a_bare_the_dish():
    text = "Their mutton haleem is my favourite thing in the city and I am hooked on this dish."
    for reply in drafted(text, 5):
        assert "and the dish" not in reply, reply


def test_two_people_who_did_a_great_job_are_both_named():
    rows = [{"id": "s1", "text": "Pranav and dilip did excellent service, so attentive all night.", "rating": 5}]
    names = {s["name"] for s in analyze_rows(rows)[0]["staff"]}
    assert names == {"Pranav", "Dilip"}, names
