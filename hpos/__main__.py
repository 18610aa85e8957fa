"""``python -m hpos`` and the frozen app's entry point: the command line (see ``hpos --help``).

PyInstaller builds both executables of the installers (``HPOS``, windowed, and
``hpos-cli``, console) from this file (``build_installer.spec``).
``multiprocessing.freeze_support()`` is the first thing that runs: in a frozen
app a child process started by ``multiprocessing`` re-runs this executable, and
must become that child instead of opening a second HPOS window.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from hpos.cli.main import main

    raise SystemExit(main())
