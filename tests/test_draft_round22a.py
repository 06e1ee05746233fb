"""Round 22a of blind reads: what the reply says the complaint was. A duration the reviewer says could have been is
no wait they had; melted ice cream, having to ask for plates, one item sent twice, food served to another table
and food served cold are the complaint, in those words; the hour a place closes is no "finding us closed"; a part
given zero stars leads and the parts the stars were for are not faulted; a thing named only to say what something
else was like ("thick as chutney") is not the fault."""

from __future__ import annotations

from test_draft_round8 import drafted

from nlp.draft import (
    ORDER_MIXUP_RE,
    found_closed,
    had_to_ask,
    held_back,
    measured_wait,
    only_a_likeness,
    same_item_twice,
    specific_fault,
    star_reasons,
    thing_polarity,
    treated_by,
    zero_star_things,
)


def test_a_duration_that_could_have_been_is_no_wait():
    assert measured_wait("The shop is close by and the rider can reach in just 4 minutes.") == ""
    assert measured_wait("We waited 40 minutes for a dosa.") == "the 40-minute wait"
    assert measured_wait("We could only get our food after 45 minutes.") == "the 45-minute wait"
    replies = drafted("Our flat is next door, the delivery boy could come in 5 minutes. Still the biryani came cold "
                      "and soggy. Very bad.", 1, n=4)
    assert not any("5-minute" in r for r in replies), replies


def test_melted_ice_cream_is_the_complaint():
    replies = drafted("Ordered two scoops of butterscotch ice cream for home, it arrived completely melted like milk. "
                      "Quantity also less. Waste of money.", 1, n=4)
    assert all("melted ice cream" in r for r in replies), replies


def test_melted_cheese_is_no_complaint():
    replies = drafted("Loved the pizza with melted cheese on top but the delivery took 70 minutes.", 2, n=3)
    assert not any("melted" in r for r in replies), replies


def test_having_to_ask_for_what_should_come_unasked():
    assert had_to_ask("We had to ask for spoons twice.", set()) == "having to ask for the spoons"
    assert had_to_ask("Water is something you have to ask for.", set()) == "having to ask for the water"
    assert had_to_ask("We had to ask for it again.", set()) == ""
    assert had_to_ask("We had to ask for the manager.", set()) == ""
    replies = drafted("This place has gone down. Plates are something you have to ask for, napkins missing from "
                      "every table.", 1, n=4)
    assert all("having to ask for the plates" in r for r in replies), replies


def test_one_item_sent_twice():
    assert same_item_twice("I ordered a veg and a chicken roll but I got both same rolls") == \
        "the same roll sent twice"
    assert same_item_twice("Both the rolls were the same size, nice.") == ""
    assert same_item_twice("They got me the same size twice, too small.") == ""
    replies = drafted("I got both same products", 2, n=3)
    assert all("same product sent twice" in r for r in replies), replies


def test_the_hour_of_closing_is_no_finding_us_closed():
    assert found_closed("They asked for the coupon after the restaurant has closed and we had to leave.") == ""
    assert found_closed("We drove there and found it closed.") == "finding us closed"
    replies = drafted("Horrible service. We had ordered at 10:30 and they asked for the membership card only after "
                      "the restaurant has closed. We had to walk out.", 1, n=4)
    assert not any("closed" in r for r in replies), replies


def test_treated_poorly_by_a_role():
    assert treated_by("Stay away if you do not want to be treated poorly by the manager.") == "manager"
    assert treated_by("The waiter treated us like beggars.") == "waiter"
    assert treated_by("The manager treated us to a free dessert.") == ""


def test_zero_stars_for_a_part():
    text = ("These stars are only for the food and the drinks. The waiter was careless with everything. Drinks "
            "are good, food is ok. Zero stars for the service!")
    assert zero_star_things(text) == ["the service"]
    assert star_reasons(text) == ["the food", "the drinks"]
    replies = drafted(text, 3, n=4)
    assert all("the service" in r for r in replies), replies
    assert not any("about the food" in r or "sorry about the food" in r for r in replies), replies


def test_food_served_to_another_table_is_a_mix_up():
    assert ORDER_MIXUP_RE.search("After 30 minutes we learnt they had served it to somebody else.")
    assert not ORDER_MIXUP_RE.search("They served other tables first and we went to another place.")


