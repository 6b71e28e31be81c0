"""PyInstaller's entry script for hall-admin.exe: the same ``desktop.admin_cli:main`` as the
``hall-admin`` console script that pip installs."""

from desktop.admin_cli import main

main()
