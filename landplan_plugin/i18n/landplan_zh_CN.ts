<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin.py" line="44" />
        <source>LandPlan algorithms in the Processing toolbox</source>
        <translation>在处理工具箱中打开 LandPlan 算法</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="58" />
        <source>Could not load model {}</source>
        <translation>无法加载模型 {}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="79" />
        <source>No field chosen for {}.</source>
        <translation>未为 {} 选择字段。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="83" />
        <source>Field “{}” not found in {} (available: {}).</source>
        <translation>{1} 中找不到字段“{0}”（现有字段：{2}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="87" />
        <source>Field “{}” in {} must be numeric but is {}.</source>
        <translation>{1} 中的字段“{0}”必须为数值型，当前为 {2}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="55" />
        <source>Adds the planar area and the CGCS2000 ellipsoidal area (国土调查 trapezoid series, as used for TBMJ in the third national land survey) to every polygon, with the area in hectares (公顷) and mu (亩, 1 mu = 2000/3 m²). Vertices are inverse-projected to CGCS2000 latitude/longitude with QGIS transforms; edges are not densified, as in the national software. If a TBMJ field is chosen, tbmj_diff_m2 = ellipsoidal area − TBMJ. Planar area is left empty for layers in a geographic CRS. Invalid geometries are not skipped: geom_valid = 0 flags them.</source>
        <translation>为每个面要素计算平面面积和 CGCS2000 椭球面积（国土调查梯形级数公式，即第三次全国国土调查 TBMJ 的算法），并换算为公顷和亩（1 亩 = 2000/3 平方米）。节点用 QGIS 坐标转换反算为 CGCS2000 经纬度；与国家软件一致，边不加密。选择 TBMJ 字段时，tbmj_diff_m2 = 椭球面积 − TBMJ。地理坐标系图层不计算平面面积。无效几何不跳过，以 geom_valid = 0 标出。

Adds the planar area and the CGCS2000 ellipsoidal area (国土调查 trapezoid series) to every polygon, in m², hectares and mu.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="65" />
        <source>Polygon layer</source>
        <translation>面图层</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="68" />
        <source>TBMJ field to compare with (optional)</source>
        <translation>用于比对的 TBMJ 字段（可选）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="77" />
        <source>Areas</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="78" />
        <source>Total planar area (m²)</source>
        <translation>平面面积合计（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="79" />
        <source>Total ellipsoidal area (m²)</source>
        <translation>椭球面积合计（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="80" />
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="130" />
        <source>Layer “{}” has no valid CRS.</source>
        <translation>图层“{}”没有有效的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="98" />
        <source>The input already has a field “{}”; rename it first.</source>
        <translation>输入图层已有字段“{}”，请先重命名。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="149" />
        <source>{} features have invalid geometry (geom_valid = 0); their areas follow the rings as drawn. Repair them with Fix geometries before overlay analysis.</source>
        <translation>{} 个要素几何无效（geom_valid = 0），其面积按原始环计算。叠加分析前请用“修复几何”处理。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="156" />
        <source>{} features have no geometry; their areas are empty.</source>
        <translation>{} 个要素没有几何，面积为空。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="157" />
        <source>Total ellipsoidal area: {} ({}).</source>
        <translation>椭球面积合计：{}（{}）。</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="114" />
        <source>Layer “{}” has no valid coordinate reference system; set its CRS first.</source>
        <translation>图层“{}”没有有效的坐标参考系，请先设置。</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="118" />
        <source>Layer “{}” is in a geographic CRS ({}); planar and apportioned areas need a projected CRS such as CGCS2000 3° Gauss–Krüger (EPSG:4513–4554). Reproject the layer first.</source>
        <translation>图层“{}”为地理坐标系（{}）；平面面积和按比例分摊面积需要投影坐标系，例如 CGCS2000 3度带高斯-克吕格投影（EPSG:4513–4554）。请先重投影。</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="132" />
        <source>Layer “{}” is in a geographic CRS ({}).</source>
        <translation>图层“{}”为地理坐标系（{}）。</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="134" />
        <source>Layer “{}” is not in a CGCS2000 Gauss–Krüger CRS ({}); areas are still computed.</source>
        <translation>图层“{}”不是 CGCS2000 高斯-克吕格坐标系（{}），仍计算面积。</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="146" />
        <source>Layer “{}” ({}) is reprojected on the fly to {} to match the land-use layer.</source>
        <translation>图层“{}”（{}）已实时重投影至 {}，与土地利用图层一致。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="18" />
        <source>Areas and land classes</source>
        <translation>面积与地类</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="19" />
        <source>Farmland protection</source>
        <translation>耕地保护</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="20" />
        <source>Land supply</source>
        <translation>土地供应</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="21" />
        <source>Ecological restoration</source>
        <translation>生态修复</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="22" />
        <source>Plan indicators</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="23" />
        <source>Map sheets</source>
        <translation>专题制图</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="49" />
        <source>Ellipsoidal area (CGCS2000)</source>
        <translation>椭球面积计算（CGCS2000）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="29" />
        <source>Area mode</source>
        <translation>面积口径</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="29" />
        <source>0 – apportioned survey area (三调 TBMJ/TBDLMJ)</source>
        <translation>0 – 按三调调查面积分摊（TBMJ/TBDLMJ）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="29" />
        <source>1 – ellipsoidal area (CGCS2000)</source>
        <translation>1 – 椭球面积（CGCS2000）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="29" />
        <source>2 – planar area</source>
        <translation>2 – 平面面积</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="72" />
        <source>Farmland occupation–supplement balance check</source>
        <translation>耕地占补平衡核查</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="78" />
        <source>Checks 耕地占补平衡: whether supplementary farmland (补充耕地) covers what projects occupy in quantity (占一补一), paddy area (占水田补水田), grain capacity and quality (占优补优: supplement grade no worse than the occupied grade; lower grade number = better), and order (先补后占: supplements accepted on or before the approval date).

