"""Round 15 of blind reads: on one or two stars the reply names what the reviewer plainly complained about most.
A category no topic covers (dirty plates, mosquitoes, the packing, a slow delivery, the prices, loud music) is named
in plain words when they lead with it, repeat it, or (for the hygiene and a wait counted in hours) whenever they
say it; a late or never-delivered order is named as such; and nothing they praised or denied is faulted."""

from __future__ import annotations

import pytest
from test_draft_round8 import drafted

from nlp.draft import category_faults, lead_category_faults


def _names(text: str, delivery: bool = False) -> list[str]:
    return [name for _, name, _, _ in category_faults(text, delivery)]


@pytest.mark.parametrize(("text", "name"), [
    ("Our glasses were not washed at all and the curry was fine.", "the unwashed glasses"),
    ("They gave us dirty spoons with the soup.", "the dirty spoons"),
    ("The paper napkins on the table were stained.", "the dirty napkins"),
    ("Stained table mats and a slow waiter.", "the dirty table mats"),
    ("The hall is full of flies in the evening.", "the flies"),
    ("The corner where we sat was filthy.", "the cleanliness"),
    ("Terrible packaging, the gravy leaked everywhere.", "the packing"),
    ("Painfully late delivery tonight.", "the late delivery"),
    ("It took way too long to get our starters.", "the long wait"),
    ("Way too expensive for what they serve.", "the prices"),
    ("The DJ was far too loud the whole night.", "the loud music"),
])
def test_category_complaints_are_found_in_plain_words(text, name):
    assert name in _names(text), _names(text)


@pytest.mark.parametrize("text", [
    "The plates were spotless and nothing was dirty.",
    "Not very expensive for a rooftop place.",
    "Bit pricey but worth every rupee.",
    "The packing was not bad at all.",
    "No dirty tables anywhere, the staff keep it neat.",
])
def test_praise_or_denial_is_no_category_complaint(text):
    assert _names(text) == []


def test_a_complaint_they_lead_with_goes_first_on_two_stars():
    assert lead_category_faults("Awful packaging, and the naan was chewy.", "", ["the naan"], 2, True)[0] == \
        "the packing"


def test_a_side_mention_on_two_stars_keeps_what_they_named_first():
    text = "The naan was chewy and burnt on one side. The rice was bland too. Also a bit pricey."
    assert lead_category_faults(text, "", ["the naan"], 2, False) == ["the naan"]


def test_a_repeated_complaint_leads():
    text = "The biryani was average. Very costly for such small plates, and the drinks are overpriced as well."
    assert lead_category_faults(text, "", ["the biryani"], 2, False) == ["the prices", "the biryani"]


def test_dirty_plates_are_named_beside_the_fault_they_led_with():
    text = "The paneer was cold and bland. Our plates were not washed properly."
    assert lead_category_faults(text, "", ["the paneer"], 1, False) == ["the paneer", "the unwashed plates"]


def test_a_wait_in_hours_leads_wherever_it_is_said():
    text = "The soup was thin. Then we had to wait for hours for the main course."
    assert lead_category_faults(text, "", ["the soup"], 2, False)[0] == "the long wait"


def test_three_stars_with_a_named_fault_are_left_alone():
    text = "Loud music all night. The kebabs were dry."
    assert lead_category_faults(text, "", ["the kebabs"], 3, False) == ["the kebabs"]


def test_three_stars_with_nothing_named_name_the_category():
    assert lead_category_faults("Tasty rolls but the packing was horrible.", "", [], 3, True) == ["the packing"]


def test_mosquitoes_are_named_on_a_one_star_review():
    text = ("Awful evening out. The terrace was swarming, honestly it was full of mosquitoes, and the paneer tikka was "
            "only so-so. Would not take my parents here.")
    for reply in drafted(text, 1, n=3):
        assert "the mosquitoes" in reply.split(".")[0], reply


def test_an_order_that_never_got_delivered_is_named():
    text = ("The app showed my order as delivered but it never got delivered to my flat. Calling the outlet went "
            "nowhere.")
    for reply in drafted(text, 1, n=3):
        assert "never reached you" in reply, reply


def test_a_meal_that_reached_hours_late_is_named_with_its_delay():
    text = ("Ordered a lunch combo for the office. The meal reached 2 hours late and the rotis were hard as a board "
            "by then.")
    for reply in drafted(text, 2, n=3):
        assert "2-hour delay" in reply, reply


@pytest.mark.parametrize(("text", "name"), [
    ("Shockingly poor service tonight, and the naan was chewy.", "the service"),
    ("Slow service, and the naan was chewy.", "the slow service"),
])
def test_service_they_open_with_leads_on_one_star(text, name):
    assert name in _names(text)
    assert lead_category_faults(text, "", ["the naan"], 1, False) == [name, "the naan"]


@pytest.mark.parametrize("text", ["Not bad service at all.", "The service was not slow, the food was lovely."])
def test_service_denied_is_no_complaint(text):
    assert "service" not in " ".join(_names(text))


def test_service_already_named_through_the_staff_is_not_named_again():
    text = "Poor service all evening. The waiter ignored us."
    assert lead_category_faults(text, "", ["how the waiter treated you"], 1, False) == ["how the waiter treated you"]
