"""Train the restaurant aspect-polarity model: positive / negative / neutral for one aspect of a sentence.

    python -m nlp.train.train_polarity [DATA_DIR]

It re-weighs what the lexicon already found (the clause's VADER+domain score, the words of the clause
and of the sentence), trained on SemEval-2015/16 restaurant opinions and the SemEval-2014 sentences
outside the evaluation half (`nlp.aspects.held_out`). Softmax regression in numpy.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import numpy as np

from nlp.aspects import LEXICON_DIR, POLARITIES, AspectModel, polarity_features, save_aspect_model
from nlp.train.train_aspects import LABELS, evaluation_sentences, map_category

OUT = LEXICON_DIR / "restaurant_polarity.tsv"


def load_examples(data_dir: Path) -> dict[str, dict[str, str]]:
    """Sentence -> {category: polarity}, only categories with one unambiguous polarity."""
    evaluated = evaluation_sentences(data_dir)
    out: dict[str, dict[str, set[str]]] = {}
    for name in ("semeval15_restaurants_train.xml", "semeval16_restaurants_train.xml"):
        for sent in ET.parse(data_dir / "absa" / name).getroot().iter("sentence"):
            text = (sent.findtext("text") or "").strip()
            for o in sent.iter("Opinion"):
                cat = map_category(o.get("category", "X#Y"))
                if cat:
                    out.setdefault(text, {}).setdefault(cat, set()).add(o.get("polarity", ""))
    for sent in ET.parse(data_dir / "absa" / "semeval14_restaurants_train.xml").getroot().iter("sentence"):
        text = (sent.findtext("text") or "").strip()
        for c in sent.iter("aspectCategory"):
            if c.get("category") in LABELS:
                out.setdefault(text, {}).setdefault(c.get("category"), set()).add(c.get("polarity", ""))
    return {t: {c: next(iter(p)) for c, p in cats.items() if len(p) == 1 and next(iter(p)) in POLARITIES}
            for t, cats in out.items() if t not in evaluated}


def raw_aspects(texts: list[str]) -> list[tuple[dict[str, tuple[float, str, float | None]], float, float | None]]:
    """What the pipeline says before the polarity model: per category (lexicon score, evidence, tone score of
    the evidence), the sentence's lexicon score and its tone score, as `refine_aspects` sees them."""
    from nlp.components import tone_of
    from nlp.pipeline import TONE_MODEL, build_pipeline
    from nlp.tone_model import load_tone_model
    tone = load_tone_model(TONE_MODEL)
    nlp = build_pipeline("restaurant", use_polarity_model=False)
    out = []
    for doc in nlp.pipe(texts, batch_size=256):
        cats: dict[str, tuple[float, str, float | None]] = {}
        for m in doc._.rc_topics or []:
            s = m.get("sentiment", 0.0)
            if m["category"] not in cats or abs(s) > abs(cats[m["category"]][0]):
                evidence = m.get("evidence", doc.text)
                cats[m["category"]] = (s, evidence, tone_of(tone, evidence, [s]))
        out.append((cats, doc._.rc_lexicon, doc._.rc_polarity))
    return out


def train(data_dir: Path, *, min_count: int = 2, l2: float = 1.0, epochs: int = 800, lr: float = 1.0) -> AspectModel:
    examples = load_examples(data_dir)
    texts = list(examples)
    rows, labels = [], []
    for text, (cats, sent_score, sent_tone) in zip(texts, raw_aspects(texts), strict=True):
        for cat, pol in examples[text].items():
            score, evidence, tone = cats.get(cat, (sent_score, text, sent_tone))
            rows.append(polarity_features(text, evidence, cat, score, sent_score, tone, sent_tone))
            labels.append(POLARITIES.index(pol))
    counts = Counter(f for fs in rows for f in set(fs))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    x = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for r, fs in enumerate(rows):
        for f in set(fs):
            if f in vocab:
                x[r, vocab[f]] = 1.0
    y = np.eye(len(POLARITIES), dtype=np.float32)[labels]
    w = np.zeros((len(vocab), len(POLARITIES)), dtype=np.float32)
    bias = vocab["__bias__"]
    n = len(rows)
    for _ in range(epochs):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        reg = l2 / n * w
        reg[bias] = 0.0
        w -= lr * (x.T @ (p - y) / n + reg)
    print(f"trained on {n} aspects of {len(texts)} sentences, {len(vocab)} features", file=sys.stderr)
    weights = {f: tuple(float(v) for v in w[i]) for f, i in vocab.items() if np.abs(w[i]).max() >= 0.01}
    return AspectModel(POLARITIES, weights, 0.0)


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
    model = train(root)
    save_aspect_model(model, OUT)
    print(f"wrote {OUT} ({len(model.weights)} features)")
