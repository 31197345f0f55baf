"""Futures: persisted placeholders for values that may not be ready yet.

This is the temporal API of the seeds, under the same names::

    from statek_vm.future import FutureResult, temporal
    from statek_vm.exceptions import FutureError

    def fetch_report(future: FutureResult) -> str:
        report = future.deps
        if report.status != "ready":
            raise FutureError(future)
        return report.url

    def report_is_ready(future: FutureResult) -> bool:
        return future.deps.status == "ready"

    @temporal(complement=fetch_report, condition=report_is_ready)
    def wait_for_report(report) -> str | FutureResult:
        if report.status == "ready":
            return report.url
        return FutureResult(deps=report, state_num=report.version)

A temporal function returns its value when it is ready, or a pending
:class:`FutureResult`. A future can be stored, passed around and put in
containers; any operation that needs its value (arithmetic, comparison, truth
test, attribute access, subscript, iteration, formatting, ``await``, calling
it) reads ``future.value`` first, and so raises :class:`FutureError` while the
future is pending. Inside a job the VM turns that into a suspension.

Two things see the future itself rather than its value: the names in
:data:`FUTURE_API` (``value``, ``deps``, ``state_num``, ``check_condition``),
and callables marked with :func:`future_aware` (``get_any_future``,
``get_all_future``).

This module is a leaf of the package: users and the VM both import it, and it
imports nothing from statek_vm but the exceptions.
"""

from __future__ import annotations

import ast
import functools
import inspect
import math
import operator
import os
import reprlib
import types
import typing
import weakref
from collections.abc import Awaitable, Callable, Generator, Iterator
from typing import Any, ParamSpec, Protocol, TypeVar

from statek_vm.exceptions import FutureError

__all__ = [
    "FUTURE_API",
    "FUTURE_TYPES",
    "AllFuture",
    "AnyFuture",
    "BaseFuture",
    "CombinedFuture",
    "Complement",
    "Condition",
    "FutureElement",
    "FutureResult",
    "TemporalFunction",
    "future_aware",
    "get_all_future",
    "get_any_future",
    "is_future",
    "is_future_aware",
    "resolve",
    "temporal",
]

P = ParamSpec("P")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
F = TypeVar("F", bound=Callable[..., Any])

Complement = Callable[["FutureResult"], Any]
"""``complement(future)``: return the value, or raise FutureError while pending."""

Condition = Callable[["FutureResult"], bool]
"""``condition(future)``: whether the value is ready. Called by polling: keep it cheap."""

FUTURE_API: frozenset[str] = frozenset({"value", "deps", "state_num", "check_condition"})
"""Attribute names that belong to the future itself and are never delegated.

Every other public attribute of a future is read from (or written to) its
value. A name that starts with ``_`` is never delegated either, so pickling,
copying and introspection never resolve a future.
"""

_short = reprlib.Repr()
_short.maxstring = 40
_short.maxother = 60


def _forward(op: Callable[[Any, Any], Any], name: str) -> Callable[[BaseFuture, Any], Any]:
    """A method computing ``op(self.value, other)``."""

    def method(self: BaseFuture, other: Any) -> Any:
        return op(self.value, other)

    method.__name__ = name
    method.__qualname__ = f"BaseFuture.{name}"
    return method


def _reflect(op: Callable[[Any, Any], Any], name: str) -> Callable[[BaseFuture, Any], Any]:
    """A method computing ``op(other, self.value)``."""

    def method(self: BaseFuture, other: Any) -> Any:
        return op(other, self.value)

    method.__name__ = name
    method.__qualname__ = f"BaseFuture.{name}"
    return method


FUTURE_CLASSES: set[Any] = set()
"""Every future class, subclasses defined later included.  The VM tests
``type(obj) in FUTURE_CLASSES`` on hot paths: cheaper than ``isinstance``.
The classes of this module are in it as themselves; any other subclass (a
script's, which goes with its job) through a :class:`_WeakClassKey`."""


