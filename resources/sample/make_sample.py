"""Deterministic generator of the sample county 样例县 (EPSG:4547).

    python3 resources/sample/make_sample.py [OUTPUT_DIR]

writes ``sample_county.gpkg`` and ``builtup.tif`` (default: beside this file).
Same seed, same data: tests and ``make demo`` rely on the figures.

The county is 6 km × 5 km about 45 km west of the 114°E central meridian
(so planar and ellipsoidal areas differ measurably), cut into a gap-free
tessellation of jittered 100 m cells with shared vertices (8 vertices each):

* ``DLTB`` – 三调 schema (BSM, TBBH, DLBM, DLMC, QSXZ, QSDWDM, QSDWMC, ZLDWDM,
  ZLDWMC, TBMJ, KCDLBM, KCXS, KCMJ, TBDLMJ, GDDB, GDPDJB, CZCSXM); 国有 town
  land, rivers and highways, 集体 elsewhere; 城镇村 codes 202/202A/203;
  TBMJ is the 国土 ellipsoidal area (vertices as given), KCXS by
  slope class, TBDLMJ = TBMJ − KCMJ; a town, a river, hills and paddy plains;
  suffixed codes (0201K, 1104A, 0810A, 05H1, 08H2, 09); three bow-tie
  (invalid) polygons and three two-part polygons.
* ``DLTB_2023`` – the 2023 变更调查 of the same county: most 图斑 unchanged,
  about 4 % changed class (farmland to orchard, forest and houses, orchard
  and forest back to farmland, village land reclaimed), a few split in two;
* ``XZQ`` – six villages (ZLDWDM 19 digits), ``YJJBNT`` – 永久基本农田 blocks,
  ``projects`` – 建设项目 (XMBH, XMMC, PZRQ 批准日期, XMLX 项目类型; one project in two features,
  two projects overlapping), ``supplement`` – 补充耕地项目, ``allocations`` –
  挂钩台账 (project → supplement), ``approved`` – 批准用地 batches, ``supply`` – 供地宗地
  with dates in mixed text forms, ``restoration`` – 修复项目.
* ``builtup.tif`` – 10 m classified raster: 1 built-up, 2 construction site,
  0 other; ``ndvi_2019.tif`` / ``ndvi_2023.tif`` – 10 m NDVI by land class,
  completed restoration sites greener in 2023, nodata in one corner.
"""

import os
import sys
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

EPSG = 4547
X0, Y0 = 452000.0, 3090000.0
CELL = 100.0
COLS, ROWS = 60, 50
SEED = 20241124
COUNTY_CODE = "360799"  # fictitious county code 样例县

VILLAGES = [
    ("001", "石桥村"),
    ("002", "杨柳村"),
    ("003", "新塘村"),
    ("004", "龙岗村"),
    ("005", "桃源村"),
    ("006", "白鹭村"),
]


