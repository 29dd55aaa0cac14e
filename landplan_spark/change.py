"""``change``: survey × survey on Spark, the figures of
``landplan:farmlandchange`` (summary with 进出平衡 and verdicts, transition
matrix, changed pieces).

Stages (driver ▸ tasks):

1. ▸ BEFORE 图斑 belong to the tile holding their bounding-box centre (the
   ``tile`` key of ``convert``); ▸ each tile's reach (the union of its
   图斑's bounding boxes) comes back to the driver, one box per tile, and
   is broadcast;
2. ▸ AFTER 图斑, basic-farmland and exempt polygons are sent to every tile
   whose reach their bounding box meets (an STRtree of the reach boxes), so
   a tile sees everything its 图斑 can touch and a piece is made once, in
   the tile of its BEFORE 图斑;
3. ▸ ``cogroup`` (BEFORE tile, its neighbours): ``kernel.overlay_surveys_tile``
   gives the pieces (unchanged 图斑 matched by WKB, as the plugin does),
   ``kernel.ZoneSet`` and ``kernel.split_by_mask`` their zone, basic-farmland
   and exempt parts; each part is booked by ``core.change.ChangeAccounts``
   (one per area mode), the plugin's own rules.  A task returns its accounts
   (pickled), the AFTER area it covered per AFTER 图斑 and the changed parts;
4. ▸ AFTER 图斑 are checked once more, by their own tile (policy, exact
   copies, planar area), and joined with the covered sums: what no BEFORE
   图斑 covers is the AFTER side's uncovered area (``add_leftover``);
5. ▸ the driver merges the accounts and writes summary.csv and matrix.csv
   (per mode) and the changed pieces as GeoParquet.

Areas follow the plugin: mode 0 apportioned TBMJ/TBDLMJ share, 1 ellipsoidal
国土 series, 2 planar; uncovered areas are planar except in mode 0.  The
AFTER, zone and mask layers must be in BEFORE's CRS (zones are reprojected on
the driver).  Sums are unrounded; the CSVs round at output.
"""

import os
import pickle

import numpy as np
import pandas as pd
import shapely

from landplan_plugin.core import change as rules
from landplan_plugin.core.areamath import MODE_ELLIPSOIDAL, MODE_PLANAR
from landplan_plugin.core.values import key_text

from . import geoparquet, inputs, kernel, output
from .geoparquet import BBOX, InputError
from .occupation import _finding_notes, _reproject

FIELDS = {"dlbm": "DLBM", "tbmj": "TBMJ", "tbdlmj": "TBDLMJ", "kcxs": "KCXS", "grade": "GDDB", "zldwdm": "ZLDWDM"}
CHANGE_COLUMNS = (
    ("zone", "string"), ("from_dlbm", "string"), ("to_dlbm", "string"), ("from_group", "string"),
    ("to_group", "string"), ("in_basic_farmland", "int"), ("area_m2", "double"), ("change_type", "string"),
    ("change_type_zh", "string"), ("net_before_m2", "double"), ("net_after_m2", "double"),
)  # fmt: skip
MATRIX_FIELDS = ("zone", "from_group", "to_group", "area_m2")


