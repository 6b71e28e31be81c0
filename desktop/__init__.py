"""The application shell. This package's own modules import Qt only where they draw screens;
``cli.admin`` and ``hall.startup`` run without a screen."""
