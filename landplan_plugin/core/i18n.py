"""Translation helper shared by core, processing and ui.

Every user-visible string goes through :func:`tr` with a literal English
source text; ``pylupdate5`` extracts them into ``i18n/landplan_zh_CN.ts``
under the ``@default`` context, which is the context used here at run time.
"""

CONTEXT = "@default"

try:
    from qgis.PyQt.QtCore import QCoreApplication
except ImportError:  # outside QGIS (landplan_spark): the English source text
    QCoreApplication = None


def tr(text):
    if QCoreApplication is None:
        return text
    return QCoreApplication.translate(CONTEXT, text)
