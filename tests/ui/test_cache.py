"""The one cache slot every picture and layout cache uses."""

from __future__ import annotations

from kiosk.ui.drawing.cache import Cached


def test_a_slot_builds_once_per_key_and_rebuilds_for_another() -> None:
    built: list[str] = []
    slot: Cached[tuple[int, int], str] = Cached()

    def build(text: str) -> str:
        built.append(text)
        return text

    assert slot.key is None and slot.value is None
    assert slot.get((640, 360), lambda: build("small")) == "small"
    assert slot.get((640, 360), lambda: build("again")) == "small"
    assert slot.peek((640, 360)) == "small" and slot.peek((1920, 1080)) is None
    assert slot.get((1920, 1080), lambda: build("large")) == "large"
    assert built == ["small", "large"]
    assert (slot.key, slot.value) == ((1920, 1080), "large")


def test_drop_lets_the_value_go() -> None:
    slot: Cached[int, str] = Cached()
    slot.get(1, lambda: "one")
    slot.drop()
    assert slot.key is None and slot.peek(1) is None
    assert slot.get(1, lambda: "built again") == "built again"
