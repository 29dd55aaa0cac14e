"""Deterministic county-scale synthetic data for the benchmarks.

    python3 benchmarks/make_county.py --parcels 250000 [--out benchmarks/cache]

Writes ``county_<N>.gpkg`` (EPSG:4547) with:

* ``DLTB_AFTER`` – the same county a year later: same 图斑, about 4 % of
  them with another class (farmland lost and gained);
* ``DLTB`` – a gap-free tessellation of N polygons: a jittered grid whose
  shared edges carry 6 jittered intermediate vertices each (28 vertices per
  polygon), 三调 fields (DLBM, TBMJ, TBDLMJ, KCXS, GDDB, ZLDWDM) with a
  realistic class mix and 田坎 coefficients; about 1 in 20,000 polygons is
  made invalid (a bow-tie);
* ``projects`` – about N/125 construction projects (XMBH), 100–600 m
  rectangles with jittered corners, some overlapping;
* ``YJJBNT`` – basic-farmland blocks covering about a third of the county.

Generated into a cache folder, never committed.  The same N gives the same
data.  Polygons are written as WKB built with numpy, so 250,000 polygons take
well under a minute.
"""

import argparse
import math
import struct
import sys
import time
from pathlib import Path

import numpy as np
from osgeo import ogr, osr

HERE = Path(__file__).resolve().parent
X0, Y0 = 420000.0, 3050000.0
CELL = 50.0
EDGE_POINTS = 6
SEED = 4547
VERSION = 3  # part of the cache file name: bump when the generated data change

CLASS_MIX = [
    ("0101", 0.30),
    ("0102", 0.04),
    ("0103", 0.14),
    ("0201", 0.04),
    ("0202", 0.02),
    ("0301", 0.16),
    ("0305", 0.03),
    ("0307", 0.02),
    ("0404", 0.02),
    ("0702", 0.07),
    ("0701", 0.02),
    ("0601", 0.01),
    ("1003", 0.01),
    ("1006", 0.03),
    ("1101", 0.02),
    ("1104", 0.03),
    ("1107", 0.02),
    ("1202", 0.01),
    ("1206", 0.01),
]


def polygon_wkb(rings):
    """WKB (little endian, wkbPolygon) for a list of (n, 2) float arrays."""
    parts = [struct.pack("<BII", 1, 3, len(rings))]
    for ring in rings:
        parts.append(struct.pack("<I", len(ring)))
        parts.append(np.ascontiguousarray(ring, dtype="<f8").tobytes())
    return b"".join(parts)


def tessellation(cols, rows, rng):
    """Corner grid and jittered edge points; returns a function cell_ring(c, r)."""
    cx = X0 + np.arange(cols + 1) * CELL
    cy = Y0 + np.arange(rows + 1) * CELL
    gx, gy = np.meshgrid(cx, cy)
    jitter = rng.uniform(-0.18 * CELL, 0.18 * CELL, size=(2,) + gx.shape)
    jitter[:, 0, :] = jitter[:, -1, :] = 0
    jitter[:, :, 0] = jitter[:, :, -1] = 0
    corners = np.stack([gx + jitter[0], gy + jitter[1]], axis=-1)  # (rows+1, cols+1, 2)
    t = np.linspace(0, 1, EDGE_POINTS + 2)[1:-1]
    # horizontal edges (r, c)->(r, c+1): points with jitter in y
    h_start, h_end = corners[:, :-1], corners[:, 1:]
    h_pts = h_start[..., None, :] + (h_end - h_start)[..., None, :] * t[:, None]
    h_pts[..., 1] += rng.uniform(-2.0, 2.0, size=h_pts.shape[:-1]) * (np.arange(rows + 1)[:, None, None] % rows != 0)
    v_start, v_end = corners[:-1, :], corners[1:, :]
    v_pts = v_start[..., None, :] + (v_end - v_start)[..., None, :] * t[:, None]
    v_pts[..., 0] += rng.uniform(-2.0, 2.0, size=v_pts.shape[:-1]) * (np.arange(cols + 1)[None, :, None] % cols != 0)

    def cell_ring(c, r):
        return np.concatenate(
            [
                corners[r, c][None],
                h_pts[r, c],
                corners[r, c + 1][None],
                v_pts[r, c + 1],
                corners[r + 1, c + 1][None],
                h_pts[r + 1, c][::-1],
                corners[r + 1, c][None],
                v_pts[r, c][::-1],
                corners[r, c][None],
            ]
        )

    return cell_ring