class _WeakClassKey:
    """A class in :data:`FUTURE_CLASSES` without keeping it alive.

    It hashes as the class and compares equal to it, so ``type(obj) in
    FUTURE_CLASSES`` finds it; only such a hit calls ``__eq__`` (a miss
    never compares).  It leaves the set when the class goes.
    """

    __slots__ = ("_hash", "_ref")

    def __init__(self, cls: type) -> None:
        self._hash = hash(cls)
        self._ref = weakref.ref(cls, self._forget)

    def _forget(self, ref: Any) -> None:
        FUTURE_CLASSES.discard(self)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or self._ref() is other


LIVE_FUTURES: dict[int, weakref.ref[Any]] = {}
"""A weak reference to every future alive in this process (made by a tool or
loaded from a snapshot), by ``id``; each leaves as its future goes.  While it
is empty, no argument of a host call can hold a future, and the VM skips
looking for them (``statek_vm.vm.handoff``).  Keyed by ``id`` because a
weak reference hashes as its referent, and a future's hash is its value's."""


def register_live(future: Any) -> None:
    key = id(future)

    def gone(_: Any) -> None:
        LIVE_FUTURES.pop(key, None)

    LIVE_FUTURES[key] = weakref.ref(future, gone)


class BaseFuture:
    """What every future shares: the cached value and the proxy behaviour.

    A future *behaves like its result once ready*: every operation that uses a
    value is forwarded to :attr:`value`, which raises :class:`FutureError`
    while the future is pending::

        total = price_future * 2         # price_future.value * 2
        if approval.status == "approved":  # approval.value.status
            ...

    Equality and hashing are forwarded too, so code that handles futures as
    objects (the VM, the runner) must compare them by identity (``is``), never
    with ``==`` or ``in``.

    Subclasses implement :meth:`_fetch`, :meth:`check_condition`, ``deps`` and
    ``state_num``.
    """

    # Internal state lives in slots whose names start with "_": attribute
    # access on such names is never delegated, so the state is always reachable
    # without resolving the future. "__weakref__" lets stores and runners keep
    # weak references to futures.
    __slots__ = ("__weakref__", "_attribute_error", "_resolved", "_value")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        FUTURE_CLASSES.add(cls if cls.__module__ == __name__ else _WeakClassKey(cls))

    _resolved: bool
    _value: Any
    _attribute_error: AttributeError | None

    def __init__(self) -> None:
        self._resolved = False
        self._value = None
        self._attribute_error = None
        register_live(self)

    # -- the future's own API -------------------------------------------------

    @property
    def value(self) -> Any:
        """The result; raises :class:`FutureError` while the future is pending.

        The first successful fetch is cached on the future and every later
        read returns the cached value: the script must see one value however
        many times it reads it, and a job resumed from a snapshot (which
        carries the cache) must not fetch again::

            report.status = "ready"
            future.value        # 'https://reports.example/report.pdf'
        """
        if self._resolved:
            return self._value
        try:
            value = self._fetch()
        except AttributeError as error:
            # Python answers an AttributeError escaping a property by calling
            # __getattr__("value") instead; leave the error there so that
            # __getattr__ re-raises it rather than a confusing one of its own.
            self._attribute_error = error
            raise
        self._value = value
        self._resolved = True
        return value

    @property
    def deps(self) -> Any:
        """The object or objects whose state determines readiness."""
        raise NotImplementedError

    @property
    def state_num(self) -> int:
        """The state boundary used to decide what changed."""
        raise NotImplementedError

    def check_condition(self) -> bool:
        """Whether the value is ready; true once a value is cached.

        Runners call this repeatedly while a job is suspended, so conditions
        must be cheap.
        """
        raise NotImplementedError

    def _fetch(self) -> Any:
        """Compute the value, or raise FutureError while pending."""
        raise NotImplementedError

    # -- pickling: by fields, never through the value -------------------------

    def _fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {"_resolved": self._resolved}
        if self._resolved:
            fields["_value"] = self._value
        return fields

    def __reduce__(self) -> tuple[Any, ...]:
        # The fields travel as the pickle "state", applied after the object
        # exists, so futures inside their own deps or value pickle too.
        return (_new_future, (type(self),), self._fields())

    def __setstate__(self, state: dict[str, Any]) -> None:
        BaseFuture.__init__(self)
        for name, field in state.items():
            object.__setattr__(self, name, field)

    # -- attribute delegation -------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        # Only called when normal lookup failed: the name is not the future's.
        if name in FUTURE_API:
            error = self._pending_attribute_error()
            if error is not None:
                raise error
        if name.startswith("_") or name in FUTURE_API:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return getattr(self.value, name)

    def _pending_attribute_error(self) -> AttributeError | None:
        try:
            error = object.__getattribute__(self, "_attribute_error")
        except AttributeError:  # during unpickling, before the slots are set
            return None
        object.__setattr__(self, "_attribute_error", None)
        return typing.cast("AttributeError | None", error)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_") or name in FUTURE_API:
            object.__setattr__(self, name, value)
        else:
            setattr(self.value, name, value)

    def __delattr__(self, name: str) -> None:
        if name.startswith("_") or name in FUTURE_API:
            object.__delattr__(self, name)
        else:
            delattr(self.value, name)

    # -- conversions and protocols ----------------------------------------------

    def __repr__(self) -> str:
        # A resolved future is its value wherever it is shown (``print`` of a
        # list that holds it); a pending one is never resolved by a debugger
        # or a log line.
        if self._resolved:
            return repr(self._value)
        return f"<{type(self).__name__} pending>"

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(self.value, format_spec)

    def __bytes__(self) -> bytes:
        return bytes(self.value)

    def __bool__(self) -> bool:
        return bool(self.value)

    def __hash__(self) -> int:
        return hash(self.value)

    def __len__(self) -> int:
        # A tuple-shaped future knows its size before it is ready, and says so:
        # list(), tuple() and f(*future) ask len() first, and must give the
        # same FutureElement objects as unpacking rather than fail.
        size = self._known_size()
        return len(self.value) if size is None else size

    def _known_size(self) -> int | None:
        """The size of a pending tuple-shaped value, if known without fetching."""
        return None

    def __contains__(self, item: object) -> bool:
        return item in self.value

    def __getitem__(self, key: Any) -> Any:
        return self.value[key]

    def __setitem__(self, key: Any, item: Any) -> None:
        self.value[key] = item

    def __delitem__(self, key: Any) -> None:
        del self.value[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.value)

    def __reversed__(self) -> Iterator[Any]:
        return iter(reversed(self.value))

    def __next__(self) -> Any:
        return next(self.value)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.value(*args, **kwargs)

    def __enter__(self) -> Any:
        value = self.value
        return type(value).__enter__(value)

    def __exit__(self, *exc_info: Any) -> Any:
        value = self.value
        return type(value).__exit__(value, *exc_info)

    def __aenter__(self) -> Any:
        value = self.value
        return type(value).__aenter__(value)

    def __aexit__(self, *exc_info: Any) -> Any:
        value = self.value
        return type(value).__aexit__(value, *exc_info)

    def __aiter__(self) -> Any:
        value = self.value
        return type(value).__aiter__(value)

    def __anext__(self) -> Any:
        value = self.value
        return type(value).__anext__(value)

    def __fspath__(self) -> Any:
        return os.fspath(self.value)

    def __await__(self) -> Generator[Any, None, Any]:
        """``await future`` gives the resolved value, without yielding to the loop."""
        yield from ()  # a generator that yields nothing: __await__ must return an iterator
        return self.value

    def __index__(self) -> int:
        return operator.index(self.value)

    def __int__(self) -> int:
        return int(self.value)

    def __float__(self) -> float:
        return float(self.value)

    def __complex__(self) -> complex:
        return complex(self.value)

    def __abs__(self) -> Any:
        return abs(self.value)

    def __neg__(self) -> Any:
        return -self.value

    def __pos__(self) -> Any:
        return +self.value

    def __invert__(self) -> Any:
        return ~self.value

    def __round__(self, ndigits: int | None = None) -> Any:
        if ndigits is None:
            return round(self.value)
        return round(self.value, ndigits)

    def __trunc__(self) -> Any:
        return math.trunc(self.value)

    def __floor__(self) -> Any:
        return math.floor(self.value)

    def __ceil__(self) -> Any:
        return math.ceil(self.value)

    def __pow__(self, other: Any, modulo: Any = None) -> Any:
        if modulo is None:
            return self.value**other
        return pow(self.value, other, modulo)

    def __rpow__(self, other: Any, modulo: Any = None) -> Any:
        if modulo is None:
            return other**self.value
        return pow(other, self.value, modulo)

    # Binary operators, declared once each: ``future OP other`` is
    # ``future.value OP other``; the reflected ``other OP future`` is
    # ``other OP future.value``; the in-place ``future OP= other`` is
    # ``operator.iOP(future.value, other)``, so the name is rebound to a real
    # value and a mutable value is updated in place, exactly as if the value
    # itself had been there.
    __add__ = _forward(operator.add, "__add__")
    __radd__ = _reflect(operator.add, "__radd__")
    __iadd__ = _forward(operator.iadd, "__iadd__")
    __sub__ = _forward(operator.sub, "__sub__")
    __rsub__ = _reflect(operator.sub, "__rsub__")
    __isub__ = _forward(operator.isub, "__isub__")
    __mul__ = _forward(operator.mul, "__mul__")
    __rmul__ = _reflect(operator.mul, "__rmul__")
    __imul__ = _forward(operator.imul, "__imul__")
    __matmul__ = _forward(operator.matmul, "__matmul__")
    __rmatmul__ = _reflect(operator.matmul, "__rmatmul__")
    __imatmul__ = _forward(operator.imatmul, "__imatmul__")
    __truediv__ = _forward(operator.truediv, "__truediv__")
    __rtruediv__ = _reflect(operator.truediv, "__rtruediv__")
    __itruediv__ = _forward(operator.itruediv, "__itruediv__")
    __floordiv__ = _forward(operator.floordiv, "__floordiv__")
    __rfloordiv__ = _reflect(operator.floordiv, "__rfloordiv__")
    __ifloordiv__ = _forward(operator.ifloordiv, "__ifloordiv__")
    __mod__ = _forward(operator.mod, "__mod__")
    __rmod__ = _reflect(operator.mod, "__rmod__")
    __imod__ = _forward(operator.imod, "__imod__")
    __divmod__ = _forward(divmod, "__divmod__")
    __rdivmod__ = _reflect(divmod, "__rdivmod__")
    __lshift__ = _forward(operator.lshift, "__lshift__")
    __rlshift__ = _reflect(operator.lshift, "__rlshift__")
    __ilshift__ = _forward(operator.ilshift, "__ilshift__")
    __rshift__ = _forward(operator.rshift, "__rshift__")
    __rrshift__ = _reflect(operator.rshift, "__rrshift__")
    __irshift__ = _forward(operator.irshift, "__irshift__")
    __and__ = _forward(operator.and_, "__and__")
    __rand__ = _reflect(operator.and_, "__rand__")
    __iand__ = _forward(operator.iand, "__iand__")
    __xor__ = _forward(operator.xor, "__xor__")
    __rxor__ = _reflect(operator.xor, "__rxor__")
    __ixor__ = _forward(operator.ixor, "__ixor__")
    __or__ = _forward(operator.or_, "__or__")
    __ror__ = _reflect(operator.or_, "__ror__")
    __ior__ = _forward(operator.ior, "__ior__")
    __ipow__ = _forward(operator.ipow, "__ipow__")

    # Comparisons: Python swaps a reflected comparison itself (``3 < future``
    # calls ``future.__gt__(3)``), so the forward form serves both sides.
    __eq__ = _forward(operator.eq, "__eq__")
    __ne__ = _forward(operator.ne, "__ne__")
    __lt__ = _forward(operator.lt, "__lt__")
    __le__ = _forward(operator.le, "__le__")
    __gt__ = _forward(operator.gt, "__gt__")
    __ge__ = _forward(operator.ge, "__ge__")


