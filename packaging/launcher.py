"""Entry point of the frozen app: the `agentsgt-desktop` command, plus the packaging checks.

`--self-test` and `--measure-startup` are dispatched here so the frozen app (and this file run
from source, which is what the tests and the startup benchmark do) reach desktop_app.self_test
whatever the window's own argument parsing does with them.
"""

import sys

from desktop_app.cli import main, wants_gui


def _dispatch(argv: list[str]) -> int:
    if argv and wants_gui(argv):
        if "--measure-startup" in argv:
            from desktop_app.self_test import measure_startup

            return measure_startup(argv)
        if "--self-test" in argv:
            from desktop_app.self_test import run

            return run(argv)
    return main(argv)


if __name__ == "__main__":
    sys.exit(_dispatch(sys.argv[1:]))
