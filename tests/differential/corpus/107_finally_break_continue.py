def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            print("finally", i)
            break
    return "after loop"
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def break_from_try():
    for i in range(5):
        try:
            if i == 2:
                break
            print("body", i)
        finally:
            print("cleanup", i)
    return i
print(break_from_try())
def continue_from_try():
    total = 0
    for i in range(4):
        try:
            if i % 2:
                continue
            total += i
        finally:
            total += 100
    return total
print(continue_from_try())
def nested_loops():
    result = []
    for i in range(3):
        for j in range(3):
            try:
                if j == 1:
                    continue
                if i == 2:
                    break
                result.append((i, j))
            finally:
                result.append("f")
    return result
print(nested_loops())
