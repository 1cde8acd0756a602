"""salesnb.style: no global matplotlib state on import, course/presentation styles, palette.
(Dutch number formatting: tests/test_display.py.)"""

from __future__ import annotations

import json
import subprocess
import sys

import matplotlib
import pytest
from matplotlib.colors import to_rgb

from salesnb.errors import InputError
from salesnb.style import COLOR_NEGATIVE, COLOR_POSITIVE, HATCHES, OKABE_ITO, PALETTE, STYLES, use_style

_PROBE = r"""
import json, sys
import matplotlib
# dict.items: reading rcParams["backend"] through the mapping would itself import pyplot
before = {k: repr(v) for k, v in dict.items(matplotlib.rcParams)}
import salesnb
after_import = {k: repr(v) for k, v in dict.items(matplotlib.rcParams)}
pyplot_after_import = "matplotlib.pyplot" in sys.modules
import salesnb.style, salesnb.plots, salesnb.widgets, salesnb.exercises
salesnb.use_style  # lazy attribute
after_all = {k: repr(v) for k, v in dict.items(matplotlib.rcParams)}
print(json.dumps({
    "import_changed": sorted(k for k in before if before[k] != after_import[k]),
    "all_changed": sorted(k for k in before if before[k] != after_all[k]),
    "pyplot_after_import": pyplot_after_import,
    "pyplot_after_all": "matplotlib.pyplot" in sys.modules,
}))
"""


@pytest.fixture(scope="module")
def probe():
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_salesnb_changes_no_rcparams(probe):
    assert probe["import_changed"] == []
    assert probe["all_changed"] == [], "importing plots/widgets/exercises must not change rcParams"


def test_importing_salesnb_does_not_import_pyplot(probe):
    assert probe["pyplot_after_import"] is False
    assert probe["pyplot_after_all"] is False, "a plots/widgets module imports pyplot at import time"


def test_importing_salesnb_does_not_import_matplotlib():
    code = "import sys, salesnb; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.fixture
def restore_rc():
    with matplotlib.rc_context():
        yield


def test_presentation_is_larger_and_switches_back(restore_rc):
    use_style("course")
    course = {k: matplotlib.rcParams[k] for k in ("font.size", "axes.titlesize", "lines.linewidth")}
    use_style("presentation")
    assert matplotlib.rcParams["font.size"] >= 1.5 * course["font.size"]
    assert matplotlib.rcParams["axes.titlesize"] > course["axes.titlesize"]
    assert matplotlib.rcParams["lines.linewidth"] >= 1.5 * course["lines.linewidth"]
    use_style("course")
    assert {k: matplotlib.rcParams[k] for k in course} == course


def test_the_style_module_is_a_plain_module():
    import types

    import salesnb.style

    assert type(salesnb.style) is types.ModuleType, "no callable-module trick: use salesnb.use_style(...)"


def test_style_sets_the_okabe_ito_cycle(restore_rc):
    use_style()
    colors = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
    assert [c.lower() for c in colors] == [c.lower() for c in PALETTE]


def test_unknown_style_is_a_dutch_error(restore_rc):
    with pytest.raises(InputError, match="Onbekende stijl"):
        use_style("beamer")


def test_styles_only_use_valid_rcparams():
    for params in STYLES.values():
        for key in params:
            assert key in matplotlib.rcParams, key


def test_palette_is_okabe_ito():
    assert len(OKABE_ITO) == 8 and len(set(PALETTE)) == 8
    assert set(PALETTE) == set(OKABE_ITO.values())
    assert OKABE_ITO["oranje"].upper() == "#E69F00" and OKABE_ITO["blauw"].upper() == "#0072B2"
    assert to_rgb(COLOR_POSITIVE) != to_rgb(COLOR_NEGATIVE)
    assert len(set(HATCHES)) == len(HATCHES)
