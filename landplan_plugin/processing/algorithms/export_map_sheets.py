"""landplan:exportmapsheets – 专题图批量输出.

One sheet per coverage feature, from a print-layout template: the map is
centred on the feature at the smallest allowed scale that fits it
(core.mapsheet), the feature is outlined on top of the user's layers (as
styled), and title, CRS note, 制图单位, 制图日期, data source and the
feature's row of an area table are filled in.  Exports PDF (text kept as
text, CJK font embedded) or PNG, and optionally one combined PDF.
Runs on the main thread (layouts and layer styles belong to it).
"""

import datetime
import os
import tempfile

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsFeature,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsPrintLayout,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsVectorLayer,
    QgsProcessing,
)
from qgis.PyQt.QtXml import QDomDocument

from ...core import crs as crs_rules
from ...core import mapsheet
from ... import fonts
from ...core.i18n import tr
from ..legend_fit import LegendFitter
from ...paths import resource
from .base import LandPlanAlgorithm, require_field

TEMPLATES = ("a4_portrait", "a4_landscape", "a3_landscape")
FORMATS = ("PDF", "PNG")


class ExportMapSheetsAlgorithm(LandPlanAlgorithm):
    COVERAGE = "COVERAGE"
    ID_FIELD = "ID_FIELD"
    FILTER = "FILTER"
    LAYERS = "LAYERS"
    TEMPLATE = "TEMPLATE"
    TEMPLATE_FILE = "TEMPLATE_FILE"
    TITLE = "TITLE"
    PROJECT_NAME_FIELD = "PROJECT_NAME_FIELD"
    ORGANIZATION = "ORGANIZATION"
    SCALES = "SCALES"
    AREA_TABLE = "AREA_TABLE"
    AREA_TABLE_ID_FIELD = "AREA_TABLE_ID_FIELD"
    FORMAT = "FORMAT"
    DPI = "DPI"
    SINGLE_PDF = "SINGLE_PDF"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    FILES = "FILES"
    COUNT = "COUNT"

    group_id = "cartography"

    def name(self):
        return "exportmapsheets"

    def displayName(self):
        return tr("Export map sheets")

    def tags(self):
        return ["专题图", "出图", "图幅", "用地范围图", "atlas", "map sheet", "pdf"]

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def shortHelpString(self):
        return (
            tr(
                "Makes one map sheet per coverage feature (e.g. per project) from a print-layout template (A4 portrait, "
                "A4 landscape, A3 landscape, or your own .qpt with a map item): the map is centred on the feature at "
                "the smallest allowed scale that fits it with a 10 % margin, the feature is outlined in red over the "
                "chosen layers as you styled them, and title, legend, scale bar, north arrow, coordinate grid, CRS note "
                "(e.g. 2000国家大地坐标系 3度带 中央经线114°), 制图单位, 制图日期 and data source are filled in. An area "
                "table (e.g. the occupation summary) joined on the id is printed on the sheet. Files are named by the id "
                "(unsafe characters replaced, Chinese kept). PDF text stays text (searchable, CJK font embedded)."
            )
            + tr(
                " The title is 「<name>用地范围图」 from the project name field when given; a project drawn on several "
                "sheets (several coverage features with one id) gets （第i幅/共n幅） and its table is the whole project's. "
                "The legend lists the project boundary and every class on the sheet, and is fitted into the template's "
                "legend box (more columns, then smaller text); it is never clipped."
            )
            + tr(
                " Font: the first installed of Microsoft YaHei, DengXian, SimHei, SimSun, WenQuanYi Micro Hei, "
                "WenQuanYi Zen Hei, AR PL UMing CN; the setting LandPlan/sheetFont forces another. Noto Sans CJK and "
                "Source Han Sans are not used: Qt writes their PDF text with wrong characters (digits lost, radicals)."
            )
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.COVERAGE, tr("Coverage (one sheet per feature)"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ID_FIELD, tr("Id field (names the files)"), parentLayerParameterName=self.COVERAGE
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression(
                self.FILTER, tr("Filter"), parentLayerParameterName=self.COVERAGE, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.LAYERS, tr("Layers drawn under the coverage"), QgsProcessing.SourceType.TypeMapLayer, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.TEMPLATE,
                tr("Template"),
                options=[tr("A4 portrait"), tr("A4 landscape"), tr("A3 landscape")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(self.TEMPLATE_FILE, tr("Own template (.qpt)"), extension="qpt", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.PROJECT_NAME_FIELD,
                tr("Project name field (for the title)"),
                parentLayerParameterName=self.COVERAGE,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression(
                self.TITLE,
                tr("Title"),
                parentLayerParameterName=self.COVERAGE,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.ORGANIZATION, tr("Mapping organisation (制图单位)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SCALES, tr("Allowed scales"), defaultValue="500,1000,2000,5000,10000,25000,50000"
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.AREA_TABLE, tr("Area table (optional)"), [QgsProcessing.SourceType.TypeVector], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.AREA_TABLE_ID_FIELD, tr("Area table id field"), defaultValue="project_id", optional=True
            )
        )
        self.addParameter(QgsProcessingParameterEnum(self.FORMAT, tr("Format"), options=list(FORMATS), defaultValue=0))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DPI,
                tr("Resolution (dpi)"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=300,
                minValue=30,
                maxValue=1200,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.SINGLE_PDF, tr("Also one combined PDF"), defaultValue=False)
        )
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addOutput(QgsProcessingOutputString(self.FILES, tr("Written files")))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Number of sheets")))

    def processAlgorithm(self, parameters, context, feedback):
        coverage = self.parameterAsVectorLayer(parameters, self.COVERAGE, context)
        if coverage is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.COVERAGE))
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        id_index = require_field(coverage, id_field, coverage.name())
        crs_rules.require_projected(coverage.crs(), coverage.name())
        try:
            scales = mapsheet.parse_scales(self.parameterAsString(parameters, self.SCALES, context))
        except ValueError as error:
            raise QgsProcessingException(tr("Cannot read the allowed scales: {}").format(error)) from error
        fmt = FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)]
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        single_pdf = self.parameterAsBoolean(parameters, self.SINGLE_PDF, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        _check_folder(folder)

        # features first: nothing is written if one of them cannot be drawn
        request = QgsFeatureRequest()
        expression_text = self.parameterAsExpression(parameters, self.FILTER, context)
        if expression_text:
            expression = QgsExpression(expression_text)
            if expression.hasParserError():
                raise QgsProcessingException(tr("Filter expression error: {}").format(expression.parserErrorString()))
            request.setFilterExpression(expression_text)
        features = list(coverage.getFeatures(request))
        if not features:
            raise QgsProcessingException(tr("No coverage feature matches the filter: nothing to draw."))
        for feature in features:
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                raise QgsProcessingException(
                    tr("Coverage feature “{}” has no geometry: no sheet can be centred on it.").format(
                        feature[id_index]
                    )
                )

        template_path = self.parameterAsFile(parameters, self.TEMPLATE_FILE, context)
        if not template_path:
            template_path = str(
                resource("layouts", TEMPLATES[self.parameterAsEnum(parameters, self.TEMPLATE, context)] + ".qpt")
            )
        project = context.project() or QgsProject()
        family, font_note = fonts.sheet_font()
        if font_note:
            feedback.pushWarning(tr("Map-sheet font: {}; using “{}”.").format(font_note, family))
        feedback.pushInfo(tr("Map-sheet font: {}").format(family))
        layout = _load_template(template_path, project, family)
        main_map = _main_map(layout)
        layers = self.parameterAsLayerList(parameters, self.LAYERS, context)
        in_project = set(project.mapLayers().keys()) if context.project() is not None else set()
        for layer, value in zip(layers, _layer_values(parameters.get(self.LAYERS))):
            if layer.id() not in in_project:
                _prepare_loaded_layer(layer, value)
        area_table = self.parameterAsVectorLayer(parameters, self.AREA_TABLE, context)
        table_id_field = self.parameterAsString(parameters, self.AREA_TABLE_ID_FIELD, context) or "project_id"
        if area_table is not None:
            require_field(area_table, table_id_field, area_table.name())

        highlight = QgsVectorLayer(
            "MultiPolygon?crs={}".format(coverage.crs().authid() or coverage.crs().toWkt()),
            tr("Project boundary"),
            "memory",
        )
        highlight.setRenderer(_outline_renderer())
        # the first listed layer is drawn at the bottom, as when adding layers to a map
        map_layers = [highlight] + list(reversed(layers))
        main_map.setCrs(coverage.crs())
        main_map.setLayers(map_layers)
        main_map.setKeepLayerSet(True)
        fitters = []
        for item in layout.items():
            if isinstance(item, QgsLayoutItemLegend):
                root = QgsLayerTree()
                root.addLayer(highlight)  # the project boundary is read from the legend too
                for layer in layers:
                    root.addLayer(layer)
                item.setAutoUpdateModel(False)
                item.model().setRootGroup(root)
                item.setLegendFilterByMapEnabled(True)  # only the classes on the sheet
                fitters.append(LegendFitter(layout, item))
        name_field = self.parameterAsString(parameters, self.PROJECT_NAME_FIELD, context)
        require_field(coverage, name_field, coverage.name(), optional=True)
        title_expression = self.parameterAsExpression(
            parameters, self.TITLE, context
        ) or mapsheet.default_title_expression(id_field, name_field)
        organization = self.parameterAsString(parameters, self.ORGANIZATION, context)
        today = datetime.date.today()
        source_text = "数据来源：" + "、".join(layer.name() for layer in layers) if layers else "数据来源："
        _set_label(layout, "crs_note", crs_rules.describe_crs_zh(coverage.crs()))
        _set_label(layout, "organization", "制图单位：" + (organization or ""))
        _set_label(layout, "date", "制图日期：{}年{}月{}日".format(today.year, today.month, today.day))
        _set_label(layout, "source", source_text)
        table_frame = _area_table(layout)
        if table_frame is not None and area_table is not None:
            table_frame.setVectorLayer(area_table)
            table_frame.setFilterFeatures(True)

        frame_w = main_map.rect().width()
        frame_h = main_map.rect().height()
        used = set()
        written = []
        expression_context = QgsExpressionContext()
        expression_context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(coverage))
        title = QgsExpression(title_expression)
        exporter = QgsLayoutExporter(layout)
        combined = None
        try:
            if single_pdf:
                combined = _CombinedPdf(os.path.join(folder, "全部图幅.pdf"), layout, dpi)
            sheet_numbers = mapsheet.sheet_numbers([feature[id_index] for feature in features])
            for n, feature in enumerate(features):
                if feedback.isCanceled():
                    break
                sheet_id = feature[id_index]
                number, of = sheet_numbers[n]
                name = mapsheet.safe_filename(sheet_id, used)
                expression_context.setFeature(feature)
                title_text = title.evaluate(expression_context)
                if title.hasEvalError():
                    raise QgsProcessingException(tr("Title expression error: {}").format(title.evalErrorString()))
                _set_label(
                    layout,
                    "title",
                    mapsheet.numbered_title(title_text if title_text is not None else sheet_id, number, of),
                )
                geometry = feature.geometry()
                box = geometry.boundingBox()
                scale, fits = mapsheet.choose_scale(box.width(), box.height(), frame_w, frame_h, scales)
                if not fits:
                    feedback.pushWarning(
                        tr("Sheet {} does not fit at 1:{:.0f}; drawn at that scale anyway.").format(sheet_id, scale)
                    )
                centre = box.center()
                half_w = frame_w / 1000.0 * scale / 2.0
                half_h = frame_h / 1000.0 * scale / 2.0
                main_map.setExtent(
                    QgsRectangle(centre.x() - half_w, centre.y() - half_h, centre.x() + half_w, centre.y() + half_h)
                )
                main_map.setScale(scale)
                interval = mapsheet.grid_interval(2 * half_w)
                _scale_bars(layout, scale)
                for grid in main_map.grids().asList():
                    grid.setCrs(coverage.crs())
                    grid.setIntervalX(interval)
                    grid.setIntervalY(interval)
                highlight.dataProvider().truncate()
                marker = QgsFeature()
                marker.setGeometry(geometry)
                highlight.dataProvider().addFeatures([marker])
                highlight.updateExtents()
                if table_frame is not None and area_table is not None:
                    table_frame.setFeatureFilter(
                        "{} = {}".format(
                            QgsExpression.quotedColumnRef(table_id_field), QgsExpression.quotedValue(str(sheet_id))
                        )
                    )
                    _table_columns(table_frame, area_table, whole_project=of > 1)
                    table_frame.refreshAttributes()
                    table_frame.refresh()
                layout.refresh()
                for fitter in fitters:
                    if not fitter.fit():
                        feedback.pushWarning(
                            tr(
                                "Sheet {}: the legend is taller than its frame even in {} columns with small text; "
                                "use a larger template or fewer layers."
                            ).format(sheet_id, fitter.legend.columnCount())
                        )
                path = os.path.join(folder, "{}.{}".format(name, fmt.lower()))
                if fmt == "PDF":
                    settings = QgsLayoutExporter.PdfExportSettings()
                    settings.dpi = dpi
                    settings.rasterizeWholeImage = False
                    settings.forceVectorOutput = True
                    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
                    status = exporter.exportToPdf(path, settings)
                else:
                    settings = QgsLayoutExporter.ImageExportSettings()
                    settings.dpi = dpi
                    status = exporter.exportToImage(path, settings)
                if status != QgsLayoutExporter.ExportResult.Success:
                    raise QgsProcessingException(
                        tr("Could not write {}: {}").format(path, exporter.errorMessage() or status)
                    )
                written.append(path)
                if combined is not None:
                    combined.add_page(exporter)
                feedback.setProgress(int(100.0 * (n + 1) / len(features)))
            if combined is not None:
                written.append(combined.finish())
                combined = None
        except Exception:
            # nothing half-written: remove this run's files
            if combined is not None:
                combined.abort()
            for path in written:
                try:
                    os.remove(path)
                except OSError:
                    pass
            raise
        return {
            self.FILES: written,
            self.COUNT: len([p for p in written if not p.endswith("全部图幅.pdf")]),
            self.OUTPUT_FOLDER: folder,
        }


