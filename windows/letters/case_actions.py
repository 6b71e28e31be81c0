"""The letters officer's acts on a case: every legal transition as a button with its shortcut,
each asking what it needs in a dialog that stays open on a refusal, each one ``hall`` call run
through the operation helper.

Mixed into :class:`windows.letters.case_view.CaseViewPage`, which says which case is open and
shows it again once an act is done. Its words are under its own translation context.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGroupBox, QPushButton, QWidget

from db.engine import Session
from hall import case_views, cases, clock, court
from hall.cases import CaseView
from hall.deadlines import MAX_EXTENSION_DAYS
from hall.errors import InvalidInput
from kit.confirm import confirm
from kit.context import AppContext
from kit.fit import flow
from kit.operations import Operation
from windows.letters.common import (
    DATE,
    DAYS,
    LINE,
    OUTCOME,
    TEXT,
    UNIT,
    ActionDialog,
    Ask,
    Values,
)

translate = QCoreApplication.translate


class CaseActions:
    """The acts on the open case, for the page they are mixed into."""

    ctx: AppContext
    case: CaseView | None
    dialog: ActionDialog | None

    def _done(self, case_id: int, message: str) -> None:
        """Show the case as it now is, with ``message``."""
        raise NotImplementedError

    def show_message(self, text: str, error: bool = False) -> None:
        raise NotImplementedError

    def _screen(self) -> QWidget:
        """The page this is mixed into, which the dialogs and messages belong to."""
        raise NotImplementedError

    def _build_actions(self) -> QGroupBox:
        box = QGroupBox(translate("CaseActions", "Actions"))
        # The buttons wrap to the width the case is given (three lines on a 1366 screen, four
        # on 1024), with little room around them: the case's details take the rest.
        row = flow()
        row.setContentsMargins(6, 2, 6, 6)
        box.setLayout(row)
        self.action_buttons: dict[str, QPushButton] = {}
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("accept", translate("CaseActions", "&Accept"), "Ctrl+Shift+A", self.accept_case),
            ("reject", translate("CaseActions", "&Not accept…"), "Ctrl+Shift+N", self.reject_case),
            ("forward", translate("CaseActions", "&Forward…"), "Ctrl+Shift+F", self.forward_case),
            (
                "assign",
                translate("CaseActions", "Assi&gn to a unit…"),
                "Ctrl+Shift+G",
                self.assign_case,
            ),
            (
                "separate",
                translate("CaseActions", "To the &court…"),
                "Ctrl+Shift+C",
                self.separate_case,
            ),
            (
                "hand_off",
                translate("CaseActions", "&Hand to the court again…"),
                "Ctrl+Shift+H",
                self.hand_off,
            ),
            ("extend", translate("CaseActions", "E&xtend once…"), "Ctrl+Shift+X", self.extend_case),
            (
                "report",
                translate("CaseActions", "Closing re&port…"),
                "Ctrl+Shift+P",
                self.report_closing,
            ),
            ("reply", translate("CaseActions", "&Reply…"), "Ctrl+Shift+R", self.reply_case),
            ("close", translate("CaseActions", "C&lose"), "Ctrl+Shift+L", self.close_case),
            (
                "review",
                translate("CaseActions", "Re&view requested"),
                "Ctrl+Shift+V",
                self.request_review,
            ),
            (
                "decide_review",
                translate("CaseActions", "Review &decision…"),
                "Ctrl+Shift+D",
                self.decide_review,
            ),
            (
                "rereview",
                translate("CaseActions", "Re-rev&iew requested"),
                "Ctrl+Shift+I",
                self.request_rereview,
            ),
            (
                "decide_rereview",
                translate("CaseActions", "Re-review decision (&final)…"),
                "Ctrl+Shift+E",
                self.decide_rereview,
            ),
            (
                "execute",
                translate("CaseActions", "Carried &out…"),
                "Ctrl+Shift+O",
                self.record_execution,
            ),
        ]
        for name, text, keys, slot in specs:
            button = QPushButton(text)
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(keys)
            button.clicked.connect(slot)
            self.action_buttons[name] = button
            row.addWidget(button)
        return box

    def _act(
        self,
        title: str,
        asks: list[Ask],
        perform: Callable[[Session, int, Values], object],
        intro: str = "",
        question: str = "",
    ) -> ActionDialog | None:
        """Ask what the action needs (or nothing), run it, and show the case as it now is.
        An act that cannot be undone first asks ``question`` ({number}: the case's number)."""
        if self.case is None:
            return None
        if question and not confirm(
            self._screen(),
            title.rstrip("…"),
            question.format(number=self.case.number),
            title.rstrip("…"),
        ):
            return None
        case_id = self.case.id
        done = translate("CaseActions", "{action}: done.").format(action=title.rstrip("…"))
        if not asks:
            action = Operation(self._screen(), self.ctx.database, lambda s: perform(s, case_id, {}))
            action.success(lambda _result: self._done(case_id, done)).failure(
                lambda problem: self.show_message(problem.message, error=True)
            ).run()
            return None
        dialog = ActionDialog(
            title,
            intro or f"{self.case.number}　{self.case.state_name}",
            asks,
            self.ctx.database,
            lambda s, values: _ignore(perform(s, case_id, values)),
            self._screen(),
        )
        dialog.accepted.connect(lambda: self._done(case_id, done))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _now(self) -> dt.datetime:
        return clock.now()

    def accept_case(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Accept"),
            [],
            lambda s, i, v: cases.accept(s, i, actor=user, now=self._now()),
            question=translate(
                "CaseActions",
                "Accept case {number}? Its time limit starts to run, and the acceptance cannot "
                "be undone.",
            ),
        )

    def reject_case(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Not accept…"),
            [
                Ask("legal_channel", translate("CaseActions", "Legal channel to use"), LINE),
                Ask("reason", translate("CaseActions", "Reason")),
            ],
            lambda s, i, v: cases.reject(
                s, i, str(v["legal_channel"]), str(v["reason"]), actor=user, now=self._now()
            ),
            question=translate(
                "CaseActions",
                "Not accept case {number}? The visitor is told to use the legal channel you "
                "name next; this cannot be undone.",
            ),
        )

    def forward_case(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Forward…"),
            [
                Ask("unit", translate("CaseActions", "Competent organ"), UNIT),
                Ask("note", translate("CaseActions", "Note")),
            ],
            lambda s, i, v: cases.forward(
                s, i, _unit_id(v), str(v["note"]), actor=user, now=self._now()
            ),
        )

    def assign_case(self) -> None:
        user = self.ctx.user
        today = clock.now().date()
        self._act(
            translate("CaseActions", "Assign to a unit…"),
            [
                Ask("unit", translate("CaseActions", "Responsible unit"), UNIT),
                Ask(
                    "due",
                    translate("CaseActions", "Closing report due"),
                    DATE,
                    today + dt.timedelta(days=30),
                ),
                Ask("note", translate("CaseActions", "Instructions")),
            ],
            lambda s, i, v: cases.assign(
                s,
                i,
                _unit_id(v),
                _as_date(v["due"]),
                str(v["note"]),
                actor=user,
                now=self._now(),
            ),
        )

    def _brief_asks(self) -> list[Ask]:
        """The hand-over slip's fields (移交单), filled from the case as far as it may be."""
        assert self.case is not None
        case_id = self.case.id
        read = Operation(
            self._screen(),
            self.ctx.database,
            lambda s: court.brief_for_case(s, case_id),
            read_only=True,
        )
        brief = read.failure(
            lambda problem: self.show_message(problem.message, error=True)
        ).run() or court.HandoffBrief("", "", "")
        return [
            Ask("party", translate("CaseActions", "Party"), LINE, brief.party),
            Ask(
                "other_party", translate("CaseActions", "Other party (a person or a company)"), LINE
            ),
            Ask("claim", translate("CaseActions", "Claim, briefly"), TEXT, brief.claim),
        ]

    def separate_case(self) -> None:
        """Separate the matter from petitions (诉访分离) and hand it to the court at once: the
        decision and the hand-over slip are one unit of work, so neither stands without the
        other."""
        if self.case is None:
            return
        user = self.ctx.user

        def perform(s: Session, case_id: int, values: Values) -> None:
            note = str(values["note"])
            case_views.separate_to_court(s, case_id, note, _brief(values), user, self._now())

        self._act(
            translate("CaseActions", "To the court…"),
            [
                Ask("note", translate("CaseActions", "Why it belongs in litigation")),
                *self._brief_asks(),
            ],
            perform,
            translate(
                "CaseActions",
                "Litigation-related matters are not accepted as petitions: the case is closed "
                "as separated and handed to the circuit court's inbox with this slip.",
            ),
        )

    def hand_off(self) -> None:
        """Hand a separated case to the court again, after the court returned it."""
        if self.case is None:
            return
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Hand to the court again…"),
            self._brief_asks(),
            lambda s, i, v: court.hand_off_case(s, i, _brief(v), user, self._now()),
        )

    def extend_case(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Extend once…"),
            [
                Ask(
                    "days", translate("CaseActions", "Days (at most 30)"), DAYS, MAX_EXTENSION_DAYS
                ),
                Ask("reason", translate("CaseActions", "Reason")),
            ],
            lambda s, i, v: cases.extend(
                s, i, int(str(v["days"])), str(v["reason"]), actor=user, now=self._now()
            ),
        )

    def report_closing(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Closing report…"),
            [Ask("report", translate("CaseActions", "The unit's closing report"))],
            lambda s, i, v: cases.report_closing(
                s, i, str(v["report"]), actor=user, now=self._now()
            ),
        )

    def reply_case(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Reply…"),
            [
                Ask("outcome", translate("CaseActions", "Outcome"), OUTCOME),
                Ask("text", translate("CaseActions", "Opinion")),
            ],
            lambda s, i, v: cases.reply(
                s, i, str(v["outcome"]), str(v["text"]), actor=user, now=self._now()
            ),
        )

    def close_case(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Close"),
            [],
            lambda s, i, v: cases.close(s, i, actor=user, now=self._now()),
            question=translate(
                "CaseActions",
                "Close case {number}? It is then finished with, and closing cannot be undone.",
            ),
        )

    def request_review(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Review requested"),
            [],
            lambda s, i, v: cases.request_review(s, i, actor=user, now=self._now()),
        )

    def decide_review(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Review decision…"),
            [
                Ask("outcome", translate("CaseActions", "Outcome"), OUTCOME),
                Ask("text", translate("CaseActions", "Opinion")),
            ],
            lambda s, i, v: cases.decide_review(
                s, i, str(v["outcome"]), str(v["text"]), actor=user, now=self._now()
            ),
        )

    def request_rereview(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Re-review requested"),
            [],
            lambda s, i, v: cases.request_rereview(s, i, actor=user, now=self._now()),
        )

    def decide_rereview(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Re-review decision (final)…"),
            [
                Ask("outcome", translate("CaseActions", "Outcome"), OUTCOME),
                Ask("text", translate("CaseActions", "Opinion")),
            ],
            lambda s, i, v: cases.decide_rereview(
                s, i, str(v["outcome"]), str(v["text"]), actor=user, now=self._now()
            ),
            translate(
                "CaseActions",
                "After the re-review the same matter is not taken up again (three-level closure).",
            ),
        )

    def record_execution(self) -> None:
        user = self.ctx.user
        self._act(
            translate("CaseActions", "Carried out…"),
            [Ask("note", translate("CaseActions", "How the decision was carried out"))],
            lambda s, i, v: cases.record_execution(
                s, i, str(v["note"]), actor=user, now=self._now()
            ),
        )


def _unit_id(values: Values) -> int:
    unit = values["unit"]
    if unit is None:
        raise InvalidInput(
            translate(
                "CaseActions", "Choose a unit first (the administrator adds responsible units)."
            ),
            "unit",
        )
    return int(str(unit))


def _as_date(value: object) -> dt.date:
    assert isinstance(value, dt.date)
    return value


def _brief(values: Values) -> court.HandoffBrief:
    return court.HandoffBrief(
        party=str(values["party"]),
        other_party=str(values["other_party"]),
        claim=str(values["claim"]),
    )


def _ignore(_result: object) -> None:
    """The dialog wants no result: the case is read again once the action succeeded."""