def _new_future(cls: type[BaseFuture]) -> BaseFuture:
    """Create an empty future for unpickling; ``__setstate__`` fills it."""
    return cls.__new__(cls)


class FutureResult(BaseFuture):
    """A pending result of a ``@temporal`` function.

    ``deps`` is the object or objects whose state determines readiness and
    ``state_num`` the state boundary used to decide what changed. The
    ``@temporal`` decorator attaches the complement (fetches the value) and the
    condition (says whether it is ready)::

        @temporal(complement=fetch_report, condition=report_is_ready)
        def wait_for_report(report):
            if report.status == "ready":
                return report.url
            return FutureResult(deps=report, state_num=report.version)

        future = wait_for_report(report)
        if future.check_condition():
            print(future.value)

    If the complement declares a fixed-size tuple return type
    (``-> tuple[str, int]``), unpacking a pending future gives one
    :class:`FutureElement` per slot without fetching anything::

        label, count = wait_for_pair(result)   # both FutureElement while pending
    """

    __slots__ = ("_complement", "_condition", "_deps", "_state_num")

    _deps: Any
    _state_num: int
    _complement: Complement | None
    _condition: Condition | None

    def __init__(self, deps: Any = None, state_num: int = 0) -> None:
        super().__init__()
        self._deps = deps
        self._state_num = state_num
        self._complement = None
        self._condition = None

    @property
    def deps(self) -> Any:
        """The object or objects whose state determines readiness."""
        return self._deps

    @property
    def state_num(self) -> int:
        """The state boundary used to decide what changed."""
        return self._state_num

    def check_condition(self) -> bool:
        """Call the condition: whether the value is ready (true once cached)."""
        if self._resolved:
            return True
        condition = self._condition
        if condition is None:
            raise TypeError(_not_temporal_message(self, "condition"))
        return bool(condition(self))

    def _fetch(self) -> Any:
        complement = self._complement
        if complement is None:
            raise TypeError(_not_temporal_message(self, "complement"))
        return complement(self)

    def _attach(self, complement: Complement, condition: Condition) -> None:
        self._complement = complement
        self._condition = condition

    def _fields(self) -> dict[str, Any]:
        fields = super()._fields()
        fields.update(
            _deps=self._deps,
            _state_num=self._state_num,
            _complement=self._complement,
            _condition=self._condition,
        )
        return fields

    def _known_size(self) -> int | None:
        if self._resolved or self._complement is None:
            return None
        return _fixed_tuple_size(self._complement)

    def __iter__(self) -> Iterator[Any]:
        size = self._known_size()
        if size is None:
            return iter(self.value)
        return iter([FutureElement(self, index) for index in range(size)])

    def __repr__(self) -> str:
        if self._resolved:
            return repr(self._value)  # it is its value wherever it is shown
        state = "pending"
        return f"<FutureResult {state} deps={_short.repr(self._deps)} state_num={self._state_num!r}>"


