"""The few places where QGIS versions differ, in one module.

QgsField takes a QMetaType.Type since QGIS 3.38 (the QVariant.Type
constructor is deprecated there and gone with Qt 6 / QGIS 4); 3.22–3.36 take
a QVariant.Type.  Algorithms name field types through :class:`FieldType`
and build fields with :func:`make_field`, so the switch is made here only.
"""

from qgis.core import Qgis, QgsField

QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT

if QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    class FieldType:
        STRING = QMetaType.Type.QString
        DOUBLE = QMetaType.Type.Double
        INT = QMetaType.Type.Int
        LONG = QMetaType.Type.LongLong
        DATE = QMetaType.Type.QDate

else:
    from qgis.PyQt.QtCore import QVariant

    class FieldType:
        STRING = QVariant.Type.String
        DOUBLE = QVariant.Type.Double
        INT = QVariant.Type.Int
        LONG = QVariant.Type.LongLong
        DATE = QVariant.Type.Date


TYPE_NAMES = {
    FieldType.STRING: "string",
    FieldType.DOUBLE: "double",
    FieldType.INT: "integer",
    FieldType.LONG: "integer64",
    FieldType.DATE: "date",
}


def make_field(name, kind, length=0, precision=0):
    return QgsField(name, kind, TYPE_NAMES[kind], length, precision)


def scale_legend_text(legend, factor, styles):
    """Scale the text of the legend ``styles`` by ``factor``: through the text
    format on QGIS ≥ 3.30 (setStyleFont is deprecated there), the font before."""
    for style_id in styles:
        style = legend.style(style_id)
        if hasattr(style, "textFormat"):
            text_format = style.textFormat()
            text_format.setSize(text_format.size() * factor)
            style.setTextFormat(text_format)
        else:
            font = style.font()
            font.setPointSizeF(font.pointSizeF() * factor)
            style.setFont(font)
        legend.setStyle(style_id, style)


# Advanced parameter flag: Qgis.ProcessingParameterFlag since 3.36; the
# QgsProcessingParameterDefinition.Flag alias is gone in QGIS 4.
_PARAMETER_FLAG = getattr(Qgis, "ProcessingParameterFlag", None)
if _PARAMETER_FLAG is not None:
    ADVANCED_PARAMETER = _PARAMETER_FLAG.Advanced
    OPTIONAL_PARAMETER = _PARAMETER_FLAG.Optional
else:
    from qgis.core import QgsProcessingParameterDefinition

    ADVANCED_PARAMETER = QgsProcessingParameterDefinition.Flag.FlagAdvanced
    OPTIONAL_PARAMETER = QgsProcessingParameterDefinition.Flag.FlagOptional


def make_advanced(parameter):
    parameter.setFlags(parameter.flags() | ADVANCED_PARAMETER)
    return parameter
