"""Pieces as columns: what the overlay engines give the rules.

A county run cuts hundreds of thousands of pieces; an object per piece and
a rule call per piece are most of its Python time.  A ``PieceTable`` holds
the pieces of one or more regions as columns, so the rules
(``occupation.PieceRules.records``) run on arrays.  No QGIS import: the
geometries are whatever the engine has (QgsGeometry, or WKB with a
converter).
"""

from dataclasses import dataclass

import numpy as np


@dataclass
class PieceTable:
    """Pieces as columns, one row per piece (the fields of ``overlay.Piece``):
    what the engines give and ``PieceRules.records`` reads, without an
    object per piece.  ``shapes``: each piece's geometry as the engine has
    it, a geometry or, with ``to_geometry``, its WKB."""

    keys: list  # the region (project) of each piece
    parent_ids: list
    attributes: list  # one list per attribute, in the pieces' attribute order
    parent_planar: np.ndarray
    planar: np.ndarray
    in_mask: list  # 1 inside the mask, 0 outside, None without a mask
    shapes: list
    to_geometry: object = None
    bounds: np.ndarray = None  # with WKB shapes: each piece's xmin, ymin, xmax, ymax

    def __len__(self):
        return len(self.shapes)

    def geometry(self, row):
        shape = self.shapes[row]
        return self.to_geometry(shape) if self.to_geometry is not None else shape

    def geometries(self):
        if self.to_geometry is None:
            return list(self.shapes)
        return [self.to_geometry(shape) for shape in self.shapes]

    @classmethod
    def of_pieces(cls, pieces, width):
        """The table of ``overlay.Piece`` objects with ``width`` attributes."""
        return cls(
            [p.region_key for p in pieces],
            [p.parent_id for p in pieces],
            [[p.attributes[n] for p in pieces] for n in range(width)],
            np.array([p.parent_planar for p in pieces], dtype=float),
            np.array([p.planar for p in pieces], dtype=float),
            [p.in_mask for p in pieces],
            [p.geometry for p in pieces],
        )
