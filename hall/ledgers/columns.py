"""The columns of each ledger (台账): headings in the order the county's ledgers use, what each
holds, the values it allows and how long it may be. The template, the checks and the export
all read them from here, so the three cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from db.court_models import OUTCOME_NAMES as COURT_OUTCOME_NAMES
from db.court_models import TRACK_NAMES
from db.states import VisitOutcome
from db.window_models import OUTCOME_NAMES, SCORE_NAMES
from hall import fields
from hall.catalog import CHANNELS, PURPOSES

VISITS = "visits"
COURT = "court"
OPINIONS = "opinions"
KIND_NAMES = {VISITS: "来信来访登记台账", COURT: "法庭收案台账", OPINIONS: "社情民意台账"}

# A column some ledgers carry with the row's own number: when present it is the row's key.
LEDGER_NUMBER_HEADINGS = ("台账编号", "登记编号", "序号")

DATE = "date"
TEXT = "text"
CHOICE = "choice"
COUNT = "count"
ID_NUMBER = "id_number"
PHONE = "phone"
CASE_NUMBER = "case_number"

YES, NO = "是", "否"
UNRATED = "未评价"
# The four channels a ledger knows; 代理 (by proxy) is registered at the front desk only.
LEDGER_CHANNELS = ("来信", "来访", "来电", "网信")
CHANNEL_CODES = {name: code for code, name in CHANNELS.items() if name in LEDGER_CHANNELS}
PURPOSE_CODES = {name: code for code, name in PURPOSES.items()}
SCORE_CODES = {name: code for code, name in SCORE_NAMES.items()}
RATINGS = (*SCORE_NAMES.values(), UNRATED)

# What the window did with the visit, in the words of its 办理记录. 转其他窗口 and 未到 are
# moves of the queue, not an end a ledger records.
LEDGER_OUTCOMES = (
    VisitOutcome.RESOLVED,
    VisitOutcome.EXPLAINED,
    VisitOutcome.CASE,
    VisitOutcome.FORWARDED,
    VisitOutcome.COURT,
    VisitOutcome.FOLLOW_UP,
)
OUTCOME_CODES = {OUTCOME_NAMES[code]: code for code in LEDGER_OUTCOMES}

WINDOW_HANDOFF, DIRECT_VISIT = "窗口移交", "直接来访"
# The court's own outcome codes, by the words a clerk's ledger uses; 移送 and 其他 have none
# (the file is closed, and the ledger keeps the words).
CLOSING_WAYS = ("调解", "司法确认", "判决", "撤诉", "驳回", "移送", "其他")
CLOSING_CODES = {
    "调解": "mediated",
    "司法确认": "confirmed",
    "判决": "judgment",
    "撤诉": "withdrawn",
    "驳回": "dismissed",
}
TRACK_CODES = {name: code for code, name in TRACK_NAMES.items()}
# A clerk often writes the track without 程序 (简易, 普通, 小额诉讼).
TRACK_CODES.update({name.removesuffix("程序"): code for code, name in TRACK_NAMES.items()})
assert set(CLOSING_CODES.values()) <= set(COURT_OUTCOME_NAMES)


@dataclass(frozen=True)
class LedgerColumn:
    heading: str
    kind: str
    explanation: str
    required: bool = False
    choices: tuple[str, ...] = ()
    max_length: int = 200
    width: float = 12
    # The field the forms know this column as (hall.fields): its limit, characters and
    # messages are the forms', so the same mistake reads the same in a form and a ledger.
    rule: fields.Text | None = None


def _choice(
    heading: str, choices: tuple[str, ...], explanation: str, **more: object
) -> LedgerColumn:
    return LedgerColumn(heading, CHOICE, explanation, choices=choices, **more)  # type: ignore[arg-type]


VISIT_COLUMNS = (
    LedgerColumn("登记日期", DATE, "来信收到或来访登记的日期。", required=True),
    _choice("信访形式", LEDGER_CHANNELS, "来信、来访、来电或网信。", required=True, width=8),
    LedgerColumn(
        "姓名", TEXT, "信访人姓名；多人来访填写第一代表。", required=True, rule=fields.VISITOR_NAME
    ),
    LedgerColumn(
        "证件号码", ID_NUMBER, "18 位居民身份证号码，可不填；填写的按校验位核对。", width=20
    ),
    LedgerColumn("联系电话", PHONE, "11 位手机号码，或区号加座机号码，可不填。", width=14),
    LedgerColumn("乡镇街道", TEXT, "信访人所在乡镇或街道。", rule=fields.TOWNSHIP),
    LedgerColumn("村社区", TEXT, "信访人所在村或社区。", rule=fields.VILLAGE),
    LedgerColumn("详细地址", TEXT, "村社区以下的门牌地址。", width=20, rule=fields.ADDRESS),
    LedgerColumn("人数", COUNT, "来访人数，不填为 1 人。", width=6),
    _choice(
        "信访目的",
        tuple(PURPOSES.values()),
        "揭发控告、申诉、求决、意见建议或咨询。",
        required=True,
    ),
    LedgerColumn(
        "内容分类", TEXT, "本单位台账使用的内容分类，如“土地征收”，可不填。", max_length=64
    ),
    LedgerColumn(
        "事由摘要", TEXT, "反映的主要问题。", required=True, width=30, rule=fields.SUMMARY
    ),
    LedgerColumn("去往窗口", TEXT, "接待的窗口名称或代码，如“法律服务”“办信办案”。", required=True),
    _choice("是否受理", (YES, NO), "是否作为信访事项受理；不填为否。", width=8),
    LedgerColumn("受理日期", DATE, "受理的为必填，不能早于登记日期。"),
    LedgerColumn("办结日期", DATE, "已办结的填写，不能早于受理日期。"),
    _choice(
        "处理方式",
        tuple(OUTCOME_CODES),
        "窗口的处理方式，记入办理记录；不填时，已受理的记为“登记为信访事项”，"
        "只填了办理结果的记为“解释说明”；处理方式、办理结果都没填且未受理的，"
        "不生成办理记录（如只登记、尚未办理）。",
        width=16,
    ),
    LedgerColumn("办理结果", TEXT, "办理或答复的结果，记入办理记录。", width=30, rule=fields.NOTES),
    _choice("满意度", RATINGS, "满意、基本满意、不满意或未评价；不填为未评价。"),
    LedgerColumn("备注", TEXT, "其他需要记录的情况。", max_length=500, width=20),
)

COURT_COLUMNS = (
    LedgerColumn("收案日期", DATE, "法庭接收移交或直接接待当事人的日期。", required=True),
    _choice("来源", (WINDOW_HANDOFF, DIRECT_VISIT), "窗口移交或直接来访。", required=True),
    LedgerColumn("当事人", TEXT, "原告或申请人姓名。", required=True, max_length=64),
    LedgerColumn("对方当事人", TEXT, "被告或被申请人。", required=True, max_length=100),
    LedgerColumn(
        "案由",
        TEXT,
        "纠纷的类型和诉讼请求，如“民间借贷纠纷”。",
        required=True,
        max_length=2000,
        width=24,
    ),
    LedgerColumn("立案日期", DATE, "已立案的填写，不能早于收案日期。"),
    LedgerColumn(
        "案号", CASE_NUMBER, "已立案的填写，如（2026）豫1281民初123号。", max_length=48, width=24
    ),
    _choice(
        "程序", tuple(TRACK_NAMES.values()), "已立案的填写：小额诉讼程序、简易程序或普通程序。"
    ),
    LedgerColumn("结案日期", DATE, "已结案的填写，不能早于立案日期。"),
    _choice(
        "结案方式", CLOSING_WAYS, "已结案的填写：调解、司法确认、判决、撤诉、驳回、移送或其他。"
    ),
    LedgerColumn("备注", TEXT, "其他需要记录的情况。", max_length=500, width=20),
)

OPINION_COLUMNS = (
    LedgerColumn("登记日期", DATE, "收集到意见建议的日期。", required=True),
    LedgerColumn("反映人", TEXT, "反映人姓名，可不填（匿名）。", rule=fields.VISITOR_NAME),
    LedgerColumn("证件号码", ID_NUMBER, "反映人的 18 位居民身份证号码，可不填。", width=20),
    LedgerColumn("联系电话", PHONE, "反映人的电话，可不填。", width=14),
    LedgerColumn(
        "议题", TEXT, "社情民意议题列表中的名称，如“交通出行”。", required=True, max_length=64
    ),
    LedgerColumn(
        "意见建议", TEXT, "群众反映的意见或建议。", required=True, max_length=2000, width=30
    ),
    LedgerColumn("乡镇街道", TEXT, "意见涉及的乡镇或街道。", rule=fields.TOWNSHIP),
    LedgerColumn("村社区", TEXT, "意见涉及的村或社区。", rule=fields.VILLAGE),
    LedgerColumn("涉及地点", TEXT, "具体地点。"),
    LedgerColumn(
        "转交部门", TEXT, "转交的责任单位名称（须在责任单位列表中），可不填。", max_length=100
    ),
    LedgerColumn("备注", TEXT, "其他需要记录的情况。", max_length=500, width=20),
)

COLUMNS = {VISITS: VISIT_COLUMNS, COURT: COURT_COLUMNS, OPINIONS: OPINION_COLUMNS}
