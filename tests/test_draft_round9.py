"""Drafter round 9: faults from a fresh read of real drafts, each pinned with reviews written for the test: idioms
read as faults ("needs no introduction", "room for improvement"), advice to other diners read as a complaint,
a hair in the food, business names taken for dishes, anger presumed where none was written, lukewarm words
quoted as praise, a bare "the dish" after a named one, and staff who "did a great job".
"""

from __future__ import annotations

import re

from test_draft_round8 import drafted, drafted_for, drafted_hotel, drafted_shop, review_rows

from nlp.analyze import analyze_rows
from nlp.draft import (
    DIET_QUESTION_RE,
    IMPROVEMENT_IN_RE,
    clause_polarity,
    faulted_in_text,
    first_name,
    missing_form,
    needs_human_reason,
    specific_fault,
    tasting_note,
)


def test_needs_no_introduction_is_praise_and_room_for_improvement_names_what_should_improve():
    text = ("Lotus Grill needs no introduction. I adored their lamb chops and the kulfi was lovely. "
            "However, there is room for improvement in the hospitality front.")
    for reply in drafted(text, 4):
        low = reply.lower()
        assert "introduction" not in low and "the room" not in low, reply
        assert "hospitality" in low, reply
    assert IMPROVEMENT_IN_RE.search("There is scope for improvement on service.").group(1) == "service"


def test_if_you_advice_to_other_diners_is_no_fault():
    text = ("Came here for a team lunch and the lamb mandi was superb. If you are not comfortable sitting on the "
            "floor cushions then you can ask for a table. Will be back for the desserts.")
    for reply in drafted(text, 5):
        low = reply.lower()
        assert not any(w in low for w in ("on us", "sorry", "put right", "putting that")), reply


def test_a_hair_in_the_food_is_named_as_found():
    assert specific_fault("Honestly I found a hair in the fried rice and the waiter just shrugged.", [], set()) == [
        "the hair in your fried rice"]
    for reply in drafted("Found a hair in my noodles. The waiter shrugged and took the plate. Not coming back.", 1):
        assert "hair in your noodles" in reply.lower(), reply


def test_a_business_name_in_title_case_is_not_a_dish():
    text = "The starters were cold and the curry was bland, not what you expect from a Curry Palace at all."
    for reply in drafted(text, 2):
        assert "palace" not in reply.lower(), reply


def test_anger_is_not_presumed_on_a_plain_complaint():
    for reply in drafted("Ordered the pasta and the taste was not at all good", 1, n=12):
        low = reply.lower()
        assert "angry" not in low and "frustrat" not in low and "upset" not in low, reply


def test_lukewarm_words_are_not_quoted_as_praise():
    for reply in drafted("Nikhil did a great job looking after our table. Food was fine.", 5, n=8):
        assert '"food was fine"' not in reply.lower(), reply
        assert "Nikhil" in reply, reply


def test_a_named_dish_is_not_followed_by_a_bare_the_dish():
    text = "Their mutton haleem is my favourite thing in the city and I am hooked on this dish."
    for reply in drafted(text, 5):
        assert "and the dish" not in reply, reply


def test_two_people_who_did_a_great_job_are_both_named():
    rows = [{"id": "s1", "text": "Pranav and dilip did excellent service, so attentive all night.", "rating": 5}]
    names = {s["name"] for s in analyze_rows(rows)[0]["staff"]}
    assert names == {"Pranav", "Dilip"}, names


def test_a_polite_on_the_drier_side_is_a_fault_named_with_its_dish():
    text = ("Late night order and it came on time. The green chutney is fresh and delicious; but the dumplings "
            "a little on the drier side. So three stars.")
    for reply in drafted(text, 3):
        assert "the dumplings" in reply.lower(), reply
    assert clause_polarity("the dumplings were on the salty side") < 0


def test_the_subject_of_a_faulting_clause_is_named_without_its_determiner():
    assert faulted_in_text("Ordered a lamb biryani. The rice was undercooked.", [], set()) == ["the rice"]


