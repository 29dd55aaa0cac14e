import pytest

from landplan_plugin.core import units


def test_mu_is_exactly_two_thousand_thirds_m2():
    assert units.to_m2(3, "亩") == 2000.0
    assert units.from_m2(2000, "mu") == 3.0
    assert units.M2_PER_UNIT[units.MU] * 15 == units.M2_PER_UNIT[units.HECTARE]


@pytest.mark.parametrize(
    "value, unit, m2",
    [
        (1, "公顷", 10000.0),
        (1, "hm²", 10000.0),
        (1, "km²", 1000000.0),
        (1, "平方公里", 1000000.0),
        (1, "万亩", 20000000 / 3),
        (1.5, "平方米", 1.5),
    ],
)
def test_to_m2(value, unit, m2):
    assert units.to_m2(value, unit) == pytest.approx(m2, rel=1e-15)


def test_round_trip_without_rounding():
    for unit in ("ha", "mu", "wanmu", "km2", "m2"):
        assert units.to_m2(units.from_m2(1234.5678, unit), unit) == pytest.approx(1234.5678, rel=1e-14)


def test_convert_between_units():
    # 1 万亩 = 10000 × 2000/3 m² = 666.666… ha
    assert units.convert(1, "万亩", "公顷") == pytest.approx(2000 / 3, rel=1e-15)
    assert units.convert(1, "km2", "亩") == pytest.approx(1500.0, rel=1e-15)
    assert units.convert(None, "km2", "亩") is None


def test_unknown_unit_is_an_error():
    with pytest.raises(ValueError):
        units.to_m2(1, "acre")


def test_round_half_up_not_bankers():
    assert units.round_half_up(2.675, 2) == 2.68
    assert units.round_half_up(0.125, 2) == 0.13
    assert units.round_half_up(-1.5, 0) == -2.0


def test_round_half_up_list_equals_the_scalar_rule():
    # ties by the printed decimal, negative ties, ints, NaN, inf, None and text kept
    values = [2.675, 0.125, -1.5, 1.005, 7, 2500.125, -0.005, float("nan"), float("inf"), None, "0101", True]
    rounded = units.round_half_up_list(values, 2)
    assert rounded[:7] == [2.68, 0.13, -1.5, 1.01, 7.0, 2500.13, -0.01]
    assert rounded[7] != rounded[7] and rounded[8] == float("inf")
    assert rounded[9:] == [None, "0101", True]
    # and over many random values exactly what the scalar rule gives
    import random

    rng = random.Random(7)
    many = [rng.uniform(-1e6, 1e6) for _ in range(20000)] + [rng.randint(0, 10**6) / 1000 for _ in range(20000)]
    for places in (0, 2, 4):
        assert units.round_half_up_list(many, places) == [units.round_half_up(v, places) for v in many]


def test_format_area_rounds_only_for_display():
    assert units.format_area(12345.678, "ha", 2) == "1.23 公顷"
    assert units.format_area(12345.678, "亩", 2) == "18.52 亩"  # 18.5185…
    assert units.format_area(1234567.0, "m2", 0, lang="en") == "1,234,567 m²"
    assert units.format_area(None) == ""


def test_round_half_up_array_equals_the_scalar_rule():
    import numpy

    values = [2.675, 0.125, -1.5, 1.005, 2500.125, -0.005, float("nan"), float("inf"), 123456.789]
    rounded = units.round_half_up_array(numpy.array(values), 2)
    assert rounded[:6] == [2.68, 0.13, -1.5, 1.01, 2500.13, -0.01] and rounded[8] == 123456.79
    assert rounded[6] != rounded[6] and rounded[7] == float("inf")
    assert all(type(v) is float for v in rounded)
