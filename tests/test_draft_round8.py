"""Drafter round 8: faults from a fresh read of real drafts, each pinned with reviews written for the test: fault
words that only name a thing or a time ("late night", "cold coffee", "a small, cute cafe"), things that were
missing answered as if they were bad, illness after a meal drafted instead of sent to a person, leading initials
in a name, three stars on words of praise answered as "middle of the road", and lukewarm verdicts never named.
"""

from __future__ import annotations

import re

import pytest
from draft_cases import BUSINESS, VOICE, body

from nlp.analyze import analyze_rows
from nlp.draft import (
    OBJECT_ONLY_RE,
    clause_polarity,
    draft_many,
    faulted_in_text,
    first_name,
    is_problem,
    load_phrases,
    missing_form,
    needs_human_reason,
)
from nlp.signals import risk_reasons


def drafted_for(rows: list[dict], profile: str, business: dict) -> list[str]:
    """Replies to the rows analyzed by the real pipeline with a profile; each must be drafted and pass its checks."""
    out = []
    for row, a in zip(rows, analyze_rows(rows, profile), strict=True):
        d = draft_many([(row, a)], business, VOICE)[0]
        assert "reply" in d, d
        assert all(d["checks"].values()), (d["checks"], d["reply"])
        out.append(body(d["reply"]))
    return out


def review_rows(prefix: str, n: int, **fields) -> list[dict]:
    """The same review under `n` ids, so every phrasing the drafter may pick is tried."""
    return [{"id": f"{prefix}-{i}", **fields} for i in range(n)]


def drafted(text: str, rating: int, author: str = "Kavya Rao", n: int = 6) -> list[str]:
    """A restaurant review from Zomato."""
    rows = review_rows("r8", n, text=text, rating=rating, author=author, source="zomato")
    return drafted_for(rows, "restaurant", BUSINESS)


@pytest.mark.parametrize("clause", [
    "I have ordered food from the restaurant in the late night",
    "The cold coffee was decent",
    "It is a small, cute cafe",
    "It is a small",
])
def test_words_that_name_a_thing_or_time_do_not_fault(clause):
    assert clause_polarity(clause) >= 0


@pytest.mark.parametrize("clause", ["the food came late", "a small portion", "the portions were small",
                                    "the coffee was cold", "ddinot provide the mayo bowls"])
def test_the_same_words_still_fault_when_they_judge(clause):
    assert clause_polarity(clause) < 0


def test_four_stars_of_pure_praise_invent_no_complaint():
    text = ("I ordered food from the restaurant in the late night, they have the best biryani, the mutton keema "
            "biryani is worth a try, still looking forward to trying some more")
    for reply in drafted(text, 4):
        low = reply.lower()
        assert not any(p in low for p in ("could be better", "could improve", "small point", "what fell short",
                                          "on us", "fair point", "the rest")), reply


def test_a_small_cute_cafe_is_praise():
    text = "It is a small,cute cafe best for the burgers they offer.\nLoved this place and the service."
    for reply in drafted(text, 4):
        assert "on us" not in reply and '"it is a small"' not in reply.lower(), reply


def test_missing_things_are_named_as_missing():
    assert missing_form("the chicken pieces", "no chicken pieces in it") == "the missing chicken pieces"
    assert missing_form("the raita", "They forgot to send the raita.") == "the missing raita"
    assert missing_form("the soya sauce", "no vinegar or soya sauce has been provided") == "the missing soya sauce"
    assert missing_form("the fries", "The fries were missing from the bag.") == "the missing fries"
    assert missing_form("the taste", "no taste at all") == "the taste"  # an absent quality is not an item
    assert missing_form("the biryani", "the biryani was cold") == "the biryani"
    assert faulted_in_text("ddinot provide the mayo bowls", [], set()) == ["the missing mayo bowls"]
    for reply in drafted("no chicken pieces in it", 1):
        assert "missing chicken pieces" in reply, reply


def test_a_problem_is_not_worded_as_a_thing_that_fell_short():
    assert is_problem("the missing raita") and is_problem("the 20-minute wait") and is_problem("the cold food")
    assert not is_problem("the biryani")
    templates = [t for slot in ("open_disappointed", "own_small", "open_mixed") for t in
                 load_phrases("restaurant")["slots"][slot]]
    assert any(OBJECT_ONLY_RE.search(t) for t in templates)  # the filter has something to do
    assert any(not OBJECT_ONLY_RE.search(t) for t in load_phrases("restaurant")["slots"]["own_small"])
    for reply in drafted("They forgot to send the raita with the biryani. Not happy.", 2):
        assert "missing raita" in reply, reply
        assert not any(p in reply for p in ("raita fell", "raita let", "raita took", "raita didn't")), reply


@pytest.mark.parametrize("text,cue", [
    ("Was very tasty but got hard time digesting. Unpleasant burps until took medicine.", "hard time digesting"),
    ("They served a cheap welcome drink which infected my throat.", "infected my throat"),
    ("Had a stomach ache all night after the thali.", "stomach ache"),
])
def test_illness_after_a_meal_goes_to_a_person(text, cue):
    reason = needs_human_reason({"text": text, "rating": 2}, {"language": "en"})
    assert reason and reason.startswith("health or safety incident") and cue in reason
    assert "illness after the visit" in [why for _, why in risk_reasons(text)]


