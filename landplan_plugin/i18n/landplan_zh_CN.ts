<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin.py" line="43" />
        <source>LandPlan algorithms in the Processing toolbox</source>
        <translation>在处理工具箱中打开 LandPlan 算法</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="49" />
        <source>Could not load model {}</source>
        <translation>无法加载模型 {}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="67" />
        <source>No field chosen for {}.</source>
        <translation>未为 {} 选择字段。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="71" />
        <source>Field “{}” not found in {} (available: {}).</source>
        <translation>{1} 中找不到字段“{0}”（现有字段：{2}）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/base.py" line="77" />
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
        <location filename="../processing/algorithms/ellipsoid_area.py" line="70" />
        <source>TBMJ field to compare with (optional)</source>
        <translation>用于比对的 TBMJ 字段（可选）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="79" />
        <source>Areas</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="80" />
        <source>Total planar area (m²)</source>
        <translation>平面面积合计（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="81" />
        <source>Total ellipsoidal area (m²)</source>
        <translation>椭球面积合计（平方米）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="82" />
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="130" />
        <source>Layer “{}” has no valid CRS.</source>
        <translation>图层“{}”没有有效的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="100" />
        <source>The input already has a field “{}”; rename it first.</source>
        <translation>输入图层已有字段“{}”，请先重命名。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="153" />
        <source>{} features have invalid geometry (geom_valid = 0); their areas follow the rings as drawn. Repair them with Fix geometries before overlay analysis.</source>
        <translation>{} 个要素几何无效（geom_valid = 0），其面积按原始环计算。叠加分析前请用“修复几何”处理。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="158" />
        <source>{} features have no geometry; their areas are empty.</source>
        <translation>{} 个要素没有几何，面积为空。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ellipsoid_area.py" line="159" />
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
</context>
</TS>
