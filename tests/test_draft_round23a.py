"""Round 23a of blind reads: what the reply says the complaint was, and who it thanks. An item that never came, an
order hours late by the clock, a wrong dish named in the present tense, fewer than promised, having to ask again and
again, and a stale or metallic smell or taste are named as the complaint; an extra of what came singly is the idea
thanked; the reviewer's own late writing, a price granted for its quality, a thing spared by "except for" and a thing
had at another place are neither faulted nor praised; staff named after "service by our man" or after a word said
only of people ("cheerful Ashwin Jain") are thanked by name."""

from __future__ import annotations

import re

from test_draft_round8 import drafted

from nlp.analyze import analyze_rows
from nlp.draft import (
    ASKED_AGAIN_RE,
    CLOCK_LATE_RE,
    ORDER_MIXUP_RE,
    RUSHED_RE,
    _with_non,
    both_faulted,
    fewer_than_promised,
    loved_most,
    names_rightly,
    not_praisable,
    off_note,
    spared,
    strongest_complaint,
    swapped_item,
    team_for,
    unavailable_thing,
    undelivered,
)


def staff_names(text: str) -> list[str]:
    """The names the analysis finds as staff in a review."""
    row = {"id": "s", "text": text, "rating": 5, "source": "zomato"}
    return [s["name"] for s in analyze_rows([row], "restaurant")[0]["staff"]]


def test_an_item_that_never_came_is_named():
    replies = drafted("Been an hour and I am still waiting for the burger. Useless.", 1, n=3)
    assert all("burger that never reached you" in r for r in replies), replies
    replies = drafted("Ordered a thali and a lassi. The lassi never arrived, thali was okay.", 2, n=3)
    assert all("lassi that never reached you" in r for r in replies), replies


def test_waiting_for_a_reply_or_on_time_is_no_missing_item():
    assert undelivered("Still waiting for a reply from the manager about my complaint.") is None
    assert undelivered("The food was not delivered on time.") is None


def test_clock_times_of_a_late_order():
    assert CLOCK_LATE_RE.search("ordered at around 6pm but it was delivered by 8:30pm")
    assert not CLOCK_LATE_RE.search("ordered at 6pm and it was delivered hot")
    replies = drafted("Bad. We ordered at 1 pm but the food got delivered at 3:10 pm.", 1, n=3)
    assert all("late delivery" in r and "mix-up" not in r for r in replies), replies


def test_wrong_dish_typed_in_present_is_named():
    assert swapped_item("I ordered paneer tikka and they send me chicken tikka") == \
        "the chicken tikka sent in place of the paneer tikka"


def test_fewer_than_promised():
    assert fewer_than_promised("they say 4 veg starters but they give only 3", ()) == \
        "only three of the four veg starters you were promised"
    assert fewer_than_promised("The menu says 8 pieces of momos, we got just 5.", ()) == \
        "only five of the eight pieces of momos you were promised"
    assert fewer_than_promised("They claim 5 stars but deserve only 2", ()) == ""
    replies = drafted("Buffet is not worth it. They will say 4 veg starters but they will give only 3. Service also "
                      "could be better.", 2, n=3)
    assert all("only three of the four veg starters" in r for r in replies), replies


def test_having_to_ask_again_and_again():
    assert ASKED_AGAIN_RE.search("we had to ask several times for water")
    assert ASKED_AGAIN_RE.search("you will literally ask 'n' number of times for food")
    assert not ASKED_AGAIN_RE.search("we asked for the bill and it came quickly")
    replies = drafted("Lunch with family. Service is very slow even though the place was empty, we had to remind "
                      "the waiters many times to serve the main course. Pathetic.", 2, n=3)
    assert all("having to ask again and again" in r for r in replies), replies


def test_staff_after_a_casual_word_are_found():
    assert staff_names("Great evening, loved the service by our man ravinder & Sunil") == ["Ravinder", "Sunil"]
    assert staff_names("Nice cafe. A chat with the cheerful Meera Nair made our evening.") == ["Meera Nair"]
    assert staff_names("The friendly Hyderabad crowd makes it fun.") == []
    replies = drafted("Perfect for a Friday night. Very courteous service by our man ravinder & Sunil.", 5, n=3)
    assert all("Ravinder" in r and "Sunil" in r for r in replies), replies


def test_one_more_of_what_came_singly_is_the_idea():
    replies = drafted("Ordered paneer roll combo...taste is good...packing good...but there was only one roll...would "
                      "have been better if given one more...", 3, n=3)
    assert all("an extra roll" in r for r in replies), replies


def test_the_reviewers_own_late_writing_is_no_fault():
    replies = drafted("Late review. Went there with my cousins for lunch. Lovely decor and the pasta was great.", 4,
                      n=3)
    assert not any("late review" in r.lower() for r in replies), replies
    assert not any("ours to" in r for r in replies), replies


def test_a_price_granted_for_its_quality_is_no_fault():
    replies = drafted("The cheesecakes and cold coffee here are lovely, a bit pricey but the quality is top.", 4, n=3)
    assert not any(re.search(r"price|costly|ours to", r, re.I) for r in replies), replies


def test_a_thing_had_elsewhere_is_not_praised():
    assert not_praisable("the desserts", "Lovely pizza. Went to Nomad later for desserts.")
    assert not not_praisable("the desserts", "Lovely pizza. We stayed on for desserts, also great.")


def test_a_thing_spared_from_the_complaint_is_not_faulted():
    assert spared("the soup", "Apart from the soup nothing was good, the rest was cold.")
    assert spared("the starters", "after the starters, nothing was worth eating")
    assert not spared("the soup", "The soup was bad and nothing else was better.")
    replies = drafted("Except for the starters nothing was good in this buffet, the main course was cold and "
                      "tasteless. Waste of money.", 2, n=3)
    assert not any("the starters" in r for r in replies), replies


