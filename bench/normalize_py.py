#!/usr/bin/env python3
"""bench/normalize_py.py IN OUT: the baseline for bench/normalize.sh — the same normalization
in Python: decode (UTF-8, else GB18030), CR LF, pinyin removal, traditional → simplified with
the `opencc` command line (t2s.json), width folding and blank tidying. No mojibake repair."""
import re, subprocess, sys, unicodedata

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN = re.compile(r"(?<=[\u3400-\u9fff\ufffd])[(（]([a-zA-Z%sü]{1,7})[)）]" % TONED)
FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "；": ";", "％": "%", "\u3000": " ", "\u00a0": " "})

def main():
    raw = open(sys.argv[1], "rb").read()
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        s = raw.decode("gb18030", errors="replace")
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = PINYIN.sub(lambda m: "" if any(c in TONED for c in m.group(1)) else m.group(0), s)
    s = subprocess.run(["opencc", "-c", "t2s.json"], input=s.encode(), capture_output=True, check=True).stdout.decode()
    s = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" and c.isalnum() else c for c in s)
    s = s.translate(FOLD)
    s = re.sub(r"[ \t]*\n[ \t]*", "\n", s)
    s = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) +| +(?=[\u3000-\u9fff\uff00-\uffef])", "", s)
    s = re.sub(r"\n{3,}", "\n\n", s).strip() + "\n"
    open(sys.argv[2], "w").write(s)

if __name__ == "__main__":
    main()
