"""The court file on both databases: registration, case numbers, tracks and deadlines, stages,
mediation, hearings, outcomes, the 30-day limit of judicial confirmation, enforcement."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db import counters, events
from db.court_models import (
    BY_DOCUMENT,
    BY_TRANSCRIPT,
    ENFORCEMENT,
    JUDGMENT,
    MEDIATED,
    ORDINARY,
    POSTTRIAL,
    PRETRIAL,
    REGISTRATION,
    SIMPLE,
    SMALL_CLAIMS,
    TRIAL,
    WITHDRAWN,
    CourtCase,
)
from db.engine import Database
from hall import calendar, court_cases, court_desk, court_types, settings, users
from hall.court import InvalidForm
from hall.court_cases import Registration, add_months, trial_due
from hall.deadlines import Alert
from hall.errors import IllegalTransition, InvalidInput, NotFound, PermissionDenied
from tests.hall.court_helpers import (
    T0,
    accepted_case,
    add_people,
    organisation_registration,
    register,
    registration,
)

DAY = dt.timedelta(days=1)
DAY0 = T0.date()


@pytest.fixture
def hall(hall_db: Database) -> Database:
    add_people(hall_db)
    return hall_db


def clerk_does(db: Database, action: str, case_id: int, *args: object, **kwargs: object) -> None:
    """One action of the clerk's on the file, at T0 unless told when."""
    kwargs.setdefault("now", T0)
    with db.write() as s:
        getattr(court_cases, action)(s, case_id, *args, actor=users.by_login(s, "shuji"), **kwargs)


def view(db: Database, case_id: int, on: dt.date = DAY0) -> court_cases.CaseView:
    with db.read() as s:
        return court_cases.read_case(
            s, case_id, users.by_login(s, "shuji"), now=dt.datetime.combine(on, dt.time(9))
        )


# ---------------------------------------------------------------------------------------------
# Registration


def test_an_empty_form_names_every_missing_field_in_one_message(hall: Database) -> None:
    case_id = accepted_case(hall)
    with pytest.raises(InvalidForm) as error, hall.write() as s:
        court_cases.register_case(
            s, case_id, Registration(case_type=""), users.by_login(s, "shuji"), now=T0
        )
    assert str(error.value) == (
        "立案登记不完整：请选择案件类型、审理程序、原告性别、被告性别。请填写原告姓名、原告年龄、"
        "原告民族、原告职业、原告工作单位、原告住址、原告联系方式、被告姓名或名称、被告住址、"
        "诉讼请求、事实与理由、证据、证据来源。"
    )
    assert [p.field for p in error.value.problems] == [
        "case_type",
        "track",
        "plaintiff_name",
        "plaintiff_gender",
        "plaintiff_age",
        "plaintiff_ethnicity",
        "plaintiff_occupation",
        "plaintiff_employer",
        "plaintiff_address",
        "plaintiff_contact",
        "defendant_name",
        "defendant_address",
        "claims",
        "facts_reasons",
        "evidence",
        "evidence_source",
        "defendant_gender",
    ]
    assert error.value.field == "case_type"
    with hall.read() as s:
        case = s.get_one(CourtCase, case_id)
        assert (case.number, case.stage, case.plaintiff_name) == (None, "reception", "")
        assert counters.current_value(s, "court_case:民初:2026") == 0


def test_a_few_missing_and_wrong_fields_are_named_together(hall: Database) -> None:
    case_id = accepted_case(hall)
    form = registration(
        plaintiff_ethnicity="", evidence_source=" ", plaintiff_age=200, plaintiff_gender="未知"
    )
    with pytest.raises(InvalidForm) as error, hall.write() as s:
        court_cases.register_case(s, case_id, form, users.by_login(s, "shuji"), now=T0)
    assert str(error.value) == (
        "立案登记不完整：请填写原告民族、证据来源。原告性别应为“男”或“女”。"
        "原告年龄应在 0 到 150 岁之间，现在是 200。"
    )
    assert [p.field for p in error.value.problems] == [
        "plaintiff_ethnicity",
        "evidence_source",
        "plaintiff_gender",
        "plaintiff_age",
    ]


