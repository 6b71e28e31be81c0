"""PyInstaller's entry script for hall-admin.exe: the same ``cli.admin:main`` as the
``hall-admin`` console script that pip installs."""

from cli.admin import main

main()
