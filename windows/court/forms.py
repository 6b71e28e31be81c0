"""The clerk's forms: registration (立案), a mediation attempt, a hearing, an outcome, an
application for enforcement.

Each dialog stays open, with everything typed, until the rules accept what it says: the desk
calls :meth:`CourtForm.show_problem` with the rules' refusal, which marks every field at fault
(a registration missing several fields names them all at once) and says it at the top.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDateTime, QTime, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.court_models import (
    BY_DOCUMENT,
    HEARING_KIND_NAMES,
    MEDIATION_FORM_NAMES,
    MEDIATION_RESULT_NAMES,
    OUTCOME_NAMES,
    PARTY_KIND_NAMES,
    PERSON,
    TRACK_NAMES,
    TRACKS,
)
from db.engine import Session
from db.states import CourtOutcome
from hall.catalog import GENDERS
from hall.court import InvalidForm
from hall.court_cases import MAX_AGE, TRACK_MONTHS, Registration, validate_registration
from hall.court_desk import Closing
from hall.errors import InvalidInput
from kit.dates import date_edit, to_qdate
from kit.fields import FieldMessage
from kit.fit import scrolling
from kit.form_errors import FormErrors
from kit.operations import Problem

T = TypeVar("T")
Editor = QLineEdit | QPlainTextEdit | QComboBox | QDateEdit | QDateTimeEdit


def to_date(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


def text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def choices(items: list[tuple[str, str]], blank: str | None = None) -> QComboBox:
    """A drop-down of (code, name); with ``blank``, a first entry meaning "not chosen"."""
    box = QComboBox()
    if blank is not None:
        box.addItem(blank, "")
    for code, name in items:
        box.addItem(name, code)
    return box


def choose(box: QComboBox, code: str) -> None:
    index = box.findData(code)
    if index >= 0:
        box.setCurrentIndex(index)


def chosen(box: QComboBox) -> str:
    return str(box.currentData() or "")


class FieldFaults:
    """Every field a refused form got wrong. The operation helper's :class:`Problem` names the
    first field only, while the rules refuse a registration missing several fields with all of
    them at once (:class:`InvalidForm`); :meth:`watch` keeps them, for the form to mark each.
    The refusal itself still reaches the helper, which rolls the unit of work back."""

    def __init__(self) -> None:
        self.parts: list[InvalidInput] = []

    def watch(self, work: Callable[[Session], T]) -> Callable[[Session], T]:
        def watched(session: Session) -> T:
            try:
                return work(session)
            except InvalidForm as fault:
                self.parts = list(fault.problems)
                raise

        return watched


class CourtForm(QDialog):
    """A form of the desk: ``submitted`` carries what it says; the desk answers with
    :meth:`show_problem` (kept open) or closes it with ``accept()``."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # What is still to fix, counted as the fields are fixed, or a refusal about no field.
        self.problem_label = QLabel()
        self.problem_label.setObjectName("problem")
        self.errors = FormErrors(self.problem_label)
        self.messages: dict[str, FieldMessage] = self.errors.messages
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._submit)
        self.back_button = QPushButton(QCoreApplication.translate("CourtForm", "Back"))
        self.back_button.clicked.connect(self.reject)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.back_button)
        self.buttons.addWidget(self.save_button)

    def field(self, name: str, editor: Editor) -> QWidget:
        """The editor with its message line under it; editing it withdraws its error."""
        return self.errors.field(name, editor)

    def value(self) -> object:
        raise NotImplementedError

    def _submit(self) -> None:
        self.errors.clear()
        self.submitted.emit(self.value())

    def show_problem(self, problem: Problem, form_parts: Sequence[InvalidInput] = ()) -> None:
        """Mark every field the refusal names, each with its own message (a form's several
        problems are ``form_parts``, see :class:`FieldFaults`); the line at the top counts what
        is left to fix, and says a refusal that is about no field here."""
        self.errors.show_problem(problem, form_parts)
        # Messages that appeared need room: the dialog grows to show them whole.
        self.adjustSize()

    def refuse(self, text: str) -> None:
        self.errors.say(text, error=True)
        self.adjustSize()


