"""A person named in a plain sentence takes the verdict of the next one when it speaks of them ("He was ...")."""

from nlp.analyze import analyze_rows


def _staff(text: str) -> list[dict]:
    return analyze_rows([{"id": "1", "text": text}])[0]["staff"]


def test_praise_in_the_next_sentence_reaches_the_person():
    (person,) = [s for s in _staff("Our host tonight was Mr. Kishore. He was so warm and attentive.") if s["name"]]
    assert person["name"] == "Kishore" and person["label"] == "positive"


def test_a_complaint_in_the_next_sentence_reaches_the_role():
    (person,) = _staff("We asked for the manager. He was dismissive and walked away.")
    assert person["role"] == "manager" and person["label"] == "negative"


def test_a_next_sentence_about_something_else_lends_nothing():
    (person,) = [s for s in _staff("We met Mr. Kishore at the door. The biryani was superb.") if s["name"]]
    assert person["label"] == "neutral"


def test_cuisines_and_hotel_chains_are_no_staff_names():
    names = {s["name"] for s in _staff("The Chinese chef here is great. Better than the Marriott staff, honestly.")}
    assert not names & {"Chinese", "Marriott"}