def test_tasting_notes_on_a_happy_review_are_no_complaint():
    assert tasting_note("the Kolsch was a little bitter")
    assert not tasting_note("the naan was burnt")
    text = ("Lovely taproom. We tried four beers: the wheat beer was very mild and the stout was a little bitter. "
            "Staff were courteous.")
    for reply in drafted(text, 4):
        assert "stout" not in reply.lower() or "on us" not in reply.lower(), reply


def test_misspelt_disappointment_is_a_fault_on_a_happy_rating():
    text = "The mango smoothie tasted great. The quantity was a big disapointment though, the cup was tiny."
    for reply in drafted(text, 4):
        low = reply.lower()
        assert "quantity" in low and "appreciated" not in low, reply


def test_a_question_about_halal_food_is_answered_without_guessing():
    text = "Tried the chicken momos and they were tasty, but I'm not sure whether they are halal. Anyone know?"
    for reply in drafted(text, 4):
        assert re.search(r"\bhalal\b", reply) and "guess" in reply or "checked answer" in reply, reply
    assert not DIET_QUESTION_RE.search("Great halal biryani, fully recommend.")


def test_what_a_place_is_compared_to_is_not_part_of_it():
    text = "Tiny joint like a tea stall and always crowded, but the maggi is great. Nothing exceptional though."
    for reply in drafted(text, 3):
        assert "the tea stall" not in reply.lower(), reply  # quoting their words is fine; naming it a fault is not


def test_a_late_shop_order_names_the_delay_in_their_measure():
    for reply in drafted_shop("", "My parcel came 5 days late and nobody answered my emails.", 1):
        assert "5-day delay" in reply, reply


def test_meat_served_to_a_vegetarian_goes_to_a_person():
    for text in ("I ordered a veg wrap but they served me a non veg wrap and I ate half before noticing.",
                 "I am a pure vegetarian and they delivered chicken fried rice instead. Horrible."):
        row = {"id": "v", "text": text, "rating": 1}
        reason = needs_human_reason(row, analyze_rows([row])[0])
        assert reason and reason.startswith("dietary or religious harm"), (text, reason)
    row = {"id": "v2", "text": "I'm vegetarian and loved the paneer; my husband's chicken was great too.", "rating": 5}
    assert needs_human_reason(row, analyze_rows([row])[0]) is None


def test_no_denying_a_verdict_is_not_something_missing():
    text = "Fine for drinks, not for the buffet. No food was good, veg or non veg. Only the mocktail was nice."
    assert missing_form("the food", text) == "the food"
    assert missing_form("the raita", "No raita was given with the biryani.") == "the missing raita"
    for reply in drafted(text, 2):
        assert "missing" not in reply, reply


def test_verbs_are_never_named_as_things_and_keyboard_slips_are_not_quoted():
    text = "Drove an hour for this. All we got was disappointment. Staff is fRozen and food is archaic."
    for reply in drafted(text, 1):
        assert "the got" not in reply and "fRozen" not in reply, reply


def test_one_thank_you_opens_a_short_happy_reply():
    for reply in drafted("Lovely evening, thank you!", 5, n=12):
        assert len(re.findall(r"\b(?:Thank you|Thanks)\b", reply)) <= 1, reply


def test_real_names_with_word_surnames_lower_case_or_dots_are_greeted():
    for author, expected in [("Tena Cook", "Tena"), ("karla white", "Karla"), ("Dmitrij Scuka", "Dmitrij"),
                             ("Ghosh.Monica", None), ("K.Bharath Kumar", "Bharath"), ("Soumi Home Roy", "Soumi"),
                             ("Inner World Of A Super Foodie", None), ("Matthew best friend", None), ("dana", None)]:
        assert first_name(author) == expected, author


def test_a_chore_spared_or_no_tax_is_praise():
    for clause in ("great price, in stock, no tax, free delivery",
                   "I do not have to enter my shipping info a second time",
                   "the website is easy to use without assistance", "cold water on arrival"):
        assert clause_polarity(clause) >= 0, clause
    assert clause_polarity("only cold water in the shower") < 0
    text = "Great price, in stock, no tax, free delivery. I do not have to create a new cart each time."
    for reply in drafted_shop("", text, 5, n=6):
        assert "on us" not in reply and "sorry" not in reply.lower(), reply


