import traceback


def inner(n):
    return 10 // n


def outer(n):
    return inner(n) + 1


try:
    outer(0)
except ZeroDivisionError:
    text = traceback.format_exc()
    effect(wait(1))
    print(text)
    print(traceback.format_exc())
    again = True
    raise
