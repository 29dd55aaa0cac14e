"""The built plugin works headless through qgis_process.bin, from a scratch
profile, and the ZIP from `make package` installs and loads."""

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from qgisprocess import PLUGIN, QgisProcess

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
SAMPLE = ROOT / "resources" / "sample" / "sample_county.gpkg"


@pytest.fixture(scope="module")
def qp(tmp_path_factory):
    if not (BUILD / PLUGIN / "metadata.txt").is_file():
        pytest.fail("plugin not built: run `make build` (make test does it)")
    runner = QgisProcess(BUILD, profile_dir=tmp_path_factory.mktemp("profile"))
    runner.enable_plugin()
    return runner


def test_provider_listed(qp):
    listing = qp.list_json()
    providers = listing["providers"]
    assert "landplan" in providers
    algorithms = providers["landplan"]["algorithms"]
    assert "landplan:ellipsoidarea" in algorithms


def test_run_ellipsoid_area_on_sample(qp, tmp_path):
    out = tmp_path / "面积.gpkg"
    result = qp.run(
        "landplan:ellipsoidarea",
        {"INPUT": "{}|layername=DLTB".format(SAMPLE), "TBMJ_FIELD": "TBMJ", "OUTPUT": str(out)},
    )
    assert result["results"]["FEATURE_COUNT"] == 2997
    assert out.is_file()


def test_bad_input_exits_with_error(qp, tmp_path):
    result = qp.call(
        "run",
        "landplan:ellipsoidarea",
        "--",
        "INPUT={}|layername=DLTB".format(SAMPLE),
        "TBMJ_FIELD=DLMC",
        "OUTPUT={}".format(tmp_path / "x.gpkg"),
        check=False,
    )
    assert result.returncode != 0
    assert "DLMC" in result.stdout + result.stderr


def test_package_zip_installs_and_loads(tmp_path):
    subprocess.run(["make", "-s", "package"], cwd=ROOT, check=True, capture_output=True)
    zips = sorted((ROOT / "dist").glob("landplan_plugin-*.zip"))
    assert zips
    from check_package import check

    assert check(zips[-1]) == []
    with zipfile.ZipFile(zips[-1]) as archive:
        names = archive.namelist()
        assert "landplan_plugin/metadata.txt" in names
        assert "landplan_plugin/icon.svg" in names
        assert "landplan_plugin/i18n/landplan_zh_CN.qm" in names
        assert "landplan_plugin/resources/tables/landclasses_sandiao.csv" in names
        assert not any(n.endswith((".pyc", ".ts")) for n in names)
        plugins_dir = tmp_path / "profile" / "python" / "plugins"
        archive.extractall(plugins_dir)
    runner = QgisProcess(plugins_dir, profile_dir=tmp_path / "profile")
    listed = runner.call("plugins").stdout
    assert PLUGIN in listed
    runner.enable_plugin()
    assert "landplan:ellipsoidarea" in json.dumps(runner.list_json())


def test_shipped_model_chains_occupation_and_balance(qp, tmp_path):
    listing = qp.list_json()["providers"]["landplan"]["algorithms"]
    assert "landplan:occupationbalancecheck" in listing
    outputs = {
        name: str(tmp_path / (name.split(":")[1] + ".gpkg"))
        for name in (
            "farmlandoccupation:pieces",
            "farmlandoccupation:summary",
            "farmlandbalance:balance",
            "farmlandbalance:ledger",
        )
    }
    result = qp.run(
        "landplan:occupationbalancecheck",
        {
            "projects": "{}|layername=projects".format(SAMPLE),
            "project_id": "XMBH",
            "landuse": "{}|layername=DLTB".format(SAMPLE),
            "basic_farmland": "{}|layername=YJJBNT".format(SAMPLE),
            "repair": "true",
            "capacity_table": "default",
            "supplement": "{}|layername=supplement".format(SAMPLE),
            "allocations": "{}|layername=allocations".format(SAMPLE),
            **outputs,
        },
    )
    assert set(result["results"]) >= set(outputs)
    from osgeo import ogr

    ds = ogr.Open(outputs["farmlandbalance:balance"])
    rows = {f["project_id"]: f.items() for f in ds.GetLayer(0)}
    assert len(rows) == 7  # one row per occupying project of the sample county
    # JS2024-006 (school in town) takes no farmland: nothing to balance
    assert rows["JS2024-006"]["req_farmland_m2"] == 0
    # the model wires the approval date (PZRQ) through: JS2024-007, approved 2024-11-05,
    # draws from BC2024-02, accepted 2024-12-01, so 先补后占 fails and it is not balanced
    assert rows["JS2024-007"]["order_ok"] == 0
    assert rows["JS2024-007"]["balanced"] == 0 and rows["JS2024-007"]["verdict"] == "不平衡"
    # JS2024-001 drew only from supplements accepted before 2024-03-15 and is balanced
    assert rows["JS2024-001"]["order_ok"] == 1 and rows["JS2024-001"]["verdict"] == "平衡"
    ds = ogr.Open(outputs["farmlandbalance:ledger"])
    ledger = {f["supplement_id"]: f.items() for f in ds.GetLayer(0)}
    assert ledger["BC2023-01"]["drawn_farmland_m2"] == 450000
    assert ledger["BC2023-01"]["overdrawn"] == 0
    # 旱改水 adds paddy and capacity, not farmland; 提质改造 capacity only
    assert (ledger["BC2023-02"]["sup_type"], ledger["BC2023-02"]["avail_farmland_m2"]) == ("旱改水", 0)
    assert ledger["BC2023-02"]["avail_paddy_m2"] == 160000
    assert (ledger["BC2024-02"]["sup_type"], ledger["BC2024-02"]["avail_paddy_m2"]) == ("提质改造", 0)


def test_farmland_occupation_headless(qp, tmp_path):
    result = qp.run(
        "landplan:farmlandoccupation",
        {
            "PROJECTS": "{}|layername=projects".format(SAMPLE),
            "PROJECT_ID_FIELD": "XMBH",
            "LANDUSE": "{}|layername=DLTB".format(SAMPLE),
            "REPAIR_INVALID": "true",
            "OUTPUT_PIECES": str(tmp_path / "p.gpkg"),
            "OUTPUT_SUMMARY": str(tmp_path / "s.gpkg"),
        },
    )
    assert result["results"]["OUTPUT_SUMMARY"] == str(tmp_path / "s.gpkg")
