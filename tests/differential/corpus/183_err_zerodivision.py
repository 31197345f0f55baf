# expect-error: ZeroDivisionError
scores = {"ann": [90, 85, 77], "bob": [60, 70], "cy": []}
def average(values):
    return sum(values) / len(values)
report = {}
for name, values in scores.items():
    print("averaging", name, values)
    report[name] = average(values)
    print("average for", name, "=", round(report[name], 2))
print("never printed", report)
