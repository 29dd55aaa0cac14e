<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin.py" line="48"/>
        <source>LandPlan algorithms in the Processing toolbox</source>
        <translation>在处理工具箱中打开 LandPlan 算法</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="98"/>
        <source>Could not load model {}</source>
        <translation>无法加载模型 {}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="153"/>
        <source>No field chosen for {}.</source>
        <translation>未为 {} 选择字段。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/style_land_use.py" line="77"/>
        <source>Field “{}” not found in {} (available: {}).</source>
        <translation>{1} 中找不到字段“{0}”（现有字段：{2}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="167"/>
        <source>Field “{}” in {} must be numeric but is {}.</source>
        <translation>{1} 中的字段“{0}”必须为数值型，当前为 {2}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="75"/>
        <source>Polygon layer</source>
        <translation>面图层</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="80"/>
        <source>TBMJ field to compare with (optional)</source>
        <translation>用于比对的 TBMJ 字段（可选）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="90"/>
        <source>Areas</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="91"/>
        <source>Total planar area (m²)</source>
        <translation>平面面积合计（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="92"/>
        <source>Total ellipsoidal area (m²)</source>
        <translation>椭球面积合计（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="93"/>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="130"/>
        <source>Layer “{}” has no valid CRS.</source>
        <translation>图层“{}”没有有效的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="112"/>
        <source>The input already has a field “{}”; rename it first.</source>
        <translation>输入图层已有字段“{}”，请先重命名。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="176"/>
        <source>{} features have invalid geometry (geom_valid = 0); their areas follow the rings as drawn. Repair them with Fix geometries before overlay analysis.</source>
        <translation>{} 个要素几何无效（geom_valid = 0），其面积按原始环计算。叠加分析前请用“修复几何”处理。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="195"/>
        <source>Total ellipsoidal area: {} ({}).</source>
        <translation>椭球面积合计：{}（{}）。</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="114"/>
        <source>Layer “{}” has no valid coordinate reference system; set its CRS first.</source>
        <translation>图层“{}”没有有效的坐标参考系，请先设置。</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="118"/>
        <source>Layer “{}” is in a geographic CRS ({}); planar and apportioned areas need a projected CRS such as CGCS2000 3° Gauss–Krüger (EPSG:4513–4554). Reproject the layer first.</source>
        <translation>图层“{}”为地理坐标系（{}）；平面面积和按比例分摊面积需要投影坐标系，例如 CGCS2000 3度带高斯-克吕格投影（EPSG:4513–4554）。请先重投影。</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="132"/>
        <source>Layer “{}” is in a geographic CRS ({}).</source>
        <translation>图层“{}”为地理坐标系（{}）。</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="134"/>
        <source>Layer “{}” is not in a CGCS2000 Gauss–Krüger CRS ({}); areas are still computed.</source>
        <translation>图层“{}”不是 CGCS2000 高斯-克吕格坐标系（{}），仍计算面积。</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="146"/>
        <source>Layer “{}” ({}) is reprojected on the fly to {} to match the land-use layer.</source>
        <translation>图层“{}”（{}）已实时重投影至 {}，与土地利用图层一致。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="21"/>
        <source>Areas and land classes</source>
        <translation>面积与地类</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="22"/>
        <source>Farmland protection</source>
        <translation>耕地保护</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="23"/>
        <source>Land supply</source>
        <translation>土地供应</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="24"/>
        <source>Ecological restoration</source>
        <translation>生态修复</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="25"/>
        <source>Plan indicators</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="26"/>
        <source>Map sheets</source>
        <translation>专题制图</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="53"/>
        <source>Ellipsoidal area (CGCS2000)</source>
        <translation>椭球面积计算（CGCS2000）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="38"/>
        <source>Area mode</source>
        <translation>面积口径</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="38"/>
        <source>0 – apportioned survey area (三调 TBMJ/TBDLMJ)</source>
        <translation>0 – 按三调调查面积分摊（TBMJ/TBDLMJ）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="38"/>
        <source>2 – planar area</source>
        <translation>2 – 平面面积</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="96"/>
        <source>Farmland occupation–supplement balance check</source>
        <translation>耕地占补平衡核查</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="141"/>
        <source>Occupation table</source>
        <translation>占用耕地表</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="146"/>
        <source>Occupation: project id field</source>
        <translation>占用表：项目编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="146"/>
        <source>Occupation: farmland area field (m²)</source>
        <translation>占用表：耕地面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="146"/>
        <source>Occupation: paddy area field (m²)</source>
        <translation>占用表：水田面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="146"/>
        <source>Occupation: farmland grade field</source>
        <translation>占用表：耕地等别字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="146"/>
        <source>Occupation: grain capacity field (kg)</source>
        <translation>占用表：粮食产能字段（公斤）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="146"/>
        <source>Occupation: approval date field</source>
        <translation>占用表：批准日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="159"/>
        <source>Supplementary farmland projects</source>
        <translation>补充耕地项目</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="164"/>
        <source>Supplement: id field</source>
        <translation>补充耕地：项目编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="164"/>
        <source>Supplement: farmland area field (m²)</source>
        <translation>补充耕地：耕地面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="164"/>
        <source>Supplement: paddy area field (m²)</source>
        <translation>补充耕地：水田面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="164"/>
        <source>Supplement: grade field</source>
        <translation>补充耕地：等别字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="164"/>
        <source>Supplement: grain capacity field (kg)</source>
        <translation>补充耕地：粮食产能字段（公斤）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="164"/>
        <source>Supplement: acceptance date field</source>
        <translation>补充耕地：验收日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="178"/>
        <source>Allocations (挂钩 ledger, optional)</source>
        <translation>挂钩台账（可选）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="207"/>
        <source>Balance check</source>
        <translation>占补平衡核查结果</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="210"/>
        <source>Supplement ledger</source>
        <translation>补充耕地台账</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="285"/>
        <source>No allocation ledger: checking the pool of all projects and supplements.</source>
        <translation>未提供挂钩台账：按全部项目与全部补充耕地汇总核查。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="330"/>
        <source>Not balanced: {}</source>
        <translation>未实现占补平衡：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="338"/>
        <source>Overdrawn supplement projects: {}</source>
        <translation>超额挂钩的补充耕地项目：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="375"/>
        <source>The allocation ledger names a project that is not in the occupation table: {}</source>
        <translation>挂钩台账中的项目不在占用表中：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="379"/>
        <source>The allocation ledger names a supplement project that is not in the supplement table: {}</source>
        <translation>挂钩台账中的补充耕地项目不在补充耕地表中：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="441"/>
        <source>A row of {} has no id and was left out.</source>
        <translation>{} 中有一行没有编号，已略去。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="445"/>
        <source>{} {}: no farmland area, counted as 0.</source>
        <translation>{} {}：无耕地面积，按 0 计。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="448"/>
        <source>{} {}: negative farmland area {}.</source>
        <translation>{} {}：耕地面积为负数 {}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="456"/>
        <source>{} {}: negative {} {}.</source>
        <translation>{} {}：{} 为负数 {}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="465"/>
        <source>{} {}: grade {} is not a grade (1 = best); ignored.</source>
        <translation>{} {}：{} 不是有效等别（1 为最好），已忽略。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="499"/>
        <source>{}: unreadable dates for {}; their order check is NULL.</source>
        <translation>{}：{} 的日期无法识别，其时序核查为空值。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="546"/>
        <source>An allocation row of {} lacks a project or supplement id.</source>
        <translation>{} 中有一行缺少项目编号或补充耕地项目编号。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="549"/>
        <source>Allocation {} → {}: negative farmland {}.</source>
        <translation>挂钩 {} → {}：耕地面积为负数 {}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="119"/>
        <source>Farmland occupation analysis</source>
        <translation>建设项目占地分析</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="173"/>
        <source>Construction projects</source>
        <translation>建设项目</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="178"/>
        <source>Project id field</source>
        <translation>项目编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="200"/>
        <source>Land-use survey polygons (三调 DLTB)</source>
        <translation>地类图斑（三调 DLTB）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="151"/>
        <source>Land-class code field (DLBM)</source>
        <translation>地类编码字段（DLBM）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="160"/>
        <source>Parcel area field (TBMJ)</source>
        <translation>图斑面积字段（TBMJ）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="169"/>
        <source>Net land-class area field (TBDLMJ)</source>
        <translation>图斑地类面积字段（TBDLMJ）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="205"/>
        <source>Field-ridge coefficient field (KCXS)</source>
        <translation>扣除地类系数字段（KCXS）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="205"/>
        <source>Farmland quality grade field (GDDB)</source>
        <translation>耕地等别字段（GDDB）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="205"/>
        <source>Village code field (ZLDWDM)</source>
        <translation>坐落单位代码字段（ZLDWDM）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="298"/>
        <source>Permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="323"/>
        <source>Grain capacity by grade (CSV path, 'grade:kg,…' or 'default')</source>
        <translation>等别–粮食产能对照表（CSV 路径、“等别:公斤,…”或 default）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="181"/>
        <source>Repair invalid geometries</source>
        <translation>修复无效几何</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="331"/>
        <source>Occupied pieces</source>
        <translation>占地图斑</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="336"/>
        <source>Occupation summary</source>
        <translation>占地汇总</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="202"/>
        <source>HTML report</source>
        <translation>HTML 报告</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="202"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="520"/>
        <source>Area mode 0 (apportioned survey area) needs the TBMJ field.</source>
        <translation>面积口径 0（按调查面积分摊）需要 TBMJ 字段。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="535"/>
        <source>The land-class code field “{}” must be text: numeric codes lose their leading zero (0101 → 101).</source>
        <translation>地类编码字段“{}”必须为文本型：数值型编码会丢失前导零（0101 → 101）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="385"/>
        <source>Cannot read the capacity table: {}</source>
        <translation>无法读取产能对照表：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="418"/>
        <source>{} project features have no project id and were left out.</source>
        <translation>{} 个项目要素没有项目编号，已略去。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="422"/>
        <source>No project polygons to analyse: the outputs are empty.</source>
        <translation>没有可分析的项目面，输出为空。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="681"/>
        <source>{} pieces came from 图斑 without a usable TBMJ; their ellipsoidal area was used.</source>
        <translation>{} 个切割图斑所属图斑没有可用的 TBMJ，已改用椭球面积。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="688"/>
        <source>Unknown land-class code “{}” in {} pieces: counted in unknown_m2 only.</source>
        <translation>未知地类编码“{}”（{} 个切割图斑），仅计入 unknown_m2。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="111"/>
        <source>{} invalid geometries in “{}” were skipped.</source>
        <translation>“{1}”中 {0} 个无效几何已跳过。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="113"/>
        <source>{} invalid geometries in “{}” were repaired (makeValid).</source>
        <translation>“{1}”中 {0} 个无效几何已修复（makeValid）。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="96"/>
        <source>Feature {} of “{}” has an invalid geometry. Repair it (Fix geometries), tick “Repair invalid geometries”, or set Processing’s invalid-feature filtering to skip.</source>
        <translation>“{1}”的要素 {0} 几何无效。请先修复（“修复几何”工具），或勾选“修复无效几何”，或将“处理”的无效要素过滤设置为跳过。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="459"/>
        <source>paddy area</source>
        <translation>水田面积</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="462"/>
        <source>grain capacity</source>
        <translation>粮食产能</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="300"/>
        <source>Cannot read the date of the check: {}</source>
        <translation>无法识别核查日期：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="63"/>
        <source>Approved but unsupplied land</source>
        <translation>批而未供土地分析</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="82"/>
        <source>Approved land (批准用地)</source>
        <translation>批准用地</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="87"/>
        <source>Batch id field</source>
        <translation>批次编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="92"/>
        <source>Approval date field</source>
        <translation>批准日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="100"/>
        <source>Supplied land (供地)</source>
        <translation>供地宗地</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="149"/>
        <source>Date of the check</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="125"/>
        <source>Unsupplied land</source>
        <translation>批而未供土地</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="130"/>
        <source>Supply by batch</source>
        <translation>分批次供地情况</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="152"/>
        <source>Area mode 0 (apportioned survey area) applies to 三调 图斑 only; use 1 (ellipsoidal) or 2 (planar).</source>
        <translation>面积口径 0（按调查面积分摊）只适用于三调图斑，请选择 1（椭球面积）或 2（平面面积）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="179"/>
        <source>An approved polygon without batch id was left out.</source>
        <translation>有一个批准用地要素没有批次编号，已略去。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="194"/>
        <source>Unreadable approval dates in batches: {}</source>
        <translation>以下批次的批准日期无法识别：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="86"/>
        <source>Idle land detection and early warning</source>
        <translation>闲置土地识别与预警</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="119"/>
        <source>Supplied land parcels</source>
        <translation>供地宗地</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="124"/>
        <source>Parcel id field</source>
        <translation>宗地编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="129"/>
        <source>Agreed start date field (约定动工日期)</source>
        <translation>约定动工日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="129"/>
        <source>Delivery date field (交地日期)</source>
        <translation>交地日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="129"/>
        <source>Actual start date field (实际动工日期)</source>
        <translation>实际动工日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="129"/>
        <source>Suspended since field (中止开发建设日期)</source>
        <translation>中止开发建设日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="129"/>
        <source>Developed area field (m²)</source>
        <translation>已开发建设面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="129"/>
        <source>Invested amount field</source>
        <translation>已投资额字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="129"/>
        <source>Total investment field</source>
        <translation>总投资额字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="129"/>
        <source>Land price field (出让/划拨价款)</source>
        <translation>出让/划拨价款字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="129"/>
        <source>Government cause field (Art. 8)</source>
        <translation>政府原因字段（第八条）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="143"/>
        <source>Built-up / construction raster</source>
        <translation>建成区/施工栅格</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="146"/>
        <source>Pixel values meaning developed</source>
        <translation>表示已建设的像元值</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="157"/>
        <source>Developed share threshold</source>
        <translation>开发面积比例阈值</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="167"/>
        <source>Investment share threshold</source>
        <translation>投资比例阈值</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="177"/>
        <source>Warning days</source>
        <translation>预警天数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="197"/>
        <source>Idle land check</source>
        <translation>闲置土地核查结果</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="198"/>
        <source>Idle land summary</source>
        <translation>闲置土地汇总</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="227"/>
        <source>Choose the agreed start date field or the delivery date field.</source>
        <translation>请选择约定动工日期字段或交地日期字段。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="245"/>
        <source>Date of the check: {}</source>
        <translation>核查日期：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="322"/>
        <source>{} dates could not be read; see the evidence field.</source>
        <translation>{} 个日期无法识别，见 evidence 字段。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="370"/>
        <source>Cannot read the built-up pixel values: {}</source>
        <translation>无法识别已建设像元值：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="373"/>
        <source>Parcels ({}) are reprojected to the raster’s CRS ({}) for pixel counting.</source>
        <translation>宗地（{}）已重投影到栅格坐标系（{}）后统计像元。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="618"/>
        <source>Could not write a feature: {}</source>
        <translation>无法写出要素：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="89"/>
        <source>Farmland change and in-out balance</source>
        <translation>耕地变化与进出平衡分析</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="135"/>
        <source>Land use before (DLTB)</source>
        <translation>前期地类图斑（DLTB）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="143"/>
        <source>Land use after (DLTB)</source>
        <translation>后期地类图斑（DLTB）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="172"/>
        <source>Zones (e.g. villages)</source>
        <translation>统计区域（如行政村）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="130"/>
        <source>Zone name field</source>
        <translation>区域名称字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="222"/>
        <source>Changed pieces</source>
        <translation>变化图斑</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="227"/>
        <source>Transition matrix</source>
        <translation>地类转移矩阵</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="232"/>
        <source>Farmland change summary</source>
        <translation>耕地变化汇总</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="337"/>
        <source>{} zone polygons without a name were left out.</source>
        <translation>{} 个区域要素没有名称，已略去。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="439"/>
        <source>{} 图斑 of “{}” are covered by overlapping 图斑 of “{}”: their shares were scaled so that no area is counted twice. Check the topology of the later survey.</source>
        <translation>“{1}”中 {0} 个图斑被“{2}”中相互重叠的图斑覆盖：已按比例缩放份额，避免重复计算面积。请检查后期数据的拓扑。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="446"/>
        <source>{} 图斑 of “{}” are covered by overlapping 图斑 of “{}”: after-figures there count the overlap twice. Check the topology of the earlier survey.</source>
        <translation>“{1}”中 {0} 个图斑被“{2}”中相互重叠的图斑覆盖：这些位置的后期指标重复计算了重叠部分。请检查前期数据的拓扑。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="457"/>
        <source>Unknown land-class code “{}”: its pieces count as ‘other’.</source>
        <translation>未知地类编码“{}”：其图斑计为“其他变化”。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="459"/>
        <source>The two surveys do not cover the same extent: {:.2f} m² of BEFORE and {:.2f} m² of AFTER are not covered by the other layer and are not counted as change.</source>
        <translation>两期数据范围不一致：前期 {:.2f} 平方米、后期 {:.2f} 平方米不在另一期范围内，未计为变化。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="81"/>
        <source>Restoration area statistics</source>
        <translation>生态修复面积统计</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="104"/>
        <source>Restoration projects</source>
        <translation>修复项目</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="109"/>
        <source>Restoration type field</source>
        <translation>修复类型字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="114"/>
        <source>Year field</source>
        <translation>年度字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="114"/>
        <source>Status field</source>
        <translation>状态字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="114"/>
        <source>Direction field (修复方向)</source>
        <translation>修复方向字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="122"/>
        <source>Statuses to keep (comma separated)</source>
        <translation>保留的状态（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="125"/>
        <source>Zones (e.g. townships)</source>
        <translation>统计区域（如乡镇）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="140"/>
        <source>NDVI before</source>
        <translation>修复前 NDVI</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="141"/>
        <source>NDVI after</source>
        <translation>修复后 NDVI</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="184"/>
        <source>Restoration statistics</source>
        <translation>修复面积统计</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="189"/>
        <source>Restoration projects with areas</source>
        <translation>修复项目（含面积）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="194"/>
        <source>Land use before and after restoration</source>
        <translation>修复前后地类</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="227"/>
        <source>A status filter needs the status field.</source>
        <translation>按状态筛选需要选择状态字段。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="262"/>
        <source>{} projects left out by the status filter.</source>
        <translation>按状态筛选略去了 {} 个项目。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="264"/>
        <source>No restoration projects to count: the outputs are empty.</source>
        <translation>没有可统计的修复项目，输出为空。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="346"/>
        <source>Projects are reprojected to the CRS of raster “{}” ({}) for the NDVI means.</source>
        <translation>项目已重投影到栅格“{}”的坐标系（{}）后计算 NDVI 平均值。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="371"/>
        <source>LANDUSE_BEFORE needs LANDUSE_AFTER too.</source>
        <translation>提供修复前地类图斑时也需要提供修复后地类图斑。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/style_land_use.py" line="35"/>
        <source>Style land use (三调 symbology)</source>
        <translation>三调地类配色</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/style_land_use.py" line="45"/>
        <source>Colours a 三调 land-use layer by land class (地类编码) with the customary 三调 colours and Chinese legend labels (‘0101 水田’). Suffixed codes (0201K, 1104A) take their base class’s colour. The colours are a table in resources/tables/landclass_colors.csv: edit it to follow your province’s symbol library. Only the style changes; with ‘Save as default style’ it is also stored in the GeoPackage (layer_styles) so the layer opens styled elsewhere.</source>
        <translation>按地类编码以三调常用配色为地类图斑图层设置符号，图例为中文（如“0101 水田”）。带后缀的编码（0201K、1104A）使用其基本地类的颜色。颜色表位于 resources/tables/landclass_colors.csv，可按本省符号库修改。只修改图层样式；勾选“保存为默认样式”时同时写入 GeoPackage（layer_styles 表），在其他工程中打开即带样式。

