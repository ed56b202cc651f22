"""Build script: the project's metadata lives in pyproject.toml; this file only adds the compiled modules.

The modules that do the per-line and per-match work are compiled to C extensions with mypyc (they are
typed throughout, so the compiled code is the same program). Where no C compiler is found or the
build fails, the package installs as pure Python and works the same, more slowly. Set
``GOVEXTRACT_PURE=1`` to skip compilation (for an editable install you change, for example: a
compiled module takes precedence over its ``.py`` file).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: the modules compiled by mypyc; every other module stays Python
COMPILED = [
    "govextract/text.py",
    "govextract/building.py",
    "govextract/linking.py",
    "govextract/numerals.py",
    "govextract/extractors/citations.py",
    "govextract/extractors/dates.py",
    "govextract/extractors/doc_number.py",
    "govextract/extractors/documents.py",
    "govextract/extractors/quantities.py",
    "govextract/extractors/responsibilities.py",
    "govextract/extractors/sections.py",
    "govextract/extractors/targets.py",
]


class OptionalBuildExt(build_ext):
    """Build the extensions if the platform can; otherwise install pure Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as e:  # no compiler, missing headers: the .py modules serve instead
            self._skip(e)

    def build_extension(self, ext: Any) -> None:
        try:
            super().build_extension(ext)
        except Exception as e:
            self._skip(e)

    def _skip(self, e: Exception) -> None:
        print(f"govextract: compiled modules not built ({e}); installing pure Python", file=sys.stderr)
        self.extensions = []


def extensions() -> list[Any]:
    if os.environ.get("GOVEXTRACT_PURE"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    try:
        return list(mypycify(COMPILED, opt_level="3"))
    except Exception as e:  # mypyc refused the code: install pure Python
        print(f"govextract: mypyc failed ({e}); installing pure Python", file=sys.stderr)
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