def test_an_organisation_defendant_needs_no_gender_and_witnesses_are_optional(
    hall: Database,
) -> None:
    case_id = accepted_case(hall)
    form = organisation_registration()
    form.witnesses = ""
    with hall.write() as s:
        case = court_cases.register_case(s, case_id, form, users.by_login(s, "shuji"), now=T0)
        assert (case.defendant_kind, case.defendant_gender) == ("organisation", "")
    assert view(hall, case_id).party_kind_name == "法人或其他组织"


def test_an_unknown_or_disabled_case_type_is_refused_with_the_usable_ones(hall: Database) -> None:
    case_id = accepted_case(hall)
    with hall.write() as s:
        court_types.set_enabled(s, "民诉前调", False, users.by_login(s, "admin"), now=T0)
    for code in ("刑初", "民诉前调"):
        with pytest.raises(InvalidForm) as error, hall.write() as s:
            court_cases.register_case(
                s, case_id, registration(case_type=code), users.by_login(s, "shuji"), now=T0
            )
        assert f"案件类型“{code}”不可用。可选：民初、民特、执。" in str(error.value)
        assert [p.field for p in error.value.problems] == ["case_type"]


def test_registration_stores_the_form_and_starts_the_limit(hall: Database) -> None:
    case_id = accepted_case(hall)
    register(hall, case_id)
    seen = view(hall, case_id)
    assert seen.number == "（2026）豫1281民初1号"
    assert (seen.stage_name, seen.case_type_name, seen.track_name) == (
        "立案",
        "民事一审案件",
        "简易程序",
    )
    assert seen.registration == registration()
    assert seen.registered_on == T0.date() and seen.due_on == dt.date(2026, 6, 2)
    assert seen.fees_name == "免交诉讼费用"
    with hall.read() as s:
        logged = events.for_entity(s, "court_case", case_id)[-1]
    assert logged.kind == "court.registered"
    assert logged.payload["number"] == "（2026）豫1281民初1号"
    assert logged.payload["window"] == "legal"
    with pytest.raises(IllegalTransition) as error, hall.write() as s:
        court_cases.register_case(s, case_id, registration(), users.by_login(s, "shuji"), now=T0)
    assert "案号（2026）豫1281民初1号，不能重复立案" in str(error.value)


def test_the_whole_file_serialises_as_json(hall: Database) -> None:
    case_id = accepted_case(hall)
    register(hall, case_id)
    clerk_does(hall, "record_mediation", case_id, T0.date(), "赵法官", "failed")
    with hall.write() as s:
        court_cases.schedule_hearing(
            s, case_id, T0 + 7 * DAY, "trial", "第一法庭", users.by_login(s, "shuji"), now=T0
        )
    data = json.loads(json.dumps(view(hall, case_id).as_json(), ensure_ascii=False))
    assert data["number"] == "（2026）豫1281民初1号"
    assert data["registration"]["plaintiff_age"] == 46
    assert data["mediations"][0]["held_on"] == "2026-03-02"
    assert data["hearings"][0]["starts_at"] == "2026-03-09T09:00"


# ---------------------------------------------------------------------------------------------
# Case numbers


def test_numbers_run_per_type_per_year_from_the_court_code(hall: Database) -> None:
    first, second, special, next_year = (accepted_case(hall) for _ in range(4))
    register(hall, first)
    register(hall, second)
    register(hall, special, case_type="民特")
    register(hall, next_year, now=dt.datetime(2027, 1, 4, 9, 0))
    with hall.read() as s:
        numbers = [s.get_one(CourtCase, c).number for c in (first, second, special, next_year)]
    assert numbers == [
        "（2026）豫1281民初1号",
        "（2026）豫1281民初2号",
        "（2026）豫1281民特1号",
        "（2027）豫1281民初1号",
    ]


def test_the_admins_court_code_and_types_make_the_number(hall: Database) -> None:
    case_id = accepted_case(hall)
    with hall.write() as s:
        admin = users.by_login(s, "admin")
        settings.put(s, settings.COURT_CODE, "豫0381")
        court_types.add_case_type(s, "民辖", "管辖案件", admin, now=T0)
    register(hall, case_id, case_type="民辖")
    with hall.read() as s:
        assert s.get_one(CourtCase, case_id).number == "（2026）豫0381民辖1号"
        assert [t.code for t in court_types.case_types(s)] == [
            "民初",
            "民特",
            "执",
            "民诉前调",
            "民辖",
        ]


