"""A hall with the people of the court hand-off, and the steps the court tests repeat."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

from db.court_models import ORGANISATION, SIMPLE, CourtCase
from db.engine import Database
from db.models import User
from hall import catalog, court, court_cases, reception, users
from hall.court_cases import Registration
from tests.passwords import password_hash

# A Monday in March 2026: every date the tests compute from it is in a year the holiday
# calendar knows.
T0 = dt.datetime(2026, 3, 2, 9, 0)
PASSWORD = "secret123"
# login: (name, roles, windows)
PEOPLE: dict[str, tuple[str, list[str], list[str]]] = {
    "falv": ("李明", [users.OFFICER], ["legal"]),
    "bangfu": ("周静", [users.OFFICER], ["aid"]),
    "banxin": ("冯芳", [users.OFFICER], ["letters"]),
    "shuji": ("陈洁", [users.CLERK], ["court"]),
    "admin": ("系统管理员", [users.ADMIN], []),
    "lingdao": ("刘书记", [users.LEADER], []),
}
_names = itertools.count(1)


def add_people(db: Database) -> None:
    """The people of :data:`PEOPLE`. Nobody logs in here, so they share one password hash:
    hashing it anew for every user of every test (argon2 is slow by design) would triple the
    time the court tests take."""
    with db.write() as s:
        windows = {w.code: w for w in catalog.windows(s, enabled_only=False)}
        for login, (name, roles, codes) in PEOPLE.items():
            user = User(
                login=login,
                name=name,
                password_hash=password_hash(PASSWORD),
                roles=",".join(roles),
                active=True,
                created_at=T0,
            )
            user.windows = [windows[code] for code in codes]
            s.add(user)


def new_visit(
    db: Database,
    window: str = "legal",
    purpose: str = "request",
    name: str | None = None,
    now: dt.datetime = T0,
    summary: str = "邻居借款三万元到期不还，要求帮助追讨",
) -> int:
    with db.write() as s:
        ticket = reception.register(
            s,
            reception.Registration(
                name=name or f"王{next(_names)}",
                window=window,
                gender="男",
                phone="13800138000",
                township="千秋路街道",
                village="红旗社区",
                address="幸福路 8 号",
                purpose=purpose,
                summary=summary,
                request="要求对方归还借款三万元",
                facts="2025 年 6 月借给邻居张某三万元，约定年底归还，至今未还。",
                reasons="有借条为证。",
            ),
            now=now,
        )
        assert ticket.visit_id is not None
        return ticket.visit_id


def brief(party: str = "王大海") -> court.HandoffBrief:
    return court.HandoffBrief(party=party, other_party="张小山", claim="归还借款三万元及利息")


def hand_off(
    db: Database, visit_id: int, login: str = "falv", now: dt.datetime = T0, party: str = "王大海"
) -> int:
    with db.write() as s:
        return court.hand_off_to_court(
            s, visit_id, brief(party), users.by_login(s, login), now=now
        ).id


def accept(db: Database, handoff_id: int, now: dt.datetime = T0) -> int:
    with db.write() as s:
        return court.accept_handoff(s, handoff_id, users.by_login(s, "shuji"), now=now).id


def accepted_case(db: Database, now: dt.datetime = T0, window: str = "legal") -> int:
    login = "shuji" if window == "court" else {"legal": "falv", "aid": "bangfu"}[window]
    visit_id = new_visit(db, window=window, now=now)
    return accept(db, hand_off(db, visit_id, login=login, now=now), now=now)


def registration(**changes: object) -> Registration:
    """A 立案 form filled in completely."""
    form = Registration(
        case_type="民初",
        track=SIMPLE,
        plaintiff_name="王大海",
        plaintiff_gender="男",
        plaintiff_age=46,
        plaintiff_ethnicity="汉族",
        plaintiff_occupation="个体经营",
        plaintiff_employer="无",
        plaintiff_address="义马市千秋路街道红旗社区幸福路 8 号",
        plaintiff_contact="13800138000",
        defendant_name="张小山",
        defendant_gender="男",
        defendant_employer="义马市某建材商店",
        defendant_address="义马市新区街道杨村 12 号",
        claims="判令被告归还借款三万元及利息",
        facts_reasons="2025 年 6 月原告借给被告三万元，约定年底归还，被告至今未还。",
        evidence="借条一份；微信转账记录",
        evidence_source="原告提供",
        witnesses="李某，住义马市千秋路街道",
    )
    return replace(form, **changes)  # type: ignore[arg-type]


def organisation_registration() -> Registration:
    return registration(
        defendant_kind=ORGANISATION,
        defendant_name="义马市某物业服务有限公司",
        defendant_gender="",
        defendant_employer="",
    )


def register(db: Database, case_id: int, now: dt.datetime = T0, **changes: object) -> CourtCase:
    with db.write() as s:
        return court_cases.register_case(
            s, case_id, registration(**changes), users.by_login(s, "shuji"), now=now
        )
