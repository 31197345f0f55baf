def worker():
    done = 0
    try:
        while True:
            try:
                job = yield done
                done += job
            except ValueError as e:
                print("recovered from", e)
    finally:
        print("worker closed after", done)

w = worker()
next(w)
print(w.send(3), w.send(4))
print(w.throw(ValueError("bad job")))
w.close()
print(w.gi_running, next(w, "closed"))

def countdown(n):
    while n:
        yield n
        n -= 1
    return "liftoff"
gen = countdown(2)
print(list(gen), next(gen, "exhausted"))