def test_staff_who_answered_by_name_are_found():
    rows = [{"id": "l1", "text": "My questions were answered perfectly by Lisa. Great store.", "rating": 5}]
    assert [s["name"] for s in analyze_rows(rows, "retail")[0]["staff"]] == ["Lisa"]


def test_kind_words_with_one_star_get_thanks_and_a_question_not_an_apology():
    rows = [{"id": f"k{i}", "text": text, "rating": 1, "author": "Sam Lee", "source": "google_play"}
            for i, text in enumerate(["Very good app", "nice", "good"] * 2)]
    app = {"name": "Pocketwise", "industry": "app"}
    for reply in drafted_for(rows, "app", app):
        low = reply.lower()
        assert "one-star" in low and "@" in reply, reply
        assert "deserved better" not in low and "sorry" not in low, reply


def test_a_small_point_is_passed_on_not_investigated():
    for reply in drafted("Lovely dinner, the lamb was superb. Parking is hard to find nearby though.", 4, n=10):
        assert "what happened" not in reply and "what went wrong" not in reply, reply


def test_praise_for_the_staff_unnamed_is_passed_on_and_regulars_are_welcomed():
    seen_team = seen_regular = False
    for reply in drafted("Our third visit and as always the staff were so friendly. The lamb was superb.", 5, n=8):
        seen_team |= "the team" in reply
        seen_regular |= bool(re.search(r"loyal|with us before|knows us well", reply))
    assert seen_team and seen_regular


def test_a_fire_alarm_going_off_goes_to_a_person():
    row = {"id": "f", "text": "The fire alarm went off twice at night and nobody told us whether it was real.",
           "rating": 3}
    assert needs_human_reason(row, analyze_rows([row], "hotel")[0]).startswith("health or safety incident")


def test_a_price_said_not_to_be_high_is_praise_and_a_high_one_a_fault():
    assert clause_polarity("cost wise also it's not very high") > 0
    assert clause_polarity("food prices are not beyond limit") > 0
    assert clause_polarity("the price for the quantity they serve is very high") < 0
    assert clause_polarity("although the ambience is upto the expectation") > 0
    assert clause_polarity("the biryani was not upto the mark") < 0


def test_rotten_food_on_four_stars_is_not_answered_as_a_small_point():
    text = "Ordered the dal rice and what I received was cold and smelly rotten food. Completely disappointed."
    for reply in drafted(text, 4):
        assert "small" not in reply and "fair point" not in reply and "@" in reply, reply


def test_flies_things_not_delivered_and_things_missing_from_an_order_are_named():
    assert specific_fault("The place wasn't clean and there were so many flies.", [], set()) == ["the flies"]
    assert specific_fault("I asked for extra mint chutney which was not delivered", [], set()) == [
        "the missing chutney"]
    assert specific_fault("Ordered noodles and received without a fork, how do I eat?", [], set()) == [
        "the missing fork"]


def test_staff_who_has_been_courteous_is_found():
    rows = [{"id": "p", "text": "Rohan has been very courteous with his service. The food was great.", "rating": 5}]
    assert [s["name"] for s in analyze_rows(rows)[0]["staff"]] == ["Rohan"]


def test_loyalty_is_only_said_to_real_regulars_and_handles_are_not_names():
    from nlp.draft import REGULAR_RE
    assert not REGULAR_RE.search("I thought it would be a regular bakery. Once again thanks")
    assert REGULAR_RE.search("I am a regular here") and REGULAR_RE.search("been coming here for years")
    assert first_name("Pyschotic Gamer") is None and first_name("Ravi Eats") is None


def test_a_promised_duration_is_not_the_wait():
    from nlp.draft import measured_wait
    assert measured_wait("He said it will take another half an hour. The mains came at 10 pm.") == ""
    assert measured_wait("They told us 15 minutes but we waited 50 minutes for the mains.") == "the 50-minute wait"


