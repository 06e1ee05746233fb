"""Analyze review rows: language, sentiment, per-topic sentiment, emotions, staff, suggestion, urgency.

    >>> analyze_rows([{"id": "1", "text": "Lovely pasta, but we waited 40 minutes.", "rating": 3}])[0]["sentiment"]
    {'score': ..., 'label': 'mixed'}

Star-only reviews (empty text) take their sentiment from the rating alone; with neither text nor rating
they are neutral. Text in a language other than English is never scored by the English lexicons: its
sentiment comes from the rating only (neutral without one), with no topics, emotions or staff.
"""

from __future__ import annotations

import json
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from nlp.language import detect_language
from nlp.pipeline import load_pipeline
from nlp.profiles import load_profile
from nlp.signals import score_urgency
from nlp.tone import CLEAR, polarity_label, rating_prior

# Bump when the analysis changes (lexicons, profiles, models, rules): stored analyses are then redone.
ANALYZER_VERSION = "0.4.13"
# Weight of the star rating when it is blended with the text's own polarity.
RATING_WEIGHT = 0.4
# Rows per job handed to a worker process (see analyze_rows).
MIN_CHUNK, MAX_CHUNK = 32, 1024


_label = polarity_label


def aggregate_topics(mentions: list[dict]) -> list[dict]:
    """One entry per topic: mean polarity of its mentions, the strongest mention as evidence."""
    grouped: dict[str, list[dict]] = {}
    for m in mentions:
        grouped.setdefault(m["topic"], []).append(m)
    out = []
    for topic, ms in grouped.items():
        scores = [m.get("sentiment", 0.0) for m in ms]
        voiced = [s for s in scores if abs(s) >= 0.05]
        mean = sum(voiced) / len(voiced) if voiced else 0.0
        strongest = max(ms, key=lambda m: abs(m.get("sentiment", 0.0)))
        label = "mixed" if max(scores) >= CLEAR and min(scores) <= -CLEAR else _label(mean)
        out.append({"topic": topic, "category": ms[0]["category"], "sentiment": round(mean, 4),
                    "label": label, "evidence": strongest.get("evidence", "").strip()})
    return out


def overall_sentiment(text_score: float | None, clear_pos: bool, clear_neg: bool,
                      rating: float | None) -> dict:
    """Blend the text's polarity with the star rating (when given); mixed when they clearly disagree."""
    prior = rating_prior(rating)
    if text_score is None:  # no text to read, or not English
        score = prior if prior is not None else 0.0
        return {"score": round(score, 4), "label": _label(score)}
    text_label = "mixed" if clear_pos and clear_neg else _label(text_score)
    if prior is None:
        return {"score": round(text_score, 4), "label": text_label}
    score = (1 - RATING_WEIGHT) * text_score + RATING_WEIGHT * prior
    if text_label == "mixed":
        label = "mixed"
    elif (text_label == "positive" and prior <= -0.5) or (text_label == "negative" and prior >= 0.5):
        # Words and stars disagree: a person should read it, and neither one-sided label is honest.
        label = "mixed"
    else:
        label = _label(score)
    return {"score": round(max(-1.0, min(1.0, score)), 4), "label": label}


def _empty_result(row: dict, language: str) -> dict:
    rating = row.get("rating")
    urgency, reasons = score_urgency(0.0, rating, published_at=row.get("published_at"))
    return {
        "id": str(row.get("id", "")), "language": language,
        "sentiment": overall_sentiment(None, False, False, rating),
        "topics": [], "emotions": [], "staff": [], "suggestion": False,
        "urgency": urgency, "urgency_reasons": reasons, "analyzer_version": ANALYZER_VERSION,
    }


def result_from_doc(doc: Doc, row: dict) -> dict:
    """The contract dict for one analyzed English review."""
    rating = row.get("rating")
    topics = aggregate_topics(doc._.rc_topics or [])
    clear_pos, clear_neg = doc._.rc_clear
    clear_pos |= any(t["sentiment"] >= CLEAR for t in topics)
    clear_neg |= any(t["sentiment"] <= -CLEAR for t in topics)
    sentiment = overall_sentiment(doc._.rc_polarity, clear_pos, clear_neg, rating)

    care = doc._.rc_care
    emotions, staff = care["emotions"], care["staff"]
    anger = max((e["intensity"] for e in emotions if e["ekman"] == "anger"), default=0.0)
    urgency, reasons = score_urgency(sentiment["score"], rating, anger=anger, risks=care["risks"],
                                     published_at=row.get("published_at"))
    return {
        "id": str(row.get("id", "")), "language": "en", "sentiment": sentiment, "topics": topics,
        "emotions": emotions, "staff": staff, "suggestion": care["suggestion"],
        "urgency": urgency, "urgency_reasons": reasons, "analyzer_version": ANALYZER_VERSION,
    }


