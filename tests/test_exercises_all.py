"""Every registered exercise, for the default data and seeds 1 and 7: its own solution passes,
each known mistake is rejected with its diagnosis, the placeholder says "nog niet ingevuld".

Plus the mechanism (salesnb.exercises._core) and answer parsing (answers.py) on small
exercises defined here.
"""

from __future__ import annotations

import math
import pathlib

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import salesnb
import salesnb.exercises as E
from salesnb.exercises._core import (Exercise, Mistake, check, exercise, exercises, hint,
                                     register_exercise, registered_exercises, run_solution,
                                     solution, teacher_view, unregister_exercise)
from salesnb.exercises.answers import AnswerError, parse_number
from salesnb.display import format_euro, format_number

REGISTERED = registered_exercises()
SEEDS = [None, 1, 7]  # None: the committed default data


@pytest.fixture(params=SEEDS, ids=lambda s: f"seed={s}")
def seed(request):
    previous = salesnb.current_seed()
    salesnb.use_seed(request.param)
    yield request.param
    salesnb.use_seed(previous)


def _matches_expected(ex: Exercise, wrong) -> bool:
    """Whether a declared wrong value happens to be right for this dataset (then skip it)."""
    result = check(ex.id, wrong)
    return bool(result.correct)


# --------------------------------------------------------------------------- every exercise


def test_every_chapter_module_registers_its_exercises():
    folder = pathlib.Path(E.__file__).parent
    chapters = {f"salesnb.exercises.{p.stem}" for p in folder.glob("*.py")
                if not p.stem.startswith("_") and p.stem != "answers"}
    registered = {ex.module for ex in REGISTERED.values()}
    assert chapters <= registered, f"not imported by salesnb/exercises/__init__.py: {sorted(chapters - registered)}"


def test_registry_has_the_start_exercises_and_unique_ids():
    assert {"0.1", "0.2"} <= set(REGISTERED)
    for key, ex in REGISTERED.items():
        assert ex.id == key
        assert ex.question.strip() and ex.title.strip()
        assert ex.solution.strip(), f"{key} has no solution code"
        assert "antwoord" in ex.solution, f"the solution of {key} must assign antwoord"


@pytest.mark.parametrize("key", sorted(REGISTERED))
def test_solution_is_accepted(key, seed):
    answer = run_solution(key)
    result = check(key, answer)
    assert result.correct is True, f"{key} (seed {seed}): {result.message}"
    assert result.message.startswith("✅")


@pytest.mark.parametrize("key", sorted(REGISTERED))
def test_known_mistakes_get_their_diagnosis(key, seed):
    ex = REGISTERED[key]
    for i, mistake in enumerate(ex.mistakes):
        wrong = mistake.wrong_value()
        if _matches_expected(ex, wrong):
            continue  # on this dataset the mistake gives the right number by coincidence
        result = check(key, wrong)
        assert result.correct is False, f"{key}: mistake accepted: {mistake.message}"
        # two mistakes can give the same number on a dataset by coincidence: the first one's diagnosis wins
        earlier = [m for m in ex.mistakes[:i] if check(key, m.wrong_value()).message == result.message]
        assert mistake.message in result.message or earlier, f"{key} (seed {seed}): {result.message}"


@pytest.mark.parametrize("key", sorted(REGISTERED))
def test_placeholder_is_not_an_error(key):
    for placeholder in (..., None):
        result = check(key, placeholder)
        assert result.correct is None
        assert "nog niet ingevuld" in result.message
        assert repr(result) == result.message


@pytest.mark.parametrize("key", sorted(REGISTERED))
def test_question_hints_and_solution_are_shown_only_on_request(key):
    ex = REGISTERED[key]
    question = repr(exercise(key))
    assert ex.question in question
    if ex.solution:
        assert ex.solution not in question
        assert ex.solution in repr(solution(key))
    for n, text in enumerate(ex.hints, 1):
        assert text in repr(hint(key, n))


# --------------------------------------------------------------------------- mechanism


