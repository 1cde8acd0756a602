"""Charts for the course pictures: one module per theme (``plots/<theme>.py``).

Every chart function takes ``ax=None``, draws on it and returns the Axes, with
Dutch labels and the Okabe–Ito palette. The shared helpers are in
:mod:`salesnb.plots._base` (read its docstring to add a chart).

A new chart module must be imported here, with its ``__all__``: importing it is what
registers its charts (``@register_plot``) for the generic tests, and
tests/test_package.py fails for a module this package does not import.

>>> import salesnb.plots as plots
>>> callable(plots.get_ax)
True
"""

from types import ModuleType as _ModuleType

from ._base import (  # noqa: F401
    get_ax, register_plot, registered_plots, PlotSpec, PALETTE, HATCHES, OKABE_ITO, COLOR_POSITIVE,
    COLOR_NEUTRAL, COLOR_NEGATIVE, COLOR_HIGHLIGHT, COLOR_MUTED, euro_formatter, percent_formatter,
    number_formatter, set_euro_axis, set_percent_axis, set_number_axis, label_bars, legend_above,
    legend_below, format_euro, format_percent, format_number, format_nps
)

from .satisfaction import (  # noqa: F401
    plot_nps_distribution, plot_expectation_experience, plot_service_recovery, plot_relationship_cycle
)

from .market import (  # noqa: F401
    plot_market_shares, plot_market_layers, plot_share_identity, plot_revenue_vs_target
)

from .leads import (  # noqa: F401
    plot_funnel_by_source, plot_lead_funnel, plot_mql_tradeoff, plot_ratio_chain, plot_bpkv
)

from .proposition import (  # noqa: F401
    plot_win_rate_by_motive, plot_motives_in_reasons, plot_criteria
)

from .funnel import (  # noqa: F401
    plot_funnel, plot_pipeline, plot_dmu_roles, plot_dmu_win_rate, plot_sales_plan
)

from .portfolio import (  # noqa: F401
    plot_pareto, plot_pyramid, plot_rfm_heatmap, plot_clv_retention, plot_pyramid_migration,
    plot_clv_segments
)

from .accounts import (  # noqa: F401
    plot_key_account_matrix, plot_dmu_coverage, plot_share_of_wallet, plot_workload
)

from .process import (  # noqa: F401
    plot_adoption_curve, plot_prospect_split, plot_channels, plot_cohort_retention, plot_cross_sell,
    plot_retention_actions
)

from .overview import (  # noqa: F401
    revenue_by_year, plot_revenue_by_year
)

__all__ = sorted(name for name, value in dict(globals()).items()
                 if not name.startswith("_") and not isinstance(value, _ModuleType))
