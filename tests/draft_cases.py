"""Builders the drafter's tests share: a business, a voice, and hand-written analyses in the DESIGN.md shape."""

BUSINESS = {"name": "Olive & Ember", "industry": "restaurant"}
VOICE = {"signature": "Sam, General Manager", "contact": "sam@oliveandember.example", "tone": "warm",
         "banned_phrases": [], "facts": [], "policies": []}


def analysis(label="negative", topics=(), staff=(), emotions=(), suggestion=False):
    return {"id": "x", "language": "en", "sentiment": {"score": 0.0, "label": label}, "topics": list(topics),
            "emotions": list(emotions), "staff": list(staff), "suggestion": suggestion, "urgency": 0.2}


def topic(name, label, evidence, category):
    return {"topic": name, "category": category, "sentiment": 0.6 if label == "positive" else -0.6,
            "label": label, "evidence": evidence}


def body(reply: str) -> str:
    """The reply without its sign-off."""
    return reply.rsplit("\n\n", 1)[0]