class FutureElement(BaseFuture):
    """One slot of a tuple-shaped future, tied back to its parent.

    Unpacking a pending :class:`FutureResult` whose complement returns a
    fixed-size tuple (or a pending :class:`AllFuture`) gives one element per
    slot. An element is ready when its parent is, and its value is
    ``parent.value[index]``; ``deps`` and ``state_num`` are the parent's::

        label, count = wait_for_pair(result)
        label.check_condition()   # result's condition
        label.value               # wait_for_pair's value[0]
    """

    __slots__ = ("_index", "_parent")

    _parent: BaseFuture
    _index: int

    def __init__(self, parent: BaseFuture, index: int) -> None:
        if not isinstance(parent, BaseFuture):
            raise TypeError(f"FutureElement needs a future as its parent, got {type(parent).__name__}")
        super().__init__()
        self._parent = parent
        self._index = operator.index(index)

    @property
    def deps(self) -> Any:
        """The parent future's deps."""
        return self._parent.deps

    @property
    def state_num(self) -> int:
        """The parent future's state_num."""
        return self._parent.state_num

    def check_condition(self) -> bool:
        """Ready when the parent is."""
        return self._resolved or self._parent.check_condition()

    def _fetch(self) -> Any:
        return self._parent.value[self._index]

    def _fields(self) -> dict[str, Any]:
        fields = super()._fields()
        fields.update(_parent=self._parent, _index=self._index)
        return fields

    def __repr__(self) -> str:
        if self._resolved:
            return repr(self._value)  # it is its value wherever it is shown
        state = "pending"
        return f"<FutureElement {state} index={self._index} of {self._parent!r}>"


