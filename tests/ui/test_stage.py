"""The stage: views built once, faulty panels fenced off, settled pictures reused."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter

from kiosk.ui import stage as stage_module
from kiosk.ui.render import render_panel_image
from kiosk.ui.stage import Stage, Stages
from tests.support import as_source, titles_content

SIZE = (320, 180)


def paint(stage: Stage, index: int, t: float, language: str = "en") -> tuple[bool, QImage]:
    image = QImage(*SIZE, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    ok = stage.paint(painter, QRectF(0, 0, *SIZE), index, language, t)
    painter.end()
    return ok, image


def background(stage: Stage) -> QImage:
    image = QImage(*SIZE, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    stage.paint_background(painter, QRectF(0, 0, *SIZE))
    painter.end()
    return image


def test_views_are_built_once_per_panel_and_language(qapp) -> None:
    stage = Stage(titles_content(), Path("."))
    assert stage.count == 3 and stage.take_failures() == []
    assert stage.view(0, "en") is stage.view(0, "en")
    assert stage.view(0, "en") is not stage.view(0, "fr")
    assert stage.view(1, "fr").visible_texts() == ["beta FR"]


def test_a_panel_that_cannot_be_built_is_fenced_off_and_logged(qapp, monkeypatch, caplog) -> None:
    real = stage_module.build_view

    def build(panel, ctx):
        if panel.id == "beta":
            raise ValueError("no view for you")
        return real(panel, ctx)

    monkeypatch.setattr(stage_module, "build_view", build)
    stage = Stage(titles_content(), Path("."))
    with caplog.at_level(logging.ERROR, logger="kiosk.ui.stage"):
        ok, image = paint(stage, 1, 5.0)
    assert not ok
    assert image == background(stage)
    assert stage.take_failures() == [1]
    assert stage.take_failures() == []  # each failure is reported once
    assert stage.settle_seconds(1, "en") == 0.0
    assert any("could not be built" in r.getMessage() for r in caplog.records)


def test_a_panel_that_fails_to_paint_shows_the_background(qapp, monkeypatch, caplog) -> None:
    stage = Stage(titles_content(), Path("."))
    monkeypatch.setattr(stage.view(2, "en"), "paint", lambda *a: 1 / 0)
    with caplog.at_level(logging.ERROR, logger="kiosk.ui.stage"):
        ok, image = paint(stage, 2, 0.1)
    assert not ok and image == background(stage)
    assert stage.take_failures() == [2] and stage.view(2, "en") is None
    assert "ZeroDivisionError" in caplog.text


def test_a_settled_panel_paints_what_render_paints(qapp) -> None:
    content = titles_content()
    stage = Stage(content, Path("."))
    ok, image = paint(stage, 0, 100.0)
    assert ok
    expected = render_panel_image(content, Path("."), 0, SIZE, "en")
    assert image.copy(0, 0, SIZE[0], 140) == expected.copy(0, 0, SIZE[0], 140)


def test_moving_panels_differ_from_settled_ones(qapp) -> None:
    stage = Stage(titles_content(), Path("."))
    assert paint(stage, 0, 0.05)[1] != paint(stage, 0, 100.0)[1]


def test_snapshots_reuse_the_settled_picture(qapp) -> None:
    stage = Stage(titles_content(), Path("."))
    first = stage.snapshot(0, "en", QSize(*SIZE), 50.0)
    again = stage.snapshot(0, "en", QSize(*SIZE), 60.0)
    assert first.cacheKey() == again.cacheKey()
    assert first.size() == QSize(*SIZE)
    moving = stage.snapshot(0, "en", QSize(*SIZE), 0.05)
    assert moving.toImage() != first.toImage()


def test_reduced_motion_settles_at_once(qapp) -> None:
    stage = Stage(titles_content(reduced_motion=True), Path("."))
    assert stage.settle_seconds(0, "en") == 0.0
    assert paint(stage, 0, 0.0)[1] == paint(stage, 0, 100.0)[1]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_language_paints(qapp, language) -> None:
    stage = Stage(titles_content(), Path("."))
    ok, image = paint(stage, 0, 100.0, language)
    assert ok and image != background(stage)


# frame caches (issue 7): kept while a panel animates, let go once it has settled -----
BIG = (1920, 1080)  # titles big enough to be drawn from sprites


def paint_big(stage: Stage, index: int, t: float) -> QImage:
    image = QImage(*BIG, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    stage.paint(painter, QRectF(0, 0, *BIG), index, "en", t)
    painter.end()
    return image


def sprites(stage: Stage, index: int) -> dict:
    return stage.view(index, "en").layout(QRectF(0, 0, *BIG)).sprites


def test_the_cached_background_is_the_painted_one(qapp) -> None:
    stage = Stage(titles_content(), Path("."))
    painted = background(stage)
    paint(stage, 0, 0.3)  # an animating frame caches the background
    assert stage._background.key is not None
    assert background(stage) == painted


def test_animating_frames_keep_their_caches_until_the_panel_settles(qapp) -> None:
    stage = Stage(titles_content(), Path("."))
    paint_big(stage, 0, 0.3)
    assert stage._background.key is not None and set(sprites(stage, 0)) == {"headline"}
    paint_big(stage, 0, 100.0)
    assert stage._background.key is None and sprites(stage, 0) == {}


def test_a_snapshot_for_a_transition_caches_no_background(qapp) -> None:
    stage = Stage(titles_content(), Path("."))
    stage.snapshot(1, "en", QSize(*SIZE), 0.0)
    assert stage._background.key is None


def test_the_settled_picture_goes_when_another_panel_animates(qapp) -> None:
    stage = Stage(titles_content(), Path("."))
    outgoing = stage.snapshot(0, "en", QSize(*SIZE), 50.0)
    paint(stage, 1, 0.3)
    assert stage._settled.key is None
    assert not outgoing.isNull()  # a transition still holding it keeps it


# the stages of several content versions -------------------------------------------------
def test_stages_are_found_by_content_version_and_let_go_when_unused(qapp) -> None:
    stages = Stages()
    old, new = as_source(titles_content()), as_source(titles_content())
    assert stages.stage_for(old) is stages.stage_for(old)
    assert stages.stage_for(old) is not stages.stage_for(new)  # equal, but another version
    kept = stages.stage_for(new)
    stages.retain([new])
    assert stages.stage_for(new) is kept
    assert stages.settle_seconds(new, 0, "en") == kept.settle_seconds(0, "en") > 0


def test_stages_report_failures_with_their_content_version(qapp, monkeypatch) -> None:
    stages = Stages()
    source = as_source(titles_content())
    stage = stages.stage_for(source)
    monkeypatch.setattr(stage.view(1, "en"), "paint", lambda *a: 1 / 0)
    image = QImage(*SIZE, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    stage.paint(painter, QRectF(0, 0, *SIZE), 1, "en", 0.1)
    painter.end()
    assert stages.take_failures() == [(source, 1)]
    assert stages.take_failures() == []