def test_a_leading_initial_is_skipped_only_before_two_names():
    assert first_name("N Bharath Kumar Goud") == "Bharath"
    assert first_name("K. Ravi Teja") == "Ravi"
    assert first_name("J Smith") is None  # "Smith" may be a family name: greet nobody rather than wrongly


def test_three_stars_on_words_of_praise_answer_the_praise_and_ask_what_held_it_back():
    text = ("Best place to order pancakes in town. I tried the pancake with maple syrup and it was really good. "
            "The price is also reasonable.")
    for reply in drafted(text, 3):
        assert "middle-of-the-road" not in reply and "pancake" in reply.lower(), reply
        assert VOICE["contact"] in reply, reply  # an open door to say what would have made it better


def test_lukewarm_verdicts_can_be_named():
    text = "Been here. Food is average. For me all biryanis are same. So nothing special. Average ambience."
    for reply in drafted(text, 3):
        assert any(p in reply.lower() for p in ("the food", "the ambience", "nothing special", "biryani")), reply
        assert "plain and simple" not in reply and "no excuse" not in reply.lower(), reply  # average is no disaster


def test_an_object_is_never_caught_like_a_problem():
    for reply in drafted("Grilled chicken is not good", 4):
        assert "spotted the grilled chicken" not in reply and "caught the" not in reply, reply


def test_a_live_insect_in_the_food_goes_to_a_person():
    reason = needs_human_reason({"text": "I received food with a live green insect in it.", "rating": 1},
                                {"language": "en"})
    assert reason and reason.startswith("health or safety incident")


def test_too_spicy_names_the_spice_level():
    for reply in drafted("Too Spicy", 3):
        assert "spice level" in reply, reply


def test_a_forgotten_dish_is_named_as_missing():
    assert missing_form("the manchurian", "Waiter forget our Manchurian. But taste was good.") == \
        "the missing manchurian"


def test_a_quote_must_say_what_it_is_about():
    from nlp.draft import short_quote

    assert short_quote("Service was slow. It didn't have many.", [], set(), set(), -1) != "it didn't have many"


def test_too_before_praise_means_very():
    assert clause_polarity("We ordered hariyali tikka which was too soft n yummy") > 0
    assert clause_polarity("the naan was too soft") < 0


def test_a_request_is_not_praise_of_what_it_names():
    text = ("I ordered noodles and manchurian combo, first of all i would like to suggest management to send fork "
            "along with the food as they only sent spoons. Some improvement in food is suggested.")
    for reply in drafted(text, 3):
        assert "noodles hit the mark" not in reply and "kind words about the noodles" not in reply, reply


def test_five_stars_describing_a_small_room_is_no_complaint():
    text = ("This place serves amazing parathas and their combos are worth it. Lot of crowd at meal times. "
            "But worth the wait. They have a small seating area inside too.")
    for reply in drafted(text, 5):
        assert "on us" not in reply and "small point" not in reply and "the rest" not in reply, reply


def test_people_tagged_or_introduced_on_a_happy_review_are_thanked():
    for reply in drafted("The desserts were yum. @Ahmed Khan your service was unparalled. Keep up the good work.",
                         5):
        assert "Ahmed" in reply, reply
    for reply in drafted("Wings were so yum. Adil was our attendant and he was so good.", 5):
        assert "Adil" in reply, reply


def drafted_shop(title: str, text: str, rating: int, n: int = 4) -> list[str]:
    """Replies for an online shop's review with a title, as Trustpilot gives them."""
    rows = review_rows("shop", n, title=title, text=text, rating=rating, author="Dana Reyes", source="trustpilot")
    return drafted_for(rows, "retail", {"name": "Brightline Supplies", "industry": "online shop"})


def test_a_title_cut_short_by_the_site_is_never_quoted():
    for reply in drafted_shop("Hands down the best camera store in the…", "Hands down the best camera store in the "
                              "world.", 5):
        assert "…" not in reply and "in the..." not in reply, reply


def test_five_stars_with_one_fault_and_the_rest_fine_is_a_small_complaint():
    for reply in drafted_shop("I was unable to change the billing…",
                              "I was unable to change the billing address. Everything else was fine.", 5):
        low = reply.lower()
        assert "lovely thing" not in low and "good time" not in low, reply
        assert re.search(r"on us|ours|our job|responsib", low), reply  # the fault is owned, lightly
        assert "sorry" not in low or "fell short" not in low, reply


def test_a_fault_of_somewhere_else_is_not_owned():
    text = ("I can find what I need very easily. This is vastly different from the Apple Store, where I'm never sure "
            "if I'm ordering through the business account. The variety of products is impressive.")
    for reply in drafted_shop("Easy to find things", text, 5):
        assert "apple" not in reply.lower() and "on us" not in reply, reply


def test_a_purchase_order_is_not_an_insult():
    assert clause_polarity("I can put it in the cart and upload a photo of my PO.") >= 0


@pytest.mark.parametrize("clause", ["I was unable to change the billing address", "the app keeps stoping",
                                    "the app is not working", "could not log in"])
