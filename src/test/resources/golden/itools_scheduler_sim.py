# discrete-event simulation of a CPU scheduler with heapq
import heapq, itertools
arrivals = [(0, "A", 5), (1, "B", 3), (2, "C", 8), (3, "D", 2), (3, "E", 4)]
seq = itertools.count()
events = [(t, next(seq), "arrive", name, burst) for t, name, burst in arrivals]
heapq.heapify(events)
ready = []
clock = 0
busy_until = 0
running = None
log = []
while events:
    t, _, kind, name, burst = heapq.heappop(events)
    clock = t
    if kind == "arrive":
        heapq.heappush(ready, (burst, next(seq), name))
        log.append(f"t={t}: {name} arrives (burst {burst})")
    else:
        log.append(f"t={t}: {name} finishes")
        running = None
    if running is None and ready:
        b, _, n = heapq.heappop(ready)
        running = n
        heapq.heappush(events, (clock + b, next(seq), "done", n, 0))
        log.append(f"t={clock}: {n} starts")
print("\n".join(log))
print(heapq.nsmallest(2, arrivals, key=lambda a: a[2]))
