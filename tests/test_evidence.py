"""The comparison helper: states a difference only when it exceeds its noise."""

import pytest

import salesnb
from salesnb.evidence import clear_verdict_log, compare_means, compare_nps, compare_rates, verdict_log


def test_refuses_bant_like_gap_on_a_few_hundred():
    # 31,9% against 30,8% on about 300 MQL's per criterion: within the noise.
    c = compare_rates([96, 93], [301, 302], ["budget", "authority"])
    assert not c.clear
    assert "geen duidelijk verschil" in c.sentence("het aandeel").lower()


def test_refuses_cycle_like_gap():
    import random

    rng = random.Random(1)
    values = [rng.gauss(68.2, 25) for _ in range(150)] + [rng.gauss(67.5, 25) for _ in range(150)]
    c = compare_means(values, ["new task"] * 150 + ["straight rebuy"] * 150)
    assert not c.clear


def test_accepts_a_large_gap():
    c = compare_rates([220, 120], [300, 300], ["goed", "slecht"])
    assert c.clear and c.highest == "goed" and c.lowest == "slecht"
    text = c.sentence("het aandeel klagers dat klant blijft")
    assert text.startswith("Het aandeel klagers dat klant blijft is hoger bij goed (73,3%)")


def test_refuses_small_groups():
    c = compare_rates([20, 2], [25, 25], ["a", "b"])
    assert not c.clear and len(c.groups) == 0 and len(c.small) == 2
    assert "te weinig waarnemingen" in c.sentence("de win rate")


def test_small_group_left_out_but_rest_compared():
    c = compare_rates([200, 60, 9], [400, 400, 10], ["a", "b", "klein"])
    assert c.clear and [g.label for g in c.groups] == ["a", "b"] and c.small[0].label == "klein"


def test_top_holds_groups_within_noise_of_the_leader():
    c = compare_rates([96, 93, 40], [300, 300, 300], ["budget", "authority", "need"])
    assert c.clear and set(c.top) == {"budget", "authority"} and c.bottom == ("need",)
    text = c.sentence("het aandeel", only="high")
    assert "budget (32,0%) en authority (31,0%)" in text and "geen duidelijk verschil" in text


def test_nps_comparison():
    scores = [10, 9, 8, 3] * 20 + [2, 3, 8, 9] * 20
    c = compare_nps(scores, ["a"] * 80 + ["b"] * 80)
    assert c.estimate("a") == pytest.approx(25.0) and c.estimate("b") == pytest.approx(-25.0)


def test_log_records_every_sentence_and_its_verdict():
    clear_verdict_log()
    compare_rates([220, 120], [300, 300], ["x", "y"]).sentence("s1")
    compare_rates([96, 93], [300, 300], ["x", "y"]).sentence("s2")
    log = verdict_log()
    assert [(e["subject"], e["clear"], e["claims"]) for e in log] == [("s1", True, True), ("s2", False, False)]


def test_reexported():
    assert salesnb.compare_rates is compare_rates
