"""landplan:idleland – 闲置土地识别与预警.

Thin adapter over core.idle (the 2012 办法's rules), core.dates (the date
forms staff type) and core.raster (bulk pixel counts for imagery evidence).
"""

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from ...qgis_compat import FieldType, make_field
from ...core import idle, report
from ...core import crs as crs_rules
from ...core.area import MODE_ELLIPSOIDAL, MODE_PLANAR
from ...core.dates import DateError, parse_date
from ...core.i18n import tr
from ...core.raster import RasterError, parse_values, zonal_stats
from ...core.values import number
from .base import LandPlanAlgorithm, add_feature, fields_from_spec, require_field
from .common import add_area_mode_parameter, ellipsoidal_area, key_text, reference_date, refuse_negative

NEW_FIELDS = (
    ("deadline", FieldType.DATE),
    ("days_overdue", FieldType.INT),
    ("developed_ratio", FieldType.DOUBLE),
    ("invest_ratio", FieldType.DOUBLE),
    ("status", FieldType.STRING),
    ("status_zh", FieldType.STRING),
    ("fee", FieldType.DOUBLE),
    ("disposal", FieldType.STRING),
    ("evidence", FieldType.STRING),
    ("parcel_area_m2", FieldType.DOUBLE),
    ("raster_ratio", FieldType.DOUBLE),
    ("imagery_ratio", FieldType.DOUBLE),
    ("fee_unit", FieldType.STRING),
)
PRICE_UNITS = ("元", "万元")


