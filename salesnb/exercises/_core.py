"""Exercises that check themselves: definition, registry, check, hints, solutions.

An exercise is defined ONCE, in ``salesnb/exercises/<chapter>.py``, with
:func:`register_exercise` (a new chapter module is imported in
``salesnb/exercises/__init__.py``; that import registers its exercises). Its expected
answer is a function computed from the CURRENT data (``salesnb.load(...)`` follows the
student's personal seed), so checks follow ``salesnb.use_seed(...)``. Complete example
(copy this)::

    import salesnb
    from ._core import Mistake, register_exercise

    def _share_zorg():
        customers = salesnb.load("customers")
        return (customers["sector"] == "Zorg").mean()

    register_exercise(
        id="0.2", title="Aandeel zorgklanten",
        question="Welk deel van de klanten zit in de sector zorg? Geef een fractie (0,15).",
        answer=_share_zorg, unit="fraction",            # number kind, expected is a fraction
        mistakes=[Mistake(lambda: (salesnb.load("customers")["sector"] == "Zorg").sum(),
                          "Je gaf het aantal zorgklanten; gevraagd is het aandeel: deel door het totaal.")],
        hints=["Vergelijk de kolom 'sector' met 'zorg'.", "Het gemiddelde van True/False is een aandeel."],
        solution=\"\"\"
    klanten = salesnb.load("customers")
    antwoord = (klanten["sector"] == "Zorg").mean()
    \"\"\")

Kinds (``kind=`` is inferred: ``choices`` → ``"choice"``, else ``"number"``):

- ``"number"`` with ``unit`` ``"fraction"`` (expected 0.15; ``"15%"`` accepted;
  bare 15 accepted only with ``allow_percent=True``, with a note saying what was
  assumed, else diagnosed), ``"percent"`` (expected 15.0; 0.15 accepted only with
  ``allow_fraction=True``), ``"euro"``, ``"count"``, ``"number"``. ``tolerance``
  (absolute) / ``rel_tolerance``; defaults per unit (:data:`DEFAULT_TOLERANCE`).
- ``"choice"``: ``choices={"a": ("option text", "feedback"), ...}``, ``answer="b"``
  (or a set of keys); the feedback of the chosen option is always shown.
- ``"text"``: ``answer`` returns a string or a collection of strings; compared
  case- and space-insensitively as a set.
- ``"table"``: ``answer`` returns a Series/DataFrame; compared by labels and values
  (with tolerance), diagnosing missing/extra rows and deviating values.

``mistakes``: :class:`Mistake` (wrong value, or a function computing it from the
data, plus the Dutch diagnosis). Generic diagnoses are added automatically:
percentage vs fraction, too coarse rounding, wrong sign, count instead of share.
``solution`` is code that assigns ``antwoord``; tests run it for several seeds
and check it passes, and check every Mistake is rejected with its message.

In the notebook::

    antwoord = ...                 # the placeholder: "nog niet ingevuld"
    salesnb.check("0.2", antwoord)

>>> import salesnb.exercises as ex
>>> _ = register_exercise(id="99.1", title="Demo", question="Hoeveel is 6 × 7?",
...                       answer=lambda: 42, unit="count", solution="antwoord = 6 * 7",
...                       mistakes=[Mistake(13, "Je telde 6 + 7 op in plaats van te vermenigvuldigen.")])
>>> check("99.1", ...)
✏️ Opgave 99.1: nog niet ingevuld. Vervang de ... door je antwoord en voer de cel opnieuw uit.
>>> check("99.1", 42)
✅ Goed! Opgave 99.1: 42 is juist.
>>> check("99.1", 13).correct
False
>>> _ = unregister_exercise("99.1")
"""

from __future__ import annotations

import math
import numbers
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..display import format_euro, format_number, format_percent
from .answers import AnswerError, Interpretation, hint_number, interpretations, parse_number

__all__ = [
    "Exercise",
    "Mistake",
    "Feedback",
    "CheckResult",
    "register_exercise",
    "register",
    "unregister_exercise",
    "get_exercise",
    "registered_exercises",
    "check",
    "hint",
    "solution",
    "exercise",
    "exercises",
    "teacher_view",
    "run_solution",
    "expected_answer",
    "DEFAULT_TOLERANCE",
]

KINDS = ("number", "choice", "text", "table")

#: Absolute tolerance per unit when an exercise gives none (in the unit of the answer).
DEFAULT_TOLERANCE = {
    "fraction": 0.0005,   # 0.1534 accepted as 0.153 (three decimals)
    "percent": 0.05,      # 15.34 accepted as 15.3
    "euro": 0.5,          # whole euros
    "count": 1e-9,        # exact
    "number": 0.005,      # two decimals (e.g. NPS 33.33)
}

_PLACEHOLDER_TEXT = "nog niet ingevuld"


# --------------------------------------------------------------------------- results


