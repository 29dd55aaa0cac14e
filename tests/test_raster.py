"""Bulk zonal counts against a hand-made raster."""

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import QgsGeometry

from landplan_plugin.core.raster import RasterError, non_overlapping_layers, parse_values, zonal_stats

X0, Y0 = 455000.0, 3092000.0


def make_raster(path, array, nodata=None, res=10.0, epsg=4547, dtype=gdal.GDT_Byte):
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, dtype)
    ds.SetGeoTransform((X0, res, 0, Y0 + rows * res, 0, -res))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None
    return str(path)


def square(x1, y1, x2, y2):
    return QgsGeometry.fromWkt(
        "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)
    )


def test_parse_values():
    assert parse_values("1") == [1]
    assert parse_values("2,3,5-7") == [2, 3, 5, 6, 7]
    assert parse_values(" 2 ， 3；4 ") == [2, 3, 4]
    with pytest.raises(RasterError):
        parse_values("a")
    with pytest.raises(RasterError):
        parse_values("")


def test_counts_with_overlap_and_nodata(tmp_path):
    # 10 × 10 pixels of 10 m; rows count from the top (north)
    array = np.zeros((10, 10), dtype=np.uint8)
    array[0:4, 0:5] = 2  # top-left 4 × 5 block: 20 pixels of class 2
    array[9, 9] = 255  # nodata at the bottom-right
    path = make_raster(tmp_path / "c.tif", array, nodata=255)
    whole = square(0, 0, 100, 100)  # 100 pixels, 1 nodata
    top_left = square(0, 50, 50, 100)  # rows 0-4, cols 0-4: 25 pixels, 20 of class 2
    overlapping = square(30, 60, 80, 100)  # rows 0-3, cols 3-7: 20 pixels, 8 of class 2
    count, hits, sums = zonal_stats(path, [whole, top_left, overlapping], [2, 3])
    assert list(count) == [99, 25, 20]
    assert list(hits) == [20, 20, 8]
    assert sums[1] == 40.0


def test_overlapping_polygons_go_to_separate_layers():
    a, b, c = square(0, 0, 50, 50), square(25, 25, 75, 75), square(50, 0, 100, 50)
    layers = non_overlapping_layers([a, b, c])
    assert layers[0] != layers[1] and layers[1] != layers[2]
    assert layers[0] == layers[2]  # a and c only touch


def test_polygons_outside_raster_get_zero(tmp_path):
    path = make_raster(tmp_path / "z.tif", np.ones((10, 10), dtype=np.uint8))
    count, hits, _ = zonal_stats(path, [square(1000, 1000, 1100, 1100)], [1])
    assert count[0] == 0 and hits[0] == 0


def test_tiles_give_same_counts(tmp_path):
    rng = np.random.RandomState(1)
    array = rng.randint(0, 4, size=(300, 300)).astype(np.uint8)
    path = make_raster(tmp_path / "t.tif", array)
    polys = [square(x, y, x + 700, y + 500) for x, y in ((0, 0), (1000, 1200), (350, 800), (2200, 2200))]
    big = zonal_stats(path, polys, [1, 3])
    small = zonal_stats(path, polys, [1, 3], tile=64)
    for a, b in zip(big, small):
        assert np.allclose(a, b)
    assert big[0][0] == 70 * 50
