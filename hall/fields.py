"""Every field a person types into, and its rules: required or not, how long, which characters,
which range. The front desk's form, an import row and a ``hall-admin`` option all check the
same field here, so the same mistake gets the same message everywhere: it names the field,
says what is wrong and how to put it right.

Lengths are set by where the text is shown or printed, not by the database column: a name
goes on the 80 mm receipt and the calling display, a summary into a table cell of the A4
notices, a free-text field onto A4 pages of a case file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from hall.errors import InvalidFields, InvalidInput

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Form = TypeVar("Form", bound="DataclassInstance")

# Invisible characters that change how the text around them is drawn: right-to-left marks and
# overrides turn "张三" + a number around on a receipt; zero-width ones hide inside a name so
# that two names that look the same are not.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)
# What a person's name may hold besides letters and digits (two people of one name told apart
# as 张伟2, or 张伟（大）): the middle dot of transliterated names (阿卜杜·热合曼, in its
# several code points), a space, a hyphen, an apostrophe, a full stop, brackets.
_NAME_PUNCTUATION = frozenset("·•‧・.'- ()")


_NAME_CATEGORIES = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Nd"))


@dataclass(frozen=True)
class Text:
    """A text field. ``shape`` is a pattern the whole (normalised) value must match, told to
    the user as ``shape_told``; ``lines`` allows line breaks and tabs (free text)."""

    key: str
    label: str
    max_length: int
    required: bool = False
    shape: re.Pattern[str] | None = None
    shape_told: str = ""
    lines: bool = False
    # Full-width letters and digits typed with a Chinese input method are the same as the
    # ASCII ones for logins, phones and document numbers: fold them (NFKC) before checking.
    fold: bool = False
    person_name: bool = False
    # Said after the field's name when it is left empty: what to write there
    # ("请填写法定途径（如：向人民法院提起诉讼……）。").
    hint: str = ""
    # Chosen from a list, not typed: left empty, it is to be chosen ("请选择审理程序。").
    choice: bool = False

    def but(self, **changes: object) -> Text:
        """This rule with some of its settings changed: the same field on another form (its
        own key), or required there."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


class Missing(InvalidInput):
    """A required field left empty; ``missing`` is its name as the form labels it, so that a
    form missing several can name them in one sentence."""

    def __init__(self, label: str, field: str | None, hint: str = "", verb: str = "填写") -> None:
        super().__init__(f"请{verb}{label}{hint}。", field)
        self.missing = label
        self.verb = verb


@dataclass(frozen=True)
class Number:
    key: str
    label: str
    low: int
    high: int
    unit: str = ""


@dataclass(frozen=True)
class Day:
    key: str
    label: str
    first: dt.date = dt.date(2000, 1, 1)
    last: dt.date = dt.date(2099, 12, 31)


LOGIN = Text(
    "login",
    "登录名",
    32,
    required=True,
    shape=re.compile(r"[A-Za-z0-9._-]+"),
    shape_told="英文字母、数字和 . _ -",
    fold=True,
)
USER_NAME = Text("name", "姓名", 32, required=True, person_name=True)
PASSWORD = Text("password", "密码", 128, required=True)
VISITOR_NAME = Text("name", "来访人姓名", 32, required=True, person_name=True)
PROXY_NAME = Text("proxy_name", "代理人姓名", 32, person_name=True)
REPRESENTATIVE_NAME = Text("representatives", "代表姓名", 32, person_name=True)
PHONE = Text(
    "phone",
    "电话号码",
    20,
    shape=re.compile(r"[0-9+()\- ]+"),
    shape_told="数字，座机可带区号和 -",
    fold=True,
)
ID_NUMBER = Text(
    "id_number",
    "证件号码",
    24,
    shape=re.compile(r"[A-Za-z0-9()（）-]+"),
    shape_told="数字、英文字母和括号",
    fold=True,
)
TOWNSHIP = Text("township", "乡镇（街道）", 32)
VILLAGE = Text("village", "村（社区）", 32)
ADDRESS = Text("address", "详细地址", 100)
# Required: the window must know what the visitor came about before calling them (a group of
# eight once got a ticket with none). The A4 notices quote the summary in one table cell; the
# receipt shortens it further.
SUMMARY = Text("summary", "事由摘要", 500, required=True)
REQUEST = Text("request", "诉求", 2000, lines=True)
FACTS = Text("facts", "事实", 2000, lines=True)
REASONS = Text("reasons", "理由", 2000, lines=True)
NOTES = Text("notes", "办理情况", 2000, lines=True)
REQUEST_ID = Text(
    "request_id",
    "请求编号",
    64,
    shape=re.compile(r"[A-Za-z0-9._:-]+"),
    shape_told="英文字母、数字和 . _ : -",
)
DEVICE_NAME = Text("device", "设备名称", 32, required=True)

