"""LandPlan 国土规划工具 – QGIS plugin entry point (lazy)."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import LandPlanPlugin

    return LandPlanPlugin(iface)
