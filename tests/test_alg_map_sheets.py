"""landplan:exportmapsheets and landplan:stylelanduse on the sample county."""

import re
import subprocess

import processing
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

from testdata import rect, write_gpkg

X0, Y0 = 455000.0, 3092000.0


def pdf_text(path):
    """Text of a PDF exactly as pdftotext extracts it (no normalisation: the
    templates' font must give searchable Chinese and digits)."""
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_page_size(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    return float(match.group(1)), float(match.group(2))


@pytest.fixture
def sheets_data(tmp_path, sample_gpkg):
    # two square projects of known size: 300 m (→ 1:2000 on A4 portrait) and 1200 m (→ 1:10000)
    table = write_gpkg(
        tmp_path / "areas.gpkg",
        {
            "summary": (
                "None",
                None,
                [("project_id", "str"), ("total_m2", "float"), ("farmland_m2", "float")],
                [
                    (None, {"project_id": "P/小", "total_m2": 90000.0, "farmland_m2": 30000.0}),
                    (None, {"project_id": "P大", "total_m2": 1440000.0, "farmland_m2": 600000.0}),
                ],
            )
        },
    )
    coverage = write_gpkg(
        tmp_path / "cov.gpkg",
        {
            "projects": (
                "Polygon",
                "EPSG:4547",
                [("XMBH", "str")],
                [
                    (rect(X0, Y0, X0 + 300, Y0 + 200), {"XMBH": "P/小"}),
                    (rect(X0 + 1000, Y0 + 1000, X0 + 2200, Y0 + 2200), {"XMBH": "P大"}),
                ],
            )
        },
    )
    return {
        "coverage": coverage + "|layername=projects",
        "table": table + "|layername=summary",
        "county": str(sample_gpkg),
    }


def export(data, folder, **overrides):
    params = {
        "COVERAGE": data["coverage"],
        "ID_FIELD": "XMBH",
        "LAYERS": [data["county"] + "|layername=DLTB", data["county"] + "|layername=YJJBNT"],
        "TEMPLATE": 0,
        "ORGANIZATION": "样例县自然资源局",
        "AREA_TABLE": data["table"],
        "FORMAT": 0,
        "DPI": 96,
        "OUTPUT_FOLDER": str(folder),
    }
    params.update(overrides)
    return processing.run("landplan:exportmapsheets", params)


def test_pdf_sheets_names_text_and_scale(landplan, sheets_data, tmp_path):
    result = export(sheets_data, tmp_path / "图")
    files = result["FILES"]
    assert result["COUNT"] == 2
    assert [p.split("/")[-1] for p in files] == ["P_小.pdf", "P大.pdf"]
    small = pdf_text(files[0])
    assert "建设项目用地范围图 P/小" in small
    assert "1:2000" in small
    assert "2000国家大地坐标系 3度带 中央经线114°" in small
    assert "样例县自然资源局" in small
    assert "135.00" in small  # total 90,000 m² = 135.00 亩 from the area table
    assert "1:10000" in pdf_text(files[1])
    width, height = pdf_page_size(files[0])
    assert (round(width), round(height)) == (595, 842)  # A4 portrait in points


@pytest.mark.parametrize("template, size", [(1, (842, 595)), (2, (1191, 842))])
def test_template_page_sizes(landplan, sheets_data, tmp_path, template, size):
    result = export(sheets_data, tmp_path / str(template), TEMPLATE=template, FILTER="\"XMBH\" = 'P大'")
    assert result["COUNT"] == 1
    width, height = pdf_page_size(result["FILES"][0])
    assert (round(width), round(height)) == size


def test_png_dimensions_and_single_pdf(landplan, sheets_data, tmp_path):
    result = export(sheets_data, tmp_path / "png", FORMAT=1, DPI=100)
    image = QImage(result["FILES"][0])
    # 210 × 297 mm at 100 dpi = 826.8 × 1169.3 px (QGIS rounds down)
    assert abs(image.width() - 210 / 25.4 * 100) < 1 and abs(image.height() - 297 / 25.4 * 100) < 1
    combined = export(sheets_data, tmp_path / "all", SINGLE_PDF=True)
    assert combined["FILES"][-1].endswith("全部图幅.pdf")
    info = subprocess.run(["pdfinfo", combined["FILES"][-1]], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+2", info)
    assert "P大" in pdf_text(combined["FILES"][-1])


def test_errors_leave_nothing_written(landplan, sheets_data, tmp_path):
    with pytest.raises(QgsProcessingException, match="filter"):
        export(sheets_data, tmp_path / "none", FILTER="\"XMBH\" = 'nothing'")
    no_geometry = write_gpkg(
        tmp_path / "nogeom.gpkg",
        {
            "p": (
                "Polygon",
                "EPSG:4547",
                [("XMBH", "str")],
                [(rect(X0, Y0, X0 + 100, Y0 + 100), {"XMBH": "A"}), (None, {"XMBH": "B"})],
            )
        },
    )
    with pytest.raises(QgsProcessingException, match="B"):
        export(sheets_data, tmp_path / "ng", COVERAGE=no_geometry + "|layername=p")
    assert not list((tmp_path / "ng").glob("*.pdf"))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(QgsProcessingException):
        export(sheets_data, blocker / "sub")
    no_map = tmp_path / "nomap.qpt"
    no_map.write_text(
        '<Layout name="x" units="mm"><PageCollection><LayoutItem type="65638" size="210,297,mm"/></PageCollection></Layout>',
        encoding="utf-8",
    )
    with pytest.raises(QgsProcessingException, match="map"):
        export(sheets_data, tmp_path / "nm", TEMPLATE_FILE=str(no_map))


def test_style_land_use(landplan, sample_gpkg):
    from qgis.core import QgsProject

    layer = QgsVectorLayer(str(sample_gpkg) + "|layername=DLTB", "DLTB", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        processing.run("landplan:stylelanduse", {"INPUT": layer.id()})
        renderer = layer.renderer()
        assert renderer.type() == "categorizedSymbol"
        labels = {c.value(): c.label() for c in renderer.categories()}
        assert labels["0101"] == "0101 水田" and labels["1203"] == "1203 田坎"
        assert renderer.classAttribute() == 'left("DLBM", 4)'
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_map_sheets_in_a_model_after_occupation(landplan, sample_gpkg, tmp_path):
    """A graphical model: the occupation summary feeds the sheets' area table."""
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
    )

    county = str(sample_gpkg)
    model = QgsProcessingModelAlgorithm("sheets after occupation", "tests")
    occupation = QgsProcessingModelChildAlgorithm("landplan:farmlandoccupation")
    occupation.setChildId("occ")
    for name, value in (
        ("PROJECTS", county + "|layername=projects"),
        ("PROJECT_ID_FIELD", "XMBH"),
        ("LANDUSE", county + "|layername=DLTB"),
        ("REPAIR_INVALID", True),
    ):
        occupation.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    model.addChildAlgorithm(occupation)
    sheets = QgsProcessingModelChildAlgorithm("landplan:exportmapsheets")
    sheets.setChildId("sheets")
    for name, value in (
        ("COVERAGE", county + "|layername=projects"),
        ("ID_FIELD", "XMBH"),
        ("FILTER", "\"XMBH\" = 'JS2024-006'"),
        ("LAYERS", [county + "|layername=DLTB"]),
        ("FORMAT", 0),
        ("DPI", 72),
        ("OUTPUT_FOLDER", str(tmp_path / "model_sheets")),
    ):
        sheets.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    sheets.addParameterSources(
        "AREA_TABLE", [QgsProcessingModelChildParameterSource.fromChildOutput("occ", "OUTPUT_SUMMARY")]
    )
    model.addChildAlgorithm(sheets)
    context = QgsProcessingContext()
    results, ok = model.run({}, context, QgsProcessingFeedback())
    assert ok
    files = list((tmp_path / "model_sheets").glob("*.pdf"))
    assert [f.name for f in files] == ["JS2024-006.pdf"]
    text = pdf_text(files[0])
    assert "建设项目用地范围图 JS2024-006" in text
    assert "299.98" in text  # JS2024-006: 199,988.97 m² of the occupation summary = 299.98 亩


FONT_TEXT = "建设项目用地范围图 JS2024-001 面积（亩）12.34 永久基本农田 0810"


def _font_pdf(tmp_path, family):
    from qgis.PyQt.QtCore import QRectF
    from qgis.PyQt.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    path = str(tmp_path / "font.pdf")
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    font = QFont(family)
    font.setPointSizeF(14)
    painter.setFont(font)
    painter.drawText(QRectF(100, 100, 9000, 800), FONT_TEXT)
    painter.end()
    return path


def test_every_installed_listed_font_gives_exact_pdf_text(qgis_app, tmp_path):
    from landplan_plugin import fonts

    installed = [f for f in fonts.SHEET_FONTS if f in fonts.installed_families()]
    # CI installs at least these three (scripts/setup_system.sh)
    assert {"WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "AR PL UMing CN"} <= set(installed)
    for family in installed:
        assert pdf_text(_font_pdf(tmp_path, family)).strip() == FONT_TEXT, family


def test_excluded_font_really_breaks_pdf_text(qgis_app, tmp_path):
    """Why Noto Sans CJK SC is not in the list: its PDF text is wrong."""
    from landplan_plugin import fonts

    if "Noto Sans CJK SC" not in fonts.installed_families():
        pytest.skip("Noto Sans CJK SC not installed")
    assert pdf_text(_font_pdf(tmp_path, "Noto Sans CJK SC")).strip() != FONT_TEXT


def test_font_choice_and_setting(qgis_app):
    from qgis.core import QgsSettings

    from landplan_plugin import fonts

    assert fonts.sheet_font({"SimSun", "WenQuanYi Micro Hei"}) == ("SimSun", None)
    assert fonts.sheet_font({"Noto Sans CJK SC", "AR PL UMing CN"}) == ("AR PL UMing CN", None)
    family, note = fonts.sheet_font({"Noto Sans CJK SC"})
    assert family == fonts.TEMPLATE_FAMILY and "none of the fonts" in note
    settings = QgsSettings()
    settings.setValue(fonts.SETTING_KEY, "WenQuanYi Zen Hei")
    try:
        assert fonts.sheet_font({"SimSun", "WenQuanYi Zen Hei"}) == ("WenQuanYi Zen Hei", None)
        family, note = fonts.sheet_font({"SimSun"})
        assert family == "SimSun" and "not installed" in note
    finally:
        settings.remove(fonts.SETTING_KEY)


@pytest.mark.parametrize("family", ["WenQuanYi Zen Hei", "AR PL UMing CN"])
def test_sheet_text_exact_with_other_fonts(landplan, sheets_data, tmp_path, family):
    from qgis.core import QgsSettings

    from landplan_plugin import fonts

    settings = QgsSettings()
    settings.setValue(fonts.SETTING_KEY, family)
    try:
        result = export(sheets_data, tmp_path / "f", SINGLE_PDF=True)
    finally:
        settings.remove(fonts.SETTING_KEY)
    for path in result["FILES"]:
        used = subprocess.run(["pdffonts", path], capture_output=True, text=True, check=True).stdout
        assert {"WenQuanYi Zen Hei": "WenQuanYiZenHei", "AR PL UMing CN": "UMingCN"}[family] in used
    first, combined = pdf_text(result["FILES"][0]), pdf_text(result["FILES"][-1])
    for text in (first, combined):
        assert "建设项目用地范围图 P/小" in text
        assert "135.00" in text and "2000国家大地坐标系 3度带 中央经线114°" in text


def pdf_words(path):
    """[(word, x0, y0, x1, y1)] in points, from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = []
    for match in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html
    ):
        x0, y0, x1, y1 = (float(match.group(i)) for i in range(1, 5))
        words.append((match.group(5), x0, y0, x1, y1))
    return words


def template_rect(template, item_id):
    """(x, y, w, h) in points of a template item."""
    from qgis.core import QgsProject

    from landplan_plugin.processing.algorithms.export_map_sheets import _load_template
    from landplan_plugin.paths import resource

    layout = _load_template(str(resource("layouts", template + ".qpt")), QgsProject.instance())
    item = layout.itemById(item_id)
    mm = 72.0 / 25.4
    return item.pos().x() * mm, item.pos().y() * mm, item.rect().width() * mm, item.rect().height() * mm


@pytest.mark.parametrize("template_index, template", [(0, "a4_portrait"), (1, "a4_landscape"), (2, "a3_landscape")])
def test_long_legend_fits_its_frame(landplan, sample_gpkg, tmp_path, template_index, template):
    """A sheet over the whole county shows every 地类 of the sample (40+):
    each legend entry, the project boundary and 永久基本农田 lie inside the
    template's legend box and the page (pdftotext still finds clipped text,
    so positions are checked, not presence)."""
    from landplan_plugin.core import landclass

    layer = QgsVectorLayer(str(sample_gpkg) + "|layername=DLTB", "d", "ogr")
    codes = {f["DLBM"][:4] for f in layer.getFeatures()}  # suffixed codes take their base class's entry
    extent = layer.extent()
    coverage = write_gpkg(
        tmp_path / "whole.gpkg",
        {
            "cov": (
                "Polygon",
                "EPSG:4547",
                [("XMBH", "str")],
                [
                    (
                        rect(
                            extent.xMinimum() + 10,
                            extent.yMinimum() + 10,
                            extent.xMaximum() - 10,
                            extent.yMaximum() - 10,
                        ),
                        {"XMBH": "全县"},
                    )
                ],
            )
        },
    )
    export(
        {"coverage": coverage + "|layername=cov", "table": None, "county": str(sample_gpkg)},
        tmp_path / "out",
        AREA_TABLE=None,
        TEMPLATE=template_index,
        SCALES="50000,100000,250000",
    )
    path = tmp_path / "out" / "全县.pdf"
    x, y, w, h = template_rect(template, "legend")
    page_w, page_h = pdf_page_size(path)
    assert x >= 0 and y >= 0 and x + w <= page_w and y + h <= page_h
    words = pdf_words(path)
    legend_codes = [wd for wd in words if wd[0] in codes]
    assert len(codes) >= 30 and {wd[0] for wd in legend_codes} == {c for c in codes if c in landclass.classification()}
    for word, x0, y0, x1, y1 in legend_codes + [
        wd for wd in words if wd[0] in ("永久基本农田", "项目用地范围", "Project")
    ]:
        assert x - 1 <= x0 and x1 <= x + w + 1 and y - 1 <= y0 and y1 <= y + h + 1, (
            word,
            (x0, y0, x1, y1),
            (x, y, w, h),
        )
    assert any(wd[0] == "永久基本农田" for wd in words)


def test_titles_from_names_and_sheet_numbers(landplan, sample_gpkg, tmp_path):
    coverage = write_gpkg(
        tmp_path / "two.gpkg",
        {
            "cov": (
                "Polygon",
                "EPSG:4547",
                [("XMBH", "str"), ("XMMC", "str")],
                [
                    (rect(X0, Y0, X0 + 300, Y0 + 200), {"XMBH": "P1", "XMMC": "城东工业园"}),
                    (rect(X0 + 2000, Y0, X0 + 2300, Y0 + 200), {"XMBH": "P1", "XMMC": "城东工业园"}),
                    (rect(X0 + 4000, Y0, X0 + 4300, Y0 + 200), {"XMBH": "P2", "XMMC": None}),
                ],
            )
        },
    )
    table = write_gpkg(
        tmp_path / "t.gpkg",
        {
            "s": (
                "None",
                None,
                [("project_id", "str"), ("total_m2", "float")],
                [(None, {"project_id": "P1", "total_m2": 1200.0})],
            )
        },
    )
    result = export(
        {"coverage": coverage + "|layername=cov", "table": table + "|layername=s", "county": str(sample_gpkg)},
        tmp_path / "out",
        PROJECT_NAME_FIELD="XMMC",
    )
    texts = [pdf_text(p).replace(" ", "") for p in sorted(result["FILES"])]
    joined = "\n".join(texts)
    assert "城东工业园用地范围图（第1幅/共2幅）" in joined and "城东工业园用地范围图（第2幅/共2幅）" in joined
    assert "P2用地范围图" in joined and "P2用地范围图（" not in joined
    assert "项目编号（全项目合计）" in joined and "project_id" not in joined
