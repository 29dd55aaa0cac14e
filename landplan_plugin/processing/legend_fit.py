"""Fit a layout legend into its template frame, whatever the class count.

The template's legend box is the space the sheet designer gave the legend.
A sheet over a varied area may list fifty 地类, so the legend is measured
(QGIS's own legend renderer, through ``adjustBoxSize``) with more columns
first, then with smaller text and symbols, and the first arrangement that
fits the box is kept.  The box itself never moves or grows into the map,
the notes or the table.  When even the smallest arrangement is too tall,
the legend keeps it and the caller is told, so a sheet is never silently
clipped.
"""

from qgis.core import QgsLayoutExporter, QgsLayoutSize, QgsLegendStyle
from qgis.PyQt.QtCore import QSize

from ..qgis_compat import scale_legend_text

TEXT_STYLES = (
    QgsLegendStyle.Style.Title,
    QgsLegendStyle.Style.Group,
    QgsLegendStyle.Style.Subgroup,
    QgsLegendStyle.Style.SymbolLabel,
)
SCALES = (1.0, 0.9, 0.8, 0.7, 0.6)
MAX_COLUMNS = 5
TOLERANCE_MM = 0.5


class LegendFitter:
    def __init__(self, layout, legend):
        self.layout = layout
        self.legend = legend
        size = legend.sizeWithUnits()
        self.frame = QgsLayoutSize(size.width(), size.height(), size.units())
        self.symbol = (legend.symbolWidth(), legend.symbolHeight())
        self.scale = 1.0
        self.page = layout.pageCollection().pageNumberForPoint(legend.pos())

    def _draw(self):
        # The legend filters its classes by the map, and adjustBoxSize
        # measures, only once it has been painted: paint a tiny page.
        QgsLayoutExporter(self.layout).renderPageToImage(self.page, QSize(8, 8))

    def _apply(self, columns, scale):
        legend = self.legend
        if scale != self.scale:
            scale_legend_text(legend, scale / self.scale, TEXT_STYLES)
            self.scale = scale
        legend.setSymbolWidth(self.symbol[0] * scale)
        legend.setSymbolHeight(self.symbol[1] * scale)
        legend.setColumnCount(columns)
        legend.setSplitLayer(columns > 1)
        legend.setEqualColumnWidth(False)
        legend.setResizeToContents(True)
        legend.adjustBoxSize()
        size = legend.sizeWithUnits()
        return size.width(), size.height()

    def fit(self):
        """Arrange the legend for the current sheet; returns True when it fits."""
        self.legend.updateFilterByMap(False)
        self._draw()
        width, height = self.frame.width(), self.frame.height()
        best = None
        for scale in SCALES:
            for columns in range(1, MAX_COLUMNS + 1):
                w, h = self._apply(columns, scale)
                if w <= width + TOLERANCE_MM and h <= height + TOLERANCE_MM:
                    self._settle()
                    return True
                if w <= width + TOLERANCE_MM and (best is None or h < best[2]):
                    best = (columns, scale, h)
        columns, scale = (best[0], best[1]) if best else (MAX_COLUMNS, SCALES[-1])
        self._apply(columns, scale)
        self.legend.setResizeToContents(False)  # taller than its box, but whole
        return False

    def _settle(self):
        # keep the template's box (its frame and background) around the content
        self.legend.setResizeToContents(False)
        self.legend.attemptResize(self.frame)
