"""Drafter round 2: implied discrimination, allergy incidents, languages, greetings, grounded specifics and
owner-learned avoidances (hand-written reviews; the noun chunker is the real spaCy parser)."""

from __future__ import annotations

import pytest

from nlp.draft import (
    check_reply,
    draft_many,
    draft_reply,
    learned_avoidances,
    needs_human_reason,
    phrase_from_chunks,
    reflected_phrases,
    sentence_key,
    split_sentences,
)

BUSINESS = {"name": "Olive & Ember", "industry": "restaurant"}
VOICE = {"signature": "Sam, General Manager", "contact": "sam@oliveandember.example", "tone": "warm",
         "banned_phrases": [], "facts": [], "policies": []}


def analysis(label="negative", topics=(), language="en", staff=()):
    return {"id": "x", "language": language, "sentiment": {"score": 0.0, "label": label}, "topics": list(topics),
            "emotions": [], "staff": list(staff), "suggestion": False, "urgency": 0.2}


def topic(name, label, evidence, category="other"):
    return {"topic": name, "category": category, "sentiment": 0.6 if label == "positive" else -0.6,
            "label": label, "evidence": evidence}


@pytest.mark.parametrize("text", [
    "My partner and I (two men) were holding hands and the host moved us to a table at the back. "
    "Other couples stayed at the window.",
    "The manager refused to seat my friend because she wears a hijab.",
    "They asked us to leave when my dad's wheelchair got in the way. Humiliating.",
    "Staff ignored us all night because we're Black, while other tables were served.",
])
def test_implied_discrimination_goes_to_a_person(text):
    row = {"id": "d", "author": "Danny", "rating": 1, "text": text}
    assert "discrimination" in (needs_human_reason(row, analysis()) or "")


@pytest.mark.parametrize("text", [
    "My husband uses a wheelchair and the team moved a table so he could sit comfortably. Thank you!",
    "Two men at the bar were loud, but the food was good.",
])
def test_praise_or_a_mere_mention_of_a_trait_is_drafted(text):
    row = {"id": "ok", "author": "Wendy", "rating": 5, "text": text}
    assert needs_human_reason(row, analysis("positive")) is None


@pytest.mark.parametrize("text", [
    "I told our server I have a sesame allergy. I had a reaction in the car park and had to use my inhaler.",
    "My daughter is allergic to nuts; within minutes her lips started to swell and we used her EpiPen.",
    "Despite my coeliac warning I was ill all night after the pasta.",
])
def test_allergy_incidents_go_to_a_person(text):
    row = {"id": "a", "author": "Martin", "rating": 1, "text": text}
    assert "health or safety" in (needs_human_reason(row, analysis()) or "")


@pytest.mark.parametrize(("text", "rating"), [
    ("I have a shellfish allergy and the new menu has no allergen symbols. Please bring them back.", 3),
    ("My son has a severe nut allergy and Keira checked every dish with the kitchen. Such a relief.", 5),
])
def test_an_allergy_worry_or_thanks_is_not_an_incident(text, rating):
    assert needs_human_reason({"id": "w", "rating": rating, "text": text}, analysis("mixed")) is None


def test_other_languages_are_named_in_the_reason():
    row = {"id": "es", "author": "Mateo", "rating": 4, "text": "El pulpo estaba buenísimo, volveremos."}
    reason = needs_human_reason(row, analysis("positive", language="es"))
    assert reason.startswith("written in Spanish ('es')") and "by hand" in reason
    draft = draft_reply(row, analysis("positive", language="es"), BUSINESS, VOICE)
    assert draft["needs_human"] and "reply" not in draft


def test_named_and_anonymous_reviewers_are_both_greeted():
    pairs = []
    for i in range(30):
        author = "Dana Reyes" if i % 2 else "foodie_99"
        row = {"id": f"g{i}", "author": author, "rating": 5, "text": "The lamb shoulder was superb."}
        pairs.append((row, analysis("positive", [topic("food_quality", "positive", "The lamb shoulder was superb.",
                                                       "food")])))
    for (row, _), d in zip(pairs, draft_many(pairs, BUSINESS, VOICE), strict=True):
        opening = d["reply"].split(",")[0]
        if row["author"] == "Dana Reyes":
            assert opening in ("Dana", "Hi Dana", "Hello Dana"), d["reply"]
        else:
            assert opening in ("Hi there", "Hello", "Hi", "Hello there"), d["reply"]
        assert d["checks"]["uses_name"]
    assert not check_reply("Thank you for the lamb. Nice. Bye.", pairs[0][0], pairs[0][1], VOICE)["uses_name"]


