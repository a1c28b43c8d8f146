# multiprocessing's process objects, as CPython's process.py (and the parts of util.py it needs: finalizers, the
# exit function, after-fork hooks). start() forks the simulated process through _fork; the child runs
# _child_main, which ends in _bootstrap as CPython's forked child does. Lines ending in a pin sit at CPython
# 3.12.1's line numbers.


def current_process():
    if _current_process._pid_seen != os.getpid():
        # a process forked by the engine itself (a ProcessPoolExecutor worker)
        return _ForeignProcess(_this_process_name())
    return _current_process


def active_children():
    _cleanup()
    return list(_children)


def parent_process():
    return _parent_process


def _cleanup():
    for p in list(_children):
        if p._popen is not None and p._popen.poll() is not None:
            _children.remove(p)


class BaseProcess:

    def _Popen(self):
        raise NotImplementedError

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'   #@82
        maker = _current_process
        self._identity = maker._identity + (_next_process_number(),)
        self._config = dict(maker._config)
        self._parent_pid = os.getpid()
        self._parent_name = maker.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)   #@91
        self._kwargs = dict(kwargs)   #@92
        # unnamed: the class name and the place in the process tree (ForkProcess-1, ForkProcess-1:2, ...)
        self._name = name or '%s-%s' % (type(self).__name__, ':'.join([str(n) for n in self._identity]))
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")   #@101

    def run(self):
        if self._target:   #@107
            self._target(*self._args, **self._kwargs)   #@108

    def start(self):
        self._check_closed()   #@114
        assert self._popen is None, 'cannot start a process twice'   #@115
        assert os.getpid() == self._parent_pid, \
               'can only start a process object created by current process'   #@117
        assert not _current_process.daemon, \
               'daemonic processes are not allowed to have children'   #@119
        _cleanup()
        self._popen = self._sentinel = _fork(self, threading.get_ident(), self._pool_worker)
        # the parent keeps no references to what the child runs
        for attr in ('_target', '_args', '_kwargs'):
            delattr(self, attr)
        _children.add(self)
        _register_exit()

    _pool_worker = False

    def _child_main(self, forker_ident):
        threading._after_fork(forker_ident)
        return self._bootstrap()

    def terminate(self):
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        self._check_closed()   #@146
        assert self._parent_pid == os.getpid(), 'can only join a child process'   #@147
        assert self._popen is not None, 'can only join a started process'   #@148
        res = self._popen.wait(timeout)   #@149
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        self._check_closed()   #@157
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'   #@160
        if self._popen is None:
            return False
        if self._popen.poll() is None:
            return True
        # it has ended: there is nothing left to wait for
        _children.discard(self)
        return False

    def close(self):
        popen = self._popen
        if popen is not None:
            if popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "   #@181
                                 "You should first call join() or terminate().")
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'   #@195
        self._name = name

    @property
    def daemon(self):
        config = self._config
        return config['daemon'] if 'daemon' in config else False

    @daemon.setter
    def daemon(self, value):
        assert self._popen is None, 'process has already started'   #@210
        self._config['daemon'] = value

    @property
    def exitcode(self):
        self._check_closed()   #@229
        popen = self._popen
        return None if popen is None else popen.poll()

    @property
    def ident(self):
        self._check_closed()   #@239
        if self is _current_process:
            return os.getpid()
        popen = self._popen
        return popen and popen.pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None   #@257

    def __repr__(self):
        code = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif os.getpid() != self._parent_pid:
            # someone else's child
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            code = self._popen.poll()
            status = 'started' if code is None else 'stopped'
        parts = [type(self).__name__, f'name={self._name!r}']
        if self._popen is not None:
            parts.append(f'pid={self._popen.pid}')
        parts += [f'parent={self._parent_pid}', status]
        if code is not None:
            # killed by a signal: the signal's name
            parts.append(f'exitcode={_exitcode_to_name.get(code, code)}')
        if self.daemon:
            parts.append('daemon')
        return '<' + ' '.join(parts) + '>'

    def _bootstrap(self, parent_handle=None):
        # the start of a forked child: this object becomes the current process, with no children and no
        # finalizers of its own; the exit code comes from how run() ends
        global _current_process, _parent_process, _children, _exiting
        try:
            _children = set()
            _current_process = self
            self._pid_seen = os.getpid()
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid, parent_handle)
            _finalizers.clear()
            _exiting = False
            for obj, hook in list(_after_forkers):
                hook(obj)
            try:
                self.run()   #@314
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            exitcode = _exit_status(e.code)
        except:
            exitcode = 1
            sys.stderr.write(f'Process {self.name}:\n')
            _write_stderr(_format_exception(sys.exception()))
        finally:
            threading._shutdown()
        return exitcode

    _pid_seen = None


def _exit_status(code):
    # sys.exit() in a child: None is 0, an int is itself, anything else is printed and counts as 1
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + '\n')
    return 1


class _ParentProcess(BaseProcess):

    def __init__(self, name, pid, handle):
        # the parent as its child sees it: known by name and pid only
        self._identity = ()
        self._name, self._pid = name, pid
        self._parent_pid = self._popen = None
        self._closed = False
        self._sentinel = handle
        self._config = {}

    def is_alive(self):
        return self._sentinel is None or self._sentinel.poll() is None

    @property
    def ident(self):
        return self._pid

    pid = ident


class _MainProcess(BaseProcess):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'semprefix': '/mp'}
        self._pid_seen = os.getpid()

    def close(self):
        pass


class _ForeignProcess(BaseProcess):

    def __init__(self, name):
        self._identity = ()
        self._name = name
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}

    def is_alive(self):
        return True

    @property
    def ident(self):
        return os.getpid()

    pid = ident


_parent_process = None
_current_process = _MainProcess()
_children = set()

_exitcode_to_name = {-1: '-SIGHUP', -2: '-SIGINT', -3: '-SIGQUIT', -6: '-SIGABRT', -9: '-SIGKILL',
                     -11: '-SIGSEGV', -13: '-SIGPIPE', -14: '-SIGALRM', -15: '-SIGTERM'}

# util: finalizers run at exit by priority, highest first (later ones first among equals); after-fork hooks.

_finalizers = {}
_finalizer_counter = [0]
_after_forkers = []
_exiting = False
_exit_registered = [False]


class Finalize(object):

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, _finalizer_counter[0])
        _finalizer_counter[0] += 1
        _finalizers[self._key] = self

    def __call__(self, wr=None):
        if self._key in _finalizers:
            del _finalizers[self._key]
            return self._callback(*self._args, **self._kwargs)

    def cancel(self):
        if self._key in _finalizers:
            del _finalizers[self._key]

    def still_active(self):
        return self._key in _finalizers


def _run_finalizers(minpriority=None):
    keys = [key for key in list(_finalizers)
            if key[0] is not None and (minpriority is None or key[0] >= minpriority)]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizers.get(key)
        if finalizer is not None:
            finalizer()


def register_after_fork(obj, func):
    _after_forkers.append((obj, func))


def _exit_function():
    global _exiting
    if not _exiting:
        _exiting = True
        _run_finalizers(0)
        for p in active_children():
            if p.daemon:
                p._popen.terminate()
        for p in active_children():
            p.join()
        _run_finalizers()


def _register_exit():
    # atexit.register(_exit_function), done when util is first imported: by the first start() here
    if not _exit_registered[0]:
        _exit_registered[0] = True
        if _current_process._parent_pid is None:
            _at_exit(_exit_function)
