"""The analysis and the drafts are the same whatever Python's hash seed: a set iterated while summing floats
once changed the last bit of a score between runs, and with it which of two tied mentions gave a topic its
evidence (and the dish a reply named)."""

import json
import os
import subprocess
import sys

SCRIPT = r"""
import json
from nlp.analyze import analyze_rows
from nlp.draft import draft_many
rows = [
    {"id": "a", "rating": 4, "author": "Meera Iyer", "text": "Lovely spot for family dinners, we had veg biryani, "
     "dal makhani, paneer tikka, lacha paratha, rumali roti, egg bhurji and gulab jamun, all cooked well, tasty, "
     "loved the food and the staff. Will visit again."},
    {"id": "d", "rating": 4, "text": "Lovely spot for family dinners, we had egg bhurji, butter chicken, mutton curry "
     "and jeera rice, all cooked well, tasty, loved the food and the staff. Will visit again."},
    {"id": "b", "rating": 2, "author": "Tom", "text": "The biryani was cold and the raita watery, but the waiter "
     "Arjun was kind. The kebabs, the naan and the chutney were fine."},
    {"id": "c", "rating": 5, "text": "Momos, noodles, spring rolls and the chilli chicken were all superb!"},
]
analyses = analyze_rows(rows)
drafts = draft_many(zip(rows, analyses), {"name": "Spice Route", "industry": "restaurant"},
                    {"signature": "Asha", "contact": "asha@spice.example", "tone": "warm"})
print(json.dumps([analyses, drafts], sort_keys=True, default=str))
"""


def _run(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_analysis_and_drafts_do_not_depend_on_the_hash_seed():
    first = _run("1")
    assert first[0][0]["topics"] and first[1][0]["reply"]
    for seed in ("2", "3", "4"):
        assert _run(seed) == first
