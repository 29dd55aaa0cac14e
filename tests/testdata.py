"""Write small hand-made GeoPackages with OGR for the tests."""

from osgeo import ogr, osr
from qgis.core import QgsProcessingFeedback

OGR_TYPES = {
    "str": ogr.OFTString,
    "int": ogr.OFTInteger,
    "float": ogr.OFTReal,
    "date": ogr.OFTDate,
}
GEOM_TYPES = {
    "Polygon": ogr.wkbPolygon,
    "MultiPolygon": ogr.wkbMultiPolygon,
    "PolygonZ": ogr.wkbPolygon25D,
    "None": ogr.wkbNone,
    "Point": ogr.wkbPoint,
    "LineString": ogr.wkbLineString,
}


def write_gpkg(path, layers):
    """layers: {name: (geometry type, 'EPSG:n' or None, [(field, type)], rows)}

    rows are (wkt or None, {field: value}); a date is given as 'YYYY-MM-DD'.
    Returns the path as str.
    """
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    for name, (geom_type, crs, fields, rows) in layers.items():
        srs = None
        if crs:
            srs = osr.SpatialReference()
            srs.SetFromUserInput(crs)
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        layer = ds.CreateLayer(name, srs, GEOM_TYPES[geom_type], options=["FID=fid"])
        for field, ftype in fields:
            layer.CreateField(ogr.FieldDefn(field, OGR_TYPES[ftype]))
        for wkt, values in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for field, value in values.items():
                if value is None:
                    continue
                ftype = dict(fields)[field]
                if ftype == "date":
                    y, m, d = (int(v) for v in value.split("-"))
                    feature.SetField(field, y, m, d, 0, 0, 0, 0)
                else:
                    feature.SetField(field, value)
            if wkt:
                feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            layer.CreateFeature(feature)
    ds = None
    return str(path)


def square(x, y, size):
    return "POLYGON(({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))".format(x=x, y=y, x2=x + size, y2=y + size)


def rect(x1, y1, x2, y2):
    return "POLYGON(({x1} {y1}, {x2} {y1}, {x2} {y2}, {x1} {y2}, {x1} {y1}))".format(x1=x1, y1=y1, x2=x2, y2=y2)


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps the warnings and errors an algorithm reports, for assertions."""

    def __init__(self):
        super().__init__()
        self.warnings, self.errors = [], []

    def pushWarning(self, text):  # noqa: N802 (QGIS API name)
        self.warnings.append(text)
        super().pushWarning(text)

    def reportError(self, text, fatal=False):  # noqa: N802 (QGIS API name)
        self.errors.append(text)
        super().reportError(text, fatal)
