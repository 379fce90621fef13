"""The layering newcomers rely on: the import contracts in pyproject.toml hold, and no two
modules of the project import each other, directly or around a loop (imports inside
functions count: they are how cycles hide)."""

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("portal", "centers", "content", "search", "intranet")


def test_import_contracts_hold():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(  # noqa: S603
        [str(lint_imports), "--no-cache", "--no-logo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def project_modules(graph):
    return {
        module for module in graph.modules if ".migrations" not in module and ".tests" not in module
    }


def import_cycles(graph, modules):
    """Strongly connected groups of modules (Tarjan), leaving out a package that only
    imports its own submodules (an __init__ re-exporting them is not a cycle)."""
    edges = {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}
    index, low, on_stack, stack, cycles = {}, {}, set(), [], []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in edges[module]:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            top = min(group, key=len)
            if len(group) > 1 and not all(m == top or m.startswith(top + ".") for m in group):
                cycles.append(group)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(modules):
        if module not in index:
            visit(module)
    return cycles


def test_no_module_imports_itself_around_a_loop():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    cycles = import_cycles(graph, project_modules(graph))
    found = [sorted(c) for c in cycles]
    assert found == [], f"import cycles: {found}"