Colours a 三调 layer by land class with Chinese legend labels.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/style_land_use.py" line="54"/>
        <source>Land-use layer</source>
        <translation>地类图斑图层</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/style_land_use.py" line="64"/>
        <source>Save as default style in the GeoPackage</source>
        <translation>在 GeoPackage 中保存为默认样式</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/style_land_use.py" line="69"/>
        <source>Styled layer</source>
        <translation>已设置样式的图层</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/style_land_use.py" line="86"/>
        <source>Only GeoPackage layers can store a default style.</source>
        <translation>只有 GeoPackage 图层可以保存默认样式。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="90"/>
        <source>Export map sheets</source>
        <translation>专题图批量输出</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="99"/>
        <source>Makes one map sheet per coverage feature (e.g. per project) from a print-layout template (A4 portrait, A4 landscape, A3 landscape, or your own .qpt with a map item): the map is centred on the feature at the smallest allowed scale that fits it with a 10 % margin, the feature is outlined in red over the chosen layers as you styled them, and title, legend, scale bar, north arrow, coordinate grid, CRS note (e.g. 2000国家大地坐标系 3度带 中央经线114°), 制图单位, 制图日期 and data source are filled in. An area table (e.g. the occupation summary) joined on the id is printed on the sheet. Files are named by the id (unsafe characters replaced, Chinese kept). PDF text stays text (searchable, CJK font embedded).</source>
        <translation>按覆盖图层的每个要素（如每个项目）用打印布局模板（A4 纵向、A4 横向、A3 横向，或带地图项的自定义 .qpt）各出一幅图：地图以要素为中心，采用能容纳要素（四周留 10% 边距）的最小允许比例尺，要素以红线勾绘于所选图层（按用户设置的样式）之上，并填写标题、图例、比例尺、指北针、坐标格网、坐标系说明（如 2000国家大地坐标系 3度带 中央经线114°）、制图单位、制图日期和数据来源。面积表（如占地汇总表）按编号关联后印在图上。文件以编号命名（替换非法字符，保留中文）。PDF 中文字保持为文字（可检索，嵌入中文字体）。

Makes one map sheet per coverage feature, as PDF or PNG.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="123"/>
        <source>Coverage (one sheet per feature)</source>
        <translation>覆盖图层（每个要素一幅图）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="128"/>
        <source>Id field (names the files)</source>
        <translation>编号字段（用于文件名）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="133"/>
        <source>Filter</source>
        <translation>筛选表达式</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="138"/>
        <source>Layers drawn under the coverage</source>
        <translation>底图图层</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="143"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="143"/>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="143"/>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="143"/>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="151"/>
        <source>Own template (.qpt)</source>
        <translation>自定义模板（.qpt）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="162"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="170"/>
        <source>Mapping organisation (制图单位)</source>
        <translation>制图单位</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="173"/>
        <source>Allowed scales</source>
        <translation>允许的比例尺</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="178"/>
        <source>Area table (optional)</source>
        <translation>面积表（可选）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="183"/>
        <source>Area table id field</source>
        <translation>面积表编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="188"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="189"/>
        <source>Resolution (dpi)</source>
        <translation>分辨率（dpi）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="199"/>
        <source>Also one combined PDF</source>
        <translation>同时输出合并的 PDF</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="202"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="203"/>
        <source>Written files</source>
        <translation>输出的文件</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="204"/>
        <source>Number of sheets</source>
        <translation>图幅数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="216"/>
        <source>Cannot read the allowed scales: {}</source>
        <translation>无法识别允许的比例尺：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="229"/>
        <source>Filter expression error: {}</source>
        <translation>筛选表达式错误：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="233"/>
        <source>No coverage feature matches the filter: nothing to draw.</source>
        <translation>没有要素满足筛选条件，无图可出。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="236"/>
        <source>Coverage feature “{}” has no geometry: no sheet can be centred on it.</source>
        <translation>覆盖要素“{}”没有几何，无法出图。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="325"/>
        <source>Title expression error: {}</source>
        <translation>标题表达式错误：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="335"/>
        <source>Sheet {} does not fit at 1:{:.0f}; drawn at that scale anyway.</source>
        <translation>图幅 {} 在 1:{:.0f} 下放不下，仍按该比例尺出图。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="387"/>
        <source>Could not write {}: {}</source>
        <translation>无法写出 {}：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="524"/>
        <source>Cannot write to the output folder {}: {}</source>
        <translation>无法写入输出文件夹 {}：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="536"/>
        <source>Cannot read the template {}: {}</source>
        <translation>无法读取模板 {}：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="538"/>
        <source>The template {} is not a QGIS layout template (.qpt).</source>
        <translation>模板 {} 不是 QGIS 布局模板（.qpt）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="542"/>
        <source>The template {} could not be loaded.</source>
        <translation>无法加载模板 {}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="553"/>
        <source>The template has no map item: add a map to it.</source>
        <translation>模板中没有地图项，请先添加地图。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="60"/>
        <source>Plan indicators 规划指标</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="136"/>
        <source>Open or create a store…</source>
        <translation>打开或新建指标库…</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="140"/>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="142"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="143"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="149"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="170"/>
        <source>Monitoring status</source>
        <translation>监测状态</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="223"/>
        <source>Indicator store</source>
        <translation>指标库</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="208"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="336"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="854"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="854"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="431"/>
        <source>must be one of {}</source>
        <translation>必须为 {} 之一</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="474"/>
        <source>Edit {}</source>
        <translation>编辑 {}</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="485"/>
        <source>New indicator</source>
        <translation>新指标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="487"/>
        <source>Add indicator</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="497"/>
        <source>Delete indicators</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="544"/>
        <source>“{}” was changed by someone else since you opened it; your edits were not saved. Reload the plan and edit again.</source>
        <translation>“{}”在您打开后已被他人修改，您的修改未保存。请重新加载规划后再编辑。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="555"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="118"/>
        <source>Choose the indicator store (GeoPackage).</source>
        <translation>请选择指标库（GeoPackage）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="138"/>
        <source>Cannot open the indicator store: {}</source>
        <translation>无法打开指标库：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="147"/>
        <source>No plan “{}” in the store (plans: {}).</source>
        <translation>指标库中没有规划“{}”（现有规划：{}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicator_status.py" line="76"/>
        <source>Plan indicator status</source>
        <translation>规划指标监测预警</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicator_status.py" line="82"/>
        <source>Status of every indicator of a plan from its latest observation (up to YEAR): no_data, no_target (text target), and for ≥ targets met / on_track (at least on the straight path from the base value in the base year to the target in the target year) / at_risk / not_met (after the target year); for ≤ caps not_met above the target, at_risk above the straight path (from 0 when cumulative), else met; for = targets met when equal, else at_risk before the target year and not_met after.</source>
        <translation>按最新监测值（截至指定年份）给出规划各指标的状态：no_data（无监测数据）、no_target（文字目标）；对“≥”目标：met（已达标）、on_track（不低于从基期年基期值到目标年目标值的直线进度）、at_risk（有风险）、not_met（目标年后仍未达标）；对“≤”上限：超过目标为 not_met，高于直线进度（累计指标从 0 起算）为 at_risk，否则为 met；对“=”目标：相等为 met，否则目标年前为 at_risk、之后为 not_met。

