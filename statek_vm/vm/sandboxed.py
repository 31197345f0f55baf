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
from statek_vm.sandbox import HOOKED_NAMES, NAMED, PLAIN, REFUSED_NAMES, UNKNOWN
from statek_vm.vm import opcodes
from statek_vm.vm.frame import Frame

_TOP = -1
_UNDER_NULL = -2


def _owner(value: Any, name: str) -> Any:
    if type(value) in FUTURE_CLASSES and name not in FUTURE_API:
        return value.value
    return value


def _load(handler: Any, tuple_arg: bool, slot: int | None, super_form: bool = False) -> Any:
    """``handler`` (an attribute load), checked before and after.

    ``tuple_arg``: the name is the operand's last item (3.12's forms);
    ``slot``: where the loaded value is on the stack afterwards, or None
    when the method bit (the operand's first item) says (3.13: under the
    NULL for a method).  ``super_form``: ``super().name``, whose stack
    holds super, the class and self.  The common case costs two dict
    lookups: the run's caches of what a type exposes and of a value's
    type's verdict (``Interpreter.set_sandbox``); anything else asks the
    policy.
    """

    def sandboxed(vm: Any, f: Frame, arg: Any) -> Any:
        name = arg[-1] if tuple_arg else arg
        st = f.stack
        owner = st[-1]
        if not super_form and type(owner) in FUTURE_CLASSES and name not in FUTURE_API:
            owner = owner.value
        if name[:1] == "_":
            key = (type(owner), name)
            if key not in vm.sandbox_private:
                vm.sandbox.check_load(owner, name, vm.sandbox_owners)
                if vm.sandbox.allowed_for_type(owner, name):
                    vm.sandbox_private.add(key)
        elif name in REFUSED_NAMES or vm.sandbox_owners.get(type(owner), UNKNOWN) is not None:
            vm.sandbox.check_load(owner, name, vm.sandbox_owners)
        r = handler(vm, f, arg)
        if r is None:
            where = slot if slot is not None else (-2 if arg[0] else -1)
            value = st[where]
            kind = vm.sandbox_values.get(type(value))
            if kind is not PLAIN and (kind is not NAMED or name in HOOKED_NAMES):
                st[where] = vm.sandbox.checked_value(owner, name, value, vm.sandbox_values)
        return r

    sandboxed.__name__ = handler.__name__
    return sandboxed


# Objects whose every public attribute is plain data or a builtin method:
# loading one by a public name (not ``format``) needs no check.
_BUILTIN_OWNERS = frozenset(
    {str, bytes, bytearray, list, tuple, dict, set, frozenset, int, float, bool, complex, range, type(None)}
)


def _lean(handler: Any, checked: Any, tuple_arg: bool, slot: int | None) -> Any:
    """``checked``, for an instruction whose name is public and not one the sandbox hooks.

    Its verdict depends on the owner's and the value's types only: a
    builtin owner needs none; a type the run knows exposes every public
    name needs the value's type's verdict; anything else is ``checked``.
    """

    def sandboxed(vm: Any, f: Frame, arg: Any) -> Any:
        st = f.stack
        tp = type(st[-1])
        if tp in _BUILTIN_OWNERS:
            return handler(vm, f, arg)
        if tp in FUTURE_CLASSES or vm.sandbox_owners.get(tp, UNKNOWN) is not None:
            return checked(vm, f, arg)
        owner = st[-1]
        r = handler(vm, f, arg)
        if r is None:
            where = slot if slot is not None else (-2 if arg[0] else -1)
            value = st[where]
            kind = vm.sandbox_values.get(type(value))
            if kind is not PLAIN and kind is not NAMED:
                st[where] = vm.sandbox.checked_value(owner, arg[-1] if tuple_arg else arg, value, vm.sandbox_values)
        return r

    sandboxed.__name__ = handler.__name__
    return sandboxed


