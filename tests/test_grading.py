"""Nakijken on a generated class: 30 students with their own datasets hand in notebooks that a
script filled in by calling check() for the right seed (right, wrong, missing and copied answers,
edited records, duplicates, broken files, crafted hand-ins); the gradebook must hold exactly the
verdicts check() itself gives on each student's own dataset, and nothing of a hand-in may run."""

from __future__ import annotations

import functools
import io
import json
import os
import zipfile

import openpyxl
import pytest

from salesnb import data, grading
from salesnb.exercises._core import RECORD_MIME, check, expected_answer, record_digest
from salesnb.login import seed_for_user

EXERCISES = {"00_start.ipynb": ("0.1", "0.2"), "01_klant_centraal.ipynb": ("1.2", "1.3", "1.5")}
ALL = ("0.1", "0.2", "1.2", "1.3", "1.5")
COLUMNS = ("0.1", "0.2", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6")
FIRST = ["Ans", "Bram", "Cor", "Daan", "Eva", "Fenna", "Gijs", "Hanna", "Ilse", "Joost"]
LAST = ["de Vries", "Jansen", "Bakker"]
EVIL_NAME = '=HYPERLINK("http://x")'
SCRIPT_NAME = '<script>alert("x")</script>'


def _number(i: int) -> str:
    return str(400001 + i)


def _name(i: int) -> str:
    return {16: EVIL_NAME, 17: SCRIPT_NAME}.get(i, f"{FIRST[i % 10]} {LAST[i // 10]}")


def _bundle(result) -> dict:
    """What IPython stores for the value of a cell ending in check(...)."""
    from IPython.core.formatters import DisplayFormatter

    return DisplayFormatter().format(result)[0]


def _cell(source: str, outputs=(), count=None) -> dict:
    return {"cell_type": "code", "execution_count": count, "id": f"c{abs(hash(source)) % 10**8}",
            "metadata": {}, "outputs": list(outputs), "source": source}


def _result(bundle: dict, count: int) -> dict:
    return {"output_type": "execute_result", "execution_count": count, "metadata": {}, "data": bundle}


def _notebook(cells) -> bytes:
    return json.dumps({"cells": list(cells), "metadata": {"kernelspec": {"name": "python3"}},
                       "nbformat": 4, "nbformat_minor": 5}, ensure_ascii=False, indent=1).encode()


def _right(exercise_id):
    value = expected_answer(exercise_id)
    return int(value) if exercise_id == "0.1" else value


def _wrong(exercise_id):
    value = expected_answer(exercise_id)
    return {"0.1": lambda: int(value) + 1000, "0.2": lambda: value * 100, "1.2": lambda: 35.0,
            "1.3": lambda: value + 5, "1.5": lambda: "a" if value != "a" else "b"}[exercise_id]()


def _checked(seed: int, answers: dict, start: int = 1) -> dict[str, list[dict]]:
    """Per notebook, the exercise cells as check() fills them on dataset ``seed``."""
    data.use_seed(seed)
    try:
        cells = {}
        for notebook, ids in EXERCISES.items():
            cells[notebook] = []
            for n, exercise_id in enumerate(ids, start=start):
                answer = answers.get(exercise_id, ...)
                source = f"antwoord = {answer!r}\nsalesnb.check({exercise_id!r}, antwoord)"
                cells[notebook].append(_cell(source, [_result(_bundle(check(exercise_id, answer)), n)], n))
        return cells
    finally:
        data.use_seed(None)


def _truth(seed: int, answers: dict) -> dict[str, str]:
    """The oracle: what check() says on the student's own dataset."""
    data.use_seed(seed)
    try:
        return {e: ("goed" if check(e, answers[e]).correct else "fout") if e in answers else "niet gemaakt"
                for e in COLUMNS}
    finally:
        data.use_seed(None)


def _answers_on(seed: int, wrong=()) -> dict:
    data.use_seed(seed)
    try:
        return {e: (_wrong(e) if e in wrong else _right(e)) for e in ALL}
    finally:
        data.use_seed(None)


def _edit(cell: dict, **changes) -> None:
    record = cell["outputs"][0]["data"][RECORD_MIME]
    record.update(changes)


def _write(folder, user: str, name: str, content: bytes) -> None:
    path = folder / user / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def _student_folder(folder, i: int, cells: dict) -> None:
    for notebook, notebook_cells in cells.items():
        _write(folder, f"u{_number(i)}", notebook, _notebook(notebook_cells))


def _build_class(folder, pwned) -> dict:
    """Hand-ins of 30 students (hub home folders) and the verdicts they must get."""
    truth, answers = {}, {}
    for i in range(30):
        own = seed_for_user(f"u{_number(i)}") if i == 18 else int(_number(i))   # 18 worked on the hub login
        worked_on = data.DEFAULT_SEED if i == 19 else own                       # 19 forgot use_seed
        answers[i] = _answers_on(worked_on, wrong=ALL[1:4] if i in (3, 4, 5) else ())
        if i == 6:                                                              # not done
            answers[i].pop("0.1"), answers[i].pop("1.3")
        if i == 9:                                                              # a classmate's numbers typed in
            answers[i] = _answers_on(int(_number(1)))
        if i == 11:
            answers[i]["1.3"] += 5
        if i == 8:                                                              # copied notebook
            for notebook in EXERCISES:
                _write(folder, f"u{_number(8)}", notebook,
                       (folder / f"u{_number(0)}" / notebook).read_bytes())
            answers[i] = answers[0]
        elif i not in (7, 13, 14, 15):
            cells = _checked(worked_on, answers[i])
            _tamper(i, cells, answers, folder, worked_on)
            _student_folder(folder, i, cells)
        done = i not in (7, 13, 14, 15)
        truth[_number(i)] = _truth(own, answers[i]) if done else dict.fromkeys(COLUMNS, "niet gemaakt")
    _broken_handins(folder, pwned)
    truth[_number(15)] = {**dict.fromkeys(COLUMNS, "niet gemaakt"), "0.2": "fout", "1.2": "goed"}
    return truth


def _tamper(i: int, cells: dict, answers: dict, folder, seed: int) -> None:
    if i == 10:                                                 # answer edited by hand, digest kept
        _edit(cells["00_start.ipynb"][1], answer=0.5)
        answers[10]["0.2"] = 0.5
    if i == 11:                                                 # verdict forged, digest recomputed
        record = cells["01_klant_centraal.ipynb"][1]["outputs"][0]["data"][RECORD_MIME]
        record["verdict"] = "goed"
        record["sha256"] = record_digest(record)
    if i == 12:                                                 # handed in twice; the later file counts
        early = _checked(seed, {**answers[i], "0.2": _answers_on(seed, wrong=("0.2",))["0.2"]})
        _write(folder, f"u{_number(i)}", "00_start_v1.ipynb", _notebook(early["00_start.ipynb"]))
        os.utime(folder / f"u{_number(i)}" / "00_start_v1.ipynb", (1.7e9, 1.7e9))   # saved earlier


def _broken_handins(folder, pwned) -> None:
    good = _notebook(_checked(int(_number(13)), _answers_on(int(_number(13))))["00_start.ipynb"])
    _write(folder, f"u{_number(13)}", "00_start.ipynb", good[: len(good) // 2])       # half saved
    _write(folder, f"u{_number(14)}", "00_start.ipynb", b"\x89PNG\r\n\x1a\n\x00\xff garbage")
    crafted = _checked(int(_number(15)), {"0.2": 0.2, "1.2": 10.0})
    evil_record = crafted["00_start.ipynb"][1]["outputs"][0]["data"][RECORD_MIME]
    evil_record["answer"] = {"$evil": "__import__('os').system('touch /tmp/x')"}
    evil_record["sha256"] = record_digest(evil_record)
    unknown = dict(evil_record, exercise=EVIL_NAME, answer=1)
    unknown["sha256"] = record_digest(unknown)
    cells = [
        _cell(f"open({str(pwned)!r}, 'w').write('gehackt')\nimport os; os.system('touch {pwned}')", count=1),
        _cell("display(HTML('<script>alert(1)</script>'))",
              [{"output_type": "display_data", "metadata": {},
                "data": {"text/html": "<script>alert(1)</script>", RECORD_MIME: ["geen", "record"]}}], 2),
        _cell("x", [_result({"text/plain": "x", RECORD_MIME: unknown}, 3)], 3),
        crafted["00_start.ipynb"][1],
    ]
    _write(folder, f"u{_number(15)}", "00_start.ipynb", _notebook(cells))
    _write(folder, f"u{_number(15)}", "01_klant_centraal.ipynb", _notebook(crafted["01_klant_centraal.ipynb"]))
    stranger = _checked(int(_number(2)), _answers_on(int(_number(2))))
    _write(folder, "=cmd|'-C calc'!A0", "00_start.ipynb", _notebook(stranger["00_start.ipynb"]))


def _class_list(path, rows) -> None:
    lines = ["Studentnummer;Naam;Gebruikersnaam"] + [f"{n};{name};{user}" for n, name, user in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read_grades(path) -> dict[str, dict[str, str]]:
    sheet = openpyxl.load_workbook(path)["Cijferlijst"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    out = {}
    for row in rows[1:]:
        key = row[header.index("Studentnummer")] or row[header.index("Gebruikersnaam")] or row[0]
        out[str(key)] = {e: str(row[header.index(e)]).split(":")[0] for e in COLUMNS}
    return out


def _sheet_students(path, title) -> set[str]:
    sheet = openpyxl.load_workbook(path)[title]
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}


@pytest.fixture(scope="module", autouse=True)
def datasets_cached():
    """Keep every generated dataset of this module (the package keeps 8; a class has 30)."""
    saved = data._cached
    data._cached = functools.lru_cache(maxsize=64)(saved.__wrapped__)
    yield
    data._cached = saved
    data.use_seed(None)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("klas")
    folder, pwned = root / "home", root / "GEHACKT.txt"
    truth = _build_class(folder, pwned)
    class_list = root / "klas.csv"
    _class_list(class_list, [(_number(i), _name(i), f"u{_number(i)}") for i in range(30)])
    out = root / "cijfers.xlsx"
    lines = []
    book = grading.grade(folder, class_list, out, progress=lines.append)
    return {"root": root, "truth": truth, "out": out, "book": book, "pwned": pwned,
            "progress": lines, "folder": folder}


def test_gradebook_holds_exactly_the_verdicts_of_check_on_each_own_dataset(graded):
    grades = _read_grades(graded["out"])
    for number, expected in graded["truth"].items():
        assert grades[number] == expected, (number, _name(int(number) - 400001))
    assert sum(v == "goed" for g in grades.values() for v in g.values()) > 60
    assert {"fout", "niet gemaakt"} <= {v for g in grades.values() for v in g.values()}


def test_every_student_keeps_a_row_and_strangers_get_one(graded):
    grades = _read_grades(graded["out"])
    assert {_number(i) for i in range(30)} <= set(grades)
    assert len(grades) == 31                                    # plus the hand-in not on the list
    assert _sheet_students(graded["out"], "Niet op klassenlijst") == {"'=cmd|'-C calc'!A0"}


def test_fraud_and_accidents_each_in_their_sheet(graded):
    out = graded["out"]
    names = {i: grading._safe(_name(i)) for i in range(30)}
    stranger = grading._safe("=cmd|'-C calc'!A0")
    assert _sheet_students(out, "Andere dataset") == {names[8], names[19], stranger}
    assert names[9] in _sheet_students(out, "Dataset klasgenoot")
    assert names[8] not in _sheet_students(out, "Dataset klasgenoot")
    assert _sheet_students(out, "Bewerkt") == {names[10], names[11], names[15]}
    assert {names[8], names[12]} <= _sheet_students(out, "Dubbel")
    assert _sheet_students(out, "Onleesbaar") == {names[13], names[14]}
    reasons = " ".join(str(c) for row in openpyxl.load_workbook(out)["Andere dataset"].iter_rows(
        values_only=True) for c in row)
    assert names[0] in reasons and str(data.DEFAULT_SEED) in reasons


def test_nothing_of_a_handin_runs_or_becomes_a_formula(graded):
    assert not graded["pwned"].exists()
    book = openpyxl.load_workbook(graded["out"])
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@")), (sheet.title, cell.value)
                    assert "alert(1)" not in cell.value
    names = [row[0] for row in book["Cijferlijst"].iter_rows(min_row=2, values_only=True)]
    assert "'" + EVIL_NAME in names and SCRIPT_NAME in names


def test_summary_chart_and_common_mistakes(graded):
    with zipfile.ZipFile(graded["out"]) as archive:
        assert any(n.startswith("xl/charts/chart") for n in archive.namelist())
    book = openpyxl.load_workbook(graded["out"])
    assert [book[f"Opgave {e}"] for e in COLUMNS]
    mistakes = [row for row in book["Opgave 0.2"].iter_rows(min_row=5, values_only=True) if row[0]]
    assert any(count >= 3 and "percentage" in text for count, text, _who in mistakes)
    summary = {row[0]: row[2:5] for row in book["Per opgave"].iter_rows(min_row=2, values_only=True)}
    assert sum(summary["0.2"]) == 31
    assert any("dataset" in line for line in graded["progress"])


def _zip_of(graded, indices, extra=()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in indices:
            last, first = _name(i).split(" ", 1)[1], _name(i).split(" ", 1)[0]
            canvas = f"{(last + first).replace(' ', '').lower()}_{9000 + i}_{7000 + i}"
            prefix = "../../" if i == 2 else ""
            for notebook in EXERCISES:
                archive.writestr(f"{prefix}{canvas}_{notebook}",
                                 (graded["folder"] / f"u{_number(i)}" / notebook).read_bytes())
        for name, content in extra:
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_canvas_zip_is_read_in_memory_with_limits(graded, tmp_path):
    indices = [0, 1, 2, 3, 4, 6]
    bomb = b"0" * (3 * 2**20)
    archive = tmp_path / "inleveringen.zip"
    archive.write_bytes(_zip_of(graded, indices, [("/etc/../../bom_1_2_00_start.ipynb", bomb)]))
    class_list = tmp_path / "klas.csv"
    _class_list(class_list, [(_number(i), _name(i), "") for i in indices])
    before = set(tmp_path.rglob("*"))
    out = tmp_path / "zip.xlsx"
    grading.grade(archive, class_list, out, limits=grading.Limits(file_bytes=2**20))
    assert set(tmp_path.rglob("*")) - before == {out}
    grades = _read_grades(out)
    for i in indices:
        assert grades[_number(i)] == graded["truth"][_number(i)]
    reasons = [row for row in openpyxl.load_workbook(out)["Onleesbaar"].iter_rows(min_row=2, values_only=True)]
    assert len(reasons) == 1 and ("zipbom" in reasons[0][2] or "groot" in reasons[0][2])


def test_without_class_list_hub_folders_are_user_names(graded, tmp_path):
    folder = tmp_path / "home"
    for i in (0, 18):
        for notebook in EXERCISES:
            _write(folder, f"jupyter-u{_number(i)}", notebook,
                   (graded["folder"] / f"u{_number(i)}" / notebook).read_bytes())
    book = grading.grade(folder)
    users = {s.user: s for s in book.students}
    assert set(users) == {f"u{_number(0)}", f"u{_number(18)}"}
    # student 0 worked on use_seed(studentnummer), not on the login's dataset: reported, not lost
    assert {p.student for p in book.problems if p.kind == "andere dataset"} == {f"u{_number(0)}"}
    assert all(book.verdict(f"u{_number(18)}", e).status == graded["truth"][_number(18)][e] for e in COLUMNS)


def test_stored_record_is_deterministic_and_survives_jupyterlab_saving():
    data.use_seed(None)
    first, second = check("0.2", 0.25).record, check("0.2", 0.25).record
    assert first == second and first["seed"] == data.DEFAULT_SEED
    assert check("0.2", ...).record is None
    # JupyterLab (JavaScript) writes the float 1.0 back as 1
    assert record_digest(dict(first, answer=1)) == record_digest(dict(first, answer=1.0))
    assert record_digest(dict(first, answer=1.5)) != record_digest(dict(first, answer=1.0))


@pytest.mark.parametrize("path, folder, expected", [
    ("devriesans_late_123401_88112_00_start.ipynb", False, "Ans de Vries"),            # Canvas
    ("jansenbram_123402_88113_00_start.ipynb", False, "Bram Jansen"),                   # Canvas
    ("Ans de Vries_400002_assignsubmission_file_/00_start.ipynb", True, "Ans de Vries"),  # Moodle
    ("88114-400002 - Bram Jansen - Dec 4, 2026 1046 AM/00_start.ipynb", True, "Bram Jansen"),  # Brightspace
    ("jupyter-s400002/00_start.ipynb", True, "Bram Jansen"),                             # TLJH home folder
    ("400001.ipynb", False, "Ans de Vries"),                                             # named by number
])
def test_learning_environment_names_find_the_student(path, folder, expected):
    students = [grading.Student("400001", name="Ans de Vries", number="400001", user="s400001"),
                grading.Student("400002", name="Bram Jansen", number="400002", user="s400002")]
    hand = grading.HandIn(path, path.split("/")[0], b"{}", is_folder=folder)
    found = grading._match(hand, grading._identify(hand), students)
    assert [s.name for s in found] == [expected]


def test_answers_of_every_kind_survive_the_record():
    from decimal import Decimal

    import numpy as np
    import pandas as pd

    from salesnb.exercises._core import decode_answer, encode_answer

    for value in (3, 0.375, "0,375", "€ 1.234,50", Decimal("0.375"), (0, 375), ["a", "c"], {"b", "a"},
                  float("nan"), np.float64(2.5), pd.Series([1.0, 2.0], index=["Noord", "Zuid"], name="omzet"),
                  pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=["k1", "k2"])):
        back = decode_answer(json.loads(json.dumps(encode_answer(value))))
        if isinstance(value, (pd.Series, pd.DataFrame)):
            assert back.astype(object).equals(value.astype(object)), value
        elif isinstance(value, float) and value != value:
            assert back != back
        else:
            assert back == value and type(back) is type(value if not isinstance(value, np.generic)
                                                          else value.item()), value
    assert "$unreadable" in encode_answer(object())
    assert "$unreadable" in encode_answer("x" * 200_000)
    for crafted in ({"$evil": 1}, {"$series": {"index": 1}}, {"$dict": [[{"$set": []}, 1]]}, {"a": 1, "b": 2}):
        with pytest.raises(ValueError):
            decode_answer(crafted)


def test_an_excel_class_list_with_numbers_and_a_seed_column(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Voornaam", "Achternaam", "Studentnummer", "Seed"])
    book.active.append(["Ans", "de Vries", 400001, None])
    book.active.append(["Bram", "Jansen", 400002.0, 77])
    book.active.append(["Bram", "Jansen", 400002, None])
    book.save(tmp_path / "klas.xlsx")
    students, problems = grading.read_class_list(tmp_path / "klas.xlsx")
    assert [(s.name, s.number, s.seeds()[0]) for s in students] == [
        ("Ans de Vries", "400001", 400001), ("Bram Jansen", "400002", 77), ("Bram Jansen", "400002", 400002)]
    assert [p.kind for p in problems] == ["dubbel"]


def test_links_and_pipes_in_home_folders_are_not_followed(tmp_path):
    secret = tmp_path / "geheim.ipynb"
    secret.write_bytes(_notebook([]))
    (tmp_path / "home" / "s1").mkdir(parents=True)
    (tmp_path / "home" / "s1" / "link.ipynb").symlink_to(secret)
    (tmp_path / "home" / "s2").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(tmp_path / "home" / "s1" / "pijp.ipynb")
    book = grading.grade(tmp_path / "home")
    assert sorted((p.kind, p.file) for p in book.problems) == [
        ("onleesbaar", "s1/link.ipynb"), ("onleesbaar", "s1/pijp.ipynb")]
    assert [s.user for s in book.students] == ["s1"]


def test_course_py_nakijken_writes_the_gradebook(graded, tmp_path, capsys, monkeypatch):
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("course_nakijken", Path(__file__).parents[1] / "course.py")
    course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(course)
    monkeypatch.setattr(course, "inside_venv", lambda: True)
    monkeypatch.chdir(tmp_path)
    folder = graded["folder"] / f"u{_number(0)}"
    assert course.main(["nakijken", str(folder)]) == 0
    assert (tmp_path / "cijfers.xlsx").exists()
    captured = capsys.readouterr()
    assert "Cijferlijst geschreven" in captured.out and "nakijken: dataset 1/1" in captured.err
    with pytest.raises(SystemExit) as stopped:
        course.main(["nakijken"])
    assert stopped.value.code == 2 and "Geef de map of zip" in capsys.readouterr().err


def test_a_changed_exercise_is_no_accusation_of_editing():
    cells = _checked(400001, _answers_on(400001))["00_start.ipynb"]
    record = cells[1]["outputs"][0]["data"][RECORD_MIME]
    record.update(verdict="fout", definition="0123456789ab")    # checked under an older wording
    record["sha256"] = record_digest(record)
    hand = grading.HandIn("u400001/00_start.ipynb", "u400001", _notebook(cells), is_folder=True)
    book = grading.grade_notebooks([hand], [grading.Student("400001", name="Ans", number="400001")])
    assert book.verdict("400001", "0.2").status == "goed"
    assert [(p.kind, "veranderd" in p.reason) for p in book.problems] == [("overig", True)]
