"""Reducers of the host iterators a job holds at a wait, so that they resume with their native meaning.

``REDUCERS`` maps an exact type to a function returning a pickle reduce
tuple for one of its objects; the snapshot picklers use it (see
``statek_vm/snapshot/pickling.py``).

A ``for`` loop over a host object keeps a native iterator on the frame's
value stack, and a script may keep one in a variable.  Pickle's own forms of
several of them change what the script does after a resume: a dict or set
iterator pickles as an iterator over a *copy* of what remains (a value the
loop reassigns for a later key is not seen, a dict whose size changed no
longer raises), dict views do not pickle at all, and ``groupby`` loses the
key of the group in progress.  The reducers here take each object's state
from what it shows — the object it iterates (``gc.get_referents``), its
``__length_hint__``, what remains — and rebuild the same native type over the
*loaded* object, the one the script's variables hold, without running
anything the script could observe: no script ``__iter__``, ``__hash__`` or key
function runs while a snapshot loads.

What cannot be rebuilt exactly raises :class:`NotCarried`, which
``Job.dumps`` reports as a ``SnapshotError`` with its advice; so does what no
snapshot can carry (generators made by host code, open resources).
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import enum
import gc
import io
import itertools
import operator
import pickle
import sys
import types
import warnings
import weakref
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from statek_vm.exceptions import SnapshotError

REDUCERS: dict[type, Any] = {}


class NotCarried(pickle.PicklingError):
    """A value no snapshot can carry exactly; ``advice`` says what the script can do instead."""

    def __init__(self, message: str, advice: str) -> None:
        super().__init__(message)
        self.advice = advice


_Reducer = TypeVar("_Reducer", bound=Callable[[Any], Any])


def _reducer(*types_: type) -> Callable[[_Reducer], _Reducer]:
    def register(function: _Reducer) -> _Reducer:
        for t in types_:
            REDUCERS[t] = function
        return function

    return register


_HEAPTYPE = 1 << 9


def _referents(obj: Any) -> list[Any]:
    """What ``obj`` refers to, in the order its type visits them (NULL fields skipped)."""
    found = gc.get_referents(obj)
    # Heap types (itertools' on 3.12 and later) visit their type first.
    if type(obj).__flags__ & _HEAPTYPE and found and found[0] is type(obj):
        del found[0]
    return found


class _Handing:
    """Hands an iterator to a native constructor that calls ``iter()`` on its argument.

    ``iter()`` of an instance of a script class runs the script's
    ``__iter__``; it ran when the script built the iterator, and must not run
    again while a snapshot loads.
    """

    __slots__ = ("it",)

    def __init__(self, it: Any) -> None:
        self.it = it

    def __iter__(self) -> Any:
        return self.it


def _hand(obj: Any) -> Any:
    # Only an iterator is its own iter(); anything else is iterated afresh, as it was.
    return _Handing(obj) if hasattr(type(obj), "__next__") else obj


# -- dict views and dict iterators -------------------------------------------------

_VIEWS: tuple[Callable[[dict[Any, Any]], Any], ...] = (dict.keys, dict.values, dict.items)
_VIEW_KINDS: dict[type, int] = {type(view({})): kind for kind, view in enumerate(_VIEWS)}
# type -> (which view, reversed)
_DICT_ITERATORS: dict[type, tuple[int, bool]] = {}
for _kind, _view in enumerate(_VIEWS):
    _DICT_ITERATORS[type(iter(_view({})))] = (_kind, False)
    _DICT_ITERATORS[type(reversed(_view({})))] = (_kind, True)


@_reducer(*_VIEW_KINDS)
def _reduce_dict_view(view: Any) -> Any:
    # Natively unpicklable; a view is its dict and which view it is.
    (d,) = gc.get_referents(view)
    return (dict_view, (d, _VIEW_KINDS[type(view)]))


def dict_view(d: dict[Any, Any], kind: int) -> Any:
    # dict.keys(d), not d.keys(): a dict subclass of the script may override keys().
    return _VIEWS[kind](d)


@_reducer(*_DICT_ITERATORS)
def _reduce_dict_iterator(it: Any) -> Any:
    kind, backwards = _DICT_ITERATORS[type(it)]
    d = next((r for r in gc.get_referents(it) if isinstance(r, dict)), None)
    if d is None:  # exhausted: the iterator let go of its dict
        return (exhausted_dict_iterator, (kind, backwards))
    size = dict.__len__(d)
    try:
        # The native reduction iterates a copy of the iterator: what remains.
        remaining = len(it.__reduce__()[1][0])
    except RuntimeError as error:
        if "size" in str(error):
            # The dict's size changed since the iterator was made: the next
            # step raises, as natively (unless the script restores the size
            # before it, which no public state of the iterator shows).
            return (dict_iterator_size_changed, (kind, backwards))
        if operator.length_hint(it) == 0:
            # Keys were deleted and added: the next step finds one more key
            # than the iterator expects and raises.
            return (dict_iterator_keys_changed, (kind,))
        raise NotCarried(
            f"a {type(it).__name__} whose dict's keys changed during the iteration cannot be carried exactly "
            f"(natively it yields {operator.length_hint(it)} more item(s), then raises RuntimeError)",
            "Do not delete and add keys of a dict while a loop iterates it; iterate over list(d.items()) instead.",
        ) from None
    # After loading, the dict holds the same items in the same order, without
    # the holes deletions leave: the iterator resumes after the items that
    # came before it, yielding the remaining ones from the live dict.
    return (dict_iterator, (d, kind, backwards, size - remaining, size))


def dict_iterator(d: dict[Any, Any], kind: int, backwards: bool, done: int, size: int) -> Any:
    if dict.__len__(d) != size:
        # Pickle builds a dict before its items only when the dict holds,
        # through its items, the iterator itself.
        raise SnapshotError(
            "this snapshot cannot be loaded: it holds an iterator over a dict that holds the iterator itself"
        )
    view = _VIEWS[kind](d)
    it = reversed(view) if backwards else iter(view)
    # Stepping a dict iterator runs no script code (no hashing).
    next(itertools.islice(it, done, done), None)
    return it


def exhausted_dict_iterator(kind: int, backwards: bool) -> Any:
    view = _VIEWS[kind]({})
    it = reversed(view) if backwards else iter(view)
    next(it, None)
    return it


def dict_iterator_size_changed(kind: int, backwards: bool) -> Any:
    # An iterator of the same type that has seen its dict change size: every
    # next step raises "dictionary changed size during iteration".
    scratch: dict[Any, Any] = {None: None}
    view = _VIEWS[kind](scratch)
    it = reversed(view) if backwards else iter(view)
    scratch[0] = 0
    with contextlib.suppress(RuntimeError):
        next(it)
    return it


def dict_iterator_keys_changed(kind: int) -> Any:
    # An iterator that has yielded every key it expects while one more is
    # there: its next step raises "dictionary keys changed during iteration".
    scratch: dict[Any, Any] = {0: 0}
    it = iter(_VIEWS[kind](scratch))
    next(it)
    del scratch[0]
    scratch[1] = 1
    return it


# -- set iterators -----------------------------------------------------------------


def _set_len(s: Any) -> int:
    # set.__len__, not len(): a set subclass of the script may override __len__.
    return set.__len__(s) if isinstance(s, set) else frozenset.__len__(s)


def _set_has(s: Any, item: Any) -> bool:
    return set.__contains__(s, item) if isinstance(s, set) else frozenset.__contains__(s, item)


class SetIterator:
    """A set iterator that resumes where a native one was.

    A set's order is that of its hash table, which a loaded set rebuilds (and
    string hashes differ from one process to the next), so no native iterator
    over the loaded set can continue where the saved one was.  This one
    yields the items the saved one had still to yield, in its order, from the
    live set: an item removed since is skipped, and when the set's size is not
    the one it had when the iteration began, the next step raises
    ``RuntimeError('Set changed size during iteration')`` as natively, and
    every step after it.
    """

    __slots__ = ("_items", "_left", "_pos", "_set", "_used")

    def __init__(self, s: Any, used: int, items: list[Any], left: int) -> None:
        self._set = s
        self._used = used
        self._items = items
        self._pos = 0
        self._left = left

    def __iter__(self) -> SetIterator:
        return self

    def __next__(self) -> Any:
        s = self._set
        if s is None:
            raise StopIteration
        if self._used != _set_len(s):
            self._used = -1  # as natively: once raised, always raised
            raise RuntimeError("Set changed size during iteration")
        items = self._items
        while self._pos < len(items):
            item = items[self._pos]
            self._pos += 1
            if _set_has(s, item):
                self._left -= 1
                return item
        self._set = None
        self._items = []
        raise StopIteration

    def __length_hint__(self) -> int:
        s = self._set
        return self._left if s is not None and self._used == _set_len(s) else 0

    def __reduce__(self) -> Any:
        # What a native set iterator pickles as (an iterator over a copy of
        # what remains); snapshots use _reduce_set_iterator.
        s = self._set
        if s is None:
            return (iter, ([],))
        if self._used != _set_len(s):
            raise RuntimeError("Set changed size during iteration")
        return (iter, ([item for item in self._items[self._pos :] if _set_has(s, item)],))


# Shown as the native type is.
SetIterator.__name__ = SetIterator.__qualname__ = "set_iterator"
SetIterator.__module__ = "builtins"


@_reducer(type(iter(set())))
def _reduce_set_iterator(it: Any) -> Any:
    found = gc.get_referents(it)
    if not found:  # exhausted
        return (set_iterator, (None, -1, [], 0))
    s = found[0]
    try:
        remaining = it.__reduce__()[1][0]
    except RuntimeError:
        # The size changed: the next step raises (see dict_iterator_size_changed).
        return (set_iterator, (s, -1, [], 0))
    return (set_iterator, (s, _set_len(s), remaining, operator.length_hint(it)))


@_reducer(SetIterator)
def _reduce_loaded_set_iterator(it: SetIterator) -> Any:
    return (set_iterator, (it._set, it._used, it._items[it._pos :], it._left))


def set_iterator(s: Any, used: int, items: list[Any], left: int) -> SetIterator:
    return SetIterator(s, used, items, left)


# -- iter(callable, sentinel) ------------------------------------------------------


@_reducer(type(iter(int, 0)))
def _reduce_callable_iterator(it: Any) -> Any:
    if not _referents(it):  # exhausted: natively it pickles as an empty tuple iterator
        return (exhausted_callable_iterator, ())
    return it.__reduce__()  # (iter, (callable, sentinel)): exact


def exhausted_callable_iterator() -> Any:
    it = iter(int, 0)  # int() is the sentinel at once
    next(it, None)
    return it


# -- itertools whose state shows --------------------------------------------------


@_reducer(itertools.count)
def _reduce_count(counter: Any) -> Any:
    found = _referents(counter)
    if len(found) == 2:
        value, step = found
    else:
        # Counting by 1 within a C integer, the count itself is no object:
        # only repr shows it ("count(5)").
        (step,) = found
        value = int(repr(counter)[len("count(") : -1])
    return (itertools.count, (value, step))


@_reducer(itertools.repeat)
def _reduce_repeat(repeat: Any) -> Any:
    (element,) = _referents(repeat)
    try:
        times = repeat.__length_hint__()
    except TypeError:  # repeats for ever
        return (itertools.repeat, (element,))
    return (itertools.repeat, (element, times))


@_reducer(itertools.starmap, itertools.filterfalse)
def _reduce_function_over_iterator(obj: Any) -> Any:
    t = type(obj)
    it, function = _referents(obj)
    return (function_over_iterator, (t, function, it))


def function_over_iterator(t: Any, function: Any, it: Any) -> Any:
    return t(function, _Handing(it))


@_reducer(itertools.compress)
def _reduce_compress(compress: Any) -> Any:
    data, selectors = _referents(compress)
    return (compress_iterator, (data, selectors))


def compress_iterator(data: Any, selectors: Any) -> Any:
    return itertools.compress(_Handing(data), _Handing(selectors))


@_reducer(itertools.accumulate)
def _reduce_accumulate(acc: Any) -> Any:
    # Visited: the function (unless none), the iterator, the running total
    # (once started), the initial value (None once yielded).
    found = _referents(acc)
    if len(found) == 4:
        function, it, total, initial = found
        started = True
    elif len(found) == 2:
        it, initial = found
        function, total, started = None, None, False
    elif hasattr(type(found[0]), "__next__"):
        it, total, initial = found
        function, started = None, True
    else:
        function, it, initial = found
        total, started = None, False
    return (accumulate_iterator, (it, function, started, total, initial))


def accumulate_iterator(it: Any, function: Any, started: bool, total: Any, initial: Any) -> Any:
    if not started:
        return itertools.accumulate(_Handing(it), function, initial=initial)
    # An accumulate yields its initial value first, without calling anything;
    # after it, the running total is that value, as it was.
    acc = itertools.accumulate(_Handing(it), function, initial=total)
    next(acc)
    return acc


@_reducer(itertools.pairwise)
def _reduce_pairwise(pairs: Any) -> Any:
    found = _referents(pairs)  # the iterator, then the last item (each while set)
    if _PAIRWISE_KEEPS_RESULT:
        found = found[:-1]  # 3.13 keeps its result tuple, last, from the start
    if not found:
        return (pairwise_iterator, (iter(()), False, None))
    if len(found) == 1:
        return (pairwise_iterator, (found[0], False, None))
    return (pairwise_iterator, (found[0], True, found[1]))


_PAIRWISE_KEEPS_RESULT = sys.version_info >= (3, 13)


def pairwise_iterator(it: Any, has_last: bool, last: Any) -> Any:
    if not has_last:
        return itertools.pairwise(_Handing(it))
    # The last item first, then the rest: the next pair is (last, next(it)), as it was.
    return itertools.pairwise(itertools.chain((last,), _Handing(it)))


# -- groupby -----------------------------------------------------------------------


@_reducer(itertools.groupby)
def _reduce_groupby(groups: Any) -> Any:
    # Visited: the iterator, the key function, then the key of the group in
    # progress, the key and value read ahead (each when set).  The native
    # reduction drops the key of the group in progress once its grouper has
    # taken the value read ahead: the next group would start inside it.
    found = _referents(groups)
    it, key = found[0], found[1]
    state = tuple(found[2:])
    return (groupby_iterator, (it, key, state))


def groupby_iterator(it: Any, key: Any, state: tuple[Any, ...]) -> Any:
    groups = itertools.groupby(_Handing(it), key)
    if not state:
        return groups
    target = state[0]
    with _deprecated_pickling():
        if len(state) == 3:
            _, current_key, current_value = state
            groups.__setstate__((current_key, current_value, target))  # type: ignore[attr-defined]
            return groups
        # Only the key of the group in progress: read a placeholder ahead with
        # that key, and let a grouper take it, which clears what was read.
        groups.__setstate__((target, None, target))  # type: ignore[attr-defined]
    next(itertools._grouper(groups, target))  # type: ignore[attr-defined]
    return groups


@_reducer(itertools._grouper)  # type: ignore[attr-defined]
def _reduce_grouper(grouper: Any) -> Any:
    groups, target = _referents(grouper)
    with _deprecated_pickling():
        current = grouper.__reduce__()[0] is not iter
    return (grouper_iterator, (groups, target, current))


def grouper_iterator(groups: Any, target: Any, current: bool) -> Any:
    # A grouper made now is its groupby's current one; one the groupby has
    # moved past yields nothing, as one of an exhausted groupby does.
    return itertools._grouper(groups if current else itertools.groupby(()), target)  # type: ignore[attr-defined]


# -- itertools whose state only their reduction shows ---------------------------------
#
# Where a cycle is in its saved items, an islice's counters, a product's or a
# combination's indices, whether takewhile stopped or dropwhile started, a
# chain's current iterable, which of zip_longest's
# iterators are exhausted: none of it shows but in the type's own
# reduction, which states it exactly on 3.11 to 3.13 (3.12 and 3.13 warn that
# it goes in 3.14: the warning is silenced for that call).  The object is
# rebuilt from it with the constructor and __setstate__, which run no script
# code (iterators are handed over as they are, see _Handing).

# type -> positions of the constructor's arguments that it calls iter() on
_NATIVE_ARGUMENT_ITERATORS: dict[Any, tuple[int, ...] | None] = {
    itertools.cycle: (0,),
    itertools.islice: (0,),
    itertools.chain: (),
    itertools.product: (),
    itertools.permutations: (),
    itertools.combinations: (),
    itertools.combinations_with_replacement: (),
    itertools.takewhile: (1,),
    itertools.dropwhile: (1,),
    itertools.zip_longest: None,  # all of them
}


@contextlib.contextmanager
def _deprecated_pickling() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, message="Pickle, copy, and deepcopy")
        yield


@_reducer(*_NATIVE_ARGUMENT_ITERATORS)
def _reduce_natively(obj: Any) -> Any:
    reduce = getattr(type(obj), "__reduce__", None)
    if reduce is None or reduce is object.__reduce__:  # pragma: no cover - CPython 3.14
        raise NotCarried(
            f"{type(obj).__module__}.{type(obj).__qualname__} shows no state on this CPython",
            "Turn it into a list before the job waits.",
        )
    with _deprecated_pickling():
        reduced = reduce(obj)
    make, args = reduced[0], reduced[1]
    state = reduced[2] if len(reduced) > 2 else None
    return (native_iterator, (make, args), state, None, None, set_native_state)


def native_iterator(make: Any, args: tuple[Any, ...]) -> Any:
    if make in _NATIVE_ARGUMENT_ITERATORS:
        positions = _NATIVE_ARGUMENT_ITERATORS[make]
        args = tuple(_hand(arg) if positions is None or i in positions else arg for i, arg in enumerate(args))
    return make(*args)


def set_native_state(obj: Any, state: Any) -> None:
    with _deprecated_pickling():
        obj.__setstate__(state)


# -- tee ----------------------------------------------------------------------------
#
# Tees share a linked buffer of what they read from their iterator; each is
# at an index in one link.  Their reductions show both, but the native way
# back (the buffer's constructor and the tee's __setstate__) corrupts memory
# on 3.12.  Loaded tees are LoadedTee objects instead: they share one
# buffer (_TeeBuffer) over the same iterator, each at its own position, and
# travel as themselves in later snapshots (a native tee over a chain of what
# was buffered would nest one level deeper at each snapshot).


class TeeLink:
    """A link of a native tee buffer, as loaded: its items, the next link, and (the last) the iterator."""

    __slots__ = ("buffer", "items", "next", "source")

    def __init__(self, source: Any, items: list[Any], next_link: TeeLink | None) -> None:
        self.source = source
        self.items = items
        self.next = next_link
        self.buffer: _TeeBuffer | None = None  # (the last link's: the loaded tees' shared buffer)


@_reducer(itertools._tee_dataobject)  # type: ignore[attr-defined]
def _reduce_tee_link(link: Any) -> Any:
    with _deprecated_pickling():
        _, (source, items, next_link) = link.__reduce__()
    return (tee_link, (source, items, next_link))


def tee_link(source: Any, items: list[Any], next_link: TeeLink | None) -> TeeLink:
    return TeeLink(source, items, next_link)


@_reducer(itertools._tee)  # type: ignore[attr-defined]
def _reduce_tee(tee: Any) -> Any:
    with _deprecated_pickling():
        _, _, (link, index) = tee.__reduce__()
    return (tee_iterator, (link, index))


def tee_iterator(link: TeeLink, index: int) -> LoadedTee:
    """A native tee at ``index`` of ``link``, loaded: a LoadedTee on its buffer's shared one."""
    unread = list(link.items[index:])
    while link.next is not None:
        link = link.next
        unread.extend(link.items)
    buffer = link.buffer
    if buffer is None:
        buffer = link.buffer = _TeeBuffer([], 0, link.source)
    # Positions count from the buffer's end when it was saved (0: the next
    # item to read from the iterator); a tee further behind than those
    # loaded so far brings the items before theirs.
    held = len(buffer.items)
    if len(unread) > held:
        buffer.items[:0] = unread[: len(unread) - held]
        buffer.base = -len(unread)
    return LoadedTee(buffer, -len(unread))


