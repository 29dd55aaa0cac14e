"""Shared helpers of the indicator algorithms.

A store is named either by ``STORE`` (a GeoPackage file: one person) or by
``STORE_CONNECTION`` + ``STORE_SCHEMA`` (a PostgreSQL connection from
QGIS's own connection registry and the schema holding the shared store).
For scripts and servers without a saved connection, STORE_CONNECTION also
takes a libpq conninfo (``host=… dbname=… user=…``) or a ``postgresql://``
URI.
"""

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingParameterDatabaseSchema,
    QgsProcessingParameterFile,
    QgsProcessingParameterProviderConnection,
    QgsProviderConnectionException,
    QgsProviderRegistry,
)

from ...core.i18n import tr
from ...core.indicators.pg_store import DEFAULT_SCHEMA, PgLocation
from ...core.indicators.store import (
    NotAStoreError,
    StoreBusyError,
    StoreError,
    StorePermissionError,
    open_store as open_any_store,
)


def store_error_text(error):
    """A store error in the user's language (the cases users meet)."""
    if isinstance(error, StoreBusyError):
        return tr(
            "The indicator store {} is locked by another program or user (another QGIS saving, or a database "
            "tool with an open transaction); waited {:g} s. Try again later."
        ).format(error.path, error.waited)
    if isinstance(error, StorePermissionError):
        return tr(
            "The database refused the change: your login may only read this indicator store (a viewer). Ask the "
            "bureau's database administrator for the editor role. ({})"
        ).format(error)
    return str(error)


def add_store_parameters(algorithm, prefix="STORE", label=None, optional_file=True):
    """STORE (GeoPackage), STORE_CONNECTION (PostgreSQL) and STORE_SCHEMA."""
    algorithm.addParameter(
        QgsProcessingParameterFile(
            prefix, label or tr("Indicator store (GeoPackage)"), extension="gpkg", optional=optional_file
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterProviderConnection(
            prefix + "_CONNECTION", tr("…or a shared store: PostgreSQL connection"), "postgres", optional=True
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterDatabaseSchema(
            prefix + "_SCHEMA",
            tr("Schema of the shared store"),
            prefix + "_CONNECTION",
            defaultValue=DEFAULT_SCHEMA,
            optional=True,
        )
    )


def pg_location(connection, schema):
    """A PgLocation from a QGIS connection name (or a conninfo / URI)."""
    schema = (schema or "").strip() or DEFAULT_SCHEMA
    text = (connection or "").strip()
    if text.startswith(("postgresql://", "postgres://")) or "=" in text:
        return PgLocation(text, schema)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        found = metadata.findConnection(text) if metadata is not None else None
    except QgsProviderConnectionException:
        found = None
    if found is None:
        known = ", ".join(sorted(metadata.connections().keys())) if metadata is not None else ""
        raise QgsProcessingException(
            tr("There is no PostgreSQL connection named “{}” in QGIS (connections: {}).").format(text, known or "—")
        )
    # connectionInfo(True) expands an authentication configuration into libpq terms
    return PgLocation(QgsDataSourceUri(found.uri()).connectionInfo(True), schema, label=text)


def store_location(algorithm, parameters, context, prefix="STORE"):
    """The store the parameters name: a GeoPackage path or a PgLocation."""
    connection = algorithm.parameterAsConnectionName(parameters, prefix + "_CONNECTION", context)
    path = algorithm.parameterAsFile(parameters, prefix, context)
    if connection and path:
        raise QgsProcessingException(
            tr("{0}: give either a GeoPackage file or a PostgreSQL connection ({0}_CONNECTION), not both.").format(
                prefix
            )
        )
    if connection:
        schema = algorithm.parameterAsSchema(parameters, prefix + "_SCHEMA", context)
        return pg_location(connection, schema)
    if not path:
        raise QgsProcessingException(
            tr("{0}: choose the indicator store (a GeoPackage, or a PostgreSQL connection in {0}_CONNECTION).").format(
                prefix
            )
        )
    return path


def open_store(location, create=False, adopt=False, readonly=False):
    """The store at ``location``: read-only for algorithms that only read;
    only importindicators creates a GeoPackage store (a shared one is made by
    initstore).  A file that is not a store is refused before anything is
    written to it."""
    if not location:
        raise QgsProcessingException(tr("Choose the indicator store (GeoPackage)."))
    try:
        return open_any_store(location, create=create, adopt=adopt, readonly=readonly)
    except NotAStoreError as error:
        if isinstance(location, PgLocation):
            raise QgsProcessingException(
                tr(
                    "The schema “{}” of {} holds no LandPlan indicator store; create it first with “Initialise a "
                    "shared indicator store” (landplan:initstore)."
                ).format(location.schema, location.label or "PostgreSQL")
            ) from error
        hint = (
            tr("tick “Add the indicator tables to an existing GeoPackage of other data” to keep the indicators in it")
            if create and not adopt
            else tr("import an indicator table into it first (Import plan indicators)")
        )
        raise QgsProcessingException(
            tr("{} is not a LandPlan indicator store; nothing was written to it ({}).").format(location, hint)
        ) from error
    except StoreError as error:
        raise QgsProcessingException(
            tr("Cannot open the indicator store: {}").format(store_error_text(error))
        ) from error


def plan_or_raise(store, name):
    plan = store.plan(name)
    if plan is None:
        known = ", ".join(p["name"] for p in store.plans()) or "—"
        raise QgsProcessingException(tr("No plan “{}” in the store (plans: {}).").format(name, known))
    return plan
