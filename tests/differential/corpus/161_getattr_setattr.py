class Config:
    host = "localhost"
    def __init__(self):
        self.port = 8080
cfg = Config()
for name in ["host", "port", "missing"]:
    print(name, getattr(cfg, name, "<default>"), hasattr(cfg, name))
setattr(cfg, "debug", True)
setattr(cfg, "port", 9090)
print(cfg.debug, cfg.port, sorted(vars(cfg)))
delattr(cfg, "debug")
print(hasattr(cfg, "debug"))
try:
    getattr(cfg, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(cfg, "nope")
except AttributeError as e:
    print("AttributeError:", e)
settings = {"timeout": 30, "retries": 3, "verbose": False}
for k, v in settings.items():
    setattr(cfg, k, v)
print({k: getattr(cfg, k) for k in settings})
class Dispatcher:
    def handle_start(self, arg):
        return f"start {arg}"
    def handle_stop(self, arg):
        return f"stop {arg}"
    def dispatch(self, cmd, arg):
        handler = getattr(self, f"handle_{cmd}", None)
        if handler is None:
            return f"no handler for {cmd}"
        return handler(arg)
d = Dispatcher()
print(d.dispatch("start", 1), d.dispatch("stop", 2), d.dispatch("pause", 3))
method = getattr("hello", "upper")
print(method(), getattr([1, 2], "__len__")())
setattr(Config, "class_added", "yes")
print(cfg.class_added, Config.class_added)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(cfg, 42)
except TypeError as e:
    print("TypeError:", e)
import math
print(getattr(math, "sqrt")(49), hasattr(math, "nonexistent"))
getattr(cfg, "__dict__")["raw"] = "raw set"
print(cfg.raw)
