"""Import an indicator table as plans print it (CSV or XLSX).

Columns are found by their headers: 类别 (category), 序号 (seq), 指标
(name, may carry the unit in brackets: 生态保护红线面积（公顷）), 单位 (unit),
the base and target columns (headers such as '2020 年' / '2025 年', 基期值 /
目标值, or '至2025年'), and 属性 / 指标属性 (attribute).  A blank category
continues the previous one.  Rows whose first cell starts with a footnote mark
(¹ 耕地保有量数据来源…) or with '[]' are notes: their text goes into the
note of every indicator that carries that mark.  XLSX needs openpyxl
(Debian: python3-openpyxl); without it, save the sheet as CSV.
"""

import re

from . import parse
from ..tables import TableReadError as _TextError
from ..tables import read_csv_rows

CATEGORY = ("类别", "category")
SEQ = ("序号", "seq")
NAME = ("指标", "指 标", "指  标", "name", "indicator")
UNIT = ("单位", "单 位", "unit")
ATTRIBUTE = ("属性", "指标属性", "attribute")
BASE = ("基期值", "基期", "现状值", "base", "base_value")
TARGET = ("目标值", "规划目标", "target", "target_value")


MEASURE_BY_NAME = (
    ("耕地保有量", "farmland_area"),
    ("永久基本农田", "basic_farmland_area"),
    ("建设用地总规模", "construction_area"),
    ("建设用地总面积", "construction_area"),
    ("林地保有量", "forest_area"),
    ("湿地面积", "wetland_area"),
    ("湿地保有量", "wetland_area"),
    ("生态保护红线面积", "eco_redline_area"),
    # mine restoration first: its names also contain 生态修复
    ("历史遗留矿山修复面积", "mine_restoration_area"),
    ("矿山生态修复", "mine_restoration_area"),
    ("矿山修复", "mine_restoration_area"),
    ("新增生态修复面积", "restoration_area"),
    ("开发强度", "development_intensity"),
)


class TableReadError(ValueError):
    pass


class DuplicateIndicatorError(TableReadError):
    def __init__(self, name, rows):
        super().__init__("the indicator “{}” appears {} times in the table".format(name, len(rows)))
        self.name = name
        self.rows = rows


def measure_for(name):
    for key, measure in MEASURE_BY_NAME:
        if key in (name or ""):
            return measure
    return None


def refuse_duplicates(indicators):
    """A table naming the same indicator twice is ambiguous (which target
    counts?): refused, never "last one wins"."""
    seen = {}
    for row_number, indicator in enumerate(indicators, 1):
        seen.setdefault(indicator["name"], []).append(row_number)
    for name, rows in seen.items():
        if len(rows) > 1:
            raise DuplicateIndicatorError(name, rows)


def write_plan(store, plan_name, plan_fields, indicators):
    """Write a parsed table into ``store`` as one transaction: after a crash
    or a kill at any moment the store holds all of it or none of it.  Known
    indicators get their measure key unless the store already has one."""
    refuse_duplicates(indicators)
    with store.transaction():
        existing = store.plan(plan_name)
        existing_measures = (
            {i["name"]: i.get("measure") for i in store.indicators(existing["plan_id"])} if existing else {}
        )
        plan_id = store.upsert_plan(plan_name, **plan_fields)
        for indicator in indicators:
            fields = dict(indicator)
            name = fields.pop("name")
            if not existing_measures.get(name):
                fields["measure"] = measure_for(name)
            else:
                fields.pop("measure", None)
            store.upsert_indicator(plan_id, name, **fields)
    return plan_id


