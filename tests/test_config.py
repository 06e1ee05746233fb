import pytest

from reviewcare.config import EXAMPLE_CONFIG, ConfigError, load_config, parse_config, write_example


def test_example_config_loads(tmp_path):
    path = write_example(tmp_path / "reviewcare.toml")
    config = load_config(path)
    business = config.business()
    assert business.profile == "restaurant"
    assert business.sources[0].spider == "schema_org"
    assert config.voice.signature and config.voice.contact
    assert config.platform_limits["google_play"] == 350
    with pytest.raises(ConfigError, match="already exists"):
        write_example(path)


def test_single_business_table_form(tmp_path):
    config = parse_config({"business": {"name": "Cafe Uno", "industry": "cafe"},
                           "voice": {"signature": "Ana, owner", "contact": "ana@cafe.example"}})
    assert config.business().id == "cafe-uno" and config.business().profile == "restaurant"


@pytest.mark.parametrize("text,message", [
    ("[voice]\nsignature='S'\ncontact='c'\n[[businesses]]\nname='X'\n", "businesses[0].industry is missing"),
    ("[[businesses]]\nname='X'\nindustry='restaurant'\n", "[voice] is missing"),
    ("[voice]\nsignature='S'\ncontact='c'\ntone='cheeky'\n[[businesses]]\nname='X'\nindustry='restaurant'\n",
     "voice.tone"),
    ("[voice]\nsignature='S'\ncontact='c'\n[[businesses]]\nname='X'\nindustry='x'\nprofile='zoo'\n", "profile = 'zoo'"),
    ("[voice]\nsignature='S'\ncontact='c'\n[[businesses]]\nname='X'\nindustry='restaurant'\n"
     "[[businesses.sources]]\nspider='yelpish'\nurl='http://a'\n", "businesses[0].sources[0].spider"),
    ("[voice]\nsignature='S'\ncontact='c'\n[[businesses]]\nname='X'\nindustry='restaurant'\n"
     "[[businesses.sources]]\nspider='schema_org'\nurl='example.com/reviews'\n", "is not an http(s) URL"),
    ("[voice\nsignature='S'\n", "not valid TOML"),
])
def test_bad_config_names_the_key_and_the_fix(tmp_path, text, message):
    path = tmp_path / "reviewcare.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_config_says_how_to_create_one(tmp_path):
    with pytest.raises(ConfigError, match="reviewcare init"):
        load_config(tmp_path / "nope.toml")


def test_example_is_commented():
    assert EXAMPLE_CONFIG.count("#") >= 5


@pytest.mark.parametrize("industry,profile", [
    ("restaurant", "restaurant"), ("Wine bar", "restaurant"), ("coffee shop", "restaurant"), ("Hotel", "hotel"),
    ("bed and breakfast", "hotel"), ("retail", "retail"), ("bike shop", "retail"), ("mobile app", "app"),
    ("SaaS", "app"), ("dentist", "local_services"), ("local_services", "local_services"),
])
def test_industry_picks_a_profile(industry, profile):
    config = parse_config({"business": {"name": "X", "industry": industry},
                           "voice": {"signature": "S", "contact": "c"}})
    assert config.business().profile == profile
