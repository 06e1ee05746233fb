"""Learning from the teacher's labels: weighted soft-target logistic regression, the labels file, the sentences
the teacher read, and their effect on the aspect model. Pure numpy and files; the teacher itself (torch) is not
needed, as the product never runs it."""

import csv
import gzip

import numpy as np
import pytest

from nlp.tone_model import held_out_business
from nlp.train.sparse import build_vocab, logistic_regression, to_csr
from nlp.train.train_aspects import (
    LABELS,
    Example,
    fit,
    load_teacher_labels,
    save_teacher_labels,
    sentence_key,
    teacher_examples,
    zomato_sentences,
)


def _design(rows):
    vocab = build_vocab(rows, 1)
    return to_csr(rows, vocab), vocab


def test_a_row_of_weight_zero_counts_for_nothing():
    rows = [{"__bias__": 1.0, "a": 1.0}, {"__bias__": 1.0}, {"__bias__": 1.0, "a": 1.0}]
    x, _ = _design(rows)
    y = np.array([[1.0], [0.0], [0.0]])
    weighted = logistic_regression(x, y, 0.1, epochs=200, sample_weight=np.array([1.0, 1.0, 0.0]))
    alone = logistic_regression(x.take(np.array([0, 1])), y[:2], 0.1, epochs=200)
    assert weighted == pytest.approx(alone)
    # no weights at all is the same as every weight 1
    assert logistic_regression(x, y, 0.1, epochs=50) == pytest.approx(
        logistic_regression(x, y, 0.1, epochs=50, sample_weight=np.ones(3)))


def test_soft_targets_are_learned_as_probabilities():
    rows = [{"__bias__": 1.0, "a": 1.0}] * 50 + [{"__bias__": 1.0}] * 50
    x, vocab = _design(rows)
    y = np.array([[0.8]] * 50 + [[0.1]] * 50)
    w = logistic_regression(x, y, 1e-6, epochs=3000, lr=2.0, unpenalised=[vocab["__bias__"]])
    p = 1 / (1 + np.exp(-x.dot(w)))
    assert p[0, 0] == pytest.approx(0.8, abs=0.02) and p[-1, 0] == pytest.approx(0.1, abs=0.02)


def test_teacher_labels_round_trip_by_sentence_key_without_the_text(tmp_path):
    path = tmp_path / "labels.tsv.gz"
    save_teacher_labels(path, ["The biryani was cold.", "Nice staff"], np.array([[0.9, 0.1, 0, 0], [0, 0.8, 0, 0.2]]))
    labels = load_teacher_labels(path)
    assert labels[sentence_key("The biryani was cold.")] == (0.9, 0.1, 0.0, 0.0)
    assert labels[sentence_key("Nice staff")] == (0.0, 0.8, 0.0, 0.2)
    assert "biryani" not in gzip.open(path, "rt").read()
    assert load_teacher_labels(tmp_path / "missing.tsv.gz") == {}


def test_labels_with_other_columns_are_refused_with_the_fix(tmp_path):
    path = tmp_path / "labels.tsv.gz"
    with gzip.open(path, "wt") as fh:
        fh.write("key\tfood\tservice\n")
    with pytest.raises(ValueError, match="relabel with nlp.train.teacher"):
        load_teacher_labels(path)


def _zomato(tmp_path, rows):
    (tmp_path / "reviews").mkdir()
    with (tmp_path / "reviews" / "zomato_hyderabad_restaurant_reviews.csv").open("w", newline="") as fh:
        writer = csv.DictWriter(fh, ["Restaurant", "Review"])
        writer.writeheader()
        writer.writerows({"Restaurant": r, "Review": t} for r, t in rows)


def test_the_teacher_reads_distinct_sentences_of_training_restaurants_only(tmp_path):
    trained = next(f"Place {i}" for i in range(50) if not held_out_business(f"Place {i}"))
    evaluated = next(f"Place {i}" for i in range(50) if held_out_business(f"Place {i}"))
    _zomato(tmp_path, [
        (trained, "The paneer tikka was smoky. Staff were slow!\nok\nGreat ambience and music."),
        (trained, "the paneer tikka was smoky."),
        (evaluated, "Never read by the teacher, this sentence."),
    ])
    assert zomato_sentences(tmp_path) == ["The paneer tikka was smoky.", "Staff were slow!",
                                          "Great ambience and music."]


def test_taught_sentences_are_examples_with_soft_targets_and_unlabelled_ones_are_skipped(tmp_path):
    trained = next(f"Place {i}" for i in range(50) if not held_out_business(f"Place {i}"))
    _zomato(tmp_path, [(trained, "The waiter ignored us. The dosa was crisp.")])
    labels = {sentence_key("The waiter ignored us."): (0.05, 0.95, 0.0, 0.0)}
    examples, targets = teacher_examples(tmp_path, labels)
    assert [e.text for e in examples] == ["The waiter ignored us."]
    assert "service" in examples[0].hits and not examples[0].categories
    assert targets.tolist() == [[0.05, 0.95, 0.0, 0.0]]


def test_what_the_teacher_taught_reaches_the_model_for_words_the_annotations_lack():
    gold = [Example(f"the {d} was good", frozenset({"food"}), True, frozenset()) for d in ("soup", "fish", "rice")]
    gold += [Example(f"the {s} was kind", frozenset({"service"}), True, frozenset()) for s in ("waiter", "host")]
    gold += [Example(f"we came on {d}", frozenset(), True, frozenset()) for d in ("monday", "friday", "sunday")]
    gold = gold * 4
    taught = [Example(f"the haleem {w}", frozenset(), False, frozenset()) for w in ("arrived", "came", "was here")]
    targets = np.tile([0.95, 0.02, 0.01, 0.01], (3, 1))
    without, _ = fit(gold, min_count=1, log=False)
    with_teacher, _ = fit(gold, min_count=1, taught=taught * 4, taught_targets=np.tile(targets, (4, 1)),
                          taught_weight=1.0, log=False)
    assert "haleem" not in without.weights
    food = LABELS.index("food")
    assert with_teacher.weights["haleem"][food] > 0.3
    assert with_teacher.probabilities(["__bias__", "haleem"])["food"] > without.probabilities(["__bias__"])["food"]