@pytest.fixture
def demo():
    """Register small exercises (one per kind) and remove them afterwards."""
    made = [
        register_exercise(id="98.1", title="Aandeel", question="Welk aandeel?", answer=lambda: 0.1534,
                          unit="fraction",
                          mistakes=[Mistake(lambda: 0.25, "Je telde de passieven mee als criticasters.")],
                          hints=["Eerste hint.", "Tweede hint."],
                          solution="antwoord = 0.1534"),
        register_exercise(id="98.2", title="Aandeel, % toegestaan", question="?", answer=0.15,
                          unit="fraction", allow_percent=True, solution="antwoord = 0.15"),
        register_exercise(id="98.3", title="Bedrag", question="?", answer=1234.5, unit="euro",
                          mistakes=[Mistake(2000.0, "Je nam de omzet in plaats van de marge.")],
                          solution="antwoord = 1234.5"),
        register_exercise(id="98.4", title="Keuze", question="Welke?",
                          choices={"a": ("Optie A", "A is te smal."), "b": ("Optie B", "B klopt: ..."),
                                   "c": ("Optie C", "")},
                          answer="b", solution="antwoord = 'b'"),
        register_exercise(id="98.5", title="Tekst", question="?", kind="text",
                          answer=lambda: ["Zorg", "Onderwijs"], solution="antwoord = ['zorg', 'onderwijs']"),
        register_exercise(id="98.6", title="Tabel", question="?", kind="table", unit="number",
                          answer=lambda: pd.Series({"A": 0.5, "B": 0.3, "C": 0.2}),
                          mistakes=[Mistake(lambda: pd.Series({"A": 5.0, "B": 3.0, "C": 2.0}),
                                            "Je gaf aantallen in plaats van aandelen.")],
                          solution="antwoord = pd.Series({'A': 0.5, 'B': 0.3, 'C': 0.2})"),
        register_exercise(id="98.7", title="Percentage", question="?", answer=15.0, unit="percent",
                          allow_fraction=True, solution="antwoord = 15"),
        register_exercise(id="98.8", title="Aantal", question="?", answer=8, unit="count",
                          solution="antwoord = 8"),
    ]
    yield {e.id: e for e in made}
    for e in made:
        unregister_exercise(e.id)


def test_number_fraction(demo):
    assert check("98.1", 0.1534).correct
    assert check("98.1", 0.153).correct  # within the default tolerance 0.0005
    assert check("98.1", "15,34%").correct  # explicit percent sign is unambiguous
    assert check("98.1", "15.34 %").correct
    r = check("98.1", 15.34)  # bare percentage, not allowed for this exercise
    assert r.correct is False and "percentage" in r.message and "fractie" in r.message
    r = check("98.1", 0.15)
    assert r.correct is False and "te grof afgerond" in r.message
    r = check("98.1", 0.25)
    assert r.correct is False and "passieven" in r.message
    r = check("98.1", 0.5)
    assert r.correct is False and "te hoog" in r.message and "hint" in r.message
    r = check("98.1", -0.1534)
    assert r.correct is False and "teken" in r.message


def test_ambiguous_percentage_accepted_when_allowed_and_says_so(demo):
    r = check("98.2", 15)
    assert r.correct is True
    assert "15%" in r.message and "opgevat" in r.message
    assert check("98.2", 0.15).note is None


def test_percent_unit_accepts_fraction_with_a_note(demo):
    assert check("98.7", 15).correct and check("98.7", "15%").correct
    r = check("98.7", 0.15)
    assert r.correct and "fractie" in r.note


def test_euro_parsing_and_diagnosis(demo):
    for answer in (1234.5, "€ 1.234,50", "1234.5", "1.234,5", "€1234,50", "EUR 1 234,50"):
        assert check("98.3", answer).correct, answer
    assert check("98.3", "1.234").correct  # Dutch thousands → 1234, within € 0,50
    r = check("98.3", 2000)
    assert not r.correct and "marge" in r.message
    r = check("98.3", "12%")
    assert not r.correct and "percentage" in r.message
    r = check("98.3", "twaalf")
    assert not r.correct and "niet lezen als getal" in r.message