class CombinedFuture(BaseFuture):
    """A future made of several inputs; ``deps`` is the tuple of inputs.

    An input that is not a future counts as an already-ready value: a temporal
    function returns its value directly when it is ready, so
    ``get_any_future(wait_for_export(a), wait_for_export(b))`` may receive
    plain values. ``state_num`` is 0: a combined future has no state boundary
    of its own, its inputs carry theirs.
    """

    __slots__ = ("_futures",)

    _futures: tuple[Any, ...]

    def __init__(self, futures: tuple[Any, ...]) -> None:
        super().__init__()
        self._futures = tuple(futures)

    @property
    def deps(self) -> tuple[Any, ...]:
        """The input futures (and ready values), in the order given."""
        return self._futures

    @property
    def state_num(self) -> int:
        """Always 0; each input carries its own state_num."""
        return 0

    def _fields(self) -> dict[str, Any]:
        fields = super()._fields()
        fields["_futures"] = self._futures
        return fields

    def __repr__(self) -> str:
        if self._resolved:
            return repr(self._value)  # it is its value wherever it is shown
        state = "pending"
        return f"<{type(self).__name__} {state} of {len(self._futures)} inputs>"


class AnyFuture(CombinedFuture):
    """Resolves to the value of the first input whose condition is ready.

    Built by :func:`get_any_future`. Inputs are checked in order with
    ``check_condition()``; the first ready one gives the value. An input whose
    condition passes but whose complement still raises FutureError is treated
    as not ready. While none is ready, reading the value raises
    ``FutureError(any_future)``.
    """

    __slots__ = ()

    def check_condition(self) -> bool:
        """Whether any input is ready."""
        return self._resolved or any(_is_ready(future) for future in self._futures)

    def _fetch(self) -> Any:
        for future in self._futures:
            if not _is_ready(future):
                continue
            try:
                return resolve(future)
            except FutureError:
                continue
        raise FutureError(self)


