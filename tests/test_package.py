"""The package as a user installs it: public names, version, exceptions, command line."""

from __future__ import annotations

import importlib.metadata
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import statek_vm
from statek_vm import cli, exceptions
from statek_vm.exceptions import (
    FutureError,
    NotResumableError,
    SnapshotError,
    StatekError,
    VMInternalError,
)
from statek_vm.future import FutureResult

PUBLIC = {
    "FutureResult",
    "FutureElement",
    "temporal",
    "get_any_future",
    "get_all_future",
    "FutureError",
    "StatekError",
    "NotResumableError",
    "SnapshotError",
    "__version__",
}


def test_public_names() -> None:
    assert PUBLIC <= set(statek_vm.__all__)
    for name in statek_vm.__all__:
        assert hasattr(statek_vm, name), name


def test_version_matches_the_installed_metadata() -> None:
    assert statek_vm.__version__ == "0.1.0"
    try:
        installed = importlib.metadata.version("statek-vm")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("statek-vm is not installed, only importable from the source tree")
    assert installed == statek_vm.__version__


def test_typed_marker_ships() -> None:
    assert (Path(statek_vm.__file__).parent / "py.typed").is_file()


def test_one_exception_hierarchy() -> None:
    for error in (
        FutureError,
        NotResumableError,
        SnapshotError,
        VMInternalError,
        exceptions.JobStoreError,
        exceptions.JobNotFoundError,
        exceptions.CapacityError,
        exceptions.LimitExceeded,
        exceptions.JobCancelled,
    ):
        assert issubclass(error, StatekError)
    assert issubclass(exceptions.JobNotFoundError, KeyError), "a missing job is also a KeyError"
    assert issubclass(StatekError, Exception)
    assert "host frame" in (NotResumableError.__doc__ or "")
    assert set(exceptions.__all__) == {
        "StatekError",
        "FutureError",
        "NotResumableError",
        "SnapshotError",
        "VMInternalError",
        "JobStoreError",
        "JobNotFoundError",
        "CapacityError",
        "LimitExceeded",
        "JobCancelled",
    }


def test_future_error_describes_the_future_without_resolving_it() -> None:
    future = FutureResult(deps=["dep"], state_num=9)  # no complement: reading it would fail
    error = FutureError(future)
    assert error.future is future
    assert error.args == (future,)
    message = str(error)
    assert message.startswith("FutureResult is not ready (state_num=9, deps: list)")
    assert "check_condition()" in message
    assert "FutureResult pending" in repr(error)


def test_future_error_for_something_else() -> None:
    assert str(FutureError("token")) == "str is not ready"
    loaded = pickle.loads(pickle.dumps(FutureError("token")))
    assert loaded.future == "token"


def test_cli_without_a_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main([])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: statek-vm")
    assert "COMMAND" in err


def test_cli_runs_as_a_module() -> None:
    done = subprocess.run([sys.executable, "-m", "statek_vm.cli"], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "usage: statek-vm" in done.stderr
