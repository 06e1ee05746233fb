"""Round 13 of blind reads: family names, titles and businesses are never greeted, real given names written with
strewn accents or as one CamelCase word are; mixed reviews thank the reviewer for what they liked; staff praised by
name are thanked by name."""

from __future__ import annotations

import pytest

from nlp.draft import first_name


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