def test_only_the_admin_edits_case_types_and_a_type_is_chinese(hall: Database) -> None:
    with pytest.raises(PermissionDenied), hall.write() as s:
        court_types.add_case_type(s, "民辖", "管辖案件", users.by_login(s, "shuji"), now=T0)
    for code in ("MC", "民初1", "（民）", ""):
        with pytest.raises(InvalidInput) as error, hall.write() as s:
            court_types.add_case_type(s, code, "某类案件", users.by_login(s, "admin"), now=T0)
        assert error.value.field == "code"
    with pytest.raises(InvalidInput) as error, hall.write() as s:
        court_types.add_case_type(s, "民初", "重复", users.by_login(s, "admin"), now=T0)
    assert "已经有了" in str(error.value)


# ---------------------------------------------------------------------------------------------
# Tracks, deadlines, alerts


def test_months_count_to_the_same_day_or_the_months_last_day() -> None:
    assert add_months(dt.date(2026, 3, 15), 2) == dt.date(2026, 5, 15)
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 10, 31), 3) == dt.date(2027, 1, 31)
    assert add_months(dt.date(2026, 12, 1), 2) == dt.date(2027, 2, 1)


def test_each_track_has_its_months_moved_off_holidays(hall: Database) -> None:
    with hall.read() as s:
        cal = calendar.load(s, 2025, 2026)
    registered = dt.date(2026, 3, 2)
    # 2 May 2026 falls in the Labour Day holiday (1–5 May): the limit ends on the 6th.
    assert trial_due(registered, SMALL_CLAIMS, cal) == dt.date(2026, 5, 6)
    assert trial_due(registered, SIMPLE, cal) == dt.date(2026, 6, 2)
    assert trial_due(registered, ORDINARY, cal) == dt.date(2026, 9, 2)
    # 31 December + 2 months has no 31st: the last day of February, a make-up workday in 2026.
    assert trial_due(dt.date(2025, 12, 31), SMALL_CLAIMS, cal) == dt.date(2026, 2, 28)


def test_the_deadline_shows_and_alerts_as_it_nears(hall: Database) -> None:
    case_id = accepted_case(hall)
    register(hall, case_id, track=SMALL_CLAIMS)
    due = dt.date(2026, 5, 6)
    allowed = (due - T0.date()).days
    assert allowed == 65
    expectations = [
        (T0.date(), Alert.NONE, 65),
        (T0.date() + 32 * DAY, Alert.NONE, 33),
        (T0.date() + 33 * DAY, Alert.HALF, 32),
        (T0.date() + 49 * DAY, Alert.THREE_QUARTERS, 16),
        (T0.date() + 56 * DAY, Alert.EIGHTY_FIVE, 9),
        (T0.date() + 65 * DAY, Alert.NINETY_NINE, 0),
        (T0.date() + 66 * DAY, Alert.OVERDUE, -1),
    ]
    for on, alert, left in expectations:
        seen = view(hall, case_id, on)
        assert (seen.due_on, seen.alert, seen.days_left) == (due, alert, left), on
    assert view(hall, case_id, due).alert_name == "即将到期"
    with hall.read() as s:
        rows = court_cases.list_cases(s, users.by_login(s, "shuji"), due + DAY)
    assert [(r.label, r.alert_name, r.days_left) for r in rows] == [
        ("（2026）豫1281民初1号", "已超期", -1)
    ]


def test_a_deadline_in_a_year_without_holidays_warns(hall: Database) -> None:
    case_id = accepted_case(hall, now=dt.datetime(2026, 11, 2, 9, 0))
    register(hall, case_id, now=dt.datetime(2026, 11, 2, 9, 0), track=ORDINARY)
    seen = view(hall, case_id, dt.date(2026, 11, 2))
    assert seen.due_on == dt.date(2027, 5, 3)
    assert "2027 年" in seen.calendar_warning


def test_the_clerks_list_puts_the_nearest_deadline_first(hall: Database) -> None:
    ordinary, small, waiting = (accepted_case(hall) for _ in range(3))
    register(hall, ordinary, track=ORDINARY)
    register(hall, small, track=SMALL_CLAIMS)
    with hall.read() as s:
        clerk = users.by_login(s, "shuji")
        rows = court_cases.list_cases(s, clerk, T0.date())
        assert court_cases.count_cases(s, clerk) == 3
        page = court_cases.list_cases(s, clerk, T0.date(), offset=1, limit=1)
    assert [r.id for r in rows] == [small, ordinary, waiting]
    assert rows[2].label == "移交〔2026〕0003号" and rows[2].stage_name == "接访"
    assert (rows[2].plaintiff, rows[2].defendant) == ("王大海", "张小山")
    assert [r.id for r in page] == [ordinary]