def run(spark, options, log=print):
    """Run the job; return {output name: path}."""
    from pyspark.sql import functions as sf

    os.makedirs(options.output, exist_ok=True)
    work = os.path.join(options.output, "_work")
    os.makedirs(work, exist_ok=True)
    modes = options.area_modes
    layers = {}
    for side in ("before", "after"):
        path = inputs.as_parquet(getattr(options, side), getattr(options, side + "_layer"), work, side, options.cell)
        frame = spark.read.parquet(path)
        label = inputs.label(getattr(options, side), getattr(options, side + "_layer"))
        fields = {
            key: inputs.column(
                frame.columns,
                getattr(options, key + "_field", None) or default,
                label,
                required=key == "dlbm" or (key == "zldwdm" and options.by_code),
            )
            for key, default in FIELDS.items()
        }
        if 0 in modes and fields["tbmj"] is None:
            raise InputError("Area mode 0 (apportioned survey area) needs the TBMJ field ({}).".format(label))
        if not options.by_code:
            fields["zldwdm"] = None
        layers[side] = (path, frame, label, fields)
    crs = geoparquet.read_crs(layers["before"][0])
    if crs is None or crs.is_geographic and MODE_PLANAR in modes:
        raise InputError("the BEFORE layer needs a projected CRS (Gauss–Krüger) for planar areas")
    _same_crs(layers["after"][0], crs, layers["after"][2])
    notes = []

    # 1. the reach of every BEFORE tile
    before = layers["before"][1]
    reach = before.groupBy("tile").agg(
        sf.min("xmin").alias("xmin"),
        sf.min("ymin").alias("ymin"),
        sf.max("xmax").alias("xmax"),
        sf.max("ymax").alias("ymax"),
    )
    reach = reach.toPandas()
    reach_broadcast = spark.sparkContext.broadcast(
        (reach["tile"].values.astype(np.int64), reach[list(BBOX)].values.astype(float))
    )

    # 2. AFTER 图斑 and the mask polygons, sent to the tiles they reach
    after_path, after, after_label, after_fields = layers["after"]
    after_columns = [c for c in dict.fromkeys(after_fields.values()) if c]
    before_columns = [c for c in dict.fromkeys(layers["before"][3].values()) if c]
    neighbours = after.select(
        sf.lit("after").alias("kind"), "fid", "geometry", *BBOX, *[sf.col(c).alias("a_" + c) for c in after_columns]
    )
    masks = []
    if options.basic_farmland:
        masks.append(_mask_frame(spark, options.basic_farmland, options.basic_farmland_layer, "basic", options, crs))
    if options.exempt:
        masks.append(_mask_frame(spark, options.exempt, options.exempt_layer, "exempt", options, crs))
    for frame in masks:
        for column in after_columns:
            frame = frame.withColumn("a_" + column, sf.lit(None).cast(after.schema[column].dataType))
        neighbours = neighbours.unionByName(frame, allowMissingColumns=True)
    if "exempt_type" not in neighbours.columns:
        neighbours = neighbours.withColumn("exempt_type", sf.lit(None).cast("string"))
    neighbours = neighbours.mapInPandas(_to_reaching_tiles(reach_broadcast), _with_tile(neighbours.schema))

    # 3. the overlay per BEFORE tile
    zones = _zones(options, crs, notes)
    zone_broadcast = spark.sparkContext.broadcast(("zones-{}".format(id(zones)), zones))
    task = _tile_task(
        zone_broadcast,
        before_columns,
        after_columns,
        layers["before"][3],
        after_fields,
        modes,
        options,
        crs.to_wkt(),
        layers["before"][2],
        after_label,
    )
    results = (
        before.select("fid", "geometry", "tile", *before_columns)
        .groupBy("tile")
        .cogroup(neighbours.groupBy("tile"))
        .applyInPandas(task, _result_schema())
        .persist()
    )
    accounts = {mode: rules.ChangeAccounts(mode, options.grass) for mode in modes}
    stats = {"overlaps_after": 0}
    for row in results.filter("kind = 'accounts'").select("blob").toLocalIterator():
        found, overlaps = pickle.loads(bytes(row["blob"]))
        stats["overlaps_after"] += overlaps
        for mode in modes:
            accounts[mode].merge(found[mode])
    findings = results.filter("kind = 'note'").select(sf.col("fid").alias("parent_fid"), "note").toPandas()
    notes.extend(_finding_notes(findings, layers["before"][2]))

    # 4. the AFTER side: policy, copies, planar area; what is left uncovered
    checked = (
        after.select("fid", "geometry", "tile", *after_columns)
        .groupBy("tile")
        .applyInPandas(
            _after_check(after_columns, after_fields.get("tbmj"), options.invalid, after_label),
            "fid long, planar double, tbmj double, note string",
        )  # fmt: skip
        .persist()
    )
    notes.extend(_finding_notes(checked.filter("note is not null").withColumnRenamed("fid", "parent_fid").toPandas(),
                                after_label))  # fmt: skip
    covered = results.filter("kind = 'cover'").groupBy("fid").agg(sf.sum("value").alias("covered"))
    joined = (
        checked.filter("note is null")
        .join(covered, "fid", "left")
        .fillna(0.0, ["covered"])
        .filter("planar - covered > greatest(1e-6 * planar, 1e-6) or covered > planar * (1 + 1e-9) + 1e-6")
        .toPandas()
    )
    overlaps_before = 0
    for row in joined.itertuples(index=False):
        if row.covered > row.planar * (1 + 1e-9) + 1e-6:
            overlaps_before += 1
        elif row.planar - row.covered > max(1e-6 * row.planar, 1e-6):
            for mode in modes:
                accounts[mode].add_leftover("after", float(row.planar), float(row.planar - row.covered), row.tbmj)
    notes.extend(_overlap_notes(stats["overlaps_after"], overlaps_before, layers["before"][2], after_label))
    for code in sorted(accounts[modes[0]].unknown):
        notes.append("Unknown land-class code “{}”: its pieces count as ‘other’.".format(code))

    # 5. outputs per mode
    written = {}
    by_zone = bool(zones[0]) or options.by_code
    for mode in modes:
        folder = options.output if len(modes) == 1 else os.path.join(options.output, "mode{}".format(mode))
        os.makedirs(folder, exist_ok=True)
        rows = accounts[mode].summary_rows(by_zone)
        summary_path = os.path.join(folder, "summary.csv")
        matrix_path = os.path.join(folder, "matrix.csv")
        output.write_csv(summary_path, rules.SUMMARY_FIELDS, rows)
        output.write_csv(matrix_path, MATRIX_FIELDS, accounts[mode].matrix_rows())
        changes_path = os.path.join(folder, "changes")
        count = output.write_pieces(
            results.filter((sf.col("kind") == "change") & (sf.col("mode") == mode)).select(
                *[name for name, _type in CHANGE_COLUMNS], "geometry"
            ),
            changes_path,
            crs.to_json_dict(),
        )
        total = rows[-1]
        log(
            "area mode {}: farmland {:.2f} → {:.2f} m², in {:.2f}, out {:.2f}, {} changed pieces → {}".format(
                mode,
                total["farmland_before_m2"],
                total["farmland_after_m2"],
                total["in_agricultural_m2"],
                total["out_agricultural_m2"],
                count,
                folder,
            )
        )
        written.update({"summary": summary_path, "matrix": matrix_path, "changes": changes_path})
    results.unpersist()
    checked.unpersist()
    output.write_notes(os.path.join(options.output, "notes.txt"), notes)
    return written


