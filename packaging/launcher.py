"""Entry point of the frozen app: the `agentsgt-desktop` command (the same as from source).

`--self-test` and `--measure-startup` are handled by desktop_app.app.main like any window flag.
"""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
