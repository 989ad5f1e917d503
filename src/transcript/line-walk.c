// The byte walk of scanLine (line-scanner.ts) in C, built to WebAssembly with 128-bit SIMD: the same
// checks, the same rule for long strings, the same captures, at native speed. It reports where the
// values the derivation reads are (byte offsets); line-scanner.ts builds them from those bytes, as it
// does after its own walk. A line this walk does not handle the same way without more code (a wanted
// key written with escapes, more content blocks than it has room for) goes back to the JavaScript walk.
//
// Built by scripts/build-line-walk.mjs with Debian's clang and lld into line-walk-wasm.ts (committed);
// test/unit/line-walk.test.ts rebuilds it and holds the two walks equal.
#include <stdint.h>
#include <wasm_simd128.h>

#define MAX_DEPTH 512
#define WALK_BYTES 64
#define LONG_STRING_BYTES 512
#define MAX_BLOCKS 1024
#define MAX_KEYS 64
#define MAX_KEY_BYTES 64
#define MAX_TOP_SLOTS 64

// What walk() answers; line-scanner.ts has the same numbers.
enum { INVALID = 0, VALUE = 1, USE_EXACT = 2, USE_JS = 3 };
// What a container is, for the derivation (line-scanner.ts's ROLE_*).
enum { ROLE_OTHER = 0, ROLE_ROOT = 1, ROLE_MESSAGE = 2, ROLE_CONTENT = 3, ROLE_BLOCK = 4 };
// Capture slots inside the message and its blocks (line-scanner.ts's *_SLOT).
#define NO_SLOT (-1)
#define CONTENT_SLOT 100
#define BLOCK_SLOT 101
#define BLOCK_TYPE_SLOT 102
#define BLOCK_TEXT_SLOT 103

// What the walk expects next.
enum { VALUE_NEXT, VALUE_OR_CLOSE, KEY_OR_CLOSE, KEY, COLON, COMMA_OR_CLOSE, NOTHING };

/*
 * The answer of the last walk, as int32 byte offsets from the line's start:
 *   [0] blocks, [1] content start, [2] content end,
 *   [3 + 2 * slot], [4 + 2 * slot]: start and end of the top-level value in that slot (-1: none),
 *   [OUT_BLOCKS + 6 * b ...]: block b's start, end, type start, type end, text start, text end.
 */
#define OUT_BLOCKS (3 + 2 * MAX_TOP_SLOTS)
static int32_t out[OUT_BLOCKS + 6 * MAX_BLOCKS];
int32_t *output(void) { return out; }

/* The keys wanted, by the role of the object they are in; line-scanner.ts adds them at start. */
static struct {
  int32_t role, slot;
  uint32_t length;
  uint8_t bytes[MAX_KEY_BYTES];
} keys[MAX_KEYS];
static int key_count;
static int32_t message_slot = -1;
static uint8_t key_buffer[MAX_KEY_BYTES];
uint8_t *key_input(void) { return key_buffer; }

/* Adds the key whose bytes are in key_input(); 0 when there is no room for it. */
int add_key(int32_t role, int32_t slot, uint32_t length) {
  if (key_count == MAX_KEYS || length > MAX_KEY_BYTES || (slot >= MAX_TOP_SLOTS - 1 && slot < CONTENT_SLOT)) return 0;
  keys[key_count].role = role;
  keys[key_count].slot = slot;
  keys[key_count].length = length;
  for (uint32_t k = 0; k < length; k++) keys[key_count].bytes[k] = key_buffer[k];
  key_count++;
  if (role == ROLE_ROOT && slot > message_slot) message_slot = slot;
  return 1;
}

extern unsigned char __heap_base;
/** Where the caller may put bytes: everything above the stack and data. */
unsigned char *heap_base(void) { return &__heap_base; }

static uint8_t kinds[MAX_DEPTH + 1];
static uint8_t roles[MAX_DEPTH + 1];
static int32_t value_slot[MAX_DEPTH + 1];
static int32_t capture_start[MAX_DEPTH + 1];

