"""The second reading of a draft: checks that look at the review afresh and flag a draft whose composer misread
it (an apology on a happy review, a side point answered instead of the worst complaint, a typo echoed back)."""

from __future__ import annotations

from nlp.draft_review import second_reading, worst_clauses

SIGN = "\n\nWarm regards, Asha"


def test_an_apology_on_an_all_praise_review_is_flagged():
    row = {"text": "The lamb shank melted off the bone and our server Tomas kept the water coming. Superb night.",
           "rating": 5}
    bad = "Hi Dana, thank you for the kind words, and I'm sorry the lamb fell short. That is on us." + SIGN
    good = "Hi Dana, the lamb shank melting off the bone is exactly what we hope for, and Tomas will hear this." + SIGN
    assert second_reading(bad, row)["no_fault_invented"] is False
    assert second_reading(good, row)["no_fault_invented"] is True


def test_a_four_star_review_with_a_real_nit_may_be_answered_with_ownership():
    row = {"text": "Lovely curries, but the naan arrived cold.", "rating": 4}
    reply = "Hi Dana, glad the curries hit the spot, and I'm sorry the naan arrived cold." + SIGN
    assert second_reading(reply, row)["no_fault_invented"] is True


def test_the_worst_complaint_must_be_touched_not_a_side_point():
    row = {"text": "The paneer was a bit oily. The manager shouted at my mother in front of everyone, "
                   "which was humiliating and disgusting.", "rating": 1}
    worst = worst_clauses([("The paneer was a bit oily.", "The paneer was a bit oily."),
                           ("which was humiliating", "The manager shouted at my mother, which was humiliating")])
    assert worst == [("which was humiliating", "The manager shouted at my mother, which was humiliating")]
    side = "Hi Dana, I'm sorry the paneer was oily; that is on us. Please write to me at asha@x.example." + SIGN
    main = ("Hi Dana, the way our manager shouted at your mother is not acceptable, and I am sorry. "
            "Please write to me at asha@x.example." + SIGN)
    assert second_reading(side, row)["worst_complaint_named"] is False
    assert second_reading(main, row)["worst_complaint_named"] is True


def test_a_short_complaint_quoted_whole_counts_as_named():
    row = {"text": "way too bad", "rating": 1}
    reply = 'Hi Dana, reading "way too bad" stings, and I own it. Please write to me at asha@x.example.' + SIGN
    assert second_reading(reply, row)["worst_complaint_named"] is True


def test_a_typo_echoed_back_is_flagged_but_names_are_not_judged():
    row = {"text": "The choclate cake was lovely, thanks to Rameshwar.", "rating": 5}
    echoed = "Hi Dana, we are so glad the choclate cake was a hit." + SIGN
    clean = "Hi Dana, we are so glad the chocolate cake was a hit, and Rameshwar will hear it." + SIGN
    assert second_reading(echoed, row)["words_spelled_right"] is False
    assert second_reading(clean, row)["words_spelled_right"] is True


def test_praise_of_a_thing_the_review_called_average_is_flagged():
    row = {"text": "The biryani was average. The lassi was wonderful and the staff were kind.", "rating": 3}
    wrong = "Hi Dana, I'm glad the biryani won you over." + SIGN
    right = "Hi Dana, I'm glad the lassi won you over, and I hear you that the biryani was only average." + SIGN
    assert second_reading(wrong, row)["praise_is_grounded"] is False
    assert second_reading(right, row)["praise_is_grounded"] is True


def test_delight_on_a_middling_review_is_flagged_but_not_on_a_rave():
    middling = {"text": "Food was okay, nothing special. Service was fine.", "rating": 3}
    rave = {"text": "Best dosa in town, crisp and hot, and the chutneys were perfect.", "rating": 5}
    gush = "Hi Dana, your review made our day and the whole team will be talking about it for a while." + SIGN
    assert second_reading(gush, middling)["no_gushing"] is False
    assert second_reading(gush, rave)["no_gushing"] is True


def test_a_bare_verdict_is_not_the_complaint_to_name():
    row = {"text": "Worst experience ever. Waste of time. The naan was burnt and the dal was watery.", "rating": 1}
    reply = ("Hi Dana, I'm sorry about the burnt naan and the watery dal; that is on us. "
             "Please write to me at asha@x.example." + SIGN)
    assert second_reading(reply, row)["worst_complaint_named"] is True


def test_every_composed_draft_carries_its_second_reading():
    from nlp.analyze import analyze_rows
    from nlp.draft import draft_many

    rows = [{"id": "a", "text": "Worst night out. The waiter ignored us for an hour and the curry was cold.",
             "rating": 1, "author": "Dana Reyes", "source": "zomato"},
            {"id": "b", "text": "Gorgeous dosa and the sambar was spot on.", "rating": 5, "author": "Lee Park",
             "source": "zomato"}]
    drafts = draft_many(zip(rows, analyze_rows(rows), strict=True), {"name": "Spice Route", "industry": "restaurant"},
                        {"signature": "Asha", "contact": "asha@x.example", "tone": "warm"})
    for d, row in zip(drafts, rows, strict=True):
        assert set(d["second_reading"]) == {"no_fault_invented", "worst_complaint_named", "praise_is_grounded",
                                            "no_gushing", "words_spelled_right"}
        assert d["second_reading"] == second_reading(d["reply"], row)
