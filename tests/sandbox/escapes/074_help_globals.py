# help is a host object: its class's methods hold _sitebuiltins' globals.
sys = type(help).__call__.__globals__["sys"]
sys.modules["os"].mkdir(SENTINEL)
