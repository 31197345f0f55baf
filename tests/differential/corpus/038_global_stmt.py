count = 0
log = []
def increment():
    global count
    count += 1
def record(msg):
    log.append(msg)
def reset():
    global count, log
    count = 0
    log = ["reset"]
for _ in range(3):
    increment()
record("a")
print(count, log)
reset()
print(count, log)
def define_new():
    global created
    created = "made inside"
define_new()
print(created)
def read_only():
    return count + 100
print(read_only())
def shadow_local():
    count = 999
    return count
print(shadow_local(), count)
def unbound():
    try:
        print(count)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    count = 5
    return count
print(unbound())
def nested_global():
    def inner():
        global count
        count = 77
    inner()
nested_global()
print(count)
X = 1
def uses_global_in_comp():
    global X
    X = [X + i for i in range(3)]
uses_global_in_comp()
print(X)
print(sorted(k for k in globals() if not k.startswith("__"))[:6])
