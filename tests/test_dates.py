import datetime

import pytest
from qgis.PyQt.QtCore import QDate, QDateTime

from landplan_plugin.core.dates import DateError, add_years, parse_date

D = datetime.date(2023, 5, 1)


@pytest.mark.parametrize(
    "raw",
    [
        "2023-05-01",
        "2023/5/1",
        "2023.5.1",
        "2023年5月1日",
        "2023年5月1",
        "20230501",
        " 2023-05-01 08:30:00 ",
        "2023-05-01T08:30",
        "２０２３－０５－０１",
        QDate(2023, 5, 1),
        QDateTime(QDate(2023, 5, 1)),
        D,
        datetime.datetime(2023, 5, 1, 12),
    ],
)
def test_forms(raw):
    assert parse_date(raw) == D


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_empty_is_none(raw):
    assert parse_date(raw) is None


@pytest.mark.parametrize("raw", ["2023-13-45", "二〇二三年五月", "May 1", "2023-02-29", "2023"])
def test_unreadable(raw):
    with pytest.raises(DateError):
        parse_date(raw)


def test_add_years_calendar():
    assert add_years(datetime.date(2024, 2, 29), 1) == datetime.date(2025, 2, 28)
    assert add_years(datetime.date(2024, 2, 29), 4) == datetime.date(2028, 2, 29)
    assert add_years(datetime.date(2023, 6, 30), 2) == datetime.date(2025, 6, 30)