def test_the_named_concern_is_not_praised():
    assert not_praisable("the pricing", "Nice food. One more concern is the pricing, it differs by branch.")


def test_an_off_smell_or_taste_is_named_with_its_dish():
    assert off_note("The dal had a stale smell.", ()) == "the stale smell of the dal"
    assert off_note("The kulfi gave a metallic taste after two bites.", ()) == "the metallic taste of the kulfi"
    assert off_note("This place has a raw metallic look.", ()) == ""
    replies = drafted("The chutney had a rancid smell.", 2, n=3)
    assert all("rancid smell of the chutney" in r for r in replies), replies


def test_a_subjectless_smell_is_not_sent_to_the_cleaners():
    assert team_for([{"category": "cleanliness", "evidence": "and was a bit smelly."}]) == "the team"
    assert team_for([{"category": "cleanliness", "evidence": "The washroom was dirty."}]) != "the team"


def test_too_much_salt_and_oil_named_together():
    replies = drafted("too much of salt and oil .... roti also not good", 1, n=3)
    assert all("salt and oil" in r for r in replies), replies


def test_veg_stays_veg_when_the_review_says_both():
    both = "We ordered 2 non veg starters and 2 veg starters. The veg starters were average."
    assert _with_non("the veg starters", both) == "the veg starters"
    assert _with_non("the veg starters", "The non veg starters were cold.") == "the non-veg starters"


def test_the_unavailable_thing_is_named():
    assert unavailable_thing("That day main course was not available at all.", ()) == "the main course"
    assert unavailable_thing("The place is available for parties.", ()) == ""


def test_rude_staff_are_met_with_calm_ownership():
    replies = drafted("The waiters were very rude to us when we asked for water. Shocked by their behaviour.", 2, n=6)
    assert not any(re.search(r"expectation|looking forward", r) for r in replies), replies
    assert not any("the behaviour" in r for r in replies), replies


def test_praise_with_a_middling_thing_to_improve_is_mixed():
    replies = drafted("This cafe is awesome to chill with friends. I liked the music and they were polite with us. "
                      "But food was average need to improve that a little.", 3, n=3)
    assert not any(re.search(r"middle-of-the-road|fine but", r) for r in replies), replies
    assert all("food" in r for r in replies), replies


def test_two_verdicts_before_the_dish():
    replies = drafted("They delivered stale smelly kebab which went straight to the bin. Money wasted.", 1, n=3)
    assert all("stale kebab" in r for r in replies), replies


def test_none_at_all_of_what_belongs_with_it():
    replies = drafted("How can you serve noodles with chilli chicken without a drop of gravy? Chicken was dry too.", 2,
                      n=3)
    assert all("missing gravy" in r for r in replies), replies


def test_must_and_should_try_singles_out_the_dish():
    assert loved_most("Polite staff, clean place and the haleem here is must and should try for everyone", set(),
                      set()) == "the haleem"


def test_staff_in_a_hurry_at_rush_hour_is_being_rushed():
    replies = drafted("Lovely buffet with great starters and live counters. Only drawback is that at peak hours staff "
                      "is in a hurry and you can't relax much.", 4, n=3)
    assert all("rushed" in r for r in replies), replies


def test_the_menu_a_dish_is_in_is_not_praised():
    assert not_praisable("the menu", "Their mutton haleem is a must try item in the menu.")
    assert not not_praisable("the menu", "The menu is huge and well laid out.")


def test_two_dishes_faulted_together_are_named_together():
    assert both_faulted("We ordered paneer tikka and fish fingers. Both of them were under cooked.", ()) == \
        "the undercooked paneer tikka and fish fingers"
    assert both_faulted("We ordered soup and noodles and both were lovely.", ()) == ""
    replies = drafted("Nice place. We had the malai kebab and tangdi kebab, both were cold. Main course okay.", 2, n=3)
    assert all("cold malai kebab and tangdi kebab" in r for r in replies), replies


def test_what_came_instead_said_first():
    assert swapped_item("I got paneer roll instead chicken roll, very bad") == \
        "the paneer roll sent in place of the chicken roll"
    replies = drafted("They sent veg fried rice instead of egg fried rice. Worst.", 1, n=3)
    assert all("veg fried rice sent in place of the egg fried rice" in r for r in replies), replies


def test_not_even_edible_is_said_hard():
    text = ("Went for the lunch buffet with office friends. Sadly the starters were cold and not even edible. "
            "The pulao was a bit bland.")
    assert strongest_complaint(text, ["the pulao"], [], set())[0] == "the starters"


def test_a_lesser_thing_given_instead_is_no_order_mix_up():
    assert not ORDER_MIXUP_RE.search("They gave tissues instead of regular napkins, pathetic.")
    assert ORDER_MIXUP_RE.search("I got paneer roll instead chicken roll")


def test_staff_in_a_hurry_alone_is_not_being_rushed():
    assert not RUSHED_RE.search("every waiter was in a hurry and they set the table in a shabby manner")
    assert RUSHED_RE.search("at peak time staff is in a hurry and you can't relax")


def test_both_things_unavailable_are_named():
    assert unavailable_thing("Mocktails and shakes are not available in the evening.", ()) == \
        "the mocktails and shakes"


def test_why_a_place_is_missed_is_not_praise():
    assert not names_rightly("the location", 1, "One can easily miss it because of the location, but a must try.")


def test_a_menu_praised_for_its_selection_is_still_praised():
    assert not not_praisable("the menu", "The selection of items on the menu is epic.")
