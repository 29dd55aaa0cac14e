"""landplan:farmlandbalance with hand-computed figures (tables in GeoPackages).

Occupation: A farmland 6000 paddy 2000 grade 7 capacity 5000 approved 2024-06-01
            B farmland 3000 paddy 0    grade 9 capacity 2000 approved 2024-03-01
Supplement: S1 farmland 8000 paddy 2500 grade 6  capacity 6000 accepted 2024-01-10
            S2 farmland 2000 paddy 0    grade 10 capacity 1000 accepted 2024-07-01
"""

import processing
import pytest
from qgis.core import QgsProcessing, QgsProcessingException

OCC_FIELDS = [
    ("project_id", "str"),
    ("farmland_m2", "float"),
    ("paddy_m2", "float"),
    ("farmland_grade", "float"),
    ("capacity_kg", "float"),
    ("approved", "date"),
]
SUP_FIELDS = [
    ("supplement_id", "str"),
    ("farmland_m2", "float"),
    ("paddy_m2", "float"),
    ("grade", "float"),
    ("capacity_kg", "float"),
    ("accepted", "date"),
]
ALLOC_FIELDS = [
    ("project_id", "str"),
    ("supplement_id", "str"),
    ("farmland_m2", "float"),
    ("paddy_m2", "float"),
    ("capacity_kg", "float"),
]


def occ(pid, farmland, paddy, grade, capacity, date):
    return (None, dict(zip([f for f, _ in OCC_FIELDS], (pid, farmland, paddy, grade, capacity, date))))


def sup(sid, farmland, paddy, grade, capacity, date):
    return (None, dict(zip([f for f, _ in SUP_FIELDS], (sid, farmland, paddy, grade, capacity, date))))


def alloc(pid, sid, farmland, paddy, capacity):
    return (None, dict(zip([f for f, _ in ALLOC_FIELDS], (pid, sid, farmland, paddy, capacity))))


OCCUPATIONS = [occ("A", 6000, 2000, 7, 5000, "2024-06-01"), occ("B", 3000, 0, 9, 2000, "2024-03-01")]
SUPPLEMENTS = [sup("S1", 8000, 2500, 6, 6000, "2024-01-10"), sup("S2", 2000, 0, 10, 1000, "2024-07-01")]
ALLOCATIONS = [alloc("A", "S1", 6000, 2000, 5000), alloc("B", "S1", 1500, 0, 800), alloc("B", "S2", 1500, 0, 700)]


def tables(make_gpkg, occupations=OCCUPATIONS, supplements=SUPPLEMENTS, allocations=ALLOCATIONS, name="b.gpkg"):
    layers = {
        "occupation": ("None", None, OCC_FIELDS, occupations),
        "supplement": ("None", None, SUP_FIELDS, supplements),
    }
    if allocations is not None:
        layers["allocations"] = ("None", None, ALLOC_FIELDS, allocations)
    return make_gpkg(name, layers)


def run(path, allocations=True, **overrides):
    params = {
        "OCCUPATION": path + "|layername=occupation",
        "OCC_DATE_FIELD": "approved",
        "SUPPLEMENT": path + "|layername=supplement",
        "SUP_DATE_FIELD": "accepted",
        "ALLOCATIONS": path + "|layername=allocations" if allocations else None,
        "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_LEDGER": QgsProcessing.TEMPORARY_OUTPUT,
    }
    params.update(overrides)
    result = processing.run("landplan:farmlandbalance", params)
    rows = {f["project_id"]: f for f in result["OUTPUT"].getFeatures()}
    ledger = {f["supplement_id"]: f for f in result["OUTPUT_LEDGER"].getFeatures()}
    return rows, ledger


def null(value):
    return value is None or str(value) == "NULL"


def test_pooled_mode(landplan, make_gpkg):
    rows, ledger = run(tables(make_gpkg, allocations=None), allocations=False)
    assert list(rows) == ["*"]
    row = rows["*"]
    assert (row["req_farmland_m2"], row["req_paddy_m2"], row["req_capacity_kg"]) == (9000, 2000, 7000)
    assert (row["got_farmland_m2"], row["got_paddy_m2"], row["got_capacity_kg"]) == (10000, 2500, 7000)
    assert row["occ_grade"] == pytest.approx((6000 * 7 + 3000 * 9) / 9000)
    assert row["sup_grade"] == pytest.approx((8000 * 6 + 2000 * 10) / 10000)
    assert (row["quantity_ok"], row["paddy_ok"], row["capacity_ok"], row["quality_ok"]) == (1, 1, 1, 1)
    # B approved 2024-03-01 is covered by S1 (8000 ≥ 3000); by A's approval 2024-06-01, 9000 occupied > 8000 accepted
    assert row["order_ok"] == 0
    assert row["balanced"] == 0
    assert row["short_farmland_m2"] == 0
    # first accepted first: S1 gives 8000 / 2000 / 6000, S2 the rest 1000 / 0 / 1000
    assert (ledger["S1"]["drawn_farmland_m2"], ledger["S1"]["drawn_paddy_m2"], ledger["S1"]["drawn_capacity_kg"]) == (
        8000,
        2000,
        6000,
    )
    assert (
        ledger["S1"]["remain_paddy_m2"],
        ledger["S2"]["remain_farmland_m2"],
        ledger["S2"]["remain_capacity_kg"],
    ) == (500, 1000, 0)
    assert ledger["S1"]["overdrawn"] == 0 and ledger["S2"]["overdrawn"] == 0