class RegistrationDialog(CourtForm):
    """立案登记: the plaintiff, the defendant, the claims, facts and reasons, evidence and its
    source, witnesses; the type and track give the number and the time limit."""

    def __init__(
        self,
        label: str,
        draft: Registration,
        case_types: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register {label}").format(label=label))
        self.save_button.setText(self.tr("&Register"))
        self.case_type = choices(case_types, self.tr("(choose)"))
        self.track = choices(
            [
                (
                    track,
                    self.tr("{track} ({months} months)").format(
                        track=TRACK_NAMES[track], months=TRACK_MONTHS[track]
                    ),
                )
                for track in TRACKS
            ],
            self.tr("(choose)"),
        )
        genders = [(g, g) for g in GENDERS]
        self.plaintiff_name = QLineEdit()
        self.plaintiff_gender = choices(genders, self.tr("(choose)"))
        self.plaintiff_age = QLineEdit()
        self.plaintiff_age.setValidator(QIntValidator(0, MAX_AGE, self))
        self.plaintiff_age.setMaximumWidth(self.fontMetrics().averageCharWidth() * 8)
        self.plaintiff_ethnicity = QLineEdit()
        self.plaintiff_ethnicity.setPlaceholderText(self.tr("e.g. Han"))
        self.plaintiff_occupation = QLineEdit()
        self.plaintiff_employer = QLineEdit()
        self.plaintiff_employer.setPlaceholderText(self.tr('Write "none" if there is none'))
        self.plaintiff_address = QLineEdit()
        self.plaintiff_contact = QLineEdit()
        self.defendant_kind = choices(list(PARTY_KIND_NAMES.items()))
        self.defendant_name = QLineEdit()
        self.defendant_gender = choices(genders, self.tr("(choose)"))
        self.defendant_employer = QLineEdit()
        self.defendant_address = QLineEdit()
        self.claims = text_box()
        self.facts_reasons = text_box(4)
        self.evidence = text_box(2)
        self.evidence_source = QLineEdit()
        self.witnesses = QLineEdit()
        self.witnesses.setPlaceholderText(self.tr("Names and addresses; may be left empty"))
        self.defendant_kind.currentIndexChanged.connect(self._defendant_kind_changed)
        self._fill(draft)

        top = QFormLayout()
        top.addRow(self.tr("Case &type"), self.field("case_type", self.case_type))
        top.addRow(self.tr("T&rack"), self.field("track", self.track))

        plaintiff = QGroupBox(self.tr("Plaintiff"))
        p_form = QFormLayout(plaintiff)
        p_form.addRow(self.tr("&Name"), self.field("plaintiff_name", self.plaintiff_name))
        p_form.addRow(self.tr("Gender"), self.field("plaintiff_gender", self.plaintiff_gender))
        p_form.addRow(self.tr("Age"), self.field("plaintiff_age", self.plaintiff_age))
        p_form.addRow(
            self.tr("Ethnicity"), self.field("plaintiff_ethnicity", self.plaintiff_ethnicity)
        )
        p_form.addRow(
            self.tr("Occupation"), self.field("plaintiff_occupation", self.plaintiff_occupation)
        )
        p_form.addRow(
            self.tr("Employer"), self.field("plaintiff_employer", self.plaintiff_employer)
        )
        p_form.addRow(self.tr("Address"), self.field("plaintiff_address", self.plaintiff_address))
        p_form.addRow(self.tr("Contact"), self.field("plaintiff_contact", self.plaintiff_contact))

        defendant = QGroupBox(self.tr("Defendant"))
        d_form = QFormLayout(defendant)
        d_form.addRow(self.tr("Kind"), self.field("defendant_kind", self.defendant_kind))
        d_form.addRow(
            self.tr("Name or organisation"), self.field("defendant_name", self.defendant_name)
        )
        d_form.addRow(self.tr("Gender"), self.field("defendant_gender", self.defendant_gender))
        d_form.addRow(
            self.tr("Employer"), self.field("defendant_employer", self.defendant_employer)
        )
        d_form.addRow(self.tr("Address"), self.field("defendant_address", self.defendant_address))

        parties = QHBoxLayout()
        parties.addWidget(plaintiff, 1)
        parties.addWidget(defendant, 1)

        matter = QGridLayout()
        rows: tuple[tuple[str, str, Editor], ...] = (
            (self.tr("&Claims"), "claims", self.claims),
            (self.tr("&Facts and reasons"), "facts_reasons", self.facts_reasons),
            (self.tr("&Evidence"), "evidence", self.evidence),
            (self.tr("Source of the evidence"), "evidence_source", self.evidence_source),
            (self.tr("&Witnesses"), "witnesses", self.witnesses),
        )
        for row, (text, name, editor) in enumerate(rows):
            caption = QLabel(text)
            cell = self.field(name, editor)
            caption.setBuddy(cell)
            matter.addWidget(caption, row, 0)
            matter.addWidget(cell, row, 1)
        matter.setColumnStretch(1, 1)

        note = QLabel(
            self.tr(
                "The case number is given when the registration is saved; the trial limit "
                "runs from today. Litigation fees are waived at the circuit court."
            )
        )
        note.setWordWrap(True)
        body = QWidget()
        fields = QVBoxLayout(body)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addLayout(top)
        fields.addLayout(parties)
        fields.addLayout(matter)
        fields.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem_label)
        # The fields scroll on a small screen (their messages make them taller after a failed
        # check); what is wrong and the buttons stay in view.
        layout.addWidget(scrolling(body), 1)
        layout.addLayout(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 120)
        # A text field is checked as the clerk leaves it, by the same rules as on saving.
        self.errors.check_on_leave(lambda: validate_registration(self.value()))
        (self.case_type if not draft.case_type else self.track).setFocus()

    def _fill(self, draft: Registration) -> None:
        choose(self.case_type, draft.case_type)
        choose(self.track, draft.track)
        self.plaintiff_name.setText(draft.plaintiff_name)
        choose(self.plaintiff_gender, draft.plaintiff_gender)
        self.plaintiff_age.setText("" if draft.plaintiff_age is None else str(draft.plaintiff_age))
        self.plaintiff_ethnicity.setText(draft.plaintiff_ethnicity)
        self.plaintiff_occupation.setText(draft.plaintiff_occupation)
        self.plaintiff_employer.setText(draft.plaintiff_employer)
        self.plaintiff_address.setText(draft.plaintiff_address)
        self.plaintiff_contact.setText(draft.plaintiff_contact)
        choose(self.defendant_kind, draft.defendant_kind)
        self.defendant_name.setText(draft.defendant_name)
        choose(self.defendant_gender, draft.defendant_gender)
        self.defendant_employer.setText(draft.defendant_employer)
        self.defendant_address.setText(draft.defendant_address)
        self.claims.setPlainText(draft.claims)
        self.facts_reasons.setPlainText(draft.facts_reasons)
        self.evidence.setPlainText(draft.evidence)
        self.evidence_source.setText(draft.evidence_source)
        self.witnesses.setText(draft.witnesses)
        self._defendant_kind_changed()

    def _defendant_kind_changed(self) -> None:
        # A company has no gender; what was chosen stays for when the kind is switched back.
        person = chosen(self.defendant_kind) == PERSON
        self.defendant_gender.setEnabled(person)
        gender = self.messages.get("defendant_gender")
        if gender is not None and not person:
            gender.clear_error()

    def value(self) -> Registration:
        age = self.plaintiff_age.text().strip()
        person = chosen(self.defendant_kind) == PERSON
        return Registration(
            case_type=chosen(self.case_type),
            track=chosen(self.track),
            plaintiff_name=self.plaintiff_name.text(),
            plaintiff_gender=chosen(self.plaintiff_gender),
            plaintiff_age=int(age) if age else None,
            plaintiff_ethnicity=self.plaintiff_ethnicity.text(),
            plaintiff_occupation=self.plaintiff_occupation.text(),
            plaintiff_employer=self.plaintiff_employer.text(),
            plaintiff_address=self.plaintiff_address.text(),
            plaintiff_contact=self.plaintiff_contact.text(),
            defendant_kind=chosen(self.defendant_kind),
            defendant_name=self.defendant_name.text(),
            defendant_gender=chosen(self.defendant_gender) if person else "",
            defendant_employer=self.defendant_employer.text(),
            defendant_address=self.defendant_address.text(),
            claims=self.claims.toPlainText(),
            facts_reasons=self.facts_reasons.toPlainText(),
            evidence=self.evidence.toPlainText(),
            evidence_source=self.evidence_source.text(),
            witnesses=self.witnesses.text(),
        )


