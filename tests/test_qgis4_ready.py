"""QGIS 4 readiness: no unscoped Qt/QGIS enum, no direct PyQt5 import, no
exec_(), metadata that QGIS 4 accepts.  Runs on both test legs, so every
scoped form used must also resolve on 3.22 and on 3.40."""

import configparser
from pathlib import Path

import enum_audit

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("landplan_plugin", "scripts", "benchmarks", "tests", "resources/sample", "landplan_spark")


def python_files():
    for top in CHECKED:
        folder = ROOT / top
        if folder.is_dir():
            yield from sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_unscoped_enum_pyqt5_import_or_exec_(qgis_app):
    findings = enum_audit.audit(list(python_files()))
    assert findings == []


def test_audit_catches_unscoped_forms(qgis_app, tmp_path):
    # the audit itself must fail on the forms it exists to catch
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from qgis.PyQt.QtCore import Qt\n"
        "from qgis.core import QgsProcessing, QgsWkbTypes\n"
        "from PyQt5.QtWidgets import QDialog\n"
        "a = Qt.AlignCenter\n"
        "b = QgsProcessing.TypeVectorPolygon\n"
        "c = QgsWkbTypes.NoGeometry\n"
        "d = Qt.AlignmentFlag.AlignCenter\n"
        "QDialog().exec_()\n",
        encoding="utf-8",
    )
    findings = enum_audit.audit([bad])
    assert len(findings) == 5, findings
    assert not any("AlignmentFlag" in f for f in findings)


def test_metadata_accepts_qgis_4():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"
    assert "supportsqt6" not in {k.lower() for k in general}


def test_numpy2_clean():
    """ruff's NPY201: nothing that numpy 2 removed (QGIS for Windows ships numpy 2)."""
    import shutil
    import subprocess
    import sys

    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    folders = [str(ROOT / top) for top in CHECKED if (ROOT / top).is_dir()]
    result = subprocess.run([ruff, "check", "--select", "NPY201", *folders], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_changelog_reaches_metadata():
    import importlib

    build_plugin = importlib.import_module("build_plugin")
    meta = configparser.ConfigParser(interpolation=None)
    meta.read_string(build_plugin.metadata_with_changelog())
    version = meta["general"]["version"]
    assert meta["general"]["changelog"].startswith(version + " - ")
    assert "## [{}]".format(version) in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
