"""The application shell. This package's own modules import Qt only where they draw screens;
``desktop.admin_cli`` and ``desktop.database`` run without a screen."""
