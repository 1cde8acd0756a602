"""One term per concept: the glossary (salesnb/glossary.py) is the one source of the begrippenlijsten, and no
notebook Markdown or package string uses a variant the glossary lists as not-to-use."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

import salesnb
from salesnb.glossary import GLOSSARY, GLOSSARY_CHAPTERS, find_variants, glossary_markdown, glossary_terms

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0[0-8]_*.ipynb"))
CHAPTER_NOTEBOOKS = [p for p in NOTEBOOKS if not p.name.startswith("00")]


def test_every_textbook_chapter_has_terms_and_every_term_is_defined_once():
    assert {"H1", "H2", "H3", "H4", "H5", "H6", "H7"} <= set(GLOSSARY_CHAPTERS)
    terms = [t.term.casefold() for t in GLOSSARY]
    assert len(terms) == len(set(terms)), "a term is defined twice"
    for t in GLOSSARY:
        assert t.definition.strip() and t.section.startswith(f"§{t.chapter[1:]}.")
        for variant in t.avoid:
            assert variant.casefold() not in terms, f"{variant!r} is both a term and a variant"
        assert not find_variants(t.term + " " + t.definition), f"{t.term}: its own entry uses a variant"


def test_the_begrippenlijst_is_rendered_from_the_glossary():
    table = salesnb.glossary_table("H3")
    assert table.cells["begrip"].tolist() == [t.term for t in glossary_terms(3)]
    assert "| cold / warm / hot prospect |" in glossary_markdown("H3")
    with pytest.raises(salesnb.InputError, match="Kies uit"):
        salesnb.glossary_table("H12")


@pytest.mark.parametrize("path", CHAPTER_NOTEBOOKS, ids=lambda p: p.name[:2])
def test_each_chapter_notebook_draws_its_begrippenlijst_from_the_glossary(path):
    chapter = f"H{int(path.name[:2])}"
    nb = nbformat.read(path, as_version=4)
    calls = [c for c in nb.cells if c.cell_type == "code" and "glossary_table(" in c.source]
    assert calls and f'glossary_table("{chapter}")' in calls[0].source
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "## Begrippenlijst" in cell.source:
            after = cell.source.split("## Begrippenlijst", 1)[1]
            assert "|---|" not in after.split("\n## ", 1)[0], f"{path.name}: a hand-made begrippenlijst table"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name[:2])
def test_notebook_markdown_uses_one_term_per_concept(path):
    nb = nbformat.read(path, as_version=4)
    found = [(i, word, term) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
             for word, term in find_variants(c.source)]
    assert not found, f"{path.name}: write the glossary term instead: {found}"


def _string_literals(path: Path):
    """The string constants of a module, docstrings left out (those are English documentation)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_package_strings_use_one_term_per_concept():
    found = []
    for path in sorted((ROOT / "salesnb").rglob("*.py")):
        if path.name == "glossary.py":
            continue
        for line, text in _string_literals(path):
            # Column names and identifiers inside strings (snake_case) are code, not prose.
            prose = re.sub(r"\b\w+_\w+\b", " ", text)
            found.extend((str(path.relative_to(ROOT)), line, word, term) for word, term in find_variants(prose))
    assert not found, f"write the glossary term instead: {found}"
