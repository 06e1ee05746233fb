"""Greeting by name and the weight of the apology, from a strict blind read of real drafts.

Names: a handle written first.last gives its given name only when the other part is no rival name; a given name
run into a family name, a chat word run into a name and a family name alone are no greeting; a name set apart from
a handle by bars is found. Tone: a nit in a happy review is heard as a fair point, not apologised for at length,
and a four-star or one-word review is thanked without gushing."""

from __future__ import annotations

import pytest
from test_draft_round8 import drafted

from nlp.analyze import analyze_rows
from nlp.draft import complaint_weight, first_name


@pytest.mark.parametrize("author, expected", [
    ("Nikhita.menon", "Nikhita"),  # first.last with a family name after the dot
    ("Rohan92.sharma", "Rohan"),  # digits before the dot change nothing
    ("Tarini.sunshine", "Tarini"),  # a word after the dot is no rival name
    ("Varun.k", "Varun"),  # an initial after the dot
    ("Juhi.tandon", None),  # two name-like parts: which is the given name is a guess
    ("Ankit1994", None),  # a name and digits alone is as often a run-together nickname
    ("Foodie Tales || Ananya", "Ananya"),  # a handle and a name set apart by bars
    ("Ishaan Verma | Eating Across Town", "Ishaan"),  # a name and a tagline
    ("Kavyareddy", None),  # a given name run into a family name
    ("Arjunsingh Rawat", None),
    ("Dhillon", None),  # a family name alone
    ("Itsmeghana", None),  # a chat word run into a name
    ("Om Tiwari", "Om"),  # a two-letter given name before a family name
    ("SriHarsha Kolluri", "SriHarsha"),  # a given name of two capitalised parts, an honorific first
    ("RamKiran Pothula", "RamKiran"),  # its first part is also an English word
    ("MirzaSameer Baig", "Sameer"),  # a prefix run into the given name
    ("AmitSingh", "Amit"),  # one word: a given name, then a family name
    ("Subbarao Nidadavolu", "Subbarao"),  # "-rao" ends given names too
])
def test_first_name_of_handles_and_fused_names(author, expected):
    assert first_name(author) == expected


def test_the_greeting_uses_the_name_inside_a_handle():
    for reply in drafted("Loved the paneer tikka and the mint chaas, quick service too.", 5, author="Nikhita.menon",
                         n=2):
        assert "Nikhita" in reply and "menon" not in reply.lower(), reply


def weight(text: str, rating: int) -> float:
    row = {"id": "w", "text": text, "rating": rating, "author": "Kavya Rao", "source": "zomato"}
    return complaint_weight(row, analyze_rows([row])[0])


def test_complaint_weight_grows_with_how_much_and_how_hard_the_review_complains():
    nit = weight("Lovely biryani and the kebabs were juicy. Friendly staff. Parking is a bit tight.", 4)
    half = weight("The biryani was good but the kebabs were cold and the service was slow.", 3)
    all_of_it = weight("Terrible food, rude staff and we waited an hour. Never again.", 1)
    assert nit < half < all_of_it
    assert nit < 0.3 and all_of_it > 0.6


HEAVY = ("shouldn't have had to", "stings", "rightly so", "on us", "responsibility is ours", "won't pretend",
         "not going to argue", "no excuse", "right to be angry", "expected better")


def test_a_nit_in_a_happy_review_is_not_met_with_a_heavy_apology():
    text = ("Lovely dinner. The mutton biryani was rich and the phirni was perfect. Staff were warm. "
            "Only thing, the music was a bit loud.")
    for reply in drafted(text, 4):
        assert not any(h in reply.lower() for h in HEAVY), reply


def test_a_small_complaint_on_a_warm_three_star_review_is_owned_once_lightly():
    text = ("Good food. Do try the chilli garlic noodles and the honey chilli potato. The momos were very good too. "
            "The only problem is the service, it's a bit slow.")
    for reply in drafted(text, 3):
        low = reply.lower()
        assert "service" in low, reply
        assert not any(h in low for h in ("stings", "rightly so", "won't pretend", "not going to argue",
                                          "what went wrong", "full story")), reply


def test_a_four_star_review_is_thanked_without_gushing():
    text = "Awesome place! Loved the momos and the coffee was amazing, the staff were polite and the seating is comfy."
    for reply in drafted(text, 4, n=12):
        low = reply.lower()
        assert not any(g in low for g in ("made your day", "talking about for a while", "real lift",
                                          "exactly why we do this", "best kind of news")), reply


def test_a_strong_complaint_still_gets_a_full_apology():
    text = "The biryani was cold and bland, the waiter was rude and we waited an hour for the bill. Horrible."
    for reply in drafted(text, 1, n=3):
        low = reply.lower()
        assert any(w in low for w in ("sorry", "on us", "responsibility", "no excuse", "should have")), reply


def test_three_stars_are_never_met_with_the_heaviest_contrition():
    text = "Bad service, very slow and the music was loud. The place is nice though and the paneer was fine."
    for reply in drafted(text, 3, n=10):
        low = reply.lower()
        assert not any(h in low for h in ("no excuse", "won't pretend", "not going to", "plain and simple", "stings",
                                          "full responsibility", "won't defend")), reply


def test_a_telugu_family_name_alone_is_no_greeting():
    from nlp.draft import first_name
    assert first_name("Kondapalli") is None
    assert first_name("Kondapalli Suresh") == "Suresh"


def test_an_adjective_opening_a_handle_is_no_name():
    from nlp.draft import first_name
    assert first_name("Special Chaiwali") is None
    assert first_name("Cool Foodie Kavya") is None
