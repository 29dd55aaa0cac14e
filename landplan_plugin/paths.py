"""Where the plugin's data files live.

In the installed plugin (ZIP) resources sit inside the plugin folder; in the
source tree they sit beside it at the top level.  Everything that reads a
bundled table, template or style asks here.
"""

import os
import tempfile
import zipfile
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent

_EXTRACTED = []


def resources_dir():
    for candidate in (PLUGIN_DIR / "resources", PLUGIN_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    extracted = _extract_from_archive()
    if extracted is not None:
        return extracted
    raise FileNotFoundError("LandPlan resources folder not found next to " + str(PLUGIN_DIR))


def _extract_from_archive():
    """The resources of a ``--py-files`` archive (``landplan_spark package``):
    imported from a zip, the tables are extracted once per process to a
    temporary folder, since open() cannot read inside a zip."""
    if _EXTRACTED:
        return _EXTRACTED[0]
    archive = next((str(parent) for parent in PLUGIN_DIR.parents if zipfile.is_zipfile(str(parent))), None)
    if archive is None:
        return None
    prefix = os.path.relpath(str(PLUGIN_DIR), archive).replace(os.sep, "/") + "/resources/"
    target = Path(tempfile.mkdtemp(prefix="landplan-resources-"))
    with zipfile.ZipFile(archive) as handle:
        for name in handle.namelist():
            if name.startswith(prefix) and not name.endswith("/"):
                destination = target / name[len(prefix) :]
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(handle.read(name))
    _EXTRACTED.append(target)
    return target


def resource(*parts):
    return resources_dir().joinpath(*parts)
