"""Install the plugin's Qt translator for the user's QGIS locale.

QGIS writes the chosen language to ``locale/userLocale`` in several forms:
``zh_CN`` from older versions, ``zh-Hans`` when 简体中文 is picked in newer
ones, sometimes just ``zh``.  They are normalised to a catalogue name first:
Simplified Chinese (zh, zh_CN, zh-CN, zh_SG, zh-Hans, zh_Hans_CN …) → zh_CN;
Traditional Chinese (zh_TW, zh_HK, zh_MO, zh-Hant …) has no catalogue and
stays English rather than being shown Simplified characters.  Other locales
are looked up by full name, then by language.
"""

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .paths import PLUGIN_DIR

_installed = []

_TRADITIONAL = {"TW", "HK", "MO", "HANT"}


def user_locale():
    """The locale QGIS itself uses: the user's override when the override
    flag is set, otherwise the system locale (as QgsApplication does)."""
    settings = QSettings()
    value = settings.value("locale/userLocale", "") or ""
    override = settings.value("locale/overrideFlag", False)
    if not value or override in (False, "false", "0", 0):
        value = value or QLocale.system().name()
    return str(value)


def catalogue_names(locale):
    """Catalogue names to try for a locale string, best first."""
    parts = [p for p in str(locale or "").replace("-", "_").split(".")[0].split("_") if p]
    if not parts:
        return []
    language = parts[0].lower()
    rest = {p.upper() for p in parts[1:]}
    if language == "zh":
        return [] if rest & _TRADITIONAL else ["zh_CN"]
    names = []
    if len(parts) > 1:
        names.append("{}_{}".format(language, parts[-1].upper()))
    names.append(language)
    return names


def install_translator(locale=None):
    for name in catalogue_names(locale or user_locale()):
        path = PLUGIN_DIR / "i18n" / "landplan_{}.qm".format(name)
        if path.is_file():
            translator = QTranslator()
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
                return str(path)
    return None


def remove_translators():
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
