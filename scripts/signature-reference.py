#!/usr/bin/env python3
"""An independent computation of NearDup's golden signatures (Tests/NearDupTests/MinHash/
SignatureGolden.swift), for ASCII text: words are runs of [0-9a-z] after lower-casing, each word
is hashed with XXH3-64 (the `xxhash` package, `pip install xxhash`), and the n word hashes of a
shingle are combined as signature format 2 does (WordShingleHash.swift), written here as the
plain sum  P = sum_i w_i * B^(m-1-i) mod 2^64  rather than the rolling update of the Swift code,
then fmix64(P ^ seed). One-permutation MinHash with optimal densification and the classic scheme
follow MinHasher.swift.

    python3 scripts/signature-reference.py            # format 2: the goldens
    python3 scripts/signature-reference.py --format 1 # format 1 (XXH3 of the 8n bytes): the old goldens
"""
import re
import struct
import sys

import xxhash

M = (1 << 64) - 1
B = 0x9E3779B97F4A7C15
TEXT = ("Dmitry Peskov acknowledged in an interview published on Thursday that Russia had "
        "sustained significant losses of troops.")


def fmix64(k):
    k ^= k >> 33
    k = (k * 0xFF51AFD7ED558CCD) & M
    k ^= k >> 33
    k = (k * 0xC4CEB9FE1A85EC53) & M
    return k ^ (k >> 33)


def splitmix64(v):
    z = (v + 0x9E3779B97F4A7C15) & M
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def combine_v2(word_hashes, seed):
    p = 0
    for i, w in enumerate(word_hashes):
        p = (p + w * pow(B, len(word_hashes) - 1 - i, 1 << 64)) & M
    return fmix64(p ^ seed)


def combine_v1(word_hashes, seed):
    return xxhash.xxh3_64_intdigest(b"".join(struct.pack("<Q", w) for w in word_hashes), seed=seed)


def shingles(text, n, seed, combine):
    w = [xxhash.xxh3_64_intdigest(x.encode(), seed=seed) for x in re.findall(r"[0-9a-z]+", text.lower())]
    if 0 < len(w) < n:
        return [combine(w, seed)]
    return [combine(w[i:i + n], seed) for i in range(len(w) - n + 1)]


def one_permutation(hashes, k, seed):
    bins = [M] * k
    for x in set(hashes):
        b = (x * k) >> 64
        bins[b] = min(bins[b], x)

    def owns(i):
        return bins[i] != M and (bins[i] * k) >> 64 == i

    out = list(bins)
    for i in range(k):
        if bins[i] != M:
            continue
        for attempt in range(1, 65):
            candidate = (splitmix64(seed ^ (i << 32) ^ attempt) * k) >> 64
            if owns(candidate):
                donor = candidate
                break
            if attempt == 64:
                donor = candidate
                while True:
                    donor = 0 if donor + 1 == k else donor + 1
                    if owns(donor):
                        break
        out[i] = bins[donor]
    return out


def classic(hashes, k, seed):
    state, seeds = seed, []
    for _ in range(k):
        state = (state + 0x9E3779B97F4A7C15) & M
        seeds.append(splitmix64(state))
    return [min(fmix64(x ^ s) for x in set(hashes)) for s in seeds]


def main():
    combine = combine_v1 if sys.argv[1:] == ["--format", "1"] else combine_v2
    hashes = shingles(TEXT, 2, 1, combine)
    print("set size", len(set(hashes)))
    print("onePermutation (k = 8, words:2, seed 1):", one_permutation(hashes, 8, 1))
    print("classic (k = 4, words:2, seed 1):", classic(hashes, 4, 1))


if __name__ == "__main__":
    main()
