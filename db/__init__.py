"""Persistence: models, engines and sessions, migrations, the event log and counters.

The tables are declared in several modules on one ``Base``; importing the package loads them
all, in dependency order, so that ``Base.metadata`` (read by Alembic, the fixtures and every
relationship) is complete whichever module a caller imports first.
"""

from db import models  # noqa: F401  (isort: skip)
from db import case_models, court_models, window_models  # noqa: F401  (isort: skip)
from db import court_limit_models, figure_models  # noqa: F401  (isort: skip)
from db import device_models  # noqa: F401  (isort: skip)
from db import ledger_models  # noqa: F401  (isort: skip)
from db import appointment_models  # noqa: F401  (isort: skip)
from db import lookup  # noqa: F401  (isort: skip)
from db import mechanism_models  # noqa: F401  (isort: skip)
from db import account_models  # noqa: F401  (isort: skip)
from db import summary_index  # noqa: F401  (isort: skip)
