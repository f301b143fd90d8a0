"""Entry point of the frozen app: the same `main` as the `agentsgt-desktop` console script."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