class _TeeBuffer:
    """What loaded tees of one buffer read from their iterator and have not all passed yet."""

    __slots__ = ("base", "items", "source", "tees")

    def __init__(self, items: list[Any], base: int, source: Any) -> None:
        self.items = items  # items[k]: the item at position base + k
        self.base = base
        self.source = source
        self.tees: weakref.WeakSet[LoadedTee] = weakref.WeakSet()

    def item(self, pos: int) -> Any:
        items = self.items
        k = pos - self.base
        if k < len(items):
            return items[k]
        value = next(self.source)  # (its StopIteration or error ends this step, as a native tee's)
        items.append(value)
        if len(items) > _TEE_TRIM:
            # Items every tee has passed go, as a native tee's links do.
            low = min((tee.pos for tee in self.tees), default=pos + 1)
            if low > self.base:
                del items[: low - self.base]
                self.base = low
        return value


_TEE_TRIM = 64


class LoadedTee:
    """An ``itertools.tee`` iterator loaded from a snapshot: its items as the native one's would have been.

    The tees of one native buffer share one :class:`_TeeBuffer`, over the
    same iterator; a copy (``copy.copy``, ``itertools.tee`` of it) shares
    it too, from the same position.
    """

    __slots__ = ("__weakref__", "buffer", "pos")

    def __init__(self, buffer: _TeeBuffer, pos: int) -> None:
        self.buffer = buffer
        self.pos = pos
        buffer.tees.add(self)

    def __iter__(self) -> LoadedTee:
        return self

    def __next__(self) -> Any:
        value = self.buffer.item(self.pos)
        self.pos += 1
        return value

    def __copy__(self) -> LoadedTee:
        return LoadedTee(self.buffer, self.pos)


