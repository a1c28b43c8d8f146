# asyncio tasks sharing a deque of urls and a Counter of results
import asyncio
from collections import deque, Counter, defaultdict

async def worker(name, queue, results, log):
    while queue:
        url = queue.popleft()
        await asyncio.sleep(len(url) * 0.01)
        results[len(url) % 3] += 1
        log[name].append(url)

async def main():
    queue = deque(f"site{i}.example" * (i % 3 + 1) for i in range(9))
    results = Counter()
    log = defaultdict(list)
    await asyncio.gather(*(worker(f"w{i}", queue, results, log) for i in range(3)))
    print(results, sorted(results.elements()))
    for name in sorted(log):
        print(name, len(log[name]))
    print(queue, len(queue))

asyncio.run(main())
