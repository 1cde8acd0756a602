"""Re-export the public names of a package's modules (used by salesnb and its subpackages)."""

from __future__ import annotations

import importlib
import importlib.util


def reexport(package: str, modules, namespace: dict, exported: list, *, optional: bool = False) -> None:
    """Import ``package.<module>`` for each module and copy the names in its ``__all__``
    into ``namespace`` and the list ``exported``.

    ``optional=True`` passes over modules that do not exist, so that a theme package can
    grow one module at a time without registering it anywhere.

    >>> namespace, exported = {}, []
    >>> reexport("salesnb", ["errors"], namespace, exported)
    >>> "InputError" in exported and namespace["InputError"].__name__
    'InputError'
    """
    for name in modules:
        if optional and importlib.util.find_spec(f"{package}.{name}") is None:
            continue
        module = importlib.import_module(f".{name}", package)
        for public in getattr(module, "__all__", []):
            namespace[public] = getattr(module, public)
            if public not in exported:
                exported.append(public)
