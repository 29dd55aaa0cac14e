"""Write the print-layout templates (resources/layouts/*.qpt) and the 三调
land-use style (resources/styles/sandiao_landuse.qml).

    QT_QPA_PLATFORM=offscreen python3 scripts/make_layouts.py

Templates are built with the layout API instead of edited by hand, so item
ids and sizes stay consistent.  Item ids the export algorithm fills in:
title, main_map, legend, scalebar, scale_text, north_arrow, crs_note,
organization, date, source, area_table (an attribute-table frame).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# WenQuanYi Micro Hei: its PDF text extracts cleanly (Noto CJK maps some glyphs to
# Kangxi radicals and drops Latin digits in Qt's PDF ToUnicode tables)
FONT = "WenQuanYi Micro Hei"

# name: (page w, h in mm, map rect, side column rect or None (items below the map))
SHEETS = {
    "a4_portrait": ((210, 297), (15, 24, 180, 165), None),
    "a4_landscape": ((297, 210), (10, 20, 192, 172), (207, 20, 80, 172)),
    "a3_landscape": ((420, 297), (15, 24, 290, 250), (315, 24, 90, 250)),
}


def make_layout(name, page, map_rect, side):
    from qgis.core import (
        QgsLayoutFrame,
        QgsLayoutItemAttributeTable,
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemMapGrid,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
        QgsProject,
        QgsTextFormat,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtGui import QFont

    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    page_item = layout.pageCollection().page(0)
    page_item.setPageSize(QgsLayoutSize(page[0], page[1], QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    mm = QgsUnitTypes.LayoutUnit.LayoutMillimeters

    def text_format(size, bold=False):
        fmt = QgsTextFormat()
        font = QFont(FONT)
        font.setBold(bold)
        fmt.setFont(font)
        fmt.setSize(size)
        return fmt

    def label(item_id, text, x, y, w, h, size=9, bold=False, align_center=False):
        item = QgsLayoutItemLabel(layout)
        item.setId(item_id)
        item.setText(text)
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        item.setFont(font)
        item.attemptMove(QgsLayoutPoint(x, y, mm))
        item.attemptResize(QgsLayoutSize(w, h, mm))
        if align_center:
            from qgis.PyQt.QtCore import Qt

            item.setHAlign(Qt.AlignmentFlag.AlignHCenter)
        layout.addLayoutItem(item)
        return item

    mx, my, mw, mh = map_rect
    label("title", "专题图", 10, 6, page[0] - 20, 12, size=18, bold=True, align_center=True)
    main_map = QgsLayoutItemMap(layout)
    main_map.setId("main_map")
    main_map.attemptMove(QgsLayoutPoint(mx, my, mm))
    main_map.attemptResize(QgsLayoutSize(mw, mh, mm))
    main_map.setFrameEnabled(True)
    grid = QgsLayoutItemMapGrid("坐标格网", main_map)
    grid.setStyle(QgsLayoutItemMapGrid.GridStyle.FrameAnnotationsOnly)
    grid.setFrameStyle(QgsLayoutItemMapGrid.FrameStyle.InteriorTicks)
    grid.setFrameWidth(2.0)
    grid.setAnnotationEnabled(True)
    grid.setAnnotationFormat(QgsLayoutItemMapGrid.AnnotationFormat.Decimal)
    grid.setAnnotationPrecision(0)
    grid.setAnnotationTextFormat(text_format(6))
    grid.setIntervalX(1000)
    grid.setIntervalY(1000)
    main_map.grids().addGrid(grid)
    layout.addLayoutItem(main_map)

    north = QgsLayoutItemPicture(layout)
    north.setId("north_arrow")
    north.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")
    north.setLinkedMap(main_map)
    north.attemptMove(QgsLayoutPoint(mx + mw - 14, my + 3, mm))
    north.attemptResize(QgsLayoutSize(11, 16, mm))
    layout.addLayoutItem(north)

    below = my + mh + 3
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setLinkedMap(main_map)
    scalebar.setStyle("Single Box")
    scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
    scalebar.setUnitLabel("米")
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setTextFormat(text_format(7))
    scalebar.applyDefaultSize()
    scalebar.attemptMove(QgsLayoutPoint(mx, below, mm))
    layout.addLayoutItem(scalebar)
    label(
        "scale_text",
        "比例尺 1:[% round(map_get(item_variables('main_map'), 'map_scale')) %]",
        mx + 60,
        below,
        50,
        6,
        size=9,
    )

    if side is None:
        # portrait: legend and area table below the map
        ly = below + 12
        legend_rect = (mx, ly, mw * 0.45, page[1] - ly - 28)
        table_rect = (mx + mw * 0.5, ly, mw * 0.5, page[1] - ly - 28)
        notes_y = page[1] - 26
        notes_x, notes_w = mx, mw
    else:
        sx, sy, sw, sh = side
        legend_rect = (sx, sy, sw, sh * 0.5)
        table_rect = (sx, sy + sh * 0.5 + 2, sw, sh * 0.5 - 2)
        notes_y = below + 10
        notes_x, notes_w = mx, mw
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("图例")
    legend.setLinkedMap(main_map)
    from qgis.core import QgsLegendStyle

    for style, size, bold in (
        (QgsLegendStyle.Style.Title, 11, True),
        (QgsLegendStyle.Style.Group, 9, True),
        (QgsLegendStyle.Style.Subgroup, 8, True),
        (QgsLegendStyle.Style.SymbolLabel, 7, False),
    ):
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        legend.setStyleFont(style, font)
    legend.attemptMove(QgsLayoutPoint(legend_rect[0], legend_rect[1], mm))
    legend.setResizeToContents(False)
    legend.attemptResize(QgsLayoutSize(legend_rect[2], legend_rect[3], mm))
    legend.setColumnCount(2 if side is None else 1)
    layout.addLayoutItem(legend)

    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("area_table")
    frame.attemptMove(QgsLayoutPoint(table_rect[0], table_rect[1], mm))
    frame.attemptResize(QgsLayoutSize(table_rect[2], table_rect[3], mm))
    table.addFrame(frame)
    table.setContentTextFormat(text_format(7))
    table.setHeaderTextFormat(text_format(7, bold=True))

    label("crs_note", "2000国家大地坐标系", notes_x, notes_y, notes_w, 5, size=8)
    label("organization", "制图单位：", notes_x, notes_y + 5, notes_w / 2, 5, size=8)
    label("date", "制图日期：", notes_x + notes_w / 2, notes_y + 5, notes_w / 2, 5, size=8)
    label("source", "数据来源：", notes_x, notes_y + 10, notes_w, 5, size=8)
    return layout


def main():
    from qgis.core import QgsApplication, QgsReadWriteContext, QgsVectorLayer

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    from landplan_plugin.core.symbology import landuse_renderer

    out = ROOT / "resources" / "layouts"
    out.mkdir(parents=True, exist_ok=True)
    for name, (page, map_rect, side) in SHEETS.items():
        layout = make_layout(name, page, map_rect, side)
        path = out / "{}.qpt".format(name)
        if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
            sys.exit("could not write " + str(path))
        print("wrote", path)
    styles = ROOT / "resources" / "styles"
    styles.mkdir(parents=True, exist_ok=True)
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4547&field=DLBM:string(5)", "三调地类图斑", "memory")
    layer.setRenderer(landuse_renderer("DLBM"))
    message, ok = layer.saveNamedStyle(str(styles / "sandiao_landuse.qml"))
    if not ok:
        sys.exit("could not write style: " + message)
    print("wrote", styles / "sandiao_landuse.qml")
    del layer
    app.exitQgis()


if __name__ == "__main__":
    main()
