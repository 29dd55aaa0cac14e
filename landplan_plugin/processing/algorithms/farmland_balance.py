"""landplan:farmlandbalance – 耕地占补平衡核查.

Thin adapter over core.balance: reads the occupation table (normally the
summary of landplan:farmlandoccupation), the supplement projects and the
optional 挂钩 allocation ledger, and writes one row per project (or one
pooled row '*'), one ledger row per supplement project and an HTML report
in 亩 and 公斤.  Supplement types (SUP_TYPE_FIELD) are classified with the
editable table resources/tables/supplement_types.csv (or SUP_TYPE_TABLE).
"""

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)

from ...qgis_compat import FieldType, make_field
from ...core import balance, report, units
from ...core.dates import DateError, parse_date
from ...core.i18n import tr
from ...core.tables import TableReadError
from ...core.values import number as _num
from ...paths import resource
from .base import LandPlanAlgorithm, add_feature, require_field
from .common import key_text

BOOL_FIELDS = {"quantity_ok", "paddy_ok", "capacity_ok", "quality_ok", "order_ok", "balanced", "overdrawn"}
ALLOCATION_FIELDS = ("project_id", "supplement_id", "farmland_m2", "paddy_m2", "capacity_kg")
TEXT_FIELDS = {"project_id", "supplement_id", "verdict", "unchecked", "sup_type"}
AREA_UNITS = (units.M2, units.HECTARE, units.MU)


def _output_fields(names):
    fields = QgsFields()
    for name in names:
        if name in TEXT_FIELDS:
            fields.append(make_field(name, FieldType.STRING))
        elif name in BOOL_FIELDS:
            # 0/1 integers: GeoPackage has no boolean type QGIS 3.22 writes reliably
            fields.append(make_field(name, FieldType.INT))
        else:
            fields.append(make_field(name, FieldType.DOUBLE))
    return fields


