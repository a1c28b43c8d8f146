# Rule: random.Random can be subclassed: instances draw from their own Mersenne Twister stream, seeded by Random.__init__(self, x) (called directly or through super().__init__), and keep attributes of their own; separate instances with the same seed draw the same numbers as the module functions after random.seed.
import random


class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)


class LoadedDice(random.Random):
    def __init__(self, seed, sides):
        super().__init__(seed)
        self.sides = sides
        self.rolls = 0

    def roll(self):
        self.rolls += 1
        return self.choice(self.sides)


d = Dice(3)
print([d.roll() for _ in range(8)])
print(isinstance(d, random.Random), type(d).__name__, Dice.__mro__[1].__name__)
random.seed(3)
print([random.randint(1, 6) for _ in range(8)])
ld = LoadedDice(7, [1, 6, 6, 6])
print([ld.roll() for _ in range(6)], ld.rolls)
ld.seed(7)
print(ld.roll(), ld.random())
e = Dice()
e.seed(3)
print(e.roll(), e.sample(range(10), 3))
