"""Staff praised by name are found by the analyzer (not by a second finder in the drafter), in the loose wording of
real reviews: lower-case and capitalised names, family names typed in lower case, pairs before a plural verb, and
the delivery rider without a name. Dishes, places, stressed words in capitals and friends stay out."""

from __future__ import annotations

import pytest
import spacy
from test_draft_round8 import drafted

from nlp.analyze import analyze_rows
from nlp.staff import find_staff

_tokenizer = spacy.blank("en").tokenizer


def staff(text: str) -> list[tuple[str, str | None]]:
    words = [t.text for t in _tokenizer(text)]
    return [(name, role) for _, name, role in find_staff(words, [""] * len(words))]


@pytest.mark.parametrize(("text", "expected"), [
    # what the drafter's own finder used to catch, now the analyzer's
    ("Lovely rooftop and the kebabs were juicy. Service by tarun was excellent.", [("Tarun", None)]),
    ("Good food, quick service (especially mehboob). Will come back.", [("Mehboob", None)]),
    ("Our waiter ranjith was so attentive all evening.", [("Ranjith", "waiter")]),
    ("A lady called joy made our evening, ask for her.", [("Joy", None)]),
    ("Deepika kulkarni served us very well. Great ambience.", [("Deepika Kulkarni", None)]),
    ("Harshita is a very polite person, the biryani was good too.", [("Harshita", None)]),
    ("Live music on Fridays. Meghana Rao has a lovely voice, we stayed till closing.", [("Meghana Rao", None)]),
    ("Cosy place and we always ask for our favourite waiter imtiaz.", [("Imtiaz", "waiter")]),
    ("Loved Farhan for his patience with our kids.", [("Farhan", None)]),
    ("Lovely brunch and the service by sunny was quick.", [("Sunny", None)]),
    # a name singled out in capitals, a key held down once too often
    ('Good buffet. "SURESH" who served us was very courteous. Please give him a star.', [("Suresh", None)]),
    ("Thank you Imran and Farhaaan for the help.", [("Farhaan", None), ("Imran", None)]),
    # two people before a plural verb and a role, or before "took good care"
    ("Tanvi and Rehan were lovely hosts all night.", [("Rehan", None), ("Tanvi", None)]),
    ("Nice rooftop. Vikas and Salim took great care of our table.", [("Salim", None), ("Vikas", None)]),
    ("Rohan was a great guy, always smiling.", [("Rohan", None)]),
    ("Monika was well mannered and quick.", [("Monika", None)]),
    ("Tarak service was very good and the soup came hot.", [("Tarak", None)]),
    ("Excellent service by manoj verma and teja.", [("Manoj Verma", None), ("Teja", None)]),
    ("Great food, service was provided by Abhay Rao & Kunal.", [("Abhay Rao", None), ("Kunal", None)]),
    ("Quick service by prakash we will come again.", [("Prakash", None)]),
    ("Tasty momos. Thank you so much nikhil thanks for the help", [("Nikhil", None)]),
    ("I want to appreciate Deepa for the dessert suggestions.", [("Deepa", None)]),
    ("@kartik was so polite and quick with refills.", [("Kartik", None)]),
    ("Good rolls and service by dinesh .all dips were fresh", [("Dinesh", None)]),
    ("Service by ajit bro was quick.", [("Ajit", None)]),
    ("Nafisa is soo humble with every table.", [("Nafisa", None)]),
    # the delivery rider, unnamed
    ("Hot food and the delivery boy was very polite.", [("", "delivery")]),
    ("The rider was on time and courteous.", [("", "delivery")]),
])
def test_names_and_roles_found(text, expected):
    assert sorted(staff(text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "The waiter NEVER came back and the bill was WRONG.",  # words stressed in capitals
    "Was the cook different this time?",
    "Asked for a manager but there was no manager available.",
    "We came here with a group of my cycling riders.",
    "The staff was Friendly and took good care of us.",
    "Lots of delivery boys wait outside.",
    "Service by far the best in town.",
    "We tried a dish called joy.",
    "@rahul is my best friend and a foodie.",
    "Great food. Paradise. thanks for your service.",
    "Althoughthe service was slow, the food was great.",
])
def test_words_and_places_are_no_staff(text):
    assert [n for n, _ in staff(text) if n] == []


def test_the_analysis_labels_a_lower_case_name_by_its_clause():
    rows = [{"id": "s1", "text": "Great food. Service by tarun was slow and rude.", "rating": 2},
            {"id": "s2", "text": "Great food and quick service by tarun, very friendly.", "rating": 5}]
    faulted, praised = analyze_rows(rows, "restaurant")
    assert [(s["name"], s["label"]) for s in faulted["staff"]] == [("Tarun", "negative")]
    assert [(s["name"], s["label"]) for s in praised["staff"]] == [("Tarun", "positive")]


def test_every_person_praised_is_thanked_by_name():
    text = "Anita and Farooq were super hosts, always smiling. Thanks Meera for the window table we asked for."
    for reply in drafted(text, 5):
        assert all(name in reply for name in ("Anita", "Farooq", "Meera")), reply


def test_a_name_in_capitals_is_thanked_in_plain_case():
    for reply in drafted('Lovely thali and quick refills. "GOPI" who served us was very courteous.', 5):
        assert "Gopi" in reply and "GOPI" not in reply, reply


def test_a_lower_case_name_after_service_by_is_thanked():
    for reply in drafted("Lovely rooftop and juicy kebabs. Great service by sunny, very friendly.", 5):
        assert "Sunny" in reply, reply


def test_a_name_in_a_faulting_clause_is_not_thanked():
    for reply in drafted("Food was great but service by tarun was slow and rude.", 3):
        assert "Tarun" not in reply, reply
