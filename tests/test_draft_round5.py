"""Drafter round 5 on restaurant reviews: faults an owner found reading real drafts, each pinned with
hand-written reviews: sentence-start capitals kept in names, quotes running across "..", a middling review
that praises and suggests, a middling review that only complains, and a happy rating with a fault in words.
"""

from __future__ import annotations

import re

from draft_cases import BUSINESS, VOICE, analysis, topic

from nlp.draft import draft_reply, fault_topics, noun_chunks, phrase_from_chunks, short_quote

APOLOGY = re.compile(r"sorry|on us|responsib|let you down|fell short|should have", re.I)


def test_a_capital_that_only_starts_a_sentence_is_dropped_but_a_name_keeps_its_own():
    text = "We go there often. Consistent quality and quick service."
    assert phrase_from_chunks(noun_chunks([text])[text]) == "the consistent quality"
    text = "We loved the Greek salad."
    assert phrase_from_chunks(noun_chunks([text])[text]) == "the Greek salad"


def test_a_quote_never_runs_two_thoughts_together_across_dots():
    text = "Biryani was too cold.. and the lemon was rotten.. pathetic experience.."
    quote = short_quote(text, [text], set(), set(), -1)
    assert quote and "rotten pathetic" not in quote and "cold and" not in quote, quote


def test_a_middling_review_that_praises_and_suggests_is_thanked_without_an_apology():
    row = {"id": "s1", "author": "Lena", "rating": 3,
           "text": "The paneer tikka was lovely and the staff were friendly. You should add a mango lassi."}
    a = analysis("neutral", [topic("dishes", "positive", "The paneer tikka was lovely", "food"),
                             topic("drinks", "negative", "You should add a mango lassi", "food")], suggestion=True)
    assert not fault_topics(row, a)
    for i in range(8):
        d = draft_reply({**row, "id": f"s{i}"}, a, BUSINESS, VOICE)
        assert not APOLOGY.search(d["reply"]), d["reply"]
        assert re.search(r"suggestion|idea", d["reply"]) and "paneer tikka" in d["reply"], d["reply"]
        assert all(d["checks"].values()), d["checks"]


def test_a_middling_review_that_only_complains_is_owned():
    row = {"id": "b1", "author": "Pavan", "rating": 3, "text": "Charging so much for a sandwich and yet no brown bread"}
    a = analysis("neutral", [topic("dishes", "positive", "Charging so much for a sandwich and", "food")])
    for i in range(6):
        d = draft_reply({**row, "id": f"b{i}"}, a, BUSINESS, VOICE)
        assert APOLOGY.search(d["reply"]) and VOICE["contact"] in d["reply"], d["reply"]
        assert "middle-of-the-road" not in d["reply"]
        assert all(d["checks"].values()), d["checks"]


def test_a_four_star_review_that_asks_for_better_taste_is_heard():
    row = {"id": "t1", "author": "Patan", "rating": 4, "text": "good quantity good food but needs to improve taste"}
    a = analysis("positive", [topic("food_quality", "positive", "good quantity good food", "food")])
    for i in range(6):
        d = draft_reply({**row, "id": f"t{i}"}, a, BUSINESS, VOICE)
        assert "taste" in d["reply"] and VOICE["contact"] in d["reply"], d["reply"]
        assert not re.search(r"I'm sorry|deserved better|no excuse|let you down", d["reply"]), d["reply"]
        assert all(d["checks"].values()), d["checks"]


def test_a_complaint_the_analyzer_called_neutral_is_still_a_fault():
    row = {"id": "n1", "author": "Leyla", "rating": 4, "text": "Great breakfast. There was a lot of noise at night."}
    a = analysis("positive", [topic("food_quality", "positive", "Great breakfast", "food"),
                              topic("ambience", "neutral", "There was a lot of noise at night", "ambience")])
    assert fault_topics(row, a)
    d = draft_reply(row, a, BUSINESS, VOICE)
    assert "noise" in d["reply"] and "breakfast" in d["reply"], d["reply"]
    assert not re.search(r"noise (?:levels )?(?:made|hit|stood|won|pleased)", d["reply"]), d["reply"]
    assert all(d["checks"].values()), d["checks"]


def test_praise_said_through_a_negation_is_not_a_fault_on_a_five_star_review():
    from nlp.draft import clause_polarity, judgement

    assert judgement("Don't miss whenever you visit Hyderabad") >= 0
    assert clause_polarity("this place never disappoints") > 0
    row = {"id": "p1", "author": "Raju", "rating": 5,
           "text": "Excellent biryani over the years. Don't miss it whenever you visit Hyderabad."}
    a = analysis("positive", [topic("dishes", "positive", "Excellent biryani over the years", "food"),
                              topic("overall_experience", "negative", "Don't miss it whenever you visit Hyderabad",
                                    "other")])
    reply = draft_reply(row, a, BUSINESS, VOICE)["reply"]
    assert not APOLOGY.search(reply) and "biryani" in reply, reply


def test_roaches_go_to_a_person_and_a_packed_room_is_not_a_delivery():
    from nlp.draft import is_delivery, needs_human_reason

    row = {"id": "r1", "author": "Farooq", "rating": 2, "text": "Horrible biryani. Roaches in sink."}
    assert "health or safety" in (needs_human_reason(row, analysis()) or "")
    assert not is_delivery("Usually visit this restaurant on Fridays. The place is packed at lunch time.")
    assert is_delivery("The biryani was neatly packed and arrived hot.")


def test_the_standard_line_is_said_once():
    from nlp.draft import draft_many, sentence_ideas, split_sentences

    assert sentence_ideas("That's not the standard we hold ourselves to.") >= {"standard"}
    row = {"author": "Habeeb", "rating": 1, "text": "Burnt food given twice and nobody cares. Furious."}
    a = analysis("negative", [topic("food_quality", "negative", "Burnt food given twice", "food")])
    a["emotions"] = [{"emotion": "angry", "ekman": "anger", "intensity": 0.9}]
    for d in draft_many([({**row, "id": f"st{i}"}, a) for i in range(30)], BUSINESS, VOICE):
        assert sum("standard" in x for x in split_sentences(d["reply"])) <= 1, d["reply"]


def test_a_request_is_never_quoted_back_as_praise():
    for text in ("I want to get my account back", "Try to be better", "Please let me know", "whatsapp plz help me"):
        assert short_quote(text, [], set(), set(), 1) is None, text
    assert short_quote("Absolutely loved the experience", [], set(), set(), 1) == "absolutely loved the experience"
