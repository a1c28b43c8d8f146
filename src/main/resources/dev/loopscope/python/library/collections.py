# The dict subclasses of collections, written in Python as Loopscope runs them. deque and namedtuple, and the
# methods that CPython writes in C (defaultdict.__init__ and __missing__, OrderedDict.popitem and move_to_end),
# come from Java.


class defaultdict(dict):

    def __repr__(self):
        return f'{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})'

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new


class OrderedDict(dict):

    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        return f'{type(self).__name__}({dict.__repr__(self)})'

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new


def _itemgetter(i):
    return lambda pair: pair[i]


class Counter(dict):

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)  #@607

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)  #@628
        return sorted(self.items(), key=_itemgetter(1), reverse=True)[:max(n, 0)]

    def elements(self):
        # each key as many times as its count says; counts below one give nothing
        for key, times in self.items():
            yield from [key] * times if times > 0 else ()

    def update(self, iterable=None, /, **kwds):  #@668
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():  #@692
                        self[elem] = count + self_get(elem, 0)  #@693
                else:
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)  #@698
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):  #@702
        if iterable is not None:
            self_get = self.get
            if isinstance(iterable, dict):
                for elem, count in iterable.items():  #@721
                    self[elem] = self_get(elem, 0) - count  #@722
            else:
                for elem in iterable:  #@724
                    self[elem] = self_get(elem, 0) - 1  #@725
        if kwds:
            self.subtract(kwds)  #@727

    def copy(self):
        return type(self)(self)

    def __delitem__(self, key):
        # deleting a key that is not there is no error for a Counter
        if key in self:
            super().__delitem__(key)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return name + '()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            # counts that cannot be ordered are shown as they were inserted
            shown = dict(self)
        return f'{name}({shown!r})'

    # Comparisons treat a missing key as a count of zero, on the keys of both sides.

    def _every(self, other, test):
        keys = list(self)
        keys.extend(key for key in other if key not in self)
        return all(test(self[key], other[key]) for key in keys)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._every(other, lambda mine, theirs: mine == theirs)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self._every(other, lambda mine, theirs: mine == theirs)

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._every(other, lambda mine, theirs: mine <= theirs)

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._every(other, lambda mine, theirs: mine >= theirs)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._every(other, lambda mine, theirs: mine <= theirs) and self != other

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._every(other, lambda mine, theirs: mine >= theirs) and self != other

    # The operators build a new Counter of the positive results only: first the keys of the left side, in their
    # order, then (for +, - and |) the keys only the right side has.

    def _merged(self, other, pick, right_only):
        out = Counter()
        for key, mine in self.items():
            value = pick(mine, other[key])
            if value > 0:
                out[key] = value
        if right_only:
            for key, theirs in other.items():
                if key not in self:
                    value = pick(0, theirs)
                    if value > 0:
                        out[key] = value
        return out

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._merged(other, lambda mine, theirs: mine + theirs, True)

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._merged(other, lambda mine, theirs: mine - theirs, True)

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._merged(other, lambda mine, theirs: theirs if mine < theirs else mine, True)

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._merged(other, lambda mine, theirs: mine if mine < theirs else theirs, False)

    def __pos__(self):
        return self._merged(Counter(), lambda mine, theirs: mine, False)

    def __neg__(self):
        return Counter()._merged(self, lambda mine, theirs: 0 - theirs, True)

    # In-place forms change this Counter, then drop the keys whose count is no longer positive.

    def _positive_only(self):
        for key in [key for key in self if not self[key] > 0]:
            del self[key]
        return self

    def __iadd__(self, other):
        for key, theirs in other.items():
            self[key] += theirs
        return self._positive_only()

    def __isub__(self, other):
        for key, theirs in other.items():
            self[key] -= theirs
        return self._positive_only()