class Feedback:
    """Text shown to the student; its repr IS the text (stable notebook output).

    With ``markdown`` the notebook renders that instead: wrapped prose in the notebook's
    font, where the plain text would be monospace and broken in the middle of words.

    >>> Feedback("Opgave 1.1", markdown="**Opgave 1.1**")._repr_markdown_()
    '**Opgave 1.1**'
    """

    def __init__(self, message: str, *, markdown: str | None = None):
        self.message = message
        self.markdown = markdown

    def __repr__(self) -> str:
        return self.message

    __str__ = __repr__

    def _repr_markdown_(self):
        return self.markdown


class CheckResult(Feedback):
    """Result of :func:`check`: ``.correct`` (True, False, or None for no answer), ``.message``.

    ``.note`` holds what was assumed when reading the answer (or None).
    """

    def __init__(self, correct: bool | None, message: str, *, exercise_id: str = "",
                 note: str | None = None, record: dict | None = None):
        super().__init__(message)
        self.correct = correct
        self.exercise_id = exercise_id
        self.note = note
        self.record = record

    def __bool__(self) -> bool:
        return bool(self.correct)

    def _repr_markdown_(self):
        # The feedback reads as prose (wrapped in the notebook's font), like the question.
        return _md(self.message)

    def _repr_mimebundle_(self, include=None, exclude=None):
        # Beside the visible text (IPython adds text/plain from the repr), so a saved notebook
        # carries what was judged; placeholders and unknown ids record nothing.
        return {RECORD_MIME: self.record} if self.record else {}


# --------------------------------------------------------------------------- definitions


@dataclass(frozen=True)
class Mistake:
    """A common wrong answer and its Dutch diagnosis.

    ``value``: the wrong answer (constant) or a zero-argument function computing it
    from the current data, in the same form as a student's answer (fraction,
    option key, set of strings, table...). ``message``: what went wrong and how to
    fix it, e.g. "Je telde de passieven mee als criticasters; passief (7–8) telt niet mee."
    """

    value: Any
    message: str

    def wrong_value(self):
        return self.value() if callable(self.value) else self.value


@dataclass
class Exercise:
    """One self-checking exercise (see the module docstring for every field)."""

    id: str
    title: str
    question: str
    answer: Any
    kind: str | None = None
    unit: str = "number"
    tolerance: float | None = None
    rel_tolerance: float = 0.0
    allow_percent: bool = False
    allow_fraction: bool = False
    choices: Mapping[str, tuple[str, str]] | None = None
    mistakes: Sequence[Mistake] = ()
    hints: Sequence[str] = ()
    solution: str = ""
    chapter: str | None = None
    explanation: str = ""
    module: str = field(default="", compare=False)

    def __post_init__(self):
        self.id = str(self.id)
        if self.chapter is None:
            self.chapter = self.id.split(".")[0]
        self.chapter = str(self.chapter)
        if self.kind is None:
            self.kind = "choice" if self.choices else "number"
        if self.kind not in KINDS:
            raise ValueError(f"exercise {self.id}: kind must be one of {KINDS}")
        if self.kind == "number" and self.unit not in DEFAULT_TOLERANCE:
            raise ValueError(f"exercise {self.id}: unit must be one of {tuple(DEFAULT_TOLERANCE)}")
        if self.kind == "choice":
            if not self.choices:
                raise ValueError(f"exercise {self.id}: a choice exercise needs choices")
            self.choices = {_norm_key(k): tuple(v) for k, v in self.choices.items()}
        self.mistakes = tuple(self.mistakes)
        self.hints = tuple(self.hints)
        self.solution = _dedent(self.solution)

    def expected(self):
        """The correct answer for the current data (calls ``answer`` if it is a function)."""
        return self.answer() if callable(self.answer) else self.answer

    @property
    def abs_tolerance(self) -> float:
        return self.tolerance if self.tolerance is not None else DEFAULT_TOLERANCE.get(self.unit, 0.005)


_EXERCISES: dict[str, Exercise] = {}
_HINTS_SHOWN: dict[str, int] = {}


def register(ex: Exercise) -> Exercise:
    """Add an :class:`Exercise` to the registry (an id may be registered once per module)."""
    existing = _EXERCISES.get(ex.id)
    if existing is not None and existing.module != ex.module:
        raise ValueError(f"exercise id {ex.id!r} already registered by {existing.module}")
    _EXERCISES[ex.id] = ex
    return ex


def register_exercise(**fields) -> Exercise:
    """Create an :class:`Exercise` from keyword fields and register it (see module doc)."""
    if "module" not in fields:
        import inspect

        frame = inspect.currentframe().f_back
        fields["module"] = frame.f_globals.get("__name__", "") if frame else ""
    return register(Exercise(**fields))


def unregister_exercise(exercise_id: str) -> Exercise | None:
    """Remove an exercise from the registry (for tests and doctests)."""
    _HINTS_SHOWN.pop(str(exercise_id), None)
    return _EXERCISES.pop(str(exercise_id), None)


def registered_exercises() -> dict[str, Exercise]:
    """All registered exercises by id, in natural order (0.1, 0.2, ..., 1.10)."""
    return {k: _EXERCISES[k] for k in sorted(_EXERCISES, key=_natural_key)}


def _natural_key(exercise_id: str):
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\-]", exercise_id)]