def _same_crs(path, crs, label):
    found = geoparquet.read_crs(path)
    if found is not None and not found.equals(crs):
        raise InputError("{} must be in the BEFORE layer's CRS ({}): convert it first".format(label, crs.name))


def _mask_frame(spark, path, layer, name, options, crs):
    """Basic-farmland or exempt polygons as (kind, fid, geometry, bbox,
    exempt_type) rows."""
    from pyspark.sql import functions as sf

    parquet = inputs.as_parquet(path, layer, os.path.join(options.output, "_work"), name, options.cell)
    label = inputs.label(path, layer)
    _same_crs(parquet, crs, label)
    frame = spark.read.parquet(parquet)
    columns = [sf.lit(name).alias("kind"), "fid", "geometry", *BBOX]
    if name == "exempt":
        type_column = inputs.column(frame.columns, options.exempt_type_field, label, required=False)
        columns.append(
            (sf.col(type_column).cast("string") if type_column else sf.lit(None).cast("string")).alias("exempt_type")
        )
    return frame.select(*columns)


def _with_tile(schema):
    from pyspark.sql.types import LongType, StructField, StructType

    return StructType(list(schema.fields) + [StructField("tile", LongType())])


def _to_reaching_tiles(reach_broadcast):
    """Task function: each polygon once per BEFORE tile whose reach its
    bounding box meets."""

    def send(batches):
        tiles, boxes = reach_broadcast.value
        tree = shapely.STRtree(shapely.box(boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]))
        for frame in batches:
            own = shapely.box(*(frame[c].values for c in BBOX))
            row, tile = tree.query(own)
            out = frame.iloc[row].reset_index(drop=True)
            out["tile"] = tiles[tile]
            yield out

    return send


