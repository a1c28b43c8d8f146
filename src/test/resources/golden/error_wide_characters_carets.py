# Rule: 3.12 draws the caret line by display width: East Asian wide
# characters and most emoji before or inside the failing expression take two
# columns each, other non-ASCII characters (é, ±, →) one.
import asyncio

名前 = {"キー": 1, "😀": 2}


async def report(label, n):
    print(f"✅ {label}: {100 / n:.1f}%")
    return 名前["キー"] + 名前["😀"] + 名前[label]


async def main():
    print(await report("キー", 4))
    msg = "café ±½ → 完成 ✨"
    print(msg, len(msg) / len(名前))
    await report("なし", 8)


asyncio.run(main())
