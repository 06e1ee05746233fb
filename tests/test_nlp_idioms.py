"""Idioms whose sign plain VADER reverses: a negated comparative, a negated fault, a cold drink, and a phrase
rule in a clause opening with "but" (pure functions, no spaCy model)."""

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nlp.tone import clause_polarity

RAW = SentimentIntensityAnalyzer()


@pytest.mark.parametrize("text, sign", [
    ("Our lamb shank could not have been better", 1),
    ("The staff couldn't have been more attentive", 1),
    ("I have never had better dosa anywhere", 1),
    ("You can't beat the lunch thali", 1),
    ("Can't wait to go back next month", 1),
    ("I can't say enough good things about the chef", 1),
    ("Service couldn't get any worse", -1),
    ("We have had better biryani elsewhere", -1),
    ("The beer was ice cold", 1),
    ("Chutneys came at no extra charge", 1),
    ("Not once has a dish disappointed us", 1),
    ("Very economical for a family lunch", 1),
    ("The tiramisu blew us away", 1),
    ("The rooftop view is killer", 1),
    ("Crazy good momos", 1),
    ("A sinful chocolate brownie", 1),
    ("The service was nothing short of excellent", 1),
    ("The hot and sour soup hit the spot", 1),
    ("The thali fell short this time", -1),
    ("The food was so-so", -1),
    ("The buffet is a rip off", -1),
    ("Dinner was a big letdown", -1),
    ("Starters were average at best", -1),
])
def test_idioms_read_the_way_people_mean_them(text, sign):
    assert sign * clause_polarity(text) >= 0.2
    assert sign * RAW.polarity_scores(text)["compound"] < 0.2  # plain VADER misses each of them


def test_a_cold_dish_is_still_a_fault_and_cold_coffee_is_a_drink():
    assert clause_polarity("The soup was cold") <= -0.3
    assert clause_polarity("Cold coffee was lovely") > 0.3


def test_worth_every_bite_is_good_value():
    assert clause_polarity("worth every bite") >= 0.3


def test_a_phrase_rule_after_but_weighs_like_the_words_it_follows():
    # VADER weighs the words after "but" by 1.5; the "room to improve" phrase must not be cancelled by "better"
    assert clause_polarity("but the service could have been better.") <= -0.2
    assert clause_polarity("but the service could have been better.") == pytest.approx(
        clause_polarity("But the service could have been better."))


@pytest.mark.parametrize("text, sign", [
    ("It was a night we can't forget", 1),
    ("I will never forget how rude the manager was", -1),
    ("Thank you so so much", 1),
    ("Great food at best price", 1),
])
def test_idiom_rules_stay_inside_their_idiom(text, sign):
    assert sign * clause_polarity(text) >= 0.2


def test_curly_apostrophes_read_like_straight_ones():
    from nlp.analyze import analyze_rows
    curly, straight = analyze_rows([{"id": "1", "text": "The biryani wasn’t good and I won’t come back."},
                                    {"id": "2", "text": "The biryani wasn't good and I won't come back."}])
    assert curly["sentiment"] == straight["sentiment"] and curly["sentiment"]["label"] == "negative"
    assert [t["sentiment"] for t in curly["topics"]] == [t["sentiment"] for t in straight["topics"]]


@pytest.mark.parametrize("text, sign", [
    ("Please don't order from this outlet", -1),
    ("I would recommend not to visit this place", -1),
    ("Street stalls make better than this place", -1),
    ("Wouldn't mind going again", 1),
    ("Nothing beats their haleem", 1),
    ("Please don't miss the kebabs", 1),
])
def test_advice_to_others_reads_as_meant(text, sign):
    assert sign * clause_polarity(text) >= 0.2


@pytest.mark.parametrize("text, sign", [
    ("The dal was luke warm", -1),
    ("They charge you through the nose for a mocktail", -1),
    ("The biryani speaks for itself", 1),
])
def test_set_phrases_of_food_and_price(text, sign):
    assert sign * clause_polarity(text) >= 0.2


def test_a_treat_paid_for_others_is_no_praise_but_a_treat_to_eat_is():
    assert abs(clause_polarity("My cousin gave a treat here for his promotion")) < 0.05
    assert clause_polarity("The kulfi was a real treat") > 0.2


@pytest.mark.parametrize("text, sign", [
    ("We are crazy about their haleem", 1),
    ("Not too crazy about their mocktails", -1),
    ("I wasn't that mad about the décor", -1),
])
def test_crazy_about_and_its_negation(text, sign):
    assert sign * clause_polarity(text) >= 0.2