def test_things_that_did_not_work_are_faults(clause):
    assert clause_polarity(clause) < 0


@pytest.mark.parametrize("clause", ["can't recommend them enough", "couldn't be happier", "I can't wait to go back"])
def test_praise_said_through_cannot_is_praise(clause):
    assert clause_polarity(clause) > 0


def drafted_app(title: str, text: str, rating: int, n: int = 4) -> list[str]:
    """Replies for an app's store review, its author a handle."""
    rows = review_rows("app", n, title=title, text=text, rating=rating, author="Roblox is cooked lol",
                       source="app_store")
    return drafted_for(rows, "app", {"name": "Pocketwise", "industry": "app"})


def test_a_handle_with_small_words_is_not_greeted_as_a_name():
    assert first_name("Roblox is cooked lol") is None
    assert first_name("Matthew best friend") is None


def test_the_only_drawback_on_five_stars_is_owned_and_a_request_is_not_praise():
    text = ("I do like the platform. The only drawback is the honesty. A lot of people enjoy being lied to, but if "
            "they would allow for an honesty filter. I think it would make a better platform.")
    for reply in drafted_app("Pleasantly surprised", text, 5):
        assert "about the filter" not in reply and "the filter" not in reply.split(".")[0], reply
        assert re.search(r"on us|ours|our job|responsib", reply), reply


@pytest.mark.parametrize("clause", ["The only drawback is the honesty", "it won't let me do anymore",
                                    "never ever gives me enough usage for the day"])
def test_limits_and_drawbacks_are_faults(clause):
    assert clause_polarity(clause) < 0


def test_a_stone_in_the_soup_goes_to_a_person():
    text = "The taste of the food is no doubt good but I found stone in the soup I ordered."
    reason = needs_human_reason({"text": text, "rating": 2}, {"language": "en"})
    assert reason and reason.startswith("health or safety incident")


def test_hair_is_a_problem_not_a_thing_that_did_not_work():
    assert is_problem("the hair")
    for reply in drafted("The quality is good,\nBut found hair in my order which is not good.", 3):
        assert "the hair did not" not in reply and "the hair fell" not in reply, reply


def test_a_role_word_after_an_opinion_word_name_is_still_a_person():
    for reply in drafted("Good service. Sunny (waiter) was very helpful in selecting the sauce for the wings.", 5):
        assert "Sunny" in reply, reply


def test_music_that_does_not_match_is_not_praised():
    text = ("The food is the best I've had in Hyderabad, by far. The music doesn't match the general ambience for me. "
            "Service is great.")
    assert clause_polarity("The music doesn't match the general ambience for me") < 0
    for reply in drafted(text, 4):
        assert "music played its part" not in reply and "music added" not in reply, reply


def test_cannot_talk_about_what_was_not_tried_is_no_fault():
    assert clause_polarity("Haven't visited the restaurant though, so can't talk abt the experience") >= 0
    assert clause_polarity("please ensure appropriate packing") < 0


def test_what_a_place_lacks_is_named_as_a_lack():
    assert missing_form("the parking", "No parking.") == "the lack of parking"
    assert first_name("House") is None


def test_arriving_late_is_not_a_wait():
    from nlp.draft import thing_from_topic

    text = "Some people who arrived first got a welcome drink and I arrived 10 mins late, and simply didn't get it."
    t = {"topic": "wait_time", "label": "negative", "evidence": text, "category": "service", "sentiment": -0.6}
    assert "10-minute" not in thing_from_topic(t, False, set(), text)
    t["evidence"] = "we waited 40 minutes for the starters"
    assert thing_from_topic(t, False, set(), t["evidence"]) == "the 40-minute wait"


def test_a_cost_weighed_and_accepted_is_no_complaint():
    text = ("This is a nice place. Food and cocktails are great. On the expensive side but its worth it for the feel "
            "good factor. Great service by the team.")
    for reply in drafted(text, 4):
        assert "on us" not in reply and "point you raised" not in reply, reply


def test_a_request_for_more_on_four_stars_is_noted():
    text = ("It's good, quick deliveries, i like it, feels good but need some lemons and onions more, please try to "
            "do that")
    for reply in drafted(text, 4):
        assert re.search(r"on us|point|note|ours", reply), reply


def test_three_stars_with_praise_and_a_decent_word_is_answered_as_praise():
    text = ("Pocket friendly, sumptuous and decent quality. Their Kaju Biryani is a personal favorite. Well flavoured "
            "rice with a generous helping of cashews, this one is comfort at its best.")
    for reply in drafted(text, 3):
        assert "middle-of-the-road" not in reply, reply


def test_rude_managers_are_owned_as_how_they_treated_the_guest():
    text = ("Had been there for a Sunday brunch and experienced a worst and slow service. The managers are the worst "
            "here, very unmannered and impolite.")
    for reply in drafted(text, 1):
        assert "how the managers treated you" in reply or "slow service" in reply, reply
        assert "expecting more than we gave you with how" not in reply, reply


def test_a_fault_undone_by_a_negation_is_praise():
    assert clause_polarity("Thank god the hazelnut syrup they used wasnt very sweet") >= 0
    assert clause_polarity("the syrup was very sweet") < 0
    assert clause_polarity("Don’t miss it whenever you visit Hyderabad") > 0  # a curly apostrophe


