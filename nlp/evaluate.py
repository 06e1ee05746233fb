"""Measure the analysis on the development data, beside raw VADER / keyword baselines.

    >>> report = run_eval(Path("../shared/data"))
    >>> print(format_report(report))

Each figure is computed through `analyze_rows`, the same path as `reviewcare analyze --jsonl`.
"""

from __future__ import annotations

import csv
import math
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nlp.analyze import analyze_rows
from nlp.aspects import held_out
from nlp.tone_model import held_out_business

SEMEVAL_CATEGORIES = ("food", "service", "price", "ambience")
EKMAN_LABELS = ("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise")
# The keyword baseline: the obvious word for each category, as a simple system would use.
BASELINE_KEYWORDS = {
    "food": ("food", "dish", "meal", "menu", "taste", "delicious", "pizza", "sushi", "dessert", "drink"),
    "service": ("service", "staff", "waiter", "waitress", "server", "manager", "rude", "friendly", "wait"),
    "price": ("price", "cheap", "expensive", "pricey", "value", "money", "cost", "bill", "overpriced"),
    "ambience": ("ambience", "ambiance", "atmosphere", "decor", "music", "noisy", "romantic", "cozy", "room"),
}
TARGETS = {
    "stars_1_2_negative_or_mixed": (">=", 0.90), "stars_5_negative": ("<=", 0.03),
    "pearson_amazon_snippets": (">=", 0.70), "category_f1": (">=", 0.85), "polarity_accuracy": (">=", 0.85),
    "mixed_sentence_polarity_accuracy": (">=", 0.70), "ekman_macro_f1": (">=", 0.45),
}


def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _polarity_label(score: float) -> str:
    return "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    vy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (vx * vy) if vx and vy else 0.0


def eval_stars(path: Path, *, use_rating: bool = True) -> dict:
    """Share of 1-2 star reviews labelled negative or mixed, and of 5-star reviews labelled negative.

    Only reviews of the held-out half of the restaurants are scored: the tone model trained on the rest.
    """
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, rec in enumerate(csv.DictReader(fh)):
            try:
                rating = float(rec["Rating"])
            except (TypeError, ValueError):
                continue
            # only the restaurants the tone model never trained on (nlp.tone_model.held_out_business)
            if (rec.get("Review") or "").strip() and (rating <= 2 or rating == 5) \
                    and held_out_business(rec.get("Restaurant") or ""):
                rows.append({"id": str(i), "text": rec["Review"], "rating": rating})
    vader = _vader()
    low = [r for r in rows if r["rating"] <= 2]
    five = [r for r in rows if r["rating"] == 5]
    ours = {r["id"]: r for r in analyze_rows(
        [dict(r) if use_rating else {"id": r["id"], "text": r["text"]} for r in rows])}
    text_only = ours if not use_rating else {r["id"]: r for r in analyze_rows(
        [{"id": r["id"], "text": r["text"]} for r in rows])}

    def share(group: list[dict], results: dict, labels: set[str]) -> float:
        return sum(results[r["id"]]["sentiment"]["label"] in labels for r in group) / len(group)

    base = {r["id"]: _polarity_label(vader.polarity_scores(r["text"])["compound"]) for r in rows}
    return {
        "stars_1_2_negative_or_mixed": share(low, ours, {"negative", "mixed"}),
        "stars_5_negative": share(five, ours, {"negative"}),
        "stars_1_2_negative_or_mixed_text_only": share(low, text_only, {"negative", "mixed"}),
        "stars_5_negative_text_only": share(five, text_only, {"negative"}),
        "baseline_stars_1_2_negative_or_mixed": sum(base[r["id"]] == "negative" for r in low) / len(low),
        "baseline_stars_5_negative": sum(base[r["id"]] == "negative" for r in five) / len(five),
        "n_stars_1_2": len(low), "n_stars_5": len(five),
    }


def eval_tone(path: Path) -> dict:
    """Pearson r between the text's polarity and the mean human rating of each snippet."""
    texts, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            gold.append(float(parts[1]))
            texts.append(parts[2])
    ours = analyze_rows([{"id": str(i), "text": t} for i, t in enumerate(texts)])
    vader = _vader()
    return {
        "pearson_amazon_snippets": pearson([r["sentiment"]["score"] for r in ours], gold),
        "baseline_pearson_amazon_snippets": pearson([vader.polarity_scores(t)["compound"] for t in texts], gold),
        "n_snippets": len(texts),
    }


