# A task runner: job classes register with a decorator, a @classmethod factory
# builds one from a leased task, a @staticmethod ranks, getattr(self, f"handle_
# {kind}") dispatches, and setattr() goes through a __setattr__ that waits.
HANDLERS = {}


def handles(*kinds):
    def register(cls):
        HANDLERS.update(dict.fromkeys(kinds, cls))
        cls.kinds = kinds
        return cls
    return register


class Job:
    def __init__(self, task_id, kind, payload):
        self.task_id, self.kind, self.payload = task_id, kind, payload

    @classmethod
    def from_task(cls, task):
        handler = HANDLERS.get(task["kind"], cls)
        return handler(task["id"], task["kind"], task["payload"])

    @staticmethod
    def rank(job):
        return len(" ".join(str(job.payload).lower().split())), job.task_id

    def __repr__(self):
        return f"{type(self).__name__}#{self.task_id}"


@handles("summarize")
class SummaryJob(Job): ...


@handles("approve", "email")
class GatedJob(Job): ...


class Runner:
    max_jobs = 3
    def __init__(self):
        self.done = {}

    def __setattr__(self, name, value):
        if name.startswith("max_") and approval(f"Set {name} to {value}") != "approved":
            value = getattr(type(self), name, None)
        object.__setattr__(self, name, value)

    def configure(self, **options):
        for key, value in options.items():
            setattr(self, key, value)

    def handle_summarize(self, job):
        return llm(f"Summarize: {job.payload}")

    def handle_approve(self, job):
        return approval(job.payload)

    def handle_email(self, job):
        return send_email(job.payload["to"], job.payload["subject"])["status"]

    fallback = staticmethod(lambda job: f"no handler for {job.kind}")

    def dispatch(self, job):
        method = getattr(self, f"handle_{job.kind}", self.fallback)
        self.done[job.task_id] = method(job)
        return self.done[job.task_id]


runner = Runner()
runner.configure(max_jobs=10, max_delete_batch=50)
print(runner.max_jobs, runner.max_delete_batch, Runner.max_jobs)
jobs = []
while (task := next_task("default")) is not None:
    jobs.append(Job.from_task(task))
print(jobs, sorted(HANDLERS), GatedJob.kinds)
for job in sorted(jobs, key=Job.rank)[: runner.max_jobs]:
    print(repr(job), runner.dispatch(job))
print([j for j in jobs if isinstance(j, GatedJob)], [type(j).__name__ for j in jobs if type(j) is Job])
