"""Exercises that teach: a data exercise of chapters 1-7 cannot be answered by copying a number that the
stored notebook already prints above the exercise; the near misses students make get their own diagnosis.

The copy check reads every stored output (text, Markdown, HTML tables) of the cells above the cell that
checks the exercise, reads every number in it the Dutch and the English way (and a percentage as a
fraction), and fails when check() would accept one of them for the default data.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

import salesnb
from salesnb.exercises._core import _close, check, registered_exercises

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("0[1-7]_*.ipynb"))
CHAPTERS = {str(n) for n in range(1, 8)}
_CHECK_CALL = re.compile(r"""check\(\s*["']([\d.]+)["']""")
_NUMBER = re.compile(r"(?<![\w.,])[-−]?\d+(?:[.,]\d+)*(?:\s?%)?")


def _output_texts(cell):
    """The visible text of a cell's stored outputs (HTML tags removed)."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            yield output.get("text", "")
            continue
        data = output.get("data", {})
        for mime in ("text/plain", "text/markdown", "text/html"):
            if mime in data:
                text = data[mime]
                text = "".join(text) if isinstance(text, list) else text
                if mime == "text/html":
                    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
                yield text


def _readings(token: str) -> tuple[set[float], bool]:
    """A printed number read with a decimal point and with a decimal comma; and whether it had a % sign."""
    percent = token.endswith("%")
    text = token.rstrip("%").strip().replace("−", "-")
    values = set()
    for decimal, thousands in ((".", ","), (",", ".")):
        if decimal in text and thousands in text and text.rfind(decimal) < text.rfind(thousands):
            continue
        plain = text.replace(thousands, "").replace(decimal, ".")
        if plain.count(".") <= 1:
            try:
                values.add(float(plain))
            except ValueError:
                pass
    return values, percent


def printed_numbers(texts):
    """Every (value, had_percent_sign, context) printed in the texts."""
    for text in texts:
        for match in _NUMBER.finditer(text):
            values, percent = _readings(match.group())
            context = text[max(0, match.start() - 50):match.end() + 10].replace("\n", " | ")
            for value in values:
                yield value, percent, context


def copyable(ex, numbers) -> list[str]:
    """The contexts of printed numbers that check() would accept as the answer to ``ex``."""
    expected = float(ex.expected())
    hits = []
    for value, percent, context in numbers:
        candidates = {value / 100} if (percent and ex.unit == "fraction") else {value}
        if ex.unit == "percent" and not percent and abs(value) <= 1:
            candidates.add(value * 100)
        if any(_close(ex, c, expected) for c in candidates):
            hits.append(context)
    return hits


def _exercise_cells():
    """(exercise id, notebook path, index of the cell that checks it)."""
    found = []
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                found.extend((key, path, i) for key in _CHECK_CALL.findall(cell.source))
    return found


def _numeric_data_exercises():
    cells = {key: (path, i) for key, path, i in _exercise_cells()}
    return [(key, *cells[key]) for key, ex in registered_exercises().items()
            if ex.chapter in CHAPTERS and ex.kind == "number" and key in cells]


@pytest.fixture(autouse=True)
def _default_data():
    previous = salesnb.current_seed()
    salesnb.use_seed(None)
    yield
    salesnb.use_seed(previous)


def test_every_numeric_exercise_of_chapters_1_to_7_is_checked_in_a_notebook():
    keys = {key for key, _, _ in _numeric_data_exercises()}
    numeric = {k for k, e in registered_exercises().items() if e.chapter in CHAPTERS and e.kind == "number"}
    assert numeric and keys == numeric, f"not checked in a notebook: {sorted(numeric - keys)}"


@pytest.mark.parametrize("key,path,index", _numeric_data_exercises(),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_the_answer_is_not_printed_above_the_exercise(key, path, index):
    ex = registered_exercises()[key]
    nb = nbformat.read(path, as_version=4)
    # The question (salesnb.exercise) may print a case's numbers and a check cell its own id: not answers.
    above = [c for c in nb.cells[:index] if "salesnb.exercise(" not in c.source and "check(" not in c.source]
    hits = copyable(ex, printed_numbers(t for c in above for t in _output_texts(c)))
    assert not hits, (f"{key}: the expected answer ({ex.expected()!r}) is printed above the exercise in "
                      f"{path.name}: {hits[:3]}")


def test_the_copy_check_finds_a_printed_answer_in_any_common_formatting():
    ex = salesnb.exercises._core.Exercise(id="97.1", title="t", question="q", answer=0.2113, unit="fraction")
    for text in ("netwerken   21,1%", "21.13 %", "aandeel 0,211", "0.2113"):
        assert copyable(ex, printed_numbers([text])), text
    assert not copyable(ex, printed_numbers(["in 21 maanden", "12,5%"]))
    euro = salesnb.exercises._core.Exercise(id="97.2", title="t", question="q", answer=905810.0, unit="euro")
    for text in ("gewogen pijplijn: € 905.810", "€ 905,810", "905810.0"):
        assert copyable(euro, printed_numbers([text])), text


# --------------------------------------------------------------------------- near misses


def _message(key, answer):
    result = check(key, answer)
    assert result.correct is False, f"{key}: {answer!r} accepted"
    return result.message


def test_truncating_instead_of_rounding_is_diagnosed():
    # 6.1: 5142,857... truncated to whole euros is 5142, rounded it is 5143.
    assert "afgekapt" in _message("6.5", 5142)
    assert check("6.5", 5143).correct
    # 6.2: a fraction truncated to three decimals.
    expected = float(registered_exercises()["6.3"].expected())
    truncated = int(expected * 1000) / 1000
    if round(expected, 3) != truncated:
        assert "afgekapt" in _message("6.3", truncated)


@pytest.mark.parametrize("key,answer,words", [
    ("6.5", 2400 / 0.10, "zonder retentie"),
    ("6.5", 2400 * 0.75 / (1 - 0.75), "disconteringsvoet"),
    ("6.5", 2400 * 1.10 / (1 + 0.10 - 0.75), "begin van elk jaar"),
    ("6.6", 3000 * sum(1.08 ** -t for t in range(1, 6)) - 2500, "zonder retentie"),
    ("6.6", 3000 * sum(0.8 ** t for t in range(1, 6)) - 2500, "zonder disconteren"),
    ("6.6", 3000 * sum((0.8 / 1.08) ** t for t in range(0, 5)) - 2500, "begin van elk jaar"),
])
def test_a_clv_without_retention_or_discounting_or_with_the_margin_at_the_start(key, answer, words):
    assert words in _message(key, answer)


def test_working_from_rounded_percentages_is_diagnosed():
    scores = registered_exercises()["1.3"]
    from salesnb.exercises.h1 import _nps_from_rounded_percentages

    wrong = _nps_from_rounded_percentages()
    if not _close(scores, wrong, float(scores.expected())):
        assert "afgeronde percentages" in _message("1.3", wrong)


@pytest.mark.parametrize("key", ["1.1", "1.3", "1.4", "2.3", "3.1", "3.2", "4.1", "5.2", "5.3", "5.1",
                                 "6.3", "6.1", "7.2"])
def test_copying_the_printed_number_of_the_notebook_gets_a_diagnosis(key):
    """The number the notebook prints above (the whole, the other year or role) is a known mistake."""
    ex = registered_exercises()[key]
    first = ex.mistakes[0]
    message = _message(key, first.wrong_value())
    assert first.message in message
    assert "hierboven" in first.message


def test_every_data_solution_explains_its_reasoning_in_dutch():
    for key in ("1.1", "1.3", "1.4", "2.3", "3.1", "3.2", "4.1", "5.2", "5.3", "5.1", "6.5", "6.3", "6.1",
                "6.6", "7.2"):
        comments = [line for line in registered_exercises()[key].solution.splitlines() if "#" in line]
        assert comments, f"{key}: the solution has no explanation"
