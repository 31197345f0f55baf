s = list(range(10))
s[2:5] = ["a", "b"]
print(s)
s[:0] = [-1, -2]
print(s)
s[len(s):] = [99]
print(s)
s[::2] = "X" * len(s[::2])
print(s)
del s[1]
print(s)
del s[::3]
print(s)
del s[-2:]
print(s)
s[1:3] = []
print(s)
try:
    s[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
nums = list(range(8))
nums[::-1] = nums
print(nums)
nums[2:2] = [100, 200]
print(nums)
del nums[:]
print(nums)
ba = bytearray(b"hello")
ba[1:3] = b"EL"
del ba[-1:]
print(ba)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
matrix = [[1, 2, 3], [4, 5, 6]]
matrix[1][::2] = [0, 0]
del matrix[0][1:]
print(matrix)
lst = [1, 2, 3, 4, 5]
lst[1:4] = range(3)
print(lst)
lst[-1:] = (7, 8, 9)
print(lst)