# -- letters and formal cases (信访事项) ------------------------------------------------------
SENDER_NAME = Text("sender_name", "来信人姓名", 32, required=True, person_name=True)
SENDER_ADDRESS = ADDRESS.but(key="sender_address", label="来信人地址")
ACCUSED = Text("accused", "被检举控告的人员", 100)
# A decision's note and a link's note go into the case's timeline, one line of the case view.
CASE_NOTE = Text("note", "说明", 500, lines=True)
LEGAL_CHANNEL = Text(
    "legal_channel",
    "应当通过的法定途径",
    200,
    required=True,
    hint="（如：向人民法院提起诉讼、申请仲裁、申请行政复议）",
)
REJECT_REASON = Text("reason", "不予受理的理由", 2000, required=True, lines=True)
EXTENSION_REASON = Text(
    "reason", "延期理由", 500, required=True, lines=True, hint="（延期告知书要告诉信访人）"
)
# The reply and the unit's report fill A4 pages of their own.
CLOSING_REPORT = Text("report", "办结报告的内容", 4000, required=True, lines=True)
REPLY_TEXT = Text("text", "处理意见的内容", 4000, required=True, lines=True)
EXECUTION_NOTE = Text("note", "处理意见的落实情况", 2000, required=True, lines=True)
SUPERVISION_REASON = Text(
    "reason",
    "督办事由",
    500,
    required=True,
    lines=True,
    hint="（如：逾期未办结、未报送办结报告、处理意见未落实）",
)
SUPERVISION_REPLY = Text("text", "承办单位的回复内容", 2000, required=True, lines=True)

# -- units and the admin's lists ----------------------------------------------------------------
UNIT_NAME = Text("name", "单位名称", 100, required=True)
UNIT_KIND = Text("kind", "单位类别", 32)
UNIT_CONTACT = Text("contact", "联系方式", 200)
LIST_ITEM_NAME = Text("name", "名称", 64, required=True)

# -- what the windows record (the outcome forms) ------------------------------------------------
LEGAL_QUESTION = Text("question", "咨询的法律问题", 2000, required=True, lines=True)
LAWS_EXPLAINED = Text("laws", "释法说明", 2000, lines=True)
AID_OFFICE = Text("aid_office", "法律援助机构", 100)
RECEIVED_BY = Text("received_by", "接待人", 32, required=True, hint="（如当日带班领导）")
AGREED = Text("agreed", "商定的事项", 2000, lines=True)
MATERIAL = Text("material", "发放的材料", 500, lines=True)
COMPLAINT_PERSON = Text("person", "被反映的单位或人员", 100)
COMPLAINT_CONTENT = Text("complaint_content", "反映的具体问题", 2000, required=True, lines=True)
UNIT_REQUEST = Text("unit_request", "转交事项", 500, lines=True)
FOLLOW_UP_SUBJECT = Text("follow_up_subject", "回访要了解的事项", 200, lines=True)
FOLLOW_UP_RESULT = Text("result", "回访结果", 2000, required=True, lines=True)
OPINION_CONTENT = Text("content", "群众反映的意见或建议", 2000, required=True, lines=True)
OPINION_PLACE = Text("place", "地点", 100)
HOUSEHOLD = Text(
    "household",
    "家庭情况",
    2000,
    required=True,
    lines=True,
    hint="（困难原因、收入、成员状况）",
)
REFERRAL_NOTE = Text("referral_note", "转介情况", 500, lines=True)
AMOUNT = Text("amount", "金额", 20)
HOUSEHOLD_SIZE = Number("household_size", "家庭人口", 1, 30, "人")
PEOPLE_REACHED = Number("people_reached", "宣传覆盖人数", 1, 100_000, "人")

