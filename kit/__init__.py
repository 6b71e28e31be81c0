"""What every screen shares: widgets, lazy table models, date fields, the alert palette, file
and print dialogs, the application context and live events, and the one operation helper that
runs a user's action. Imports no screen."""
