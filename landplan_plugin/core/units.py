"""Area units used in Chinese land administration.

All computation is in square metres (float, never rounded); conversion to
公顷 / 亩 / 万亩 / km² happens only at output.  1 亩 is exactly 2000/3 m²
(1 公顷 = 15 亩), so conversions are done with the exact ratio rather than
the customary truncated 666.67.

Pure Python: no Qt, no QGIS.
"""

import math
from fractions import Fraction

M2 = "m2"
HECTARE = "ha"
MU = "mu"
WAN_MU = "wanmu"
KM2 = "km2"

#: square metres per unit, exact
M2_PER_UNIT = {
    M2: Fraction(1),
    HECTARE: Fraction(10000),
    MU: Fraction(2000, 3),
    WAN_MU: Fraction(20000000, 3),
    KM2: Fraction(1000000),
}

#: how plans and users spell each unit
UNIT_ALIASES = {
    M2: ("m2", "m²", "平方米", "㎡", "square metre", "square meter", "sqm"),
    HECTARE: ("ha", "hm2", "hm²", "公顷", "hectare", "hectares"),
    MU: ("mu", "亩"),
    WAN_MU: ("wanmu", "万亩", "10k mu"),
    KM2: ("km2", "km²", "平方千米", "平方公里", "㎢", "square kilometre", "square kilometer"),
}

UNIT_LABELS_ZH = {M2: "平方米", HECTARE: "公顷", MU: "亩", WAN_MU: "万亩", KM2: "平方千米"}
UNIT_LABELS_EN = {M2: "m²", HECTARE: "ha", MU: "mu", WAN_MU: "10⁴ mu", KM2: "km²"}

M2_PER_MU = float(M2_PER_UNIT[MU])


def normalize_unit(unit):
    """Return the canonical unit key for a spelling such as '公顷' or 'km²'.

    Raises ValueError for an unknown unit so that a mistyped unit is never
    silently treated as m².
    """
    if unit is None:
        raise ValueError("no unit given")
    text = str(unit).strip().lower().replace(" ", "")
    text = text.replace("（", "(").replace("）", ")")
    for key, aliases in UNIT_ALIASES.items():
        if text == key or text in (a.lower().replace(" ", "") for a in aliases):
            return key
    raise ValueError("unknown area unit: {!r}".format(unit))


def to_m2(value, unit):
    """Convert ``value`` expressed in ``unit`` to square metres."""
    if value is None:
        return None
    return float(value) * float(M2_PER_UNIT[normalize_unit(unit)])


def from_m2(value_m2, unit):
    """Convert square metres to ``unit`` (no rounding)."""
    if value_m2 is None:
        return None
    factor = M2_PER_UNIT[normalize_unit(unit)]
    return float(value_m2) / float(factor)


def convert(value, from_unit, to_unit):
    """Convert between any two area units using the exact ratio."""
    if value is None:
        return None
    ratio = M2_PER_UNIT[normalize_unit(from_unit)] / M2_PER_UNIT[normalize_unit(to_unit)]
    return float(value) * float(ratio)


def round_half_up(value, decimals=2):
    """Round for display the way Chinese statistical tables do (四舍五入),
    not Python's banker's rounding: the number as printed (its shortest
    repr) is rounded, so 2.675 gives 2.68."""
    if value is None:
        return None
    value = float(value)
    if value != value or value in (_INF, -_INF):
        return value
    # fast path: away from a tie the scaled float decides; near one (where
    # binary representation matters) the decimal text decides
    scale = _POW10[decimals] if 0 <= decimals < len(_POW10) else 10.0**decimals
    scaled = value * scale
    floor = math.floor(scaled)
    fraction = scaled - floor
    if abs(fraction - 0.5) > 1e-6 + abs(scaled) * 1e-15:
        return (floor + (1.0 if fraction > 0.5 else 0.0)) / scale
    return _round_half_up_decimal(value, decimals)


def round_half_up_list(values, decimals=2):
    """``round_half_up`` over a list, on arrays: the same value for every
    element (floats and ints rounded, None and other types kept)."""
    import numpy

    numeric = [n for n, v in enumerate(values) if type(v) in (float, int)]
    if not numeric:
        return list(values)
    rounded = round_half_up_array(numpy.array([values[n] for n in numeric], dtype=float), decimals)
    result = list(values)
    for k, n in enumerate(numeric):
        result[n] = rounded[k]
    return result


def round_half_up_array(array, decimals=2):
    """``round_half_up`` of every element of a float array, as a list of
    floats: away from a tie on the array, near one (or not finite) by the
    scalar rule."""
    import numpy

    scale = _POW10[decimals] if 0 <= decimals < len(_POW10) else 10.0**decimals
    with numpy.errstate(invalid="ignore", over="ignore"):
        scaled = array * scale
        floor = numpy.floor(scaled)
        fraction = scaled - floor
        rounded = ((floor + (fraction > 0.5)) / scale).tolist()
        slow = ~(numpy.abs(fraction - 0.5) > 1e-6 + numpy.abs(scaled) * 1e-15)
    for k in numpy.flatnonzero(slow).tolist():
        rounded[k] = round_half_up(float(array[k]), decimals)
    return rounded


def _round_half_up_decimal(value, decimals):
    from decimal import Decimal, ROUND_HALF_UP

    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


_INF = float("inf")
_POW10 = tuple(10.0**n for n in range(16))


def format_area(value_m2, unit=HECTARE, decimals=2, with_unit=True, lang="zh"):
    """Format an area for reports: converts, rounds half-up, groups thousands."""
    if value_m2 is None:
        return ""
    key = normalize_unit(unit)
    value = round_half_up(from_m2(value_m2, key), decimals)
    text = "{:,.{d}f}".format(value, d=decimals)
    if not with_unit:
        return text
    labels = UNIT_LABELS_ZH if lang == "zh" else UNIT_LABELS_EN
    return "{} {}".format(text, labels[key])