# -- the court's hand-off and its 立案 form ------------------------------------------------------
PARTY = Text("party", "当事人姓名", 64, required=True)
OTHER_PARTY = Text("other_party", "对方当事人", 100, required=True)
CLAIM = Text("claim", "诉求简要", 500, required=True, lines=True)
RETURN_REASON = Text(
    "reason", "退回理由", 500, required=True, lines=True, hint="（窗口会看到这条理由）"
)
COURT_REASON = Text(
    "reason", "理由", 500, required=True, lines=True, hint="（将记入案件的审理流程）"
)
MEDIATOR = Text("mediator", "调解人", 32, required=True)
COURT_NOTE = Text("note", "备注", 2000, lines=True)
AGREEMENT_TERMS = Text("terms", "调解协议内容", 4000, required=True, lines=True)
APPLICANT = Text("applicant", "申请执行人", 64, required=True)
COURT_PLACE = Text("place", "地点", 100)
APPROVER = Text("approver", "批准人", 64, required=True, hint="（如：院长 张某某）")

# -- the mechanisms' forms (排查化解, 听证, 工作站, 群众工作日) ---------------------------------
DISPUTE_PARTIES = Text("parties", "纠纷当事人", 200, required=True, hint="（至少一方）")
DISPUTE_SUMMARY = Text("summary", "纠纷的主要情况", 2000, required=True, lines=True)
DISPUTE_CATEGORY = Text("category", "纠纷类别", 32)
KEEPER = Text("keeper", "稳控责任人", 32, required=True)
# A register entry's or a formal case's 包案领导: chosen from the leaders' list (the 领导接访
# roster), which the rules check it against; a case may have none.
LEADER = Text("leader", "包案领导", 64, choice=True)
# Kept as a progress entry behind the leader's name ("刘书记批示：……"), within its limit.
INSTRUCTION = Text("instruction", "领导批示内容", 1000, required=True, lines=True)
MEETING_CHAIR = Text("chair", "例会主持人", 32)
PROGRESS = Text("progress", "化解进展", 2000, required=True, lines=True)
HEARING_SUBJECT = Text("subject", "听证的重大决策事项", 500, lines=True)
HEARING_PLACE = Text("place", "听证地点", 100, required=True)
HEARING_CHAIR = Text("chair", "听证主持人", 32, required=True)
HEARING_MEMBERS = Text("members", "听证员", 500, lines=True)
HEARING_PARTIES = Text("parties", "听证参加人", 500, lines=True)
HEARING_RECORD = Text("record", "听证笔录", 20_000, required=True, lines=True)
STATION_CONTENT = Text("content", "报送内容", 2000, required=True, lines=True)
STATION_PERSON = Text("person", "反映人姓名", 32, person_name=True)
STATION_REPLY = Text("reply", "答复内容", 2000, required=True, lines=True)
WORKDAY_CONTENT = Text("content", "收集到的情况", 2000, required=True, lines=True)
PEOPLE = Number("people", "涉及人数", 1, 100_000, "人")

SEAT = Number("seat", "座位号", 1, 99)
MINUTES = Number("minutes", "分钟数", 1, 24 * 60, "分钟")
LIMIT = Number("limit", "列出条数", 1, 10_000, "条")
DEMO_VISITORS = Number("visitors", "演示来访人数", 0, 10_000, "人")
UNCONFIRMED_SECONDS = Number("seconds", "秒数", 1, 24 * 60 * 60, "秒")
GROUP_SIZE = Number("group_size", "来访人数", 1, 10_000, "人")

DATE = Day("date", "日期")


def shown(value: str, limit: int = 12) -> str:
    """``value`` as a message may quote it: on one line, invisible and unprintable characters
    as ``U+XXXX``, cut to ``limit`` characters."""
    parts = []
    for ch in value[:limit]:
        parts.append(f"U+{ord(ch):04X}" if _unseen(ch) else ch)
    return "".join(parts) + ("…" if len(value) > limit else "")


def _unseen(ch: str) -> bool:
    return ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp")


def _control_in(text: str, lines: bool) -> str | None:
    return next((c for c in text if _unseen(c) and not (lines and c in "\n\t\r")), None)


def check(rule: Text, value: str | None, problems: list[InvalidInput]) -> str:
    """The value as it is to be stored, as :func:`clean`; a mistake is added to ``problems``
    instead of raised (a form says all its mistakes at once), and the value is then returned
    trimmed as typed, for the form's other checks."""
    try:
        return clean(rule, value)
    except InvalidInput as error:
        problems.append(error)
        return (value or "").strip()


def check_all(pairs: Iterable[tuple[Text, str | None]]) -> list[InvalidInput]:
    """Every mistake in these fields, one per field, in order."""
    problems: list[InvalidInput] = []
    for rule, value in pairs:
        check(rule, value, problems)
    return problems