def test_the_complaint_a_reviewer_ranks_first_is_named_first():
    text = ("The naan was a bit chewy and the music loud. The biggest problem was the manager, who argued with us "
            "about the bill.")
    for reply in drafted(text, 2):
        assert re.search(r"\bmanager\b", reply), reply


def test_demands_for_what_was_owed_are_not_thanked_as_ideas_and_real_ideas_are():
    for text in ("The curry was cold. Please send proper food next time.",
                 "Please make sure the food quality is good, the rice was stale today.",
                 "Service needs improvement, we waited long for everything."):
        for reply in drafted(text, 2):
            assert "suggestion" not in reply.lower() and "idea" not in reply.lower(), reply
    seen = False
    for reply in drafted("Lovely biryani and kind staff. Add more desserts in the menu please.", 4):
        seen |= bool(re.search(r"suggestion|idea", reply))
    assert seen


def test_plastic_in_a_drink_goes_to_a_person_and_spoiled_food_is_named():
    row = {"id": "p", "text": "There was a plastic piece in my shake, found it while drinking.", "rating": 2}
    assert needs_human_reason(row, analyze_rows([row])[0]).startswith("health or safety incident")
    assert specific_fault("The paneer was smelling really bad, like rotten.", [], set()) == ["the spoiled paneer"]
    assert specific_fault("My voucher had expired when I tried to book.", [], set()) == []


def test_a_reviewer_who_asks_not_to_be_contacted_is_not_pressed():
    text = "The curry tasted stale and the rice was cold. Please don't share my number, I don't want to be contacted."
    for reply in drafted(text, 1):
        assert "won't" in reply or "respect" in reply or "Nobody will call" in reply, reply
        assert "speak with you" not in reply and "talk this through" not in reply, reply


def test_neither_good_nor_bad_is_middling_not_a_complaint_and_a_single_word_is_not_described():
    for reply in drafted("not good not bad", 3):
        assert "sorry" not in reply.lower() and "stings" not in reply, reply
    for reply in drafted("bad", 1, n=12):
        assert "what you describe" not in reply and "every word" not in reply, reply


def test_things_not_provided_are_missing_whatever_the_tone():
    assert specific_fault("Not provided any carry bags. Food was ok.", [], set()) == ["the missing carry bags"]


def test_people_they_came_with_and_bare_adjectives_are_never_the_thing():
    text = ("We asked for a dance floor but there was no dance floor and mostly stags dancing. Our girls were "
            "uncomfortable. Food was good.")
    for reply in drafted(text, 3):
        assert "the girls" not in reply, reply
    for reply in drafted("One of the new tastes of biryani in town, the packing is also up to mark", 3):
        assert "the new" not in reply and "sorry" not in reply.lower(), reply


def test_typed_negations_of_a_wait_are_praise_and_misspelt_faults_are_faults():
    for reply in drafted("This was one of the times we dint have to wait for the serving. Lovely food.", 5):
        assert "on us" not in reply and "wait" not in reply, reply
    assert clause_polarity("Food was aweful") < 0


def test_more_regulars_and_chefs_by_name():
    from nlp.draft import REGULAR_RE
    for text in ("We come here at least twice a week", "A frequent visitor to this cafe",
                 "Whenever we're in Gachibowli we have breakfast here"):
        assert REGULAR_RE.search(text), text
    rows = [{"id": "c", "text": "Thanks to Sai for the service. Mohit is amazing chef.", "rating": 5}]
    assert [s["name"] for s in analyze_rows(rows)[0]["staff"]] == ["Sai", "Mohit"]


def test_no_question_no_fair_question():
    text = "I am concerned about the hygiene, the rice was watery and nobody cared about my concern."
    for reply in drafted(text, 1, n=10):
        assert "question" not in reply, reply


def drafted_play(text: str, rating: int, n: int = 4) -> list[str]:
    """Replies for a Google Play review by an author with a real name."""
    rows = review_rows("gp", n, text=text, rating=rating, author="Sam Lee", source="google_play")
    return drafted_for(rows, "app", {"name": "Pocketwise", "industry": "app"})


