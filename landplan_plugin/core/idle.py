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

Periods (民法典 第二百零一条、第二百零二条): a period counted in years starts
the day after its start date and ends on the corresponding day of the last
year, or the month-end when there is none (29 Feb + 1 year ends 28 Feb); the
period is full (满一年) on the day after it ends.  An agreed start of
2023-06-30 therefore makes an unstarted parcel idle on 2024-07-01, not on
2024-06-30.  No holiday extension is applied (第二百零三条 moves the last day
off a holiday; the registers bureaus keep do not).  ``period_end`` and
``reached`` implement the rule.

Status, first match wins:

1. ``no_data`` – no deadline can be formed;
2. ``check`` – the records and the imagery fall on different sides of the
   developed threshold (records say not started = 0 % developed), for
   started and unstarted parcels alike: a field check comes first;
3. not started: ``idle_2y`` (two years full after the deadline: 无偿收回),
   ``idle_1y`` (one year full: 土地闲置费), ``warning`` (within WARNING_DAYS
   before becoming idle_1y), ``overdue`` (逾期未动工: past the deadline, not
   yet in the warning window), else ``normal``;
4. started: insufficient (developed < threshold or invested < threshold)
   and suspended: ``idle_partial_2y`` (suspended two full years: 无偿收回),
   ``idle_partial`` (one full year: fee, Art. 14 applies to idle land as
   defined in Art. 2), ``warning`` (within WARNING_DAYS before the year is
   full), else ``normal``;
5. an idle status (idle_1y, idle_2y, idle_partial, idle_partial_2y) with a
   government cause (Art. 8) becomes ``government`` (Arts. 12–13).