def test_five_stars_with_dont_miss_invent_no_complaint():
    text = "Excellent food over the years . Don’t miss whenever you visit Hyderabad . Excellent services ......"
    for reply in drafted(text, 5):
        assert "on us" not in reply and "point you raised" not in reply, reply


def test_non_veg_is_not_shortened_to_veg():
    for reply in drafted("I loved the mixed non-veg noodles. The awesome amount of meat pieces and eggs.", 5):
        assert " veg noodles" not in reply.replace("non-veg noodles", ""), reply


def test_advice_to_go_elsewhere_is_not_a_suggestion_to_thank():
    text = ("The service is excellent. Its not true Arabic food.. shawarma is not what you expect.. If you want true "
            "Arabian food, i suggest you to go to some other place.")
    for reply in drafted(text, 2):
        assert "idea" not in reply and "suggestion" not in reply, reply


def test_untrained_staff_and_inedible_rotis_are_named():
    text = "The place is good not the staff (untrained), few of the staff behave like we owe them some money"
    for reply in drafted(text, 1):
        assert "how the staff treated you" in reply, reply
    for reply in drafted("the rotis where very stuff and non edible", 1):
        assert "rotis" in reply, reply


def test_an_ingredient_the_tagger_calls_an_adjective_stays_in_the_dish():
    from nlp.draft import noun_chunks, phrase_from_chunks, topic_patterns

    text = "We ordered lemon grass chicken , 2 pork dishes"
    assert phrase_from_chunks(noun_chunks([text])[text], topic_patterns().get("dishes", ())) == \
        "the lemon grass chicken"


def test_curly_apostrophes_keep_a_one_star_complaint_a_complaint():
    text = ("If you are ordering something be prepared to get some surprise because if they don’t have it they pack "
            "something and send it to you.\nAnd you can’t even complain because the number is always switched off")
    for reply in drafted(text, 1):
        assert "good time" not in reply and "lovely" not in reply, reply
        assert reply.count("argue") <= 1, reply


def test_half_of_a_balanced_pair_is_never_quoted():
    text = "Nothing bad, nothing good. Just there. Service is just as expected. It's a little dull place."
    for reply in drafted(text, 3):
        assert '"nothing good"' not in reply.lower(), reply


def test_too_with_any_flavour_word_is_a_fault():
    assert clause_polarity("rajma chawal so-so, too garlicky") < 0
    for reply in drafted("Dal tadka awesome rajma chawal so-so, too garlicky", 4):
        assert "on us" in reply or "point" in reply, reply


def drafted_hotel(text: str, rating: int, n: int = 4) -> list[str]:
    """Replies for a hotel review from TripAdvisor."""
    rows = review_rows("h", n, text=text, rating=rating, author="Dana Reyes", source="tripadvisor")
    return drafted_for(rows, "hotel", {"name": "Harbour Lane Hotel", "industry": "hotel"})


def test_going_without_hot_water_is_named_first():
    text = ("Bad experience. I booked a 4 night stay and on the second evening we are still without hot water in the "
            "room. Despite repeated reports, the problem has not been solved.")
    for reply in drafted_hotel(text, 1):
        assert "the lack of hot water" in reply, reply
        assert "lack of hot water let" not in reply and "lack of hot water fell" not in reply, reply


def test_no_extra_charges_is_praise():
    assert clause_polarity("No extras charges!!") > 0
    text = ("Hotel and staff are all amazing! Suzanne arranged poached eggs for breakfast which is not on the menu! "
            "No extras charges!! You won't go wrong with this hotel.")
    for reply in drafted_hotel(text, 5):
        assert "on us" not in reply and "point you raised" not in reply, reply


def test_neutral_events_and_balanced_verdicts_are_not_judgements():
    assert clause_polarity("we have gone for office party") == 0
    assert clause_polarity("Overall experience neither positive nor negative") == 0
    for reply in drafted("We have gone for office party\nFood was excellent\nService was also good", 5):
        assert "office party" not in reply, reply


def test_a_negated_fault_word_is_never_quoted_as_the_complaint():
    text = ("Ordered Malai Shawarma, it was very tasty and mainly not spicy, but when ordered for 2nd time it was very "
            "spicy!! But overall it's good.")
    for reply in drafted(text, 4):
        assert "mainly not spicy" not in reply, reply


def test_the_word_suggestion_is_never_the_thing_named():
    text = ("We went for lunch buffet. The spread in buffet is too less, just 3 veg starters. The taste was ok. Little "
            "disappointing when starters are not hot. I would suggest adding more starters.")
    for reply in drafted(text, 3):
        assert "the suggestion took" not in reply and "the suggestion let" not in reply, reply
    assert first_name("Being Prateik") == "Prateik"  # a handle built on the given name


def test_too_few_of_a_thing_is_named():
    for reply in drafted("The taste was good, but I hardly found 2 chicken pieces and a lot of tomatoes.", 2):
        assert "chicken pieces" in reply, reply


def test_an_idea_the_analysis_missed_is_thanked_not_apologised_for():
    text = "better to add an option to choose the masala... whether to take double or single"
    for reply in drafted(text, 3):
        assert "shine" not in reply and "no excuse" not in reply.lower(), reply
        assert re.search(r"idea|suggestion", reply), reply


