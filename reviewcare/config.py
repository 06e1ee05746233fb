"""Read and check `reviewcare.toml`.

    cfg = load_config("reviewcare.toml")
    cfg.businesses[0].sources[0].url

Every problem a user can cause raises `ConfigError` with one line that names the key and the fix.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

KNOWN_SPIDERS = ("schema_org", "trustpilot", "app_store")
# An industry names its topic profile by keyword; anything else is served by the local-services profile.
INDUSTRY_KEYWORDS = (
    ("restaurant", ("restaurant", "cafe", "café", "coffee", "bar", "pub", "bistro", "bakery", "pizz", "diner",
                    "food", "brasserie", "eatery", "takeaway", "grill", "kitchen", "tavern")),
    ("hotel", ("hotel", "hostel", "inn", "b&b", "bed and breakfast", "resort", "motel", "lodg", "guest house",
               "guesthouse", "apartment", "holiday")),
    ("retail", ("retail", "shop", "store", "boutique", "e-commerce", "ecommerce", "market", "outlet")),
    ("app", ("app", "software", "saas", "game", "platform", "website")),
)
PROFILES = ("restaurant", "hotel", "retail", "app", "local_services")


def profile_for_industry(industry: str) -> str:
    """The topic profile that suits an industry, by keyword ("wine bar" -> restaurant, "dentist" -> local_services)."""
    lowered = industry.lower().replace("_", " ")
    if lowered.replace(" ", "_") in PROFILES:
        return lowered.replace(" ", "_")
    for profile, words in INDUSTRY_KEYWORDS:
        if any(re.search(rf"\b{re.escape(w)}", lowered) for w in words):
            return profile
    return "local_services"

TONES = ("warm", "formal")


class ConfigError(ValueError):
    """A problem in the configuration file that the user can fix."""


@dataclass
class SourceConfig:
    spider: str
    url: str
    name: str = ""
    platform_limit: int | None = None


@dataclass
class VoiceConfig:
    signature: str
    contact: str
    tone: str = "warm"
    banned_phrases: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "signature": self.signature,
            "contact": self.contact,
            "tone": self.tone,
            "banned_phrases": list(self.banned_phrases),
            "facts": list(self.facts),
            "policies": list(self.policies),
        }


@dataclass
class BusinessConfig:
    id: str
    name: str
    industry: str
    profile: str
    voice: VoiceConfig
    sources: list[SourceConfig] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "industry": self.industry, "profile": self.profile}


@dataclass
class Config:
    path: Path
    businesses: list[BusinessConfig]
    voice: VoiceConfig
    contact_url: str = ""
    platform_limits: dict[str, int] = field(default_factory=dict)
    alerts: dict = field(default_factory=dict)
    import_columns: dict[str, str] = field(default_factory=dict)
    llm: dict = field(default_factory=dict)

    def business(self, business_id: str | None = None) -> BusinessConfig:
        """The business with this id, or the only/first one when no id is given."""
        if business_id is None:
            return self.businesses[0]
        for business in self.businesses:
            if business.id == business_id:
                return business
        known = ", ".join(b.id for b in self.businesses)
        raise ConfigError(f"{self.path}: no business with id {business_id!r}; known ids: {known}")


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "business"


def default_config_path() -> Path:
    return Path(os.environ.get("REVIEWCARE_CONFIG", "reviewcare.toml"))


def load_config(path: str | Path | None = None) -> Config:
    """Load and validate a config file; raise ConfigError naming the key and the fix."""
    path = Path(path) if path is not None else default_config_path()
    if not path.exists():
        raise ConfigError(f"{path}: config file not found; run `reviewcare init` to write an example")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as ex:
        raise ConfigError(f"{path}: not valid TOML ({ex}); fix the syntax at that line") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    return parse_config(data, path)


def parse_config(data: dict, path: Path | str = "reviewcare.toml") -> Config:
    path = Path(path)
    voice = _voice(data.get("voice"), "voice", path, required=True)
    raw_businesses = data.get("businesses")
    if raw_businesses is None and "business" in data:
        raw_businesses = [data["business"]]
        prefix = "business"
    else:
        prefix = "businesses"
    if not raw_businesses:
        raise ConfigError(f"{path}: [[businesses]] is missing; add one with name and industry (see `reviewcare init`)")
    if not isinstance(raw_businesses, list):
        raise ConfigError(f"{path}: {prefix} must be a table array; write [[businesses]] sections")

    businesses = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_businesses):
        key = prefix if prefix == "business" else f"businesses[{i}]"
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}: {key} must be a table with name and industry")
        name = _text(raw, "name", key, path)
        industry = _text(raw, "industry", key, path)
        profile = raw.get("profile") or profile_for_industry(industry)
        if profile not in PROFILES:
            raise ConfigError(f"{path}: {key}.profile = {profile!r} is not known; use one of {', '.join(PROFILES)}")
        business_id = str(raw.get("id") or slugify(name))
        if business_id in seen:
            raise ConfigError(f"{path}: {key}.id {business_id!r} is used twice; give each business its own id")
        seen.add(business_id)
        business_voice = voice
        if "voice" in raw:
            merged = {**voice.as_dict(), **raw["voice"]}
            business_voice = _voice(merged, f"{key}.voice", path, required=True)
        sources = [_source(s, f"{key}.sources[{j}]", path) for j, s in enumerate(raw.get("sources", []))]
        businesses.append(
            BusinessConfig(business_id, name, industry, str(profile), business_voice, sources)
        )

    crawl = data.get("crawl", {})
    limits = data.get("platform_limits", {})
    if not isinstance(limits, dict) or not all(isinstance(v, int) and v > 0 for v in limits.values()):
        raise ConfigError(f"{path}: platform_limits must map a source name to a positive number of characters")
    columns = data.get("import", {}).get("columns", {})
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise ConfigError(
            f"{path}: [import.columns] must map review fields to CSV column names, e.g. text = \"Review\""
        )
    llm = data.get("llm", {})
    if llm:
        for key in ("base_url", "model"):
            if not isinstance(llm.get(key), str) or not llm[key].strip():
                raise ConfigError(f"{path}: llm.{key} is missing; add {key} = \"...\" under [llm] or remove [llm]")
        if not llm["base_url"].startswith(("http://", "https://")):
            raise ConfigError(f"{path}: llm.base_url must start with http:// or https://, e.g. http://127.0.0.1:11434/v1")
    return Config(
        path=path,
        llm=dict(llm),
        import_columns=dict(columns),
        businesses=businesses,
        voice=voice,
        contact_url=str(crawl.get("contact_url", "")),
        platform_limits=dict(limits),
        alerts=dict(data.get("alerts", {})),
    )


def _text(raw: dict, name: str, key: str, path: Path) -> str:
    value = raw.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ConfigError(f"{path}: {key}.{name} is missing; add {name} = \"...\" under {key}")
    if not isinstance(value, str):
        raise ConfigError(f"{path}: {key}.{name} must be text in quotes, not {type(value).__name__}")
    return value.strip()


def _voice(raw: dict | None, key: str, path: Path, *, required: bool) -> VoiceConfig:
    if raw is None:
        raise ConfigError(
            f"{path}: [{key}] is missing; add signature = \"Your name, role\" and contact = \"you@business\""
        )
    signature = _text(raw, "signature", key, path)
    contact = _text(raw, "contact", key, path)
    tone = raw.get("tone", "warm")
    if tone not in TONES:
        raise ConfigError(f"{path}: {key}.tone = {tone!r} is not known; use \"warm\" or \"formal\"")
    lists = {}
    for name in ("banned_phrases", "facts", "policies"):
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: {key}.{name} must be a list of quoted strings, e.g. {name} = [\"...\"]")
        lists[name] = value
    return VoiceConfig(signature, contact, tone, **lists)


def _source(raw: dict, key: str, path: Path) -> SourceConfig:
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: {key} must be a table with spider and url")
    spider = _text(raw, "spider", key, path)
    if spider not in KNOWN_SPIDERS:
        raise ConfigError(f"{path}: {key}.spider = {spider!r} is not known; use one of {', '.join(KNOWN_SPIDERS)}")
    url = _text(raw, "url", key, path)
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"{path}: {key}.url = {url!r} is not an http(s) URL; write the full address")
    limit = raw.get("platform_limit")
    if limit is not None and (not isinstance(limit, int) or limit <= 0):
        raise ConfigError(f"{path}: {key}.platform_limit must be a positive whole number of characters")
    return SourceConfig(spider=spider, url=url, name=str(raw.get("name", "")), platform_limit=limit)


EXAMPLE_CONFIG = """\
# ReviewCare configuration. Every command reads this file (or the one named by REVIEWCARE_CONFIG).

