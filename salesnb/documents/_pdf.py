"""A4 PDF layout with matplotlib text: a cursor that moves down and starts a new page when a
block does not fit, so long text runs on over as many pages as it needs (never cut off).

Nothing is imported from matplotlib until a page is made; global rc settings never change
(:func:`save` uses a local ``rc_context``).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["A4", "CORE_FONT", "EMBEDDED_FONT", "LINE", "LEFT", "RIGHT", "Layout", "fits_core_font",
           "save"]

A4 = (8.27, 11.69)
#: (family, weight of normal text). Helvetica's AFM metrics say "Medium": asking for "normal"
#: would make matplotlib log a font-weight warning for every text.
CORE_FONT = ("Helvetica", "medium")
EMBEDDED_FONT = ("DejaVu Sans", "normal")
#: Height of one line of 9 pt text, as a fraction of the page height.
LINE = 0.0155
LEFT, RIGHT = 0.08, 0.92
_TOP, _TOP_NEXT, _BOTTOM = 0.95, 0.94, 0.06


def fits_core_font(texts: Iterable[str]) -> bool:
    """Whether every text can be drawn in a PDF core font (cp1252: Dutch, €, ë, but no Ł or →).

    >>> fits_core_font(["Café Zoë €"]), fits_core_font(["Łódź"])
    (True, False)
    """
    try:
        for text in texts:
            str(text).encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


class Layout:
    """Pages of A4 with a cursor ``y`` (1 = top, 0 = bottom of the page).

    ``running_head`` is printed small at the top of every page after the first; ``on_new_page``
    is called after a page break (to repeat a table header, say). :meth:`paragraph` and
    :meth:`lines` break to a new page whenever the next line would fall below the bottom margin.

    >>> layout = Layout(running_head="Offerte 1 (vervolg)")
    >>> layout.paragraph("woord " * 3000, width=100)
    >>> pages = layout.finish()
    >>> len(pages) >= 3, sum(t.get_text().count("woord") for p in pages for t in p.axes[0].texts)
    (True, 3000)
    """

    def __init__(self, *, font=EMBEDDED_FONT, running_head: str | None = None,
                 bottom: float = _BOTTOM):
        self.font = font
        self.running_head = running_head
        self.bottom = bottom
        self.on_new_page: Callable[[], None] | None = None
        self.pages: list = []
        self.ax = None
        self.y = _TOP
        self._add_page()

    def _add_page(self) -> None:
        from matplotlib.figure import Figure

        fig = Figure(figsize=A4)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        self.pages.append(fig)
        self.ax = ax
        self.y = _TOP

    def new_page(self) -> None:
        """Start a new page (with the running head and the ``on_new_page`` hook)."""
        self._add_page()
        if self.running_head:
            self.text(LEFT, self.running_head, y=0.965, size=7, color="#555")
            self.y = _TOP_NEXT
        if self.on_new_page is not None:
            self.on_new_page()

    def room(self, height: float) -> None:
        """Make sure ``height`` fits below the cursor; otherwise start a new page."""
        if self.y - height < self.bottom:
            self.new_page()

    def down(self, lines: float = 1.0, size: float = 9) -> None:
        """Move the cursor down by ``lines`` lines of ``size`` pt text."""
        self.y -= lines * LINE * size / 9

    def text(self, x: float, text, *, y: float | None = None, size: float = 9, weight: str = "normal",
             **kwargs):
        """Draw one text at ``x`` and the cursor (or ``y``), literally (no ``$`` math)."""
        kwargs.setdefault("va", "top")
        if weight == "normal":
            weight = self.font[1]
        return self.ax.text(x, self.y if y is None else y, str(text), parse_math=False,
                            family=self.font[0], fontsize=size, fontweight=weight, **kwargs)

    def rule(self, x0: float = LEFT, x1: float = RIGHT, *, offset: float = 0.0, lw: float = 0.8) -> None:
        """A horizontal line at the cursor (plus ``offset``)."""
        self.ax.plot([x0, x1], [self.y + offset] * 2, color="black", lw=lw)

    def lines(self, x: float, parts: Iterable[str], *, size: float = 9, weight: str = "normal",
              **kwargs) -> None:
        """Draw lines one below the other, breaking to a new page where needed."""
        for part in parts:
            self.room(LINE * size / 9)
            self.text(x, part, size=size, weight=weight, **kwargs)
            self.down(1, size)

    def paragraph(self, text, *, x: float = LEFT, width: int = 100, size: float = 9,
                  weight: str = "normal", **kwargs) -> None:
        """Wrap ``text`` at ``width`` characters and draw it over as many pages as it needs."""
        parts = []
        for block in str(text).split("\n"):
            parts.extend(textwrap.wrap(block, width) or [""])
        self.lines(x, parts, size=size, weight=weight, **kwargs)

    def finish(self) -> list:
        """Number the pages ("pagina 1 van 3") and return the figures."""
        for number, page in enumerate(self.pages, start=1):
            page.axes[0].text(0.5, 0.025, f"pagina {number} van {len(self.pages)}", ha="center",
                              va="bottom", fontsize=7.5, color="#555", parse_math=False,
                              family=self.font[0], fontweight=self.font[1])
        return self.pages


def save(pages: list, path, *, title: str, core_font: bool) -> Path:
    """Write the pages to one PDF; ``core_font`` draws Helvetica without embedding a font file.

    >>> layout = Layout(font=CORE_FONT)
    >>> layout.paragraph("Hallo")
    >>> save(layout.finish(), getfixture("tmp_path") / "x.pdf", title="x", core_font=True).suffix
    '.pdf'
    """
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context({"pdf.use14corefonts": core_font}), \
            PdfPages(path, metadata={"Title": title, "Creator": "salesnb"}) as pdf:
        for page in pages:
            pdf.savefig(page)
    return path
