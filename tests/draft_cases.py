"""Builders the drafter's tests share: a business, a voice, and hand-written analyses in the DESIGN.md shape."""

from nlp.draft import draft_reply

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


def drafts(row, a, n=8):
    """The replies to one review drafted under `n` different ids (each phrasing it may get), all passing checks."""
    out = []
    for i in range(n):
        d = draft_reply({**row, "id": f"{row['id']}-{i}"}, a, BUSINESS, VOICE)
        assert all(d["checks"].values()), (d["checks"], d["reply"])
        out.append(d["reply"])
    return out