Monitoring status of each plan indicator.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="49"/>
        <source>Indicator store (GeoPackage)</source>
        <translation>指标库（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="73"/>
        <source>Plan name</source>
        <translation>规划名称</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="52"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicator_status.py" line="103"/>
        <source>Indicator status</source>
        <translation>指标状态</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="37"/>
        <source>Import plan indicators</source>
        <translation>导入规划指标</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="43"/>
        <source>Reads an indicator table as plans print it (CSV or XLSX with columns such as 类别, 序号, 指标, 单位, 2020 年, 2025 年, 属性) into the indicator store (a GeoPackage, created when missing). Understands [117.32] (five-year cumulative), ≥300 / 300以上 / 不少于300, ≤90 / 90以内 / 不超过90, text targets such as 落实国家要求, ‘20 (较 2020 年)’, footnote marks (kept in the note) and — (no value). A bare number gets ≥, or ≤ for caps such as 新增建设用地 (noted). Importing the same plan again updates it. Known indicators (耕地保有量, 永久基本农田, 建设用地总规模, 生态保护红线面积 …) get their automatic measure key.</source>
        <translation>按规划文本中的格式读取指标表（CSV 或 XLSX，列如 类别、序号、指标、单位、2020 年、2025 年、属性）到指标库（GeoPackage，不存在时新建）。可识别 [117.32]（五年累计值）、≥300 / 300以上 / 不少于300、≤90 / 90以内 / 不超过90、“落实国家要求”等文字目标、“20（较 2020 年）”、脚注标记（写入备注）和“—”（无值）。仅有数字的目标默认为“≥”，新增建设用地等上限类指标推断为“≤”（并注明）。同一规划重复导入时更新而不重复。耕地保有量、永久基本农田、建设用地总规模、生态保护红线面积等指标自动设置监测项。

Imports a printed indicator table into the GeoPackage store.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="53"/>
        <source>Indicator table (CSV or XLSX)</source>
        <translation>指标表（CSV 或 XLSX）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="56"/>
        <source>Region name</source>
        <translation>行政区名称</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="57"/>
        <source>Base year</source>
        <translation>基期年</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="57"/>
        <source>Target year</source>
        <translation>目标年</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="70"/>
        <source>Indicators imported</source>
        <translation>导入的指标数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="85"/>
        <source>Cannot read the indicator table: {}</source>
        <translation>无法读取指标表：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="87"/>
        <source>The table has no indicator rows.</source>
        <translation>指标表中没有指标行。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="94"/>
        <source>Give the plan a name.</source>
        <translation>请填写规划名称。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="110"/>
        <source>{} indicators of “{}” imported ({}–{}).</source>
        <translation>已导入 {} 个指标（“{}”，{}–{}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="51"/>
        <source>Measure plan indicators</source>
        <translation>规划指标自动监测</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="84"/>
        <source>Ecological protection red line (生态保护红线)</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="122"/>
        <source>Recorded values</source>
        <translation>记录的监测值</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="125"/>
        <source>Values recorded</source>
        <translation>记录的监测值数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="175"/>
        <source>{}: give the {} layer to measure it.</source>
        <translation>{}：需提供 {} 图层才能计算。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="181"/>
        <source>{}: unknown measure “{}”.</source>
        <translation>{}：未知监测项“{}”。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="190"/>
        <source>{}: unit “{}” is not an area unit; not recorded.</source>
        <translation>{}：单位“{}”不是面积单位，未记录。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="150"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="151"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="174"/>
        <source>Yearly values of the selected indicator</source>
        <translation>所选指标的年度监测值</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="186"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="687"/>
        <source>Select an indicator first.</source>
        <translation>请先选择一个指标。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="708"/>
        <source>Indicator table</source>
        <translation>指标表</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="708"/>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>表格 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="724"/>
        <source>Export indicators</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="69"/>
        <source>Apply 三调 land-use style to the active layer</source>
        <translation>为当前图层应用三调地类配色</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="87"/>
        <source>Select a land-use layer with a DLBM field first.</source>
        <translation>请先选择含 DLBM 字段的地类图斑图层。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/restoration_stats.py" line="87"/>
        <source>Counts restored land (生态修复, 历史遗留矿山治理, 土地复垦, 全域土地综合整治 …) by zone, type, year and direction (修复方向). Overlapping projects in a group count once (area_m2 is the area of their union; gross_m2 the sum of the projects’ own areas; overlap_m2 the difference). A project crossing a zone boundary is cut there. Empty types, years or directions are grouped as 未填写, never dropped. STATUS_FILTER keeps only the listed statuses (e.g. 已完成,在建).

With LANDUSE_AFTER (and LANDUSE_BEFORE) the matrix tells what the restored land is now and what it was, by first-level class (each type’s projects unioned first); direction_share is the share of a project that became its declared direction and direction_met that share, set to 1 when it is at least 80 % (the direction counts as met); directions match at the first-level class (0103 matches any 耕地). NDVI rasters give mean values over each project’s pixels (nodata ignored), computed in bulk with GDAL.

Area mode (default 1): 1 = CGCS2000 ellipsoidal, 2 = planar; 0 = project areas ellipsoidal and the land-use matrix in apportioned 三调 survey areas (TBMJ share of the later survey).</source>
        <translation>按区域、修复类型、年度和修复方向统计修复面积（生态修复、历史遗留矿山治理、土地复垦、全域土地综合整治等）。同一分组内重叠的项目只计一次（area_m2 为并集面积；gross_m2 为各项目面积之和；overlap_m2 为二者之差）。跨区域边界的项目在边界处切分。类型、年度或方向为空的计入“未填写”，不删除。STATUS_FILTER 只保留所列状态（如“已完成,在建”）。

提供修复后（及修复前）地类图斑时，输出按一级类的修复前后地类矩阵（每种类型的项目先合并）；direction_share 为项目中变为申报修复方向的面积比例，direction_met 取该比例，达到 80% 时记为 1（视为方向已实现）；按一级类匹配（0103 与任何耕地匹配）。NDVI 栅格给出每个项目像元的平均值（忽略无数据像元），用 GDAL 批量计算。

面积口径（默认 1）：1 = CGCS2000 椭球面积，2 = 平面面积；0 = 项目面积用椭球面积，地类矩阵按三调调查面积（后期图斑 TBMJ 份额）分摊。

