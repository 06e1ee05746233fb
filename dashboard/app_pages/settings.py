"""Settings: the reply voice, facts and policies the drafter may cite, alert channels, users and topic profiles.

Read-only here: the configuration lives in reviewcare.toml (REVIEWCARE_CONFIG) and users are added with
`reviewcare user add`, so nothing secret is ever typed into or stored by the dashboard.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data
from nlp import profiles
from reviewcare import config as config_module

st.title("Settings")
st.caption("Change these in `reviewcare.toml` (or the file named by REVIEWCARE_CONFIG); users with "
           "`reviewcare user add NAME --role owner|marketing`.")


def show_voice(voice: config_module.VoiceConfig) -> None:
    st.markdown("**Signature**")
    st.text(voice.signature)
    st.markdown("**Contact offered to unhappy customers**")
    st.text(voice.contact)
    st.markdown(f"**Tone:** {voice.tone}")
    for heading, items in (("Facts replies may cite", voice.facts), ("Policies replies may cite", voice.policies),
                           ("Phrases never used", voice.banned_phrases)):
        st.markdown(f"**{heading}**")
        st.text("\n".join(f"• {item}" for item in items) if items else "(none)")


try:
    config = config_module.load_config()
except config_module.ConfigError as ex:
    config = None
    st.warning(str(ex))

if config is not None:
    st.caption(f"From {config.path}")
    business_id = data.selected_business()
    chosen = next((b for b in config.businesses if b.id == business_id), None)
    st.subheader("Reply voice" + (f" for {chosen.name}" if chosen else ""))
    show_voice(chosen.voice if chosen else config.voice)

    st.subheader("Alert channels")
    if not config.alerts:
        st.caption("No alert channels configured.")
    else:
        # Channel settings can hold webhook addresses or passwords: show which channels exist, not their values.
        rows = [{"channel": name, "settings": ", ".join(sorted(value)) if isinstance(value, dict) else "set"}
                for name, value in config.alerts.items()]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

user = data.current_user()
if user["role"] == "owner":
    st.subheader("Users")
    users = data.cached("list_users")
    if users:
        st.dataframe(pd.DataFrame(users), hide_index=True, width="stretch")
    else:
        st.caption("No users: the dashboard runs without sign-in as a local owner.")

st.subheader("Topic profiles")

names = profiles.available_profiles()
used = {b["profile"] for b in data.cached("list_businesses")}
default = next((i for i, n in enumerate(names) if n in used), 0)
name = st.selectbox("Profile", names, index=default, key="settings_profile")
profile = profiles.load_profile(name)
if profile.description:
    st.caption(profile.description)
st.dataframe(pd.DataFrame([{"topic": t.name, "category": t.category, "patterns": ", ".join(t.patterns)}
                           for t in profile.topics]), hide_index=True, width="stretch")
