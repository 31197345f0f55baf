"""The instruction handlers of a sandboxed job's own code (statek_vm/sandbox.py).

A sandboxed job's interpreter runs the script's code units with a dispatch
table of their own: the same handlers, except that those which load, store
or delete an attribute by name (``LOAD_ATTR`` and its method and ``super``
forms, ``STORE_ATTR``, ``DELETE_ATTR``, ``IMPORT_FROM``, ``MATCH_CLASS``)
ask the job's :class:`~statek_vm.sandbox.Policy` first and check what they
loaded.  The VM's own code (the runtime's re-statements, library code run on
the VM) keeps the plain table.  A job without a sandbox pays nothing.
"""

from __future__ import annotations

import sys
from typing import Any

from statek_vm.future import FUTURE_API, FUTURE_CLASSES
from statek_vm.program.code_unit import CodeUnit
from statek_vm.vm import opcodes
from statek_vm.vm.frame import Frame

_TOP = -1
_UNDER_NULL = -2


def _name(arg: Any) -> str:
    return arg if type(arg) is str else arg[-1]


def _owner(value: Any, name: str) -> Any:
    if type(value) in FUTURE_CLASSES and name not in FUTURE_API:
        return value.value
    return value


def _load(handler: Any, slot_of: Any) -> Any:
    """``handler`` (an attribute load whose owner is on top of the stack), checked before and after."""

    def sandboxed(vm: Any, f: Frame, arg: Any) -> Any:
        name = _name(arg)
        owner = _owner(f.stack[-1], name)
        policy = vm.sandbox
        policy.check_load(owner, name)
        r = handler(vm, f, arg)
        if r is None:
            slot = slot_of(arg)
            st = f.stack
            st[slot] = policy.checked_value(owner, name, st[slot])
        return r

    sandboxed.__name__ = handler.__name__
    return sandboxed


def _load_super(handler: Any, slot_of: Any) -> Any:
    # super().name: the stack holds super, the class and self.
    def sandboxed(vm: Any, f: Frame, arg: Any) -> Any:
        name = _name(arg)
        owner = f.stack[-1]
        policy = vm.sandbox
        policy.check_load(owner, name)
        r = handler(vm, f, arg)
        if r is None:
            slot = slot_of(arg)
            st = f.stack
            st[slot] = policy.checked_value(owner, name, st[slot])
        return r

    sandboxed.__name__ = handler.__name__
    return sandboxed


def _store(handler: Any, deleting: bool) -> Any:
    def sandboxed(vm: Any, f: Frame, arg: Any) -> Any:
        st = f.stack
        owner = _owner(st[-1], "")
        vm.sandbox.check_store(owner, arg, None if deleting else st[-2], deleting)
        return handler(vm, f, arg)

    sandboxed.__name__ = handler.__name__
    return sandboxed


def _import_from(vm: Any, f: Frame, arg: str) -> Any:
    module = f.stack[-1]
    policy = vm.sandbox
    policy.check_load(module, arg)
    r = opcodes.IMPORT_FROM(vm, f, arg)
    f.stack[-1] = policy.checked_value(module, arg, f.stack[-1])
    return r


def _match_class(vm: Any, f: Frame, arg: int) -> Any:
    st = f.stack
    subject, cls, names = _owner(st[-3], ""), st[-2], st[-1]
    policy = vm.sandbox
    for name in names:
        policy.check_load(subject, name)
    if arg and isinstance(cls, type):
        match_args = getattr(cls, "__match_args__", ())
        if isinstance(match_args, tuple):
            for name in match_args[:arg]:
                if isinstance(name, str):
                    policy.check_load(subject, name)
    r = opcodes.MATCH_CLASS(vm, f, arg)
    if type(st[-1]) is tuple:
        for value in st[-1]:
            policy.check_value(value, "a class pattern's attribute")
    return r


def _top(arg: Any) -> int:
    return _TOP


def _method_313(arg: Any) -> int:
    # 3.13 pushes the method, then NULL.
    return _UNDER_NULL if type(arg) is tuple and arg[0] else _TOP


def _substitutes() -> dict[Any, Any]:
    subs: dict[Any, Any] = {
        opcodes.LOAD_ATTR: _load(opcodes.LOAD_ATTR, _top),
        opcodes.LOAD_METHOD: _load(opcodes.LOAD_METHOD, _top),
        opcodes.STORE_ATTR: _store(opcodes.STORE_ATTR, False),
        opcodes.DELETE_ATTR: _store(opcodes.DELETE_ATTR, True),
        opcodes.IMPORT_FROM: _import_from,
        opcodes.MATCH_CLASS: _match_class,
    }
    if sys.version_info >= (3, 12):
        from statek_vm.vm import opcodes_312

        subs[opcodes_312.LOAD_ATTR_PLAIN] = _load(opcodes_312.LOAD_ATTR_PLAIN, _top)
        subs[opcodes_312.LOAD_ATTR] = _load(opcodes_312.LOAD_ATTR, _top)
        subs[opcodes_312.LOAD_SUPER_ATTR] = _load_super(opcodes_312.LOAD_SUPER_ATTR, _top)
    if sys.version_info >= (3, 13):
        from statek_vm.vm import opcodes_313

        subs[opcodes_313.LOAD_ATTR_METHOD] = _load(opcodes_313.LOAD_ATTR_METHOD, lambda arg: _UNDER_NULL)
        subs[opcodes_313.LOAD_ATTR] = _load(opcodes_313.LOAD_ATTR, _method_313)
        subs[opcodes_313.LOAD_SUPER_ATTR] = _load_super(opcodes_313.LOAD_SUPER_ATTR, _method_313)
    return subs


SUBSTITUTES = _substitutes()


def sandboxed_table(unit: CodeUnit, plain: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The dispatch table of a sandboxed job's code unit: ``plain`` with the checking handlers."""
    table = unit._sandboxed_dispatch
    if table is None:
        if unit.program.library or unit.filename == _RUNTIME_FILENAME:
            table = plain
        else:
            subs = SUBSTITUTES
            table = [(subs.get(handler, handler), arg) for handler, arg in plain]
        unit._sandboxed_dispatch = table
    return table


_RUNTIME_FILENAME = "<statek_vm runtime>"