Counts restored land by zone, type, year and direction; overlaps count once.</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="724"/>
        <source>CSV (*.csv);;Excel (*.xlsx);;HTML report (*.html)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx);;HTML 报告 (*.html)</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="788"/>
        <source>Excel export needs openpyxl (python3-openpyxl); export CSV instead.</source>
        <translation>导出 Excel 需要 openpyxl（python3-openpyxl），请改为导出 CSV。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="183"/>
        <source>Project name field (for the report)</source>
        <translation>项目名称字段（用于报告）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="99"/>
        <source> Font: the first installed of Microsoft YaHei, DengXian, SimHei, SimSun, WenQuanYi Micro Hei, WenQuanYi Zen Hei, AR PL UMing CN; the setting LandPlan/sheetFont forces another. Noto Sans CJK and Source Han Sans are not used: Qt writes their PDF text with wrong characters (digits lost, radicals).</source>
        <translation>字体：按顺序使用本机已安装的第一个：微软雅黑、等线、黑体、宋体、文泉驿微米黑、文泉驿正黑、AR PL UMing CN；设置项 LandPlan/sheetFont 可指定其他字体。不使用思源黑体/Noto Sans CJK：Qt 为其写出的 PDF 文字有误（数字丢失、部首字符）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="250"/>
        <source>Map-sheet font: {}; using “{}”.</source>
        <translation>图幅字体：{}；改用“{}”。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="251"/>
        <source>Map-sheet font: {}</source>
        <translation>图幅字体：{}</translation>
    </message>
    <message>
        <location filename="../fonts.py" line="56"/>
        <source>font “{}” (setting {}) is not installed</source>
        <translation>字体“{}”（设置项 {}）未安装</translation>
    </message>
    <message>
        <location filename="../fonts.py" line="62"/>
        <source>none of the fonts {} is installed</source>
        <translation>以下字体均未安装：{}</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="19"/>
        <source>e.g. 某某县自然资源局</source>
        <translation>例如：某某县自然资源局</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="22"/>
        <source>Automatic (first installed Chinese font)</source>
        <translation>自动（本机已安装的第一个中文字体）</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="28"/>
        <source>Preparing organisation (制表单位)</source>
        <translation>制表单位</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="29"/>
        <source>Prepared by (制表人)</source>
        <translation>制表人</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="30"/>
        <source>Map-sheet font</source>
        <translation>图幅字体</translation>
    </message>
    <message>
        <location filename="../ui/options_page.py" line="31"/>
        <source>Reports and map sheets are signed with these names.</source>
        <translation>报告和图幅的落款使用这里的名称。</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="158"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="160"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="160"/>
        <source>Latest value (year)</source>
        <translation>最新值（年份）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="130"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="420"/>
        <source>Empty</source>
        <translation>空值</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="471"/>
        <source>cannot be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="472"/>
        <source>Refused: {} {}.</source>
        <translation>已拒绝：{}{}。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="692"/>
        <source>{} is outside the plan period {}–{}: nothing recorded.</source>
        <translation>{} 年不在规划期 {}–{} 年内，未记录。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="931"/>
        <source>Select an indicator to see its chart</source>
        <translation>选择指标以显示图表</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="936"/>
        <source>No values recorded for this indicator yet</source>
        <translation>该指标尚无监测值</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="975"/>
        <source>Target {}</source>
        <translation>目标 {}</translation>
    </message>
    <message>
        <location filename="../processing/presentation.py" line="209"/>
        <source>Permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../processing/presentation.py" line="251"/>
        <source>LandPlan output style</source>
        <translation>LandPlan 输出样式</translation>
    </message>
    <message>
        <location filename="../processing/presentation.py" line="253"/>
        <source>The style could not be stored in {}: {}</source>
        <translation>无法将样式保存到 {}：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="99"/>
        <source> The title is 「&lt;name&gt;用地范围图」 from the project name field when given; a project drawn on several sheets (several coverage features with one id) gets （第i幅/共n幅） and its table is the whole project's. The legend lists the project boundary and every class on the sheet, and is fitted into the template's legend box (more columns, then smaller text); it is never clipped.</source>
        <translation> 给定项目名称字段时，图名为「&lt;项目名称&gt;用地范围图」；一个项目绘于多幅图（范围图层中多个要素编号相同）时，图名加（第i幅/共n幅），图上面积表为整个项目的合计。图例列出项目用地范围线和图上出现的全部地类，并在模板的图例框内自动排版（先增加栏数，再缩小字号），不会被裁切。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="154"/>
        <source>Project name field (for the title)</source>
        <translation>项目名称字段（用于图名）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="264"/>
        <source>Project boundary</source>
        <translation>项目用地范围</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/export_map_sheets.py" line="368"/>
        <source>Sheet {}: the legend is taller than its frame even in {} columns with small text; use a larger template or fewer layers.</source>
        <translation>图幅 {}：即使分 {} 栏并缩小字号，图例仍超出图例框；请改用更大的模板或减少图层。</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="157"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="42"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="156"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="160"/>
        <source>Base value</source>
        <translation>基期值</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="83"/>
        <source>Base as printed</source>
        <translation>基期值（原文）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="161"/>
        <source>Target value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="162"/>
        <source>Target as printed</source>
        <translation>目标值（原文）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="163"/>
        <source>Comparator</source>
        <translation>比较符</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="159"/>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="84"/>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="85"/>
        <source>Measured from data</source>
        <translation>自动监测项</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="86"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="92"/>
        <source>No data</source>
        <translation>无监测数据</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="93"/>
        <source>No numeric target</source>
        <translation>无数值目标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="94"/>
        <source>Met</source>
        <translation>已达标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="95"/>
        <source>On track</source>
        <translation>按进度</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="96"/>
        <source>At risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="97"/>
        <source>Not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="101"/>
        <source>entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="102"/>
        <source>measured from land-use data</source>
        <translation>由国土调查数据测算</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="103"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="108"/>
        <source>Farmland area (survey)</source>
        <translation>耕地面积（国土调查）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="109"/>
        <source>Construction land area (survey)</source>
        <translation>建设用地面积（国土调查）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="110"/>
        <source>Forest area (survey)</source>
        <translation>林地面积（国土调查）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="111"/>
        <source>Wetland area (survey)</source>
        <translation>湿地面积（国土调查）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="112"/>
        <source>Development intensity (survey)</source>
        <translation>国土开发强度（国土调查）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="113"/>
        <source>Basic farmland area (layer)</source>
        <translation>永久基本农田面积（图层）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="114"/>
        <source>Ecological red line area (layer)</source>
        <translation>生态保护红线面积（图层）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="115"/>
        <source>Restoration area (layer)</source>
        <translation>生态修复面积（图层）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="32"/>
        <source>Project id</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="33"/>
        <source>Supplement project id</source>
        <translation>补充耕地项目编号</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="34"/>
        <source>Approval batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="35"/>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="36"/>
        <source>Land-class code</source>
        <translation>地类编码</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="37"/>
        <source>Land-class name</source>
        <translation>地类名称</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="38"/>
        <source>Land group</source>
        <translation>一级类</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="39"/>
        <source>Village code</source>
        <translation>坐落单位代码</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="40"/>
        <source>Quality grade</source>
        <translation>耕地质量等别</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="41"/>
        <source>In basic farmland (1 = yes)</source>
        <translation>位于永久基本农田（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="43"/>
        <source>Land class before</source>
        <translation>前期地类</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="44"/>
        <source>Land class after</source>
        <translation>后期地类</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="47"/>
        <source>Group before</source>
        <translation>前期一级类</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="48"/>
        <source>Group after</source>
        <translation>后期一级类</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="49"/>
        <source>Change type (code)</source>
        <translation>变化类型（代码）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="50"/>
        <source>Change type</source>
        <translation>变化类型</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="51"/>
        <source>Restoration type</source>
        <translation>修复类型</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="53"/>
        <source>Restoration direction</source>
        <translation>修复方向</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="54"/>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="55"/>
        <source>Pieces</source>
        <translation>图斑数</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="56"/>
        <source>Parcels</source>
        <translation>宗数</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="58"/>
        <source>Area (m²)</source>
        <translation>面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="146"/>
        <source>Planar area (m²)</source>
        <translation>平面面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="60"/>
        <source>Field ridges 田坎 (m²)</source>
        <translation>田坎（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="61"/>
        <source>Net area (m²)</source>
        <translation>地类净面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="62"/>
        <source>Total area (m²)</source>
        <translation>总面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="63"/>
        <source>Farmland (m²)</source>
        <translation>耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="64"/>
        <source>Paddy field (m²)</source>
        <translation>水田（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="65"/>
        <source>Irrigated land (m²)</source>
        <translation>水浇地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="66"/>
        <source>Dry land (m²)</source>
        <translation>旱地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="67"/>
        <source>Permanent basic farmland (m²)</source>
        <translation>永久基本农田（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="68"/>
        <source>Farmland mean grade</source>
        <translation>耕地平均等别</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="69"/>
        <source>Grain capacity (kg)</source>
        <translation>粮食产能（公斤）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="70"/>
        <source>Agricultural land (m²)</source>
        <translation>农用地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="71"/>
        <source>Construction land (m²)</source>
        <translation>建设用地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="72"/>
        <source>Unused land (m²)</source>
        <translation>未利用地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="73"/>
        <source>Unknown class (m²)</source>
        <translation>未知地类（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="74"/>
        <source>Outside the survey (m²)</source>
        <translation>调查范围外（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="75"/>
        <source>Net area before (m²)</source>
        <translation>前期净面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="76"/>
        <source>Net area after (m²)</source>
        <translation>后期净面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="77"/>
        <source>Farmland before (m²)</source>
        <translation>前期耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="78"/>
        <source>Farmland after (m²)</source>
        <translation>后期耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="79"/>
        <source>Net farmland change (m²)</source>
        <translation>耕地净变化（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="80"/>
        <source>Farmland out to other agricultural land (m²)</source>
        <translation>耕地流出为其他农用地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="81"/>
        <source>Other agricultural land into farmland (m²)</source>
        <translation>其他农用地流入耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="82"/>
        <source>In minus out (m²)</source>
        <translation>流入减流出（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="83"/>
        <source>In–out balance met (1 = yes)</source>
        <translation>进出平衡（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="84"/>
        <source>Farmland to construction (m²)</source>
        <translation>耕地非农化（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="85"/>
        <source>Basic farmland lost (m²)</source>
        <translation>永久基本农田流出（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="86"/>
        <source>Construction land restored to farmland (m²)</source>
        <translation>建设用地复垦为耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="87"/>
        <source>Not covered before (m²)</source>
        <translation>前期范围外（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="88"/>
        <source>Not covered after (m²)</source>
        <translation>后期范围外（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="89"/>
        <source>Gross area, overlaps twice (m²)</source>
        <translation>项目面积合计（重叠重复计）（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="90"/>
        <source>Overlap counted once (m²)</source>
        <translation>重叠面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="91"/>
        <source>Parcel area (m²)</source>
        <translation>宗地面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="92"/>
        <source>Approved (m²)</source>
        <translation>批准面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="93"/>
        <source>Supplied (m²)</source>
        <translation>已供面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="94"/>
        <source>Approved but not supplied (m²)</source>
        <translation>批而未供面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="95"/>
        <source>Value (m²)</source>
        <translation>数值（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="97"/>
        <source>Farmland to offset (m²)</source>
        <translation>应补耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="98"/>
        <source>Paddy to offset (m²)</source>
        <translation>应补水田（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="99"/>
        <source>Capacity to offset (kg)</source>
        <translation>应补产能（公斤）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="100"/>
        <source>Grade occupied</source>
        <translation>占用耕地等别</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="101"/>
        <source>Farmland supplemented (m²)</source>
        <translation>已补耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="102"/>
        <source>Paddy supplemented (m²)</source>
        <translation>已补水田（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="103"/>
        <source>Capacity supplemented (kg)</source>
        <translation>已补产能（公斤）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="104"/>
        <source>Grade supplemented</source>
        <translation>补充耕地等别</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="105"/>
        <source>Quantity met (1 = yes)</source>
        <translation>数量平衡（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="106"/>
        <source>Paddy met (1 = yes)</source>
        <translation>水田平衡（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="107"/>
        <source>Capacity met (1 = yes)</source>
        <translation>产能平衡（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="108"/>
        <source>Quality met (1 = yes)</source>
        <translation>质量平衡（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="109"/>
        <source>Supplement first (1 = yes)</source>
        <translation>先补后占（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="110"/>
        <source>Balanced (1 = yes)</source>
        <translation>占补平衡（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="111"/>
        <source>Farmland short (m²)</source>
        <translation>耕地缺口（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="112"/>
        <source>Paddy short (m²)</source>
        <translation>水田缺口（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="113"/>
        <source>Capacity short (kg)</source>
        <translation>产能缺口（公斤）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="114"/>
        <source>Farmland available (m²)</source>
        <translation>可用耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="115"/>
        <source>Paddy available (m²)</source>
        <translation>可用水田（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="116"/>
        <source>Capacity available (kg)</source>
        <translation>可用产能（公斤）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="117"/>
        <source>Farmland drawn (m²)</source>
        <translation>已挂钩耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="118"/>
        <source>Paddy drawn (m²)</source>
        <translation>已挂钩水田（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="119"/>
        <source>Capacity drawn (kg)</source>
        <translation>已挂钩产能（公斤）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="120"/>
        <source>Farmland remaining (m²)</source>
        <translation>剩余耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="121"/>
        <source>Paddy remaining (m²)</source>
        <translation>剩余水田（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="122"/>
        <source>Capacity remaining (kg)</source>
        <translation>剩余产能（公斤）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="123"/>
        <source>Overdrawn (1 = yes)</source>
        <translation>超额挂钩（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="125"/>
        <source>Start deadline</source>
        <translation>动工期限</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="126"/>
        <source>Days overdue</source>
        <translation>超期天数</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="127"/>
        <source>Developed share</source>
        <translation>已开发面积比例</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="128"/>
        <source>Investment share</source>
        <translation>已投资比例</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="129"/>
        <source>Status (code)</source>
        <translation>状态（代码）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="131"/>
        <source>Idle-land fee (yuan)</source>
        <translation>土地闲置费（元）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="132"/>
        <source>Disposal</source>
        <translation>处置建议</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="133"/>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="134"/>
        <source>Built-up share on imagery</source>
        <translation>影像建成比例</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="135"/>
        <source>Approval date</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="136"/>
        <source>Supply rate</source>
        <translation>供地率</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="137"/>
        <source>Years since approval</source>
        <translation>批准后年数</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="138"/>
        <source>Full years since approval</source>
        <translation>批准后满年数</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="142"/>
        <source>NDVI change</source>
        <translation>NDVI 变化</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="143"/>
        <source>Share in the planned direction</source>
        <translation>符合修复方向的比例</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="144"/>
        <source>Direction met</source>
        <translation>修复方向实现度</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="147"/>
        <source>Ellipsoidal area (m²)</source>
        <translation>椭球面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="148"/>
        <source>Area (ha)</source>
        <translation>面积（公顷）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="149"/>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="150"/>
        <source>Ellipsoidal minus TBMJ (m²)</source>
        <translation>椭球面积减 TBMJ（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="151"/>
        <source>Geometry valid (1 = yes)</source>
        <translation>几何有效（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="154"/>
        <source>Measure</source>
        <translation>监测项</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="155"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="164"/>
        <source>Year of value</source>
        <translation>数值年份</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="202"/>
        <source>{} (ha)</source>
        <translation>{}（公顷）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="202"/>
        <source>{} (mu)</source>
        <translation>{}（亩）</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="109"/>
        <source>Occupation and balance check (model)</source>
        <translation>建设项目占地与占补平衡核查（模型）</translation>
    </message>
    <message>
        <location filename="../processing/help_pages.py" line="36"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../processing/help_pages.py" line="44"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../processing/help_pages.py" line="56"/>
        <source>Parameters and outputs</source>
        <translation>参数与输出</translation>
    </message>
    <message>
        <location filename="../processing/help_pages.py" line="56"/>
        <source>Online documentation</source>
        <translation>在线文档</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="444"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="444"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="223"/>
        <source>{} holds other data and is not an indicator store. Add the indicator tables to it?</source>
        <translation>{} 中已有其他数据，不是指标库。是否在其中添加指标表？</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="290"/>
        <source>{} is not an indicator store; nothing was written.</source>
        <translation>{} 不是指标库，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="552"/>
        <source>Not saved: {}</source>
        <translation>未保存：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="160"/>
        <source>Field “{}” of {}, feature {}: {} is not a valid value ({}).</source>
        <translation>{1} 的字段“{0}”，要素 {2}：{3} 不是有效值（{4}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="160"/>
        <source>KCXS is a fraction 0–1 (or a percent 0–100)</source>
        <translation>KCXS 应为 0–1 的系数（或 0–100 的百分数）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="160"/>
        <source>an area cannot be negative</source>
        <translation>面积不能为负</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="173"/>
        <source>Field “{}” of {} has values above 1 (largest {}, feature {}): they were read as percents (10.5 → 0.105).</source>
        <translation>{1} 的字段“{0}”有大于 1 的值（最大 {2}，要素 {3}）：已按百分数读取（10.5 → 0.105）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="190"/>
        <source>Field “{}” of {}, feature {}: {} cannot be negative ({}).</source>
        <translation>{1} 的字段“{0}”，要素 {2}：{3}不能为负（{4}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="191"/>
        <source>Field “{}” of {}, feature {}: “{}” is not a number.</source>
        <translation>{1} 的字段“{0}”，要素 {2}：“{3}”不是数字。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="152"/>
        <source>Field “{}” of {} is text; its values were read as numbers{}.</source>
        <translation>{1} 的字段“{0}”为文本型，其值已按数字读取{2}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="129"/>
        <source>tick “Add the indicator tables to an existing GeoPackage of other data” to keep the indicators in it</source>
        <translation>如需把指标存入该文件，请勾选“在已有数据的 GeoPackage 中添加指标表”</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="129"/>
        <source>import an indicator table into it first (Import plan indicators)</source>
        <translation>请先用“导入规划指标”导入指标表</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="134"/>
        <source>{} is not a LandPlan indicator store; nothing was written to it ({}).</source>
        <translation>{} 不是 LandPlan 指标库，未向其写入任何内容（{}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="233"/>
        <source>a developed area</source>
        <translation>已开发面积</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="233"/>
        <source>an investment</source>
        <translation>投资额</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="233"/>
        <source>a land price</source>
        <translation>土地价款</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="63"/>
        <source>Add the indicator tables to an existing GeoPackage of other data</source>
        <translation>在已有数据的 GeoPackage 中添加指标表</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/import_indicators.py" line="79"/>
        <source>The indicator “{}” appears {} times in {}: keep one row per indicator.</source>
        <translation>指标“{0}”在 {2} 中出现 {1} 次：每个指标只能有一行。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="204"/>
        <source>Cannot write the indicator store: {}</source>
        <translation>无法写入指标库：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="146"/>
        <source>{} has no features: the survey measures are not recorded.</source>
        <translation>{} 没有要素：国土调查监测项未记录。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="253"/>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="254"/>
        <source>is negative</source>
        <translation>为负数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="255"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="256"/>
        <source>is not a fraction 0–1 (or a percent 0–100)</source>
        <translation>不是 0–1 的系数（或 0–100 的百分数）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="266"/>
        <source>The occupation table has no rows: there is nothing to balance and no verdict is given.</source>
        <translation>占用表没有记录：无可平衡的内容，不作结论。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="634"/>
        <source>{} projects lie partly or wholly outside the land-use survey “{}”; their figures cover only the surveyed part (uncovered_m2, planar): {}.</source>
        <translation>{} 个项目部分或全部位于土地利用调查“{}”范围之外，其面积只含调查覆盖部分（uncovered_m2，平面面积）：{}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="38"/>
        <source>polygons</source>
        <translation>面要素</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="39"/>
        <source>lines</source>
        <translation>线要素</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="40"/>
        <source>points</source>
        <translation>点要素</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="41"/>
        <source>no geometry (a table)</source>
        <translation>无几何（属性表）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="42"/>
        <source>unknown geometries</source>
        <translation>未知几何类型</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="63"/>
        <source>Parameter “{}” ({}): layer “{}” has {}; it needs {}.</source>
        <translation>参数“{}”（{}）：图层“{}”为{}，此处需要{}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="103"/>
        <source>Parameter “{}” ({}): {} is a folder; give a file name.</source>
        <translation>参数“{}”（{}）：{} 是文件夹，请给出文件名。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="110"/>
        <source>Parameter “{}” ({}): {} cannot be written (read-only or in use).</source>
        <translation>参数“{}”（{}）：无法写入 {}（只读或正被占用）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="121"/>
        <source>Parameter “{}” ({}): the folder {} does not exist.</source>
        <translation>参数“{}”（{}）：文件夹 {} 不存在。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="127"/>
        <source>Parameter “{}” ({}): the folder {} cannot be written.</source>
        <translation>参数“{}”（{}）：文件夹 {} 不可写。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/validation.py" line="152"/>
        <source>Feature {} of “{}” has coordinates outside the range of the layer’s CRS {} ({:.6g}, {:.6g}): check the CRS and the coordinates.</source>
        <translation>“{1}”的要素 {0} 坐标超出图层坐标系 {2} 的范围（{3:.6g}, {4:.6g}）：请检查坐标系和坐标。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="183"/>
        <source>{} features have no geometry; their areas are empty: {}.</source>
        <translation>{} 个要素没有几何，面积为空：{}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="189"/>
        <source>{} features have coordinates outside the range of the CRS {} (wrong CRS?); their areas are empty and not in the totals: {}.</source>
        <translation>{} 个要素的坐标超出坐标系 {} 的范围（坐标系是否有误？），面积为空且不计入合计：{}。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="78"/>
        <source>Feature {} of “{}” has coordinates that are not numbers (NaN or infinite, e.g. after a transformation out of the CRS's range). Check the layer's CRS.</source>
        <translation>“{1}”的要素 {0} 坐标不是有效数字（NaN 或无穷大，例如坐标转换超出坐标系范围）。请检查图层坐标系。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="115"/>
        <source>{} features of “{}” have no geometry and were left out: {}.</source>
        <translation>“{1}”中 {0} 个要素没有几何，未参与计算：{2}。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="119"/>
        <source>In “{}”, {} have no usable geometry and were not analysed: {}.</source>
        <translation>“{}”中有 {} 个对象没有可用几何，未作分析：{}。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="127"/>
        <source>{} features of “{}” are exact copies of another (same geometry and attributes) and were counted once: {}.</source>
        <translation>“{1}”中 {0} 个要素与其他要素完全重复（几何和属性相同），只计一次：{2}。</translation>
    </message>
    <message>
        <location filename="../core/overlay.py" line="138"/>
        <source>{} pairs of features of “{}” overlap; the overlap was counted once, for the first feature of each pair (first/second): {}.</source>
        <translation>“{1}”中有 {0} 对要素相互重叠；重叠部分只计一次，计入每对中的第一个要素（第一个/第二个）：{2}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="35"/>
        <source>The indicator store {} is locked by another program or user (another QGIS saving, or a database tool with an open transaction); waited {:g} s. Try again later.</source>
        <translation>指标库 {} 被其他程序或用户锁定（另一个 QGIS 正在保存，或数据库工具有未结束的事务）；已等待 {:g} 秒。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="38"/>
        <source>1 – ellipsoidal area (国土 formula, ellipsoid of the layer's CRS)</source>
        <translation>1 – 椭球面积（国土公式，采用图层坐标系的椭球）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/common.py" line="58"/>
        <source>Ellipsoidal area: densify edges to at most (m, 0 = vertices as given)</source>
        <translation>椭球面积：边长加密至不超过（米，0 = 按原节点）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="112"/>
        <source>Checks 耕地占补平衡: whether supplementary farmland (补充耕地) covers what projects occupy in quantity (占一补一), paddy area (占水田补水田), grain capacity and quality (占优补优: supplement grade no worse than the occupied grade; lower grade number = better), and order (先补后占: supplements accepted on or before the approval date).

OCCUPATION is normally the summary of “Farmland occupation analysis”. With ALLOCATIONS (the 挂钩 ledger with fields project_id, supplement_id, farmland_m2, paddy_m2, capacity_kg) each project is checked against what it drew; an allocation naming an unknown project or supplement is an error. Without it everything is checked pooled as one row '*': order_ok then requires, at each approval date, the farmland accepted so far to cover the farmland occupied so far, and the ledger draws first-accepted first.

Supplement types (SUP_TYPE_FIELD; 国土资规〔2017〕13号): 新增耕地 (also 开发/复垦/整理/垦造) adds farmland quantity, paddy area and grain capacity; 旱改水 (水田改造) adds paddy and capacity but no farmland; 提质改造 (提升改造, 质量提升) adds capacity only. The mapping is the editable CSV resources/tables/supplement_types.csv, or your province's table in SUP_TYPE_TABLE; a type it does not know is an error listing the values found. Without a type field every supplement counts as 新增耕地 (warned).

Verdict: balanced is 1 only when every required check is 1 (quantity, paddy, capacity, quality, and 先补后占 when REQUIRE_ORDER is ticked), 0 as soon as one is 0, and NULL otherwise; verdict says 平衡 / 不平衡 / 未核查 and unchecked lists the checks that could not be made. An unknown is never a pass: with REQUIRE_ORDER, a missing date field or an empty date leaves order_ok NULL and the verdict 未核查.

AREA_UNIT (m², 公顷 or 亩) is the unit of the input area fields (occupation, supplements, allocations); a field whose name ends in _m2 is read as m² whatever the setting. Outputs are in m² with 亩 companions (*_mu); the HTML report shows 亩 and 公斤. Rows sharing an id are added up. Booleans are written as 1/0.</source>
        <translation>核查耕地占补平衡：补充耕地是否在数量（占一补一）、水田面积（占水田补水田）、粮食产能和质量（占优补优：补充耕地等别不低于被占耕地，等别数字越小越好）以及时序（先补后占：补充耕地验收日期不晚于批准日期）上抵补建设项目占用的耕地。

占用表通常为“建设项目占地分析”的汇总表。提供挂钩台账（字段 project_id、supplement_id、farmland_m2、paddy_m2、capacity_kg）时，逐项目按其挂钩的补充耕地核查；台账中出现未知项目或补充耕地项目编号即报错。不提供台账时，全部汇总为一行“*”核查：此时 order_ok 要求每个批准日期前验收的补充耕地累计面积不少于截至该日累计占用的耕地面积，台账按验收先后顺序扣减。

补充耕地类型（SUP_TYPE_FIELD；国土资规〔2017〕13号）：新增耕地（含开发、复垦、整理、垦造）计入耕地数量、水田规模和粮食产能；旱改水（水田改造）只计入水田规模和粮食产能，不计入耕地数量；提质改造（提升改造、质量提升）只计入粮食产能。对照表为可编辑的 resources/tables/supplement_types.csv，也可在 SUP_TYPE_TABLE 中指定本省的表；表中没有的类型即报错并列出所有取值。没有类型字段时所有补充耕地按新增耕地计（给出警告）。

结论：全部必核项（数量、水田、产能、质量，以及勾选 REQUIRE_ORDER 时的先补后占）均为 1 时 balanced 才为 1，任一项为 0 即为 0，其余为空值；verdict 为 平衡 / 不平衡 / 未核查，unchecked 列出无法核查的项目。未核查不视为符合：勾选 REQUIRE_ORDER 而缺少日期字段或日期为空时，order_ok 为空值，结论为未核查。

AREA_UNIT（平方米、公顷或亩）为输入面积字段的单位（占用表、补充耕地表、挂钩台账）；字段名以 _m2 结尾的按平方米读取。输出面积为平方米，并附亩（*_mu）；HTML 报告以亩和公斤列示。编号相同的行合并计算。布尔值以 1/0 写出。

Checks 耕地占补平衡 in quantity, paddy, grain capacity, quality and order, per project with a 挂钩 ledger or pooled without one; an unchecked rule is 未核查, never a pass.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="164"/>
        <source>Supplement: project type field (新增耕地 / 旱改水 / 提质改造)</source>
        <translation>补充耕地：项目类型字段（新增耕地 / 旱改水 / 提质改造）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="186"/>
        <source>Supplement type table (CSV; empty = the bundled table)</source>
        <translation>补充耕地类型对照表（CSV；留空使用插件自带的表）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="194"/>
        <source>Require 先补后占 (supplement accepted before approval)</source>
        <translation>必须先补后占（补充耕地验收早于占用批准）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="199"/>
        <source>Unit of the input area fields</source>
        <translation>输入面积字段的单位</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="199"/>
        <source>m²</source>
        <translation>平方米</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="199"/>
        <source>hectare (公顷)</source>
        <translation>公顷</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="199"/>
        <source>mu (亩)</source>
        <translation>亩</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="270"/>
        <source>先补后占 is required but the approval or acceptance dates are missing: order_ok is NULL and no project can be found balanced (verdict 未核查).</source>
        <translation>要求先补后占，但缺少批准日期或验收日期：order_ok 为空值，任何项目都不能判定为平衡（结论：未核查）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="332"/>
        <source>Not checked (未核查), some required checks could not be made: {}</source>
        <translation>未核查（部分必核项无法核查）：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="350"/>
        <source>Allocations draw farmland or paddy from supplements whose type adds none; that part is not counted: {}.</source>
        <translation>挂钩台账从类型不增加耕地或水田的补充耕地项目中挂钩了耕地或水田，该部分不计入：{}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="363"/>
        <source>Cannot read the supplement type table: {}</source>
        <translation>无法读取补充耕地类型对照表：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="427"/>
        <source>{}: field “{}” is read as m² (its name says so).</source>
        <translation>{}：字段“{}”按平方米读取（字段名已注明）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="429"/>
        <source>{}: no supplement type field; every supplement counts as 新增耕地 (quantity, paddy, capacity).</source>
        <translation>{}：没有补充耕地类型字段，全部补充耕地按新增耕地计（数量、水田、产能）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="482"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="490"/>
        <source>{}: supplement types not in the type table (新增耕地 / 旱改水 / 提质改造 and their names): {}. Correct the values or add them to the table.</source>
        <translation>{}：补充耕地类型不在对照表中（新增耕地 / 旱改水 / 提质改造及其别名）：{}。请改正取值或将其加入对照表。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="501"/>
        <source>{}: no date for {}; their order check is NULL.</source>
        <translation>{}：{} 没有日期，其先补后占核查为空值。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_balance.py" line="527"/>
        <source>Supplement {} has rows of different types ({} and {}).</source>
        <translation>补充耕地项目 {} 的各行类型不同（{} 和 {}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="191"/>
        <source>Project approval date field (批准日期)</source>
        <translation>项目批准日期字段（批准日期）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="191"/>
        <source>Project type field (项目类型)</source>
        <translation>项目类型字段（项目类型）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="205"/>
        <source>Feature id field (BSM)</source>
        <translation>标识码字段（BSM）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="205"/>
        <source>Parcel number field (TBBH)</source>
        <translation>图斑编号字段（TBBH）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="205"/>
        <source>Ownership type field (QSXZ)</source>
        <translation>权属性质字段（QSXZ）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="205"/>
        <source>Owner code field (QSDWDM)</source>
        <translation>权属单位代码字段（QSDWDM）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="205"/>
        <source>Owner name field (QSDWMC)</source>
        <translation>权属单位名称字段（QSDWMC）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="205"/>
        <source>Town/village attribute field (CZCSXM)</source>
        <translation>城镇村属性码字段（CZCSXM）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="205"/>
        <source>Deducted land-class field (KCDLBM)</source>
        <translation>扣除地类编码字段（KCDLBM）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="307"/>
        <source>城镇村 codes (CZCSXM) whose farmland is counted as in town</source>
        <translation>计为城镇村范围内耕地的城镇村属性码（CZCSXM）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="315"/>
        <source>Project types permitted to occupy basic farmland (土地管理法 Art. 35)</source>
        <translation>允许占用永久基本农田的项目类型（《土地管理法》第三十五条）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="341"/>
        <source>Class table (地类面积表)</source>
        <translation>地类面积表</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="642"/>
        <source>Class table not adjusted (平差) for {} projects: the rows differ from the control area by more than rounding, so the survey does not cover the project or its 图斑 overlap: {}.</source>
        <translation>{} 个项目的地类面积表未平差：各行之和与控制面积之差超过取整误差，说明三调数据未覆盖项目或图斑重叠：{}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="656"/>
        <source>Pieces whose ownership type (QSXZ) is neither 国有 (10, 20) nor 集体 (30–33, 40) are in neither state_m2 nor collective_m2: {}.</source>
        <translation>权属性质（QSXZ）既非国有（10、20）也非集体（30–33、40）的图斑面积不计入 state_m2 和 collective_m2：{}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="666"/>
        <source>Projects occupying permanent basic farmland without a project type: whether the occupation is permitted (土地管理法 Art. 35) is not checked: {}.</source>
        <translation>以下项目占用永久基本农田但未填项目类型，是否符合《土地管理法》第三十五条未核查：{}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="674"/>
        <source>Projects occupying permanent basic farmland that are not of a permitted type (土地管理法 Art. 35: national energy, transport, water and military key projects): {}.</source>
        <translation>以下项目占用永久基本农田，但不属于允许占用的项目类型（《土地管理法》第三十五条：国家能源、交通、水利、军事设施等重点建设项目）：{}。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="716"/>
        <source>Project {} has several approval dates; the earliest ({}) is used.</source>
        <translation>项目 {} 有多个批准日期，采用最早的日期（{}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="722"/>
        <source>{}: unreadable approval dates for {}; their order check cannot be made.</source>
        <translation>{}：{} 的批准日期无法识别，无法核查先补后占。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="59"/>
        <source>Adds the planar area and the ellipsoidal area (国土调查 trapezoid series, as used for TBMJ in the third national land survey) to every polygon, with the area in hectares (公顷) and mu (亩, 1 mu = 2000/3 m²). The ellipsoid is the one of the layer's CRS: CGCS2000, Xian 1980 (IAG 1975) or Beijing 1954 (Krassowsky), Gauss–Krüger with or without zone prefix, or their geographic CRSs; any other ellipsoid is refused. The series takes each edge as straight in latitude/longitude, while a straight edge of the map plane is a curve there, so edges are first densified in the plane to at most DENSIFY_M (default 50 m: the error then stays below 1e-7 of the area, and 三调 图斑 with shorter edges keep their vertices); vertices are then inverse-projected on the layer's own ellipsoid, without datum shift. Ellipsoidal area ≤ planar area holds for every Gauss–Krüger polygon. If a TBMJ field is chosen, tbmj_diff_m2 = ellipsoidal area − TBMJ. Planar area is left empty for layers in a geographic CRS. Invalid geometries are not skipped: geom_valid = 0 flags them.</source>
        <translation>为每个面要素计算平面面积和椭球面积（国土调查梯形级数公式，即第三次全国国土调查 TBMJ 的算法），并换算为公顷和亩（1 亩 = 2000/3 平方米）。椭球取图层坐标系的椭球：CGCS2000、西安 1980（IAG 1975）或北京 1954（克拉索夫斯基），高斯–克吕格投影带号加或不加，或其地理坐标系；其他椭球拒绝计算。级数公式把每条边视为经纬度上的直线，而投影平面上的直线边在经纬度上是曲线，因此先在平面上把边加密至不超过 DENSIFY_M（默认 50 米：误差小于面积的 1e-7，边长更短的三调图斑保持原节点），再在图层自身椭球上反算经纬度，不做基准转换。任何高斯–克吕格多边形的椭球面积都不大于平面面积。选择 TBMJ 字段时，tbmj_diff_m2 = 椭球面积 − TBMJ。地理坐标系图层不计算平面面积。无效几何不跳过，以 geom_valid = 0 标出。

Adds the planar area and the 国土 ellipsoidal area (CGCS2000, Xian 1980 or Beijing 1954; edges densified to DENSIFY_M) to every polygon, in m², hectares and mu.</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="166"/>
        <source>Feature id (BSM)</source>
        <translation>标识码（BSM）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="167"/>
        <source>Parcel number (TBBH)</source>
        <translation>图斑编号（TBBH）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="168"/>
        <source>Ownership type (QSXZ)</source>
        <translation>权属性质（QSXZ）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="169"/>
        <source>Ownership</source>
        <translation>权属性质</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="170"/>
        <source>Owner code</source>
        <translation>权属单位代码</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="171"/>
        <source>Owner</source>
        <translation>权属单位名称</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="172"/>
        <source>Town/village code (CZCSXM)</source>
        <translation>城镇村属性码（CZCSXM）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="173"/>
        <source>Project type</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="174"/>
        <source>Control area (m²)</source>
        <translation>控制面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="175"/>
        <source>Adjusted area (m²)</source>
        <translation>平差后面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="176"/>
        <source>Farmland in towns and villages (m²)</source>
        <translation>城镇村范围内耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="177"/>
        <source>State-owned (m²)</source>
        <translation>国有土地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="178"/>
        <source>Collective (m²)</source>
        <translation>集体土地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="179"/>
        <source>Basic farmland use permitted (1 = yes)</source>
        <translation>允许占用永久基本农田（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="180"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="181"/>
        <source>Checks not made</source>
        <translation>未核查项</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="182"/>
        <source>Supplement type</source>
        <translation>补充耕地类型</translation>
    </message>
    <message>
        <location filename="../core/area.py" line="87"/>
        <source>Ellipsoidal area needs a layer with a valid coordinate reference system.</source>
        <translation>计算椭球面积需要图层具有有效的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../core/area.py" line="99"/>
        <source>The ellipsoidal (国土) area is defined on CGCS2000, Xian 1980 and Beijing 1954 only, but “{}” uses the ellipsoid {}. Reproject the layer to a CGCS2000 Gauss–Krüger CRS, or use planar area (mode 2).</source>
        <translation>国土椭球面积只适用于 CGCS2000、西安 1980 和北京 1954 椭球，但“{}”使用的椭球为 {}。请将图层重投影到 CGCS2000 高斯–克吕格坐标系，或使用平面面积（模式 2）。</translation>
    </message>
    <message>
        <location filename="../core/area.py" line="136"/>
        <source>Cannot set up the inverse projection of “{}” for the ellipsoidal area.</source>
        <translation>无法为“{}”建立计算椭球面积所需的反投影。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="139"/>
        <source>Cuts each construction project (features sharing a project id are one project; overlaps inside a project count once) by the 三调 land-use polygons and the permanent basic farmland boundary, and reports what land it takes.

Area mode: 0 = apportioned survey area (default: a piece gets TBMJ and TBDLMJ of its 图斑 in proportion to its planar share; 田坎 = TBMJ share − TBDLMJ share, or × KCXS where TBDLMJ is missing); 1 = ellipsoidal area (国土调查 formula on the ellipsoid of the layer's CRS: CGCS2000, Xian 1980 or Beijing 1954; edges densified to DENSIFY_M), 田坎 = area × KCXS; 2 = planar area, 田坎 = area × KCXS.

Farmland is 0101 水田, 0102 水浇地, 0103 旱地 without suffix (0101K is not farmland); its area is the net area without 田坎. 田坎 counts as agricultural land (农用地). farmland_grade is the net-area-weighted mean quality grade (等别, 1 = best). capacity_kg = Σ net farmland (亩) × standard grain capacity of its grade (kg/亩): give a CSV (grade,kg_per_mu), an inline list '1:1000,2:950', or 'default' for the bundled illustrative table. Provinces publish their own 等别–产能 tables: use yours.

Class table (OUTPUT_CLASSES, the 报批 地类面积表): one row per project, 权属性质 (QSXZ 10/20 国有, 30/31/32/33/40 集体, other 未知), 权属单位 (QSDWDM/QSDWMC) and land class, with the net area; 田坎 is a row of its own under the 图斑's KCDLBM (1203 when empty). area_m2 is rounded half-up to 0.01 m²; adjusted_m2 is after 平差: the difference between the control area (control_m2, the project's own area: ellipsoidal in modes 0 and 1, planar in mode 2) and the sum of the rounded rows is spread in 0.01 m² steps, one per row, largest rows first, round after round, until the rows add up exactly. A difference above max(1 m², 0.01 % of the control area) is not rounding but uncovered or overlapping survey data: it is not adjusted and is reported.

Summary: approval_date (PROJECT_DATE_FIELD, for 先补后占 in the balance check), project_type, farmland_in_town_m2 (耕地 in 图斑 whose CZCSXM is one of TOWN_CODES; 201A counts as 201), state_m2 and collective_m2 (by QSXZ). basic_farmland_permitted applies 土地管理法 第三十五条: permanent basic farmland may be occupied only by key national energy, transport, water and military projects. It is 1 when the project type contains one of PERMITTED_TYPES or no basic farmland is occupied, 0 when basic farmland is occupied by another type, NULL when the type or the basic farmland is unknown.

Layers in other CRSs are reprojected to the land-use layer's CRS. Invalid geometries follow the Processing setting (skip or stop); tick Repair to repair them with makeValid. Inputs are never modified.</source>
        <translation>将每个建设项目（项目编号相同的要素为同一项目，项目内部重叠只计一次）与三调地类图斑和永久基本农田边界叠加，统计项目占用的土地。

面积口径：0 = 按三调调查面积分摊（默认：切割后的图斑按其平面面积占原图斑的比例分得 TBMJ 和 TBDLMJ；田坎 = TBMJ 份额 − TBDLMJ 份额，无 TBDLMJ 时按 KCXS 计算）；1 = 椭球面积（国土调查公式，采用图层坐标系的椭球：CGCS2000、西安 1980 或北京 1954；边长按 DENSIFY_M 加密），田坎 = 面积 × KCXS；2 = 平面面积，田坎 = 面积 × KCXS。

耕地为不带后缀的 0101 水田、0102 水浇地、0103 旱地（0101K 不是耕地），面积为扣除田坎后的地类面积。田坎计入农用地。farmland_grade 为按净面积加权的平均质量等别（1 为最好）。capacity_kg = Σ 耕地净面积（亩）× 该等别标准粮产能（公斤/亩）：可填 CSV 文件（grade,kg_per_mu）、“1:1000,2:950”形式的列表，或 default 使用插件自带的示例表。各省公布的等别–产能对照表不同，请使用本省的表。

地类面积表（OUTPUT_CLASSES，报批用）：按项目、权属性质（QSXZ 10/20 国有，30/31/32/33/40 集体，其他为未知）、权属单位（QSDWDM/QSDWMC）和地类各一行，列地类净面积；田坎按图斑的扣除地类编码（KCDLBM，缺省 1203）单列一行。area_m2 四舍五入至 0.01 平方米；adjusted_m2 为平差后面积：控制面积（control_m2，项目范围自身的面积：模式 0、1 为椭球面积，模式 2 为平面面积）与各行取整之和的差额按 0.01 平方米逐行分配，由大到小，一轮一步，直至各行之和等于控制面积。差额超过 max(1 平方米, 控制面积的 0.01%) 时不是取整误差，而是三调数据未覆盖或图斑重叠：不平差并给出提示。

汇总表：approval_date（PROJECT_DATE_FIELD，供占补平衡核查先补后占）、project_type、farmland_in_town_m2（城镇村属性码 CZCSXM 属于 TOWN_CODES 的图斑中的耕地；201A 按 201 计）、state_m2 和 collective_m2（按 QSXZ）。basic_farmland_permitted 按《土地管理法》第三十五条：永久基本农田只能由国家能源、交通、水利、军事设施等重点建设项目占用。项目类型包含 PERMITTED_TYPES 之一或未占用永久基本农田时为 1，其他类型占用永久基本农田时为 0，项目类型或永久基本农田未知时为空值。

其他坐标系的图层会重投影到地类图斑图层的坐标系。无效几何按“处理”设置跳过或中止；勾选“修复无效几何”则用 makeValid 修复。不修改任何输入数据。

Cuts each project by the 三调 land use and the basic-farmland boundary and reports the land it takes, with the 报批 class table by ownership (平差 to the control area) and the Art. 35 check.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="69"/>
        <source>Finds land approved for construction (批准用地, by approval batch) that has not been supplied (批而未供): each batch is dissolved and the supplied parcels are cut out. OUTPUT_UNSUPPLIED holds the remaining polygons per batch; OUTPUT_SUMMARY gives approved, supplied and unsupplied area, the supply rate (supplied ÷ approved) and the years since approval (days ÷ 365.25; full_years in calendar years). Areas are ellipsoidal (mode 1, default, the same figure idle land analysis gives a parcel) or planar (mode 2). Supplied parcels in another CRS are reprojected. With SUPPLY_DATE_FIELD, parcels supplied after the date of the check are not counted (a parcel without a date is counted and warned). The last summary row, batch_id '*', totals all batches and gives supply_rate_5y, the 近五年平均供地率: supplied ÷ approved over the batches approved in the five calendar years before the year of the check.</source>
        <translation>查找已批准建设用地（按批次）中尚未供应的土地（批而未供）：每个批次合并后扣除已供地宗地。OUTPUT_UNSUPPLIED 为各批次剩余的未供地范围；OUTPUT_SUMMARY 给出批准面积、已供面积、未供面积、供地率（已供 ÷ 批准）和批准至今年数（天数 ÷ 365.25；full_years 为整年数）。面积为椭球面积（口径 1，默认，与闲置土地分析中同一宗地的面积一致）或平面面积（口径 2）。其他坐标系的供地图层会重投影。指定 SUPPLY_DATE_FIELD 时，核查日期之后供应的宗地不计入（无日期的宗地计入并提示）。汇总表最后一行 batch_id 为“*”，为全部批次合计，并给出 supply_rate_5y（近五年平均供地率）：核查年份之前五个日历年内批准的批次的已供面积 ÷ 批准面积。

Finds approved construction land not yet supplied, per approval batch, with the five-year supply rate.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="105"/>
        <source>Supply date field (供地日期)</source>
        <translation>供地日期字段（供地日期）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="318"/>
        <source>{} supplied parcels are dated after the date of the check and are not counted.</source>
        <translation>{} 宗供地日期晚于核查日期，不计入已供地。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="324"/>
        <source>{} supplied parcels have no readable supply date and are counted as supplied.</source>
        <translation>{} 宗供地没有可识别的供地日期，按已供地计。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/stock_land.py" line="330"/>
        <source>No batch was approved in {}–{}: supply_rate_5y is empty.</source>
        <translation>{}–{} 年没有批准的批次：supply_rate_5y 为空。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="186"/>
        <source>Unit of the price field</source>
        <translation>价款字段的单位</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="186"/>
        <source>yuan (元)</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="186"/>
        <source>10,000 yuan (万元)</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="95"/>
        <source>Overlays two land-use surveys (BEFORE and AFTER, e.g. 三调 and a 变更调查) – by geometry, not by BSM – and reports where farmland went and came from.

Change types: farmland_to_agricultural (耕地 → 园地/林地/草地/设施农用地 and other 农用地: the 进出平衡 outflow), agricultural_to_farmland (the inflow), farmland_to_construction (非农化), construction_to_farmland (复垦), farmland_to_unused, unused_to_farmland, other. 进出平衡 (自然资发〔2021〕166号): inout_ok when the inflow is at least the outflow in the period. basic_farmland_out_m2: farmland inside 永久基本农田 turned into anything else.

Farmland figures are net (地类) areas: 田坎 is not farmland. Before-figures use each piece’s share of the BEFORE 图斑, after-figures its share of the AFTER 图斑 (mode 0: TBMJ/TBDLMJ shares). The matrix and the changes use the BEFORE share; the matrix keeps 田坎 as its own group so unchanged farmland stays on the diagonal. Area not covered by the other survey is reported (uncovered_*_m2 in the total row; planar in modes 1 and 2), not counted as change. The layers are streamed in tiles; AFTER, zones and basic farmland are reprojected to BEFORE’s CRS when they differ.

Verdict (自然资发〔2021〕166号): 平衡 only when the inflow covers the outflow (balance_ok), the 水田 inflow covers the 水田 outflow (paddy_ok), the inflow's area-weighted 等别 (GRADE_FIELD, lower = better) is no worse than the outflow's (quality_ok, NULL without grades: 未核查) and no 永久基本农田 turned into other agricultural land (basic_to_agri_m2, prohibited); otherwise 不平衡 with the reasons. GRASS_AS_AGRICULTURAL (default on) counts 0404 其他草地 as other agricultural land as 166号 names 草地; off keeps the 三大类 reading (未利用地). Outflow inside EXEMPT polygons (approved 生态退耕, 灾毁 …) is exempt_out_m2, not counted as outflow. Every row satisfies net_m2 = in + reclaimed + from_unused − out − nonagri − to_unused, and net_change_m2 (after − before) = net_m2 − exempt_out_m2 + restated_m2 (farmland that stayed farmland with another net area, or changed to or from an unknown code).

GROUP_BY: 0 = zone polygons (cut by geometry); 1 = 坐落单位代码 (ZLDWDM_FIELD): outflow belongs to the before 图斑's ZLDWDM, inflow to the after 图斑's, without any geometric cut.</source>
        <translation>按几何（而非标识码）叠加前后两期地类图斑（如三调与年度变更调查），分析耕地的去向与来源。

变化类型：farmland_to_agricultural（耕地转为园地、林地、草地、设施农用地等其他农用地，即进出平衡的“出”）、agricultural_to_farmland（“进”）、farmland_to_construction（非农化）、construction_to_farmland（复垦）、farmland_to_unused、unused_to_farmland、other。进出平衡（自然资发〔2021〕166号）：期内流入不少于流出时 inout_ok 为 1。basic_farmland_out_m2：永久基本农田内耕地转为其他地类的面积。

耕地面积为扣除田坎后的地类面积。前期指标按切割图斑占前期图斑的份额计算，后期指标按占后期图斑的份额计算（口径 0 为 TBMJ/TBDLMJ 份额）。转移矩阵和变化图斑采用前期份额；矩阵中田坎单列，未变化的耕地位于对角线。未被另一期覆盖的面积单独报告（合计行 uncovered_*_m2；口径 1、2 为平面面积），不计为变化。数据分块流式处理；后期、区域和永久基本农田图层坐标系不同时重投影到前期坐标系。

结论（自然资发〔2021〕166号）：只有流入不少于流出（balance_ok）、水田流入不少于水田流出（paddy_ok）、流入耕地按面积加权的质量等别（GRADE_FIELD，数值越小越好）不低于流出耕地（quality_ok，缺少等别时为空值：未核查），且没有永久基本农田转为其他农用地（basic_to_agri_m2，禁止）时才为“平衡”；否则为“不平衡”并列出原因。GRASS_AS_AGRICULTURAL（默认勾选）将 0404 其他草地计为其他农用地（166号所称草地）；不勾选则按三大类计为未利用地。EXEMPT 图层（经批准的生态退耕、灾毁等范围）内的流出计入 exempt_out_m2，不计为流出。每行均满足 net_m2 = 流入 + 复垦 + 未利用地开发 − 流出 − 非农化 − 转为未利用地，且 net_change_m2（后期 − 前期）= net_m2 − exempt_out_m2 + restated_m2（仍为耕地但地类净面积变化，或涉及未知地类代码的面积）。

GROUP_BY：0 = 区域图层（按几何切割）；1 = 坐落单位代码（ZLDWDM_FIELD）：流出归前期图斑的坐落单位，流入归后期图斑的坐落单位，不做几何切割。

Overlays two surveys by geometry and reports farmland outflow, inflow, 进出平衡 (with 水田, quality and 永农 checks), 非农化 and a transition matrix.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="182"/>
        <source>Group by</source>
        <translation>分组方式</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="182"/>
        <source>Zone polygons</source>
        <translation>区域图层</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="182"/>
        <source>坐落单位代码 (ZLDWDM field)</source>
        <translation>坐落单位代码（ZLDWDM 字段）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="190"/>
        <source>Count 0404 其他草地 as other agricultural land (166号)</source>
        <translation>将 0404 其他草地计为其他农用地（166号）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="197"/>
        <source>Approved exempt areas (生态退耕, 灾毁 …)</source>
        <translation>经批准的核减范围（生态退耕、灾毁等）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="205"/>
        <source>Exempt type field</source>
        <translation>核减类型字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="210"/>
        <source>Year of the earlier survey</source>
        <translation>前期调查年份</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="210"/>
        <source>Year of the later survey</source>
        <translation>后期调查年份</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="260"/>
        <source>exempt</source>
        <translation>核减</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_change.py" line="341"/>
        <source>Grouping by 坐落单位代码: the zone polygons are not used.</source>
        <translation>按坐落单位代码分组：不使用区域图层。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="57"/>
        <source>Computes the indicators whose measure key is set and records each as an observation for YEAR, with this algorithm as source, converted to the indicator's own unit (公顷, 亩, 万亩, km², %). Measures: farmland_area (耕地保有量: net area of 0101/0102/0103, TBDLMJ), construction_area (建设用地, TBMJ), forest_area, wetland_area (TBMJ of the 林地 / 湿地 groups), development_intensity (construction ÷ total, %), basic_farmland_area, eco_redline_area (ellipsoidal area of the union of the given layer), restoration_area and mine_restoration_area (the same for the restoration projects whose status is one of RESTORATION_DONE_VALUES and whose year is at most YEAR; mine restoration: types containing one of MINE_TYPES). A planned or unfinished project, or one of a later year, has restored nothing yet; a done project without a year is counted and named in a warning. The land-use field names are parameters with 三调 defaults. An empty layer, or area fields that are not numbers, record nothing for the measures they feed (never a 0) and are warned about.</source>
        <translation>计算设置了监测项的指标，换算为指标自身的单位（公顷、亩、万亩、平方千米、%），作为该年份的监测值记录（来源为本算法）。监测项：farmland_area（耕地保有量：0101/0102/0103 的地类面积 TBDLMJ）、construction_area（建设用地 TBMJ）、forest_area、wetland_area（林地、湿地一级类的 TBMJ）、development_intensity（建设用地 ÷ 总面积，%）、basic_farmland_area、eco_redline_area（相应图层并集的椭球面积）、restoration_area 和 mine_restoration_area（状态属于 RESTORATION_DONE_VALUES 且年份不晚于 YEAR 的修复项目并集的椭球面积；矿山修复为类型包含 MINE_TYPES 之一的项目）。规划中、在建或年份更晚的项目尚未完成修复；已完成但无年份的项目计入并提示。地类图斑字段名可设置，默认为三调字段名。图层为空或面积字段不是数值时，相应监测项不记录（绝不记为 0）并给出提示。

Measures plan indicators from layers and records them; restoration counts only finished projects.</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="94"/>
        <source>Restoration: status field</source>
        <translation>修复项目：状态字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="94"/>
        <source>Restoration: year field</source>
        <translation>修复项目：年份字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="94"/>
        <source>Restoration: type field</source>
        <translation>修复项目：类型字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="108"/>
        <source>Restoration: status values meaning done</source>
        <translation>修复项目：表示已完成的状态值</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="115"/>
        <source>Restoration: types that are mine restoration</source>
        <translation>修复项目：属于矿山修复的类型</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="155"/>
        <source>{}: {} is not recorded.</source>
        <translation>{}：{} 未记录。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="244"/>
        <source>{} has no polygons.</source>
        <translation>{} 没有面要素。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="225"/>
        <source>{}: no field “{}” ({}); which projects are done by {} cannot be told.</source>
        <translation>{}：没有字段“{}”（{}），无法判断哪些项目在 {} 年前已完成。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="238"/>
        <source>{}: {} done projects have no year; they are counted in {} as done (features {}).</source>
        <translation>{}：{} 个已完成项目没有年份，按已完成计入 {}（要素 {}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="258"/>
        <source>{}, feature {}: {} “{}” {}; the survey measures are not recorded.</source>
        <translation>{}，要素 {}：{}“{}”{}；国土调查监测项不记录。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/measure_indicators.py" line="269"/>
        <source>{} needs the fields {} and {} to measure the survey indicators.</source>
        <translation>{} 需要字段 {} 和 {} 才能计算国土调查监测项。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/idle_land.py" line="92"/>
        <source>Classifies supplied land parcels under the 闲置土地处置办法 (国土资源部令第53号, 2012). The start deadline is the agreed start date (约定动工日期), else one year after delivery (交地日期).

Periods follow 民法典 Arts. 201–202: a period in years starts the day after its start date and ends on the corresponding day (the month-end when there is none); a year is full on the day after. An agreed start of 2023-06-30 makes an unstarted parcel idle_1y on 2024-07-01; 29 Feb plus one year ends on 28 Feb and is reached on 1 Mar. No holiday extension is applied.

Statuses, first match wins: check when the records and the imagery (built-up raster) fall on different sides of DEVELOPED_THRESHOLD, started or not (an unstarted parcel is 0 % developed by its records); not started: idle_2y two years after the deadline (无偿收回), idle_1y one year after (土地闲置费 = 20 % of the price), warning within WARNING_DAYS before becoming idle, overdue (逾期未动工) when past the deadline but not yet in the warning window; started: idle_partial when the developed share &lt; 1/3 or the invested share &lt; 25 % and development has been suspended one full year (fee, Art. 2 and Art. 14), idle_partial_2y when suspended two full years (无偿收回), warning within WARNING_DAYS before the year is full. An idle parcel with a government cause (Art. 8) is ‘government’. Investment excludes the land price and taxes (Art. 30). PRICE_UNIT: the unit of the price field (元 or 万元); the fee is in the same unit (fee_unit). AREA_MODE for parcel_area_m2 and the summary: 1 ellipsoidal (default, as in stock land analysis, so a parcel has one area in both), 2 planar; 0 is read as 1 (parcels have no survey area to apportion).

developed_ratio = developed area ÷ parcel area (the 2002 MLR reply reads the total as land area; some provinces use floor area — use your province’s figure in the field), else the raster share. Dates may be date fields or text such as 2023-05-01, 2023/5/1, 2023年5月1日 or 20230501; unreadable dates are reported per parcel in ‘evidence’. The raster is counted with GDAL in bulk (pixel centres inside the parcel; overlapping parcels each get all their pixels); parcels are reprojected to the raster’s CRS when they differ.</source>
        <translation>依据《闲置土地处置办法》（国土资源部令第53号，2012年）对已供宗地分类。动工期限为约定动工日期；无约定的，为交地之日起一年。

期间按《民法典》第二百零一条、第二百零二条计算：按年计算的期间自开始之日的次日起算，到期年的对应日为最后一日，没有对应日的，月末日为最后一日；次日即为“满一年”。约定动工日期为 2023-06-30 的未动工宗地自 2024-07-01 起为 idle_1y；2月29日起算一年至2月28日届满，3月1日满一年。不考虑法定节假日顺延。

状态（按顺序取第一个符合的）：记录与影像（建成区栅格）分处 DEVELOPED_THRESHOLD 两侧时为 check（需实地核查），已动工和未动工宗地均适用（未动工宗地按记录开发比例为 0%）；未动工：动工期限届满后满两年为 idle_2y（无偿收回），满一年为 idle_1y（征缴价款20%的土地闲置费），距满一年不足 WARNING_DAYS 天为 warning（预警），已超过动工期限但尚未进入预警期为 overdue（逾期未动工）；已动工：开发面积不足三分之一或已投资额不足25%，且中止开发建设满一年为 idle_partial（征缴土地闲置费，第二条、第十四条），满两年为 idle_partial_2y（无偿收回），距满一年不足 WARNING_DAYS 天为 warning。闲置且有政府原因（第八条）的为 government。投资额不含土地价款和税费（第三十条）。PRICE_UNIT：价款字段的单位（元或万元），土地闲置费采用同一单位（fee_unit）。AREA_MODE 用于 parcel_area_m2 和汇总：1 椭球面积（默认，与批而未供分析一致，同一宗地面积相同），2 平面面积；0 按 1 处理（宗地没有可分摊的调查面积）。

developed_ratio = 已开发面积 ÷ 宗地面积（原国土资源部2002年复函将总面积理解为土地面积，部分省份采用建筑面积，请按本省口径填写字段），无此字段时用栅格比例。日期可为日期字段或“2023-05-01”“2023/5/1”“2023年5月1日”“20230501”等文本；无法识别的日期在 evidence 字段中逐宗说明。栅格用 GDAL 批量统计（像元中心落在宗地内；重叠宗地各自计全部像元）；坐标系不同时宗地重投影到栅格坐标系。

Classifies supplied parcels under the 2012 idle-land rules with periods per 民法典 Arts. 201–202: idle (1 or 2 years), partially developed (1 or 2 years), overdue, warning, government cause or field check, with the fee and disposal.</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="184"/>
        <source>Paddy out (m²)</source>
        <translation>水田流出（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="185"/>
        <source>Paddy in (m²)</source>
        <translation>水田流入（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="186"/>
        <source>Grade of farmland out</source>
        <translation>流出耕地等别</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="187"/>
        <source>Grade of farmland in</source>
        <translation>流入耕地等别</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="188"/>
        <source>Basic farmland to other agricultural land (m²)</source>
        <translation>永农转其他农用地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="189"/>
        <source>Basic farmland to construction (m²)</source>
        <translation>永农转建设用地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="190"/>
        <source>Reclaimed from construction (m²)</source>
        <translation>复垦为耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="191"/>
        <source>From unused land (m²)</source>
        <translation>未利用地开发为耕地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="192"/>
        <source>To unused land (m²)</source>
        <translation>耕地转为未利用地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="193"/>
        <source>Exempt outflow (m²)</source>
        <translation>核减流出（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="194"/>
        <source>Restated farmland (m²)</source>
        <translation>口径调整（平方米）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="195"/>
        <source>In-out balanced (1 = yes)</source>
        <translation>进出平衡（1=是）</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="196"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="197"/>
        <source>Developed share on imagery</source>
        <translation>影像已建设比例</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="198"/>
        <source>Fee unit</source>
        <translation>闲置费单位</translation>
    </message>
    <message>
        <location filename="../core/outputfields.py" line="199"/>
        <source>Five-year supply rate</source>
        <translation>近五年平均供地率</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="137"/>
        <source>Shared store…</source>
        <translation>共享指标库…</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="240"/>
        <source>Shared indicator store (PostgreSQL)</source>
        <translation>共享指标库（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="245"/>
        <source>Connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/init_store.py" line="57"/>
        <source>Schema</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="283"/>
        <source>The schema “{}” holds no LandPlan indicator store; create it with “Initialise a shared indicator store” (landplan:initstore).</source>
        <translation>模式“{}”中没有 LandPlan 指标库；请先用“初始化共享指标库”（landplan:initstore）创建。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="355"/>
        <source>Read-only: your database login may only read this indicator store (a viewer); the table cannot be edited.</source>
        <translation>只读：您的数据库账号对该指标库只有查看权限（查看者），表格不能编辑。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="539"/>
        <source>“{}” was changed by {} at {} since you opened it; your edits were not saved. Reload the plan and edit again.</source>
        <translation>“{}”在您打开后已被 {} 于 {} 修改；您的编辑未保存。请重新加载规划后再编辑。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="578"/>
        <source>Changes by others will not show live: {}</source>
        <translation>他人的修改将不能实时显示：{}</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="601"/>
        <source>The connection to the shared store was lost; changes by others no longer show.</source>
        <translation>与共享指标库的连接已断开，他人的修改不再实时显示。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="621"/>
        <source>{} was changed by {} while you were editing it; saving your edit of it will be refused. Note your value, undo, and save again after the table reloads.</source>
        <translation>{} 在您编辑期间已被 {} 修改；保存您对它的编辑将被拒绝。请记下您的数值，撤销后待表格重新加载再保存。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="628"/>
        <source>{} changed this plan; the changes show after you save.</source>
        <translation>{} 修改了本规划；您保存后即显示这些修改。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="631"/>
        <source>Updated: {} changed this plan.</source>
        <translation>已更新：{} 修改了本规划。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="703"/>
        <source>Not recorded: {}</source>
        <translation>未记录：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="32"/>
        <source>Copy an indicator store</source>
        <translation>复制指标库</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="38"/>
        <source>Copies every plan of one indicator store into another – GeoPackage to PostgreSQL to move a bureau onto a shared store, or back to hand a plan on as a file – with indicators, yearly values, row versions and the audit history, in one transaction: if anything fails the target is left as it was. A plan the target already has is refused unless REPLACE is ticked. Copying into PostgreSQL needs the store owner's login (the audit history is written). SOURCE and TARGET are GeoPackage files; for a shared store use SOURCE_CONNECTION / TARGET_CONNECTION and the schema instead. A new GeoPackage target is created.</source>
        <translation>将一个指标库的全部规划复制到另一个指标库——从 GeoPackage 复制到 PostgreSQL 以迁移到共享指标库，或复制回 GeoPackage 以文件形式报送——包括指标、年度监测值、行版本和审计记录，在一个事务中完成：任何一步失败，目标库保持原样。目标库中已有的规划将被拒绝，除非勾选 REPLACE（替换）。复制到 PostgreSQL 需要指标库所有者账号（要写入审计记录）。SOURCE 和 TARGET 为 GeoPackage 文件；共享指标库请改用 SOURCE_CONNECTION / TARGET_CONNECTION 及模式。目标 GeoPackage 不存在时新建。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="48"/>
        <source>Source store (GeoPackage)</source>
        <translation>源指标库（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="49"/>
        <source>Target store (GeoPackage)</source>
        <translation>目标指标库（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="50"/>
        <source>Replace plans that exist in the target</source>
        <translation>替换目标库中已有的规划</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="55"/>
        <source>Plans copied</source>
        <translation>已复制规划数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="55"/>
        <source>Indicators copied</source>
        <translation>已复制指标数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="55"/>
        <source>Values copied</source>
        <translation>已复制监测值数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="55"/>
        <source>Audit rows copied</source>
        <translation>已复制审计记录数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="67"/>
        <source>SOURCE and TARGET are the same store.</source>
        <translation>SOURCE 与 TARGET 是同一个指标库。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="73"/>
        <source>The target store already has {}: nothing was copied. Tick REPLACE to overwrite them.</source>
        <translation>目标指标库中已有 {}：未复制任何内容。如需覆盖，请勾选 REPLACE（替换）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="79"/>
        <source>Nothing was copied: {}</source>
        <translation>未复制任何内容：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/copy_store.py" line="80"/>
        <source>Copied {} plans, {} indicators, {} values and {} audit rows.</source>
        <translation>已复制 {} 个规划、{} 个指标、{} 个监测值和 {} 条审计记录。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/init_store.py" line="37"/>
        <source>Initialise a shared indicator store (PostgreSQL)</source>
        <translation>初始化共享指标库（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/init_store.py" line="43"/>
        <source>Creates the shared indicator store in a PostgreSQL/PostGIS schema (default landplan): the tables lp_plan, lp_indicator, lp_observation, lp_audit and lp_meta with their constraints, triggers that bump row_version and write the audit with the database login and server time for every change (also changes made with pgAdmin or QGIS&apos;s attribute table), notifications that refresh open docks, and two roles: EDITOR_ROLE (default &lt;schema&gt;_editor) may read and write, VIEWER_ROLE (default &lt;schema&gt;_viewer) may only read. Grant them to the bureau&apos;s logins, e.g. GRANT landplan_editor TO zhang; Run it with a login that may create schemas and roles. Running it again changes no data.</source>
        <translation>在 PostgreSQL/PostGIS 的一个模式（默认 landplan）中创建共享指标库：lp_plan、lp_indicator、lp_observation、lp_audit 和 lp_meta 五张表及其约束；触发器在每次修改时递增 row_version，并以数据库登录账号和服务器时间写入审计记录（用 pgAdmin 或 QGIS 属性表直接修改的也记录）；通知机制使已打开的指标面板实时刷新；以及两个角色：EDITOR_ROLE（默认 &lt;模式&gt;_editor）可读写，VIEWER_ROLE（默认 &lt;模式&gt;_viewer）只读。请将角色授予局内账号，例如 GRANT landplan_editor TO zhang; 请用可创建模式和角色的账号运行。重复运行不改变数据。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/init_store.py" line="54"/>
        <source>PostgreSQL connection</source>
        <translation>PostgreSQL 连接</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/init_store.py" line="64"/>
        <source>Editor role</source>
        <translation>编辑者角色</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/init_store.py" line="65"/>
        <source>Viewer role</source>
        <translation>查看者角色</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/init_store.py" line="79"/>
        <source>Cannot create the shared indicator store: {}</source>
        <translation>无法创建共享指标库：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/init_store.py" line="82"/>
        <source>Indicator store ready in schema “{}”. Grant the roles to people: GRANT {} TO &lt;login&gt;; GRANT {} TO &lt;login&gt;;</source>
        <translation>模式“{}”中的指标库已就绪。请将角色授予人员：GRANT {} TO &lt;账号&gt;; GRANT {} TO &lt;账号&gt;;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="40"/>
        <source>The database refused the change: your login may only read this indicator store (a viewer). Ask the bureau&apos;s database administrator for the editor role. ({})</source>
        <translation>数据库拒绝了修改：您的账号对该指标库只有查看权限（查看者）。请向局数据库管理员申请编辑者角色。（{}）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="54"/>
        <source>…or a shared store: PostgreSQL connection</source>
        <translation>…或共享指标库：PostgreSQL 连接</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="59"/>
        <source>Schema of the shared store</source>
        <translation>共享指标库所在模式</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="83"/>
        <source>There is no PostgreSQL connection named “{}” in QGIS (connections: {}).</source>
        <translation>QGIS 中没有名为“{}”的 PostgreSQL 连接（现有连接：{}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="95"/>
        <source>{0}: give either a GeoPackage file or a PostgreSQL connection ({0}_CONNECTION), not both.</source>
        <translation>{0}：请给出 GeoPackage 文件或 PostgreSQL 连接（{0}_CONNECTION）之一，不能同时给出。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="104"/>
        <source>{0}: choose the indicator store (a GeoPackage, or a PostgreSQL connection in {0}_CONNECTION).</source>
        <translation>{0}：请选择指标库（GeoPackage 文件，或在 {0}_CONNECTION 中选择 PostgreSQL 连接）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/indicators_common.py" line="123"/>
        <source>The schema “{}” of {} holds no LandPlan indicator store; create it first with “Initialise a shared indicator store” (landplan:initstore).</source>
        <translation>{1} 的模式“{0}”中没有 LandPlan 指标库；请先用“初始化共享指标库”（landplan:initstore）创建。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="547"/>
        <source>shapely {} is built on another GEOS than QGIS's; cutting 图斑 by 图斑.</source>
        <translation>shapely {} 基于与 QGIS 不同的 GEOS 构建；逐个图斑切割。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="555"/>
        <source>Cutting in bulk with shapely {} (vectorised GEOS).</source>
        <translation>使用 shapely {}（矢量化 GEOS）批量切割。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/farmland_occupation.py" line="686"/>
        <source>{} pieces have no land-class code (DLBM): counted in unknown_m2 only.</source>
        <translation>{} 个图斑片段没有地类编码（DLBM）：只计入 unknown_m2。</translation>
    </message>
</context>
</TS>
