"""What a service at a window came to, and what the officer sees while serving.

Finishing a service records, in the caller's one transaction: its outcome and the next step it
was given (a formal case registered for the letters window's inbox, a unit it was forwarded
to, the court hand-off, a follow-up), the window's own record (the legal question, the talk,
the opinion, the request for aid, the policies explained, the complaint), the officer's
choice of the visitor's rating, the ticket finished, and the event log. If any part is
refused, nothing is written. Transfers and no-shows are recorded the same way.

Outcomes::

    resolved 当场解决 · explained 解释说明 · transferred 转其他窗口 · case 登记为信访事项
    forwarded 转交责任单位办理 · court 移交便民巡回法庭 · follow_up 约定回访 · no_show 未到

Confidentiality: an accusation (揭发控告) and a complaint about an official are read only by
those :func:`hall.cases.may_read_confidential` allows. Opening one (at the counter, in the
visitor's history, in the records) is logged as ``visit.viewed`` when its content is shown
and ``visit.view_withheld`` when it is withheld, like the formal cases' ``case.viewed``.
Lists and exports never carry it, for anyone.
"""

from __future__ import annotations

# Archived cases and visits are read-only (retention): refused in words before the database does.
from hall import archive  # noqa: F401  (isort: skip)

from hall.outcomes.counter_card import (
    HistoryEntry,
    VisitCard,
    history,
    open_visit,
)
from hall.outcomes.entries import (
    DEFAULT_OUTCOMES,
    ENTRY_WINDOWS,
    FINISHING,
    HISTORY_LIMIT,
    PAGE,
    ComplaintEntry,
    LegalEntry,
    PublicityEntry,
    TalkEntry,
    WindowEntry,
    outcomes_for,
)
from hall.outcomes.finishing import (
    Outcome,
    check,
    finish,
    mark_no_show,
    recall,
    transfer,
)
from hall.outcomes.records import (
    RECORDS_HEADER,
    RecordCount,
    RecordDetail,
    RecordFilter,
    RecordRow,
    count_records,
    export_records,
    rating_name,
    read_record,
    record_of_ticket,
    search_records,
)

__all__ = [
    "DEFAULT_OUTCOMES",
    "ENTRY_WINDOWS",
    "FINISHING",
    "HISTORY_LIMIT",
    "PAGE",
    "RECORDS_HEADER",
    "ComplaintEntry",
    "HistoryEntry",
    "LegalEntry",
    "Outcome",
    "PublicityEntry",
    "RecordCount",
    "RecordDetail",
    "RecordFilter",
    "RecordRow",
    "TalkEntry",
    "VisitCard",
    "WindowEntry",
    "check",
    "count_records",
    "export_records",
    "finish",
    "history",
    "mark_no_show",
    "open_visit",
    "outcomes_for",
    "rating_name",
    "read_record",
    "recall",
    "record_of_ticket",
    "search_records",
    "transfer",
]