class FarmlandBalanceAlgorithm(LandPlanAlgorithm):
    OCCUPATION = "OCCUPATION"
    OCC_ID_FIELD = "OCC_ID_FIELD"
    OCC_AREA_FIELD = "OCC_AREA_FIELD"
    OCC_PADDY_FIELD = "OCC_PADDY_FIELD"
    OCC_GRADE_FIELD = "OCC_GRADE_FIELD"
    OCC_CAPACITY_FIELD = "OCC_CAPACITY_FIELD"
    OCC_DATE_FIELD = "OCC_DATE_FIELD"
    SUPPLEMENT = "SUPPLEMENT"
    SUP_ID_FIELD = "SUP_ID_FIELD"
    SUP_AREA_FIELD = "SUP_AREA_FIELD"
    SUP_PADDY_FIELD = "SUP_PADDY_FIELD"
    SUP_GRADE_FIELD = "SUP_GRADE_FIELD"
    SUP_CAPACITY_FIELD = "SUP_CAPACITY_FIELD"
    SUP_DATE_FIELD = "SUP_DATE_FIELD"
    SUP_TYPE_FIELD = "SUP_TYPE_FIELD"
    SUP_TYPE_TABLE = "SUP_TYPE_TABLE"
    ALLOCATIONS = "ALLOCATIONS"
    REQUIRE_ORDER = "REQUIRE_ORDER"
    AREA_UNIT = "AREA_UNIT"
    OUTPUT = "OUTPUT"
    OUTPUT_LEDGER = "OUTPUT_LEDGER"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    DEFAULTED_OPTIONAL = (
        OCC_PADDY_FIELD,
        OCC_GRADE_FIELD,
        OCC_CAPACITY_FIELD,
        OCC_DATE_FIELD,
        SUP_PADDY_FIELD,
        SUP_GRADE_FIELD,
        SUP_CAPACITY_FIELD,
        SUP_DATE_FIELD,
        SUP_TYPE_FIELD,
    )

    group_id = "farmland"

    def name(self):
        return "farmlandbalance"

    def displayName(self):
        return tr("Farmland occupation–supplement balance check")

    def tags(self):
        return [
            "占补平衡",
            "补充耕地",
            "挂钩",
            "先补后占",
            "占优补优",
            "占水田补水田",
            "粮食产能",
            "balance",
            "farmland",
        ]

    def shortHelpString(self):
        return tr(
            "Checks 耕地占补平衡: whether supplementary farmland (补充耕地) covers what projects occupy in quantity "
            "(占一补一), paddy area (占水田补水田), grain capacity and quality (占优补优: supplement grade no worse "
            "than the occupied grade; lower grade number = better), and order (先补后占: supplements accepted on or "
            "before the approval date).\n\n"
            "OCCUPATION is normally the summary of “Farmland occupation analysis”. With ALLOCATIONS (the 挂钩 "
            "ledger with fields project_id, supplement_id, farmland_m2, paddy_m2, capacity_kg) each project is "
            "checked against what it drew; an allocation naming an unknown project or supplement is an error. "
            "Without it everything is checked pooled as one row '*': order_ok then requires, at each approval "
            "date, the farmland accepted so far to cover the farmland occupied so far, and the ledger draws "
            "first-accepted first.\n\n"
            "Supplement types (SUP_TYPE_FIELD; 国土资规〔2017〕13号): 新增耕地 (also 开发/复垦/整理/垦造) adds "
            "farmland quantity, paddy area and grain capacity; 旱改水 (水田改造) adds paddy and capacity but no "
            "farmland; 提质改造 (提升改造, 质量提升) adds capacity only. The mapping is the editable CSV "
            "resources/tables/supplement_types.csv, or your province's table in SUP_TYPE_TABLE; a type it does "
            "not know is an error listing the values found. Without a type field every supplement counts as "
            "新增耕地 (warned).\n\n"
            "Verdict: balanced is 1 only when every required check is 1 (quantity, paddy, capacity, quality, and "
            "先补后占 when REQUIRE_ORDER is ticked), 0 as soon as one is 0, and NULL otherwise; verdict says 平衡 / "
            "不平衡 / 未核查 and unchecked lists the checks that could not be made. An unknown is never a pass: "
            "with REQUIRE_ORDER, a missing date field or an empty date leaves order_ok NULL and the verdict "
            "未核查.\n\n"
            "AREA_UNIT (m², 公顷 or 亩) is the unit of the input area fields (occupation, supplements, allocations); "
            "a field whose name ends in _m2 is read as m² whatever the setting. Outputs are in m² with 亩 "
            "companions (*_mu); the HTML report shows 亩 and 公斤. Rows sharing an id are added up. Booleans are "
            "written as 1/0."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.OCCUPATION, tr("Occupation table"), [QgsProcessing.SourceType.TypeVector]
            )
        )
        for name, label, default in (
            (self.OCC_ID_FIELD, tr("Occupation: project id field"), "project_id"),
            (self.OCC_AREA_FIELD, tr("Occupation: farmland area field (m²)"), "farmland_m2"),
            (self.OCC_PADDY_FIELD, tr("Occupation: paddy area field (m²)"), "paddy_m2"),
            (self.OCC_GRADE_FIELD, tr("Occupation: farmland grade field"), "farmland_grade"),
            (self.OCC_CAPACITY_FIELD, tr("Occupation: grain capacity field (kg)"), "capacity_kg"),
            (self.OCC_DATE_FIELD, tr("Occupation: approval date field"), "approval_date"),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name, label, defaultValue=default, parentLayerParameterName=self.OCCUPATION, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUPPLEMENT, tr("Supplementary farmland projects"), [QgsProcessing.SourceType.TypeVector]
            )
        )
        for name, label, default in (
            (self.SUP_ID_FIELD, tr("Supplement: id field"), "supplement_id"),
            (self.SUP_AREA_FIELD, tr("Supplement: farmland area field (m²)"), "farmland_m2"),
            (self.SUP_PADDY_FIELD, tr("Supplement: paddy area field (m²)"), "paddy_m2"),
            (self.SUP_GRADE_FIELD, tr("Supplement: grade field"), "grade"),
            (self.SUP_CAPACITY_FIELD, tr("Supplement: grain capacity field (kg)"), "capacity_kg"),
            (self.SUP_DATE_FIELD, tr("Supplement: acceptance date field"), "accepted"),
            (self.SUP_TYPE_FIELD, tr("Supplement: project type field (新增耕地 / 旱改水 / 提质改造)"), "XMLX"),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name, label, defaultValue=default, parentLayerParameterName=self.SUPPLEMENT, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ALLOCATIONS,
                tr("Allocations (挂钩 ledger, optional)"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.SUP_TYPE_TABLE,
                tr("Supplement type table (CSV; empty = the bundled table)"),
                extension="csv",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.REQUIRE_ORDER, tr("Require 先补后占 (supplement accepted before approval)"), defaultValue=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.AREA_UNIT,
                tr("Unit of the input area fields"),
                options=[tr("m²"), tr("hectare (公顷)"), tr("mu (亩)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Balance check"), QgsProcessing.SourceType.TypeVector)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_LEDGER, tr("Supplement ledger"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT, tr("HTML report"), tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        occ_source = self.source_or_raise(parameters, self.OCCUPATION, context)
        sup_source = self.source_or_raise(parameters, self.SUPPLEMENT, context)
        alloc_source = self.parameterAsSource(parameters, self.ALLOCATIONS, context)
        require_order = self.parameterAsBoolean(parameters, self.REQUIRE_ORDER, context)
        unit = AREA_UNITS[self.parameterAsEnum(parameters, self.AREA_UNIT, context)]
        kind_table = _kind_table(self.parameterAsFile(parameters, self.SUP_TYPE_TABLE, context))
        occ_label = self.source_label(parameters, self.OCCUPATION, context, occ_source)
        sup_label = self.source_label(parameters, self.SUPPLEMENT, context, sup_source)

        def names(*params):
            return [self.parameterAsString(parameters, p, context) for p in params]

        # optional fields left at their default names are simply absent from some tables
        defaults = {self.parameterDefinition(p).defaultValue() for p in self.DEFAULTED_OPTIONAL}
        reader = _RowReader(unit, defaults, feedback)
        occupations = reader.read(
            occ_source,
            names(
                self.OCC_ID_FIELD,
                self.OCC_AREA_FIELD,
                self.OCC_PADDY_FIELD,
                self.OCC_GRADE_FIELD,
                self.OCC_CAPACITY_FIELD,
                self.OCC_DATE_FIELD,
            ),
            balance.Occupation,
            occ_label,
        )
        supplements = reader.read(
            sup_source,
            names(
                self.SUP_ID_FIELD,
                self.SUP_AREA_FIELD,
                self.SUP_PADDY_FIELD,
                self.SUP_GRADE_FIELD,
                self.SUP_CAPACITY_FIELD,
                self.SUP_DATE_FIELD,
            ),
            balance.Supplement,
            sup_label,
            type_field=self.parameterAsString(parameters, self.SUP_TYPE_FIELD, context),
            kind_table=kind_table,
        )
        if not occupations:
            feedback.pushWarning(
                tr("The occupation table has no rows: there is nothing to balance and no verdict is given.")
            )
        if require_order and (not reader.dates[occ_label] or not reader.dates[sup_label]):
            feedback.pushWarning(
                tr(
                    "先补后占 is required but the approval or acceptance dates are missing: order_ok is NULL and "
                    "no project can be found balanced (verdict 未核查)."
                )
            )
        try:
            if alloc_source is not None:
                # its fields are named *_m2: m² whatever AREA_UNIT says
                allocations = _read_allocations(
                    alloc_source, self.source_label(parameters, self.ALLOCATIONS, context, alloc_source)
                )
                rows, ledger = balance.check_allocated(occupations, supplements, allocations, require_order)
                _warn_misdrawn(allocations, supplements, reader)
            else:
                feedback.pushInfo(tr("No allocation ledger: checking the pool of all projects and supplements."))
                rows, ledger = balance.check_pooled(occupations, supplements, require_order)
        except balance.BalanceError as error:
            raise QgsProcessingException(_translate_balance_error(error)) from error

        results = {}
        for output, field_names, data in (
            (self.OUTPUT, balance.OUTPUT_FIELDS, rows),
            (self.OUTPUT_LEDGER, balance.LEDGER_FIELDS, ledger),
        ):
            fields = _output_fields(field_names)
            sink, dest = self.sink_or_raise(
                parameters, output, context, fields, QgsWkbTypes.Type.NoGeometry, occ_source.sourceCrs()
            )
            for row in data:
                feature = QgsFeature(fields)
                feature.setAttributes([_out_value(row[name]) for name in field_names])
                add_feature(sink, feature)
            results[output] = dest
        _report_verdicts(rows, ledger, feedback)
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report_path:
            report.write(
                report_path,
                "balance_report.html.j2",
                rows=rows,
                ledger=ledger,
                pooled=alloc_source is None,
                require_order=require_order,
                occupation_name=occ_label,
                supplement_name=sup_label,
                supplements={s.id: s for s in supplements},
                check_names=balance.CHECK_NAMES,
                unit_text=units.UNIT_LABELS_ZH[unit],
                notes=reader.notes,
            )
            results[self.OUTPUT_REPORT] = report_path
        return results


def _report_verdicts(rows, ledger, feedback):
    unbalanced = [r["project_id"] for r in rows if r["balanced"] is False]
    unchecked = [r["project_id"] for r in rows if r["balanced"] is None]
    overdrawn = [r["supplement_id"] for r in ledger if r["overdrawn"]]
    if unbalanced:
        feedback.pushWarning(tr("Not balanced: {}").format(", ".join(unbalanced)))
    if unchecked:
        feedback.pushWarning(
            tr("Not checked (未核查), some required checks could not be made: {}").format(
                "; ".join("{} ({})".format(r["project_id"], r["unchecked"]) for r in rows if r["balanced"] is None)
            )
        )
    if overdrawn:
        feedback.pushWarning(tr("Overdrawn supplement projects: {}").format(", ".join(overdrawn)))


def _warn_misdrawn(allocations, supplements, reader):
    """Allocations drawing farmland or paddy a supplement's type does not add."""
    kinds = {s.id: s.kind for s in supplements}
    wrong = [
        "{} → {} ({})".format(a.project_id, a.supplement_id, kinds[a.supplement_id].name)
        for a in allocations
        if (a.farmland and not kinds[a.supplement_id].quantity) or (a.paddy and not kinds[a.supplement_id].paddy)
    ]
    if wrong:
        reader.warn(
            tr(
                "Allocations draw farmland or paddy from supplements whose type adds none; that part is not "
                "counted: {}."
            ).format(", ".join(wrong))
        )


def _kind_table(path):
    path = path or str(resource("tables", "supplement_types.csv"))
    try:
        return balance.read_kind_table(path)
    except (OSError, TableReadError, balance.BalanceError) as error:
        raise QgsProcessingException(tr("Cannot read the supplement type table: {}").format(error)) from error


def _out_value(value):
    if isinstance(value, bool):
        return int(value)
    return value


def _translate_balance_error(error):
    text = str(error)
    if "unknown project" in text:
        return tr("The allocation ledger names a project that is not in the occupation table: {}").format(
            text.split("project", 1)[1].strip()
        )
    if "unknown supplement" in text:
        return tr("The allocation ledger names a supplement project that is not in the supplement table: {}").format(
            text.split("supplement", 1)[1].strip()
        )
    return text


class _RowReader:
    """Reads occupation and supplement rows, areas converted to m²."""

    def __init__(self, unit, defaults, feedback):
        self.unit = unit
        self.defaults = defaults
        self.feedback = feedback
        self.dates = {}  # label → date field present
        self.notes = []

    def warn(self, text):
        self.feedback.pushWarning(text)
        self.notes.append(text)

    def _factor(self, name):
        """m² per unit of a field: *_m2 fields are m² by their name."""
        if name and name.lower().endswith("_m2"):
            return 1.0
        return units.to_m2(1.0, self.unit)

    def read(self, source, field_names, row_type, label, type_field=None, kind_table=None):
        id_name, area_name, paddy_name, grade_name, capacity_name, date_name = field_names
        defaults = self.defaults

        def optional(name, numeric=False):
            return require_field(
                source, name, label, numeric=numeric, optional=True, default=name if name in defaults else None
            )

        id_index = require_field(source, id_name, label)
        area_index = require_field(source, area_name, label, numeric=True)
        paddy_index = optional(paddy_name, numeric=True)
        grade_index = optional(grade_name)
        capacity_index = optional(capacity_name, numeric=True)
        date_index = optional(date_name)
        type_index = optional(type_field) if kind_table is not None else -1
        self.dates[label] = date_index >= 0
        area_factor = self._factor(area_name)
        paddy_factor = self._factor(paddy_name)
        if self.unit != units.M2:
            for name in (area_name, paddy_name):
                if name and name.lower().endswith("_m2"):
                    self.feedback.pushInfo(tr("{}: field “{}” is read as m² (its name says so).").format(label, name))
        if kind_table is not None and type_index < 0:
            self.warn(
                tr(
                    "{}: no supplement type field; every supplement counts as 新增耕地 (quantity, paddy, capacity)."
                ).format(label)
            )
        rows = {}
        bad_dates = []
        empty_dates = []
        unknown_types = {}
        for feature in source.getFeatures():
            key = key_text(feature.attribute(id_index))
            if key is None:
                self.feedback.pushWarning(tr("A row of {} has no id and was left out.").format(label))
                continue
            farmland = _num(feature.attribute(area_index))
            if farmland is None:
                self.feedback.pushWarning(tr("{} {}: no farmland area, counted as 0.").format(label, key))
                farmland = 0.0
            if farmland < 0:
                raise QgsProcessingException(tr("{} {}: negative farmland area {}.").format(label, key, farmland))
            farmland *= area_factor

            def optional_number(index, what, key=key, feature=feature):
                if index < 0:
                    return None
                value = _num(feature.attribute(index))
                if value is not None and value < 0:
                    raise QgsProcessingException(tr("{} {}: negative {} {}.").format(label, key, what, value))
                return value

            paddy = optional_number(paddy_index, tr("paddy area"))
            if paddy_index >= 0:
                paddy = (paddy or 0.0) * paddy_factor
            capacity = optional_number(capacity_index, tr("grain capacity"))
            grade = _num(feature.attribute(grade_index)) if grade_index >= 0 else None
            if grade is not None and grade <= 0:
                self.feedback.pushWarning(
                    tr("{} {}: grade {} is not a grade (1 = best); ignored.").format(label, key, grade)
                )
                grade = None
            date = None
            if date_index >= 0:
                try:
                    date = parse_date(feature.attribute(date_index))
                except DateError:
                    bad_dates.append(key)
                if date is None and key not in bad_dates:
                    empty_dates.append(key)
            row = row_type(key, farmland, paddy, grade, capacity, date)
            if type_index >= 0:
                text = key_text(feature.attribute(type_index))
                kind = balance.classify(text, kind_table)
                if kind is None:
                    unknown_types.setdefault(text or tr("(empty)"), []).append(key)
                else:
                    row.kind = kind
            if key in rows:
                rows[key] = _merge(rows[key], row)
            else:
                rows[key] = row
        if unknown_types:
            raise QgsProcessingException(
                tr(
                    "{}: supplement types not in the type table (新增耕地 / 旱改水 / 提质改造 and their names): {}. "
                    "Correct the values or add them to the table."
                ).format(
                    label, "; ".join("“{}” ({})".format(t, ", ".join(ids[:5])) for t, ids in unknown_types.items())
                )
            )
        if bad_dates:
            self.warn(tr("{}: unreadable dates for {}; their order check is NULL.").format(label, ", ".join(bad_dates)))
        if empty_dates:
            self.warn(tr("{}: no date for {}; their order check is NULL.").format(label, ", ".join(empty_dates[:20])))
        return list(rows.values())


def _merge(a, b):
    """Rows sharing an id are one project: add up, weight the grade, earliest date."""

    def add(x, y):
        return None if x is None or y is None else x + y

    grade = None
    if a.grade is not None and b.grade is not None and (a.farmland + b.farmland) > 0:
        grade = (a.grade * a.farmland + b.grade * b.farmland) / (a.farmland + b.farmland)
    else:
        grade = a.grade if b.grade is None else b.grade if a.grade is None else a.grade
    dates = [d for d in (a.date, b.date) if d is not None]
    merged = type(a)(
        a.id,
        a.farmland + b.farmland,
        add(a.paddy, b.paddy),
        grade,
        add(a.capacity, b.capacity),
        min(dates) if dates else None,
    )
    if isinstance(a, balance.Supplement):
        if a.kind != b.kind:
            raise QgsProcessingException(
                tr("Supplement {} has rows of different types ({} and {}).").format(a.id, a.kind.name, b.kind.name)
            )
        merged.kind = a.kind
    return merged


def _read_allocations(source, label):
    indexes = [
        require_field(source, name, label, numeric=(name not in ("project_id", "supplement_id")), optional=False)
        for name in ALLOCATION_FIELDS[:3]
    ]
    paddy_index = source.fields().lookupField("paddy_m2")
    capacity_index = source.fields().lookupField("capacity_kg")
    allocations = []
    for feature in source.getFeatures():
        project_id = key_text(feature.attribute(indexes[0]))
        supplement_id = key_text(feature.attribute(indexes[1]))
        if project_id is None or supplement_id is None:
            raise QgsProcessingException(tr("An allocation row of {} lacks a project or supplement id.").format(label))
        farmland = _num(feature.attribute(indexes[2])) or 0.0
        if farmland < 0:
            raise QgsProcessingException(
                tr("Allocation {} → {}: negative farmland {}.").format(project_id, supplement_id, farmland)
            )
        paddy = _num(feature.attribute(paddy_index)) if paddy_index >= 0 else None
        capacity = _num(feature.attribute(capacity_index)) if capacity_index >= 0 else None
        allocations.append(balance.Allocation(project_id, supplement_id, farmland, paddy, capacity))
    return allocations
