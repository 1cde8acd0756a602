"""The package's namespace: every theme's public names reach salesnb.<name> unambiguously."""

import importlib
from collections import Counter

import salesnb


def theme_exports():
    exports = {}
    for theme in ("errors",) + salesnb._THEMES:
        module = importlib.import_module(f"salesnb.{theme}")
        exports[theme] = list(module.__all__)
    return exports


def test_no_two_themes_export_the_same_name():
    counts = Counter(name for names in theme_exports().values() for name in names)
    clashes = {name: [t for t, names in theme_exports().items() if name in names]
               for name, n in counts.items() if n > 1}
    assert not clashes, f"names exported by more than one theme (one silently hides the other): {clashes}"


def test_every_exported_name_is_the_themes_own_object():
    for theme, names in theme_exports().items():
        module = importlib.import_module(f"salesnb.{theme}")
        for name in names:
            assert getattr(salesnb, name) is getattr(module, name), f"salesnb.{name} is not {theme}.{name}"


def test_every_public_function_has_a_docstring_with_an_example():
    missing = []
    for theme, names in theme_exports().items():
        module = importlib.import_module(f"salesnb.{theme}")
        for name in names:
            obj = getattr(module, name)
            if callable(obj) and not isinstance(obj, type) and getattr(obj, "__module__", "").startswith("salesnb"):
                if ">>>" not in (obj.__doc__ or ""):
                    missing.append(f"{theme}.{name}")
    assert not missing, f"public functions without a docstring example: {missing}"
