# expect-error: ExceptionGroup
def validate(record):
    problems = []
    if not record.get("name"):
        problems.append(ValueError("name is required"))
    if record.get("age", 0) < 0:
        problems.append(ValueError("age must be non-negative"))
    if problems:
        raise ExceptionGroup(f"record {record.get('id')} is invalid", problems)
    return True
for rec in [{"id": 1, "name": "ann", "age": 3}, {"id": 2, "name": "", "age": -1}]:
    print("validating", rec["id"])
    print("valid:", validate(rec))
