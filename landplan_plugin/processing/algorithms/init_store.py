"""landplan:initstore – create a shared indicator store on PostgreSQL/PostGIS.

Run once by the bureau's database owner: creates the schema, the five
tables with their constraints, the version/audit/notify triggers and the
two roles (editors read and write, viewers only read) with their grants.
Running it again brings an existing store's functions and grants up to
date and changes no data.  Rules: core.indicators.pg_store.initialise.
"""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterDatabaseSchema,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ...core.i18n import tr
from ...core.indicators.pg_store import DEFAULT_SCHEMA, initialise
from ...core.indicators.store import StoreError
from .base import LandPlanAlgorithm
from .indicators_common import pg_location, store_error_text


class InitStoreAlgorithm(LandPlanAlgorithm):
    CONNECTION = "CONNECTION"
    SCHEMA = "SCHEMA"
    EDITOR_ROLE = "EDITOR_ROLE"
    VIEWER_ROLE = "VIEWER_ROLE"

    group_id = "indicators"

    def name(self):
        return "initstore"

    def displayName(self):
        return tr("Initialise a shared indicator store (PostgreSQL)")

    def tags(self):
        return ["规划指标", "PostgreSQL", "PostGIS", "共享", "权限", "indicators", "shared store", "roles"]

    def shortHelpString(self):
        return tr(
            "Creates the shared indicator store in a PostgreSQL/PostGIS schema (default landplan): the tables "
            "lp_plan, lp_indicator, lp_observation, lp_audit and lp_meta with their constraints, triggers that bump "
            "row_version and write the audit with the database login and server time for every change (also "
            "changes made with pgAdmin or QGIS's attribute table), notifications that refresh open docks, and two "
            "roles: EDITOR_ROLE (default <schema>_editor) may read and write, VIEWER_ROLE (default <schema>_viewer) "
            "may only read. Grant them to the bureau's logins, e.g. GRANT landplan_editor TO zhang; Run it with a "
            "login that may create schemas and roles. Running it again changes no data."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterProviderConnection(self.CONNECTION, tr("PostgreSQL connection"), "postgres")
        )
        self.addParameter(
            QgsProcessingParameterDatabaseSchema(
                self.SCHEMA, tr("Schema"), self.CONNECTION, defaultValue=DEFAULT_SCHEMA, optional=True
            )
        )
        self.addParameter(QgsProcessingParameterString(self.EDITOR_ROLE, tr("Editor role"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.VIEWER_ROLE, tr("Viewer role"), optional=True))
        self.addOutput(QgsProcessingOutputString(self.EDITOR_ROLE, tr("Editor role")))
        self.addOutput(QgsProcessingOutputString(self.VIEWER_ROLE, tr("Viewer role")))

    def processAlgorithm(self, parameters, context, feedback):
        location = pg_location(
            self.parameterAsConnectionName(parameters, self.CONNECTION, context),
            self.parameterAsSchema(parameters, self.SCHEMA, context),
        )
        try:
            editor, viewer = initialise(
                location,
                self.parameterAsString(parameters, self.EDITOR_ROLE, context).strip() or None,
                self.parameterAsString(parameters, self.VIEWER_ROLE, context).strip() or None,
            )
        except StoreError as error:
            raise QgsProcessingException(
                tr("Cannot create the shared indicator store: {}").format(store_error_text(error))
            ) from error
        feedback.pushInfo(
            tr(
                "Indicator store ready in schema “{}”. Grant the roles to people: GRANT {} TO <login>; GRANT {} TO <login>;"
            ).format(location.schema, editor, viewer)
        )
        return {self.EDITOR_ROLE: editor, self.VIEWER_ROLE: viewer}
