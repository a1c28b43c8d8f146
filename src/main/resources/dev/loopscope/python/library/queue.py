# queue.Queue, LifoQueue and PriorityQueue: one lock and three conditions on it from threading, so that blocked
# threads wake up in the order they do in CPython. Lines ending in a pin sit at CPython 3.12.1's line numbers.

from time import monotonic as time   #@7


class Full(Exception):   #@23
    pass


class Queue:   #@28

    def __init__(self, maxsize=0):   #@34
        self.maxsize = maxsize
        self._init(maxsize)
        # the lock guards the items; its conditions say an item came, a place came free, every item is done
        lock = self.mutex = threading.Lock()
        self.not_empty = threading.Condition(lock)
        self.not_full = threading.Condition(lock)
        self.all_tasks_done = threading.Condition(lock)
        self.unfinished_tasks = 0

    def task_done(self):   #@57
        with self.all_tasks_done:   #@71
            left = self.unfinished_tasks - 1
            if left <= 0:
                if left < 0:
                    raise ValueError('task_done() called too many times')   #@75
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = left

    def join(self):   #@79
        with self.all_tasks_done:   #@88
            while self.unfinished_tasks > 0:
                self.all_tasks_done.wait()   #@90

    def qsize(self):   #@92
        with self.mutex:   #@94
            return self._qsize()

    def empty(self):   #@97
        with self.mutex:   #@108
            return not self._qsize()

    def full(self):   #@111
        with self.mutex:   #@119
            return self.maxsize > 0 and self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):   #@122
        with self.not_full:   #@133
            if self.maxsize > 0:   # else no bound
                if not block:
                    if self.maxsize <= self._qsize():
                        raise Full   #@137
                elif timeout is None:
                    while self.maxsize <= self._qsize():
                        self.not_full.wait()   #@140
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")   #@142
                else:
                    deadline = time() + timeout
                    while self.maxsize <= self._qsize():
                        remaining = deadline - time()
                        if remaining <= 0.0:
                            raise Full   #@148
                        self.not_full.wait(remaining)   #@149
            self._put(item)   #@150
            self.unfinished_tasks = self.unfinished_tasks + 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):   #@154
        with self.not_empty:   #@165
            if not block:
                if not self._qsize():
                    raise Empty   #@168
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()   #@171
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")   #@173
            else:
                deadline = time() + timeout
                while not self._qsize():
                    remaining = deadline - time()
                    if remaining <= 0.0:
                        raise Empty   #@179
                    self.not_empty.wait(remaining)   #@180
            item = self._get()   #@181
            self.not_full.notify()
            return item

    def put_nowait(self, item):   #@185
        return self.put(item, block=False)   #@191

    def get_nowait(self):   #@193
        return self.get(block=False)   #@199

    def _init(self, maxsize):   #@206
        self.queue = []

    def _qsize(self):   #@209
        return len(self.queue)

    def _put(self, item):   #@213
        self.queue.append(item)

    def _get(self):   #@217
        return self.queue.pop(0)


class PriorityQueue(Queue):   #@223

    def _init(self, maxsize):   #@229
        self.queue = []

    def _qsize(self):   #@232
        return len(self.queue)

    def _put(self, item):   #@235
        heappush(self.queue, item)   #@236

    def _get(self):   #@238
        return heappop(self.queue)   #@239


class LifoQueue(Queue):   #@242

    def _init(self, maxsize):   #@245
        self.queue = []

    def _qsize(self):   #@248
        return len(self.queue)

    def _put(self, item):   #@251
        self.queue.append(item)

    def _get(self):   #@254
        return self.queue.pop()
