# Stream a report through a writer closed by contextlib.closing: the
# writer's close() waits for the model's summary of what it wrote.
import contextlib


class ReportWriter:
    def __init__(self, title):
        self.title = title
        self.lines = []

    def write(self, line):
        self.lines.append(line)

    def close(self):
        summary = llm(f"Summarize: {self.title}: {' '.join(self.lines)}")
        effect({"report": self.title, "lines": len(self.lines), "summary": summary.removeprefix("Summary: ")})


with contextlib.closing(ReportWriter("weekly uploads")) as writer:
    for day, uploads in [("mon", 120), ("tue", 98)]:
        writer.write(f"{day} {uploads}")
print("written:", writer.lines)
