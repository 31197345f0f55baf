"""Complements whose module postpones annotations (``from __future__ import annotations``).

Their return annotations are strings at run time; unpacking must still see
the fixed tuple size, by evaluating them or, failing that, by parsing them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Tuple  # noqa: UP035 - the seed's own spelling

from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal

from .seed_tools import PairResult, pair_ready

if TYPE_CHECKING:
    from decimal import Decimal  # only known to type checkers: evaluation fails at run time


def fetch_pair_typing(future: FutureResult) -> Tuple[str, int]:  # noqa: UP006
    result = future.deps
    if not result.ready:
        raise FutureError(future)
    return result.label, result.count


def fetch_pair_builtin(future: FutureResult) -> tuple[str, int]:
    return fetch_pair_typing(future)


def fetch_triple_unresolvable(future: FutureResult) -> tuple[str, int, Decimal]:
    label, count = fetch_pair_typing(future)
    return label, count, count


def fetch_variable(future: FutureResult) -> tuple[int, ...]:
    if not future.deps.ready:
        raise FutureError(future)
    return (1, 2)


@temporal(complement=fetch_pair_typing, condition=pair_ready)
def wait_for_pair_typing(result: PairResult) -> FutureResult:
    return FutureResult(deps=result, state_num=result.version)


@temporal(complement=fetch_pair_builtin, condition=pair_ready)
def wait_for_pair_builtin(result: PairResult) -> FutureResult:
    return FutureResult(deps=result, state_num=result.version)


@temporal(complement=fetch_triple_unresolvable, condition=pair_ready)
def wait_for_triple_unresolvable(result: PairResult) -> FutureResult:
    return FutureResult(deps=result, state_num=result.version)


@temporal(complement=fetch_variable, condition=pair_ready)
def wait_for_variable(result: PairResult) -> FutureResult:
    return FutureResult(deps=result, state_num=result.version)
