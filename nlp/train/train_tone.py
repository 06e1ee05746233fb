"""Train the overall-tone model (nlp/lexicon/tone_model.tsv): ridge regression stacked on the lexicon.

    python -m nlp.train.train_tone [DATA_DIR]

Training rows, none of which `nlp.evaluate` scores:
- VADER's human-rated movie-review and NYT-editorial snippets (mean rating / 4, in [-1, 1]);
- Amazon Alexa reviews, stars as weak labels (0.6 * (stars - 3) / 2);
- zomato reviews of the restaurants outside the evaluation half (`nlp.tone_model.held_out_business`);
- SemEval ABSA sentences (2014 laptops; 2014/15/16 restaurants outside the evaluation half, see
  `train_aspects.evaluation_sentences`), the mean of their opinions' polarities as a weak label.
The Amazon snippets (Pearson r) and the other zomato half (star agreement) are left for evaluation.
The L2 strength is chosen by 5-fold cross-validation on the training rows (fixed seed).
"""

from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

from nlp.tone_model import LEXICON_DIR, ToneModel, held_out_business, save_tone_model, tone_features
from nlp.train.sparse import build_vocab, ridge, to_csr
from nlp.train.train_aspects import evaluation_sentences

OUT = LEXICON_DIR / "tone_model.tsv"
SEED = 13
L2_GRID = (1.0, 2.0, 3.0)
# Stars are a coarse label (a 5 says "good", not "ecstatic"): shrunk towards the scale of rater means.
STAR_SCALE = 0.6
# Row weights: editorials are furthest from reviews; SemEval review sentences are closest to snippets.
SOURCE_WEIGHT = {"movieReview": 1.0, "nytEditorial": 0.5, "alexa": 1.0, "zomato": 1.0, "semeval": 2.0}


def load_rows(data_dir: Path) -> list[tuple[str, float, str]]:
    """(text, target in [-1, 1], source) for every training row."""
    rows: list[tuple[str, float, str]] = []
    for name in ("movieReviewSnippets_GroundTruth.tsv", "nytEditorialSnippets_GroundTruth.tsv"):
        for line in (data_dir / "tone" / name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and parts[2].strip():
                rows.append((parts[2], max(-1.0, min(1.0, float(parts[1]) / 4)), name.split("S")[0]))
    with (data_dir / "reviews" / "amazon_alexa.tsv").open(encoding="utf-8-sig", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            text = (rec.get("verified_reviews") or "").strip()
            if text and rec.get("rating"):
                rows.append((text, STAR_SCALE * (float(rec["rating"]) - 3) / 2, "alexa"))
    with (data_dir / "reviews" / "zomato_hyderabad_restaurant_reviews.csv").open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            text = (rec.get("Review") or "").strip()
            try:
                stars = float(rec["Rating"])
            except (TypeError, ValueError):
                continue
            if text and not held_out_business(rec["Restaurant"]):
                rows.append((text, STAR_SCALE * (stars - 3) / 2, "zomato"))
    rows.extend(absa_rows(data_dir))
    return rows


POLARITY_VALUE = {"positive": 1.0, "negative": -1.0, "neutral": 0.0, "conflict": 0.0}
# A sentence's target when its opinions agree: what annotators would call clearly, not extremely, positive.
ABSA_SCALE = 0.5


def absa_rows(data_dir: Path) -> list[tuple[str, float, str]]:
    """SemEval sentences with opinions, the mean opinion polarity as a weak tone label.

    SemEval-2014 laptops and the SemEval-2014/15/16 restaurant sentences outside the evaluation half
    (`train_aspects.evaluation_sentences`); an evaluated sentence is dropped from every set.
    """
    evaluated = evaluation_sentences(data_dir)
    found: dict[str, list[float]] = {}
    for name, tag in (("semeval14_laptops_train.xml", "aspectTerm"), ("semeval14_restaurants_train.xml", "aspectTerm"),
                      ("semeval15_restaurants_train.xml", "Opinion"), ("semeval16_restaurants_train.xml", "Opinion")):
        for sent in ET.parse(data_dir / "absa" / name).getroot().iter("sentence"):
            text = (sent.findtext("text") or "").strip()
            pols = [POLARITY_VALUE.get(o.get("polarity", ""), 0.0) for o in sent.iter(tag)]
            if text and pols and text not in evaluated:
                found.setdefault(text, []).extend(pols)
    return [(t, ABSA_SCALE * sum(p) / len(p), "semeval") for t, p in found.items()]


def lexicon_scores(texts: list[str]) -> list[tuple[list[float], float]]:
    """The lexicon pipeline's clause scores and combined score for each text (no trained tone model)."""
    from nlp.pipeline import build_pipeline
    nlp = build_pipeline("restaurant", use_polarity_model=False, use_tone_model=False)
    return [([c[2] for c in doc._.rc_clauses or []], doc._.rc_lexicon)
            for doc in nlp.pipe(texts, batch_size=256)]


def features_for(texts: list[str]) -> list[dict[str, float]]:
    return [tone_features(t, clauses, lex) for t, (clauses, lex) in zip(texts, lexicon_scores(texts), strict=True)]


def _pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def train(data_dir: Path, *, min_count: int = 3) -> tuple[ToneModel, str]:
    rows = load_rows(data_dir)
    texts = [t for t, _, _ in rows]
    y = np.array([v for _, v, _ in rows])
    sw = np.array([SOURCE_WEIGHT[src] for _, _, src in rows])
    feats = features_for(texts)
    numeric = [f for f in feats[0] if f.startswith("__")]
    vocab = build_vocab(feats, min_count, keep=numeric)
    x = to_csr(feats, vocab)
    free = [vocab[f] for f in numeric]
    # 5-fold cross-validation for the L2 strength: Pearson r on the held-out fold of each fold split
    rng = np.random.default_rng(SEED)
    fold = rng.integers(0, 5, size=len(rows))
    report = []
    best = (-1.0, L2_GRID[0])
    for l2 in L2_GRID:
        rs = []
        for k in range(5):
            tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
            w = ridge(x.take(tr), y[tr], l2, sample_weight=sw[tr], unpenalised=free)
            rs.append(_pearson(x.take(te).dot(w), y[te]))
        report.append(f"l2={l2}: cross-validated r={np.mean(rs):.3f}")
        best = max(best, (float(np.mean(rs)), l2))
    w = ridge(x, y, best[1], sample_weight=sw, unpenalised=free)
    by_source = {s: sum(src == s for _, _, src in rows) for s in sorted({src for _, _, src in rows})}
    summary = "\n".join([f"rows: {by_source}; {len(vocab)} features; chosen l2={best[1]}", *report])
    print(summary, file=sys.stderr)
    inv = {i: f for f, i in vocab.items()}
    weights = {inv[i]: float(v) for i, v in enumerate(w) if abs(v) >= 0.002 or inv[i].startswith("__")}
    return ToneModel(weights), summary


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
    model, summary = train(root)
    save_tone_model(model, OUT, summary)
    print(f"wrote {OUT} ({len(model.weights)} features)")
