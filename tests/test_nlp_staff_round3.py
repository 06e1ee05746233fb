"""Analyzer fixes of 0.4.12, made where they belong: a business the review compares the place with is no staff (the
drafter used to drop it on its own), a waiter "waiting our table" is serving and not a wait, names glued to "by",
after initials or wrapped onto the next line are found, topic evidence keeps hyphenated words whole, and a risk
phrase plainly negated ("not a cockroach") raises no urgency."""

from __future__ import annotations

import re

import pytest
import spacy
from test_draft_round8 import drafted

from nlp.analyze import analyze_rows
from nlp.signals import risk_reasons
from nlp.staff import find_staff

_tokenizer = spacy.blank("en").tokenizer


def staff(text: str) -> list[tuple[str, str | None]]:
    words = [t.text for t in _tokenizer(text)]
    return sorted((name, role) for _, name, role in find_staff(words, [""] * len(words)))


def analyzed(text: str, rating: int = 5) -> dict:
    return analyze_rows([{"id": "r3", "text": text, "rating": rating}], "restaurant")[0]


# --- 1. a business the review compares us with -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Soggy fries. I expected better service from Pizzaland. Our waiter Vinod was lovely though.",
     [("Vinod", "waiter")]),
    ("The kebabs are far juicier than Kebabwala and Farhan served us with a smile.", [("Farhan", None)]),
    ("Honestly the biryani here is better than at Shadab, thanks to Imran for the suggestions.", [("Imran", None)]),
    ("Vinod served us, better service than we hoped for.", [("Vinod", None)]),
])
def test_a_business_compared_with_is_no_staff(text, expected):
    assert staff(text) == expected


def test_the_analysis_never_credits_a_compared_business():
    result = analyzed("Cold burger and stale buns. I expected better service from Burgerzilla.", 1)
    assert all(s["name"] != "Burgerzilla" for s in result["staff"]), result["staff"]


# --- 2. waiting on someone is serving them -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Meena Iyer waited our table and was lovely all evening.", [("Meena Iyer", "server")]),
    ("Karan, who waited on us, was very patient with the kids.", [("Karan", "server")]),
    ("rohit who waited our table suggested the mutton curry.", [("Rohit", "server")]),
    ("Nice rooftop. Aslam the guy who waited on us made the evening.", [("Aslam", "server")]),
    ("The lady who waited on us was rude and never smiled.", [("", "server")]),
    ("We were waiting on the table after the starters for ages.", []),
    ("We waited 40 minutes for our table.", []),
])
def test_who_waited_on_us_is_a_server(text, expected):
    assert staff(text) == expected


@pytest.mark.parametrize(("text", "label"), [
    ("Meena waited our table and she was so sweet and attentive.", "positive"),
    ("Arjun waited on us and was rude about the bill.", "negative"),
])
def test_waiting_our_table_is_service_not_a_wait(text, label):
    result = analyzed(text, 5 if label == "positive" else 2)
    assert "wait_time" not in {t["topic"] for t in result["topics"]}, result["topics"]
    person = [s for s in result["staff"] if s["name"]]
    assert person and person[0]["role"] == "server" and person[0]["label"] == label, result["staff"]


def test_a_real_wait_for_a_table_is_still_a_wait():
    result = analyzed("We waited 45 minutes for our table even with a booking.", 2)
    assert "wait_time" in {t["topic"] for t in result["topics"]}


def test_a_server_waiting_our_table_is_thanked_not_apologised_for():
    for reply in drafted("Meena waited our table and she was so sweet and attentive. Lovely dinner.", 5):
        assert "Meena" in reply and not re.search(r"\bwait", reply, re.I), reply


# --- 3. names glued to "by", after initials, across a line break -------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Great service byFarhan and kabir. Loved the grills.", [("Farhan", None), ("Kabir", None)]),
    ("Service was awesome..Thanks to S K rafiq.. keep it up", [("Rafiq", None)]),
    ("Thanks to MD imran for the help with the menu.", [("Imran", None)]),
    ("Our waiter SK nadeem was quick with the refills.", [("Nadeem", "waiter")]),
    ("our server Ramesh\nKumar was great with the kids", [("Ramesh Kumar", "server")]),
    ("Lovely dinner.\nOur waiter\nDeepak was so kind", [("Deepak", "waiter")]),
    ("Special thanks to our server\nPriya for the birthday cake", [("Priya", "server")]),
])
def test_names_in_loose_typing_are_found(text, expected):
    assert staff(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Abdul was a very good server I think he knew the menu.", [("Abdul", None)]),
    ("Polite staff\nGreat chai\nCosy seating", []),
    ("Zega is a fun place. The warm welcome of the hostess\nZega is nice after midnight", [("", "hostess")]),
    ("Death byChocolate was the best dessert.", []),
])
def test_no_names_made_up_from_loose_typing(text, expected):
    assert staff(text) == expected


def test_a_name_wrapped_onto_the_next_line_takes_its_verdict_from_there():
    result = analyzed("our server Ramesh\nKumar was great with the kids")
    assert {"name": "Ramesh Kumar", "role": "server", "label": "positive"} in result["staff"], result["staff"]


# --- 4. evidence keeps hyphenated words whole --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The staff was friendly and super-fast.",
    "Cocktails were decent, non-alcoholic ones were bland.",
    "The place has a laid-back friendly vibe.",
    "The paneer tikka was over-spicy but the naan was lovely.",
])
def test_evidence_is_never_cut_at_a_hyphen(text):
    for topic in analyzed(text)["topics"]:
        evidence = topic["evidence"]
        at = text.find(evidence)
        assert at >= 0, evidence
        assert not re.match(r"-\w", text[at + len(evidence):]), evidence
        assert not (at >= 2 and re.match(r"\w-\w", text[at - 2:at + 1])), evidence


# --- 5. a plainly negated risk phrase ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Spotless kitchen, not a cockroach in sight.",
    "Very clean place, no rats anywhere.",
    "Finally a place without any hair in the food, unlike the last one.",
])
def test_a_plainly_negated_risk_is_no_risk(text):
    assert risk_reasons(text) == []


@pytest.mark.parametrize(("text", "reason"), [
    ("Found a cockroach in my dal.", "pests"),
    ("Not a single cockroach? I saw three near the sink.", "pests"),
    ("There was a moth (not a cockroach, but still an insect) on the plate.", "pests"),
    ("Late delivery and no refund.", "asks for money back"),
])
def test_a_risk_still_fires_when_not_plainly_negated(text, reason):
    assert reason in [r for _, r in risk_reasons(text)]


def test_a_negated_risk_does_not_raise_urgency():
    result = analyzed("Spotless kitchen, not a cockroach in sight. Lovely dosa.")
    assert "pests" not in result["urgency_reasons"]
