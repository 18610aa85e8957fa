"""``python -m hpos``: the command line (see ``hpos --help``)."""

from hpos.cli.main import main

raise SystemExit(main())
