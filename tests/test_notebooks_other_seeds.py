"""Every notebook also runs on five other datasets: the narrative must not depend on one dataset.

Each run is a fresh kernel with SALESNB_SEED set. For the course notebooks 01–07 the test also
reads what the notebook printed: every printed line with a comparative word ("het hoogst",
"het vaakst", "zichtbaar", ...) must be a sentence that :mod:`salesnb.evidence` wrote in that
kernel (the helper's verdict log is read from the kernel after the last cell), unless the cell
says why no noise applies (a comment ``# geen steekproef: <why>``: the whole population, a
calculation, two ways of dividing the same customers). A printed claim that bypasses the helper,
and so may state a difference the helper would reject, fails the test.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SEEDS = (1, 7, 99, 2024, 31415)
#: Notebooks whose printed comparisons must come from the helper.
CHECKED = tuple(f"{n:02d}_" for n in range(1, 8))
NO_SAMPLE = "# geen steekproef:"
LOG_MARK = "@@salesnb-verdicts@@"

COMPARATIVE = re.compile(
    r"\b(hoogste?|laagste?(?! (?:prijs|kosten)\b)|vaakst|langste?|kortste?|zwakste?|sterkste?|zichtbaar"
    r"|duidelijk (?:hoger|lager|vaker|meer|minder|onder|boven)"
    r"|is (?:hoger|lager|groter|kleiner) (?:bij|dan|als|na|voor))\b",
    re.IGNORECASE,
)


def unbacked_comparisons(cells, verdicts) -> list[str]:
    """Printed lines with a comparative word that no helper sentence backs, as 'cell i: line'.

    ``cells`` are notebook cells (dicts with cell_type, source, outputs); ``verdicts`` the
    entries of :func:`salesnb.evidence.verdict_log` from the same kernel.

    >>> cell = {"cell_type": "code", "source": "print(x)", "outputs": [
    ...     {"output_type": "stream", "name": "stdout", "text": "Het vaakst ontbreekt budget (31,9%).\\n"}]}
    >>> unbacked_comparisons([cell], [])
    ['cell 0: Het vaakst ontbreekt budget (31,9%).']
    >>> cell["outputs"][0]["text"] = "  laagste prijs: 3 van 11 gewonnen\\n"   # the award criterion, no claim
    >>> unbacked_comparisons([cell], [])
    []
    >>> said = "Het aandeel is het hoogst bij a (50,0%); de rest ligt duidelijk lager."
    >>> cell["outputs"][0]["text"] = "  " + said + "\\n"
    >>> unbacked_comparisons([cell], [{"sentence": said, "clear": True, "claims": True}])
    []
    """
    sentences = [v["sentence"] for v in verdicts]
    problems = []
    for i, cell in enumerate(cells):
        if cell.get("cell_type") != "code" or NO_SAMPLE in "".join(cell.get("source", "")):
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") != "stream":
                continue
            text = output.get("text", "")
            text = "".join(text) if isinstance(text, list) else text
            for line in text.splitlines():
                if LOG_MARK in line or not COMPARATIVE.search(line):
                    continue
                if not any(s in line for s in sentences):
                    problems.append(f"cell {i}: {line.strip()}")
    return problems


def _execute(path: Path, seed: int):
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import json as _json, salesnb.evidence as _evidence\n"
        f"print({LOG_MARK!r} + _json.dumps(_evidence.verdict_log()))"))
    env = {**os.environ, "SALESNB_SEED": str(seed)}
    env.pop("SALESNB_TEACHER", None)
    nbclient.NotebookClient(nb, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute(env=env)
    log_text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("output_type") == "stream")
    verdicts = json.loads(log_text.split(LOG_MARK, 1)[1]) if LOG_MARK in log_text else []
    return nb.cells[:-1], verdicts


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_another_dataset(path, seed):
    cells, verdicts = _execute(path, seed)  # a failing cell raises CellExecutionError
    if path.name.startswith(CHECKED):
        problems = unbacked_comparisons(cells, verdicts)
        assert not problems, (
            f"{path.name} (seed {seed}) prints comparisons that salesnb.evidence did not write "
            "(route them through compare_rates/compare_means/compare_nps, or mark a cell without noise "
            f"with '{NO_SAMPLE} <why>'):\n" + "\n".join(problems))


def test_the_check_catches_a_claim_the_helper_rejected():
    from salesnb.evidence import compare_rates

    c = compare_rates([96, 93], [301, 302], ["budget", "authority"])
    verdict = {"sentence": c.sentence("het aandeel MQL's waarbij het criterium ontbreekt", only="high"),
               "clear": c.clear, "claims": False}
    claim = f"Het vaakst ontbreekt '{c.highest}' ({c.estimate(c.highest):.1%} van de MQL's)."
    cell = {"cell_type": "code", "source": "print(...)",
            "outputs": [{"output_type": "stream", "name": "stdout", "text": verdict["sentence"] + "\n" + claim + "\n"}]}
    assert unbacked_comparisons([cell], [verdict]) == [f"cell 0: {claim}"]
    cell["source"] = NO_SAMPLE + " hele populatie\nprint(...)"
    assert unbacked_comparisons([cell], [verdict]) == []