@_reducer(LoadedTee)
def _reduce_loaded_tee(tee: LoadedTee) -> Any:
    return (LoadedTee, (tee.buffer, tee.pos))


@_reducer(_TeeBuffer)
def _reduce_tee_buffer(buffer: _TeeBuffer) -> Any:
    return (_TeeBuffer, (buffer.items, buffer.base, buffer.source))


# -- batched (3.12 and later) -------------------------------------------------------
#
# A batched object shows its iterator but not its batch size (nor, on 3.13,
# whether it is strict), and has no reduction.  They are read from the
# object's C fields, after the iterator's pointer: the layout is checked
# against objects whose fields are known before it is trusted.

_batched: Any = getattr(itertools, "batched", None)


def _batched_fields(batched: Any) -> tuple[int, bool] | None:
    base = id(batched) + object.__basicsize__
    if type(batched).__basicsize__ < object.__basicsize__ + 16:
        return None
    if ctypes.c_void_p.from_address(base).value != id(_referents(batched)[0]):
        return None
    size = ctypes.c_ssize_t.from_address(base + 8).value
    strict = sys.version_info >= (3, 13) and bool(ctypes.c_bool.from_address(base + 16).value)
    return size, strict


def _batched_layout_holds() -> bool:
    if _batched is None:
        return False
    kwargs: dict[str, Any] = {"strict": True} if sys.version_info >= (3, 13) else {}
    for size, strict in ((3, False), (7, bool(kwargs))):
        probe = _batched(iter(()), size, **(kwargs if strict else {}))
        if _batched_fields(probe) != (size, strict):
            return False
    return True