OCCUPATION is normally the summary of “Farmland occupation analysis”. With ALLOCATIONS (the 挂钩 ledger with fields project_id, supplement_id, farmland_m2, paddy_m2, capacity_kg) each project is checked against what it drew; an allocation naming an unknown project or supplement is an error. Without it everything is checked pooled as one row '*': order_ok then requires, at each approval date, the farmland accepted so far to cover the farmland occupied so far, and the ledger draws first-accepted first.

A check whose figures are missing is NULL and does not decide ‘balanced’. Rows sharing an id are added up. Booleans are written as 1/0.</source>
        <translation>核查耕地占补平衡：补充耕地是否在数量（占一补一）、水田面积（占水田补水田）、粮食产能和质量（占优补优：补充耕地等别不低于被占耕地，等别数字越小越好）以及时序（先补后占：补充耕地验收日期不晚于批准日期）上抵补建设项目占用的耕地。

占用表通常为“建设项目占地分析”的汇总表。提供挂钩台账（字段 project_id、supplement_id、farmland_m2、paddy_m2、capacity_kg）时，逐项目按其挂钩的补充耕地核查；台账中出现未知项目或补充耕地项目编号即报错。不提供台账时，全部汇总为一行“*”核查：此时 order_ok 要求每个批准日期前验收的补充耕地累计面积不少于截至该日累计占用的耕地面积，台账按验收先后顺序扣减。

缺少数据的核查项为空值（NULL），不参与“balanced”判定。编号相同的行合并计算。布尔值以 1/0 写出。

