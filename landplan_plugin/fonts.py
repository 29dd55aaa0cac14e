"""The CJK font for map sheets, chosen at export time from what is installed.

The templates are written with one placeholder family (TEMPLATE_FAMILY); at
export the first installed family of SHEET_FONTS replaces it, unless the
setting ``LandPlan/sheetFont`` names an installed family.

The list, and why some common fonts are not in it: Qt 5's PDF writer builds
each embedded font's ToUnicode map from the font's own cmap.  For the
CFF-based OpenType collections Noto Sans CJK SC and Source Han Sans SC
(the same design) that map comes out wrong: Latin digits get no entry and
characters such as 目 and 用 map to Kangxi radicals (⽬ ⽤), so the PDF's text
cannot be searched or copied (measured with pdftotext on Debian 12).  They
are left out; the TrueType fonts below extract exactly (WenQuanYi Micro Hei,
WenQuanYi Zen Hei and AR PL UMing are tested in CI; the Windows fonts are
TrueType too but untested here).
"""

from qgis.PyQt.QtGui import QFontDatabase

from .core.i18n import tr

TEMPLATE_FAMILY = "WenQuanYi Micro Hei"
SETTING_KEY = "LandPlan/sheetFont"

SHEET_FONTS = (
    "Microsoft YaHei",  # 微软雅黑, Windows Vista+
    "DengXian",  # 等线, Windows 10+ / Office
    "SimHei",  # 黑体, every Chinese Windows
    "SimSun",  # 宋体
    "WenQuanYi Micro Hei",  # Linux: fonts-wqy-microhei
    "WenQuanYi Zen Hei",  # Linux: fonts-wqy-zenhei
    "AR PL UMing CN",  # Linux: fonts-arphic-uming
)

# fonts known to give wrong PDF text with Qt 5 (see above)
BROKEN_PDF_TEXT = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Serif CJK SC", "Source Han Serif SC")


def installed_families():
    return set(QFontDatabase().families())


def configured_family():
    from qgis.core import QgsSettings

    return (QgsSettings().value(SETTING_KEY, "") or "").strip()


def sheet_font(installed=None):
    """(family, note): the family to use and a warning text or None."""
    installed = installed_families() if installed is None else set(installed)
    forced = configured_family()
    if forced:
        if forced in installed:
            return forced, None
        note = tr("font “{}” (setting {}) is not installed").format(forced, SETTING_KEY)
    else:
        note = None
    for family in SHEET_FONTS:
        if family in installed:
            return family, note
    return TEMPLATE_FAMILY, tr("none of the fonts {} is installed").format(", ".join(SHEET_FONTS))


def apply_to_template(xml_text, family):
    """The template's XML with its placeholder family replaced."""
    return xml_text.replace(TEMPLATE_FAMILY, family) if family != TEMPLATE_FAMILY else xml_text