def analyze_rows(rows: Iterable[dict], profile: str = "restaurant", *, batch_size: int = 64,
                 n_process: int = 1) -> list[dict]:
    """Analyze review rows ({"id", "text", "rating"?, ...}); one result per row, in order.

    n_process > 1 splits large inputs across that many worker processes, each running nlp.pipe.
    """
    rows = list(rows)
    load_profile(profile)  # a bad profile name fails here with a clear message, before any work
    load_pipeline(profile)  # loaded before any fork, so workers share it
    if n_process > 1 and len(rows) > max(batch_size * 4, 256):
        # Workers take whole rows (language detection included) and return plain result dicts: far
        # cheaper than spaCy's own n_process, which ships whole Docs and is slower than one process
        # for a pipeline this light. About eight chunks per worker: with a few large ones, one worker
        # is left alone with the last chunk while the others idle.
        chunk = max(MIN_CHUNK, min(MAX_CHUNK, -(-len(rows) // (n_process * 8))))
        jobs = [(rows[k:k + chunk], profile, batch_size) for k in range(0, len(rows), chunk)]
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        with ctx.Pool(n_process) as pool:
            return [r for part in pool.imap(_analyze_chunk, jobs) for r in part]
    return _analyze_chunk((rows, profile, batch_size))


# Typographic apostrophes, as phones type them ("didn’t"): VADER's negation check, the phrase rules and the
# staff patterns all look for a straight one, so "it wasn’t good" read as praise. One character for one, so
# evidence offsets stay right.
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def review_text(row: dict) -> str:
    """The text to read: the review body, led by its title when the title adds something; apostrophes
    straightened."""
    text = (row.get("text") or "").strip().translate(APOSTROPHES)
    title = (row.get("title") or "").strip().translate(APOSTROPHES)
    if title and text and not text.lower().startswith(title.lower()):
        # The title is often the verdict ("Never again"); read it as the first sentence.
        return f"{title.rstrip('.!?')}. {text}"
    return text or title


def _analyze_chunk(job: tuple[list[dict], str, int]) -> list[dict]:
    """Analyze rows in order: language first, then one nlp.pipe over the English texts."""
    rows, profile, batch_size = job
    results: list[dict | None] = [None] * len(rows)
    todo: list[tuple[str, int]] = []
    for i, row in enumerate(rows):
        text = review_text(row)
        language = detect_language(text) if text else "en"
        if not text or language != "en":
            results[i] = _empty_result(row, language)
        else:
            todo.append((text, i))
    nlp = load_pipeline(profile)
    for doc, i in nlp.pipe(_docs(nlp, todo), as_tuples=True, batch_size=batch_size):
        results[i] = result_from_doc(doc, rows[i])
    return results  # type: ignore[return-value]


def _docs(nlp: Language, todo: list[tuple[str, int]]) -> Iterator[tuple[Doc, int]]:
    """Tokenized docs carrying their text (doc._.rc_text), so no component has to rebuild it from tokens."""
    for text, i in todo:
        doc = nlp.make_doc(text)
        doc._.rc_text = text
        yield doc, i


def _read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as ex:
                raise ValueError(f"{path}, line {n}: not valid JSON ({ex.msg}); each line must be one "
                                 "JSON object") from ex
            if not isinstance(row, dict) or "id" not in row:
                raise ValueError(f"{path}, line {n}: expected a JSON object with an \"id\" key")
            yield row


def analyze_jsonl(in_path: str | Path, out_path: str | Path, profile: str = "restaurant", *,
                  batch_size: int = 64, n_process: int = 1, chunk: int = 5000) -> int:
    """Analyze a JSON-lines file into another, one output line per input line, same order.

    Returns the number of rows written. Works in chunks so a large file never sits in memory whole.
    """
    in_path, out_path = Path(in_path), Path(out_path)
    rows = _read_jsonl(in_path)
    count = 0
    tmp = out_path.with_name(out_path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8") as out:
            while batch := list(islice(rows, chunk)):
                for result in analyze_rows(batch, profile, batch_size=batch_size, n_process=n_process):
                    out.write(json.dumps(result, ensure_ascii=False) + "\n")
                count += len(batch)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(out_path)  # a failed run leaves the previous output as it was
    return count
