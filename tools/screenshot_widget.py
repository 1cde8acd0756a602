"""Write the rendered chart of one registered widget to docs/widget.png (for the README).

Headless: builds the widget with its example data (``@register_widget(example=...)``),
optionally sets some controls, and saves the PNG bytes of its ``widgets.Image`` -
exactly what a student sees in JupyterLab.

    .venv/bin/python tools/screenshot_widget.py                      # clv_explorer (or nps_explorer)
    .venv/bin/python tools/screenshot_widget.py nps_explorer --set passief=10 --dpi 110
    .venv/bin/python tools/screenshot_widget.py --list
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "docs" / "widget.png"
PREFERRED = ("clv_explorer", "nps_explorer")


def _value(text: str):
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def render(name: str | None = None, *, values: dict | None = None, dpi: int | None = None,
           style: str = "course") -> tuple[str, bytes]:
    """Build a registered widget and return (name, PNG bytes of its chart)."""
    import matplotlib

    import salesnb
    import salesnb.widgets  # noqa: F401  (fills the registry)
    from salesnb.widgets._base import registered_widgets

    specs = registered_widgets()
    if name is None:
        name = next((n for n in PREFERRED if n in specs), None) or sorted(specs)[0]
    if name not in specs:
        raise SystemExit(f"unknown widget {name!r}; registered: {', '.join(sorted(specs))}")
    with matplotlib.rc_context():
        salesnb.use_style(style)
        widget = specs[name].func(**specs[name].example())
        if dpi:
            widget.figure.set_dpi(dpi)
            widget._background = None
            widget.image.value = widget._render_png()
        if values:
            widget.set(**values)
        if widget.error:
            raise SystemExit(f"{name}: {widget.error}")
        return name, bytes(widget.image.value)


def main(argv=None) -> Path:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", nargs="?", help="registered widget function name")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--set", action="append", default=[], metavar="CONTROL=VALUE",
                        help="set a control before rendering (repeatable)")
    parser.add_argument("--dpi", type=int, default=110, help="resolution (the widget uses 80)")
    parser.add_argument("--style", default="course", choices=["course", "presentation"])
    parser.add_argument("--list", action="store_true", help="list the registered widgets")
    args = parser.parse_args(argv)
    if args.list:
        import salesnb.widgets  # noqa: F401
        from salesnb.widgets._base import registered_widgets

        print("\n".join(sorted(registered_widgets())))
        return args.out
    values = dict(item.split("=", 1) for item in args.set)
    values = {k: _value(v) for k, v in values.items()}
    name, png = render(args.name, values=values, dpi=args.dpi, style=args.style)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(png)
    print(f"{name}: {len(png):,} bytes -> {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return args.out


if __name__ == "__main__":
    main(sys.argv[1:])
