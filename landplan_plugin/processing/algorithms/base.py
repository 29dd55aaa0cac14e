"""Shared base of LandPlan algorithms: identity, translation, help.

Algorithms are thin adapters: read parameters, call one ``core`` function,
write sinks.  Keep no run state on ``self`` (batch mode and models create
fresh instances and may run them in parallel).
"""

import html

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP
from qgis.PyQt.QtGui import QIcon

from ...core.i18n import tr
from ...qgis_compat import OPTIONAL_PARAMETER
from ...paths import resource

HELP_URL = "https://github.com/landplan/landplan#algorithms"

GROUPS = {
    "area": QT_TRANSLATE_NOOP("@default", "Areas and land classes"),
    "farmland": QT_TRANSLATE_NOOP("@default", "Farmland protection"),
    "landsupply": QT_TRANSLATE_NOOP("@default", "Land supply"),
    "restoration": QT_TRANSLATE_NOOP("@default", "Ecological restoration"),
    "indicators": QT_TRANSLATE_NOOP("@default", "Plan indicators"),
    "cartography": QT_TRANSLATE_NOOP("@default", "Map sheets"),
}


class LandPlanAlgorithm(QgsProcessingAlgorithm):
    group_id = "area"

    def __init_subclass__(cls, **kwargs):
        # Help texts are plain text with rules such as "share < 1/3"; the
        # Processing dialog renders help as HTML, where a raw "<" starts a tag
        # and cuts the text.  Escape every subclass's help once, here.
        super().__init_subclass__(**kwargs)
        help_text = cls.__dict__.get("shortHelpString")
        if help_text is not None:

            def escaped(self, _help=help_text):
                return html.escape(_help(self), quote=False)

            cls.shortHelpString = escaped

    def createInstance(self):  # noqa: N802
        return type(self)()

    def groupId(self):  # noqa: N802
        return self.group_id

    def group(self):
        return tr(GROUPS[self.group_id])

    def icon(self):
        return QIcon(str(resource("icons", "landplan.svg")))

    def helpUrl(self):  # noqa: N802
        """A bundled help page (works without network), written in the UI
        language on first use; it links to the online documentation."""
        from ..help_pages import help_page_url

        return help_page_url(self, HELP_URL + "-" + self.name())

    # helpers ---------------------------------------------------------------
    def source_or_raise(self, parameters, name, context):
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def source_label(self, parameters, name, context, source):
        """A readable name for messages and reports: the layer name, with the
        GeoPackage layer ('file:DLTB') when given as 'file.gpkg|layername=DLTB'."""
        label = source.sourceName() if source is not None else ""
        value = parameters.get(name)
        text = value if isinstance(value, str) else ""
        if "layername=" in text:
            layer_name = text.split("layername=", 1)[1].split("|", 1)[0]
            if layer_name and layer_name != label:
                label = "{}:{}".format(label, layer_name) if label else layer_name
        return label or name

    def sink_or_raise(self, parameters, name, context, fields, wkb_type, crs, bulk=False):
        """The sink of output ``name``, presented (see processing.presentation):
        features are written rounded, with 公顷/亩 companions in tables, and
        the layer gets aliases and a style when it loads and in its file.
        ``bulk``: a new GeoPackage table is filled by
        ``presentation.BulkGeoPackageSink`` (``add_table`` only)."""
        from ...core import gpkgbulk
        from .. import presentation

        out_fields, companions = presentation.output_fields(fields, wkb_type)
        definition = self.parameterDefinition(name)
        if definition.flags() & OPTIONAL_PARAMETER and parameters.get(name) in (None, ""):
            return None, None  # an optional output the user did not ask for
        sink, dest = self.parameterAsSink(parameters, name, context, out_fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        kind = presentation.STYLE_KINDS.get((self.name(), name))
        presentation.register_post_processor(context, dest, kind)
        if presentation.is_geopackage(dest):
            # a list on the run's own instance: postProcessAlgorithm of this run reads it
            self.__dict__.setdefault("_styled_outputs", []).append((dest, kind))
        presented, sink = presentation.PresentedSink(sink, fields, out_fields, companions), None
        target = presentation.bulk_destination(dest, parameters.get(name)) if bulk else None
        if target is not None:
            presented.close()  # QGIS writes the empty table: its schema, CRS, spatial index
            table = gpkgbulk.BulkTable.open(*target, out_fields.names())
            if table is not None:
                return presentation.BulkGeoPackageSink(presented, table), dest
            # not the table expected: written through a new sink (the same output again)
            sink, dest = self.parameterAsSink(parameters, name, context, out_fields, wkb_type, crs)
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, name))
            presented = presentation.PresentedSink(sink, fields, out_fields, companions)
        return presented, dest

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Checks made before anything is written, for every algorithm and
        every way of running it (the dialog filters layer types, batch mode,
        models and qgis_process do not): each layer has the geometry type its
        parameter asks for, and each output's folder exists and is writable."""
        from . import validation

        validation.check_layer_types(self, parameters, context)
        validation.check_destinations(self, parameters, context)
        return True

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        from .. import presentation

        for dest, kind in self.__dict__.pop("_styled_outputs", []):
            presentation.store_default_style(dest, kind, feedback)
        return {}


