"""A catalogue of bad input across the public functions and loaders.

Every entry must raise salesnb's InputError (a ValueError subclass) with a Dutch message
that names the problem (the regex) — never a traceback from inside pandas, never a
silently wrong number.
"""

import math
import re

import numpy as np
import pandas as pd
import pytest

import salesnb
from salesnb.errors import InputError

ORDERS = pd.DataFrame({
    "customer_id": [1, 1, 2, 3],
    "date": pd.to_datetime(["2025-01-05", "2025-06-01", "2025-03-03", "2024-02-02"]),
    "revenue": [100.0, 250.0, 80.0, 40.0],
})
BIDS = pd.DataFrame({"bidder": ["A", "B"], "price": [100_000.0, 120_000.0], "quality_score": [7.0, 9.0]})
NAN = float("nan")

CATALOGUE = [
    # NPS: scores outside 0-10, not whole, not numbers, missing, empty
    ("nps score 11", lambda: salesnb.nps([9, 11]), r"10"),
    ("nps negative score", lambda: salesnb.nps([-1, 9]), r"0"),
    ("nps decimal score", lambda: salesnb.nps([8.5, 9]), r"hel|geheel"),
    ("nps string", lambda: salesnb.nps(["negen", 9]), r"getal"),
    ("nps None", lambda: salesnb.nps([None, 9]), r"mist|leeg|ontbre"),
    ("nps NaN", lambda: salesnb.nps([NAN, 9]), r"mist|leeg|ontbre"),
    ("nps empty", lambda: salesnb.nps([]), r"leeg"),
    ("nps a whole table", lambda: salesnb.nps(pd.DataFrame({"score": [9]})), r"kolom|tabel"),
    ("nps_breakdown text", lambda: salesnb.nps_breakdown("9, 10"), r"rij|getal|lijst"),
    # Market formulas: negative amounts, shares above 1, impossible combinations
    ("market potential negative buyers", lambda: salesnb.market_potential(-5, 100), r"buyers|kopers|negatief|minstens"),
    ("market share own > market", lambda: salesnb.market_share(200, 100), r"groter|hoogstens|meer dan"),
    ("market share zero market", lambda: salesnb.market_share(10, 0), r"0|nul"),
    ("relative share as percentage", lambda: salesnb.relative_market_share(15, 0.3), r"percentage|0\.15|fractie|1"),
    ("saturation string", lambda: salesnb.saturation("veel", 100), r"getal"),
    ("penetration buyers > potential", lambda: salesnb.penetration_rate(120, 100), r"groter|hoogstens|meer dan"),
    ("spending index zero buyers", lambda: salesnb.spending_index(100, 0, 1000, 10), r"0|nul"),
    ("market mismatched lengths", lambda: salesnb.market_potential([1, 2, 3], [10, 20]), r"even lang|lengte"),
    # Funnel and plans
    ("hit rate more orders than quotations", lambda: salesnb.hit_rate(12, 10), r"meer|groter|hoogstens"),
    ("hit rate zero quotations", lambda: salesnb.hit_rate(0, 0), r"0|nul|geen"),
    ("win rate negative", lambda: salesnb.win_rate(-1, 5), r"negatief|minstens|0"),
    ("weighted pipeline probability 60", lambda: salesnb.weighted_pipeline([1000], [60]), r"percentage|0\.6|1"),
    ("weighted pipeline mismatched", lambda: salesnb.weighted_pipeline([1000, 2000], [0.5]), r"even lang"),
    ("sales plan rate above 1", lambda: salesnb.sales_plan(100_000, 1_000, {"offertes": 1.5}), r"1"),
    ("sales plan rate zero", lambda: salesnb.sales_plan(100_000, 1_000, {"offertes": 0}), r"0|nul"),
    ("sales plan negative target", lambda: salesnb.sales_plan(-5, 1_000, {"offertes": 0.3}), r"0|negatief"),
    ("sales plan rates not a mapping", lambda: salesnb.sales_plan(100_000, 1_000, 0.3), r"rates|ratio|conversie"),
    # Portfolio
    ("clv retention 1.2", lambda: salesnb.clv(1000, retention=1.2), r"retentie|retention|1"),
    ("clv retention >= 1 + d", lambda: salesnb.clv(1000, retention=1.0, discount_rate=0.0), r"retentie|retention|1"),
    ("clv negative discount", lambda: salesnb.clv(1000, retention=0.8, discount_rate=-0.1), r"disconto|discount|0"),
    ("clv nothing to compute with", lambda: salesnb.clv(1000), r"years|retention|jaren|retentie"),
    ("clv margin string", lambda: salesnb.clv("duizend", years=3), r"getal"),
    ("abc negative revenue", lambda: salesnb.abc_classes([100, -5, 20]), r"negatief|minstens|0"),
    ("abc a > b", lambda: salesnb.abc_classes([100, 50], a=0.95, b=0.8), r"a|b|kleiner|groter"),
    ("abc empty", lambda: salesnb.abc_classes([]), r"leeg"),
    ("rfm missing column", lambda: salesnb.rfm_scores(ORDERS.drop(columns="revenue")), r"revenue"),
    ("rfm misnamed column suggests fix", lambda: salesnb.rfm_scores(ORDERS.rename(columns={"revenue": "Revenue"})), r"Revenue"),
    ("rfm unknown method", lambda: salesnb.rfm_scores(ORDERS, method="deciles"), r"quintiles|bands"),
    ("pyramid quotas not increasing", lambda: salesnb.customer_pyramid(ORDERS, quotas=(0.2, 0.05, 0.01)), r"oplop|groter|kleiner|volgorde"),
    ("pyramid empty orders", lambda: salesnb.customer_pyramid(ORDERS.iloc[0:0]), r"leeg"),
    # Leads and tenders
    ("bpkv weights above 1", lambda: salesnb.bpkv_scores(BIDS, price_weight=60, quality_weight=0.4), r"gewicht|weight|1|100"),
    ("bpkv zero price", lambda: salesnb.bpkv_scores(BIDS.assign(price=[0.0, 10.0]), price_weight=60, quality_weight=40), r"prijs|price|0"),
    ("bpkv missing quality column", lambda: salesnb.bpkv_scores(BIDS.drop(columns="quality_score"), price_weight=60, quality_weight=40), r"quality_score"),
    ("eu threshold unknown category", lambda: salesnb.eu_threshold("2026-03-01", "snoepgoed"), r"categorie|category|snoepgoed"),
    ("stage counts unknown stage", lambda: salesnb.stage_counts(["lead", "MQL", "klantje"]), r"klantje"),
    ("ctr more clicks than impressions", lambda: salesnb.ctr(200, 100), r"meer|groter|hoogstens"),
    # Accounts and process
    ("share of wallet spend zero", lambda: salesnb.share_of_wallet(100, 0), r"0|nul"),
    ("share of wallet revenue above spend", lambda: salesnb.share_of_wallet(200, 100), r"groter|meer|hoogstens"),
    ("adoption segments negative n", lambda: salesnb.adoption_segments(-10), r"0|negatief"),
    ("adoption segments fractional n", lambda: salesnb.adoption_segments(10.5), r"geheel|hele"),
    # Loaders and the personal seed
    ("load unknown table", lambda: salesnb.load("klanten"), r"customers"),
    ("use_seed text", lambda: salesnb.use_seed("mijn nummer"), r"getal|cijfers|nummer"),
    ("own data future dates", lambda: salesnb.validate_own_data(
        pd.DataFrame({"score": [9], "date": ["01-01-2999"]}), "nps", today="2025-01-01"), r"toekomst"),
    ("own data duplicate ids", lambda: salesnb.validate_own_data(
        pd.DataFrame({"customer_id": ["1", "1"], "name": ["A", "B"]}), "customers"), r"meer dan eens"),
]


