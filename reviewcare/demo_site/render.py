"""Render review dicts into schema.org review pages, as a real review site would serve them.

    pages = render_site(reviews, {"name": "Olive & Ember"}, base_url="http://127.0.0.1:8000")
    pages["/reviews"], pages["/reviews?page=2"]

Newest first, 20 per page, `<link rel="next">` plus a visible Next link. Most reviews are in the page's JSON-LD
(`Restaurant` with `aggregateRating` and `review[]`); every fourth review is marked up in microdata instead, so
both extractors are exercised. Review text is untrusted: it is HTML-escaped in the page and `<`-escaped in JSON.
"""

from __future__ import annotations

import json
from html import escape

PER_PAGE = 20
REVIEWS_PATH = "/reviews"


def _get(review: dict, *keys: str) -> object:
    for key in keys:
        if review.get(key) not in (None, ""):
            return review[key]
    return None


def _json_for_script(data: object) -> str:
    """JSON that cannot close the <script> element it sits in, whatever the reviews say."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_path(page_no: int, path: str = REVIEWS_PATH) -> str:
    return path if page_no == 1 else f"{path}?page={page_no}"


def sort_newest_first(reviews: list[dict]) -> list[dict]:
    return sorted(reviews, key=lambda r: str(_get(r, "date", "published_at") or ""), reverse=True)


def _jsonld_review(review: dict, base_url: str, business_name: str) -> dict:
    node: dict = {
        "@type": "Review",
        "@id": f"{base_url}{REVIEWS_PATH}#review-{review['id']}",
        "author": {"@type": "Person", "name": _get(review, "author") or "Anonymous"},
        "datePublished": _get(review, "date", "published_at"),
        "reviewRating": {"@type": "Rating", "ratingValue": review["rating"], "bestRating": 5, "worstRating": 1},
    }
    if _get(review, "title"):
        node["name"] = review["title"]
    if _get(review, "text"):
        node["reviewBody"] = review["text"]
    reply = _get(review, "reply", "reply_text")
    if reply:
        node["comment"] = [{"@type": "Comment", "text": reply,
                            "author": {"@type": "Organization", "name": business_name}}]
    return node


def _visible_review(review: dict, base_url: str, business_name: str, microdata: bool) -> str:
    """One review as HTML; with `microdata`, carrying its schema.org markup as attributes."""
    rid = escape(str(review["id"]))
    author = escape(str(_get(review, "author") or "Anonymous"))
    date = escape(str(_get(review, "date", "published_at") or ""))
    rating = escape(str(review["rating"]))
    title = escape(str(_get(review, "title") or ""))
    text = escape(str(_get(review, "text") or ""))
    reply = _get(review, "reply", "reply_text")
    if not microdata:
        parts = [f'<article class="review" id="review-{rid}">',
                 f'<h3>{title}</h3>' if title else "",
                 f'<p class="meta"><span class="stars">{rating} / 5</span> by <b>{author}</b> on {date}</p>',
                 f'<p class="text">{text}</p>' if text else "",
                 f'<blockquote class="reply">Reply from the owner: {escape(reply)}</blockquote>' if reply else "",
                 "</article>"]
        return "\n".join(p for p in parts if p)
    parts = [
        f'<article class="review" id="review-{rid}" itemprop="review" itemscope '
        f'itemtype="https://schema.org/Review" itemid="{escape(base_url)}{REVIEWS_PATH}#review-{rid}">',
        f'<h3 itemprop="name">{title}</h3>' if title else "",
        '<p class="meta"><span itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">'
        f'<span itemprop="ratingValue">{rating}</span> / <span itemprop="bestRating">5</span>'
        '<meta itemprop="worstRating" content="1"></span> by '
        f'<b itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{author}</span></b>'
        f' on <time itemprop="datePublished" datetime="{date}">{date}</time></p>',
        f'<p class="text" itemprop="reviewBody">{text}</p>' if text else "",
    ]
    if reply:
        parts.append(
            '<blockquote class="reply" itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
            '<span itemprop="author" itemscope itemtype="https://schema.org/Organization">'
            f'<meta itemprop="name" content="{escape(business_name)}"></span>'
            f'Reply from the owner: <span itemprop="text">{escape(reply)}</span></blockquote>'
        )
    parts.append("</article>")
    return "\n".join(p for p in parts if p)


def render_page(reviews: list[dict], business: dict, page_no: int, *, base_url: str = "",
                per_page: int = PER_PAGE, microdata_every: int = 4) -> str | None:
    """HTML of one page of reviews (newest first), or None past the last page."""
    ordered = sort_newest_first(reviews)
    pages = max(1, -(-len(ordered) // per_page))
    if page_no < 1 or page_no > pages:
        return None
    chunk = ordered[(page_no - 1) * per_page: page_no * per_page]
    name = str(business.get("name") or "Our place")
    ratings = [float(r["rating"]) for r in reviews if r.get("rating") is not None]
    in_microdata = [microdata_every > 0 and i % microdata_every == microdata_every - 1 for i in range(len(chunk))]
    restaurant = {
        "@context": "https://schema.org",
        "@type": "Restaurant",
        "@id": f"{base_url}{REVIEWS_PATH}#business",
        "name": name,
        "servesCuisine": business.get("cuisine"),
        "address": business.get("address"),
        "aggregateRating": {
            "@type": "AggregateRating",
            "ratingValue": round(sum(ratings) / len(ratings), 2) if ratings else None,
            "bestRating": 5, "worstRating": 1, "reviewCount": len(reviews),
        },
        "review": [_jsonld_review(r, base_url, name) for r, md in zip(chunk, in_microdata, strict=True) if not md],
    }
    next_link = f'<link rel="next" href="{escape(page_path(page_no + 1))}">' if page_no < pages else ""
    prev_link = f'<link rel="prev" href="{escape(page_path(page_no - 1))}">' if page_no > 1 else ""
    nav = []
    if page_no > 1:
        nav.append(f'<a href="{escape(page_path(page_no - 1))}">Previous</a>')
    nav.append(f"<span>Page {page_no} of {pages}</span>")
    if page_no < pages:
        nav.append(f'<a class="next" href="{escape(page_path(page_no + 1))}">Next</a>')
    body = "\n".join(_visible_review(r, base_url, name, md) for r, md in zip(chunk, in_microdata, strict=True))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Reviews of {escape(name)} - page {page_no}</title>
{next_link}{prev_link}
<script type="application/ld+json">
{_json_for_script(restaurant)}
</script>
</head><body>
<h1>{escape(name)}</h1>
<p>{escape(str(business.get("address") or ""))}</p>
<div itemscope itemtype="https://schema.org/Restaurant"><meta itemprop="name" content="{escape(name)}">
{body}
</div>
<nav class="pagination">{" ".join(nav)}</nav>
</body></html>
"""


def render_site(reviews: list[dict], business: dict, *, base_url: str = "", per_page: int = PER_PAGE,
                microdata_every: int = 4) -> dict[str, str]:
    """Every page of the site by path: `/reviews`, `/reviews?page=2`, ..."""
    pages: dict[str, str] = {}
    page_no = 1
    while (html := render_page(reviews, business, page_no, base_url=base_url, per_page=per_page,
                               microdata_every=microdata_every)) is not None:
        pages[page_path(page_no)] = html
        page_no += 1
    return pages


ROBOTS_TXT = "User-agent: *\nAllow: /reviews\nDisallow: /admin\n"