def test_pooled_without_dates_is_unchecked(landplan, make_gpkg):
    # 先补后占 is required by default: without dates it cannot be checked, and an
    # unchecked rule is never a pass
    rows, _ = run(tables(make_gpkg, allocations=None), allocations=False, OCC_DATE_FIELD=None, SUP_DATE_FIELD=None)
    assert null(rows["*"]["order_ok"])
    assert null(rows["*"]["balanced"])
    assert rows["*"]["verdict"] == "未核查"
    assert rows["*"]["unchecked"] == "先补后占"
    # when the user does not require the order, the other four checks decide
    rows, _ = run(
        tables(make_gpkg, allocations=None, name="b2.gpkg"),
        allocations=False,
        OCC_DATE_FIELD=None,
        SUP_DATE_FIELD=None,
        REQUIRE_ORDER=False,
    )
    assert rows["*"]["balanced"] == 1 and rows["*"]["verdict"] == "平衡"
    assert rows["*"]["unchecked"] == ""


def test_allocated_mode(landplan, make_gpkg):
    rows, ledger = run(tables(make_gpkg))
    a, b = rows["A"], rows["B"]
    assert (a["got_farmland_m2"], a["got_paddy_m2"], a["got_capacity_kg"], a["sup_grade"]) == (6000, 2000, 5000, 6)
    assert (a["quantity_ok"], a["paddy_ok"], a["capacity_ok"], a["quality_ok"], a["order_ok"], a["balanced"]) == (
        1,
        1,
        1,
        1,
        1,
        1,
    )
    assert (b["got_farmland_m2"], b["got_capacity_kg"]) == (3000, 1500)
    assert b["sup_grade"] == pytest.approx(8)  # (1500 × 6 + 1500 × 10) / 3000
    assert b["capacity_ok"] == 0 and b["short_capacity_kg"] == 500
    assert b["quality_ok"] == 1
    assert b["order_ok"] == 0  # S2 accepted 2024-07-01, after B's approval 2024-03-01
    assert b["balanced"] == 0
    assert (
        ledger["S1"]["drawn_farmland_m2"],
        ledger["S1"]["remain_farmland_m2"],
        ledger["S1"]["remain_capacity_kg"],
    ) == (7500, 500, 200)
    assert (ledger["S2"]["drawn_farmland_m2"], ledger["S2"]["remain_farmland_m2"]) == (1500, 500)


@pytest.mark.parametrize(
    "allocation, supplement, failing",
    [
        (alloc("P", "S", 900, 500, 800), sup("S", 5000, 5000, 8, 5000, "2024-01-01"), "quantity_ok"),
        (alloc("P", "S", 1000, 400, 800), sup("S", 5000, 5000, 8, 5000, "2024-01-01"), "paddy_ok"),
        (alloc("P", "S", 1000, 500, 799), sup("S", 5000, 5000, 8, 5000, "2024-01-01"), "capacity_ok"),
        (alloc("P", "S", 1000, 500, 800), sup("S", 5000, 5000, 9, 5000, "2024-01-01"), "quality_ok"),
        (alloc("P", "S", 1000, 500, 800), sup("S", 5000, 5000, 8, 5000, "2024-05-02"), "order_ok"),
    ],
)
def test_each_dimension_fails_alone(landplan, make_gpkg, allocation, supplement, failing):
    path = tables(
        make_gpkg,
        occupations=[occ("P", 1000, 500, 8, 800, "2024-05-01")],
        supplements=[supplement],
        allocations=[allocation],
    )
    rows, _ = run(path)
    row = rows["P"]
    checks = ("quantity_ok", "paddy_ok", "capacity_ok", "quality_ok", "order_ok")
    assert {c: row[c] for c in checks} == {c: int(c != failing) for c in checks}
    assert row["balanced"] == 0


def test_overdrawn_ledger(landplan, make_gpkg):
    path = tables(
        make_gpkg,
        allocations=[alloc("A", "S2", 1500, 0, 600), alloc("B", "S2", 1000, 0, 600)],
    )
    _, ledger = run(path)
    assert ledger["S2"]["drawn_farmland_m2"] == 2500
    assert ledger["S2"]["remain_farmland_m2"] == -500
    assert ledger["S2"]["overdrawn"] == 1
    assert ledger["S1"]["overdrawn"] == 0


