# Print one status line per deployment: the approval state is a @property
# read inside an f-string, and the getter waits for the approval.
class Deployment:
    def __init__(self, service, version):
        self.service = service
        self.version = version
        self._decision = None

    @property
    def state(self):
        if self._decision is None:
            self._decision = approval(f"Deploy {self.service} {self.version}").upper()
        return self._decision


deployments = [Deployment("search", "2.4.1"), Deployment("production-api", "7.0.0")]
for d in deployments:
    print(f"{d.service:<16} {d.version:>6}  {d.state}")
approved = [d.service for d in deployments if d.state == "APPROVED"]
print(f"approved: {len(approved)} of {len(deployments)} {approved}")
