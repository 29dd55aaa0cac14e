"""Offline help: the Processing dialog's Help button opens a local HTML page.

County bureaus often work on networks without internet access, so the page
is written from the algorithm's own (translated) help and parameter list
into the QGIS profile folder the first time it is asked for, and refreshed
whenever its text changes (plugin version, UI language).  It links to the online page.
"""

import html
import os

from qgis.core import QgsApplication, QgsProcessingParameterDefinition
from qgis.PyQt.QtCore import QUrl

from ..core.i18n import tr


def help_page_url(algorithm, online_url):
    folder = os.path.join(QgsApplication.qgisSettingsDirPath(), "landplan_help")
    try:
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "{}.html".format(algorithm.name()))
        text = page(algorithm, online_url)
        if not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
            with open(path + ".tmp", "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(path + ".tmp", path)
    except OSError:
        return online_url
    return QUrl.fromLocalFile(path).toString()


def page(algorithm, online_url):
    rows = []
    for definition in algorithm.parameterDefinitions():
        rows.append(
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>".format(
                html.escape(definition.name()),
                html.escape(definition.description()),
                tr("optional") if definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional else "",
            )
        )
    for output in algorithm.outputDefinitions():
        rows.append(
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>".format(
                html.escape(output.name()), html.escape(output.description()), tr("output")
            )
        )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
        "<style>body{{font-family:sans-serif;margin:2em;max-width:60em}}td,th{{border:1px solid #aaa;padding:.2em .5em}}"
        "table{{border-collapse:collapse}}</style></head><body>"
        "<h1>{title}</h1><p><code>landplan:{name}</code></p><div>{help}</div>"
        "<h2>{params}</h2><table>{rows}</table>"
        '<p><a href="{online}">{online_text}</a></p></body></html>'
    ).format(
        title=html.escape(algorithm.displayName()),
        name=html.escape(algorithm.name()),
        help=algorithm.shortHelpString().replace("\n", "<br>"),
        params=html.escape(tr("Parameters and outputs")),
        rows="".join(rows),
        online=html.escape(online_url),
        online_text=html.escape(tr("Online documentation")),
    )
