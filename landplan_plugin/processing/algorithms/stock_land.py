"""landplan:stockland – 批而未供土地分析 (approved but not supplied).

Each approval batch (批次) is dissolved; the supplied parcels inside its
bounding box are unioned and cut out; what is left is 批而未供.  Areas are
CGCS2000 ellipsoidal (default) or planar; the 三调 apportioned mode does not
apply to approval polygons and is refused.
"""

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from ...qgis_compat import FieldType
from ...core import crs as crs_rules
from ...core import overlay
from ...core.area import MODE_APPORTIONED, MODE_ELLIPSOIDAL, MODE_PLANAR
from ...core.dates import DateError, add_years, parse_date
from ...core.i18n import tr
from .base import LandPlanAlgorithm, add_feature, fields_from_spec, require_field
from .common import add_area_mode_parameter, ellipsoidal_area, geometry_policy, key_text, reference_date


def years_between(start, end):
    """(full calendar years, decimal years = days ÷ 365.25) from start to end."""
    if start is None:
        return None, None
    full = end.year - start.year
    if add_years(start, full) > end:
        full -= 1
    return full, (end - start).days / 365.25


class StockLandAlgorithm(LandPlanAlgorithm):
    APPROVED = "APPROVED"
    BATCH_ID_FIELD = "BATCH_ID_FIELD"
    APPROVAL_DATE_FIELD = "APPROVAL_DATE_FIELD"
    SUPPLIED = "SUPPLIED"
    REFERENCE_DATE = "REFERENCE_DATE"
    AREA_MODE = "AREA_MODE"
    SUPPLY_DATE_FIELD = "SUPPLY_DATE_FIELD"
    REPAIR_INVALID = "REPAIR_INVALID"
    OUTPUT_UNSUPPLIED = "OUTPUT_UNSUPPLIED"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    group_id = "landsupply"

    def name(self):
        return "stockland"

    def displayName(self):
        return tr("Approved but unsupplied land")

    def tags(self):
        return ["批而未供", "存量土地", "供地率", "批次", "stock land", "unsupplied"]

    def shortHelpString(self):
        return tr(
            "Finds land approved for construction (批准用地, by approval batch) that has not been supplied (批而未供): "
            "each batch is dissolved and the supplied parcels are cut out. OUTPUT_UNSUPPLIED holds the remaining "
            "polygons per batch; OUTPUT_SUMMARY gives approved, supplied and unsupplied area, the supply rate "
            "(supplied ÷ approved) and the years since approval (days ÷ 365.25; full_years in calendar years). "
            "Areas are ellipsoidal (mode 1, default, the same figure idle land analysis gives a parcel) or planar "
            "(mode 2). Supplied parcels in another CRS are reprojected. With SUPPLY_DATE_FIELD, parcels supplied "
            "after the date of the check are not counted (a parcel without a date is counted and warned). The last "
            "summary row, batch_id '*', totals all batches and gives supply_rate_5y, the 近五年平均供地率: supplied ÷ "
            "approved over the batches approved in the five calendar years before the year of the check."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.APPROVED, tr("Approved land (批准用地)"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.BATCH_ID_FIELD, tr("Batch id field"), parentLayerParameterName=self.APPROVED
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.APPROVAL_DATE_FIELD,
                tr("Approval date field"),
                parentLayerParameterName=self.APPROVED,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUPPLIED, tr("Supplied land (供地)"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SUPPLY_DATE_FIELD,
                tr("Supply date field (供地日期)"),
                parentLayerParameterName=self.SUPPLIED,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterDateTime(
                self.REFERENCE_DATE,
                tr("Date of the check"),
                type=QgsProcessingParameterDateTime.Type.Date,
                optional=True,
            )
        )
        add_area_mode_parameter(self, self.AREA_MODE, MODE_ELLIPSOIDAL)
        self.addParameter(
            QgsProcessingParameterBoolean(self.REPAIR_INVALID, tr("Repair invalid geometries"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_UNSUPPLIED, tr("Unsupplied land"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY, tr("Supply by batch"), QgsProcessing.SourceType.TypeVector
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        approved = self.source_or_raise(parameters, self.APPROVED, context)
        supplied = self.source_or_raise(parameters, self.SUPPLIED, context)
        approved_label = self.source_label(parameters, self.APPROVED, context, approved)
        supplied_label = self.source_label(parameters, self.SUPPLIED, context, supplied)
        batch_index = require_field(
            approved, self.parameterAsString(parameters, self.BATCH_ID_FIELD, context), approved_label
        )
        date_index = require_field(
            approved,
            self.parameterAsString(parameters, self.APPROVAL_DATE_FIELD, context),
            approved_label,
            optional=True,
        )
        mode = self.parameterAsEnum(parameters, self.AREA_MODE, context)
        if mode == MODE_APPORTIONED:
            raise QgsProcessingException(
                tr(
                    "Area mode 0 (apportioned survey area) applies to 三调 图斑 only; use 1 (ellipsoidal) or 2 (planar)."
                )
            )
        crs = approved.sourceCrs()
        if mode != MODE_ELLIPSOIDAL:
            crs_rules.require_projected(crs, approved_label)
        note = crs_rules.reprojection_note(supplied.sourceCrs(), crs, supplied_label)
        if note:
            feedback.pushWarning(note)
        reference = reference_date(self, parameters, self.REFERENCE_DATE, context)
        policy = geometry_policy(context, self.parameterAsBoolean(parameters, self.REPAIR_INVALID, context))
        ellipsoid = ellipsoidal_area(self, parameters, context, crs, required=mode != MODE_PLANAR)

        def area(geometry):
            if geometry is None or geometry.isEmpty():
                return 0.0
            return ellipsoid.area(geometry) if mode == MODE_ELLIPSOIDAL else geometry.area()

        batches = {}
        bad_dates = []
        for feature in approved.getFeatures(
            QgsFeatureRequest(), QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
        ):
            key = key_text(feature.attribute(batch_index))
            if key is None:
                feedback.pushWarning(tr("An approved polygon without batch id was left out."))
                continue
            batch = batches.setdefault(key, {"geometries": [], "date": None})
            geometry = policy.apply(feature.geometry(), approved_label, feature.id())
            if geometry is not None:
                batch["geometries"].append(geometry)
            if date_index >= 0:
                try:
                    date = parse_date(feature.attribute(date_index))
                except DateError:
                    bad_dates.append(key)
                    date = None
                if date is not None and (batch["date"] is None or date < batch["date"]):
                    batch["date"] = date
        if bad_dates:
            feedback.pushWarning(
                tr("Unreadable approval dates in batches: {}").format(", ".join(sorted(set(bad_dates))))
            )

        unsupplied_fields = fields_from_spec(
            (
                ("batch_id", FieldType.STRING),
                ("approval_date", FieldType.DATE),
                ("area_m2", FieldType.DOUBLE),
                ("years_since_approval", FieldType.DOUBLE),
                ("full_years", FieldType.INT),
            )
        )
        summary_fields = fields_from_spec(
            (
                ("batch_id", FieldType.STRING),
                ("approval_date", FieldType.DATE),
                ("approved_m2", FieldType.DOUBLE),
                ("supplied_m2", FieldType.DOUBLE),
                ("unsupplied_m2", FieldType.DOUBLE),
                ("supply_rate", FieldType.DOUBLE),
                ("years_since_approval", FieldType.DOUBLE),
                ("full_years", FieldType.INT),
                ("supply_rate_5y", FieldType.DOUBLE),
            )
        )
        unsupplied_sink, unsupplied_dest = self.sink_or_raise(
            parameters, self.OUTPUT_UNSUPPLIED, context, unsupplied_fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        summary_sink, summary_dest = self.sink_or_raise(
            parameters, self.OUTPUT_SUMMARY, context, summary_fields, QgsWkbTypes.Type.NoGeometry, crs
        )

        supply_date_index = require_field(
            supplied,
            self.parameterAsString(parameters, self.SUPPLY_DATE_FIELD, context),
            supplied_label,
            optional=True,
        )
        later, undated = [], []

        def counted(feature):
            """Supplied by the date of the check (always, without a date field)."""
            if supply_date_index < 0:
                return True
            try:
                date = parse_date(feature.attribute(supply_date_index))
            except DateError:
                date = None
            if date is None:
                undated.append(feature.id())
                return True
            if date > reference:
                later.append(feature.id())
                return False
            return True

        totals = {"approved": 0.0, "supplied": 0.0, "approved_5y": 0.0, "supplied_5y": 0.0}
        five_years = range(reference.year - 5, reference.year)
        for step, (key, batch) in enumerate(batches.items()):
            if feedback.isCanceled():
                break
            region = overlay.dissolve(batch["geometries"])
            full, decimal = years_between(batch["date"], reference)
            qdate = QDate(batch["date"]) if batch["date"] else None
            if region is None:
                approved_m2 = supplied_m2 = 0.0
                rest = None
            else:
                request = QgsFeatureRequest().setFilterRect(region.boundingBox())
                request.setSubsetOfAttributes([supply_date_index] if supply_date_index >= 0 else [])
                request.setDestinationCrs(crs, context.transformContext())
                parts = []
                for feature in supplied.getFeatures(
                    request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
                ):
                    if not counted(feature):
                        continue
                    geometry = policy.apply(feature.geometry(), supplied_label, feature.id())
                    if geometry is not None:
                        parts.append(geometry)
                supplied_union = overlay.dissolve(parts)
                approved_m2 = area(region)
                if supplied_union is None:
                    rest = region
                    supplied_m2 = 0.0
                else:
                    rest = overlay.polygonal(region.difference(supplied_union))
                    supplied_m2 = area(overlay.polygonal(region.intersection(supplied_union)))
            unsupplied_m2 = approved_m2 - supplied_m2
            if rest is not None and not rest.isEmpty() and unsupplied_m2 > 0:
                feature = QgsFeature(unsupplied_fields)
                geometry = QgsGeometry(rest)
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
                feature.setAttributes([key, qdate, unsupplied_m2, decimal, full])
                add_feature(unsupplied_sink, feature)
            feature = QgsFeature(summary_fields)
            rate = supplied_m2 / approved_m2 if approved_m2 > 0 else None
            feature.setAttributes([key, qdate, approved_m2, supplied_m2, unsupplied_m2, rate, decimal, full, None])
            add_feature(summary_sink, feature)
            totals["approved"] += approved_m2
            totals["supplied"] += supplied_m2
            if batch["date"] is not None and batch["date"].year in five_years:
                totals["approved_5y"] += approved_m2
                totals["supplied_5y"] += supplied_m2
            feedback.setProgress(int(100.0 * (step + 1) / max(len(batches), 1)))
        total = QgsFeature(summary_fields)
        total.setAttributes(
            [
                "*",
                None,
                totals["approved"],
                totals["supplied"],
                totals["approved"] - totals["supplied"],
                totals["supplied"] / totals["approved"] if totals["approved"] > 0 else None,
                None,
                None,
                totals["supplied_5y"] / totals["approved_5y"] if totals["approved_5y"] > 0 else None,
            ]
        )
        if batches:  # no batches, nothing to total
            add_feature(summary_sink, total)
        if later:
            feedback.pushWarning(
                tr("{} supplied parcels are dated after the date of the check and are not counted.").format(
                    len(set(later))
                )
            )
        if undated:
            feedback.pushWarning(
                tr("{} supplied parcels have no readable supply date and are counted as supplied.").format(
                    len(set(undated))
                )
            )
        if batches and totals["approved_5y"] <= 0:
            feedback.pushWarning(
                tr("No batch was approved in {}–{}: supply_rate_5y is empty.").format(
                    five_years.start, five_years.stop - 1
                )
            )
        policy.report(feedback)
        return {self.OUTPUT_UNSUPPLIED: unsupplied_dest, self.OUTPUT_SUMMARY: summary_dest}
