# inverted index with defaultdict(set) and a deque-based BFS
from collections import defaultdict, deque, OrderedDict
docs = {1: "red fish blue fish", 2: "one fish two fish", 3: "red sky"}
index = defaultdict(set)
for doc_id, text in docs.items():
    for word in text.split():
        index[word].add(doc_id)
print(OrderedDict(sorted((w, sorted(ids)) for w, ids in index.items())))
edges = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": [], "f": []}
def bfs(start):
    seen, order, todo = {start}, [], deque([start])
    while todo:
        node = todo.popleft()
        order.append(node)
        for nxt in edges[node]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return order
print(bfs("a"), len(index), index["fish"], index.get("nope"), "nope" in index)
print(deque("abc", maxlen=2).maxlen, deque(maxlen=None).maxlen)
