"""`python -m desktop_app` runs the command line (which starts the window by default)."""

from desktop_app.cli import main

raise SystemExit(main())
