"""``python -m taalwacht``; the guard keeps worker processes started by spawn (Windows,
macOS) from running the command again when they import this module."""

from taalwacht.cli import main

if __name__ == "__main__":
    main()
