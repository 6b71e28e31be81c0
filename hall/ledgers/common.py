"""What every ledger's import shares: checking a row's cells, its stable key, the rows already
imported, numbers reserved in blocks, bulk inserts, and the report given back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter as Tally
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import JSON, TypeDecorator, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.ledger_models import LedgerRow
from db.models import Counter
from hall.errors import HallError
from hall.ledgers.cells import (
    CellError,
    Problem,
    parse_choice,
    parse_count,
    parse_date,
    parse_id_number,
    parse_phone,
    parse_text,
    text_of,
)
from hall.ledgers.columns import (
    CASE_NUMBER,
    CHOICE,
    COUNT,
    DATE,
    ID_NUMBER,
    PHONE,
    LedgerColumn,
)
from hall.ledgers.reading import RawRow

Value = str | int | dt.date | None
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
# Rows written per round trip: big enough that statements are few, small enough that the
# progress bar moves and a cancel is answered within a second or so.
CHUNK = 2000


class LedgerRules(Protocol):
    """What each kind of ledger (a module of this package) provides to the import."""

    def lookups(self, session: Session) -> Any: ...

    def check_row(
        self,
        session: Session,
        number: int,
        values: dict[str, Value],
        today: dt.date,
        known: Any,
        problems: list[Problem],
    ) -> None: ...

    def preview(self, session: Session, rows: Sequence[CheckedRow]) -> dict[str, int]: ...

    def prepare(self, session: Session, rows: Sequence[CheckedRow]) -> dict[str, Any]: ...

    def write(
        self,
        session: Session,
        rows: Sequence[CheckedRow],
        state: dict[str, Any],
        actor_id: int | None,
        now: dt.datetime,
        created: dict[str, int],
    ) -> None: ...

    def export_rows(self, session: Session, start: dt.date, end: dt.date) -> list[list[Any]]: ...


class ImportCancelled(HallError):
    def __init__(self) -> None:
        super().__init__("已取消导入，没有写入任何记录。")


@dataclass(frozen=True)
class CheckedRow:
    number: int
    key: str
    values: dict[str, Value]


@dataclass
class ImportReport:
    """What an import did, or (``dry_run``) would do, or why it did nothing (``problems``)."""

    kind: str
    rows: int
    already_imported: int = 0
    created: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def message(self) -> str:
        if self.problems:
            return (
                f"文件中有 {len(self.problems)} 处问题，没有导入任何记录。"
                "请按问题清单修改文件后重新导入。"
            )
        made = "，".join(f"{name} {count} 条" for name, count in self.created.items() if count)
        again = (
            f"另有 {self.already_imported} 行以前已导入，未重复导入。"
            if self.already_imported
            else ""
        )
        if not made:
            return (
                f"没有新的记录需要导入：文件的 {self.rows} 行都已导入过。"
                if self.rows
                else "文件中没有数据行。"
            )
        verb = "预检通过，将导入" if self.dry_run else "导入完成，新建"
        return f"{verb}：{made}。{again}"

    def lines(self) -> list[str]:
        """The report as the command prints it: the verdict, then each problem."""
        return [self.message(), *(p.line() for p in self.problems)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "ok": self.ok,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "already_imported": self.already_imported,
            "created": dict(self.created),
            "problems": [
                {"row": p.row, "column": p.column, "what": p.what, "fix": p.fix}
                for p in self.problems
            ],
            "message": self.message(),
        }


def check_cells(
    raw: RawRow, columns: Sequence[LedgerColumn], problems: list[Problem]
) -> dict[str, Value]:
    """The row's values by heading, every cell judged; each bad cell adds its problem."""
    values: dict[str, Value] = {}
    for column in columns:
        cell = raw.cells.get(column.heading)
        if not text_of(cell):
            if column.required:
                # A field the forms know is asked for in the forms' words.
                what = f"请填写{column.rule.label}。" if column.rule else "必填项未填写"
                problems.append(
                    Problem(raw.number, column.heading, what, f"请填写{column.heading}")
                )
            values[column.heading] = None
            continue
        try:
            values[column.heading] = parse_cell(column, cell)
        except CellError as error:
            problems.append(Problem(raw.number, column.heading, error.what, error.fix))
            values[column.heading] = None
    return values


def parse_cell(column: LedgerColumn, cell: Any) -> Value:
    if column.kind == DATE:
        return parse_date(cell)
    if column.kind == CHOICE:
        return parse_choice(column, cell)
    if column.kind == COUNT:
        return parse_count(cell)
    if column.kind == ID_NUMBER:
        return parse_id_number(cell)
    if column.kind == PHONE:
        return parse_phone(cell)
    if column.kind == CASE_NUMBER:
        return parse_text(column, cell).replace("(", "（").replace(")", "）")
    return parse_text(column, cell)