def test_a_one_value_series_is_read_as_its_value(demo):
    r = check("98.8", pd.Series([8], index=["x"]))
    assert r.correct and "één waarde" in r.note
    assert check("98.8", [8]).correct
    r = check("98.8", pd.Series([8, 9]))
    assert not r.correct and "2 waarden" in r.message


def test_count_is_exact(demo):
    assert check("98.8", 8).correct and check("98.8", 8.0).correct
    assert not check("98.8", 7).correct
    assert "geheel getal" in check("98.8", 8.5).message


def test_choice_feedback_per_option(demo):
    r = check("98.4", "B")
    assert r.correct and "B klopt" in r.message
    r = check("98.4", "a)")
    assert not r.correct and "A is te smal" in r.message
    r = check("98.4", "z")
    assert not r.correct and "Kies uit: a, b, c" in r.message
    assert not check("98.4", 2).correct
    assert "a) Optie A" in repr(exercise("98.4"))


def test_text_set(demo):
    assert check("98.5", ["onderwijs", " ZORG "]).correct
    r = check("98.5", ["Zorg", "Industrie"])
    assert not r.correct and "industrie" in r.message and "ontbreken er 1" in r.message


def test_table(demo):
    right = pd.Series({"C": 0.2, "A": 0.5, "B": 0.3})  # order does not matter
    assert check("98.6", right).correct
    assert check("98.6", right.to_frame("aandeel")).correct
    r = check("98.6", pd.Series({"A": 0.5, "B": 0.3}))
    assert not r.correct and "ontbreken: C" in r.message
    r = check("98.6", pd.Series({"A": 0.5, "B": 0.2, "C": 0.3}))
    assert not r.correct and "B, C" in r.message
    r = check("98.6", pd.Series({"A": 5.0, "B": 3.0, "C": 2.0}))
    assert "aantallen" in r.message
    assert "tabel" in check("98.6", 3).message


def test_hints_one_at_a_time(demo):
    first = repr(hint("98.1"))
    assert "Hint 1 van 2" in first and "Eerste hint." in first and "Tweede" not in first
    second = repr(hint("98.1"))
    assert "Hint 2 van 2" in second and "Tweede hint." in second
    assert "uitwerking" in repr(hint("98.1")).lower()
    assert "Eerste hint." in repr(hint("98.1", 1))


def test_unknown_id_is_friendly(demo):
    r = check("98.99", 1)
    assert r.correct is None and "bestaat niet" in r.message and "98.1" in r.message
    assert check(98.1, 0.1534).correct  # a float id works too
    with pytest.raises(salesnb.InputError):
        hint("98.99")


def test_listing_and_teacher_view(demo, monkeypatch):
    listing = repr(exercises(98))
    assert "98.1" in listing and "98.8" in listing and "antwoord = " not in listing
    monkeypatch.delenv("SALESNB_TEACHER", raising=False)
    hidden = repr(teacher_view(98))
    assert "docenten" in hidden and "0,1534" not in hidden and "antwoord = 0.1534" not in hidden
    shown = repr(teacher_view(98, confirm=True))
    assert "0,1534" in shown and "antwoord = 0.1534" in shown and "passieven" in shown
    monkeypatch.setenv("SALESNB_TEACHER", "1")
    assert "antwoord = 0.1534" in repr(teacher_view("98"))


def test_solutions_of_demo_pass(demo):
    for key in demo:
        assert check(key, run_solution(key)).correct, key


def test_duplicate_id_from_another_module_is_refused(demo):
    with pytest.raises(ValueError):
        E.register(Exercise(id="98.1", title="x", question="y", answer=1, module="elders"))


def test_exercise_definition_errors():
    with pytest.raises(ValueError):
        Exercise(id="97.1", title="x", question="y", answer=1, unit="kilo")
    with pytest.raises(ValueError):
        Exercise(id="97.1", title="x", question="y", answer=1, kind="essay")
    assert Exercise(id="6.1", title="x", question="y", answer=1).chapter == "6"


def test_exported_from_salesnb():
    assert repr(salesnb.exercises(0)) == repr(E.exercises(0))  # the package is callable
    assert "0.1" in repr(salesnb.exercises())
    assert salesnb.check is E.check and salesnb.hint is E.hint
    assert salesnb.solution is E.solution and salesnb.exercise is E.exercise