class AllFuture(CombinedFuture):
    """Resolves to the tuple of every input's value, in input order.

    Built by :func:`get_all_future`. While any input is pending, reading the
    value raises ``FutureError(all_future)``. Its size is known before it is
    ready, so unpacking a pending one gives one :class:`FutureElement` per
    input::

        profile, calendar = get_all_future(wait_for_profile(p), wait_for_calendar(c))
    """

    __slots__ = ()

    def check_condition(self) -> bool:
        """Whether every input is ready."""
        return self._resolved or all(_is_ready(future) for future in self._futures)

    def _fetch(self) -> Any:
        # Conditions are cheap and complements may not be: fetch nothing until
        # every input says it is ready.
        if not all(_is_ready(future) for future in self._futures):
            raise FutureError(self)
        try:
            return tuple(resolve(future) for future in self._futures)
        except FutureError as error:
            raise FutureError(self) from error

    def _known_size(self) -> int | None:
        return None if self._resolved else len(self._futures)

    def __iter__(self) -> Iterator[Any]:
        if self._resolved:
            return iter(self._value)
        return iter([FutureElement(self, index) for index in range(len(self._futures))])


FUTURE_TYPES: tuple[type[BaseFuture], ...] = (FutureResult, FutureElement, AnyFuture, AllFuture)
"""Every concrete future class, for ``isinstance(obj, FUTURE_TYPES)``."""


def is_future(obj: object) -> bool:
    """Whether ``obj`` is a statek_vm future (of any kind). Never resolves it."""
    return isinstance(obj, BaseFuture)


def resolve(obj: Any) -> Any:
    """``obj.value`` for a future, ``obj`` itself for anything else.

    One level only: a value that is itself a future is returned as it is::

        resolve(3)              # 3
        resolve(ready_future)   # 'https://reports.example/report.pdf'
    """
    if isinstance(obj, BaseFuture):
        return obj.value
    return obj


def _is_ready(obj: Any) -> bool:
    if isinstance(obj, BaseFuture):
        return obj.check_condition()
    return True


