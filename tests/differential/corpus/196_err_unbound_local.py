# expect-error: UnboundLocalError
counter = 0
def increment_wrong():
    print("reading counter before assignment")
    counter += 1
    return counter
def increment_right():
    global counter
    counter += 1
    return counter
print(increment_right(), increment_right())
print(increment_wrong())
