"""Train the restaurant aspect-category model on the SemEval-2015/16 restaurant *train* splits.

    python -m nlp.train.train_aspects [DATA_DIR]

Training data: SemEval-2015/16 sentences plus the SemEval-2014 sentences outside the evaluation half
(`nlp.aspects.held_out`); any sentence of the evaluation half is removed from every source, so
`nlp.evaluate` scores the model only on sentences it never saw. Plain L2-regularised logistic regression,
one per category, in numpy; the L2 strength and the word-prefix features were chosen by the cross-validation
below. The decision thresholds, one pair per category (with / without a profile pattern naming the
category), are chosen by 5-fold cross-validation on the training sentences, scored on the SemEval-2014 ones
(the annotation style `nlp.evaluate` uses).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

from nlp.aspects import LEXICON_DIR, AspectModel, held_out, save_aspect_model, sentence_features
from nlp.profiles import load_profile, match_topics
from nlp.train.sparse import build_vocab, logistic_regression, to_csr

LABELS = ("food", "service", "price", "ambience")
OUT = LEXICON_DIR / "restaurant_aspects.tsv"
SEED = 13
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
# The per-category grid: thresholds with a pattern hit may go lower, without one higher.
CATEGORY_GRID = tuple(round(0.1 + 0.05 * k, 2) for k in range(17))


def evaluation_sentences(data_dir: Path) -> frozenset[str]:
    """The SemEval-2014 restaurant sentences `nlp.evaluate` scores: removed from every training source."""
    root = ET.parse(data_dir / "absa" / "semeval14_restaurants_train.xml").getroot()
    return frozenset(t for t in ((s.findtext("text") or "").strip() for s in root.iter("sentence")) if held_out(t))


def map_category(cat: str) -> str | None:
    entity, attribute = cat.split("#")
    if attribute == "PRICES":
        return "price"
    return {"FOOD": "food", "DRINKS": "food", "SERVICE": "service", "AMBIENCE": "ambience"}.get(entity)


def load_semeval1516(data_dir: Path) -> dict[str, set[str]]:
    """Sentence text -> mapped categories, SemEval-2015 and 2016 merged (2016 repeats most of 2015)."""
    out: dict[str, set[str]] = {}
    for name in ("semeval15_restaurants_train.xml", "semeval16_restaurants_train.xml"):
        for sent in ET.parse(data_dir / "absa" / name).getroot().iter("sentence"):
            text = (sent.findtext("text") or "").strip()
            cats = {map_category(o.get("category", "X#Y")) for o in sent.iter("Opinion")}
            out.setdefault(text, set()).update(c for c in cats if c)
    return out


def pattern_categories(text: str) -> set[str]:
    """Topics and categories the restaurant profile's patterns find, with the same light keys as the pipeline."""
    from nlp.components import match_key
    profile = load_profile("restaurant")
    keys = [match_key(w, "", profile.index) for w in sentence_features(text)[1:] if "_" not in w]
    found = match_topics(keys, profile)
    return {t.category for t, _, _ in found} | {t.name for t, _, _ in found}


def micro_f1(pred: np.ndarray, gold: np.ndarray) -> float:
    """Micro-averaged F1 of boolean (rows, categories) predictions."""
    tp, fp, fn = (pred & gold).sum(), (pred & ~gold).sum(), (~pred & gold).sum()
    return float(2 * tp / (2 * tp + fp + fn)) if tp else 0.0


def choose_thresholds(probs: np.ndarray, gold: np.ndarray, hits: np.ndarray,
                      grid: tuple[float, ...] = CATEGORY_GRID, start: float = 0.5,
                      rounds: int = 3) -> list[tuple[float, float]]:
    """One (with pattern hit, without) threshold pair per column maximising micro-F1, by coordinate ascent."""
    k = probs.shape[1]
    th = np.full((k, 2), start)

    def predict(t: np.ndarray) -> np.ndarray:
        return probs >= np.where(hits, t[:, 0], t[:, 1])

    for _ in range(rounds):
        for c in range(k):
            for side in (0, 1):
                best = (micro_f1(predict(th), gold), th[c, side])
                for v in grid:
                    trial = th.copy()
                    trial[c, side] = v
                    best = max(best, (micro_f1(predict(trial), gold), v), key=lambda b: (b[0], -abs(b[1] - 0.5)))
                th[c, side] = best[1]
    return [(float(a), float(b)) for a, b in th]