def _store(handler: Any, deleting: bool) -> Any:
    # A store or delete allowed on an object is allowed on every object of
    # its type (public names, or private ones of the script's own objects):
    # the run remembers those.
    def sandboxed(vm: Any, f: Frame, arg: Any) -> Any:
        st = f.stack
        owner = _owner(st[-1], "")
        tp = type(owner)
        key = (owner if tp is type else tp, arg, deleting)
        if key not in vm.sandbox_private:
            policy = vm.sandbox
            policy.check_store(owner, arg, None if deleting else st[-2], deleting)
            if policy.stores_for_type(owner, arg):
                vm.sandbox_private.add(key)
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


# The forms of the attribute loads: (handler, its operand is a tuple, where its value goes).
_LOADS: list[tuple[Any, bool, int | None]] = [(opcodes.LOAD_ATTR, False, _TOP), (opcodes.LOAD_METHOD, False, _TOP)]


def _substitutes() -> dict[Any, Any]:
    subs: dict[Any, Any] = {
        opcodes.LOAD_ATTR: _load(opcodes.LOAD_ATTR, False, _TOP),
        opcodes.LOAD_METHOD: _load(opcodes.LOAD_METHOD, False, _TOP),
        opcodes.STORE_ATTR: _store(opcodes.STORE_ATTR, False),
        opcodes.DELETE_ATTR: _store(opcodes.DELETE_ATTR, True),
        opcodes.IMPORT_FROM: _import_from,
        opcodes.MATCH_CLASS: _match_class,
    }
    if sys.version_info >= (3, 12):
        from statek_vm.vm import opcodes_312

        # (its plain load, LOAD_ATTR_PLAIN, is 3.11's LOAD_ATTR)
        subs[opcodes_312.LOAD_ATTR] = _load(opcodes_312.LOAD_ATTR, True, _TOP)
        _LOADS.append((opcodes_312.LOAD_ATTR, True, _TOP))
        subs[opcodes_312.LOAD_SUPER_ATTR] = _load(opcodes_312.LOAD_SUPER_ATTR, True, _TOP, super_form=True)
    if sys.version_info >= (3, 13):
        from statek_vm.vm import opcodes_313

        # 3.13 pushes a method, then NULL.
        subs[opcodes_313.LOAD_ATTR_METHOD] = _load(opcodes_313.LOAD_ATTR_METHOD, False, _UNDER_NULL)
        subs[opcodes_313.LOAD_ATTR] = _load(opcodes_313.LOAD_ATTR, True, None)
        _LOADS.extend([(opcodes_313.LOAD_ATTR_METHOD, False, _UNDER_NULL), (opcodes_313.LOAD_ATTR, True, None)])
        subs[opcodes_313.LOAD_SUPER_ATTR] = _load(opcodes_313.LOAD_SUPER_ATTR, True, None, super_form=True)
    return subs


SUBSTITUTES = _substitutes()
# The lean forms of the attribute loads (not super's: its owner is self).
LEAN = {handler: _lean(handler, SUBSTITUTES[handler], tuple_arg, slot) for handler, tuple_arg, slot in _LOADS}


def _static_name_is_plain(arg: Any) -> bool:
    name = arg if type(arg) is str else arg[-1] if type(arg) is tuple and arg else None
    return type(name) is str and name[:1] != "_" and name not in REFUSED_NAMES and name not in HOOKED_NAMES


def sandboxed_table(unit: CodeUnit, plain: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The dispatch table of a sandboxed job's code unit: ``plain`` with the checking handlers."""
    table = unit._sandboxed_dispatch
    if table is None:
        if unit.program.library or unit.filename == _RUNTIME_FILENAME:
            table = plain
        else:
            subs, lean = SUBSTITUTES, LEAN
            table = [
                (lean[handler] if handler in lean and _static_name_is_plain(arg) else subs.get(handler, handler), arg)
                for handler, arg in plain
            ]
        unit._sandboxed_dispatch = table
    return table


_RUNTIME_FILENAME = "<statek_vm runtime>"
