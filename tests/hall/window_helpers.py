"""A hall with an officer at every service window, and the steps the window tests repeat."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from db.case_models import ResponsibleUnit
from db.engine import Database
from db.models import Event, User
from db.window_models import ListItem
from hall import catalog, lists, queue, reception, units, users
from tests.passwords import password_hash

# A Monday in March 2026, a year the holiday calendar knows (formal cases count working days).
T0 = dt.datetime(2026, 3, 2, 9, 0)
PASSWORD = "secret123"
# login: (name, roles, windows)
PEOPLE: dict[str, tuple[str, list[str], list[str]]] = {
    "falv": ("李明", [users.OFFICER], ["legal"]),
    "tanxin": ("赵红", [users.OFFICER], ["talk"]),
    "minyi": ("孙伟", [users.OFFICER], ["opinion"]),
    "bangfu": ("周静", [users.OFFICER], ["aid"]),
    "xuanjiao": ("吴强", [users.OFFICER], ["publicity"]),
    "jiancha": ("郑军", [users.OFFICER], ["supervision"]),
    "banxin": ("冯芳", [users.OFFICER], ["letters"]),
    "admin": ("系统管理员", [users.ADMIN], []),
    "lingdao": ("刘书记", [users.LEADER], []),
}
OFFICER_OF = {codes[0]: login for login, (_n, _r, codes) in PEOPLE.items() if codes}


def setup_hall(db: Database) -> Database:
    """The windows, the lists, the demo hall's units and :data:`PEOPLE` (sharing one password
    hash: argon2 is slow by design, and nobody logs in here)."""
    with db.write() as s:
        catalog.seed(s)
        lists.seed(s)
        units.seed_demo(s, now=T0)
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
    return db


def person(db: Database, login: str) -> User:
    with db.read() as s:
        return users.by_login(s, login)


def unit_id(db: Database, name: str) -> int:
    with db.read() as s:
        return s.scalars(select(ResponsibleUnit.id).where(ResponsibleUnit.name == name)).one()


def item_id(db: Database, list_code: str, name: str) -> int:
    with db.read() as s:
        return s.scalars(
            select(ListItem.id).where(ListItem.list == list_code, ListItem.name == name)
        ).one()


def serving(
    db: Database,
    window: str,
    name: str,
    at: dt.datetime = T0,
    start: bool = True,
    **fields: object,
) -> int:
    """A visitor registered for ``window``, called to seat 1 and (with ``start``) being served
    by its officer; returns the ticket's id."""
    officer = person(db, OFFICER_OF[window])
    # The front desk does not register a visit without its summary.
    fields.setdefault("summary", "来访咨询")
    with db.write() as s:
        ticket = reception.register(
            s,
            reception.Registration(name=name, window=window, **fields),  # type: ignore[arg-type]
            now=at,
        )
        queue.call_ticket(s, ticket.id, seat=1, actor=officer, now=at + dt.timedelta(minutes=1))
        if start:
            queue.start(s, ticket.id, actor=officer, now=at + dt.timedelta(minutes=2))
        return ticket.id


def event_kinds(db: Database, entity: str) -> list[str]:
    """The kinds of the events logged about ``entity`` rows, in the order they were logged."""
    with db.read() as s:
        return list(s.scalars(select(Event.kind).where(Event.entity == entity).order_by(Event.id)))
