"""Find Qt and QGIS enum members accessed unscoped (``Qt.AlignmentFlag.AlignCenter``
instead of ``Qt.AlignmentFlag.AlignCenter``): PyQt6 and QGIS 4 only know
the scoped form.  Also direct PyQt5 imports and ``exec_()``.

Names are resolved in the running QGIS, so the audit is only as good as
the QGIS it runs on: ``make test`` runs it on 3.22 and on 3.40, and every
chain must resolve on each.
"""

import ast
import enum
import importlib
from pathlib import Path

MODULES = (
    "qgis.core",
    "qgis.gui",
    "qgis.analysis",
    "qgis.PyQt.QtCore",
    "qgis.PyQt.QtGui",
    "qgis.PyQt.QtWidgets",
    "qgis.PyQt.QtXml",
    "qgis.PyQt.QtSvg",
    "qgis.PyQt.QtPrintSupport",
)


def _namespace():
    names = {}
    for module_name in MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        for name in dir(module):
            if name[:1].isupper() and (name.startswith(("Q", "Qgs")) or name in ("Qt", "Qgis")):
                names.setdefault(name, getattr(module, name))
    return names


def is_enum_member(value):
    """A sip enum value (PyQt5/QGIS 3) or a Python enum member (QGIS >= 3.22
    moves enums to Python's enum module)."""
    if isinstance(value, enum.Enum):
        return True
    kind = type(value)
    return isinstance(value, int) and kind is not int and kind is not bool and type(kind).__name__ == "enumtype"


def is_enum_type(value):
    return isinstance(value, type) and (issubclass(value, enum.Enum) or type(value).__name__ == "enumtype")


def _chain(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


def audit_file(path, namespace):
    """Yield (line, text, problem) for each finding in one file."""
    source = Path(path).read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            module = getattr(node, "module", None) or ""
            names = [alias.name for alias in node.names]
            if module.startswith("PyQt5") or any(n.startswith("PyQt5") for n in names):
                yield node.lineno, module or ",".join(names), "direct PyQt5 import (use qgis.PyQt)"
        if isinstance(node, ast.Attribute) and node.attr == "exec_":
            yield node.lineno, "exec_", "exec_() (use exec())"
        if not isinstance(node, ast.Attribute):
            continue
        chain = _chain(node)
        if not chain or chain[0] not in namespace:
            continue
        # walk the chain: Class[.Nested…].Member
        value = namespace[chain[0]]
        for i, part in enumerate(chain[1:], start=1):
            try:
                value = getattr(value, part)
            except AttributeError:
                yield node.lineno, ".".join(chain[: i + 1]), "does not resolve in this QGIS"
                break
            if is_enum_member(value):
                if not is_enum_type(_resolve(namespace, chain[:i])):
                    yield node.lineno, ".".join(chain[: i + 1]), "unscoped enum"
                break
            if not isinstance(value, type):
                break


def _resolve(namespace, chain):
    value = namespace.get(chain[0])
    for part in chain[1:]:
        value = getattr(value, part, None)
    return value


def audit(paths):
    namespace = _namespace()
    findings = []
    for path in paths:
        for line, text, problem in audit_file(path, namespace):
            findings.append("{}:{}: {} ({})".format(path, line, text, problem))
    return findings
