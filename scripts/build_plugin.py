"""Assemble the installable plugin folder build/landplan_plugin.

Copies the package (without .ts sources and caches), the top-level
metadata.txt (single source), LICENSE, CHANGELOG.md and resources/ (without
generator scripts), and the icon QGIS shows in the plugin manager.
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "landplan_plugin"


def ignore(_dir, names):
    return [n for n in names if n == "__pycache__" or n.endswith((".pyc", ".ts")) or n == "make_sample.py"]


def build(out_dir):
    target = Path(out_dir) / PLUGIN
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / PLUGIN, target, ignore=ignore)
    shutil.copytree(ROOT / "resources", target / "resources", ignore=ignore)
    for name in ("metadata.txt", "LICENSE", "CHANGELOG.md"):
        shutil.copy2(ROOT / name, target / name)
    shutil.copy2(ROOT / "resources" / "icons" / "landplan.svg", target / "icon.svg")
    if not list((target / "i18n").glob("*.qm")):
        sys.exit("no compiled translations (.qm) in {}: run make qm".format(target / "i18n"))
    return target


if __name__ == "__main__":
    print(build(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build"))
