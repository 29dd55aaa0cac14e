import pytest

from landplan_plugin.core import landclass


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("0101", ("0101", "")),
        (" ０２０１k ", ("0201", "K")),
        ("1104A", ("1104", "A")),
        ("05H1", ("05H1", "")),
        ("08h2a", ("08H2", "A")),
        ("09", ("09", "")),
        ("abc", None),
        ("", None),
        (None, None),
        ("01011", None),
    ],
)
def test_normalize_code(raw, expected):
    assert landclass.normalize_code(raw) == expected


def test_farmland_is_exactly_three_codes_without_suffix():
    assert [c for c in landclass.classification() if landclass.is_farmland(c)] == ["0101", "0102", "0103"]
    assert not landclass.is_farmland("0101K")
    assert landclass.lookup("0101").is_paddy


def test_field_ridge_is_agricultural_land():
    cls = landclass.lookup("1203")
    assert cls.name == "田坎"
    assert cls.category == landclass.AGRICULTURAL
    assert cls.group_name == "其他土地"


def test_suffixed_codes_keep_suffix_and_inherit_group():
    cls = landclass.lookup("0201K")
    assert (cls.code, cls.base, cls.suffix) == ("0201K", "0201", "K")
    assert cls.group_name == "种植园用地" and cls.category == landclass.AGRICULTURAL
    pond = landclass.lookup("1104A")
    assert pond.name == "养殖坑塘" and pond.group_name == "水域及水利设施用地"
    unlisted = landclass.lookup("0103K")  # not in the table: falls back to its base
    assert unlisted.group_name == "耕地" and not unlisted.is_farmland


@pytest.mark.parametrize(
    "code, category",
    [
        ("0702", landclass.CONSTRUCTION),
        ("1006", landclass.AGRICULTURAL),
        ("1003", landclass.CONSTRUCTION),
        ("0404", landclass.UNUSED),
        ("1101", landclass.UNUSED),
        ("1104", landclass.AGRICULTURAL),
        ("0304", landclass.AGRICULTURAL),
        ("09", landclass.CONSTRUCTION),
    ],
)
def test_three_major_categories(code, category):
    assert landclass.category_of(code) == category


def test_every_class_has_group_and_category():
    table = landclass.classification()
    assert len(table) == 56 + 13  # 56 base codes of the 工作分类, 13 suffixed
    for cls in table.values():
        assert cls.group_name and cls.category in landclass.CATEGORIES
    assert landclass.lookup("9999") is None