def row_keys(
    rows: Sequence[tuple[RawRow, dict[str, Value]]], columns: Sequence[LedgerColumn]
) -> list[str]:
    """A key per row that is the same each time the file is imported: the file's own ledger
    number when it has one, else a hash of what the row says. Two identical rows are two
    records (two visits of one day about one matter), so each is told apart by its occurrence."""
    seen: Tally[str] = Tally()
    keys = []
    for raw, values in rows:
        if raw.ledger_number:
            keys.append(f"no:{raw.ledger_number}"[:80])
            continue
        content = "\x1f".join(str(values.get(c.heading) or "") for c in columns)
        seen[content] += 1
        digest = hashlib.sha256(f"{content}\x1e{seen[content]}".encode()).hexdigest()
        keys.append(f"sha:{digest}")
    return keys


def imported_keys(session: Session, kind: str, keys: Iterable[str]) -> set[str]:
    found: set[str] = set()
    wanted = list(keys)
    for start in range(0, len(wanted), CHUNK):
        found.update(
            session.scalars(
                select(LedgerRow.key).where(
                    LedgerRow.kind == kind, LedgerRow.key.in_(wanted[start : start + CHUNK])
                )
            )
        )
    return found


def reserve_many(session: Session, wanted: dict[str, int]) -> dict[str, int]:
    """Take numbers of many counters at once, in one statement (as ``db.counters.next_value``
    takes one): ``wanted`` says how many of each, the answer the first of each. Live
    numbering goes on above them."""
    if not wanted:
        return {}
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = make(Counter)
    upsert = statement.on_conflict_do_update(
        index_elements=[Counter.name], set_={"value": Counter.value + statement.excluded.value}
    ).returning(Counter.name, Counter.value)
    # Sorted, so that two imports lock the counters in one order and cannot deadlock.
    names = sorted(wanted)
    result = session.execute(upsert, [{"name": n, "value": wanted[n]} for n in names])
    return {name: int(last) - wanted[name] + 1 for name, last in result}


def raise_to(session: Session, name: str, value: int) -> None:
    """Make sure the counter stands at least at ``value``: numbers a ledger brought with it are
    never handed out again."""
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    current = session.scalar(select(Counter.value).where(Counter.name == name))
    if current is not None and current >= value:
        return
    session.execute(
        make(Counter)
        .values(name=name, value=value)
        .on_conflict_do_update(index_elements=[Counter.name], set_={"value": value})
    )


def insert_returning_ids(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert many rows and give back their ids in the rows' order.

    The ids are taken first (PostgreSQL: from the table's sequence in one query; SQLite: above
    the largest, which is safe because the import's transaction holds the database's write
    lock), so the rows go in as one plain executemany: asking for the ids back row by row
    (RETURNING) costs more than writing them."""
    if not rows:
        return []
    table = model.__table__
    if session.get_bind().dialect.name == "postgresql":
        ids = list(
            session.scalars(
                text(
                    "SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                    "FROM generate_series(1, :count)"
                ),
                {"table": table.name, "count": len(rows)},
            )
        )
    else:
        top = session.scalar(select(func.max(table.c.id))) or 0
        ids = list(range(top + 1, top + 1 + len(rows)))
    for row, new_id in zip(rows, ids, strict=True):
        row["id"] = new_id
    insert_rows(session, model, rows)
    return [int(i) for i in ids]


def insert_rows(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows: on PostgreSQL by COPY, several times faster than row-by-row INSERTs
    even pipelined; on SQLite by one executemany of a prepared INSERT."""
    if not rows:
        return
    table = model.__table__
    # COPY knows nothing of the models' Python-side defaults, so every row carries them.
    defaults = {
        c.name: c.default.arg
        for c in table.columns
        if c.default is not None and c.default.is_scalar and c.name not in rows[0]
    }
    if defaults:
        rows = [{**defaults, **row} for row in rows]
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), rows)
        return
    names = list(rows[0])
    # COPY bypasses the columns' own types too: an encrypted column (db.crypto) must be given
    # what its type would have stored, never the plain text. Only those columns and the JSON
    # ones are touched; the others go as they are, picked out of each row in one call (a
    # Python step per value costs as much as the COPY itself).
    converters: list[tuple[int, Callable[[Any], Any]]] = []
    for index, name in enumerate(names):
        kind = table.c[name].type
        if isinstance(kind, JSON):
            converters.append((index, _json_text))
        elif isinstance(kind, TypeDecorator):
            processor = kind.bind_processor(connection.dialect)
            if processor is not None:
                converters.append((index, processor))
    pick = itemgetter(*names)
    quoted = ", ".join(f'"{n}"' for n in names)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                values = pick(row)
                if len(names) == 1:
                    values = (values,)
                if converters:
                    values = list(values)
                    for index, convert in converters:
                        values[index] = convert(values[index])
                copy.write_row(values)
    finally:
        cursor.close()


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def chunks(rows: Sequence[CheckedRow]) -> Iterable[Sequence[CheckedRow]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def tick(done: int, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    if progress is not None:
        progress(done, total)
