"""The calling display's voice, notice line and duty leader, on both engines: Qt's ``mock``
speech engine hears each call made by another process, twice, and again on a recall; a display
without a speech engine says so once and keeps showing calls."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.display import CallingDisplay
from desktop.display_settings_page import HallDisplaySettingsDialog
from desktop.voice import SILENT, TIMES, Voice, announcement, unknown_placeholders
from hall import clock, queue, roster, settings
from kit.context import AppContext, HallEvents
from kit.live import LiveFeed
from tests.desktop.conftest import HALL_ADMIN, type_text
from tests.desktop.test_chinese_on_screen import english_words

pytestmark = pytest.mark.usefixtures("chinese")

SENTENCE = "请 A017 号 到 法律服务 窗口"


class Heard:
    """What the mock engine was given to say, and the words it then said, utterance by
    utterance (the engine numbers utterances afresh each time its queue empties)."""

    def __init__(self, voice: Voice) -> None:
        assert voice.speech is not None and voice.speech.engine() == "mock"
        self.speech = voice.speech
        self.given: list[str] = []
        self.utterances: list[list[tuple[str, int, int]]] = []
        enqueue = self.speech.enqueue

        def recording_enqueue(text: str) -> int:
            self.given.append(text)
            return enqueue(text)

        self.speech.enqueue = recording_enqueue  # type: ignore[method-assign]
        self.speech.aboutToSynthesize.connect(self._started)
        self.speech.sayingWord.connect(self._said_word)

    def _started(self, _utterance: int) -> None:
        self.utterances.append([])

    def _said_word(self, word: str, _utterance: int, start: int, length: int) -> None:
        self.utterances[-1].append((word, start, length))

    def done(self, utterances: int) -> bool:
        return (
            len(self.utterances) == utterances and self.speech.state() == QTextToSpeech.State.Ready
        )

    def said(self) -> list[str]:
        """Each utterance as the engine spoke it: the words it reported, placed where it
        reported them in the text it was given."""
        for words, text in zip(self.utterances, self.given, strict=True):
            assert words, "the engine said nothing of it"
            for word, start, length in words:
                assert text[start : start + length] == word
        return list(self.given)


def hall_admin(database: Database, *argv: str) -> None:
    """Act from another OS process, as a window's workstation or a hardware caller does."""
    subprocess.run(
        [HALL_ADMIN, "--db", database.url, *argv], capture_output=True, check=True, timeout=120
    )


@pytest.fixture
def feed(hall_db: Database, hall_events: HallEvents, qtbot: QtBot) -> Iterator[LiveFeed]:
    feed = LiveFeed(hall_db, hall_events)
    feed.start()
    qtbot.waitUntil(lambda: feed.online, timeout=5000)
    yield feed
    feed.stop()


def open_display(
    qtbot: QtBot,
    database: Database,
    events: HallEvents,
    windows: list[str] | None = None,
    engine: str = "mock",
) -> CallingDisplay:
    voice = Voice(engine)
    display = CallingDisplay(database, events, windows, voice)
    voice.setParent(display)
    qtbot.addWidget(display)
    display.resize(1920, 1080)
    display.show()
    qtbot.waitExposed(display)
    return display


def seventeenth_waits(database: Database) -> None:
    """A017 is next at the legal window (the sixteen before it were cancelled)."""
    with database.write() as s:
        tickets = [queue.issue_ticket(s, "legal") for _ in range(17)]
        for ticket in tickets[:16]:
            queue.cancel(s, ticket.id)


def test_the_template_is_filled_in() -> None:
    template = settings.CALL_ANNOUNCEMENT.default
    assert announcement(template, "A017", "法律服务", "一楼 1 号窗口") == SENTENCE
    assert (
        announcement("{number} 号请到 {location}（{window}）{seat}", "B002", "交流谈心", "一楼")
        == "B002 号请到 一楼（交流谈心）{seat}"
    )
    assert unknown_placeholders("请 {number} 号 {seat} {}") == ["{seat}", "{}"]


