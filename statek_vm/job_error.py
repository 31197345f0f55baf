"""How a job failed, in one shape: :class:`JobError`.

A job in memory has the exception itself (``Job.error``); a job read from a
store has only what the store kept (``JobRecord.error``, text).  Both give
``failure``, a :class:`JobError` with the same fields, so code that reports
failures reads either the same way.

A leaf, as ``exceptions.py``: stores and the command line import it without
importing the VM.
"""

from __future__ import annotations

import dataclasses
import traceback as _traceback

__all__ = ["JobError"]


@dataclasses.dataclass(frozen=True)
class JobError:
    """Why a job ended without completing: the same shape in memory and in a store.

    ``job.failure`` of a ``FAILED`` :class:`~statek_vm.Job` and
    ``record.failure`` of a stored job (``store.get(id).failure``) are both
    one of these::

        >>> job = run("1 / 0")
        >>> job.failure.type, job.failure.message
        ('ZeroDivisionError', 'division by zero')

    Attributes:
        type: the name of the exception's class (``"ZeroDivisionError"``,
            ``"LimitExceeded"``); ``None`` when no exception ended the job (a
            store's record of a wait that timed out, a cancellation, a
            worker lost too often: ``message`` says which).
        message: ``str()`` of the exception, or that reason.
        traceback: the text a store keeps: the traceback of a script's
            exception (naming the script's file, lines and functions), or
            ``"Type: message"`` for an error the worker met before or after
            the script ran, or the reason.
        exception: the exception itself, in the process where the job ran;
            ``None`` in a record read from a store (no exception is unpickled
            from a store).
    """

    type: str | None
    message: str
    traceback: str
    exception: BaseException | None = dataclasses.field(default=None, compare=False, repr=False)

    @classmethod
    def from_exception(cls, error: BaseException, *, with_traceback: bool = True) -> JobError:
        """The shape of ``error``.

        Its text is its traceback; ``"Type: message"`` with
        ``with_traceback=False``, or when it was never raised (a budget's
        :class:`~statek_vm.LimitExceeded` is made where the job stopped).
        """
        if with_traceback and error.__traceback__ is not None:
            text = "".join(_traceback.format_exception(error)).rstrip()
        else:
            text = f"{type(error).__name__}: {error}"
        return cls(type(error).__name__, str(error), text, error)

    def __str__(self) -> str:
        return f"{self.type}: {self.message}" if self.type else self.message
