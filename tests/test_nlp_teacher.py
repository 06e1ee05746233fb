"""Learning from the teacher's labels: weighted soft targets, the labels file, the sentences
the teacher read, and their effect on the aspect model. Pure numpy and files; the teacher itself (torch) is not
needed, as the product never runs it."""

import csv
import gzip

import numpy as np
import pytest

from nlp.tone_model import held_out_business
from nlp.train.sparse import build_vocab, hidden_logistic, to_csr
from nlp.train.train_aspects import (
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
    rows = [{"__bias__": 1.0, "a": 1.0}, {"__bias__": 1.0}, {"__bias__": 1.0, "a": 1.0}] * 10
    x, _ = _design(rows)
    weight = np.array([1.0, 1.0, 0.0] * 10)
    y = np.array([[1.0], [0.0], [0.0]] * 10)
    flipped = y.copy()
    flipped[2::3] = 1.0  # the weightless rows say the opposite: nothing may change
    first = hidden_logistic(x, y, hidden=4, epochs=20, seed=5, sample_weight=weight)
    second = hidden_logistic(x, flipped, hidden=4, epochs=20, seed=5, sample_weight=weight)
    assert first.logits(x) == pytest.approx(second.logits(x))
    # no weights at all is the same as every weight 1
    assert hidden_logistic(x, y, hidden=4, epochs=5, seed=5).logits(x) == pytest.approx(
        hidden_logistic(x, y, hidden=4, epochs=5, seed=5, sample_weight=np.ones(30)).logits(x))


def test_soft_targets_are_learned_as_probabilities():
    rows = [{"__bias__": 1.0, "a": 1.0}] * 50 + [{"__bias__": 1.0}] * 50
    x, _ = _design(rows)
    y = np.array([[0.8]] * 50 + [[0.1]] * 50)
    net = hidden_logistic(x, y, hidden=4, l2=0.0, epochs=200, lr=1e-2, dropout=0.0, seed=0)
    p = 1 / (1 + np.exp(-net.logits(x)))
    assert p[0, 0] == pytest.approx(0.8, abs=0.03) and p[-1, 0] == pytest.approx(0.1, abs=0.03)


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
    # a few dozen sentences: more passes than the real data needs
    without, _ = fit(gold, min_count=1, epochs=150, log=False)
    with_teacher, _ = fit(gold, min_count=1, epochs=150, taught=taught * 4, taught_targets=np.tile(targets, (4, 1)),
                          taught_weight=1.0, log=False)
    assert "haleem" not in without.weights
    assert "haleem" in with_teacher.weights or "haleem" in with_teacher.hidden.index
    assert (with_teacher.probabilities(["__bias__", "haleem"])["food"]
            > without.probabilities(["__bias__"])["food"] + 0.2)
