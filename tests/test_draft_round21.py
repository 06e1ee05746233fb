"""Round 21 of blind reads: a dish is named as the reviewer named it. A plain noun in front of a dish word is part
of the dish's name even after an opinion word ("Best butter chicken" is the butter chicken, not "the chicken"),
a dish the parser split in two ("a chicken Biryani") is named whole, and on a happy review "the dishes" gives way
to the dish a praising clause named, unless another clause faults it."""

from __future__ import annotations

from test_draft_round8 import drafted

from nlp.analyze import analyze_rows
from nlp.draft import _plain_verdict, noun_chunks, thing_from_topic


def things(text: str, positive: bool) -> list[str]:
    """What the drafter would call each of the review's dish topics."""
    topic_rows = [{"id": "r21", "text": text, "rating": 5 if positive else 2, "author": "Kavya Rao"}]
    out = []
    for topic in analyze_rows(topic_rows, "restaurant")[0].get("topics", []):
        if topic.get("topic") == "dishes":
            evidence = topic["evidence"]
            chunks = noun_chunks([evidence]) or {}
            out.append(thing_from_topic(topic, positive, set(), text, chunks.get(evidence)))
    return out


def test_a_noun_before_a_dish_after_praise_is_part_of_its_name():
    assert "the butter chicken" in things("Best butter chicken we have had in years. Worth every rupee.", True)
    assert "the garlic naan" in things("Amazing garlic naan, soft and hot.", True)


def test_a_measure_before_a_dish_is_still_not_its_name():
    assert "the quality chicken" not in things("Worst quality chicken ever, all bones.", False)


def test_the_butter_chicken_is_thanked_by_name():
    text = "Best butter chicken i have tasted in this city! Highly recommended for north indian food lovers."
    replies = drafted(text, 5, n=4)
    assert any("butter chicken" in r for r in replies), replies


def test_a_dish_split_by_the_parser_is_named_whole():
    assert "the chicken biryani" in things("We ordered a chicken Biryani and it was cold, sent it back.", False)


def test_a_dish_word_followed_by_different_dishes_stays_as_written():
    assert "the chicken" in things("The chicken was nice and we also tried chicken tikka, all good.", True)


def test_a_happy_reply_names_the_praised_dish_not_its_category():
    text = ("We liked the paneer tikka as it was not dry at all. They serve good Chinese dishes as well. "
            "Garlic bread is baked well. Service can be faster.")
    replies = drafted(text, 4, n=4)
    assert all("the dishes" not in r for r in replies), replies
    assert any("paneer tikka" in r for r in replies), replies


def test_a_dish_faulted_once_is_not_the_highlight():
    # the guard that keeps a dish out of the lead when another clause faults it, negations aside
    assert _plain_verdict("the naan was a bit chewy though it went well with the curry")
    assert not _plain_verdict("we loved the paneer tikka as it was not greasy at all")
