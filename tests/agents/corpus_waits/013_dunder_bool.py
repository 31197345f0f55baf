# Run changes only inside an approved change window: `if window:` calls
# __bool__, which waits for the approval.
class ChangeWindow:
    def __init__(self, change):
        self.change = change

    def __bool__(self):
        return approval(f"Open a change window for: {self.change}") == "approved"


done, blocked = [], []
for change in ["Restart the search service", "Drop the legacy tables"]:
    window = ChangeWindow(change)
    if window:
        effect(f"running: {change}")
        done.append(change)
    else:
        blocked.append(change)
print("done:", done)
print("blocked:", blocked)
