# Move releases through their stages: an Enum whose method waits for the
# approval of each step, driven by a match statement in a loop.
import enum


class Stage(enum.Enum):
    DRAFT = "draft"
    REVIEW = "review"
    STAGED = "staged"
    LIVE = "live"
    BLOCKED = "blocked"

    @property
    def following(self):
        order = list(Stage)
        return order[order.index(self) + 1]

    def request(self, release):
        decision = approval(f"Move {release} from {self.value} to {self.following.value}")
        return self.following if decision == "approved" else Stage.BLOCKED

    def __str__(self):
        return self.name.lower()


history = []
for release in ["search 2.1", "billing 3.2", "production-api 4.0"]:
    stage = Stage.DRAFT
    steps = 0
    while True:
        steps += 1
        match stage:
            case Stage.DRAFT | Stage.REVIEW:
                stage = stage.request(release)
            case Stage.STAGED if release.startswith("billing"):
                stage = stage.request(f"{release} with a wire transfer check")
            case Stage.STAGED:
                stage = Stage.LIVE
            case Stage.LIVE | Stage.BLOCKED as final:
                history.append((release, final.name, steps))
                break
    print(f"{release} -> {stage} ({stage.value!r}, {steps} steps)")

print(history)
print({str(s): sum(1 for _, name, _ in history if name == s.name) for s in Stage})
print(Stage("review").following, Stage["STAGED"].request("docs site"))
