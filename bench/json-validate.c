// A yardstick for `npm run bench:phases`, not product code: how fast can a line be checked as JSON
// when the bytes are walked by native code with 128-bit SIMD (WebAssembly, as Node runs it) instead
// of JavaScript? It checks what scanLine checks (src/transcript/line-scanner.ts), with its rule for long
// strings: a value string's first 64 bytes are checked, and one of 512 bytes or more is only searched
// for its end, with simdjson's carry trick that tells escaped quotes from real ones 64 bytes at a
// time. Keys and shorter strings are checked whole. It builds no values, so it is a lower bound for a
// native scanner, not a replacement. Built by bench/phases.mjs with Debian's clang and lld:
//   clang --target=wasm32 -O3 -msimd128 -nostdlib -Wl,--no-entry -Wl,--export=validate ...
#include <stdint.h>
#include <wasm_simd128.h>

extern unsigned char __heap_base;
/** Where the caller may put bytes: everything above the stack and data. */
unsigned char *heap_base(void) { return &__heap_base; }

#define MAX_DEPTH 512
#define WALK_BYTES 64
#define LONG_STRING_BYTES 512

static uint8_t is_array[MAX_DEPTH + 2];

static const uint8_t HEX[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1};
static const uint8_t ESCAPABLE[256] = {['"'] = 1, ['\\'] = 1, ['/'] = 1, ['b'] = 1,
                                       ['f'] = 1, ['n'] = 1, ['r'] = 1, ['t'] = 1};

static inline int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

/* The escape at p[i] (a backslash): the index after it, or -1 when JSON.parse rejects it. */
static inline int64_t escape_end(const uint8_t *p, uint32_t i, uint32_t end) {
  uint8_t e = i + 1 < end ? p[i + 1] : 0;
  if (e == 'u') {
    if (i + 6 > end || !(HEX[p[i + 2]] && HEX[p[i + 3]] && HEX[p[i + 4]] && HEX[p[i + 5]])) return -1;
    return i + 6;
  }
  return ESCAPABLE[e] ? i + 2 : -1;
}

/* Checks a string body from i up to limit: its closing quote, -1 if rejected, -2 if not found. */
static int64_t check_string(const uint8_t *p, uint32_t i, uint32_t limit, uint32_t end, uint32_t *stopped) {
  const v128_t quote = wasm_i8x16_splat('"'), backslash = wasm_i8x16_splat('\\'), space = wasm_i8x16_splat(0x20);
  while (i < limit) {
    if (i + 16 <= limit) {
      v128_t v = wasm_v128_load(p + i);
      v128_t hit = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(v, quote), wasm_i8x16_eq(v, backslash)),
                                wasm_u8x16_lt(v, space));
      uint32_t bits = wasm_i8x16_bitmask(hit);
      if (bits == 0) {
        i += 16;
        continue;
      }
      i += __builtin_ctz(bits);
    }
    uint8_t c = p[i];
    if (c == '"') return i;
    if (c == '\\') {
      int64_t next = escape_end(p, i, end);
      if (next < 0) return -1;
      i = (uint32_t)next;
    } else if (c < 0x20) return -1;
    else i++;
  }
  *stopped = i;
  return -2;
}

static inline uint64_t mask64(const uint8_t *p, v128_t needle) {
  uint64_t m0 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p), needle));
  uint64_t m1 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + 16), needle));
  uint64_t m2 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + 32), needle));
  uint64_t m3 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + 48), needle));
  return m0 | m1 << 16 | m2 << 32 | m3 << 48;
}

/* simdjson's escape finder: the bytes a backslash escapes, carrying a run of backslashes across blocks. */
static inline uint64_t escaped_bytes(uint64_t backslash, uint64_t *carry) {
  backslash &= ~*carry;
  uint64_t follows_escape = backslash << 1 | *carry;
  const uint64_t even_bits = 0x5555555555555555ULL;
  uint64_t odd_starts = backslash & ~even_bits & ~follows_escape;
  uint64_t sequences;
  *carry = __builtin_add_overflow(odd_starts, backslash, &sequences);
  return (even_bits ^ (sequences << 1)) & follows_escape;
}

