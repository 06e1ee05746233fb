"""Speedy service read as praise, and a bare noun phrase coordinated with the next piece sharing its verdict."""

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nlp.analyze import analyze_rows
from nlp.tone import clause_polarity

RAW = SentimentIntensityAnalyzer()


@pytest.mark.parametrize("text", [
    "They moved the queue really fast",
    "Our starters came out quick",
    "The biryani was brought to us quickly",
    "Fast service even on a Saturday",
])
def test_speedy_service_is_praise(text):
    assert clause_polarity(text) >= 0.2
    assert RAW.polarity_scores(text)["compound"] < 0.2  # plain VADER has no valence for fast or quick


@pytest.mark.parametrize("text", [
    "Service was not fast",
    "The mains came too quickly",
    "It is just fast food",
    "Could have given five stars if the service was a little fast",
    "I'd come back if service a little fast",
])
def test_slowness_rushing_and_fast_food_are_no_praise(text):
    assert clause_polarity(text) < 0.05


def topic(result: dict, category: str) -> dict:
    return next(t for t in result["topics"] if t["category"] == category and not t.get("implicit"))


def test_a_bare_noun_phrase_shares_the_verdict_of_its_coordinated_predicate():
    # "the curry" is a piece of its own (split at "and") that judges nothing; the clause as a whole also
    # holds the praise of the decor, so before, the curry took the praise
    text = "While the decor was lovely, the curry and the waiter were a disgrace."
    result = analyze_rows([{"id": "1", "text": text}])[0]
    food = topic(result, "food")
    assert "disgrace" in food["evidence"] and "lovely" not in food["evidence"]


def test_a_noun_phrase_with_its_own_verb_keeps_its_own_piece():
    result = analyze_rows([{"id": "1", "text": "The curry was superb, and the waiter was rude."}])[0]
    assert topic(result, "food")["sentiment"] > 0
    assert "rude" not in topic(result, "food")["evidence"]
