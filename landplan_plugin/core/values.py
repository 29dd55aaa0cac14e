"""Reading attribute values the way users store them."""


def number(value):
    """A float, or None for NULL/empty/NaN/unparsable values."""
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    try:
        result = float(value)
    except (TypeError, ValueError):
        return None
    if result != result:
        return None
    return result
