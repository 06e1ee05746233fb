"""Names and incidents from a blind read of real drafts: titles, prefixes and decorations around a reviewer's
name, run-together handles, stray capitals; falling sick, coughing into a drink and broken glass as incidents
that a person answers."""

from __future__ import annotations

import re

import pytest
from test_draft_round8 import drafted, review_rows

from nlp.analyze import analyze_rows
from nlp.draft import draft_many, first_name, needs_human_reason


@pytest.mark.parametrize("author, expected", [
    ("|| Meera Iyer ||", "Meera"),  # decoration around the name
    ("Dr.Kavitha Nair", "Kavitha"),  # a title glued to the given name
    ("Dr. Anand Rao", "Anand"),
    ("Mr. Kapoor", None),  # a title and a family name: no given name to use
    ("Mrs Sharma", None),
    ("Shaik Rehana", "Rehana"),  # a prefix written before the given name
    ("Syed Farhan Ali", "Farhan"),
    ("Md Tanveer", "Tanveer"),
    ("MOHD IRFAN", "Irfan"),
    ("KiraN KumaR", "Kiran"),  # a stray capital at the end of each word
    ("Sunilkumarreddy", None),  # one run-together word: a handle or a full name typed as one
    ("Pavanteja", "Pavanteja"),  # a single given name of ordinary length is still used
    ("Nandakishore A", "Nandakishore"),  # a long given name with an initial stays
    ("Eric Moss", "Eric"),  # "Er" as a title must not eat a name starting with it
    ("R S PRAVEEN", "Praveen"),  # two initials before one name: the South Indian order, a given name
    ("J Smith", None),  # one initial before one name: a family name, unsure
    ("Get Hooked", None),  # a handle opening with a common word
    ("Hi Bye", None),
])
def test_first_name_reads_titles_prefixes_and_decorations(author, expected):
    assert first_name(author) == expected


def test_prefixed_name_greets_the_given_name_in_the_draft():
    text = "The mutton mandi was generous and the staff were quick to refill our drinks. Lovely evening."
    for reply in drafted(text, 5, author="Syed Farhan Ali", n=3):
        assert "Farhan" in reply and "Syed" not in reply, reply


def reason_for(text: str) -> str:
    """Why a one-star review with this text goes to a person ("" when it is drafted)."""
    row = {"id": "x", "text": text, "rating": 1, "author": "Kavya Rao", "source": "zomato"}
    return needs_human_reason(row, analyze_rows([row])[0]) or ""


@pytest.mark.parametrize("text", [
    "We ordered the prawn curry and both of us fell sick that night. Never again.",
    "The fish smelled off and it made me sick the next morning.",
    "I watched the bartender cough into my glass before serving it. Disgusting.",
    "The server broke a glass at the counter and swept the shards under the ice cream tub.",
    "Ordered the chicken wings. They are not grilled at all. Its all raw",  # the verdict a sentence later
    "There was a beetle at glass of my mojito and nobody replaced it.",  # a creature in a drink, broken English
    "The kebab roll came with uncooked meat in the middle.",
    "Second visit and the meat was still raw inside, had to send it back.",
])
def test_falling_sick_coughing_into_a_drink_and_broken_glass_go_to_a_person(text):
    assert reason_for(text).startswith("health or safety incident")
    rows = review_rows("ns", 2, text=text, rating=1, author="Kavya Rao", source="zomato")
    drafts = draft_many(zip(rows, analyze_rows(rows), strict=True), {"name": "Spice Route", "industry": "restaurant"},
                        {"signature": "Asha", "contact": "asha@spice.example", "tone": "warm"})
    assert all(d.get("needs_human") and "reply" not in d for d in drafts), drafts


@pytest.mark.parametrize("text", [
    "I got sick of waiting for the bill, forty minutes for a card machine.",
    "Honestly I am sick and tired of the same menu every month.",
    "We were ill-treated at the door by the bouncer and the food was cold.",
    "The chicken starter was fine but the salad came with raw onions.",  # raw vegetables are no hazard
    "You can smell the raw meat from the butcher next door, but the curries are lovely.",
    "The raw meat counter was fun to watch while our grill was prepared.",
])
def test_sick_of_and_ill_treated_are_complaints_not_incidents(text):
    assert not reason_for(text).startswith("health or safety")


