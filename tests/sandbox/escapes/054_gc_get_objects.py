# gc.get_objects() finds the host's module dicts.
import gc
for obj in gc.get_objects():
    if type(obj) is dict and obj.get("__name__") == "os" and "mkdir" in obj:
        obj["mkdir"](SENTINEL)
        break
