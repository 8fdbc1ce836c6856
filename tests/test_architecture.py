"""The shape of the code, checked: layers point one way (ui -> workbench -> db -> foundation), capability
packages import only the packages below them, no module imports itself back through others,
and files and functions stay small enough to read."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT = {"PySide6", "shiboken6"}

#: What each package of workbench/ may import of the project, lowest first. A package not
#: named here may not exist: a new capability gets its line (and its place) deliberately.
#: Every package may also import foundation/ (errors, jobs, files...), the layer under db/.
ALLOWED: dict[str, set[str]] = {
    "stats": set(),                                  # pure functions
    "audit": set(),                                  # the hash chain, coverage, anchors
    "importing": {"audit"},
    "review": {"audit", "importing"},                # checklists, reviews, undo, queue, integrity
    "risk": {"audit", "importing", "review", "stats"},       # indicators, scores, screening yield
    "rounds": {"audit", "importing", "review", "stats", "risk"},
    "report": {"audit", "importing", "review", "stats", "calibration", "risk"},   # reads rounds from their tables
    "calibration": {"audit", "importing", "review", "rounds", "stats"},
    "packages": {"audit", "importing", "review", "rounds"},
    "feedback": {"audit", "importing", "review", "rounds", "stats", "report"},
    "demo": {"audit", "importing", "review", "rounds", "calibration", "risk"},
    "cli": {"audit", "importing", "review", "rounds", "report", "packages", "demo", "stats", "calibration",
            "feedback", "risk"},
}
#: What each top-level layer may import of the project.
LAYERS: dict[str, set[str]] = {
    "foundation": set(),
    "db": {"foundation"},
    "workbench": {"foundation", "db"},
    "ui": {"foundation", "db", "workbench"},
    "main": {"foundation", "db", "workbench", "ui"},
}
#: The one module of workbench/ that draws with Qt (the PDF report): QtGui, never QtWidgets.
QT_GUI_MODULES = {"workbench/report/pdf.py"}
LINE_LIMIT = 600
FUNCTION_LIMIT = 60
#: Generated files, exempt from the size rules.
GENERATED = {"ui/error_strings.py"}


def sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> list[tuple[str, int]]:
    """(module imported, line) for every import, at any depth (a function's lazy import counts)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
            # `from workbench.review import reviews` imports the module workbench.review.reviews
            found.extend((f"{node.module}.{alias.name}", node.lineno) for alias in node.names)
    return found


def project_modules() -> set[str]:
    return {module_name(p) for p in sources("foundation", "workbench", "db", "ui")} | {"main"}


def test_layers_point_down():
    """ui -> workbench -> db -> foundation, never back up (db and foundation never see the domain)."""
    offenders = []
    for path in sources(*[layer for layer in LAYERS if layer != "main"]) + [ROOT / "main.py"]:
        own = path.relative_to(ROOT).parts[0].removesuffix(".py")
        for name, line in imports(path):
            top = name.split(".")[0]
            if top in LAYERS and top != own and top not in LAYERS[own]:
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {own} imports {name}")
    assert offenders == []


def test_workbench_db_and_foundation_never_import_qt_or_ui():
    offenders = []
    for path in sources("workbench", "db", "foundation"):
        rel = str(path.relative_to(ROOT))
        for name, line in imports(path):
            top = name.split(".")[0]
            if top == "ui" or (top in QT and rel not in QT_GUI_MODULES):
                offenders.append(f"{rel}:{line} imports {name}")
            if rel in QT_GUI_MODULES and name.startswith("PySide6.QtWidgets"):
                offenders.append(f"{rel}:{line} imports {name} (the PDF renderer may use QtGui only)")
    assert offenders == []


def test_capability_packages_import_only_what_is_below_them():
    packages = {p.name for p in (ROOT / "workbench").iterdir() if (p / "__init__.py").exists()}
    assert packages == set(ALLOWED), "a package of workbench/ without a line in ALLOWED, or the reverse"
    offenders = []
    for path in sources("workbench"):
        rel = path.relative_to(ROOT)
        if len(rel.parts) < 3:
            continue                      # workbench/__init__.py: the name and version only
        own = rel.parts[1]
        for name, line in imports(path):
            parts = name.split(".")
            if parts[0] != "workbench" or len(parts) < 2 or parts[1] == own:
                continue
            if parts[1] in ("APP_NAME", "APP_ID", "__version__"):
                continue
            if parts[1] not in ALLOWED[own]:
                offenders.append(f"{rel}:{line}: {own} imports {name}")
    assert offenders == []


def test_every_package_says_what_it_owns_and_may_import():
    for init in [ROOT / "workbench" / package / "__init__.py" for package in ALLOWED] + [ROOT / "foundation/__init__.py"]:
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert len(doc) > 120 and "import" in doc, f"{init.relative_to(ROOT)}: say what it owns and may import"


def test_no_import_circles_anywhere():
    """Between modules of foundation/, workbench/, db/ and ui/ (lazy imports inside functions count: a circle
    hidden in a function is still a circle)."""
    known = project_modules()
    graph: dict[str, set[str]] = {}
    for path in sources("foundation", "workbench", "db", "ui"):
        me = module_name(path)
        targets = set()
        for name, _ in imports(path):
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != me and not me.startswith(name + "."):   # a package's own __init__
                targets.add(name)
        graph[me] = targets
    circles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                circles.append(" -> ".join(stack[stack.index(target):] + [target]))
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert circles == []


def test_no_file_over_600_lines():
    long = [f"{p.relative_to(ROOT)}: {n}" for p in sources("foundation", "workbench", "db", "ui") + [ROOT / "main.py"]
            if str(p.relative_to(ROOT)) not in GENERATED
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > LINE_LIMIT]
    assert long == []


def test_no_function_over_60_lines_without_a_reason():
    """A longer function says why in a comment on its `def` line or the line above:
    '# long: <reason>'."""
    offenders = []
    for path in sources("foundation", "workbench", "db", "ui") + [ROOT / "main.py"]:
        rel = str(path.relative_to(ROOT))
        if rel in GENERATED:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                start = node.decorator_list[0].lineno if node.decorator_list else node.lineno
                reason = any("# long:" in lines[i - 1] for i in (start - 1, node.lineno) if i >= 1)
                if length > FUNCTION_LIMIT and not reason:
                    offenders.append(f"{rel}:{node.lineno} {node.name}: {length} lines")
    assert offenders == []


def test_importing_every_domain_module_loads_no_qt():
    modules = sorted(module_name(p) for p in sources("workbench")
                     if str(p.relative_to(ROOT)) not in QT_GUI_MODULES)
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules) + "import db.connection, db.migrate\n"
            + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
