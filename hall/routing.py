"""Which window a visit should go to: a suggestion the receptionist may override.

The rules follow the hall's division of work (DOMAIN.md): litigation goes to the legal window
(and on to the court), complaints about officials to efficiency supervision, letters to the
letters/cases window, hardship to aid, opinions to public opinion, policy questions to publicity.
"""

from __future__ import annotations

from dataclasses import dataclass

HARDSHIP_WORDS = (
    "低保", "救助", "困难", "救济", "残疾", "重病", "大病", "医疗费", "住房", "危房", "失业",
    "就业", "助学", "学费", "特困", "孤寡", "生活费", "取暖",
)  # fmt: skip
OFFICIAL_WORDS = (
    "推诿", "不作为", "乱作为", "刁难", "吃拿卡要", "态度恶劣", "拖延", "办事难", "干部",
    "工作人员", "作风", "效能",
)  # fmt: skip
LEGAL_WORDS = (
    "起诉", "诉讼", "法院", "判决", "仲裁", "合同", "欠款", "借款", "工资", "赔偿", "离婚",
    "继承", "律师", "法律援助", "纠纷",
)  # fmt: skip
POLICY_WORDS = ("政策", "医保", "社保", "养老保险", "怎么办理", "如何办理", "宣传")


@dataclass(frozen=True)
class Suggestion:
    window: str
    reason: str


def _hit(text: str, words: tuple[str, ...]) -> str | None:
    return next((w for w in words if w in text), None)


def suggest_window(
    purpose: str, channel: str, litigation: bool, text: str, leader_reception: bool = False
) -> Suggestion:
    """The window to suggest, with the reason shown to the receptionist."""
    if litigation:
        return Suggestion("legal", "涉法涉诉，先到法律服务窗口，需诉讼的移交巡回法庭")
    if leader_reception:
        return Suggestion("talk", "领导接访，由交流谈心窗口安排")
    if channel == "letter":
        return Suggestion("letters", "来信由办信办案窗口登记办理")
    if word := _hit(text, OFFICIAL_WORDS):
        return Suggestion("supervision", f"反映干部作风或办事效能（“{word}”）")
    if purpose == "report":
        return Suggestion("supervision", "揭发控告，由效能监察窗口受理")
    if word := _hit(text, HARDSHIP_WORDS):
        return Suggestion("aid", f"生活困难求助（“{word}”）")
    if word := _hit(text, LEGAL_WORDS):
        return Suggestion("legal", f"涉及法律问题（“{word}”）")
    if purpose == "opinion":
        return Suggestion("opinion", "意见建议，由社情民意窗口收集")
    if purpose == "inquiry" and (word := _hit(text, POLICY_WORDS)):
        return Suggestion("publicity", f"政策咨询（“{word}”）")
    if purpose == "appeal":
        return Suggestion("letters", "申诉，由办信办案窗口按信访事项办理")
    if purpose == "inquiry":
        return Suggestion("publicity", "一般咨询，由宣传教育窗口解答")
    return Suggestion("talk", "先由交流谈心窗口了解情况")
