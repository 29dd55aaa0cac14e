"""Chinese whatever way it is chosen: each value QGIS may write into
locale/userLocale is put into a scratch profile, and qgis_process (which
reads the same setting as the desktop) must show the translated algorithm
name; Traditional Chinese falls back to English."""

from pathlib import Path

import pytest

from qgisprocess import PLUGIN, QgisProcess, write_profile_locale

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
SIMPLIFIED = ["zh-Hans", "zh_Hans", "zh", "zh_CN", "zh-CN", "zh_SG", "zh_Hans_CN"]
ENGLISH = ["zh_TW", "zh-Hant", "zh_HK", "en_US", "de"]


@pytest.fixture(scope="module")
def runner(tmp_path_factory):
    """One scratch profile with the plugin enabled; each test rewrites its
    language setting (as the Options dialog would) before listing."""
    if not (BUILD / PLUGIN / "metadata.txt").is_file():
        pytest.fail("plugin not built: run `make build` (make test does it)")
    profile = tmp_path_factory.mktemp("locale-profile")
    qp = QgisProcess(BUILD, profile_dir=profile)
    qp.enable_plugin()
    return qp


def algorithm_name(runner, locale):
    write_profile_locale(runner.profile_dir, locale)
    algorithms = runner.list_json()["providers"]["landplan"]["algorithms"]
    return algorithms["landplan:ellipsoidarea"]["name"]


@pytest.mark.parametrize("locale", SIMPLIFIED)
def test_simplified_chinese_in_qgis_process(runner, locale):
    assert algorithm_name(runner, locale) == "椭球面积计算（CGCS2000）"


@pytest.mark.parametrize("locale", ENGLISH)
def test_other_locales_stay_english(runner, locale):
    assert algorithm_name(runner, locale) == "Ellipsoidal area (CGCS2000)"


@pytest.mark.parametrize("locale", SIMPLIFIED + ENGLISH)
def test_catalogue_choice(locale):
    from landplan_plugin.translation import catalogue_names

    names = catalogue_names(locale)
    assert (names == ["zh_CN"]) == (locale in SIMPLIFIED)


def test_gui_reads_user_locale_setting(qgis_app, qgis_iface):
    """The desktop path: the plugin reads locale/userLocale through QSettings."""
    from qgis.PyQt.QtCore import QSettings

    import landplan_plugin
    from landplan_plugin.core.i18n import tr

    settings = QSettings()
    old = settings.value("locale/userLocale"), settings.value("locale/overrideFlag")
    settings.setValue("locale/userLocale", "zh-Hans")
    settings.setValue("locale/overrideFlag", True)
    try:
        plugin = landplan_plugin.classFactory(qgis_iface)
        try:
            assert tr("Ellipsoidal area (CGCS2000)") == "椭球面积计算（CGCS2000）"
        finally:
            plugin.unload()
    finally:
        settings.setValue("locale/userLocale", old[0] or "")
        settings.setValue("locale/overrideFlag", old[1] or False)
    assert tr("Ellipsoidal area (CGCS2000)") == "Ellipsoidal area (CGCS2000)"
