"""``hall-admin init``, ``user add`` and ``seed-demo``: a hall's first start."""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from cli.common import (
    CliError,
    new_password,
    request_id,
)
from db import action_requests
from db.engine import Database
from db.models import User
from hall import (
    demo,
    setup,
    user_admin,
)


def cmd_init(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        if setup.is_set_up(s):
            print(f"数据库已是最新结构，无需初始化：{db.describe()}")
            return
        if args.admin_login:
            password = new_password(args.admin_password, "管理员密码：")
            setup.initialise(
                s,
                args.hall_name,
                args.city_code,
                args.court_code,
                args.admin_login,
                args.admin_name,
                password,
            )
            print(f"已初始化：{db.describe()}，管理员 {args.admin_login}")
            return
    print(f"数据库结构已创建：{db.describe()}。首次启动程序时将打开初始设置。")


def cmd_user_add(db: Database, args: argparse.Namespace) -> None:
    password = new_password(args.password, "密码：")

    def add(s: Session) -> int:
        # The screen's own rules (hall.user_admin): password strength and 三员分立.
        return user_admin.add_user(
            s,
            None,
            args.login,
            args.name,
            password,
            [w for w in (args.windows or "").split(",") if w],
            args.roles.split(","),
        ).id

    applied = action_requests.perform(db, request_id(args), "user.add", add)
    with db.read() as s:
        user = s.get(User, applied.entity_id)
        assert user is not None
        print(f"已添加用户 {user.login}（{user.name}）")


def cmd_seed_demo(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        if setup.is_set_up(s):
            raise CliError("这个数据库已经有大厅数据，演示数据只能填入空数据库。")
        demo.seed_demo(s, visitors=args.visitors)
    print(f"已填入演示数据：{db.describe()}；演示账号密码均为 {demo.DEMO_PASSWORD}")
