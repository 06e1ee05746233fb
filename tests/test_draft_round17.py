"""Round 17 of blind reads: staff praised through their service ("Ravi service was great") or only by their job
("the delivery boy was polite") are thanked; the complaint a reviewer stresses most leads; and the tone of a mild
review stays mild."""

from __future__ import annotations

import re

from test_draft_round8 import drafted

from nlp.draft import _said_as_person


def test_a_name_before_service_is_a_person():
    assert _said_as_person("Ravi", "Ravi service was excellent and quick")
    assert not _said_as_person("Navaratri", "Loved the special Navaratri thali")


def test_a_person_praised_through_their_service_is_thanked_by_name():
    for reply in drafted("Paneer tikka was lovely. Ravi service was excellent, thanks to him.", 5):
        assert "Ravi" in reply, reply


def test_a_delivery_rider_praised_without_a_name_is_thanked_by_role():
    for reply in drafted("Biryani came hot and well packed. The delivery boy was very polite.", 5):
        assert "delivery rider" in reply, reply
        assert not re.search(r"\b(?:I'll|I will)\b[^.]*\bthe team\b", reply), reply


def test_a_waiter_praised_without_a_name_is_thanked_by_role():
    for reply in drafted("Food was tasty and fresh. The waiter was very kind and helpful.", 4):
        assert "the waiter who looked after you" in reply, reply


def test_a_rude_rider_is_never_thanked():
    for reply in drafted("The delivery guy was rude and the food was cold.", 1):
        assert "delivery rider" not in reply, reply
