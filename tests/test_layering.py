"""Layering: each stage imports only the stages before it, and only their public faces.

An AST check over ``src/endorsetrack`` (no import is executed). Three rules:

1. Stage order: a unit (a top-level package or module of ``endorsetrack``) imports only
   the units its row of ``ALLOWED_IMPORTS`` names. The store does not reach back into
   ingest, normalize, the cue scan, extraction, the pipeline or the batch; extraction
   never sees the store, the batch, the CLI or the web; ingest and normalize see no
   later stage; only ``cli`` and ``web`` may import everything.
2. Privacy: no module imports an underscore module, or an underscore name, of another
   package.
3. Front doors: a package that defines ``__all__`` in its ``__init__`` is imported
   through that ``__init__`` from outside it (``from endorsetrack.extract.polls import
   find_polls``, never ``from endorsetrack.extract.polls.figures import ...``).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping, Optional

ROOT_PACKAGE = "endorsetrack"
SOURCE_ROOT = Path(__file__).resolve().parents[1] / "src"

# Shared values every stage may use: errors, the frozen pipeline types, settings, rule-file
# helpers, and the package root itself (``from .. import __version__``).
FOUNDATION = frozenset({"", "errors", "types", "settings", "ruledata"})
EVERYTHING = None  # a row that may import any unit

ALLOWED_IMPORTS: Mapping[str, Optional[frozenset[str]]] = {
    "": EVERYTHING,
    "errors": frozenset({""}),
    "types": frozenset({""}),
    "settings": frozenset({""}),
    "ruledata": frozenset({"", "errors"}),
    "ingest": FOUNDATION,
    "normalize": FOUNDATION,
    "nlp": FOUNDATION | {"normalize"},
    "scan": FOUNDATION | {"nlp"},
    "extract": FOUNDATION | {"nlp", "normalize"},
    "resolve": FOUNDATION | {"nlp", "normalize", "extract"},
    "pipeline": FOUNDATION | {"normalize", "nlp", "scan", "extract", "resolve"},
    "store": FOUNDATION | {"resolve"},
    "evaluate": FOUNDATION,
    "train": FOUNDATION | {"extract"},  # trains extract's models from a corpus's gold (a dev tool)
    "batch": FOUNDATION | {"ingest", "pipeline", "store"},
    "cli": EVERYTHING,
    "web": EVERYTHING,
    "__main__": frozenset({"cli"}),  # `python -m endorsetrack` runs the command line
}


@dataclass(frozen=True)
class SourceModule:
    name: str  # dotted, e.g. "endorsetrack.store.writer" ("endorsetrack.store" for its __init__)
    is_package: bool
    source: str

    @property
    def package(self) -> str:
        return self.name if self.is_package else self.name.rpartition(".")[0]


@dataclass(frozen=True)
class ImportEdge:
    importer: str
    target: str  # the dotted module named by the import statement
    names: tuple[str, ...]  # the names of ``from target import a, b``; () for ``import target``
    line: int


@dataclass(frozen=True)
class Violation:
    importer: str
    line: int
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.importer}:{self.line}: [{self.rule}] {self.detail}"


def modules_from_tree(root: Path) -> dict[str, SourceModule]:
    """Every .py file under ``root`` (the directory that holds the root package), by dotted name."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        out[name] = SourceModule(name, is_package, path.read_text(encoding="utf-8"))
    return out


def modules_from_strings(files: Mapping[str, str]) -> dict[str, SourceModule]:
    """The same, from {"endorsetrack/store/writer.py": source} (for planting violations in tests)."""
    out = {}
    for rel, source in files.items():
        parts = Path(rel).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        out[name] = SourceModule(name, is_package, source)
    return out


