"""Shared fixtures: the plugin loaded once per session, its provider
registered, and helpers that write real GeoPackages for the algorithms.

Plugin modules are imported inside fixtures (never at module level), so
pytest-qgis has set up QGIS and iface first.
"""

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

SAMPLE_GPKG = ROOT / "resources" / "sample" / "sample_county.gpkg"
BUILD_DIR = ROOT / "build"


@pytest.fixture(scope="session")
def landplan(qgis_app, qgis_iface, qgis_processing):
    """The plugin instance with its provider registered (once per session)."""
    from qgis.core import QgsApplication

    import landplan_plugin

    plugin = landplan_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    assert QgsApplication.processingRegistry().providerById("landplan") is not None
    yield plugin
    plugin.unload()


@pytest.fixture
def sample_gpkg(tmp_path):
    """A private copy of the sample county: tests never touch the original."""
    target = tmp_path / "样例县.gpkg"
    shutil.copy2(SAMPLE_GPKG, target)
    return target


@pytest.fixture
def make_gpkg(tmp_path):
    """make_gpkg(name, layers) → path; layers maps layer name to
    (geometry type, 'EPSG:xxxx', [(field, type)], [(wkt, {field: value})])."""
    from testdata import write_gpkg

    def factory(name, layers):
        return write_gpkg(tmp_path / name, layers)

    return factory
