"""The administrator's two-level content category list (内容分类) and filing a visit's matter
under one of its categories, so the figures can count items by what they are about."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.figure_models import ContentCategory, VisitCategory
from db.models import Visit
from hall.errors import InvalidInput, NotFound

MAX_NAME = 64


def add_category(session: Session, name: str, parent_id: int | None = None) -> ContentCategory:
    """Add a category, or under ``parent_id`` a subcategory (the list has two levels)."""
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise InvalidInput(f"请填写分类名称（1 至 {MAX_NAME} 个字）。", "name")
    if parent_id is not None:
        parent = session.get(ContentCategory, parent_id)
        if parent is None:
            raise NotFound(f"找不到编号为 {parent_id} 的一级分类。")
        if parent.parent_id is not None:
            raise InvalidInput(
                "内容分类只有两级：二级分类下不能再添加分类，请选择一级分类。", "parent"
            )
    taken = session.scalar(
        select(ContentCategory.id).where(
            ContentCategory.name == name,
            ContentCategory.parent_id.is_(None)
            if parent_id is None
            else ContentCategory.parent_id == parent_id,
        )
    )
    if taken is not None:
        raise InvalidInput(f"同一级下已有名为“{name}”的分类，请换一个名称。", "name")
    category = ContentCategory(name=name, parent_id=parent_id, active=True, sort_order=0)
    session.add(category)
    session.flush()
    return category


def categories(session: Session, active_only: bool = True) -> Sequence[ContentCategory]:
    stmt = select(ContentCategory).order_by(
        ContentCategory.sort_order, ContentCategory.parent_id.nulls_first(), ContentCategory.id
    )
    if active_only:
        stmt = stmt.where(ContentCategory.active)
    return session.scalars(stmt).all()


def file_visit(session: Session, visit_id: int, category_id: int) -> None:
    """File a visit's matter under a category, replacing any earlier filing."""
    if session.get(Visit, visit_id) is None:
        raise NotFound(f"找不到编号为 {visit_id} 的来访登记。")
    category = session.get(ContentCategory, category_id)
    if category is None or not category.active:
        raise InvalidInput("所选内容分类不存在或已停用，请重新选择。", "category")
    filed = session.get(VisitCategory, visit_id)
    if filed is None:
        session.add(VisitCategory(visit_id=visit_id, category_id=category_id))
    else:
        filed.category_id = category_id
    session.flush()
