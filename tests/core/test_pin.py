import copy

import pytest

from kiosk.core.show.pin import PinGate, PinResult


def failures(gate: PinGate) -> int:
    """The wrong PINs in a row `gate` has counted: how many fewer it now takes to lock it."""
    probe = copy.deepcopy(gate)
    later = (probe.locked_until or 0.0) + 1e6  # any lockout is over by then
    for taken in range(1, probe.max_failures + 1):
        probe.attempt("not the pin", later)
        if probe.is_locked(later):
            return probe.max_failures - taken
    raise AssertionError("the gate never locks")


def test_correct_pin_accepted():
    gate = PinGate("2468")
    assert gate.attempt("2468", 0.0) is PinResult.ACCEPTED
    assert failures(gate) == 0
    assert gate.locked_until is None


@pytest.mark.parametrize("entered", ["1234", "", "246", "24680", "２４６８", "2468 "])
def test_wrong_pin_rejected_and_counted(entered):
    gate = PinGate("2468")
    assert gate.attempt(entered, 0.0) is PinResult.REJECTED
    assert failures(gate) == 1


def test_correct_pin_resets_the_count():
    gate = PinGate("2468", max_failures=3)
    gate.attempt("0000", 0.0)
    gate.attempt("0000", 1.0)
    assert failures(gate) == 2
    assert gate.attempt("2468", 2.0) is PinResult.ACCEPTED
    assert failures(gate) == 0
    gate.attempt("0000", 3.0)
    gate.attempt("0000", 4.0)
    assert not gate.is_locked(4.0)


def test_lockout_after_max_failures():
    gate = PinGate("2468", max_failures=5, lockout_seconds=60.0)
    results = [gate.attempt("1111", float(t)) for t in range(5)]
    assert results == [PinResult.REJECTED] * 5
    assert gate.locked_until == 64.0
    assert gate.is_locked(4.0)
    assert gate.is_locked(63.99)
    assert not gate.is_locked(64.0)


def test_attempts_while_locked_are_locked_and_not_counted():
    gate = PinGate("2468", max_failures=2, lockout_seconds=30.0)
    gate.attempt("1", 0.0)
    gate.attempt("1", 1.0)
    assert gate.attempt("1", 2.0) is PinResult.LOCKED
    assert gate.attempt("2468", 30.9) is PinResult.LOCKED  # even the right PIN
    assert failures(gate) == 0
    assert gate.locked_until == 31.0


def test_after_lockout_fresh_attempts():
    gate = PinGate("2468", max_failures=2, lockout_seconds=30.0)
    gate.attempt("1", 0.0)
    gate.attempt("1", 1.0)
    assert gate.attempt("1", 31.0) is PinResult.REJECTED  # lockout over
    assert gate.locked_until is None
    assert failures(gate) == 1
    assert gate.attempt("2468", 32.0) is PinResult.ACCEPTED


def test_lockout_repeats():
    gate = PinGate("2468", max_failures=2, lockout_seconds=10.0)
    for now in (0.0, 1.0, 11.0, 12.0):
        assert gate.attempt("9", now) is PinResult.REJECTED
    assert gate.attempt("2468", 21.9) is PinResult.LOCKED
    assert gate.attempt("2468", 22.0) is PinResult.ACCEPTED


def test_zero_lockout_never_locks():
    gate = PinGate("2468", max_failures=1, lockout_seconds=0.0)
    assert gate.attempt("1", 5.0) is PinResult.REJECTED
    assert not gate.is_locked(5.0)
    assert gate.attempt("2468", 5.0) is PinResult.ACCEPTED


@pytest.mark.parametrize(
    "kwargs", [{"pin": ""}, {"pin": "1", "max_failures": 0}, {"pin": "1", "lockout_seconds": -1}]
)
def test_bad_settings(kwargs):
    with pytest.raises(ValueError):
        PinGate(**kwargs)
