/**
 * A small seeded pseudo-random generator, so that every draw can be repeated from the seed printed
 * next to it (by an auditor, by MTTQ or Hội CCB, or by the same office a month later).
 *
 * - The seed is text (numbers are written as text first, so 42 and "42" are the same seed). Its
 *   UTF-8 bytes are hashed with 32-bit FNV-1a; two different seeds give the same stream with
 *   probability 2⁻³², which is irrelevant for survey draws.
 * - The hash seeds SplitMix32, whose first four outputs fill the 128-bit state of xoshiro128**
 *   (Blackman & Vigna), a fast generator with period 2¹²⁸ − 1 that passes the usual test batteries.
 * - Integers below n are drawn by rejection, so there is no modulo bias.
 *
 * Everything is 32-bit integer arithmetic (Math.imul, >>> 0): the same seed gives the same numbers
 * in every JavaScript engine. This is not a cryptographic generator; draws are meant to be
 * reproducible, not secret.
 */
import { samplingError } from './errors.js';

/** A reproducible stream of random numbers. */
export interface RandomSource {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniformly distributed integer in [0, bound); `bound` is a whole number from 1 to 2³². */
  below(bound: number): number;
}

/** A seed as given by a person or a program: text, or a number written as text. */
export type Seed = string | number;

/** The text form of a seed, as printed with a draw; rejects empty and non-finite seeds. */
export function normalizeSeed(seed: Seed): string {
  if (typeof seed === 'number' ? !Number.isFinite(seed) : typeof seed !== 'string' || seed.trim() === '') {
    throw samplingError('invalid-seed', `Hạt giống (seed) phải là một chuỗi không rỗng hoặc một số, không phải ${String(seed)}.`, `The seed must be a non-empty text or a number, not ${String(seed)}.`);
  }
  return String(seed).trim();
}

/** 32-bit FNV-1a over the UTF-8 bytes of a text. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The seed of one group's generator within a draw. The purpose keeps a sample draw and a phúc tra
 * draw made with the same seed independent; the separators keep ("a", "b c") and ("a b", "c")
 * apart, and the last one keeps a key's trailing spaces from being trimmed with the seed's.
 */
export const streamSeed = (purpose: 'sample' | 'verification', seed: string, key: string): string => `${purpose}\u001f${seed}\u001f${key}\u001f`;

/** Creates the generator of a seed; the same seed always gives the same sequence. */
export function createRandom(seed: Seed): RandomSource {
  let splitState = hashText(normalizeSeed(seed));
  const splitMix = (): number => {
    splitState = (splitState + 0x9e3779b9) >>> 0;
    let z = splitState;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitMix();
  let s1 = splitMix();
  let s2 = splitMix();
  let s3 = splitMix();
  // xoshiro must not start from the all-zero state (SplitMix32 practically never gives it).
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  const rotateLeft = (value: number, bits: number): number => ((value << bits) | (value >>> (32 - bits))) >>> 0;
  const nextUint32 = (): number => {
    const result = Math.imul(rotateLeft(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const shifted = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ shifted) >>> 0;
    s3 = rotateLeft(s3, 11);
    return result;
  };
  const below = (bound: number): number => {
    if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) throw new RangeError(`below(${bound}): the bound must be a whole number from 1 to 2^32`);
    // Reject the top part of the 32-bit range that would make small values more likely.
    const limit = 2 ** 32 - (2 ** 32 % bound);
    let value = nextUint32();
    while (value >= limit) value = nextUint32();
    return value % bound;
  };
  return { nextUint32, below };
}

/** Letters that cannot be misread when a seed is copied by hand (no 0/o, 1/l/i). */
const SEED_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/**
 * A fresh seed of 10 unambiguous characters from the platform's cryptographic random source
 * (Web Crypto, in browsers and Node 20). The only non-deterministic function of the sampling
 * helpers: call it once, print the seed, and pass it to the draw.
 */
export function createSeed(): string {
  // Bytes at or above the largest multiple of the alphabet's length are skipped, so every letter is equally likely.
  const limit = 256 - (256 % SEED_ALPHABET.length);
  let seed = '';
  while (seed.length < 10) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < limit && seed.length < 10) seed += SEED_ALPHABET[byte % SEED_ALPHABET.length];
    }
  }
  return seed;
}

/**
 * Draws `count` items of `items` in random order (a partial Fisher–Yates shuffle of a copy): the
 * first item is the first drawn. `count` larger than the list draws every item.
 */
export function drawInOrder<Item>(items: readonly Item[], count: number, random: RandomSource): Item[] {
  const pool = items.slice();
  const drawn = Math.min(count, pool.length);
  for (let position = 0; position < drawn; position += 1) {
    const chosen = position + random.below(pool.length - position);
    const swapped = pool[position] as Item;
    pool[position] = pool[chosen] as Item;
    pool[chosen] = swapped;
  }
  return pool.slice(0, drawn);
}
