"""Indicator numbers as the bureau reads them (hand-worked figures)."""

from landplan_plugin.core.indicators import display


def test_values_at_unit_precision():
    assert display.value_text(312.9848967458752, "公顷") == "312.98"
    assert display.value_text(410.65668400000004, "公顷") == "410.66"
    assert display.value_text(0.125, "%") == "0.13"  # half-up, not banker's
    assert display.value_text(12.0, "个") == "12"
    assert display.rounded(410.65668400000004, "公顷") == 410.66


def test_targets_as_printed():
    assert display.target_with_comparator({"target_value": 300.0, "comparator": ">=", "unit": "公顷"}) == "≥300"
    assert display.target_with_comparator({"target_value": 410.656684, "comparator": "<=", "unit": "公顷"}) == "≤410.66"
    assert display.target_with_comparator({"target_value": 1200.0, "cumulative": 1, "comparator": ">="}) == "≥[1200]"
    assert display.target_with_comparator({"target_value": None, "target_text": "落实国家要求"}) == "落实国家要求"
    row = {"value": 312.9848967458752, "value_year": 2023, "unit": "公顷"}
    assert display.value_with_year(row) == "312.98（2023）"
