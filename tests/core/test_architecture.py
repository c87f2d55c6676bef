"""The import rules of DESIGN.md, checked on the source."""

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "partnerdesk"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(sub: str):
    return sorted((PACKAGE / sub).rglob("*.py"))


def _violations(subs, forbidden) -> list[str]:
    bad = []
    for sub in subs:
        for path in _modules(sub):
            for name in _imports(path):
                if any(name == f or name.startswith(f + ".") for f in forbidden):
                    bad.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    return bad


def test_core_never_imports_qt():
    assert _violations(["domain", "store", "services", "export", "cli"], ["PySide6", "partnerdesk.ui"]) == []


def test_ui_never_imports_peewee_or_store():
    assert _violations(["ui"], ["peewee", "playhouse", "partnerdesk.store"]) == []


def test_only_store_imports_peewee():
    assert _violations(["domain", "services", "export", "ui", "cli"], ["peewee", "playhouse"]) == []


def test_domain_imports_only_itself():
    bad = [v for v in _violations(["domain"], ["partnerdesk"]) if " imports partnerdesk.domain" not in v]
    assert bad == []


def test_nothing_imports_ui_but_ui_and_app():
    assert _violations(["domain", "store", "services", "export", "cli"], ["partnerdesk.ui"]) == []


def test_cli_runs_headless():
    code = textwrap.dedent("""
        import sys
        from partnerdesk.cli import build_parser
        import partnerdesk.services.demo, partnerdesk.services.backups
        assert not any(m.startswith("PySide6") for m in sys.modules), [m for m in sys.modules if "PySide" in m]
    """)
    subprocess.run([sys.executable, "-c", code], check=True)
