"""Every LandPlan algorithm's Processing dialog opens, shows and paints with
its parameters (issue 15/16 added many): the dialog a user clicks through."""

import pytest


@pytest.mark.parametrize(
    "algorithm_id",
    [
        "landplan:farmlandoccupation",
        "landplan:farmlandbalance",
        "landplan:farmlandchange",
        "landplan:idleland",
        "landplan:stockland",
        "landplan:measureindicators",
        "landplan:restorationstats",
        "landplan:ellipsoidarea",
        "landplan:occupationbalancecheck",
    ],
)
def test_dialog_shows_every_parameter(landplan, qgis_iface, monkeypatch, algorithm_id):
    import processing
    from qgis.core import QgsApplication
    from qgis.gui import QgsBrowserGuiModel
    from qgis.PyQt.QtWidgets import QApplication

    # pytest-qgis's iface has no browser; the dialog's file widgets ask for one
    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    dialog = processing.createAlgorithmDialog(algorithm_id)
    assert dialog is not None
    dialog.resize(900, 700)
    dialog.show()
    QApplication.processEvents()
    image = dialog.grab()
    assert not image.isNull() and image.width() > 100
    import os

    if os.environ.get("LANDPLAN_DIALOG_SHOTS"):
        image.save(os.path.join(os.environ["LANDPLAN_DIALOG_SHOTS"], algorithm_id.split(":")[1] + ".png"))
    panel = dialog.mainWidget()
    # every visible parameter has a wrapper (none failed to build)
    wrappers = getattr(panel, "wrappers", {})
    shown = [p.name() for p in algorithm.parameterDefinitions() if not p.isDestination()]
    missing = [name for name in shown if name not in wrappers]
    assert missing == [], missing
    dialog.close()
