"""Bulk zonal counts and means with GDAL and numpy.

For each polygon: the number of valid pixels whose centre lies inside it
(GDAL's rasterisation rule, the same as QGIS's zonal statistics), how many
of them hold one of a set of class values, and the sum of the pixel values
(for means such as NDVI).  Nodata pixels are ignored.

Polygons may overlap (two parcels of one plot, a restoration project inside
another).  A single id raster would give an overlapped pixel to one polygon
only, so polygons are split into *layers* of mutually non-overlapping
polygons (greedy colouring on bounding-box candidates, exact GEOS test), and
each layer is rasterised separately: every polygon's pixels are counted in
full.

The raster is processed in tiles over the polygons' extent only, so a
10,000 × 10,000 raster never sits in memory at once; per tile, each layer is
burnt – only over the window its polygons reach – into an int32 id array
with ``gdal.RasterizeLayer`` and counted with ``numpy.bincount``; no
per-pixel Python.

Geometries must already be in the raster's CRS (the caller reprojects).
"""

import re

import numpy as np
from osgeo import gdal, ogr, osr
from qgis.core import QgsSpatialIndex, QgsRectangle

gdal.UseExceptions()

TILE = 1024


class RasterError(ValueError):
    pass


def parse_values(text):
    """'1' or '2,3,5-7' → sorted list of ints; raises RasterError."""
    values = set()
    for item in re.split(r"[,;，；\s]+", str(text or "").strip()):
        if not item:
            continue
        match = re.match(r"^(-?\d+)\s*-\s*(-?\d+)$", item)
        if match:
            low, high = int(match.group(1)), int(match.group(2))
            if high < low:
                raise RasterError("bad range {!r}".format(item))
            values.update(range(low, high + 1))
        elif re.match(r"^-?\d+$", item):
            values.add(int(item))
        else:
            raise RasterError("cannot read pixel value {!r}".format(item))
    if not values:
        raise RasterError("no pixel values given")
    return sorted(values)


def non_overlapping_layers(geometries):
    """Assign each geometry a layer so that no two in a layer overlap."""
    index = QgsSpatialIndex()
    boxes = []
    for i, geometry in enumerate(geometries):
        box = geometry.boundingBox() if geometry is not None and not geometry.isEmpty() else QgsRectangle()
        boxes.append(box)
        if not box.isEmpty():
            index.addFeature(i, box)
    layer_of = [0] * len(geometries)
    for i, geometry in enumerate(geometries):
        if boxes[i].isEmpty():
            continue
        used = set()
        for j in index.intersects(boxes[i]):
            if j >= i:
                continue
            other = geometries[j]
            if geometry.intersects(other) and not geometry.touches(other):
                used.add(layer_of[j])
        layer = 0
        while layer in used:
            layer += 1
        layer_of[i] = layer
    return layer_of


def _ogr_layers(geometries, layer_of, wkt_crs):
    driver = ogr.GetDriverByName("Memory")
    ds = driver.CreateDataSource("zones")
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt_crs)
    layers = []
    for n in range(max(layer_of) + 1 if layer_of else 0):
        layer = ds.CreateLayer("l{}".format(n), srs, ogr.wkbMultiPolygon)
        layer.CreateField(ogr.FieldDefn("zid", ogr.OFTInteger))
        layers.append(layer)
    for i, geometry in enumerate(geometries):
        if geometry is None or geometry.isEmpty():
            continue
        feature = ogr.Feature(layers[layer_of[i]].GetLayerDefn())
        feature.SetField(0, i + 1)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(geometry.asWkb())))
        layers[layer_of[i]].CreateFeature(feature)
    return ds, layers