def get_exercise(exercise_id) -> Exercise:
    """The exercise with this id; a Dutch KeyError-like InputError when unknown."""
    key = _id(exercise_id)
    if key not in _EXERCISES:
        from ..errors import InputError

        raise InputError(_unknown_message(key))
    return _EXERCISES[key]


def _id(exercise_id) -> str:
    if isinstance(exercise_id, float):
        return repr(exercise_id)
    return str(exercise_id).strip()


def _unknown_message(key: str) -> str:
    chapter = key.split(".")[0]
    same = [k for k, e in registered_exercises().items() if e.chapter == chapter]
    known = ", ".join(same) if same else ", ".join(registered_exercises()) or "geen"
    return (f"Opgave {key!r} bestaat niet. Bestaande opgaven: {known}. "
            f"Schrijf het nummer als tekst, bijvoorbeeld check(\"{same[0] if same else '1.1'}\", antwoord).")


# --------------------------------------------------------------------------- student API


def check(exercise_id, answer) -> CheckResult:
    """Check an answer and give Dutch feedback (the returned object shows the message).

    ``answer = ...`` (or None) gives "nog niet ingevuld", not an error.
    """
    key = _id(exercise_id)
    if key not in _EXERCISES:
        return CheckResult(None, "⚠️ " + _unknown_message(key), exercise_id=key)
    ex = _EXERCISES[key]
    if answer is Ellipsis or answer is None:
        return CheckResult(
            None, f"✏️ Opgave {key}: {_PLACEHOLDER_TEXT}. Vervang de ... door je antwoord "
                  f"en voer de cel opnieuw uit.", exercise_id=key)
    expected = ex.expected()
    checker = {"number": _check_number, "choice": _check_choice,
               "text": _check_text, "table": _check_table}[ex.kind]
    correct, detail, note = checker(ex, answer, expected)
    if correct:
        message = f"✅ Goed! Opgave {key}: {detail}"
        if note:
            message += f" ({note})"
        if ex.explanation:
            message += f"\n{ex.explanation}"
    else:
        message = f"❌ Nog niet goed (opgave {key}). {detail}"
        if ex.hints:
            message += f"\nTip: vraag een hint met salesnb.hint(\"{key}\")."
    return CheckResult(correct, message, exercise_id=key, note=note,
                       record=check_record(key, answer, correct))


def hint(exercise_id, n: int | None = None) -> Feedback:
    """Show the next hint of an exercise (or hint number ``n``, counting from 1)."""
    ex = get_exercise(exercise_id)
    if not ex.hints:
        return Feedback(f"Opgave {ex.id} heeft geen hints. Bekijk de vraag opnieuw met "
                        f"salesnb.exercise(\"{ex.id}\").")
    n = hint_number(n, len(ex.hints))
    if n is None:
        n = _HINTS_SHOWN.get(ex.id, 0) + 1
    if n > len(ex.hints):
        return Feedback(f"Je hebt alle {len(ex.hints)} hints van opgave {ex.id} gezien. "
                        f"Kom je er niet uit? Bekijk de uitwerking met salesnb.solution(\"{ex.id}\").")
    n = max(int(n), 1)
    _HINTS_SHOWN[ex.id] = max(_HINTS_SHOWN.get(ex.id, 0), n)
    more = (f" (nog een hint: voer salesnb.hint(\"{ex.id}\") nog eens uit)"
            if n < len(ex.hints) else "")
    more_md = (f" (nog een hint: voer `salesnb.hint(\"{ex.id}\")` nog eens uit)"
               if n < len(ex.hints) else "")
    return Feedback(f"💡 Hint {n} van {len(ex.hints)} bij opgave {ex.id}: {ex.hints[n - 1]}{more}",
                    markdown=f"💡 **Hint {n} van {len(ex.hints)} bij opgave {ex.id}:** "
                             f"{_md(ex.hints[n - 1])}{more_md}")


def solution(exercise_id) -> Feedback:
    """Show the solution code of an exercise (only when asked for)."""
    ex = get_exercise(exercise_id)
    if not ex.solution:
        return Feedback(f"Opgave {ex.id} heeft (nog) geen uitgewerkte oplossing.")
    return Feedback(f"Uitwerking opgave {ex.id} ({ex.title}):\n\n{ex.solution}",
                    markdown=f"**Uitwerking opgave {ex.id}** ({_md(ex.title)}):\n\n"
                             f"```python\n{ex.solution}\n```")


