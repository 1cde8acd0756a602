"""Nakijken: grade a class's handed-in notebooks against each student's own dataset (docent).

``python3 course.py nakijken <map of zip> [--klassenlijst lijst.csv] [--uit cijfers.xlsx]``
reads every handed-in notebook (a folder, the home folders of a hub, or a zip as
Brightspace, Canvas or Moodle hands it out) and writes an Excel gradebook.

Trust: nothing from a hand-in is executed, imported, unpickled or rendered. A notebook
is parsed as JSON and only the records :func:`salesnb.check` left beside its visible
feedback (MIME type :data:`salesnb.exercises._core.RECORD_MIME`) are used: exercise id,
answer, dataset (seed), version, verdict and a digest. Every recorded answer is judged
again on the student's OWN dataset, so an edited verdict or a copied notebook does not
count. Zips are read in memory (no member is written to disk, so no zip-slip), with
size limits against zip bombs; a folder is walked without following symbolic links.
Every text cell of the gradebook has formula characters neutralised.

Whose dataset: the class list's ``seed`` column; else the student number (the seed of
``use_seed(studentnummer)``); else the hub user name (:func:`salesnb.login.seed_for_user`).
Without a class list a hub home folder's name is the user name. A record on any of a
student's own seeds is judged on that seed; any other record is judged on the primary
own seed and reported.

Fraud and accidents are reported in their own sheets, never fatal, and every student
keeps a row: a notebook judged on another dataset (copied), answers that fit a
classmate's dataset, recorded results edited by hand (digest or verdict differs),
duplicates, unreadable or half-saved files, a student missing from the class list.

>>> book = grade_notebooks([], [Student(key="s1", name="Ans", number="123456")])
>>> book.students[0].name, book.students[0].seeds()
('Ans', [123456])
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import io
import json
import os
import re
import stat
import sys
import time
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

__all__ = [
    "Limits",
    "HandIn",
    "Student",
    "Problem",
    "Verdict",
    "Gradebook",
    "read_handins",
    "parse_notebook",
    "read_class_list",
    "grade_notebooks",
    "grade",
    "write_gradebook",
    "main",
]

#: Sheet per kind of report, in the order they appear in the gradebook.
PROBLEM_SHEETS = {
    "andere dataset": "Andere dataset",
    "dataset klasgenoot": "Dataset klasgenoot",
    "bewerkt": "Bewerkt",
    "dubbel": "Dubbel",
    "onleesbaar": "Onleesbaar",
    "niet op klassenlijst": "Niet op klassenlijst",
    "overig": "Overig",
}
GOED, FOUT, NIET_GEMAAKT = "goed", "fout", "niet gemaakt"
#: Wrong answers that must fit one classmate's dataset before it is reported: one count can
#: match a classmate's by chance (30 datasets give counts within a few per cent of each other).
MIN_FITS = 2
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_MAX_CELL = 2000


@dataclass(frozen=True)
class Limits:
    """Size limits for reading hand-ins (against zip bombs and runaway files), in bytes.

    >>> Limits().file_bytes // 2**20
    64
    """

    file_bytes: int = 64 * 2**20
    total_bytes: int = 2 * 2**30
    files: int = 20_000
    ratio: int = 200          # uncompressed / compressed above which a zip member is refused
    zip_depth: int = 1        # a zip inside the class zip (a student's own zip) is read; deeper not


@dataclass
class HandIn:
    """One handed-in file: where it was found, the first folder or file name, its bytes or a problem.

    >>> HandIn("jan/h1.ipynb", "jan", b"{}").problem is None
    True
    """

    path: str
    owner: str
    data: bytes | None
    problem: str | None = None
    is_folder: bool = False
    modified: tuple = ()


@dataclass
class Student:
    """A row of the gradebook: from the class list, or made from a hand-in's name.

    ``seeds()`` lists the student's own datasets, primary first.

    >>> Student(key="x", user="s123456").seeds()
    [842007751]
    """

    key: str
    name: str = ""
    number: str = ""
    user: str = ""
    seed: int | None = None
    lms_id: str = ""
    on_list: bool = True
    files: list[str] = field(default_factory=list)

    def seeds(self) -> list[int]:
        found = []
        if self.seed is not None:
            found.append(self.seed)
        if self.number.isdigit():
            found.append(int(self.number))
        if self.user:
            found.append(_seed_for_user(self.user))
        return list(dict.fromkeys(found))

    def label(self) -> str:
        return self.name or self.user or self.number or self.key


@dataclass
class Problem:
    """A report for one of the problem sheets (kind is a key of :data:`PROBLEM_SHEETS`).

    >>> Problem("dubbel", "Ans", "h1.ipynb", "twee keer ingeleverd").kind
    'dubbel'
    """

    kind: str
    student: str
    file: str
    reason: str


@dataclass
class Verdict:
    """The re-judged result of one exercise for one student.

    >>> Verdict(FOUT, "Je antwoord is te hoog.").cell()
    'fout: Je antwoord is te hoog.'
    """

    status: str
    diagnosis: str = ""
    seed: int | None = None
    file: str = ""

    def cell(self) -> str:
        return f"{FOUT}: {self.diagnosis}" if self.status == FOUT and self.diagnosis else self.status


@dataclass
class Gradebook:
    """Everything the gradebook shows: students (rows), exercises (columns), verdicts and reports.

    >>> Gradebook([], []).verdict("s1", "1.1").status
    'niet gemaakt'
    """

    students: list[Student]
    exercises: list[str]
    verdicts: dict[tuple[str, str], Verdict] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def verdict(self, student_key: str, exercise_id: str) -> Verdict:
        return self.verdicts.get((student_key, exercise_id), Verdict(NIET_GEMAAKT))


@dataclass
class _Record:
    exercise: str
    answer: Any
    seed: int | None
    verdict: str
    version: str
    digest_ok: bool
    file: str
    order: tuple
    modified: tuple = ()
    definition: str = ""


def _seed_for_user(user: str) -> int:
    try:
        from .login import seed_for_user
    except ImportError:  # older package: a student number is its own seed
        text = str(user).strip()
        return int(text) if text.isdigit() else 0
    return seed_for_user(user)


# --------------------------------------------------------------------------- reading hand-ins


def read_handins(source, *, limits: Limits = Limits()) -> Iterator[HandIn]:
    """Every notebook in a folder or zip, as bytes, without extracting or running anything.

    >>> import zipfile, io
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as z:
    ...     z.writestr("../../jan_12_34_h1.ipynb", "{}")
    >>> [(h.path, h.owner) for h in read_handins(buffer)]
    [('jan_12_34_h1.ipynb', 'jan_12_34_h1.ipynb')]
    """
    budget = {"bytes": limits.total_bytes, "files": limits.files}
    if isinstance(source, (io.IOBase, bytes)):
        yield from _read_zip(source, "", limits, budget, depth=0)
        return
    path = Path(source)
    if path.is_dir():
        yield from _walk_folder(path, limits, budget)
    elif path.is_file() and zipfile.is_zipfile(path):
        yield from _read_zip(path, "", limits, budget, depth=0)
    elif path.is_file() and path.suffix.lower() == ".ipynb":
        yield _read_file(path, path.name, path.name, limits, budget)
    else:
        yield HandIn(str(path.name), path.name, None, "geen map, zip of notebook (of bestaat niet)")


def _walk_folder(root: Path, limits: Limits, budget: dict) -> Iterator[HandIn]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        for name in sorted(filenames):
            full = Path(dirpath) / name
            rel = full.relative_to(root).as_posix()
            parts = rel.split("/")
            owner, is_folder = parts[0], len(parts) > 1
            kind = _kind(name)
            if kind is None or _hidden(name):
                continue
            if full.is_symlink():
                yield HandIn(rel, owner, None, "symbolische link: niet gevolgd", is_folder)
            elif not stat.S_ISREG(full.lstat().st_mode):  # a named pipe would block the reading
                yield HandIn(rel, owner, None, "geen gewoon bestand: niet gelezen", is_folder)
            elif kind == "zip":
                if os.path.getsize(full) > limits.total_bytes:
                    yield HandIn(rel, owner, None, "zip te groot", is_folder)
                    continue
                for hand in _read_zip(full, rel + "/", limits, budget, depth=1 if is_folder else 0):
                    hand.owner, hand.is_folder = (owner, True) if is_folder else (hand.owner, hand.is_folder)
                    yield hand
            else:
                yield _read_file(full, rel, owner, limits, budget, is_folder)


def _read_file(full: Path, rel: str, owner: str, limits: Limits, budget: dict,
               is_folder: bool = False) -> HandIn:
    size = full.stat().st_size
    problem = _over_budget(size, limits, budget)
    if problem:
        return HandIn(rel, owner, None, problem, is_folder)
    with open(full, "rb") as handle:
        data = handle.read(limits.file_bytes + 1)
    if len(data) > limits.file_bytes:
        return HandIn(rel, owner, None, "bestand te groot", is_folder)
    modified = tuple(time.localtime(full.stat().st_mtime)[:6])
    return HandIn(rel, owner, data, None, is_folder, modified)


def _over_budget(size: int, limits: Limits, budget: dict) -> str | None:
    budget["files"] -= 1
    if budget["files"] < 0:
        return f"meer dan {limits.files} bestanden: dit bestand is overgeslagen"
    if size > limits.file_bytes:
        return f"bestand te groot ({size // 2**20} MB; grens {limits.file_bytes // 2**20} MB)"
    budget["bytes"] -= size
    if budget["bytes"] < 0:
        return "samen te veel gegevens (grens bereikt): dit bestand is overgeslagen"
    return None


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in ("__MACOSX", "__pycache__")


def _kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".ipynb"):
        return "ipynb"
    return "zip" if lower.endswith(".zip") else None


def _clean_member(name: str) -> str:
    # Only a label: never used to open or write anything.
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts)


def _read_zip(source, prefix: str, limits: Limits, budget: dict, depth: int) -> Iterator[HandIn]:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield HandIn(prefix.rstrip("/") or "zip", prefix.split("/")[0] or "zip", None,
                     f"zip niet leesbaar ({type(exc).__name__})")
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            name = _clean_member(info.filename)
            parts = name.split("/")
            if info.is_dir() or not name or any(_hidden(p) for p in parts) or not _kind(parts[-1]):
                continue
            rel = prefix + name
            hand = HandIn(rel, parts[0], None, None, len(parts) > 1, tuple(info.date_time))
            hand.problem = _member_problem(info, limits, budget, depth)
            if hand.problem is None:
                hand.data, hand.problem = _read_member(archive, info, limits)
            if hand.problem is None and _kind(parts[-1]) == "zip":
                for inner in _read_zip(io.BytesIO(hand.data), rel + "/", limits, budget, depth + 1):
                    inner.owner, inner.is_folder = hand.owner, hand.is_folder
                    yield inner
                continue
            yield hand


def _member_problem(info: zipfile.ZipInfo, limits: Limits, budget: dict, depth: int) -> str | None:
    if info.flag_bits & 0x1:
        return "versleuteld in de zip (met wachtwoord): niet te lezen"
    if _kind(info.filename) == "zip" and depth >= limits.zip_depth:
        return "zip in een zip in een zip: niet gelezen"
    if info.file_size > 2**20 and info.file_size > limits.ratio * max(info.compress_size, 1):
        return "verdacht sterk ingepakt (mogelijke zipbom): niet gelezen"
    return _over_budget(info.file_size, limits, budget)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits):
    try:
        with archive.open(info) as handle:
            data = handle.read(limits.file_bytes + 1)  # the declared size can lie
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError) as exc:
        return None, f"beschadigd in de zip ({type(exc).__name__})"
    if len(data) > limits.file_bytes:
        return None, "bestand te groot (na uitpakken)"
    return data, None


# --------------------------------------------------------------------------- reading a notebook

_USE_SEED = re.compile(r"use_(?:seed|user)\(\s*['\"]?([\w.@-]{1,64})['\"]?\s*\)")


def parse_notebook(data: bytes) -> tuple[list[dict], str | None]:
    """The check records in a notebook's outputs (JSON only), or a Dutch reason it cannot be read.

    Returns ``(records, problem)``; each record dict gets ``"_order"`` (cell, execution count).

    >>> parse_notebook(b'{"cells": [], "nbformat": 4')
    ([], 'beschadigd of half opgeslagen: de JSON klopt niet (regel 1)')
    """
    from .exercises._core import RECORD_MIME

    if not data or not data.strip():
        return [], "leeg bestand"
    try:
        notebook = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return [], "geen tekstbestand (geen notebook)"
    except json.JSONDecodeError as exc:
        return [], f"beschadigd of half opgeslagen: de JSON klopt niet (regel {exc.lineno})"
    except RecursionError:
        return [], "te diep genest: geen notebook"
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        return [], "geen Jupyter-notebook (geen cellen)"
    records = []
    for index, cell in enumerate(notebook["cells"]):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        outputs = cell.get("outputs")
        count = cell.get("execution_count")
        count = count if isinstance(count, int) and not isinstance(count, bool) else -1
        for output in outputs if isinstance(outputs, list) else []:
            bundle = output.get("data") if isinstance(output, dict) else None
            if isinstance(bundle, dict) and RECORD_MIME in bundle:
                record = bundle[RECORD_MIME]
                records.append({**record, "_order": (count, index)} if isinstance(record, dict)
                               else {"_bad": True, "_order": (count, index)})
    return records, None


def _read_record(raw: dict, file: str, modified: tuple = ()) -> tuple[_Record | None, str | None]:
    from .exercises._core import RECORD_FORMAT, record_digest

    if raw.get("_bad"):
        return None, "een vastgelegd resultaat is geen geldige gegevensset"
    body = {k: v for k, v in raw.items() if k != "_order"}
    exercise, seed, verdict = body.get("exercise"), body.get("seed"), body.get("verdict")
    if body.get("format") != RECORD_FORMAT or not isinstance(exercise, str) or len(exercise) > 20:
        return None, "een vastgelegd resultaat heeft een onbekende vorm"
    if verdict not in (GOED, FOUT):
        return None, f"opgave {exercise}: onbekend oordeel in het vastgelegde resultaat"
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**63:
        seed = None
    version = body.get("version") if isinstance(body.get("version"), str) else "?"
    digest_ok = body.get("sha256") == record_digest(body)
    definition = body.get("definition") if isinstance(body.get("definition"), str) else ""
    return _Record(exercise, body.get("answer"), seed, verdict, version[:40], digest_ok, file,
                   tuple(raw["_order"]), modified, definition[:20]), None


# --------------------------------------------------------------------------- class list

_ALIASES = {
    "number": ("studentnummer", "studentnr", "student nummer", "student number", "studentnumber",
               "nummer", "student id", "studentid", "sis user id", "org defined id", "id-nummer"),
    "name": ("naam", "name", "volledige naam", "full name", "student", "student name"),
    "first": ("voornaam", "first name", "firstname", "roepnaam"),
    "last": ("achternaam", "last name", "lastname", "surname", "familienaam"),
    "user": ("gebruikersnaam", "username", "user name", "login", "loginnaam", "sis login id",
             "login id", "gebruiker", "hub"),
    "seed": ("seed", "dataset", "seednummer"),
    "lms_id": ("id", "canvas id", "user id", "moodle id", "brightspace id", "deelnemer"),
}


def read_class_list(path, *, max_bytes: int = 20 * 2**20) -> tuple[list[Student], list[Problem]]:
    """Students from a CSV or Excel class list (studentnummer, naam, gebruikersnaam, seed...).

    >>> p = getfixture("tmp_path") / "klas.csv"
    >>> _ = p.write_text("Studentnummer;Naam\\n123456;Ans de Vries\\n", encoding="utf-8")
    >>> students, problems = read_class_list(p)
    >>> students[0].number, students[0].name, students[0].seeds(), problems
    ('123456', 'Ans de Vries', [123456], [])
    """
    path = Path(path)
    if path.stat().st_size > max_bytes:
        raise ValueError(f"De klassenlijst {path.name} is groter dan {max_bytes // 2**20} MB.")
    rows = _excel_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path)
    rows = [[_text(v) for v in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        raise ValueError(f"De klassenlijst {path.name} is leeg.")
    header = [re.sub(r"\s+", " ", h.strip().casefold()) for h in rows[0]]
    columns = {kind: next((i for i, h in enumerate(header) if h in names), None)
               for kind, names in _ALIASES.items()}
    if all(columns[k] is None for k in ("number", "name", "first", "user", "seed")):
        raise ValueError(f"De klassenlijst {path.name} heeft geen kolom studentnummer, naam, "
                         f"gebruikersnaam of seed in de eerste rij (gevonden: {', '.join(rows[0])}).")
    students, problems = [], []
    for line, row in enumerate(rows[1:], start=2):
        student = _student_from_row(row, columns, line, problems)
        if student is not None:
            students.append(student)
    _list_duplicates(students, problems)
    return students, problems


def _student_from_row(row: list[str], columns: dict, line: int, problems: list) -> Student | None:
    def get(kind):
        i = columns[kind]
        return row[i].strip() if i is not None and i < len(row) else ""

    name = get("name") or " ".join(p for p in (get("first"), get("last")) if p)
    number, user, seed_text = get("number"), get("user"), get("seed")
    number = number[:-2] if re.fullmatch(r"\d+\.0", number) else number
    seed = int(seed_text) if seed_text.isdigit() and seed_text.isascii() else None
    if seed_text and seed is None:
        problems.append(Problem("overig", name or number, f"klassenlijst rij {line}",
                                f"seed {seed_text!r} is geen geheel getal; genegeerd"))
    if not (name or number or user or seed is not None):
        return None
    key = number or user or f"{name} (rij {line})"
    return Student(key=key, name=name, number=number, user=user, seed=seed, lms_id=get("lms_id"))


def _list_duplicates(students: list[Student], problems: list) -> None:
    seen: dict[str, Student] = {}
    for student in students:
        if student.key in seen:
            problems.append(Problem("dubbel", student.label(), "klassenlijst",
                                    f"{student.key} staat meer dan eens op de klassenlijst"))
            student.key = f"{student.key} ({len([k for k in seen if k.startswith(student.key)]) + 1})"
        seen[student.key] = student


def _csv_rows(path: Path) -> list[list]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max(";,\t", key=first.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _excel_rows(path: Path) -> list[list]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --------------------------------------------------------------------------- who handed it in

_CANVAS = re.compile(r"^(?P<name>[^_]+?)(?:_late)?_(?P<id>\d+)_(?P<sub>\d+)_(?P<file>.+)$", re.I)
_MOODLE = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assignsubmission_[a-z]+_?(?P<file>.*)$", re.I)
_BRIGHTSPACE = re.compile(r"^(?P<id>\d+-\d+) - (?P<name>.+?) - (?P<date>.+?)(?: - (?P<file>.+))?$")
_HUB_PREFIX = re.compile(r"^(?:jupyter-|claim-)", re.I)


def _identify(hand: HandIn) -> dict:
    """Name, LMS id and user name that the hand-in's first path component gives."""
    owner = hand.owner
    for pattern, source in ((_MOODLE, "Moodle"), (_BRIGHTSPACE, "Brightspace"), (_CANVAS, "Canvas")):
        match = pattern.match(owner)
        if match and (source != "Canvas" or not hand.is_folder):
            lms_numbers = set(re.findall(r"\d+", owner[:match.start("name")] + owner[match.end("name"):]))
            return {"name": match["name"].strip(), "lms_id": match["id"], "user": "", "source": source,
                    "lms_numbers": lms_numbers}
    user = _HUB_PREFIX.sub("", owner) if hand.is_folder else PurePosixPath(owner).stem
    return {"name": "", "lms_id": "", "user": user, "source": "map" if hand.is_folder else "bestand",
            "lms_numbers": set()}


