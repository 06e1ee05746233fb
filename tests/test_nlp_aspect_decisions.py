"""Aspect decisions, the cheaper phrase-rule prefilter and the held-out SemEval-2015/16 reader: pure functions
(and one check of how the real pipeline wires them)."""

import re

import numpy as np
import pytest
import spacy

from nlp.aspects import (
    VOICED,
    AspectModel,
    decide_categories,
    held_out,
    load_aspect_model,
    polarity_features,
    polarity_score,
    save_aspect_model,
    sentence_features,
    weight_totals,
)
from nlp.components import (
    LEXICON_KEEP_AT,
    concessive_parts,
    keep_clear_lexicon,
    mixed_aware_features,
    token_texts,
)
from nlp.evaluate import load_semeval1516_held_out
from nlp.pipeline import load_pipeline
from nlp.tone import clause_polarity, fired_rules, phrase_rules
from nlp.tone_model import marked_words
from nlp.train.train_aspects import (
    choose_thresholds,
    cluster_row,
    load_examples,
    micro_f1,
    shipped_weights,
    word_clusters,
)
from nlp.train.train_polarity import FOLDS, sentence_fold


def test_a_pattern_hit_needs_only_the_lower_threshold():
    probs = {"food": 0.3, "service": 0.3}
    thresholds = {"food": (0.25, 0.6), "service": (0.25, 0.6)}
    assert decide_categories(probs, {"food"}, thresholds) == {"food"}
    assert decide_categories(probs, set(), thresholds) == set()
    # categories without their own pair fall back to the single threshold
    assert decide_categories({"price": 0.5}, set(), {}, default=0.45) == {"price"}


def test_weight_totals_sums_each_distinct_feature_once():
    weights = {"a": (1.0, -1.0), "b": (0.5, 2.0)}
    assert weight_totals(weights, ["a", "a", "b", "unknown"], 2) == [1.5, 1.0]
    assert weight_totals(weights, ["unknown"], 2) == [0.0, 0.0]


def test_thresholds_survive_saving_and_loading(tmp_path):
    model = AspectModel(("food", "service"), {"__bias__": (-1.0, -3.0), "soup": (0.2, 0.0)}, 0.4,
                        {"food": (0.3, 0.55), "service": (0.25, 0.2)})
    path = tmp_path / "aspects.tsv"
    save_aspect_model(model, path)
    loaded = load_aspect_model(str(path))  # an absolute path replaces the lexicon directory
    assert loaded.thresholds == model.thresholds and loaded.threshold == 0.4
    assert loaded.categories(sentence_features("The soup", set()), {"food"}) == {"food"}


def test_choose_thresholds_lowers_the_bar_for_pattern_hits():
    # rows with a pattern hit are positive from p >= 0.3, rows without only from p >= 0.7
    probs = np.array([[0.35], [0.32], [0.2], [0.5], [0.75], [0.8], [0.5], [0.1]])
    hits = np.array([[True], [True], [True], [False], [False], [False], [False], [True]])
    gold = np.array([[True], [True], [False], [False], [True], [True], [False], [False]])
    (with_hit, without), = choose_thresholds(probs, gold, hits, grid=(0.3, 0.4, 0.5, 0.6, 0.7))
    assert with_hit <= 0.3 < 0.5 < without <= 0.75
    assert micro_f1(probs >= np.where(hits, with_hit, without), gold) == 1.0
    assert micro_f1(np.zeros_like(gold), gold) == 0.0


@pytest.mark.parametrize("text", [
    "(Nobody came.) We won't be back!", "We waited 40 minutes—the soup was COLD.", "Not worth it;overcharged",
    "café-nobody came", "Highly recommend!!! Will definitely come back", "tout était froid",
    "It was 'not worth' the money, hair in the soup", "",
])
def test_prefilter_never_hides_a_rule_that_matches(text):
    every = tuple(i for i, r in enumerate(phrase_rules()) if r.pattern.search(text))
    assert fired_rules(text) == every


def test_token_texts_equal_spacy_token_texts():
    nlp = spacy.blank("en")
    doc = nlp("Hello  world, it's\tfine — café!")
    assert token_texts(doc, doc.text) == [t.text for t in doc]
    assert token_texts(nlp(""), "") == []


def test_marked_words_returns_a_fresh_list_despite_the_cache():
    first = marked_words("The soup was not hot")
    first.append("junk")
    assert marked_words("The soup was not hot") == ["the", "soup", "was", "not", "not_hot"]


def test_sentence_folds_are_stable_and_cover_every_fold():
    folds = {sentence_fold(f"sentence {i}") for i in range(200)}
    assert folds == set(range(FOLDS)) and sentence_fold("abc") == sentence_fold("abc")