def exercise(exercise_id) -> Feedback:
    """Show the question of an exercise and how to answer it (rendered as Markdown in a notebook).

    The answer-format line appears once: the question's own "Geef ..." sentence, or else the
    unit's instruction, whose examples are what the student types (0.15 or '0,15').
    """
    ex = get_exercise(exercise_id)
    check_call = f"salesnb.check(\"{ex.id}\", antwoord)"
    lines = [f"Opgave {ex.id}: {ex.title}", "", ex.question]
    md = [f"**Opgave {ex.id}: {_md(ex.title)}**", "", _md(ex.question)]
    if ex.kind == "choice":
        first = next(iter(ex.choices))
        lines.append("")
        lines.extend(f"  {k}) {text}" for k, (text, _fb) in ex.choices.items())
        lines.append(f"\nAntwoord met de letter, bijvoorbeeld antwoord = \"{first}\".")
        md.append("")
        md.extend(f"- **{k})** {_md(text)}" for k, (text, _fb) in ex.choices.items())
        md.extend(["", f"Antwoord met de letter, bijvoorbeeld `antwoord = \"{first}\"`."])
    elif ex.kind == "number" and not _FORMAT_SENTENCE.search(ex.question):
        lines.extend(["", _UNIT_INSTRUCTION[ex.unit]])
        md.extend(["", _UNIT_INSTRUCTION_MD[ex.unit]])
    lines.append(f"Controleer met {check_call}.")
    md.extend(["", f"Controleer met `{check_call}`."])
    return Feedback("\n".join(lines), markdown="\n".join(md))


