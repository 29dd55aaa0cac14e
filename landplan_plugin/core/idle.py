"""闲置土地 (idle land) rules of the 闲置土地处置办法 (国土资源部令第53号, 2012).

Art. 2: land is idle when development has not started one full year after
the start date agreed in the 出让合同 / 划拨决定书; land that was started is
also idle when the developed area is below 1/3 of the total or the invested
amount below 25 % of the total investment (both excluding the land price and
taxes, Art. 30) and development has been suspended for one full year.
Art. 8: government or force-majeure causes are handled under Arts. 12–13
(negotiated disposal), not Art. 14.  Art. 14: one year → 土地闲置费 of 20 %
of the price; two years → 无偿收回.  Where no start date was agreed, the
deadline is one year after the delivery of the land (交地确认书), as the
办法 provides for unclear agreements (checked against practice; the article
number is not verified here).

Status, first match wins (issue contract):

1. ``no_data`` – no deadline can be formed;
2. not started: ``idle_2y`` (ref ≥ deadline + 2 y), ``idle_1y`` (ref ≥
   deadline + 1 y), ``warning`` (within WARNING_DAYS before deadline + 1 y),
   else ``normal``; an idle_1y/idle_2y becomes ``check`` when the imagery
   shows developed_ratio ≥ threshold (records and imagery disagree), else
   ``government`` when a government cause is recorded;
3. started: ``idle_partial`` when (developed_ratio < threshold or
   invest_ratio < threshold) and suspended ≥ 1 year (``government`` with a
   government cause); otherwise ``normal``.

"Plus N years" is calendar arithmetic (29 Feb + 1 y = 28 Feb).  Pure Python.
"""

from dataclasses import dataclass, field

from .dates import add_years

NO_DATA = "no_data"
NORMAL = "normal"
WARNING = "warning"
IDLE_1Y = "idle_1y"
IDLE_2Y = "idle_2y"
IDLE_PARTIAL = "idle_partial"
GOVERNMENT = "government"
CHECK = "check"

STATUSES = (IDLE_2Y, IDLE_1Y, IDLE_PARTIAL, GOVERNMENT, CHECK, WARNING, NORMAL, NO_DATA)

STATUS_ZH = {
    NO_DATA: "缺少动工期限",
    NORMAL: "正常",
    WARNING: "闲置预警",
    IDLE_1Y: "闲置满一年",
    IDLE_2Y: "闲置满两年",
    IDLE_PARTIAL: "开发不足且中止满一年",
    GOVERNMENT: "政府原因闲置",
    CHECK: "需实地核查",
}

DISPOSAL = {
    NO_DATA: "核查：补录约定动工日期或交地日期",
    NORMAL: "",
    WARNING: "预警：督促按期动工开发",
    IDLE_1Y: "征缴土地闲置费（出让或划拨价款的20%，第十四条第一项）",
    IDLE_2Y: "无偿收回国有建设用地使用权（第十四条第二项）",
    IDLE_PARTIAL: "认定为闲置土地，依第十四条处置（征缴土地闲置费或无偿收回）",
    GOVERNMENT: "按第十二条、十三条协商处置（延长动工期限、调整用途、临时使用、协议收回、置换等）",
    CHECK: "核查：记录未动工但影像显示已建设，需实地核查后认定",
}

FEE_RATE = 0.20


@dataclass
class ParcelFacts:
    agreed_start: object = None  # datetime.date
    delivery: object = None
    actual_start: object = None
    suspended_since: object = None
    developed_ratio: float = None  # from records (developed area ÷ parcel area)
    raster_ratio: float = None  # from imagery
    invest_ratio: float = None
    price: float = None
    gov_cause: str = None
    date_errors: list = field(default_factory=list)


@dataclass
class Verdict:
    status: str
    deadline: object
    days_overdue: int
    developed_ratio: float
    fee: float
    disposal: str
    evidence: str

    @property
    def status_zh(self):
        return STATUS_ZH[self.status]


def deadline_of(facts):
    """The start deadline: the agreed date, else delivery + 1 year."""
    if facts.agreed_start is not None:
        return facts.agreed_start, "约定动工日期 {}".format(facts.agreed_start.isoformat())
    if facts.delivery is not None:
        deadline = add_years(facts.delivery, 1)
        return deadline, "无约定动工日期，按交地日期 {} 起一年".format(facts.delivery.isoformat())
    return None, None


def classify(
    facts,
    reference,
    developed_threshold=1.0 / 3.0,
    investment_threshold=0.25,
    warning_days=90,
):
    evidence = list(facts.date_errors)
    deadline, how = deadline_of(facts)
    developed = facts.developed_ratio if facts.developed_ratio is not None else facts.raster_ratio
    gov = bool(facts.gov_cause and str(facts.gov_cause).strip())
    if deadline is None:
        evidence.append("无约定动工日期和交地日期")
        return Verdict(NO_DATA, None, None, developed, None, DISPOSAL[NO_DATA], "；".join(evidence))
    evidence.append(how)
    days = (reference - deadline).days
    one_year = add_years(deadline, 1)
    two_years = add_years(deadline, 2)

    if facts.actual_start is None:
        if reference >= two_years:
            status = IDLE_2Y
            evidence.append("未动工，已超过动工期限满两年（{}）".format(two_years.isoformat()))
        elif reference >= one_year:
            status = IDLE_1Y
            evidence.append("未动工，已超过动工期限满一年（{}）".format(one_year.isoformat()))
        elif (one_year - reference).days <= warning_days:
            status = WARNING
            evidence.append(
                "未动工，距满一年（{}）还有 {} 天".format(one_year.isoformat(), (one_year - reference).days)
            )
        else:
            status = NORMAL
            evidence.append("未动工，尚未满一年")
        if status in (IDLE_1Y, IDLE_2Y):
            if facts.raster_ratio is not None and facts.raster_ratio >= developed_threshold:
                evidence.append("影像显示已建设比例 {:.1%}".format(facts.raster_ratio))
                status = CHECK
            elif gov:
                evidence.append("政府原因：{}".format(str(facts.gov_cause).strip()))
                status = GOVERNMENT
    else:
        evidence.append("已于 {} 动工".format(facts.actual_start.isoformat()))
        low = []
        if developed is not None and developed < developed_threshold:
            low.append("开发面积比例 {:.1%}".format(developed))
        if facts.invest_ratio is not None and facts.invest_ratio < investment_threshold:
            low.append("投资比例 {:.1%}".format(facts.invest_ratio))
        suspended_year = facts.suspended_since is not None and reference >= add_years(facts.suspended_since, 1)
        if low and suspended_year:
            evidence.append("不足：" + "、".join(low))
            evidence.append("自 {} 中止开发满一年".format(facts.suspended_since.isoformat()))
            status = IDLE_PARTIAL
            if gov:
                evidence.append("政府原因：{}".format(str(facts.gov_cause).strip()))
                status = GOVERNMENT
        else:
            status = NORMAL
            if developed is None and facts.invest_ratio is None:
                evidence.append("无开发面积和投资数据")
    fee = None
    if status == IDLE_1Y and facts.price is not None:
        fee = facts.price * FEE_RATE
    return Verdict(status, deadline, days, developed, fee, DISPOSAL[status], "；".join(evidence))


def ratio(part, whole):
    if part is None or whole is None or whole <= 0:
        return None
    return part / whole
