"""Run the ``govextract`` command: ``python -m govextract``."""

import sys

from govextract.cli import main

if __name__ == "__main__":
    sys.exit(main())
