# A module's __spec__.loader: its class's methods hold importlib's own _os (posix).
import json
loader_class = type(json.__spec__.loader)
loader_class.get_data.__globals__["_os"].mkdir(SENTINEL)
