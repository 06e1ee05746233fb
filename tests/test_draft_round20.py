"""Round 20 of blind reads: no order "mix-up" unless a wrong or missing item came; a low rating with nothing
specific to name quotes the reviewer's own plainest fault, never a clipped or conceded one; praise said in
fault-like words ("less oil than most places", "they take your feedback on what to improve") is praise, and a
fault said with a praise word ("a great miss", "very few cakes") is a fault."""

from __future__ import annotations

import pytest
from test_draft_round8 import BUSINESS, VOICE, drafted, review_rows

from nlp.analyze import analyze_rows
from nlp.draft import (
    ORDER_MIXUP_RE,
    clause_polarity,
    clipped_word,
    draft_many,
    fault_topics,
    low_subscores,
    short_quote,
)


def replies(text: str, rating: int, n: int = 4) -> list[str]:
    """Drafts whatever their self-checks say: a reply naming only "the service" is still checked as vague."""
    rows = review_rows("r20", n, text=text, rating=rating, author="Kavya Rao", source="zomato")
    return [d["reply"] for d in draft_many(zip(rows, analyze_rows(rows, "restaurant"), strict=True), BUSINESS, VOICE)]


def test_being_forgotten_by_the_waiters_is_no_order_mixup():
    text = ("Good food and nice drinks. Service is where they fail. The waiters forgot us and we had to wave at them "
            "three times before anyone took our order. Lovely view from the terrace.")
    for reply in drafted(text, 3, n=4):
        assert "mix-up" not in reply, reply


def test_forgetting_what_one_ordered_is_no_order_mixup():
    text = ("Nice interiors. Only one waiter for the whole floor and service is so slow I almost forgot what I "
            "ordered. The food is not worth the wait.")
    for reply in drafted(text, 2, n=4):
        assert "mix-up" not in reply, reply


def test_getting_exactly_what_was_ordered_is_no_mixup():
    assert not ORDER_MIXUP_RE.search("The rotis were fine, because I ordered rotis, and I got exactly that.")
    assert ORDER_MIXUP_RE.search("I ordered rotis, but got naan.")
    text = ("Paneer tikka was raw inside and the dal was just water. The only good thing was the rotis, because I "
            "ordered rotis, and I got exactly that.")
    for reply in drafted(text, 1, n=4):
        assert "mix-up" not in reply, reply


@pytest.mark.parametrize("clause", [
    "the chicken had a little less oil than most places",
    "the only thing that met expectations was the fries",
    "with every course they take your feedback on any changes they can make to improve",
    "a crazy crowd mad over the cocktails",
    "the rice was a little bland, which was complemented perfectly by the kebabs",
])
def test_praise_in_fault_words_is_praise(clause):
    assert clause_polarity(clause) > 0


@pytest.mark.parametrize("clause", ["the seating is a great miss", "very few desserts and shakes"])
def test_a_fault_said_with_a_praise_word_is_a_fault(clause):
    assert clause_polarity(clause) < 0


def test_a_hope_is_no_verdict_but_what_came_instead_is():
    assert clause_polarity("thinking that at least it will be good in taste") == 0
    assert clause_polarity("we hoped it would be good but it was awful") < 0


def test_staff_asking_for_feedback_is_never_a_fault_to_own():
    text = ("Snacks are tasty. The staff give a personal touch. After every course they take your feedback on what "
            "you liked and any changes they can make to improve. Must visit!!")
    rows = review_rows("r20", 1, text=text, rating=5, author="Kavya Rao", source="zomato")
    assert fault_topics(rows[0], analyze_rows(rows, "restaurant")[0]) == []


def test_a_crowd_mad_over_the_drinks_is_no_complaint():
    text = "Crazy place with people mad over the cocktails. The rooftop is lovely and the music is great."
    for reply in drafted(text, 5, n=4):
        assert "ours to act" not in reply and "what didn't" not in reply, reply


def test_a_faulted_thing_said_with_great_is_not_thanked():
    text = ("Not ready for dine in customers, they told us the order would take over forty minutes. Ambience is a "
            "great miss for sure. Super uncomfortable seats. Eggs were over salty. Tea: lovely tea.")
    for reply in drafted(text, 2, n=4):
        assert "ambience" in reply and "kind words about the ambience" not in reply, reply


def test_too_few_of_a_thing_is_not_praised():
    text = ("A dessert place should have lots of choice. But variety is quite less. Very few desserts and shakes. "
            "Nice ambience and open late.")
    for reply in drafted(text, 4, n=4):
        assert "praise for the shakes" not in reply and "kind words about the shakes" not in reply, reply


def test_a_low_subscore_names_the_part_that_failed():
    assert low_subscores("food 5/5, ambience 5/5, service 1/5") == ["the service"]
    assert low_subscores("Food - 4/5 Ambience: 4.5/5") == []
    text = ("Lovely place and the mutton biryani tastes awesome, food 5/5, ambience 5/5, service 1/5, you have to "
            "ask for water every time and the waiter is busy with his own work.")
    for reply in replies(text, 2):
        assert "service" in reply and "visit went wrong" not in reply, reply


def test_a_low_rating_with_nothing_named_quotes_the_plainest_fault():
    text = "Not for us....\nServing time is very late, u get a feeling you are forgotten....\n"
    assert any("serving time is very late" in r.lower() for r in drafted(text, 1, n=4))


def test_a_clipped_word_is_never_quoted():
    assert clipped_word("restau") and not clipped_word("paneer") and not clipped_word("dosa")
    assert short_quote("It also wasn't as clean as other restau.", ["wasn't as clean as other restau"], set(), set(),
                       -1) is None


def test_never_visiting_again_is_a_verdict_not_the_fault():
    assert short_quote("I would never visit this place", [], set(), set(), -1) is None


def test_a_conceded_fault_is_not_quoted_as_the_complaint():
    text = "Lovely food. Even though the music was too loud for us, the staff made sure we were comfortable."
    assert short_quote(text, [], set(), set(), -1) is None


def test_a_conditional_half_is_not_quoted():
    assert short_quote("Why are you charging so much if you can mess up eggs.", [], set(), set(), -1) is None
    assert short_quote("Serving time is very late, u get a feeling.", [], set(), set(), -1) == \
        "serving time is very late"
