"""The operator's PIN pad as state: the only way out of a locked-down kiosk.

Keys are names: ``"0"``..``"9"``, ``"back"``, ``"ok"`` and ``"cancel"``; the Qt
layer (`kiosk.ui.chrome.pinpad`) turns touches and physical keys into them and
paints `state(now)`. Entered digits are kept only as long as the pad is open and
never logged. A wrong PIN shows a message (the pad shakes) and closes the pad;
after five wrong PINs in a row `PinGate` locks it for a minute. An untouched pad
closes after 20 s.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.core.show.pin import PinGate, PinResult
from kiosk.core.show.strings import ui_text
from kiosk.core.show.timing import FRAME_SECONDS

log = logging.getLogger(__name__)

MAX_DIGITS = 8
UNTOUCHED_SECONDS = 20.0
WRONG_SECONDS = 1.2  # the "Wrong PIN" message stays this long before the pad closes
SHAKE_SECONDS = 0.5
KEY_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("back", "0", "ok"))
KEY_NAMES = (*(name for row in KEY_ROWS for name in row), "cancel")


@dataclass(frozen=True)
class PadState:
    """What the pad shows at one moment: what its painter needs, and nothing more.

    `shake` is the time since a wrong PIN while the pad shakes (None otherwise).
    """

    language: str
    digit_count: int  # shown as dots, never as digits
    pressed: str | None
    enabled: frozenset[str]  # the keys that respond now; the others are dimmed
    message: str | None
    wrong: bool  # the message is the wrong-PIN one, in red
    shake: float | None


class PinPad:
    """A modal PIN pad over the show.

    Parameters
    ----------
    pin : str
        The PIN that opens the way out (``settings.admin_pin``).
    on_accept : Callable[[], None]
        Called once the right PIN is entered (the app quits with code 0).
    record : Callable[[str, float], None]
        Records what happened (``"ok"``, ``"wrong"``, ``"locked"``) at a time.
    reduced_motion : bool
        No shake after a wrong PIN.
    """

    def __init__(
        self,
        pin: str,
        on_accept: Callable[[], None],
        record: Callable[[str, float], None],
        reduced_motion: bool = False,
    ) -> None:
        self.on_accept = on_accept
        self.record = record
        self.language = "en"
        self.pressed: str | None = None
        self.is_open = False
        self._digits = ""
        self._last_input = 0.0
        self._wrong_at: float | None = None
        self._pin = pin
        self._gate = PinGate(pin)
        self._reduced_motion = reduced_motion

    def configure(self, pin: str, reduced_motion: bool) -> None:
        """Take the content's PIN and motion setting (lockouts survive other reloads)."""
        if pin != self._pin:
            self._gate, self._pin = PinGate(pin), pin
        self._reduced_motion = reduced_motion

    # state ------------------------------------------------------------------------
    def message(self, now: float) -> str | None:
        """The line under the dots: wrong PIN, locked (with seconds left), or nothing."""
        if self._wrong_at is not None:
            return ui_text("pin_wrong", self.language)
        if self._gate.is_locked(now):
            left = math.ceil((self._gate.locked_until or now) - now)
            return ui_text("pin_locked", self.language, seconds=left)
        return None

    def state(self, now: float) -> PadState:
        """What the pad shows at `now`."""
        return PadState(
            language=self.language,
            digit_count=len(self._digits),
            pressed=self.pressed,
            enabled=frozenset(name for name in KEY_NAMES if self._enabled(name, now)),
            message=self.message(now),
            wrong=self._wrong_at is not None,
            shake=self._shake(now),
        )

    def _shake(self, now: float) -> float | None:
        """Seconds since the wrong PIN while the pad shakes; None otherwise."""
        if self._wrong_at is None or self._reduced_motion:
            return None
        elapsed = now - self._wrong_at
        return elapsed if elapsed < SHAKE_SECONDS else None

    # opening and closing ----------------------------------------------------------------
    def open(self, now: float, language: str) -> None:
        """Show the pad, empty, in `language` (the show's)."""
        self.language = language
        self._digits, self.pressed, self._wrong_at = "", None, None
        self.is_open = True
        self._last_input = now
        log.info("operator PIN pad opened")
        if self._gate.is_locked(now):
            log.warning("operator PIN pad is locked after repeated wrong PINs")
            self.record("locked", now)

    def close(self) -> None:
        """Hide the pad and forget what was typed."""
        self.is_open = False
        self._digits, self.pressed, self._wrong_at = "", None, None

    # input ------------------------------------------------------------------------------
    def press(self, key: str | None, now: float) -> None:
        """A finger went down on `key` (None: beside the keys): show it pressed."""
        self._last_input = now
        self.pressed = key if key is not None and self._enabled(key, now) else None

    def release(self, key: str | None, now: float) -> None:
        """The finger lifted over `key`: act if it is still the key pressed."""
        pressed, self.pressed = self.pressed, None
        self._last_input = now
        if pressed is not None and key == pressed:
            self.activate(pressed, now)

    def activate(self, name: str, now: float) -> None:
        """Do what key `name` means; a physical key comes straight here."""
        self._last_input = now
        if not self.is_open or not self._enabled(name, now):
            return
        if name == "cancel":
            log.info("operator PIN pad cancelled")
            self.close()
        elif name == "back":
            self._digits = self._digits[:-1]
        elif name == "ok":
            self._submit(now)
        elif len(self._digits) < MAX_DIGITS:
            self._digits += name

    def _enabled(self, name: str, now: float) -> bool:
        if name == "cancel":  # the way back is always open, even while "Wrong PIN" shows
            return True
        if self._wrong_at is not None:
            return False
        if self._gate.is_locked(now):
            return False
        return name != "ok" or bool(self._digits)

    def _submit(self, now: float) -> None:
        result = self._gate.attempt(self._digits, now)
        self._digits = ""
        if result is PinResult.ACCEPTED:
            log.info("operator PIN accepted; leaving the kiosk")
            self.record("ok", now)
            self.close()
            self.on_accept()
        elif result is PinResult.REJECTED:
            log.warning("wrong operator PIN")
            self.record("wrong", now)
            self._wrong_at = now
        else:
            log.warning("operator PIN refused: the pad is locked")
            self.record("locked", now)

    # time -------------------------------------------------------------------------------
    def tick(self, now: float) -> float | None:
        """Close the pad when a wrong PIN has been shown or it was left untouched."""
        if not self.is_open:
            return None
        wrong_done = self._wrong_at is not None and now >= self._wrong_at + WRONG_SECONDS
        if wrong_done or now >= self._last_input + UNTOUCHED_SECONDS:
            self.close()
            return None
        return self._next_tick(now)

    def _next_tick(self, now: float) -> float:
        """When the pad's picture or state next changes."""
        if self._wrong_at is not None:
            shaking = self._shake(now) is not None
            return now + FRAME_SECONDS if shaking else self._wrong_at + WRONG_SECONDS
        due = self._last_input + UNTOUCHED_SECONDS
        if self._gate.is_locked(now):  # the locked message counts down every second
            until = self._gate.locked_until or now
            due = min(due, until - math.ceil(until - now) + 1)
        return max(now, due)
