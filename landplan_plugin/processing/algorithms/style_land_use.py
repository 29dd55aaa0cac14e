"""landplan:stylelanduse – apply the 三调 land-use symbology to a layer.

Only the layer's style changes (in the project); the data are untouched.
With SAVE_AS_DEFAULT the style is also stored in the layer's GeoPackage
(layer_styles table) as its default, so qgis_process and other projects
open the layer styled – an explicit opt-in, since it writes to the file.
"""

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterField,
    QgsProcessingParameterVectorLayer,
)

from ...core.i18n import tr
from ...core.symbology import landuse_renderer
from .base import LandPlanAlgorithm


class StyleLandUseAlgorithm(LandPlanAlgorithm):
    INPUT = "INPUT"
    DLBM_FIELD = "DLBM_FIELD"
    SAVE_AS_DEFAULT = "SAVE_AS_DEFAULT"
    OUTPUT = "OUTPUT"

    group_id = "cartography"

    def name(self):
        return "stylelanduse"

    def displayName(self):
        return tr("Style land use (三调 symbology)")

    def tags(self):
        return ["三调", "符号", "配色", "地类", "style", "symbology"]

    def flags(self):
        # styles belong to layers owned by the GUI thread
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def shortHelpString(self):
        return tr(
            "Colours a 三调 land-use layer by land class (地类编码) with the customary 三调 colours and Chinese legend "
            "labels (‘0101 水田’). Suffixed codes (0201K, 1104A) take their base class’s colour. The colours are a "
            "table in resources/tables/landclass_colors.csv: edit it to follow your province’s symbol library. "
            "Only the style changes; with ‘Save as default style’ it is also stored in the GeoPackage (layer_styles) "
            "so the layer opens styled elsewhere."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(self.INPUT, tr("Land-use layer")))
        self.addParameter(
            QgsProcessingParameterField(
                self.DLBM_FIELD,
                tr("Land-class code field (DLBM)"),
                defaultValue="DLBM",
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SAVE_AS_DEFAULT, tr("Save as default style in the GeoPackage"), defaultValue=False
            )
        )
        self.addOutput(QgsProcessingOutputVectorLayer(self.OUTPUT, tr("Styled layer")))

    def processAlgorithm(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        field = self.parameterAsString(parameters, self.DLBM_FIELD, context) or "DLBM"
        if layer.fields().lookupField(field) < 0:
            raise QgsProcessingException(
                tr("Field “{}” not found in {} (available: {}).").format(
                    field, layer.name(), ", ".join(layer.fields().names())
                )
            )
        layer.setRenderer(landuse_renderer(layer.fields().field(layer.fields().lookupField(field)).name()))
        layer.triggerRepaint()
        if self.parameterAsBoolean(parameters, self.SAVE_AS_DEFAULT, context):
            if layer.providerType() != "ogr" or ".gpkg" not in layer.source().lower():
                raise QgsProcessingException(tr("Only GeoPackage layers can store a default style."))
            message = layer.saveStyleToDatabase("三调地类", "LandPlan 三调 land-use symbology", True, "")
            if message:
                feedback.pushWarning(message)
        return {self.OUTPUT: layer.id()}