def village_of(col, row):
    """Villages are a 3 × 2 grid of 20 × 25 cells."""
    index = (row // 25) * 3 + (col // 20)
    code, name = VILLAGES[index]
    return COUNTY_CODE + "101" + code + "0000000", name


STATE_OWNER = (COUNTY_CODE + "0" * 13, "样例县国有土地")


def in_town(col, row):
    """The 城镇村 范围 of the town: its cells and a fringe of two cells
    (farmland there is 城镇村范围内耕地)."""
    return col < 16 and row > 34


def ownership_of(col, row, code, zldwdm, zldwmc):
    """(QSXZ, QSDWDM, QSDWMC): town construction land, rivers and highways
    are 国有 (20 使用权, rivers 10 所有权); the rest is the village's 集体 land."""
    if code == "1101":
        return ("10",) + STATE_OWNER
    if code == "1003" or (col < 14 and row > 36 and not code.startswith(("01", "02", "03", "04", "11", "12"))):
        return ("20",) + STATE_OWNER
    return "30", zldwdm, zldwmc + "农民集体"


def town_attribute(col, row, code):
    """CZCSXM: 202 建制镇 in the town (202A for its independent industrial
    land), 203 村庄 for village land elsewhere, none in the countryside."""
    if in_town(col, row):
        return "202A" if code in ("0601", "0508") else "202"
    if code == "0702":
        return "203"
    return None


def _mk_srs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    return srs


def make_vertices(rng):
    """Shared jittered grid corners and edge midpoints (gap-free mesh)."""
    cx = X0 + np.arange(COLS + 1) * CELL
    cy = Y0 + np.arange(ROWS + 1) * CELL
    gx, gy = np.meshgrid(cx, cy)
    jitter = rng.uniform(-18, 18, size=(2,) + gx.shape)
    jitter[:, 0, :] = 0
    jitter[:, -1, :] = 0
    jitter[:, :, 0] = 0
    jitter[:, :, -1] = 0
    corners = np.stack([gx + jitter[0], gy + jitter[1]])
    # midpoints of horizontal edges (row r, between col c and c+1) and vertical edges
    hmid = (corners[:, :, :-1] + corners[:, :, 1:]) / 2.0
    hmid[1, 1:-1, :] += rng.uniform(-8, 8, size=hmid[1, 1:-1, :].shape)
    vmid = (corners[:, :-1, :] + corners[:, 1:, :]) / 2.0
    vmid[0, :, 1:-1] += rng.uniform(-8, 8, size=vmid[0, :, 1:-1].shape)
    return corners, hmid, vmid


def cell_ring(corners, hmid, vmid, c, r):
    p = lambda arr, i, j: (float(arr[0, i, j]), float(arr[1, i, j]))  # noqa: E731
    ring = [
        p(corners, r, c),
        p(hmid, r, c),
        p(corners, r, c + 1),
        p(vmid, r, c + 1),
        p(corners, r + 1, c + 1),
        p(hmid, r + 1, c),
        p(corners, r + 1, c),
        p(vmid, r, c),
    ]
    return ring + [ring[0]]


def ring_wkt(ring):
    return "(" + ", ".join("{:.3f} {:.3f}".format(x, y) for x, y in ring) + ")"


def choose_class(col, row, rng):
    # river: a band following a gentle curve
    river_y = 18 + 0.25 * col + 3 * np.sin(col / 7.0)
    d_river = abs(row - river_y)
    if d_river < 0.8:
        return "1101"
    if d_river < 1.6:
        return rng.choice(["1106", "0101", "1107", "0404"], p=[0.4, 0.3, 0.15, 0.15])
    if col < 14 and row > 36:  # town
        return rng.choice(
            ["0701", "05H1", "1004", "0601", "08H2", "0810", "0810A", "08H1", "0508", "1201", "09"],
            p=[0.34, 0.14, 0.12, 0.1, 0.07, 0.05, 0.03, 0.04, 0.04, 0.04, 0.03],
        )
    if row < 11:  # hills in the south
        return rng.choice(
            ["0301", "0305", "0307", "0302", "0201", "0201K", "0403", "0404", "0602", "0103", "1207"],
            p=[0.34, 0.1, 0.08, 0.08, 0.08, 0.04, 0.05, 0.07, 0.03, 0.1, 0.03],
        )
    return rng.choice(
        ["0101", "0102", "0103", "1104", "1104A", "1006", "1107", "0202", "0702", "1202", "0301", "1003", "1203"],
        p=[0.46, 0.05, 0.15, 0.04, 0.02, 0.04, 0.03, 0.03, 0.08, 0.02, 0.05, 0.02, 0.01],
    )


def main(out_dir=None):
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsGeometry

    app = QgsApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QgsApplication([], False)
        app.initQgis()
    from landplan_plugin.core import landclass
    from landplan_plugin.core.area import EllipsoidalArea

    out_dir = Path(out_dir or HERE)
    out_dir.mkdir(parents=True, exist_ok=True)
    gpkg_path = out_dir / "sample_county.gpkg"
    if gpkg_path.exists():
        gpkg_path.unlink()
    rng = np.random.RandomState(SEED)
    srs = _mk_srs()
    # TBMJ as the national software stored it: vertices as given, no densification
    area_calc = EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:{}".format(EPSG)), densify_m=None)
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(str(gpkg_path))

    def new_layer(name, geom_type, fields):
        layer = ds.CreateLayer(name, srs, geom_type, options=["SPATIAL_INDEX=YES", "FID=fid"])
        for fname, ftype, width in fields:
            defn = ogr.FieldDefn(fname, ftype)
            if width:
                defn.SetWidth(width)
            layer.CreateField(defn)
        return layer

    ds.StartTransaction()
    # ---- DLTB ------------------------------------------------------------
    corners, hmid, vmid = make_vertices(rng)
    classes = {}
    for r in range(ROWS):
        for c in range(COLS):
            classes[(c, r)] = str(choose_class(c, r, rng))
    # two-part 图斑: the second cell joins the first and vanishes as a feature
    multipart_pairs = [((30, 30), (32, 30)), ((40, 44), (40, 46)), ((50, 20), (52, 21))]
    for first, second in multipart_pairs:
        classes[second] = classes[first]
    absorbed = {second: first for first, second in multipart_pairs}
    bowties = {(25, 40), (45, 15), (5, 30)}

    dltb = new_layer(
        "DLTB",
        ogr.wkbMultiPolygon,
        [
            ("BSM", ogr.OFTString, 18),
            ("TBBH", ogr.OFTString, 8),
            ("DLBM", ogr.OFTString, 5),
            ("DLMC", ogr.OFTString, 60),
            ("QSXZ", ogr.OFTString, 2),
            ("QSDWDM", ogr.OFTString, 19),
            ("QSDWMC", ogr.OFTString, 255),
            ("ZLDWDM", ogr.OFTString, 19),
            ("ZLDWMC", ogr.OFTString, 254),
            ("TBMJ", ogr.OFTReal, 0),
            ("KCDLBM", ogr.OFTString, 5),
            ("KCXS", ogr.OFTReal, 0),
            ("KCMJ", ogr.OFTReal, 0),
            ("TBDLMJ", ogr.OFTReal, 0),
            ("GDDB", ogr.OFTInteger, 0),
            ("GDPDJB", ogr.OFTString, 2),
            ("CZCSXM", ogr.OFTString, 4),
            ("SJNF", ogr.OFTInteger, 0),
        ],
    )
    seq = 0
    slope_kcxs = {"1": 0.0, "2": 0.045, "3": 0.098, "4": 0.152, "5": 0.21}
    for r in range(ROWS):
        for c in range(COLS):
            if (c, r) in absorbed:
                continue
            seq += 1
            code = classes[(c, r)]
            ring = cell_ring(corners, hmid, vmid, c, r)
            if (c, r) in bowties:
                # self-intersecting bow-tie through the edge midpoints: its
                # repaired triangles stay inside the cell (no overlaps)
                ring = [ring[1], ring[5], ring[3], ring[7], ring[1]]
            parts = [ring]
            for first, second in multipart_pairs:
                if first == (c, r):
                    parts.append(cell_ring(corners, hmid, vmid, *second))
            wkt = "MULTIPOLYGON(" + ", ".join("(" + ring_wkt(p) + ")" for p in parts) + ")"
            geom = QgsGeometry.fromWkt(wkt)
            tbmj = round(area_calc.area(geom), 2)
            cls = landclass.lookup(code)
            zldwdm, zldwmc = village_of(c, r)
            feature = ogr.Feature(dltb.GetLayerDefn())
            feature.SetField("BSM", "{}00{:010d}".format(COUNTY_CODE, seq))
            feature.SetField("TBBH", str(seq))
            feature.SetField("DLBM", code)
            feature.SetField("DLMC", cls.name)
            qsxz, qsdwdm, qsdwmc = ownership_of(c, r, code, zldwdm, zldwmc)
            feature.SetField("QSXZ", qsxz)
            feature.SetField("QSDWDM", qsdwdm)
            feature.SetField("QSDWMC", qsdwmc)
            czcsxm = town_attribute(c, r, code)
            if czcsxm:
                feature.SetField("CZCSXM", czcsxm)
            feature.SetField("ZLDWDM", zldwdm)
            feature.SetField("ZLDWMC", zldwmc)
            feature.SetField("TBMJ", tbmj)
            feature.SetField("SJNF", 2019)
            if cls.is_farmland:
                slope = "1" if r > 30 else str(rng.choice(["1", "2", "3", "4", "5"], p=[0.3, 0.35, 0.2, 0.1, 0.05]))
                kcxs = slope_kcxs[slope]
                kcmj = round(tbmj * kcxs, 2)
                feature.SetField("GDPDJB", slope)
                feature.SetField("KCXS", kcxs)
                feature.SetField("KCMJ", kcmj)
                feature.SetField("TBDLMJ", round(tbmj - kcmj, 2))
                if kcxs > 0:
                    feature.SetField("KCDLBM", "1203")
                feature.SetField("GDDB", int(rng.choice([5, 6, 7, 8, 9, 10, 11])))
            else:
                feature.SetField("KCXS", 0.0)
                feature.SetField("KCMJ", 0.0)
                feature.SetField("TBDLMJ", tbmj)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            dltb.CreateFeature(feature)

    # ---- DLTB_2023: the 2023 变更调查 -------------------------------------
    # same 图斑 for most; about 4 % change class (farmland to orchard/forest/
    # houses, orchard/forest back to farmland, village land reclaimed), and a
    # few farmland 图斑 are split in two with one half changed.
    change_rng = np.random.RandomState(SEED + 2023)
    dltb_2023 = ds.CreateLayer("DLTB_2023", srs, ogr.wkbMultiPolygon, options=["SPATIAL_INDEX=YES", "FID=fid"])
    defn = dltb.GetLayerDefn()
    for i in range(defn.GetFieldCount()):
        dltb_2023.CreateField(defn.GetFieldDefn(i))
    outflow = {"0101": "0201", "0102": "0301", "0103": "0301"}
    dltb.ResetReading()
    for feature in dltb:
        code = feature.GetField("DLBM")
        roll = change_rng.uniform()
        new_code = code
        split = False
        if code in outflow and roll < 0.02:
            new_code = outflow[code]
        elif code in outflow and roll < 0.035:
            new_code = "0702" if roll < 0.03 else "0601"
        elif code in outflow and roll < 0.045:
            split = True
        elif code in ("0201", "0301", "0307", "0404") and roll < 0.08:
            new_code = "0103"
        elif code == "0702" and roll < 0.06:
            new_code = "0103"
        geometry = feature.GetGeometryRef().Clone()
        pieces = [(geometry, new_code)]
        if split and geometry.IsValid():
            env = geometry.GetEnvelope()
            mid = (env[0] + env[1]) / 2
            west = ogr.CreateGeometryFromWkt(
                "POLYGON(({0} {2}, {1} {2}, {1} {3}, {0} {3}, {0} {2}))".format(env[0] - 1, mid, env[2] - 1, env[3] + 1)
            )
            pieces = [(geometry.Intersection(west), code), (geometry.Difference(west), "0702")]
        for part, part_code in pieces:
            out = ogr.Feature(dltb_2023.GetLayerDefn())
            out.SetFrom(feature)
            qpart = QgsGeometry.fromWkt(part.ExportToWkt())
            tbmj = round(area_calc.area(qpart), 2) if (split or part_code != code) else feature.GetField("TBMJ")
            part_cls = landclass.lookup(part_code)
            out.SetField("DLBM", part_code)
            out.SetField("DLMC", part_cls.name)
            out.SetField("SJNF", 2023)
            out.SetField("TBMJ", tbmj)
            if part_cls.is_farmland:
                kcxs = feature.GetField("KCXS") or 0.0
                if not landclass.is_farmland(code):
                    kcxs = 0.045
                    out.SetField("GDDB", 9)
                    out.SetField("GDPDJB", "2")
                    out.SetField("KCDLBM", "1203")
                out.SetField("KCXS", kcxs)
                out.SetField("KCMJ", round(tbmj * kcxs, 2))
                out.SetField("TBDLMJ", round(tbmj - round(tbmj * kcxs, 2), 2))
            else:
                for name in ("KCDLBM", "GDDB", "GDPDJB"):
                    out.SetFieldNull(name)
                out.SetField("KCXS", 0.0)
                out.SetField("KCMJ", 0.0)
                out.SetField("TBDLMJ", tbmj)
            geometry_out = ogr.ForceToMultiPolygon(part)
            out.SetGeometry(geometry_out)
            dltb_2023.CreateFeature(out)

    # ---- XZQ (villages) -------------------------------------------------
    xzq = new_layer(
        "XZQ",
        ogr.wkbMultiPolygon,
        [("XZQDM", ogr.OFTString, 12), ("XZQMC", ogr.OFTString, 100), ("ZLDWDM", ogr.OFTString, 19)],
    )
    for index, (code, name) in enumerate(VILLAGES):
        vc, vr = (index % 3) * 20, (index // 3) * 25
        ring = []
        for c in range(vc, vc + 20):
            ring.append((corners[0, vr, c], corners[1, vr, c]))
        for r in range(vr, vr + 25):
            ring.append((corners[0, r, vc + 20], corners[1, r, vc + 20]))
        for c in range(vc + 20, vc, -1):
            ring.append((corners[0, vr + 25, c], corners[1, vr + 25, c]))
        for r in range(vr + 25, vr, -1):
            ring.append((corners[0, r, vc], corners[1, r, vc]))
        ring.append(ring[0])
        feature = ogr.Feature(xzq.GetLayerDefn())
        zldwdm = COUNTY_CODE + "101" + code + "0000000"
        feature.SetField("XZQDM", zldwdm[:12])
        feature.SetField("XZQMC", name)
        feature.SetField("ZLDWDM", zldwdm)
        feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON((" + ring_wkt(ring) + "))"))
        xzq.CreateFeature(feature)

    # ---- YJJBNT -----------------------------------------------------------
    yjjbnt = new_layer(
        "YJJBNT",
        ogr.wkbMultiPolygon,
        [("BSM", ogr.OFTString, 18), ("JBNTTBBH", ogr.OFTString, 20), ("ZLDWDM", ogr.OFTString, 19)],
    )
    blocks = [
        (453850, 3092050, 455420, 3093180),
        (455600, 3093300, 457700, 3094400),
        (456100, 3091450, 457300, 3092300),
        (452300, 3092000, 453300, 3093100),
    ]
    for index, (x1, y1, x2, y2) in enumerate(blocks):
        ring = [(x1, y1), (x2, y1 + 40), (x2 - 30, y2), (x1 + 25, y2 - 20), (x1, y1)]
        feature = ogr.Feature(yjjbnt.GetLayerDefn())
        feature.SetField("BSM", "{}JB{:010d}".format(COUNTY_CODE, index + 1))
        feature.SetField("JBNTTBBH", "JB{:03d}".format(index + 1))
        feature.SetField("ZLDWDM", village_of(int((x1 - X0) // CELL), int((y1 - Y0) // CELL))[0])
        feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON((" + ring_wkt(ring) + "))"))
        yjjbnt.CreateFeature(feature)

    # ---- projects (建设项目) -------------------------------------------
    projects = new_layer(
        "projects",
        ogr.wkbMultiPolygon,
        [
            ("XMBH", ogr.OFTString, 30),
            ("XMMC", ogr.OFTString, 100),
            ("YDDW", ogr.OFTString, 100),
            ("PZRQ", ogr.OFTDate, 0),
            ("SBMJ", ogr.OFTReal, 0),
            ("XMLX", ogr.OFTString, 30),
        ],
    )
    project_rows = [
        ("JS2024-001", "城东工业园扩区项目", "样例县工业园管委会", "2024-03-15", (455000, 3092500, 455800, 3093100)),
        ("JS2024-002", "县道X012改扩建工程", "样例县交通运输局", "2024-05-20", (452200, 3091980, 457900, 3092040)),
        ("JS2024-002", "县道X012改扩建工程", "样例县交通运输局", "2024-05-20", (457860, 3092040, 457920, 3093500)),
        ("JS2024-003", "杨柳村安置小区", "样例县人民政府", "2024-07-01", (456300, 3093400, 456900, 3093900)),
        ("JS2024-004", "新塘物流中心", "样例县物流有限公司", "2024-08-12", (457100, 3090600, 457700, 3091300)),
        ("JS2024-005", "石桥光伏电站配套", "样例县新能源公司", "2024-09-30", (452600, 3090300, 453500, 3090900)),
        ("JS2024-006", "城区学校扩建", "样例县教育局", "2024-10-10", (452500, 3094100, 453000, 3094500)),
        ("JS2024-007", "桃源冷链仓储", "样例县农投公司", "2024-11-05", (455600, 3092900, 456200, 3093500)),
    ]
    project_types = {
        "JS2024-001": "工业",
        "JS2024-002": "交通",
        "JS2024-003": "住宅（安置小区）",
        "JS2024-004": "仓储物流",
        "JS2024-005": "能源",
        "JS2024-006": "教育",
        "JS2024-007": "仓储物流",
    }
    for xmbh, xmmc, yddw, pzrq, (x1, y1, x2, y2) in project_rows:
        ring = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
        feature = ogr.Feature(projects.GetLayerDefn())
        feature.SetField("XMBH", xmbh)
        feature.SetField("XMMC", xmmc)
        feature.SetField("YDDW", yddw)
        year, month, day = (int(v) for v in pzrq.split("-"))
        feature.SetField("PZRQ", year, month, day, 0, 0, 0, 0)
        feature.SetField("SBMJ", round((x2 - x1) * (y2 - y1), 2))
        feature.SetField("XMLX", project_types[xmbh])
        feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON((" + ring_wkt(ring) + "))"))
        projects.CreateFeature(feature)

    # ---- supplement (补充耕地项目) ---------------------------------------
    supplement = new_layer(
        "supplement",
        ogr.wkbMultiPolygon,
        [
            ("supplement_id", ogr.OFTString, 30),
            ("XMMC", ogr.OFTString, 100),
            ("XMLX", ogr.OFTString, 30),
            ("farmland_m2", ogr.OFTReal, 0),
            ("paddy_m2", ogr.OFTReal, 0),
            ("grade", ogr.OFTReal, 0),
            ("capacity_kg", ogr.OFTReal, 0),
            ("accepted", ogr.OFTDate, 0),
        ],
    )
    supplement_rows = [
        (
            "BC2023-01",
            "龙岗村土地开发项目",
            "土地开发",
            450000.0,
            300000.0,
            7.0,
            460000.0,
            "2023-12-20",
            (452300, 3090100, 452900, 3090500),
        ),
        (
            "BC2023-02",
            "白鹭村旱改水项目",
            "旱改水",
            160000.0,
            160000.0,
            8.0,
            110000.0,
            "2024-04-30",
            (456200, 3094500, 456700, 3094900),
        ),
        (
            "BC2024-01",
            "桃源村土地复垦项目",
            "土地复垦",
            300000.0,
            120000.0,
            9.0,
            190000.0,
            "2024-10-15",
            (454300, 3094400, 454800, 3094900),
        ),
        (
            "BC2024-02",
            "新塘村高标准农田提质",
            "提质改造",
            250000.0,
            250000.0,
            6.0,
            200000.0,
            "2024-12-01",
            (457300, 3091600, 457800, 3091900),
        ),
    ]
    for sid, name, kind, farm, paddy, grade, cap, accepted, (x1, y1, x2, y2) in supplement_rows:
        ring = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
        feature = ogr.Feature(supplement.GetLayerDefn())
        for fname, value in (
            ("supplement_id", sid),
            ("XMMC", name),
            ("XMLX", kind),
            ("farmland_m2", farm),
            ("paddy_m2", paddy),
            ("grade", grade),
            ("capacity_kg", cap),
        ):
            feature.SetField(fname, value)
        year, month, day = (int(v) for v in accepted.split("-"))
        feature.SetField("accepted", year, month, day, 0, 0, 0, 0)
        feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON((" + ring_wkt(ring) + "))"))
        supplement.CreateFeature(feature)

    # ---- allocations (挂钩台账: which supplement backs which project) -----
    allocations = ds.CreateLayer("allocations", None, ogr.wkbNone, options=["FID=fid"])
    for fname, ftype in (
        ("project_id", ogr.OFTString),
        ("supplement_id", ogr.OFTString),
        ("farmland_m2", ogr.OFTReal),
        ("paddy_m2", ogr.OFTReal),
        ("capacity_kg", ogr.OFTReal),
    ):
        allocations.CreateField(ogr.FieldDefn(fname, ftype))
    for row in (
        ("JS2024-001", "BC2023-01", 250000.0, 195000.0, 240000.0),
        ("JS2024-003", "BC2023-02", 150000.0, 101000.0, 110000.0),
        ("JS2024-007", "BC2023-01", 200000.0, 105000.0, 220000.0),
        ("JS2024-007", "BC2024-02", 20000.0, 82100.0, 10000.0),
    ):
        feature = ogr.Feature(allocations.GetLayerDefn())
        for fname, value in zip(("project_id", "supplement_id", "farmland_m2", "paddy_m2", "capacity_kg"), row):
            feature.SetField(fname, value)
        allocations.CreateFeature(feature)

    # ---- supply (供地宗地) -------------------------------------------------
    supply = new_layer(
        "supply",
        ogr.wkbMultiPolygon,
        [
            ("ZDBH", ogr.OFTString, 30),
            ("SRDW", ogr.OFTString, 100),
            ("GDFS", ogr.OFTString, 10),
            ("HTBH", ogr.OFTString, 40),
            ("YDDGRQ", ogr.OFTString, 20),  # 约定动工日期 as typed, mixed forms
            ("JDRQ", ogr.OFTString, 20),  # 交地日期
            ("SJDGRQ", ogr.OFTString, 20),  # 实际动工日期
            ("ZZRQ", ogr.OFTString, 20),  # 中止开发建设日期
            ("KFMJ", ogr.OFTReal, 0),  # 已开发建设面积 m²
            ("YTZE", ogr.OFTReal, 0),  # 已投资额 (万元, excl. land price)
            ("ZTZE", ogr.OFTReal, 0),  # 总投资额 (万元)
            ("CRJK", ogr.OFTReal, 0),  # 出让价款 (万元)
            ("ZFYY", ogr.OFTString, 100),  # 政府原因
        ],
    )
    supply_rows = [
        (
            "GD2019-01",
            "样例纺织有限公司",
            "出让",
            "2020-03-01",
            "",
            "",
            "",
            None,
            None,
            8000.0,
            1200.0,
            "",
            (452300, 3093500, 452600, 3093800),
        ),
        (
            "GD2020-02",
            "样例食品有限公司",
            "出让",
            "2021/6/30",
            "",
            "",
            "",
            None,
            None,
            5000.0,
            800.0,
            "",
            (452700, 3093500, 453000, 3093750),
        ),
        (
            "GD2021-03",
            "样例建材有限公司",
            "出让",
            "2022年9月1日",
            "",
            "",
            "",
            None,
            None,
            6000.0,
            900.0,
            "",
            (453100, 3093500, 453350, 3093800),
        ),
        (
            "GD2022-04",
            "样例物流有限公司",
            "出让",
            "20230801",
            "",
            "",
            "",
            None,
            None,
            9000.0,
            1500.0,
            "",
            (453400, 3093500, 453700, 3093780),
        ),
        (
            "GD2022-05",
            "样例电子有限公司",
            "出让",
            "2023-12-31",
            "",
            "2024-01-10",
            "",
            9000.0,
            6000.0,
            12000.0,
            2000.0,
            "",
            (453800, 3093500, 454100, 3093800),
        ),
        (
            "GD2020-06",
            "样例机械有限公司",
            "出让",
            "2021-04-01",
            "",
            "2021-03-20",
            "2022-05-01",
            1500.0,
            700.0,
            10000.0,
            1300.0,
            "",
            (454200, 3093500, 454500, 3093800),
        ),
        (
            "GD2021-07",
            "样例置业有限公司",
            "出让",
            "",
            "2021-10-15",
            "",
            "",
            None,
            None,
            20000.0,
            5000.0,
            "",
            (454600, 3093500, 454900, 3093800),
        ),
        (
            "GD2020-08",
            "样例医药有限公司",
            "出让",
            "2021-05-01",
            "",
            "",
            "",
            None,
            None,
            7000.0,
            1100.0,
            "规划调整（第八条第二项）",
            (452300, 3093900, 452600, 3094100),
        ),
        (
            "GD2022-09",
            "样例包装有限公司",
            "划拨",
            "2024-02-29",
            "",
            "",
            "",
            None,
            None,
            3000.0,
            400.0,
            "",
            (452700, 3093880, 453000, 3094100),
        ),
        (
            "GD2023-10",
            "样例科技有限公司",
            "出让",
            "二〇二四年",
            "",
            "",
            "",
            None,
            None,
            5000.0,
            700.0,
            "",
            (453100, 3093880, 453400, 3094100),
        ),
    ]
    for row in supply_rows:
        (zdbh, srdw, gdfs, agreed, delivery, started, suspended, kfmj, ytze, ztze, crjk, zfyy, bbox) = row
        x1, y1, x2, y2 = bbox
        ring = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
        feature = ogr.Feature(supply.GetLayerDefn())
        for fname, value in (
            ("ZDBH", zdbh),
            ("SRDW", srdw),
            ("GDFS", gdfs),
            ("HTBH", "样县出让〔{}〕{}号".format(zdbh[2:6], zdbh[-2:])),
            ("YDDGRQ", agreed),
            ("JDRQ", delivery),
            ("SJDGRQ", started),
            ("ZZRQ", suspended),
            ("ZTZE", ztze),
            ("CRJK", crjk),
            ("ZFYY", zfyy),
        ):
            if value not in ("", None):
                feature.SetField(fname, value)
        if kfmj is not None:
            feature.SetField("KFMJ", kfmj)
        if ytze is not None:
            feature.SetField("YTZE", ytze)
        feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON((" + ring_wkt(ring) + "))"))
        supply.CreateFeature(feature)

    # ---- approved (批准用地, by batch) ------------------------------------
    approved = new_layer(
        "approved",
        ogr.wkbMultiPolygon,
        [("PCBH", ogr.OFTString, 40), ("PCMC", ogr.OFTString, 100), ("PZRQ", ogr.OFTDate, 0)],
    )
    for pcbh, pcmc, pzrq, (x1, y1, x2, y2) in (
        ("样批〔2019〕1号", "2019年度第一批次城镇建设用地", "2019-08-20", (452250, 3093450, 455000, 3093850)),
        ("样批〔2020〕3号", "2020年度第三批次城镇建设用地", "2020-11-02", (452250, 3093850, 453500, 3094150)),
        ("样批〔2023〕2号", "2023年度第二批次城镇建设用地", "2023-05-16", (457000, 3094200, 457800, 3094800)),
    ):
        ring = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
        feature = ogr.Feature(approved.GetLayerDefn())
        feature.SetField("PCBH", pcbh)
        feature.SetField("PCMC", pcmc)
        year, month, day = (int(v) for v in pzrq.split("-"))
        feature.SetField("PZRQ", year, month, day, 0, 0, 0, 0)
        feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON((" + ring_wkt(ring) + "))"))
        approved.CreateFeature(feature)

    # ---- restoration (修复项目) -------------------------------------------
    restoration = new_layer(
        "restoration",
        ogr.wkbMultiPolygon,
        [
            ("XMMC", ogr.OFTString, 100),
            ("XFLX", ogr.OFTString, 30),
            ("ND", ogr.OFTInteger, 0),
            ("ZT", ogr.OFTString, 10),
            ("XFFX", ogr.OFTString, 20),
            ("TZ", ogr.OFTReal, 0),
        ],
    )
    restoration_rows = [
        (
            "石桥废弃采石场修复",
            "历史遗留矿山生态修复",
            2021,
            "已完成",
            "林地",
            320.0,
            (452400, 3090050, 453000, 3090600),
        ),
        ("石桥采坑复绿二期", "历史遗留矿山生态修复", 2022, "已完成", "林地", 180.0, (452800, 3090300, 453300, 3090800)),
        ("龙岗砖厂复垦", "土地复垦", 2022, "已完成", "耕地", 95.0, (455000, 3090200, 455400, 3090500)),
        ("新塘全域整治试点", "全域土地综合整治", 2023, "在建", "0103", 1200.0, (456000, 3090900, 457500, 3091900)),
        ("桃源水土流失治理", "水土流失治理", 2023, "已完成", "草地", 60.0, (454200, 3090100, 454900, 3090700)),
        ("白鹭湿地修复", "生态修复", 2024, "规划", "湿地", 400.0, (456500, 3092700, 457300, 3093300)),
        ("杨柳村宅基地复垦", "土地复垦", None, "已完成", "耕地", 40.0, (455900, 3094300, 456200, 3094600)),
    ]
    for name, kind, year, status, direction, invest, (x1, y1, x2, y2) in restoration_rows:
        ring = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
        feature = ogr.Feature(restoration.GetLayerDefn())
        feature.SetField("XMMC", name)
        feature.SetField("XFLX", kind)
        if year is not None:
            feature.SetField("ND", year)
        feature.SetField("ZT", status)
        feature.SetField("XFFX", direction)
        feature.SetField("TZ", invest)
        feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON((" + ring_wkt(ring) + "))"))
        restoration.CreateFeature(feature)
    ds.CommitTransaction()

    # ---- built-up raster ------------------------------------------------
    tif_path = out_dir / "builtup.tif"
    res = 10.0
    width, height = int(COLS * CELL / res), int(ROWS * CELL / res)
    raster = gdal.GetDriverByName("GTiff").Create(
        str(tif_path), width, height, 1, gdal.GDT_Byte, options=["COMPRESS=DEFLATE", "TILED=YES"]
    )
    raster.SetGeoTransform((X0, res, 0, Y0 + ROWS * CELL, 0, -res))
    raster.SetProjection(srs.ExportToWkt())
    band = raster.GetRasterBand(1)
    band.Fill(0)
    band.SetNoDataValue(255)
    built_codes = ",".join(
        "'{}'".format(code) for code in ("0701", "05H1", "1004", "0601", "08H2", "08H1", "0508", "0702", "09", "0602")
    )
    dltb.SetAttributeFilter("DLBM IN ({})".format(built_codes))
    gdal.RasterizeLayer(raster, [1], dltb, burn_values=[1])
    dltb.SetAttributeFilter(None)
    # construction visible on some supply parcels: started ones and one "not started" (contradiction)
    for zdbh, value in (("GD2022-05", 2), ("GD2020-06", 2), ("GD2020-02", 2)):
        supply.SetAttributeFilter("ZDBH = '{}'".format(zdbh))
        gdal.RasterizeLayer(raster, [1], supply, burn_values=[value])
    supply.SetAttributeFilter(None)
    band.FlushCache()
    raster = None

    # ---- NDVI of 2019 and 2023 (10 m): by land class, restoration sites greener in 2023
    ndvi_by_group = {"耕地": 0.45, "种植园用地": 0.55, "林地": 0.75, "草地": 0.5, "湿地": 0.35}
    for year, layer_name in ((2019, "DLTB"), (2023, "DLTB_2023")):
        path = out_dir / "ndvi_{}.tif".format(year)
        ndvi = gdal.GetDriverByName("GTiff").Create(
            str(path), width, height, 1, gdal.GDT_Float32, options=["COMPRESS=DEFLATE", "TILED=YES"]
        )
        ndvi.SetGeoTransform((X0, res, 0, Y0 + ROWS * CELL, 0, -res))
        ndvi.SetProjection(srs.ExportToWkt())
        nb = ndvi.GetRasterBand(1)
        nb.SetNoDataValue(-9999)
        nb.Fill(0.15)
        source_layer = ds.GetLayerByName(layer_name)
        for group, value in ndvi_by_group.items():
            codes = [c for c, cls in landclass.classification().items() if cls.group_name == group and not cls.suffix]
            source_layer.SetAttributeFilter("DLBM IN ({})".format(",".join("'{}'".format(c) for c in codes)))
            gdal.RasterizeLayer(ndvi, [1], source_layer, burn_values=[value])
        source_layer.SetAttributeFilter(None)
        if year == 2023:
            restoration.SetAttributeFilter("ZT = '已完成'")
            gdal.RasterizeLayer(ndvi, [1], restoration, burn_values=[0.68])
            restoration.SetAttributeFilter(None)
        data = nb.ReadAsArray()
        data[0:3, 0:3] = -9999  # a corner without data
        nb.WriteArray(data)
        nb.FlushCache()
        ndvi = None
    ds = None
    return gpkg_path, tif_path


if __name__ == "__main__":
    paths = main(sys.argv[1] if len(sys.argv) > 1 else None)
    print("wrote", *paths)