Pure Python.
"""

import datetime
from dataclasses import dataclass, field

from .dates import add_years

NO_DATA = "no_data"
NORMAL = "normal"
WARNING = "warning"
OVERDUE = "overdue"
IDLE_1Y = "idle_1y"
IDLE_2Y = "idle_2y"
IDLE_PARTIAL = "idle_partial"
IDLE_PARTIAL_2Y = "idle_partial_2y"
GOVERNMENT = "government"
CHECK = "check"

STATUSES = (
    IDLE_2Y,
    IDLE_1Y,
    IDLE_PARTIAL_2Y,
    IDLE_PARTIAL,
    GOVERNMENT,
    CHECK,
    WARNING,
    OVERDUE,
    NORMAL,
    NO_DATA,
)
IDLE_STATUSES = (IDLE_1Y, IDLE_2Y, IDLE_PARTIAL, IDLE_PARTIAL_2Y)

STATUS_ZH = {
    NO_DATA: "缺少动工期限",
    NORMAL: "正常",
    WARNING: "闲置预警",
    IDLE_1Y: "闲置满一年",
    IDLE_2Y: "闲置满两年",
    IDLE_PARTIAL: "开发不足且中止满一年",
    IDLE_PARTIAL_2Y: "开发不足且中止满两年",
    OVERDUE: "逾期未动工",
    GOVERNMENT: "政府原因闲置",
    CHECK: "需实地核查",
}

DISPOSAL = {
    NO_DATA: "核查：补录约定动工日期或交地日期",
    NORMAL: "",
    WARNING: "预警：督促按期动工开发",
    IDLE_1Y: "征缴土地闲置费（出让或划拨价款的20%，第十四条第一项）",
    IDLE_2Y: "无偿收回国有建设用地使用权（第十四条第二项）",
    IDLE_PARTIAL: "征缴土地闲置费（出让或划拨价款的20%，第二条第二款、第十四条第一项）",
    IDLE_PARTIAL_2Y: "无偿收回国有建设用地使用权（第二条第二款、第十四条第二项）",
    OVERDUE: "督促动工：已超过约定动工日期，尚未满一年",
    GOVERNMENT: "按第十二条、十三条协商处置（延长动工期限、调整用途、临时使用、协议收回、置换等）",
    CHECK: "核查：记录未动工但影像显示已建设，需实地核查后认定",
}

FEE_RATE = 0.20


ONE_DAY = datetime.timedelta(days=1)


def period_end(start, years):
    """Last day of a period of ``years`` counted from ``start`` (民法典
    第二百零一条: from the next day; 第二百零二条: the corresponding day,
    else the month-end)."""
    return add_years(start, years)


def reached(start, years):
    """The first day on which ``years`` full years have passed since ``start``."""
    return period_end(start, years) + ONE_DAY


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
    started = facts.actual_start is not None
    if started:
        evidence.append("已于 {} 动工".format(facts.actual_start.isoformat()))
    status = _contradiction(facts, started, developed_threshold, evidence)
    if status is None and not started:
        status = _unstarted(deadline, reference, warning_days, evidence)
    elif status is None:
        status = _started(
            facts, developed, reference, developed_threshold, investment_threshold, warning_days, evidence
        )
    if status in IDLE_STATUSES and gov:
        evidence.append("政府原因：{}".format(str(facts.gov_cause).strip()))
        status = GOVERNMENT
    fee = None
    if status in (IDLE_1Y, IDLE_PARTIAL) and facts.price is not None:
        fee = facts.price * FEE_RATE
    return Verdict(status, deadline, days, developed, fee, DISPOSAL[status], "；".join(evidence))


def _contradiction(facts, started, threshold, evidence):
    """CHECK when records and imagery fall on different sides of the
    threshold (an unstarted parcel is 0 % developed by its records)."""
    if facts.raster_ratio is None:
        return None
    records = facts.developed_ratio
    if records is None:
        if started:
            return None  # records give no share: nothing to contradict
        records = 0.0
    if (records >= threshold) == (facts.raster_ratio >= threshold):
        return None
    evidence.append(
        "记录开发比例 {:.1%}{}，影像显示已建设比例 {:.1%}，两者矛盾".format(
            records, "（未动工）" if not started else "", facts.raster_ratio
        )
    )
    return CHECK


def _unstarted(deadline, reference, warning_days, evidence):
    one_year = reached(deadline, 1)
    two_years = reached(deadline, 2)
    if reference >= two_years:
        evidence.append("未动工，动工期限届满后已满两年（{} 起）".format(two_years.isoformat()))
        return IDLE_2Y
    if reference >= one_year:
        evidence.append("未动工，动工期限届满后已满一年（{} 起）".format(one_year.isoformat()))
        return IDLE_1Y
    left = (one_year - reference).days
    if left <= warning_days:
        evidence.append("未动工，距满一年（{} 起闲置）还有 {} 天".format(one_year.isoformat(), left))
        return WARNING
    if reference > deadline:
        evidence.append("未动工，已逾期 {} 天（{} 起满一年）".format((reference - deadline).days, one_year.isoformat()))
        return OVERDUE
    evidence.append("未动工，尚未到动工期限")
    return NORMAL


def _started(facts, developed, reference, developed_threshold, investment_threshold, warning_days, evidence):
    low = []
    if developed is not None and developed < developed_threshold:
        low.append("开发面积比例 {:.1%}".format(developed))
    if facts.invest_ratio is not None and facts.invest_ratio < investment_threshold:
        low.append("投资比例 {:.1%}".format(facts.invest_ratio))
    if developed is None and facts.invest_ratio is None:
        evidence.append("无开发面积和投资数据")
    if not low or facts.suspended_since is None:
        return NORMAL
    evidence.append("不足：" + "、".join(low))
    since = facts.suspended_since
    if reference >= reached(since, 2):
        evidence.append("自 {} 中止开发建设已满两年".format(since.isoformat()))
        return IDLE_PARTIAL_2Y
    if reference >= reached(since, 1):
        evidence.append("自 {} 中止开发建设已满一年".format(since.isoformat()))
        return IDLE_PARTIAL
    left = (reached(since, 1) - reference).days
    if left <= warning_days:
        evidence.append("自 {} 中止开发建设，距满一年还有 {} 天".format(since.isoformat(), left))
        return WARNING
    return NORMAL


def ratio(part, whole):
    if part is None or whole is None or whole <= 0:
        return None
    return part / whole
