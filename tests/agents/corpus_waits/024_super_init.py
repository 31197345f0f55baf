# Every job asks for approval in the base class's __init__; the export job
# calls it through super().__init__.
class Job:
    def __init__(self, name):
        self.name = name
        self.approved = approval(f"Run the job {name}") == "approved"


class ExportJob(Job):
    def __init__(self, name, table):
        super().__init__(name)
        self.table = table

    def run(self):
        if not self.approved:
            return f"{self.name}: skipped"
        return f"{self.name}: {len(export(self.table))} rows"


for job in [ExportJob("nightly orders", "orders"), ExportJob("drop stale tickets", "tickets")]:
    print(job.run())
