class A:
    def __init__(self, v):
        self.v = v
a = A(1)
a.missing_method()