# A question that says itself how to give the answer ("Geef een fractie (0.15 voor 15%).").
_FORMAT_SENTENCE = re.compile(r"(^|[.?!]\s+)Geef (het|een|de|je)\b")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    """Plain course text as Markdown: special characters escaped, line breaks kept as breaks."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")


def exercises(chapter=None) -> Feedback:
    """List the exercises (of one chapter, e.g. ``exercises(6)``), with id and title."""
    items = [e for e in registered_exercises().values()
             if chapter is None or e.chapter == str(chapter)]
    if not items:
        return Feedback(f"Geen opgaven gevonden voor hoofdstuk {chapter}.")
    head = "Opgaven" if chapter is None else f"Opgaven hoofdstuk {chapter}"
    return Feedback(head + ":\n" + "\n".join(f"  {e.id:>6}  {e.title}" for e in items))


_UNIT_INSTRUCTION = {
    "fraction": "Geef het antwoord als fractie: typ 0.15 of '0,15' voor 15%.",
    "percent": "Geef het antwoord als percentage: typ 15 of '15%'.",
    "euro": "Geef het antwoord in euro's: typ 1234.5 of '€ 1.234,50'.",
    "count": "Geef het antwoord als aantal (een geheel getal).",
    "number": "Geef het antwoord als getal: typ 1.25 of '1,25'.",
}
_UNIT_INSTRUCTION_MD = {
    "fraction": "Geef het antwoord als fractie: typ `0.15` of `'0,15'` voor 15%.",
    "percent": "Geef het antwoord als percentage: typ `15` of `'15%'`.",
    "euro": "Geef het antwoord in euro's: typ `1234.5` of `'€ 1.234,50'`.",
    "count": "Geef het antwoord als aantal (een geheel getal).",
    "number": "Geef het antwoord als getal: typ `1.25` of `'1,25'`.",
}


# --------------------------------------------------------------------------- recording

#: MIME type of the machine-readable record of a check in a notebook's output (read by salesnb.grading).
RECORD_MIME = "application/vnd.salesnb.check+json"
RECORD_FORMAT = 1
#: An answer whose JSON is longer than this is recorded as too large (keeps notebooks small).
MAX_RECORDED_ANSWER = 100_000


def check_record(exercise_id: str, answer, correct: bool) -> dict:
    """What :func:`check` judged, as JSON data for the notebook (nakijken, grading).

    The ``sha256`` field is a digest of the other fields: it shows accidental edits,
    not deliberate ones (there is no secret); the grader re-judges every answer on the
    student's own dataset, which is what counts.

    >>> record = check_record("0.2", 0.25, False)
    >>> record["exercise"], record["answer"], record["verdict"], record["sha256"] == record_digest(record)
    ('0.2', 0.25, 'fout', True)
    """
    from .. import __version__, data

    record = {"format": RECORD_FORMAT, "exercise": str(exercise_id), "answer": encode_answer(answer),
              "seed": int(data.current_seed()), "version": str(__version__),
              "verdict": "goed" if correct else "fout"}
    if str(exercise_id) in _EXERCISES:
        record["definition"] = definition_digest(_EXERCISES[str(exercise_id)])
    record["sha256"] = record_digest(record)
    return record


def definition_digest(ex: Exercise) -> str:
    """Short digest of what an exercise asks (title, question, kind, unit, tolerances, options).

    Lets the grader tell an exercise changed since it was checked from an edited verdict.

    >>> len(definition_digest(get_exercise("0.2")))
    12
    """
    import hashlib
    import json

    what = [ex.title, ex.question, ex.kind, ex.unit, ex.tolerance, ex.rel_tolerance,
            ex.allow_percent, ex.allow_fraction, sorted(ex.choices or {})]
    return hashlib.sha256(json.dumps(what, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]


def record_digest(record: Mapping) -> str:
    """SHA-256 of a check record without its ``sha256`` field, canonical JSON (nakijken).

    Numbers are hashed as floats, because JupyterLab saves ``1.0`` as ``1``.

    >>> record_digest({"answer": 1.0, "seed": 7}) == record_digest({"seed": 7, "answer": 1})
    True
    """
    import hashlib
    import json

    def canonical(value):
        if isinstance(value, bool) or value is None or isinstance(value, str):
            return value
        if isinstance(value, (int, float)):
            return repr(float(value))
        if isinstance(value, Mapping):
            return {str(k): canonical(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [canonical(v) for v in value]
        return repr(value)

    body = {k: canonical(v) for k, v in record.items() if k != "sha256"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode_answer(value):
    """An answer as JSON data that :func:`decode_answer` turns back into an equal answer (nakijken).

    >>> encode_answer(0.25), encode_answer("15%"), encode_answer({"b", "a"})
    (0.25, '15%', {'$set': ['a', 'b']})
    >>> decode_answer(encode_answer(pd.Series([1.5, 2.0], index=["Noord", "Zuid"]))).to_dict()
    {'Noord': 1.5, 'Zuid': 2.0}
    """
    import json

    encoded = _encode(value, 0)
    if len(json.dumps(encoded, ensure_ascii=False)) > MAX_RECORDED_ANSWER:
        return {"$unreadable": f"te groot ({type(value).__name__})"}
    return encoded


def _encode(value, depth: int):
    if depth > 6:
        return {"$unreadable": "te diep genest"}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "isoformat"):
        return {"$date": pd.Timestamp(value).isoformat()}
    if isinstance(value, pd.DataFrame):
        return {"$frame": {"columns": [_encode(c, depth + 1) for c in value.columns],
                           "index": [_encode(i, depth + 1) for i in value.index],
                           "data": [[_encode(v, depth + 2) for v in row]
                                    for row in value.itertuples(index=False, name=None)]}}
    if isinstance(value, pd.Series):
        return {"$series": {"name": _encode(value.name, depth + 1),
                            "index": [_encode(i, depth + 1) for i in value.index],
                            "values": [_encode(v, depth + 1) for v in value.tolist()]}}
    if isinstance(value, (pd.Index, np.ndarray)):
        return {"$array": [_encode(v, depth + 1) for v in value.tolist()]}
    if isinstance(value, Mapping):
        return {"$dict": [[_encode(k, depth + 1), _encode(v, depth + 1)] for k, v in value.items()]}
    if isinstance(value, (set, frozenset)):
        items = [_encode(v, depth + 1) for v in value]
        return {"$set": sorted(items, key=repr)}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v, depth + 1) for v in value]}
    if isinstance(value, list):
        return [_encode(v, depth + 1) for v in value]
    if isinstance(value, numbers.Real):
        return _encode(float(value), depth)
    if type(value).__name__ == "Decimal":
        return {"$decimal": str(value)[:400]}
    return {"$unreadable": type(value).__name__}


def decode_answer(data, depth: int = 0):
    """Rebuild an answer from :func:`encode_answer` data (plain JSON only, nothing executed).

    Raises ValueError for data that no check records (e.g. an edited or crafted record).

    >>> decode_answer({"$tuple": [1, "a"]}), decode_answer({"$float": "nan"})
    ((1, 'a'), nan)
    """
    if depth > 8:
        raise ValueError("too deeply nested")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode_answer(v, depth + 1) for v in data]
    if not isinstance(data, Mapping) or len(data) != 1:
        raise ValueError("not an encoded answer")
    (tag, body), = data.items()
    items = (lambda: [decode_answer(v, depth + 1) for v in _list(body)])
    if tag == "$float" and body in ("nan", "inf", "-inf"):
        return float(body)
    if tag == "$date" and isinstance(body, str):
        return pd.Timestamp(body)
    if tag == "$decimal" and isinstance(body, str) and len(body) <= 400:
        from decimal import Decimal, InvalidOperation

        try:
            return Decimal(body)
        except InvalidOperation:
            raise ValueError("not a decimal number") from None
    if tag in ("$list", "$array"):
        return items()
    if tag == "$tuple":
        return tuple(items())
    if tag == "$set":
        return {_hashable(v) for v in items()}
    if tag == "$dict":
        return {_hashable(decode_answer(k, depth + 1)): decode_answer(v, depth + 1)
                for k, v in (_pair(p) for p in _list(body))}
    if tag == "$series" and isinstance(body, Mapping):
        index = [_hashable(decode_answer(i, depth + 1)) for i in _list(body.get("index"))]
        values = [decode_answer(v, depth + 1) for v in _list(body.get("values"))]
        return pd.Series(values, index=pd.Index(index) if index else None,
                         name=_hashable(decode_answer(body.get("name"), depth + 1)), dtype=_dtype(values))
    if tag == "$frame" and isinstance(body, Mapping):
        columns = [_hashable(decode_answer(c, depth + 1)) for c in _list(body.get("columns"))]
        index = [_hashable(decode_answer(i, depth + 1)) for i in _list(body.get("index"))]
        rows = [[decode_answer(v, depth + 2) for v in _list(r)] for r in _list(body.get("data"))]
        return pd.DataFrame(rows, columns=columns, index=pd.Index(index) if index else None)
    raise ValueError(f"unknown answer tag {tag!r}")


def _list(value) -> list:
    if not isinstance(value, list):
        raise ValueError("expected a list")
    return value


def _pair(value):
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError("expected a key/value pair")
    return value


def _hashable(value):
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, (dict, set, pd.Series, pd.DataFrame)):
        raise ValueError("a label must be a single value")
    return value


def _dtype(values: list):
    return object if not values or any(isinstance(v, str) for v in values) else None


# --------------------------------------------------------------------------- teacher


def teacher_view(chapter, *, confirm: bool = False) -> Feedback:
    """All exercises of a chapter with expected answers (current seed) and solutions.

    For teachers only: requires ``confirm=True`` or the environment variable
    ``SALESNB_TEACHER=1``, so a student does not see the answers by accident.
    """
    if not confirm and os.environ.get("SALESNB_TEACHER") != "1":
        return Feedback(
            "Dit overzicht toont alle antwoorden en uitwerkingen en is bedoeld voor docenten. "
            f"Docent? Gebruik teacher_view({chapter!r}, confirm=True) of zet SALESNB_TEACHER=1.")
    items = [e for e in registered_exercises().values() if e.chapter == str(chapter)]
    seed = _current_seed()
    lines = [f"Docentenoverzicht hoofdstuk {chapter} (dataset: {seed})", ""]
    if not items:
        lines.append("Geen opgaven in dit hoofdstuk.")
    for ex in items:
        lines.append(f"=== Opgave {ex.id}: {ex.title} ===")
        lines.append(ex.question)
        try:
            lines.append(f"Antwoord: {_describe_expected(ex, ex.expected())}")
        except Exception as exc:  # show the teacher what fails instead of hiding the chapter
            lines.append(f"Antwoord: kon niet berekend worden ({type(exc).__name__}: {exc})")
        for m in ex.mistakes:
            lines.append(f"Veelgemaakte fout: {m.message}")
        for i, h in enumerate(ex.hints, 1):
            lines.append(f"Hint {i}: {h}")
        if ex.solution:
            lines.append("Uitwerking:")
            lines.extend("    " + line for line in ex.solution.splitlines())
        lines.append("")
    return Feedback("\n".join(lines).rstrip())


def _current_seed() -> str:
    try:
        from .. import data

        seed = data.current_seed()
        default = data.DEFAULT_SEED
    except Exception:
        return "standaard"
    if seed is None or seed == default:
        return f"standaard, seed {default}"
    return f"persoonlijke dataset, seed {seed}"


def _describe_expected(ex: Exercise, expected) -> str:
    if ex.kind == "number":
        return _fmt(ex.unit, float(expected))
    if ex.kind == "choice":
        keys = sorted(_keys(expected))
        return ", ".join(f"{k}) {ex.choices[k][0]}" for k in keys)
    if ex.kind == "text":
        return ", ".join(sorted(_text_set(expected)))
    return "\n" + expected.to_string()


# --------------------------------------------------------------------------- solutions


def run_solution(exercise_id):
    """Run the solution code of an exercise and return its ``antwoord`` (tests, teacher)."""
    import salesnb

    ex = get_exercise(exercise_id)
    namespace = {"salesnb": salesnb, "pd": pd, "np": np}
    exec(compile(ex.solution, f"<oplossing {ex.id}>", "exec"), namespace)  # noqa: S102
    if "antwoord" not in namespace:
        raise ValueError(f"the solution of exercise {ex.id} does not assign 'antwoord'")
    return namespace["antwoord"]


def expected_answer(exercise_id):
    """The expected answer of an exercise for the current data (tests, teacher)."""
    return get_exercise(exercise_id).expected()


# --------------------------------------------------------------------------- number checks


def _fmt(unit: str, value: float) -> str:
    if unit == "fraction":
        return f"{format_number(value, _sig_decimals(value, 4))} ({format_percent(value)})"
    if unit == "percent":
        return f"{format_number(value, 1)}%"
    if unit == "euro":
        return format_euro(value, 2 if abs(value) < 100 and value != round(value) else 0)
    if unit == "count":
        return format_number(value, 0)
    return format_number(value, _sig_decimals(value, 2))


def _sig_decimals(value: float, default: int) -> int:
    if value == 0 or abs(value) >= 1:
        return default
    return max(default, -int(math.floor(math.log10(abs(value)))) + 2)


def _close(ex: Exercise, a: float, b: float) -> bool:
    return abs(a - b) <= max(ex.abs_tolerance, ex.rel_tolerance * abs(b)) + 1e-12


def _check_number(ex: Exercise, answer, expected):
    try:
        parsed = parse_number(answer, ex.unit)
    except AnswerError as exc:
        return False, str(exc), None
    if parsed.sign == "€" and ex.unit in ("fraction", "percent"):
        return False, "Je gaf een bedrag in euro's; gevraagd is een " + (
            "fractie." if ex.unit == "fraction" else "percentage."), None
    if parsed.sign == "%" and ex.unit in ("euro", "count"):
        return False, "Je gaf een percentage; gevraagd is " + (
            "een bedrag in euro's." if ex.unit == "euro" else "een aantal."), None
    expected = float(expected)
    readings = interpretations(parsed, ex.unit)
    literal = readings[0]
    if _close(ex, literal.value, expected):
        return True, f"{_fmt(ex.unit, expected)} is juist.", literal.note
    for alt in readings[1:]:
        if _close(ex, alt.value, expected):
            allowed = (ex.allow_percent if alt.kind == "percent_as_fraction" else ex.allow_fraction)
            if allowed:
                return True, f"{_fmt(ex.unit, expected)} is juist.", alt.note
            return False, _unit_mistake_message(alt, parsed.value, expected), None
    for mistake in ex.mistakes:
        wrong = mistake.wrong_value()
        if wrong is None:
            continue
        if any(_close(ex, r.value, float(wrong)) for r in readings):
            return False, mistake.message, None
    return False, _generic_number_diagnosis(ex, literal, expected, parsed), None


def _unit_mistake_message(alt: Interpretation, value: float, expected: float) -> str:
    if alt.kind == "percent_as_fraction":
        return (f"Je antwoord lijkt een percentage ({_show(value)}). Gevraagd is "
                f"een fractie tussen 0 en 1: deel door 100 (in salesnb zijn aandelen altijd fracties, "
                f"zoals 0,15 voor 15%).")
    return (f"Je antwoord lijkt een fractie ({_show(value)}). Gevraagd is een "
            f"percentage: vermenigvuldig met 100 (of schrijf het %-teken erbij).")


def _dec(value: float) -> int:
    from .answers import _decimals

    return min(_decimals(value), 6)


def _show(value: float) -> str:
    """A student's number as Dutch text, at most 2 decimals (4 below 1)."""
    return format_number(value, min(_dec(value), 2 if abs(value) >= 1 else 4))


