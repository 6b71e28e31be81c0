"""Hall-wide settings kept in the database, shared by every workstation.

One typed registry: each setting has a key, a type and a default, so a missing row reads as
its default and a settings screen can list them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.models import HallSetting, User
from hall import clock, users

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    label: str

    def parse(self, raw: str) -> T:
        kind = type(self.default)
        if kind is bool:
            return raw == "1"
        return kind(raw)

    def render(self, value: T) -> str:
        if isinstance(value, bool):
            return "1" if value else "0"
        return str(value)


HALL_NAME: Setting[str] = Setting("hall_name", "群众工作部接待大厅", "大厅名称")
CITY_CODE: Setting[str] = Setting("city_code", "411281", "行政区划代码")
COURT_CODE: Setting[str] = Setting("court_code", "豫1281", "法院代字")
# The people's court the circuit court belongs to, in whose name its documents are issued.
COURT_NAME: Setting[str] = Setting("court_name", "义马市人民法院", "人民法院名称")
# How many times a called visitor is called again before being marked absent.
MAX_RECALLS: Setting[int] = Setting("max_recalls", 2, "过号前最多重呼次数")
SETUP_DONE: Setting[bool] = Setting("setup_done", False, "已完成初始设置")
# Case and supervision-order numbers read 义群信〔2026〕0123号 / 义群督〔2026〕001号.
CASE_PREFIX: Setting[str] = Setting("case_prefix", "义群信", "信访事项编号前缀")
SUPERVISION_PREFIX: Setting[str] = Setting("supervision_prefix", "义群督", "督办单编号前缀")
# What the calling display says for a call; {number}, {window} and {location} are filled in
# (desktop.voice). Spaces around the number make speech engines read it as one word.
CALL_ANNOUNCEMENT: Setting[str] = Setting(
    "call_announcement", "请 {number} 号 到 {window} 窗口", "叫号播报语"
)
# The line that scrolls along the foot of the calling display; empty for none.
DISPLAY_NOTICE: Setting[str] = Setting("display_notice", "", "叫号屏滚动通知")
# A call neither started nor recalled for this long goes back to the queue (the workstation
# that made it is presumed gone); 0 leaves calls to be released by hand.
CALL_TIMEOUT_MINUTES: Setting[int] = Setting(
    "call_timeout_minutes", 20, "叫号无人办理自动退回队列（分钟，0 为不自动退回）"
)
# A visitor marked absent (过号) who comes back is put back behind this many waiting visitors
# rather than taking a new number.
NO_SHOW_RETURN_AFTER: Setting[int] = Setting(
    "no_show_return_after", 3, "过号重排：回来的过号群众排在其后的人数"
)
# A booked visitor (预约) who checks in later than this after the start of their slot loses
# the slot's place and queues as a walk-in.
APPOINTMENT_GRACE_MINUTES: Setting[int] = Setting(
    "appointment_grace_minutes", 15, "预约迟到宽限（分钟，超过按现场取号排队）"
)
# The service time assumed for a wait estimate until a window has finished a visit recently.
DEFAULT_SERVICE_MINUTES: Setting[int] = Setting(
    "default_service_minutes", 10, "预计等候时间：窗口尚无记录时每人按此分钟数估算"
)

ALL: tuple[Setting[str] | Setting[int] | Setting[bool], ...] = (
    HALL_NAME,
    CITY_CODE,
    COURT_CODE,
    COURT_NAME,
    MAX_RECALLS,
    SETUP_DONE,
    CASE_PREFIX,
    SUPERVISION_PREFIX,
    CALL_ANNOUNCEMENT,
    DISPLAY_NOTICE,
    CALL_TIMEOUT_MINUTES,
    NO_SHOW_RETURN_AFTER,
    APPOINTMENT_GRACE_MINUTES,
    DEFAULT_SERVICE_MINUTES,
)


def get(session: Session, setting: Setting[T]) -> T:
    raw = session.scalar(select(HallSetting.value).where(HallSetting.key == setting.key))
    return setting.default if raw is None else setting.parse(raw)


def put(session: Session, setting: Setting[T], value: T) -> None:
    put_raw(session, setting.key, setting.render(value))


def put_raw(session: Session, key: str, value: str) -> None:
    """Store the rendered ``value`` under ``key``: a registry setting's, or one kept outside
    the registry (the key's mark, the at-rest walk's record)."""
    row = session.get(HallSetting, key)
    if row is None:
        session.add(HallSetting(key=key, value=value))
    else:
        row.value = value


def put_first(session: Session, values: Mapping[str, str]) -> bool:
    """Store ``values`` together, unless another workstation inserts one of these settings
    meanwhile: False then, nothing of ``values`` written, and the session reads the winner's.

    Workstations first opening a new database at once all find a setting absent and all insert
    it; the first insert wins, the others fail on the key. The savepoint keeps that failure
    from spoiling the rest of the caller's transaction, which goes on with the winner's rows
    (committed by then: a losing insert waits for the winner's transaction to end)."""
    try:
        with session.begin_nested():
            for key, value in values.items():
                put_raw(session, key, value)
            session.flush()
    except IntegrityError:
        return False
    return True


# The event that tells every calling display to read the hall-wide settings again.
SETTINGS_CHANGED = EventKind.SETTINGS_CHANGED


@dataclass(frozen=True)
class DisplaySettings:
    """What every calling display says and shows, and how long an unanswered call waits."""

    announcement: str
    notice: str
    call_timeout_minutes: int


def display_settings(session: Session) -> DisplaySettings:
    return DisplaySettings(
        get(session, CALL_ANNOUNCEMENT),
        get(session, DISPLAY_NOTICE),
        get(session, CALL_TIMEOUT_MINUTES),
    )


def save_display_settings(session: Session, chosen: DisplaySettings, actor: User) -> None:
    """Save the displays' settings (the administrator's to change) and tell every display."""
    users.require_role(actor, users.ADMIN)
    put(session, CALL_ANNOUNCEMENT, chosen.announcement)
    put(session, DISPLAY_NOTICE, chosen.notice)
    put(session, CALL_TIMEOUT_MINUTES, chosen.call_timeout_minutes)
    events.append(
        session,
        SETTINGS_CHANGED,
        "hall_setting",
        None,
        clock.now(),
        actor.id,
        {"keys": [CALL_ANNOUNCEMENT.key, DISPLAY_NOTICE.key, CALL_TIMEOUT_MINUTES.key]},
    )