def make_county(parcels, out_dir):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "county_{}_v{}.gpkg".format(parcels, VERSION)
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp.gpkg")
    if tmp.exists():
        tmp.unlink()
    rng = np.random.RandomState(SEED)
    cols = int(math.ceil(math.sqrt(parcels)))
    rows = int(math.ceil(parcels / cols))
    cell_ring = tessellation(cols, rows, rng)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp))
    layer = ds.CreateLayer("DLTB", srs, ogr.wkbPolygon, options=["SPATIAL_INDEX=YES", "FID=fid"])
    later = ds.CreateLayer("DLTB_AFTER", srs, ogr.wkbPolygon, options=["SPATIAL_INDEX=YES", "FID=fid"])
    for target in (layer, later):
        for name, kind in (
            ("BSM", ogr.OFTString),
            ("DLBM", ogr.OFTString),
            ("ZLDWDM", ogr.OFTString),
            ("TBMJ", ogr.OFTReal),
            ("KCXS", ogr.OFTReal),
            ("TBDLMJ", ogr.OFTReal),
            ("GDDB", ogr.OFTInteger),
        ):
            target.CreateField(ogr.FieldDefn(name, kind))
    change_roll = rng.uniform(size=rows * cols)
    after_codes = {"0101": "0201", "0102": "0301", "0103": "0702", "0201": "0103", "0301": "0103", "0702": "0103"}
    codes = [c for c, _ in CLASS_MIX]
    weights = np.array([w for _, w in CLASS_MIX])
    class_index = rng.choice(len(codes), size=rows * cols, p=weights / weights.sum())
    kcxs_choices = np.array([0.0, 0.03, 0.06, 0.1, 0.15])
    kcxs = rng.choice(kcxs_choices, size=rows * cols, p=[0.35, 0.3, 0.2, 0.1, 0.05])
    grades = rng.randint(4, 13, size=rows * cols)
    invalid = set(rng.choice(rows * cols, size=max(1, parcels // 20000), replace=False).tolist())
    defn = layer.GetLayerDefn()
    ds.StartTransaction()
    count = 0
    for r in range(rows):
        for c in range(cols):
            if count >= parcels:
                break
            i = r * cols + c
            ring = cell_ring(c, r)
            if i in invalid:
                ring = np.array([ring[3], ring[17], ring[10], ring[24], ring[3]])  # bow-tie inside the cell
            geom = ogr.CreateGeometryFromWkb(polygon_wkb([ring]))
            code = codes[class_index[i]]
            area = geom.GetArea() * 0.99995  # TBMJ: ellipsoidal ≈ planar × (1 − 5e-5) here
            feature = ogr.Feature(defn)
            feature.SetField(0, "{:018d}".format(i + 1))
            feature.SetField(1, code)
            feature.SetField(2, "360799{:03d}{:03d}0000000".format(r // 50, c // 50))
            feature.SetField(3, round(area, 2))
            farmland = code in ("0101", "0102", "0103")
            k = float(kcxs[i]) if farmland else 0.0
            feature.SetField(4, k)
            feature.SetField(5, round(area * (1 - k), 2))
            if farmland:
                feature.SetField(6, int(grades[i]))
            feature.SetGeometry(geom)
            layer.CreateFeature(feature)
            # the later survey: same 图斑, about 4 % with another class
            if change_roll[i] < 0.04 and code in after_codes:
                new_code = after_codes[code]
                feature.SetField(1, new_code)
                new_k = 0.05 if new_code in ("0101", "0102", "0103") else 0.0
                feature.SetField(4, new_k)
                feature.SetField(5, round(area * (1 - new_k), 2))
                if new_code in ("0101", "0102", "0103"):
                    feature.SetField(6, 9)
                else:
                    feature.SetFieldNull(6)
            later.CreateFeature(feature)
            count += 1
    ds.CommitTransaction()

    width, height = cols * CELL, rows * CELL
    projects = ds.CreateLayer("projects", srs, ogr.wkbPolygon, options=["SPATIAL_INDEX=YES", "FID=fid"])
    projects.CreateField(ogr.FieldDefn("XMBH", ogr.OFTString))
    n_projects = max(1, parcels // 125)
    ds.StartTransaction()
    for k in range(n_projects):
        w, h = rng.uniform(100, 600, size=2)
        x = X0 + rng.uniform(0, width - w)
        y = Y0 + rng.uniform(0, height - h)
        j = rng.uniform(-15, 15, size=8)
        ring = np.array(
            [[x + j[0], y + j[1]], [x + w + j[2], y + j[3]], [x + w + j[4], y + h + j[5]], [x + j[6], y + h + j[7]]]
        )
        ring = np.vstack([ring, ring[:1]])
        feature = ogr.Feature(projects.GetLayerDefn())
        feature.SetField(0, "XM{:05d}".format(k + 1))
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(polygon_wkb([ring])))
        projects.CreateFeature(feature)
    ds.CommitTransaction()

    basic = ds.CreateLayer("YJJBNT", srs, ogr.wkbPolygon, options=["SPATIAL_INDEX=YES", "FID=fid"])
    basic.CreateField(ogr.FieldDefn("BSM", ogr.OFTString))
    block = 1000.0
    ds.StartTransaction()
    k = 0
    for by in np.arange(Y0, Y0 + height, block):
        for bx in np.arange(X0, X0 + width, block):
            if rng.uniform() > 0.35:
                continue
            w, h = rng.uniform(400, 950, size=2)
            ring = np.array([[bx, by], [bx + w, by], [bx + w, by + h], [bx, by + h], [bx, by]])
            feature = ogr.Feature(basic.GetLayerDefn())
            feature.SetField(0, "JB{:06d}".format(k))
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(polygon_wkb([ring])))
            basic.CreateFeature(feature)
            k += 1
    ds.CommitTransaction()
    _parcels_layer(ds, srs, rng, "supply", "ZDBH", 5000, width, height)
    _parcels_layer(ds, srs, rng, "restoration", "XMMC", 5000, width, height, with_type=True)
    ds = None
    tmp.rename(path)
    return path


def _parcels_layer(ds, srs, rng, name, id_field, count, width, height, with_type=False):
    """Rectangles of 60–400 m with jittered corners; some overlap."""
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon, options=["SPATIAL_INDEX=YES", "FID=fid"])
    layer.CreateField(ogr.FieldDefn(id_field, ogr.OFTString))
    for fname in ("YDDGRQ", "XFLX"):
        layer.CreateField(ogr.FieldDefn(fname, ogr.OFTString))
    types = ["历史遗留矿山生态修复", "土地复垦", "全域土地综合整治", "水土流失治理"]
    ds.StartTransaction()
    for k in range(count):
        w, h = rng.uniform(60, 400, size=2)
        x = X0 + rng.uniform(0, width - w)
        y = Y0 + rng.uniform(0, height - h)
        j = rng.uniform(-5, 5, size=8)
        ring = np.array(
            [[x + j[0], y + j[1]], [x + w + j[2], y + j[3]], [x + w + j[4], y + h + j[5]], [x + j[6], y + h + j[7]]]
        )
        ring = np.vstack([ring, ring[:1]])
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(0, "{}{:05d}".format(id_field, k + 1))
        feature.SetField(1, "20{:02d}-{:02d}-01".format(15 + k % 8, 1 + k % 12))
        if with_type:
            feature.SetField(2, types[k % len(types)])
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(polygon_wkb([ring])))
        layer.CreateFeature(feature)
    ds.CommitTransaction()


def make_rasters(path, size=10000):
    """A classified built-up raster (Byte, classes 0–5) and an NDVI raster
    (Float32 with nodata) of size × size pixels over the county's extent."""
    path = Path(path)
    out = {}
    ds = ogr.Open(str(path))
    extent = ds.GetLayerByName("DLTB").GetExtent()
    srs_wkt = ds.GetLayerByName("DLTB").GetSpatialRef().ExportToWkt()
    ds = None
    from osgeo import gdal

    res_x = (extent[1] - extent[0]) / size
    res_y = (extent[3] - extent[2]) / size
    rng = np.random.RandomState(SEED + 7)
    coarse_class = rng.randint(0, 6, size=(size // 50 + 1, size // 50 + 1)).astype(np.uint8)
    coarse_ndvi = rng.uniform(-0.1, 0.9, size=(size // 50 + 1, size // 50 + 1)).astype(np.float32)
    for name, dtype, coarse, nodata in (
        ("builtup", gdal.GDT_Byte, coarse_class, 255),
        ("ndvi", gdal.GDT_Float32, coarse_ndvi, -9999.0),
    ):
        target = path.with_name("{}_{}_{}.tif".format(path.stem, name, size))
        out[name] = target
        if target.exists():
            continue
        raster = gdal.GetDriverByName("GTiff").Create(
            str(target), size, size, 1, dtype, options=["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER"]
        )
        raster.SetGeoTransform((extent[0], res_x, 0, extent[3], 0, -res_y))
        raster.SetProjection(srs_wkt)
        band = raster.GetRasterBand(1)
        band.SetNoDataValue(nodata)
        block = 1000
        for row in range(0, size, block):
            rows = np.arange(row, min(size, row + block)) // 50
            cols = np.arange(size) // 50
            data = coarse[rows[:, None], cols[None, :]]
            if name == "ndvi":
                data = data.copy()
                data[::97, ::89] = nodata
            band.WriteArray(data, 0, row)
        band.FlushCache()
        raster = None
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parcels", type=int, default=250000)
    parser.add_argument("--out", default=str(HERE / "cache"))
    args = parser.parse_args()
    start = time.time()
    path = make_county(args.parcels, args.out)
    rasters = make_rasters(path)
    print("{} {} ({:.1f} s)".format(path, " ".join(str(r) for r in rasters.values()), time.time() - start))


if __name__ == "__main__":
    sys.exit(main())
