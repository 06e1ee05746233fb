"""Pure-function tests for the understanding stage: no spaCy model needed."""

from datetime import UTC, datetime

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nlp.aspects import held_out, load_aspect_model, polarity_features, polarity_score, sentence_features
from nlp.emotions import EKMAN, detect_emotions
from nlp.language import detect_language
from nlp.profiles import ProfileError, available_profiles, load_profile, match_topics, parse_profile
from nlp.signals import is_suggestion, risk_reasons, score_urgency
from nlp.staff import find_staff
from nlp.tone import (
    clause_polarity,
    combine_scores,
    label_for,
    phrase_valence,
    rating_prior,
    split_clauses,
    split_pieces,
)

RAW = SentimentIntensityAnalyzer()


# --- tone: lexicon rules and clause polarity -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "We waited 40 minutes for our starters",
    "The soup arrived cold",
    "No one came to take our order",
    "Never again",
    "They overcharged us for the drinks",
    "The pasta was bland and the bread stale",
    "The prices are too high for what you get",
    "The decor leaves a lot to be desired",
])
def test_domain_complaints_are_clearly_negative_unlike_raw_vader(text):
    raw = RAW.polarity_scores(text)["compound"]  # neutral, positive or barely negative for all of these
    assert clause_polarity(text) <= -0.3 and clause_polarity(text) < raw - 0.25


@pytest.mark.parametrize("text", ["Worth every penny", "Highly recommend the tasting menu",
                                  "We will definitely come back", "A must try"])
def test_domain_praise_is_positive(text):
    assert clause_polarity(text) >= 0.3


def test_negation_and_intensifier_still_work():
    assert clause_polarity("the waiter was not friendly") < 0
    assert clause_polarity("the food was extremely good") > clause_polarity("the food was good") > 0


def test_phrase_valence_reports_reasons():
    total, why = phrase_valence("we waited 45 minutes and never again")
    assert total < -4 and "will not return" in why and "a long wait stated as a fact" in why
    assert phrase_valence("lovely evening") == (0.0, [])


def test_split_clauses_at_contrast_words():
    words = "The food was great but the service was slow".split()
    assert split_clauses(words) == [(0, 4), (4, 9)]
    assert split_clauses(["Lovely", "."]) == [(0, 2)]
    assert split_clauses([]) == []


def test_split_pieces_at_commas_and_and():
    words = "great food , terrible service and slow kitchen".split()
    assert split_pieces(words, 0, len(words)) == [(0, 2), (3, 5), (5, 8)]


def test_combine_scores_ignores_neutral_clauses_and_weights():
    assert combine_scores([0.0, 0.5, -0.5], [1, 1, 3]) == pytest.approx(-0.25)
    assert combine_scores([0.0, 0.01]) == 0.0


def test_labels_and_rating_prior():
    assert label_for(0.6, True, True) == "mixed"
    assert label_for(0.6, True, False) == "positive"
    assert label_for(-0.2, False, False) == "negative"
    assert label_for(0.0, False, False) == "neutral"
    assert [rating_prior(r) for r in (1, 3, 5)] == [-1.0, 0.0, 1.0]
    assert rating_prior(None) is None and rating_prior("n/a") is None and rating_prior(9) is None


# --- topic profiles ---------------------------------------------------------------------------------------

def test_every_bundled_profile_loads_with_topics():
    names = available_profiles()
    assert {"restaurant", "hotel", "retail", "app", "local_services"} <= set(names)
    for name in names:
        profile = load_profile(name)
        assert profile.topics and all(t.category in profile.categories for t in profile.topics)
        assert all(t.patterns and t.examples for t in profile.topics)


def test_restaurant_categories_are_exactly_the_design_ones():
    assert set(load_profile("restaurant").categories) == {
        "food", "service", "price", "ambience", "cleanliness", "location", "other"}


def test_match_topics_prefers_longest_pattern():
    profile = load_profile("restaurant")
    found = match_topics("the wait time and the ice cream".split(), profile)
    assert [(t.name, s, e) for t, s, e in found] == [("wait_time", 1, 3), ("dishes", 5, 7)]


def test_restaurant_profile_knows_common_dishes():
    profile = load_profile("restaurant")
    for dish in ["shawarma", "shwarma", "haleem", "kebab", "momos", "noodles", "dosa", "fried rice", "jalebi"]:
        assert [t.name for t, _, _ in match_topics(dish.split(), profile)] == ["dishes"], dish


def test_bad_profile_names_the_problem():
    with pytest.raises(ProfileError, match="category 'drinks'"):
        parse_profile({"categories": ["food"], "topics": [{"name": "x", "category": "drinks", "patterns": ["a"]}]})
    with pytest.raises(ProfileError, match="missing key"):
        parse_profile({"topics": []})


# --- trained aspect models -------------------------------------------------------------------------------

def test_aspect_model_finds_implicit_categories():
    model = load_aspect_model("restaurant_aspects.tsv")
    # the patterns' categories are features: the model confirms real hits and rejects incidental ones
    assert model.categories(sentence_features("The waiter ignored us all night", {"service"})) == {"service"}
    assert "price" in model.categories(sentence_features("Way too expensive for what you get", {"price"}))
    hits = {"food", "food_quality"}
    assert "food" in model.categories(sentence_features("Everything we ordered was delicious", hits))
    assert not model.categories(sentence_features("We went there on a Tuesday", set()))


def test_polarity_model_score_range_and_direction():
    model = load_aspect_model("restaurant_polarity.tsv")
    bad = polarity_score(model, polarity_features("The fish was overdone", "The fish was overdone", "food",
                                                  -0.5, -0.5))
    good = polarity_score(model, polarity_features("The fish was superb", "The fish was superb", "food", 0.6, 0.6))
    assert -1 <= bad < 0 < good <= 1