def _zones(options, crs, notes):
    """(names, WKBs) of the zone polygons dissolved per name (empty without
    zones or when grouping by 坐落单位代码)."""
    if not options.zones:
        return [], []
    if options.by_code:
        notes.append("Grouping by 坐落单位代码: the zone polygons are not used.")
        return [], []
    frame, zone_crs = inputs.read_frame(options.zones, options.zones_layer)
    label = inputs.label(options.zones, options.zones_layer)
    if zone_crs is not None and not zone_crs.equals(crs):
        frame["geometry"] = _reproject(frame["geometry"].values, zone_crs, crs)
    name_column = inputs.column(frame.columns, options.zone_field, label)
    geometries, found = kernel.usable(frame["geometry"].values, frame["fid"].values, options.invalid, label)
    notes.extend(_finding_notes(pd.DataFrame(found, columns=["parent_fid", "note"]), label))
    groups, missing = {}, 0
    for value, geometry in zip(frame[name_column].values, geometries):
        key = key_text(inputs.python_value(value))
        if key is None:
            missing += 1
            continue
        groups.setdefault(key, [])
        if geometry is not None:
            groups[key].append(geometry)
    if missing:
        notes.append("{} zone polygons without a name were left out.".format(missing))
    names, wkbs = [], []
    for key, parts in groups.items():
        region = kernel.polygonal([shapely.union_all(parts)])[0] if parts else None
        if region is not None:
            names.append(key)
            wkbs.append(shapely.to_wkb(region))
    return names, wkbs


def _result_schema():
    from pyspark.sql.types import BinaryType, DoubleType, IntegerType, LongType, StringType, StructField, StructType

    kinds = {"string": StringType(), "int": IntegerType(), "double": DoubleType()}
    fields = [
        StructField("kind", StringType()),
        StructField("fid", LongType()),
        StructField("value", DoubleType()),
        StructField("note", StringType()),
        StructField("blob", BinaryType()),
        StructField("mode", IntegerType()),
    ]
    fields += [StructField(name, kinds[kind]) for name, kind in CHANGE_COLUMNS]
    fields.append(StructField("geometry", BinaryType()))
    return StructType(fields)


def _survey_rows(frame, fields, prefix=""):
    """[{key: plain value}] of a frame's survey attributes."""
    columns = {key: prefix + name for key, name in fields.items() if name}
    values = {key: [inputs.python_value(v) for v in frame[column].values] for key, column in columns.items()}
    return [{key: values[key][n] for key in columns} for n in range(len(frame))]