Checks 耕地占补平衡 in quantity, paddy, grain capacity, quality and order, per project with a 挂钩 ledger or pooled without one.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="94" />
        <source>Occupation table</source>
        <translation>占用耕地表</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="97" />
        <source>Occupation: project id field</source>
        <translation>占用表：项目编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="97" />
        <source>Occupation: farmland area field (m²)</source>
        <translation>占用表：耕地面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="97" />
        <source>Occupation: paddy area field (m²)</source>
        <translation>占用表：水田面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="97" />
        <source>Occupation: farmland grade field</source>
        <translation>占用表：耕地等别字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="97" />
        <source>Occupation: grain capacity field (kg)</source>
        <translation>占用表：粮食产能字段（公斤）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="97" />
        <source>Occupation: approval date field</source>
        <translation>占用表：批准日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="110" />
        <source>Supplementary farmland projects</source>
        <translation>补充耕地项目</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="115" />
        <source>Supplement: id field</source>
        <translation>补充耕地：项目编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="115" />
        <source>Supplement: farmland area field (m²)</source>
        <translation>补充耕地：耕地面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="115" />
        <source>Supplement: paddy area field (m²)</source>
        <translation>补充耕地：水田面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="115" />
        <source>Supplement: grade field</source>
        <translation>补充耕地：等别字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="115" />
        <source>Supplement: grain capacity field (kg)</source>
        <translation>补充耕地：粮食产能字段（公斤）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="115" />
        <source>Supplement: acceptance date field</source>
        <translation>补充耕地：验收日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="128" />
        <source>Allocations (挂钩 ledger, optional)</source>
        <translation>挂钩台账（可选）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="133" />
        <source>Balance check</source>
        <translation>占补平衡核查结果</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="134" />
        <source>Supplement ledger</source>
        <translation>补充耕地台账</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="181" />
        <source>No allocation ledger: checking the pool of all projects and supplements.</source>
        <translation>未提供挂钩台账：按全部项目与全部补充耕地汇总核查。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="203" />
        <source>Not balanced: {}</source>
        <translation>未实现占补平衡：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="205" />
        <source>Overdrawn supplement projects: {}</source>
        <translation>超额挂钩的补充耕地项目：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="218" />
        <source>The allocation ledger names a project that is not in the occupation table: {}</source>
        <translation>挂钩台账中的项目不在占用表中：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="222" />
        <source>The allocation ledger names a supplement project that is not in the supplement table: {}</source>
        <translation>挂钩台账中的补充耕地项目不在补充耕地表中：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="241" />
        <source>A row of {} has no id and was left out.</source>
        <translation>{} 中有一行没有编号，已略去。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="245" />
        <source>{} {}: no farmland area, counted as 0.</source>
        <translation>{} {}：无耕地面积，按 0 计。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="248" />
        <source>{} {}: negative farmland area {}.</source>
        <translation>{} {}：耕地面积为负数 {}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="255" />
        <source>{} {}: negative {} {}.</source>
        <translation>{} {}：{} 为负数 {}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="264" />
        <source>{} {}: grade {} is not a grade (1 = best); ignored.</source>
        <translation>{} {}：{} 不是有效等别（1 为最好），已忽略。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="278" />
        <source>{}: unreadable dates for {}; their order check is NULL.</source>
        <translation>{}：{} 的日期无法识别，其时序核查为空值。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="316" />
        <source>An allocation row of {} lacks a project or supplement id.</source>
        <translation>{} 中有一行缺少项目编号或补充耕地项目编号。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="319" />
        <source>Allocation {} → {}: negative farmland {}.</source>
        <translation>挂钩 {} → {}：耕地面积为负数 {}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="97" />
        <source>Farmland occupation analysis</source>
        <translation>建设项目占地分析</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="113" />
        <source>Cuts each construction project (features sharing a project id are one project; overlaps inside a project count once) by the 三调 land-use polygons and the permanent basic farmland boundary, and reports what land it takes.

Area mode: 0 = apportioned survey area (default: a piece gets TBMJ and TBDLMJ of its 图斑 in proportion to its planar share; 田坎 = TBMJ share − TBDLMJ share, or × KCXS where TBDLMJ is missing); 1 = CGCS2000 ellipsoidal area (国土调查 formula), 田坎 = area × KCXS; 2 = planar area, 田坎 = area × KCXS.

Farmland is 0101 水田, 0102 水浇地, 0103 旱地 without suffix (0101K is not farmland); its area is the net area without 田坎. 田坎 counts as agricultural land (农用地). farmland_grade is the net-area-weighted mean quality grade (等别, 1 = best). capacity_kg = Σ net farmland (亩) × standard grain capacity of its grade (kg/亩): give a CSV (grade,kg_per_mu), an inline list '1:1000,2:950', or 'default' for the bundled illustrative table. Provinces publish their own 等别–产能 tables: use yours.

Layers in other CRSs are reprojected to the land-use layer's CRS. Invalid geometries follow the Processing setting (skip or stop); tick Repair to repair them with makeValid. Inputs are never modified.</source>
        <translation>将每个建设项目（项目编号相同的要素为同一项目，项目内部重叠只计一次）与三调地类图斑和永久基本农田边界叠加，统计项目占用的土地。

面积口径：0 = 按三调调查面积分摊（默认：切割后的图斑按其平面面积占原图斑的比例分得 TBMJ 和 TBDLMJ；田坎 = TBMJ 份额 − TBDLMJ 份额，无 TBDLMJ 时按 KCXS 计算）；1 = CGCS2000 椭球面积（国土调查公式），田坎 = 面积 × KCXS；2 = 平面面积，田坎 = 面积 × KCXS。

