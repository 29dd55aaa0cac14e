"""Translation helper shared by core, processing and ui.

Every user-visible string goes through :func:`tr` with a literal English
source text; ``pylupdate5`` extracts them into ``i18n/landplan_zh_CN.ts``
under the ``@default`` context, which is the context used here at run time.
"""

from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "@default"


def tr(text):
    return QCoreApplication.translate(CONTEXT, text)
