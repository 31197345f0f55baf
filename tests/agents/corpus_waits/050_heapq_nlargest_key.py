# Pick the two leads most likely to convert: heapq.nlargest with a key that
# waits for the model's score; the winners get an email.
import heapq

leads = [
    {"name": "Acme Corp", "email": "ops@acme.example"},
    {"name": "Globex", "email": "billing@globex.example"},
    {"name": "Initech", "email": "it@initech.example"},
]


def conversion_score(lead):
    return int(llm(f"Give a score for the lead {lead['name']}"))


top = heapq.nlargest(2, leads, key=conversion_score)
for lead in top:
    receipt = send_email(lead["email"], f"Hello {lead['name']}, shall we talk?")
    print("emailed", lead["name"], receipt["id"])
print("not contacted:", [lead["name"] for lead in leads if lead not in top])