# ---------------------------------------------------------------------------------------------
# Stages


def test_stages_move_forward_only_and_each_move_is_logged(hall: Database) -> None:
    case_id = accepted_case(hall)
    with pytest.raises(IllegalTransition) as error:
        clerk_does(hall, "advance_stage", case_id, PRETRIAL)
    assert "尚未立案" in str(error.value)
    register(hall, case_id)
    clerk_does(hall, "advance_stage", case_id, PRETRIAL, now=T0 + DAY)
    for back in (REGISTRATION, PRETRIAL):
        with pytest.raises(IllegalTransition):
            clerk_does(hall, "advance_stage", case_id, back)
    clerk_does(hall, "advance_stage", case_id, TRIAL, now=T0 + 2 * DAY)
    with pytest.raises(IllegalTransition) as error:
        clerk_does(hall, "advance_stage", case_id, PRETRIAL)
    assert str(error.value) == (
        "（2026）豫1281民初1号已在庭审阶段，只能向后推进，不能转入庭前阶段。"
    )
    with pytest.raises(IllegalTransition) as error:
        clerk_does(hall, "advance_stage", case_id, ENFORCEMENT)
    assert "须登记执行申请" in str(error.value)
    with pytest.raises(InvalidInput):
        clerk_does(hall, "advance_stage", case_id, "appeal")
    with hall.read() as s:
        moves = [
            (e.payload.get("previous"), e.payload["stage"])
            for e in events.for_entity(s, "court_case", case_id)
            if e.kind == "court.stage"
        ]
    assert moves == [("registration", "pretrial"), ("pretrial", "trial")]


def test_a_stage_may_be_skipped_forwards(hall: Database) -> None:
    case_id = accepted_case(hall)
    register(hall, case_id)
    clerk_does(hall, "advance_stage", case_id, POSTTRIAL)
    assert view(hall, case_id).stage_name == "庭后"


# ---------------------------------------------------------------------------------------------
# Mediation and hearings


def test_mediation_is_recorded_at_whatever_stage_the_file_is_in(hall: Database) -> None:
    case_id = accepted_case(hall)
    clerk_does(hall, "record_mediation", case_id, T0.date(), "人民调解员 孙某", "failed")
    register(hall, case_id, now=T0 + DAY)
    clerk_does(hall, "advance_stage", case_id, TRIAL, now=T0 + 2 * DAY)
    clerk_does(
        hall,
        "record_mediation",
        case_id,
        T0.date() + 2 * DAY,
        "赵法官",
        "partial",
        note="利息部分未达成一致",
        now=T0 + 2 * DAY,
    )
    seen = view(hall, case_id, T0.date() + 2 * DAY)
    assert [(m.stage_name, m.mediator, m.result_name, m.note) for m in seen.mediations] == [
        ("接访", "人民调解员 孙某", "调解不成", ""),
        ("庭审", "赵法官", "部分达成协议", "利息部分未达成一致"),
    ]


def test_a_mediation_record_names_what_is_missing_and_refuses_odd_dates(hall: Database) -> None:
    case_id = accepted_case(hall)
    with pytest.raises(InvalidForm) as error:
        clerk_does(hall, "record_mediation", case_id, T0.date(), " ", "")
    assert str(error.value) == "调解记录不完整：请填写调解人。请选择调解结果。"
    with pytest.raises(InvalidForm) as error:
        clerk_does(hall, "record_mediation", case_id, T0.date(), "赵法官", "maybe")
    assert "调解结果应为：达成调解协议、部分达成协议、调解不成。" in str(error.value)
    with pytest.raises(InvalidInput) as wrong_day:
        clerk_does(hall, "record_mediation", case_id, T0.date() + DAY, "赵法官", "agreed")
    assert wrong_day.value.field == "held_on" and "不能晚于今天" in str(wrong_day.value)
    with pytest.raises(InvalidInput) as wrong_day:
        clerk_does(hall, "record_mediation", case_id, T0.date() - DAY, "赵法官", "agreed")
    assert "不能早于移交法庭的日期" in str(wrong_day.value)


