class Pager:
    def __init__(self, pages):
        self.pages = pages
        self.seen = []

    def __iter__(self):
        for p in self.pages:
            self.seen.append(p)
            yield p


class Agent:
    def __init__(self, name):
        self.name = name
        self.results = wait([name, 1])

    def work(self, pager):
        for page in pager:
            yield self.name + ":" + str(wait(page))


agent = Agent("bot")
pager = Pager([1, 2])
for line in agent.work(pager):
    effect(line)
print(agent.results, pager.seen)
