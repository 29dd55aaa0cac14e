"""landplan:farmlandchange – 耕地变化与进出平衡分析.

Thin adapter: core.overlay.overlay_surveys streams the BEFORE × AFTER
overlay in tiles; each piece is split by zones and basic farmland; the rules
(change types, net areas, matrix flows, 进出平衡) are in core.change.
"""

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ...qgis_compat import FieldType
from ...core import change, overlay, report
from ...core import crs as crs_rules
from ...core.area import MODE_APPORTIONED, MODE_ELLIPSOIDAL, MODE_PLANAR
from ...core.i18n import tr
from .base import LandPlanAlgorithm, add_feature, fields_from_spec, require_field
from .common import (
    ellipsoidal_area,
    AREA_MODE_NAMES,
    add_area_mode_parameter,
    area_mode_label,
    check_survey_numbers,
    geopackage_table,
    geometry_policy,
    key_text,
    read_regions,
)

CHANGE_FIELDS = (
    ("zone", FieldType.STRING),
    ("from_dlbm", FieldType.STRING),
    ("to_dlbm", FieldType.STRING),
    ("from_group", FieldType.STRING),
    ("to_group", FieldType.STRING),
    ("in_basic_farmland", FieldType.INT),
    ("area_m2", FieldType.DOUBLE),
    ("change_type", FieldType.STRING),
    ("change_type_zh", FieldType.STRING),
    ("net_before_m2", FieldType.DOUBLE),
    ("net_after_m2", FieldType.DOUBLE),
)


