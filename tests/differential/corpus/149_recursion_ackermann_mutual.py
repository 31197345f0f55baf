def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print([[ackermann(m, n) for n in range(4)] for m in range(3)])
print(ackermann(2, 3), ackermann(3, 2))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print([(n, is_even(n), is_odd(n)) for n in range(6)])
print(is_even(101), is_odd(77))
def hofstadter_f(n):
    return 1 if n == 0 else n - hofstadter_m(hofstadter_f(n - 1))
def hofstadter_m(n):
    return 0 if n == 0 else n - hofstadter_f(hofstadter_m(n - 1))
print([hofstadter_f(n) for n in range(12)])
print([hofstadter_m(n) for n in range(12)])
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return moves
    hanoi(n - 1, src, via, dst, moves)
    moves.append(f"{src}->{dst}")
    hanoi(n - 1, via, dst, src, moves)
    return moves
moves = hanoi(3, "A", "C", "B", [])
print(len(moves), moves)
def count_down(n, acc):
    if n == 0:
        return acc
    return count_up(n - 1, acc + [n])
def count_up(n, acc):
    return count_down(n, acc) if n % 2 else count_down(n, acc + ["even"])
print(count_down(5, []))
