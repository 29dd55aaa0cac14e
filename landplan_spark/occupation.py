"""``occupation``: projects × 三调 DLTB (× 永久基本农田) on Spark, the
figures of ``landplan:farmlandoccupation``.

Stages (driver ▸ tasks):

1. ▸ projects read, dissolved per id (shapely ``union_all``), split into
   their parts inside / outside the basic farmland (the farmland polygons
   touching a project are found by the tasks, unioned on the driver), and
   broadcast with an STRtree built once per worker;
2. ▸ DLTB grouped by tile (``applyInPandas``): ``kernel.cut_tile`` gives
   the pieces; overlapping 图斑 are counted once per project part (rare:
   only parts whose pieces add up to more than the part are re-cut);
3. ▸ each piece becomes the plugin's record (``core.occupation``:
   ``piece_areas`` in every requested area mode, ``make_record``); the tasks
   write the pieces as GeoParquet;
4. ▸ Spark sums records per project and key (class, grade, basic farmland,
   ownership, 城镇村, 田坎 class); ▸ the driver passes the sums to
   ``core.occupation.summarize`` and ``core.classtable.build`` (平差).

Areas: ``planar_m2`` is planar; ``area_m2``/``tk_m2``/``net_m2`` follow the
area mode (0 apportioned TBMJ/TBDLMJ share, 1 ellipsoidal 国土 series,
2 planar), as in the plugin.  Sums are unrounded; CSVs round at output.
"""

import os

import numpy as np
import pandas as pd
import shapely

from landplan_plugin.core import classtable, occupation
from landplan_plugin.core.areamath import MODE_ELLIPSOIDAL, MODE_PLANAR
from landplan_plugin.core.capacity import parse_capacity_table
from landplan_plugin.core.areamath import OVERLAP_TOLERANCE_M2
from landplan_plugin.core.values import key_text

from . import geoparquet, inputs, kernel, output
from .geoparquet import InputError

# survey fields by key, with the plugin's default names (FarmlandOccupation)
SURVEY_FIELDS = {
    "dlbm": "DLBM",
    "tbmj": "TBMJ",
    "tbdlmj": "TBDLMJ",
    "kcxs": "KCXS",
    "grade": "GDDB",
    "zldwdm": "ZLDWDM",
    "bsm": "BSM",
    "tbbh": "TBBH",
    "qsxz": "QSXZ",
    "qsdwdm": "QSDWDM",
    "qsdwmc": "QSDWMC",
    "czcsxm": "CZCSXM",
    "kcdlbm": "KCDLBM",
}
SURVEY_KEYS = occupation.SURVEY_KEYS
# what the summary and the class table depend on: records are summed by these
GROUP_KEYS = ("project_id", "dlbm", "grade", "in_basic_farmland", "qsxz", "qsdwdm", "qsdwmc", "czcsxm", "kcdlbm")
PIECE_COLUMNS = (
    "project_id", "dlbm", "dlmc", "land_group", "zldwdm", "grade", "in_basic_farmland", "area_m2", "tk_m2", "net_m2",
    "category", "planar_m2", "bsm", "tbbh", "qsxz", "qsdwdm", "qsdwmc", "czcsxm",
)  # fmt: skip


