"""PyInstaller's entry script for hall.exe: the same ``desktop.app:main`` as the ``hall``
console script that pip installs (PyInstaller needs a script file, not an entry point)."""

from desktop.app import main

main()
