"""A small model that says which aspect categories a sentence is about (restaurant profile).

Weights are trained by `python -m nlp.train.train_aspects` on the SemEval-2014/15/16 restaurant sentences
outside the evaluation half (and sentences a transformer teacher labelled) and shipped as a TSV (feature, one
weight per category: the linear part) beside a `.hidden.npz` (one 64-number row per feature, a ReLU layer and a
small output matrix: the part that reads words together). Features are words, word pairs and word prefixes of the
sentence plus the categories the profile's patterns found, so the model learns when a pattern hit is real. Word
clusters were features in training too; their weights are folded into the words' own weights and rows, so
reading a sentence costs one dictionary look-up per feature and one small matrix product.
The polarity model (`restaurant_polarity.tsv`, same file format, no hidden layer) reads {feature: value} rows:
words with value 1 and the lexicon's and tone model's scores as numbers.

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

import numpy as np

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
class HiddenLayer:
    """The aspect model's hidden layer: one row of `matrix` per feature (`index`), summed over a sentence's
    distinct features, then ReLU and a small output matrix added to the linear part's totals. It lets the model
    read words together ("cold" beside "beer" or beside "staff") at the cost of one look-up per feature."""
    index: dict[str, int]
    matrix: np.ndarray  # (features, hidden)
    bias: np.ndarray  # (hidden,)
    out: np.ndarray  # (hidden, labels)
    out_bias: np.ndarray  # (labels,)

    def logits(self, features: list[str]) -> list[float]:
        rows = [i for i in map(self.index.get, dict.fromkeys(features)) if i is not None]
        pre = self.bias + self.matrix[rows].sum(axis=0) if rows else self.bias
        return (np.maximum(pre, 0.0) @ self.out + self.out_bias).tolist()


@dataclass
class AspectModel:
    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float = 0.5
    # category -> (threshold when a profile pattern names the category, threshold without): a pattern hit
    # is evidence, so the model need only confirm it; a category found from words alone must be surer.
    thresholds: dict[str, tuple[float, float]] = field(default_factory=dict)
    hidden: HiddenLayer | None = None

    def probabilities(self, features: list[str]) -> dict[str, float]:
        totals = weight_totals(self.weights, features, len(self.labels))
        if self.hidden is not None:
            totals = [t + h for t, h in zip(totals, self.hidden.logits(features), strict=True)]
        return {label: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, t))))
                for label, t in zip(self.labels, totals, strict=True)}

    def categories(self, features: list[str], hits: set[str] | frozenset[str] = frozenset()) -> set[str]:
        """The categories a sentence is about, given its features and the categories its patterns named."""
        return decide_categories(self.probabilities(features), hits, self.thresholds, self.threshold)


def weight_totals(weights: dict[str, tuple[float, ...]], features: list[str], n: int) -> list[float]:
    """Per-label sums of the weights of the distinct features (a feature the model lacks adds nothing)."""
    # distinct features in first-seen order: a set's order changes with the hash seed, and so would the last bit
    # of the sum, and with it a tie between two mentions (which one's evidence a topic shows)
    rows = [w for w in map(weights.get, dict.fromkeys(features)) if w]
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
    if model.hidden is not None:
        h = model.hidden
        names = sorted(h.index, key=h.index.get)
        np.savez_compressed(hidden_path(path), features=np.array(names), matrix=h.matrix.astype(np.float16),
                            bias=h.bias, out=h.out, out_bias=h.out_bias)


def hidden_path(path: Path) -> Path:
    """Where a model's hidden layer is kept, beside its TSV: restaurant_aspects.tsv -> .hidden.npz."""
    return path.with_suffix(".hidden.npz")


def load_hidden(path: Path) -> HiddenLayer | None:
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as z:
        names = z["features"].tolist()
        return HiddenLayer({f: i for i, f in enumerate(names)}, z["matrix"].astype(np.float64), z["bias"],
                           z["out"], z["out_bias"])


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
    return AspectModel(labels, weights, threshold, thresholds, load_hidden(hidden_path(LEXICON_DIR / name)))


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
                      tone_sentence: float | None = None) -> dict[str, float]:
    """Features for one aspect's polarity, as {name: value}: its evidence words (negation marked), the
    sentence's words, the lexicon scores and, when given, the trained tone model's scores of the evidence
    and of the sentence. Scores enter both as numbers ("#" names: a small change of a score moves the verdict
    a little) and as bins (the model may bend where a score saturates)."""
    words = marked_tuple(evidence)
    feats = dict.fromkeys((BIAS, *(f"e:{w}" for w in words)), 1.0)
    feats.update(dict.fromkeys((f"e:{a}_{b}" for a, b in zip(words, words[1:], strict=False)), 1.0))
    feats.update(dict.fromkeys((f"s:{w}" for w in marked_tuple(sentence)), 1.0))
    b = _bucket(clause_score)
    feats.update(dict.fromkeys((f"__clause_{b}", f"__sent_{_bucket(sentence_score)}", f"__cat_{category}_{b}"), 1.0))
    feats["#clause"] = clause_score
    feats["#sent"] = sentence_score
    feats[f"#clause_{category}"] = clause_score
    if tone_evidence is not None:
        t = _tone_bucket(tone_evidence)
        feats.update(dict.fromkeys((f"__tone_{t}", f"__tone_{category}_{t}", f"__tone_{t}_clause_{b}"), 1.0))
        feats["#tone"] = tone_evidence
        feats[f"#tone_{category}"] = tone_evidence
    if tone_sentence is not None:
        feats[f"__tone_sent_{_tone_bucket(tone_sentence)}"] = 1.0
        feats["#tone_sent"] = tone_sentence
    return feats


def polarity_probabilities(model: AspectModel, features: dict[str, float]) -> dict[str, float]:
    """Softmax over the model's labels (positive / negative / neutral) of the weighted feature values."""
    # binary features are summed in C by weight_totals; only the few numeric ones need a multiplication
    totals = weight_totals(model.weights, [f for f, v in features.items() if v == 1.0], len(model.labels))
    for f, v in features.items():
        w = model.weights.get(f) if v != 1.0 else None
        if w:
            totals = [t + v * x for t, x in zip(totals, w, strict=True)]
    top = max(totals)
    exps = [math.exp(t - top) for t in totals]
    z = sum(exps)
    return {label: e / z for label, e in zip(model.labels, exps, strict=True)}


# A neutral verdict keeps the sign of the lean but stays inside the band read as neutral (|score| < 0.05).
NEUTRAL_BAND = 0.04
# The least |score| read as positive or negative (`nlp.tone.polarity_label`).
VOICED = 0.05


def polarity_score(model: AspectModel, features: dict[str, float]) -> float:
    """A polarity in [-1, 1]: p(positive) - p(negative), pulled inside the neutral band when neutral wins and
    pushed just outside it when positive or negative wins by a hair ("expensive, but worth every bite": 0.45
    against 0.43), so the label is always the class the model chose. Cross-validated on the training aspects,
    labelling by the winning class is right 0.856 of the time; reading such close calls as neutral, 0.850."""
    p = polarity_probabilities(model, features)
    score = p["positive"] - p["negative"]
    if p["neutral"] > max(p["positive"], p["negative"]):
        return max(-NEUTRAL_BAND, min(NEUTRAL_BAND, score * NEUTRAL_BAND))
    if 0.0 < abs(score) < VOICED:
        return math.copysign(VOICED, score)
    return score
