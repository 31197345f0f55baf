# Exceptions raised in script callbacks that host code (ExitStack) calls
# keep the context they were raised with, as natively: the chain reads
# 5 -> 4 -> 3 -> 2 -> 1.
from contextlib import ExitStack, contextmanager


def raise_nested(inner_exc, outer_exc):
    try:
        raise inner_exc
    finally:
        raise outer_exc


def chain(exc):
    seen = []
    while exc is not None:
        seen.append(exc.args[0] if exc.args else type(exc).__name__)
        exc = exc.__context__
    return seen


excs = [Exception(i) for i in range(6)]
try:
    with ExitStack() as stack:
        stack.callback(raise_nested, excs[4], excs[5])
        stack.callback(raise_nested, excs[2], excs[3])
        raise excs[1]
except Exception as exc:
    print(chain(exc))


class MyException(Exception):
    pass


@contextmanager
def my_cm():
    try:
        yield
    except BaseException:
        exc = MyException()
        try:
            raise exc
        finally:
            exc.__context__ = None


for cm in (my_cm,):
    try:
        with cm():
            raise IndexError()
    except MyException as exc:
        print("context:", exc.__context__)
