"""Drafter round 3: faults an owner found reading real drafts, each pinned with hand-written reviews.

Handles greeted as names, neutral phrases quoted as complaints, wrong team routing, visit language for
delivery orders, mismatched stock lines, mixed reviews in the wrong order and heavy apologies on 4-star reviews.
"""

from __future__ import annotations

import re

import pytest
from draft_cases import BUSINESS, VOICE, analysis, body, topic

from nlp.draft import (
    check_reply,
    draft_many,
    draft_reply,
    first_name,
    is_delivery,
    judgement,
    short_quote,
    split_sentences,
    team_for,
)


@pytest.mark.parametrize("author", ["Qkahmed", "Prnv Reddi", "Pratikr", "Sb", "KRS", "AM", "Xzqwert",
                                    "Mohammed Sk (Foodie Diaries)x9"])
def test_handles_are_not_greeted_as_names(author):
    assert first_name(author) is None
    row = {"id": "h1", "author": author, "rating": 5, "text": "The lamb shoulder was superb."}
    a = analysis("positive", [topic("food_quality", "positive", "The lamb shoulder was superb.", "food")])
    reply = draft_reply(row, a, BUSINESS, VOICE)["reply"]
    assert reply.startswith(("Hi there,", "Hello,", "Hi,", "Hello there,")), reply


@pytest.mark.parametrize(("author", "expected"), [
    ("Kshitij Rao", "Kshitij"), ("Shreya", "Shreya"), ("Lakshmi P", "Lakshmi"), ("Li Wei", "Li"),
    ("Patta, Vishal Kumar", "Vishal"), ("Dwight Evans", "Dwight"), ("Mrinal Sen", "Mrinal"),
    ("Mohammed Masih (Food Therapy)", "Mohammed"),
])
def test_real_given_names_still_greet(author, expected):
    assert first_name(author) == expected


def test_a_neutral_statement_is_never_quoted_as_the_complaint():
    text = "we Ordered alphonso ice cream and mango kulfi. Went here on a Sunday."
    assert judgement("we Ordered alphonso ice cream") == 0
    assert short_quote(text, [], set(), set(), -1) is None
    row = {"id": "q1", "author": "Ritu", "rating": 2, "text": text}
    reply = draft_reply(row, analysis("negative"), BUSINESS, VOICE)["reply"]
    assert "alphonso" not in reply.lower() and "are fair" not in reply and "went here" not in reply.lower()


def test_a_quote_back_carries_the_judgement_with_its_case_fixed():
    text = "The taste was OK. Doesn't fill half your stomach. We went on a Friday."
    assert short_quote(text, [], set(), set(), -1) == "doesn't fill half your stomach"
    praise = "Mr. Faraan, Mr. Llima were there. The place is really very good can .we had lunch"
    assert short_quote(praise, [], set(), set(), 1) is None  # names mid-quote, a clause cut at "can"
    assert short_quote("Delivery on time", [], set(), set(), 1) == "delivery on time"
    assert short_quote("They asked about the food was really impressive", [], set(), set(), 1) != (
        "about the food was really impressive")


def test_team_follows_the_faulted_topics():
    hair = topic("cleanliness", "negative", "there was a hair in my biryani", "cleanliness")
    wrong = topic("order_accuracy", "negative", "we got the wrong curry", "service")
    floor = topic("cleanliness", "negative", "the floor was sticky", "cleanliness")
    assert team_for([hair]) == "the kitchen team"
    assert team_for([floor]) == "the cleaning team"
    assert team_for([hair, wrong]) == "the team"
    assert team_for([wrong]) == "the front-of-house team"
    assert team_for([wrong], delivery=True) == "the team"
    row = {"id": "t1", "author": "Omar", "rating": 1,
           "text": "There was a hair in my biryani and we got the wrong curry."}
    for salt in range(6):
        reply = draft_reply({**row, "id": f"t{salt}"}, analysis("negative", [hair, wrong]), BUSINESS, VOICE)["reply"]
        assert "cleaning team" not in reply and "kitchen team" not in reply and "front-of-house" not in reply


def test_delivery_orders_hear_about_the_order_not_a_visit():
    assert is_delivery("Ordered online, the rider was late and the packaging leaked.")
    assert not is_delivery("We visited for dinner; the waiter said delivery is also available.")
    assert is_delivery("I received the meal box. The package was neat but the curry was cold.")
    pairs = []
    for i in range(24):
        row = {"id": f"dl{i}", "author": "Meera", "rating": 1 + i % 5,
               "text": "The biryani was delivered cold and the packaging was torn." if i % 5 < 3 else
               "The delivery was quick and the biryani was delicious."}
        label = "negative" if i % 5 < 3 else "positive"
        pairs.append((row, analysis(label, [topic("food_quality", label, row["text"], "food")])))
    for d in draft_many(pairs, BUSINESS, VOICE):
        reply = d["reply"]
        assert not re.search(r"\bvisit|came in|your table|left happy|next time you're in|have you back|"
                             r"welcome you back|time with us", reply, re.I), reply
        assert all(d["checks"].values()), (d["checks"], reply)


