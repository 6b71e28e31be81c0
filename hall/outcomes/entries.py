"""What each window records of a service, and the checks of those records."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from db.models import Visit
from db.window_models import (
    CASE,
    COMPLAINT_KIND_NAMES,
    COURT,
    EXPLAINED,
    FOLLOW_UP,
    FORWARDED,
    MOOD_NAMES,
    POLICY_TOPICS,
    RESOLVED,
    ListItem,
)
from hall import aid, court, fields, opinions
from hall.errors import InvalidInput

PAGE = 100
HISTORY_LIMIT = 20


# ---------------------------------------------------------------------------------------------
# What each window records


@dataclass
class LegalEntry:
    question: str = ""
    laws: str = ""
    aid_office: str = ""
    litigation_advised: bool = False


@dataclass
class TalkEntry:
    received_by: str = ""
    mood_start: str = ""
    mood_end: str = ""
    agreed: str = ""


@dataclass
class PublicityEntry:
    topic_ids: list[int] = field(default_factory=list)
    material: str = ""
    people_reached: int = 1


@dataclass
class ComplaintEntry:
    kind: str = ""
    unit_id: int | None = None
    person: str = ""
    content: str = ""


WindowEntry = (
    LegalEntry | TalkEntry | opinions.OpinionEntry | aid.AidEntry | PublicityEntry | ComplaintEntry
)

# The window each record belongs to (the seeded codes); the others record the outcome only.
ENTRY_WINDOWS: dict[type[object], str] = {
    LegalEntry: "legal",
    TalkEntry: "talk",
    opinions.OpinionEntry: "opinion",
    aid.AidEntry: "aid",
    PublicityEntry: "publicity",
    ComplaintEntry: "supervision",
}
# The outcome a window's form starts with.
DEFAULT_OUTCOMES = {
    "legal": EXPLAINED,
    "talk": EXPLAINED,
    "opinion": FORWARDED,
    "aid": FORWARDED,
    "publicity": EXPLAINED,
    "supervision": CASE,
    "letters": CASE,
}
# Outcomes chosen when finishing (a transfer and a no-show have their own actions).
FINISHING = (RESOLVED, EXPLAINED, CASE, FORWARDED, COURT, FOLLOW_UP)


def outcomes_for(window_code: str) -> tuple[str, ...]:
    """The outcomes offered when finishing at a window (the court does not hand to itself)."""
    return tuple(o for o in FINISHING if not (o == COURT and window_code == court.COURT_WINDOW))


# Each record's texts and their rules, for the check and for storing them cleaned.
ENTRY_TEXTS: dict[type[object], tuple[tuple[str, fields.Text], ...]] = {
    LegalEntry: (
        ("question", fields.LEGAL_QUESTION),
        ("laws", fields.LAWS_EXPLAINED),
        ("aid_office", fields.AID_OFFICE),
    ),
    TalkEntry: (("received_by", fields.RECEIVED_BY), ("agreed", fields.AGREED)),
    PublicityEntry: (("material", fields.MATERIAL),),
    ComplaintEntry: (
        ("person", fields.COMPLAINT_PERSON),
        ("content", fields.COMPLAINT_CONTENT),
    ),
}


def cleaned_entry(entry: WindowEntry) -> WindowEntry:
    """The record with its texts as they are stored (checked before by the form's check)."""
    return fields.cleaned(entry, ENTRY_TEXTS.get(type(entry), ()))


def _check_entry(
    session: Session, entry: WindowEntry, visit: Visit | None, unit_id: int | None
) -> list[InvalidInput]:
    problems = fields.check_all(
        (rule, getattr(entry, name)) for name, rule in ENTRY_TEXTS.get(type(entry), ())
    )
    if isinstance(entry, TalkEntry):
        for mood, name in ((entry.mood_start, "mood_start"), (entry.mood_end, "mood_end")):
            if mood and mood not in MOOD_NAMES:
                problems.append(InvalidInput(f"情绪状态“{mood}”无效。", name))
    elif isinstance(entry, opinions.OpinionEntry):
        problems.extend(opinions.check(session, entry))
    elif isinstance(entry, aid.AidEntry):
        if visit is None:
            problems.append(InvalidInput("救助台账要记在来访人名下：请先在导访台登记。", "kind"))
        problems.extend(aid.check(session, entry))
    elif isinstance(entry, PublicityEntry):
        if not entry.topic_ids:
            problems.append(InvalidInput("请至少选择一项宣讲的政策。", "topics"))
        for topic_id in entry.topic_ids:
            topic = session.get(ListItem, topic_id)
            if topic is None or topic.list != POLICY_TOPICS or not topic.active:
                problems.append(InvalidInput("所选政策主题已停用，请重新选择。", "topics"))
        group = visit.group_size if visit else 1
        try:
            fields.check_number(fields.PEOPLE_REACHED, entry.people_reached)
        except InvalidInput as error:
            problems.append(error)
        if entry.people_reached < group:
            problems.append(
                InvalidInput(
                    f"本次是 {group} 人来访，宣传覆盖人数按每人计算，不能少于 {group} 人。",
                    "people_reached",
                )
            )
    elif isinstance(entry, ComplaintEntry):
        if visit is None:
            problems.append(
                InvalidInput("检举控告须记在登记的来访名下：请先在导访台登记。", "complaint_kind")
            )
        if entry.kind not in COMPLAINT_KIND_NAMES:
            problems.append(InvalidInput("请选择反映的问题类型。", "complaint_kind"))
        if entry.unit_id is None and not entry.person.strip():
            problems.append(fields.Missing(fields.COMPLAINT_PERSON.label, "person"))
        if entry.unit_id is not None and entry.unit_id == unit_id:
            problems.append(
                InvalidInput(
                    "不能把检举控告转交给被反映的单位（《信访工作条例》：不得将检举、揭发、"
                    "控告材料及有关情况透露或者转送给被检举、揭发、控告的人员和单位）。",
                    "unit",
                )
            )
    return problems