def fields_from_spec(spec):
    """QgsFields from [(name, FieldType)] (string, double, integer or date)."""
    from qgis.core import QgsFields

    from ...qgis_compat import make_field

    fields = QgsFields()
    for name, kind in spec:
        fields.append(make_field(name, kind))
    return fields


def add_feature(sink, feature):
    """Write a feature or fail loudly: a sink that drops features would give
    a silently wrong table (QGIS only logs the failure)."""
    from qgis.core import QgsFeatureSink

    if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
        raise QgsProcessingException(tr("Could not write a feature: {}").format(sink.lastError()))


def require_field(source, field_name, layer_label, numeric=False, optional=False, default=None):
    """Index of ``field_name`` in ``source`` or a translated error.

    Returns -1 for an empty optional field name, and for an optional field
    left at its 三调 ``default`` name that the layer does not have (the user
    never chose it: a layer without GDDB simply has no grades)."""
    if not field_name:
        if optional:
            return -1
        raise QgsProcessingException(tr("No field chosen for {}.").format(layer_label))
    fields = source.fields()
    index = fields.lookupField(field_name)
    if index < 0 and optional and default is not None and field_name == default:
        return -1
    if index < 0:
        raise QgsProcessingException(
            tr("Field “{}” not found in {} (available: {}).").format(field_name, layer_label, ", ".join(fields.names()))
        )
    field = fields.at(index)
    if numeric and not field.isNumeric():
        from ...qgis_compat import FieldType

        if field.type() != FieldType.STRING:
            raise QgsProcessingException(
                tr("Field “{}” in {} must be numeric but is {}.").format(field_name, layer_label, field.typeName())
            )
        text_number_range(source, index, field_name, layer_label)
    return index


def text_number_range(source, index, field_name, layer_label):
    """(lowest, highest, a sample (text, number) written differently) of a
    text field holding numbers.  Numbers kept as text ("10,000.00",
    full-width digits) are read as the numbers they are
    (core.values.parse_number); any other text is refused here, naming the
    feature and the value, before an output exists."""
    from qgis.core import QgsFeatureRequest

    from ...core.values import NumberError, parse_number

    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
    low = high = sample = None
    for feature in source.getFeatures(request):
        raw = feature.attribute(index)
        try:
            value = parse_number(raw)
        except NumberError:
            raise QgsProcessingException(
                tr("Field “{}” of {}, feature {}: “{}” is not a number.").format(
                    field_name, layer_label, feature.id(), raw
                )
            ) from None
        if value is None:
            continue
        if sample is None and str(raw).strip() != repr(value):
            sample = (raw, value)
        low = value if low is None else min(low, value)
        high = value if high is None else max(high, value)
    return low, high, sample