def test_unknown_ids_in_allocations_are_named(landplan, make_gpkg):
    path = tables(make_gpkg, allocations=[alloc("A", "S9", 100, 0, 0)])
    with pytest.raises(QgsProcessingException, match="S9"):
        run(path)
    path = tables(make_gpkg, allocations=[alloc("Z", "S1", 100, 0, 0)], name="c.gpkg")
    with pytest.raises(QgsProcessingException, match="Z"):
        run(path)


def test_missing_capacity_gives_null_check(landplan, make_gpkg):
    path = tables(make_gpkg, allocations=None)
    rows, _ = run(path, allocations=False, OCC_CAPACITY_FIELD="", SUP_CAPACITY_FIELD="")
    assert null(rows["*"]["capacity_ok"]) and null(rows["*"]["short_capacity_kg"])


def test_bad_inputs(landplan, make_gpkg):
    path = tables(make_gpkg, occupations=[occ("A", -5, 0, 7, 0, "2024-01-01")], allocations=None)
    with pytest.raises(QgsProcessingException, match="negative"):
        run(path, allocations=False)
    path = tables(make_gpkg, allocations=None, name="d.gpkg")
    with pytest.raises(QgsProcessingException, match="nope"):
        run(path, allocations=False, OCC_AREA_FIELD="nope")


def test_text_dates_and_duplicate_rows(landplan, make_gpkg):
    fields = [("project_id", "str"), ("farmland_m2", "float"), ("approved", "str")]
    path = make_gpkg(
        "t.gpkg",
        {
            "occupation": (
                "None",
                None,
                fields,
                [
                    (None, {"project_id": "A", "farmland_m2": 100.0, "approved": "2024年3月1日"}),
                    (None, {"project_id": "A", "farmland_m2": 50.0, "approved": "20240201"}),
                ],
            ),
            "supplement": ("None", None, SUP_FIELDS, [sup("S1", 150, 0, 6, 0, "2024-02-01")]),
        },
    )
    rows, _ = run(path, allocations=False, OCC_PADDY_FIELD="", OCC_GRADE_FIELD="", OCC_CAPACITY_FIELD="")
    row = rows["*"]
    assert row["req_farmland_m2"] == 150
    assert row["order_ok"] == 1  # earliest approval 2024-02-01; S1 accepted the same day


# ---- supplement types, units, verdicts, report (issue 15) ---------------------------------------

TYPED_FIELDS = SUP_FIELDS + [("XMLX", "str")]


def typed(sid, farmland, paddy, grade, capacity, date, kind):
    return (None, dict(zip([f for f, _ in TYPED_FIELDS], (sid, farmland, paddy, grade, capacity, date, kind))))


def typed_tables(make_gpkg, supplements):
    return make_gpkg(
        "typed.gpkg",
        {
            "occupation": ("None", None, OCC_FIELDS, OCCUPATIONS),
            "supplement": ("None", None, TYPED_FIELDS, supplements),
        },
    )


def test_each_supplement_type_feeds_its_ledgers(landplan, make_gpkg):
    # S1 土地开发 (新增耕地): 8000 / 2500 / 6000 all count
    # S2 旱改水: farmland 2000 is old farmland made paddy: paddy 2000 and capacity 1000 only
    # S3 提质改造: capacity 4000 only (its 3000 farmland and 1000 paddy existed before)
    path = typed_tables(
        make_gpkg,
        [
            typed("S1", 8000, 2500, 6, 6000, "2024-01-10", "土地开发"),
            typed("S2", 2000, 2000, 8, 1000, "2024-01-20", "旱改水"),
            typed("S3", 3000, 1000, 5, 4000, "2024-02-01", "提质改造"),
        ],
    )
    rows, ledger = run(path, allocations=False)
    row = rows["*"]
    assert (row["got_farmland_m2"], row["got_paddy_m2"], row["got_capacity_kg"]) == (8000, 4500, 11000)
    # required 9000 farmland: 1000 short although the tables list 13000 m² of supplement farmland
    assert row["quantity_ok"] == 0 and row["short_farmland_m2"] == 1000
    assert row["short_farmland_mu"] == pytest.approx(1.5)
    assert (row["paddy_ok"], row["capacity_ok"]) == (1, 1)
    assert row["verdict"] == "不平衡"
    assert [ledger[s]["sup_type"] for s in ("S1", "S2", "S3")] == ["新增耕地", "旱改水", "提质改造"]
    assert [ledger[s]["avail_farmland_m2"] for s in ("S1", "S2", "S3")] == [8000, 0, 0]
    assert [ledger[s]["avail_paddy_m2"] for s in ("S1", "S2", "S3")] == [2500, 2000, 0]
    assert [ledger[s]["avail_capacity_kg"] for s in ("S1", "S2", "S3")] == [6000, 1000, 4000]