# 三调 / 国土空间 database layer names as they should read in a legend
STANDARD_LAYER_NAMES = {
    "DLTB": "地类图斑",
    "YJJBNT": "永久基本农田",
    "JBNTBHTB": "永久基本农田",
    "XZQ": "行政区",
    "CJDCQ": "村级调查区",
    "STBHHX": "生态保护红线",
    "CZKFBJ": "城镇开发边界",
}

AREA_COLUMN_NAMES = {
    "total_m2": "总面积（亩）",
    "farmland_m2": "耕地（亩）",
    "basic_farmland_m2": "永久基本农田（亩）",
    "paddy_m2": "水田（亩）",
    "construction_m2": "建设用地（亩）",
    "area_m2": "面积（亩）",
    "unsupplied_m2": "未供地（亩）",
}


ID_COLUMN_NAMES = {
    "project_id": "项目编号",
    "XMBH": "项目编号",
    "ZDBH": "宗地编号",
    "PCBH": "批次编号",
    "batch_id": "批次编号",
}


def _table_columns(table, layer, whole_project=False):
    """Readable columns: the id and up to three area fields, in 亩 (2
    decimals), with Chinese headings; on a project drawn on several sheets
    the id heading says the figures are the whole project's."""
    from qgis.core import QgsLayoutTableColumn

    columns = []
    names = [f.name() for f in layer.fields() if f.name().lower() != "fid"]
    chosen = [n for n in AREA_COLUMN_NAMES if n in names][:3] or names[:3]
    first = [n for n in names if n.endswith("_id") or n.upper() in ("XMBH", "ZDBH", "PCBH")][:1]
    for name in first + [n for n in chosen if n not in first]:
        column = QgsLayoutTableColumn()
        if name in AREA_COLUMN_NAMES:
            column.setHeading(AREA_COLUMN_NAMES[name])
            column.setAttribute("format_number({} * 3 / 2000, 2)".format(QgsExpression.quotedColumnRef(name)))
        else:
            alias = layer.attributeAlias(layer.fields().lookupField(name))
            heading = ID_COLUMN_NAMES.get(name, ID_COLUMN_NAMES.get(name.upper(), alias or name))
            if whole_project and name in first:
                heading += "（全项目合计）"
            column.setHeading(heading)
            column.setAttribute(QgsExpression.quotedColumnRef(name))
        columns.append(column)
    table.setColumns(columns)


