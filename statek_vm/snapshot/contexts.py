"""The ``contextvars`` objects a script keeps across a wait: its ``Context`` objects and its ``Token`` objects.

A job runs in a context of its own (``Job._context``).  A script may also keep
a copy of it (``side = contextvars.copy_context()``) or a token
(``token = request_id.set("batch-7")``), which it resets after the wait.
Neither type can be pickled, so both are made again on load.

- **A context** travels as the values it holds for the script's own
  variables.  The job's output and decimal's context are set again where the
  job is loaded.  A context holding a value of any other host library's
  variable is refused: that variable cannot be found again by name.  The
  job's own context travels the same way; :meth:`Loaded.own` hands the
  rebuilt one to ``Job.loads``, so tokens and copies still refer to it.
- **A token** is made again by setting its variable in its context, so that
  it has the same variable, the same ``old_value`` and the same context.
  The variable's value is then put back.  A token that was already used
  is made and used in a context of its own, because only its ``var``,
  ``old_value`` and ``used`` state can be seen.

CPython has no way to make a token for a chosen context and old value,
except this one: setting the variable there.  Unsetting a variable needs a
token whose old value is ``MISSING``.  So each variable's first set in a
rebuilt context is kept as a spare (:class:`Loaded`) while the job loads.
"""

from __future__ import annotations

import contextvars
import gc
import pickle
from typing import Any

from statek_vm import output
from statek_vm.exceptions import SnapshotError

_Context = contextvars.Context
_ContextVar = contextvars.ContextVar
_Token = contextvars.Token
_UNSET: Any = object()


class Loaded:
    """What one load rebuilt: the job's own context, the copies (each given the job's output), the spare tokens."""

    __slots__ = ("copies", "own", "spares")

    def __init__(self) -> None:
        self.own: contextvars.Context | None = None
        self.copies: list[contextvars.Context] = []
        # (id of a context, id of a variable) -> a token that unsets the variable there.
        self.spares: dict[tuple[int, int], contextvars.Token[Any]] = {}

    def finish(self, job_context: contextvars.Context) -> None:
        """Give each rebuilt copy that had the job's output the loading job's, and drop the rest."""
        writer = job_context.get(output.JOB_OUTPUT)
        if writer is not None:
            for context in self.copies:
                context.run(output.JOB_OUTPUT.set, writer)
        self.own = None
        self.copies.clear()
        self.spares.clear()


def _script_made(var: Any, builtins: Any) -> bool:
    return any(made is var for made in getattr(builtins, "context_vars", ()))


def reduce_context(context: contextvars.Context, builtins: Any, own: contextvars.Context | None) -> Any:
    """A ``Context`` the job keeps: its own or one the script copied, as the values of the script's variables."""
    values: list[tuple[Any, Any]] = []
    decimal_context = None
    has_output = False
    for var, value in context.items():
        if _script_made(var, builtins):
            values.append((var, value))
        elif var is output.JOB_OUTPUT:
            has_output = True
        elif var.name == "decimal_context" and type(value).__name__ == "Context":
            decimal_context = value
        else:
            raise pickle.PicklingError(
                f"a contextvars.Context holds a value of the host's context variable {var.name!r}, "
                "which cannot be made again where the job resumes"
            )
    return (context_again, (values, decimal_context, has_output, context is own))


def context_again(values: list[tuple[Any, Any]], decimal_context: Any, has_output: bool, own: bool) -> Any:
    """A ``Context`` made again on load (see the module's docstring)."""
    loaded = _loaded()
    context = contextvars.Context()
    for var, value in values:
        _set(context, var, value, loaded)
    if decimal_context is not None:
        from statek_vm.module_state import set_decimal_context

        set_decimal_context(context, decimal_context)
    if own:
        loaded.own = context
    elif has_output:
        loaded.copies.append(context)
    return context


def reduce_token(token: contextvars.Token[Any], builtins: Any) -> Any:
    """A ``Token`` of one of the script's variables, by its context, variable, old value and whether it was used."""
    var = token.var
    context = next((part for part in gc.get_referents(token) if type(part) is _Context), None)
    if context is None or not _script_made(var, builtins):
        raise pickle.PicklingError(
            f"a contextvars.Token of the host's context variable {var.name!r} "
            "cannot be made again where the job resumes"
        )
    old = token.old_value
    has_old = old is not _Token.MISSING
    return (token_again, (context, var, has_old, old if has_old else None, _used(token)))


def _used(token: contextvars.Token[Any]) -> bool:
    # ContextVar.reset checks that a token was not used before it checks its
    # context: in a context of its own, an unused token raises ValueError and
    # changes nothing.
    try:
        contextvars.Context().run(token.var.reset, token)
    except RuntimeError:
        return True
    except ValueError:
        return False
    raise AssertionError("a token reset outside its context")  # pragma: no cover


def token_again(context: Any, var: Any, has_old: bool, old: Any, used: bool) -> Any:
    """A ``Token`` made again on load (see the module's docstring)."""
    if used:
        # Only its variable and old value can be seen: any context does.
        scratch = contextvars.Context()
        if has_old:
            scratch.run(var.set, old)
        token = scratch.run(var.set, None)
        scratch.run(var.reset, token)
        return token
    loaded = _loaded()
    current = context.get(var, _UNSET)
    if has_old:
        _set(context, var, old, loaded)
    elif current is not _UNSET:
        _unset(context, var, loaded)
    token = context.run(var.set, None)
    if current is not _UNSET:
        context.run(var.set, current)
    elif has_old:
        _unset(context, var, loaded)
    else:
        # An unused token whose old value is MISSING, its variable not set:
        # CPython cannot make that state (a reset in between used the token).
        raise SnapshotError(f"the snapshot holds a token of context variable {var.name!r} that cannot be made again")
    return token


def _set(context: Any, var: Any, value: Any, loaded: Loaded) -> None:
    # A variable set for the first time in a context: its token is the spare that unsets it.
    if context.get(var, _UNSET) is _UNSET:
        loaded.spares[id(context), id(var)] = context.run(var.set, value)
    else:
        context.run(var.set, value)


def _unset(context: Any, var: Any, loaded: Loaded) -> None:
    spare = loaded.spares.pop((id(context), id(var)), None)
    if spare is None:
        raise SnapshotError(f"the snapshot holds a token of context variable {var.name!r} that cannot be made again")
    context.run(var.reset, spare)


def _loaded() -> Loaded:
    from statek_vm.snapshot.pickling import loading_refs

    return loading_refs().contexts
