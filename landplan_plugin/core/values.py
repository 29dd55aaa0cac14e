"""Reading attribute values the way users store them.

Numbers arrive as numbers, or as text typed or pasted from Excel and
official documents: "10,000.00" (thousands separators), "１２３．５"
(full-width digits, as a Chinese input method types them), " 12 ".  Those
are read as the number they plainly are; anything else ("约100", "12.3.4",
"N/A") is not guessed at: ``parse_number`` raises NumberError with the
value, so the caller can name the field and feature.
"""

import math
import re
import unicodedata

# 1,234 or 1,234,567.89 (groups of three), after full-width folding
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


_LIST_SEPARATORS = re.compile(r"[,;，；、\n]+")
_LIST_SEPARATORS_AND_SPACES = re.compile(r"[,;，；、\s]+")


def split_list(text, spaces=False):
    """'已完成,完工' / '已完成，完工' / '已完成、完工' → ('已完成', '完工');
    with ``spaces`` a space separates too ('能源 交通')."""
    pattern = _LIST_SEPARATORS_AND_SPACES if spaces else _LIST_SEPARATORS
    return tuple(p.strip() for p in pattern.split(str(text or "")) if p.strip())


def positive_number(value):
    """A number above zero, or None (e.g. a grade, 等别 1 = best: 0, negative
    or unreadable is no grade)."""
    if type(value) is float:  # the common case, per piece
        return value if 0.0 < value < math.inf else None
    result = number(value)
    return result if result is not None and result > 0 else None


class NumberError(ValueError):
    def __init__(self, value):
        super().__init__("not a number: {!r}".format(value))
        self.value = value


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def parse_number(value):
    """A finite float, or None for NULL/empty; NumberError for text that is
    not a number and for NaN/infinity."""
    kind = type(value)
    if kind is float:  # the common cases, per piece: no further tests
        if math.isfinite(value):
            return value
        raise NumberError(value)
    if value is None:
        return None
    if kind is int:
        return float(value)
    if is_null(value):
        return None
    if isinstance(value, bool):
        raise NumberError(value)
    if isinstance(value, (int, float)):
        result = float(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip().replace("\u3000", "").replace(" ", "")
        text = text.replace("，", ",").replace("。", ".")
        if not text:
            return None
        if _GROUPED.match(text):
            text = text.replace(",", "")
        if not _PLAIN.match(text):
            raise NumberError(value)
        result = float(text)
    if not math.isfinite(result):
        raise NumberError(value)
    return result


def number(value):
    """A float, or None for NULL/empty/NaN/unparsable values (lenient: for
    values already checked with ``parse_number`` or optional extras)."""
    try:
        return parse_number(value)
    except NumberError:
        return None


def ridge_coefficient(value):
    """KCXS (田坎扣除系数) as a fraction, and whether it was given as a
    percent.  The standard gives it as a fraction (0.105); a value above 1
    and up to 100 can only be a percent (10.5 → 0.105).  A negative value or
    one above 100 is refused (ValueError): it would make 耕地 negative."""
    k = parse_number(value)
    if k is None:
        return None, False
    if k < 0 or k > 100:
        raise ValueError("KCXS {} is outside 0–1 (or 0–100 %)".format(value))
    if k > 1:
        return k / 100.0, True
    return k, False


def key_text(value):
    """A grouping key as text: NULL → None, 12.0 → '12', strings stripped."""
    if type(value) is str:  # the common case, per piece
        return value.strip() or None
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if isinstance(value, float) and (value != value or value.is_integer()):
        return None if value != value else str(int(value))
    text = str(value).strip()
    return text or None
