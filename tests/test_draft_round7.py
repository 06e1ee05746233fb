"""Drafter round 7: faults from a fresh owner read, each pinned with hand-written reviews: two apologies in one
reply, a quote that judges nothing (or praises) answered as a complaint, a reviewer's typo named back, noun
phrases cut mid-way, and praise of a dish no profile lists.
"""

from __future__ import annotations

import re

from draft_cases import analysis, drafts, topic

from nlp.draft import (
    _reply_ideas,
    faulted_in_text,
    likely_typo,
    noun_chunks,
    phrase_from_chunks,
    praised_in_text,
    reflected_phrases,
    short_quote,
    topic_patterns,
)


def unquoted(reply: str) -> str:
    return re.sub(r"\"[^\"]*\"", " ", reply)


def chunk_phrase(text: str, topic_name: str = "") -> str:
    return phrase_from_chunks(noun_chunks([text])[text], topic_patterns().get(topic_name, ()))


def test_a_reply_apologises_once():
    assert "apology" in _reply_ideas("I'm sorry we let you down.")
    assert "apology" not in _reply_ideas('Your words, "nobody said sorry", are fair.')
    text = ("We were billed for a starter we never had. When we pointed it out nobody said sorry, and the mains "
            "came out cold.")
    a = analysis("negative", [topic("price_value", "negative", "We were billed for a starter we never had.", "price"),
                              topic("food_quality", "negative", "the mains came out cold", "food")])
    for rating in (1, 2):
        for reply in drafts({"id": f"s{rating}", "author": "Tomas", "rating": rating, "text": text}, a, n=16):
            assert len(re.findall(r"\bsorry\b", unquoted(reply), re.I)) <= 1, reply


def test_a_quote_answered_as_a_complaint_must_itself_complain():
    text = ("The counter staff were curt with us. They shut the kitchen at ten, probably because they wanted to "
            "go home early.")
    quote = short_quote(text, ["probably because they wanted to go home early"], set(), set(), -1)
    assert quote != "probably because they wanted to go home early", quote
    assert short_quote("Nobody said sorry for the mix-up.", [], set(), set(), -1) is not None
    # A middling review whose only quotable words praise: never quoted back as "a fair note".
    text = "The paneer tikka was really rich and lovely. Seating could be arranged better for big groups."
    a = analysis("neutral", [topic("food_quality", "positive", "The paneer tikka was really rich and lovely.", "food")])
    for reply in drafts({"id": "q1", "author": "Lata", "rating": 3, "text": text}, a, n=10):
        assert "really rich and lovely" not in reply and "fair note" not in reply, reply


def test_a_typo_of_a_topic_word_is_not_named_back():
    assert likely_typo("quantiy") == "quantity" and likely_typo("qaulity") == "quality"
    assert likely_typo("biryani") == "" and likely_typo("lollipop") == ""
    assert chunk_phrase("The food test was not good at all.", "food_quality") in ("", "the food")
    text = "The food test was not good at all and the roti was hard."
    a = analysis("negative", [topic("food_quality", "negative", "The food test was not good at all", "food")])
    for reply in drafts({"id": "t1", "author": "Kiran", "rating": 2, "text": text}, a, n=10):
        assert "food test" not in unquoted(reply), reply


def test_cut_noun_phrases_fall_back_to_a_clean_head():
    assert chunk_phrase("We asked for the crispy fried piece mutton pulao.", "dishes") in (
        "the mutton pulao", "the pulao")
    assert "display" not in chunk_phrase("Way too much attitude display by the waiters.", "staff_attitude")
    text = "It sits in one of the prime locations of the city and the ambience is lovely."
    a = analysis("positive", [topic("location_parking", "positive", "It sits in one of the prime locations of the "
                                    "city", "location"),
                              topic("ambience", "positive", "the ambience is lovely", "ambience")])
    for reply in drafts({"id": "c1", "author": "Neha", "rating": 5, "text": text}, a, n=10):
        assert "prime" not in reply and "locations" not in reply, reply


def test_praise_of_a_dish_no_profile_lists_is_still_named():
    text = "Kunafa was really good. The biryani was average with hard rice."
    assert praised_in_text(text, set(), set(), ["the biryani"]) == ["the kunafa"]
    assert praised_in_text("Rahul was really good to us.", {"Rahul"}, set(), []) == []
    a = analysis("neutral", [topic("dishes", "negative", "The biryani was average with hard rice.", "food")])
    for reply in drafts({"id": "p1", "author": "Farah", "rating": 3, "text": text}, a, n=10):
        assert "kunafa" in reply and "biryani" in reply, reply


def test_a_fault_of_a_dish_no_profile_lists_is_owned_by_name():
    text = "We had the lamb kofteh which was not at all good, so skip this one."
    assert faulted_in_text(text, set(), set()) == ["the lamb kofteh"]
    assert faulted_in_text("The food was cold. Staff were rude.", set(), set()) == []
    a = analysis("negative", [])
    for reply in drafts({"id": "f1", "author": "Omar", "rating": 2, "text": text}, a, n=10):
        assert "kofteh" in reply, reply


def test_a_thanked_staff_member_counts_as_named_whatever_the_case():
    review = "Meenal is so kind and always checks on our table."
    assert reflected_phrases("Meenal will hear about this from me.", review, ["Meenal"]) == ["Meenal"]


def test_a_count_before_the_dish_and_a_dish_not_yet_tried_are_handled():
    from nlp.draft import names_rightly

    assert chunk_phrase("I ordered 1 plate noodles and it was cold.", "dishes") == "the noodles"
    assert chunk_phrase("The two plate noodles were cold.", "dishes") == "the noodles"
    text = "This place is known for its kunafa which I am yet to try. The kebabs were lovely."
    assert not names_rightly("the kunafa", 1, text, side=1)
    assert names_rightly("the kebabs", 1, text, side=1)


def test_an_everyday_noun_typed_with_a_capital_is_named_in_lower_case():
    phrase = chunk_phrase("Sadly the Noodles taste was very bad.", "food_quality")
    assert phrase == "the noodles taste", phrase