static const uint8_t HEX[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1};
static const uint8_t ESCAPABLE[256] = {['"'] = 1, ['\\'] = 1, ['/'] = 1, ['b'] = 1,
                                       ['f'] = 1, ['n'] = 1, ['r'] = 1, ['t'] = 1};

static inline int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static inline int is_ascii_space(uint8_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
}

/* Whether the last string string_end found had a backslash in its checked part. */
static int had_escape;

#define NOT_FOUND (-2)
#define SAW_NUL (-3)

/* The escape at p[i] (a backslash): the index after it, or -1 when JSON.parse rejects it. */
static inline int64_t escape_end(const uint8_t *p, uint32_t i, uint32_t end) {
  uint8_t e = i + 1 < end ? p[i + 1] : 0;
  if (e == 'u') {
    if (i + 6 > end || !(HEX[p[i + 2]] && HEX[p[i + 3]] && HEX[p[i + 4]] && HEX[p[i + 5]])) return -1;
    return i + 6;
  }
  return ESCAPABLE[e] ? (int64_t)i + 2 : -1;
}

/*
 * Checks a string body from i up to limit as JSON.parse does: its closing quote if it comes first, -1
 * for a raw control character or an invalid escape, else NOT_FOUND with *stopped past the last escape.
 */
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
      had_escape = 1;
      int64_t next = escape_end(p, i, end);
      if (next < 0) return -1;
      i = (uint32_t)next;
    } else if (c < 0x20) return -1;
    else i++;
  }
  *stopped = i;
  return NOT_FOUND;
}

static inline uint64_t mask64(const uint8_t *p, v128_t needle) {
  uint64_t m0 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p), needle));
  uint64_t m1 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + 16), needle));
  uint64_t m2 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + 32), needle));
  uint64_t m3 = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + 48), needle));
  return m0 | m1 << 16 | m2 << 32 | m3 << 48;
}

static inline int any_nul64(const uint8_t *p) {
  v128_t zero = wasm_i8x16_splat(0);
  v128_t low = wasm_u8x16_min(wasm_u8x16_min(wasm_v128_load(p), wasm_v128_load(p + 16)),
                              wasm_u8x16_min(wasm_v128_load(p + 32), wasm_v128_load(p + 48)));
  return wasm_v128_any_true(wasm_i8x16_eq(low, zero));
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

/* The first quote from i on that no backslash escapes (i starts no escape), -1 if none, SAW_NUL. */
static int64_t closing_quote(const uint8_t *p, uint32_t i, uint32_t end) {
  const v128_t quote = wasm_i8x16_splat('"'), backslash = wasm_i8x16_splat('\\');
  uint64_t carry = 0;
  for (; i + 64 <= end; i += 64) {
    if (any_nul64(p + i)) return SAW_NUL;
    uint64_t real = mask64(p + i, quote) & ~escaped_bytes(mask64(p + i, backslash), &carry);
    if (real) return i + __builtin_ctzll(real);
  }
  for (int escaped = (int)carry; i < end; i++) {
    if (p[i] == 0) return SAW_NUL;
    if (escaped) escaped = 0;
    else if (p[i] == '\\') escaped = 1;
    else if (p[i] == '"') return i;
  }
  return -1;
}

/*
 * The closing quote of the string whose body starts at from, -1 when JSON.parse would reject it, or
 * SAW_NUL. A body shorter than LONG_STRING_BYTES is checked whole (any length when check_all); a
 * longer one is checked for its first WALK_BYTES and then only searched for its end.
 */
static int64_t string_end(const uint8_t *p, uint32_t from, uint32_t end, int check_all) {
  had_escape = 0;
  uint32_t walked = from;
  uint32_t limit = from + WALK_BYTES > end ? end : from + WALK_BYTES;
  int64_t found = check_string(p, from, limit, end, &walked);
  if (found != NOT_FOUND) return found;
  int64_t close = closing_quote(p, walked, end);
  if (close < 0) return close;
  if (!check_all && close - from >= LONG_STRING_BYTES) return close;
  found = check_string(p, walked, (uint32_t)close, end, &walked);
  return found == NOT_FOUND ? close : -1;
}

/* The slot of the key p[from, to) in an object of this role, or NO_SLOT. */
static int32_t key_slot(const uint8_t *p, uint32_t from, uint32_t to, int32_t role) {
  uint32_t length = to - from;
  for (int k = 0; k < key_count; k++) {
    if (keys[k].role != role || keys[k].length != length) continue;
    uint32_t i = 0;
    while (i < length && p[from + i] == keys[k].bytes[i]) i++;
    if (i == length) return keys[k].slot;
  }
  return NO_SLOT;
}

static int32_t block;

static inline int32_t *block_at(int32_t b) { return out + OUT_BLOCKS + 6 * b; }

static inline void value_ended(int d, int32_t at) {
  int32_t slot = value_slot[d];
  if (slot == NO_SLOT) return;
  value_slot[d] = NO_SLOT;
  int32_t from = capture_start[d];
  if (slot <= message_slot) {
    out[3 + 2 * slot] = from;
    out[4 + 2 * slot] = at;
  } else if (slot == CONTENT_SLOT) out[2] = at;
  else if (slot == BLOCK_SLOT) {
    if (block >= 0) block_at(block)[1] = at;
    block = -1;
  } else if (block >= 0 && slot == BLOCK_TYPE_SLOT) {
    block_at(block)[2] = from;
    block_at(block)[3] = at;
  } else if (block >= 0 && slot == BLOCK_TEXT_SLOT) {
    block_at(block)[4] = from;
    block_at(block)[5] = at;
  }
}

static int has_nul(const uint8_t *p, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; i++)
    if (p[i] == 0) return 1;
  return 0;
}

