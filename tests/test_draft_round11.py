"""Round 11: faults from a strict read of fresh real drafts, each pinned with reviews written for the test: a
person thanked for "providing the best service" missed, a judgement denied past VADER's reach ("I didn't find the
dessert very tasty") read as praise, "find" taken for the location, and advice to other diners taken for an idea.
"""

from __future__ import annotations

import spacy
from test_draft_round8 import drafted

from nlp.analyze import analyze_rows
from nlp.draft import idea_thing
from nlp.staff import find_staff
from nlp.tone import clause_polarity

_tokenizer = spacy.blank("en").tokenizer


def staff_names(text: str) -> list[str]:
    words = [t.text for t in _tokenizer(text)]
    return [name for _, name, _ in find_staff(words, [""] * len(words)) if name]


def test_a_person_who_provided_the_service_is_staff():
    assert staff_names("Lovely evening. Tarun has provided us with the best service here.") == ["Tarun"]
    assert staff_names("Meera gave us excellent service all night.") == ["Meera"]
    assert staff_names("Joseph rendered very warm hospitality.") == ["Joseph"]
    # a place or a dish giving something is not a person
    assert staff_names("The restaurant has provided good service.") == []
    assert staff_names("Biryani gave us a great time.") == []


def test_the_person_who_provided_the_service_is_thanked_by_name():
    for reply in drafted("Great food and a calm room. Tarun has provided us with the best service here.", 5):
        assert "Tarun" in reply, reply


def test_a_judgement_denied_past_three_words_is_negative():
    for text in ("I didn't find the dessert very tasty.", "We don't find their cocktails much interesting.",
                 "I did not think the curry was good."):
        assert clause_polarity(text) < -0.05, text
    # not denied, or denied for something else: unchanged
    assert clause_polarity("I found the dessert very tasty.") > 0.3
    assert clause_polarity("We didn't find our table, the food was great") > 0.3


def test_a_denied_judgement_is_never_celebrated():
    text = ("The wine list is good and the starters were lovely. But I don't find their cocktails much "
            "interesting here.")
    result = analyze_rows([{"id": "c", "text": text, "rating": 4}])[0]
    drinks = [t for t in result["topics"] if t["topic"] == "drinks"]
    # the wine is praised in the same review: the drinks are mixed, never plain praise
    assert drinks and all(t["label"] in {"negative", "mixed"} for t in drinks), result["topics"]
    for reply in drafted(text, 4):
        low = reply.lower()
        assert not any(p in low for p in ("glad the cocktails", "enjoyed the cocktails", "loved the cocktails")), reply


def test_finding_something_is_not_the_location():
    result = analyze_rows([{"id": "f", "text": "I didn't find the soup very hot.", "rating": 2},
                           {"id": "g", "text": "The place is hard to find at night.", "rating": 3}])
    assert all(t["topic"] != "location_parking" for t in result[0]["topics"]), result[0]["topics"]
    assert any(t["topic"] == "location_parking" for t in result[1]["topics"]), result[1]["topics"]


def test_advice_to_other_diners_is_not_an_idea_for_the_business():
    text = ("They have a wide range of rolls and I would always pick the paneer one, better to have it there "
            "than ordering online.")
    assert idea_thing(text, [], set()) == ""
    # a real idea still names its thing, not something said before it
    assert "paneer" in idea_thing("They have a wide range of rolls, better to add a paneer tikka roll too.", [], set())
    for reply in drafted(text, 4):
        assert "suggestion about" not in reply.lower() and "range" not in reply.lower(), reply


