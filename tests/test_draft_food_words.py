"""A real word a restaurant review uses for another ("drought beer", "descent ambience") is never echoed back."""

from nlp.analyze import analyze_rows
from nlp.draft import draft_many

BUSINESS = {"name": "Spice Route Kitchen", "industry": "restaurant"}
VOICE = {"signature": "Asha, General Manager", "contact": "asha@spiceroute.example"}


def _draft(text: str, rating: int) -> dict:
    row = {"id": "r1", "author": "Kavya Rao", "rating": rating, "text": text}
    (draft,) = draft_many(zip([row], analyze_rows([row]), strict=True), BUSINESS, VOICE)
    return draft


def test_real_words_misused_for_food_words_are_not_echoed():
    draft = _draft("Nice music but there was no drought beer, and the manager was rude to us.", rating=2)
    assert "drought" not in draft["reply"].lower()
    draft = _draft("Descent ambience and the paneer tikka was lovely. Will come again.", rating=5)
    assert "descent" not in draft["reply"].lower()