class FarmlandChangeAlgorithm(LandPlanAlgorithm):
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    DLBM_FIELD = "DLBM_FIELD"
    TBMJ_FIELD = "TBMJ_FIELD"
    TBDLMJ_FIELD = "TBDLMJ_FIELD"
    KCXS_FIELD = "KCXS_FIELD"
    AREA_MODE = "AREA_MODE"
    BASIC_FARMLAND = "BASIC_FARMLAND"
    ZONES = "ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    GRADE_FIELD = "GRADE_FIELD"
    ZLDWDM_FIELD = "ZLDWDM_FIELD"
    GROUP_BY = "GROUP_BY"
    GRASS_AS_AGRICULTURAL = "GRASS_AS_AGRICULTURAL"
    EXEMPT = "EXEMPT"
    EXEMPT_TYPE_FIELD = "EXEMPT_TYPE_FIELD"
    YEAR_BEFORE = "YEAR_BEFORE"
    YEAR_AFTER = "YEAR_AFTER"
    REPAIR_INVALID = "REPAIR_INVALID"
    OUTPUT_CHANGES = "OUTPUT_CHANGES"
    OUTPUT_MATRIX = "OUTPUT_MATRIX"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    group_id = "farmland"

    def name(self):
        return "farmlandchange"

    def displayName(self):
        return tr("Farmland change and in-out balance")

    def tags(self):
        return ["耕地变化", "进出平衡", "非农化", "变更调查", "转移矩阵", "farmland change", "transition matrix"]

    def shortHelpString(self):
        return tr(
            "Overlays two land-use surveys (BEFORE and AFTER, e.g. 三调 and a 变更调查) – by geometry, not by BSM – "
            "and reports where farmland went and came from.\n\n"
            "Change types: farmland_to_agricultural (耕地 → 园地/林地/草地/设施农用地 and other 农用地: the 进出平衡 "
            "outflow), agricultural_to_farmland (the inflow), farmland_to_construction (非农化), "
            "construction_to_farmland (复垦), farmland_to_unused, unused_to_farmland, other. 进出平衡 "
            "(自然资发〔2021〕166号): inout_ok when the inflow is at least the outflow in the period. "
            "basic_farmland_out_m2: farmland inside 永久基本农田 turned into anything else.\n\n"
            "Farmland figures are net (地类) areas: 田坎 is not farmland. Before-figures use each piece’s share of the "
            "BEFORE 图斑, after-figures its share of the AFTER 图斑 (mode 0: TBMJ/TBDLMJ shares). The matrix and the "
            "changes use the BEFORE share; the matrix keeps 田坎 as its own group so unchanged farmland stays on "
            "the diagonal. Area not covered by the other survey is reported (uncovered_*_m2 in the total row; "
            "planar in modes 1 and 2), not counted as change. The layers are streamed in tiles; AFTER, zones and "
            "basic farmland are reprojected to BEFORE’s CRS when they differ.\n\n"
            "Verdict (自然资发〔2021〕166号): 平衡 only when the inflow covers the outflow (balance_ok), the 水田 "
            "inflow covers the 水田 outflow (paddy_ok), the inflow's area-weighted 等别 (GRADE_FIELD, lower = better) "
            "is no worse than the outflow's (quality_ok, NULL without grades: 未核查) and no 永久基本农田 turned into "
            "other agricultural land (basic_to_agri_m2, prohibited); otherwise 不平衡 with the reasons. "
            "GRASS_AS_AGRICULTURAL (default on) counts 0404 其他草地 as other agricultural land as 166号 names 草地; "
            "off keeps the 三大类 reading (未利用地). Outflow inside EXEMPT polygons (approved 生态退耕, 灾毁 …) is "
            "exempt_out_m2, not counted as outflow. Every row satisfies net_m2 = in + reclaimed + from_unused − out "
            "− nonagri − to_unused, and net_change_m2 (after − before) = net_m2 − exempt_out_m2 + restated_m2 "
            "(farmland that stayed farmland with another net area, or changed to or from an unknown code).\n\n"
            "GROUP_BY: 0 = zone polygons (cut by geometry); 1 = 坐落单位代码 (ZLDWDM_FIELD): outflow belongs to the "
            "before 图斑's ZLDWDM, inflow to the after 图斑's, without any geometric cut."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BEFORE, tr("Land use before (DLTB)"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AFTER, tr("Land use after (DLTB)"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        for name, label, default, kind in (
            (self.DLBM_FIELD, tr("Land-class code field (DLBM)"), "DLBM", QgsProcessingParameterField.DataType.Any),
            (self.TBMJ_FIELD, tr("Parcel area field (TBMJ)"), "TBMJ", QgsProcessingParameterField.DataType.Numeric),
            (
                self.TBDLMJ_FIELD,
                tr("Net land-class area field (TBDLMJ)"),
                "TBDLMJ",
                QgsProcessingParameterField.DataType.Numeric,
            ),
            (
                self.KCXS_FIELD,
                tr("Field-ridge coefficient field (KCXS)"),
                "KCXS",
                QgsProcessingParameterField.DataType.Numeric,
            ),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name, label, defaultValue=default, parentLayerParameterName=self.BEFORE, type=kind, optional=True
                )
            )
        for name, label, default in (
            (self.GRADE_FIELD, tr("Farmland quality grade field (GDDB)"), "GDDB"),
            (self.ZLDWDM_FIELD, tr("Village code field (ZLDWDM)"), "ZLDWDM"),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name, label, defaultValue=default, parentLayerParameterName=self.BEFORE, optional=True
                )
            )
        add_area_mode_parameter(self, self.AREA_MODE, MODE_APPORTIONED)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BASIC_FARMLAND,
                tr("Permanent basic farmland (永久基本农田)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ZONES, tr("Zones (e.g. villages)"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ZONE_FIELD, tr("Zone name field"), parentLayerParameterName=self.ZONES, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.GROUP_BY,
                tr("Group by"),
                options=[tr("Zone polygons"), tr("坐落单位代码 (ZLDWDM field)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.GRASS_AS_AGRICULTURAL,
                tr("Count 0404 其他草地 as other agricultural land (166号)"),
                defaultValue=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.EXEMPT,
                tr("Approved exempt areas (生态退耕, 灾毁 …)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.EXEMPT_TYPE_FIELD, tr("Exempt type field"), parentLayerParameterName=self.EXEMPT, optional=True
            )
        )
        for name, label in (
            (self.YEAR_BEFORE, tr("Year of the earlier survey")),
            (self.YEAR_AFTER, tr("Year of the later survey")),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name, label, QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1980, maxValue=2200
                )
            )
        self.addParameter(
            QgsProcessingParameterBoolean(self.REPAIR_INVALID, tr("Repair invalid geometries"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_CHANGES, tr("Changed pieces"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_MATRIX, tr("Transition matrix"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY, tr("Farmland change summary"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT, tr("HTML report"), tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )

    def _exempt_splitters(self, parameters, context, crs, policy, notes):
        """[(type, MaskSplitter)] of the approved exempt areas, by type."""
        source = self.parameterAsSource(parameters, self.EXEMPT, context)
        if source is None:
            return []
        label = self.source_label(parameters, self.EXEMPT, context, source)
        type_index = require_field(
            source, self.parameterAsString(parameters, self.EXEMPT_TYPE_FIELD, context), label, optional=True
        )
        request = QgsFeatureRequest()
        request.setDestinationCrs(crs, context.transformContext())
        by_type = {}
        for feature in source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks):
            geometry = policy.apply(feature.geometry(), label, feature.id())
            if geometry is None:
                continue
            kind = key_text(feature.attribute(type_index)) if type_index >= 0 else None
            by_type.setdefault(kind or tr("exempt"), []).append(geometry)
        if source.sourceCrs() != crs:
            notes.append(crs_rules.reprojection_note(source.sourceCrs(), crs, label))
        return [(kind, overlay.MaskSplitter(geometries)) for kind, geometries in sorted(by_type.items())]

    def processAlgorithm(self, parameters, context, feedback):
        before = self.source_or_raise(parameters, self.BEFORE, context)
        after = self.source_or_raise(parameters, self.AFTER, context)
        basic = self.parameterAsSource(parameters, self.BASIC_FARMLAND, context)
        zones_source = self.parameterAsSource(parameters, self.ZONES, context)
        mode = self.parameterAsEnum(parameters, self.AREA_MODE, context)
        before_label = self.source_label(parameters, self.BEFORE, context, before)
        after_label = self.source_label(parameters, self.AFTER, context, after)

        names = {
            k: self.parameterAsString(parameters, p, context)
            for k, p in (
                ("dlbm", self.DLBM_FIELD),
                ("tbmj", self.TBMJ_FIELD),
                ("tbdlmj", self.TBDLMJ_FIELD),
                ("kcxs", self.KCXS_FIELD),
                ("grade", self.GRADE_FIELD),
                ("zldwdm", self.ZLDWDM_FIELD),
            )
        }
        by_code = self.parameterAsEnum(parameters, self.GROUP_BY, context) == 1
        grass = self.parameterAsBoolean(parameters, self.GRASS_AS_AGRICULTURAL, context)
        if mode == MODE_APPORTIONED and not names["tbmj"]:
            raise QgsProcessingException(tr("Area mode 0 (apportioned survey area) needs the TBMJ field."))

        def indexes_for(source, label, parameter):
            result = {
                "dlbm": require_field(source, names["dlbm"], label),
                # TBMJ only matters in mode 0; elsewhere its default name may be absent
                "tbmj": require_field(
                    source,
                    names["tbmj"],
                    label,
                    numeric=True,
                    optional=True,
                    default=None if mode == MODE_APPORTIONED else "TBMJ",
                ),
                "tbdlmj": require_field(source, names["tbdlmj"], label, numeric=True, optional=True, default="TBDLMJ"),
                "kcxs": require_field(source, names["kcxs"], label, numeric=True, optional=True, default="KCXS"),
                "grade": require_field(source, names["grade"], label, optional=True, default="GDDB"),
                # read only when grouping by it (one attribute less per 图斑 and side otherwise)
                "zldwdm": require_field(source, names["zldwdm"], label) if by_code else -1,
            }
            table = geopackage_table(self, parameters, parameter, context)
            check_survey_numbers(source, result, names, label, feedback, table)
            if source.fields().at(result["dlbm"]).isNumeric():
                raise QgsProcessingException(
                    tr(
                        "The land-class code field “{}” must be text: numeric codes lose their leading zero (0101 → 101)."
                    ).format(names["dlbm"])
                )
            return result

        before_idx = indexes_for(before, before_label, self.BEFORE)
        after_idx = indexes_for(after, after_label, self.AFTER)
        crs = before.sourceCrs()
        if mode != MODE_ELLIPSOIDAL:
            crs_rules.require_projected(crs, before_label)
        notes = []
        after_crs = None
        if after.sourceCrs() != crs:
            after_crs = crs
            notes.append(crs_rules.reprojection_note(after.sourceCrs(), crs, after_label))
        policy = geometry_policy(context, self.parameterAsBoolean(parameters, self.REPAIR_INVALID, context))

        zones = []
        if zones_source is not None:
            zone_label = self.source_label(parameters, self.ZONES, context, zones_source)
            zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context)
            zone_index = require_field(zones_source, zone_field, zone_label)
            zones, missing = read_regions(zones_source, zone_index, crs, context, policy, zone_label, feedback)
            if missing:
                notes.append(tr("{} zone polygons without a name were left out.").format(missing))
            if zones_source.sourceCrs() != crs:
                notes.append(crs_rules.reprojection_note(zones_source.sourceCrs(), crs, zone_label))
        if by_code and zones:
            feedback.pushWarning(tr("Grouping by 坐落单位代码: the zone polygons are not used."))
            zones = []
        splitter = overlay.ZoneSplitter(zones)
        exempt_splitters = self._exempt_splitters(parameters, context, crs, policy, notes)
        mask = None
        if basic is not None:
            basic_label = self.source_label(parameters, self.BASIC_FARMLAND, context, basic)
            request = QgsFeatureRequest().setNoAttributes()
            request.setDestinationCrs(crs, context.transformContext())
            mask_geometries = []
            for feature in basic.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks):
                geometry = policy.apply(feature.geometry(), basic_label, feature.id())
                if geometry is not None:
                    mask_geometries.append(geometry)
            mask = overlay.MaskSplitter(mask_geometries)
            if basic.sourceCrs() != crs:
                notes.append(crs_rules.reprojection_note(basic.sourceCrs(), crs, basic_label))
        for note in notes:
            if note:
                feedback.pushWarning(note)

        ellipsoid = ellipsoidal_area(self, parameters, context, crs, required=mode != MODE_PLANAR)
        change_fields = fields_from_spec(CHANGE_FIELDS)
        changes_sink, changes_dest = self.sink_or_raise(
            parameters, self.OUTPUT_CHANGES, context, change_fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        before_list = sorted({i for i in before_idx.values() if i >= 0})
        after_list = sorted({i for i in after_idx.values() if i >= 0})
        before_pos = {i: n for n, i in enumerate(before_list)}
        after_pos = {i: n for n, i in enumerate(after_list)}

        def survey(attributes, idx, pos):
            return {key: attributes[pos[idx[key]]] for key in change.SURVEY_KEYS if idx[key] >= 0}

        accounts = change.ChangeAccounts(mode, grass)
        has_mask = mask is not None
        stats = {}
        for item in overlay.overlay_surveys(
            before,
            after,
            before_list,
            after_list,
            policy,
            before_label,
            after_label,
            after_crs=after_crs,
            transform_context=context.transformContext(),
            feedback=feedback,
            stats=stats,
        ):
            if feedback.isCanceled():
                break
            if isinstance(item, overlay.CoverageLeftover):
                idx, pos = (before_idx, before_pos) if item.side == "before" else (after_idx, after_pos)
                tbmj = item.attributes[pos[idx["tbmj"]]] if idx["tbmj"] >= 0 else None
                accounts.add_leftover(item.side, item.planar, item.uncovered_planar, tbmj)
                continue
            piece = item
            figures = accounts.figures(
                piece.planar,
                piece.before_planar,
                piece.after_planar,
                _Lazy(lambda g=piece.geometry: ellipsoid.area(g)),
                survey(piece.before_attributes, before_idx, before_pos),
                survey(piece.after_attributes, after_idx, after_pos),
            )
            for zone, zone_geometry, zone_planar in splitter.split(piece.geometry, piece.planar):
                zone_b = figures.zldwdm_before if by_code else zone
                zone_a = figures.zldwdm_after if by_code else zone
                for in_basic, exempt_type, geometry, planar in _parts(
                    zone_geometry, zone_planar, mask, exempt_splitters
                ):
                    fraction = planar / piece.planar if piece.planar > 0 else 0.0
                    kind, gross = accounts.add_part(figures, zone_b, zone_a, fraction, in_basic, exempt_type)
                    if figures.changed:
                        feature = QgsFeature(change_fields)
                        geometry = QgsGeometry(geometry)
                        geometry.convertToMultiType()
                        feature.setGeometry(geometry)
                        feature.setAttributes(
                            [
                                zone_b,
                                figures.before_code,
                                figures.after_code,
                                change.group_of(figures.before_cls),
                                change.group_of(figures.after_cls),
                                int(in_basic) if has_mask else 0,
                                gross,
                                kind,
                                change.CHANGE_TYPES_ZH[kind],
                                figures.net_before * fraction,
                                figures.net_after * fraction,
                            ]
                        )
                        add_feature(changes_sink, feature)
        policy.report(feedback)
        notes.extend(policy.notes())
        if stats.get("overlaps_after"):
            notes.append(
                tr(
                    "{} 图斑 of “{}” are covered by overlapping 图斑 of “{}”: their shares were scaled so "
                    "that no area is counted twice. Check the topology of the later survey."
                ).format(stats["overlaps_after"], before_label, after_label)
            )
        if stats.get("overlaps_before"):
            notes.append(
                tr(
                    "{} 图斑 of “{}” are covered by overlapping 图斑 of “{}”: after-figures there count "
                    "the overlap twice. Check the topology of the earlier survey."
                ).format(stats["overlaps_before"], after_label, before_label)
            )
        for note in notes[-2:]:
            if note and "overlapping" in note:
                feedback.pushWarning(note)
        uncovered = accounts.uncovered
        for code in sorted(accounts.unknown):
            feedback.pushWarning(tr("Unknown land-class code “{}”: its pieces count as ‘other’.").format(code))
        if uncovered["before"] > 0 or uncovered["after"] > 0:
            feedback.pushWarning(
                tr(
                    "The two surveys do not cover the same extent: {:.2f} m² of BEFORE and {:.2f} m² of AFTER are "
                    "not covered by the other layer and are not counted as change."
                ).format(uncovered["before"], uncovered["after"])
            )

        rows = accounts.summary_rows(bool(zones) or by_code)

        matrix_fields = fields_from_spec(
            (
                ("zone", FieldType.STRING),
                ("from_group", FieldType.STRING),
                ("to_group", FieldType.STRING),
                ("area_m2", FieldType.DOUBLE),
            )
        )
        matrix_sink, matrix_dest = self.sink_or_raise(
            parameters, self.OUTPUT_MATRIX, context, matrix_fields, QgsWkbTypes.Type.NoGeometry, crs
        )
        matrix_rows = accounts.matrix_rows()
        for row in matrix_rows:
            feature = QgsFeature(matrix_fields)
            feature.setAttributes([row["zone"], row["from_group"], row["to_group"], row["area_m2"]])
            add_feature(matrix_sink, feature)

        summary_spec = tuple(
            (
                name,
                FieldType.STRING
                if name in change.TEXT_FIELDS
                else FieldType.INT
                if name in change.INT_FIELDS
                else FieldType.DOUBLE,
            )
            for name in change.SUMMARY_FIELDS
        )
        summary_fields = fields_from_spec(summary_spec)
        summary_sink, summary_dest = self.sink_or_raise(
            parameters, self.OUTPUT_SUMMARY, context, summary_fields, QgsWkbTypes.Type.NoGeometry, crs
        )
        for row in rows:
            feature = QgsFeature(summary_fields)
            feature.setAttributes([row[name] for name in change.SUMMARY_FIELDS])
            add_feature(summary_sink, feature)

        results = {
            self.OUTPUT_CHANGES: changes_dest,
            self.OUTPUT_MATRIX: matrix_dest,
            self.OUTPUT_SUMMARY: summary_dest,
        }
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report_path:
            report.write(
                report_path,
                "change_report.html.j2",
                rows=rows,
                crosstab=change.crosstab([(m["from_group"], m["to_group"], m["area_m2"]) for m in matrix_rows]),
                before_name=before_label,
                after_name=after_label,
                area_mode_text=area_mode_label(mode),
                method_text=AREA_MODE_NAMES[mode][1],
                crs_text=crs_rules.describe_crs_zh(crs),
                notes=[n for n in notes if n],
                year_before=self.parameterAsInt(parameters, self.YEAR_BEFORE, context)
                if parameters.get(self.YEAR_BEFORE) not in (None, "")
                else None,
                year_after=self.parameterAsInt(parameters, self.YEAR_AFTER, context)
                if parameters.get(self.YEAR_AFTER) not in (None, "")
                else None,
                grass_as_agricultural=grass,
                by_code=by_code,
                exempt_by_type=sorted(accounts.exempt_by_type.items(), key=lambda kv: str(kv[0])),
            )
            results[self.OUTPUT_REPORT] = report_path
        return results


def _parts(geometry, planar, mask, exempt_splitters):
    """[(in_basic, exempt type or None, geometry, planar)] of a zone piece:
    cut by the basic-farmland mask, then by each exempt type's polygons."""
    basic_parts = mask.split(geometry) if mask is not None else [(0, geometry)]
    result = []
    for in_basic, part in basic_parts:
        rest = [part]
        for exempt_type, splitter in exempt_splitters:
            remaining = []
            for candidate in rest:
                for inside, cut in splitter.split(candidate):
                    if inside:
                        result.append((in_basic, exempt_type, cut, cut.area()))
                    else:
                        remaining.append(cut)
            rest = remaining
        for candidate in rest:
            area = planar if candidate is geometry else candidate.area()
            result.append((in_basic, None, candidate, area))
    return result


class _Lazy:
    """Compute a value once, on first call."""

    def __init__(self, function):
        self.function = function
        self.value = None

    def __call__(self):
        if self.value is None:
            self.value = self.function()
        return self.value
