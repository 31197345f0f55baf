# Running effort total: itertools.accumulate calls a function that waits for
# the model's estimate of each new task.
import itertools

tasks = ["write the migration", "review the migration", "run the migration"]


def add_effort(total, task):
    return total + int(llm(f"Give a score for the effort of {task}"))


running = list(itertools.accumulate(tasks[1:], add_effort, initial=0))
print("running totals:", running)
print("final:", running[-1])
print("per task:", [b - a for a, b in zip(running, running[1:])])
