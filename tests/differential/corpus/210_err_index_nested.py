# expect-error: IndexError
board = [
    ["x", "o", "x"],
    ["o", "x", "o"],
]
def cell(row, col):
    return board[row][col]
def diagonal(size):
    return [cell(i, i) for i in range(size)]
print("2x2 diagonal", diagonal(2))
print("3x3 diagonal", diagonal(3))