def read_rows(path):
    """Rows of a CSV (UTF-8 with or without BOM, or GB18030/GBK as Excel
    saves it on Chinese Windows) or of the first sheet of an XLSX; the
    format is told by the file's content, not its name."""
    path = str(path)
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head.startswith(b"PK"):
        try:
            import openpyxl
        except ImportError as error:
            raise TableReadError(
                "reading XLSX needs openpyxl (python3-openpyxl); save the sheet as CSV instead"
            ) from error
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
            raise TableReadError("{} is not a readable XLSX workbook ({})".format(path, error)) from error
        sheet = book.worksheets[0]
        return [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    if head.startswith((b"\xd0\xcf\x11\xe0", b"SQLite")):
        raise TableReadError("{} is an old Excel (.xls) or database file: save the sheet as CSV or XLSX".format(path))
    return read_text_table(path)


def read_text_table(path):
    try:
        return read_csv_rows(path)
    except _TextError as error:
        raise TableReadError(str(error)) from error


def _norm(text):
    return re.sub(r"\s+", "", str(text or "")).lower()


def _find(header, names):
    wanted = {_norm(n) for n in names}
    for i, cell in enumerate(header):
        if _norm(cell) in wanted:
            return i
    return -1


def parse_table(rows):
    """(indicators, base_year, target_year) from raw rows."""
    header_index = None
    for i, row in enumerate(rows):
        if _find(row, NAME) >= 0:
            header_index = i
            break
    if header_index is None:
        raise TableReadError("no header row with an indicator column (指标) found")
    header = rows[header_index]
    col = {
        "category": _find(header, CATEGORY),
        "seq": _find(header, SEQ),
        "name": _find(header, NAME),
        "unit": _find(header, UNIT),
        "attribute": _find(header, ATTRIBUTE),
        "base": _find(header, BASE),
        "target": _find(header, TARGET),
    }
    years = []
    for i, cell in enumerate(header):
        match = re.search(r"(\d{4})\s*年?", str(cell or ""))
        if match and i not in (col["seq"], col["name"]):
            years.append((i, int(match.group(1)), "至" in str(cell)))
    base_year = target_year = None
    if col["target"] < 0 and years:
        col["target"], target_year = years[-1][0], years[-1][1]
        if len(years) > 1 and col["base"] < 0:
            col["base"], base_year = years[0][0], years[0][1]
    notes = {}
    indicators = []
    category = None
    for row in rows[header_index + 1 :]:
        cells = [str(c or "").strip() for c in row]
        if not any(cells):
            continue
        first = next((c for c in cells if c), "")
        if first[:1] in parse.SUPERSCRIPTS or first.startswith("[]"):
            _text, marks = parse.strip_footnotes(first[:3])
            key = marks[0] if marks else "[]"
            notes[key] = first
            continue
        name_cell = cells[col["name"]] if col["name"] < len(cells) else ""
        if not name_cell:
            continue
        if col["category"] >= 0 and col["category"] < len(cells) and cells[col["category"]]:
            category = cells[col["category"]]
        name, unit_in_name, name_marks = parse.split_name_unit(name_cell)
        unit = cells[col["unit"]] if 0 <= col["unit"] < len(cells) and cells[col["unit"]] else unit_in_name
        base = parse.parse_value(cells[col["base"]]) if 0 <= col["base"] < len(cells) else parse.parse_value(None)
        target = parse.parse_value(cells[col["target"]]) if 0 <= col["target"] < len(cells) else parse.parse_value(None)
        seq = None
        if 0 <= col["seq"] < len(cells):
            match = re.match(r"^\d+", cells[col["seq"]])
            seq = int(match.group(0)) if match else None
        if seq is None:
            match = re.match(r"^\s*(\d+)\s*[.、．]", name_cell)
            seq = int(match.group(1)) if match else len(indicators) + 1
        comparator = target["comparator"]
        note_parts = []
        if target["value"] is not None and comparator is None:
            comparator = parse.infer_comparator(name)
            note_parts.append("比较符由指标名推断")
        marks = name_marks + base["footnotes"] + target["footnotes"]
        for label, cell in (("基期", base), ("目标", target)):
            if cell["note"]:
                note_parts.append("{}：{}".format(label, cell["note"]))
        indicators.append(
            {
                "seq": seq,
                "category": category,
                "name": name,
                "unit": unit,
                "base_value": base["value"],
                "base_text": base["text"],
                "target_value": target["value"],
                "target_text": target["text"],
                "comparator": comparator if target["value"] is not None else None,
                "attribute": cells[col["attribute"]]
                if 0 <= col["attribute"] < len(cells) and cells[col["attribute"]]
                else None,
                "cumulative": int(bool(target["cumulative"] or base["cumulative"])),
                "_marks": marks,
                "_note_parts": note_parts,
            }
        )
    for indicator in indicators:
        parts = list(indicator.pop("_note_parts"))
        for mark in indicator.pop("_marks"):
            parts.append(notes.get(mark, "注{}".format(mark)))
        if indicator["cumulative"] and "[]" in notes:
            parts.append(notes["[]"])
        indicator["note"] = "；".join(parts) or None
    return indicators, base_year, target_year
