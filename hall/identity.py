"""Identity checks: resident ID numbers (GB 11643, checked by python-stdnum) and phones.

Each failure says, in Chinese, what exactly is wrong so the receptionist can fix it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from hall import clock
from hall.errors import InvalidInput

# ASCII only (here and below): str.isdigit() and \d also take digits of other scripts.
ID_CHARACTERS = re.compile(r"^[0-9]{17}[0-9X]$")
# The province-level codes of GB/T 2260, the first two digits of every ID number: 北京 11 to
# 内蒙古 15, 辽宁 21 to 黑龙江 23, 上海 31 to 山东 37, 河南 41 to 海南 46, 重庆 50 to 西藏 54,
# 陕西 61 to 新疆 65, 台湾 71, 香港 81, 澳门 82, and 91 (issued abroad / 港澳台居民居住证 in the
# code lists the hall follows).
PROVINCE_CODES = frozenset(
    {
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
        91,
    }
)
MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
# Area code 0xx(x) then a 7–8 digit local number, with an optional extension.
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$", re.ASCII)


@dataclass(frozen=True)
class ResidentId:
    number: str
    birth_date: dt.date
    gender: str  # "男" or "女"


def check_resident_id(raw: str, field: str = "id_number") -> ResidentId:
    """Validate an 18-character resident ID number; return it normalised with what it encodes."""
    # Full-width digits (Chinese input methods) become ASCII; spaces between the groups go.
    number = ric.compact(re.sub(r"\s", "", unicodedata.normalize("NFKC", raw or ""))).upper()
    if not number:
        raise InvalidInput("请填写身份证号码。", field)
    if len(number) != 18:
        raise InvalidInput(
            f"身份证号码应为 18 位，现在是 {len(number)} 位，请核对后重新输入。", field
        )
    if not ID_CHARACTERS.match(number):
        raise InvalidInput("身份证号码前 17 位应为数字，最后一位为数字或字母 X。", field)
    if int(number[:2]) not in PROVINCE_CODES:
        raise InvalidInput(
            f"身份证号码前两位“{number[:2]}”不是有效的省级行政区划代码（如河南为 41），"
            "请核对第 1、2 位是否输错。",
            field,
        )
    try:
        birth = ric.get_birth_date(number)
    except ValidationError:
        raise InvalidInput(
            f"身份证号码中的出生日期“{number[6:14]}”不是有效日期，请核对第 7 到 14 位。", field
        ) from None
    if birth > clock.now().date():
        raise InvalidInput("身份证号码中的出生日期晚于今天，请核对第 7 到 14 位。", field)
    expected = ric.calc_check_digit(number)
    if expected != number[17]:
        raise InvalidInput(
            f"身份证号码校验位错误：最后一位应为 {expected}，输入的是 {number[17]}。"
            "请核对号码是否输错。",
            field,
        )
    # Not ric.validate(): its table of birth-place codes lacks whole provinces (Henan among
    # them), and old codes stay valid on old cards, so only the province part is checked.
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return ResidentId(number=number, birth_date=birth, gender=gender)


def check_phone(raw: str, field: str = "phone") -> str:
    """A mainland mobile (11 digits, 1[3-9]…) or a landline with area code."""
    phone = re.sub(r"[\s()]", "", unicodedata.normalize("NFKC", raw or ""))
    if phone.startswith("+86"):
        phone = phone[3:]
    if MOBILE.match(phone) or LANDLINE.match(phone):
        return phone
    if phone.isdigit() and phone.startswith("1"):
        raise InvalidInput(
            f"手机号码应为 11 位数字，以 13–19 开头，现在是 {len(phone)} 位。", field
        )
    raise InvalidInput(
        "电话号码格式不对：手机请填 11 位数字，座机请填区号加号码（如 0398-5812345）。", field
    )
