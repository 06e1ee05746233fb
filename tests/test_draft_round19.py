"""Round 19 of blind reads: the incident itself is named (pests in the room, a complaint turned away, a wrong dish,
a long wait, the thing the reviewer called their big letdown); nothing is praised that was not tried, was asked
for and never came, or was denied its own name; praise said through a negation is praise; broken phrases are not
quoted back; and no fault is invented from plenty, a shrug or a taste."""

from __future__ import annotations

import re

import pytest
from test_draft_round8 import drafted

from nlp.draft import (
    REGULAR_RE,
    absent_performer,
    broken_grammar,
    called_letdown,
    category_faults,
    clause_polarity,
    handled_by,
    judgement,
    load_phrases,
    names_rightly,
    not_praisable,
    short_quote,
    specific_fault,
)


def test_a_must_try_said_through_a_negation_is_praise():
    assert judgement("you should not miss this") > 0
    assert judgement("you cannot afford to miss the kulfi") > 0
    assert judgement("we missed him") < 0
    text = ("Lovely cafe. The mango cheesecake was the best thing we had and you should not miss it! Service was a "
            "bit slow though.")
    for reply in drafted(text, 5, n=3):
        assert "should not miss" not in reply.lower(), reply


def test_an_order_the_shop_confirmed_is_no_diet_question():
    text = ("Ordered an eggless cake for Sunday and they confirmed the order. When I went to collect it they said "
            "there was no order in my name. Very poor.")
    for reply in drafted(text, 1, n=3):
        assert "eggless" not in reply.lower() and "confirm it for you" not in reply, reply


@pytest.mark.parametrize("quote", ["Food is disappointed", "such a worst meal I never had", "the curry was okay okay",
                                   "Verry bad biryani", "Worst service food", "not worth for money", "waiter argue",
                                   "it taste bad"])
def test_broken_phrases_are_not_quoted_back(quote):
    assert broken_grammar(quote)


@pytest.mark.parametrize("quote", ["the food service was slow", "a best seller here", "very bad biryani",
                                   "the food was disappointing", "it cost too much", "he came late"])
def test_plain_phrases_still_quote(quote):
    assert not broken_grammar(quote)


def test_pests_in_the_room_are_named():
    assert specific_fault("We were bombarded with mosquitoes the whole dinner.", [], set()) == ["the mosquitoes"]
    assert specific_fault("Nice decor but house flies will accompany you and your food.", [], set()) == ["the flies"]
    assert handled_by("Told the waitress and she said they cannot do anything about it.") == "waitress"
    text = ("The food is fine but the place is awful. We sat indoors and were surrounded by mosquitoes all evening. "
            "We called the manager and he told us they can't do anything about it.")
    for reply in drafted(text, 1, n=3):
        assert "mosquitoes" in reply and "how the manager handled your complaint" in reply, reply


def test_a_dish_sent_in_place_of_another_is_named_as_the_mix_up():
    text = "Terrible. Having ordered dal makhani and getting mix veg rotis instead is not what I paid for."
    for reply in drafted(text, 1, n=3):
        assert "the mix veg rotis sent in place of the dal makhani" in reply, reply
    for reply in drafted("The food was different from what I ordered, second time now.", 1, n=3):
        assert "mix-up" in reply, reply


def test_a_dish_name_with_a_number_is_not_cut_short():
    text = "Found a hair in the chicken soup. Also ordered chicken 65 biryani but received veg biryani."
    for reply in drafted(text, 1, n=3):
        assert "in place of the chicken" not in reply and "hair" in reply, reply


def test_what_a_dish_came_without_is_what_was_missing():
    assert specific_fault("We ordered nachos which was not served with salsa. Bad.", [], set()) == ["the missing salsa"]


def test_the_reviewers_hopes_are_never_the_thing_that_fell_short():
    text = "Came for lunch expecting good food but all our efforts were wasted. The waiter forgot our order twice."
    for reply in drafted(text, 2, n=3):
        assert not re.search(r"(?:with|about) the efforts|the efforts (?:took|fell|let)", reply), reply


def test_a_clause_that_faults_the_wait_names_the_wait():
    text = ("Nice place but we had to wait so long for the food to come they gave the customers a very good "
            "response, we had the kababs and they were tasty")
    for reply in drafted(text, 3, n=3):
        assert "the long wait" in reply and "the response" not in reply, reply


def test_nothing_is_praised_that_was_not_tried_asked_for_or_denied_its_name():
    assert not_praisable("the biryani", "DJ was average. Biryani was good I heard but did not try it myself.")
    assert not_praisable("the latte", "I had asked for a strong latte and what was served was a weak filter coffee.")
    assert not_praisable("the grilled fish", "I ordered the grilled fish, it was not grilled but fried.")
    assert not not_praisable("the biryani", "The biryani was the best, I have not tasted anything better.")
    assert not not_praisable("the butter chicken", "The butter chicken was great, not much butter though.")
    text = ("Been twice. Starters were fine, DJ was average, biryani was good I heard but did not try it. Pizza was a "
            "big let down in taste. Service was decent.")
    for reply in drafted(text, 4, n=3):
        assert "biryani" not in reply and "pizza" in reply, reply