@dataclass(frozen=True)
class MediationEntry:
    held_on: dt.date
    mediator: str
    result: str
    note: str


class MediationDialog(CourtForm):
    """One mediation attempt at the file's present stage: date, mediator, result. The mediator
    is chosen from the court's ``staff``, or typed (a people's mediator from outside)."""

    def __init__(
        self,
        label: str,
        stage_name: str,
        today: dt.date,
        parent: QWidget,
        staff: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mediation in {label}").format(label=label))
        self.save_button.setText(self.tr("&Save"))
        self.held_on = date_edit(today, latest=today)
        self.mediator = QComboBox()
        self.mediator.setEditable(True)
        self.mediator.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.mediator.addItems(list(staff))
        # Nobody is chosen for the clerk: the field starts empty, the staff one key away.
        self.mediator.setCurrentIndex(-1)
        self.mediator.setToolTip(self.tr("Choose one of the court's staff, or type a name"))
        self.result_choice = choices(list(MEDIATION_RESULT_NAMES.items()), self.tr("(choose)"))
        self.note = text_box()
        form = QFormLayout(self)
        form.addRow(self.problem_label)
        form.addRow(QLabel(self.tr("At the {stage} stage").format(stage=stage_name)))
        form.addRow(self.tr("&Date"), self.field("held_on", self.held_on))
        form.addRow(self.tr("&Mediator"), self.field("mediator", self.mediator))
        form.addRow(self.tr("&Result"), self.field("result", self.result_choice))
        form.addRow(self.tr("&Note"), self.field("note", self.note))
        form.addRow(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.mediator.setFocus()

    def value(self) -> MediationEntry:
        return MediationEntry(
            held_on=to_date(self.held_on),
            mediator=self.mediator.currentText(),
            result=chosen(self.result_choice),
            note=self.note.toPlainText(),
        )


@dataclass(frozen=True)
class HearingEntry:
    starts_at: dt.datetime
    kind: str
    place: str
    note: str


class HearingDialog(CourtForm):
    """A date on the court's calendar: a hearing, a mediation session, a pronouncement."""

    def __init__(self, label: str, place: str, starts_at: dt.datetime, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Schedule a hearing of {label}").format(label=label))
        self.save_button.setText(self.tr("&Schedule"))
        self.starts_at = QDateTimeEdit(
            QDateTime(to_qdate(starts_at.date()), QTime(starts_at.hour, starts_at.minute))
        )
        self.starts_at.setCalendarPopup(True)
        self.starts_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.kind = choices(list(HEARING_KIND_NAMES.items()))
        self.place = QLineEdit(place)
        self.note = text_box(2)
        form = QFormLayout(self)
        form.addRow(self.problem_label)
        form.addRow(self.tr("&When"), self.field("starts_at", self.starts_at))
        form.addRow(self.tr("&Kind"), self.field("kind", self.kind))
        form.addRow(self.tr("&Place"), self.field("place", self.place))
        form.addRow(self.tr("&Note"), self.field("note", self.note))
        form.addRow(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.starts_at.setFocus()

    def value(self) -> HearingEntry:
        when = self.starts_at.dateTime()
        day, time = when.date(), when.time()
        return HearingEntry(
            starts_at=dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute()),
            kind=chosen(self.kind),
            place=self.place.text(),
            note=self.note.toPlainText(),
        )


class OutcomeDialog(CourtForm):
    """Close the file: mediated, judicially confirmed, withdrawn, judgment or dismissed."""

    def __init__(self, label: str, registered: bool, today: dt.date, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close {label}").format(label=label))
        self.save_button.setText(self.tr("&Close the file"))
        # A file still at reception can only end with an agreement performed at once.
        offered = tuple(CourtOutcome) if registered else (CourtOutcome.MEDIATED,)
        self.outcome = choices([(o, OUTCOME_NAMES[o]) for o in offered])
        self.closed_on = date_edit(today, latest=today)
        forms = MEDIATION_FORM_NAMES.items()
        self.form = choices(
            [(code, name) for code, name in forms if registered or code != BY_DOCUMENT]
        )
        self.applied_on = date_edit(today, latest=today)
        self.elsewhere = QCheckBox(
            self.tr("The agreement was reached elsewhere (a people's mediation committee)")
        )
        self.agreement_on = date_edit(today, latest=today)
        self.agreement_on.setEnabled(False)
        self.elsewhere.toggled.connect(self.agreement_on.setEnabled)
        self.terms = text_box(4)
        self.terms.setPlaceholderText(self.tr("The terms agreed, one per line"))
        self.note = text_box(2)

        mediated = QWidget()
        m_form = QFormLayout(mediated)
        m_form.setContentsMargins(0, 0, 0, 0)
        m_form.addRow(self.tr("&How"), self.field("form", self.form))
        confirmed = QWidget()
        c_form = QFormLayout(confirmed)
        c_form.setContentsMargins(0, 0, 0, 0)
        rule = QLabel(
            self.tr(
                "Judicial confirmation must be applied for within 30 days of the agreement; "
                "the agreement is the file's latest one unless it was reached elsewhere."
            )
        )
        rule.setWordWrap(True)
        c_form.addRow(rule)
        c_form.addRow(self.tr("&Applied on"), self.field("applied_on", self.applied_on))
        c_form.addRow(self.elsewhere)
        c_form.addRow(self.tr("A&greement of"), self.field("agreement_on", self.agreement_on))
        self.details = QStackedWidget()
        self.details.addWidget(mediated)
        self.details.addWidget(confirmed)
        self.details.addWidget(QWidget())
        self.terms_row = self.field("terms", self.terms)
        self.terms_label = QLabel(self.tr("&Terms"))
        self.terms_label.setBuddy(self.terms_row)

        form = QFormLayout(self)
        form.addRow(self.problem_label)
        form.addRow(self.tr("&Outcome"), self.field("outcome", self.outcome))
        form.addRow(self.tr("Closed o&n"), self.field("closed_on", self.closed_on))
        form.addRow(self.details)
        form.addRow(self.terms_label, self.terms_row)
        form.addRow(self.tr("No&te"), self.field("note", self.note))
        form.addRow(self.buttons)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.outcome.setFocus()

    def _outcome_changed(self) -> None:
        outcome = chosen(self.outcome)
        pages: dict[str, int] = {CourtOutcome.MEDIATED: 0, CourtOutcome.CONFIRMED: 1}
        self.details.setCurrentIndex(pages.get(outcome, 2))
        agreed = outcome in (CourtOutcome.MEDIATED, CourtOutcome.CONFIRMED)
        self.terms_label.setVisible(agreed)
        self.terms_row.setVisible(agreed)

    def value(self) -> Closing:
        outcome = chosen(self.outcome)
        closed_on, note = to_date(self.closed_on), self.note.toPlainText()
        if outcome == CourtOutcome.MEDIATED:
            return Closing(
                outcome, closed_on, note, form=chosen(self.form), terms=self.terms.toPlainText()
            )
        if outcome == CourtOutcome.CONFIRMED:
            return Closing(
                outcome,
                closed_on,
                note,
                terms=self.terms.toPlainText(),
                applied_on=to_date(self.applied_on),
                agreement_on=to_date(self.agreement_on) if self.elsewhere.isChecked() else None,
            )
        return Closing(outcome, closed_on, note)


@dataclass(frozen=True)
class EnforcementEntry:
    applied_on: dt.date
    applicant: str
    note: str


class EnforcementDialog(CourtForm):
    """An application for enforcement of what the file ended with."""

    def __init__(self, label: str, applicant: str, today: dt.date, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enforcement of {label}").format(label=label))
        self.save_button.setText(self.tr("&Record"))
        self.applied_on = date_edit(today, latest=today)
        self.applicant = QLineEdit(applicant)
        self.note = text_box()
        form = QFormLayout(self)
        form.addRow(self.problem_label)
        form.addRow(self.tr("&Applied on"), self.field("applied_on", self.applied_on))
        form.addRow(self.tr("Appl&icant"), self.field("applicant", self.applicant))
        form.addRow(self.tr("&Note"), self.field("note", self.note))
        form.addRow(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.applicant.setFocus()

    def value(self) -> EnforcementEntry:
        return EnforcementEntry(
            applied_on=to_date(self.applied_on),
            applicant=self.applicant.text(),
            note=self.note.toPlainText(),
        )
