"""Plugin lifecycle: provider registered once, unload removes everything."""

from qgis.core import QgsApplication


def test_provider_identity(landplan):
    provider = QgsApplication.processingRegistry().providerById("landplan")
    assert provider.name() == "国土规划工具 LandPlan"
    ids = {alg.id() for alg in provider.algorithms()}
    assert "landplan:ellipsoidarea" in ids
    for alg in provider.algorithms():
        assert alg.name() == alg.name().lower() and alg.name().isascii()
        assert alg.shortHelpString()
        assert alg.displayName()


def test_init_processing_is_idempotent(landplan):
    before = landplan.provider
    landplan.initProcessing()
    landplan.initProcessing()
    assert landplan.provider is before
    assert len([p for p in QgsApplication.processingRegistry().providers() if p.id() == "landplan"]) == 1


def test_gui_lifecycle_adds_and_removes(qgis_iface, qgis_processing):
    import landplan_plugin

    plugin = landplan_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.actions
    # the session fixture already holds the id, so this instance registered none
    # and must not remove the session's provider when it unloads
    assert plugin.provider is None
    plugin.unload()
    assert plugin.actions == []
    assert QgsApplication.processingRegistry().providerById("landplan") is not None


def test_gui_registers_layout_templates_and_dock(qgis_iface, qgis_processing):
    from qgis.core import QgsApplication

    import landplan_plugin
    from landplan_plugin.paths import resource

    plugin = landplan_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert str(resource("layouts")) in QgsApplication.layoutTemplatePaths()
        assert plugin.dock.objectName() == "LandPlanIndicatorDock"
    finally:
        plugin.unload()
    assert str(resource("layouts")) not in QgsApplication.layoutTemplatePaths()


def test_help_texts_survive_html_rendering(landplan):
    """The Processing dialog renders help as HTML: a raw '<' would cut it."""
    from qgis.core import QgsApplication, QgsProcessingModelAlgorithm
    from qgis.PyQt.QtGui import QTextDocument

    provider = QgsApplication.processingRegistry().providerById("landplan")
    for algorithm in provider.algorithms():
        if isinstance(algorithm, QgsProcessingModelAlgorithm):
            continue  # a model's help is HTML made by QGIS itself
        text = algorithm.shortHelpString()
        if not text:
            continue
        document = QTextDocument()
        document.setHtml(text)
        rendered = document.toPlainText()
        assert "<" not in text.replace("&lt;", ""), algorithm.id()
        if algorithm.id() == "landplan:idleland":
            assert "developed share < 1/3" in rendered
            assert rendered.rstrip().endswith(
                text.rstrip()[-20:].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            )


def test_options_page_signs_reports(qgis_iface, qgis_processing, tmp_path):
    """Settings ▸ Options ▸ LandPlan stores 制表单位/制表人; reports print them
    instead of the login name."""
    from qgis.core import QgsSettings

    from landplan_plugin import settings
    from landplan_plugin.core import report
    from landplan_plugin.ui.options_page import LandPlanOptionsFactory

    old = settings.organization(), settings.preparer()
    page = LandPlanOptionsFactory().createWidget(None)
    try:
        page.organization.setText("样例县自然资源局")
        page.preparer.setText("张三")
        page.show()
        page.grab()
        page.apply()
        text = report.render(
            "idle_report.html.j2", reference="2024-06-30", layer="x", thresholds=(0.3333, 0.25, 90), rows=[], parcels=[]
        )
        assert "制表单位：样例县自然资源局" in text and "制表人：张三" in text
    finally:
        settings.set_signature(*old)
        page.deleteLater()
        QgsSettings().remove("LandPlan/sheetFont") if not QgsSettings().value("LandPlan/sheetFont") else None


def test_model_has_a_translated_name_and_group(landplan):
    from qgis.core import QgsApplication

    model = QgsApplication.processingRegistry().algorithmById("landplan:occupationbalancecheck")
    assert model.id() == "landplan:occupationbalancecheck"  # the id users call stays
    assert model.displayName() == "Occupation and balance check (model)"
    assert model.group() == "Farmland protection" and model.groupId() == "farmland"
    copy = model.create()
    assert copy.displayName() == model.displayName() and len(copy.childAlgorithms()) == len(model.childAlgorithms())


def test_help_button_opens_a_bundled_page(landplan):
    """Offline help: helpUrl is a local file with the algorithm's help and parameters."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QUrl

    algorithm = QgsApplication.processingRegistry().algorithmById("landplan:idleland")
    url = QUrl(algorithm.helpUrl())
    assert url.isLocalFile()
    text = open(url.toLocalFile(), encoding="utf-8").read()
    assert "landplan:idleland" in text and "OUTPUT_REPORT" in text
    assert "&lt;" in text  # help text escaped, not cut at a raw "<"
