"""HTML reports from Jinja2 templates in ``resources/templates``.

Jinja2 ships with QGIS's Python everywhere QGIS runs (QGIS's own plugins use
it), so reports need no extra dependency.  Figures are rounded only here,
through the ``ha``/``mu``/``num`` filters.
"""

import datetime

from ..paths import resource
from . import units


def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource("templates"))),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # divisors looked up once: a county report formats hundreds of thousands of cells
    per_ha = float(units.M2_PER_UNIT[units.HECTARE])
    per_mu = float(units.M2_PER_UNIT[units.MU])
    env.filters["ha"] = lambda v, d=4: "" if v is None else "{:,.{d}f}".format(units.round_half_up(v / per_ha, d), d=d)
    env.filters["mu"] = lambda v, d=2: "" if v is None else "{:,.{d}f}".format(units.round_half_up(v / per_mu, d), d=d)
    env.filters["m2"] = lambda v, d=2: "" if v is None else "{:,.{d}f}".format(units.round_half_up(v, d), d=d)
    env.filters["num"] = lambda v, d=2: "" if v is None else "{:,.{d}f}".format(units.round_half_up(v, d), d=d)
    env.filters["yesno"] = lambda v: "—" if v is None else ("是 ✔" if v else "否 ✘")
    return env


def render(template_name, **context):
    context.setdefault("generated_at", datetime.datetime.now().strftime("%Y-%m-%d %H:%M"))
    from .. import settings

    context.setdefault("organization", settings.organization())
    context.setdefault("preparer", settings.preparer())
    return _environment().get_template(template_name).render(**context)


def write(path, template_name, **context):
    text = render(template_name, **context)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path
