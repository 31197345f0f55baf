# The lines and functions host code reads from its callers: logging's
# %(funcName)s:%(lineno)d, warnings.warn with stacklevel=2, a warning in a key.
import logging
import sys
import warnings

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(funcName)s:%(lineno)d %(message)s", level=logging.INFO)
log = logging.getLogger("agent")


def step(n):
    log.info("step %d", n)
    if n > 1:
        log.warning("late step")
    return n * 2


def deprecated():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)


results = [step(n) for n in range(3)]
log.info("top %s", approval("go"))
with warnings.catch_warnings(record=True) as got:
    warnings.simplefilter("always")
    deprecated()
    sorted([3, 1], key=lambda k: warnings.warn("in key") or k)
print([(str(w.message), w.lineno) for w in got], results)