_BATCHED_LAYOUT = _batched_layout_holds()

if _batched is not None:

    @_reducer(_batched)
    def _reduce_batched(batched: Any) -> Any:
        fields = _batched_fields(batched) if _BATCHED_LAYOUT else None
        if fields is None:  # pragma: no cover - an interpreter with another layout
            raise NotCarried(
                "itertools.batched shows no batch size on this interpreter",
                "Turn it into a list of batches before the job waits.",
            )
        size, strict = fields
        return (batched_iterator, (_referents(batched)[0], size, strict))


def batched_iterator(it: Any, size: int, strict: bool) -> Any:
    kwargs = {"strict": True} if strict else {}
    return _batched(_Handing(it), size, **kwargs)


# -- what no snapshot carries ---------------------------------------------------------

_HOST_GENERATOR_ADVICE = (
    "A generator made by host code cannot be carried (its frame is native): materialize it with list() "
    "before the job waits, or write the generator in the script."
)


@_reducer(types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
def _reduce_host_generator(gen: Any) -> Any:
    backwards = _ENUM_ITERATORS.get(getattr(gen, "gi_code", None))
    if backwards is not None:
        return _reduce_enum_iterator(gen, backwards)
    raise NotCarried(f"{type(gen).__name__} {gen.__qualname__} was made by host code", _HOST_GENERATOR_ADVICE)


# ``for member in Color`` iterates a generator expression of enum's own
# (EnumType.__iter__ and __reversed__) over the class's member names: it is
# rebuilt over the loaded class and stepped to the same name, which only
# looks members up by name.
class _Probe(enum.Enum):
    A = 1


_ENUM_ITERATORS: dict[Any, bool] = {iter(_Probe).gi_code: False, reversed(_Probe).gi_code: True}  # type: ignore[attr-defined]
_enum_type: Any = type(_Probe)


def _reduce_enum_iterator(gen: Any, backwards: bool) -> Any:
    frame = gen.gi_frame
    if frame is None:  # finished
        return (enum_member_iterator, (_Probe, backwards, -1))
    names = frame.f_locals[".0"].__reduce__()
    cls = frame.f_locals["cls"]
    if len(names) < 3:  # the names are exhausted; the generator returns at its next step
        return (enum_member_iterator, (cls, backwards, len(cls._member_names_)))
    done = names[2] if not backwards else len(cls._member_names_) - 1 - names[2]
    return (enum_member_iterator, (cls, backwards, done))


def enum_member_iterator(cls: Any, backwards: bool, done: int) -> Any:
    gen = (_enum_type.__reversed__ if backwards else _enum_type.__iter__)(cls)
    if done < 0:
        gen.close()
        return gen
    next(itertools.islice(gen, done, done), None)
    return gen


_RESOURCE_ADVICE = (
    "A resource of this process (a file, connection, cursor or socket) cannot be carried: close it, or "
    "read what the script needs from it, before the job waits, or pass it in as a host binding "
    "(globals=...), which travels by name."
)


def advice(value: Any, error: BaseException) -> str:
    """What a script can do about ``value``, which made ``error`` when pickled."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, NotCarried):
            return cause.advice
        cause = cause.__cause__ or cause.__context__
    culprit = _culprit(value)
    held = "" if culprit is value else f"It holds a {_type_name(culprit)}. "
    if isinstance(culprit, _GENERATORS):
        return held + _HOST_GENERATOR_ADVICE
    if culprit is not None:
        return held + _RESOURCE_ADVICE
    if hasattr(type(value), "__next__"):
        return "An iterator of host code that cannot be carried: turn what it yields into a list before the job waits."
    return "Drop it or turn it into plain data (lists, dicts, numbers, strings) before the job waits."


_GENERATORS = (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
# Modules whose objects are resources of the process.
_RESOURCE_MODULES = frozenset({"sqlite3", "_sqlite3", "socket", "_socket", "io", "_io", "select", "mmap"})


_TYPE_MODULE = type.__dict__["__module__"].__get__


def _is_resource(obj: Any) -> bool:
    t = type(obj)
    module = _TYPE_MODULE(t, type)  # (as type computes it: a class's own __module__ may be a property)
    package = (module if isinstance(module, str) else "").split(".")[0]
    return isinstance(obj, _GENERATORS) or package in _RESOURCE_MODULES


def _type_name(obj: Any) -> str:
    t = type(obj)
    name = t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"
    if isinstance(obj, _GENERATORS):
        name += f" ({obj.__qualname__})"
    return name


def _culprit(value: Any, limit: int = 10_000) -> Any:
    """The first generator of host code or resource ``value`` holds (itself included), if any."""
    seen = {id(value)}
    queue = [value]
    for obj in queue:
        if _is_resource(obj):
            return obj
        if isinstance(obj, (type, types.ModuleType)) or len(queue) > limit:
            continue
        for ref in gc.get_referents(obj):
            if id(ref) not in seen:
                seen.add(id(ref))
                queue.append(ref)
    return None


# -- re.finditer(): the scanner keeps its position where Python cannot read it --


class MatchIterator:
    """``re.finditer()`` and ``Pattern.finditer()`` called by script code: the native iterator, counted.

    Its scanner (``_sre.SRE_Scanner``) keeps its position where Python
    cannot read it, so a snapshot keeps the pattern, the arguments and how
    many matches were taken; the load makes a new scanner and takes as many
    again (a search has no side effects).  Special calls make it
    (statek_vm/vm/special_calls.py).
    """

    __slots__ = ("_args", "_iterator", "_pattern", "_taken")

    def __init__(self, pattern: Any, args: tuple[Any, ...], kwargs: dict[str, Any] | None = None) -> None:
        self._iterator = pattern.finditer(*args, **(kwargs or {}))
        self._pattern = pattern
        self._args = (args, kwargs)
        self._taken = 0

    def __iter__(self) -> MatchIterator:
        return self

    def __next__(self) -> Any:
        match = next(self._iterator)
        self._taken += 1
        return match

    def __reduce__(self) -> Any:
        return (_matches_again, (self._pattern, *self._args, self._taken))


def _matches_again(pattern: Any, args: tuple[Any, ...], kwargs: dict[str, Any] | None, taken: int) -> MatchIterator:
    again = MatchIterator(pattern, args, kwargs)
    for _ in itertools.islice(again._iterator, taken):
        pass
    again._taken = taken
    return again


def finditer(pattern: Any, string: Any, flags: int = 0) -> MatchIterator:
    """``re.finditer()`` for script code (its iterator travels in snapshots)."""
    import re

    return MatchIterator(re.compile(pattern, flags), (string,))


# -- csv readers and writers -------------------------------------------------------
#
# ``csv.writer(f)`` keeps ``f.write``, ``csv.reader(lines)`` keeps ``iter(lines)``
# and how many lines it has read; neither shows them, and their dialect object
# cannot be pickled.  At an instruction boundary a reader is between records
# (a record is read whole by one ``next``), so that is all of their state.

CSV_WRITER: type = type(csv.writer(io.StringIO()))
CSV_READER: type = type(csv.reader([]))
CSV_DIALECT: type = type(CSV_WRITER.dialect.__get__(csv.writer(io.StringIO())))  # type: ignore[attr-defined]
CSV_CLASSES = {"CSV_WRITER": CSV_WRITER, "CSV_READER": CSV_READER, "CSV_DIALECT": CSV_DIALECT}

_DIALECT_FIELDS = (
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
)


def _dialect_fields(dialect: Any) -> dict[str, Any]:
    return {name: getattr(dialect, name) for name in _DIALECT_FIELDS}


def _held(obj: Any, what: str) -> Any:
    """The one object a csv reader or writer holds besides its dialect and classes."""
    # (A reader not yet read holds the empty list of its first record's fields.)
    held = [
        r
        for r in _referents(obj)
        if type(r) is not CSV_DIALECT and not isinstance(r, type) and not (type(r) is list and not r)
    ]
    if len(held) != 1:
        raise NotCarried(
            f"a {type(obj).__module__}.{type(obj).__name__} in the middle of a record cannot be carried",
            f"Let the {what} finish its record before the wait.",
        )
    return held[0]


@_reducer(CSV_DIALECT)
def _reduce_csv_dialect(dialect: Any) -> Any:
    return (csv_dialect, (_dialect_fields(dialect),))


def csv_dialect(fields: dict[str, Any]) -> Any:
    return CSV_DIALECT(**fields)


@_reducer(CSV_WRITER)
def _reduce_csv_writer(writer: Any) -> Any:
    return (csv_writer, (_held(writer, "writer"), _dialect_fields(writer.dialect)))


class _WriteTo:
    """Hands its ``write`` callable to a new csv writer, which keeps only that."""

    __slots__ = ("write",)

    def __init__(self, write: Any) -> None:
        self.write = write


def csv_writer(write: Any, fields: dict[str, Any]) -> Any:
    return csv.writer(_WriteTo(write), **fields)


@_reducer(CSV_READER)
def _reduce_csv_reader(reader: Any) -> Any:
    lines = _held(reader, "reader")
    if type(lines) is _SkippedLines:
        lines = lines.lines
    return (csv_reader, (lines, _dialect_fields(reader.dialect), reader.line_num))


class _SkippedLines:
    """``skipped`` empty lines, then the lines of ``lines``: a new reader counts the lines an old one had read."""

    __slots__ = ("lines", "skipped")

    def __init__(self, lines: Iterator[Any], skipped: int) -> None:
        self.lines, self.skipped = lines, skipped

    def __iter__(self) -> _SkippedLines:
        return self

    def __next__(self) -> Any:
        if self.skipped:
            self.skipped -= 1
            return ""
        return next(self.lines)


def csv_reader(lines: Iterator[Any], fields: dict[str, Any], line_num: int) -> Any:
    reader = csv.reader(_SkippedLines(lines, line_num) if line_num else _Handing(lines), **fields)
    for _ in range(line_num):
        next(reader)  # (an empty line is an empty record)
    return reader
