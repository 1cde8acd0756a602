"""course.py: the learner copy keeps a student's own work; the commands are the README's."""

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def course(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("course_cli", ROOT / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = tmp_path / "notebooks"
    source.mkdir()
    for name in ("00_start.ipynb", "01_x.ipynb"):
        (source / name).write_text(f'{{"course": "{name}"}}', encoding="utf-8")
    monkeypatch.setattr(module, "NOTEBOOKS", source)
    monkeypatch.setattr(module, "OWN_COPY", tmp_path / "mijn-notebooks")
    return module


def test_copy_never_overwrites_own_work(course, capsys):
    assert course.main(["copy"]) == 0
    own = course.OWN_COPY / "00_start.ipynb"
    assert own.read_text(encoding="utf-8") == '{"course": "00_start.ipynb"}'
    assert "Nieuw in mijn-notebooks/: 00_start.ipynb, 01_x.ipynb" in capsys.readouterr().out
    own.write_text("mijn eigen werk", encoding="utf-8")
    (course.NOTEBOOKS / "02_new.ipynb").write_text("{}", encoding="utf-8")
    assert course.main(["copy"]) == 0
    assert own.read_text(encoding="utf-8") == "mijn eigen werk"
    assert (course.OWN_COPY / "02_new.ipynb").exists()
    out = capsys.readouterr().out
    assert "Nieuw in mijn-notebooks/: 02_new.ipynb" in out
    assert "nieuwere versie" not in out  # the course did not change 00: nothing to warn about


def test_an_update_keeps_edited_copies_and_names_them(course, capsys):
    course.main(["copy"])
    (course.OWN_COPY / "00_start.ipynb").write_text("mijn eigen werk", encoding="utf-8")
    for name in ("00_start.ipynb", "01_x.ipynb"):
        (course.NOTEBOOKS / name).write_text('{"course": "v2"}', encoding="utf-8")
    capsys.readouterr()
    assert course.main(["copy"]) == 0
    out = capsys.readouterr().out
    assert (course.OWN_COPY / "00_start.ipynb").read_text(encoding="utf-8") == "mijn eigen werk"
    assert "de cursus heeft een nieuwere versie van 00_start.ipynb" in out
    assert "notebooks/00_start.ipynb" in out and "00_start-oud.ipynb" in out
    # untouched by the student: follows the course
    assert (course.OWN_COPY / "01_x.ipynb").read_text(encoding="utf-8") == '{"course": "v2"}'
    assert "Bijgewerkt naar de nieuwe versie van de cursus (je had ze niet veranderd): 01_x.ipynb" in out
    assert "01_x.ipynb" not in out.split("Let op")[-1]
    # the student renames their version: the next start copies the new one beside it
    (course.OWN_COPY / "00_start.ipynb").rename(course.OWN_COPY / "00_start-oud.ipynb")
    course.main(["copy"])
    assert (course.OWN_COPY / "00_start.ipynb").read_text(encoding="utf-8") == '{"course": "v2"}'
    assert (course.OWN_COPY / "00_start-oud.ipynb").read_text(encoding="utf-8") == "mijn eigen werk"
    course.main(["copy"])
    assert capsys.readouterr().out.splitlines()[-1] == "Je notebooks in mijn-notebooks/ zijn bij met de cursus."


def test_a_damaged_record_loses_no_work(course, capsys):
    course.main(["copy"])
    (course.OWN_COPY / course.COPY_RECORD).write_text("{kapot", encoding="utf-8")
    (course.OWN_COPY / "00_start.ipynb").write_text("mijn eigen werk", encoding="utf-8")
    assert course.main(["copy"]) == 0
    assert (course.OWN_COPY / "00_start.ipynb").read_text(encoding="utf-8") == "mijn eigen werk"


def test_lab_opens_the_own_copies(course, monkeypatch, capsys):
    calls = []
    monkeypatch.setattr(course, "ensure_environment", lambda extras: Path("python"))
    monkeypatch.setattr(course, "run_in_venv", lambda python, args, **kw: calls.append(args) or 0)
    assert course.main(["lab"]) == 0
    assert calls[-1][:2] == ["-m", "jupyterlab"]
    assert calls[-1][2] == f"--notebook-dir={course.OWN_COPY}"
    assert (course.OWN_COPY / "01_x.ipynb").exists()
    assert course.main(["lab", "--cursus"]) == 0
    assert calls[-1] == ["-m", "jupyterlab", f"--notebook-dir={course.NOTEBOOKS}"]


def test_everything_course_py_prints_is_dutch():
    source = (ROOT / "course.py").read_text(encoding="utf-8")
    printed = re.findall(r"(?:print|sys\.exit|SystemExit)\(\s*f?\"([^\"]*)", source)
    english = [text for text in printed
               if re.search(r"\b(the|and|written|executing|installing|creating|needs|set up|run)\b", text)]
    assert printed and not english, english
    spec = importlib.util.spec_from_file_location("course_usage", ROOT / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert "klaarzetten" in module.__doc__ and "set up" not in module.__doc__


def test_the_copy_folder_is_ignored_by_git():
    assert "mijn-notebooks/" in (ROOT / ".gitignore").read_text().splitlines()


def test_unknown_command_prints_usage(course, capsys):
    assert course.main(["wat"]) == 2
    assert "course.py lab" in capsys.readouterr().out


def test_readme_gives_exactly_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Two commands.*?```bash\n(.*?)```", readme, re.DOTALL).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["python3 course.py lab", "python3 course.py test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 course.py test" in ci


def test_copies_from_before_the_record_are_kept_and_named_once(course, capsys):
    course.OWN_COPY.mkdir()
    (course.OWN_COPY / "00_start.ipynb").write_text("oud werk", encoding="utf-8")
    assert course.main(["copy"]) == 0
    out = capsys.readouterr().out
    assert (course.OWN_COPY / "00_start.ipynb").read_text(encoding="utf-8") == "oud werk"
    assert "Let op: 00_start.ipynb in mijn-notebooks/ verschilt van de versie in de cursus" in out
    course.main(["copy"])
    assert "Let op" not in capsys.readouterr().out
    (course.NOTEBOOKS / "00_start.ipynb").write_text('{"course": "v2"}', encoding="utf-8")
    course.main(["copy"])
    assert "de cursus heeft een nieuwere versie van 00_start.ipynb" in capsys.readouterr().out
    assert (course.OWN_COPY / "00_start.ipynb").read_text(encoding="utf-8") == "oud werk"