def _scale_bars(layout, scale):
    """Two segments of a round length of about 20 mm each on paper."""
    from qgis.core import QgsLayoutItemScaleBar

    segment = mapsheet.grid_interval(scale * 0.02 * 4)
    for item in layout.items():
        if isinstance(item, QgsLayoutItemScaleBar):
            item.setUnitsPerSegment(segment)
            item.setNumberOfSegments(2)
            item.setNumberOfSegmentsLeft(0)
            item.setMapUnitsPerScaleBarUnit(1.0)
            item.refreshItemSize()


def _layer_values(value):
    if value is None:
        return []
    return value if isinstance(value, (list, tuple)) else [value]


def _prepare_loaded_layer(layer, value):
    """A layer given as a path: name it after its GeoPackage layer, load its
    default style; a 三调 layer without a style gets the 三调 symbology."""
    from ...core.symbology import landuse_renderer

    text = value if isinstance(value, str) else ""
    if "layername=" in text:
        name = text.split("layername=", 1)[1].split("|", 1)[0]
        layer.setName(STANDARD_LAYER_NAMES.get(name.upper(), name))
    if not isinstance(layer, QgsVectorLayer):
        return
    _message, ok = layer.loadDefaultStyle()
    if ok:
        return
    if layer.fields().lookupField("DLBM") >= 0:
        layer.setRenderer(landuse_renderer("DLBM"))
    elif layer.geometryType() == 2:
        # an unstyled polygon layer would hide what lies under it: outline only
        from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

        symbol = QgsFillSymbol.createSimple(
            {"style": "b_diagonal", "color": "0,150,0,255", "outline_color": "0,130,0,255", "outline_width": "0.5"}
        )
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def _check_folder(folder):
    try:
        os.makedirs(folder, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".landplan-")
        os.close(handle)
        os.remove(probe)
    except OSError as error:
        raise QgsProcessingException(tr("Cannot write to the output folder {}: {}").format(folder, error)) from error


