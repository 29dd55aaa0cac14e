"""make check-package: the ZIP from `make package` against the QGIS plugin
repository's structural rules (plugins.qgis.org validator): one top folder
named like the package, a metadata.txt with the mandatory fields, a
licence file, an icon, no compiled Python or caches, no VCS folders, and a
size under the repository's 25 MB upload limit.  Exits non-zero listing
every problem."""

import configparser
import re
import sys
import zipfile
from pathlib import Path

MANDATORY = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository")
MAX_BYTES = 25 * 1024 * 1024
FORBIDDEN = (r"(^|/)__pycache__/", r"\.pyc$", r"\.pyo$", r"(^|/)\.git(/|$)", r"(^|/)\.DS_Store$", r"(^|/)Thumbs\.db$")


def check(path):
    problems = []
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        problems.append("ZIP is {:.1f} MB (limit 25 MB)".format(path.stat().st_size / 1e6))
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        tops = {n.split("/")[0] for n in names}
        if len(tops) != 1:
            problems.append("ZIP must hold exactly one top folder, has {}".format(sorted(tops)))
        top = sorted(tops)[0]
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", top):
            problems.append("top folder {} is not a valid Python package name".format(top))
        for name in names:
            if any(re.search(p, name) for p in FORBIDDEN):
                problems.append("forbidden file in package: " + name)
        for required in ("__init__.py", "metadata.txt"):
            if "{}/{}".format(top, required) not in names:
                problems.append("missing {}/{}".format(top, required))
        if not any(re.fullmatch(r"{}/(LICEN[SC]E|COPYING)(\.\w+)?".format(top), n) for n in names):
            problems.append("no LICENSE file at the package's top")
        if "{}/metadata.txt".format(top) in names:
            meta = configparser.ConfigParser(interpolation=None)
            meta.optionxform = str
            meta.read_string(archive.read("{}/metadata.txt".format(top)).decode("utf-8"))
            general = meta["general"] if meta.has_section("general") else {}
            for key in MANDATORY:
                if not str(general.get(key, "")).strip():
                    problems.append("metadata.txt: {} is missing or empty".format(key))
            version = general.get("version", "")
            if version and not re.fullmatch(r"\d+\.\d+(\.\d+)?([-.]?\w+)?", version):
                problems.append("metadata.txt: version {} is not a version number".format(version))
            if "supportsQt6" in general:
                problems.append("metadata.txt: supportsQt6 is no longer used by QGIS (remove it)")
            changelog = general.get("changelog", "")
            if version and version not in changelog:
                problems.append("metadata.txt: changelog does not mention version {}".format(version))
            icon = general.get("icon", "")
            if icon and "{}/{}".format(top, icon) not in names:
                problems.append("metadata.txt: icon {} not in the package".format(icon))
    return problems


if __name__ == "__main__":
    found = check(sys.argv[1])
    for problem in found:
        print("check-package:", problem)
    if found:
        sys.exit(1)
    print("check-package: {} passes the plugin repository's structural rules".format(sys.argv[1]))