def test_hearings_are_scheduled_and_listed_by_date(hall: Database) -> None:
    first, second = accepted_case(hall), accepted_case(hall)
    waiting = accepted_case(hall)
    register(hall, first)
    register(hall, second, plaintiff_name="刘某", defendant_name="某物业公司")
    with hall.write() as s:
        clerk = users.by_login(s, "shuji")
        court_cases.schedule_hearing(s, second, T0 + 3 * DAY, "mediation", "调解室", clerk, now=T0)
        court_cases.schedule_hearing(s, first, T0 + 2 * DAY, "trial", "第一法庭", clerk, now=T0)
        court_cases.schedule_hearing(s, first, T0 + 20 * DAY, "pronouncement", "", clerk, now=T0)
    with pytest.raises(IllegalTransition), hall.write() as s:
        court_cases.schedule_hearing(
            s, waiting, T0 + DAY, "trial", "第一法庭", users.by_login(s, "shuji"), now=T0
        )
    with pytest.raises(InvalidInput) as error, hall.write() as s:
        court_cases.schedule_hearing(
            s, first, T0 - DAY, "trial", "第一法庭", users.by_login(s, "shuji"), now=T0
        )
    assert error.value.field == "starts_at"
    with hall.read() as s:
        listed = court_cases.hearings(s, T0.date(), T0.date() + 7 * DAY, users.by_login(s, "shuji"))
        with pytest.raises(PermissionDenied):
            court_cases.hearings(s, T0.date(), T0.date(), users.by_login(s, "falv"))
    assert [(h.starts_at, h.case_number, h.kind_name, h.place, h.plaintiff) for h in listed] == [
        (T0 + 2 * DAY, "（2026）豫1281民初1号", "开庭审理", "第一法庭", "王大海"),
        (T0 + 3 * DAY, "（2026）豫1281民初2号", "调解", "调解室", "刘某"),
    ]


# ---------------------------------------------------------------------------------------------
# Outcomes


def test_an_agreement_performed_at_once_closes_a_file_still_at_reception(hall: Database) -> None:
    case_id = accepted_case(hall)
    with pytest.raises(IllegalTransition) as error:
        clerk_does(hall, "close_by_mediation", case_id, BY_TRANSCRIPT, "当场还款")
    assert "还没有达成调解协议的调解记录" in str(error.value)
    clerk_does(hall, "record_mediation", case_id, T0.date(), "赵法官", "agreed")
    with pytest.raises(IllegalTransition) as error:
        clerk_does(hall, "close_by_mediation", case_id, BY_DOCUMENT, "分期还款")
    assert "尚未立案，不能制作调解书" in str(error.value)
    clerk_does(
        hall, "close_by_mediation", case_id, BY_TRANSCRIPT, "被告当场归还借款三万元，原告收讫"
    )
    seen = view(hall, case_id)
    assert (seen.outcome, seen.mediation_form_name, seen.number) == (
        MEDIATED,
        "调解协议记入笔录，当即履行",
        None,
    )
    assert (seen.agreement_on, seen.closed_on) == (T0.date(), T0.date())
    with pytest.raises(IllegalTransition) as error:
        clerk_does(hall, "apply_enforcement", case_id, T0.date(), "王大海")
    assert "调解协议已当即履行" in str(error.value)


def test_a_mediation_document_needs_the_terms_and_closes_once(hall: Database) -> None:
    case_id = accepted_case(hall)
    register(hall, case_id)
    clerk_does(hall, "record_mediation", case_id, T0.date(), "赵法官", "agreed")
    with pytest.raises(InvalidInput) as error:
        clerk_does(hall, "close_by_mediation", case_id, BY_DOCUMENT, "  ")
    assert error.value.field == "terms"
    clerk_does(hall, "close_by_mediation", case_id, BY_DOCUMENT, "被告于四月底前还清")
    with pytest.raises(IllegalTransition) as again:
        clerk_does(hall, "close_case", case_id, JUDGMENT)
    assert "已于2026年3月2日调解结案，不能再次结案" in str(again.value)
    with pytest.raises(IllegalTransition):
        clerk_does(hall, "advance_stage", case_id, TRIAL)
    clerk_does(hall, "advance_stage", case_id, POSTTRIAL)