def _load_template(path, project, font_family=None):
    document = QDomDocument()
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        if font_family:
            text = fonts.apply_to_template(text, font_family)
        ok = document.setContent(text)
    except OSError as error:
        raise QgsProcessingException(tr("Cannot read the template {}: {}").format(path, error)) from error
    if not ok:
        raise QgsProcessingException(tr("The template {} is not a QGIS layout template (.qpt).").format(path))
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise QgsProcessingException(tr("The template {} could not be loaded.").format(path))
    return layout


def _main_map(layout):
    item = layout.itemById("main_map")
    if isinstance(item, QgsLayoutItemMap):
        return item
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            return item
    raise QgsProcessingException(tr("The template has no map item: add a map to it."))


def _set_label(layout, item_id, text):
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutItemLabel):
        item.setText(text)


def _area_table(layout):
    for frame in layout.multiFrames():
        if isinstance(frame, QgsLayoutItemAttributeTable):
            return frame
    return None


def _outline_renderer():
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    symbol = QgsFillSymbol.createSimple(
        {
            "color": "255,0,0,0",
            "style": "no",
            "outline_color": "230,0,0,255",
            "outline_width": "0.8",
            "outline_width_unit": "MM",
        }
    )
    return QgsSingleSymbolRenderer(symbol)


class _CombinedPdf:
    """All sheets as pages of one PDF, drawn with the layout exporter's
    page renderer into a QPdfWriter (text stays text)."""

    def __init__(self, path, layout, dpi):
        from qgis.PyQt.QtCore import QMarginsF, QSizeF
        from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

        self.path = path
        page = layout.pageCollection().page(0)
        size = layout.convertToLayoutUnits(page.pageSize())
        self.writer = QPdfWriter(path)
        self.writer.setResolution(dpi)
        self.writer.setPageLayout(
            QPageLayout(
                QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Millimeter),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        self.painter = QPainter()
        self.started = False
        self._QPainter = QPainter

    def add_page(self, exporter):
        # renderPage draws with the layout's own render context, whose text
        # format defaults to outlines on QGIS >= 3.30: keep text as text
        context = exporter.layout().renderContext()
        context.setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
        if not self.started:
            self.painter.begin(self.writer)
            self.started = True
        else:
            self.writer.newPage()
        exporter.renderPage(self.painter, 0)

    def finish(self):
        if self.started:
            self.painter.end()
        return self.path

    def abort(self):
        if self.started:
            self.painter.end()
        try:
            os.remove(self.path)
        except OSError:
            pass