def _truncated(value: float, expected: float, step: float) -> bool:
    """Whether ``value`` is ``expected`` cut off (toward zero) at ``step`` where rounding gives another number."""
    cut = math.trunc(round(expected / step, 9)) * step
    rounded = round(expected / step) * step
    return math.isclose(value, cut, rel_tol=1e-9, abs_tol=step * 1e-6) and not math.isclose(
        cut, rounded, rel_tol=1e-9, abs_tol=step * 1e-6)


def _generic_number_diagnosis(ex: Exercise, literal: Interpretation, expected: float, parsed) -> str:
    value = literal.value
    tol = max(ex.abs_tolerance, ex.rel_tolerance * abs(expected))
    # Rounded too coarsely (or too early): right when rounded to the student's own decimals.
    decimals = _dec(parsed.value)
    step = 10.0 ** -decimals
    if ex.unit == "fraction" and parsed.sign == "%":
        step /= 100
    if _truncated(value, expected, step):
        return ("Je antwoord is afgekapt in plaats van afgerond: het cijfer na je laatste decimaal is 5 of "
                "hoger, dus je laatste cijfer gaat één omhoog. Rond af met round(...), niet met int(...), "
                "of geef meer decimalen.")
    if abs(value - expected) <= step / 2 + 1e-12 and step > tol:
        return ("Je zit er heel dicht bij, maar je antwoord is te grof afgerond. Reken door zonder "
                "tussentijds af te ronden en geef meer decimalen.")
    if expected != 0 and _close(ex, -value, expected):
        return "Het teken klopt niet: je antwoord is positief waar het negatief moet zijn, of andersom."
    if expected != 0 and abs(value) > 0:
        ratio = value / expected
        for factor, text in ((100, "100 keer te groot"), (0.01, "100 keer te klein"),
                             (1000, "1000 keer te groot"), (0.001, "1000 keer te klein")):
            if math.isclose(ratio, factor, rel_tol=0.01):
                return (f"Je antwoord is {text}. Controleer de eenheid: fractie of percentage, "
                        f"euro's of duizenden euro's?")
    if ex.unit == "fraction" and value > 1:
        return ("Een aandeel (fractie) ligt tussen 0 en 1. Heb je een aantal of bedrag gegeven in "
                "plaats van het aandeel? Deel door het totaal.")
    if ex.unit == "count" and value != round(value):
        return "Gevraagd is een aantal: dat is een geheel getal."
    direction = "te hoog" if value > expected else "te laag"
    return (f"Je antwoord is {direction}. Controleer welke gegevens je gebruikt en of je de formule "
            f"goed toepast.")


