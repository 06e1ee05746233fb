"""Train the restaurant aspect-category model on SemEval restaurant *train* splits.

    python -m nlp.train.train_aspects [DATA_DIR]

Training data: SemEval-2015/16 sentences plus the SemEval-2014 sentences outside the evaluation half
(`nlp.aspects.held_out`); any sentence of the evaluation half is removed from every source, so
`nlp.evaluate` scores the model only on sentences it never saw. Also the zomato sentences a transformer teacher
labelled (`nlp.train.teacher`), with its probabilities as soft targets. One sigmoid output per category over a
linear part plus a 64-wide ReLU hidden layer on the same sparse features, trained by minibatch Adam in numpy
(`nlp.train.sparse.hidden_logistic`); the linear part's feature set was chosen by the cross-validation below,
the hidden layer's size and training (12 passes, dropout 0.3) fixed beforehand (see nlp/README.md, 0.4.11).
The decision thresholds, one pair per category (with / without a profile pattern naming the category), are
chosen by 5-fold cross-validation on the training sentences, scored on the SemEval-2014 ones (the
annotation style `nlp.evaluate` uses).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nlp.aspects import LEXICON_DIR, WORD, AspectModel, HiddenLayer, held_out, save_aspect_model, sentence_features
from nlp.profiles import load_profile, match_topics
from nlp.tone_model import held_out_business
from nlp.train.sparse import HiddenLogistic, averaged, build_vocab, hidden_logistic, to_csr

LABELS = ("food", "service", "price", "ambience")
OUT = LEXICON_DIR / "restaurant_aspects.tsv"
SEED = 13
# Nets trained from seeds SEED, SEED + 1, ... and averaged (`nlp.train.sparse.averaged`): one net's verdict on a
# rare word depends on its seed; the average does not lean on any one seed's accidents.
MEMBERS = 3
# The per-category grid: thresholds with a pattern hit may go lower, without one higher.
CATEGORY_GRID = tuple(round(0.1 + 0.05 * k, 2) for k in range(17))


@dataclass(frozen=True)
class Example:
    text: str
    categories: frozenset[str]
    is14: bool  # annotated in SemEval-2014 (the style scored), else only in SemEval-2015/16
    hits: frozenset[str]  # what the profile's patterns found (topics and categories)


RESTAURANT_FILES = ("semeval14_restaurants_train.xml", "semeval15_restaurants_train.xml",
                    "semeval16_restaurants_train.xml")


def evaluation_sentences(data_dir: Path) -> frozenset[str]:
    """Every SemEval restaurant sentence of the evaluation half (`nlp.aspects.held_out`): removed from every
    training source. Not only the SemEval-2014 ones: `nlp.evaluate` also scores the SemEval-2015/16
    sentences of that half (its `_1516` rows). A sentence that differs from one of the half only by case,
    spacing or punctuation (2015/16 fixed some typos of 2014) counts as the same sentence."""
    texts = {(sent.findtext("text") or "").strip() for name in RESTAURANT_FILES
             for sent in ET.parse(data_dir / "absa" / name).getroot().iter("sentence")}
    held = {t for t in texts if held_out(t)}
    keys = {_loose(t) for t in held}
    return frozenset(held | {t for t in texts if _loose(t) in keys})


def _loose(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


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
    keys = [match_key(w, "", profile.index) for w in WORD.findall(text.lower())]
    found = match_topics(keys, profile)
    return {t.category for t, _, _ in found} | {t.name for t, _, _ in found}


def load_examples(data_dir: Path, exclude: frozenset[str] = frozenset()) -> list[Example]:
    """Every training sentence (never one of the evaluation half, nor one in `exclude`).

    A SemEval-2014 sentence keeps its 2014 categories only: 2015/16 re-annotated some of them by other
    rules (a dish's price is "price" alone there), and the 2014 style is the one scored.
    """
    data_map = load_semeval1516(data_dir)
    semeval14: set[str] = set()
    for sent in ET.parse(data_dir / "absa" / "semeval14_restaurants_train.xml").getroot().iter("sentence"):
        text = (sent.findtext("text") or "").strip()
        data_map[text] = {c.get("category") for c in sent.iter("aspectCategory")} & set(LABELS)
        semeval14.add(text)
    skip = evaluation_sentences(data_dir) | exclude
    return [Example(t, frozenset(c), t in semeval14, frozenset(pattern_categories(t)))
            for t, c in data_map.items() if t not in skip]


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


# Word clusters: words that share contexts in unlabelled restaurant reviews ("aura", "atmosphere", "ambiance")
# share a feature, so a word seen a few times in the labelled sentences borrows what its cluster learned.
CLUSTERS = 150
CLUSTER_MIN_COUNT = 5
CONTEXTS = 3000
WINDOW = 4
DIMS = 100


def training_reviews(data_dir: Path) -> list[str]:
    """The non-empty zomato reviews of the training restaurants (`held_out_business` keeps the others for
    evaluation), as written."""
    with (data_dir / "reviews" / "zomato_hyderabad_restaurant_reviews.csv").open(encoding="utf-8", newline="") as fh:
        return [rec["Review"] for rec in csv.DictReader(fh)
                if (rec.get("Review") or "").strip() and not held_out_business(rec.get("Restaurant") or "")]


def cluster_corpus(data_dir: Path) -> list[str]:
    """Unlabelled restaurant text: zomato reviews of the training restaurants and the SemEval training sentences."""
    texts = training_reviews(data_dir)
    skip = evaluation_sentences(data_dir)
    seen = set()
    for name in RESTAURANT_FILES:
        for sent in ET.parse(data_dir / "absa" / name).getroot().iter("sentence"):
            text = (sent.findtext("text") or "").strip()
            if text and text not in skip and text not in seen:
                seen.add(text)
                texts.append(text)
    return texts


def word_clusters(texts: list[str], k: int = CLUSTERS) -> dict[str, int]:
    """Word -> cluster id: k-means (cosine) over SVD-reduced positive PMI co-occurrence vectors (fixed seed)."""
    docs = [WORD.findall(t.lower()) for t in texts]
    counts = Counter(w for d in docs for w in d)
    vocab = sorted(w for w, c in counts.items() if c >= CLUSTER_MIN_COUNT)
    vi = {w: i for i, w in enumerate(vocab)}
    ci = {w: i for i, (w, _) in enumerate(counts.most_common(CONTEXTS))}
    pairs: list[tuple[int, int]] = []
    for d in docs:
        ids, cs = [vi.get(w, -1) for w in d], [ci.get(w, -1) for w in d]
        for i, a in enumerate(ids):
            if a >= 0:
                pairs.extend((a, cs[j]) for j in range(max(0, i - WINDOW), min(len(d), i + WINDOW + 1))
                             if j != i and cs[j] >= 0)
    m = np.zeros((len(vocab), len(ci)))
    np.add.at(m, tuple(np.array(pairs).T), 1.0)
    pc = m.sum(0) ** 0.75  # context smoothing: rare contexts inflate PMI less
    with np.errstate(divide="ignore"):
        ppmi = np.maximum(np.log(m * m.sum() / (m.sum(1, keepdims=True) * m.sum())) - np.log(pc / pc.sum()), 0.0)
    u, sv, _ = np.linalg.svd(ppmi, full_matrices=False)
    e = u[:, :DIMS] * np.sqrt(sv[:DIMS])
    e /= np.linalg.norm(e, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(SEED)
    centres = e[rng.choice(len(e), k, replace=False)]
    for _ in range(25):
        assign = np.argmax(e @ centres.T, axis=1)
        for c in range(k):
            members = e[assign == c]
            if len(members):
                centres[c] = members.mean(0) / (np.linalg.norm(members.mean(0)) + 1e-9)
    return dict(zip(vocab, np.argmax(e @ centres.T, axis=1).tolist(), strict=True))


def cluster_row(feats: list[str], clusters: dict[str, int]) -> dict[str, float]:
    """Binary features plus one count per cluster: how many distinct words of the sentence fall in it."""
    row = dict.fromkeys(feats, 1.0)
    for f in set(feats):
        c = clusters.get(f)
        if c is not None:
            row[f"k:{c}"] = row.get(f"k:{c}", 0.0) + 1.0
    return row


# Teacher-labelled sentences. A transformer fine-tuned on the same training sentences (`nlp.train.teacher`,
# optional, needs torch) read every sentence of the zomato reviews of the training restaurants; its category
# probabilities are kept in TEACHER_LABELS under a hash of each sentence (no review text is stored). The
# linear model learns from them as soft targets, each weighing as much as an annotated sentence (0.3 and 3.0 did
# worse, see nlp/README.md): thousands of real review sentences labelled by a stronger reader teach it words and
# shapes the 2,000 annotated sentences never had.
TEACHER_LABELS = Path(__file__).resolve().parent / "teacher_labels.tsv.gz"
TEACHER_WEIGHT = 1.0
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def zomato_sentences(data_dir: Path) -> list[str]:
    """Distinct sentences (12-300 characters, with a word) of the zomato reviews of the training restaurants,
    in file order: the sentences the teacher labels."""
    out, seen = [], set()
    for review in training_reviews(data_dir):
        for sentence in SENTENCE_SPLIT.split(review.strip()):
            sentence = sentence.strip()
            if 12 <= len(sentence) <= 300 and re.search("[a-zA-Z]{3}", sentence) and sentence.lower() not in seen:
                seen.add(sentence.lower())
                out.append(sentence)
    return out


def sentence_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def save_teacher_labels(path: Path, sentences: list[str], probs: np.ndarray) -> None:
    lines = ["key\t" + "\t".join(LABELS)]
    lines.extend(sentence_key(t) + "\t" + "\t".join(f"{p:.3f}" for p in row)
                 for t, row in zip(sentences, probs, strict=True))
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(lines) + "\n")


def load_teacher_labels(path: Path) -> dict[str, tuple[float, ...]]:
    """Sentence key -> the teacher's probability per category (LABELS order); empty when there is no file."""
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header, *rows = fh.read().splitlines()
    if tuple(header.split("\t")[1:]) != LABELS:
        raise ValueError(f"{path}: columns {header!r} are not key + {LABELS}; relabel with nlp.train.teacher")
    return {key: tuple(float(v) for v in vals) for key, *vals in (r.split("\t") for r in rows if r)}


def teacher_examples(data_dir: Path, labels: dict[str, tuple[float, ...]]) -> tuple[list[Example], np.ndarray]:
    """The labelled zomato sentences as examples (their pattern hits found as for any sentence) and their
    soft targets; a sentence the labels lack (the data changed) is skipped."""
    taught = [(t, labels[sentence_key(t)]) for t in zomato_sentences(data_dir) if sentence_key(t) in labels]
    examples = [Example(t, frozenset(), False, frozenset(pattern_categories(t))) for t, _ in taught]
    return examples, np.array([p for _, p in taught], dtype=np.float64).reshape(-1, len(LABELS))


def design(examples: list[Example], *, min_count: int, clusters: dict[str, int] | None = None):
    """The CSR design matrix, its vocabulary and the (rows, categories) targets."""
    feats = [sentence_features(e.text, e.hits) for e in examples]
    rows = [cluster_row(f, clusters or {}) for f in feats]
    vocab = build_vocab(rows, min_count)
    y = np.array([[lab in e.categories for lab in LABELS] for e in examples], dtype=np.float64)
    return to_csr(rows, vocab), vocab, y


def _folded(w: np.ndarray, vocab: dict[str, int], clusters: dict[str, int]) -> dict[str, np.ndarray]:
    """Rows of a (features, columns) weight matrix with each cluster's row added to its words' rows: a sentence's
    distinct words then add exactly what its cluster counts added in training (both the linear part and the
    hidden layer's input are linear in the features), and cluster features need not be shipped."""
    out = {f: w[i] for f, i in vocab.items() if not f.startswith("k:")}
    for word, c in clusters.items():
        j = vocab.get(f"k:{c}")
        if j is not None:
            out[word] = out.get(word, 0.0) + w[j]
    return out


def shipped_weights(w: np.ndarray, vocab: dict[str, int], clusters: dict[str, int]) -> dict[str, tuple[float, ...]]:
    """The linear part's weights, clusters folded in, without the ones too small to matter."""
    return {f: tuple(float(v) for v in row) for f, row in _folded(w, vocab, clusters).items()
            if np.abs(row).max() >= 0.01}


def shipped_hidden(net: HiddenLogistic, vocab: dict[str, int], clusters: dict[str, int]) -> HiddenLayer:
    """The hidden layer as shipped: folded rows, without rows too small to matter (training shrinks the rows
    of features it rarely saw towards zero)."""
    rows = {f: r for f, r in _folded(net.hidden, vocab, clusters).items() if np.abs(r).max() >= 0.01}
    names = sorted(rows)
    matrix = np.array([rows[f] for f in names]) if names else np.zeros((0, net.hidden.shape[1]))
    return HiddenLayer({f: i for i, f in enumerate(names)}, matrix, net.hidden_bias, net.out, net.out_bias)


def fit(examples: list[Example], *, min_count: int = 2, l2: float = 1e-4, epochs: int = 12, hidden: int = 64,
        clusters: dict[str, int] | None = None, taught: list[Example] | None = None,
        taught_targets: np.ndarray | None = None, taught_weight: float = TEACHER_WEIGHT,
        members: int = MEMBERS, log: bool = True) -> tuple[AspectModel, dict[str, float]]:
    """The model and its thresholds (5-fold CV on `examples`); also returns the cross-validated figures.

    `taught` sentences (with the teacher's probabilities as soft targets, each row weighing `taught_weight`)
    join every training fold; the folds and the scores are the annotated sentences' only."""
    clusters = clusters or {}
    taught = taught or []
    x, vocab, y = design([*examples, *taught], min_count=min_count, clusters=clusters)
    n = len(examples)
    if taught:
        y[n:] = taught_targets
    weight = np.concatenate([np.ones(n), np.full(len(taught), taught_weight)])
    extra = np.arange(n, n + len(taught))  # in every fold
    hits = np.array([[lab in e.hits for lab in LABELS] for e in examples])
    is14 = np.array([e.is14 for e in examples])

    def train_rows(rows: np.ndarray) -> HiddenLogistic:
        rows = np.concatenate([rows, extra])
        return averaged([hidden_logistic(x.take(rows), y[rows], hidden=hidden, l2=l2, epochs=epochs, seed=SEED + i,
                                         sample_weight=weight[rows]) for i in range(members)])

    fold = np.random.default_rng(SEED).integers(0, 5, size=n)
    probs = np.zeros((n, len(LABELS)))
    for k in range(5):
        net = train_rows(np.flatnonzero(fold != k))
        te = np.flatnonzero(fold == k)
        probs[te] = 1.0 / (1.0 + np.exp(-np.clip(net.logits(x.take(te)), -30, 30)))
    gold = y[:n] > 0
    pairs = choose_thresholds(probs[is14], gold[is14], hits[is14])
    chosen = probs >= np.where(hits, [a for a, _ in pairs], [b for _, b in pairs])
    report = {"cv_f1_14": micro_f1(chosen[is14], gold[is14]), "cv_f1_14_at_half": micro_f1(probs[is14] >= 0.5,
                                                                                              gold[is14])}
    net = train_rows(np.arange(n))
    model = AspectModel(LABELS, shipped_weights(net.linear, vocab, clusters), 0.5,
                        dict(zip(LABELS, pairs, strict=True)), shipped_hidden(net, vocab, clusters))
    if log:
        print(f"thresholds {model.thresholds}; cross-validated micro-F1 on SemEval-2014 "
              f"training sentences {report['cv_f1_14']:.3f} (all at 0.5: {report['cv_f1_14_at_half']:.3f}); "
              f"trained on {n} sentences and {len(taught)} teacher-labelled ones, {len(vocab)} features, "
              f"{len(clusters)} clustered words, {members} averaged nets with a hidden layer {hidden} wide",
              file=sys.stderr)
    return model, report


def train(data_dir: Path, **params) -> AspectModel:
    clusters = word_clusters(cluster_corpus(data_dir))
    taught, targets = teacher_examples(data_dir, load_teacher_labels(TEACHER_LABELS))
    return fit(load_examples(data_dir), clusters=clusters, taught=taught, taught_targets=targets, **params)[0]


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
    model = train(root)
    save_aspect_model(model, OUT)
    print(f"wrote {OUT} ({len(model.weights)} features)")
