"""Persistence: models, engines and sessions, migrations, the event log and counters.

The tables are declared in several modules on one ``Base`` (``db.models``). Importing the
package loads none of them: each model module imports the modules whose tables its foreign keys
and relationships name, so whichever a caller imports can be mapped and flushed on its own, and
a hardware caller's ``hall-admin queue call`` declares only the queue's tables. What needs every
table (Alembic, a backup's counts, the encryption walk, the tests' resets) imports
``db.schema``.
"""
