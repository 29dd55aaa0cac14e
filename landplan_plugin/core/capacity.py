"""Grain capacity (粮食产能) by farmland quality grade.

产能(kg) = Σ farmland net area (亩) × standard-grain capacity of its grade
(kg/亩).  The grade → kg/亩 table is provincial (等别–标准粮产能对照表); the
bundled ``resources/tables/grain_capacity_default.csv`` is an editable,
illustrative default.  A table is given as:

* ``default`` – the bundled CSV;
* a CSV path with columns ``grade`` and ``kg_per_mu`` (header names may also
  be 等别 / 产能);
* an inline string ``'1:1000,2:950,…'`` (also ``=`` or ``：``; ``;`` or ``，``).

A grade between two listed grades is interpolated linearly (grades can be
area-weighted means); a grade outside the table has no capacity (None).
"""

import os
import re

from ..paths import resource
from .tables import TableReadError, read_csv_rows
from .values import NumberError, parse_number

DEFAULT = "default"


class CapacityTableError(ValueError):
    pass


def parse_capacity_table(spec):
    """Return {grade (float): kg per 亩 (float)} or None for an empty spec."""
    if spec is None:
        return None
    text = str(spec).strip()
    if not text:
        return None
    if text.lower() == DEFAULT:
        return _read_csv(str(resource("tables", "grain_capacity_default.csv")))
    if os.path.isfile(text):
        return _read_csv(text)
    if text.lower().endswith((".csv", ".txt", ".xlsx", ".xls")) or os.sep in text:
        raise CapacityTableError("no file {}".format(text))
    table = {}
    for item in re.split(r"[,;，；\n]+", text):
        item = item.strip()
        if not item:
            continue
        match = re.match(r"^([0-9.]+)\s*[:=：]\s*([0-9.]+)$", item)
        if not match:
            raise CapacityTableError("cannot read capacity entry {!r} (expected grade:kg)".format(item))
        table[float(match.group(1))] = float(match.group(2))
    if not table:
        raise CapacityTableError("empty capacity table {!r}".format(text))
    return table


def _read_csv(path):
    try:
        rows = read_csv_rows(path)
    except TableReadError as error:
        raise CapacityTableError(str(error)) from error
    if not rows:
        raise CapacityTableError("{}: no rows".format(path))
    names = {str(n).strip().lower(): i for i, n in enumerate(rows[0])}
    grade_col = _column(names, ("grade", "等别", "gddb"))
    kg_col = _column(names, ("kg_per_mu", "产能", "capacity"))
    if grade_col is None or kg_col is None:
        raise CapacityTableError("{}: needs columns grade and kg_per_mu (等别, 产能)".format(path))
    table = {}
    for number, row in enumerate(rows[1:], 2):
        cells = row + [""] * (max(grade_col, kg_col) + 1 - len(row))
        if not cells[grade_col].strip():
            continue
        try:
            grade, kg = parse_number(cells[grade_col]), parse_number(cells[kg_col])
        except NumberError as error:
            raise CapacityTableError("{}: line {}: {!r} is not a number".format(path, number, error.value)) from None
        if grade is None or kg is None or grade <= 0 or kg < 0:
            raise CapacityTableError(
                "{}: line {}: grade {!r}, kg {!r}".format(path, number, cells[grade_col], cells[kg_col])
            )
        table[grade] = kg
    if not table:
        raise CapacityTableError("{}: no rows".format(path))
    return table


def _column(names, candidates):
    for name in candidates:
        if name in names:
            return names[name]
    return None


def capacity_per_mu(table, grade):
    """kg/亩 for ``grade`` (interpolated), or None when outside the table."""
    if table is None or grade is None:
        return None
    grade = float(grade)
    if grade in table:
        return table[grade]
    keys = sorted(table)
    if grade < keys[0] or grade > keys[-1]:
        return None
    for low, high in zip(keys, keys[1:]):
        if low <= grade <= high:
            t = (grade - low) / (high - low)
            return table[low] + t * (table[high] - table[low])
    return None