def test_withdrawal_judgment_and_dismissal_need_a_registered_case(hall: Database) -> None:
    waiting = accepted_case(hall)
    with pytest.raises(IllegalTransition) as error:
        clerk_does(hall, "close_case", waiting, WITHDRAWN)
    assert "尚未立案，不能撤诉结案" in str(error.value)
    closed = {}
    for outcome in ("withdrawn", "judgment", "dismissed"):
        case_id = accepted_case(hall)
        register(hall, case_id)
        clerk_does(hall, "close_case", case_id, outcome, note="见裁判文书", on=T0.date())
        closed[outcome] = view(hall, case_id).outcome_name
    assert closed == {"withdrawn": "撤诉", "judgment": "判决", "dismissed": "驳回起诉"}
    case_id = accepted_case(hall)
    register(hall, case_id)
    with pytest.raises(InvalidInput) as error:
        clerk_does(hall, "close_case", case_id, MEDIATED)
    assert "调解结案和司法确认请用各自的登记" in str(error.value)
    with pytest.raises(InvalidInput) as error:
        clerk_does(hall, "close_case", case_id, JUDGMENT, on=T0.date() + DAY)
    assert error.value.field == "closed_on"


# ---------------------------------------------------------------------------------------------
# Judicial confirmation: 30 days from the agreement


def confirmation_case(db: Database, agreed_on: dt.date) -> int:
    """A file registered as 民特 on the day of its mediation agreement."""
    at = dt.datetime.combine(agreed_on, dt.time(9))
    case_id = accepted_case(db, now=at)
    register(db, case_id, now=at, case_type="民特")
    clerk_does(db, "record_mediation", case_id, agreed_on, "人民调解员 孙某", "agreed", now=at)
    return case_id


def confirm(db: Database, case_id: int, applied_on: dt.date) -> None:
    clerk_does(
        db,
        "confirm_agreement",
        case_id,
        applied_on,
        "被告分三期归还借款",
        now=dt.datetime.combine(applied_on, dt.time(10)),
    )


def test_confirmation_applied_for_on_the_thirtieth_day_is_accepted(hall: Database) -> None:
    case_id = confirmation_case(hall, dt.date(2026, 3, 10))
    confirm(hall, case_id, dt.date(2026, 4, 9))
    seen = view(hall, case_id, dt.date(2026, 4, 9))
    assert (seen.outcome_name, seen.agreement_on, seen.confirmation_applied_on) == (
        "司法确认",
        dt.date(2026, 3, 10),
        dt.date(2026, 4, 9),
    )
    assert seen.agreement_terms == "被告分三期归还借款"


def test_confirmation_applied_for_on_the_thirty_first_day_is_refused(hall: Database) -> None:
    case_id = confirmation_case(hall, dt.date(2026, 3, 10))
    with pytest.raises(InvalidInput) as error:
        confirm(hall, case_id, dt.date(2026, 4, 10))
    assert error.value.field == "applied_on"
    assert str(error.value) == (
        "申请司法确认应当自调解协议生效之日起三十日内提出。本协议于2026年3月10日达成，"
        "申请期限至2026年4月9日，2026年4月10日提出申请已超过期限，不予受理。"
        "当事人可以就原纠纷向人民法院提起诉讼，或者通过调解变更原协议、达成新的调解协议。"
    )
    assert view(hall, case_id, dt.date(2026, 4, 10)).outcome is None


def test_a_limit_ending_in_the_national_day_holiday_runs_to_the_next_workday(
    hall: Database,
) -> None:
    # 1 September + 30 days is 1 October, in the holiday that runs to the 7th.
    in_time = confirmation_case(hall, dt.date(2026, 9, 1))
    confirm(hall, in_time, dt.date(2026, 10, 8))
    late = confirmation_case(hall, dt.date(2026, 9, 1))
    with pytest.raises(InvalidInput) as error:
        confirm(hall, late, dt.date(2026, 10, 9))
    assert "申请期限至2026年10月8日" in str(error.value)


