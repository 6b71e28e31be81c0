"""The letters desk's past weeks: formal cases at every alert level, overdue ones, a unit late
with its closing report and a supervision order awaiting a late reply."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from db.states import CaseOutcome
from hall import (
    deadlines,
)
from hall.deadlines import Alert
from hall.demo.demo_court import plan_court_letter
from hall.demo.weeks_plan import ORDER_REPLY_DAYS, DemoLetter, PastWeeks, latest_day

NEW_LETTER = DemoLetter("建议在东区街道增设老年人日间照料中心", "", purpose="opinion")
RUNNING_LETTERS: tuple[tuple[Alert, DemoLetter], ...] = (
    (Alert.HALF, DemoLetter("反映小区二次供水水压不足，高层住户经常停水", "协调解决高层供水")),
    (
        Alert.THREE_QUARTERS,
        DemoLetter("反映村集体土地征收补偿款分配不公开", "公开补偿款分配明细", purpose="appeal"),
    ),
    (Alert.EIGHTY_FIVE, DemoLetter("父亲的工伤认定申请提交三个月仍无结果", "尽快作出工伤认定")),
)
DUE_TODAY_LETTER = DemoLetter("反映学校周边有无证校外培训机构招生", "查处无证办学")
UNDECIDED_LETTER = DemoLetter("反映某砂石厂夜间生产，噪声和粉尘扰民", "责令整改")
UNHANDLED_LETTER = DemoLetter("反映老旧小区暖气管网改造停工，供暖季将至", "尽快复工")
UNIT_LATE_LETTER = DemoLetter("反映所在企业未依法为职工缴纳社会保险", "补缴社会保险费")
REPORT_LATE_LETTER = DemoLetter("反映安置房屋顶漏水，多次报修无人处理", "维修房屋")
ON_TIME_LETTER = DemoLetter("家中无劳动能力，生活困难，申请最低生活保障", "纳入低保")
NOT_CARRIED_OUT_LETTER = DemoLetter("残疾子女就读高中，家庭困难，申请助学资助", "给予助学资助")
CLOSED_LETTER = DemoLetter("对道路改造占用门前空地有意见", "恢复原状", purpose="appeal")


def plan_letters(weeks: PastWeeks) -> None:
    """The letters desk's cases: running at each alert level, overdue, late at their units,
    supported but not carried out, closed."""
    today = weeks.today
    weeks.letter(weeks.before(today, 1), NEW_LETTER)
    # Accepted at the hall, their 60 days half, three quarters and 85 % used.
    for level, letter in RUNNING_LETTERS:
        accepted = weeks.at_level(level, weeks.handle_due)
        weeks.accept(weeks.letter(weeks.before(accepted, 2), letter), accepted)
    # A unit's deadline ending on the next working day — today, on a working day (on a day
    # off no limit ends, so none stands at 99 %; this one does on the next working day).
    last_day = weeks.cal.on_or_after_workday(today)
    assigned = weeks.before(last_day, 15)
    filed = weeks.letter(weeks.before(assigned, 2), DUE_TODAY_LETTER)
    weeks.assign(filed, assigned, "市教育局", last_day)

    # Overdue: not decided within its 15 days; accepted and not done within its 60.
    weeks.letter(
        latest_day(
            weeks.cal,
            today,
            lambda day: deadlines.decide_due(day, weeks.cal) < today - dt.timedelta(days=3),
        ),
        UNDECIDED_LETTER,
    )
    accepted = latest_day(
        weeks.cal, today, lambda day: weeks.handle_due(day) < today - dt.timedelta(days=6)
    )
    weeks.accept(weeks.letter(weeks.before(accepted, 3), UNHANDLED_LETTER), accepted)

    # A unit past its deadline without a closing report; the order sent to it is not answered
    # in its reply time either, so it waits to be escalated.
    due = latest_day(
        weeks.cal,
        today,
        lambda day: (
            deadlines.period_end(weeks.after(day, 1), ORDER_REPLY_DAYS, weeks.cal)
            < today - dt.timedelta(days=2)
        ),
    )
    assigned = weeks.before(due, 20)
    filed = weeks.letter(weeks.before(assigned, 3), UNIT_LATE_LETTER)
    weeks.assign(filed, assigned, "市人力资源和社会保障局", due)
    weeks.order(filed, weeks.after(due, 1), "交办事项逾期未办结，承办单位未报送办结报告")

    # The hall replied on the unit's word, but the unit's written closing report is late;
    # the unit answered the order, the report is still missing.
    due = latest_day(weeks.cal, today, lambda day: weeks.after(day, 3) < today)
    assigned = weeks.before(due, 20)
    filed = weeks.letter(weeks.before(assigned, 2), REPORT_LATE_LETTER)
    weeks.assign(filed, assigned, "市住房和城乡建设局", due)
    weeks.reply(
        filed,
        weeks.before(due, 3),
        CaseOutcome.EXPLAIN,
        "经市住房和城乡建设局现场查看，屋顶防水层老化，已列入维修计划，近期施工。",
    )
    order = weeks.order(filed, weeks.after(due, 1), "承办单位逾期未报送办结报告")
    weeks.order_reply(order, weeks.after(due, 3), "已安排维修队进场施工，书面办结报告近日报送。")

    # A unit that reported in time; the supported decision carried out; closed.
    assigned = weeks.before(today, 45)
    filed = weeks.letter(weeks.before(assigned, 2), ON_TIME_LETTER)
    weeks.assign(filed, assigned, "市民政局", weeks.after(assigned, 15))
    weeks.report(
        filed, weeks.after(assigned, 10), "经入户核查，申请人家庭符合条件，已纳入最低生活保障。"
    )
    weeks.reply(
        filed, weeks.after(assigned, 12), CaseOutcome.SUPPORT, "符合最低生活保障条件，予以支持。"
    )
    weeks.carry_out(filed, weeks.after(assigned, 14), "低保金已发放到户。")
    weeks.close(filed, weeks.after(assigned, 15))

    # A supported decision not carried out within its 30 days.
    replied = latest_day(
        weeks.cal,
        today,
        lambda day: deadlines.execution_due(day, weeks.cal) < today - dt.timedelta(days=2),
    )
    accepted = weeks.before(replied, 12)
    filed = weeks.letter(weeks.before(accepted, 2), NOT_CARRIED_OUT_LETTER)
    weeks.accept(filed, accepted)
    weeks.reply(
        filed, replied, CaseOutcome.SUPPORT, "符合教育资助条件，予以支持，由市教育局发放助学金。"
    )

    # Answered and closed.
    accepted = weeks.before(today, 55)
    filed = weeks.letter(weeks.before(accepted, 2), CLOSED_LETTER)
    weeks.accept(filed, accepted)
    weeks.reply(
        filed,
        weeks.after(accepted, 20),
        CaseOutcome.EXPLAIN,
        "门前空地属于规划道路用地，改造按规划实施；已协调施工单位设置临时通道。",
    )
    weeks.close(filed, weeks.after(accepted, 22))


def seed_past_weeks(session: Session, now: dt.datetime) -> None:
    weeks = PastWeeks(session, now)
    plan_letters(weeks)
    plan_court_letter(weeks)
    weeks.run()
