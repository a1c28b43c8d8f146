# asyncio.Queue on loop futures, as CPython's: a blocked get() or put() waits on a future of its own that the
# other side completes, so every hand-over takes the same loop iterations. Lines ending in a pin sit at CPython
# 3.12.1's line numbers.


class QueueEmpty(Exception):   #@11
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):   #@16
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


class Queue(_LoopBoundMixin):   #@21

    def __init__(self, maxsize=0):   #@33
        self._maxsize = maxsize
        # Futures of blocked get() and put() calls, oldest first.
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)   #@43

    # The storage: a list here (CPython's is a deque); subclasses change the order of the items.

    def _init(self, maxsize):   #@47
        self._queue = []

    def _get(self):   #@50
        return self._queue.pop(0)

    def _put(self, item):   #@53
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        # The oldest waiter that is still waiting gets the turn.
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        text = f'maxsize={self._maxsize!r}'
        if self._queue:
            text += f' _queue={list(self._queue)!r}'
        if self._getters:
            text += f' _getters[{len(self._getters)}]'
        if self._putters:
            text += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            text += f' tasks={self._unfinished_tasks}'
        return text

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        return self._maxsize > 0 and self.qsize() >= self._maxsize

    async def put(self, item):   #@110
        while self.full():
            putter = self._get_loop().create_future()   #@117
            self._putters.append(putter)
            try:
                await putter   #@120
            except:
                putter.cancel()
                if putter in self._putters:
                    self._putters.remove(putter)
                # Woken by a get but leaving anyway: the turn goes to the next putter.
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)   #@135

    def put_nowait(self, item):   #@137
        if self.full():
            raise QueueFull   #@143
        self._put(item)   #@144
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):   #@149
        while self.empty():
            getter = self._get_loop().create_future()   #@155
            self._getters.append(getter)
            try:
                await getter   #@158
            except:
                getter.cancel()
                if getter in self._getters:
                    self._getters.remove(getter)
                # Woken by a put but leaving anyway: the turn goes to the next getter.
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()   #@173

    def get_nowait(self):   #@175
        if self.empty():
            raise QueueEmpty   #@181
        item = self._get()   #@182
        self._wakeup_next(self._putters)
        return item

    def task_done(self):   #@186
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')   #@201
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):   #@206
        if self._unfinished_tasks > 0:
            await self._finished.wait()   #@215


class PriorityQueue(Queue):   #@218
    # Lowest first: a binary heap kept by the same algorithm as heapq's.

    def _init(self, maxsize):   #@224
        self._queue = []

    def _put(self, item):   #@227
        heappush(self._queue, item)   #@228

    def _get(self):   #@230
        return heappop(self._queue)   #@231


class LifoQueue(Queue):   #@234
    # Last in, first out.

    def _init(self, maxsize):   #@237
        self._queue = []

    def _put(self, item):   #@240
        self._queue.append(item)

    def _get(self):   #@243
        return self._queue.pop()
