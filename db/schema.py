"""Every table of the hall: importing this module declares all the model modules on ``Base``,
so that ``Base.metadata`` is complete (Alembic's comparison, the walk that encrypts every
encrypted column, a backup's counts, the tests that empty or list every table).

Importing one model module declares only it and what its foreign keys name; this one is for
what must see them all. ``tests/db/test_model_modules.py`` checks that every module declaring
tables is listed here.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from db import models  # (isort: skip)
from db import case_models, court_models, window_models  # noqa: F401  (isort: skip)
from db import court_limit_models, figure_models  # noqa: F401  (isort: skip)
from db import device_models  # noqa: F401  (isort: skip)
from db import ledger_models  # noqa: F401  (isort: skip)
from db import appointment_models  # noqa: F401  (isort: skip)
from db import mechanism_models  # noqa: F401  (isort: skip)
from db import account_models  # noqa: F401  (isort: skip)
from db import summary_index  # noqa: F401  (isort: skip)

# Declared here, on their tables, once every table is.
DIALECT_INDEXES = models.dialect_indexes()


def metadata() -> MetaData:
    """``Base.metadata`` with every table of the hall declared."""
    return models.Base.metadata