SEMEVAL15 = """<Reviews><Review><sentences>
<sentence><text>{a}</text><Opinions>
<Opinion category="DRINKS#QUALITY" polarity="positive"/><Opinion category="SERVICE#GENERAL" polarity="negative"/>
<Opinion category="RESTAURANT#PRICES" polarity="negative"/></Opinions></sentence>
<sentence><text>{b}</text><Opinions>
<Opinion category="FOOD#QUALITY" polarity="positive"/><Opinion category="FOOD#STYLE_OPTIONS" polarity="negative"/>
</Opinions></sentence>
</sentences></Review></Reviews>"""


def test_semeval1516_reader_keeps_the_evaluation_half_and_marks_disagreement_as_conflict(tmp_path):
    held = [f"Sentence {i} about the place." for i in range(40) if held_out(f"Sentence {i} about the place.")]
    trained = next(f"Sentence {i} about the place." for i in range(40)
                   if not held_out(f"Sentence {i} about the place."))
    (tmp_path / "absa").mkdir()
    (tmp_path / "absa" / "semeval15_restaurants_train.xml").write_text(
        SEMEVAL15.format(a=held[0], b=held[1]), encoding="utf-8")
    (tmp_path / "absa" / "semeval16_restaurants_train.xml").write_text(
        SEMEVAL15.format(a=trained, b=held[1]), encoding="utf-8")
    data = dict(load_semeval1516_held_out(tmp_path))
    assert set(data) == {held[0], held[1]}
    assert data[held[0]] == {"food": "positive", "service": "negative", "price": "negative"}
    assert data[held[1]] == {"food": "conflict"}
    assert not any(re.search("RESTAURANT", str(v)) for v in data.values())


SEMEVAL14 = """<sentences>
<sentence><text>{a}</text><aspectCategories><aspectCategory category="food" polarity="positive"/>
<aspectCategory category="anecdotes/miscellaneous" polarity="neutral"/></aspectCategories></sentence>
<sentence><text>{b}</text><aspectCategories><aspectCategory category="service" polarity="negative"/>
</aspectCategories></sentence>
</sentences>"""


def _sentence(held: bool, start: int = 0) -> str:
    return next(f"Sentence {i} about the place." for i in range(start, 400)
                if held_out(f"Sentence {i} about the place.") == held)


def test_training_never_sees_a_sentence_of_the_evaluation_half_from_any_source(tmp_path):
    trained14, held14 = _sentence(False), _sentence(True)
    held15 = _sentence(True, start=int(held14.split()[1]) + 1)  # only in SemEval-2015/16
    (tmp_path / "absa").mkdir()
    (tmp_path / "absa" / "semeval14_restaurants_train.xml").write_text(
        SEMEVAL14.format(a=trained14, b=held14), encoding="utf-8")
    # 2015 repeats the 2014 training sentence with other labels, and a typo-fixed copy of the held-out one
    (tmp_path / "absa" / "semeval15_restaurants_train.xml").write_text(
        SEMEVAL15.format(a=trained14, b=held15), encoding="utf-8")
    (tmp_path / "absa" / "semeval16_restaurants_train.xml").write_text(
        SEMEVAL15.format(a=held14.upper().replace(".", " !"), b=held15), encoding="utf-8")
    examples = {e.text: e for e in load_examples(tmp_path)}
    assert set(examples) == {trained14}
    # the SemEval-2014 labels win: that is the annotation style scored
    assert examples[trained14].categories == {"food"} and examples[trained14].is14


def test_cluster_weights_folded_into_words_score_like_the_cluster_counts():
    clusters = {"vibe": 0, "decor": 0, "soup": 1}
    feats = sentence_features("Great vibe and decor, cold soup", set())
    row = cluster_row(feats, clusters)
    assert row["k:0"] == 2.0 and row["k:1"] == 1.0
    vocab = {f: i for i, f in enumerate(sorted(row))}
    w = np.random.default_rng(0).normal(size=(len(vocab), 2))
    trained = sum(v * w[vocab[f]] for f, v in row.items())
    shipped = shipped_weights(w, vocab, clusters)
    assert weight_totals(shipped, feats, 2) == pytest.approx(list(trained))
    assert not any(f.startswith("k:") for f in shipped)


def test_word_clusters_group_words_that_share_contexts_and_are_stable():
    texts = ([f"the {w} was lovely and quiet tonight" for w in ("vibe", "decor", "ambience")] * 6
             + [f"my {w} tasted salty with rice" for w in ("soup", "curry", "stew")] * 6)
    first = word_clusters(texts, k=2)
    assert first == word_clusters(texts, k=2)
    assert first["vibe"] == first["decor"] == first["ambience"] != first["soup"] == first["curry"] == first["stew"]


def test_a_concessive_clause_is_split_at_its_first_comma():
    words = "While we thoroughly enjoyed the food , it was annoying to scream".split()
    assert concessive_parts(words, 0, len(words)) == [(0, 6), (7, len(words))]
    # offsets are the doc's: a clause further into the doc keeps its own positions
    assert concessive_parts(["Great", "."] + words, 2, 2 + len(words)) == [(2, 8), (9, 2 + len(words))]
    assert concessive_parts("Although pricey the food is superb".split(), 0, 6) == [(0, 6)]  # no comma
    plain = "The food was good , the service slow".split()
    assert concessive_parts(plain, 0, len(plain)) == [(0, len(plain))]
    # "though ," closing a clause holds no concession of its own
    tail = "though , we waited".split()
    assert concessive_parts(tail, 0, len(tail)) == [(0, len(tail))]


