import type { Prng } from './prng';

/** The most noise a trainer can put on the line: beyond one byte in two nothing readable is left to show. */
export const MAX_LINE_NOISE = 0.5;

/** A noise rate as given by a control command, made safe: a number in 0–MAX_LINE_NOISE (anything else 0). */
export function lineNoiseRate(rate: unknown): number {
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) return 0;
  return Math.min(MAX_LINE_NOISE, rate);
}

/**
 * Noise on a serial line (the trainer's "line noise" fault): each byte is hit with probability `rate`; a
 * hit byte has one bit flipped, or — one hit in four, a framing error the UART throws away — is lost.
 * Deterministic for a given PRNG state, so a Node test sees the same noise every run.
 */
export function addLineNoise(bytes: Uint8Array, rate: number, prng: Prng): Uint8Array {
  if (rate <= 0 || bytes.length === 0) return bytes;
  const out: number[] = [];
  for (const b of bytes) {
    if (prng.float() >= rate) {
      out.push(b);
      continue;
    }
    if (prng.int(4) === 0) continue;
    out.push(b ^ (1 << prng.int(8)));
  }
  return Uint8Array.from(out);
}