# --------------------------------------------------------------------------- answers


@pytest.mark.parametrize("text, value, sign", [
    (0.15, 0.15, None), (15, 15.0, None), ("15%", 15.0, "%"), ("15,0 %", 15.0, "%"),
    ("€ 1.234,50", 1234.5, "€"), ("1234.5", 1234.5, None), ("1,234.5", 1234.5, None),
    ("−3,5", -3.5, None), ("€ 25,-", 25.0, "€"), ("1.234.567", 1234567.0, None),
    ("12 procent", 12.0, "%"), (",5", 0.5, None),
])
def test_parse_number(text, value, sign):
    parsed = parse_number(text)
    assert parsed.value == pytest.approx(value) and parsed.sign == sign


@pytest.mark.parametrize("bad", ["", "abc", "1,2,3.4.5x", "15 €%", [1, 2], True, float("nan")])
def test_parse_number_refuses_with_dutch_message(bad):
    with pytest.raises(AnswerError) as info:
        parse_number(bad)
    assert any(word in str(info.value) for word in ("getal", "eenheid", "NaN", "waarden"))


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_dutch_formatted_numbers_parse_back(x, decimals):
    text = format_number(x, decimals)
    assert parse_number(text, unit="euro" if decimals == 0 else None).value == pytest.approx(
        float(text.replace(".", "").replace(",", ".")))
    # amounts are rounded half up (commercial rounding: 0,125 -> 0,13), so the parsed value
    # lies within half a cent of x
    assert math.isclose(parse_number(format_euro(x, 2)).value, x, abs_tol=0.005 + 1e-9)


# --------------------------------------------------------------------------- questions read as prose

import re  # noqa: E402

_FORMAT_LINE = re.compile(r"(?:^|[.?!]\s+|\n)Geef (?:het|een|de|je)\b")
# An example of an answer in Dutch decimal notation: typed as Python it is a tuple (0, 42).
_DUTCH_EXAMPLE = re.compile(r"bijvoorbeeld \d+,\d|\(\d+,\d+ (?:voor|betekent)|typ \d+,\d")


def _bundle(obj) -> dict:
    from IPython.core.formatters import DisplayFormatter

    data, _metadata = DisplayFormatter().format(obj)
    return data


@pytest.mark.parametrize("key", sorted(REGISTERED))
def test_question_renders_as_wrapped_markdown(key):
    """Markdown, not monospace text/plain (which JupyterLab breaks in the middle of a word)."""
    data = _bundle(exercise(key))
    assert "text/markdown" in data, "the question must render as Markdown"
    assert data["text/plain"] == repr(exercise(key))
    assert f"**Opgave {key}:" in data["text/markdown"]
    assert f'`salesnb.check("{key}", antwoord)`' in data["text/markdown"]
    for n in range(1, len(REGISTERED[key].hints) + 1):
        assert "text/markdown" in _bundle(hint(key, n))
    if REGISTERED[key].solution:
        assert "```python" in _bundle(solution(key))["text/markdown"]


@pytest.mark.parametrize("key", sorted(REGISTERED))
def test_the_answer_format_line_appears_once_with_typed_examples(key):
    text = repr(exercise(key))
    lines = len(_FORMAT_LINE.findall(text))
    if REGISTERED[key].kind == "number":
        assert lines == 1, f"{key}: {lines} answer-format lines in\n{text}"
    else:
        assert lines <= 1, f"{key}: {lines} answer-format lines in\n{text}"
    assert not _DUTCH_EXAMPLE.search(text), f"{key}: an example the student cannot type: {text}"


def test_check_feedback_renders_as_markdown_beside_its_record():
    key = sorted(REGISTERED)[0]
    data = _bundle(check(key, ...))
    assert "text/markdown" in data and "nog niet ingevuld" in data["text/markdown"]
    answered = _bundle(check(key, run_solution(key)))
    assert "text/markdown" in answered and answered["text/markdown"].startswith("✅")
    assert any("salesnb" in mime for mime in answered), "the record stays beside the text"