def _tile_task(zone_broadcast, before_columns, after_columns, before_fields, after_fields, modes, options, crs_wkt,
               before_label, after_label):  # fmt: skip
    """The cogroup function: one BEFORE tile and its neighbours → accounts,
    AFTER coverage, findings and changed parts."""
    policy, grass = options.invalid, options.grass

    def task(befores, neighbours):
        zones = kernel.cached_regions(zone_broadcast.value[0], lambda: kernel.ZoneSet(*zone_broadcast.value[1]))
        out = []
        # BEFORE: the policy, exact copies counted once
        fids = befores["fid"].values.astype(np.int64)
        geometries, found = kernel.usable(
            shapely.from_wkb(befores["geometry"].values, on_invalid="ignore"), fids, policy, before_label
        )
        keep = np.array([g is not None for g in geometries], dtype=bool)
        unique = kernel.dedupe(befores, before_columns)
        found += [(int(f), "duplicate") for f in fids[keep & ~unique]]
        keep &= unique
        for fid, note in found:
            out.append({"kind": "note", "fid": fid, "note": note})
        befores = befores[keep].reset_index(drop=True)
        before_geometries = geometries[keep]
        # AFTER around the tile (its findings are reported once, by stage 4)
        afters = neighbours[neighbours["kind"] == "after"].reset_index(drop=True)
        after_geometries, _found = kernel.usable(
            shapely.from_wkb(afters["geometry"].values, on_invalid="ignore"),
            afters["fid"].values.astype(np.int64),
            policy,
            after_label,
        )
        plain = afters.rename(columns={"a_" + c: c for c in after_columns})
        usable = np.array([g is not None for g in after_geometries], dtype=bool) & kernel.dedupe(plain, after_columns)
        afters, after_geometries = afters[usable].reset_index(drop=True), after_geometries[usable]
        masks = {kind: _mask_set(neighbours, kind, policy) for kind in ("basic", "exempt")}

        b_index, a_index, pieces, planar = kernel.overlay_surveys_tile(before_geometries, after_geometries)
        before_planar = shapely.area(before_geometries) if len(before_geometries) else np.zeros(0)
        after_planar = shapely.area(after_geometries) if len(after_geometries) else np.zeros(0)
        covered = np.bincount(b_index, weights=planar, minlength=len(before_geometries))
        overlapped = covered > before_planar * (1 + 1e-9) + 1e-6
        share_base = np.where(overlapped, covered, before_planar)  # shares of an overlapped 图斑 sum to one
        accounts = {mode: rules.ChangeAccounts(mode, grass) for mode in modes}
        before_rows = _survey_rows(befores, before_fields)
        after_rows = _survey_rows(afters, after_fields, prefix="a_")
        for n in np.flatnonzero(before_planar - covered > np.maximum(1e-6 * before_planar, 1e-6)):
            for mode in modes:
                accounts[mode].add_leftover(
                    "before", float(before_planar[n]), float(before_planar[n] - covered[n]), before_rows[n].get("tbmj")
                )
        ellipsoidal = _ellipsoidal(pieces, modes, crs_wkt)
        # plain floats for the rules (numpy scalars would make numpy booleans)
        piece_planar, share_base, after_planar = planar.tolist(), share_base.tolist(), after_planar.tolist()
        for n, zone, geometry, zone_planar in zones.split(pieces, planar):
            b, a = b_index[n], a_index[n]
            for mode in modes:
                figures = accounts[mode].figures(
                    piece_planar[n], share_base[b], after_planar[a], ellipsoidal[n], before_rows[b], after_rows[a]
                )
                zone_b = figures.zldwdm_before if options.by_code else zone
                zone_a = figures.zldwdm_after if options.by_code else zone
                for in_basic, exempt_type, part, part_planar in _parts(geometry, float(zone_planar), masks):
                    fraction = part_planar / piece_planar[n] if piece_planar[n] > 0 else 0.0
                    kind, gross = accounts[mode].add_part(figures, zone_b, zone_a, fraction, in_basic, exempt_type)
                    if figures.changed:
                        out.append(
                            {
                                "kind": "change", "mode": mode, "zone": zone_b, "from_dlbm": figures.before_code,
                                "to_dlbm": figures.after_code, "from_group": rules.group_of(figures.before_cls),
                                "to_group": rules.group_of(figures.after_cls),
                                "in_basic_farmland": int(in_basic) if masks["basic"] else 0, "area_m2": gross,
                                "change_type": kind, "change_type_zh": rules.CHANGE_TYPES_ZH[kind],
                                "net_before_m2": figures.net_before * fraction,
                                "net_after_m2": figures.net_after * fraction,
                                "geometry": shapely.to_wkb(shapely.multipolygons(shapely.get_parts(part))),
                            }
                        )  # fmt: skip
        after_fids = afters["fid"].values.astype(np.int64)
        for a, area in zip(*_sums(a_index, planar)):
            out.append({"kind": "cover", "fid": int(after_fids[a]), "value": area})
        blob = pickle.dumps((accounts, int(overlapped.sum())), protocol=pickle.HIGHEST_PROTOCOL)
        out.append({"kind": "accounts", "blob": blob})
        frame = pd.DataFrame(out, columns=[f.name for f in _result_schema().fields])
        return _arrow_ready(frame)

    return task


def _arrow_ready(frame):
    """Columns Arrow converts to the result schema: text and whole numbers
    as objects with None (an all-NaN float column or Int64 trips Arrow)."""
    for name in frame.columns:
        if frame[name].dtype != np.float64 or name in ("zone", "from_dlbm", "to_dlbm", "from_group", "to_group",
                                                      "change_type", "change_type_zh", "note", "kind"):  # fmt: skip
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return frame


def _sums(index, values):
    if not len(index):
        return [], []
    unique, inverse = np.unique(index, return_inverse=True)
    return unique, np.bincount(inverse, weights=values)


def _ellipsoidal(pieces, modes, crs_wkt):
    """Per piece: its ellipsoidal area (mode 1), or a callable computing it
    when mode 0 falls back (no TBMJ), or None."""
    if MODE_ELLIPSOIDAL in modes and len(pieces):
        return kernel.EllipsoidalAreas(crs_wkt).areas(pieces).tolist()
    if 0 in modes:
        holder = {}

        def lazy(geometry):
            def area():
                engine = holder.get("engine") or holder.setdefault("engine", kernel.EllipsoidalAreas(crs_wkt))
                return engine.areas([geometry])[0]

            return area

        return [lazy(g) for g in pieces]
    return [None] * len(pieces)


