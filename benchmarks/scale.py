"""Benchmark 3: the package at scale, and the RFM summary step against lifetimes.

A synthetic company with 1,000,000 order lines (skewed like the sample company) is
made with numpy. Timed: rfm_scores, customer_pyramid, abc_classes on the revenue per
customer and clv per customer. The RFM summary is compared with lifetimes'
summary_data_from_transaction_data on the same transactions in the same run: where
the definitions coincide the numbers must agree (frequency = distinct purchase days
- 1; days since the last purchase = T - recency), and the speed ratio is reported
(target: salesnb >= 5x faster). Measures and reports; never asserts a time.
"""

import time

import numpy as np
import pandas as pd

import salesnb
from _common import save, summary

N_LINES = 1_000_000
N_CUSTOMERS = 60_000
REFERENCE = pd.Timestamp("2026-01-01")
REPEATS = 3


def synthetic_orders(n_lines=N_LINES, n_customers=N_CUSTOMERS, seed=2026) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    weights = rng.pareto(1.2, n_customers) + 0.05
    customers = rng.choice(n_customers, size=n_lines, p=weights / weights.sum())
    days = rng.integers(0, 5 * 365, n_lines)
    return pd.DataFrame({
        "customer_id": customers,
        "date": pd.Timestamp("2021-01-01") + pd.to_timedelta(days, unit="D"),
        "revenue": np.round(rng.lognormal(5.0, 1.0, n_lines), 2),
    })


def timed(function, repeats=REPEATS):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return result, times


def compare_with_lifetimes(orders, rfm, lifetimes_summary) -> dict:
    ours = rfm.sort_index()
    theirs = lifetimes_summary.sort_index()
    same_customers = ours.index.equals(theirs.index)
    frequency_agrees = bool(((ours["frequency"] - 1).to_numpy() == theirs["frequency"].to_numpy()).all())
    days_since_last = (theirs["T"] - theirs["recency"]).to_numpy()
    recency_agrees = bool(np.allclose(ours["recency"].to_numpy(), days_since_last))
    return {"same_customers": same_customers, "frequency_agrees": frequency_agrees,
            "recency_agrees": recency_agrees}


def main() -> dict:
    orders = synthetic_orders()
    results = {"order_lines": len(orders), "customers": int(orders["customer_id"].nunique())}
    rfm, t_rfm = timed(lambda: salesnb.rfm_scores(orders, reference_date=REFERENCE))
    _, t_pyramid = timed(lambda: salesnb.customer_pyramid(orders, reference_date=REFERENCE))
    revenue = orders.groupby("customer_id")["revenue"].sum()
    _, t_abc = timed(lambda: salesnb.abc_classes(revenue))
    margin = revenue * 0.3 / 5
    _, t_clv = timed(lambda: salesnb.clv(margin, retention=0.8, discount_rate=0.08))
    results["salesnb_seconds"] = {"rfm_scores": summary(t_rfm), "customer_pyramid": summary(t_pyramid),
                                  "abc_classes": summary(t_abc), "clv": summary(t_clv)}
    try:
        from lifetimes.utils import summary_data_from_transaction_data
    except ImportError:
        print("lifetimes is not installed (python3 course.py bench installs it): comparison skipped")
    else:
        # lifetimes' observation end is inclusive; our reference date is the day after the period.
        end = REFERENCE - pd.Timedelta(days=1)
        theirs, t_lifetimes = timed(lambda: summary_data_from_transaction_data(
            orders, "customer_id", "date", monetary_value_col="revenue",
            observation_period_end=end, freq="D"), repeats=1)
        theirs = theirs.assign(T=theirs["T"] + 1)
        results["lifetimes_seconds"] = summary(t_lifetimes)
        results["agreement"] = compare_with_lifetimes(orders, rfm, theirs)
        results["speed_ratio"] = min(t_lifetimes) / min(t_rfm)
    save("scale", {**results, "target_speed_ratio": 5})
    print(f"{results['order_lines']:,} order lines, {results['customers']:,} customers")
    for name, stats in results["salesnb_seconds"].items():
        print(f"  {name:18s} median {stats['median'] * 1000:8.0f} ms")
    if "speed_ratio" in results:
        print(f"  lifetimes summary  {min(t_lifetimes) * 1000:8.0f} ms")
        print(f"  agreement: {results['agreement']}")
        print(f"  salesnb rfm_scores is {results['speed_ratio']:.1f}x faster than lifetimes (target >= 5x)")
    return results


if __name__ == "__main__":
    main()
