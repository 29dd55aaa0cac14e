"""landplan:farmlandoccupation – 建设项目占地分析 (压占分析).

Thin adapter: reads parameters, dissolves each project, lets the overlay
engine (core.overlay) cut the 三调 layer and the basic-farmland layer, turns
pieces into records with the occupation rules (core.occupation) and writes
pieces, a summary and an optional HTML report.
"""

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...qgis_compat import FieldType
from ...core import crs as crs_rules
from ...core import occupation, overlay, report
from ...core.area import MODE_APPORTIONED, MODE_ELLIPSOIDAL, EllipsoidalArea
from ...core.capacity import CapacityTableError, parse_capacity_table
from ...core.i18n import tr
from .base import LandPlanAlgorithm, add_feature, fields_from_spec, require_field
from .common import (
    ReprojectedSource,
    AREA_MODE_NAMES,
    add_area_mode_parameter,
    area_mode_label,
    check_survey_numbers,
    geometry_policy,
    key_text,
    read_regions,
)

PIECE_FIELDS = (
    ("project_id", FieldType.STRING),
    ("dlbm", FieldType.STRING),
    ("dlmc", FieldType.STRING),
    ("land_group", FieldType.STRING),
    ("zldwdm", FieldType.STRING),
    ("grade", FieldType.DOUBLE),
    ("in_basic_farmland", FieldType.INT),
    ("area_m2", FieldType.DOUBLE),
    ("tk_m2", FieldType.DOUBLE),
    ("net_m2", FieldType.DOUBLE),
    ("category", FieldType.STRING),
    ("planar_m2", FieldType.DOUBLE),
)


SUMMARY_SPEC = tuple(
    (name, FieldType.STRING if name == "project_id" else FieldType.INT if name == "pieces" else FieldType.DOUBLE)
    for name in occupation.SUMMARY_FIELDS
)


