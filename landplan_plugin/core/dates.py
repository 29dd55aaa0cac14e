"""Dates as bureau staff type them.

Accepted: date/datetime objects, QDate/QDateTime, and text such as
2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, 20230501, with an optional time
part (2023-05-01 08:00:00, 2023-05-01T08:00).  Anything else is unreadable:
:func:`parse_date` raises :class:`DateError` with the text, so algorithms can
report it per feature instead of crashing.  Empty / NULL is None.

:func:`add_years` is calendar arithmetic: 29 February + 1 year = 28 February.
"""

import datetime
import re
import unicodedata


class DateError(ValueError):
    pass


_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s.*)?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(value):
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if hasattr(value, "toPyDateTime"):  # QDateTime
        return value.toPyDateTime().date()
    if hasattr(value, "toPyDate"):  # QDate
        return value.toPyDate()
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return datetime.date(year, month, day)
            except ValueError as error:
                raise DateError("not a valid date: {!r}".format(str(value))) from error
    raise DateError("unreadable date: {!r}".format(str(value)))


def add_years(date, years):
    """Same day ``years`` later; 29 February falls back to 28 February."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)