class IdleLandAlgorithm(LandPlanAlgorithm):
    PARCELS = "PARCELS"
    PARCEL_ID_FIELD = "PARCEL_ID_FIELD"
    AGREED_START_FIELD = "AGREED_START_FIELD"
    DELIVERY_DATE_FIELD = "DELIVERY_DATE_FIELD"
    ACTUAL_START_FIELD = "ACTUAL_START_FIELD"
    SUSPENDED_SINCE_FIELD = "SUSPENDED_SINCE_FIELD"
    DEVELOPED_AREA_FIELD = "DEVELOPED_AREA_FIELD"
    INVESTED_FIELD = "INVESTED_FIELD"
    TOTAL_INVESTMENT_FIELD = "TOTAL_INVESTMENT_FIELD"
    PRICE_FIELD = "PRICE_FIELD"
    GOV_CAUSE_FIELD = "GOV_CAUSE_FIELD"
    BUILTUP_RASTER = "BUILTUP_RASTER"
    BUILTUP_VALUES = "BUILTUP_VALUES"
    REFERENCE_DATE = "REFERENCE_DATE"
    DEVELOPED_THRESHOLD = "DEVELOPED_THRESHOLD"
    INVESTMENT_THRESHOLD = "INVESTMENT_THRESHOLD"
    WARNING_DAYS = "WARNING_DAYS"
    PRICE_UNIT = "PRICE_UNIT"
    AREA_MODE = "AREA_MODE"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    group_id = "landsupply"

    def name(self):
        return "idleland"

    def displayName(self):
        return tr("Idle land detection and early warning")

    def tags(self):
        return ["闲置土地", "土地闲置费", "无偿收回", "预警", "供地", "动工", "idle land"]

    def shortHelpString(self):
        return tr(
            "Classifies supplied land parcels under the 闲置土地处置办法 (国土资源部令第53号, 2012). The start "
            "deadline is the agreed start date (约定动工日期), else one year after delivery (交地日期).\n\n"
            "Periods follow 民法典 Arts. 201–202: a period in years starts the day after its start date and ends on "
            "the corresponding day (the month-end when there is none); a year is full on the day after. An agreed "
            "start of 2023-06-30 makes an unstarted parcel idle_1y on 2024-07-01; 29 Feb plus one year ends on "
            "28 Feb and is reached on 1 Mar. No holiday extension is applied.\n\n"
            "Statuses, first match wins: check when the records and the imagery (built-up raster) fall on different "
            "sides of DEVELOPED_THRESHOLD, started or not (an unstarted parcel is 0 % developed by its records); "
            "not started: idle_2y two years after the deadline (无偿收回), idle_1y one year after (土地闲置费 = 20 % "
            "of the price), warning within WARNING_DAYS before becoming idle, overdue (逾期未动工) when past the "
            "deadline but not yet in the warning window; started: idle_partial when the developed share < 1/3 or "
            "the invested share < 25 % and development has been suspended one full year (fee, Art. 2 and Art. 14), "
            "idle_partial_2y when suspended two full years (无偿收回), warning within WARNING_DAYS before the year is "
            "full. An idle parcel with a government cause (Art. 8) is ‘government’. Investment excludes the land "
            "price and taxes (Art. 30). PRICE_UNIT: the unit of the price field (元 or 万元); the fee is in the same "
            "unit (fee_unit). AREA_MODE for parcel_area_m2 and the summary: 1 ellipsoidal (default, as in stock "
            "land analysis, so a parcel has one area in both), 2 planar; 0 is read as 1 (parcels have no survey "
            "area to apportion).\n\n"
            "developed_ratio = developed area ÷ parcel area (the 2002 MLR reply reads the total as land area; some "
            "provinces use floor area — use your province’s figure in the field), else the raster share. Dates may be date fields or text such as 2023-05-01, "
            "2023/5/1, 2023年5月1日 or 20230501; unreadable dates are reported per parcel in ‘evidence’. The "
            "raster is counted with GDAL in bulk (pixel centres inside the parcel; overlapping parcels each get "
            "all their pixels); parcels are reprojected to the raster’s CRS when they differ."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PARCELS, tr("Supplied land parcels"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.PARCEL_ID_FIELD, tr("Parcel id field"), parentLayerParameterName=self.PARCELS
            )
        )
        for name, label in (
            (self.AGREED_START_FIELD, tr("Agreed start date field (约定动工日期)")),
            (self.DELIVERY_DATE_FIELD, tr("Delivery date field (交地日期)")),
            (self.ACTUAL_START_FIELD, tr("Actual start date field (实际动工日期)")),
            (self.SUSPENDED_SINCE_FIELD, tr("Suspended since field (中止开发建设日期)")),
            (self.DEVELOPED_AREA_FIELD, tr("Developed area field (m²)")),
            (self.INVESTED_FIELD, tr("Invested amount field")),
            (self.TOTAL_INVESTMENT_FIELD, tr("Total investment field")),
            (self.PRICE_FIELD, tr("Land price field (出让/划拨价款)")),
            (self.GOV_CAUSE_FIELD, tr("Government cause field (Art. 8)")),
        ):
            self.addParameter(
                QgsProcessingParameterField(name, label, parentLayerParameterName=self.PARCELS, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterRasterLayer(self.BUILTUP_RASTER, tr("Built-up / construction raster"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(self.BUILTUP_VALUES, tr("Pixel values meaning developed"), defaultValue="1")
        )
        self.addParameter(
            QgsProcessingParameterDateTime(
                self.REFERENCE_DATE,
                tr("Date of the check"),
                type=QgsProcessingParameterDateTime.Type.Date,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DEVELOPED_THRESHOLD,
                tr("Developed share threshold"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=1.0 / 3.0,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.INVESTMENT_THRESHOLD,
                tr("Investment share threshold"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=0.25,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.WARNING_DAYS,
                tr("Warning days"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=90,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PRICE_UNIT,
                tr("Unit of the price field"),
                options=[tr("yuan (元)"), tr("10,000 yuan (万元)")],
                defaultValue=0,
            )
        )
        # the shared enum (0 apportioned, 1 ellipsoidal, 2 planar); parcels have no
        # survey area to apportion, so 0 is read as 1, as in stock land analysis
        add_area_mode_parameter(self, self.AREA_MODE, MODE_ELLIPSOIDAL)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Idle land check")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY, tr("Idle land summary"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT, tr("HTML report"), tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        source = self.source_or_raise(parameters, self.PARCELS, context)
        label = self.source_label(parameters, self.PARCELS, context, source)

        def field(param, numeric=False):
            return require_field(
                source, self.parameterAsString(parameters, param, context), label, numeric=numeric, optional=True
            )

        id_index = require_field(source, self.parameterAsString(parameters, self.PARCEL_ID_FIELD, context), label)
        # evidence and disposal are Chinese text for the file, whatever the UI language
        date_fields = {
            "agreed_start": (field(self.AGREED_START_FIELD), "约定动工日期"),
            "delivery": (field(self.DELIVERY_DATE_FIELD), "交地日期"),
            "actual_start": (field(self.ACTUAL_START_FIELD), "实际动工日期"),
            "suspended_since": (field(self.SUSPENDED_SINCE_FIELD), "中止开发建设日期"),
        }
        if date_fields["agreed_start"][0] < 0 and date_fields["delivery"][0] < 0:
            raise QgsProcessingException(tr("Choose the agreed start date field or the delivery date field."))
        developed_index = field(self.DEVELOPED_AREA_FIELD, numeric=True)
        invested_index = field(self.INVESTED_FIELD, numeric=True)
        total_index = field(self.TOTAL_INVESTMENT_FIELD, numeric=True)
        price_index = field(self.PRICE_FIELD, numeric=True)
        gov_index = field(self.GOV_CAUSE_FIELD)
        for index, param, what in (
            (developed_index, self.DEVELOPED_AREA_FIELD, tr("a developed area")),
            (invested_index, self.INVESTED_FIELD, tr("an investment")),
            (total_index, self.TOTAL_INVESTMENT_FIELD, tr("an investment")),
            (price_index, self.PRICE_FIELD, tr("a land price")),
        ):
            refuse_negative(source, index, self.parameterAsString(parameters, param, context), label, what)

        reference = reference_date(self, parameters, self.REFERENCE_DATE, context)
        developed_threshold = self.parameterAsDouble(parameters, self.DEVELOPED_THRESHOLD, context)
        investment_threshold = self.parameterAsDouble(parameters, self.INVESTMENT_THRESHOLD, context)
        warning_days = self.parameterAsInt(parameters, self.WARNING_DAYS, context)
        feedback.pushInfo(tr("Date of the check: {}").format(reference.isoformat()))

        crs = source.sourceCrs()
        price_unit = PRICE_UNITS[self.parameterAsEnum(parameters, self.PRICE_UNIT, context)]
        planar = self.parameterAsEnum(parameters, self.AREA_MODE, context) == MODE_PLANAR
        if planar:
            crs_rules.require_projected(crs, label)
        calculator = ellipsoidal_area(self, parameters, context, crs, required=not planar)
        features = list(source.getFeatures())
        geometries = [f.geometry() if f.hasGeometry() else QgsGeometry() for f in features]
        areas = [None if g.isEmpty() else (g.area() if planar else calculator.area(g)) for g in geometries]

        raster_ratios = [None] * len(features)
        raster = self.parameterAsRasterLayer(parameters, self.BUILTUP_RASTER, context)
        if raster is not None:
            raster_ratios = self._raster_ratios(parameters, context, feedback, raster, geometries, crs, label)

        fields = QgsFields(source.fields())
        for name, kind in NEW_FIELDS:
            if fields.lookupField(name) >= 0:
                raise QgsProcessingException(tr("The input already has a field “{}”; rename it first.").format(name))
            fields.append(make_field(name, kind))
        sink, dest = self.sink_or_raise(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)

        verdicts = []
        bad_dates = 0
        for i, feature in enumerate(features):
            if feedback.isCanceled():
                break
            parcel_id = key_text(feature.attribute(id_index)) or str(feature.id())
            facts = idle.ParcelFacts()
            for key, (index, what) in date_fields.items():
                if index < 0:
                    continue
                raw = feature.attribute(index)
                try:
                    setattr(facts, key, parse_date(raw))
                except DateError:
                    bad_dates += 1
                    facts.date_errors.append("{}无法识别：{}".format(what, raw))
            area = areas[i]
            if developed_index >= 0:
                facts.developed_ratio = idle.ratio(number(feature.attribute(developed_index)), area)
            facts.raster_ratio = raster_ratios[i]
            if invested_index >= 0 and total_index >= 0:
                facts.invest_ratio = idle.ratio(
                    number(feature.attribute(invested_index)), number(feature.attribute(total_index))
                )
            if price_index >= 0:
                facts.price = number(feature.attribute(price_index))
            if gov_index >= 0:
                facts.gov_cause = key_text(feature.attribute(gov_index))
            verdict = idle.classify(facts, reference, developed_threshold, investment_threshold, warning_days)
            verdicts.append((parcel_id, area, verdict))
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(
                feature.attributes()
                + [
                    QDate(verdict.deadline) if verdict.deadline else None,
                    verdict.days_overdue,
                    verdict.developed_ratio,
                    facts.invest_ratio,
                    verdict.status,
                    verdict.status_zh,
                    verdict.fee,
                    verdict.disposal,
                    verdict.evidence,
                    area,
                    facts.raster_ratio,
                    facts.raster_ratio,
                    price_unit if verdict.fee is not None else None,
                ]
            )
            add_feature(sink, out)
            feedback.setProgress(int(100.0 * (i + 1) / max(len(features), 1)))
        if bad_dates:
            feedback.pushWarning(tr("{} dates could not be read; see the evidence field.").format(bad_dates))

        summary_fields = fields_from_spec(
            (
                ("status", FieldType.STRING),
                ("status_zh", FieldType.STRING),
                ("parcels", FieldType.INT),
                ("area_m2", FieldType.DOUBLE),
                ("fee", FieldType.DOUBLE),
                ("fee_unit", FieldType.STRING),
            )
        )
        summary_sink, summary_dest = self.sink_or_raise(
            parameters, self.OUTPUT_SUMMARY, context, summary_fields, QgsWkbTypes.Type.NoGeometry, crs
        )
        rows = summarize(verdicts)
        for row in rows:
            feature = QgsFeature(summary_fields)
            feature.setAttributes(
                [row["status"], row["status_zh"], row["parcels"], row["area_m2"], row["fee"], price_unit]
            )
            add_feature(summary_sink, feature)

        results = {self.OUTPUT: dest, self.OUTPUT_SUMMARY: summary_dest}
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report_path:
            report.write(
                report_path,
                "idle_report.html.j2",
                reference=reference.isoformat(),
                layer=label,
                rows=rows,
                parcels=[
                    {"id": pid, "area_m2": area, "v": v}
                    for pid, area, v in sorted(verdicts, key=lambda item: idle.STATUSES.index(item[2].status))
                    if v.status != idle.NORMAL
                ],
                thresholds=(developed_threshold, investment_threshold, warning_days),
                price_unit=price_unit,
                area_text="椭球面积" if not planar else "平面面积",
            )
            results[self.OUTPUT_REPORT] = report_path
        return results

    def _raster_ratios(self, parameters, context, feedback, raster, geometries, crs, label):
        try:
            values = parse_values(self.parameterAsString(parameters, self.BUILTUP_VALUES, context))
        except RasterError as error:
            raise QgsProcessingException(tr("Cannot read the built-up pixel values: {}").format(error)) from error
        raster_crs = raster.crs()
        if raster_crs.isValid() and crs.isValid() and raster_crs != crs:
            feedback.pushWarning(
                tr("Parcels ({}) are reprojected to the raster’s CRS ({}) for pixel counting.").format(
                    crs.authid(), raster_crs.authid()
                )
            )
            transform = QgsCoordinateTransform(crs, raster_crs, context.transformContext())
            projected = []
            for geometry in geometries:
                g = QgsGeometry(geometry)
                if not g.isEmpty():
                    g.transform(transform)
                projected.append(g)
            geometries = projected
        try:
            count, hits, _sums = zonal_stats(raster.source(), geometries, values, feedback=feedback)
        except RasterError as error:
            raise QgsProcessingException(str(error)) from error
        return [float(h) / float(c) if c > 0 else None for h, c in zip(hits, count)]


def summarize(verdicts):
    rows = []
    for status in idle.STATUSES:
        matching = [(area, v) for _pid, area, v in verdicts if v.status == status]
        fees = [v.fee for _a, v in matching if v.fee is not None]
        rows.append(
            {
                "status": status,
                "status_zh": idle.STATUS_ZH[status],
                "parcels": len(matching),
                "area_m2": sum(a or 0.0 for a, _v in matching),
                "fee": sum(fees) if fees else None,
            }
        )
    return rows
