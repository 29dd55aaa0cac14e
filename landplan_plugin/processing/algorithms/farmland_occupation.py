"""landplan:farmlandoccupation – 建设项目占地分析 (压占分析).

Thin adapter: reads parameters, dissolves each project, lets the overlay
engine (core.overlay) cut the 三调 layer and the basic-farmland layer, turns
pieces into records with the occupation rules (core.occupation), builds
the 报批 地类面积表 with its 平差 (core.classtable) and writes pieces, a
summary, the class table and an optional HTML report.
"""

import datetime

from qgis.PyQt.QtCore import QDate
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
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
from ...core import classtable, occupation, overlay, report, vectorcut
from ...core.area import MODE_APPORTIONED, MODE_ELLIPSOIDAL, MODE_PLANAR
from ...core.capacity import CapacityTableError, parse_capacity_table
from ...core.i18n import tr
from ..presentation import same_file
from .base import LandPlanAlgorithm, add_feature, fields_from_spec, require_field
from .common import (
    ReprojectedSource,
    AREA_MODE_NAMES,
    add_area_mode_parameter,
    area_mode_label,
    check_survey_numbers,
    geopackage_table,
    ellipsoidal_area,
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
    ("bsm", FieldType.STRING),
    ("tbbh", FieldType.STRING),
    ("qsxz", FieldType.STRING),
    ("qsdwdm", FieldType.STRING),
    ("qsdwmc", FieldType.STRING),
    ("czcsxm", FieldType.STRING),
)

