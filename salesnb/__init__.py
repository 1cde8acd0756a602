"""salesnb: the notebook companion to the Dutch introductory sales course.

The package computes every number the notebooks show. Calculation functions live in one
module per course theme; the names a notebook or a student uses are imported here,
explicitly, so ``salesnb.<Tab>`` shows the public surface and nothing else::

    >>> import salesnb
    >>> salesnb.nps([10, 9, 6])
    33.33333333333333

A new public name goes into its module's ``__all__`` and into the imports below
(tests/test_package.py fails until it is). Infrastructure stays in its module:
``salesnb.data.write_csvs()``, ``salesnb.data.DATA_DIR``, ``salesnb.offerte.output_dir()``.
The teacher's grading (:mod:`salesnb.grading`) is not imported.

Charts (:mod:`salesnb.plots`), slider widgets (:mod:`salesnb.widgets`), the
self-checking exercises (:mod:`salesnb.exercises`) and the chart style
(:mod:`salesnb.style`) are loaded on first use, so that ``import salesnb`` stays fast
and never imports matplotlib or ipywidgets.
"""

from importlib import import_module as _import_module
from types import ModuleType as _ModuleType

# exceptions a student can see
from .errors import (  # noqa: F401
    SalesnbError, InputError, ColumnError, ProblemsError, OwnDataError, AnswerError, OfferteError,
    OwnCompanyError
)

# the course's fixed lists
from .vocabulary import (  # noqa: F401
    COMPANY, OWN_NAME, REGIONS, SECTORS, SIZE_CLASSES, CUSTOMER_STATUSES, PRODUCT_GROUPS, LEAD_SOURCES,
    CAMPAIGN_CHANNELS, LEAD_CHANNELS, RELATION_CHANNELS, LEAD_STAGES, LEAD_FUNNEL_STAGES, MQL_THRESHOLD, OPPORTUNITY_STAGES,
    OPEN_STAGES, FUNNEL_STAGES, STAGE_PROBABILITY, OPPORTUNITY_OUTCOMES, SABONE, MOTIVES, MOTIVE_TYPES,
    BUYING_SITUATIONS, DMU_ROLES, TEAM_MEMBERS, ACCOUNT_MANAGER_ROLES, TEMPERATURES, KAM_STAGES,
    NPS_MOMENTS, COMPLAINT_CATEGORIES, COMPETITORS, BUYER_TYPES, CONTRACT_TYPES, PROCEDURES, AWARD_CRITERIA,
    THRESHOLD_CATEGORIES, BUYER_CATEGORY, EU_THRESHOLDS
)

# the sample company's data
from .data import (  # noqa: F401
    DEFAULT_SEED, TABLES, REFERENCE_DATE, load, load_all, use_seed, current_seed
)

# a personal dataset from the hub login
from .login import (  # noqa: F401
    seed_for_user, use_user
)

# Dutch numbers and tables
from .display import (  # noqa: F401
    format_number, format_decimal, format_euro, format_percent, format_points, format_nps, format_date, yes_no, plural, dutch_list,
    show_table
)

# H1
from .satisfaction import (  # noqa: F401
    NPS_GROUPS, nps, nps_breakdown, nps_groups, nps_by, SATISFACTION_CLASSES, satisfaction_gap,
    satisfaction_class, satisfaction_table, service_recovery, RELATIONSHIP_STAGES, relationship_status,
    relationship_counts, VALUE_STRATEGIES, value_strategy_fit, value_strategy_indicators, CRM_TYPES,
    COMPANY_CRM_DATA, crm_data_map, complaint_followup, service_recovery_findings, complaint_followup_finding
)

# H2
from .market import (  # noqa: F401
    market_potential, market_size, saturation, remaining_demand, market_share, relative_market_share,
    penetration_rate, spending_index, market_table, SMART_CRITERIA, smart_check, split_target,
    revenue_vs_target, target_overview, top_down_bottom_up, ABCD_FACTORS, abcd_table, abcd_findings,
    swot_table
)

# H3
from .leads import (  # noqa: F401
    COLD_CALL_STAGES, BANT_CRITERIA, EUROPEAN_PROCEDURES, COLD_CALL_COLUMNS, stage_counts, funnel_by_source,
    source_costs, compare_cost_per_customer, ctr, landing_page_conversion, cost_per_lead, campaign_metrics, is_mql, mql_tradeoff,
    bant_qualification, nurturing_summary, ratio_chain, calls_needed, cold_call_chain, eu_threshold,
    procedure_choice, tender_thresholds, bpkv_scores, tender_results, own_win_rate, own_wins_by_weight
)

# H4
from .proposition import (  # noqa: F401
    REASON_MOTIVES, PRODUCT_LEVELS, CIALDINI, buying_motives, motive_of, motive_profile, motives_in_reasons,
    win_rate_by_motive, sales_argument, sellogram, sellogram_argument, customer_pitch, COMPANY_USPS, usp_vs_ubr,
    cialdini_examples, case_offers, CASE_WEIGHTS, weights_checked, weighted_criteria, winning_offer,
    usp_findings, ubr_findings
)

