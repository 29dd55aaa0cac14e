"""Assemble the installable plugin folder build/landplan_plugin.

Copies the package (without .ts sources and caches), the top-level
metadata.txt (single source), LICENSE, CHANGELOG.md and resources/ (without
generator scripts), and the icon QGIS shows in the plugin manager.
"""

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "landplan_plugin"


def ignore(_dir, names):
    return [n for n in names if n == "__pycache__" or n.endswith((".pyc", ".ts")) or n == "make_sample.py"]


def changelog_entries(text, count=3):
    """The newest Keep-a-Changelog entries as metadata lines: one
    "version - date" line, then "- item" lines."""
    lines, seen = [], 0
    for line in text.splitlines():
        match = re.match(r"## \[([^\]]+)\](?: - (\S+))?", line)
        if match:
            seen += 1
            if seen > count:
                break
            lines.append("{}{}".format(match.group(1), " - " + match.group(2) if match.group(2) else ""))
        elif seen and line.startswith("### "):
            lines.append("  " + line[4:])
        elif seen and line.startswith("- "):
            lines.append("  " + line)
        elif seen and line.startswith("  ") and lines:
            lines[-1] += " " + line.strip()
    return lines


def metadata_with_changelog():
    """metadata.txt with changelog= filled from CHANGELOG.md (indented
    continuation lines, as QGIS' plugin manager reads them)."""
    meta = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    entries = changelog_entries((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    block = "changelog=" + "\n    ".join(entries)
    return re.sub(r"(?m)^changelog=.*$", lambda _m: block, meta)


def build(out_dir):
    target = Path(out_dir) / PLUGIN
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / PLUGIN, target, ignore=ignore)
    shutil.copytree(ROOT / "resources", target / "resources", ignore=ignore)
    for name in ("LICENSE", "CHANGELOG.md"):
        shutil.copy2(ROOT / name, target / name)
    (target / "metadata.txt").write_text(metadata_with_changelog(), encoding="utf-8")
    shutil.copy2(ROOT / "resources" / "icons" / "landplan.svg", target / "icon.svg")
    if not list((target / "i18n").glob("*.qm")):
        sys.exit("no compiled translations (.qm) in {}: run make qm".format(target / "i18n"))
    return target


if __name__ == "__main__":
    print(build(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build"))