def test_a_verb_is_never_named_as_the_thing():
    from nlp.draft import used_as_verb

    assert used_as_verb("works", "Works perfectly, setup took a minute.")
    assert used_as_verb("buy", "I would buy it again")
    assert not used_as_verb("works", "The works of art on the walls were lovely.")
    rows = review_rows("vb", 3, text="Works perfectly", rating=5, author=None, source="amazon")
    drafts = draft_many(zip(rows, analyze_rows(rows), strict=True), {"name": "Brightline", "industry": "online shop"},
                        {"signature": "Asha", "contact": "asha@bright.example", "tone": "warm"})
    for d in drafts:
        assert "the works" not in d["reply"].lower(), d["reply"]


def test_capitals_and_emoticons_are_not_quoted_back_as_typed():
    shop = {"name": "Brightline", "industry": "online shop"}
    voice = {"signature": "Asha", "contact": "asha@bright.example", "tone": "warm"}
    for text in ("NOT CONNECTED TO MY PHONE PLAYLIST", "Not connected to my phone playlist :("):
        rows = review_rows("cap", 3, text=text, rating=1, author=None, source="amazon")
        for d in draft_many(zip(rows, analyze_rows(rows), strict=True), shop, voice):
            assert "not connected to my phone playlist" in d["reply"].lower(), d["reply"]  # their words, heard
            assert not re.search(r"[A-Z]{4,}", d["reply"].replace("Asha", "")), d["reply"]
            assert ":(" not in d["reply"], d["reply"]


def test_a_device_fault_the_analyzer_knows_is_a_fault_the_drafter_answers():
    from nlp.draft import clause_polarity, judgement

    for clause in ("It keeps disconnecting from the wifi", "The batteries don't last", "Too quiet for the kitchen"):
        assert clause_polarity(clause) == -1 and judgement(clause) == -1, clause


def test_a_decimal_duration_is_not_misread_as_a_longer_wait():
    from nlp.draft import HOURS_RE, MINUTES_RE

    assert HOURS_RE.search("We spent 2.5 hours waiting for starters") is None  # never "the 5-hour wait"
    assert MINUTES_RE.search("the bill took 1.5 mins") is None
    assert HOURS_RE.search("waited 2 hours").group(1) == "2"
    for reply in drafted("We spent 2.5 hours just for starters and mains. Pathetic service.", 1):
        assert "5-hour" not in reply, reply


def test_the_worst_complaint_is_heard_in_their_words_when_the_named_things_miss_it():
    text = ("The kebabs were dry. They added a service charge we never agreed to and the cashier laughed at us when "
            "we asked about it. Disgusting behaviour.")
    for reply in drafted(text, 1):
        assert "disgusting behaviour" in reply.lower(), reply


def test_a_reviewers_own_apology_is_never_quoted_as_the_complaint():
    text = "The kebabs were dry. Sorry for the harsh review but the staff behaviour was really bad."
    for reply in drafted(text, 1):
        assert "sorry for the harsh" not in reply.lower(), reply


def test_friends_teased_by_other_guests_go_to_a_person():
    text = "We went with a few girls and the men at the next table kept teasing our friends. The manager did nothing."
    assert reason_for(text).startswith("harassment claim")


@pytest.mark.parametrize("text, reason", [
    ("Men on the dance floor kept misbehaving with girls, trying to feel them, and no bouncer stopped it.",
     "harassment claim"),
    ("Nobody smokes outside here. After an hour the suffocation started and my eyes were burning.",
     "health or safety incident"),
    ("Their support line charged me $79 and they had control of my computer for an hour.",
     "possible fraud or security incident"),
    ("We asked for tap water and they brought dirty, smelly water so we would buy bottles.",
     "health or safety incident"),
    ("The prawns were stale, clearly leftover stuff that was reheated and resold to us.", "health or safety incident"),
    ("Loved the first box, but the second time there was a stone in the donut.", "health or safety incident"),
])
def test_quiet_wording_of_incidents_still_goes_to_a_person(text, reason):
    assert reason_for(text).startswith(reason)


@pytest.mark.parametrize("text", [
    "Huge smoking zone, so one doesn't feel suffocated in here. Great music.",
    "The desserts were so good I could not breathe from laughing with friends.",
])
def test_incident_words_said_in_passing_are_drafted(text):
    assert reason_for(text) == ""


def test_meat_served_to_people_who_said_they_never_eat_it_goes_to_a_person():
    text = ("The waiter took the bowl back to add masala and served it with chicken pieces in it. Two of us dont eat "
            "chicken or meat and it was served on our plates.")
    assert reason_for(text).startswith("dietary or religious harm")
    row = {"id": "y", "text": "We don't eat fish, so we had the paneer, which was lovely.", "rating": 5}
    assert needs_human_reason(row, analyze_rows([row])[0]) is None
