"""Round 21 of blind reads: a dish is named as the reviewer named it. A plain noun in front of a dish word is part
of the dish's name even after an opinion word ("Best butter chicken" is the butter chicken, not "the chicken"),
and a dish the parser split in two ("a mutton Biryani") is named whole."""

from __future__ import annotations

from test_draft_round8 import drafted

from nlp.analyze import analyze_rows
from nlp.draft import noun_chunks, thing_from_topic


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
