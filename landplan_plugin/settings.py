"""Plugin settings a bureau sets once (Settings ▸ Options ▸ LandPlan).

Reports and map sheets are signed with 制表单位 (the bureau) and 制表人 (the
person who made the table) from here, never with the operating-system
login name.
"""

ORGANIZATION_KEY = "LandPlan/reportOrganization"
PREPARER_KEY = "LandPlan/reportPreparer"


def _value(key):
    try:
        from qgis.core import QgsSettings
    except ImportError:  # core used outside QGIS (Spark jobs): no signature
        return ""
    return (QgsSettings().value(key, "") or "").strip()


def organization():
    return _value(ORGANIZATION_KEY)


def preparer():
    return _value(PREPARER_KEY)


def set_signature(organization_name, preparer_name):
    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.setValue(ORGANIZATION_KEY, (organization_name or "").strip())
    settings.setValue(PREPARER_KEY, (preparer_name or "").strip())
