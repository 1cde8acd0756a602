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
    own.write_text("mijn eigen werk", encoding="utf-8")
    (course.NOTEBOOKS / "02_new.ipynb").write_text("{}", encoding="utf-8")
    assert course.main(["copy"]) == 0
    assert own.read_text(encoding="utf-8") == "mijn eigen werk"
    assert (course.OWN_COPY / "02_new.ipynb").exists()
    assert "Niet overschreven" in capsys.readouterr().out


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