# --------------------------------------------------------------------------- choice checks


def _norm_key(key) -> str:
    return str(key).strip().lower().rstrip(")").strip()


def _keys(value) -> set[str]:
    if isinstance(value, str):
        parts = re.split(r"[,\s]+", value.strip())
        return {_norm_key(p) for p in parts if p}
    if isinstance(value, Iterable):
        return {_norm_key(v) for v in value}
    return {_norm_key(value)}


def _check_choice(ex: Exercise, answer, expected):
    if not isinstance(answer, (str, list, tuple, set, frozenset)):
        return False, (f"Antwoord met de letter van je keuze, als tekst, bijvoorbeeld "
                       f"antwoord = \"{next(iter(ex.choices))}\"."), None
    given = _keys(answer)
    unknown = sorted(given - set(ex.choices))
    if unknown or not given:
        return False, (f"{', '.join(repr(u) for u in unknown) or 'Een lege keuze'} is geen optie. "
                       f"Kies uit: {', '.join(ex.choices)}."), None
    right = _keys(expected)
    feedback = " ".join(ex.choices[k][1] for k in sorted(given) if ex.choices[k][1])
    if given == right:
        return True, feedback or "dat is de juiste keuze.", None
    for mistake in ex.mistakes:
        if _keys(mistake.wrong_value()) == given:
            return False, f"{mistake.message} {feedback}".strip(), None
    if len(right) > 1 and given < right:
        feedback += f" Er zijn meer juiste opties ({len(right)} in totaal)."
    elif len(right) == 1 and len(given) > 1:
        feedback += " Kies één optie."
    return False, feedback.strip() or "Dat is niet de juiste keuze.", None