耕地为不带后缀的 0101 水田、0102 水浇地、0103 旱地（0101K 不是耕地），面积为扣除田坎后的地类面积。田坎计入农用地。farmland_grade 为按净面积加权的平均质量等别（1 为最好）。capacity_kg = Σ 耕地净面积（亩）× 该等别标准粮产能（公斤/亩）：可填 CSV 文件（grade,kg_per_mu）、“1:1000,2:950”形式的列表，或 default 使用插件自带的示例表。各省公布的等别–产能对照表不同，请使用本省的表。

其他坐标系的图层会重投影到地类图斑图层的坐标系。无效几何按“处理”设置跳过或中止；勾选“修复无效几何”则用 makeValid 修复。不修改任何输入数据。

Cuts each project by the 三调 land use and the basic-farmland boundary and reports the land it takes.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="132" />
        <source>Construction projects</source>
        <translation>建设项目</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="137" />
        <source>Project id field</source>
        <translation>项目编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="142" />
        <source>Land-use survey polygons (三调 DLTB)</source>
        <translation>地类图斑（三调 DLTB）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="147" />
        <source>Land-class code field (DLBM)</source>
        <translation>地类编码字段（DLBM）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="147" />
        <source>Parcel area field (TBMJ)</source>
        <translation>图斑面积字段（TBMJ）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="147" />
        <source>Net land-class area field (TBDLMJ)</source>
        <translation>图斑地类面积字段（TBDLMJ）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="147" />
        <source>Field-ridge coefficient field (KCXS)</source>
        <translation>扣除地类系数字段（KCXS）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="147" />
        <source>Farmland quality grade field (GDDB)</source>
        <translation>耕地等别字段（GDDB）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="147" />
        <source>Village code field (ZLDWDM)</source>
        <translation>坐落单位代码字段（ZLDWDM）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="185" />
        <source>Permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="194" />
        <source>Grain capacity by grade (CSV path, 'grade:kg,…' or 'default')</source>
        <translation>等别–粮食产能对照表（CSV 路径、“等别:公斤,…”或 default）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="199" />
        <source>Repair invalid geometries</source>
        <translation>修复无效几何</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="202" />
        <source>Occupied pieces</source>
        <translation>占地图斑</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="207" />
        <source>Occupation summary</source>
        <translation>占地汇总</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="210" />
        <source>HTML report</source>
        <translation>HTML 报告</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="210" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="240" />
        <source>Area mode 0 (apportioned survey area) needs the TBMJ field.</source>
        <translation>面积口径 0（按调查面积分摊）需要 TBMJ 字段。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="250" />
        <source>The land-class code field “{}” must be text: numeric codes lose their leading zero (0101 → 101).</source>
        <translation>地类编码字段“{}”必须为文本型：数值型编码会丢失前导零（0101 → 101）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="258" />
        <source>Cannot read the capacity table: {}</source>
        <translation>无法读取产能对照表：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="280" />
        <source>{} project features have no project id and were left out.</source>
        <translation>{} 个项目要素没有项目编号，已略去。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="284" />
        <source>No project polygons to analyse: the outputs are empty.</source>
        <translation>没有可分析的项目面，输出为空。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="371" />
        <source>{} pieces came from 图斑 without a usable TBMJ; their ellipsoidal area was used.</source>
        <translation>{} 个切割图斑所属图斑没有可用的 TBMJ，已改用椭球面积。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="377" />
        <source>Unknown land-class code “{}” in {} pieces: counted in unknown_m2 only.</source>
        <translation>未知地类编码“{}”（{} 个切割图斑），仅计入 unknown_m2。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="77" />
        <source>{} invalid geometries in “{}” were skipped.</source>
        <translation>“{1}”中 {0} 个无效几何已跳过。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="79" />
        <source>{} invalid geometries in “{}” were repaired (makeValid).</source>
        <translation>“{1}”中 {0} 个无效几何已修复（makeValid）。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="68" />
        <source>Feature {} of “{}” has an invalid geometry. Repair it (Fix geometries), tick “Repair invalid geometries”, or set Processing’s invalid-feature filtering to skip.</source>
        <translation>“{1}”的要素 {0} 几何无效。请先修复（“修复几何”工具），或勾选“修复无效几何”，或将“处理”的无效要素过滤设置为跳过。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="258" />
        <source>paddy area</source>
        <translation>水田面积</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="261" />
        <source>grain capacity</source>
        <translation>粮食产能</translation>
    </message>
</context>
</TS>
