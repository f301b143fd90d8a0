"""The command line's subcommands: each module exposes `register(subparsers)`."""
