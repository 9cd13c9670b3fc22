"""The kiosk's cache policy, and `Cached`, the one keyed slot every picture cache uses.

Policy
------
- A picture or a layout is cached under what it depends on (a size, a panel and a
  language), one value per slot: asking for another key rebuilds it.
- What only speeds up the frames of a moving panel (its layout's sprites, glyph
  pictures, the background picture) is let go with `release()`: the stage calls it
  on itself and every view once the panel has settled, and it is rebuilt on use.
  The stage keeps the settled picture of the panel on screen, the one picture a
  still screen needs.
- A stage goes with its content version (`kiosk.ui.stage.Stages.retain`), caches
  and all.
- Process-wide caches of things that do not depend on the screen (text fitting,
  decoded pictures, icons) are `functools.lru_cache` with a fixed size.

Every slot is dropped the same way: `Cached.drop()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Cached(Generic[K, V]):
    """One value, kept for one key until another key is asked for or it is dropped."""

    def __init__(self) -> None:
        self._entry: tuple[K, V] | None = None

    @property
    def key(self) -> K | None:
        """The key of the value held (None: nothing is held)."""
        return None if self._entry is None else self._entry[0]

    @property
    def value(self) -> V | None:
        """The value held, whatever its key (None: nothing is held)."""
        return None if self._entry is None else self._entry[1]

    def get(self, key: K, build: Callable[[], V]) -> V:
        """The value for `key`: the one held, or `build()` (which then replaces it)."""
        if self._entry is None or self._entry[0] != key:
            self._entry = (key, build())
        return self._entry[1]

    def peek(self, key: K) -> V | None:
        """The value held for `key`, if that is the key held; never builds."""
        if self._entry is not None and self._entry[0] == key:
            return self._entry[1]
        return None

    def drop(self) -> None:
        """Let the value go."""
        self._entry = None
