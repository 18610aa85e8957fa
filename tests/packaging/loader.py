"""Imports a build helper of ``packaging/`` by file: the folder is no package (PyPI has one)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load_packaging_module(name: str) -> ModuleType:
    """``packaging/<name>.py`` as a module of its own, ``packaging_<name>`` in ``sys.modules``
    (dataclasses look their module up there), never under the name the spec imports."""
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
