"""Settings: the reply voice, facts and policies the drafter may cite, alert channels, users and topic profiles.

reviewcare.toml (REVIEWCARE_CONFIG) holds the defaults. An owner may change a business's voice here; the change is
stored in the database, audited, and used by the drafter from then on. Everything else is read-only: alert
channels stay in the config and users are added with `reviewcare user add`, so nothing secret is typed in here.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, ui
from nlp import profiles
from reviewcare import config as config_module
from reviewcare import store

st.title("Settings")
st.caption("Defaults come from `reviewcare.toml` (or the file named by REVIEWCARE_CONFIG); owners can change the "
           "reply voice here. Users are added with `reviewcare user add NAME --role owner|marketing`.")
user = data.current_user()
flash = st.session_state.pop("settings_flash", None)
if flash:
    (st.success if flash[0] == "ok" else st.error)(flash[1])


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


def save_voice(business_id: str, changes: dict | None, done: str) -> None:
    """Store the change through the store (which checks the role) and report it on the next run."""
    try:
        data.write_voice(business_id, changes)
        st.session_state["settings_flash"] = ("ok", done)
    except store.StoreError as ex:
        st.session_state["settings_flash"] = ("error", str(ex))
    st.rerun()


def edit_voice(business_id: str, voice: config_module.VoiceConfig, overridden: bool) -> None:
    with st.expander("Change the voice", expanded=False):
        with st.form("settings_voice_form"):
            signature = st.text_input("Signature", value=voice.signature, key="settings_voice_signature")
            contact = st.text_input("Contact offered to unhappy customers", value=voice.contact,
                                    key="settings_voice_contact")
            tones = list(store.VOICE_TONES)
            tone = st.selectbox("Tone", tones, index=tones.index(voice.tone) if voice.tone in tones else 0,
                                key="settings_voice_tone")
            lists = {}
            for name, label in (("facts", "Facts replies may cite"), ("policies", "Policies replies may cite"),
                                ("banned_phrases", "Phrases never used")):
                lists[name] = st.text_area(f"{label} (one a line)", value="\n".join(getattr(voice, name)),
                                           key=f"settings_voice_{name}")
            if st.form_submit_button("Save the voice", type="primary"):
                save_voice(business_id, {"signature": signature, "contact": contact, "tone": tone, **lists},
                           "Saved the reply voice; new drafts will use it.")
        if overridden and st.button("Go back to the config file's voice", key="settings_voice_reset"):
            save_voice(business_id, None, "The reply voice comes from the config file again.")


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
    default_voice = chosen.voice if chosen else config.voice
    override = data.cached("voice_override", business_id) if business_id else {}
    voice = store.effective_voice(data.connection(), business_id, default_voice) if override else default_voice
    if override:
        st.caption(f"Changed here by an owner: {', '.join(n.replace('_', ' ') for n in sorted(override))}; "
                   "the rest comes from the config file.")
    show_voice(voice)
    if user["role"] != "owner":
        st.caption("Only owners can change the voice.")
    elif business_id is None:
        st.caption("Pick a business in the sidebar to change its voice.")
    else:
        edit_voice(business_id, voice, bool(override))

    st.subheader("Alert channels")
    if not config.alerts:
        st.caption("No alert channels configured.")
    else:
        # Channel settings can hold webhook addresses or passwords: show which channels exist, not their values.
        rows = [{"channel": name, "settings": ", ".join(sorted(value)) if isinstance(value, dict) else "set"}
                for name, value in config.alerts.items()]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

if user["role"] == "owner":
    st.subheader("Users")
    users = data.cached("list_users")
    if users:
        st.dataframe(ui.readable_dates(pd.DataFrame(users)), hide_index=True, width="stretch")
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
