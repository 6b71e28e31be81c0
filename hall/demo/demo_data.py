"""The demo hall's made-up people, places and matters, generated from a fixed seed."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from db.models import ServiceWindow, Visit
from hall import (
    users,
)

DEMO_PASSWORD = "demo123"


@dataclass(frozen=True)
class DemoUser:
    login: str
    name: str
    roles: tuple[str, ...]
    windows: tuple[str, ...] = ()


# Names alone: the status bar adds the role, and says who is logged in once.
DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "系统管理员", (users.ADMIN,)),
    DemoUser("daofang", "王丽", (users.RECEPTION,)),
    DemoUser("falv", "李明", (users.OFFICER,), ("legal",)),
    DemoUser("tanxin", "赵红", (users.OFFICER,), ("talk",)),
    DemoUser("minyi", "孙伟", (users.OFFICER,), ("opinion",)),
    DemoUser("bangfu", "周静", (users.OFFICER,), ("aid",)),
    DemoUser("xuanjiao", "吴强", (users.OFFICER,), ("publicity",)),
    DemoUser("jiancha", "郑军", (users.OFFICER,), ("supervision",)),
    DemoUser("banxin", "冯芳", (users.OFFICER,), ("letters",)),
    DemoUser("shuji", "陈洁", (users.CLERK,), ("court",)),
    # Named as on the duty roster: a leader's own 包案 entries are found by that name.
    DemoUser("lingdao", "刘建国", (users.LEADER,)),
    # 三员分立 (issue 15): the security and the audit administrators.
    DemoUser("anquan", "王安", (users.SECURITY,)),
    DemoUser("shenji", "李审", (users.AUDITOR,)),
)

PLACES: dict[str, tuple[str, ...]] = {
    "千秋路街道": ("千秋社区", "红旗社区", "北露天社区"),
    "新区街道": ("新区社区", "杨村", "苗沟村"),
    "东区街道": ("东区社区", "二十里铺村", "霍村"),
    "常村路街道": ("常村社区", "石门村"),
    "泰山路街道": ("泰山社区", "岭沟村"),
    "朝阳路街道": ("朝阳社区", "南河村"),
}
# (name, post, portfolio 分管工作) as the published roster names them.
DUTY_LEADERS: tuple[tuple[str, str, str], ...] = (
    ("刘建国", "市委副书记", "信访、群众工作"),
    ("张秀兰", "副市长", "民政、人社、卫生健康"),
    ("王志刚", "市人大常委会副主任", "城建、交通"),
    ("李红梅", "市政协副主席", "教育、文化"),
    ("赵永军", "市委常委、政法委书记", "政法、综治"),
)
# The appointment slots (预约) the demo hall offers every day: (window, from, to, capacity,
# for the leader's reception).
APPOINTMENT_SLOTS: tuple[tuple[str, int, int, int, bool], ...] = (
    ("legal", 9, 10, 4, False),
    ("legal", 15, 16, 4, False),
    ("aid", 10, 11, 3, False),
    ("talk", 9, 11, 4, True),
    ("talk", 15, 17, 4, True),
)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
MATTERS: tuple[tuple[str, str, str, bool], ...] = (
    ("legal", "inquiry", "邻里宅基地界址纠纷，咨询如何维权", False),
    ("legal", "request", "农民工工资被拖欠三个月，要求帮助追讨", True),
    ("talk", "appeal", "对拆迁补偿标准有意见，情绪激动，希望与领导面谈", False),
    ("opinion", "opinion", "建议在新区增设公交站点", False),
    ("aid", "request", "家中老人重病，申请临时救助", False),
    ("aid", "request", "申请最低生活保障", False),
    ("publicity", "inquiry", "咨询城乡居民医保缴费政策", False),
    ("supervision", "report", "反映某单位办事推诿、多次往返未办结", False),
    ("letters", "appeal", "对土地确权结果不服，要求复查", False),
    ("legal", "request", "交通事故赔偿未履行，要求处理", True),
    ("opinion", "opinion", "小区周边夜间施工噪声扰民", False),
    ("talk", "inquiry", "子女就学问题咨询", False),
)


def demo_id_number(rng: random.Random) -> tuple[str, str]:
    """A made-up resident ID number with a correct check digit, and the gender it encodes."""
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 60))
    seq = rng.randrange(100, 999)
    body = f"411281{birth:%Y%m%d}{seq:03d}"
    number = body + ric.calc_check_digit(body + "0")
    return number, "男" if seq % 2 else "女"


def random_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


# How far back the demo hall's setup lies: before the oldest act of its past weeks (a case
# accepted more than 60 days ago, a holiday on the way).
HISTORY_DAYS = 120
# How long the hall has been open this morning when the demo is seeded.
MORNING = dt.timedelta(hours=2)


def morning_visits(session: Session, window: str, now: dt.datetime) -> list[Visit]:
    """This morning's visits to a window, in the order they came (not the letters the past
    weeks entered in the register of visits)."""
    return list(
        session.scalars(
            select(Visit)
            .join(ServiceWindow, Visit.window_id == ServiceWindow.id)
            .where(ServiceWindow.code == window, Visit.created_at >= now - MORNING)
            .order_by(Visit.created_at, Visit.id)
        )
    )
