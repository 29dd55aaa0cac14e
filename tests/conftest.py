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


# -- PostgreSQL: a real throw-away server for the shared indicator store ----------------------
PG_EDITORS = ("alice", "bob")
PG_VIEWERS = ("carol",)


class PgServer:
    """The session's server: superuser conninfo, logins alice and bob
    (editors of every test store) and carol (a viewer)."""

    def __init__(self, conninfo):
        self.conninfo = conninfo
        self.count = 0

    def as_user(self, user):
        return self.conninfo.replace("user=postgres", "user=" + user)

    def new_store(self):
        """A fresh, initialised store schema; returns its owner's PgLocation."""
        import psycopg2

        from landplan_plugin.core.indicators.pg_store import PgLocation, initialise

        self.count += 1
        location = PgLocation(self.conninfo, "t{:03d}".format(self.count))
        editor, viewer = initialise(location)
        with psycopg2.connect(self.conninfo) as db, db.cursor() as cursor:
            for user in PG_EDITORS:
                cursor.execute("GRANT {} TO {}".format(editor, user))
            for user in PG_VIEWERS:
                cursor.execute("GRANT {} TO {}".format(viewer, user))
        return location

    def location_for(self, location, user):
        from landplan_plugin.core.indicators.pg_store import PgLocation

        return PgLocation(self.as_user(user), location.schema)


@pytest.fixture(scope="session")
def pg_server():
    """Started once per test session under build/ (as Debian's postgres user
    when the tests run as root: the server refuses root) and removed after."""
    import pg_cluster
    import psycopg2

    directory = str(BUILD_DIR / "pg-test")
    conninfo = pg_cluster.start(directory)
    try:
        pg_cluster.wait_ready(conninfo)
        with psycopg2.connect(conninfo) as db, db.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS postgis")  # the store sits beside PostGIS data
            for user in PG_EDITORS + PG_VIEWERS:
                cursor.execute("CREATE ROLE {} LOGIN".format(user))
        yield PgServer(conninfo)
    finally:
        pg_cluster.stop(directory)


@pytest.fixture(params=["gpkg", "postgres"])
def store_backend(request, tmp_path):
    """The store contract runs on both back ends: a factory of fresh stores
    (``new()`` → location) and ``open(location, user=None)``."""
    from landplan_plugin.core.indicators.store import open_store

    class Backend:
        kind = request.param

        def __init__(self):
            self.server = request.getfixturevalue("pg_server") if self.kind == "postgres" else None
            self.opened = []

        def new(self):
            if self.server is None:
                return str(tmp_path / "store{}.gpkg".format(len(self.opened)))
            return self.server.new_store()

        def open(self, location, user=None, **options):
            if user is not None and self.server is not None:
                location = self.server.location_for(location, user)
            store = open_store(location, **options)
            self.opened.append(store)
            return store

        def worker_location(self, location):
            """The store as tests/store_worker.py takes it on its command line."""
            return location if self.server is None else "pg:{}:{}".format(location.schema, location.conninfo)

    backend = Backend()
    yield backend
    for store in backend.opened:
        close = getattr(store, "close", None)
        if close:
            close()