def test_a_preference_and_a_small_restaurant_are_no_faults():
    assert clause_polarity("I prefer small chunks of chicken in my biryani as compared to one large piece") >= 0
    assert clause_polarity("this small restaurant is situated near the gachibowli flyover") >= 0
    assert clause_polarity("the small place was too cramped") < 0
    text = ("Decent place near DLF! Their fry piece chicken biryani is my favourite since I prefer small chunks of "
            "chicken in my biryani as compared to one large piece.")
    for reply in drafted(text, 3):
        assert "hoping for better" not in reply and "on us" not in reply, reply


def test_could_get_better_is_a_small_fault():
    assert clause_polarity("Their Bollywood music could get better") < 0


def test_people_named_with_a_title_or_a_misspelt_thanks_are_thanked():
    text = ("Great food with amazing service. Loved the service by Mr. Subendhu and Mr. Upendra. They did everything "
            "possible to make the experience great.")
    for reply in drafted(text, 4):
        assert "Subendhu" in reply, reply
    for reply in drafted("Loved the food here. Thankew Sabir for your awesome service. Had a good dining", 5):
        assert "Sabir" in reply, reply


def test_a_piece_of_mirror_in_the_food_goes_to_a_person():
    reason = needs_human_reason({"text": "Got a piece of mirror in the food.", "rating": 1}, {"language": "en"})
    assert reason and reason.startswith("health or safety incident")


def test_unmet_expectations_are_faults_and_exceeded_ones_praise():
    assert clause_polarity("Chicken Shawarma, was expecting the taste to be lot better") < 0
    assert clause_polarity("Overall Didn't meet my expectations") < 0
    assert clause_polarity("it exceeded my expectations") > 0
    text = ("Chicken Shawarma, was expecting the taste to be lot better but it was just ok. It tasted bland. Overall "
            "Didn't meet my expectations.")
    for reply in drafted(text, 3):
        assert "taste hit the mark" not in reply, reply


def test_a_handle_made_of_food_words_is_no_name():
    assert first_name("Right Fooodies") is None


def test_what_was_not_served_is_named_as_missing():
    for reply in drafted("sweet was not served with ordered veg executive meal box", 3):
        assert "the missing sweet" in reply, reply


def test_soil_in_the_food_goes_to_a_person():
    text = "I ordered Kadai Veg and Methi malai paratha. Both had a lot of soil particles and we couldn't eat them."
    reason = needs_human_reason({"text": text, "rating": 1}, {"language": "en"})
    assert reason and reason.startswith("health or safety incident")


def test_a_manager_who_asked_guests_to_leave_is_owned():
    text = ("Me and boys went to watch match here, we are regular customers here. But manager asked us to leave "
            "abruptly in between the match. He called bouncers upon us which was totally unnecessary.")
    for reply in drafted(text, 1):
        assert "how the manager treated you" in reply, reply


def test_typed_negations_and_old_food_are_faults():
    assert clause_polarity("dint taste good at all") < 0
    assert clause_polarity("food feels like the afternoon prepared and sent on dinner") < 0


def test_a_conceded_decent_ambience_is_not_the_fault_and_rude_waiters_are():
    text = ("Hoping to have good time.. even though ambience and music was decent... the service is EXTREMELY POOR... "
            "Waiters are rude and behave as if they are doing some favor to u... manager was also not helpful...")
    for reply in drafted(text, 1):
        assert "ambience" not in reply, reply


def test_a_fact_is_not_cited_for_a_shared_filler_word():
    from nlp.draft import _relevant_facts

    voice = {"facts": ["Our kitchen keeps a separate area for nut-free dishes."]}
    assert _relevant_facts(voice, [], "they brought dirty water, this is what you get for free") == []
    assert _relevant_facts(voice, [], "I have a nut allergy, is it safe?") != []


def test_times_of_day_are_never_the_thing_named():
    text = ("Visited with my friend in weekend. Ambience was impressive so that I started taking selfies. Service "
            "just OK. And food taste was not up to the mark.")
    for reply in drafted(text, 3):
        assert "the weekend" not in reply, reply


def test_an_adjective_cut_from_its_noun_is_never_quoted():
    # (dirty water served to drink now goes to a person: the same shape with menus)
    text = ("We asked for the menu, and they brought dirty, sticky menus just to rush us out. The "
            "waiter made facial remarks.")
    for reply in drafted(text, 2):
        assert '"they brought dirty"' not in reply.lower(), reply


@pytest.mark.parametrize("text,script", [("عالی.", "Arabic"), ("በጣም ጥሩነው", "Ethiopic"),
                                         ("Привет, всё хорошо", "Cyrillic")])
def test_short_reviews_in_another_script_go_to_a_person(text, script):
    reason = needs_human_reason({"text": text, "rating": 5}, {"language": "en"})
    assert reason and script in reason


def test_latin_script_reviews_are_not_flagged_by_script():
    assert needs_human_reason({"text": "Très bon, café délicieux", "rating": 5}, {"language": "en"}) is None


