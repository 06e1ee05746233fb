"""Staff names in the wording of real reviews, and the words that must never be taken for a person."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import spacy

from nlp.profiles import load_profile
from nlp.staff import find_staff

ZOMATO = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "reviews" / \
    "zomato_hyderabad_restaurant_reviews.csv"
_tokenizer = spacy.blank("en").tokenizer


def names(text: str) -> list[tuple[str, str | None]]:
    words = [t.text for t in _tokenizer(text)]
    return [(name, role) for _, name, role in find_staff(words, [""] * len(words)) if name]


@pytest.mark.parametrize("text,expected", [
    ("Ranjit served us well.", [("Ranjit", None)]),
    ("Good service. Sunny (waiter) was very helpful.", [("Sunny", "waiter")]),
    ("Maria (the manager) sorted it out.", [("Maria", "manager")]),
    ("Papiya was very helpful.", [("Papiya", None)]),
    ("A big thanks to Prabhu Reddy.", [("Prabhu Reddy", None)]),
    ("Our server, Ani, was great.", [("Ani", "server")]),
    ("Next time ask for Maya.", [("Maya", None)]),
    ("Mahesh looked after us very well.", [("Mahesh", None)]),
    ("Mr. Singh helped us choose.", [("Singh", None)]),
    ("Deepak suggested us the desserts.", [("Deepak", None)]),
    ("Special kudos to Shaqeel and Narendra.", [("Shaqeel", None), ("Narendra", None)]),
    ("I need to thank Alivi, Kyn, Arjun and Kuldeep.",
     [("Alivi", None), ("Kyn", None), ("Arjun", None), ("Kuldeep", None)]),
    # a list after a plural role, a singled-out name after a group, people introduced by "named"
    ("Met couple of cool waiters Ajay and Ranjan who were really nice.", [("Ajay", "waiter"), ("Ranjan", "waiter")]),
    ("Thanks to all the staff especially Prabhu and Jenny for being attentive.",
     [("Prabhu", "staff"), ("Jenny", "staff")]),
    ("I met two persons here named Papiya and Shuvro who are the best.", [("Papiya", None), ("Shuvro", None)]),
    ("Wings were so yum. Adil was our attendant and he was so good.", [("Adil", "attendant")]),
    ("The desserts were yum. @Ahmed Khan your service was great.", [("Ahmed", None)]),
    ("Service also pretty good. Aritra the staff there was very friendly.", [("Aritra", "staff")]),
    ("Loved the service by Mr. Subendhu and Mr. Upendra.", [("Subendhu", None), ("Upendra", None)]),
    ("Mini pizza is good here. Thankew Sabir for your awesome service.", [("Sabir", None)]),
    ("Had great fun, exceptional hospitality especially Ranjit. Good variety food.", [("Ranjit", None)]),
    ("Very nice sarvice staff name shekhar and santhu sarvice nice", [("Shekhar", None), ("Santhu", None)]),
    ("Nice place. Tapan and dharma raj served us very well.", [("Tapan", None), ("Dharma", None)]),
    ("Booked for my mum's 70th and Rosa had put a little candle in her baklava.", [("Rosa", None)]),
    ("Helen was so organised, the set menu was generous.", [("Helen", None)]),
    ("We expected to be tolerated and instead Jonah brought them crayons.", [("Jonah", None)]),
    ("As a coeliac I'm nervous, but Keira went through every dish with me.", [("Keira", None)]),
    ("Tomasz came out to the table to tell us how the lamb is cooked.", [("Tomasz", None)]),
    ("Honestly the friendliest staff in town. Maya remembered our names!", [("Maya", None)]),
    ("Very good, very good service by govind&suraj all starters are tasty.", [("Govind", None), ("Suraj", None)]),
    ("Everything was perfect, special thanx to mr mahesh for his smile.", [("Mahesh", None)]),
    ("Ahmed was serving us. Polite and very cooperative staff.", [("Ahmed", None)]),
    ("Value for money.. Raza and Narendar were very helpful.. though they were busy.",
     [("Raza", None), ("Narendar", None)]),
    ("Jonah again looked after us and Helen stopped by to say hello.", [("Jonah", None), ("Helen", None)]),
    ("Came in on a really rough day and Keira clearly noticed.", [("Keira", None)]),
    ("Okay the new spring menu is insane. Tomasz is a genius. Go now.", [("Tomasz", None)]),
    ("It never disappoints. Keira is an absolute star x", [("Keira", None)]),
    ("Celebrated here. Jonah was fantastic, he brought a little sparkler out.", [("Jonah", None)]),
    ("The team were in on it - Rosa hid the ring under the napkin.", [("Rosa", None)]),
    ("Had our anniversary here. Maya had written 'Happy 10th' in chocolate.", [("Maya", None)]),
    ("Parthu was awesome towards my guests, he gave me the service I was looking for.", [("Parthu", None)]),
    ("Coming to the food service, staff - Manoj & everyone was good.", [("Manoj", "staff")]),
    ("Excellent food and excellent service by Nandan and Santun, we are fully happy.",
     [("Nandan", None), ("Santun", None)]),
    ("Service was extremely good. Ali and mantu serviceboys were really good.",
     [("Ali", "serviceboy"), ("Mantu", "serviceboy")]),
    # names typed in lower case where a name is expected, vocatives and possessives
    ("Lovely dinner. Thanks to tenzin and lobsang for their hospitality.", [("Tenzin", None), ("Lobsang", None)]),
    ("Best service by arjun, do ask for him.", [("Arjun", None)]),
    ("Good food. Farhan, special thanks to you.", [("Farhan", None)]),
    ("Great place!!\nRohit's service was excellent.", [("Rohit", None)]),
    ("Great starters and service jayesh kunal harsha so good.", [("Jayesh", None), ("Kunal", None), ("Harsha", None)]),
    ("Good service. Sahil one of the best here.", [("Sahil", None)]),
    ("Loved being serviced by Imran and staff.", [("Imran", None)]),
    ("Thank you very much mr deepak for the help.", [("Deepak", None)]),
    ("Service was great. Frequent visits from Papiya to ask about the food.", [("Papiya", None)]),
    ("Excellent service provided by Anup and Ranjit.", [("Anup", None), ("Ranjit", None)]),
    ("Our guy mr.johnson was extremely helpful.", [("Johnson", None)]),
    ("Great starters. We had a great time with Jayant.", [("Jayant", None)]),
    ("Highly recommend! Anup, Arumay and Zakir - thanks guys for a great service!",
     [("Anup", None), ("Arumay", None), ("Zakir", None)]),
    ("Food is excellent......Azad Hussian gave us a very good service......", [("Azad Hussian", None)]),
    ("The guys are very polite. Mainly gobind and Manoj. Both serve very well.", [("Gobind", None), ("Manoj", None)]),
    ("The person who served us (Sahoo) is too good.", [("Sahoo", None)]),
    ("Special thanks to Mr. Sk. Alauddin, he took care of us.", [("Alauddin", None)]),
    ("Thanks to Jo for the lovely service.", [("Jo", None)]),
    ("Amazing food, chef manoj, madhura and Tanurima are equally amazing.",
     [("Manoj", "chef"), ("Madhura", None), ("Tanurima", None)]),
])
def test_names_found(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "Highly recommended.",
    "Shawarma was very tasty.",
    "Biryani served us right.",
    "Haleem was very good here.",
    "Jalebi served in desserts was too good.",
    "The Keema Pav served here reminded me of home.",
    "Chole Bhature was kind of okayish.",
    "Ask for Zomato gold at the counter.",
    "Lots of Swiggy delivery boys outside.",
    "We went to Shanghai Chef for lunch.",
    "Mr. Dinesh @ Lime is very helpful.",
    "Worst Taste, Late Delivery, Taste is bad.",
    "Lovely evening.\n\nCheers Rakshita Nath",
    "Thanks Zomato !",
    "We tried a dish called Paneer Lababdar.",
    "The restaurant is named Paradise for a reason.",
    "The staff especially were lovely.",
    "However, the server comes and tells me during payment.",
    "The Keema Pav came out cold.",
    "Try the food, especially Chana Dal Poori.",
    "Hyderabad is a gem for biryani lovers.",
    "Paradise was great, he said we should come back.",
    "Gachibowli was great for a walk after dinner.",
    "Dominos made a mess of our order.",
    "Great service by the team. Thanks a lot man.",
    "The service provided is simply amazing.",
    "The service took so long and the food was cold.",
    "I really miss visiting this place.",
    "Thank you guys, see you again.",
    "Dishes served by kritunga are always good.",
])
def test_things_brands_and_sign_offs_are_not_people(text):
    assert [n for n, _ in names(text) if n not in {"Dinesh"}] == []


@pytest.mark.skipif(not ZOMATO.exists(), reason="development data not present")
def test_no_dish_word_named_in_real_reviews():
    """Over real reviews, no name found is a word of the restaurant profile (a dish, a drink, a topic)."""
    vocab = {w for t in load_profile("restaurant").topics for p in t.patterns for w in p.split()}
    found = []
    with ZOMATO.open(newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i >= 3000:
                break
            found += [n for n, _ in names(row["Review"] or "")]
    assert len(found) > 30  # the patterns do fire on real wording
    assert not [n for n in found if any(w.lower() in vocab for w in n.split())]