def load_semeval14(path: Path) -> list[tuple[str, dict[str, str]]]:
    """[(sentence, {category: polarity})] for the four scored categories."""
    out = []
    for sent in ET.parse(path).getroot().iter("sentence"):
        text = sent.findtext("text") or ""
        cats = {c.get("category"): c.get("polarity") for c in sent.iter("aspectCategory")}
        out.append((text, {c: p for c, p in cats.items() if c in SEMEVAL_CATEGORIES}))
    return out


def _category_predictions(result: dict) -> dict[str, float]:
    """Category -> mean polarity of the topics detected in that category."""
    by_cat: dict[str, list[float]] = {}
    for t in result["topics"]:
        if t["category"] in SEMEVAL_CATEGORIES:
            by_cat.setdefault(t["category"], []).append(t["sentiment"])
    return {c: sum(v) / len(v) for c, v in by_cat.items()}


def _aspect_scores(data: list[tuple[str, dict[str, str]]],
                   predict: Callable[[int, str], tuple[set[str], Callable[[str], str]]]) -> dict:
    tp = fp = fn = 0
    correct = total = mixed_correct = mixed_total = 0
    for i, (text, gold) in enumerate(data):
        cats, polarity_of = predict(i, text)
        tp += len(cats & set(gold))
        fp += len(cats - set(gold))
        fn += len(set(gold) - cats)
        gold_pols = {p for p in gold.values()}
        is_mixed = "positive" in gold_pols and "negative" in gold_pols
        for cat, pol in gold.items():
            if pol == "conflict":
                continue
            ok = polarity_of(cat) == pol
            correct += ok
            total += 1
            if is_mixed:
                mixed_correct += ok
                mixed_total += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "category_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "category_precision": precision, "category_recall": recall,
        "polarity_accuracy": correct / total if total else 0.0,
        "mixed_sentence_polarity_accuracy": mixed_correct / mixed_total if mixed_total else 0.0,
        "n_aspects": total, "n_mixed_aspects": mixed_total,
    }


def eval_aspects(path: Path) -> dict:
    """Category detection F1 and per-category polarity accuracy on SemEval-2014 restaurant sentences.

    Only the held-out half (`nlp.aspects.held_out`) is scored: the aspect model trained on the other half.
    """
    data = [(t, g) for t, g in load_semeval14(path) if held_out(t)]
    predict = _predictor(analyze_rows([{"id": str(i), "text": t} for i, (t, _) in enumerate(data)]))
    vader = _vader()
    words = re.compile(r"[a-z]+")

    def baseline(i: int, text: str) -> tuple[set[str], Callable[[str], str]]:
        toks = set(words.findall(text.lower()))
        cats = {c for c, kws in BASELINE_KEYWORDS.items() if toks & set(kws)}
        label = _polarity_label(vader.polarity_scores(text)["compound"])
        return cats, lambda _c: label

    result = _aspect_scores(data, predict)
    for key, value in _aspect_scores(data, baseline).items():
        if not key.startswith("n_"):
            result[f"baseline_{key}"] = value
    return result


def load_semeval1516_held_out(data_dir: Path) -> list[tuple[str, dict[str, str]]]:
    """SemEval-2015/16 restaurant sentences of the evaluation half (`nlp.aspects.held_out`), their opinions
    mapped to the four categories: a second annotation, by other rules, of sentences no model trained on.
    A category whose opinions disagree is labelled "conflict" (not scored), as in SemEval-2014."""
    found: dict[str, dict[str, set[str]]] = {}
    for name in ("semeval15_restaurants_train.xml", "semeval16_restaurants_train.xml"):
        for sent in ET.parse(data_dir / "absa" / name).getroot().iter("sentence"):
            text = (sent.findtext("text") or "").strip()
            if not held_out(text):
                continue
            cats = found.setdefault(text, {})
            for o in sent.iter("Opinion"):
                entity, _, attribute = o.get("category", "X#Y").partition("#")
                cat = "price" if attribute == "PRICES" else {"FOOD": "food", "DRINKS": "food", "SERVICE": "service",
                                                              "AMBIENCE": "ambience"}.get(entity)
                if cat:
                    cats.setdefault(cat, set()).add(o.get("polarity", ""))
    return [(t, {c: next(iter(p)) if len(p) == 1 else "conflict" for c, p in cats.items()})
            for t, cats in found.items()]


def _predictor(results: list[dict]) -> Callable[[int, str], tuple[set[str], Callable[[str], str]]]:
    """Categories and per-category polarity read from analysis results, as `eval_aspects` scores them."""
    def predict(i: int, text: str) -> tuple[set[str], Callable[[str], str]]:
        cats = _category_predictions(results[i])
        overall = results[i]["sentiment"]["score"]

        def polarity_of(cat: str) -> str:
            return _polarity_label(cats.get(cat, overall))
        return set(cats), polarity_of
    return predict