def test_the_thing_called_the_letdown_leads():
    assert clause_polarity("the pizza was a letdown") < 0
    assert clause_polarity("they never let us down") > 0
    assert called_letdown("Pizza was a big let down both in taste and looks", set()) == "the pizza"
    assert called_letdown("Most disappointing was the service which was slow.", set()) == "the service"
    assert called_letdown("The place was a big hit", set()) == ""


def test_a_regular_is_not_told_of_a_stay_and_serving_rounds_are_not_visits():
    bank = load_phrases("restaurant")["slots"]["regular_letdown"]
    assert not any("stayed with us" in p or "let you down all the more" in p for p in bank)
    assert not REGULAR_RE.search("nobody ever came to the table second time")
    assert REGULAR_RE.search("this was my second time here")


def test_ordinary_is_no_praise():
    text = "Avg biryani. Can be a lot better. Ordered tandoori chicken as well and that is ordinary as well."
    assert not names_rightly("the chicken", 1, text)
    assert clause_polarity("the mutton curry was extra ordinary") > 0  # "extraordinary", typed apart
    assert clause_polarity("fine but nothing extra-ordinary") == 0
    for reply in drafted(text, 3, n=3):
        assert not re.search(r"chicken (?:hit the mark|made|went down)|kind words about the chicken", reply), reply
        assert "the biryani" in reply, reply  # "Avg biryani": the verdict before the thing


def test_a_taste_for_loud_music_is_no_fault():
    assert not [c for c in category_faults("A good place to hang around if you like loud music.") if c[0] == "music"]
    assert [c for c in category_faults("The loud music ruined the evening.") if c[0] == "music"]


def test_a_shrug_is_not_owned_and_a_mild_improvement_is():
    text = ("It is a counter in a food court so no ambience as such. Paneer combo is a must try, kulcha was good but "
            "chole can be made better.")
    for reply in drafted(text, 4, n=3):
        assert "ambience" not in reply, reply
    assert clause_polarity("chole can be made better") < 0


def test_plenty_is_not_a_portion_that_fell_short():
    for reply in drafted("biryani was nice but quantity for two people is too much and the fish was not tasty", 2,
                         n=3):
        assert "quantity" not in reply and "fish" in reply, reply


def test_smaller_pieces_this_time_are_named():
    for reply in drafted("smaller pieces this time", 3, n=3):
        assert "the smaller pieces" in reply, reply


def test_many_items_unavailable_are_plural():
    text = "Too expensive. Many of the menu items weren't available and service was poor."
    for reply in drafted(text, 2, n=3):
        assert "the item that turned out" not in reply, reply


def test_highly_salted_is_the_salt_level():
    assert specific_fault("Every dish was highly salted, bad.", [], set()) == ["the salt level"]


@pytest.mark.parametrize("text", ["Those who want a stomach ache may visit. Worst food.",
                                  "Don't go by the name, it's just local. Worst food.",
                                  "Loved the kebabs. Unfortunately no pics because we were too hungry."])
def test_sarcasm_advice_and_asides_are_not_quoted(text):
    quote = short_quote(text, [text], set(), set(), -1) or ""
    assert not re.search(r"those who|don't go|no pics", quote, re.I), quote


def test_not_worth_the_money_is_named_as_value():
    assert [c for c in category_faults("Food is okay. Not worth for money we pay.") if c[1] == "the value for money"]


def test_a_request_that_was_not_met_is_owned_not_praised():
    assert clause_polarity("Asked to pack the gravy separately but that was not done") < 0
    for reply in drafted("Requested to swap the raita for salad but that was not done.", 4, n=3):
        assert "kind thing" not in reply and "your request to swap the raita for salad" in reply, reply


def test_the_performer_they_came_for_missing_is_named():
    assert absent_performer("Came only for DJ Ravi... but he was not there, someone else played.") == \
        "the DJ not being there"
    assert absent_performer("The chef was great. The waiter was not there when we needed him.") == ""
    text = ("Lovely ambience and the food is great. But this Saturday I came only for the DJ and he was not there. "
            "Hope to see him next week.")
    for reply in drafted(text, 4, n=3):
        assert "the DJ not being there" in reply, reply


def test_a_bigger_portion_asked_for_is_an_idea_to_answer():
    text = "Great rolls and lovely lassi. They should increase the quantity of the paneer tikka though, overall superb."
    for reply in drafted(text, 5, n=3):
        assert "a bigger portion of the paneer tikka" in reply, reply


def test_pieces_wanted_smaller_are_no_smaller_pieces():
    assert specific_fault("Big big pieces of mutton instead of cutting them into smaller pieces, bad.", [], set()) \
        != ["the smaller pieces"]


def test_the_service_called_the_worst_part_is_named():
    text = ("The coffee is lovely and the breads are the best part. Coming to the worst part - the service. I always "
            "have to go to the counter to order. Also flies buzzing over the outdoor tables.")
    for reply in drafted(text, 3, n=3):
        assert "the service" in reply, reply


def test_a_clause_cut_after_and_without_its_subject_is_not_quoted():
    text = ("We had a worst experience, waste of money. Server argue and justify you place wrong order. Old fish. "
            "Never to visit this place again")
    quote = (short_quote(text, [text], set(), set(), -1) or "").lower()
    assert not quote.startswith(("justify", "server argue", "we had a worst")), quote


def test_a_noun_after_and_still_starts_a_quote():
    text = "Ambience was ok! And service was not so fast!"
    assert short_quote(text, ["And service was not so fast!"], set(), set(), -1) == "service was not so fast"
