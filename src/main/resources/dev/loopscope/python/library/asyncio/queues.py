# asyncio.Queue on loop futures: a get() or put() that cannot go on at once waits on a future of its own, which
# the other side completes, so every hand-over takes as many loop iterations as in CPython. Lines ending in a
# pin sit at CPython 3.12.1's line numbers.


class QueueEmpty(Exception):   #@11
    pass


class QueueFull(Exception):   #@16
    pass


class Queue(_LoopBoundMixin):   #@21

    def __init__(self, maxsize=0):   #@33
        self._maxsize = maxsize
        # the futures of the get() and put() calls that wait, oldest first
        self._getters = []
        self._putters = []
        # items put and not yet marked done; join() waits for the event
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)   #@43

    # where the items live: a list, taken from the front; subclasses change the order

    def _init(self, maxsize):   #@47
        self._queue = []

    def _get(self):   #@50
        return self._queue.pop(0)

    def _put(self, item):   #@53
        self._queue.append(item)

    @staticmethod
    def _wake_first(line):
        # the oldest waiter still pending gets the turn; those already done are dropped
        while line:
            fut = line.pop(0)
            if not fut.done():
                fut.set_result(None)
                return

    @staticmethod
    def _leave_line(fut, line, blocked):
        # a waiter that gives up leaves the line; if it had been woken, its turn goes to the next one
        fut.cancel()
        if fut in line:
            line.remove(fut)
        if not (blocked() or fut.cancelled()):
            Queue._wake_first(line)

    def __repr__(self):
        return '<%s at %#x %s>' % (type(self).__name__, id(self), self._format())

    def __str__(self):
        return '<%s %s>' % (type(self).__name__, self._format())

    def _format(self):
        parts = ['maxsize=%r' % (self._maxsize,)]
        if self._queue:
            parts.append('_queue=%r' % (list(self._queue),))
        for label, line in (('_getters', self._getters), ('_putters', self._putters)):
            if line:
                parts.append('%s[%d]' % (label, len(line)))
        if self._unfinished_tasks:
            parts.append('tasks=%s' % (self._unfinished_tasks,))
        return ' '.join(parts)

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        # a maxsize of 0 or less is no bound
        return 0 < self._maxsize <= self.qsize()

    async def put(self, item):   #@110
        while self.full():
            putter = self._get_loop().create_future()   #@117
            self._putters.append(putter)
            try:
                await putter   #@120
            except:
                self._leave_line(putter, self._putters, self.full)
                raise
        return self.put_nowait(item)   #@135

    def put_nowait(self, item):   #@137
        if self.full():
            raise QueueFull   #@143
        self._put(item)   #@144
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wake_first(self._getters)

    async def get(self):   #@149
        while self.empty():
            getter = self._get_loop().create_future()   #@155
            self._getters.append(getter)
            try:
                await getter   #@158
            except:
                self._leave_line(getter, self._getters, self.empty)
                raise
        return self.get_nowait()   #@173

    def get_nowait(self):   #@175
        if self.empty():
            raise QueueEmpty   #@181
        first = self._get()   #@182
        self._wake_first(self._putters)
        return first

    def task_done(self):   #@186
        left = self._unfinished_tasks
        if left <= 0:
            raise ValueError('task_done() called too many times')   #@201
        self._unfinished_tasks = left - 1
        if left == 1:
            self._finished.set()

    async def join(self):   #@206
        if self._unfinished_tasks:
            await self._finished.wait()   #@215


class PriorityQueue(Queue):   #@218
    # the smallest item leaves first, from a binary heap

    def _init(self, maxsize):   #@224
        self._queue = []

    def _put(self, item):   #@227
        heappush(self._queue, item)   #@228

    def _get(self):   #@230
        return heappop(self._queue)   #@231


class LifoQueue(Queue):   #@234
    # the newest item leaves first

    def _init(self, maxsize):   #@237
        self._queue = []

    def _put(self, item):   #@240
        self._queue.append(item)

    def _get(self):   #@243
        return self._queue.pop()