def _name_keys(name: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", name)
    words = [w for w in re.split(r"[^\w]+", "".join(c for c in plain if not unicodedata.combining(c)))
             if w and not w.isdigit()]
    words = [w.casefold() for w in words]
    if not words:
        return set()
    # "Ans de Vries" is "devriesans" in a Canvas file name and "vriesansde" in some exports
    return {"".join(words), "".join(words[1:] + words[:1]), "".join(words[-1:] + words[:-1]),
            "".join(sorted(words))}


def _match(hand: HandIn, info: dict, students: list[Student]) -> list[Student]:
    # the learning environment's own ids and dates are not student numbers
    digits = set(re.findall(r"\d{4,}", hand.path)) - info["lms_numbers"]
    user = info["user"].casefold()
    exact = [s for s in students
             if (s.number and s.number in digits)
             or (s.user and user and s.user.casefold() == user)
             or (s.lms_id and info["lms_id"] and s.lms_id == info["lms_id"])]
    if exact:
        return exact
    keys = _name_keys(info["name"] or info["user"])
    return [s for s in students if s.name and keys & _name_keys(s.name)]


class _Roster:
    """The class list plus the students made from hand-ins that are not on it."""

    def __init__(self, students: list[Student] | None, problems: list[Problem]):
        self.have_list = students is not None
        self.listed = list(students or [])
        self.extra: dict[str, Student] = {}
        self.problems = problems

    def all(self) -> list[Student]:
        return self.listed + sorted(self.extra.values(), key=lambda s: s.key.casefold())

    def student_for(self, hand: HandIn) -> Student:
        info = _identify(hand)
        found = _match(hand, info, self.listed) if self.have_list else []
        if len(found) > 1:
            self.problems.append(Problem(
                "overig", found[0].label(), hand.path,
                f"past bij meer studenten op de klassenlijst ({', '.join(s.label() for s in found[:4])}); "
                f"toegekend aan de eerste"))
        if found:
            return found[0]
        key = (f"{info['name']} ({info['source']} {info['lms_id']})" if info["lms_id"]
               else info["user"] or info["name"] or hand.owner)
        if key not in self.extra:
            user = info["user"] if (hand.is_folder or info["user"].isdigit()) else ""
            self.extra[key] = Student(key=key, name=info["name"], user=user, on_list=False)
            if self.have_list:
                self.problems.append(Problem(
                    "niet op klassenlijst", self.extra[key].label(), hand.path,
                    "niemand op de klassenlijst past bij deze naam of dit nummer; eigen rij zonder "
                    "gegevens van de klassenlijst"))
        return self.extra[key]


# --------------------------------------------------------------------------- collecting records


def _collect(handins: Iterable[HandIn], roster: _Roster, progress) -> dict[str, list[_Record]]:
    records: dict[str, list[_Record]] = defaultdict(list)
    first_owner: dict[str, tuple[Student, str]] = {}
    problems = roster.problems
    for count, hand in enumerate(handins, start=1):
        if progress and (count % 10 == 0 or count == 1):
            progress(f"gelezen: {count} bestanden")
        student = roster.student_for(hand)
        student.files.append(hand.path)
        raw_records = []
        if hand.problem is None:
            raw_records, hand.problem = parse_notebook(hand.data)
        if hand.problem is not None:
            problems.append(Problem("onleesbaar", student.label(), hand.path, hand.problem))
            continue
        if raw_records:  # an untouched course notebook is in every home folder: no copy
            _same_file(hashlib.sha256(hand.data).hexdigest(), student, hand.path, first_owner, problems)
        for raw in raw_records:
            record, problem = _read_record(raw, hand.path, hand.modified)
            if problem:
                problems.append(Problem("bewerkt", student.label(), hand.path, problem))
            if record is not None:
                records[student.key].append(record)
    return records


def _same_file(digest: str, student: Student, path: str, first_owner: dict, problems: list) -> None:
    other, other_path = first_owner.setdefault(digest, (student, path))
    if other.key != student.key:
        problems.append(Problem("dubbel", student.label(), path,
                                f"precies hetzelfde bestand als {other_path} van {other.label()}"))
        problems.append(Problem("dubbel", other.label(), other_path,
                                f"precies hetzelfde bestand als {path} van {student.label()}"))


def _choose(student: Student, records: list[_Record], known: dict, problems: list) -> dict[str, _Record]:
    """Per exercise the last record (last saved file, then path order, then latest executed cell)."""
    chosen: dict[str, _Record] = {}
    files: dict[str, set[str]] = defaultdict(set)
    for record in sorted(records, key=lambda r: (r.modified, r.file, r.order)):
        if record.exercise not in known:
            problems.append(Problem("overig", student.label(), record.file,
                                    f"opgave {record.exercise!r} bestaat niet in deze versie van salesnb; "
                                    f"niet meegeteld"))
            continue
        chosen[record.exercise] = record
        files[record.exercise].add(record.file)
    for exercise_id, names in sorted(files.items()):
        if len(names) > 1:
            problems.append(Problem("dubbel", student.label(), chosen[exercise_id].file,
                                    f"opgave {exercise_id} staat in {len(names)} ingeleverde bestanden; "
                                    f"dit (laatst opgeslagen) bestand telt"))
    return chosen


def _judge_seed(student: Student, record: _Record, owner_of: dict[int, str], problems: list,
                told: set) -> int | None:
    own = student.seeds()
    if record.seed is not None and record.seed in own:
        return record.seed
    if own:
        key = (student.key, record.file, record.seed)
        if key not in told:
            told.add(key)
            whose = owner_of.get(record.seed)
            other = f" (de dataset van {whose})" if whose and whose != student.label() else ""
            problems.append(Problem(
                "andere dataset", student.label(), record.file,
                f"nagekeken op dataset {record.seed}{other}; de eigen dataset is {own[0]}. "
                f"De antwoorden zijn opnieuw nagekeken op de eigen dataset."))
        return own[0]
    if (student.key, "unknown") not in told:
        told.add((student.key, "unknown"))
        problems.append(Problem("overig", student.label(), record.file,
                                f"eigen dataset onbekend (geef een klassenlijst mee): nagekeken op de dataset "
                                f"in het notebook ({record.seed})"))
    return record.seed


# --------------------------------------------------------------------------- judging


def _rejudge(ex, answer, expected) -> tuple[bool, str]:
    from .exercises import _core

    checker = {"number": _core._check_number, "choice": _core._check_choice,
               "text": _core._check_text, "table": _core._check_table}[ex.kind]
    try:
        correct, detail, _note = checker(ex, answer, expected)
    except Exception as exc:  # a crafted answer must never stop the grading of a class
        return False, f"antwoord niet na te kijken ({type(exc).__name__})"
    return bool(correct), "" if correct else str(detail)


def _expected_all(exercises: dict, seeds: list[int], progress, expected: dict,
                  on_seed: Callable[[int], None]) -> None:
    """Fill expected answers per (exercise, seed) one dataset at a time (each generated once);
    ``on_seed(seed)`` judges that seed's answers while its data is active (for the mistakes)."""
    from . import data

    before = data.current_seed()
    try:
        for number, seed in enumerate(seeds, start=1):
            if progress:
                progress(f"nakijken: dataset {number}/{len(seeds)}")
            data.use_seed(seed)
            for exercise_id, ex in exercises.items():
                try:
                    expected[exercise_id, seed] = ex.expected()
                except Exception as exc:  # shown in the gradebook instead of stopping
                    expected[exercise_id, seed] = _Failed(f"{type(exc).__name__}: {exc}")
            on_seed(seed)
    finally:
        data.use_seed(before)


@dataclass
class _Failed:
    reason: str


def _judge_one(student: Student, record: _Record, seed: int | None, exercises: dict, expected: dict,
               problems: list, verdicts: dict) -> None:
    """Re-judge one recorded answer on dataset ``seed`` (which must be active)."""
    from .exercises._core import decode_answer

    try:
        answer = decode_answer(record.answer)
    except (ValueError, TypeError, RecursionError):
        answer = _Failed("het vastgelegde antwoord is onleesbaar")
    want = expected.get((record.exercise, seed)) if seed is not None else _Failed("geen dataset")
    if isinstance(answer, _Failed) or isinstance(want, _Failed) or want is None:
        reason = answer.reason if isinstance(answer, _Failed) else f"niet na te kijken ({want})"
        verdicts[student.key, record.exercise] = Verdict(FOUT, reason, seed, record.file)
        problems.append(Problem("overig", student.label(), record.file, f"opgave {record.exercise}: {reason}"))
        return
    correct, diagnosis = _rejudge(exercises[record.exercise], answer, want)
    verdicts[student.key, record.exercise] = Verdict(GOED if correct else FOUT, diagnosis, seed, record.file)
    from .exercises._core import definition_digest

    _report_edits(student, record, seed, correct, problems, definition_digest(exercises[record.exercise]))


def _report_edits(student: Student, record: _Record, seed: int, correct: bool, problems: list,
                  definition: str) -> None:
    from . import __version__

    if not record.digest_ok:
        problems.append(Problem("bewerkt", student.label(), record.file,
                                f"opgave {record.exercise}: de controlecode van het vastgelegde resultaat "
                                f"klopt niet (met de hand veranderd of beschadigd); opnieuw nagekeken"))
    status = GOED if correct else FOUT
    if record.seed != seed or record.verdict == status:
        return
    changed = []
    if record.definition and record.definition != definition:
        changed.append("de opgave is veranderd sinds de student hem nakeek")
    if record.version != __version__:
        changed.append(f"gemaakt met salesnb {record.version}, nagekeken met {__version__}")
    if changed:
        problems.append(Problem("overig", student.label(), record.file,
                                f"opgave {record.exercise}: in het notebook staat '{record.verdict}', nu is het "
                                f"'{status}'; {' en '.join(changed)}. Het oordeel van nu telt; kijk of dat "
                                f"terecht is."))
    else:
        problems.append(Problem("bewerkt", student.label(), record.file,
                                f"opgave {record.exercise}: in het notebook staat '{record.verdict}', "
                                f"opnieuw nagekeken is het '{status}'"))


def _classmate_fits(items: list, verdicts: dict, exercises: dict, expected: dict,
                    owner_of: dict[int, str], problems: list) -> None:
    """Report students whose wrong answers are right on one classmate's dataset (MIN_FITS or more)."""
    from .exercises._core import decode_answer, encode_answer

    bare = {k: dataclasses.replace(ex, mistakes=()) for k, ex in exercises.items()}
    same = {key: json.dumps(encode_answer(value), sort_keys=True)
            for key, value in expected.items() if not isinstance(value, _Failed)}
    fits: dict[tuple[str, int], list] = defaultdict(list)
    for student, record, seed in items:
        verdict = verdicts.get((student.key, record.exercise))
        if verdict is None or verdict.status != FOUT or (record.exercise, seed) not in same:
            continue
        try:
            answer = decode_answer(record.answer)
        except (ValueError, TypeError, RecursionError):
            continue
        for other_seed in owner_of:
            other = same.get((record.exercise, other_seed))
            if other_seed in (seed, record.seed) or other is None or other == same[record.exercise, seed]:
                continue
            if _rejudge(bare[record.exercise], answer, expected[record.exercise, other_seed])[0]:
                fits[student.key, other_seed].append((student, record))
    for (_key, other_seed), found in fits.items():
        if len(found) >= MIN_FITS:
            student = found[0][0]
            ids = ", ".join(sorted({r.exercise for _s, r in found}, key=_core_natural_key))
            problems.append(Problem("dataset klasgenoot", student.label(), found[0][1].file,
                                    f"{len(found)} antwoorden (opgave {ids}) zijn fout op de eigen dataset "
                                    f"maar goed op de dataset van {owner_of[other_seed]} ({other_seed})"))


def _core_natural_key(exercise_id: str):
    from .exercises._core import _natural_key

    return _natural_key(exercise_id)


def grade_notebooks(handins: Iterable[HandIn], students: list[Student] | None = None, *,
                    progress: Callable[[str], None] | None = None,
                    problems: list[Problem] | None = None) -> Gradebook:
    """Re-judge every recorded answer of the hand-ins on each student's own dataset (nakijken).

    ``students=None`` means no class list: rows come from the hand-ins' names.

    >>> book = grade_notebooks([HandIn("a/x.ipynb", "a", b"{oops", is_folder=True)])
    >>> [(p.kind, p.student) for p in book.problems]
    [('onleesbaar', 'a')]
    """
    from .exercises._core import registered_exercises

    problems = list(problems or [])
    roster = _Roster(students, problems)
    known = registered_exercises()
    records = _collect(handins, roster, progress)
    everyone = roster.all()
    owner_of = {}
    for student in everyone:
        for seed in student.seeds()[:1]:
            owner_of.setdefault(seed, student.label())
    items, told = [], set()
    for student in everyone:
        for record in _choose(student, records.get(student.key, []), known, problems).values():
            items.append((student, record, _judge_seed(student, record, owner_of, problems, told)))
    used = {record.exercise for _s, record, _seed in items}
    exercises = {k: known[k] for k in used}
    seeds = sorted({seed for *_rest, seed in items if seed is not None} | set(owner_of))
    by_seed: dict[int | None, list] = defaultdict(list)
    for item in items:
        by_seed[item[2]].append(item)
    expected: dict[tuple[str, int], Any] = {}
    verdicts: dict[tuple[str, str], Verdict] = {}

    def judge(seed):
        for student, record, _seed in by_seed.get(seed, []):
            _judge_one(student, record, seed, exercises, expected, problems, verdicts)

    _expected_all(exercises, seeds if exercises else [], progress, expected, judge)
    judge(None)
    _classmate_fits(items, verdicts, exercises, expected, owner_of, problems)
    chapters = {known[k].chapter for k in used}
    columns = [k for k, ex in known.items() if ex.chapter in chapters]
    return Gradebook(everyone, columns, verdicts, problems)


def grade(source, class_list=None, out=None, *, progress: Callable[[str], None] | None = None,
          limits: Limits = Limits()) -> Gradebook:
    """Grade a folder or zip of hand-ins (optionally with a class list) and write the gradebook.

    >>> book = grade(getfixture("tmp_path"), out=getfixture("tmp_path") / "cijfers.xlsx")
    >>> book.students, (getfixture("tmp_path") / "cijfers.xlsx").exists()
    ([], True)
    """
    students, problems = read_class_list(class_list) if class_list is not None else (None, [])
    book = grade_notebooks(read_handins(source, limits=limits), students, progress=progress,
                           problems=problems)
    if out is not None:
        write_gradebook(book, out)
    return book


# --------------------------------------------------------------------------- the gradebook


def _safe(value):
    """A cell value that a spreadsheet shows as text and never runs (formula characters, control chars).

    >>> _safe('=HYPERLINK("http://x")'), _safe("<script>"), _safe(3)
    ('\\'=HYPERLINK("http://x")', '<script>', 3)
    """
    if value is None or isinstance(value, (bool, int, float)):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if len(text) > _MAX_CELL:
        text = text[:_MAX_CELL - 1] + "…"
    return "'" + text if text.startswith(_FORMULA_START) else text


_FILLS = {GOED: "C6EFCE", FOUT: "FFC7CE", NIET_GEMAAKT: "EDEDED"}


def _sheet(book, title: str, header: list[str], rows: Iterable[list], widths: dict | None = None):
    from openpyxl.styles import Font

    sheet = book.create_sheet(title)
    sheet.append([_safe(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(v) for v in row])
    sheet.freeze_panes = "A2"
    for column, width in (widths or {}).items():
        sheet.column_dimensions[column].width = width
    return sheet


def _gradebook_rows(gradebook: Gradebook) -> tuple[list[str], list[list]]:
    from .exercises._core import registered_exercises

    known = registered_exercises()
    chapters = list(dict.fromkeys(known[k].chapter for k in gradebook.exercises))
    header = (["Naam", "Studentnummer", "Gebruikersnaam", "Dataset", "Op klassenlijst", "Bestanden"]
              + list(gradebook.exercises)
              + [f"H{c} goed (van {sum(known[k].chapter == c for k in gradebook.exercises)})"
                 for c in chapters]
              + [f"Totaal goed (van {len(gradebook.exercises)})", "Meldingen"])
    counts = Counter(p.student for p in gradebook.problems)
    rows = []
    for student in gradebook.students:
        verdicts = [gradebook.verdict(student.key, k) for k in gradebook.exercises]
        per_chapter = [sum(v.status == GOED for k, v in zip(gradebook.exercises, verdicts)
                           if known[k].chapter == c) for c in chapters]
        judged = sorted({v.seed for v in verdicts if v.seed is not None})
        seeds = judged or student.seeds()[:1]
        rows.append([student.name, student.number, student.user,
                     (seeds[0] if len(seeds) == 1 else ", ".join(map(str, seeds))) if seeds else "onbekend",
                     "ja" if student.on_list else "nee", len(student.files)]
                    + [v.cell() for v in verdicts] + per_chapter
                    + [sum(per_chapter), counts.get(student.label(), 0)])
    return header, rows


def _write_grades(book, gradebook: Gradebook) -> None:
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    header, rows = _gradebook_rows(gradebook)
    sheet = _sheet(book, "Cijferlijst", header, rows, {"A": 28, "B": 14, "C": 16, "D": 12, "E": 9, "F": 9})
    first = 7
    for offset, _exercise in enumerate(gradebook.exercises):
        letter = get_column_letter(first + offset)
        sheet.column_dimensions[letter].width = 24
        for cell in sheet[letter][1:]:
            status = str(cell.value).split(":")[0]
            if status in _FILLS:
                cell.fill = PatternFill("solid", fgColor=_FILLS[status])
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions


def _write_summary(book, gradebook: Gradebook) -> None:
    from openpyxl.chart import BarChart, Reference

    from .exercises._core import registered_exercises

    known = registered_exercises()
    rows = []
    for exercise_id in gradebook.exercises:
        statuses = Counter(gradebook.verdict(s.key, exercise_id).status for s in gradebook.students)
        total = max(len(gradebook.students), 1)
        rows.append([exercise_id, known[exercise_id].title, statuses[GOED], statuses[FOUT],
                     statuses[NIET_GEMAAKT], round(statuses[GOED] / total, 3)])
    sheet = _sheet(book, "Per opgave", ["Opgave", "Titel", "Goed", "Fout", "Niet gemaakt", "Aandeel goed"],
                   rows, {"A": 9, "B": 44, "C": 8, "D": 8, "E": 13, "F": 13})
    for cell in sheet["F"][1:]:
        cell.number_format = "0%"
    if not rows:
        return
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
    chart.title = "Resultaten van de klas per opgave"
    chart.y_axis.title, chart.x_axis.title = "Aantal studenten", "Opgave"
    chart.add_data(Reference(sheet, min_col=3, max_col=5, min_row=1, max_row=len(rows) + 1),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(rows) + 1))
    for series, colour in zip(chart.series, ("009E73", "D55E00", "BBBBBB")):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.height, chart.width = 9, max(16, 1.4 * len(rows))
    sheet.add_chart(chart, "H2")


def _mistake_key(text: str) -> str:
    return re.sub(r"-?\d[\d.,]*", "#", text)


def _write_exercise_sheets(book, gradebook: Gradebook) -> None:
    from .exercises._core import registered_exercises

    known = registered_exercises()
    for exercise_id in gradebook.exercises:
        verdicts = [(s, gradebook.verdict(s.key, exercise_id)) for s in gradebook.students]
        groups: dict[str, list] = defaultdict(list)
        for student, verdict in verdicts:
            if verdict.status == FOUT:
                groups[_mistake_key(verdict.diagnosis)].append((student, verdict))
        statuses = Counter(v.status for _s, v in verdicts)
        rows = [[len(group), group[0][1].diagnosis or "(geen diagnose)",
                 ", ".join(s.label() for s, _v in group[:30]) + (" ..." if len(group) > 30 else "")]
                for group in sorted(groups.values(), key=lambda g: (-len(g), g[0][1].diagnosis))]
        title = [[f"Opgave {exercise_id}: {known[exercise_id].title}"],
                 [f"goed {statuses[GOED]}, fout {statuses[FOUT]}, niet gemaakt {statuses[NIET_GEMAAKT]}"],
                 [], ["Aantal", "Veelgemaakte fout", "Studenten"]]
        sheet = _sheet(book, f"Opgave {exercise_id}"[:31], title[0], title[1:] + rows,
                       {"A": 8, "B": 80, "C": 60})
        from openpyxl.styles import Font

        for cell in sheet[4]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A5"


def _write_problems(book, gradebook: Gradebook) -> None:
    by_kind: dict[str, list] = defaultdict(list)
    for problem in gradebook.problems:
        by_kind[problem.kind if problem.kind in PROBLEM_SHEETS else "overig"].append(problem)
    for kind, title in PROBLEM_SHEETS.items():
        rows = [[p.student, p.file, p.reason] for p in by_kind[kind]] or [["", "", "Geen meldingen."]]
        _sheet(book, title, ["Student", "Bestand", "Reden"], rows, {"A": 28, "B": 50, "C": 100})


def write_gradebook(gradebook: Gradebook, path) -> Path:
    """Write the Excel gradebook: grades, results per exercise with a chart, reports, mistakes per exercise.

    >>> path = write_gradebook(Gradebook([Student("s1", name="=1+1")], ["0.1"]),
    ...                        getfixture("tmp_path") / "c.xlsx")
    >>> import openpyxl
    >>> openpyxl.load_workbook(path)["Cijferlijst"]["A2"].value
    "'=1+1"
    """
    import openpyxl

    path = Path(path)
    book = openpyxl.Workbook()
    book.remove(book.active)
    _write_grades(book, gradebook)
    _write_summary(book, gradebook)
    _write_problems(book, gradebook)
    _write_exercise_sheets(book, gradebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


# --------------------------------------------------------------------------- command line


class _DutchHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, "Geef de map of zip met de ingeleverde notebooks, bijvoorbeeld: python3 course.py "
                     "nakijken inleveringen.zip --klassenlijst klas.xlsx (uitleg: -h).\n")


def main(argv: list[str] | None = None) -> int:
    """``course.py nakijken``: grade hand-ins and write the gradebook; prints a Dutch summary.

    >>> main([str(getfixture("tmp_path")), "--uit", str(getfixture("tmp_path") / "c.xlsx")])
    Cijferlijst geschreven: ... (0 studenten, 0 meldingen; zie de tabbladen met meldingen)
    0
    """
    parser = _Parser(
        prog="course.py nakijken", add_help=False, formatter_class=_DutchHelp,
        description="Kijk de ingeleverde notebooks van een klas na op ieders eigen dataset. "
                    "Er wordt niets uit de notebooks uitgevoerd.")
    parser._positionals.title, parser._optionals.title = "argumenten", "opties"
    parser.add_argument("-h", "--help", action="help", help="toon deze uitleg")
    parser.add_argument("bron", help="map met notebooks, de thuismappen van de hub, of een zip "
                                     "uit Brightspace, Canvas of Moodle")
    parser.add_argument("--klassenlijst", help="CSV of Excel met studentnummer, naam, gebruikersnaam "
                                               "en/of seed")
    parser.add_argument("--uit", default="cijfers.xlsx", help="de Excel-cijferlijst (standaard cijfers.xlsx)")
    args = parser.parse_args(argv)
    if not Path(args.bron).exists():
        print(f"{args.bron} bestaat niet. Geef een map of een zip met de ingeleverde notebooks.",
              file=sys.stderr)
        return 2
    shown = {"width": 0}

    def progress(text: str) -> None:
        shown["width"] = max(shown["width"], len(text))
        print("\r" + text.ljust(shown["width"]), end="", file=sys.stderr, flush=True)

    try:
        book = grade(args.bron, args.klassenlijst, args.uit, progress=progress)
    except (ValueError, OSError) as exc:
        print(f"\nNakijken gestopt: {exc}", file=sys.stderr)
        return 1
    if shown["width"]:
        print(file=sys.stderr)
    from .display import plural

    print(f"Cijferlijst geschreven: {Path(args.uit).resolve()} "
          f"({plural(len(book.students), 'student', 'studenten')}, "
          f"{plural(len(book.problems), 'melding', 'meldingen')}; zie de tabbladen met meldingen)")
    return 0
