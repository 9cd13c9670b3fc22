"""The operator's PIN pad as state, on a fake clock: typing, wrong PINs, lockout, timeouts."""

from __future__ import annotations

import pytest

from kiosk.core.show.pinpad import (
    MAX_DIGITS,
    SHAKE_SECONDS,
    UNTOUCHED_SECONDS,
    WRONG_SECONDS,
    PinPad,
)
from kiosk.core.show.timing import FRAME_SECONDS

PIN = "2468"


class Pad:
    """A pad with what it reported."""

    def __init__(self, reduced_motion: bool = False) -> None:
        self.accepted = 0
        self.records: list[tuple[str, float]] = []
        self.pad = PinPad(PIN, self.accept, lambda d, t: self.records.append((d, t)),
                          reduced_motion)

    def accept(self) -> None:
        self.accepted += 1

    def type(self, keys: str, now: float) -> None:
        for key in keys:
            self.pad.activate(key, now)
        self.pad.activate("ok", now)


@pytest.fixture
def pad() -> Pad:
    made = Pad()
    made.pad.open(0.0, "en")
    return made


def test_the_right_pin_accepts_and_closes(pad: Pad) -> None:
    pad.type(PIN, 1.0)
    assert pad.accepted == 1 and not pad.pad.is_open
    assert pad.records == [("ok", 1.0)]


def test_keys_act_on_release_over_the_key_pressed(pad: Pad) -> None:
    pad.pad.press("7", 1.0)
    assert pad.pad.state(1.0).pressed == "7"
    pad.pad.release("8", 1.1)  # slid off onto another key: nothing typed
    assert pad.pad.state(1.1).digit_count == 0
    pad.pad.press("7", 1.2)
    pad.pad.release("7", 1.3)
    assert pad.pad.state(1.3).digit_count == 1 and pad.pad.state(1.3).pressed is None
    pad.pad.press(None, 1.4)  # beside the keys
    assert pad.pad.state(1.4).pressed is None


def test_backspace_and_the_digit_limit(pad: Pad) -> None:
    for _ in range(MAX_DIGITS + 3):
        pad.pad.activate("1", 1.0)
    assert pad.pad.state(1.0).digit_count == MAX_DIGITS
    pad.pad.activate("back", 1.0)
    assert pad.pad.state(1.0).digit_count == MAX_DIGITS - 1


def test_ok_responds_only_once_digits_are_entered(pad: Pad) -> None:
    assert "ok" not in pad.pad.state(1.0).enabled
    pad.pad.activate("ok", 1.0)
    assert pad.records == []
    pad.pad.activate("3", 1.0)
    assert "ok" in pad.pad.state(1.0).enabled


def test_a_wrong_pin_shakes_shows_a_message_then_closes(pad: Pad) -> None:
    pad.type("1111", 1.0)
    state = pad.pad.state(1.1)
    assert state.wrong and state.message == "Wrong PIN"
    assert state.enabled == frozenset({"cancel"})  # the way back is always open
    assert state.shake == pytest.approx(0.1)
    assert pad.pad.tick(1.1) == pytest.approx(1.1 + FRAME_SECONDS)  # the shake moves
    assert pad.pad.state(1.0 + SHAKE_SECONDS).shake is None
    assert pad.pad.tick(1.0 + SHAKE_SECONDS) == 1.0 + WRONG_SECONDS  # still until it closes
    assert pad.pad.tick(1.0 + WRONG_SECONDS) is None and not pad.pad.is_open
    assert pad.records == [("wrong", 1.0)] and pad.accepted == 0


def test_reduced_motion_does_not_shake() -> None:
    made = Pad(reduced_motion=True)
    made.pad.open(0.0, "en")
    made.type("1111", 1.0)
    assert made.pad.state(1.1).shake is None
    assert made.pad.tick(1.1) == 1.0 + WRONG_SECONDS


def test_five_wrong_pins_lock_the_pad_for_a_minute() -> None:
    made = Pad()
    now = 0.0
    for _ in range(5):
        made.pad.open(now, "fr")
        made.type("0000", now)
        now += WRONG_SECONDS
        made.pad.tick(now)
    made.pad.open(now, "fr")
    assert made.pad.message(now) == "Verrouillé : réessayez dans 59 s"
    made.type(PIN, now)  # refused: the digits cannot even be typed
    assert made.accepted == 0
    due = made.pad.tick(now + 0.3)  # the locked line counts down: ticks each second
    assert due is not None and now + 0.3 < due <= now + 1.3
    assert made.pad.message(due) == "Verrouillé : réessayez dans 58 s"
    made.pad.activate("cancel", now + 60)
    made.pad.open(now + 60, "fr")
    made.type(PIN, now + 60)
    assert made.accepted == 1
    assert [detail for detail, _ in made.records] == ["wrong"] * 5 + ["locked", "ok"]


def test_an_untouched_pad_closes(pad: Pad) -> None:
    assert pad.pad.tick(UNTOUCHED_SECONDS - 1) == UNTOUCHED_SECONDS
    pad.pad.activate("5", UNTOUCHED_SECONDS - 1)
    assert pad.pad.tick(2 * UNTOUCHED_SECONDS - 2) == 2 * UNTOUCHED_SECONDS - 1
    assert pad.pad.tick(2 * UNTOUCHED_SECONDS - 1) is None and not pad.pad.is_open


def test_cancel_closes_and_forgets_the_digits(pad: Pad) -> None:
    pad.pad.activate("2", 1.0)
    pad.pad.activate("cancel", 1.0)
    assert not pad.pad.is_open
    pad.pad.open(2.0, "en")
    assert pad.pad.state(2.0).digit_count == 0
    assert pad.pad.tick(2.0) == 2.0 + UNTOUCHED_SECONDS


def test_a_closed_pad_ignores_keys_and_needs_no_ticks() -> None:
    made = Pad()
    made.pad.activate("1", 0.0)
    assert made.pad.tick(0.0) is None
    made.pad.open(1.0, "en")
    assert made.pad.state(1.0).digit_count == 0


def test_a_new_pin_takes_effect_and_an_unchanged_one_keeps_the_lockout() -> None:
    made = Pad()
    for _ in range(5):
        made.pad.open(0.0, "en")
        made.type("0000", 0.0)
        made.pad.tick(WRONG_SECONDS)
    made.pad.configure(PIN, reduced_motion=False)  # a reload with the same PIN
    made.pad.open(2.0, "en")
    assert made.pad.message(2.0) is not None  # still locked
    made.pad.configure("1357", reduced_motion=False)
    made.pad.open(3.0, "en")
    made.type("1357", 3.0)
    assert made.accepted == 1
