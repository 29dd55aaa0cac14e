"""Map-sheet rules: scales, file names, grid intervals.  Pure Python.

* The scale of a sheet is the smallest allowed denominator at which the
  feature's extent, with a margin of 10 % on every side (at least 20 m),
  fits the map frame.  A feature too large for every allowed scale gets the
  largest one (and a warning from the caller).
* File names keep Chinese and replace characters that Windows and Linux
  file systems refuse (\\ / : * ? " < > |, control characters) and spaces
  with '_'; duplicates get _2, _3 ….
* Grid interval: the 1-2-5 value giving about four grid lines across.
"""

import math
import re

DEFAULT_SCALES = (500, 1000, 2000, 5000, 10000, 25000, 50000)
MARGIN = 0.10
MIN_MARGIN_M = 20.0

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')


def parse_scales(text):
    if text is None or not str(text).strip():
        return list(DEFAULT_SCALES)
    values = []
    for item in re.split(r"[,;，；\s]+", str(text).strip()):
        if not item:
            continue
        item = item.replace("1:", "")
        value = float(item)
        if value <= 0:
            raise ValueError("scale must be positive: {}".format(item))
        values.append(value)
    if not values:
        raise ValueError("no scales given")
    return sorted(set(values))


def required_extent(width_m, height_m):
    margin_w = max(width_m * MARGIN, MIN_MARGIN_M)
    margin_h = max(height_m * MARGIN, MIN_MARGIN_M)
    return width_m + 2 * margin_w, height_m + 2 * margin_h


def choose_scale(width_m, height_m, frame_w_mm, frame_h_mm, scales):
    """(scale, fits) for a feature extent in metres and a map frame in mm."""
    need_w, need_h = required_extent(width_m, height_m)
    needed = max(need_w / (frame_w_mm / 1000.0), need_h / (frame_h_mm / 1000.0))
    for scale in sorted(scales):
        if scale >= needed:
            return scale, True
    return max(scales), False


def safe_filename(text, used=None):
    name = _UNSAFE.sub("_", str(text)).strip("._") or "sheet"
    if used is not None:
        base, n = name, 2
        while name.lower() in used:
            name = "{}_{}".format(base, n)
            n += 1
        used.add(name.lower())
    return name


def grid_interval(ground_width_m, lines=4):
    raw = ground_width_m / float(lines)
    power = 10 ** math.floor(math.log10(raw))
    for step in (1, 2, 5, 10):
        if step * power >= raw:
            return step * power
    return 10 * power


def _quoted(field):
    return '"{}"'.format(field.replace('"', '""'))


def default_title_expression(id_field, name_field=None):
    """「<项目名称>用地范围图」 when a name field is given (the id when a
    feature has no name), else 「建设项目用地范围图 <id>」."""
    if name_field:
        return "coalesce(nullif(trim(to_string({n})), ''), to_string({i})) || '用地范围图'".format(
            n=_quoted(name_field), i=_quoted(id_field)
        )
    return "'建设项目用地范围图 ' || to_string({})".format(_quoted(id_field))


def sheet_numbers(ids):
    """[(i, n)] per feature: a project drawn on n sheets (n features with the
    same id) numbers them 1…n in the order given."""
    totals = {}
    for key in ids:
        totals[key] = totals.get(key, 0) + 1
    seen = {}
    numbers = []
    for key in ids:
        seen[key] = seen.get(key, 0) + 1
        numbers.append((seen[key], totals[key]))
    return numbers


def numbered_title(title, number, of):
    """The title, with （第i幅/共n幅） when the project has several sheets."""
    text = str(title)
    return text if of <= 1 else "{}（第{}幅/共{}幅）".format(text, number, of)