def test_struggles_and_asking_for_something_back_are_faults():
    assert clause_polarity("struggeling to log in") < 0
    assert clause_polarity("I want to get my wattsup back") < 0


def test_a_wrong_order_is_owned_as_a_mix_up():
    for text in ("Its a worst thing happened with me.we ordered for mutton family pack.here i got chicken familypack",
                 "I chose Fried Rice for my China Combo but got Noodles in return."):
        for reply in drafted(text, 1):
            assert "the mix-up with your order" in reply, reply
            assert "mix-up with your order took" not in reply and "mix-up with your order fell" not in reply, reply
    for reply in drafted("I ordered biryani and got it quickly, tasty and hot.", 5):
        assert "mix-up" not in reply, reply


def test_an_ok_on_an_angry_review_is_not_a_fault():
    text = ("It was a disappointing experience. Purina chutney was sour, methi chicken was bitter. Don't think will "
            "visit again. Attitude of service staff was ok.")
    for reply in drafted(text, 2):
        assert "attitude" not in reply.lower(), reply


def test_a_negative_word_is_no_first_name():
    assert first_name("Furious Abbadi") is None
    assert first_name("Joy Mathew") == "Joy"
    assert clause_polarity("the crispy stuff inside the burger was yuk") < 0


def test_driving_round_for_parking_is_not_a_wait_and_parking_is_named():
    text = ("The food is decent but there's nowhere to park anywhere near Mill Street after 6pm. We drove round for 20 "
            "minutes and were late for our booking.")
    for reply in drafted(text, 2):
        assert "20-minute wait" not in reply and "the booking" not in reply, reply


def test_a_booking_mix_up_on_three_stars_is_owned():
    text = ("Booked by phone for 8, arrived and they had us down for the following night. They did find us a table at "
            "the bar, but it wasn't what we'd planned.")
    for reply in drafted(text, 3):
        assert "mix-up with your booking" in reply, reply


def test_people_and_not_just_things_are_not_praised_dishes():
    text = "The kids menu is proper food, not just nuggets. Jonah brought them crayons. Thank you!"
    for reply in drafted(text, 5):
        assert "nuggets" not in reply and "Jonah" in reply, reply
    for reply in drafted("Good food for meat eaters, and the falafel is great.", 4):
        assert "meat eaters" not in reply.replace('"', "").split("Good food for")[0], reply


def test_a_staff_name_the_handle_check_doubts_is_still_thanked():
    text = "Tomasz came out to the table to tell us how the lamb is cooked, which was a lovely touch."
    for reply in drafted(text, 5):
        assert "Tomasz" in reply, reply


def test_oil_and_a_comma_separated_wrong_order_are_named():
    for reply in drafted("Full of oil", 1):
        assert "the oil" in reply, reply
    for reply in drafted("Ordered lollipop , got majestic delivered", 3):
        assert "mix-up with your order" in reply, reply


def test_the_only_con_weighed_as_worth_it_is_no_complaint():
    text = ("This place stays in the best 5 bakeries in the city for chocolate cake. The only con is pricing but worth "
            "the money for the taste. don't miss the chocolate cake.")
    for reply in drafted(text, 4):
        assert "on us" not in reply and "point you raised" not in reply, reply


def test_a_typo_of_improve_is_still_a_fault():
    assert clause_polarity("Ambiance need to improvised") < 0


def test_advice_to_other_diners_is_not_an_idea_to_thank():
    text = "This place has really good food and the service by Govind was really great. I suggest you visit this place."
    for reply in drafted(text, 5):
        assert "suggestion" not in reply and "idea" not in reply, reply
        assert "Govind" in reply, reply


def test_food_that_never_arrives_hot_is_a_fault_not_praise():
    assert clause_polarity("food never reaches hot") < 0
    for reply in drafted("improve ur packing.... food never reaches hot", 3):
        assert "credit for the food" not in reply, reply


def test_a_neighbourhood_is_not_ours_to_fix():
    text = ("Good food, mushroom vepudu starter was too good here, also as it was in indra nagar parking aslo little "
            "difficult for this resturant")
    for reply in drafted(text, 4):
        assert "indra nagar" not in reply, reply


def test_a_five_star_spicy_dish_is_no_complaint():
    text = ("I really like the place. Peri peri Chicken wings - 5/5 (Very spicy). Service is lightning quick; really "
            "friendly and Efficient Staff.")
    for reply in drafted(text, 5):
        assert "spice level" not in reply, reply


def test_a_quote_cut_from_a_relative_clause_is_never_used():
    text = ("The ambiance is a pleasant sit out with lush greens. The only thing which disappointed me is the service, "
            "which was very very slow.")
    for reply in drafted(text, 3):
        assert "disappointed me is" not in reply, reply


def test_people_addressed_are_never_the_thing_named():
    text = ("Tandoori chicken to much roasted and green chutney spoiled, price is very high and guality is very low "
            "you really desipointed me guys I never oouder there again")
    for reply in drafted(text, 1):
        assert "the guys" not in reply, reply


def test_a_regular_snack_option_on_three_stars_is_no_fault():
    text = ("It's a good find for a quick snack... The Maggie I ordered served as a perfect comfort food... cheesy and "
            "masaledaar! Looks like a potential regular mid-night snack option")
    for reply in drafted(text, 3):
        assert "on us" not in reply and "honesty about the rest" not in reply, reply