class FarmlandOccupationAlgorithm(LandPlanAlgorithm):
    PROJECTS = "PROJECTS"
    PROJECT_ID_FIELD = "PROJECT_ID_FIELD"
    PROJECT_NAME_FIELD = "PROJECT_NAME_FIELD"
    LANDUSE = "LANDUSE"
    DLBM_FIELD = "DLBM_FIELD"
    TBMJ_FIELD = "TBMJ_FIELD"
    TBDLMJ_FIELD = "TBDLMJ_FIELD"
    KCXS_FIELD = "KCXS_FIELD"
    GRADE_FIELD = "GRADE_FIELD"
    ZLDWDM_FIELD = "ZLDWDM_FIELD"
    BASIC_FARMLAND = "BASIC_FARMLAND"
    AREA_MODE = "AREA_MODE"
    CAPACITY_TABLE = "CAPACITY_TABLE"
    REPAIR_INVALID = "REPAIR_INVALID"
    OUTPUT_PIECES = "OUTPUT_PIECES"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    group_id = "farmland"

    def name(self):
        return "farmlandoccupation"

    def displayName(self):
        return tr("Farmland occupation analysis")

    def tags(self):
        return [
            "压占分析",
            "占地分析",
            "建设项目",
            "耕地",
            "永久基本农田",
            "三调",
            "用地预审",
            "occupation",
            "farmland",
        ]

    def shortHelpString(self):
        return tr(
            "Cuts each construction project (features sharing a project id are one project; overlaps inside a "
            "project count once) by the 三调 land-use polygons and the permanent basic farmland boundary, and "
            "reports what land it takes.\n\n"
            "Area mode: 0 = apportioned survey area (default: a piece gets TBMJ and TBDLMJ of its 图斑 in "
            "proportion to its planar share; 田坎 = TBMJ share − TBDLMJ share, or × KCXS where TBDLMJ is "
            "missing); 1 = CGCS2000 ellipsoidal area (国土调查 formula), 田坎 = area × KCXS; 2 = planar area, "
            "田坎 = area × KCXS.\n\n"
            "Farmland is 0101 水田, 0102 水浇地, 0103 旱地 without suffix (0101K is not farmland); its area is "
            "the net area without 田坎. 田坎 counts as agricultural land (农用地). farmland_grade is the "
            "net-area-weighted mean quality grade (等别, 1 = best). capacity_kg = Σ net farmland (亩) × "
            "standard grain capacity of its grade (kg/亩): give a CSV (grade,kg_per_mu), an inline list "
            "'1:1000,2:950', or 'default' for the bundled illustrative table. Provinces publish their own "
            "等别–产能 tables: use yours.\n\n"
            "Layers in other CRSs are reprojected to the land-use layer's CRS. Invalid geometries follow the "
            "Processing setting (skip or stop); tick Repair to repair them with makeValid. Inputs are never modified."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PROJECTS, tr("Construction projects"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.PROJECT_ID_FIELD, tr("Project id field"), parentLayerParameterName=self.PROJECTS
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.PROJECT_NAME_FIELD,
                tr("Project name field (for the report)"),
                parentLayerParameterName=self.PROJECTS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDUSE, tr("Land-use survey polygons (三调 DLTB)"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        for name, label, default, optional, kind in (
            # optional in the framework's sense so that qgis_process and models
            # apply the 三调 default name; a cleared DLBM field is still an error
            (
                self.DLBM_FIELD,
                tr("Land-class code field (DLBM)"),
                "DLBM",
                True,
                QgsProcessingParameterField.DataType.Any,
            ),
            (
                self.TBMJ_FIELD,
                tr("Parcel area field (TBMJ)"),
                "TBMJ",
                True,
                QgsProcessingParameterField.DataType.Numeric,
            ),
            (
                self.TBDLMJ_FIELD,
                tr("Net land-class area field (TBDLMJ)"),
                "TBDLMJ",
                True,
                QgsProcessingParameterField.DataType.Numeric,
            ),
            (
                self.KCXS_FIELD,
                tr("Field-ridge coefficient field (KCXS)"),
                "KCXS",
                True,
                QgsProcessingParameterField.DataType.Numeric,
            ),
            (
                self.GRADE_FIELD,
                tr("Farmland quality grade field (GDDB)"),
                "GDDB",
                True,
                QgsProcessingParameterField.DataType.Any,
            ),
            (
                self.ZLDWDM_FIELD,
                tr("Village code field (ZLDWDM)"),
                "ZLDWDM",
                True,
                QgsProcessingParameterField.DataType.Any,
            ),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name,
                    label,
                    defaultValue=default,
                    parentLayerParameterName=self.LANDUSE,
                    type=kind,
                    optional=optional,
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BASIC_FARMLAND,
                tr("Permanent basic farmland (永久基本农田)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        add_area_mode_parameter(self, self.AREA_MODE, MODE_APPORTIONED)
        self.addParameter(
            QgsProcessingParameterString(
                self.CAPACITY_TABLE, tr("Grain capacity by grade (CSV path, 'grade:kg,…' or 'default')"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.REPAIR_INVALID, tr("Repair invalid geometries"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_PIECES, tr("Occupied pieces"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY, tr("Occupation summary"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT, tr("HTML report"), tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        projects = self.source_or_raise(parameters, self.PROJECTS, context)
        landuse = self.source_or_raise(parameters, self.LANDUSE, context)
        basic = self.parameterAsSource(parameters, self.BASIC_FARMLAND, context)
        mode = self.parameterAsEnum(parameters, self.AREA_MODE, context)
        projects_label = self.source_label(parameters, self.PROJECTS, context, projects)
        landuse_label = self.source_label(parameters, self.LANDUSE, context, landuse)
        basic_label = self.source_label(parameters, self.BASIC_FARMLAND, context, basic) if basic is not None else ""

        id_index = require_field(
            projects, self.parameterAsString(parameters, self.PROJECT_ID_FIELD, context), projects_label
        )
        field_names = {
            key: self.parameterAsString(parameters, param, context)
            for key, param in (
                ("dlbm", self.DLBM_FIELD),
                ("tbmj", self.TBMJ_FIELD),
                ("tbdlmj", self.TBDLMJ_FIELD),
                ("kcxs", self.KCXS_FIELD),
                ("grade", self.GRADE_FIELD),
                ("zldwdm", self.ZLDWDM_FIELD),
            )
        }
        if mode == MODE_APPORTIONED and not field_names["tbmj"]:
            raise QgsProcessingException(tr("Area mode 0 (apportioned survey area) needs the TBMJ field."))
        indexes = {
            "dlbm": require_field(landuse, field_names["dlbm"], landuse_label),
            "tbmj": require_field(landuse, field_names["tbmj"], landuse_label, numeric=True, optional=True),
            "tbdlmj": require_field(
                landuse, field_names["tbdlmj"], landuse_label, numeric=True, optional=True, default="TBDLMJ"
            ),
            "kcxs": require_field(
                landuse, field_names["kcxs"], landuse_label, numeric=True, optional=True, default="KCXS"
            ),
            "grade": require_field(landuse, field_names["grade"], landuse_label, optional=True, default="GDDB"),
            "zldwdm": require_field(landuse, field_names["zldwdm"], landuse_label, optional=True, default="ZLDWDM"),
        }
        check_survey_numbers(landuse, indexes, field_names, landuse_label, feedback)
        if landuse.fields().at(indexes["dlbm"]).isNumeric():
            raise QgsProcessingException(
                tr(
                    "The land-class code field “{}” must be text: numeric codes lose their leading zero (0101 → 101)."
                ).format(field_names["dlbm"])
            )
        try:
            capacity_table = parse_capacity_table(self.parameterAsString(parameters, self.CAPACITY_TABLE, context))
        except CapacityTableError as error:
            raise QgsProcessingException(tr("Cannot read the capacity table: {}").format(error)) from error

        target_crs = landuse.sourceCrs()
        if mode != MODE_ELLIPSOIDAL:
            crs_rules.require_projected(target_crs, landuse_label)
        elif not target_crs.isValid():
            crs_rules.require_projected(target_crs, landuse_label)
        for note in crs_rules.crs_warnings(target_crs, landuse_label):
            feedback.pushWarning(note)
        notes = []
        for source, label in ((projects, projects_label), (basic, basic_label)):
            if source is not None:
                note = crs_rules.reprojection_note(source.sourceCrs(), target_crs, label)
                if note:
                    feedback.pushWarning(note)
                    notes.append(note)
        if basic is not None and basic.sourceCrs() != target_crs:
            basic = ReprojectedSource(basic, target_crs, context)

        policy = geometry_policy(context, self.parameterAsBoolean(parameters, self.REPAIR_INVALID, context))
        regions, null_ids = read_regions(projects, id_index, target_crs, context, policy, projects_label, feedback)
        name_index = require_field(
            projects,
            self.parameterAsString(parameters, self.PROJECT_NAME_FIELD, context),
            projects_label,
            optional=True,
        )
        project_names = _project_names(projects, id_index, name_index)
        if null_ids:
            warning = tr("{} project features have no project id and were left out.").format(null_ids)
            feedback.pushWarning(warning)
            notes.append(warning)
        if not regions:
            feedback.pushWarning(tr("No project polygons to analyse: the outputs are empty."))

        piece_fields = fields_from_spec(PIECE_FIELDS)
        pieces_sink, pieces_dest = self.sink_or_raise(
            parameters, self.OUTPUT_PIECES, context, piece_fields, QgsWkbTypes.Type.MultiPolygon, target_crs
        )
        summary_fields = fields_from_spec(SUMMARY_SPEC)
        summary_sink, summary_dest = self.sink_or_raise(
            parameters, self.OUTPUT_SUMMARY, context, summary_fields, QgsWkbTypes.Type.NoGeometry, target_crs
        )

        ellipsoid = EllipsoidalArea(target_crs, context.transformContext())
        attribute_indexes = sorted({i for i in indexes.values() if i >= 0})
        position = {i: n for n, i in enumerate(attribute_indexes)}

        def value(piece, key):
            index = indexes[key]
            return piece.attributes[position[index]] if index >= 0 else None

        records_by_project = {}
        uncovered = {}
        fallbacks = 0
        unknown_codes = {}
        total = len(regions) or 1
        for step, (project_id, region) in enumerate(regions):
            if feedback.isCanceled():
                break
            records = records_by_project.setdefault(project_id, [])
            covered = []
            for piece in overlay.cut_base_by_region(
                project_id, region, landuse, attribute_indexes, policy, landuse_label, basic, basic_label, feedback
            ):
                area, tk, net, fell_back = occupation.piece_areas(
                    mode,
                    piece.planar,
                    piece.parent_planar,
                    lambda g=piece.geometry: ellipsoid.area(g),
                    value(piece, "tbmj"),
                    value(piece, "tbdlmj"),
                    value(piece, "kcxs"),
                )
                fallbacks += fell_back
                covered.append(piece.planar)
                record = occupation.make_record(
                    project_id,
                    value(piece, "dlbm"),
                    key_text(value(piece, "zldwdm")),
                    value(piece, "grade"),
                    piece.in_mask,
                    area,
                    tk,
                    net,
                )
                if record.category is None:
                    unknown_codes[record.dlbm] = unknown_codes.get(record.dlbm, 0) + 1
                records.append(record)
                feature = QgsFeature(piece_fields)
                geometry = piece.geometry
                if not QgsWkbTypes.isMultiType(geometry.wkbType()):
                    geometry = QgsGeometry(geometry)
                    geometry.convertToMultiType()
                feature.setGeometry(geometry)
                feature.setAttributes(
                    [
                        record.project_id,
                        record.dlbm,
                        record.dlmc,
                        record.land_group,
                        record.zldwdm,
                        record.grade,
                        record.in_basic_farmland,
                        record.area_m2,
                        record.tk_m2,
                        record.net_m2,
                        record.category,
                        piece.planar,
                    ]
                )
                add_feature(pieces_sink, feature)
            uncovered[project_id] = occupation.uncovered_area(region.area(), covered)
            feedback.setProgress(int(100.0 * (step + 1) / total))

        all_records = [r for rs in records_by_project.values() for r in rs]
        rows = occupation.summarize(all_records, [pid for pid, _ in regions], capacity_table, uncovered)
        outside = [(pid, area) for pid, area in uncovered.items() if area > 0]
        if outside:
            warning = tr(
                "{} projects lie partly or wholly outside the land-use survey “{}”; their figures cover only the "
                "surveyed part (uncovered_m2, planar): {}."
            ).format(len(outside), landuse_label, ", ".join("{} ({:.2f} m²)".format(p, a) for p, a in outside[:20]))
            feedback.pushWarning(warning)
            notes.append(warning)
        for row in rows:
            feature = QgsFeature(summary_fields)
            feature.setAttributes([row[name] for name, _ in SUMMARY_SPEC])
            add_feature(summary_sink, feature)

        policy.report(feedback)
        if fallbacks:
            warning = tr("{} pieces came from 图斑 without a usable TBMJ; their ellipsoidal area was used.").format(
                fallbacks
            )
            feedback.pushWarning(warning)
            notes.append(warning)
        for code, count in sorted(unknown_codes.items(), key=lambda kv: str(kv[0])):
            warning = tr("Unknown land-class code “{}” in {} pieces: counted in unknown_m2 only.").format(code, count)
            feedback.pushWarning(warning)
            notes.append(warning)
        notes.extend(policy.notes())

        results = {self.OUTPUT_PIECES: pieces_dest, self.OUTPUT_SUMMARY: summary_dest}
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report_path:
            report.write(
                report_path,
                "occupation_report.html.j2",
                projects=[
                    {
                        "summary": row,
                        "name": project_names.get(row["project_id"], ""),
                        "classes": occupation.class_table(records_by_project.get(row["project_id"], [])),
                        "grades": occupation.grade_table(records_by_project.get(row["project_id"], [])),
                    }
                    for row in rows
                ],
                county=occupation.county_total(all_records, capacity_table),
                area_mode_text=area_mode_label(mode),
                method_text=AREA_MODE_NAMES[mode][1],
                landuse_name=landuse_label,
                projects_name=projects_label,
                basic_name=basic_label,
                crs_text=crs_rules.describe_crs_zh(target_crs),
                capacity_text=self.parameterAsString(parameters, self.CAPACITY_TABLE, context),
                notes=notes,
            )
            results[self.OUTPUT_REPORT] = report_path
        return results


def _project_names(source, id_index, name_index):
    """First non-empty name per project id (attributes only)."""
    if name_index < 0:
        return {}
    request = (
        QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([id_index, name_index])
    )
    names = {}
    for feature in source.getFeatures(request):
        key = key_text(feature.attribute(id_index))
        name = key_text(feature.attribute(name_index))
        if key is not None and name and key not in names:
            names[key] = name
    return names
