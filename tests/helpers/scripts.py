"""Scripts that are not part of the package (benchmarks/, ../shared/eval) imported as modules."""
from __future__ import annotations

import importlib.util
import sys
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Iterator

REPO = Path(__file__).resolve().parents[2]


@contextmanager
def loaded_script(path: Path, name: str) -> Iterator[ModuleType]:
    """The script at ``path`` as module ``name``, registered in sys.modules while in use (a
    dataclass looks its module up there) and removed afterwards."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(name, None)


@contextmanager
def loaded_benchmark(name: str) -> Iterator[ModuleType]:
    """benchmarks/NAME.py as module NAME."""
    with loaded_script(REPO / "benchmarks" / f"{name}.py", name) as module:
        yield module