static int walk_trimmed(const uint8_t *p, uint32_t first, uint32_t last);

/** Walks the len bytes at p, one line without its newline; the answer is in output(). */
int walk(const uint8_t *p, uint32_t len) {
  // What String.prototype.trim() removes, as far as bytes show it cheaply: ASCII spaces and BOMs.
  uint32_t first = 0, last = len;
  for (;;) {
    if (first < len && is_ascii_space(p[first])) first++;
    else if (first + 3 <= len && p[first] == 0xef && p[first + 1] == 0xbb && p[first + 2] == 0xbf) first += 3;
    else break;
  }
  while (last > first && is_ascii_space(p[last - 1])) last--;
  if (first >= last || p[first] != '{' || p[last - 1] != '}') return USE_EXACT;
  int answer = walk_trimmed(p, first, last);
  // A raw NUL anywhere sends the line to JSON.parse, as scanLine's search for one before its walk does.
  if (answer == INVALID && has_nul(p, first, last)) return USE_EXACT;
  return answer;
}

static int walk_trimmed(const uint8_t *p, uint32_t first, uint32_t last) {
  for (int s = 0; s <= message_slot; s++) out[3 + 2 * s] = -1;
  out[0] = 0;
  out[1] = -1;
  out[2] = -1;
  block = -1;
  int depth = 0;
  int expect = VALUE_NEXT;
  int32_t key = NO_SLOT;
  uint32_t i = first;
  while (i < last) {
    uint8_t c = p[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      i++;
      continue;
    }
    int closes = 0;
    switch (expect) {
      case COLON:
        if (c != ':') return INVALID;
        expect = VALUE_NEXT;
        i++;
        continue;
      case COMMA_OR_CLOSE:
        if (c == ',') {
          expect = kinds[depth] ? VALUE_NEXT : KEY;
          i++;
          continue;
        }
        if (c != (kinds[depth] ? ']' : '}')) return INVALID;
        closes = 1;
        break;
      case KEY_OR_CLOSE:
      case KEY: {
        if (c == '}' && expect == KEY_OR_CLOSE) {
          closes = 1;
          break;
        }
        if (c != '"') return INVALID;
        int64_t close = string_end(p, i + 1, last, 1);
        if (close == SAW_NUL) return USE_EXACT;
        if (close < 0) return INVALID;
        int32_t role = roles[depth];
        key = NO_SLOT;
        if (role == ROLE_ROOT || role == ROLE_MESSAGE || role == ROLE_BLOCK) {
          // An escaped key (`"t\u0079pe"`) can still name a wanted key: the JavaScript walk decodes it.
          if (had_escape) return USE_JS;
          key = key_slot(p, i + 1, (uint32_t)close, role);
        }
        i = (uint32_t)close + 1;
        expect = COLON;
        continue;
      }
      case VALUE_OR_CLOSE:
        if (c == ']') closes = 1;
        break;
      case VALUE_NEXT:
        break;
      default:
        return INVALID;
    }
    if (closes) {
      depth--;
      i++;
      if (depth == 0) {
        expect = NOTHING;
        continue;
      }
      value_ended(depth, (int32_t)i);
      expect = COMMA_OR_CLOSE;
      continue;
    }

    // A value starts at i, inside the container at `depth` (0: the line itself).
    int32_t slot = NO_SLOT;
    if (depth > 0) {
      int32_t parent_role = roles[depth];
      if (!kinds[depth]) slot = key;
      else if (parent_role == ROLE_CONTENT) slot = BLOCK_SLOT;
      value_slot[depth] = slot;
      capture_start[depth] = (int32_t)i;
      if (slot == message_slot) {
        // A later duplicate key wins, as in JSON.parse: forget what an earlier one held.
        out[1] = -1;
        out[0] = 0;
      } else if (slot == CONTENT_SLOT) {
        out[1] = (int32_t)i;
        out[0] = 0;
      } else if (slot == BLOCK_SLOT) {
        if (out[0] == MAX_BLOCKS) return USE_JS;
        block = out[0]++;
        int32_t *b = block_at(block);
        b[0] = (int32_t)i;
        b[1] = b[2] = b[3] = b[4] = b[5] = -1;
      }
    }
    if (c == '{' || c == '[') {
      if (depth == MAX_DEPTH) return USE_EXACT;
      depth++;
      kinds[depth] = c == '[';
      roles[depth] = depth == 1                               ? ROLE_ROOT
                     : c == '{' && slot == message_slot && slot >= 0 ? ROLE_MESSAGE
                     : c == '[' && slot == CONTENT_SLOT     ? ROLE_CONTENT
                     : c == '{' && slot == BLOCK_SLOT       ? ROLE_BLOCK
                                                            : ROLE_OTHER;
      value_slot[depth] = NO_SLOT;
      key = NO_SLOT;
      expect = c == '{' ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
      i++;
      continue;
    }
    if (c == '"') {
      int64_t close = string_end(p, i + 1, last, 0);
      if (close == SAW_NUL) return USE_EXACT;
      if (close < 0) return INVALID;
      i = (uint32_t)close + 1;
    } else if (c == '-' || is_digit(c)) {
      if (c == '-') i++;
      if (i < last && p[i] == '0') i++;
      else if (i < last && is_digit(p[i])) while (i < last && is_digit(p[i])) i++;
      else return INVALID;
      if (i < last && p[i] == '.') {
        i++;
        if (i >= last || !is_digit(p[i])) return INVALID;
        while (i < last && is_digit(p[i])) i++;
      }
      if (i < last && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < last && (p[i] == '+' || p[i] == '-')) i++;
        if (i >= last || !is_digit(p[i])) return INVALID;
        while (i < last && is_digit(p[i])) i++;
      }
    } else if (c == 't' && i + 4 <= last && p[i + 1] == 'r' && p[i + 2] == 'u' && p[i + 3] == 'e') i += 4;
    else if (c == 'f' && i + 5 <= last && p[i + 1] == 'a' && p[i + 2] == 'l' && p[i + 3] == 's' && p[i + 4] == 'e')
      i += 5;
    else if (c == 'n' && i + 4 <= last && p[i + 1] == 'u' && p[i + 2] == 'l' && p[i + 3] == 'l') i += 4;
    else return INVALID;
    if (depth == 0) {
      expect = NOTHING;
      continue;
    }
    value_ended(depth, (int32_t)i);
    expect = COMMA_OR_CLOSE;
  }
  // A value left open, or none at all, is not JSON.
  return expect == NOTHING ? VALUE : INVALID;
}
