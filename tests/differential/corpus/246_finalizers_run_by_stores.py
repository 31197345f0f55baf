# Objects dropped by a store (a subscript, an attribute, a module global) or
# a delete: their __del__ and weak reference callbacks run right there, as
# natively, not lost inside the store.
import weakref

log = []


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(f"del {self.name}")


def gone(ref):
    log.append("callback")


def stores():
    cache = {}
    for i in range(3):
        cache["slot"] = Resource(f"item{i}")
        log.append(f"stored {i}")
    holder = type("Holder", (), {})()
    for i in range(2):
        holder.current = Resource(f"attr{i}")
        log.append(f"set {i}")
    keep = Resource("watched")
    ref = weakref.ref(keep, gone)
    cache["slot"] = keep
    keep = None
    cache["slot"] = None
    log.append(f"ref dead: {ref() is None}")
    del cache, holder
    log.append("cleared")


stores()
current = Resource("global0")
current = Resource("global1")
log.append("global replaced")
del current
print(log)
