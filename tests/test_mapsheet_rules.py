import pytest

from landplan_plugin.core import mapsheet


def test_choose_scale_smallest_that_fits():
    # 300 m × 200 m feature → 360 × 240 m with 10 % margins (≥ 20 m: 30 and 20 m)
    # frame 180 × 165 mm: needs 360 / 0.18 = 2000 and 240 / 0.165 = 1454.5 → 1:2000
    assert mapsheet.choose_scale(300, 200, 180, 165, mapsheet.DEFAULT_SCALES) == (2000, True)
    # 301 m wide → 361.2 m / 0.18 = 2006.7 → 1:5000
    assert mapsheet.choose_scale(301, 200, 180, 165, mapsheet.DEFAULT_SCALES) == (5000, True)
    # tiny feature: the 20 m minimum margin applies: 10 + 40 = 50 m / 0.18 → 277.8 → 1:500
    assert mapsheet.choose_scale(10, 10, 180, 165, mapsheet.DEFAULT_SCALES) == (500, True)
    assert mapsheet.choose_scale(100000, 100, 180, 165, mapsheet.DEFAULT_SCALES) == (50000, False)


def test_parse_scales():
    assert mapsheet.parse_scales("") == list(mapsheet.DEFAULT_SCALES)
    assert mapsheet.parse_scales("1:2000, 500；10000") == [500, 2000, 10000]
    with pytest.raises(ValueError):
        mapsheet.parse_scales("abc")


def test_safe_filename_keeps_chinese():
    used = set()
    assert mapsheet.safe_filename("JS2024/001 城东:工业园?", used) == "JS2024_001_城东_工业园"
    assert mapsheet.safe_filename("样批〔2019〕1号", used) == "样批〔2019〕1号"
    assert mapsheet.safe_filename("a b", used) == "a_b"
    assert mapsheet.safe_filename("a b", used) == "a_b_2"
    assert mapsheet.safe_filename("A*B", set()) == "A_B"


def test_grid_interval():
    assert mapsheet.grid_interval(360) == 100
    assert mapsheet.grid_interval(1000) == 500
    assert mapsheet.grid_interval(4000) == 1000
