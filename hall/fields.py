"""Every field a person types into, and its rules: required or not, how long, which characters,
which range. The front desk's form, an import row and a ``hall-admin`` option all check the
same field here, so the same mistake gets the same message everywhere: it names the field,
says what is wrong and how to put it right.

Lengths are set by where the text is shown or printed, not by the database column: a name
goes on the 80 mm receipt and the calling display, a summary into a table cell of the A4
notices, a free-text field onto A4 pages of a case file.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from hall.errors import InvalidInput

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


def clean(rule: Text, value: str | None) -> str:
    """The value as it is to be stored (trimmed, folded), or :class:`InvalidInput` naming the
    field, the mistake and the fix."""
    text = (value or "").strip()
    if rule.fold or rule.person_name:
        text = unicodedata.normalize("NFKC", text)
    if not text:
        if rule.required:
            raise InvalidInput(f"请填写{rule.label}。", rule.key)
        return ""
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
            f"{rule.label}应在 {rule.low} 到 {rule.high}{rule.unit} 之间，现在是 {value}。",
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