def test_a_named_fault_carries_the_reviewers_own_word_for_it():
    from nlp.draft import _with_verdict
    text = ("We ordered the lamb curry and two naans. The lamb curry had gone stale and the naans were a bit "
            "chewy. The dishes were greasy and inedible. The dal was not cold. The pasta was cold but tasty.")
    assert _with_verdict("the lamb curry", text) == "the stale lamb curry"
    assert _with_verdict("the naans", text) == "the naans"  # "a bit chewy": their hedge, not our adjective
    assert _with_verdict("the dishes", text) == "the inedible dishes"
    # not said, denied, or taken back at once: the name stays as it was; people are never given an adjective
    assert _with_verdict("the dal", text) == "the dal"
    assert _with_verdict("the pasta", text) == "the pasta"
    assert _with_verdict("the waiter", "The waiter was slow.") == "the waiter"
    for reply in drafted("Ordered the lamb curry for a family dinner. The lamb curry had gone stale and smelt odd. "
                         "Very upsetting.", 1):
        assert "stale lamb curry" in reply, reply


def test_the_drafter_reads_the_analyzers_domain_fault_words():
    from nlp.draft import FAULT_WORDS, clause_polarity
    assert {"subpar", "skimpy", "tinny", "puny", "condescending"} <= FAULT_WORDS
    assert clause_polarity("Very puny sound") < 0 and clause_polarity("The portions were skimpy") < 0


def test_a_product_fault_on_four_stars_is_owned_not_celebrated():
    from test_draft_round8 import drafted_for, review_rows
    rows = review_rows("puny", 4, text="Very puny sound, but works great.", rating=4, author=None, source="amazon")
    for reply in drafted_for(rows, "retail", {"name": "Brightline Supplies", "industry": "online shop"}):
        low = reply.lower()
        assert "sound" in low and "wonderful" not in low, reply
        assert any(w in low for w in ("on us", "ours", "our responsibility", "we missed", "sorry")), reply


def test_what_follows_i_dislike_that_is_quoted_when_nothing_is_named():
    from nlp.draft import short_quote
    text = "I dislike that it confuses simple requests far too often."
    assert short_quote(text, [], set(), set(), -1) == "it confuses simple requests far too often"


def test_people_thanked_in_the_shapes_real_reviews_use():
    assert staff_names("Great evening. Tarun who helped us with the menu was lovely.") == ["Tarun"]
    assert staff_names("staff is good meena who take care of our table.") == ["Meena"]
    assert staff_names("We were served by Kavya rao who took care of everything.") == ["Kavya"]
    assert staff_names("You are lucky if Imran is attending you.") == ["Imran"]
    assert staff_names("The staff was good especially Farhan with his quick service.") == ["Farhan"]
    assert staff_names("best service in town, thanks dilip will visit again") == ["Dilip"]
    assert staff_names("Deepa serve us very well.") == ["Deepa"]
    # a place in the present tense, a place thanked, a dish: no person
    assert staff_names("Behrouz serves it in a flat box with cutlery.") == []
    assert staff_names("great service thanks bdubs.") == []
    assert staff_names("The biryani who helped us") == []


def test_no_two_sentences_of_a_reply_open_alike():
    import re
    text = ("Very good place for food and drinks and good ambiance. I would like to thank Tarun who helped us "
            "with his service, we are very thankful to him.")
    for reply in drafted(text, 5):
        openers = [" ".join(re.findall(r"[a-z']+", s.lower())[:2]) for s in re.split(r"(?<=[.!?])\s+", reply)]
        assert len(openers) == len(set(openers)), reply
        assert "Tarun" in reply, reply


def test_idioms_particles_and_verbs_are_never_named_as_things():
    from nlp.draft import _unlisted_thing, used_as_verb
    for words in ("sake", "think", "works", "ka paratha"):
        assert _unlisted_thing(words, set()) == "", words
    assert used_as_verb("works", "This speaker barely works and I'm returning it.")
    for reply in drafted("Ordered a cheese pizza, for god sake there was no cheese on the pizza at all.", 1):
        assert "the sake" not in reply and "cheese" in reply, reply


