"""Install the plugin's Qt translator for the user's QGIS locale.

Lookup is by full locale first (zh_CN, so zh_TW never gets simplified
Chinese by accident), then by the two-letter language.
"""

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .paths import PLUGIN_DIR

_installed = []


def user_locale():
    value = QSettings().value("locale/userLocale", "") or ""
    if not value or QSettings().value("locale/overrideFlag", False) in (False, "false"):
        value = value or QLocale.system().name()
    return str(value)


def install_translator(locale=None):
    locale = locale or user_locale()
    candidates = [locale, locale.split("_")[0]]
    for name in candidates:
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
