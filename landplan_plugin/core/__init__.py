"""Pure domain logic of LandPlan: no widgets, no iface.

Modules here may use qgis.core (geometries, transforms) and numpy, but never
qgis.gui or qgis.utils.iface, so they run the same in the desktop, in
qgis_process and in tests.
"""
