"""CGCS2000 Gauss–Krüger recognition and the CRS rules the algorithms share.

EPSG ranges (standards.md §3.5):

* 4491–4501: 6° zones 13–23, zone number prefixed to the false easting;
* 4502–4512: 6° zones, central meridian 75°E…135°E, no prefix;
* 4513–4533: 3° zones 25–45, prefixed (CM = 3 × zone);
* 4534–4554: 3° zones, CM 75°E…135°E, no prefix;
* 4490: CGCS2000 geographic.

A CRS given as a PROJ string (tmerc on GRS80/CGCS2000, k = 1) is recognised
by its parameters too, since many county files carry a custom CRS.
"""

import re

from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException

from .i18n import tr

CGCS2000_GEOGRAPHIC = 4490


def epsg_code(crs):
    authid = crs.authid() if crs is not None else ""
    match = re.match(r"EPSG:(\d+)$", authid or "")
    return int(match.group(1)) if match else None


def gauss_kruger_info(crs):
    """Describe a CGCS2000 Gauss–Krüger CRS, or None if it is not one.

    Returns a dict with ``zone_width`` (3 or 6), ``central_meridian`` (°E),
    ``zone`` (zone number) and ``prefixed`` (zone number in the easting).
    """
    if crs is None or not crs.isValid():
        return None
    code = epsg_code(crs)
    if code is not None:
        if 4491 <= code <= 4501:
            zone = code - 4478
            return _info(6, 6 * zone - 3, zone, True, code)
        if 4502 <= code <= 4512:
            zone = code - 4489
            return _info(6, 6 * zone - 3, zone, False, code)
        if 4513 <= code <= 4533:
            zone = code - 4488
            return _info(3, 3 * zone, zone, True, code)
        if 4534 <= code <= 4554:
            cm = 75 + 3 * (code - 4534)
            return _info(3, cm, cm // 3, False, code)
    return _info_from_proj(crs)


def _info(width, cm, zone, prefixed, code):
    return {
        "zone_width": width,
        "central_meridian": cm,
        "zone": zone,
        "prefixed": prefixed,
        "epsg": code,
    }


def _info_from_proj(crs):
    proj = crs.toProj() or ""
    if "+proj=tmerc" not in proj:
        return None
    if "GRS80" not in proj and "+ellps=" in proj:
        return None
    if "+datum=" in proj or "towgs84" in proj:
        return None
    params = dict(re.findall(r"\+(\w+)=([^\s]+)", proj))
    try:
        cm = float(params.get("lon_0", "nan"))
        k = float(params.get("k", params.get("k_0", "1")))
        x0 = float(params.get("x_0", "0"))
    except ValueError:
        return None
    if abs(k - 1.0) > 1e-9 or cm != cm:
        return None
    prefixed = x0 >= 1000000
    zone = int(round(x0 // 1000000)) if prefixed else None
    width = 3 if cm % 3 == 0 and (zone is None or zone * 3 == cm) else 6
    if zone is None:
        zone = int(cm // 3) if width == 3 else int((cm + 3) // 6)
    return _info(width, cm, zone, prefixed, None)


def describe_crs_zh(crs):
    """The CRS note printed on map sheets, e.g. '2000国家大地坐标系 3度带 中央经线114°'."""
    info = gauss_kruger_info(crs)
    if info is None:
        if crs is not None and epsg_code(crs) == CGCS2000_GEOGRAPHIC:
            return "2000国家大地坐标系（地理坐标）"
        return crs.description() if crs is not None else ""
    text = "2000国家大地坐标系 {}度带 中央经线{}°".format(info["zone_width"], _fmt(info["central_meridian"]))
    if info["prefixed"]:
        text += "（带号{}）".format(info["zone"])
    return text


def _fmt(value):
    return str(int(value)) if float(value).is_integer() else str(value)


def is_geographic(crs):
    return crs is not None and crs.isValid() and crs.isGeographic()


def require_projected(crs, layer_name):
    """Raise a translated error when a planar measure needs a projected CRS."""
    if crs is None or not crs.isValid():
        raise QgsProcessingException(
            tr("Layer “{}” has no valid coordinate reference system; set its CRS first.").format(layer_name)
        )
    if crs.isGeographic():
        raise QgsProcessingException(
            tr(
                "Layer “{}” is in a geographic CRS ({}); planar and apportioned areas need a projected "
                "CRS such as CGCS2000 3° Gauss–Krüger (EPSG:4513–4554). Reproject the layer first."
            ).format(layer_name, crs.authid())
        )


def crs_warnings(crs, layer_name):
    """Non-fatal notes about a layer's CRS, as translated strings."""
    notes = []
    if crs is None or not crs.isValid():
        notes.append(tr("Layer “{}” has no valid CRS.").format(layer_name))
    elif crs.isGeographic():
        notes.append(tr("Layer “{}” is in a geographic CRS ({}).").format(layer_name, crs.authid()))
    elif gauss_kruger_info(crs) is None:
        notes.append(
            tr("Layer “{}” is not in a CGCS2000 Gauss–Krüger CRS ({}); areas are still computed.").format(
                layer_name, crs.authid() or crs.description()
            )
        )
    return notes


def reprojection_note(source_crs, target_crs, layer_name):
    """Translated message saying a layer is reprojected, or None when CRSs match."""
    if source_crs == target_crs:
        return None
    return tr("Layer “{}” ({}) is reprojected on the fly to {} to match the land-use layer.").format(
        layer_name, source_crs.authid(), target_crs.authid()
    )


def crs_from_epsg(code):
    return QgsCoordinateReferenceSystem("EPSG:{}".format(code))
