"""The zh_CN catalogue is compiled and used by tr()."""

from landplan_plugin.core.i18n import tr
from landplan_plugin.paths import PLUGIN_DIR


def test_ts_is_complete():
    import xml.etree.ElementTree as ET

    root = ET.parse(PLUGIN_DIR / "i18n" / "landplan_zh_CN.ts").getroot()
    unfinished = [
        m.find("source").text for m in root.iter("message") if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_chinese_translation_is_installed_for_zh_cn():
    from landplan_plugin import translation

    path = translation.install_translator("zh_CN")
    try:
        assert path and path.endswith("landplan_zh_CN.qm")
        assert tr("Farmland protection") == "耕地保护"
        assert tr("Field “{}” not found in {} (available: {}).").format("DLBM", "DLTB", "A, B") == (
            "DLTB 中找不到字段“DLBM”（现有字段：A, B）。"
        )
    finally:
        translation.remove_translators()
    assert tr("Farmland protection") == "Farmland protection"


def test_traditional_chinese_does_not_get_simplified_catalogue():
    from landplan_plugin import translation

    try:
        # lookup is zh_TW, then zh: there is no landplan_zh.qm, so zh_TW stays in English
        assert translation.install_translator("zh_TW") is None
        assert translation.install_translator("xx_YY") is None
    finally:
        translation.remove_translators()


def test_translations_format_like_their_sources():
    """Every translated message takes the same .format() arguments as its
    English source (a '{}' mixed with '{1}' would raise at the user's error)."""
    import re
    import xml.etree.ElementTree as ET

    root = ET.parse(PLUGIN_DIR / "i18n" / "landplan_zh_CN.ts").getroot()
    for message in root.iter("message"):
        source, translation = message.find("source").text or "", message.find("translation").text or ""
        count = len(re.findall(r"\{[^{}]*\}", source))
        if count:
            arguments = [1.5] * count
            source.format(*arguments)
            translation.format(*arguments)  # raises on a mismatch
