lst = [3, 1, 4, 1, 5]
lst.append(9)
lst.insert(0, 2)
lst.insert(100, 6)
lst.insert(-1, 7)
print(lst)
lst.extend([2, 6])
print(lst, lst.count(1), lst.index(4), lst.index(1, 3))
print(lst.pop(), lst.pop(0), lst)
lst.remove(1)
print(lst)
try:
    lst.remove(100)
except ValueError as e:
    print("ValueError:", e)
try:
    lst.index(100)
except ValueError as e:
    print("ValueError:", e)
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst)
lst.reverse()
print(lst)
copy = lst.copy()
copy.clear()
print(lst, copy)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
print([1, 2] + [3], [0] * 3, [1, 2] * 0, list("ab") + list(range(2)))
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 2, 0], [[1]] == [[1]])
nums = list(range(10))
print(nums[::3], len(nums), nums.index(7), 7 in nums)
print(sum(nums) / len(nums), max(nums), min(nums))
stack = []
stack.append("a")
stack.append("b")
print(stack.pop(), stack)
queue = ["x", "y", "z"]
print(queue.pop(0), queue)
nested = [1, [2, [3]]]
import copy as cp
shallow, deep = nested.copy(), cp.deepcopy(nested)
nested[1][1].append(4)
print(shallow, deep)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
