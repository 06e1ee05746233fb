"""A real word a restaurant review uses for another ("drought beer", "descent ambience") is never echoed back."""

from test_draft_round8 import drafted


def test_real_words_misused_for_food_words_are_not_echoed():
    for reply in drafted("Nice music but there was no drought beer, and the manager was rude to us.", 2):
        assert "drought" not in reply.lower()
    for reply in drafted("Descent ambience and the paneer tikka was lovely. Will come again.", 5):
        assert "descent" not in reply.lower()
