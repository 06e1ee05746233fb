"""Drafter round 4: what a reply names must agree with the reviewer's own clause about it.

Hand-written reviews for each fault found reading real drafts: praise named from a lukewarm or complaining
clause, product names read as verdicts, chat spellings named as things, short reviews with nothing reflected,
one idea said twice, and stars that contradict the words.
"""

from __future__ import annotations

import re

from draft_cases import BUSINESS, VOICE, analysis, body, topic

from nlp.draft import (
    check_reply,
    clause_polarity,
    draft_many,
    draft_reply,
    names_rightly,
    noun_chunks,
    phrase_from_chunks,
    sentence_ideas,
    split_sentences,
    thing_polarity,
)


def test_clause_polarity_reads_domain_words_negation_and_lukewarm_ratings():
    assert clause_polarity("the food was cold") == -1
    assert clause_polarity("not at all fresh") == -1
    assert clause_polarity("pizza was not up to the mark") == -1
    assert clause_polarity("Rate is a bit on the higher side") == -1
    assert clause_polarity("the biryani was tasty") == 1
    assert clause_polarity("Service ok") == 0  # a rating, not praise
    assert clause_polarity("food feels like it was made in the afternoon") == 0  # "like" as "as"
    assert clause_polarity("I had Dry Fruit Overload ice cream from this outlet") == 0  # a product name


def test_a_thing_is_judged_by_its_own_clause_not_the_whole_sentence():
    text = "The ambience is excellent, the food not so much. Service was a bit slow too."
    assert thing_polarity("the ambience", text) == 1
    assert thing_polarity("the food", text) == -1
    assert thing_polarity("the service", text) == -1
    assert thing_polarity("the parking", text) is None
    assert not names_rightly("the service", 1, text, side=0)
    assert names_rightly("the ambience", 1, text, side=0)


def test_praise_label_on_a_lukewarm_or_complaining_clause_is_not_named_as_praise():
    row = {"id": "p1", "author": "Priya", "rating": 3,
           "text": "Service was ok. The music played far too loud all night. The ambience was lovely."}
    a = analysis("mixed", [topic("staff_attitude", "positive", "Service was ok", "service"),
                           topic("noise", "positive", "The music played far too loud all night", "ambience"),
                           topic("ambience", "positive", "The ambience was lovely", "ambience")])
    for i in range(8):
        d = draft_reply({**row, "id": f"p{i}"}, a, BUSINESS, VOICE)
        reply = body(d["reply"])
        assert not re.search(r"(?:music|service) (?:played its part|pleased|won|hit the mark|stood out)", reply)
        # Named as praise is wrong; owned as the fault it is ("sorry the music let the visit down") is right.
        assert not re.search(r"(?:enjoyed|kind words about|glad|pleased|praise for|singling out) (?:[\w'-]+ ){0,2}"
                             r"(?:music|service)\b", reply), reply


def test_fault_label_on_praise_is_not_apologised_for_even_with_a_low_rating():
    row = {"id": "f1", "author": "Omar", "rating": 2,
           "text": "The staff were friendly and the service was quick. The biryani was cold and bland."}
    a = analysis("negative", [topic("staff_attitude", "negative", "the service was quick", "service"),
                              topic("food_quality", "negative", "The biryani was cold and bland", "food")])
    reply = body(draft_reply(row, a, BUSINESS, VOICE)["reply"])
    assert "biryani" in reply and "service" not in reply, reply


def test_names_split_from_products_and_chat_spellings_are_never_named():
    for text in ("I ordered the Mutton Over Load wrap", "warest food I get, ur food is bad",
                 "dint taste good at all", "such a famous bar with pathetic people"):
        chunks = noun_chunks([text])[text]
        phrase = phrase_from_chunks(chunks)
        assert phrase not in ("the load", "the ur food", "the dint taste", "the famous bar", "the bar"), phrase


def test_a_short_review_hears_its_own_words_back():
    cases = [({"id": "s1", "author": "Ravi", "rating": 5, "text": "Good Delivery"}, "positive", "the delivery"),
             ({"id": "s2", "author": "Ravi", "rating": 3, "text": "Rate is a bit on the higher side"}, "mixed",
              "the prices")]
    for row, label, expected in cases:
        d = draft_reply(row, analysis(label), BUSINESS, VOICE)
        assert expected in d["reply"], d["reply"]
        assert all(d["checks"].values()), d["checks"]


def test_one_idea_is_said_once_per_reply():
    assert sentence_ideas("I'm sorry about the wait; you deserved better from us.") == {"deserved"}
    pairs = []
    for i in range(40):
        row = {"id": f"i{i}", "author": "Anil", "rating": 1, "text": "The rice tasted burnt and the dal was bland."}
        a = analysis("negative", [topic("food_quality", "negative", row["text"], "food")],
                     emotions=[{"emotion": "angry", "ekman": "anger", "intensity": 0.9}])
        pairs.append((row, a))
    for d in draft_many(pairs, BUSINESS, VOICE):
        seen: list[str] = []
        for sentence in split_sentences(body(d["reply"])):
            ideas = sentence_ideas(sentence)
            assert not ideas & set(seen), d["reply"]
            seen += ideas
        assert all(d["checks"].values()), d["checks"]


def test_words_that_contradict_the_stars_are_what_the_reply_answers():
    row = {"id": "c1", "author": "Muna", "rating": 5, "text": "Not plenty of gravy... Lack of test"}
    a = analysis("positive")
    d = draft_reply(row, a, BUSINESS, VOICE)
    assert not re.search(r"warm words|generous|glad|pleased|lovely", d["reply"], re.I), d["reply"]
    assert VOICE["contact"] in d["reply"] and all(d["checks"].values()), d
    # A low rating on a request is not turned into praise.
    row = {"id": "c2", "author": "Kulsoom", "rating": 1,
           "text": "Please mention on the menu that you only serve a whole cake, so people don't waste time."}
    reply = draft_reply(row, analysis("negative"), BUSINESS, VOICE)["reply"]
    assert "warm words" not in reply and VOICE["contact"] in reply


def test_a_happy_rating_with_an_unnamed_fault_still_opens_with_a_greeting():
    row = {"id": "g1", "author": "Saurabh", "rating": 5,
           "text": "I had Dry Fruit Overload ice cream here. Damn, it was so amazing!"}
    a = analysis("mixed", [topic("dishes", "negative", "I had Dry Fruit Overload ice cream here.", "food"),
                           topic("overall_experience", "positive", "it was so amazing", "other")])
    d = draft_reply(row, a, BUSINESS, VOICE)
    assert d["reply"].startswith(("Hi Saurabh", "Hello Saurabh", "Saurabh,")), d["reply"]
    assert check_reply(d["reply"], row, a, VOICE)["uses_name"]


def test_one_phrase_per_head_noun():
    row = {"id": "h1", "author": "Vishnu", "rating": 4,
           "text": "Service was very quick and fast. The service is great."}
    a = analysis("positive", [topic("staff_attitude", "positive", "The service is great", "service"),
                              topic("wait_time", "positive", "Service was very quick and fast", "service")])
    reply = draft_reply(row, a, BUSINESS, VOICE)["reply"]
    assert not re.search(r"service,? and the (?:quick )?service", reply), reply