def test_app_failures_are_named_as_the_reviewer_lived_them():
    for text, phrase in [("keeps banning me for no reason", "the block on your account"),
                         ("after transferring to new phone app not opening", "the app not opening"),
                         ("very good but I don't like that you have to update it all the time", "the forced updates")]:
        for reply in drafted_play(text, 1 if "good" not in text else 2):
            assert phrase in reply and "missing reason" not in reply, reply
    for reply in drafted_play("my app keeps stopping. i dont know if am being tracked", 1):
        assert "privacy of your data" in reply and "make excuses" not in reply, reply


def test_a_few_words_that_say_nothing_are_answered_as_a_rating():
    from nlp.draft import no_content
    assert no_content("isaya isaya") and no_content("asasas asad") and no_content("bhai")
    assert not no_content("nice") and not no_content("app crashes") and not no_content("worst")
    for reply in drafted_play("isaya isaya", 1):
        assert "going wrong" not in reply and "@" in reply, reply
    assert first_name("Ayuba .J. Kachiro") == "Ayuba"
    assert first_name("Ibrahimsulaimaniliyasu Ibrahimsulaimaniliyasu") is None


def test_wrong_dishes_delivered_are_mix_ups_and_verdict_nouns_are_named():
    for text in ("I have ordered biryani they have given me fried rice",
                 "I ordered three rotis and in place of rotis they delivered plain rice."):
        for reply in drafted(text, 1):
            assert "mix-up with your order" in reply, reply
    for reply in drafted("Terrible wings. Inedibly spicy. Good fries though.", 1):
        assert "the wings" in reply, reply


def test_a_price_weighed_against_its_worth_is_no_fault_and_wood_fire_is_no_verdict():
    text = ("Lovely ambience and the pasta was delicious, though the price was a bit on the higher side, it was worth "
            "the taste.")
    for reply in drafted(text, 4):
        assert "on us" not in reply and "ours" not in reply, reply
    assert clause_polarity("you will get wood fire pizza here") >= 0


def test_names_with_trailing_initials_or_a_leading_the_and_staff_at_the_bar():
    assert first_name("Santosh Reddy.R") == "Santosh" and first_name("The Rajesh Jellelu") == "Rajesh"
    rows = [{"id": "b", "text": "Great wings. Sandeep at the bar was excellent!", "rating": 5}]
    assert [s["name"] for s in analyze_rows(rows)[0]["staff"]] == ["Sandeep"]
    for reply in drafted("Customer service is pathetic. The manager is the worst manager I have ever met.", 1, n=12):
        assert "why how" not in reply, reply


def test_no_extra_charges_third_parties_and_no_room_to_walk_are_not_things():
    for reply in drafted_hotel("Lovely staff and a great breakfast. No extra charges!! Would stay again.", 5):
        assert "charges" not in reply, reply
    for reply in drafted_hotel("Great location and friendly reception. Skip the transfer and take an Uber, "
                                    "it is cheaper. The balcony was tiny, no room to walk past the chairs.", 4):
        assert "uber" not in reply.lower() and "missing room" not in reply, reply


def test_a_dish_swapped_for_its_cousin_and_an_ignored_request_are_named():
    for reply in drafted("Ordered a mutton handi and got chicken handi. How careless.", 1):
        assert "chicken handi sent in place of the mutton handi" in reply, reply
    text = ("Ordered paneer masala, clearly saying don't use onion and garlic. The waiter agreed. However, they still "
            "used both.")
    for reply in drafted(text, 2):
        assert "onion and garlic you asked us to leave out" in reply, reply


def test_oil_that_should_be_less_is_named_and_hashtag_names_are_staff():
    for reply in drafted("oil should be less", 4):
        assert "the oil" in reply, reply
    rows = [{"id": "h", "text": "#abdul helped us to taste the best, wings were yummy", "rating": 4}]
    assert [s["name"] for s in analyze_rows(rows)[0]["staff"]] == ["Abdul"]
    for reply in drafted("The taste doubled with the barbeque. Service was quick and food excellent.", 5, n=12):
        assert len(re.findall(r"\b(?:Thank you|thank you|Thanks|thanks)\b", reply)) <= 1, reply


