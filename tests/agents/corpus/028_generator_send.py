# A running-average monitor written as a generator that receives scores with
# send(); the scores come from the model.
def monitor(threshold):
    total = count = 0
    alerts = []
    average = None
    while True:
        score = yield average
        if score is None:
            return alerts
        total += score
        count += 1
        average = round(total / count, 2)
        if score < threshold:
            note = llm(f"Explain a low score of {score}")
            alerts.append(note)


watch = monitor(40)
next(watch)
for subject in ["login page", "export speed", "invoice layout", "dark mode"]:
    score = int(llm(f"Give a satisfaction score for the {subject}"))
    average = watch.send(score)
    print(f"{subject}: {score}, average {average}")
try:
    watch.send(None)
except StopIteration as stop:
    print("alerts:", stop.value)
