"""A hall's first start: its name and codes, the reference data and the first admin."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy.orm import Session

from db.models import User
from hall import catalog, clock, settings, users
from hall.errors import InvalidInput

CITY_CODE = re.compile(r"^\d{6}$")


def is_set_up(session: Session) -> bool:
    return settings.get(session, settings.SETUP_DONE)


def initialise(
    session: Session,
    hall_name: str,
    city_code: str,
    court_code: str,
    admin_login: str,
    admin_name: str,
    admin_password: str,
    now: dt.datetime | None = None,
) -> User:
    now = now or clock.now()
    if not hall_name.strip():
        raise InvalidInput("请填写大厅名称。", "hall_name")
    if not CITY_CODE.match(city_code.strip()):
        raise InvalidInput("行政区划代码应为 6 位数字（如 411281）。", "city_code")
    if not court_code.strip():
        raise InvalidInput("请填写法院代字（如 豫1281），案号中要用到。", "court_code")
    catalog.seed(session)
    settings.put(session, settings.HALL_NAME, hall_name.strip())
    settings.put(session, settings.CITY_CODE, city_code.strip())
    settings.put(session, settings.COURT_CODE, court_code.strip())
    admin = users.add_user(session, admin_login, admin_name, admin_password, [users.ADMIN], now=now)
    settings.put(session, settings.SETUP_DONE, True)
    return admin