def test_money_is_never_a_thing_and_an_affordable_price_is_no_small_point():
    text = "The kimbap is good, ten pieces for 180 bucks with wasabi and soya sauce. Food prices are not beyond limit."
    for reply in drafted(text, 4):
        assert "bucks" not in reply and "on us" not in reply and "small point" not in reply, reply


def test_an_order_taken_for_something_they_did_not_have_is_named():
    text = "They accepted my order and after 40 mins they say they don't have it and didn't even cancel it."
    for reply in drafted(text, 1):
        assert "unavailable" in reply, reply


def test_a_plea_is_heard_not_said_to_sting_and_a_shrug_is_not_celebrated():
    for reply in drafted_play("I want to get my wattsup back", 5):
        assert "stings" not in reply and "tells me we missed" not in reply, reply
    for reply in drafted_play("good. it works i guess.", 4):
        assert not re.search(r"wonderful|lovely|smile|high praise|kind thing", reply), reply
    for reply in drafted_play("my WhatsApp keeps getting restricted and banned for no reason", 1):
        assert "the block on your account" in reply, reply


def test_a_fixed_feature_is_owned_as_something_to_make_clear_and_noise_is_named():
    for reply in drafted_hotel("No parking.", 4):
        assert "put right" not in reply and "fix" not in reply.lower(), reply
        assert re.search(r"clear|up front|plainly", reply), reply
    for reply in drafted_hotel("There was a lot of noise coming from the room above us at night.", 4):
        assert "the noise at night" in reply, reply
    seen = False
    for reply in drafted_hotel("I would like to express my sincere appreciation to all the staff. Every team "
                                    "member greeted us with a smile.", 5):
        seen |= "team" in reply
    assert seen


def test_less_of_the_same_is_no_mix_up_decimal_hours_and_fingernails():
    from nlp.draft import ORDER_MIXUP_RE, measured_wait
    assert not ORDER_MIXUP_RE.search("I ordered kadai chicken but received only 1 piece of chicken.")
    assert not ORDER_MIXUP_RE.search("The roti was burnt; after we asked for another, we got slightly uncooked one")
    assert ORDER_MIXUP_RE.search("I ordered veg biryani but got chicken biryani")
    assert measured_wait("It took us more than 2.5 hours just to have dinner.") == "the 2.5-hour wait"
    row = {"id": "n", "text": "Stale food and on top of it I found a fingernail in the noodles.", "rating": 1}
    assert needs_human_reason(row, analyze_rows([row])[0]).startswith("health or safety incident")
    assert first_name("Sardar Singh") is None


def test_to_die_for_is_praise_and_the_rest_being_good_splits_a_clause():
    for reply in drafted("The gravy is to die for.. Spicy, succulent. Best chicken kolhapuri in years.", 5):
        assert "on us" not in reply and "mention" not in reply, reply
    for reply in drafted("Not a great ambiance. Kabab was not cooked well remaining were good in taste.", 3):
        assert "kabab worked" not in reply.lower(), reply


def test_a_booking_they_had_no_table_for_leads():
    text = ("Reservation was confirmed on the phone twice for 20 people but we didn't have a table when we reached. "
            "We stood for 15 minutes.")
    for reply in drafted(text, 3):
        assert re.search(r"mix-up with your booking|the reservation", reply), reply


def test_flies_in_a_drink_raw_chicken_and_meat_in_a_veg_dish_go_to_a_person():
    for text, reason in [("There were flies in my lime soda.", "health or safety incident"),
                         ("The chicken was uncooked and stale.", "health or safety incident"),
                         ("Found chicken pieces in the veg biryani. Shocking.", "dietary or religious harm")]:
        row = {"id": "s", "text": text, "rating": 1}
        assert needs_human_reason(row, analyze_rows([row])[0]).startswith(reason), text
    row = {"id": "s2", "text": "Great menu, and the chicken in the veg section is kept apart.", "rating": 5}
    assert needs_human_reason(row, analyze_rows([row])[0]) is None