def test_catalogue_is_large_enough():
    assert len(CATALOGUE) >= 40


@pytest.mark.parametrize("label,call,pattern", CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_bad_input_gets_a_clear_dutch_error(label, call, pattern):
    with pytest.raises(InputError) as info:
        call()
    message = str(info.value)
    assert len(message) > 25, "a message must say what is wrong and how to fix it"
    assert re.search(pattern, message, re.IGNORECASE), message
    # the error is raised by salesnb itself, not deep inside pandas or numpy
    frames = [tb.tb_frame.f_code.co_filename for tb in _walk(info.tb)]
    assert "salesnb" in frames[-1], frames[-1]


def _walk(tb):
    while tb is not None:
        yield tb
        tb = tb.tb_next


GOOD_CALLS = [
    ("nps", lambda a: salesnb.nps(a), lambda: [pd.Series([10, 9, 6, 7])]),
    ("nps_breakdown", lambda a: salesnb.nps_breakdown(a), lambda: [[10, 9, 6, 7]]),
    ("abc_classes", lambda a: salesnb.abc_classes(a), lambda: [pd.Series([500.0, 300, 100, 50, 50])]),
    ("rfm_scores", lambda a: salesnb.rfm_scores(a, reference_date="2026-01-01"), lambda: [ORDERS.copy()]),
    ("customer_pyramid", lambda a: salesnb.customer_pyramid(a, reference_date="2026-01-01"), lambda: [ORDERS.copy()]),
    ("clv", lambda a: salesnb.clv(a, retention=0.8, discount_rate=0.1), lambda: [pd.Series([100.0, 200.0])]),
    ("weighted_pipeline", lambda a, b: salesnb.weighted_pipeline(a, b), lambda: [[1000.0, 500.0], np.array([0.5, 0.2])]),
    ("bpkv_scores", lambda a: salesnb.bpkv_scores(a, price_weight=60, quality_weight=40), lambda: [BIDS.copy()]),
    ("sales_plan", lambda a: salesnb.sales_plan(100_000, 2_000, a), lambda: [{"offertes": 0.3, "bezoeken": 0.5}]),
    ("share_of_wallet", lambda a, b: salesnb.share_of_wallet(a, b), lambda: [pd.Series([10.0, 20.0]), pd.Series([100.0, 80.0])]),
    ("market_share", lambda a, b: salesnb.market_share(a, b), lambda: [np.array([10.0, 20.0]), np.array([100.0, 80.0])]),
    ("validate_own_data", lambda a: salesnb.validate_own_data(a, "nps"), lambda: [pd.DataFrame({"score": ["9", "7"]})]),
    ("neutralise_formulas", lambda a: salesnb.neutralise_formulas(a), lambda: [pd.DataFrame({"n": ["=1", "x"]})]),
]


def _snapshot(value):
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=True)
    if isinstance(value, np.ndarray):
        return value.copy()
    import copy

    return copy.deepcopy(value)


def _same(a, b):
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b)
    elif isinstance(a, np.ndarray):
        np.testing.assert_array_equal(a, b)
    else:
        assert a == b


@pytest.mark.parametrize("name,call,make", GOOD_CALLS, ids=[g[0] for g in GOOD_CALLS])
def test_public_functions_do_not_modify_their_inputs(name, call, make):
    args = make()
    before = [_snapshot(a) for a in args]
    call(*args)
    for original, after in zip(before, args):
        _same(original, after)


def test_numbers_stored_as_text_are_refused_with_the_fix():
    # a common Excel export: the student is told how to mend it, never given a wrong NPS
    with pytest.raises(InputError, match="Schrijf 9 in plaats van '9'"):
        salesnb.nps(pd.Series(["10", "9", "6"]))
    assert math.isclose(salesnb.nps(pd.Series(["10", "9", "6"]).astype(int)), 100 / 3)
