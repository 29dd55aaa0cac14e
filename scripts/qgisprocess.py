"""Run LandPlan algorithms through /usr/bin/qgis_process.bin.

Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which
qgis_process rejects, so the binary is called directly.  A scratch profile
(QGIS_CUSTOM_CONFIG_PATH) keeps the user's own QGIS settings untouched, and
QGIS_PLUGINPATH points at the built plugin folder.
"""

import json
import os
import subprocess
import tempfile
from pathlib import Path

QGIS_PROCESS = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")
PLUGIN = "landplan_plugin"


class QgisProcess:
    def __init__(self, plugin_dir, profile_dir=None):
        self.plugin_dir = str(Path(plugin_dir).resolve())
        self.profile_dir = str(profile_dir or tempfile.mkdtemp(prefix="landplan-profile-"))
        self.env = dict(os.environ)
        self.env.update(
            {
                "QT_QPA_PLATFORM": "offscreen",
                "QGIS_CUSTOM_CONFIG_PATH": self.profile_dir,
                "QGIS_PLUGINPATH": self.plugin_dir,
            }
        )
        runtime = Path(self.profile_dir) / "xdg-runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.env["XDG_RUNTIME_DIR"] = str(runtime)

    def call(self, *args, check=True, timeout=1800):
        result = subprocess.run(
            [QGIS_PROCESS, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise RuntimeError(
                "qgis_process {} failed ({}):\n{}\n{}".format(
                    " ".join(args), result.returncode, result.stdout[-4000:], result.stderr[-4000:]
                )
            )
        return result

    def enable_plugin(self):
        return self.call("plugins", "enable", PLUGIN)

    def list_json(self):
        return json.loads(_json_part(self.call("--json", "list").stdout))

    def run(self, algorithm_id, parameters):
        args = ["--json", "run", algorithm_id, "--"]
        for key, value in parameters.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            for item in values:
                args.append("{}={}".format(key, item))
        result = self.call(*args)
        return json.loads(_json_part(result.stdout))


def _json_part(text):
    """qgis_process may print warnings before the JSON document."""
    start = text.find("{")
    return text[start:] if start >= 0 else text


def write_profile_locale(profile_dir, locale, override=True):
    """Write QGIS's language setting into a scratch profile, as the Options
    dialog does (profiles/default/QGIS/QGIS3.ini, [locale] section)."""
    ini = Path(profile_dir) / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    import configparser

    config = configparser.ConfigParser(interpolation=None)
    config.optionxform = str
    if ini.is_file():
        config.read(ini, encoding="utf-8")
    if not config.has_section("locale"):
        config.add_section("locale")
    config.set("locale", "userLocale", locale)
    config.set("locale", "overrideFlag", "true" if override else "false")
    with open(ini, "w", encoding="utf-8") as handle:
        config.write(handle, space_around_delimiters=False)
    return ini
