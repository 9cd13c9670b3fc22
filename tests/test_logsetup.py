import logging
import sys
import threading
from pathlib import Path

import pytest

from kiosk import logsetup
from kiosk.logsetup import (
    configure_logging,
    install_excepthook,
    shutdown_logging,
)


@pytest.fixture(autouse=True)
def restore_logging(monkeypatch):
    root = logging.getLogger()
    level = root.level
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield
    shutdown_logging()
    root.setLevel(level)


def ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_kiosk_handler", False)]


def test_logs_to_file_in_the_expected_format(tmp_path: Path) -> None:
    path = configure_logging(tmp_path, stderr=False)
    assert path == tmp_path / "kiosk.log"
    logging.getLogger("kiosk.ui.app").info("hello operator")
    shutdown_logging()
    line = path.read_text(encoding="utf-8").strip()
    assert line.endswith(" INFO kiosk.ui.app: hello operator")
    day, clock = line.split(" ")[:2]
    assert len(day) == 10 and day[4] == "-"
    assert len(clock) == 12 and clock[8] == ","


def test_also_logs_to_stderr(tmp_path: Path, capsys) -> None:
    configure_logging(tmp_path)
    logging.getLogger("kiosk.test").warning("visible")
    assert "WARNING kiosk.test: visible" in capsys.readouterr().err


def test_calling_twice_does_not_duplicate(tmp_path: Path) -> None:
    configure_logging(tmp_path)
    configure_logging(tmp_path)
    assert len(ours()) == 2
    logging.getLogger("kiosk.test").info("once")
    shutdown_logging()
    assert (tmp_path / "kiosk.log").read_text(encoding="utf-8").count("once") == 1
    assert ours() == []


def test_unwritable_folder_logs_to_stderr_only(tmp_path: Path, capsys) -> None:
    (tmp_path / "afile").write_text("x")
    assert configure_logging(tmp_path / "afile" / "sub") is None
    assert len(ours()) == 1
    assert "logging to stderr only" in capsys.readouterr().err


def test_no_data_dir_means_stderr_only(capsys) -> None:
    assert configure_logging(None) is None
    logging.getLogger("kiosk.test").error("still seen")
    assert "still seen" in capsys.readouterr().err


def test_rotates_at_the_size_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(logsetup, "MAX_BYTES", 2_000)
    configure_logging(tmp_path, stderr=False)
    for index in range(100):
        logging.getLogger("kiosk.test").info("line %d %s", index, "x" * 50)
    shutdown_logging()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kiosk.log", *(f"kiosk.log.{n}" for n in range(1, 6))]
    assert (tmp_path / "kiosk.log").stat().st_size <= 2_000


def test_write_errors_print_one_line_not_tracebacks(tmp_path: Path, capsys) -> None:
    configure_logging(tmp_path, stderr=False)
    handler = ours()[0]
    handler.stream.close()  # every later write fails, like a vanished disk
    for _ in range(20):
        logging.getLogger("kiosk.test").info("lost")
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1
    assert "Traceback" not in err


def test_uncaught_exception_is_logged_not_printed(tmp_path: Path, capsys) -> None:
    path = configure_logging(tmp_path, stderr=False)
    install_excepthook()
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    shutdown_logging()
    text = path.read_text(encoding="utf-8")
    assert "ERROR kiosk: unexpected error; the kiosk goes on" in text
    assert "RuntimeError: boom" in text and "Traceback" in text
    assert capsys.readouterr().err == ""


def test_thread_exception_is_logged(tmp_path: Path) -> None:
    path = configure_logging(tmp_path, stderr=False)
    install_excepthook()

    def fail() -> None:
        raise ValueError("in a thread")

    worker = threading.Thread(target=fail, name="watcher")
    worker.start()
    worker.join()
    shutdown_logging()
    text = path.read_text(encoding="utf-8")
    assert "unexpected error in thread watcher; the kiosk goes on" in text
    assert "ValueError: in a thread" in text