def test_specifics_are_the_reviewers_noun_phrases_not_topic_labels():
    row = {"id": "b1", "author": "Jon", "rating": 1,
           "text": "Your new booking system cancelled our reservation without telling us. Shambles."}
    a = analysis("negative", [topic("staff_attitude", "negative", "Your new booking system cancelled our "
                                    "reservation without telling us.", "service")])
    reply = draft_reply(row, a, BUSINESS, VOICE)["reply"]
    assert "booking system" in reply or "the reservation" in reply
    assert "the way you were treated" not in reply and "the people" not in reply
    assert all(draft_reply(row, a, BUSINESS, VOICE)["checks"].values())


def test_a_wrong_or_missing_noun_gives_no_specific_rather_than_a_guess():
    row = {"id": "c1", "author": "Ellen", "rating": 2, "text": "Slightly cramped. We asked for a booth next time."}
    a = analysis("negative", [topic("ambience", "negative", "Slightly cramped.", "ambience")])
    reply = draft_reply(row, a, BUSINESS, VOICE)["reply"]
    assert "the booth" not in reply and "the atmosphere" not in reply
    assert "slightly cramped" in reply.lower()  # their own words, quoted, instead


def test_noun_chunks_drop_opinions_names_and_people():
    def tok(text, pos="NOUN", start=False):
        return (text, text.lower(), pos, start)
    chunks = [(tok("Maya", "PROPN", True),), (tok("the", "DET"), tok("friendly", "ADJ"), tok("staff")),
              (tok("the", "DET"), tok("whipped", "VERB"), tok("feta"), tok("flatbread"))]
    assert phrase_from_chunks(chunks, ("flatbread",), {"Maya"}) in ("the feta flatbread", "the whipped feta flatbread")
    assert phrase_from_chunks(chunks[:2], (), {"Maya"}) == ""


def test_mentions_specifics_needs_a_phrase_the_reviewer_used():
    review = "The whipped feta flatbread was warm from the oven."
    assert reflected_phrases("Thank you for the kind words about the feta flatbread.", review)
    assert not reflected_phrases("Thank you for the kind words about the food.", review)
    assert not reflected_phrases("Thank you for the kind words about your visit.", review)
    row = {"id": "s", "author": "Hannah", "rating": 5, "text": review}
    a = analysis("positive", [topic("food_quality", "positive", review, "food")])
    vague = "Hi Hannah, thank you for the people. It was lovely. Come back soon.\n\nBest, Sam, General Manager"
    assert not check_reply(vague, row, a, VOICE)["mentions_specifics"]


def test_learned_avoidances_counts_deletions_per_edit():
    a = "Hi Dana, thanks for the lamb. It's good to know the care behind the scenes shows. See you soon."
    b = "Hello Ravi, thanks for the biryani. It's good to know the care behind the scenes shows. Take care."
    edits = [(a, "Hi Dana, thanks for the lamb. See you soon."),
             (b, "Hello Ravi, thanks for the biryani. Take care."),
             (a, a)]
    key = sentence_key("It's good to know the care behind the scenes shows.")
    assert learned_avoidances(edits) == [key]
    assert learned_avoidances(edits, min_times=3) == []
    assert set(learned_avoidances(edits, min_times=1)) == {key}


def test_drafts_never_use_an_avoided_phrasing():
    pairs = [({"id": f"v{i}", "author": "Dana", "rating": 5, "text": f"Loved the {dish}."},
              analysis("positive", [topic("food_quality", "positive", f"Loved the {dish}.", "food")]))
             for i, dish in enumerate(["risotto", "lamb", "octopus", "falafel", "baklava"] * 6)]
    plain = draft_many(pairs, BUSINESS, VOICE)
    counts: dict[str, int] = {}
    for d in plain:
        for s in split_sentences(d["reply"])[1:]:
            counts[sentence_key(s)] = counts.get(sentence_key(s), 0) + 1
    common = max(counts, key=counts.get)
    phrase = "made our day"
    voice = {**VOICE, "avoid_sentences": [common, phrase]}
    for d in draft_many(pairs, BUSINESS, voice):
        keys = {sentence_key(s) for s in split_sentences(d["reply"])}
        assert common not in keys and phrase not in d["reply"].lower()
        assert all(d["checks"].values()), d["checks"]
    used = plain[0]["reply"]
    assert not check_reply(used, *pairs[0], {**VOICE, "avoid_sentences": split_sentences(used)[1:2]})[
        "no_banned_phrases"]