def test_food_which_was_served_cold():
    replies = drafted("The food here is really good. We came late at night and the food which was served was cold, "
                      "that disappointed me. Nice place to hang out though.", 3, n=4)
    assert all("cold food" in r for r in replies), replies


def test_a_thing_named_in_a_likeness_is_not_the_fault():
    text = ("Horrible sambar, it was thick as chutney with only potatoes in it. Chutney and idli were still fine "
            "but the sambar was really bad.")
    assert only_a_likeness("the chutney", text)
    assert not only_a_likeness("the sambar", text)
    assert not only_a_likeness("the food", "I didn't like the food, it was bland.")
    assert not only_a_likeness("the service", "The food was as bad as the service.")
    replies = drafted(text, 1, n=4)
    assert not any("chutney" in r for r in replies), replies
    assert all("sambar" in r for r in replies), replies


def test_an_average_thing_is_not_the_praise():
    replies = drafted("Nice place to chill with friends, tasty food with a very average ambience.", 5, n=4)
    assert not any("ambience" in r for r in replies), replies
    assert all("food" in r for r in replies), replies


def test_a_middling_word_holds_back_its_own_thing():
    assert held_back("the ambience", "good food with a average ambience.")
    assert not held_back("the food", "good food with a average ambience.")
    assert held_back("the food", "The food and service was average.")


def test_a_combo_whose_dish_was_just_okay_is_not_praised():
    text = "Ordered paneer with a veg fried rice combo, paneer was tasty, but the fried rice was just okay."
    assert held_back("the rice combo", text)
    replies = drafted(text, 3, n=4)
    assert not any("combo" in r for r in replies), replies


def test_hearsay_praise_is_no_verdict():
    text = "Good ambience. Heard that they serve great coffee, I had a cappuccino and the coffee was very bad."
    assert thing_polarity("the coffee", text) == -1
    assert thing_polarity("the music", "We heard loud music from the bar all night, terrible.") == -1
    replies = drafted(text, 3, n=4)
    assert not any("coffee" in r and ("glad" in r or "enjoyed" in r or "worked" in r) for r in replies), replies


def test_a_manager_who_spoke_angrily():
    assert treated_by("We asked for the biryani, then floor manager angrily said it is not a dhaba.") == "manager"


def test_a_restaurant_that_cancels():
    replies = drafted("Ordered three times from here and they either cancel or take 2 hours to deliver.", 1, n=3)
    assert all("cancelled order" in r for r in replies), replies


def test_a_wait_as_a_range_of_minutes():
    assert measured_wait("It took almost 20-25 mins to get one plate of rice.") == "the 20-to-25-minute wait"
    assert measured_wait("The place is 10-15 minutes away from the station.") == ""


def test_service_lacking_is_the_complaint():
    replies = drafted("The valet parking was a relief and the food was really good. Service however was lacking, "
                      "cold and inefficient, and billing took forever.", 3, n=4)
    assert all("service" in r for r in replies), replies
    assert not any("valet" in r for r in replies), replies


def test_a_low_subscore_beside_a_specific_fault():
    text = "Nice biryani. Food 4/5, service 1/5. You have to ask for water every single time."
    replies = drafted(text, 2, n=3)
    assert all("service" in r and "water" in r for r in replies), replies


def test_a_part_they_would_give_no_rating():
    assert zero_star_things("Customer service, I will give -10. One guy for the whole floor.") == ["the service"]
    assert zero_star_things("Service - they don't deserve a rating for it.") == ["the service"]
    assert zero_star_things("Food, I would give a rating of 5.") == []


def test_a_booking_accepted_and_no_table_given():
    replies = drafted("Nice place, but they accepted my table booking and when we reached they did not allot us a "
                      "table, we had to stand at the bar counter.", 1, n=3)
    assert all("booking" in r for r in replies), replies


def test_things_they_always_miss_are_missing():
    assert specific_fault("You guys always miss the raita with the biryani order.", [], set()) == ["the missing raita"]
    assert specific_fault("They missed the lemons in my order, so disappointing.", [], set()) == ["the missing lemons"]
    assert specific_fault("If you sit inside you miss the view. Food was bad.", [], set()) != ["the missing view"]
    assert specific_fault("Do not miss the kebabs here, they are superb.", [], set(), True) == []
