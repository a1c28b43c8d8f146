# asyncio.TaskGroup on loop futures and done callbacks: each task reports to the group through a done callback
# (one loop iteration), the first failure cancels the other tasks and the parent task, and __aexit__ waits on a
# future of its own until every task has finished. Lines ending in a pin sit at CPython 3.12.1's line numbers,
# so tracebacks through the group print CPython's library lines.

# raised as they are, never put in the group
_NEVER_GROUPED = (SystemExit, KeyboardInterrupt)


class TaskGroup:   #@12

    def __init__(self):   #@28
        self._entered = self._exiting = self._aborting = False
        self._loop = self._parent_task = None
        # set when the group cancelled its parent itself, and must take that back
        self._parent_cancel_requested = False
        # the unfinished tasks in creation order (the order a few tasks have in CPython's set)
        self._tasks = {}
        self._errors = []
        self._base_error = None
        # what __aexit__ waits on while tasks are left
        self._on_completed_fut = None

    def __repr__(self):   #@40
        parts = ['']
        if self._tasks:
            parts.append(f'tasks={len(self._tasks)}')
        if self._errors:
            parts.append(f'errors={len(self._errors)}')
        if self._aborting:
            parts.append('cancelling')
        elif self._entered:
            parts.append('entered')
        return '<TaskGroup' + ' '.join(parts) + '>'

    async def __aenter__(self):   #@54
        if self._entered:
            raise RuntimeError(   #@56
                f"TaskGroup {self!r} has already been entered")   #@57
        if self._loop is None:
            self._loop = events.get_running_loop()   #@59
        self._parent_task = tasks.current_task(self._loop)   #@60
        if self._parent_task is None:
            raise RuntimeError(   #@62
                f'TaskGroup {self!r} cannot determine the parent task')   #@63
        self._entered = True
        return self   #@66

    async def __aexit__(self, et, exc, tb):   #@68
        self._exiting = True
        if exc is not None and _is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        # a CancelledError leaving the body goes on, unless this group caused it (below)
        propagate_cancellation_error = exc if et is exceptions.CancelledError else None
        if self._parent_cancel_requested and self._parent_task.uncancel() == 0:
            # the only cancellation of the parent was the group's own
            propagate_cancellation_error = None
        if et is not None and not self._aborting:
            # the body failed, or the parent task is being cancelled: stop the tasks
            self._abort()   #@99
        while self._tasks:
            # a fresh future for every wait (it is dropped after each)
            self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut   #@110
            except exceptions.CancelledError as ex:
                if not self._aborting:
                    # the parent task was cancelled while the group waited for its tasks
                    propagate_cancellation_error = ex
                    self._abort()   #@122
            self._on_completed_fut = None
        if self._base_error:
            raise self._base_error   #@129
        # any other error outranks a cancellation
        if not self._errors and propagate_cancellation_error:
            raise propagate_cancellation_error   #@134
        if et not in (None, exceptions.CancelledError):
            self._errors.append(exc)   #@137
        if self._errors:
            try:
                me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)   #@144
                raise me from None   #@145
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):   #@149
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")   #@155
        if not self._tasks and self._exiting:
            raise RuntimeError(f"TaskGroup {self!r} is finished")   #@157
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")   #@159
        if context is None:
            task = self._loop.create_task(coro)   #@161
        else:
            task = self._loop.create_task(coro, context=context)   #@163
        if name is not None:
            task.set_name(name)
        if task.done():
            self._on_task_done(task)   #@169
        else:
            self._tasks[task] = None
            task.add_done_callback(self._on_task_done)
        return task

    def _abort(self):   #@183
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):   #@190
        self._tasks.pop(task, None)
        # the last task to finish wakes __aexit__
        waiting = self._on_completed_fut
        if waiting is not None and not (self._tasks or waiting.done()):
            waiting.set_result(True)
        error = None if task.cancelled() else task.exception()
        if error is None:
            return
        self._errors.append(error)
        if self._base_error is None and _is_base_error(error):
            self._base_error = error
        parent = self._parent_task
        if parent.done():
            # nobody is left to raise it to
            _report_orphan_failure(task, parent, error)
        elif not (self._aborting or self._parent_cancel_requested):
            # a task failed while the body still runs: the parent is cancelled so that the body stops at its
            # await, and __aexit__ takes that cancellation back
            self._abort()
            self._parent_cancel_requested = True
            parent.cancel()


def _is_base_error(exc):
    return isinstance(exc, _NEVER_GROUPED)