@pytest.mark.parametrize(("text", "conceded", "clauses"), [
    ("While the staff were friendly, it was all rather disappointing.", "While the staff were friendly",
     [(0, 12)]),
    # the concession need not be the sentence's last clause
    ("Although the staff were friendly, it was all rather disappointing, but we may return.",
     "Although the staff were friendly", [(0, 12), (12, 17)]),
])
def test_a_topic_conceded_before_the_comma_keeps_its_own_polarity(text, conceded, clauses):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("reviewcare_topics", config={"profile": "restaurant"})
    nlp.add_pipe("reviewcare_sentiment")  # lexicon only: the polarity model may not override the evidence
    doc = nlp(text)
    staff = [m for m in doc._.rc_topics if m["category"] == "service" and not m.get("implicit")]
    assert staff and all(m["sentiment"] > 0.3 for m in staff)
    assert {m["evidence"] for m in staff} == {conceded}
    # only the topic's evidence changes: the clauses stay as they were, the first read slightly negative whole
    assert [(s, e) for s, e, _ in doc._.rc_clauses] == clauses and doc._.rc_clauses[0][2] < 0


def test_in_a_mixed_sentence_the_polarity_model_reads_the_evidence_alone():
    sent, ev = "The pasta was delicious but the waiter was rude.", "but the waiter was rude."
    mixed = mixed_aware_features(sent, ev, "service", -0.68, 0.1, -0.5, 0.2, True)
    assert "s:delicious" not in mixed and "s:rude" in mixed  # the praised clause does not leak in
    assert mixed["#sent"] == mixed["#clause"] == -0.68 and mixed["#tone_sent"] == mixed["#tone"] == -0.5
    assert mixed == polarity_features(ev, ev, "service", -0.68, -0.68, -0.5, -0.5)
    whole = mixed_aware_features(sent, ev, "service", -0.68, 0.1, -0.5, 0.2, False)
    assert whole == polarity_features(sent, ev, "service", -0.68, 0.1, -0.5, 0.2) and "s:delicious" in whole


def test_the_pipeline_judges_each_aspect_of_a_mixed_sentence_by_the_model_on_its_evidence():
    nlp = load_pipeline("restaurant")
    scorer = nlp.get_pipe("reviewcare_sentiment")
    doc = nlp("The pasta was delicious but the waiter was rude.")
    by_cat = {m["category"]: m for m in doc._.rc_topics}
    assert by_cat["food"]["sentiment"] > 0.3 and by_cat["service"]["sentiment"] < -0.3
    service = by_cat["service"]
    ev = service["evidence"]
    assert ev == "but the waiter was rude."
    # the verdict is the model's on the evidence alone (the lexicon's clause score is only one of its inputs)
    clause = clause_polarity(ev)
    want = polarity_score(scorer.model, mixed_aware_features(
        doc.text, ev, "service", clause, 0.0, scorer.tone.score_text(ev, [clause]), None, True))
    assert service["sentiment"] == pytest.approx(want) and service["sentiment"] != pytest.approx(clause)


def test_a_clear_lexicon_verdict_on_price_stands_when_the_model_reads_neutral_or_opposite():
    assert keep_clear_lexicon(0.01, -0.46, "price") == -0.46  # model neutral
    assert keep_clear_lexicon(0.27, -0.56, "price") == -0.56  # model the other way
    assert keep_clear_lexicon(-0.2, 0.5, "price") == 0.5
    assert keep_clear_lexicon(-0.1, -0.6, "price") == -0.1  # the model agrees: its strength stays
    assert keep_clear_lexicon(-VOICED, -0.46, "price") == -0.46  # the model barely decided: the lexicon is surer
    assert keep_clear_lexicon(0.3, -(LEXICON_KEEP_AT - 0.01), "price") == 0.3  # the lexicon is not clear enough
    assert keep_clear_lexicon(0.3, -0.8, "food") == 0.3  # other categories: the model decides


def test_the_pipeline_keeps_the_lexicons_verdict_on_outrageous_prices():
    nlp = load_pipeline("restaurant")
    scorer = nlp.get_pipe("reviewcare_sentiment")
    text = "The prices are outrageous."
    price = next(m for m in nlp(text)._.rc_topics if m["category"] == "price")
    clause = clause_polarity(price["evidence"])
    model = polarity_score(scorer.model, mixed_aware_features(
        text, price["evidence"], "price", clause, clause, scorer.tone.score_text(text, [clause]),
        scorer.tone.score_text(text, [clause]), False))
    assert clause <= -LEXICON_KEEP_AT and abs(model) <= VOICED  # the model alone is barely decided
    assert price["sentiment"] == pytest.approx(clause)