def cleaned(form: Form, rules: Iterable[tuple[str, Text]]) -> Form:
    """The form (plain data) with these text fields as they are stored: trimmed and folded by
    their rules. The form was checked before; a mistake still raises."""
    changes: dict[str, Any] = {name: clean(rule, getattr(form, name)) for name, rule in rules}
    return dataclasses.replace(form, **changes)


def refuse(problems: list[InvalidInput]) -> None:
    """Refuse a form's mistakes, all of them (a screen marks each field), or do nothing."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InvalidFields(problems)


def clean(rule: Text, value: str | None) -> str:
    """The value as it is to be stored (trimmed, folded), or :class:`InvalidInput` naming the
    field, the mistake and the fix."""
    text = (value or "").strip()
    if rule.fold or rule.person_name:
        text = unicodedata.normalize("NFKC", text)
    if not text:
        if rule.required:
            raise Missing(rule.label, rule.key, rule.hint, "选择" if rule.choice else "填写")
        return ""
    if rule.lines:
        # A line break pasted from Windows or an old Mac is a line break, not a stray "\r".
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _control_in(text, rule.lines)
    if bad is not None:
        raise InvalidInput(
            f"{rule.label}中有看不见的控制字符（U+{ord(bad):04X}），"
            "可能是复制粘贴带进来的：请删去后重新输入。",
            rule.key,
        )
    if len(text) > rule.max_length:
        raise InvalidInput(
            f"{rule.label}太长（{len(text)} 个字，最多 {rule.max_length} 个字），请删减后再保存。",
            rule.key,
        )
    if rule.person_name:
        wrong = next((c for c in text if not _name_character(c)), None)
        if wrong is not None:
            raise InvalidInput(
                f"{rule.label}中不能有“{shown(wrong)}”：姓名只能用汉字、字母和数字，"
                "少数民族姓名可用间隔号“·”。",
                rule.key,
            )
    elif rule.shape is not None and not rule.shape.fullmatch(text):
        wrong = next(c for c in text if not rule.shape.fullmatch(c))
        raise InvalidInput(
            f"{rule.label}中不能有“{shown(wrong)}”：{rule.label}只能用{rule.shape_told}。",
            rule.key,
        )
    return text


def _name_character(ch: str) -> bool:
    return unicodedata.category(ch) in _NAME_CATEGORIES or ch in _NAME_PUNCTUATION


def clean_pasted(rule: Text, value: str) -> tuple[str, str | None]:
    """Pasted free text with its invisible characters taken out, and what to tell the user
    about it (None when nothing was removed); the cleaned text is then checked as typed."""
    kept = "".join(c for c in value if not _unseen(c) or (rule.lines and c in "\n\t\r"))
    removed = len(value) - len(kept)
    kept = kept.replace("\r\n", "\n").replace("\r", "\n")
    notice = (
        f"{rule.label}中有 {removed} 个看不见的控制字符（多为复制粘贴带进来的），已删去，请核对。"
        if removed
        else None
    )
    return clean(rule, kept), notice


def check_number(rule: Number, value: int) -> int:
    if not rule.low <= value <= rule.high:
        raise InvalidInput(
            f"{rule.label}应在 {rule.low} 到 {rule.high} {rule.unit}之间，现在是 {value}。",
            rule.key,
        )
    return value


def parse_number(rule: Number, text: str) -> int:
    """A number typed as text (a command-line option, an import cell)."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if not re.fullmatch(r"[+-]?\d{1,12}", folded):
        raise InvalidInput(
            f"{rule.label}应为 {rule.low} 到 {rule.high} 之间的整数，现在是“{shown(text)}”。",
            rule.key,
        )
    return check_number(rule, int(folded))


def check_day(rule: Day, value: dt.date) -> dt.date:
    if not rule.first <= value <= rule.last:
        raise InvalidInput(
            f"{rule.label}应在 {rule.first} 到 {rule.last} 之间，现在是 {value}。", rule.key
        )
    return value


def parse_day(rule: Day, text: str) -> dt.date:
    folded = unicodedata.normalize("NFKC", text).strip()
    try:
        value = dt.date.fromisoformat(folded)
    except ValueError:
        raise InvalidInput(
            f"{rule.label}应写成 年-月-日（如 2026-03-02），现在是“{shown(text)}”。", rule.key
        ) from None
    return check_day(rule, value)
