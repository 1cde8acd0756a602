"""Slider explorations: one module per theme (``widgets/<theme>.py``).

Each exploration is a function returning a ready :class:`ChartExplorer`
(ipywidgets 8) built with the redraw mechanism of :mod:`salesnb.widgets._base`
(read its docstring to add a widget).

A new widget module must be imported here, with its ``__all__``: importing it is what
registers its widgets (``@register_widget``) for the generic tests and the benchmark,
and tests/test_package.py fails for a module this package does not import.

>>> import salesnb.widgets as w
>>> w.demo_explorer().result
{'omzet': 5000.0}
"""

from types import ModuleType as _ModuleType

from ._base import (  # noqa: F401
    ChartExplorer, register_widget, registered_widgets, WidgetSpec, slider, int_slider, percent_slider,
    euro_slider, dropdown, readout_html, value_text, demo_explorer
)

from .satisfaction import (  # noqa: F401
    nps_explorer, expectation_explorer
)

from .market import (  # noqa: F401
    market_explorer, share_identity_explorer
)

from .leads import (  # noqa: F401
    mql_threshold_explorer, bpkv_explorer, cold_call_explorer
)

from .proposition import (  # noqa: F401
    criteria_explorer, motive_explorer, pitch_explorer
)

from .funnel import (  # noqa: F401
    sales_plan_explorer, funnel_explorer
)

from .portfolio import (  # noqa: F401
    clv_explorer, pyramid_quota_explorer, abc_explorer
)

from .accounts import (  # noqa: F401
    key_account_explorer, workload_explorer, wallet_goal_explorer, FORM_OPTIONS
)

from .process import (  # noqa: F401
    adoption_explorer, temperature_explorer, retention_action_explorer
)

__all__ = sorted(name for name, value in dict(globals()).items()
                 if not name.startswith("_") and not isinstance(value, _ModuleType))