# --------------------------------------------------------------------------- text checks


def _norm_text(text) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


def _text_set(value) -> set[str]:
    if isinstance(value, str):
        return {_norm_text(value)}
    if isinstance(value, (pd.Series, pd.Index, np.ndarray)):
        value = list(value)
    if isinstance(value, Iterable):
        return {_norm_text(v) for v in value}
    return {_norm_text(value)}


def _check_text(ex: Exercise, answer, expected):
    given, right = _text_set(answer), _text_set(expected)
    if given == right:
        return True, "dat klopt.", None
    for mistake in ex.mistakes:
        if _text_set(mistake.wrong_value()) == given:
            return False, mistake.message, None
    parts = []
    missing = right - given
    extra = given - right
    if extra:
        parts.append(f"Deze horen er niet bij: {', '.join(sorted(extra))}.")
    if missing:
        parts.append(f"Er ontbreken er {len(missing)}." if len(right) > 1 else "Dat is niet het juiste antwoord.")
    return False, " ".join(parts), None


# --------------------------------------------------------------------------- table checks


def _as_table(value):
    if isinstance(value, (pd.Series, pd.DataFrame)):
        return value
    if isinstance(value, Mapping):
        return pd.Series(value)
    raise AnswerError("Gevraagd is een tabel (Series of DataFrame), maar je antwoord is "
                      f"{type(value).__name__}.")


def _tables_equal(ex: Exercise, a, b) -> tuple[bool, str]:
    """Compare two Series/DataFrames by labels and values; return (equal, Dutch diagnosis)."""
    if isinstance(b, pd.Series) and isinstance(a, pd.DataFrame) and a.shape[1] == 1:
        a = a.iloc[:, 0]
    if isinstance(b, pd.DataFrame) and isinstance(a, pd.Series):
        return False, f"Gevraagd is een tabel met kolommen {', '.join(map(str, b.columns))}, je gaf één kolom."
    if isinstance(b, pd.Series) and isinstance(a, pd.DataFrame):
        return False, "Gevraagd is één kolom (Series), je gaf een hele tabel. Kies de juiste kolom."
    if isinstance(b, pd.DataFrame):
        missing_cols = [c for c in b.columns if c not in a.columns]
        if missing_cols:
            return False, f"Deze kolommen ontbreken: {', '.join(map(str, missing_cols))}."
        a = a[list(b.columns)]
    missing = [i for i in b.index if i not in a.index]
    extra = [i for i in a.index if i not in b.index]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"Deze rijen ontbreken: {', '.join(map(str, missing[:5]))}"
                         + (" ..." if len(missing) > 5 else "") + ".")
        if extra:
            parts.append(f"Deze rijen horen er niet in: {', '.join(map(str, extra[:5]))}"
                         + (" ..." if len(extra) > 5 else "") + ".")
        return False, " ".join(parts)
    a = a.loc[b.index]
    a_values = a.to_numpy() if isinstance(a, pd.Series) else a.to_numpy()
    b_values = b.to_numpy()
    try:
        av = np.asarray(a_values, dtype=float)
        bv = np.asarray(b_values, dtype=float)
        tol = np.maximum(ex.abs_tolerance, ex.rel_tolerance * np.abs(bv)) + 1e-12
        bad = ~((np.abs(av - bv) <= tol) | (np.isnan(av) & np.isnan(bv)))
    except (TypeError, ValueError):
        bad = ~(np.asarray(a_values, dtype=object) == np.asarray(b_values, dtype=object))
    if bad.any():
        rows = bad if bad.ndim == 1 else bad.any(axis=1)
        labels = [str(i) for i, flag in zip(b.index, rows) if flag]
        return False, (f"De waarden wijken af bij: {', '.join(labels[:5])}"
                       + (" ..." if len(labels) > 5 else "") + ".")
    return True, ""


def _check_table(ex: Exercise, answer, expected):
    try:
        given = _as_table(answer)
    except AnswerError as exc:
        return False, str(exc), None
    equal, diagnosis = _tables_equal(ex, given, expected)
    if equal:
        return True, "de tabel klopt.", None
    for mistake in ex.mistakes:
        if _tables_equal(ex, given, _as_table(mistake.wrong_value()))[0]:
            return False, mistake.message, None
    return False, diagnosis, None


# --------------------------------------------------------------------------- helpers


def _dedent(code: str) -> str:
    import textwrap

    return textwrap.dedent(code).strip("\n")