# How replies are signed and where unhappy customers can reach a real person.
[voice]
signature = "Priya, owner"            # a real name and role, never "The Management"
contact = "priya@example.com"         # the direct channel offered in replies to problems
tone = "warm"                         # "warm" or "formal"
banned_phrases = []                   # phrases drafts must never use, added to the built-in list
# Facts and policies the drafter may cite. Nothing else is ever promised (no refunds or discounts unless here).
facts = []
policies = []

[crawl]
# Shown in the crawler's user agent so site owners can reach you.
contact_url = "https://example.com/about-our-review-bot"

# One [[businesses]] section per business or location.
[[businesses]]
id = "olive-tree"
name = "The Olive Tree"
industry = "restaurant"               # picks the topic profile: restaurant, hotel, retail, app, local_services

  # Where its public reviews are. spider is one of: schema_org, trustpilot, app_store.
  [[businesses.sources]]
  spider = "schema_org"
  url = "https://example.com/olive-tree/reviews"

# Optional: draft with a language model behind an OpenAI-compatible endpoint (Ollama, vLLM, a hosted one).
# Its drafts must pass the same checks as the built-in composer's, or the composer's draft is used.
# Nothing leaves the machine unless this section is present.
# [llm]
# base_url = "http://127.0.0.1:11434/v1"
# model = "llama3.1"
# timeout_s = 20
# api_key_env = "OPENAI_API_KEY"     # the name of an environment variable, never the key itself

# Optional: a digest of new urgent reviews after each refresh.
# [alerts]
# urgency_threshold = 0.6
# [alerts.email]
# host = "127.0.0.1"
# port = 25
# from = "reviewcare@example.com"
# to = ["owner@example.com"]
# [alerts.webhook]
# url = "https://hooks.slack.com/services/..."

# Reply length limits per source (characters). Google Play allows 350.
[platform_limits]
google_play = 350
"""


def write_example(path: str | Path) -> Path:
    """Write the commented example config; refuse to overwrite an existing file."""
    path = Path(path)
    if path.exists():
        raise ConfigError(f"{path} already exists; remove it or pass another path")
    path.write_text(EXAMPLE_CONFIG, encoding="utf-8")
    return path