_SUMMARY_TYPES = {
    "project_id": FieldType.STRING,
    "project_type": FieldType.STRING,
    "approval_date": FieldType.DATE,
    "pieces": FieldType.INT,
    "basic_farmland_permitted": FieldType.INT,
}
SUMMARY_SPEC = tuple((name, _SUMMARY_TYPES.get(name, FieldType.DOUBLE)) for name in occupation.SUMMARY_FIELDS)
CLASSES_SPEC = tuple(
    (name, FieldType.DOUBLE if name.endswith("_m2") else FieldType.STRING) for name in classtable.FIELDS
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
    BSM_FIELD = "BSM_FIELD"
    TBBH_FIELD = "TBBH_FIELD"
    QSXZ_FIELD = "QSXZ_FIELD"
    QSDWDM_FIELD = "QSDWDM_FIELD"
    QSDWMC_FIELD = "QSDWMC_FIELD"
    CZCSXM_FIELD = "CZCSXM_FIELD"
    KCDLBM_FIELD = "KCDLBM_FIELD"
    PROJECT_DATE_FIELD = "PROJECT_DATE_FIELD"
    PROJECT_TYPE_FIELD = "PROJECT_TYPE_FIELD"
    TOWN_CODES = "TOWN_CODES"
    PERMITTED_TYPES = "PERMITTED_TYPES"
    BASIC_FARMLAND = "BASIC_FARMLAND"
    AREA_MODE = "AREA_MODE"
    CAPACITY_TABLE = "CAPACITY_TABLE"
    REPAIR_INVALID = "REPAIR_INVALID"
    OUTPUT_PIECES = "OUTPUT_PIECES"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_CLASSES = "OUTPUT_CLASSES"
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
            "勘测定界",
            "地类面积表",
            "平差",
            "权属",
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
            "missing); 1 = ellipsoidal area (国土调查 formula on the ellipsoid of the layer's CRS: CGCS2000, Xian 1980 "
            "or Beijing 1954; edges densified to DENSIFY_M), 田坎 = area × KCXS; 2 = planar area, "
            "田坎 = area × KCXS.\n\n"
            "Farmland is 0101 水田, 0102 水浇地, 0103 旱地 without suffix (0101K is not farmland); its area is "
            "the net area without 田坎. 田坎 counts as agricultural land (农用地). farmland_grade is the "
            "net-area-weighted mean quality grade (等别, 1 = best). capacity_kg = Σ net farmland (亩) × "
            "standard grain capacity of its grade (kg/亩): give a CSV (grade,kg_per_mu), an inline list "
            "'1:1000,2:950', or 'default' for the bundled illustrative table. Provinces publish their own "
            "等别–产能 tables: use yours.\n\n"
            "Class table (OUTPUT_CLASSES, the 报批 地类面积表): one row per project, 权属性质 (QSXZ 10/20 国有, "
            "30/31/32/33/40 集体, other 未知), 权属单位 (QSDWDM/QSDWMC) and land class, with the net area; 田坎 is "
            "a row of its own under the 图斑's KCDLBM (1203 when empty). area_m2 is rounded half-up to 0.01 m²; "
            "adjusted_m2 is after 平差: the difference between the control area (control_m2, the project's own "
            "area: ellipsoidal in modes 0 and 1, planar in mode 2) and the sum of the rounded rows is spread in "
            "0.01 m² steps, one per row, largest rows first, round after round, until the rows add up exactly. "
            "A difference above max(1 m², 0.01 % of the control area) is not rounding but uncovered or overlapping "
            "survey data: it is not adjusted and is reported.\n\n"
            "Summary: approval_date (PROJECT_DATE_FIELD, for 先补后占 in the balance check), project_type, "
            "farmland_in_town_m2 (耕地 in 图斑 whose CZCSXM is one of TOWN_CODES; 201A counts as 201), state_m2 and "
            "collective_m2 (by QSXZ). basic_farmland_permitted applies 土地管理法 第三十五条: permanent basic "
            "farmland may be occupied only by key national energy, transport, water and military projects. It is 1 "
            "when the project type contains one of PERMITTED_TYPES or no basic farmland is occupied, 0 when basic "
            "farmland is occupied by another type, NULL when the type or the basic farmland is unknown.\n\n"
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
        for name, label, default in (
            (self.PROJECT_DATE_FIELD, tr("Project approval date field (批准日期)"), "PZRQ"),
            (self.PROJECT_TYPE_FIELD, tr("Project type field (项目类型)"), "XMLX"),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name, label, defaultValue=default, parentLayerParameterName=self.PROJECTS, optional=True
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
            (self.BSM_FIELD, tr("Feature id field (BSM)"), "BSM", True, QgsProcessingParameterField.DataType.Any),
            (self.TBBH_FIELD, tr("Parcel number field (TBBH)"), "TBBH", True, QgsProcessingParameterField.DataType.Any),
            (
                self.QSXZ_FIELD,
                tr("Ownership type field (QSXZ)"),
                "QSXZ",
                True,
                QgsProcessingParameterField.DataType.Any,
            ),
            (
                self.QSDWDM_FIELD,
                tr("Owner code field (QSDWDM)"),
                "QSDWDM",
                True,
                QgsProcessingParameterField.DataType.Any,
            ),
            (
                self.QSDWMC_FIELD,
                tr("Owner name field (QSDWMC)"),
                "QSDWMC",
                True,
                QgsProcessingParameterField.DataType.Any,
            ),
            (
                self.CZCSXM_FIELD,
                tr("Town/village attribute field (CZCSXM)"),
                "CZCSXM",
                True,
                QgsProcessingParameterField.DataType.Any,
            ),
            (
                self.KCDLBM_FIELD,
                tr("Deducted land-class field (KCDLBM)"),
                "KCDLBM",
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
                self.TOWN_CODES,
                tr("城镇村 codes (CZCSXM) whose farmland is counted as in town"),
                defaultValue=",".join(occupation.DEFAULT_TOWN_CODES),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.PERMITTED_TYPES,
                tr("Project types permitted to occupy basic farmland (土地管理法 Art. 35)"),
                defaultValue=",".join(occupation.DEFAULT_PERMITTED_TYPES),
                optional=True,
            )
        )
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
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_CLASSES,
                tr("Class table (地类面积表)"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
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

        project_indexes = {
            key: require_field(
                projects,
                self.parameterAsString(parameters, param, context),
                projects_label,
                optional=key != "id",
                default=default,
            )
            for key, param, default in (
                ("id", self.PROJECT_ID_FIELD, None),
                ("name", self.PROJECT_NAME_FIELD, None),
                ("date", self.PROJECT_DATE_FIELD, "PZRQ"),
                ("type", self.PROJECT_TYPE_FIELD, "XMLX"),
            )
        }
        table = geopackage_table(self, parameters, self.LANDUSE, context)
        indexes = self._landuse_indexes(parameters, context, landuse, landuse_label, mode, feedback, table)
        try:
            capacity_table = parse_capacity_table(self.parameterAsString(parameters, self.CAPACITY_TABLE, context))
        except CapacityTableError as error:
            raise QgsProcessingException(tr("Cannot read the capacity table: {}").format(error)) from error
        town_codes = occupation.parse_codes(
            self.parameterAsString(parameters, self.TOWN_CODES, context), occupation.DEFAULT_TOWN_CODES
        )
        permitted_types = occupation.parse_codes(
            self.parameterAsString(parameters, self.PERMITTED_TYPES, context), occupation.DEFAULT_PERMITTED_TYPES
        )

        target_crs = landuse.sourceCrs()
        if mode != MODE_ELLIPSOIDAL or not target_crs.isValid():
            crs_rules.require_projected(target_crs, landuse_label)
        ellipsoid = ellipsoidal_area(self, parameters, context, target_crs, required=mode != MODE_PLANAR)
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
        regions, null_ids = read_regions(
            projects, project_indexes["id"], target_crs, context, policy, projects_label, feedback
        )
        names, infos = _project_attributes(projects, project_indexes, projects_label, notes, feedback)
        for project_id, region in regions:
            info = infos.setdefault(project_id, occupation.ProjectInfo())
            info.control_m2 = region.area() if mode == MODE_PLANAR else ellipsoid.area(region)
        if null_ids:
            warning = tr("{} project features have no project id and were left out.").format(null_ids)
            feedback.pushWarning(warning)
            notes.append(warning)
        if not regions:
            feedback.pushWarning(tr("No project polygons to analyse: the outputs are empty."))

        piece_fields = fields_from_spec(PIECE_FIELDS)
        survey = self._vectorised_survey(table, landuse, indexes, feedback)
        # the vectorised engine's pieces are WKB with their boxes: written in bulk to a GeoPackage
        pieces_sink, pieces_dest = self.sink_or_raise(
            parameters, self.OUTPUT_PIECES, context, piece_fields, QgsWkbTypes.Type.MultiPolygon, target_crs,
            bulk=survey is not None and not survey.has_z,
        )  # fmt: skip
        try:
            records_by_project, uncovered, fallbacks, unknown_codes = self._cut_pieces(
                regions, landuse, landuse_label, basic, basic_label, indexes, mode, ellipsoid, policy,
                pieces_sink, feedback, survey,
            )  # fmt: skip
        except BaseException:
            pieces_sink.abort()  # a bulk write leaves the table as QGIS created it
            raise
        closing = pieces_sink.close_in_background()

        all_records = [r for rs in records_by_project.values() for r in rs]
        rows = occupation.summarize(
            all_records,
            [pid for pid, _ in regions],
            capacity_table,
            uncovered,
            projects=infos,
            basic_known=basic is not None,
            town_codes=town_codes,
            permitted_types=permitted_types,
            ownership_known=indexes["qsxz"] >= 0,
        )
        class_rows, adjustments = classtable.build(all_records, {pid: infos[pid].control_m2 for pid, _ in regions})
        notes.extend(
            self._data_notes(
                rows,
                adjustments,
                # without a QSXZ field ownership is not reported (NULL), so not warned per project
                all_records if indexes["qsxz"] >= 0 else [],
                uncovered,
                fallbacks,
                unknown_codes,
                landuse_label,
                feedback,
            )
        )
        policy.report(feedback)
        notes.extend(policy.notes())

        results = {self.OUTPUT_PIECES: pieces_dest}
        for output, spec, data in (
            (self.OUTPUT_SUMMARY, SUMMARY_SPEC, rows),
            (self.OUTPUT_CLASSES, CLASSES_SPEC, class_rows),
        ):
            if same_file(pieces_dest, self.parameterAsOutputLayer(parameters, output, context)):
                closing.join()  # two writers in one file must not overlap
            fields = fields_from_spec(spec)
            sink, dest = self.sink_or_raise(
                parameters, output, context, fields, QgsWkbTypes.Type.NoGeometry, target_crs
            )
            if sink is None:
                continue
            for row in data:
                feature = QgsFeature(fields)
                feature.setAttributes([_attribute(row[name]) for name, _ in spec])
                add_feature(sink, feature)
            results[output] = dest

        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report_path:
            report.write(
                report_path,
                "occupation_report.html.j2",
                projects=occupation.report_projects(rows, records_by_project, class_rows, adjustments, names),
                county=occupation.county_total(all_records, capacity_table, town_codes),
                area_mode_text=area_mode_label(mode),
                method_text=AREA_MODE_NAMES[mode][1],
                landuse_name=landuse_label,
                projects_name=projects_label,
                basic_name=basic_label,
                crs_text=crs_rules.describe_crs_zh(target_crs),
                capacity_text=self.parameterAsString(parameters, self.CAPACITY_TABLE, context),
                permitted_text="、".join(permitted_types),
                town_text="、".join(town_codes),
                notes=notes,
            )
            results[self.OUTPUT_REPORT] = report_path
        closing.join()
        return results

    def _landuse_indexes(self, parameters, context, landuse, landuse_label, mode, feedback, table):
        """Field indexes of the land-use layer by key (−1 when absent), checked."""
        params = {
            "dlbm": self.DLBM_FIELD,
            "tbmj": self.TBMJ_FIELD,
            "tbdlmj": self.TBDLMJ_FIELD,
            "kcxs": self.KCXS_FIELD,
            "grade": self.GRADE_FIELD,
            "zldwdm": self.ZLDWDM_FIELD,
            "bsm": self.BSM_FIELD,
            "tbbh": self.TBBH_FIELD,
            "qsxz": self.QSXZ_FIELD,
            "qsdwdm": self.QSDWDM_FIELD,
            "qsdwmc": self.QSDWMC_FIELD,
            "czcsxm": self.CZCSXM_FIELD,
            "kcdlbm": self.KCDLBM_FIELD,
        }
        field_names = {key: self.parameterAsString(parameters, param, context) for key, param in params.items()}
        if mode == MODE_APPORTIONED and not field_names["tbmj"]:
            raise QgsProcessingException(tr("Area mode 0 (apportioned survey area) needs the TBMJ field."))
        numeric = {"tbmj", "tbdlmj", "kcxs"}
        indexes = {"dlbm": require_field(landuse, field_names["dlbm"], landuse_label)}
        for key, param in params.items():
            if key == "dlbm":
                continue
            # TBMJ's default name may be absent except in mode 0, which needs it
            default = self.parameterDefinition(param).defaultValue()
            if key == "tbmj" and mode == MODE_APPORTIONED:
                default = None
            indexes[key] = require_field(
                landuse, field_names[key], landuse_label, numeric=key in numeric, optional=True, default=default
            )
        check_survey_numbers(landuse, indexes, field_names, landuse_label, feedback, table)
        if landuse.fields().at(indexes["dlbm"]).isNumeric():
            raise QgsProcessingException(
                tr(
                    "The land-class code field “{}” must be text: numeric codes lose their leading zero (0101 → 101)."
                ).format(field_names["dlbm"])
            )
        return indexes

    @staticmethod
    def _vectorised_survey(table, landuse, indexes, feedback):
        """The GeoPackage the vectorised engine reads (core.vectorcut), or
        None: then the per-图斑 engine (core.overlay) cuts."""
        if vectorcut.shapely is not None and not vectorcut.same_geos():
            feedback.pushInfo(
                tr("shapely {} is built on another GEOS than QGIS's; cutting 图斑 by 图斑.").format(vectorcut.version())
            )
        if not vectorcut.available():
            return None
        names = [landuse.fields().at(i).name() for i in _attribute_indexes(indexes)]
        survey = vectorcut.GeoPackageSurvey.open(table, names)
        if survey is not None:
            feedback.pushInfo(tr("Cutting in bulk with shapely {} (vectorised GEOS).").format(vectorcut.version()))
        return survey

    def _cut_pieces(
        self, regions, landuse, landuse_label, basic, basic_label, indexes, mode, ellipsoid, policy, pieces_sink,
        feedback, survey=None,
    ):  # fmt: skip
        """Cut every project, write its pieces, return (records by project,
        uncovered planar m² by project, fallbacks, unknown codes)."""
        attribute_indexes = _attribute_indexes(indexes)
        position = {i: n for n, i in enumerate(attribute_indexes)}
        # where each key sits in a piece's attribute list (None: field not used)
        slot = {key: (position[index] if index >= 0 else None) for key, index in indexes.items()}
        rules = occupation.PieceRules(mode, slot, ellipsoid.area)
        records_by_project = {}
        uncovered = {}
        total, done = len(regions) or 1, 0
        if survey is not None:
            tables = vectorcut.cut_tables(regions, survey, policy, landuse_label, basic, basic_label, feedback)
        else:
            cut = overlay.cut_regions(
                regions, landuse, attribute_indexes, policy, landuse_label, basic, basic_label, feedback
            )
            tables = overlay.piece_tables(cut, len(attribute_indexes))
        for spans, table in tables:
            if feedback.isCanceled():
                break
            records, columns = rules.records(table)
            # records hold Python values only (core.occupation turns NULL into None)
            if len(table) and not pieces_sink.add_table(table, [columns[name] for name, _type in PIECE_FIELDS]):
                raise QgsProcessingException(tr("Could not write a feature: {}").format(pieces_sink.lastError()))
            planar = table.planar.tolist()
            for project_id, region, start, end in spans:
                records_by_project.setdefault(project_id, []).extend(records[start:end])
                uncovered[project_id] = occupation.uncovered_area(region.area(), planar[start:end])
            done += len(spans)
            feedback.setProgress(int(100.0 * done / total))
        return records_by_project, uncovered, rules.fallbacks, rules.unknown_codes

    @staticmethod
    def _data_notes(rows, adjustments, records, uncovered, fallbacks, unknown_codes, landuse_label, feedback):
        """Warnings about the data behind the figures (also report notes)."""
        notes = []

        def warn(text):
            feedback.pushWarning(text)
            notes.append(text)

        outside = [(pid, area) for pid, area in uncovered.items() if area > 0]
        if outside:
            warn(
                tr(
                    "{} projects lie partly or wholly outside the land-use survey “{}”; their figures cover only the "
                    "surveyed part (uncovered_m2, planar): {}."
                ).format(len(outside), landuse_label, ", ".join("{} ({:.2f} m²)".format(p, a) for p, a in outside[:20]))
            )
        gaps = [a for a in adjustments if a.gap]
        if gaps:
            warn(
                tr(
                    "Class table not adjusted (平差) for {} projects: the rows differ from the control area by more "
                    "than rounding, so the survey does not cover the project or its 图斑 overlap: {}."
                ).format(
                    len(gaps),
                    ", ".join(
                        "{} ({:+.2f} m² of {:.2f} m²)".format(a.project_id, a.difference_m2, a.control_m2)
                        for a in gaps[:20]
                    ),
                )
            )
        unowned = occupation.unknown_ownership(records)
        if unowned:
            warn(
                tr(
                    "Pieces whose ownership type (QSXZ) is neither 国有 (10, 20) nor 集体 (30–33, 40) are in neither "
                    "state_m2 nor collective_m2: {}."
                ).format(", ".join("{} ({:.2f} m²)".format(p, a) for p, a in sorted(unowned.items())[:20]))
            )
        unknown_permission = [
            r["project_id"] for r in rows if r["basic_farmland_permitted"] is None and r["basic_farmland_m2"] > 0
        ]
        if unknown_permission:
            warn(
                tr(
                    "Projects occupying permanent basic farmland without a project type: whether the occupation is "
                    "permitted (土地管理法 Art. 35) is not checked: {}."
                ).format(", ".join(unknown_permission))
            )
        forbidden = [r["project_id"] for r in rows if r["basic_farmland_permitted"] == 0]
        if forbidden:
            warn(
                tr(
                    "Projects occupying permanent basic farmland that are not of a permitted type (土地管理法 Art. 35: "
                    "national energy, transport, water and military key projects): {}."
                ).format(", ".join(forbidden))
            )
        if fallbacks:
            warn(
                tr("{} pieces came from 图斑 without a usable TBMJ; their ellipsoidal area was used.").format(fallbacks)
            )
        for code, count in sorted(unknown_codes.items(), key=lambda kv: str(kv[0])):
            if code is None:
                warn(tr("{} pieces have no land-class code (DLBM): counted in unknown_m2 only.").format(count))
            else:
                warn(tr("Unknown land-class code “{}” in {} pieces: counted in unknown_m2 only.").format(code, count))
        return notes


def _attribute_indexes(indexes):
    """The land-use fields a piece carries, by index, in the order of its attributes."""
    return sorted({i for i in indexes.values() if i >= 0})


def _attribute(value):
    if isinstance(value, datetime.date):
        return QDate(value)
    return value


def _project_attributes(source, indexes, label, notes, feedback):
    """(names, infos) per project id from the attributes only: the first
    non-empty name and type, the approval date (earliest, warned when the
    features of one project disagree)."""
    wanted = sorted(i for i in indexes.values() if i >= 0)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(wanted)
    found = occupation.ProjectAttributes()
    for feature in source.getFeatures(request):
        key = key_text(feature.attribute(indexes["id"]))
        if key is None:
            continue
        found.add(key, *(feature.attribute(indexes[n]) if indexes[n] >= 0 else None for n in ("name", "type", "date")))
    for key, earliest in found.several_dates().items():
        warning = tr("Project {} has several approval dates; the earliest ({}) is used.").format(
            key, earliest.isoformat()
        )
        feedback.pushWarning(warning)
        notes.append(warning)
    if found.bad_dates:
        warning = tr("{}: unreadable approval dates for {}; their order check cannot be made.").format(
            label, ", ".join(sorted(set(found.bad_dates)))
        )
        feedback.pushWarning(warning)
        notes.append(warning)
    return found.names, found.infos