def zonal_stats(raster_path, geometries, class_values=None, band=1, feedback=None, tile=TILE):
    """Return (count, hits, sums) numpy arrays, one entry per geometry.

    ``count``: valid pixels with centre inside; ``hits``: of those, pixels
    whose value is in ``class_values`` (zeros without it); ``sums``: sum of
    pixel values (float64).
    """
    n = len(geometries)
    count = np.zeros(n, dtype=np.int64)
    hits = np.zeros(n, dtype=np.int64)
    sums = np.zeros(n, dtype=np.float64)
    if n == 0:
        return count, hits, sums
    dataset = gdal.Open(str(raster_path))
    if dataset is None:
        raise RasterError("cannot open raster {}".format(raster_path))
    gt = dataset.GetGeoTransform()
    if gt[2] != 0 or gt[4] != 0:
        raise RasterError("rotated rasters are not supported; warp it north-up first")
    rb = dataset.GetRasterBand(band)
    nodata = rb.GetNoDataValue()
    width, height = dataset.RasterXSize, dataset.RasterYSize

    layer_of = non_overlapping_layers(geometries)
    mem_ds, layers = _ogr_layers(geometries, layer_of, dataset.GetProjection())

    # pixel window covering all polygons
    boxes = [g.boundingBox() for g in geometries if g is not None and not g.isEmpty()]
    if not boxes:
        return count, hits, sums
    xmin = min(b.xMinimum() for b in boxes)
    xmax = max(b.xMaximum() for b in boxes)
    ymin = min(b.yMinimum() for b in boxes)
    ymax = max(b.yMaximum() for b in boxes)
    col0 = max(0, int(np.floor((xmin - gt[0]) / gt[1])))
    col1 = min(width, int(np.ceil((xmax - gt[0]) / gt[1])))
    if gt[5] < 0:
        row0 = max(0, int(np.floor((ymax - gt[3]) / gt[5])))
        row1 = min(height, int(np.ceil((ymin - gt[3]) / gt[5])))
    else:
        row0 = max(0, int(np.floor((ymin - gt[3]) / gt[5])))
        row1 = min(height, int(np.ceil((ymax - gt[3]) / gt[5])))
    if col1 <= col0 or row1 <= row0:
        return count, hits, sums
    values = np.asarray(sorted(class_values), dtype=np.float64) if class_values else None
    mem_driver = gdal.GetDriverByName("MEM")
    projection = dataset.GetProjection()
    # pixel window of every polygon, grouped by layer: each layer is burnt
    # only over the part of a tile its polygons reach
    boxes = np.zeros((n, 4), dtype=np.int64)  # col0, col1, row0, row1
    for i, geometry in enumerate(geometries):
        if geometry is None or geometry.isEmpty():
            boxes[i] = (0, 0, 0, 0)
            continue
        b = geometry.boundingBox()
        c_a = int(np.floor((b.xMinimum() - gt[0]) / gt[1]))
        c_b = int(np.ceil((b.xMaximum() - gt[0]) / gt[1]))
        r_values = sorted(((b.yMaximum() - gt[3]) / gt[5], (b.yMinimum() - gt[3]) / gt[5]))
        boxes[i] = (c_a, c_b, int(np.floor(r_values[0])), int(np.ceil(r_values[1])))
    layer_members = [np.flatnonzero(np.asarray(layer_of) == k) for k in range(len(layers))]
    tiles = [(r, c) for r in range(row0, row1, tile) for c in range(col0, col1, tile)]
    for t, (r, c) in enumerate(tiles):
        if feedback is not None and feedback.isCanceled():
            break
        w = min(tile, col1 - c)
        h = min(tile, row1 - r)
        for layer, members in zip(layers, layer_members):
            mb = boxes[members]
            inside_tile = (mb[:, 1] > c) & (mb[:, 0] < c + w) & (mb[:, 3] > r) & (mb[:, 2] < r + h)
            if not inside_tile.any():
                continue
            sel_boxes = mb[inside_tile]
            wc0 = max(c, int(sel_boxes[:, 0].min()))
            wc1 = min(c + w, int(sel_boxes[:, 1].max()))
            wr0 = max(r, int(sel_boxes[:, 2].min()))
            wr1 = min(r + h, int(sel_boxes[:, 3].max()))
            ww, wh = wc1 - wc0, wr1 - wr0
            if ww <= 0 or wh <= 0:
                continue
            window_gt = (gt[0] + wc0 * gt[1], gt[1], 0.0, gt[3] + wr0 * gt[5], 0.0, gt[5])
            x_a, x_b = window_gt[0], window_gt[0] + ww * gt[1]
            y_a, y_b = sorted((window_gt[3], window_gt[3] + wh * gt[5]))
            layer.SetSpatialFilterRect(x_a, y_a, x_b, y_b)
            data = rb.ReadAsArray(wc0, wr0, ww, wh)
            valid = np.ones(data.shape, dtype=bool) if nodata is None else data != nodata
            if np.issubdtype(data.dtype, np.floating):
                valid &= ~np.isnan(data)
            target = mem_driver.Create("", ww, wh, 1, gdal.GDT_Int32)
            target.SetGeoTransform(window_gt)
            target.SetProjection(projection)
            gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=zid"])
            ids = target.GetRasterBand(1).ReadAsArray()
            target = None
            sel = (ids > 0) & valid
            zone = ids[sel] - 1
            count += np.bincount(zone, minlength=n)[:n]
            sums += np.bincount(zone, weights=data[sel].astype(np.float64), minlength=n)[:n]
            if values is not None:
                hit = sel & np.isin(data, values)
                hits += np.bincount(ids[hit] - 1, minlength=n)[:n]
        if feedback is not None:
            feedback.setProgress(int(100.0 * (t + 1) / len(tiles)))
    for layer in layers:
        layer.SetSpatialFilter(None)
    mem_ds = None  # noqa: F841 - release the OGR memory layers
    return count, hits, sums
