"""landplan:restorationstats – 生态修复面积统计.

Thin adapter: projects are filtered by status, cut by zones
(core.overlay.ZoneSplitter), grouped by (zone, type, year, direction) and
unioned per group with GEOS (core.overlay.dissolve); NDVI means come from
core.raster in bulk; the before/after land-use matrix and the direction
shares come from the shared overlay engine.  Rules: core.restoration.
"""

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...qgis_compat import FieldType, make_field
from ...core import crs as crs_rules
from ...core import landclass, overlay, report, restoration
from ...core.change import TIANKAN_GROUP
from ...core.area import MODE_APPORTIONED, MODE_ELLIPSOIDAL, MODE_PLANAR
from ...core.i18n import tr
from ...core.occupation import piece_areas
from ...core.raster import RasterError, zonal_stats
from .base import LandPlanAlgorithm, add_feature, fields_from_spec, require_field
from .common import (
    ellipsoidal_area,
    ReprojectedSource,
    add_area_mode_parameter,
    area_mode_label,
    check_survey_numbers,
    geopackage_table,
    geometry_policy,
    read_regions,
)

KEYS = ("zone", "type", "year", "direction")


class RestorationStatsAlgorithm(LandPlanAlgorithm):
    RESTORATION = "RESTORATION"
    TYPE_FIELD = "TYPE_FIELD"
    YEAR_FIELD = "YEAR_FIELD"
    STATUS_FIELD = "STATUS_FIELD"
    STATUS_FILTER = "STATUS_FILTER"
    DIRECTION_FIELD = "DIRECTION_FIELD"
    ZONES = "ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    LANDUSE_BEFORE = "LANDUSE_BEFORE"
    LANDUSE_AFTER = "LANDUSE_AFTER"
    DLBM_FIELD = "DLBM_FIELD"
    TBMJ_FIELD = "TBMJ_FIELD"
    TBDLMJ_FIELD = "TBDLMJ_FIELD"
    NDVI_BEFORE = "NDVI_BEFORE"
    NDVI_AFTER = "NDVI_AFTER"
    AREA_MODE = "AREA_MODE"
    REPAIR_INVALID = "REPAIR_INVALID"
    OUTPUT_STATS = "OUTPUT_STATS"
    OUTPUT_PROJECTS = "OUTPUT_PROJECTS"
    OUTPUT_MATRIX = "OUTPUT_MATRIX"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    group_id = "restoration"

    def name(self):
        return "restorationstats"

    def displayName(self):
        return tr("Restoration area statistics")

    def tags(self):
        return ["生态修复", "矿山治理", "土地复垦", "全域土地综合整治", "修复面积", "NDVI", "restoration"]

    def shortHelpString(self):
        return tr(
            "Counts restored land (生态修复, 历史遗留矿山治理, 土地复垦, 全域土地综合整治 …) by zone, type, year and "
            "direction (修复方向). Overlapping projects in a group count once (area_m2 is the area of their union; "
            "gross_m2 the sum of the projects’ own areas; overlap_m2 the difference). A project crossing a zone "
            "boundary is cut there. Empty types, years or directions are grouped as 未填写, never dropped. "
            "STATUS_FILTER keeps only the listed statuses (e.g. 已完成,在建).\n\n"
            "With LANDUSE_AFTER (and LANDUSE_BEFORE) the matrix tells what the restored land is now and what it "
            "was, by first-level class (each type’s projects unioned first); direction_share is the share of a "
            "project that became its declared direction and direction_met that share, set to 1 when it is at least "
            "80 % (the direction counts as met); directions match at the first-level class (0103 matches any "
            "耕地). NDVI rasters give mean values over each project’s pixels (nodata "
            "ignored), computed in bulk with GDAL.\n\n"
            "Area mode (default 1): 1 = CGCS2000 ellipsoidal, 2 = planar; 0 = project areas ellipsoidal and the "
            "land-use matrix in apportioned 三调 survey areas (TBMJ share of the later survey)."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.RESTORATION, tr("Restoration projects"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TYPE_FIELD, tr("Restoration type field"), parentLayerParameterName=self.RESTORATION
            )
        )
        for name, label in (
            (self.YEAR_FIELD, tr("Year field")),
            (self.STATUS_FIELD, tr("Status field")),
            (self.DIRECTION_FIELD, tr("Direction field (修复方向)")),
        ):
            self.addParameter(
                QgsProcessingParameterField(name, label, parentLayerParameterName=self.RESTORATION, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterString(self.STATUS_FILTER, tr("Statuses to keep (comma separated)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ZONES, tr("Zones (e.g. townships)"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ZONE_FIELD, tr("Zone name field"), parentLayerParameterName=self.ZONES, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDUSE_BEFORE,
                tr("Land use before (DLTB)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDUSE_AFTER,
                tr("Land use after (DLTB)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DLBM_FIELD,
                tr("Land-class code field (DLBM)"),
                defaultValue="DLBM",
                parentLayerParameterName=self.LANDUSE_AFTER,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TBMJ_FIELD,
                tr("Parcel area field (TBMJ)"),
                defaultValue="TBMJ",
                parentLayerParameterName=self.LANDUSE_AFTER,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TBDLMJ_FIELD,
                tr("Net land-class area field (TBDLMJ)"),
                defaultValue="TBDLMJ",
                parentLayerParameterName=self.LANDUSE_AFTER,
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterRasterLayer(self.NDVI_BEFORE, tr("NDVI before"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.NDVI_AFTER, tr("NDVI after"), optional=True))
        add_area_mode_parameter(self, self.AREA_MODE, MODE_ELLIPSOIDAL)
        self.addParameter(
            QgsProcessingParameterBoolean(self.REPAIR_INVALID, tr("Repair invalid geometries"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_STATS, tr("Restoration statistics"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_PROJECTS, tr("Restoration projects with areas"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_MATRIX,
                tr("Land use before and after restoration"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT, tr("HTML report"), tr("HTML files (*.html)"), optional=True, createByDefault=True
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        source = self.source_or_raise(parameters, self.RESTORATION, context)
        label = self.source_label(parameters, self.RESTORATION, context, source)
        mode = self.parameterAsEnum(parameters, self.AREA_MODE, context)
        crs = source.sourceCrs()
        if mode == MODE_PLANAR:
            crs_rules.require_projected(crs, label)
        if not crs.isValid():
            crs_rules.require_projected(crs, label)

        def field(param, optional=True):
            return require_field(source, self.parameterAsString(parameters, param, context), label, optional=optional)

        type_index = field(self.TYPE_FIELD, optional=False)
        year_index = field(self.YEAR_FIELD)
        status_index = field(self.STATUS_FIELD)
        direction_index = field(self.DIRECTION_FIELD)
        keep = restoration.parse_filter(self.parameterAsString(parameters, self.STATUS_FILTER, context))
        if keep and status_index < 0:
            raise QgsProcessingException(tr("A status filter needs the status field."))
        policy = geometry_policy(context, self.parameterAsBoolean(parameters, self.REPAIR_INVALID, context))
        ellipsoid = ellipsoidal_area(self, parameters, context, crs, required=mode != MODE_PLANAR)

        def area(geometry):
            if geometry is None or geometry.isEmpty():
                return 0.0
            return geometry.area() if mode == MODE_PLANAR else ellipsoid.area(geometry)

        notes = []
        # ---- projects -------------------------------------------------------------
        projects = []  # (feature, geometry, keys without zone, area)
        skipped_status = 0
        for feature in source.getFeatures(
            QgsFeatureRequest(), QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
        ):
            if keep is not None:
                status = restoration.key_value(feature.attribute(status_index), True)
                if status not in keep:
                    skipped_status += 1
                    continue
            geometry = policy.apply(feature.geometry(), label, feature.id())
            if geometry is None:
                continue
            keys = (
                restoration.key_value(feature.attribute(type_index), True),
                restoration.key_value(feature.attribute(year_index) if year_index >= 0 else None, year_index >= 0),
                restoration.normalize_direction(
                    restoration.key_value(
                        feature.attribute(direction_index) if direction_index >= 0 else None, direction_index >= 0
                    )
                ),
            )
            projects.append((feature, geometry, keys, area(geometry)))
        if skipped_status:
            feedback.pushInfo(tr("{} projects left out by the status filter.").format(skipped_status))
        if not projects:
            feedback.pushWarning(tr("No restoration projects to count: the outputs are empty."))

        # ---- zones and groups ---------------------------------------------------------
        zones = []
        zones_source = self.parameterAsSource(parameters, self.ZONES, context)
        if zones_source is not None:
            zone_label = self.source_label(parameters, self.ZONES, context, zones_source)
            zone_index = require_field(
                zones_source, self.parameterAsString(parameters, self.ZONE_FIELD, context), zone_label
            )
            zones, _missing = read_regions(zones_source, zone_index, crs, context, policy, zone_label, feedback)
            note = crs_rules.reprojection_note(zones_source.sourceCrs(), crs, zone_label)
            if note:
                notes.append(note)
        splitter = overlay.ZoneSplitter(zones)
        groups = {}
        for n, (_feature, geometry, keys, project_area) in enumerate(projects):
            parts = splitter.split(geometry)
            for zone, part, _planar in parts:
                zone_key = (zone if zone is not None else restoration.NOT_FILLED) if zones else None
                part_area = project_area if len(parts) == 1 else area(part)
                groups.setdefault((zone_key,) + keys, restoration.GroupTotals()).add(n, part, part_area)
            feedback.setProgress(int(30.0 * (n + 1) / max(len(projects), 1)))

        stats_fields = fields_from_spec(
            tuple((k, FieldType.STRING) for k in KEYS)
            + (
                ("projects", FieldType.INT),
                ("area_m2", FieldType.DOUBLE),
                ("gross_m2", FieldType.DOUBLE),
                ("overlap_m2", FieldType.DOUBLE),
            )
        )
        stats_sink, stats_dest = self.sink_or_raise(
            parameters, self.OUTPUT_STATS, context, stats_fields, QgsWkbTypes.Type.NoGeometry, crs
        )
        stat_rows = []
        group_unions = []
        for key in sorted(groups, key=lambda k: tuple("" if v is None else str(v) for v in k)):
            totals = groups[key]
            group_union = overlay.dissolve(totals.parts)
            if group_union is not None:
                group_unions.append(group_union)
            union_area = area(group_union)
            stat_rows.append(
                dict(
                    zip(KEYS, key),
                    projects=len(totals.projects),
                    area_m2=union_area,
                    gross_m2=totals.gross,
                    overlap_m2=totals.gross - union_area,
                )
            )
        # the groups partition every project, so the union of the group unions
        # is the union of all projects – at a fraction of the cost
        all_union = overlay.dissolve(group_unions)
        total_area = area(all_union)
        total_gross = sum(a for _f, _g, _k, a in projects)
        stat_rows.append(
            dict(
                {k: restoration.TOTAL_KEY for k in KEYS},
                projects=len(projects),
                area_m2=total_area,
                gross_m2=total_gross,
                overlap_m2=total_gross - total_area,
            )
        )
        for row in stat_rows:
            feature = QgsFeature(stats_fields)
            feature.setAttributes(
                [row[k] for k in KEYS] + [row["projects"], row["area_m2"], row["gross_m2"], row["overlap_m2"]]
            )
            add_feature(stats_sink, feature)

        # ---- NDVI -------------------------------------------------------------------
        ndvi = {}
        for param, key in ((self.NDVI_BEFORE, "before"), (self.NDVI_AFTER, "after")):
            raster = self.parameterAsRasterLayer(parameters, param, context)
            if raster is None:
                continue
            geometries = [g for _f, g, _k, _a in projects]
            if raster.crs().isValid() and raster.crs() != crs:
                notes.append(
                    tr("Projects are reprojected to the CRS of raster “{}” ({}) for the NDVI means.").format(
                        raster.name(), raster.crs().authid()
                    )
                )
                transform = QgsCoordinateTransform(crs, raster.crs(), context.transformContext())
                moved = []
                for g in geometries:
                    g = QgsGeometry(g)
                    g.transform(transform)
                    moved.append(g)
                geometries = moved
            try:
                count, _hits, sums = zonal_stats(raster.source(), geometries)
            except RasterError as error:
                raise QgsProcessingException(str(error)) from error
            ndvi[key] = [float(s) / float(c) if c > 0 else None for s, c in zip(sums, count)]
        feedback.setProgress(50)

        # ---- land use after (and before): direction shares and matrix ----------------------
        after = self.parameterAsSource(parameters, self.LANDUSE_AFTER, context)
        before = self.parameterAsSource(parameters, self.LANDUSE_BEFORE, context)
        direction_share = [None] * len(projects)
        matrix_rows = []
        if before is not None and after is None:
            raise QgsProcessingException(tr("LANDUSE_BEFORE needs LANDUSE_AFTER too."))
        if after is not None:
            after_label = self.source_label(parameters, self.LANDUSE_AFTER, context, after)
            dlbm_name = self.parameterAsString(parameters, self.DLBM_FIELD, context)
            after_dlbm = require_field(after, dlbm_name, after_label)
            after_tbmj = after_tbdlmj = -1
            if mode == MODE_APPORTIONED:
                tbmj_name = self.parameterAsString(parameters, self.TBMJ_FIELD, context)
                tbdlmj_name = self.parameterAsString(parameters, self.TBDLMJ_FIELD, context)
                after_tbmj = require_field(after, tbmj_name, after_label, numeric=True)
                # the matrix is in net area (TBDLMJ share, 田坎 apart) when TBDLMJ is there
                after_tbdlmj = require_field(
                    after, tbdlmj_name, after_label, numeric=True, optional=True, default="TBDLMJ"
                )
                check_survey_numbers(
                    after,
                    {"tbmj": after_tbmj, "tbdlmj": after_tbdlmj},
                    {"tbmj": tbmj_name, "tbdlmj": tbdlmj_name},
                    after_label,
                    feedback,
                    geopackage_table(self, parameters, self.LANDUSE_AFTER, context),
                )
            after_source = ReprojectedSource(after, crs, context)
            if after.sourceCrs() != crs:
                notes.append(crs_rules.reprojection_note(after.sourceCrs(), crs, after_label))
            before_source = None
            before_dlbm = -1
            if before is not None:
                before_label = self.source_label(parameters, self.LANDUSE_BEFORE, context, before)
                before_dlbm = require_field(before, dlbm_name, before_label)
                before_source = ReprojectedSource(before, crs, context)
                if before.sourceCrs() != crs:
                    notes.append(crs_rules.reprojection_note(before.sourceCrs(), crs, before_label))
            after_indexes = [after_dlbm] + [i for i in (after_tbmj, after_tbdlmj) if i >= 0]

            def piece_split(piece):
                """(gross, 田坎) of a piece; 田坎 only where TBDLMJ gives it."""
                tbmj = piece.attributes[1] if after_tbmj >= 0 else None
                tbdlmj = piece.attributes[2] if after_tbdlmj >= 0 else None
                gross, tk, _net, _fell_back = piece_areas(
                    mode,
                    piece.planar,
                    piece.parent_planar,
                    lambda g=piece.geometry: ellipsoid.area(g),
                    tbmj,
                    tbdlmj,
                )
                return gross, (tk if tbdlmj is not None else 0.0)

            def piece_area(piece):
                return piece_split(piece)[0]

            # direction share per project
            for n, (_feature, geometry, keys, _a) in enumerate(projects):
                direction = restoration.resolve_direction(keys[2])
                if direction is None or feedback.isCanceled():
                    continue
                met = total = 0.0
                for piece in overlay.cut_base_by_region(n, geometry, after_source, after_indexes, policy, after_label):
                    a = piece_area(piece)
                    total += a
                    if restoration.direction_matches(direction, landclass.lookup(piece.attributes[0])):
                        met += a
                direction_share[n] = met / total if total > 0 else None
            feedback.setProgress(70)
            # matrix per type: the type's projects unioned first (no double counting)
            by_type = {}
            for _feature, geometry, keys, _a in projects:
                by_type.setdefault(keys[0], []).append(geometry)
            cells = {}
            for kind, geometries in by_type.items():
                union = overlay.dissolve(geometries)
                if union is None:
                    continue
                for piece in overlay.cut_base_by_region(kind, union, after_source, after_indexes, policy, after_label):
                    after_group = landclass.group_name_of(piece.attributes[0])
                    gross, tk = piece_split(piece)
                    # net area under its class, 田坎 as a group of its own
                    parts = [(after_group, gross - tk)] + ([(TIANKAN_GROUP, tk)] if tk > 0 else [])
                    if before_source is None:
                        for group, value in parts:
                            cells[(kind, None, group)] = cells.get((kind, None, group), 0.0) + value
                        continue
                    for sub in overlay.cut_base_by_region(
                        kind, piece.geometry, before_source, [before_dlbm], policy, before_label
                    ):
                        share = sub.planar / piece.planar if piece.planar > 0 else 0.0
                        for group, value in parts:
                            key = (kind, landclass.group_name_of(sub.attributes[0]), group)
                            cells[key] = cells.get(key, 0.0) + value * share
            for (kind, before_group, after_group), value in sorted(
                cells.items(), key=lambda kv: tuple("" if v is None else str(v) for v in kv[0])
            ):
                if value > 0:
                    matrix_rows.append(
                        {"type": kind, "before_group": before_group, "after_group": after_group, "area_m2": value}
                    )
        feedback.setProgress(90)

        # ---- outputs: projects and matrix ----------------------------------------------
        project_fields = QgsFields(source.fields())
        extra = [
            ("area_m2", FieldType.DOUBLE),
            ("ndvi_before", FieldType.DOUBLE),
            ("ndvi_after", FieldType.DOUBLE),
            ("ndvi_change", FieldType.DOUBLE),
            ("direction_share", FieldType.DOUBLE),
            ("direction_met", FieldType.DOUBLE),
        ]
        for name, kind in extra:
            if project_fields.lookupField(name) >= 0:
                raise QgsProcessingException(tr("The input already has a field “{}”; rename it first.").format(name))
            project_fields.append(make_field(name, kind))
        projects_sink, projects_dest = self.sink_or_raise(
            parameters, self.OUTPUT_PROJECTS, context, project_fields, source.wkbType(), crs
        )
        for n, (feature, geometry, _keys, project_area) in enumerate(projects):
            before_value = ndvi["before"][n] if "before" in ndvi else None
            after_value = ndvi["after"][n] if "after" in ndvi else None
            change = after_value - before_value if before_value is not None and after_value is not None else None
            share = direction_share[n]
            out = QgsFeature(project_fields)
            out.setGeometry(geometry)  # as repaired, matching area_m2
            out.setAttributes(
                feature.attributes()
                + [
                    project_area,
                    before_value,
                    after_value,
                    change,
                    share,
                    restoration.direction_met(share),
                ]
            )
            add_feature(projects_sink, out)
        results = {self.OUTPUT_STATS: stats_dest, self.OUTPUT_PROJECTS: projects_dest}
        if after is not None and self.OUTPUT_MATRIX in parameters and parameters[self.OUTPUT_MATRIX] is not None:
            matrix_fields = fields_from_spec(
                (
                    ("type", FieldType.STRING),
                    ("before_group", FieldType.STRING),
                    ("after_group", FieldType.STRING),
                    ("area_m2", FieldType.DOUBLE),
                )
            )
            matrix_sink, matrix_dest = self.sink_or_raise(
                parameters, self.OUTPUT_MATRIX, context, matrix_fields, QgsWkbTypes.Type.NoGeometry, crs
            )
            for row in matrix_rows:
                feature = QgsFeature(matrix_fields)
                feature.setAttributes([row["type"], row["before_group"], row["after_group"], row["area_m2"]])
                add_feature(matrix_sink, feature)
            results[self.OUTPUT_MATRIX] = matrix_dest
        for note in notes:
            if note:
                feedback.pushWarning(note)
        policy.report(feedback)
        notes.extend(policy.notes())
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report_path:
            report.write(
                report_path,
                "restoration_report.html.j2",
                rows=stat_rows,
                matrix=matrix_rows,
                layer=label,
                area_mode_text=area_mode_label(mode),
                crs_text=crs_rules.describe_crs_zh(crs),
                status_filter="、".join(sorted(keep)) if keep else "",
                notes=[n for n in notes if n],
            )
            results[self.OUTPUT_REPORT] = report_path
        return results