# H5
from .funnel import (  # noqa: F401
    BUYING_PHASES, VAN_WEELE_STEPS, buygrid_table, buygrid_class, ceil_exact, sales_plan, weekly_activities,
    plan_inputs, plan_summary, ORDER_BASES, hit_rate, win_rate, weighted_pipeline, stage_conversion, funnel_counts,
    stage_reached, opportunity_funnel, stage_win_chance, pipeline_by_stage, funnel_metrics,
    average_deal_size, sales_cycle, sales_velocity, DMU_STATES, dmu_per_opportunity, win_rate_by_dmu,
    dmu_role_findings
)

# H6
from .portfolio import (  # noqa: F401
    PYRAMID_LAYERS, LAYER_STRATEGIES, BONOMA_SHAPIRO, RELATIONSHIP_PHASES, RELATIONSHIP_STRATEGIES, clv,
    clv_table, segment_clv_inputs, clv_per_segment, clv_cac_ratio, retention_rate, abc_classes, abc_summary,
    lorenz_points, gini, customer_revenue, customer_pyramid, quota_layers, split_prospects, pyramid_summary,
    pyramid_strategy, pyramid_migration, migration_moves, rfm_scores, rfm_grid, segment_summary,
    relationship_phase, phase_summary
)

# H7
from .accounts import (  # noqa: F401
    share_of_wallet, value_tiers, visits_needed, ACCOUNT_FORMS, KEY_THRESHOLD, MAJOR_THRESHOLD,
    assign_account_managers, manager_workload, workload_inequality, compare_forms, criterion_score,
    weighted_score, key_account_matrix, KAM_STAGE_DESCRIPTIONS, kam_stage_summary, dmu_coverage, QUADRANTS,
    VISITS_PER_YEAR
)

# the sample company's tables for the notebooks
from .sample_company import (  # noqa: F401
    ATTRACTIVENESS, STRENGTH, CUTOFF_1_10, COMPANY_FORMS, account_table, manager_roles, key_account_scores,
    key_account_example, company_key_accounts, account_dmu_coverage, account_facts, plan_account,
    sample_offerte
)

# stappenplan verkoopproces
from .process import (  # noqa: F401
    ADOPTION_SEGMENTS, adoption_segments, next_adoption_segment, adoption_target, segment_table, choose_target_market,
    prospect_temperature, temperature_counts, channel_table, usp_table, COMPETITOR_ANALYSIS, COMPETITOR_LOWER_IS_BETTER, CRITERIA,
    competitor_usps, competitor_check, usp_from_deals, deal_usp_findings, deal_usp_verdicts, nps_after_purchase,
    co_purchase, cross_sell_candidates, FOLLOW_UP_STEPS, follow_up_schedule, cohort_retention,
    retention_revenue, RETENTION_ACTIONS, retention_action_value, DUTCH_HOLIDAYS
)

# the student's own company
from .own_company import (  # noqa: F401
    EXAMPLE_OWN_COMPANY, EXAMPLE_PHASES, SalesPlan, validate_own_company, own_company_prospects,
    own_company_offerte, own_company_plan
)

# the quotation
from .offerte import (  # noqa: F401
    Offerte, make_offerte, euro, VAT_RATES, KOR, PERIODS, TERMS_TITLE, terms_text, seller_from_company,
    offerte_lines, offerte_for, prospect_address, display_path
)

# the accountplan document
from .documents.accountplan import (  # noqa: F401
    AccountFacts, AccountPlan, MIN_NPS_ANSWERS, account_plan, plan_html
)

# the verslag (Word)
from .documents.verslag import (  # noqa: F401
    write_verslag
)

# a student's own data files
from .owndata import (  # noqa: F401
    read_own_data, validate_own_data, neutralise_formulas, to_csv_safe, to_excel_safe, write_examples,
    EXAMPLE_COLUMN_NAMES
)

# comparisons that survive noise
from .evidence import (  # noqa: F401
    Comparison, compare_estimates, compare_rates, compare_means, compare_nps, verdict_log,
    clear_verdict_log, MIN_COUNT, Z_MARGIN
)

# the course's glossary
from .glossary import (  # noqa: F401
    Term, GLOSSARY, glossary_terms, glossary_table, glossary_markdown, preferred_term, find_variants,
    GLOSSARY_CHAPTERS
)

__all__ = sorted(name for name, value in dict(globals()).items()
                 if not name.startswith("_") and not isinstance(value, _ModuleType))

__version__ = "0.1.0"

# Loaded on first attribute access: these pull in matplotlib or ipywidgets.
_LAZY_MODULES = {"plots", "widgets", "exercises", "style"}
_LAZY_NAMES = {
    "use_style": "style",
    "check": "exercises",
    "hint": "exercises",
    "solution": "exercises",
    "exercise": "exercises",
    "teacher_view": "exercises",
}


def __getattr__(name: str):
    if name in _LAZY_MODULES:
        return _import_module(f".{name}", __name__)
    if name in _LAZY_NAMES:
        return getattr(_import_module(f".{_LAZY_NAMES[name]}", __name__), name)
    raise AttributeError(f"module 'salesnb' has no attribute {name!r}")


def __dir__():
    modules = {name for name, value in globals().items() if isinstance(value, _ModuleType)
               and not name.startswith("_") and name != "grading"}
    return sorted(set(__all__) | modules | _LAZY_MODULES | set(_LAZY_NAMES) | {"__version__"})
