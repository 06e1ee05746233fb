"""Drafter round 6: faults an owner found reading 60 fresh restaurant drafts, each pinned with hand-written
reviews: orders that were never visits, a measured wait, things a review names without judging them (an "ok"
dish, the exception, the occasion, a landmark, something not yet tried, a request), middling reviews that
praise or complain in words the labels missed, and quotes with broken apostrophes or dangling words.
"""

from __future__ import annotations

import re

from draft_cases import analysis, drafts, topic

from nlp.draft import (
    OWNERSHIP_RE,
    channel_unclear,
    clause_polarity,
    is_delivery,
    measured_wait,
    names_rightly,
    praised_in_text,
    short_quote,
)

APOLOGY = re.compile(r"sorry|on us|responsib|let you down|fell short|should have|own it", re.I)




def test_an_order_placed_from_elsewhere_is_never_called_a_visit():
    text = ("I ordered from this place before and it was good. My last order was a mess: the gravy smelled bad. "
            "Not going to order from here again.")
    assert is_delivery(text)
    assert is_delivery("There was no onion and lemon in the pack.")
    a = analysis("negative", [topic("food_quality", "negative", "the gravy smelled bad", "food")])
    for reply in drafts({"id": "o1", "author": "Meera", "rating": 1, "text": text}, a):
        assert "visit" not in reply.lower() and "gravy" in reply, reply


def test_an_order_of_unclear_channel_is_worded_as_an_experience_not_a_visit():
    text = "Ordered the chicken biryani. It was cold and bland."
    assert channel_unclear(text) and not is_delivery(text)
    assert not channel_unclear("We visited on Friday and ordered the biryani, it was cold.")
    a = analysis("negative", [topic("food_quality", "negative", "It was cold and bland.", "food")])
    for reply in drafts({"id": "o2", "author": "Ravi", "rating": 2, "text": text}, a):
        assert "visit" not in reply.lower(), reply


def test_a_measured_wait_is_reflected_not_just_the_service():
    assert measured_wait("they either cancel or take 2 hr to just prepare your food") == "the 2-hour wait"
    assert measured_wait("we waited for hours") == "the hours-long wait"
    assert measured_wait("open 24 hours, lovely staff") == ""
    text = "The food is decent but the service is really pathetic, it takes 20 minute to take your order."
    a = analysis("negative", [topic("staff_attitude", "negative", "but the service is really pathetic", "service")])
    for reply in drafts({"id": "w1", "author": "Dev", "rating": 2, "text": text}, a):
        assert "20-minute wait" in reply, reply
    text = "You need at least 2 hrs to get your food. I ordered food from it and they take 2 hr to prepare it."
    a = analysis("negative", [topic("food_quality", "negative", "they take 2 hr to prepare it", "food")])
    for reply in drafts({"id": "w2", "author": "Sagar", "rating": 1, "text": text}, a):
        assert "2-hour wait" in reply, reply


def test_an_ok_dish_and_the_exception_are_never_named_as_the_fault():
    text = "We ordered kodi pulao that was ok, their sambar rice was so sour that it was not at all acceptable."
    assert not names_rightly("the kodi pulao", -1, text, side=-1)
    assert names_rightly("the sambar rice", -1, text, side=-1)
    text = "Except the biryani everything was bad."
    assert not names_rightly("the biryani", -1, text, side=-1)
    assert names_rightly("the biryani", -1, "Everything was great except the biryani.", side=1)
    text = "Food quality is below average except kaju paneer curry which is average."
    assert not names_rightly("the kaju paneer curry", -1, text, side=-1)


def test_the_occasion_a_landmark_and_things_not_yet_tried_are_not_what_was_judged():
    text = "Food is not good, we all came here for Team lunch and the starters were not good."
    assert not names_rightly("the Team lunch", -1, text, side=-1)
    assert names_rightly("the starters", -1, text, side=-1)
    text = "I always prefer this restaurant for veg since its near to my room, and the taste is good."
    assert not names_rightly("the room", 1, text, side=1)
    text = "The mandi was heavenly. Would love to try desserts from the menu next time."
    assert not names_rightly("the desserts", 1, text, side=1)
    assert names_rightly("the mandi", 1, text, side=1)
    text = "Generous staff. Request the staff to maintain clean washrooms."
    assert not names_rightly("the washrooms", 1, text, side=1)


def test_a_middling_review_names_praise_the_labels_missed_and_owns_complaints_in_plain_words():
    assert clause_polarity("Biryani was average with hard huge chicken pieces.") == -1
    assert clause_polarity("I've tried the buffet here which I didn't personally like.") == -1
    assert clause_polarity("Food is not their forte.") == -1
    text = "The paneer tikka was really good. The biryani was average with hard chicken pieces."
    assert praised_in_text(text, set(), set(), ["the biryani"]) == ["the paneer tikka"]
    a = analysis("neutral", [topic("dishes", "negative", "The biryani was average with hard chicken pieces.",
                                   "food")])
    for reply in drafts({"id": "m1", "author": "Bhumika", "rating": 3, "text": text}, a):
        assert "paneer tikka" in reply and APOLOGY.search(reply), reply
    text = ("I like the music and drinks. Food is not their forte. I tried the buffet which I didn't like. "
            "The staff has been unaccommodating to us one time.")
    a = analysis("neutral", [topic("ambience", "positive", "I like the music", "ambience"),
                             topic("food_quality", "mixed", "I tried the buffet which I didn't like.", "food")])
    for reply in drafts({"id": "m2", "author": "Manisha", "rating": 3, "text": text}, a):
        assert APOLOGY.search(reply) and "sam@" in reply, reply


def test_quotes_never_carry_broken_apostrophes_dangling_words_or_the_wrong_verdict():
    text = "Service is good but it’s unhygienic even though it doesn’t look like one."
    quote = short_quote(text, ["but it’s unhygienic even"], set(), set(), -1)
    assert quote == "it's unhygienic", quote
    text = "Good to visit for a quick non-nonsense dinner."
    assert short_quote(text, [text], set(), set(), -1) is None
    assert short_quote("Great app. Please add a dark mode", [], set(), set(), 1) != "please add a dark mode"
    assert short_quote("Would be great to have widgets", [], set(), set(), 1) is None


def test_an_app_review_saying_a_part_is_not_it_is_a_complaint():
    assert clause_polarity("The subscription part is not it") == -1
    assert clause_polarity("this is not it.") == -1
    assert clause_polarity("Is this not it?") >= 0


def test_soft_complaints_in_a_happy_review_are_noted_and_lukewarm_or_occasion_words_are_not_faults():
    assert clause_polarity("Only the staff could have been a little more attentive.") == -1
    assert clause_polarity("The toilet should have been as clean as the restaurant.") == -1
    assert clause_polarity("Mix veg was okay okay, please try to make it more tasty") == -1
    assert not names_rightly("the food", -1, "Too much attitude by the staff. Ambience, food just about ok.", side=-1)
    assert not names_rightly("the lunch", -1, "I ordered my lunch from here and it was disappointing.", side=-1)
    text = "The food is so good and the interior is cozy. Only the staff could have been a little more attentive."
    a = analysis("positive", [topic("food_quality", "positive", "The food is so good", "food")])
    for reply in drafts({"id": "l1", "author": "Rajasi", "rating": 4, "text": text}, a):
        # The small complaint is noted with a way to reach the manager, not just thanked away.
        assert "sam@" in reply and OWNERSHIP_RE.search(reply), reply
