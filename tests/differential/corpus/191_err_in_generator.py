# expect-error: ValueError
def readings(raw):
    for i, value in enumerate(raw):
        if value < 0:
            raise ValueError(f"negative reading at index {i}: {value}")
        yield value * 1.5
def smooth(values):
    previous = None
    for v in values:
        yield v if previous is None else (v + previous) / 2
        previous = v
for smoothed in smooth(readings([2, 4, 6, -1, 8])):
    print("smoothed", smoothed)
print("not reached")
