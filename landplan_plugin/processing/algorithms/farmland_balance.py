"""landplan:farmlandbalance – 耕地占补平衡核查.

Thin adapter over core.balance: reads the occupation table (normally the
summary of landplan:farmlandoccupation), the supplement projects and the
optional 挂钩 allocation ledger, and writes one row per project (or one
pooled row '*') and one ledger row per supplement project.
"""

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ...qgis_compat import FieldType, make_field
from ...core import balance
from ...core.dates import DateError, parse_date
from ...core.i18n import tr
from ...core.values import number as _num
from .base import LandPlanAlgorithm, add_feature, require_field
from .common import key_text

BOOL_FIELDS = {"quantity_ok", "paddy_ok", "capacity_ok", "quality_ok", "order_ok", "balanced", "overdrawn"}
ALLOCATION_FIELDS = ("project_id", "supplement_id", "farmland_m2", "paddy_m2", "capacity_kg")


def _output_fields(names):
    fields = QgsFields()
    for name in names:
        if name in ("project_id", "supplement_id"):
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
    ALLOCATIONS = "ALLOCATIONS"
    OUTPUT = "OUTPUT"
    OUTPUT_LEDGER = "OUTPUT_LEDGER"
    DEFAULTED_OPTIONAL = (
        OCC_PADDY_FIELD,
        OCC_GRADE_FIELD,
        OCC_CAPACITY_FIELD,
        OCC_DATE_FIELD,
        SUP_PADDY_FIELD,
        SUP_GRADE_FIELD,
        SUP_CAPACITY_FIELD,
        SUP_DATE_FIELD,
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
            "A check whose figures are missing is NULL and does not decide ‘balanced’. Rows sharing an id are "
            "added up. Booleans are written as 1/0."
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
            (self.OCC_DATE_FIELD, tr("Occupation: approval date field"), None),
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
            (self.SUP_DATE_FIELD, tr("Supplement: acceptance date field"), None),
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
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Balance check"), QgsProcessing.SourceType.TypeVector)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_LEDGER, tr("Supplement ledger"), QgsProcessing.SourceType.TypeVector
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        occ_source = self.source_or_raise(parameters, self.OCCUPATION, context)
        sup_source = self.source_or_raise(parameters, self.SUPPLEMENT, context)
        alloc_source = self.parameterAsSource(parameters, self.ALLOCATIONS, context)

        def names(*params):
            return [self.parameterAsString(parameters, p, context) for p in params]

        # optional fields left at their default names are simply absent from some tables
        defaults = {self.parameterDefinition(p).defaultValue() for p in self.DEFAULTED_OPTIONAL}

        occupations = _read_rows(
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
            self.source_label(parameters, self.OCCUPATION, context, occ_source),
            feedback,
            defaults,
        )
        supplements = _read_rows(
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
            self.source_label(parameters, self.SUPPLEMENT, context, sup_source),
            feedback,
            defaults,
        )
        if not occupations:
            feedback.pushWarning(
                tr("The occupation table has no rows: there is nothing to balance and no verdict is given.")
            )
        try:
            if alloc_source is not None:
                allocations = _read_allocations(
                    alloc_source, self.source_label(parameters, self.ALLOCATIONS, context, alloc_source)
                )
                rows, ledger = balance.check_allocated(occupations, supplements, allocations)
            else:
                feedback.pushInfo(tr("No allocation ledger: checking the pool of all projects and supplements."))
                rows, ledger = balance.check_pooled(occupations, supplements)
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
        unbalanced = [r["project_id"] for r in rows if r["balanced"] is False]
        overdrawn = [r["supplement_id"] for r in ledger if r["overdrawn"]]
        if unbalanced:
            feedback.pushWarning(tr("Not balanced: {}").format(", ".join(unbalanced)))
        if overdrawn:
            feedback.pushWarning(tr("Overdrawn supplement projects: {}").format(", ".join(overdrawn)))
        return results


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


def _read_rows(source, field_names, row_type, label, feedback, defaults=()):
    id_name, area_name, paddy_name, grade_name, capacity_name, date_name = field_names

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
    rows = {}
    bad_dates = []
    for feature in source.getFeatures():
        key = key_text(feature.attribute(id_index))
        if key is None:
            feedback.pushWarning(tr("A row of {} has no id and was left out.").format(label))
            continue
        farmland = _num(feature.attribute(area_index))
        if farmland is None:
            feedback.pushWarning(tr("{} {}: no farmland area, counted as 0.").format(label, key))
            farmland = 0.0
        if farmland < 0:
            raise QgsProcessingException(tr("{} {}: negative farmland area {}.").format(label, key, farmland))

        def optional_number(index, what, key=key, feature=feature):
            if index < 0:
                return None
            value = _num(feature.attribute(index))
            if value is not None and value < 0:
                raise QgsProcessingException(tr("{} {}: negative {} {}.").format(label, key, what, value))
            return value

        paddy = optional_number(paddy_index, tr("paddy area"))
        if paddy_index >= 0 and paddy is None:
            paddy = 0.0
        capacity = optional_number(capacity_index, tr("grain capacity"))
        grade = _num(feature.attribute(grade_index)) if grade_index >= 0 else None
        if grade is not None and grade <= 0:
            feedback.pushWarning(tr("{} {}: grade {} is not a grade (1 = best); ignored.").format(label, key, grade))
            grade = None
        date = None
        if date_index >= 0:
            try:
                date = parse_date(feature.attribute(date_index))
            except DateError:
                bad_dates.append(key)
        row = row_type(key, farmland, paddy, grade, capacity, date)
        if key in rows:
            rows[key] = _merge(rows[key], row)
        else:
            rows[key] = row
    if bad_dates:
        feedback.pushWarning(
            tr("{}: unreadable dates for {}; their order check is NULL.").format(label, ", ".join(bad_dates))
        )
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
    return type(a)(
        a.id,
        a.farmland + b.farmland,
        add(a.paddy, b.paddy),
        grade,
        add(a.capacity, b.capacity),
        min(dates) if dates else None,
    )


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
