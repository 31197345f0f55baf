# Shortlist candidates and print the list: list's repr calls each
# candidate's __repr__, which asks the model for a verdict.
class Candidate:
    def __init__(self, name, role):
        self.name = name
        self.role = role

    def __repr__(self):
        verdict = llm(f"Answer yes or no: should we interview {self.name} for {self.role}?")
        return f"{self.name}:{self.role}:{verdict}"


shortlist = [Candidate("ana", "sales"), Candidate("dev", "platform engineering")]
print(shortlist)
print(len(shortlist), "candidates")