def import_edges(module: SourceModule) -> Iterator[ImportEdge]:
    for node in ast.walk(ast.parse(module.source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if _in_project(target):
                yield ImportEdge(module.name, target, tuple(a.name for a in node.names), node.lineno)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _in_project(alias.name):
                    yield ImportEdge(module.name, alias.name, (), node.lineno)


def _in_project(dotted: str) -> bool:
    return dotted == ROOT_PACKAGE or dotted.startswith(ROOT_PACKAGE + ".")


def unit_of(dotted: str) -> str:
    """The stage a module belongs to: the first component under the root package ('' for the root)."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else ""


def defines_all(module: SourceModule) -> bool:
    for node in ast.parse(module.source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return True
    return False


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def check(modules: Mapping[str, SourceModule],
          allowed: Mapping[str, Optional[frozenset[str]]] = ALLOWED_IMPORTS) -> list[Violation]:
    """Every violation of the three rules, in module order."""
    fronted = {name for name, m in modules.items() if m.is_package and name != ROOT_PACKAGE and defines_all(m)}
    found: list[Violation] = []
    for module in modules.values():
        for edge in import_edges(module):
            found.extend(_stage_order(edge, allowed))
            found.extend(_privacy(edge, module, modules))
            found.extend(_front_doors(edge, module, modules, fronted))
    return found


def _stage_order(edge: ImportEdge, allowed: Mapping[str, Optional[frozenset[str]]]) -> list[Violation]:
    src, dst = unit_of(edge.importer), unit_of(edge.target)
    if src == dst:
        return []
    if src not in allowed:
        return [Violation(edge.importer, edge.line, "stage-order", f"unit {src!r} has no row in ALLOWED_IMPORTS")]
    row = allowed[src]
    if row is EVERYTHING or dst in row:
        return []
    return [Violation(edge.importer, edge.line, "stage-order", f"{src} must not import {dst} ({edge.target})")]


def _privacy(edge: ImportEdge, module: SourceModule, modules: Mapping[str, SourceModule]) -> list[Violation]:
    """Underscore modules and names are private to the package that holds them."""
    target = modules.get(edge.target)
    target_package = (target.package if target else edge.target.rpartition(".")[0])
    out = []
    private_parts = [p for p in edge.target.split(".") if p.startswith("_") and not p.startswith("__")]
    if private_parts and module.package != target_package:
        out.append(Violation(edge.importer, edge.line, "private-module", f"imports private module {edge.target}"))
    if target is not None and target.is_package:
        target_package = target.name  # ``from pkg import _x``: _x is private to pkg
    for name in edge.names:
        if name.startswith("_") and not name.startswith("__") and module.package != target_package:
            out.append(Violation(edge.importer, edge.line, "private-name",
                                 f"imports private name {name} from {edge.target}"))
    return out


def _front_doors(edge: ImportEdge, module: SourceModule, modules: Mapping[str, SourceModule],
                 fronted: set[str]) -> list[Violation]:
    """A package with ``__all__`` is entered through its __init__ from outside."""
    out = []
    for package in sorted(fronted):
        if _inside(edge.target, package) and edge.target != package and not _inside(module.name, package):
            out.append(Violation(edge.importer, edge.line, "front-door",
                                 f"reaches past {package}.__init__ (which defines __all__) into {edge.target}"))
    return out


# --- tests -------------------------------------------------------------------

def test_the_source_tree_keeps_its_layers():
    violations = check(modules_from_tree(SOURCE_ROOT))
    assert not violations, "layering violations:\n" + "\n".join(map(str, violations))


def test_every_stage_has_a_row_in_the_table():
    units = {unit_of(name) for name in modules_from_tree(SOURCE_ROOT)}
    assert units <= set(ALLOWED_IMPORTS), sorted(units - set(ALLOWED_IMPORTS))


def _tree(**files: str) -> dict[str, SourceModule]:
    base = {
        "endorsetrack/__init__.py": "",
        "endorsetrack/types.py": "class Article: ...\n",
        "endorsetrack/normalize/__init__.py": "from .repair import repair\n__all__ = ['repair']\n",
        "endorsetrack/normalize/repair.py": "def repair(x): return x\ndef _fix(x): return x\n",
        "endorsetrack/store/__init__.py": "",
        "endorsetrack/extract/__init__.py": "",
        "endorsetrack/extract/polls/__init__.py": "from .figures import share\n__all__ = ['share']\n",
        "endorsetrack/extract/polls/figures.py": "def share(): ...\n",
        "endorsetrack/extract/polls/rules.py": "from .figures import share\n",
        "endorsetrack/extract/_cache.py": "CACHE = {}\n",
        "endorsetrack/extract/race.py": "from ._cache import CACHE\n",
    }
    base.update({path.replace("__", "/"): src for path, src in files.items()})
    return modules_from_strings(base)


def _rules_broken(modules: Mapping[str, SourceModule]) -> set[tuple[str, str]]:
    return {(v.importer, v.rule) for v in check(modules)}


def test_a_clean_planted_tree_passes():
    assert check(_tree()) == []


def test_store_importing_normalize_is_reported():
    tree = _tree(**{"endorsetrack__store__writer.py": "from ..normalize import repair\n"})
    assert _rules_broken(tree) == {("endorsetrack.store.writer", "stage-order")}


def test_extract_importing_store_is_reported():
    tree = _tree(**{"endorsetrack__extract__stage.py": "import endorsetrack.store\n"})
    assert _rules_broken(tree) == {("endorsetrack.extract.stage", "stage-order")}


def test_cli_may_import_every_stage():
    tree = _tree(**{"endorsetrack__cli__app.py": "from ..store import x\nfrom ..normalize import repair\n"})
    assert check(tree) == []


def test_reaching_past_an_init_with_all_is_reported():
    tree = _tree(**{"endorsetrack__resolve__article.py": "from endorsetrack.extract.polls.figures import share\n"})
    assert _rules_broken(tree) == {("endorsetrack.resolve.article", "front-door")}


def test_a_private_name_of_another_package_is_reported():
    tree = _tree(**{"endorsetrack__extract__polls__dates.py": "from ...normalize import _fix\n"})
    assert ("endorsetrack.extract.polls.dates", "private-name") in _rules_broken(tree)


def test_a_private_module_of_another_package_is_reported():
    tree = _tree(**{"endorsetrack__extract__polls__cache_user.py": "from .._cache import CACHE\n"})
    assert _rules_broken(tree) == {("endorsetrack.extract.polls.cache_user", "private-module")}


def test_a_private_module_within_its_own_package_is_allowed():
    assert not [v for v in check(_tree()) if v.importer == "endorsetrack.extract.race"]
