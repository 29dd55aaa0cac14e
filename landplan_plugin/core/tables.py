"""Reading the CSV tables users bring (capacity tables, indicator tables).

Excel on Chinese Windows saves CSV in GBK; on other systems, or with "CSV
UTF-8", in UTF-8 with a BOM; editors often without one.  The encoding is
told from the bytes: UTF-8 (BOM or not) first – GBK text almost never decodes
as UTF-8 – then GB18030, a superset of GBK.  A file that is not text (an
.xlsx, an .xls, a database) is refused with the reason, whatever its name.
"""

import csv


class TableReadError(ValueError):
    pass


def read_csv_rows(path):
    """Rows (lists of str) of a CSV file in UTF-8 or GB18030/GBK."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data.startswith(b"PK"):
        raise TableReadError("{} is a zip file (an .xlsx workbook?), not a CSV text table".format(path))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise TableReadError("{} is an old Excel (.xls) file: save the sheet as CSV or XLSX".format(path))
    if b"\x00" in data:
        raise TableReadError("{} is not a text table (binary content)".format(path))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return [row for row in csv.reader(text.splitlines())]
    raise TableReadError("cannot read {} as UTF-8 or GB18030 text".format(path))
