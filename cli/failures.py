"""What went wrong with the database, in one Chinese sentence naming the cause and the fix:
never the driver's English."""

from __future__ import annotations

from sqlalchemy.exc import DataError, IntegrityError, OperationalError, SQLAlchemyError

from db.action_requests import RequestReused
from db.engine import SQLITE_BUSY_MS

KIND_NAMES = {
    "ticket.issue": "取号",
    "ticket.call": "叫号",
    "ticket.recall": "重呼",
    "ticket.finish": "办结",
    "ticket.release": "退回队列",
    "ticket.rate": "评价",
    "user.add": "添加用户",
    "device.add": "添加设备",
    "device.revoke": "停用设备",
}

# (words in the driver's message, what it means and what to do)
_KNOWN = (
    (
        ("database is locked", "database table is locked"),
        f"数据库文件正被另一个程序写入，等了 {SQLITE_BUSY_MS // 1000} 秒仍未轮到："
        "请稍后重试；如果一直这样，请关闭其他正在使用这个数据库文件的程序。",
    ),
    (
        ("value too long", "string data, right truncated", "too long"),
        "有一项内容超过了数据库允许的长度：请缩短后重试。",
    ),
    (
        ("out of range", "overflow", "too large"),
        "有一个数字或日期超出了允许的范围：请改小后重试。",
    ),
    (
        ("must not be negative",),
        "给出的数量不能是负数：请改为正数后重试。",
    ),
    (
        ("readonly database", "read-only", "attempt to write a readonly"),
        "数据库文件是只读的：请检查文件和所在文件夹的写入权限。",
    ),
    (
        ("disk is full", "no space left", "database or disk is full"),
        "磁盘已满，没有保存：请清理磁盘空间后重试。",
    ),
    (
        (
            "connection refused",
            "could not connect",
            "server closed the connection",
            "connection timeout",
            "timeout expired",
            "terminating connection",
        ),
        "连不上数据库服务器，或连接中断了：请检查服务器是否在运行、网络是否通畅后重试"
        "（带 --request-id 重试不会重复办理）。",
    ),
    (
        ("password authentication failed", "authentication failed"),
        "数据库用户名或密码不对：请检查数据库地址中的用户名和密码。",
    ),
    (
        ("does not exist",),
        "数据库或其中的表不存在：请检查库名，或先运行 hall-admin init。",
    ),
    (
        ("file is not a database", "file is encrypted"),
        "这个文件不是本程序的数据库：请检查文件路径。",
    ),
    (
        ("unable to open database file",),
        "打不开数据库文件：请检查路径是否存在、是否有读写权限。",
    ),
)


def database_failure(error: SQLAlchemyError | OSError | ValueError, opening: bool = False) -> str:
    text = str(getattr(error, "orig", None) or error).lower()
    for words, sentence in _KNOWN:
        if any(w in text for w in words):
            return sentence
    if isinstance(error, IntegrityError):
        return "保存的内容与已有记录冲突（可能别人刚刚做了同样的操作）：请刷新后核对再试。"
    if isinstance(error, DataError):
        return "有一项内容的格式或大小数据库不能接受：请检查输入后重试。"
    if isinstance(error, OperationalError) or opening:
        return "数据库暂时无法使用：请稍后重试；如果一直这样，请联系管理员检查数据库。"
    return "数据库操作没有完成，没有保存任何内容：请稍后重试；如果一直这样，请联系管理员。"


def request_reused(error: RequestReused) -> str:
    earlier = KIND_NAMES.get(error.earlier, error.earlier)
    now = KIND_NAMES.get(error.kind, error.kind)
    return (
        f"请求编号“{error.request_id[:64]}”已用于另一种操作（{earlier}），不能再用于{now}："
        "每次新操作请换一个新的编号。"
    )
