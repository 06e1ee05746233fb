"""A small linear model that says which aspect categories a sentence is about (restaurant profile).

Weights are trained by `python -m nlp.train.train_aspects` on the SemEval-2015/16 restaurant train splits
and shipped as a TSV (feature, one weight per category). Features are words and word pairs of the sentence
plus the categories the profile's patterns found, so the model learns when a pattern hit is real.

    >>> model = load_aspect_model("restaurant_aspects.tsv")
    >>> sorted(model.categories(sentence_features("The waiter was rude", {"service"})))
    ['service']
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlp.tone_model import marked_tuple

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[$!?]")
BIAS = "__bias__"
PREFIX = 4


def held_out(text: str) -> bool:
    """The fixed half of SemEval-2014 sentences kept for evaluation: never trained on (stable across runs)."""
    return zlib.crc32(text.strip().encode("utf-8")) % 2 == 0


def sentence_features(text: str, pattern_hits: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Feature names of one sentence: lower-case words, adjacent word pairs, and the profile's pattern hits
    (topic or category names), which carry what the profile knows to words the training data never had."""
    words = WORD.findall(text.lower())
    feats = [BIAS, *words]
    feats.extend(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    # four-letter prefixes join word families the training data saw apart (waiter/waiters, price/pricey)
    feats.extend(f"p:{w[:PREFIX]}" for w in words if len(w) > PREFIX)
    feats.extend(f"__pattern_{c}" for c in sorted(pattern_hits))
    return feats


@dataclass
class AspectModel:
    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float = 0.5
    # category -> (threshold when a profile pattern names the category, threshold without): a pattern hit
    # is evidence, so the model need only confirm it; a category found from words alone must be surer.
    thresholds: dict[str, tuple[float, float]] = field(default_factory=dict)

    def probabilities(self, features: list[str]) -> dict[str, float]:
        totals = weight_totals(self.weights, features, len(self.labels))
        return {label: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, t))))
                for label, t in zip(self.labels, totals, strict=True)}

    def categories(self, features: list[str], hits: set[str] | frozenset[str] = frozenset()) -> set[str]:
        """The categories a sentence is about, given its features and the categories its patterns named."""
        return decide_categories(self.probabilities(features), hits, self.thresholds, self.threshold)


def weight_totals(weights: dict[str, tuple[float, ...]], features: list[str], n: int) -> list[float]:
    """Per-label sums of the weights of the distinct features (a feature the model lacks adds nothing)."""
    rows = [w for w in map(weights.get, set(features)) if w]
    # zip(*rows) walks the columns in C: far cheaper than a Python loop over every (feature, label) pair
    return [sum(col) for col in zip(*rows, strict=True)] if rows else [0.0] * n


def decide_categories(probs: dict[str, float], hits: set[str] | frozenset[str],
                      thresholds: dict[str, tuple[float, float]], default: float = 0.5) -> set[str]:
    """Categories whose probability reaches their threshold: the lower one when a pattern named the category."""
    out = set()
    for cat, p in probs.items():
        with_hit, without = thresholds.get(cat, (default, default))
        if p >= (with_hit if cat in hits else without):
            out.add(cat)
    return out


def save_aspect_model(model: AspectModel, path: Path) -> None:
    lines = ["# Aspect-category model trained by nlp/train/train_aspects.py; do not edit by hand.",
             f"#threshold\t{model.threshold}",
             *(f"#threshold_category\t{c}\t{a}\t{b}" for c, (a, b) in sorted(model.thresholds.items())),
             "feature\t" + "\t".join(model.labels)]
    for feat, w in sorted(model.weights.items()):
        lines.append(feat + "\t" + "\t".join(f"{v:.4f}" for v in w))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load_aspect_model(name: str) -> AspectModel:
    """Load a shipped model from nlp/lexicon/ by file name."""
    lines = (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()
    threshold = 0.5
    thresholds: dict[str, tuple[float, float]] = {}
    weights: dict[str, tuple[float, ...]] = {}
    labels: tuple[str, ...] = ()
    for line in lines:
        if line.startswith("#threshold_category\t"):
            _, cat, with_hit, without = line.split("\t")
            thresholds[cat] = (float(with_hit), float(without))
        elif line.startswith("#threshold\t"):
            threshold = float(line.split("\t")[1])
        elif line.startswith("#") or not line:
            continue
        elif not labels:
            labels = tuple(line.split("\t")[1:])
        else:
            feat, *vals = line.split("\t")
            weights[feat] = tuple(float(v) for v in vals)
    return AspectModel(labels, weights, threshold, thresholds)


POLARITIES = ("positive", "negative", "neutral")


def _bucket(score: float) -> str:
    if score <= -0.5:
        return "vneg"
    if score <= -0.05:
        return "neg"
    if score < 0.05:
        return "zero"
    return "pos" if score < 0.5 else "vpos"


def _tone_bucket(score: float) -> str:
    """Seven bins of a trained tone score: finer than _bucket, as the model's scores are compressed."""
    for edge, name in ((-0.4, "n3"), (-0.2, "n2"), (-0.05, "n1"), (0.05, "z"), (0.2, "p1"), (0.4, "p2")):
        if score < edge:
            return name
    return "p3"


def polarity_features(sentence: str, evidence: str, category: str, clause_score: float,
                      sentence_score: float, tone_evidence: float | None = None,
                      tone_sentence: float | None = None) -> list[str]:
    """Features for one aspect's polarity: its evidence words (negation marked), the sentence's words, the
    lexicon scores and, when given, the trained tone model's scores of the evidence and of the sentence."""
    words = marked_tuple(evidence)
    feats = [BIAS, *(f"e:{w}" for w in words)]
    feats.extend(f"e:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    feats.extend(f"s:{w}" for w in marked_tuple(sentence))
    b = _bucket(clause_score)
    feats += [f"__clause_{b}", f"__sent_{_bucket(sentence_score)}", f"__cat_{category}_{b}"]
    if tone_evidence is not None:
        t = _tone_bucket(tone_evidence)
        feats += [f"__tone_{t}", f"__tone_{category}_{t}", f"__tone_{t}_clause_{b}"]
    if tone_sentence is not None:
        feats.append(f"__tone_sent_{_tone_bucket(tone_sentence)}")
    return feats


def polarity_score(model: AspectModel, features: list[str]) -> float:
    """A polarity in [-1, 1] from a softmax over positive / negative / neutral: p(positive) - p(negative)."""
    totals = dict(zip(model.labels, weight_totals(model.weights, features, len(model.labels)), strict=True))
    top = max(totals.values())
    exps = {k: math.exp(v - top) for k, v in totals.items()}
    z = sum(exps.values())
    return (exps["positive"] - exps["negative"]) / z
