"""Round 13 of blind reads: family names, titles and businesses are never greeted, real given names written with
strewn accents or as one CamelCase word are; mixed reviews thank the reviewer for what they liked; staff praised by
name are thanked by name."""

from __future__ import annotations

import pytest
from test_draft_round8 import drafted

from nlp.draft import first_name, split_sentences


@pytest.mark.parametrize(("author", "expected"), [
    ("Chatterjee", None),  # a family name alone is no given name
    ("Singh Harpreet", "Harpreet"),  # a family name written first: the given name comes after it
    ("Reddy Vemulapalli", None),  # two family names: unsure
    ("The Hungry Stomach", None),  # "The" before words is a title
    ("The Nomadic Spoon", None),
    ("The Ravindra Kolluri", "Ravindra"),  # "The" before a real name still finds the name
    ("Quantasoft Labs", None),  # a business
    ("Zenvisiontech Solutions", None),
    ("Lakshmi Tech", None),
    ("Gollapudikula Srinivas", "Srinivas"),  # a long Telugu family name ending in -kula comes first
    ("Ponnarla Keerthana", "Keerthana"),
    ("Karla Menon", "Karla"),  # a short given name with the same ending stays
    ("Kutty Meenakshi", "Meenakshi"),  # a pet-name before the given name
    ("Mäñïshä Rëddÿ", "Manisha"),  # accents strewn as decoration
    ("José Rivera", "José"),  # a real accent stays
    ("Ñ Vel Kumaran", None),  # the accent was not on the name that would be greeted: unsure as before
    ("SuryaNarayana Pothula", "SuryaNarayana"),  # a two-part given name written as one word
    ("KaviTha Rao", "Kavitha"),  # a stray capital inside a given name
    ("HungryTummy Rao", None),  # CamelCase words are no name
    ("Bhaiya Rao", None),
])
def test_greeting_names_round13(author, expected):
    assert first_name(author) == expected


def test_staff_praised_in_lower_case_is_thanked_by_name():
    for reply in drafted("Lovely rooftop and juicy kebabs. Tasty food and quick service (specially mehboob).", 5):
        assert "Mehboob" in reply, reply


PRAISE_LINE = ("kind words about", "came through for you", "hit the mark", "worked for you", "what you said about",
               "your words about")


def test_a_complaint_that_praised_something_thanks_that_too():
    text = ("The biryani was cold and bland, and we waited forty minutes for it. The rooftop ambience was lovely "
            "though.")
    for reply in drafted(text, 2):
        praise = [s for s in split_sentences(reply) if any(p in s for p in PRAISE_LINE)]
        assert praise and "ambience" in praise[0] and "biryani" not in praise[0], reply
    for reply in drafted(text, 1):  # one star: the reply keeps to the fault
        assert not any(p in reply for p in PRAISE_LINE), reply


def test_praise_of_a_thing_it_also_faulted_is_not_thanked():
    for reply in drafted("Service was slow and the waiter was rude. The fish tasted good, though it was over "
                         "cooked.", 2):
        assert "fish" not in reply or not any(p in reply for p in PRAISE_LINE), reply


@pytest.mark.parametrize(("phrase", "text", "expected"), [
    ("the ambience", "Ambience is good but the food was cold.", True),
    ("the packing", "Neat packing. The paneer was stale.", True),
    ("the fish", "The fish tasted good, though it was over cooked.", False),  # faulted after "though it"
    ("the donut", "I used to love the donut. Now it is tiny.", False),  # praise of how it was
    ("the ingredients", "They don't use good ingredients.", False),  # a "not" before the praise
    ("the prawns", "Prawns were good (2/5) and the rice was cold.", False),  # a low score beside it
    ("the halwa", "Sweets like halwa were all served cold.", False),  # named, not praised
])
def test_plainly_praised(phrase, text, expected):
    from nlp.draft import plainly_praised
    assert plainly_praised(phrase, text) is expected


def test_praise_the_plan_could_not_name_is_found_among_common_things():
    from nlp.draft import praise_amid_fault
    text = "The pasta came drowned in pepper although we asked for it mild. Otherwise the food is good, decor too."
    assert praise_amid_fault("mixed", [], ["the pasta"], 3, text) == ["the food"]
    assert praise_amid_fault("mixed", [], ["the pasta"], 1, text) == []  # one star keeps to the fault
    assert praise_amid_fault("mixed", [], ["the food"], 3, text) == []  # never the thing it faulted
    assert praise_amid_fault("positive", [], ["the pasta"], 3, text) == []
