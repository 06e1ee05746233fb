"""A hard object found in the food is a safety incident: a person answers it, not a drafted reply."""

from nlp.analyze import analyze_rows
from nlp.draft import draft_many

BUSINESS = {"name": "Spice Route Kitchen", "industry": "restaurant"}
VOICE = {"signature": "Asha, General Manager", "contact": "asha@spiceroute.example"}


def _draft(text: str, rating: int = 1) -> dict:
    row = {"id": "r1", "author": "Kavya Rao", "rating": rating, "text": text}
    (draft,) = draft_many(zip([row], analyze_rows([row]), strict=True), BUSINESS, VOICE)
    return draft


def test_a_matchstick_or_metal_in_the_food_goes_to_a_person():
    for text in ("Ordered the chicken shawarma and found a matchstick in the shawarma. Disgusting.",
                 "There was a piece of plastic inside my biryani, could have choked on it.",
                 "Metal wire in the noodles. Never again."):
        draft = _draft(text)
        assert "reply" not in draft and draft["reason"].startswith("health or safety incident"), text


def test_matches_and_plastic_outside_the_food_are_no_incident():
    draft = _draft("Lovely candles lit with a match on every table and the biryani was superb. Plastic cutlery though.",
                   rating=4)
    assert "reply" in draft


def test_a_creature_found_in_the_food_goes_to_a_person_and_is_the_one_quoted():
    for text in ("Worst dessert ever. I found a bug in the blueberry tart and there were flies everywhere.",
                 "Found two tiny worms in the dal. Unbelievable."):
        draft = _draft(text)
        assert "reply" not in draft and draft["reason"].startswith("health or safety incident"), text
    draft = _draft("I found a winged insect (not a cockroach, something smaller) cooked into the pulao.")
    assert "reply" not in draft and "cockroach" not in draft["reason"] and "insect" in draft["reason"]


def test_a_pest_the_reviewer_rules_out_is_no_incident():
    draft = _draft("Spotless place, no cockroach or fly anywhere, and the kebabs were juicy.", rating=5)
    assert "reply" in draft


def test_meat_the_reviewer_says_was_not_raw_is_no_incident():
    draft = _draft("The chicken is not raw but it was dry and the portion was tiny for the price.", rating=2)
    assert "reply" in draft
    draft = _draft("The chicken was still raw inside, we sent it back.", rating=1)
    assert "reply" not in draft and draft["reason"].startswith("health or safety incident")
