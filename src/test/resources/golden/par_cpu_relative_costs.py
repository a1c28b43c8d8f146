# CPU time follows what the code does, as in CPython: big-int arithmetic, int objects, calls, list stores and big multiplications each cost what they cost there, relative to a plain summing loop
import time


def cpu(fn, *args):
    start = time.process_time()
    fn(*args)
    return time.process_time() - start


def summing(n):
    s = 0
    for i in range(n):
        s += i


def countdown(n):
    while n > 0:
        n -= 1


def sum_of_squares(n):
    total = 0
    for i in range(n):
        total += i * i


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def bubble_sort(n):
    data = list(range(n, 0, -1))
    for i in range(n):
        for j in range(n - i - 1):
            if data[j] > data[j + 1]:
                data[j], data[j + 1] = data[j + 1], data[j]


def sieve(n):
    flags = [True] * (n + 1)
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False


def factorial(n):
    r = 1
    for i in range(1, n):
        r *= i


base = cpu(summing, 1_000_000)
print("squares cost more than a countdown:", cpu(sum_of_squares, 1_000_000) > 2.1 * cpu(countdown, 1_000_000))
print("fib(22) under 6% of the summing loop:", cpu(fib, 22) < 0.06 * base)
print("bubble sort of 400 under 20%:", cpu(bubble_sort, 400) < 0.2 * base)
print("sieve up to a million under twice the loop:", cpu(sieve, 1_000_000) < 2 * base)
print("3000! over 1.5%:", cpu(factorial, 3000) > 0.015 * base)
