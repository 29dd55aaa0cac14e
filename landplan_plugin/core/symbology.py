"""三调 land-use symbology: a categorised renderer by 地类编码.

Colours come from ``resources/tables/landclass_colors.csv`` – customary
三调 map colours (yellows for 耕地, purples for 园地, greens for 林地/草地,
reds and pinks for 建设用地, greys for 交通, blues for 水域), one per base
code.  Provinces publish their own 符号库: edit the table to match it.
Suffixed codes (0201K, 1104A, 08H2A) take their base code's colour: the
renderer classifies on ``left("DLBM", 4)`` (which keeps 05H1, 08H2 and 09).
Labels are '0101 水田'.
"""

import csv

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsRendererCategory,
)

from ..paths import resource
from . import landclass


def colours():
    with open(resource("tables", "landclass_colors.csv"), encoding="utf-8", newline="") as handle:
        return {row["code"]: (int(row["r"]), int(row["g"]), int(row["b"])) for row in csv.DictReader(handle)}


def landuse_renderer(dlbm_field="DLBM", outline="#6e6e6e", outline_width=0.1):
    categories = []
    table = landclass.classification()
    for code, (r, g, b) in colours().items():
        symbol = QgsFillSymbol.createSimple(
            {
                "color": "{},{},{},255".format(r, g, b),
                "outline_color": outline,
                "outline_width": str(outline_width),
                "outline_width_unit": "MM",
            }
        )
        name = table[code].name if code in table else ""
        categories.append(QgsRendererCategory(code, symbol, "{} {}".format(code, name).strip()))
    other = QgsFillSymbol.createSimple({"color": "255,255,255,255", "outline_color": outline})
    categories.append(QgsRendererCategory(None, other, "其他/未知"))
    expression = 'left("{}", 4)'.format(dlbm_field.replace('"', '""'))
    return QgsCategorizedSymbolRenderer(expression, categories)
