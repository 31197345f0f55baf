log_lines = [
    "INFO start service",
    "DEBUG cache warm",
    "ERROR db timeout",
    "INFO request /a",
    "ERROR disk full",
    "WARN slow request",
    "INFO request /b",
]
def read(lines):
    for number, line in enumerate(lines, 1):
        yield number, line
def parse(records):
    for number, line in records:
        level, _, message = line.partition(" ")
        yield {"n": number, "level": level, "msg": message}
def only(levels, entries):
    for entry in entries:
        if entry["level"] in levels:
            yield entry
def format_entries(entries):
    for e in entries:
        yield f"#{e['n']:02d} [{e['level']:<5}] {e['msg']}"
for line in format_entries(only({"ERROR", "WARN"}, parse(read(log_lines)))):
    print(line)
def batch(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
for b in batch(range(7), 3):
    print("batch", b)
def running_stats(values):
    count = total = 0
    for v in values:
        count += 1
        total += v
        yield count, total, total / count
for stats in running_stats([4, 8, 15, 16, 23, 42]):
    print("stats %d %d %.2f" % stats)
levels = {}
for entry in parse(read(log_lines)):
    levels[entry["level"]] = levels.get(entry["level"], 0) + 1
print(sorted(levels.items()))