def future_aware(fn: F) -> F:
    """Mark a callable that takes futures themselves as arguments.

    The VM resolves a future passed directly to a host callable before the
    call, so the callable sees the value; a callable marked with this
    decorator receives the futures unresolved. ``get_any_future`` and
    ``get_all_future`` are marked::

        @future_aware
        def describe(future):
            return "ready" if future.check_condition() else "waiting"
    """
    fn.__statek_future_aware__ = True  # type: ignore[attr-defined]
    return fn


def is_future_aware(fn: object) -> bool:
    """Whether ``fn`` was marked with :func:`future_aware`."""
    return getattr(fn, "__statek_future_aware__", False) is True


@future_aware
def get_any_future(*futures: Any) -> AnyFuture:
    """Combine futures into one that resolves to the first ready value.

    Inputs are checked in order; a plain (non-future) argument counts as
    already ready. At least one argument is required::

        first_output_url = get_any_future(primary, fallback)
        notify_user(first_output_url)   # in a job, suspends until one is ready
    """
    if not futures:
        raise TypeError("get_any_future() needs at least one future to wait for")
    return AnyFuture(futures)


@future_aware
def get_all_future(*futures: Any) -> AllFuture:
    """Combine futures into one that resolves to the tuple of all their values.

    Values come in input order; a plain (non-future) argument counts as
    already ready. At least one argument is required::

        profile_data, calendar_data = get_all_future(profile, calendar)
        print(profile_data)   # in a job, suspends until both are ready
    """
    if not futures:
        raise TypeError("get_all_future() needs at least one future to wait for")
    return AllFuture(futures)


class TemporalFunction(Protocol[P, R_co]):
    """A function decorated with ``@temporal(...)``."""

    @property
    def complement(self) -> Complement: ...

    @property
    def condition(self) -> Condition: ...

    @property
    def __wrapped__(self) -> Callable[P, R_co]: ...

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R_co: ...


def temporal(
    func: object = None,
    /,
    *,
    complement: Complement | None = None,
    condition: Condition | None = None,
    extends: object = None,
) -> Callable[[Callable[P, R]], TemporalFunction[P, R]]:
    """Make a function temporal: it returns its value, or a pending FutureResult.

    A ready return value passes through unchanged; a returned
    :class:`FutureResult` gets ``complement`` and ``condition`` attached and is
    returned as the same object. Works for sync and ``async`` functions (the
    async wrapper awaits the function, then does the same)::

        @temporal(complement=fetch_report, condition=report_is_ready)
        def wait_for_report(report):
            ...

        @temporal(complement=fetch_report, condition=report_is_ready)
        async def wait_for_remote_report(report_id):
            ...

    ``extends=`` reuses another temporal function's complement and condition::

        @temporal(extends=wait_for_report)
        def wait_for_report_by_id(report_id):
            return wait_for_report(load_report(report_id))

    The wrapper exposes ``.complement``, ``.condition`` and ``.__wrapped__``.
    """
    if func is not None:
        raise TypeError(
            "temporal must be called with its support functions: write "
            "@temporal(complement=..., condition=...) or @temporal(extends=...), not @temporal"
        )
    if extends is not None:
        if complement is not None or condition is not None:
            raise TypeError(
                "temporal(extends=...) reuses the complement and condition of the base "
                "temporal function; do not also pass complement= or condition="
            )
        if not _is_temporal(extends):
            raise TypeError(f"temporal(extends=...) needs a function decorated with @temporal(...), got {extends!r}")
        base = typing.cast("TemporalFunction[..., Any]", extends)
        complement, condition = base.complement, base.condition
    elif complement is None and condition is None:
        raise TypeError("temporal() needs complement= and condition= (or extends= another temporal function)")
    elif complement is None:
        raise TypeError("temporal(condition=...) also needs complement=: the function that fetches the value")
    elif condition is None:
        raise TypeError("temporal(complement=...) also needs condition=: the function that says whether it is ready")
    for role, support in (("complement", complement), ("condition", condition)):
        if not callable(support):
            raise TypeError(f"temporal({role}=...) must be callable, got {support!r}")
    attached_complement, attached_condition = complement, condition

    def decorate(fn: Callable[P, R]) -> TemporalFunction[P, R]:
        return _make_temporal(fn, attached_complement, attached_condition)

    return decorate


