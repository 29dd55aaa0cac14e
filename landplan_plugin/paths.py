"""Where the plugin's data files live.

In the installed plugin (ZIP) resources sit inside the plugin folder; in the
source tree they sit beside it at the top level.  Everything that reads a
bundled table, template or style asks here.
"""

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent


def resources_dir():
    for candidate in (PLUGIN_DIR / "resources", PLUGIN_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("LandPlan resources folder not found next to " + str(PLUGIN_DIR))


def resource(*parts):
    return resources_dir().joinpath(*parts)