def test_held_out_split_is_stable_and_about_half():
    texts = [f"sentence number {i}" for i in range(400)]
    share = sum(map(held_out, texts)) / len(texts)
    assert 0.4 < share < 0.6 and held_out("x y z") == held_out("x y z ")


# --- emotions ---------------------------------------------------------------------------------------------

def test_emotions_map_to_ekman_with_intensity():
    found = detect_emotions("i was so disappointed and honestly furious".split(), "I was so disappointed!")
    names = {e["emotion"]: e for e in found}
    assert names["disappointed"]["ekman"] == "sadness" and names["angry"]["ekman"] == "anger"
    assert all(0 < e["intensity"] <= 1 for e in found)
    assert set(EKMAN.values()) == {"anger", "disgust", "fear", "joy", "sadness", "surprise"}


def test_negated_joy_becomes_disappointment_and_negated_anger_is_dropped():
    assert [e["emotion"] for e in detect_emotions("we were not happy".split())] == ["disappointed"]
    assert detect_emotions("i was not angry".split()) == []


def test_exclamations_raise_intensity():
    calm = detect_emotions("thank you".split(), "thank you")[0]["intensity"]
    loud = detect_emotions("thank you".split(), "thank you!!!")[0]["intensity"]
    assert loud > calm


def test_lemmas_are_tried_when_the_word_is_unknown():
    assert detect_emotions(["annoyingly"], "", ["annoying"])[0]["emotion"] == "frustrated"


# --- staff ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("words,expected", [
    ("our server Maria was lovely", [(2, "Maria", "server")]),
    ("Maria , our server , was lovely", [(0, "Maria", "server")]),
    ("Thanks to Pradeep for the service", [(2, "Pradeep", None)]),
    ("Waiter Soumen Das was courteous", [(1, "Soumen Das", "waiter")]),
    ("the manager was rude", [(1, "", "manager")]),
    ("the staff were rude", []),
    ("The food was great", []),
    # Capitalised adjectives and days before a role are not names.
    ("Friendliest staff ever .", []),
    ("We loved it . Rude host though .", []),
    ("More staff needed .", []),
    ("Special Shrove Tuesday menu .", []),
    ("Chef Tomasz cooked for us", [(1, "Tomasz", "chef")]),
    # Without a role word: a service verb after a name that is no English or menu word.
    ("Ranjit served us well", [(0, "Ranjit", None)]),
    ("Papiya was very helpful", [(0, "Papiya", None)]),
    ("Sunny ( waiter ) was good", [(0, "Sunny", "waiter")]),
    ("our server , Ani , was great", [(3, "Ani", "server")]),
    ("Highly recommended .", []),
    ("Shawarma was very tasty", []),
    ("We went to Shanghai Chef", []),
])
def test_find_staff_patterns(words, expected):
    tokens = words.split()
    assert find_staff(tokens, [""] * len(tokens)) == expected


# --- suggestions and urgency -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("It would be great if they added a kids menu", True),
    ("They should really add more vegetarian options", True),
    ("Please improve the parking", True),
    ("I wish they had outdoor seating", True),
    ("There is room for improvement in the desserts", True),
    ("The food was great and the staff friendly", False),
    ("We should have come here sooner!", False),
])
def test_suggestions(text, expected):
    assert is_suggestion(text) is expected


def test_urgency_from_risk_phrases_with_reasons():
    score, reasons = score_urgency(-0.2, 2, "My son had an allergic reaction and I will call my lawyer")
    assert score >= 0.9 and "allergy" in reasons and "legal threat" in reasons and "2-star rating" in reasons
    assert score_urgency(0.8, 5, "Lovely dinner") == (0.0, [])
    assert [r for _, r in risk_reasons("got food poisoning")] == ["possible food poisoning"]


def test_urgency_decays_with_age():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    fresh, _ = score_urgency(-0.9, 1, "awful", now=now, published_at="2025-12-28T10:00:00Z")
    old, reasons = score_urgency(-0.9, 1, "awful", now=now, published_at="2025-03-01")
    assert fresh > old > 0 and any("days ago" in r for r in reasons)


# --- language ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang", [
    ("Great!", "en"), ("ok", "en"), ("Gut", "en"), ("Nice ambience, tasty biryani, polite staff", "en"),
    ("Muy buena comida, el servicio excelente y el precio justo", "es"),
    ("Très bon restaurant, service rapide et personnel souriant", "fr"),
    ("Das Essen war kalt und der Kellner unfreundlich", "de"),
    ("料理はとても美味しかったです", "ja"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


# --- emerging topics --------------------------------------------------------------------------------------

def test_emerging_topics_surface_uncovered_terms_only():
    from nlp.emerging import emerging_topics

    texts = ["Great karaoke night, tasty pizza", "Loved the karaoke night and the pizza"] * 3
    terms = dict(emerging_topics(texts, "restaurant", min_count=3))
    assert terms == {"karaoke": 6}  # pizza is a pattern, night belongs to a topic, great is an opinion


@pytest.mark.parametrize("text,injury", [
    ("I slipped on a wet floor and hurt my wrist", True),
    ("My son got hurt on a broken chair", True),
    ("The weekend service has really slipped lately", False),
    ("It hurt to read the reply", False),
])
def test_injury_risk_means_a_body_not_a_standard(text, injury):
    from nlp.signals import score_urgency

    assert ("injury" in score_urgency(-0.5, 3, text)[1]) is injury
