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

import csv
import os
import re

from ..paths import resource

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
    table = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        names = {n.strip().lower(): n for n in (reader.fieldnames or [])}
        grade_col = names.get("grade") or names.get("等别") or names.get("gddb")
        kg_col = names.get("kg_per_mu") or names.get("产能") or names.get("capacity")
        if not grade_col or not kg_col:
            raise CapacityTableError("{}: needs columns grade and kg_per_mu".format(path))
        for row in reader:
            if not (row.get(grade_col) or "").strip():
                continue
            try:
                table[float(row[grade_col])] = float(row[kg_col])
            except ValueError as error:
                raise CapacityTableError("{}: bad row {}".format(path, row)) from error
    if not table:
        raise CapacityTableError("{}: no rows".format(path))
    return table


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
