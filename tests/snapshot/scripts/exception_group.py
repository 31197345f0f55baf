errors = []
for i in range(3):
    try:
        if i % 2:
            raise ValueError(i)
        raise KeyError(i)
    except Exception as e:
        errors.append(e)
group = ExceptionGroup("many", errors)
effect(wait(len(errors)))
try:
    raise group
except* ValueError as eg:
    print("values", [str(e) for e in eg.exceptions])
except* KeyError as eg:
    print("keys", [repr(e) for e in eg.exceptions])
print(group.message, len(group.exceptions))