def _is_coroutine_function(fn: object) -> bool:
    # Functions defined by a script run on the VM are not native functions,
    # so ``inspect.iscoroutinefunction`` does not see their code flags.
    if inspect.iscoroutinefunction(fn):
        return True
    code = getattr(fn, "__code__", None)
    return isinstance(code, types.CodeType) and bool(code.co_flags & inspect.CO_COROUTINE)


def _make_temporal(fn: Callable[P, R], complement: Complement, condition: Condition) -> TemporalFunction[P, R]:
    if not callable(fn):
        raise TypeError(f"@temporal(...) decorates a function, got {fn!r}")
    wrapper: Any
    if _is_coroutine_function(fn):

        @functools.wraps(fn)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            return _attach(await typing.cast("Awaitable[Any]", fn(*args, **kwargs)), complement, condition)

    else:

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return _attach(fn(*args, **kwargs), complement, condition)

    wrapper.complement = complement
    wrapper.condition = condition
    wrapper.__statek_temporal__ = True
    return typing.cast("TemporalFunction[P, R]", wrapper)


def _attach(result: Any, complement: Complement, condition: Condition) -> Any:
    if isinstance(result, FutureResult):
        result._attach(complement, condition)
    return result


def _is_temporal(obj: object) -> bool:
    return getattr(obj, "__statek_temporal__", False) is True


def _not_temporal_message(future: FutureResult, missing: str) -> str:
    return (
        f"{future!r} has no {missing}: it was not returned by a @temporal function. "
        "Return it from a function decorated with @temporal(complement=..., condition=...) "
        "so that its complement and condition are attached."
    )


# -- fixed-size tuple return annotations ---------------------------------------


# By function (a bound method's too), while it lives: a complement a script
# defined goes with its job.
_tuple_sizes: weakref.WeakKeyDictionary[Any, int | None] = weakref.WeakKeyDictionary()


def _fixed_tuple_size(complement: Callable[..., Any]) -> int | None:
    """The size of the tuple ``complement`` declares it returns, if fixed (cached)."""
    function = getattr(complement, "__func__", complement)
    try:
        return _tuple_sizes[function]
    except KeyError:
        pass
    except TypeError:  # a callable object that cannot be weakly referenced or hashed
        return _declared_tuple_size(complement)
    size = _tuple_sizes[function] = _declared_tuple_size(complement)
    return size


def _declared_tuple_size(complement: Callable[..., Any]) -> int | None:
    """The size of the tuple ``complement`` declares it returns, if fixed.

    ``tuple[str, int]`` and ``Tuple[str, int]`` are fixed (size 2);
    ``tuple[int, ...]``, a bare ``tuple`` or any other annotation is not.
    Annotations postponed by ``from __future__ import annotations`` are
    evaluated with ``typing.get_type_hints``; if that fails (a name that only
    exists under ``TYPE_CHECKING``, say) the annotation text is parsed instead.
    """
    try:
        hint = typing.get_type_hints(complement).get("return")
    except Exception:  # noqa: BLE001 - evaluating annotations runs arbitrary code; fall back to the text
        annotations = getattr(complement, "__annotations__", None)
        hint = annotations.get("return") if isinstance(annotations, dict) else None
    if isinstance(hint, str):
        return _tuple_size_from_source(hint)
    return _tuple_size_from_hint(hint)


def _tuple_size_from_hint(hint: object) -> int | None:
    if hint is tuple or hint is typing.Tuple:  # noqa: UP006 - the bare alias means tuple[Any, ...]
        return None
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if any(arg is Ellipsis for arg in args):
            return None
        return len(args)
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):
        return len(hint._fields)  # a NamedTuple
    return None


def _tuple_size_from_source(text: str) -> int | None:
    try:
        node = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _tuple_size_from_source(node.value)  # a quoted annotation inside a postponed one
    if not isinstance(node, ast.Subscript):
        return None
    base = node.value
    name = base.id if isinstance(base, ast.Name) else base.attr if isinstance(base, ast.Attribute) else None
    if name not in ("tuple", "Tuple"):
        return None
    items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if any(isinstance(item, ast.Constant) and item.value is Ellipsis for item in items):
        return None
    return len(items)