def test_telugu_family_names_first_a_service_charge_and_no_use():
    assert first_name("Produtoori Ankith") == "Ankith" and first_name("Vemulapalli Srinivas") == "Srinivas"
    assert first_name("Priya Natarajan") == "Priya"
    text = "Food was average and they added 7% service charge to the bill without asking. Not happy."
    for reply in drafted(text, 2):
        assert "service charge" in reply, reply
    assert missing_form("the use", "The food was tasteless and its of no use.") == "the use"


def test_wishes_shorthand_praise_and_lukewarm_food_are_read_rightly():
    for reply in drafted("Was waiting for a long time to visit this place. Lovely view and great food.", 3):
        assert "wait" not in reply, reply
    for reply in drafted("VERY TASTE. Loved the biryani.", 4):
        assert "on us" not in reply and "ours" not in reply, reply
    for reply in drafted("Paneer tikka was good. Food is just ok overall.", 3):
        assert "smile" not in reply and "kind words about the food" not in reply, reply
    assert clause_polarity("food is low on your pocket") > 0


def test_alcohol_served_to_a_pregnant_guest_goes_to_a_person_and_nor_lists_are_missing_items():
    row = {"id": "p", "text": "They served a Long Island iced tea to my pregnant wife instead of lemon iced tea.",
           "rating": 1}
    assert needs_human_reason(row, analyze_rows([row])[0]).startswith("health or safety incident")
    assert specific_fault("They didn't provide any ketchup nor tissues with the order.", [], set()) == [
        "the missing ketchup"]


def test_a_bad_smell_in_the_place_is_named():
    assert specific_fault("The place had a smell of bathroom pee when we entered.", [], set()) == ["the smell"]
    text = "The hall had a horrible stench when we walked in and the manager just shrugged. Pizza was too salty."
    for reply in drafted(text, 2):
        assert "the smell" in reply, reply


def test_a_late_delivery_in_minutes_and_a_complaint_is_no_plea():
    for reply in drafted("it was delivered 25 min late", 2):
        assert "25-minute delay" in reply, reply
    text = "Food was good but only a few dishes in the buffet. Needs to improve their service a little."
    for reply in drafted(text, 3):
        assert "fair thing to ask" not in reply and "your request" not in reply, reply


def test_expired_sachets_are_named():
    assert specific_fault("The pizza came with expired oregano sachets, dated last year.", [], set()) == [
        "the expired oregano sachets"]


def test_a_dish_that_tasted_of_something_else_is_named():
    assert specific_fault("The cake tasted exactly like elaichi. Nothing outstanding.", [], set()) == [
        "the taste of the cake"]
    assert specific_fault("The biryani tasted like home, loved it.", [], set()) == []


def test_a_one_word_middling_verdict_with_low_stars_is_answered_calmly_and_irritation_is_no_mix_up():
    for text in ("ok ok", "Not bad", "avg it was"):
        for reply in drafted(text, 2):
            assert "no excuse" not in reply and "tells me we missed" not in reply and "@" in reply, reply
    from nlp.draft import ORDER_MIXUP_RE
    assert not ORDER_MIXUP_RE.search("We ordered Paneer Manchurian but the paneer was hard, got irritated.")


def test_received_it_is_no_mix_up_and_killer_views_are_praise():
    from nlp.draft import ORDER_MIXUP_RE
    assert not ORDER_MIXUP_RE.search("I ordered Gobi Manchurian with noodles, received it in a well packed box")
    assert clause_polarity("The views from here are killer") > 0


def test_rude_staff_and_limited_choice_are_named_beside_the_food():
    for reply in drafted("The thalis were nice but the waitress was rude and kept rushing us. Taste was okay.", 2):
        assert "how the waitress treated you" in reply, reply
    for reply in drafted("Food was good but only few dishes in the buffet, so unhappy with it. Ambiance was good.", 3):
        assert "limited choice" in reply, reply