def run(spark, options, log=print):
    """Run the job; return {output name: path}."""
    os.makedirs(options.output, exist_ok=True)
    work = os.path.join(options.output, "_work")
    os.makedirs(work, exist_ok=True)
    modes = options.area_modes
    landuse_path = inputs.as_parquet(options.landuse, options.landuse_layer, work, "landuse", options.cell)
    crs = geoparquet.read_crs(landuse_path)
    if crs is None or crs.is_geographic and MODE_PLANAR in modes:
        raise InputError("the land-use layer needs a projected CRS (Gauss–Krüger) for planar areas")
    base = spark.read.parquet(landuse_path)
    label = inputs.label(options.landuse, options.landuse_layer)
    fields = {
        key: inputs.column(
            base.columns, getattr(options, key + "_field", None) or default, label, required=key == "dlbm"
        )
        for key, default in SURVEY_FIELDS.items()
    }
    if 0 in modes and fields["tbmj"] is None:
        raise InputError("Area mode 0 (apportioned survey area) needs the TBMJ field.")
    ellipsoid = kernel.EllipsoidalAreas(crs.to_wkt()) if modes != [MODE_PLANAR] else None

    projects = Projects.read(options, crs)
    log("{} projects, {} without an id".format(len(projects.keys), projects.null_ids))
    parts = projects.parts(spark, options, crs)
    notes = list(projects.notes)

    attribute_columns = [c for c in dict.fromkeys(fields.values()) if c]
    token = "occupation-{}".format(id(parts))
    broadcast = spark.sparkContext.broadcast((token, parts))
    policy = options.invalid
    schema = _piece_schema(base.schema, attribute_columns)

    def cut(frame):
        regions = kernel.cached_regions(broadcast.value[0], lambda: kernel.RegionSet(*zip(*broadcast.value[1])))
        return kernel.cut_tile(frame, regions, attribute_columns, policy, label)

    pieces = base.select("fid", "geometry", "tile", *attribute_columns).groupBy("tile").applyInPandas(cut, schema)
    pieces = pieces.persist()
    findings = pieces.filter("note is not null").select("parent_fid", "note").toPandas()
    notes.extend(_finding_notes(findings, label))
    pieces = pieces.filter("note is null").drop("note")
    pieces, overlap_note = _overlaps_once(spark, pieces, parts, label)
    if overlap_note:
        notes.append(overlap_note)

    part_keys = [key for key, _in_mask, _wkb in parts]
    part_mask = [in_mask for _key, in_mask, _wkb in parts]
    records = pieces.mapInPandas(
        _record_maker(part_keys, part_mask, fields, modes, crs.to_wkt(), options.basic_farmland is not None),
        _record_schema(modes),
    ).persist()
    results = {}
    for mode in modes:
        folder = options.output if len(modes) == 1 else os.path.join(options.output, "mode{}".format(mode))
        os.makedirs(folder, exist_ok=True)
        results.update(_mode_outputs(records, mode, folder, projects, ellipsoid, fields, options, notes, crs, log))
    pieces.unpersist()
    records.unpersist()
    output.write_notes(os.path.join(options.output, "notes.txt"), notes)
    return results


class Projects:
    """The project layer on the driver: dissolved regions and attributes."""

    def __init__(self):
        self.keys, self.regions, self.infos, self.names, self.notes = [], {}, {}, {}, []
        self.null_ids = 0

    @classmethod
    def read(cls, options, crs):
        self = cls()
        frame, project_crs = inputs.read_frame(options.projects, options.projects_layer)
        label = inputs.label(options.projects, options.projects_layer)
        if project_crs is not None and crs is not None and not project_crs.equals(crs):
            frame["geometry"] = _reproject(frame["geometry"].values, project_crs, crs)
        id_column = inputs.column(frame.columns, options.project_id_field, label)
        columns = {
            key: inputs.column(frame.columns, name, label, required=False)
            for key, name in (("name", options.project_name_field), ("date", "PZRQ"), ("type", "XMLX"))
        }
        geometries, geometry_notes = kernel.usable(
            frame["geometry"].values, frame["fid"].values, options.invalid, label
        )
        self.notes.extend(_finding_notes(pd.DataFrame(geometry_notes, columns=["parent_fid", "note"]), label))
        groups = {}
        found = occupation.ProjectAttributes()
        for row, geometry in zip(frame.itertuples(index=False), geometries):
            record = row._asdict()
            key = key_text(inputs.python_value(record[id_column]))
            if key is None:
                self.null_ids += 1
                continue
            groups.setdefault(key, [])
            if geometry is not None:
                groups[key].append(geometry)
            found.add(
                key,
                *(inputs.python_value(record[columns[n]]) if columns[n] else None for n in ("name", "type", "date")),
            )
        self.names, self.infos, bad_dates = found.names, found.infos, found.bad_dates
        for key, geometries_of_key in groups.items():
            region = kernel.polygonal([shapely.union_all(geometries_of_key)])[0] if geometries_of_key else None
            if region is None:
                self.notes.append("{}: project {} has no usable geometry and was not analysed.".format(label, key))
                continue
            self.keys.append(key)
            self.regions[key] = region
        if bad_dates:
            self.notes.append("{}: unreadable approval dates for {}.".format(label, ", ".join(sorted(set(bad_dates)))))
        if self.null_ids:
            self.notes.append("{} project features have no project id and were left out.".format(self.null_ids))
        return self

    def parts(self, spark, options, crs):
        """[(project key, in_mask, WKB)]: each region, split by the basic
        farmland when a layer is given (core.overlay.mask_parts)."""
        if options.basic_farmland is None:
            return [(key, 0, shapely.to_wkb(self.regions[key])) for key in self.keys]
        masks = _mask_geometries(spark, options, self, crs)
        parts = []
        for key in self.keys:
            region = self.regions[key]
            found = masks.get(key)
            if not found:
                parts.append((key, 0, shapely.to_wkb(region)))
                continue
            mask = kernel.polygonal([shapely.union_all(found)])[0]
            inside = kernel.polygonal([shapely.intersection(region, mask)])[0]
            outside = kernel.polygonal([shapely.difference(region, mask)])[0]
            for in_mask, part in ((1, inside), (0, outside)):
                if part is not None and not part.is_empty:
                    parts.append((key, in_mask, shapely.to_wkb(part)))
        return parts