def _mask_set(neighbours, kind, policy):
    """{type: (geometries, STRtree)} of one mask kind in the tile (basic
    farmland has the one type None); exempt types in sorted order."""
    frame = neighbours[neighbours["kind"] == kind]
    if not len(frame):
        return {}
    geometries, _found = kernel.usable(
        shapely.from_wkb(frame["geometry"].values, on_invalid="ignore"),
        frame["fid"].values.astype(np.int64),
        policy,
        kind,
    )
    types = frame["exempt_type"].values if kind == "exempt" else np.full(len(frame), None, dtype=object)
    sets = {}
    for exempt_type in sorted({key_text(t) or "exempt" for t in types} if kind == "exempt" else {None}):
        chosen = np.array(
            [g is not None and (kind != "exempt" or (key_text(t) or "exempt") == exempt_type)
             for g, t in zip(geometries, types)],
            dtype=bool,
        )  # fmt: skip
        if chosen.any():
            ordered = geometries[chosen][np.argsort(frame["fid"].values[chosen], kind="stable")]
            shapely.prepare(ordered)
            sets[exempt_type] = (ordered, shapely.STRtree(ordered))
    return sets


def _parts(geometry, planar, masks):
    """core's _parts: [(in_basic, exempt type or None, geometry, planar)]."""
    basic = masks["basic"].get(None)
    basic_parts = kernel.split_by_mask(geometry, *basic) if basic else [(0, geometry)]
    result = []
    for in_basic, part in basic_parts:
        rest = [part]
        for exempt_type, (geometries, tree) in sorted(masks["exempt"].items()):
            remaining = []
            for candidate in rest:
                for inside, cut in kernel.split_by_mask(candidate, geometries, tree):
                    if inside:
                        result.append((in_basic, exempt_type, cut, cut.area))
                    else:
                        remaining.append(cut)
            rest = remaining
        for candidate in rest:
            result.append((in_basic, None, candidate, planar if candidate is geometry else candidate.area))
    return result


def _after_check(after_columns, tbmj_column, policy, label):
    """Task function per AFTER tile: usable, exact copies, planar, TBMJ."""

    def check(frame):
        fids = frame["fid"].values.astype(np.int64)
        geometries, found = kernel.usable(shapely.from_wkb(frame["geometry"].values, on_invalid="ignore"), fids,
                                          policy, label)  # fmt: skip
        keep = np.array([g is not None for g in geometries], dtype=bool)
        unique = kernel.dedupe(frame, after_columns)
        found += [(int(f), "duplicate") for f in fids[keep & ~unique]]
        keep &= unique
        planar = np.zeros(len(frame))
        planar[keep] = shapely.area(geometries[keep])
        from landplan_plugin.core.values import number

        tbmj = [number(inputs.python_value(v)) for v in frame[tbmj_column].values] if tbmj_column else [None] * len(
            frame)  # fmt: skip
        result = pd.DataFrame(
            {"fid": fids[keep], "planar": planar[keep], "tbmj": np.array(tbmj, dtype=float)[keep], "note": None}
        )
        notes = pd.DataFrame({"fid": [f for f, _n in found], "planar": 0.0, "tbmj": np.nan,
                              "note": [n for _f, n in found]})  # fmt: skip
        return pd.concat([f for f in (result, notes) if len(f)] or [result], ignore_index=True)

    return check


def _overlap_notes(overlaps_after, overlaps_before, before_label, after_label):
    notes = []
    if overlaps_after:
        notes.append(
            "{} 图斑 of “{}” are covered by overlapping 图斑 of “{}”: their shares were scaled so that no area is "
            "counted twice. Check the topology of the later survey.".format(overlaps_after, before_label, after_label)
        )
    if overlaps_before:
        notes.append(
            "{} 图斑 of “{}” are covered by overlapping 图斑 of “{}”: after-figures there count the overlap twice. "
            "Check the topology of the earlier survey.".format(overlaps_before, after_label, before_label)
        )
    return notes