@pytest.mark.usefixtures("feed")
def test_a_call_from_another_process_is_said_twice_and_a_recall_again(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    seventeenth_waits(hall_db)
    display = open_display(qtbot, hall_db, hall_events)
    assert display.voice is not None
    # The mock engine has no Chinese voice: the display says so once, and still speaks.
    assert display.note.isVisible()
    assert "没有普通话语音" in display.note.text()
    heard = Heard(display.voice)

    hall_admin(hall_db, "queue", "call", "--window", "legal", "--seat", "1")
    qtbot.waitUntil(lambda: display.tiles["legal"].number.text() == "A017", timeout=3000)
    qtbot.waitUntil(lambda: heard.done(TIMES), timeout=5000)
    assert heard.said() == [SENTENCE, SENTENCE]
    # The number is a word of its own to the engine, where the sentence has it.
    assert all(("A017", 2, 4) in words for words in heard.utterances)

    hall_admin(hall_db, "queue", "recall", "--ticket", "A017")
    qtbot.waitUntil(lambda: heard.done(2 * TIMES), timeout=5000)
    assert heard.said() == [SENTENCE] * 4
    assert display.tiles["legal"].number.text() == "A017"


@pytest.mark.usefixtures("feed")
def test_the_admins_template_and_notice_reach_the_displays_at_once(
    hall_db: Database, admin_ctx: AppContext, hall_events: HallEvents, qtbot: QtBot
) -> None:
    seventeenth_waits(hall_db)
    display = open_display(qtbot, hall_db, hall_events)
    assert display.voice is not None
    heard = Heard(display.voice)
    assert not display.notice.isVisible()

    dialog = HallDisplaySettingsDialog(hall_db, admin_ctx.user)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.template_edit.text() == settings.CALL_ANNOUNCEMENT.default
    dialog.template_edit.clear()
    type_text(qtbot, dialog.template_edit, "请 {number} 号 到 {location} {window}窗口 办理")
    assert dialog.sample_label.text() == "请 A017 号 到 一楼 1 号窗口 法律服务窗口 办理"
    type_text(qtbot, dialog.notice_edit, "今天下午三点起 便民巡回法庭 在二楼接待")
    with qtbot.waitSignal(display.refreshed, timeout=3000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert display.notice.isVisible()
    assert display.notice.text() == "今天下午三点起 便民巡回法庭 在二楼接待"

    with hall_db.write() as s:
        queue.call_next(s, "legal")
    qtbot.waitUntil(lambda: heard.done(TIMES), timeout=5000)
    assert heard.said() == ["请 A017 号 到 一楼 1 号窗口 法律服务窗口 办理"] * 2


def test_a_template_with_unknown_placeholders_is_refused(
    hall_db: Database, admin_ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = HallDisplaySettingsDialog(hall_db, admin_ctx.user)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.template_edit.setText("请 {number} 号 到 {seat} 号座")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()
    assert dialog.message_label.text() == (
        "播报语只能使用 {number}、{window} 和 {location}，不能使用：{seat}"
    )
    with hall_db.read() as s:
        assert settings.get(s, settings.CALL_ANNOUNCEMENT) == settings.CALL_ANNOUNCEMENT.default


@pytest.mark.usefixtures("feed")
def test_a_display_of_some_windows_says_only_their_calls(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    with hall_db.write() as s:
        queue.issue_ticket(s, "aid")
        queue.issue_ticket(s, "legal")
    display = open_display(qtbot, hall_db, hall_events, ["legal"])
    assert display.voice is not None
    heard = Heard(display.voice)
    with hall_db.write() as s:
        queue.call_next(s, "aid")
    with hall_db.write() as s:
        queue.call_next(s, "legal")
    qtbot.waitUntil(lambda: heard.done(TIMES), timeout=5000)
    assert heard.said() == ["请 A001 号 到 法律服务 窗口"] * 2
    assert list(display.tiles) == ["legal"]


@pytest.mark.usefixtures("feed")
def test_without_a_speech_engine_the_display_says_so_once_and_shows_calls(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    with hall_db.write() as s:
        queue.issue_ticket(s, "legal")
        queue.issue_ticket(s, "legal")
    told: list[str] = []
    voice = Voice("no-such-engine")
    voice.unavailable.connect(told.append)
    display = CallingDisplay(hall_db, hall_events, voice=voice)
    qtbot.addWidget(display)
    display.resize(1920, 1080)
    display.show()
    qtbot.waitExposed(display)
    assert voice.speech is None
    assert told == ["本机没有安装语音引擎“no-such-engine”：叫号只显示，不播报。"]
    assert display.note.isVisible() and display.note.text() == told[0]
    tile = display.tiles["legal"]
    hall_admin(hall_db, "queue", "call", "--window", "legal")
    qtbot.waitUntil(lambda: tile.number.text() == "A001", timeout=3000)
    hall_admin(hall_db, "queue", "call", "--window", "legal")
    qtbot.waitUntil(lambda: tile.number.text() == "A002", timeout=3000)
    assert len(told) == 1


def test_a_display_told_to_be_silent_says_nothing_about_it(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    display = open_display(qtbot, hall_db, hall_events, engine=SILENT)
    assert display.voice is not None and display.voice.speech is None
    assert not display.note.isVisible()


def test_the_duty_leader_and_the_notice_are_shown_and_the_notice_scrolls(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    today = clock.now().date()
    with hall_db.write() as s:
        roster.set_duty_leader(s, today, "王建国", "副市长")
        settings.put(s, settings.DISPLAY_NOTICE, "请保管好随身物品。  领导接访日：每周三上午")
    display = open_display(qtbot, hall_db, hall_events, engine=SILENT)
    assert display.duty_leader.text() == "今日接访领导：王建国 副市长"
    assert display.notice.text() == "请保管好随身物品。 领导接访日：每周三上午"
    assert display.notice.isVisible()
    start = display.notice._offset
    qtbot.waitUntil(lambda: display.notice._offset < start - 20, timeout=3000)
    # Readable across the room: the notice is as large as the recent calls.
    assert display.notice.font().pixelSize() >= 30
    with hall_db.write() as s:
        settings.put(s, settings.DISPLAY_NOTICE, "")
    display.refresh()
    assert not display.notice.isVisible()


def test_nothing_is_shown_for_a_day_without_a_duty_leader(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    display = open_display(qtbot, hall_db, hall_events, engine=SILENT)
    assert display.duty_leader.text() == ""
    assert not display.duty_leader.isVisible()


def test_an_engine_that_fails_is_explained_in_chinese_on_the_wall(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    display = open_display(qtbot, hall_db, hall_events)
    voice = display.voice
    assert voice is not None and voice.speech is not None
    told: list[str] = []
    voice.unavailable.connect(told.append)
    voice.speech.errorOccurred.emit(
        QTextToSpeech.ErrorReason.Initialization, "Text to speech engine not initialized"
    )
    assert voice.speech is None
    assert told == [
        "语音引擎无法启动：叫号只显示，不播报。请管理员检查本机的语音服务，然后重新打开叫号屏。"
    ]
    assert display.note.text() == told[0] and not english_words(told[0])
