class CM:
    def __init__(self, name, fail_on_enter=False):
        self.name = name
        self.fail_on_enter = fail_on_enter
    def __enter__(self):
        if self.fail_on_enter:
            raise RuntimeError(f"{self.name} failed to enter")
        print("enter", self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else "-")
        return False
with CM("a") as a, CM("b") as b:
    print("body", a, b)
with CM("x"), CM("y"), CM("z"):
    print("three managers")
with (
    CM("p") as p,
    CM("q") as q,
):
    print("parenthesized", p, q)
try:
    with CM("ok"), CM("bad", fail_on_enter=True), CM("never"):
        print("not reached")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    with CM("outer"):
        with CM("inner"):
            raise ValueError("deep")
except ValueError as e:
    print("ValueError:", e)
with CM("outer2") as o:
    for i in range(2):
        with CM(f"loop{i}") as l:
            print("nested body", o, l)
def gen_with():
    with CM("in-generator"):
        yield 1
        yield 2
for v in gen_with():
    print("yielded", v)