def test_confirmation_of_an_agreement_reached_elsewhere_names_its_date(hall: Database) -> None:
    at = dt.datetime(2026, 3, 20, 9)
    case_id = accepted_case(hall, now=at)
    register(hall, case_id, now=at, case_type="民特")
    with pytest.raises(InvalidInput) as error:
        clerk_does(hall, "confirm_agreement", case_id, at.date(), "协议内容", now=at)
    assert error.value.field == "agreement_on"
    with pytest.raises(InvalidInput) as error:
        clerk_does(
            hall,
            "confirm_agreement",
            case_id,
            dt.date(2026, 3, 1),
            "协议内容",
            agreement_on=dt.date(2026, 3, 5),
            now=at,
        )
    assert "不能早于调解协议达成的日期" in str(error.value)
    clerk_does(
        hall,
        "confirm_agreement",
        case_id,
        at.date(),
        "协议内容",
        agreement_on=dt.date(2026, 3, 5),
        now=at,
    )
    assert view(hall, case_id, at.date()).agreement_on == dt.date(2026, 3, 5)


# ---------------------------------------------------------------------------------------------
# Enforcement


def test_enforcement_is_recorded_when_applied_for_on_an_enforceable_outcome(
    hall: Database,
) -> None:
    case_id = accepted_case(hall)
    register(hall, case_id)
    with pytest.raises(IllegalTransition) as error:
        clerk_does(hall, "apply_enforcement", case_id, T0.date(), "王大海")
    assert "尚未结案" in str(error.value)
    later = T0 + 40 * DAY
    clerk_does(hall, "close_case", case_id, JUDGMENT, on=T0.date() + 30 * DAY, now=later)
    with pytest.raises(InvalidInput) as error:
        clerk_does(hall, "apply_enforcement", case_id, later.date(), " ", now=later)
    assert error.value.field == "applicant"
    with pytest.raises(InvalidInput) as error:
        clerk_does(hall, "apply_enforcement", case_id, T0.date(), "王大海", now=later)
    assert "不能早于结案日期" in str(error.value)
    clerk_does(
        hall, "apply_enforcement", case_id, later.date(), "王大海", note="被告未按期履行", now=later
    )
    seen = view(hall, case_id, later.date())
    assert (seen.stage_name, seen.enforcement_applied_on, seen.enforcement_applicant) == (
        "执行",
        later.date(),
        "王大海",
    )
    assert seen.stage == ENFORCEMENT
    with pytest.raises(IllegalTransition) as error:
        clerk_does(hall, "apply_enforcement", case_id, later.date(), "王大海", now=later)
    assert "已于2026年4月11日登记执行申请" in str(error.value)
    # Mediation goes on in enforcement too (执行和解).
    clerk_does(hall, "record_mediation", case_id, later.date(), "执行法官", "agreed", now=later)
    assert view(hall, case_id, later.date()).mediations[-1].stage_name == "执行"


def test_a_withdrawn_case_has_nothing_to_enforce(hall: Database) -> None:
    case_id = accepted_case(hall)
    register(hall, case_id)
    clerk_does(hall, "close_case", case_id, WITHDRAWN)
    with pytest.raises(IllegalTransition) as error:
        clerk_does(hall, "apply_enforcement", case_id, T0.date(), "王大海")
    assert "以撤诉结案，没有可以申请执行的内容" in str(error.value)


# ---------------------------------------------------------------------------------------------
# Finding files


def test_a_file_is_found_by_case_number_slip_number_or_barcode(hall: Database) -> None:
    registered, waiting = accepted_case(hall), accepted_case(hall)
    register(hall, registered)
    with hall.read() as s:
        clerk = users.by_login(s, "shuji")
        assert court_cases.find_case(s, "（2026）豫1281民初1号", clerk).id == registered
        assert court_cases.find_case(s, "移交〔2026〕0001号", clerk).id == registered
        assert court_cases.find_case(s, "YJ2026-0002", clerk).id == waiting
        with pytest.raises(NotFound):
            court_cases.find_case(s, "（2026）豫1281民初9号", clerk)
        with pytest.raises(PermissionDenied):
            court_cases.find_case(s, "YJ2026-0002", users.by_login(s, "falv"))


def test_a_mediator_is_chosen_from_the_courts_staff(hall: Database) -> None:
    """The court's clerks and the officers of its window, active ones only; not the other
    windows' officers, not the leaders."""
    with hall.write() as s:
        users.add_user(s, "faguan", "王法官", "secret123", [users.OFFICER], ["court"])
        gone = users.add_user(s, "laoshuji", "赵明", "secret123", [users.CLERK], ["court"])
        gone.active = False
    with hall.read() as s:
        assert court_desk.mediators(s) == sorted(["陈洁", "王法官"])