def test_an_order_that_never_came_is_what_the_reply_owns():
    for reply in drafted("They cancelled our order after an hour of waiting. Not acceptable at all.", 1):
        assert "cancelled order" in reply, reply
    for reply in drafted("Never received the food, they said they cant deliver as they have many orders.", 1):
        assert "never reached you" in reply and "about the food" not in reply, reply
    # "didn't deliver on taste" is a verdict on the food, not a missing order
    for reply in drafted("The biryani didn't deliver on taste at all, very bland and dry.", 2):
        assert "never reached you" not in reply, reply


def test_what_a_product_would_not_do_is_named_as_the_complaint():
    from nlp.draft import cant_do
    assert cant_do("It can't recognize my garden wifi controller.") == "not being able to recognize your garden wifi"
    assert cant_do("Could not connect this to youtube, sadly.") == "not being able to connect to youtube"
    assert cant_do("CANNOT CANCEL SNOOZE AFTER THE ALARM GOES OFF.") == "not being able to cancel snooze"
    assert cant_do("The speakers won't sync.") == "not being able to sync"
    # a determiner is kept, never glued to its noun ("connect to amazon network", not "mazon network")
    assert cant_do("Says it can't connect to amazon network.") == "not being able to connect to amazon network"
    assert cant_do("It won't play a song I ask for.") == "not being able to play a song"
    # the thing itself failing, or too little to name: nothing
    assert cant_do("The remote won't even turn on.") == ""
    assert cant_do("I cannot use many of her features.") == ""
    from test_draft_round8 import drafted_for, review_rows
    rows = review_rows("cant", 3, text="Sound is fine. It won't load netflix and keeps buffering. Very disappointing.",
                       rating=2, author=None, source="amazon")
    for reply in drafted_for(rows, "retail", {"name": "Brightline Supplies", "industry": "online shop"}):
        assert "not being able to load netflix" in reply, reply


def test_words_that_look_like_faults_but_fault_nobody():
    from nlp.draft import clause_polarity as drafter_polarity
    from nlp.draft import specific_fault
    # the reviewer's own forgetting, a waiting area, an alarm going off
    assert drafter_polarity("the biryani was so good that we forgot to click the pics") >= 0
    assert drafter_polarity("you will see a big statue near the waiting area") == 0
    assert drafter_polarity("we were waiting for an hour") < 0
    assert specific_fault("Cancelling an alarm that has gone off is fiddly on the screen.", [], set()) == []
    for reply in drafted("An old favourite. The kebabs were so good that we forgot to click the pics. You will see a "
                         "big statue near the waiting area.", 5):
        low = reply.lower()
        assert "on us" not in low and "sorry" not in low and "point you raised" not in low, reply


def test_praise_by_other_people_doubted_is_a_complaint():
    assert clause_polarity("I just wonder how people praise the food here.") < -0.05
    text = ("I just wonder how people praise the food and service here. The mandi was overhyped and the raita came "
            "after we had finished. The ambience is nicer than other places.")
    for reply in drafted(text, 2):
        low = reply.lower()
        assert "kind words about the food" not in low and "praise for the food" not in low, reply


def test_can_do_better_is_a_complaint_not_a_warm_comment():
    for reply in drafted("can do better", 2):
        low = reply.lower()
        assert "warm comment" not in low and "kind" not in low, reply


def test_common_misspellings_are_never_echoed():
    from nlp.draft import misspelt
    assert misspelt("thier") and misspelt("restuarant") and misspelt("extrememly")
    assert misspelt("dissapointed") and misspelt("blant")
    assert not misspelt("biriyani") and not misspelt("marinated") and not misspelt("flavoured")


GUSH = ("made your day", "made our day", "talking about for a while", "real lift", "best kind of news",
        "exactly why we do this", "such a generous", "put a smile on", "mean a great deal", "means a lot")