/* The first quote from i on that no backslash escapes (i starts no escape), or -1. */
static int64_t closing_quote(const uint8_t *p, uint32_t i, uint32_t end) {
  const v128_t quote = wasm_i8x16_splat('"'), backslash = wasm_i8x16_splat('\\');
  uint64_t carry = 0;
  for (; i + 64 <= end; i += 64) {
    uint64_t real = mask64(p + i, quote) & ~escaped_bytes(mask64(p + i, backslash), &carry);
    if (real) return i + __builtin_ctzll(real);
  }
  for (int escaped = (int)carry; i < end; i++) {
    if (escaped) escaped = 0;
    else if (p[i] == '\\') escaped = 1;
    else if (p[i] == '"') return i;
  }
  return -1;
}

/* The closing quote of the string whose body starts at from, or -1 when rejected (scanLine's rule). */
static int64_t string_end(const uint8_t *p, uint32_t from, uint32_t end, int check_all) {
  uint32_t walked = from;
  uint32_t limit = check_all || from + WALK_BYTES > end ? end : from + WALK_BYTES;
  int64_t found = check_string(p, from, limit, end, &walked);
  if (found != -2) return found;
  int64_t close = closing_quote(p, walked, end);
  if (close < 0) return -1;
  if (close - from >= LONG_STRING_BYTES) return close;
  return check_string(p, walked, (uint32_t)close + 1, end, &walked);
}

enum { VALUE, VALUE_OR_CLOSE, KEY_OR_CLOSE, KEY, COLON, COMMA_OR_CLOSE, NOTHING };

/** Whether the len bytes at p are one JSON value (edge whitespace aside), as JSON.parse has it. */
int validate(const uint8_t *p, uint32_t len) {
  uint32_t i = 0;
  int depth = 0;
  int expect = VALUE;
  while (i < len) {
    uint8_t c = p[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      i++;
      continue;
    }
    int closes = 0;
    switch (expect) {
      case COLON:
        if (c != ':') return 0;
        expect = VALUE;
        i++;
        continue;
      case COMMA_OR_CLOSE:
        if (c == ',') {
          expect = is_array[depth] ? VALUE : KEY;
          i++;
          continue;
        }
        if (c != (is_array[depth] ? ']' : '}')) return 0;
        closes = 1;
        break;
      case KEY_OR_CLOSE:
      case KEY: {
        if (c == '}' && expect == KEY_OR_CLOSE) {
          closes = 1;
          break;
        }
        if (c != '"') return 0;
        int64_t close = string_end(p, i + 1, len, 1);
        if (close < 0) return 0;
        i = (uint32_t)close + 1;
        expect = COLON;
        continue;
      }
      case VALUE_OR_CLOSE:
        if (c == ']') closes = 1;
        break;
      case VALUE:
        break;
      default:
        return 0;
    }
    if (closes) {
      depth--;
      i++;
      expect = depth == 0 ? NOTHING : COMMA_OR_CLOSE;
      continue;
    }
    if (c == '{' || c == '[') {
      if (depth == MAX_DEPTH) return 0;
      depth++;
      is_array[depth] = c == '[';
      expect = c == '{' ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
      i++;
      continue;
    }
    if (c == '"') {
      int64_t close = string_end(p, i + 1, len, 0);
      if (close < 0) return 0;
      i = (uint32_t)close + 1;
    } else if (c == '-' || is_digit(c)) {
      if (c == '-') i++;
      if (i < len && p[i] == '0') i++;
      else if (i < len && is_digit(p[i])) while (i < len && is_digit(p[i])) i++;
      else return 0;
      if (i < len && p[i] == '.') {
        i++;
        if (i >= len || !is_digit(p[i])) return 0;
        while (i < len && is_digit(p[i])) i++;
      }
      if (i < len && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < len && (p[i] == '+' || p[i] == '-')) i++;
        if (i >= len || !is_digit(p[i])) return 0;
        while (i < len && is_digit(p[i])) i++;
      }
    } else if (c == 't' && i + 4 <= len && p[i + 1] == 'r' && p[i + 2] == 'u' && p[i + 3] == 'e') i += 4;
    else if (c == 'f' && i + 5 <= len && p[i + 1] == 'a' && p[i + 2] == 'l' && p[i + 3] == 's' && p[i + 4] == 'e')
      i += 5;
    else if (c == 'n' && i + 4 <= len && p[i + 1] == 'u' && p[i + 2] == 'l' && p[i + 3] == 'l') i += 4;
    else return 0;
    expect = depth == 0 ? NOTHING : COMMA_OR_CLOSE;
  }
  return expect == NOTHING;
}