def test_crowded_because_people_love_it_is_praise():
    assert clause_polarity("It's crowded because so many wanna be here, is so epic") >= 0


def test_what_a_place_lacks_counts_as_their_words_and_praised_staff_are_quoted():
    from nlp.draft import reflected_phrases

    assert reflected_phrases("Thank you for the fair point about the lack of parking.", "No parking.")
    for reply in drafted_hotel("Very positive and helpful staff.", 4):
        assert "positive and helpful staff" in reply.lower() or "staff" in reply, reply


def test_sign_in_trouble_is_named_and_a_plea_for_help_is_answered_as_a_problem():
    for reply in drafted_app("", "struggeling to log in", 5):
        assert "the login" in reply, reply
    for reply in drafted_app("", "whatsapp unb plz help me", 5):
        assert "app does what you need" not in reply and "lift for everyone" not in reply, reply


def test_a_rude_manager_named_on_an_angry_review_is_not_thanked():
    text = ("Service: Worst..!!! Management: Rude..!!! Brunch prices not mentioned anywhere. Asked the Manager "
            "(Mr Maneesh Singh) to show the original prices. He replied with rubbish answers.")
    for reply in drafted(text, 1):
        assert "Maneesh" not in reply, reply


def test_a_name_before_a_line_break_is_still_a_person():
    for reply in drafted("Nice place to hangout\nNice service by Govind\nFood was very good and spicy", 5):
        assert "Govind" in reply, reply


def test_an_occasion_an_adjective_and_a_plural_dish_are_named_right():
    for reply in drafted("I went in team dinner there. They don't have anything in main course except biryani. "
                         "Even for starters they have very less choice.", 2):
        assert "team dinner" not in reply, reply
    for reply in drafted("Biryani was great in taste but ambience was not good. Also this restaurant is too "
                         "unhygienic and over crowded.", 3):
        assert "the unhygienic" not in reply, reply
    for reply in drafted("The ambience is really good. One of the best chicken nachos I have had till date but the "
                         "crispy chicken disappointed.", 3):
        assert "the nacho " not in reply and "the nacho," not in reply and "the nacho." not in reply, reply


def test_an_app_is_not_a_person_and_the_reviewers_own_lack_is_no_fault():
    from nlp.staff import find_staff

    words = "ChatGPT makes me look good when I'm editing pictures ! Thank you CHAT".split()
    assert [n for _, n, _ in find_staff(words, [""] * len(words)) if n] == []
    assert clause_polarity("While I have years of software development I had no electronic knowledge.") >= 0


def test_an_app_review_is_never_an_order_mix_up():
    text = ("Ever since I paid for this app it has been malfunctioning. Voice is giving me wrong responses instead of "
            "answers.")
    for reply in drafted_app("Garbage app", text, 1):
        assert "mix-up" not in reply, reply


@pytest.mark.parametrize("text", ["Insects in food, food raw, the manager was reluctant to hear the feedback",
                                  "Seems vegetable was not washed properly, hence got lot of white stone chunks "
                                  "between teeth"])
def test_insects_and_stones_in_food_go_to_a_person(text):
    reason = needs_human_reason({"text": text, "rating": 1}, {"language": "en"})
    assert reason and reason.startswith("health or safety incident")


def test_having_suggested_the_restaurant_to_friends_is_not_a_suggestion():
    text = ("I had a real bad experience and was embarrassed as I suggested this restaurant for dinner with family. We "
            "had to wait for almost an hour for the order to be served.")
    for reply in drafted(text, 1):
        assert "suggestion" not in reply and "idea" not in reply, reply


def test_a_delivered_order_is_not_a_mix_up_and_not_recommending_is_a_fault():
    text = ("Ordered chicken Biryani from this place last night and it was delivered within 45 min with good packing. "
            "Coming to the food, biryani was not upto the mark.")
    for reply in drafted(text, 2):
        assert "mix-up" not in reply, reply
    assert clause_polarity("but I am not recommending to anybody") < 0


def test_the_best_in_a_long_time_is_praise_and_a_humble_person_is_thanked():
    assert clause_polarity("The fish was the best I had eaten in a very long time.") > 0
    for reply in drafted("Raza is the most humble and sweet person at the restaurant. Food is awesome.", 5):
        assert "Raza" in reply, reply


def test_small_things_stopping_by_and_great_too_are_praise():
    assert clause_polarity("Helen stopped by to say hello.") >= 0
    assert clause_polarity("Small things mean a lot.") > 0
    assert clause_polarity("Food was great too obviously.") > 0
    text = ("Came in on a really rough day and Keira clearly noticed. She was so kind and brought me a little slice of "
            "cake on the house. Small things mean a lot. Food was great too obviously.")
    for reply in drafted(text, 5):
        assert "on us" not in reply and "Keira" in reply, reply


def test_four_star_small_complaints_are_noted():
    for text in ("The courtyard is a gem on a sunny evening. Food good, cocktails a bit sweet for me.",
                 "The dining room was roasting in the heatwave, no air con. Food was excellent though.",
                 "The lamb is as good as ever but the portion seemed smaller than it was in the autumn, and the "
                 "price has gone up by £2.",
                 "The food is well worth it, but getting through on the phone to book was hard work, I rang four "
                 "times."):
        for reply in drafted(text, 4):
            assert re.search(r"on us|ours|our job|should have", reply), reply


