import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException

from landplan_plugin.core import crs


def epsg(code):
    return QgsCoordinateReferenceSystem("EPSG:{}".format(code))


@pytest.mark.parametrize(
    "code, width, cm, zone, prefixed",
    [
        (4547, 3, 114, 38, False),
        (4534, 3, 75, 25, False),
        (4554, 3, 135, 45, False),
        (4524, 3, 108, 36, True),
        (4513, 3, 75, 25, True),
        (4533, 3, 135, 45, True),
        (4491, 6, 75, 13, True),
        (4501, 6, 135, 23, True),
        (4502, 6, 75, 13, False),
    ],
)
def test_gauss_kruger_ranges(code, width, cm, zone, prefixed):
    info = crs.gauss_kruger_info(epsg(code))
    assert (info["zone_width"], info["central_meridian"], info["zone"], info["prefixed"]) == (width, cm, zone, prefixed)


def test_ranges_agree_with_proj_definitions():
    for code in list(range(4491, 4555)):
        info = crs.gauss_kruger_info(epsg(code))
        assert "+lon_0={}".format(info["central_meridian"]) in epsg(code).toProj(), code


def test_custom_proj_string_is_recognised():
    custom = QgsCoordinateReferenceSystem.fromProj(
        "+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"
    )
    info = crs.gauss_kruger_info(custom)
    assert info["central_meridian"] == 117 and info["zone"] == 39 and info["prefixed"]


def test_not_gauss_kruger():
    assert crs.gauss_kruger_info(epsg(3857)) is None
    assert crs.gauss_kruger_info(epsg(4490)) is None
    assert crs.gauss_kruger_info(epsg(32650)) is None  # UTM 50N on WGS84


def test_describe_crs_for_map_sheets():
    assert crs.describe_crs_zh(epsg(4547)) == "2000国家大地坐标系 3度带 中央经线114°"
    assert crs.describe_crs_zh(epsg(4524)) == "2000国家大地坐标系 3度带 中央经线108°（带号36）"
    assert crs.describe_crs_zh(epsg(4490)) == "2000国家大地坐标系（地理坐标）"


def test_require_projected_raises_clear_error():
    with pytest.raises(QgsProcessingException, match="geographic"):
        crs.require_projected(epsg(4326), "DLTB")
    with pytest.raises(QgsProcessingException, match="no valid"):
        crs.require_projected(QgsCoordinateReferenceSystem(), "DLTB")
    crs.require_projected(epsg(4547), "DLTB")


def test_warnings_and_reprojection_note():
    assert crs.crs_warnings(epsg(4547), "DLTB") == []
    assert "geographic" in crs.crs_warnings(epsg(4490), "DLTB")[0]
    assert "Gauss" in crs.crs_warnings(epsg(3857), "DLTB")[0]
    assert crs.reprojection_note(epsg(4547), epsg(4547), "x") is None
    assert "EPSG:4548" in crs.reprojection_note(epsg(4548), epsg(4547), "projects")
