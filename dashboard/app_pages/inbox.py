"""Inbox: drafted replies waiting for a person, most urgent first. Edit, approve, dismiss, mark posted."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.ui import check_outcome, csv_download, failed_check_hints, plain, short_date, stars
from reviewcare import store

PAGE_SIZE = 20
STATUS_CHOICES = ["drafted", "edited", "needs_human", "approved", "dismissed", "posted"]
WAITING = ["drafted", "edited", "needs_human"]

user = data.current_user()
is_owner = user["role"] == "owner"
business_id = data.selected_business()

st.title("Inbox")
flash = st.session_state.pop("inbox_flash", None)
if flash:
    kind, message = flash
    (st.success if kind == "ok" else st.error)(message)

with st.container():
    f1, f2, f3, f4 = st.columns([2, 1, 1, 1])
    statuses = f1.multiselect("Status", STATUS_CHOICES, default=WAITING, key="inbox_status")
    rating = f2.selectbox("Rating", [None, 1, 2, 3, 4, 5], key="inbox_rating",
                          format_func=lambda r: "Any" if r is None else f"{r} ★")
    sources = data.cached("summary_sources", business_id)
    source = f3.selectbox("Source", [None, *sources], key="inbox_source",
                          format_func=lambda s: "Any" if s is None else s)
    topic_names = [t["topic"] for t in data.cached("topic_totals", business_id, limit=60)]
    topic = f4.selectbox("Topic", [None, *sorted(topic_names)], key="inbox_topic",
                         format_func=lambda t: "Any" if t is None else t)

if not statuses:
    st.info("Pick at least one status.")
    st.stop()

queue = data.cached("inbox", statuses=tuple(statuses), business_id=business_id, source=source, rating=rating,
                    topic=topic, limit=500)
if not queue:
    st.info("Nothing waiting here. Every review with these filters has an answer.")
    st.stop()

export = pd.DataFrame(queue)[["draft_id", "status", "urgency", "business_id", "source", "author", "rating",
                              "published_at", "title", "text", "reply", "reason", "url"]]
csv_download(export, "inbox.csv", key="inbox_csv", label="Download this queue as CSV")

pages = (len(queue) + PAGE_SIZE - 1) // PAGE_SIZE
page = 1
if pages > 1:
    page = st.number_input("Page", min_value=1, max_value=pages, value=1, step=1, key="inbox_page")
st.caption(f"{len(queue)} repl{'y' if len(queue) == 1 else 'ies'}, most urgent first"
           + ("" if is_owner else ". Only owners approve; you can edit drafts and dismiss them."))


def act(draft_id: int, action: str, text: str | None, done: str) -> None:
    """Apply one action and remember the outcome for the next run's confirmation message."""
    try:
        data.write_draft(draft_id, action, text)
        st.session_state["inbox_flash"] = ("ok", done)
    except store.PermissionDenied as ex:
        st.session_state["inbox_flash"] = ("error", f"Not allowed: {ex}")
    except store.StoreError as ex:
        st.session_state["inbox_flash"] = ("error", str(ex))
    st.rerun()


for item in queue[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]:
    draft_id = item["draft_id"]
    who = plain(item["author"] or "Anonymous", limit=80)
    with st.container(border=True, key=f"inbox_item_{draft_id}"):
        head, meta = st.columns([3, 2])
        head.markdown(f"**{who}** · {stars(item['rating'])} · {short_date(item['published_at'])}")
        urgency = item["urgency"] or 0.0
        meta.caption(f"{plain(item['source'])} · status {item['status']} · urgency {urgency:.2f}")
        if item["title"]:
            st.text(item["title"])
        st.text(item["text"] or "(rating only, no text)")
        reasons = [plain(r) for r in item["urgency_reasons"] if r]
        if reasons:
            st.caption("Why it is urgent: " + "; ".join(reasons))

        if item["status"] == "needs_human":
            st.warning(f"Needs a person, not a draft: {plain(item['reason'] or 'no reason given')}")
        reply = st.text_area("Reply", value=item["reply"] or "", key=f"inbox_reply_{draft_id}", height=140)
        checks = item["checks"] or {}
        if checks:
            marks = []
            for name, result in checks.items():
                ok = check_outcome(result)
                label = plain(str(name).replace("_", " "))
                marks.append(f"{'✓' if ok in (True, None) or ok == 'ok' else '⚠'} {label}")
            st.caption("Self-checks: " + " · ".join(marks))
            hints = failed_check_hints(checks)
            if hints and item["status"] in ("drafted", "edited"):
                st.warning("Read closely before approving: " + "; ".join(plain(h) for h in hints) + ".")

        status = item["status"]
        buttons = st.columns(4)
        if status in ("drafted", "edited", "needs_human"):
            if buttons[0].button("Save edit", key=f"inbox_save_{draft_id}"):
                act(draft_id, "edit", reply, f"Saved your edit of the reply to {who}.")
        if status in ("drafted", "edited") and is_owner:
            if buttons[1].button("Approve", key=f"inbox_approve_{draft_id}", type="primary"):
                act(draft_id, "approve", reply, f"Approved the reply to {who}.")
        if status in ("drafted", "edited", "needs_human", "approved"):
            if buttons[2].button("Dismiss", key=f"inbox_dismiss_{draft_id}"):
                act(draft_id, "dismiss", None, f"Dismissed the draft for {who}.")
        if status == "approved" and is_owner:
            if buttons[3].button("Mark posted", key=f"inbox_post_{draft_id}"):
                act(draft_id, "post", None, f"Marked the reply to {who} as posted.")
        if status == "dismissed":
            if buttons[3].button("Reopen", key=f"inbox_reopen_{draft_id}"):
                act(draft_id, "reopen", None, f"Reopened the draft for {who}.")
