"""The evaluation helpers, on tiny files written here (the full run uses ../shared/data)."""

import pytest

from nlp.evaluate import _macro_f1, eval_emotions, eval_tone, format_report, pearson


def test_pearson_and_macro_f1():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    gold = [{"joy"}, {"anger"}, {"neutral"}]
    assert _macro_f1(gold, gold, ("joy", "anger", "neutral")) == 1.0
    assert _macro_f1(gold, [{"joy"}, {"joy"}, {"neutral"}], ("joy", "anger", "neutral")) == pytest.approx(
        (2 / 3 + 0 + 1) / 3)


def test_eval_tone_and_emotions_on_small_files(tmp_path):
    tone = tmp_path / "tone.tsv"
    tone.write_text("1\t3.2\tAbsolutely love it, works perfectly\n2\t-3.0\tBroke after a day, total waste of money\n"
                    "3\t0.1\tIt arrived on Tuesday\n4\t-1.5\tThe battery is weak\n", encoding="utf-8")
    report = eval_tone(tone)
    assert report["n_snippets"] == 4 and report["pearson_amazon_snippets"] > 0.8
    labels = tmp_path / "labels.txt"
    labels.write_text("anger\ndisgust\nfear\njoy\nneutral\nsadness\nsurprise\n", encoding="utf-8")
    emo = tmp_path / "emo.tsv"
    emo.write_text("I am so happy for you!\t3\ta\nThis makes me furious\t0\tb\nIt is on the table\t4\tc\n",
                   encoding="utf-8")
    report = eval_emotions(emo, labels)
    assert report["n_emotion_texts"] == 3 and report["ekman_macro_f1"] > report["baseline_ekman_macro_f1"]
    table = format_report({**report, "pearson_amazon_snippets": 0.75, "baseline_pearson_amazon_snippets": 0.6})
    assert "pearson_amazon_snippets" in table and "ok" in table


def test_a_figure_just_short_of_its_target_shows_the_digit_that_misses_it():
    table = format_report({"category_f1": 0.84991, "baseline_category_f1": 0.65,
                           "polarity_accuracy": 0.86, "baseline_polarity_accuracy": 0.67})
    line = next(row for row in table.splitlines() if row.startswith("category_f1"))
    assert "0.8499" in line and line.endswith("MISS")
    assert "0.860" in next(row for row in table.splitlines() if row.startswith("polarity_accuracy"))