def test_unknown_supplement_type_lists_the_values(landplan, make_gpkg):
    path = typed_tables(
        make_gpkg,
        [typed("S1", 8000, 2500, 6, 6000, "2024-01-10", "土地开发"), typed("S2", 9, 0, 6, 1, "2024-01-10", "绿化")],
    )
    with pytest.raises(QgsProcessingException, match="绿化.*S2"):
        run(path, allocations=False)


def test_without_type_field_everything_is_new_farmland_with_a_warning(landplan, make_gpkg):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Collect(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)

    feedback = Collect()
    path = tables(make_gpkg, allocations=None)
    result = processing.run(
        "landplan:farmlandbalance",
        {
            "OCCUPATION": path + "|layername=occupation",
            "OCC_DATE_FIELD": "approved",
            "SUPPLEMENT": path + "|layername=supplement",
            "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            "OUTPUT_LEDGER": QgsProcessing.TEMPORARY_OUTPUT,
        },
        context=QgsProcessingContext(),
        feedback=feedback,
    )
    ledger = {f["supplement_id"]: f for f in result["OUTPUT_LEDGER"].getFeatures()}
    assert ledger["S2"]["sup_type"] == "新增耕地" and ledger["S2"]["avail_farmland_m2"] == 2000
    assert any("新增耕地" in w for w in feedback.warnings)


def test_area_unit_mu_and_hectare(landplan, make_gpkg):
    # a provincial ledger in 亩: GDMJ 13.5 亩 = 9000 m², SZMJ 3 亩 = 2000 m²
    fields = [("XMBH", "str"), ("GDMJ", "float"), ("SZMJ", "float"), ("accepted", "date")]
    path = make_gpkg(
        "mu.gpkg",
        {
            "occupation": ("None", None, OCC_FIELDS, OCCUPATIONS),
            "supplement": (
                "None",
                None,
                fields,
                [(None, {"XMBH": "P1", "GDMJ": 13.5, "SZMJ": 3.0, "accepted": "2024-01-01"})],
            ),
        },
    )
    common = {
        "SUP_ID_FIELD": "XMBH",
        "SUP_AREA_FIELD": "GDMJ",
        "SUP_PADDY_FIELD": "SZMJ",
        "SUP_GRADE_FIELD": None,
        "SUP_CAPACITY_FIELD": None,
    }
    rows, ledger = run(path, allocations=False, AREA_UNIT=2, **common)
    # occupation fields are named *_m2: read as m² whatever the unit
    assert rows["*"]["req_farmland_m2"] == 9000
    assert ledger["P1"]["avail_farmland_m2"] == pytest.approx(9000)
    assert ledger["P1"]["avail_paddy_m2"] == pytest.approx(2000)
    assert rows["*"]["quantity_ok"] == 1 and rows["*"]["paddy_ok"] == 1
    # no capacity or grade for the supplements: those checks are not made
    assert rows["*"]["verdict"] == "未核查"
    assert rows["*"]["unchecked"] == "粮食产能,质量等别"
    rows, ledger = run(path, allocations=False, AREA_UNIT=1, **common)  # 公顷
    assert ledger["P1"]["avail_farmland_m2"] == pytest.approx(135000)


def test_an_empty_date_leaves_the_project_unchecked(landplan, make_gpkg):
    occupations = [occ("A", 6000, 2000, 7, 5000, None), occ("B", 3000, 0, 9, 2000, "2024-03-01")]
    rows, _ = run(tables(make_gpkg, occupations=occupations))
    # A drew everything it needs but its approval date is empty: 先补后占 not checked
    assert (rows["A"]["quantity_ok"], rows["A"]["capacity_ok"], rows["A"]["quality_ok"]) == (1, 1, 1)
    assert null(rows["A"]["order_ok"]) and null(rows["A"]["balanced"])
    assert rows["A"]["verdict"] == "未核查" and rows["A"]["unchecked"] == "先补后占"
    assert rows["B"]["verdict"] == "不平衡"


def test_report_in_mu_and_kg(landplan, make_gpkg, tmp_path):
    report = tmp_path / "占补平衡.html"
    run(tables(make_gpkg), OUTPUT_REPORT=str(report))
    text = report.read_text(encoding="utf-8")
    # A: 6000 m² = 9.00 亩 occupied; B is not balanced (capacity 500 kg short, S2 accepted late)
    assert "9.00" in text and "不平衡" in text and "先补后占" in text
    assert "500" in text and "公斤" in text
    assert "旱改水" in text  # the rules are stated