def test_plain_praise_is_thanked_not_celebrated():
    for text, rating in (("good", 5), ("Nice place, food was fine.", 4), ("Good food. Service ok.", 3)):
        for reply in drafted(text, rating):
            low = reply.lower()
            assert not any(g in low for g in GUSH), reply
    # strong words still get joy
    assert any(any(g in r.lower() for g in GUSH) or "glad" in r.lower() or "pleasure" in r.lower()
               for r in drafted("Amazing biryani and the best service in town, loved it!", 5, n=8))


def test_three_stars_is_never_a_generous_review_and_calm_words_are_not_called_anger():
    for reply in drafted("Disappointed, really disappointed. The biryani here is nothing like the other outlet.", 3):
        assert "generous" not in reply.lower(), reply
    for reply in drafted("The sound of the live band could improve, the volume was uneven.", 2):
        low = reply.lower()
        assert "angry" not in low and "upset" not in low and "frustrat" not in low, reply


def test_a_measured_three_star_complaint_is_owned_once():
    text = "Average place with average food and ambience. The food is just ok with okayish ambience."
    for reply in drafted(text, 3):
        low = reply.lower()
        assert "right to" not in low and "won't defend" not in low and "every right" not in low, reply


def test_name_forms_family_name_first_titles_and_split_names():
    from nlp.draft import first_name
    assert first_name("Kothasetty Ramya") == "Ramya"  # a Telugu family name first
    assert first_name("Gunnavaru Kiran") == "Kiran"
    assert first_name("CA Ritu Sharma") == "Ritu"  # a chartered accountant's title
    assert first_name("Adv. Meera Rao") == "Meera"
    assert first_name("Ka Vya") is None  # a name split in two: unsure, so no name
    assert first_name("Jo March") == "Jo" and first_name("Ravi Shetty") == "Ravi"


def test_ideas_in_other_shapes_are_heard():
    from nlp.signals import is_suggestion
    assert is_suggestion("Instead of packing both in one big box, you can use two small ones.")
    assert is_suggestion("I think their mocktail menu should grow now.")
    assert not is_suggestion("Instead of rice I had naan.")


def test_eagerly_waiting_is_looking_forward_not_a_wait():
    from nlp.draft import clause_polarity as drafter_polarity
    assert drafter_polarity("eagerly waiting for my next visit") == 0
    assert drafter_polarity("we were waiting for 40 minutes") < 0


def test_staff_faulted_by_a_pronoun_in_the_next_sentence_are_named():
    from nlp.draft import treated_by
    text = ("The staff at the counter don't know anything about customer service. They were very rude and mean to "
            "us. The cupcakes were fine.")
    assert treated_by(text) == "staff"
    for reply in drafted(text, 2):
        assert "how the staff treated you" in reply, reply
    assert treated_by("The staff were lovely. They were quick too.") == ""


def test_being_rushed_is_the_complaint_not_the_dish_beside_it():
    text = ("Lovely quiet place. We ordered the grilled mushrooms and the ribs, but we were rushed into placing the "
            "order at 10pm and told to place our last orders instantly.")
    for reply in drafted(text, 3):
        assert "rushed" in reply and "mushrooms" not in reply.split(".")[0], reply


def test_a_verdict_before_the_noun_is_kept_too():
    from nlp.draft import _with_verdict
    assert _with_verdict("the naan", "We got burnt naan and cold dal.") == "the burnt naan"
    assert _with_verdict("the bread", "It was not stale bread at all, just a bit hard.") == "the bread"


def test_names_beside_handles_and_given_names_that_are_words():
    from nlp.draft import first_name
    assert first_name("Hungry Hearts (Meghna Rao)") == "Meghna"  # the real name in brackets beside a handle
    assert first_name("Masih Uddin (Food Therapy)") == "Masih"  # an aside after a real name
    assert first_name("Food&Bikes (FaB)") is None  # a handle's acronym is no name
    assert first_name("Harsh Malhotra") == "Harsh"  # a given name that is also a word, before a family name
    assert first_name("Killer Faraz") is None and first_name("The Voice Of Youth") is None
