class Memory:
    def __init__(self, limit=4):
        self.limit = limit
        self.turns = []
        self.facts = {}
    def remember(self, role, text):
        self.turns.append((role, text))
        if len(self.turns) > self.limit:
            dropped = self.turns.pop(0)
            print(f"  (forgot {dropped[0]}: {dropped[1][:15]!r})")
    def learn(self, key, value):
        old = self.facts.get(key)
        self.facts[key] = value
        return old
    def context(self):
        facts = "; ".join(f"{k}={v}" for k, v in sorted(self.facts.items()))
        history = " | ".join(f"{r}: {t}" for r, t in self.turns)
        return f"[facts: {facts or '-'}] {history}"
def fake_llm(prompt, memory):
    lowered = prompt.lower()
    if lowered.startswith("my name is"):
        name = prompt.split()[-1].strip(".")
        previous = memory.learn("name", name)
        return f"Nice to meet you, {name}" + (f" (was {previous})" if previous else "")
    if "weather" in lowered:
        city = memory.facts.get("city", "unknown city")
        return f"It is sunny in {city}"
    if lowered.startswith("i live in"):
        memory.learn("city", prompt.split()[-1].strip("."))
        return "Noted your city"
    if "who am i" in lowered:
        return f"You are {memory.facts.get('name', 'a mystery')}"
    return "I do not understand"
memory = Memory()
for user_text in ["Hello", "My name is Ann.", "What is the weather?", "I live in Oslo.",
                  "What is the weather?", "My name is Annabel.", "Who am I?"]:
    memory.remember("user", user_text)
    reply = fake_llm(user_text, memory)
    memory.remember("bot", reply)
    print(f"> {user_text}\n< {reply}")
print(memory.context())
print(len(memory.turns), sorted(memory.facts))
