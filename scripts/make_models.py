"""Write the graphical models shipped under resources/models/.

    QT_QPA_PLATFORM=offscreen python3 scripts/make_models.py

The .model3 files are what users open in the modeler; this script is how we
regenerate them reproducibly instead of editing XML by hand.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def occupation_balance_model():
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterBoolean,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterString,
        QgsProcessing,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm("建设项目占地与占补平衡核查 Occupation and balance check", "LandPlan models")
    model.setName("occupationbalancecheck")
    model.setHelpContent(
        {
            "ALG_DESC": "Runs Farmland occupation analysis on the projects and feeds its summary into the "
            "占补平衡 check against the supplementary farmland projects (pooled unless an allocation ledger is given). "
            "The projects' approval date (PZRQ) and the supplements' acceptance date travel through, so 先补后占 is "
            "always checked; supplement types (XMLX: 新增耕地 / 旱改水 / 提质改造) decide which ledgers they feed. "
            "先做建设项目占地分析，再以其汇总表（含批准日期）核查耕地占补平衡（含先补后占、补充耕地类型）。",
        }
    )

    def add_input(parameter, x, y):
        component = QgsProcessingModelParameter(parameter.name())
        component.setPosition(QPointF(x, y))
        # the model takes ownership of the definition: never reuse it after this
        model.addModelParameter(parameter, component)

    add_input(
        QgsProcessingParameterFeatureSource(
            "projects", "建设项目 Projects", [QgsProcessing.SourceType.TypeVectorPolygon]
        ),
        120,
        60,
    )
    add_input(
        QgsProcessingParameterField("project_id", "项目编号字段 Project id field", parentLayerParameterName="projects"),
        120,
        120,
    )
    add_input(
        QgsProcessingParameterField(
            "project_date_field",
            "批准日期字段 Approval date field",
            defaultValue="PZRQ",
            parentLayerParameterName="projects",
            optional=True,
        ),
        120,
        150,
    )
    add_input(
        QgsProcessingParameterField(
            "project_type_field",
            "项目类型字段 Project type field",
            defaultValue="XMLX",
            parentLayerParameterName="projects",
            optional=True,
        ),
        120,
        165,
    )
    add_input(
        QgsProcessingParameterFeatureSource(
            "landuse", "三调地类图斑 DLTB", [QgsProcessing.SourceType.TypeVectorPolygon]
        ),
        120,
        180,
    )
    add_input(
        QgsProcessingParameterFeatureSource(
            "basic_farmland", "永久基本农田 Basic farmland", [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
        ),
        120,
        240,
    )
    add_input(
        QgsProcessingParameterEnum(
            "area_mode",
            "面积口径 Area mode",
            options=["0 – apportioned survey area", "1 – ellipsoidal", "2 – planar"],
            defaultValue=0,
        ),
        120,
        300,
    )
    add_input(QgsProcessingParameterString("capacity_table", "产能对照表 Capacity table", optional=True), 120, 360)
    add_input(
        QgsProcessingParameterBoolean("repair", "修复无效几何 Repair invalid geometries", defaultValue=False), 120, 420
    )
    add_input(
        QgsProcessingParameterFeatureSource(
            "supplement", "补充耕地项目 Supplement projects", [QgsProcessing.SourceType.TypeVector]
        ),
        120,
        480,
    )
    add_input(
        QgsProcessingParameterFeatureSource(
            "allocations", "挂钩台账 Allocations", [QgsProcessing.SourceType.TypeVector], optional=True
        ),
        120,
        540,
    )
    add_input(
        QgsProcessingParameterField(
            "supplement_date_field",
            "补充耕地验收日期字段 Acceptance date field",
            defaultValue="accepted",
            parentLayerParameterName="supplement",
            optional=True,
        ),
        120,
        600,
    )
    add_input(
        QgsProcessingParameterField(
            "supplement_type_field",
            "补充耕地类型字段 Supplement type field",
            defaultValue="XMLX",
            parentLayerParameterName="supplement",
            optional=True,
        ),
        120,
        660,
    )
    add_input(
        QgsProcessingParameterBoolean("require_order", "必须先补后占 Require 先补后占", defaultValue=True), 120, 720
    )

    occupation = QgsProcessingModelChildAlgorithm("landplan:farmlandoccupation")
    occupation.setChildId("farmlandoccupation")
    occupation.setDescription("建设项目占地分析")
    occupation.setPosition(QPointF(420, 200))
    for name, source in (
        ("PROJECTS", "projects"),
        ("PROJECT_ID_FIELD", "project_id"),
        ("LANDUSE", "landuse"),
        ("BASIC_FARMLAND", "basic_farmland"),
        ("AREA_MODE", "area_mode"),
        ("CAPACITY_TABLE", "capacity_table"),
        ("REPAIR_INVALID", "repair"),
        # the approval date travels in the summary to the balance check (先补后占)
        ("PROJECT_DATE_FIELD", "project_date_field"),
        ("PROJECT_TYPE_FIELD", "project_type_field"),
    ):
        occupation.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromModelParameter(source)])
    for name, label, title, y in (
        ("OUTPUT_PIECES", "pieces", "占地图斑 Occupied pieces", 140),
        ("OUTPUT_SUMMARY", "summary", "占地汇总 Occupation summary", 200),
        ("OUTPUT_CLASSES", "classes", "地类面积表 Class table", 260),
    ):
        output = QgsProcessingModelOutput(label, title)
        output.setChildOutputName(name)
        output.setChildId("farmlandoccupation")
        output.setPosition(QPointF(640, y))
        output.setMandatory(name != "OUTPUT_CLASSES")
        occupation.setModelOutputs({**occupation.modelOutputs(), label: output})
    model.addChildAlgorithm(occupation)

    check = QgsProcessingModelChildAlgorithm("landplan:farmlandbalance")
    check.setChildId("farmlandbalance")
    check.setDescription("耕地占补平衡核查")
    check.setPosition(QPointF(420, 480))
    check.addParameterSources(
        "OCCUPATION", [QgsProcessingModelChildParameterSource.fromChildOutput("farmlandoccupation", "OUTPUT_SUMMARY")]
    )
    check.addParameterSources("SUPPLEMENT", [QgsProcessingModelChildParameterSource.fromModelParameter("supplement")])
    check.addParameterSources("ALLOCATIONS", [QgsProcessingModelChildParameterSource.fromModelParameter("allocations")])
    # the summary's approval_date is OCC_DATE_FIELD's default; named here so the model says it
    check.addParameterSources(
        "OCC_DATE_FIELD", [QgsProcessingModelChildParameterSource.fromStaticValue("approval_date")]
    )
    for name, source in (
        ("SUP_DATE_FIELD", "supplement_date_field"),
        ("SUP_TYPE_FIELD", "supplement_type_field"),
        ("REQUIRE_ORDER", "require_order"),
    ):
        check.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromModelParameter(source)])
    for name, label, title, y in (
        ("OUTPUT", "balance", "占补平衡 Balance", 460),
        ("OUTPUT_LEDGER", "ledger", "补充耕地台账 Ledger", 520),
        ("OUTPUT_REPORT", "balance_report", "占补平衡报告 Balance report", 580),
    ):
        output = QgsProcessingModelOutput(label, title)
        output.setChildOutputName(name)
        output.setChildId("farmlandbalance")
        output.setPosition(QPointF(640, y))
        output.setMandatory(name != "OUTPUT_REPORT")
        check.setModelOutputs({**check.modelOutputs(), label: output})
    model.addChildAlgorithm(check)
    model.updateDestinationParameters()
    return model


def main():
    from qgis.core import QgsApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import landplan_plugin

    plugin = landplan_plugin.classFactory(None)
    plugin.initProcessing()
    target = ROOT / "resources" / "models" / "occupation_balance_check.model3"
    model = occupation_balance_model()
    if not model.toFile(str(target)):
        sys.exit("could not write " + str(target))
    print("wrote", target)


if __name__ == "__main__":
    main()
