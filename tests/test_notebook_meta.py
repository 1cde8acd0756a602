"""Rules every stored notebook follows (nbval itself compares the outputs)."""

import ast
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
IGNORE_TAG = "nbval-ignore-output"
ALL_NBVAL_TAGS = {IGNORE_TAG, "nbval-skip", "nbval-raise", "nbval-check-output", "nbval-ignore-stdout"}
MAX_LOGIC_LINES = 12

# Every § of the textbook has its own section in its chapter's notebook.
CHAPTER_SECTIONS = {1: 5, 2: 2, 3: 4, 4: 3, 5: 4, 6: 4, 7: 9}
EXPECTED = ["00_start.ipynb"] + [f"0{n}_" for n in range(1, 10)]


def notebooks():
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def test_all_notebooks_are_there():
    names = [p.name for p in notebooks()]
    for prefix in EXPECTED:
        assert any(name.startswith(prefix) for name in names), f"missing notebook {prefix}*"


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_stored_executed_in_order_without_errors(path):
    cells = [c for c in load(path)["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in cells if source(c).strip()]
    assert counts == list(range(1, len(counts) + 1)), "run top to bottom in a fresh kernel"
    for cell in cells:
        for output in cell["outputs"]:
            assert output["output_type"] != "error", source(cell)[:80]
            assert output.get("name") != "stderr" or not re.search(
                r"Traceback|Error", "".join(output.get("text", ""))), source(cell)[:80]


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_only_live_widget_cells_are_excused_from_comparison(path):
    for cell in load(path)["cells"]:
        tags = set(cell.get("metadata", {}).get("tags", []))
        assert tags <= ALL_NBVAL_TAGS | {"parameters", "eigen-invoer", "hide-input"}, tags
        assert not (tags & (ALL_NBVAL_TAGS - {IGNORE_TAG})), f"unexpected nbval tag in {source(cell)[:60]}"
        if cell["cell_type"] != "code":
            continue
        shows_widget = any(WIDGET_MIME in o.get("data", {}) for o in cell["outputs"])
        assert (IGNORE_TAG in tags) == shows_widget, (
            f"tag {IGNORE_TAG} only (and always) on cells that show a live widget: {source(cell)[:80]}"
        )


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_cells_stay_short_and_import_the_installed_package(path):
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        text = source(cell)
        assert "sys.path" not in text, "notebooks import the installed package, never via sys.path"
        if "eigen-invoer" in cell.get("metadata", {}).get("tags", []):
            continue  # the student's own data entry (a plain dict), not logic
        # lines of logic are statements: a call wrapped over several lines to fit the cell is one
        python = "\n".join("" if l.lstrip().startswith(("%", "!")) else l for l in text.splitlines())
        logic = [node for node in ast.walk(ast.parse(python)) if isinstance(node, ast.stmt)]
        assert len(logic) <= MAX_LOGIC_LINES, f"cell longer than {MAX_LOGIC_LINES} lines: {text[:80]}"


@pytest.mark.parametrize("chapter,sections", CHAPTER_SECTIONS.items())
def test_chapter_notebooks_have_a_section_per_paragraph(chapter, sections):
    (path,) = NOTEBOOKS.glob(f"0{chapter}_*.ipynb")
    markdown = "\n".join(source(c) for c in load(path)["cells"] if c["cell_type"] == "markdown")
    for section in range(1, sections + 1):
        assert re.search(rf"^##\s+§?\s*{chapter}\.{section}\s", markdown, re.MULTILINE), (
            f"{path.name} has no '## {chapter}.{section} ...' heading"
        )
    for heading in ("leerdoelen", "samenvatting", "begrippenlijst", "opdrachten"):
        assert re.search(rf"^#+ .*{heading}", markdown, re.MULTILINE | re.IGNORECASE), heading


MAX_CODE_LINE = 110  # characters: wider lines run past the cell edge in JupyterLab at 1400 px


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_code_lines_fit_the_cell(path):
    for index, cell in enumerate(load(path)["cells"]):
        if cell["cell_type"] != "code":
            continue
        for line in source(cell).splitlines():
            assert len(line) <= MAX_CODE_LINE, f"cell {index}: line of {len(line)} characters: {line[:60]}"
