"""LandPlan at province scale: the plugin's rules on Apache Spark.

A provincial department (自然资源厅) runs the county checks for every county
at once over tens of millions of 三调 图斑.  This package runs them on Spark
with the *same* rules as the QGIS plugin, imported from
``landplan_plugin.core`` (land classes, 田坎 apportionment, area modes, 三大类,
the summary and the 地类面积表 with its 平差, change types, 进出平衡 and its
verdicts), never rewritten, so both give
the same figures (tested to 0.01 m² in ``tests/test_spark_identical.py``).

Design:

* ``convert`` (``geoparquet.py``): a GeoPackage / FileGDB / shapefile layer
  → GeoParquet, streamed in chunks with pyogrio (a 10-million-row layer never
  sits in memory), all 三调 fields kept, plus the bounding box and a *tile*
  key: the cell of a regular grid in the layer's CRS holding the centre of
  the 图斑's bounding box (the reference-point rule).
* The per-partition geometry work is one function, ``kernel.cut_tile``
  (shapely 2, vectorised GEOS), called inside Spark tasks
  (``applyInPandas`` per tile).  Apache Sedona could replace it later; its
  jars come from a repository these machines cannot reach.
* A 图斑 belongs to exactly one tile and is cut whole against the projects
  (broadcast: a province has thousands of projects, not millions), so a
  piece crossing tile borders is counted once.
* The tasks turn pieces into the plugin's piece records
  (``core.occupation.piece_areas`` / ``make_record``); Spark sums them per
  project and record key; the driver feeds the few sums to
  ``core.occupation.summarize`` and ``core.classtable.build`` – linear sums,
  so the figures equal the plugin's up to float summation order.
* ``change`` (``change.py``): BEFORE 图斑 stay in their tiles; AFTER 图斑
  and mask polygons are sent to every tile whose reach (union of its 图斑's
  boxes) they meet, so each piece is made once, in its BEFORE 图斑's tile
  (``kernel.overlay_surveys_tile``); tasks book pieces with
  ``core.change.ChangeAccounts`` and the driver merges the accounts.
* Outputs: CSV (the plugin's field names, rounded at output with
  ``core.outputfields``, 公顷/亩 companions), GeoParquet pieces written by
  the tasks themselves, and optionally a GeoPackage for QGIS.

Run ``python -m landplan_spark --help``.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