def eval_aspects_1516(data_dir: Path) -> dict:
    """Polarity accuracy (all and on mixed sentences) on the held-out SemEval-2015/16 sentences: a second,
    less noisy estimate of the mixed-sentence figure (keys suffixed _1516)."""
    data = load_semeval1516_held_out(data_dir)
    scores = _aspect_scores(data, _predictor(analyze_rows([{"id": str(i), "text": t}
                                                           for i, (t, _) in enumerate(data)])))
    return {f"{k}_1516": scores[k] for k in ("category_f1", "polarity_accuracy", "mixed_sentence_polarity_accuracy",
                                             "n_aspects", "n_mixed_aspects")}


def _macro_f1(gold: list[set[str]], pred: list[set[str]], labels: tuple[str, ...]) -> float:
    f1s = []
    for label in labels:
        tp = sum(label in g and label in p for g, p in zip(gold, pred, strict=True))
        fp = sum(label not in g and label in p for g, p in zip(gold, pred, strict=True))
        fn = sum(label in g and label not in p for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def eval_emotions(path: Path, labels_path: Path) -> dict:
    """Macro-F1 over the seven GoEmotions Ekman labels (six emotions plus neutral)."""
    names = labels_path.read_text(encoding="utf-8").split()
    texts, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            texts.append(parts[0])
            gold.append({names[int(x)] for x in parts[1].split(",") if x})
    ours = analyze_rows([{"id": str(i), "text": t} for i, t in enumerate(texts)])
    pred = [{e["ekman"] for e in r["emotions"]} or {"neutral"} for r in ours]
    vader = _vader()

    def baseline(text: str) -> set[str]:
        c = vader.polarity_scores(text)["compound"]
        return {"joy"} if c >= 0.5 else {"sadness"} if c <= -0.5 else {"neutral"}

    return {
        "ekman_macro_f1": _macro_f1(gold, pred, EKMAN_LABELS),
        "baseline_ekman_macro_f1": _macro_f1(gold, [baseline(t) for t in texts], EKMAN_LABELS),
        "n_emotion_texts": len(texts),
    }


def run_eval(data_dir: Path) -> dict:
    """All development figures, each beside its baseline (keys prefixed baseline_)."""
    data_dir = Path(data_dir)
    report: dict = {}
    report.update(eval_stars(data_dir / "reviews" / "zomato_hyderabad_restaurant_reviews.csv"))
    report.update(eval_tone(data_dir / "tone" / "amazon_snippets_dev.tsv"))
    report.update(eval_aspects(data_dir / "absa" / "semeval14_restaurants_train.xml"))
    report.update(eval_aspects_1516(data_dir))
    report.update(eval_emotions(data_dir / "emotion" / "goemotions_ekman_dev.tsv",
                                data_dir / "emotion" / "goemotions_ekman_labels.txt"))
    return report


def format_report(report: dict) -> str:
    """A plain-text table: measure, ours, baseline, target."""
    lines = [f"{'measure':<36} {'ours':>7} {'baseline':>9}  target", "-" * 64]
    for key, (op, target) in TARGETS.items():
        if key not in report:
            continue
        ours, base = report[key], report.get(f"baseline_{key}", float("nan"))
        ok = ours >= target if op == ">=" else ours <= target
        # a figure a hair short of its target must not print as the target itself ("0.850 ... MISS")
        shown = f"{ours:>7.3f}" if ok or round(ours, 3) != target else f"{ours:>7.4f}"
        lines.append(f"{key:<36} {shown} {base:>9.3f}  {op} {target:.2f} {'ok' if ok else 'MISS'}")
    for key in ("stars_1_2_negative_or_mixed_text_only", "stars_5_negative_text_only", "category_f1_1516",
                "polarity_accuracy_1516", "mixed_sentence_polarity_accuracy_1516"):
        if key in report:
            lines.append(f"{key:<36} {report[key]:>7.3f}")
    if "stars_1_2_negative_or_mixed" in report:
        lines.append("(star rows: with the rating in the input, words that contradict the stars read as mixed, so the "
                     "first two rows hold by design; the text_only rows judge the words alone. Aspect rows: the "
                     "SemEval-2014 half the models never trained on; _1516 rows: the SemEval-2015/16 annotation of "
                     f"that half, {report.get('n_aspects_1516', 0)} aspects, "
                     f"{report.get('n_mixed_aspects_1516', 0)} in mixed sentences.)")
    return "\n".join(lines)


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
    print(format_report(run_eval(root)))
