"""Resident ID numbers, phone numbers and masking, checked against GB 11643 written out here
independently of python-stdnum (which hall.identity uses)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hall import clock
from hall.errors import InvalidInput
from hall.identity import check_phone, check_resident_id
from hall.masking import mask_id_number, mask_name, mask_phone

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHINESE = re.compile(r"[\u4e00-\u9fff]")
KNOWN_VALID = "11010519491231002X"
# GB/T 2260 province codes, written out here independently of hall.identity.
PROVINCES = (
    *(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37),
    *(41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 91),
)


def check_character(body: str) -> str:
    """GB 11643: '10X98765432'[Σ dᵢ·wᵢ mod 11] over the first 17 digits."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11]


@st.composite
def resident_ids(draw: st.DrawFn) -> tuple[str, dt.date, str]:
    """A valid number: any area in a real province, a real birth date up to today, a sequence,
    its check digit; with the birth date and the gender (odd 17th digit: male) it encodes."""
    province = draw(st.sampled_from(PROVINCES))
    area = f"{province}{draw(st.from_regex(r'[0-9]{4}', fullmatch=True))}"
    birth = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=clock.now().date()))
    seq = draw(st.integers(min_value=0, max_value=999))
    body = f"{area}{birth:%Y%m%d}{seq:03d}"
    return body + check_character(body), birth, "男" if seq % 2 else "女"


def refused(raw: str) -> str:
    with pytest.raises(InvalidInput) as error:
        check_resident_id(raw)
    assert error.value.field == "id_number"
    assert CHINESE.search(str(error.value))
    return str(error.value)


@given(resident_ids())
def test_every_valid_number_passes_with_what_it_encodes(
    case: tuple[str, dt.date, str],
) -> None:
    number, birth, gender = case
    resident = check_resident_id(number)
    assert (resident.number, resident.birth_date, resident.gender) == (number, birth, gender)


@given(resident_ids())
def test_typing_variants_are_normalised(case: tuple[str, dt.date, str]) -> None:
    number, _birth, _gender = case
    spaced = f" {number[:6]} {number[6:14]} {number[14:].lower()} "
    assert check_resident_id(spaced).number == number


@given(resident_ids())
def test_full_width_digits_from_a_chinese_input_method_are_normalised(
    case: tuple[str, dt.date, str],
) -> None:
    number, _birth, _gender = case
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert check_resident_id(full_width).number == number


def test_digits_of_other_scripts_are_refused() -> None:
    # A valid number with its first digit written as an Arabic-Indic one.
    assert "数字" in refused("\u0661" + KNOWN_VALID[1:])


def test_the_known_valid_number() -> None:
    resident = check_resident_id(KNOWN_VALID)
    assert resident.birth_date == dt.date(1949, 12, 31)
    assert resident.gender == "女"
    assert check_resident_id(KNOWN_VALID.lower()).number == KNOWN_VALID


@given(resident_ids(), st.integers(min_value=0, max_value=17), st.sampled_from("0123456789XA"))
def test_any_single_character_change_is_refused(
    case: tuple[str, dt.date, str], position: int, replacement: str
) -> None:
    number, _birth, _gender = case
    assume(number[position] != replacement)
    refused(number[:position] + replacement + number[position + 1 :])


@given(resident_ids(), st.sampled_from("0123456789X"))
def test_a_wrong_check_digit_says_which_one_it_should_be(
    case: tuple[str, dt.date, str], wrong: str
) -> None:
    number, _birth, _gender = case
    assume(wrong != number[17])
    message = refused(number[:17] + wrong)
    assert "校验位" in message and f"应为 {number[17]}" in message


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("", "请填写"),
        ("11010519491231002", "18 位"),
        ("11010519491231002X1", "18 位"),
        ("110105194912310", "18 位"),
        ("1101051949123100AX", "数字"),
        ("X10105194912310021", "数字"),
        ("身份证号码身份证号码身份证号码身份证", "数字"),
        ("110105194902300020", "出生日期"),  # 30 February
        ("110105194913010020", "出生日期"),  # month 13
        ("110105000012310020", "出生日期"),  # year 0
    ],
)
def test_malformed_numbers_say_what_is_wrong(raw: str, says: str) -> None:
    assert says in refused(raw)


def with_check(body: str) -> str:
    return body + check_character(body)