def test_middling_three_stars_get_a_middling_reply():
    for text in ("Fine. Food was ok, nothing that blew me away. Nice staff.", "Ok but not as good as the hype"):
        for reply in drafted(text, 3):
            assert "went wrong" not in reply and "plain and simple" not in reply and "no excuse" not in reply, reply


def test_fair_prices_and_worth_a_visit_are_praise():
    assert clause_polarity("Prices are fair for the quality") > 0
    assert clause_polarity("Worth a visit for the charred octopus alone") > 0
    assert clause_polarity("Staff kept the prosecco flowing and put up with our terrible singing") >= 0


def test_dietary_needs_in_brackets_are_neither_missing_nor_praised_dishes():
    text = ("Lovely team who remembered my dietary needs (no pork, no alcohol in the cooking) from my last visit. Food "
            "was delicious as always.")
    for reply in drafted(text, 4):
        assert "pork" not in reply and "on us" not in reply, reply


def test_ideas_said_as_would_love_or_would_be_nice_are_thanked():
    for text, rating in (("Such a fun evening, and the snacks were generous. Would love it if they did one at "
                          "Christmas.", 5),
                         ("Good kids menu, quick service at lunchtime. A changing table in the toilets would be nice.",
                          4)):
        for reply in drafted(text, rating):
            assert re.search(r"idea|suggestion", reply, re.I), reply


def test_no_reply_and_no_explanation_are_faults_never_things():
    assert clause_polarity("I've emailed twice about hiring the back room and heard nothing") < 0
    text = "50 minute wait for mains. We were seated at 8 and our mains arrived at 8.50. No apology, no explanation."
    for reply in drafted(text, 1):
        assert "the explanation" not in reply and "the apology" not in reply, reply


def test_allergen_symbols_no_longer_on_the_menu_and_wasps_are_named():
    text = ("Food was lovely, but I noticed the new menu doesn't have the allergen symbols any more. I have a "
            "shellfish allergy and had to ask about every dish. Please bring the symbols back.")
    for reply in drafted(text, 3):
        assert "allergen symbols" in reply and "the dish" not in reply, reply
    for reply in drafted("Sat in the courtyard and we were plagued by wasps the whole meal. Maybe some wasp traps? "
                         "Food fine.", 3):
        assert "the wasps" in reply, reply


def test_faults_are_named_in_the_reviewers_order_and_talk_through_said_once():
    text = ("The Sunday lamb was overcooked and the gravy was thin. It's been brilliant before. Service was slow too, "
            "there seemed to be only two servers for a packed room.")
    for reply in drafted(text, 2):
        assert "lamb" in reply and "packed room" not in reply, reply
        assert len(re.findall(r"talk(?:ing)? this through", reply)) <= 1, reply


def test_half_an_hour_is_not_an_hour_and_a_wrong_dish_delivered_is_a_mix_up():
    from nlp.draft import HOURS_RE, ORDER_MIXUP_RE

    assert HOURS_RE.search("Even the bill takes half an hour.") is None
    assert ORDER_MIXUP_RE.search("Ordered kaju panner, they have delivered chicken curry.")
    text = ("Best thing was ambience. Service was damn slow. Even bill takes half an hour. Waiter forget our "
            "Manchurian. But taste was good.")
    for reply in drafted(text, 4):
        assert "hour-long" not in reply and "Getting the missing" not in reply, reply


def test_empty_restaurants_unavailable_dishes_and_requests_are_named_right():
    text = ("Ambience was below average, there were no customers in the restaurant, we ordered 3 Mandis, which arrived "
            "after 30 minutes and the rice was cold.")
    for reply in drafted(text, 1):
        assert "missing customers" not in reply, reply
    text = ("While the food lived up to its usual great standards, I was bummed out that their spinach and mushroom "
            "dumplings were unavailable.")
    for reply in drafted(text, 3):
        assert "about the food and the spinach" not in reply and "words about the spinach" not in reply, reply
    for reply in drafted("Taste was good but the croissant became moist. please ensure appropriate packing.", 4):
        assert "appropriate packing" not in reply, reply
    for reply in drafted("please provide spoons with ice cream", 3):
        assert re.search(r"idea|suggestion", reply, re.I) and "spoons" in reply, reply


def test_the_reviewers_tastes_and_other_reviews_are_no_faults():
    assert clause_polarity("Although I am not very big fan of South Indian food") >= 0
    assert clause_polarity("Though reviews were not too good") >= 0
    assert clause_polarity("had to wait an hour just to get the starters") < 0
    text = ("As usual like a very good restaurant, ambiance is really good. Although I am not very big fan of South "
            "Indian food. But hatts off to your chef food is really good. We shall come back again.")
    for reply in drafted(text, 4):
        assert "on us" not in reply and "point you raised" not in reply, reply
    for reply in drafted("There is some serious issue with the person sitting at cash counter. He was very "
                         "unprofessional with customers.", 2):
        assert "the issue" not in reply, reply
