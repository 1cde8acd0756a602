"""Documents a student takes out of the notebook: the offerte, the accountplan, the verslag.

A document is its content, computed into a dataclass by the theme or money module, plus
renderers here that turn that content into HTML, PDF or Word. All HTML goes through
:mod:`salesnb.documents._html` (one escape, one table, one CSS); the PDF layout lives in
:mod:`salesnb.documents._pdf`.
"""