def _reproject(geometries, source, target):
    from pyproj import Transformer

    transformer = Transformer.from_crs(source, target, always_xy=True)
    return shapely.transform(geometries, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def _mask_geometries(spark, options, projects, crs):
    """{project key: [mask polygons intersecting it]} found by the tasks."""
    work = os.path.join(options.output, "_work")
    path = inputs.as_parquet(options.basic_farmland, options.basic_farmland_layer, work, "basic", options.cell)
    mask_crs = geoparquet.read_crs(path)
    if mask_crs is not None and not mask_crs.equals(crs):
        raise InputError("the basic-farmland layer must be in the land-use layer's CRS ({})".format(crs.name))
    keys = projects.keys
    wkbs = [shapely.to_wkb(projects.regions[k]) for k in keys]
    broadcast = spark.sparkContext.broadcast(wkbs)
    label = inputs.label(options.basic_farmland, options.basic_farmland_layer)
    policy = options.invalid

    def find(batches):
        tree_geometries = shapely.from_wkb(np.asarray(broadcast.value, dtype=object))
        shapely.prepare(tree_geometries)
        tree = shapely.STRtree(tree_geometries)
        for frame in batches:
            geometries, _notes = kernel.usable(
                shapely.from_wkb(frame["geometry"].values, on_invalid="ignore"), frame["fid"].values, policy, label
            )
            rows = np.flatnonzero([g is not None for g in geometries])
            source, project = tree.query(geometries[rows], predicate="intersects")
            yield pd.DataFrame(
                {"project": project.astype(np.int64), "geometry": shapely.to_wkb(geometries[rows[source]])}
                if len(source)
                else {"project": np.array([], dtype=np.int64), "geometry": np.array([], dtype=object)}
            )

    found = spark.read.parquet(path).select("fid", "geometry").mapInPandas(find, "project long, geometry binary")
    masks = {}
    for row in found.toLocalIterator():
        masks.setdefault(keys[row["project"]], []).append(shapely.from_wkb(bytes(row["geometry"])))
    return masks


def _piece_schema(base_schema, attribute_columns):
    from pyspark.sql.types import BinaryType, DoubleType, LongType, StringType, StructField, StructType

    fields = [
        StructField("part", LongType()),
        StructField("parent_fid", LongType()),
        StructField("parent_planar", DoubleType()),
        StructField("planar", DoubleType()),
        StructField("geometry", BinaryType()),
    ]
    fields += [StructField(c, base_schema[c].dataType) for c in attribute_columns]
    fields.append(StructField("note", StringType()))
    return StructType(fields)


def _finding_notes(findings, label):
    words = {
        "repaired": "{} invalid geometries in “{}” were repaired (makeValid).",
        "skipped": "{} invalid geometries in “{}” were skipped.",
        "empty": "{} features of “{}” have no geometry and were left out.",
        "duplicate": "{} features of “{}” are exact copies of another and were counted once.",
    }
    notes = []
    if len(findings):
        for note, group in findings.groupby("note"):
            notes.append(words[note].format(group["parent_fid"].nunique(), label))
    return notes


def _overlaps_once(spark, pieces, parts, label):
    """Pieces with overlaps between 图斑 counted once per project part."""
    sums = {int(r["part"]): r["planar"] for r in pieces.groupBy("part").sum("planar").withColumnRenamed(
        "sum(planar)", "planar").collect()}  # fmt: skip
    areas = shapely.area(shapely.from_wkb(np.asarray([wkb for _k, _m, wkb in parts], dtype=object)))
    flagged = sorted(p for p, total in sums.items() if total > areas[p] + OVERLAP_TOLERANCE_M2)
    if not flagged:
        return pieces, None
    chosen = pieces.filter(pieces.part.isin(flagged)).toPandas()
    resolved, pairs = [], {}
    for _part, group in chosen.groupby("part"):
        kept, found = kernel.resolve_overlaps(group, OVERLAP_TOLERANCE_M2)
        resolved.append(kept)
        for pair, area in found.items():
            pairs[pair] = pairs.get(pair, 0.0) + area
    replacement = spark.createDataFrame(pd.concat(resolved, ignore_index=True), schema=pieces.schema)
    pieces = pieces.filter(~pieces.part.isin(flagged)).unionByName(replacement)
    note = None
    if pairs:
        note = (
            "{} pairs of features of “{}” overlap; the overlap was counted once, for the first feature of each "
            "pair (first/second): {}."
        ).format(
            len(pairs),
            label,
            ", ".join("{}/{} ({:.2f} m²)".format(a, b, v) for (a, b), v in sorted(pairs.items())[:20]),
        )
    return pieces, note


def _record_schema(modes):
    from pyspark.sql.types import BinaryType, DoubleType, IntegerType, StringType, StructField, StructType

    text = ("project_id", "dlbm", "dlmc", "land_group", "category", "zldwdm") + SURVEY_KEYS
    fields = [StructField(name, StringType()) for name in text]
    fields += [
        StructField("grade", DoubleType()),
        StructField("in_basic_farmland", IntegerType()),
        StructField("planar_m2", DoubleType()),
        StructField("geometry", BinaryType()),
    ]
    for mode in modes:
        fields += [StructField("{}_{}".format(name, mode), DoubleType()) for name in ("area_m2", "tk_m2", "net_m2")]
        fields.append(StructField("fell_back_{}".format(mode), IntegerType()))
    return StructType(fields)


def _record_maker(part_keys, part_mask, fields, modes, crs_wkt, has_mask):
    """The task function: pieces → the plugin's records in every mode."""

    def make(batches):
        ellipsoid = None
        for frame in batches:
            n = len(frame)
            needs = MODE_ELLIPSOIDAL in modes or 0 in modes
            geometries = shapely.from_wkb(frame["geometry"].values) if needs else None
            if MODE_ELLIPSOIDAL in modes:
                ellipsoid = ellipsoid or kernel.EllipsoidalAreas(crs_wkt)
                ellipsoidal = ellipsoid.areas(geometries)
            else:
                ellipsoidal = None
            out = {name: [None] * n for name in ("project_id", "dlbm", "dlmc", "land_group", "category", "zldwdm")}
            out.update({key: [None] * n for key in SURVEY_KEYS})
            out["grade"], out["in_basic_farmland"] = [None] * n, [0] * n
            per_mode = {mode: ([0.0] * n, [0.0] * n, [0.0] * n, [0] * n) for mode in modes}

            def value(row, key):
                return inputs.python_value(row[fields[key]]) if fields[key] else None

            for i, row in enumerate(frame.to_dict("records")):
                part = int(row["part"])

                def ellipsoidal_area(i=i, ellipsoidal=ellipsoidal, geometries=geometries):
                    nonlocal ellipsoid
                    if ellipsoidal is not None:
                        return ellipsoidal[i]
                    ellipsoid = ellipsoid or kernel.EllipsoidalAreas(crs_wkt)
                    return ellipsoid.areas([geometries[i]])[0]

                for mode in modes:
                    try:
                        area, tk, net, fell = occupation.piece_areas(
                            mode, row["planar"], row["parent_planar"], ellipsoidal_area,
                            value(row, "tbmj"), value(row, "tbdlmj"), value(row, "kcxs"),
                        )  # fmt: skip
                    except ValueError as error:
                        raise InputError(
                            "feature {} of the land-use layer: {}".format(row["parent_fid"], error)
                        ) from error
                    columns = per_mode[mode]
                    columns[0][i], columns[1][i], columns[2][i], columns[3][i] = area, tk, net, int(fell)
                survey = {key: key_text(value(row, key)) for key in SURVEY_KEYS}
                record = occupation.make_record(
                    part_keys[part], value(row, "dlbm"), key_text(value(row, "zldwdm")), value(row, "grade"),
                    part_mask[part] if has_mask else None, 0.0, 0.0, 0.0, **survey,
                )  # fmt: skip
                for name in ("project_id", "dlbm", "dlmc", "land_group", "category", "zldwdm", "grade"):
                    out[name][i] = getattr(record, name)
                out["in_basic_farmland"][i] = record.in_basic_farmland
                for key in SURVEY_KEYS:
                    out[key][i] = survey[key]
            result = pd.DataFrame(out)
            result["planar_m2"] = frame["planar"].values
            result["geometry"] = frame["geometry"].values
            for mode in modes:
                area, tk, net, fell = per_mode[mode]
                result["area_m2_{}".format(mode)] = area
                result["tk_m2_{}".format(mode)] = tk
                result["net_m2_{}".format(mode)] = net
                result["fell_back_{}".format(mode)] = np.asarray(fell, dtype=np.int32)
            result["in_basic_farmland"] = result["in_basic_farmland"].astype(np.int32)
            yield result

    return make


def _mode_outputs(records, mode, folder, projects, ellipsoid, fields, options, notes, crs, log):
    """Summary, class table and pieces of one area mode."""
    from pyspark.sql import functions

    area, tk, net = ("{}_{}".format(n, mode) for n in ("area_m2", "tk_m2", "net_m2"))
    sums = (
        records.groupBy(*GROUP_KEYS)
        .agg(
            functions.sum(area).alias("area_m2"),
            functions.sum(tk).alias("tk_m2"),
            functions.sum(net).alias("net_m2"),
            functions.sum("planar_m2").alias("planar_m2"),
            functions.count(functions.lit(1)).alias("pieces"),
            functions.sum("fell_back_{}".format(mode)).alias("fell_back"),
        )
        .toPandas()
    )
    rows_in = [{k: inputs.python_value(v) for k, v in row.items()} for row in sums.to_dict("records")]
    records_in = [
        occupation.make_record(
            r["project_id"], r["dlbm"], None, r["grade"], r["in_basic_farmland"], r["area_m2"], r["tk_m2"],
            r["net_m2"], bsm=None, tbbh=None, qsxz=r["qsxz"], qsdwdm=r["qsdwdm"], qsdwmc=r["qsdwmc"],
            czcsxm=r["czcsxm"], kcdlbm=r["kcdlbm"],
        )
        for r in rows_in
    ]  # fmt: skip
    planar_by_project, pieces_by_project = {}, {}
    for r in rows_in:
        planar_by_project[r["project_id"]] = planar_by_project.get(r["project_id"], 0.0) + r["planar_m2"]
        pieces_by_project[r["project_id"]] = pieces_by_project.get(r["project_id"], 0) + r["pieces"]
    uncovered = {
        key: occupation.uncovered_area(projects.regions[key].area, [planar_by_project.get(key, 0.0)])
        for key in projects.keys
    }
    infos = {}
    for key in projects.keys:
        info = projects.infos.get(key) or occupation.ProjectInfo()
        region = projects.regions[key]
        control = region.area if mode == MODE_PLANAR else ellipsoid.areas([region])[0]
        infos[key] = occupation.ProjectInfo(info.approval_date, info.project_type, control)
    capacity_table = parse_capacity_table(options.capacity_table) if options.capacity_table else None
    rows = occupation.summarize(
        records_in,
        projects.keys,
        capacity_table,
        uncovered,
        projects=infos,
        basic_known=options.basic_farmland is not None,
        town_codes=occupation.parse_codes(options.town_codes, occupation.DEFAULT_TOWN_CODES),
        permitted_types=occupation.parse_codes(options.permitted_types, occupation.DEFAULT_PERMITTED_TYPES),
        ownership_known=fields["qsxz"] is not None,
    )
    for row in rows:
        row["pieces"] = pieces_by_project.get(row["project_id"], 0)
    class_rows, _adjustments = classtable.build(records_in, {key: infos[key].control_m2 for key in projects.keys})
    summary_path = os.path.join(folder, "summary.csv")
    classes_path = os.path.join(folder, "classes.csv")
    output.write_csv(summary_path, occupation.SUMMARY_FIELDS, rows)
    output.write_csv(classes_path, classtable.FIELDS, class_rows)
    pieces_path = os.path.join(folder, "pieces")
    written = output.write_pieces(
        records.selectExpr(
            *[
                "{} as {}".format("{}_{}".format(c, mode) if c in ("area_m2", "tk_m2", "net_m2") else c, c)
                for c in PIECE_COLUMNS
            ],
            "geometry",
        ),
        pieces_path,
        crs.to_json_dict(),
    )
    log("area mode {}: {} projects, {} pieces → {}".format(mode, len(rows), written, folder))
    results = {"summary": summary_path, "classes": classes_path, "pieces": pieces_path}
    if options.gpkg:
        gpkg = options.gpkg if len(options.area_modes) == 1 else os.path.join(folder, os.path.basename(options.gpkg))
        output.write_geopackage(gpkg, pieces_path, crs, {"summary": (occupation.SUMMARY_FIELDS, rows),
                                                        "classes": (classtable.FIELDS, class_rows)})  # fmt: skip
        results["gpkg"] = gpkg
    return results