def train(data_dir: Path, *, min_count: int = 2, l2: float = 4.0, epochs: int = 1000, lr: float = 1.0,
          threshold: float | None = None) -> AspectModel:
    data_map = load_semeval1516(data_dir)
    semeval14: set[str] = set()
    for sent in ET.parse(data_dir / "absa" / "semeval14_restaurants_train.xml").getroot().iter("sentence"):
        text = (sent.findtext("text") or "").strip()
        cats = {c.get("category") for c in sent.iter("aspectCategory")} & set(LABELS)
        data_map.setdefault(text, set()).update(cats)
        semeval14.add(text)
    evaluated = evaluation_sentences(data_dir)
    data = [(t, c) for t, c in data_map.items() if t not in evaluated]
    found = [pattern_categories(t) for t, _ in data]
    feats = [sentence_features(t, f) for (t, _), f in zip(data, found, strict=True)]
    hits = np.array([[lab in f for lab in LABELS] for f in found])
    is14 = np.array([t in semeval14 for t, _ in data])
    vocab = build_vocab(feats, min_count)
    x = to_csr(feats, vocab)
    y = np.array([[lab in cats for lab in LABELS] for _, cats in data], dtype=np.float64)
    bias_col = vocab["__bias__"]

    def fit(rows: np.ndarray) -> np.ndarray:
        return logistic_regression(x.take(rows), y[rows], l2, epochs=epochs, lr=lr, unpenalised=[bias_col])

    n = len(data)
    thresholds: dict[str, tuple[float, float]] = {}
    if threshold is None:
        # the decision threshold by 5-fold cross-validation on the training sentences (micro-F1)
        fold = np.random.default_rng(SEED).integers(0, 5, size=n)
        probs = np.zeros_like(y)
        for k in range(5):
            w = fit(np.flatnonzero(fold != k))
            te = np.flatnonzero(fold == k)
            probs[te] = 1.0 / (1.0 + np.exp(-x.take(te).dot(w)))
        gold = y > 0
        pairs = choose_thresholds(probs[is14], gold[is14], hits[is14])
        thresholds = dict(zip(LABELS, pairs, strict=True))
        chosen = probs >= np.where(hits, [a for a, _ in pairs], [b for _, b in pairs])
        print(f"per-category thresholds {thresholds}: cross-validated micro-F1 on SemEval-2014 training "
              f"sentences {micro_f1(chosen[is14], gold[is14]):.3f}", file=sys.stderr)
        scores = {}
        for t in THRESHOLDS:
            pred = probs >= t
            tp, fp, fn = (pred & (y > 0)).sum(), (pred & (y == 0)).sum(), (~pred & (y > 0)).sum()
            scores[t] = 2 * tp / (2 * tp + fp + fn)
        threshold = max(scores, key=lambda t: (scores[t], -t))
        print("cross-validated micro-F1 by threshold: "
              + ", ".join(f"{t}: {v:.3f}" for t, v in scores.items()), file=sys.stderr)
    w = fit(np.arange(n))
    print(f"trained on {n} sentences ({len(data_map) - n} held out), {len(vocab)} features", file=sys.stderr)
    weights = {f: tuple(float(v) for v in w[i]) for f, i in vocab.items() if np.abs(w[i]).max() >= 0.01}
    return AspectModel(LABELS, weights, threshold, thresholds)


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
    model = train(root)
    save_aspect_model(model, OUT)
    print(f"wrote {OUT} ({len(model.weights)} features)")
