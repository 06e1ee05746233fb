"""Drafter round 5: replies in each industry's own words (hotel stays, app updates, shop orders, appointments),
faults routed to that industry's teams, and health-care replies that never confirm someone was a patient.

Hand-written reviews pin each rule; real scraped records from ../shared/data/sites (Booking.com, Google Play)
run through the real analyzer with the matching profile.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from draft_cases import analysis, body, topic

from nlp.draft import (
    FAMILIES,
    check_reply,
    draft_many,
    draft_reply,
    industry_family,
    load_phrases,
    team_for,
)

SITES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "sites"
VOICE = {"signature": "Sam, General Manager", "contact": "sam@example.org", "tone": "warm",
         "banned_phrases": [], "facts": [], "policies": []}
HOTEL = {"name": "Harbour Lane Hotel", "industry": "boutique hotel"}
APP = {"name": "Pocketwise", "industry": "mobile app"}
SHOP = {"name": "Brightline Supplies", "industry": "online shop"}
DENTIST = {"name": "Northside Dental", "industry": "dental practice"}
GARAGE = {"name": "Northside Motors", "industry": "car garage"}
# Phrasings that presume a meal out: never in a reply from another kind of business.
RESTAURANT_ONLY = re.compile(r"\byour table\b|\bafter a meal\b|\bthe kitchen\b", re.I)
# Phrasings that confirm a visit or treatment: never in a health-care reply.
CONFIRMS_PATIENT = re.compile(
    r"\b(?:your (?:visit|appointment|treatment|stay|time with us|next)|came in|coming in|see you|seeing you|"
    r"welcome you|looked after you|when you (?:came|were|visited)|our patients?|as a patient|back to see)\b", re.I)


@pytest.mark.parametrize(("industry", "family"), [
    ("restaurant", "restaurant"), ("Italian bistro", "restaurant"), ("wine bar", "restaurant"),
    ("boutique hotel", "hotel"), ("bed and breakfast", "hotel"), ("mobile app", "app"), ("SaaS", "app"),
    ("online shop", "retail"), ("car garage", "local_services"), ("hair salon", "local_services"),
    ("dental practice", "health"), ("physiotherapy clinic", "health"), ("", "restaurant"),
])
def test_industry_maps_to_a_phrase_family(industry, family):
    assert industry_family({"industry": industry}) == family


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_bank_keeps_enough_phrasings_none_of_which_it_forbids(family):
    bank = load_phrases(family)
    for slot, options in bank["slots"].items():
        assert len(options) >= 5, (family, slot, options)
        for option in options:
            assert bank["drop"] is None or not bank["drop"].search(re.sub(r"{\w+}", " ", option)), (slot, option)
    for kind, closers in bank["closers"].items():
        assert len(closers) >= 8, (family, kind)


def test_a_hotel_guest_hears_about_their_stay_and_housekeeping_never_a_table():
    pairs = []
    for i in range(20):
        rating = 5 if i % 2 else 2
        text = ("The room was spotless and the bed so comfortable." if rating == 5 else
                "The room was dirty and the shower was broken.")
        label = "positive" if rating == 5 else "negative"
        pairs.append(({"id": f"h{i}", "author": "Dana", "rating": rating, "text": text},
                      analysis(label, [topic("room_comfort", label, text, "room")])))
    drafts = draft_many(pairs, HOTEL, VOICE)
    for d in drafts:
        assert not RESTAURANT_ONLY.search(d["reply"]) and not re.search(r"\bvisit", d["reply"]), d["reply"]
        assert all(d["checks"].values()), (d["checks"], d["reply"])
    happy = " ".join(d["reply"] for d in drafts[1::2])
    assert re.search(r"\bstay\b", happy), happy
    room = topic("room_comfort", "negative", "the room was dirty", "room")
    desk = topic("front_desk", "negative", "check-in was slow", "service")
    assert team_for([room], family="hotel") == "the housekeeping team"
    assert team_for([desk], family="hotel") == "the front desk team"
    assert team_for([desk], family="restaurant") == "the front-of-house team"


def test_an_app_user_hears_about_the_app_and_support_never_a_return_visit():
    row = {"id": "a1", "author": "Priya Nair", "rating": 1, "source": "google_play",
           "text": "The app crashes every time I open the camera. Useless since the update."}
    a = analysis("negative", [topic("stability", "negative", "The app crashes every time I open the camera",
                                    "stability")])
    d = draft_reply(row, a, APP, VOICE, platform_limit=350)
    assert "engineering team" in d["reply"] or VOICE["contact"] in d["reply"]
    assert VOICE["contact"] in d["reply"] and len(d["reply"]) <= 350
    assert all(d["checks"].values()), d
    pairs = [({"id": f"p{i}", "author": "Sam Lee", "rating": 5, "text": "Great app, love the new design."},
              analysis("positive", [topic("usability", "positive", "love the new design", "usability")]))
             for i in range(15)]
    for d in draft_many(pairs, APP, VOICE):
        assert not re.search(r"\bvisit|come back|coming back|see you|your table|welcome you back|came in",
                             d["reply"], re.I), d["reply"]
        assert all(d["checks"].values()), d
    assert team_for([topic("stability", "negative", "crashes", "stability")], family="app") == \
        "the engineering team"


def test_a_shop_order_is_an_order():
    row = {"id": "s1", "author": "Dean", "rating": 1, "text": "My order arrived two weeks late and the box was torn."}
    a = analysis("negative", [topic("delivery", "negative", "My order arrived two weeks late", "delivery")])
    replies = [draft_reply({**row, "id": f"s{i}"}, a, SHOP, VOICE)["reply"] for i in range(8)]
    assert not any(re.search(r"\bvisit|your table|came in", r, re.I) for r in replies), replies
    # the delay in the reviewer's own measure, or the order itself, is what is owned
    assert all(re.search(r"\byour order\b|\bthe two-week delay\b", r) for r in replies), replies
    assert team_for([a["topics"][0]], family="retail") == "the dispatch team"


def test_a_garage_customer_books_appointments_not_tables():
    row = {"id": "g1", "author": "Tom", "rating": 5, "text": "Quick, honest work on my brakes. Great value."}
    a = analysis("positive", [topic("work_quality", "positive", "honest work on my brakes", "quality")])
    replies = [draft_reply({**row, "id": f"g{i}"}, a, GARAGE, VOICE)["reply"] for i in range(10)]
    assert not any(RESTAURANT_ONLY.search(r) or re.search(r"\bvisit\b", r) for r in replies), replies


def test_a_dental_reply_never_confirms_the_reviewer_was_a_patient():
    cases = [
        ({"id": "d1", "author": "Maria Lopez", "rating": 5,
          "text": "Dr. Patel and the hygienist Jo were so gentle with my filling. Best dentist ever."},
         analysis("positive", [topic("work_quality", "positive", "so gentle with my filling", "quality")],
                  staff=[{"name": "Jo", "role": "hygienist", "label": "positive"}])),
        ({"id": "d2", "author": "Ken", "rating": 1,
          "text": "Waited over an hour past my appointment and the receptionist was rude."},
         analysis("negative", [topic("timeliness", "negative", "Waited over an hour past my appointment",
                                     "timeliness")])),
        ({"id": "d3", "author": "Ann", "rating": 3, "text": "Nice clinic, but the parking is a nightmare."},
         analysis("mixed", [topic("location", "negative", "the parking is a nightmare", "location")])),
        ({"id": "d4", "author": "Bo", "rating": 4, "text": ""}, analysis("positive")),
        ({"id": "d5", "author": "Bo", "rating": 2, "text": ""}, analysis("negative")),
    ]
    for i in range(4):
        for row, a in cases:
            d = draft_reply({**row, "id": f"{row['id']}-{i}"}, a, DENTIST, VOICE)
            assert not CONFIRMS_PATIENT.search(body(d["reply"])), d["reply"]
            assert all(d["checks"].values()), (d["checks"], d["reply"])
    # The check itself catches a reply that confirms the visit.
    row, a = cases[0]
    bad = "Hi Maria, thank you for the kind words. We look forward to seeing you at your next appointment.\n\n" \
          "Kind regards, Sam, General Manager"
    assert not check_reply(bad, row, a, VOICE, business=DENTIST)["fits_industry"]
    assert check_reply(bad, row, a, VOICE, business={"industry": "restaurant"})["fits_industry"]


def test_an_app_reply_does_not_name_another_industry_s_nouns():
    row = {"id": "v1", "author": "Doc Ivers", "rating": 5,
           "text": "I am traveling to Italy for a vacation and it was so helpful for learning Italian."}
    reply = draft_reply(row, analysis("positive"), APP, VOICE)["reply"]
    assert "vacation" not in reply, reply


def _booking_rows() -> list[dict]:
    rows = []
    for i, r in enumerate(json.loads((SITES / "bookingcom_hotel_review.json").read_text("utf-8"))):
        parts = r.get("textDetails") or {}
        text = " ".join(t.strip() for t in (parts.get("positiveText"), parts.get("negativeText")) if t)
        rows.append({"id": f"b{i}", "text": text, "title": parts.get("title") or "", "source": "booking",
                     "rating": max(1, min(5, int(float(r["reviewScore"]) / 2 + 0.5))),
                     "author": (r.get("guestDetails") or {}).get("username")})
    return rows


def _play_rows() -> list[dict]:
    records = json.loads((SITES / "google-play_reviews.json").read_text("utf-8"))
    return [{"id": f"g{i}", "text": r["content"] or "", "rating": r["score"], "author": r["userName"],
             "source": "google_play"} for i, r in enumerate(records)]


@pytest.mark.skipif(not SITES.exists(), reason="shared development data not present")
def test_real_hotel_and_app_reviews_get_drafts_in_their_own_words():
    from nlp.analyze import analyze_rows

    for rows, business, profile in ((_booking_rows(), HOTEL, "hotel"), (_play_rows(), APP, "app")):
        analyses = analyze_rows(rows, profile)
        drafts = [d for d in draft_many(zip(rows, analyses, strict=True), business, VOICE) if "reply" in d]
        assert len(drafts) >= 0.9 * len(rows) - 10
        replies = [d["reply"] for d in drafts]
        assert len(set(replies)) == len(replies)
        for d in drafts:
            assert d["checks"]["fits_industry"] and d["checks"]["next_step_for_negative"], d
            assert not RESTAURANT_ONLY.search(d["reply"]), d["reply"]
        passing = sum(all(d["checks"].values()) for d in drafts) / len(drafts)
        # One-line app reviews ("my app keeps stoping") often give no noun to reflect: 80% there, 85% for hotels.
        assert passing >= (0.8 if profile == "app" else 0.85), (profile, passing)
        if profile == "app":
            assert all(len(r) <= 350 for r in replies)
            assert not any(re.search(r"\bvisit|come back|your table", r, re.I) for r in replies)
