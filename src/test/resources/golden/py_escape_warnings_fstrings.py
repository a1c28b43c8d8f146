# SyntaxWarnings for invalid escapes are found after adjacent literals and inside f-string fields (3.12 allows quotes and backslashes there), and "\{" still opens a field.
x = 1
print("a""b", "c" "\d")
print(f"{'\\'}", f"\{x}", f"{x:{'>'}{6}}")
print(f"\{x}{'\w'}")
print('x', "\s" 'y', f'{"\q"}')
