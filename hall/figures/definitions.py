"""What each figure counts (口径说明), in the words shown beside it on the screen, in the
workbook's definitions sheet and as the printed report's footnotes. One text per figure key;
the drill-down lists behind a figure use the same keys."""

from __future__ import annotations

ITEMS = "items"
PEOPLE = "people"
GROUPS = "groups"
CASES_OPENED = "cases_opened"
CASES_CLOSED = "cases_closed"
CASES_CLOSED_ON_TIME = "cases_closed_on_time"
OVERDUE_OPEN = "overdue_open"
TIMELY_ACCEPTANCE = "timely_acceptance"
ON_TIME_CLOSURE = "on_time_closure"
PARTICIPATION = "participation"
SATISFACTION = "satisfaction"
REPEAT = "repeat"
TICKETS = "tickets"
SERVED = "served"
NO_SHOW = "no_show"
WAIT = "wait"
SERVICE_TIME = "service_time"
WITHIN_TARGET = "within_target"
THROUGHPUT = "throughput"
COURT = "court"
ORDERS = "orders"
UNITS_OVERDUE = "units_overdue"
UNITS_COMPLAINED = "units_complained"
TREND = "trend"
RESOLUTION = "resolution"
STATIONS = "stations"

NAMES = {
    ITEMS: "受理件数（件）",
    PEOPLE: "人次",
    GROUPS: "集体访（批）",
    CASES_OPENED: "登记信访事项",
    CASES_CLOSED: "本期办结（答复）",
    CASES_CLOSED_ON_TIME: "本期按期办结",
    OVERDUE_OPEN: "超期未办结",
    TIMELY_ACCEPTANCE: "及时受理率",
    ON_TIME_CLOSURE: "按期办结率",
    PARTICIPATION: "参评率",
    SATISFACTION: "满意率",
    REPEAT: "重复信访率",
    TICKETS: "取号数",
    SERVED: "办结服务数",
    NO_SHOW: "过号率",
    WAIT: "等候时间",
    SERVICE_TIME: "办理时长",
    WITHIN_TARGET: "按时叫号率",
    THROUGHPUT: "窗口效能",
    COURT: "便民巡回法庭",
    ORDERS: "督办",
    UNITS_OVERDUE: "超期件数单位排名",
    UNITS_COMPLAINED: "被投诉单位排名",
    TREND: "趋势（同比、环比）",
    RESOLUTION: "矛盾纠纷化解率",
    STATIONS: "群众工作站报送排名",
}

TEXTS = {
    ITEMS: "期内登记的来访、来信、来电、网信（含代理来访，计入来访）每一事项为 1 件；来信按收信"
    "日期计，其余按登记日期计。按目的分为揭发控告、申诉、求决、意见建议、咨询；检举控告类 = "
    "揭发控告，申诉求决类 = 申诉 + 求决，建议意见类 = 意见建议 + 咨询。",
    PEOPLE: "期内各件的来访人数之和：集体访按登记的人数计，个人来访、来信、来电、网信各计 1 人次。",
    GROUPS: "期内登记人数在 5 人及以上的来访（集体访），每批计 1 批。",
    CASES_OPENED: "期内收到（来信按收信日期、来访按来访日期）并登记为信访事项的件数。",
    CASES_CLOSED: "期内出具信访处理意见书（答复）的信访事项件数。",
    CASES_CLOSED_ON_TIME: "期内答复的信访事项中，答复日期不晚于办理期限（含延期）的件数。",
    OVERDUE_OPEN: "办理期限（含延期）在本期内、至统计之日已过期限仍未答复的信访事项件数。",
    TIMELY_ACCEPTANCE: "分子：15 日受理期限届满日在本期内、且在期限内作出受理、不予受理、转送、"
    "交办或诉访分离决定的件数；分母：期限届满日在本期内、已作出决定或至统计之日已超期未决定"
    "的件数（期限未到且尚未决定的不计）。",
    ON_TIME_CLOSURE: "分子：办理期限（受理之日起 60 日，延期的按延长后的期限）在本期内、在期限内"
    "答复的件数；分母：按期答复 + 逾期答复 + 至统计之日已超期仍未答复的件数。",
    PARTICIPATION: "分子：期内办结的窗口服务中已评价的次数；分母：已评价 + 未评价且评价时限"
    "（办结后 10 分钟）已过的次数。",
    SATISFACTION: "分子：评价为“满意”或“基本满意”的次数；分母：期内办结服务的全部评价次数。",
    REPEAT: "分子：期内登记的来访、来信中，关联到同一信访人已有信访事项（办理中或已办结、仍在"
    "复查复核期内）的重复件数；分母：期内全部件数。",
    TICKETS: "期内各窗口发出的排队号数（转窗口的另计一号）。",
    SERVED: "期内办结（办理完毕）的排队号数。",
    NO_SHOW: "分子：期内标记过号的排队号数；分母：期内发出的排队号数。",
    WAIT: "从取号到第一次叫号的时间（分钟），按已叫号的排队号计算平均值与最大值。",
    SERVICE_TIME: "从开始办理到办结的时间（分钟），按办结的排队号计算平均值。",
    WITHIN_TARGET: "分子：取号后在服务时限内被叫号的排队号数；分母：已叫号的排队号数。服务时限"
    "由管理员按窗口设置，默认 15 分钟。",
    THROUGHPUT: "每窗口每小时办结数 = 办结服务数 ÷ 该窗口期内有办结服务的工作日数 × 8 小时；"
    "每名工作人员办结数按叫号人统计。",
    COURT: "接待人次：期内移交法庭或在法庭窗口接待的来访（同一来访只计一次）；办理件数：期内法庭"
    "接收移交后建立的案件；立案：期内立案数；调解结案：期内以调解书、调解笔录或司法确认结案的"
    "件数；调解率 = 调解结案 ÷ 期内结案；平均调解天数：从移交到调解结案的平均日数。",
    ORDERS: "发出：期内发出的督办单；按期回复：其中在回复期限内回复的；升级：其中已升级为重点"
    "督办或挂牌督办的。",
    UNITS_OVERDUE: "各责任单位至统计之日超期未报送办结报告的交办件数，由多到少排列。",
    UNITS_COMPLAINED: "期内效能监察窗口登记的针对各单位的投诉件数，由多到少排列"
    "（《信访工作条例》第四十一条所称被投诉较多的单位）。",
    TREND: "按日、周或月分组；环比与上一期比，同比与上年同期比；变化超过 10% 标“异常”，超过 "
    "20% 标“告警”（上期为 0 的不计变化率）。",
    RESOLUTION: "按包案领导、按责任单位统计期内排查发现（按发现日期）的矛盾纠纷：包案件数 = "
    "已明确包案领导（或责任单位）的登记件数；有结果 = 其中已记录化解结果（化解、部分化解、"
    "未化解、转入信访事项、移交法庭）的件数；化解率 = 化解 ÷ 有结果。不按统计范围筛选。",
    STATIONS: "期内到达大厅（按到达时间）的群众工作站、信息员报送件数：群众诉求转办信办案窗口，"
    "预警信息进入矛盾纠纷排查化解台账；按工作站或乡镇（街道）合计，由多到少排列。不按统计范围筛选。",
}
