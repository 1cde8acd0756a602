"""Comparisons that survive noise: every comparative sentence in the notebooks comes from here.

A sample of a few hundred deals, leads or survey answers always shows *some* difference
between groups; whether that difference means anything depends on how large it is against
its noise. The helpers below compare groups (rates, means, NPS) and state a difference only
when

* each compared group has at least ``min_count`` observations, and
* the difference is larger than ``z`` standard errors of that difference.

Otherwise the sentence says there is no clear difference ("geen duidelijk verschil").
This is the rule of thumb the course uses when it reads data (§1.1 NPS per segment,
§3.2 BANT, §4.2 koopmotieven, §5.3 funnel metrics, §6 segmenten, §7 accountmanagers),
not a formal test: many groups compared at once still need common sense.

>>> even = compare_rates([64, 62], [200, 200], ["budget", "authority"])
>>> even.clear
False
>>> even.sentence("het aandeel MQL's waarbij het criterium ontbreekt")
"Geen duidelijk verschil in het aandeel MQL's waarbij het criterium ontbreekt: budget 32,0% en authority 31,0% liggen binnen de ruis."
>>> wide = compare_rates([120, 40], [200, 200], ["goed afgehandeld", "slecht afgehandeld"])
>>> wide.clear, wide.highest, wide.lowest
(True, 'goed afgehandeld', 'slecht afgehandeld')

Every sentence the helpers write is recorded, with its verdict, in a log for this
process (:func:`verdict_log`): the other-seeds test reads it from the kernel to check
that no printed comparison bypassed the helper.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = [
    "Comparison",
    "compare_estimates",
    "compare_rates",
    "compare_means",
    "compare_nps",
    "verdict_log",
    "clear_verdict_log",
    "MIN_COUNT",
    "Z_MARGIN",
]

#: Fewest observations a group needs before the course compares it with another group.
MIN_COUNT = 30
#: A difference counts as clear when it exceeds this many standard errors (about 95%).
Z_MARGIN = 2.0

_LOG: list[dict] = []


@dataclass(frozen=True)
class Group:
    """One group in a comparison: its label, estimate, number of observations, standard error."""

    label: str
    estimate: float
    count: int
    std_error: float


def _gap_is_clear(a: Group, b: Group, z: float) -> bool:
    margin = z * math.sqrt(a.std_error ** 2 + b.std_error ** 2)
    return abs(a.estimate - b.estimate) > margin


def _names(groups, fmt) -> str:
    from .display import dutch_list

    return dutch_list(f"{g.label} ({fmt(g.estimate)})" for g in groups)


@dataclass(frozen=True)
class Comparison:
    """The verdict on a comparison of groups (the course's reading of data, §1.1–§7).

    ``groups`` holds the groups with enough observations, highest estimate first;
    ``small`` the labels left out because they have fewer than ``min_count``.
    ``top`` are the groups not clearly below the highest one, ``bottom`` those not
    clearly above the lowest one; ``clear`` says whether highest and lowest differ
    by more than ``z`` standard errors.

    >>> c = compare_rates([90, 60, 30], [300, 300, 300], ["a", "b", "c"])
    >>> c.clear, c.highest, c.lowest, c.top, c.bottom
    (True, 'a', 'c', ('a',), ('c',))
    >>> compare_rates([60, 58, 59, 90], [150] * 4, list("abcd")).sentence("het aandeel", only="low")
    'Het aandeel ligt alleen bij d (60,0%) duidelijk hoger dan bij b (38,7%); tussen de andere groepen is er geen duidelijk verschil.'
    >>> compare_rates([90, 75, 60], [150] * 3, ["a", "b", "c"]).sentence("het aandeel")
    'Het aandeel is het hoogst bij a (60,0%) en het laagst bij c (40,0%); dat verschil is groter dan de ruis.'
    """

    kind: str
    groups: tuple
    small: tuple
    min_count: int
    z: float

    @property
    def clear(self) -> bool:
        return len(self.groups) >= 2 and _gap_is_clear(self.groups[0], self.groups[-1], self.z)

    @property
    def highest(self):
        return self.groups[0].label if self.groups else None

    @property
    def lowest(self):
        return self.groups[-1].label if self.groups else None

    @property
    def top(self) -> tuple:
        if not self.groups:
            return ()
        first = self.groups[0]
        return tuple(g.label for g in self.groups if not _gap_is_clear(first, g, self.z))

    @property
    def bottom(self) -> tuple:
        if not self.groups:
            return ()
        last = self.groups[-1]
        return tuple(g.label for g in reversed(self.groups) if not _gap_is_clear(last, g, self.z))

    def estimate(self, label) -> float:
        """The estimate of one group (also of a group left out as too small)."""
        for g in self.groups + self.small:
            if g.label == label:
                return g.estimate
        raise KeyError(label)

    def sentence(self, subject: str, *, fmt=None, only: str = "both", at: str = "bij",
                 plural: bool = False) -> str:
        """One Dutch sentence about ``subject`` that states a difference only when it is clear.

        ``only="high"`` speaks about the highest group(s) only (for "het vaakst ..."),
        ``only="low"`` about the lowest, ``"both"`` about both ends. ``fmt`` formats an
        estimate (percentages for rates by default, one decimal for means); ``at`` is the
        word before a group's label ("bij x"; ``at=""`` for labels such as "na de afhandeling");
        ``plural=True`` for a plural subject ("de kosten zijn ...").

        >>> c = compare_means([60, 70, 80] * 20 + [20, 30, 40] * 20, ["x"] * 60 + ["y"] * 60)
        >>> c.sentence("de gemiddelde verkoopcyclus (dagen)")
        'De gemiddelde verkoopcyclus (dagen) is hoger bij x (70,0) dan bij y (30,0); dat verschil is groter dan de ruis.'
        >>> compare_means([1, 2, 3], ["x", "y", "y"]).sentence("de score")
        'Geen duidelijk verschil in de score: te weinig waarnemingen (minder dan 30 per groep) om groepen te vergelijken.'
        """
        fmt = fmt or _default_format(self.kind)
        text = _write(self, subject, fmt, only, f"{at} " if at else "", plural)
        claimed = not text.startswith("Geen duidelijk verschil")
        _LOG.append({"subject": subject, "sentence": text, "clear": self.clear, "claims": claimed})
        return text


def _default_format(kind: str):
    from .display import format_nps, format_number, format_percent

    if kind == "rate":
        return format_percent
    if kind == "nps":
        return format_nps
    return lambda v: format_number(v, 1)


def _write(c: Comparison, subject: str, fmt, only: str, at: str, plural: bool = False) -> str:
    is_, lies = ("zijn", "liggen") if plural else ("is", "ligt")
    if only not in ("both", "high", "low"):
        raise ValueError("only= is 'both', 'high' of 'low'")
    Subject = subject[:1].upper() + subject[1:]
    if len(c.groups) < 2:
        return (f"Geen duidelijk verschil in {subject}: te weinig waarnemingen (minder dan {c.min_count} "
                f"per groep) om groepen te vergelijken.")
    if not c.clear:
        ends = _names([c.groups[0], c.groups[-1]], fmt)
        return f"Geen duidelijk verschil in {subject}: {ends.replace(' (', ' ').replace(')', '')} liggen binnen de ruis."
    by_label = {g.label: g for g in c.groups}
    top = [by_label[label] for label in c.top]
    bottom = [by_label[label] for label in c.bottom]
    if only == "both":
        # A group within the noise of both ends belongs to neither: name only the groups that are
        # clearly apart from the other end.
        top, bottom = ([g for g in top if g.label not in c.bottom], [g for g in bottom if g.label not in c.top])
    if len(c.groups) == 2:
        return (f"{Subject} {is_} hoger {at}{_names(top, fmt)} dan {at}{_names(bottom, fmt)}; "
                f"dat verschil is groter dan de ruis.")
    high = f"het hoogst {at}{_names(top, fmt)}"
    low = f"het laagst {at}{_names(bottom, fmt)}"
    ties = " (daartussen geen duidelijk verschil)"
    side = top if only == "high" else bottom
    if only != "both" and len(side) >= 3 and len(side) > len(c.groups) / 2:
        # Most groups tie at this end: name the few that stand apart instead.
        apart = [g for g in c.groups if g not in side]
        other = c.groups[-1] if only == "low" else c.groups[0]
        word = "hoger" if only == "low" else "lager"
        return (f"{Subject} {lies} alleen {at}{_names(apart, fmt)} duidelijk {word} dan {at}{_names([other], fmt)}; "
                f"tussen de andere groepen is er geen duidelijk verschil.")
    if only == "high":
        return f"{Subject} {is_} {high}{ties if len(top) > 1 else ''}; de rest ligt duidelijk lager."
    if only == "low":
        return f"{Subject} {is_} {low}{ties if len(bottom) > 1 else ''}; de rest ligt duidelijk hoger."
    return f"{Subject} {is_} {high} en {low}; dat verschil is groter dan de ruis."


def compare_estimates(estimates, std_errors, counts, labels=None, *, kind: str = "mean",
                      min_count: int = MIN_COUNT, z: float = Z_MARGIN) -> Comparison:
    """Compare groups from their estimates, standard errors and counts (the general form).

    >>> compare_estimates([0.5, 0.4], [0.01, 0.01], [2500, 2500], ["a", "b"]).clear
    True
    """
    estimates, labels = _values_and_labels(estimates, labels)
    rows = [Group(str(lab), float(e), int(n), float(s))
            for lab, e, s, n in zip(labels, estimates, list(std_errors), list(counts))]
    rows = [g for g in rows if not math.isnan(g.estimate)]
    big = sorted((g for g in rows if g.count >= min_count), key=lambda g: -g.estimate)
    small = tuple(g for g in rows if g.count < min_count)
    return Comparison(kind=kind, groups=tuple(big), small=small, min_count=min_count, z=z)


def _values_and_labels(values, labels):
    if labels is None:
        if hasattr(values, "index"):
            labels = list(values.index)
        else:
            raise ValueError("Geef labels= mee: bij een lijst weet salesnb niet welke groep welke is.")
    return list(values), list(labels)


def compare_rates(successes, totals, labels=None, *, min_count: int = MIN_COUNT,
                  z: float = Z_MARGIN) -> Comparison:
    """Compare shares (win rate, conversie, aandeel) between groups: successes / totals per group.

    The standard error of a share p on n observations is sqrt(p(1 − p) / n).
    ``labels`` may be left out when ``successes`` is a pandas Series (its index).

    >>> compare_rates([96, 92], [300, 300], ["budget", "timeline"]).clear
    False
    >>> compare_rates([5, 1], [10, 10], ["a", "b"]).sentence("de win rate")
    'Geen duidelijk verschil in de win rate: te weinig waarnemingen (minder dan 30 per groep) om groepen te vergelijken.'
    """
    successes, labels = _values_and_labels(successes, labels)
    totals = list(totals)
    if len(totals) != len(successes):
        raise ValueError("successes en totals moeten even lang zijn (één getal per groep).")
    rates, errors = [], []
    for k, n in zip(successes, totals):
        p = float(k) / float(n) if n else math.nan
        rates.append(p)
        errors.append(math.sqrt(p * (1 - p) / n) if n else math.nan)
    return compare_estimates(rates, errors, totals, labels, kind="rate", min_count=min_count, z=z)


def compare_means(values, groups, *, min_count: int = MIN_COUNT, z: float = Z_MARGIN) -> Comparison:
    """Compare the mean of ``values`` per group (verkoopcyclus, omzet per klant, score).

    The standard error of a mean is s / sqrt(n) with s the sample standard deviation.

    >>> compare_means([48, 88] * 40 + [47, 88] * 40, ["a"] * 80 + ["b"] * 80).clear
    False
    """
    import pandas as pd

    frame = pd.DataFrame({"v": list(values), "g": list(groups)}).dropna()
    stats = frame.groupby("g", sort=True)["v"].agg(["mean", "std", "count"])
    errors = (stats["std"].fillna(0) / stats["count"].pow(0.5)).tolist()
    return compare_estimates(stats["mean"], errors, stats["count"], list(stats.index), kind="mean",
                             min_count=min_count, z=z)


def compare_nps(scores, groups, *, min_count: int = MIN_COUNT, z: float = Z_MARGIN) -> Comparison:
    """Compare the NPS (§1.1: % promotors − % criticasters, −100 to +100) between groups.

    Each answer counts +100 (9–10), 0 (7–8) or −100 (0–6); the NPS is their mean, so its
    standard error is that of a mean.

    >>> c = compare_nps([10] * 40 + [3] * 40, ["a"] * 40 + ["b"] * 40)
    >>> c.clear, c.highest, c.estimate("a")
    (True, 'a', 100.0)
    """
    points = [100.0 if s >= 9 else (-100.0 if s <= 6 else 0.0) for s in scores]
    result = compare_means(points, groups, min_count=min_count, z=z)
    return Comparison(kind="nps", groups=result.groups, small=result.small, min_count=min_count, z=z)


def verdict_log() -> list[dict]:
    """Every sentence the helpers wrote in this process, with its verdict (a copy).

    >>> clear_verdict_log(); _ = compare_rates([1], [40], ["a"]).sentence("x"); verdict_log()[0]["claims"]
    False
    """
    return [dict(entry) for entry in _LOG]


def clear_verdict_log() -> None:
    """Empty the log of :func:`verdict_log` (tests start from an empty log).

    >>> clear_verdict_log(); verdict_log()
    []
    """
    _LOG.clear()
