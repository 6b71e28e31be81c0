"""Persistence: models, engines and sessions, migrations, the event log and counters."""
