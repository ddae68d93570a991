"""What-if scenarios (情景): define, keep, apply and compare them with the baseline (issue 14).

Qt-free.  :mod:`.model` — :class:`Scenario`, :class:`Change` and the ``scenarios`` table rows;
:mod:`.apply` — :func:`run_scenario` and :func:`compare`; :mod:`.seeds` — the demo's ready-made ones.
"""
from desktop.core.scenarios.apply import (  # noqa: F401
    COMPARE_COLUMNS,
    apply_scenario,
    compare,
    compare_many,
    run_scenario,
    scenario_params,
    shocks_of,
)
from desktop.core.scenarios.model import (  # noqa: F401
    CHANGE_TYPES,
    Change,
    Scenario,
    find,
    free_name,
    from_rows,
    to_rows,
)
