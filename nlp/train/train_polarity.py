"""Train the restaurant aspect-polarity model: positive / negative / neutral for one aspect of a sentence.

    python -m nlp.train.train_polarity [DATA_DIR]

It re-weighs what the lexicon and the tone model already found (their scores of the aspect's clause and of
the sentence, as numbers and in bins, plus the words of the clause and of the sentence), trained on
SemEval-2015/16 restaurant opinions and the SemEval-2014 sentences outside the evaluation half
(`train_aspects.evaluation_sentences`). Softmax regression in numpy; the strong L2 was chosen by 5-fold
cross-validation on the SemEval-2014 training sentences (fixed folds, `sentence_fold`). The tone model's scores
of the training sentences come from tone models cross-fitted without them (see `cross_fitted_tone`).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nlp.aspects import BIAS, LEXICON_DIR, POLARITIES, AspectModel, polarity_features, save_aspect_model
from nlp.tone_model import ToneModel
from nlp.train.sparse import build_vocab, ridge, softmax_regression, to_csr
from nlp.train.train_aspects import LABELS, evaluation_sentences, map_category
from nlp.train.train_tone import SOURCE_WEIGHT

OUT = LEXICON_DIR / "restaurant_polarity.tsv"


def load_examples(data_dir: Path) -> dict[str, dict[str, str]]:
    """Sentence -> {category: polarity}, only categories with one unambiguous polarity (not "conflict")."""
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
        cats = {c.get("category"): c.get("polarity", "") for c in sent.iter("aspectCategory")
                if c.get("category") in LABELS}
        if cats:
            # SemEval-2016 re-annotated many 2014 sentences; the 2014 label wins, as it is the style scored
            # (keeping only sentences whose labels agree would leave the easy ones)
            out[text] = {c: {p} for c, p in cats.items()}
    return {t: {c: next(iter(p)) for c, p in cats.items() if len(p) == 1 and next(iter(p)) in POLARITIES}
            for t, cats in out.items() if t not in evaluated}


FOLDS = 5
TONE_L2 = 1.0  # the L2 strength train_tone's cross-validation chose


def sentence_fold(text: str) -> int:
    """A fixed fold per sentence, for the cross-fitted tone models."""
    return zlib.crc32(text.encode("utf-8")) % FOLDS


def cross_fitted_tone(data_dir: Path) -> list[ToneModel]:
    """One tone model per fold, each trained without the SemEval sentences of its fold.

    The shipped tone model trained on these very sentences, so its scores of them are better than it will
    ever do on new text; a polarity model fitted on such scores learns to over-trust them (stacking leak).
    """
    from nlp.train.train_tone import features_for, load_rows
    rows = load_rows(data_dir)
    feats = features_for([t for t, _, _ in rows])
    numeric = [f for f in feats[0] if f.startswith("__")]
    vocab = build_vocab(feats, 3, keep=numeric)
    x = to_csr(feats, vocab)
    y = np.array([v for _, v, _ in rows])
    sw = np.array([SOURCE_WEIGHT[src] for _, _, src in rows])
    folds = np.array([sentence_fold(t) if src == "semeval" else -1 for t, _, src in rows])
    inv = {i: f for f, i in vocab.items()}
    models = []
    for k in range(FOLDS):
        keep = np.flatnonzero(folds != k)
        w = ridge(x.take(keep), y[keep], TONE_L2, sample_weight=sw[keep], unpenalised=[vocab[f] for f in numeric])
        models.append(ToneModel({inv[i]: float(v) for i, v in enumerate(w) if v}))
    return models


def raw_aspects(texts: list[str], tones: list[ToneModel] | None = None
                ) -> list[tuple[dict[str, tuple[float, str, float | None]], float, float | None]]:
    """What the pipeline says before the polarity model: per category (lexicon score, evidence, tone score of
    the evidence), the sentence's lexicon score and its tone score, as `refine_aspects` sees them.

    With `tones` (one model per fold), each sentence is scored by the tone model that never saw it.
    """
    from nlp.components import tone_of
    from nlp.pipeline import TONE_MODEL, build_pipeline
    from nlp.tone import combine_scores
    from nlp.tone_model import load_tone_model
    shipped = load_tone_model(TONE_MODEL)
    nlp = build_pipeline("restaurant", use_polarity_model=False, use_tone_model=False)
    out = []
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=256), strict=True):
        tone = tones[sentence_fold(text)] if tones else shipped
        clause_scores = [c[2] for c in doc._.rc_clauses or []]
        cats: dict[str, tuple[float, str, float | None]] = {}
        for m in doc._.rc_topics or []:
            s = m.get("sentiment", 0.0)
            if m["category"] not in cats or abs(s) > abs(cats[m["category"]][0]):
                evidence = m.get("evidence", doc.text)
                cats[m["category"]] = (s, evidence, tone_of(tone, evidence, [s]))
        out.append((cats, combine_scores(clause_scores), tone_of(tone, doc.text, clause_scores)))
    return out


@dataclass(frozen=True)
class Row:
    """One training aspect as `refine_aspects` sees it, with its gold label."""
    sentence: str
    category: str
    evidence: str
    clause_score: float
    sentence_score: float
    tone_evidence: float | None
    tone_sentence: float | None
    label: int

    def features(self) -> dict[str, float]:
        return polarity_features(self.sentence, self.evidence, self.category, self.clause_score,
                                 self.sentence_score, self.tone_evidence, self.tone_sentence)


def training_rows(data_dir: Path, tones: list[ToneModel] | None = None) -> list[Row]:
    """Every training aspect, its tone scores from the tone model that never saw its sentence."""
    examples = load_examples(data_dir)
    texts = list(examples)
    rows = []
    tones = tones if tones is not None else cross_fitted_tone(data_dir)
    for text, (cats, sent_score, sent_tone) in zip(texts, raw_aspects(texts, tones), strict=True):
        for cat, pol in examples[text].items():
            score, evidence, tone = cats.get(cat, (sent_score, text, sent_tone))
            rows.append(Row(text, cat, evidence, score, sent_score, tone, sent_tone, POLARITIES.index(pol)))
    return rows


def fit(rows: list[Row], *, min_count: int = 2, l2: float = 100.0, epochs: int = 800, lr: float = 1.0,
        log: bool = True) -> AspectModel:
    """Softmax regression over the rows' features (numpy, full-batch gradient descent)."""
    feats = [r.features() for r in rows]
    vocab = build_vocab(feats, min_count, keep=[BIAS])
    x = to_csr(feats, vocab)
    labels = np.array([r.label for r in rows])
    w = softmax_regression(x, labels, len(POLARITIES), l2, epochs=epochs, lr=lr, unpenalised=[vocab[BIAS]])
    if log:
        print(f"trained on {len(rows)} aspects, {len(vocab)} features", file=sys.stderr)
    return AspectModel(POLARITIES, {f: tuple(float(v) for v in w[i]) for f, i in vocab.items()
                                    if np.abs(w[i]).max() >= 0.01}, 0.0)


def train(data_dir: Path, **params) -> AspectModel:
    return fit(training_rows(data_dir), **params)


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
    model = train(root)
    save_aspect_model(model, OUT)
    print(f"wrote {OUT} ({len(model.weights)} features)")