def test_food_complaints_never_get_a_line_about_how_people_were_treated():
    row = {"id": "c1", "author": "Anil", "rating": 1, "text": "The rice tasted burnt and the dal was bland. Furious."}
    a = analysis("negative", [topic("food_quality", "negative", "The rice tasted burnt and the dal was bland.",
                                    "food")], emotions=[{"emotion": "angry", "ekman": "anger", "intensity": 0.9}])
    for i in range(12):
        reply = draft_reply({**row, "id": f"c{i}"}, a, BUSINESS, VOICE)["reply"]
        assert "treated" not in reply and "after a meal" not in reply
        assert "rice taste" not in reply


def test_mixed_review_thanks_the_praise_then_owns_the_fault_without_but():
    row = {"id": "m1", "author": "Priya", "rating": 3,
           "text": "Loved the biryani. The music was far too loud and the wait was long."}
    a = analysis("mixed", [topic("food_quality", "positive", "Loved the biryani", "food"),
                           topic("ambience", "negative", "The music was far too loud", "ambience"),
                           topic("wait_time", "negative", "the wait was long", "service")])
    for i in range(10):
        d = draft_reply({**row, "id": f"m{i}"}, a, BUSINESS, VOICE)
        reply = body(d["reply"])
        assert reply.index("biryani") < reply.index("music")
        assert not re.search(r"\bbut\b", reply, re.I)
        assert split_sentences(reply)[0].count(" and ") <= 2, reply  # no run-on list of both sides
        assert all(d["checks"].values()), d["checks"]


def test_four_star_review_with_a_small_complaint_is_thanked_first_without_heavy_apology():
    row = {"id": "f1", "author": "Nina", "rating": 4,
           "text": "Lovely dosa and great chutneys. The coffee was a bit cold."}
    a = analysis("positive", [topic("food_quality", "positive", "Lovely dosa and great chutneys", "food"),
                              topic("drinks", "negative", "The coffee was a bit cold", "food")],
                 emotions=[{"emotion": "angry", "ekman": "anger", "intensity": 0.4}])
    for i in range(10):
        d = draft_reply({**row, "id": f"f{i}"}, a, BUSINESS, VOICE)
        reply = body(d["reply"])
        first = split_sentences(reply)[0].lower()
        assert re.search(r"thank|glad|great|pleased|happy", first) and "dosa" in first, reply
        assert "coffee" in reply
        assert not re.search(r"I'm sorry|I take full responsibility|deserved better|no excuse|won't defend|"
                             r"let you down|angry|upset", reply), reply
        assert all(d["checks"].values()), d["checks"]


def test_praise_misread_as_a_fault_on_a_five_star_review_is_not_apologised_for():
    row = {"id": "p1", "author": "Ravi", "rating": 5,
           "text": "The food, the ambience, the games, the whole evening was so worth it!"}
    a = analysis("positive", [topic("food_quality", "positive", "The food", "food"),
                              topic("ambience", "negative", "the ambience, the games", "ambience")])
    d = draft_reply(row, a, BUSINESS, VOICE)
    assert not re.search(r"sorry|on us|responsib|shine off", d["reply"], re.I), d["reply"]
    assert all(d["checks"].values())


def test_a_dish_named_like_a_person_is_not_thanked_as_staff():
    row = {"id": "s1", "author": "Kamal", "rating": 5, "text": "The special Navaratri thali was wonderful."}
    a = analysis("positive", [topic("food_quality", "positive", "The special Navaratri thali", "food")],
                 staff=[{"name": "Navaratri", "role": "", "label": "positive"}])
    reply = draft_reply(row, a, BUSINESS, VOICE)["reply"]
    assert "Navaratri," not in reply and "to Navaratri" not in reply and "Navaratri will" not in reply
    assert check_reply(reply, row, a, VOICE)["mentions_specifics"]


def test_a_cockroach_with_the_meal_goes_to_a_person():
    from nlp.draft import needs_human_reason

    row = {"id": "r1", "author": "Amit", "rating": 2, "text": "We got a cockroach along with the meal."}
    assert "health or safety" in (needs_human_reason(row, analysis("negative")) or "")


def test_a_four_star_fault_we_cannot_name_is_owned_plainly():
    row = {"id": "u1", "author": "Nina", "rating": 4, "text": "Lovely dosa. Some things could be better."}
    a = analysis("positive", [topic("food_quality", "positive", "Lovely dosa", "food"),
                              topic("overall_experience", "negative", "Some things could be better", "other")])
    for i in range(6):
        d = draft_reply({**row, "id": f"u{i}"}, a, BUSINESS, VOICE)
        assert " with that " not in d["reply"] and "dosa" in d["reply"], d["reply"]
        assert all(d["checks"].values()), d["checks"]