@pytest.mark.parametrize(
    "province", ["00", "10", "16", "20", "30", "38", "40", "47", "55", "66", "99"]
)
def test_an_impossible_province_code_is_refused_saying_which_digits(province: str) -> None:
    message = refused(with_check(f"{province}0105194912310002"[:17]))
    assert f"“{province}”" in message and "省级行政区划代码" in message and "第 1、2 位" in message


@pytest.mark.parametrize("province", PROVINCES)
def test_every_province_code_is_accepted(province: int) -> None:
    assert check_resident_id(with_check(f"{province}0105194912310002"[:17])).number[:2] == str(
        province
    )


def test_henan_numbers_are_accepted() -> None:
    # 义马 411281 and an old Henan code kept on old cards.
    for area in ("411281", "412701"):
        assert check_resident_id(with_check(f"{area}19800101003")).number.startswith(area)


def test_a_birth_date_in_the_future_is_refused() -> None:
    tomorrow = clock.now().date() + dt.timedelta(days=1)
    body = f"110105{tomorrow:%Y%m%d}002"
    assert "晚于今天" in refused(body + check_character(body))


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_mobiles_pass(mobile: str) -> None:
    assert check_phone(mobile) == mobile
    assert check_phone(f"+86 {mobile[:3]} {mobile[3:7]} {mobile[7:]}") == mobile


@given(
    st.sampled_from(["010", "021", "0371", "0398", "0755"]),
    st.from_regex(r"[2-9][0-9]{6,7}", fullmatch=True),
    st.sampled_from(["{area}-{local}", "{area}{local}", "({area}){local}", "{area} {local}"]),
)
def test_landlines_with_area_code_pass(area: str, local: str, written: str) -> None:
    phone = check_phone(written.format(area=area, local=local))
    assert phone.replace("-", "") == area + local


def test_a_landline_extension_is_kept() -> None:
    assert check_phone("010-12345678-801") == "010-12345678-801"


@given(st.from_regex(r"1[0-9]{0,9}|1[0-9]{11,14}|1[0-2][0-9]{9}", fullmatch=True))
def test_wrong_mobiles_are_refused_in_chinese(digits: str) -> None:
    with pytest.raises(InvalidInput) as error:
        check_phone(digits)
    assert error.value.field == "phone" and CHINESE.search(str(error.value))


@pytest.mark.parametrize(
    "raw", ["", "abc", "5812345", "0398-58", "138-0000-000a", "+1 202 555 0100", "１３８"]
)
def test_other_bad_phones_are_refused_in_chinese(raw: str) -> None:
    with pytest.raises(InvalidInput) as error:
        check_phone(raw)
    assert error.value.field == "phone"
    assert "电话号码格式不对" in str(error.value) or "手机号码" in str(error.value)


def test_phones_typed_in_full_width_are_normalised() -> None:
    assert check_phone("１３８１２３４５６７８") == "13812345678"
    assert check_phone("（０３９８）５８１２３４５") == "03985812345"


def test_phones_in_digits_of_other_scripts_are_refused() -> None:
    with pytest.raises(InvalidInput):
        check_phone("13" + "\u0663" * 9)


def test_a_short_mobile_says_how_long_it_is() -> None:
    with pytest.raises(InvalidInput) as error:
        check_phone("1380000000")
    assert "11 位" in str(error.value) and "10 位" in str(error.value)


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张*"), ("张", "张*"), ("欧阳娜娜", "欧***"), ("  李四 ", "李*"), ("", "")],
)
def test_names_show_only_the_surname(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@given(st.text(alphabet=st.characters(categories=["Lo"]), min_size=1, max_size=8))
def test_a_masked_name_reveals_only_its_first_character(name: str) -> None:
    masked = mask_name(name)
    assert masked[0] == name[0] and set(masked[1:]) == {"*"}


@given(resident_ids())
def test_id_numbers_show_at_most_first_six_and_last_four(case: tuple[str, dt.date, str]) -> None:
    number, _birth, _gender = case
    masked = mask_id_number(number)
    assert masked == number[:6] + "********" + number[-4:]


def test_short_or_missing_id_numbers_reveal_no_more() -> None:
    assert mask_id_number(None) == ""
    assert mask_id_number("") == ""
    assert mask_id_number("A1234567") == "A1******"


def test_phones_show_first_three_and_last_four() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("12345") == "*****"
