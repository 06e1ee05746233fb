"""The trained tone model and the numpy trainers: pure functions, no spaCy model needed."""

import math

import numpy as np
import pytest

from nlp.aspects import (
    NEUTRAL_BAND,
    POLARITIES,
    AspectModel,
    polarity_features,
    polarity_probabilities,
    polarity_score,
)
from nlp.tone import polarity_label
from nlp.tone_model import held_out_business, load_tone_model, marked_words, tone_features
from nlp.train.sparse import build_vocab, ridge, softmax_regression, to_csr


def test_negation_scope_marks_words_until_punctuation():
    assert marked_words("The soup was not hot, but tasty") == ["the", "soup", "was", "not", "not_hot", "tasty"]
    assert marked_words("Didn't like it!") == ["didn't", "not_like", "not_it", "!"]


def test_fast_score_equals_feature_score():
    model = load_tone_model("tone_model.tsv")
    for text, clauses, lex in [("Cold fries and a rude cashier!", [-0.5], None), ("Lovely view", [0.6], 0.6),
                               ("", [], None)]:
        assert model.score_text(text, clauses, lex) == pytest.approx(model.score(tone_features(text, clauses, lex)))


@pytest.mark.parametrize("text, sign", [("Bland, overpriced and the waiter never came back", -1),
                                        ("Would not return", -1), ("Best biryani in town, will come again", 1)])
def test_tone_model_reads_words_the_lexicon_misses(text, sign):
    # neutral lexicon clause scores: the words alone must carry the verdict
    assert np.sign(load_tone_model("tone_model.tsv").score_text(text, [0.0])) == sign


def test_tone_model_is_stacked_on_the_lexicon():
    model = load_tone_model("tone_model.tsv")
    text = "It arrived on Tuesday"
    assert model.score_text(text, [0.8]) > model.score_text(text, [0.0]) > model.score_text(text, [-0.8])


def test_business_split_is_stable_and_about_half():
    names = [f"Restaurant {i}" for i in range(400)]
    assert 0.4 < sum(map(held_out_business, names)) / 400 < 0.6
    assert held_out_business("Beyond Flavours") == held_out_business(" beyond flavours ")


def test_ridge_and_softmax_recover_simple_rules():
    rng = np.random.default_rng(0)
    rows = [{"__bias__": 1.0, "a": float(a), "b": float(b)} for a, b in rng.integers(0, 2, size=(200, 2))]
    vocab = build_vocab(rows, 1)
    x = to_csr(rows, vocab)
    y = np.array([2 * r["a"] - r["b"] for r in rows])
    w = ridge(x, y, 1e-6)
    assert w[vocab["a"]] == pytest.approx(2, abs=1e-3) and w[vocab["b"]] == pytest.approx(-1, abs=1e-3)
    labels = np.array([int(r["a"]) for r in rows])
    w = softmax_regression(x, labels, 2, l2=0.1, epochs=300)
    assert (np.argmax(x.dot(w), axis=1) == labels).all()


def test_polarity_features_carry_the_tone_scores():
    feats = polarity_features("The fish was not fresh", "The fish was not fresh", "food", -0.3, -0.3, -0.5, -0.1)
    assert "e:not_fresh" in feats and "__tone_n3" in feats and "__tone_food_n3" in feats
    assert "__tone_sent_n1" in feats
    assert not any(f.startswith("__tone") for f in polarity_features("x", "x", "food", 0.0, 0.0))


def test_polarity_features_give_scores_as_numbers_and_bins():
    feats = polarity_features("Fine food", "Fine food", "food", 0.3, 0.2, 0.25, 0.1)
    assert feats["#clause"] == 0.3 and feats["#clause_food"] == 0.3 and feats["#sent"] == 0.2
    assert feats["#tone"] == 0.25 and feats["#tone_food"] == 0.25 and feats["#tone_sent"] == 0.1
    assert feats["__clause_pos"] == 1.0 and feats["e:fine"] == 1.0 and feats["s:food"] == 1.0


def test_numeric_polarity_features_weigh_by_their_value():
    model = AspectModel(POLARITIES, {"#tone": (4.0, -4.0, 0.0)})
    assert polarity_probabilities(model, {"#tone": 0.5})["positive"] == pytest.approx(
        math.exp(2.0) / (math.exp(2.0) + math.exp(-2.0) + 1.0))
    # a feature of value 1.0 goes through the binary path and counts once
    assert polarity_probabilities(model, {"#tone": 1.0})["positive"] == pytest.approx(
        math.exp(4.0) / (math.exp(4.0) + math.exp(-4.0) + 1.0))


def test_a_neutral_verdict_stays_inside_the_neutral_band_with_the_lean_of_its_sign():
    model = AspectModel(POLARITIES, {"__bias__": (0.0, 0.0, 0.0), "meh": (0.5, 0.0, 2.0), "bad": (0.0, 3.0, 0.0)})
    lean = polarity_score(model, {"__bias__": 1.0, "meh": 1.0})
    assert 0.0 < lean <= NEUTRAL_BAND < 0.05  # evaluate and the topic labels read |score| < 0.05 as neutral
    assert polarity_score(model, {"__bias__": 1.0, "bad": 1.0}) < -0.8  # a clear verdict keeps its full score


def test_a_hairline_win_of_positive_or_negative_keeps_its_label():
    # "expensive, but worth every bite": positive and negative nearly tie, neutral trails far behind
    model = AspectModel(POLARITIES, {"__bias__": (0.0, 0.0, -3.0), "worth": (0.55, 0.0, 0.0),
                                     "expensive": (0.0, 0.5, 0.0)})
    p = polarity_probabilities(model, {"__bias__": 1.0, "worth": 1.0, "expensive": 1.0})
    assert 0 < p["positive"] - p["negative"] < 0.05 and p["neutral"] < p["negative"]
    score = polarity_score(model, {"__bias__": 1.0, "worth": 1.0, "expensive": 1.0})
    assert polarity_label(score) == "positive" and score == pytest.approx(0.05)
    flipped = AspectModel(POLARITIES, {"__bias__": (0.0, 0.0, -3.0), "worth": (0.5, 0.0, 0.0),
                                       "expensive": (0.0, 0.55, 0.0)})
    assert polarity_label(polarity_score(flipped, {"__bias__": 1.0, "worth": 1.0, "expensive": 1.0})) == "negative"
