"""Binding call arguments to a code unit's parameters, as CPython does.

The error messages are CPython's own, word for word, so that a script sees the
same ``TypeError`` under the VM as natively.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any, NoReturn

from statek_vm.program.code_unit import CO_VARARGS, CO_VARKEYWORDS, CodeUnit
from statek_vm.vm.frame import UNBOUND


def _names_list(names: list[str]) -> str:
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + f", and {quoted[-1]}"


# CPython 3.13 suggests the closest parameter name for an unknown keyword.
_SUGGESTS_KEYWORDS = sys.version_info >= (3, 13)
_MAX_CANDIDATES = 750
_MOVE_COST = 2


def _did_you_mean(name: str, candidates: tuple[str, ...]) -> str:
    """``". Did you mean 'x'?"`` as CPython 3.13 words it (its ``_Py_CalculateSuggestions``), or ``""``."""
    if not _SUGGESTS_KEYWORDS or len(candidates) >= _MAX_CANDIDATES:
        return ""
    distance = traceback._levenshtein_distance  # type: ignore[attr-defined]
    best: str | None = None
    best_distance = sys.maxsize
    for item in candidates:
        if item == name:
            continue
        max_distance = min((len(name) + len(item) + 3) * _MOVE_COST // 6, best_distance - 1)
        current = distance(name, item, max_distance)
        if current > max_distance:
            continue
        if best is None or current < best_distance:
            best, best_distance = item, current
    return "" if best is None else f". Did you mean '{best}'?"


def bind_arguments(
    unit: CodeUnit,
    qualname: str,
    defaults: tuple[Any, ...] | None,
    kwdefaults: dict[str, Any] | None,
    args: tuple[Any, ...] | list[Any],
    kwargs: dict[str, Any] | None,
) -> list[Any]:
    """The initial fast locals of a call of ``unit`` with ``args`` and ``kwargs``."""
    argcount = unit.argcount
    nargs = len(args)
    fast: list[Any] = [UNBOUND] * len(unit.varnames)
    flags = unit.flags
    # Fast path: exactly the positional parameters, nothing else.
    if not kwargs and nargs == argcount and not unit.kwonlyargcount and not flags & (CO_VARARGS | CO_VARKEYWORDS):
        fast[:nargs] = args
        return fast

    varnames = unit.varnames
    posonly = unit.posonlyargcount
    kwonly = unit.kwonlyargcount
    total = argcount + kwonly
    has_varargs = bool(flags & CO_VARARGS)
    has_varkw = bool(flags & CO_VARKEYWORDS)
    varkw: dict[str, Any] | None = None
    if has_varkw:
        varkw = {}
        fast[total + (1 if has_varargs else 0)] = varkw

    n = min(nargs, argcount)
    fast[:n] = args[:n]
    if has_varargs:
        fast[total] = tuple(args[argcount:])

    # CPython's order of checks: keywords (an unknown or repeated one) before
    # the count of positional arguments.
    if kwargs:
        for name, value in kwargs.items():
            if type(name) is not str and not isinstance(name, str):
                raise TypeError("keywords must be strings")
            index = _keyword_index(varnames, name, posonly, total)
            if index < 0:
                if varkw is None:
                    _unexpected_keyword(varnames, posonly, total, qualname, name, kwargs)
                varkw[name] = value
                continue
            if fast[index] is not UNBOUND:
                raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
            fast[index] = value

    if nargs > argcount and not has_varargs:
        _too_many_positional(unit, qualname, defaults, kwargs, nargs)

    if nargs < argcount:
        ndefaults = len(defaults) if defaults else 0
        first_default = argcount - ndefaults
        missing = [varnames[i] for i in range(nargs, first_default) if fast[i] is UNBOUND]
        if missing:
            plural = "s" if len(missing) > 1 else ""
            raise TypeError(
                f"{qualname}() missing {len(missing)} required positional argument{plural}: {_names_list(missing)}"
            )
        for i in range(max(nargs, first_default), argcount):
            if fast[i] is UNBOUND:
                assert defaults is not None
                fast[i] = defaults[i - first_default]

    if kwonly:
        missing = []
        for i in range(argcount, total):
            if fast[i] is UNBOUND:
                name = varnames[i]
                if kwdefaults and name in kwdefaults:
                    fast[i] = kwdefaults[name]
                else:
                    missing.append(name)
        if missing:
            plural = "s" if len(missing) > 1 else ""
            raise TypeError(
                f"{qualname}() missing {len(missing)} required keyword-only argument{plural}: {_names_list(missing)}"
            )
    return fast


def _unexpected_keyword(
    varnames: tuple[str, ...], posonly: int, total: int, qualname: str, name: str, kwargs: dict[str, Any]
) -> NoReturn:
    # Positional-only parameters passed by keyword are reported first, all of
    # them, whichever unknown keyword came first.
    passed = [key for key in kwargs if key in varnames[:posonly]]
    if passed:
        raise TypeError(
            f"{qualname}() got some positional-only arguments passed as keyword arguments: '{', '.join(passed)}'"
        )
    raise TypeError(
        f"{qualname}() got an unexpected keyword argument '{name}'" + _did_you_mean(name, varnames[posonly:total])
    )


def _keyword_index(varnames: tuple[str, ...], name: str, start: int, stop: int) -> int:
    for i in range(start, stop):
        if varnames[i] == name:
            return i
    return -1


def _too_many_positional(
    unit: CodeUnit,
    qualname: str,
    defaults: tuple[Any, ...] | None,
    kwargs: dict[str, Any] | None,
    nargs: int,
) -> None:
    argcount = unit.argcount
    ndefaults = len(defaults) if defaults else 0
    kwonly_given = 0
    if kwargs:
        kwonly_names = unit.varnames[argcount : argcount + unit.kwonlyargcount]
        kwonly_given = sum(1 for name in kwargs if name in kwonly_names)
    if ndefaults:
        takes = f"from {argcount - ndefaults} to {argcount} positional arguments"
    else:
        takes = f"{argcount} positional argument{'s' if argcount != 1 else ''}"
    given = f"{nargs} positional argument{'s' if nargs != 1 else ''}"
    if kwonly_given:
        given += f" (and {kwonly_given} keyword-only argument{'s' if kwonly_given != 1 else ''})"
        raise TypeError(f"{qualname}() takes {takes} but {given} were given")
    verb = "was" if nargs == 1 else "were"
    raise TypeError(f"{qualname}() takes {takes} but {nargs} {verb} given")
