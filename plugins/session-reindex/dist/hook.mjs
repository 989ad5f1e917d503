import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; const require = __createRequire(import.meta.url); const __filename = __fileURLToPath(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// node_modules/zod/v4/core/util.js
var util_exports = {};
__export(util_exports, {
  BIGINT_FORMAT_RANGES: () => BIGINT_FORMAT_RANGES,
  CONSTANT_CATCH: () => CONSTANT_CATCH,
  Class: () => Class,
  NUMBER_FORMAT_RANGES: () => NUMBER_FORMAT_RANGES,
  aborted: () => aborted,
  allowsEval: () => allowsEval,
  assert: () => assert,
  assertEqual: () => assertEqual,
  assertIs: () => assertIs,
  assertNever: () => assertNever,
  assertNotEqual: () => assertNotEqual,
  assignProp: () => assignProp,
  attachSchema: () => attachSchema,
  base64ToUint8Array: () => base64ToUint8Array,
  base64urlToUint8Array: () => base64urlToUint8Array,
  cached: () => cached,
  captureStackTrace: () => captureStackTrace,
  cleanEnum: () => cleanEnum,
  cleanRegex: () => cleanRegex,
  clone: () => clone,
  cloneDef: () => cloneDef,
  codePointLength: () => codePointLength,
  constantCatch: () => constantCatch,
  createTransparentProxy: () => createTransparentProxy,
  defineLazy: () => defineLazy,
  defineLazyInternal: () => defineLazyInternal,
  derived: () => derived,
  esc: () => esc,
  escapeRegex: () => escapeRegex,
  explicitlyAborted: () => explicitlyAborted,
  extend: () => extend,
  finalizeIssue: () => finalizeIssue,
  floatSafeRemainder: () => floatSafeRemainder,
  getElementAtPath: () => getElementAtPath,
  getEnumValues: () => getEnumValues,
  getLengthableOrigin: () => getLengthableOrigin,
  getParsedType: () => getParsedType,
  getSizableOrigin: () => getSizableOrigin,
  hexToUint8Array: () => hexToUint8Array,
  hide: () => hide,
  installLazyProp: () => installLazyProp,
  isObject: () => isObject,
  isPlainObject: () => isPlainObject,
  issue: () => issue,
  joinValues: () => joinValues,
  jsonStringifyReplacer: () => jsonStringifyReplacer,
  members: () => members,
  merge: () => merge,
  mergeDefs: () => mergeDefs,
  normalizeParams: () => normalizeParams,
  nullish: () => nullish,
  numKeys: () => numKeys,
  objectClone: () => objectClone,
  omit: () => omit,
  optionalKeys: () => optionalKeys,
  own: () => own,
  parsedType: () => parsedType,
  partial: () => partial,
  pick: () => pick,
  prefixIssues: () => prefixIssues,
  primitiveTypes: () => primitiveTypes,
  promiseAllObject: () => promiseAllObject,
  propertyKeyTypes: () => propertyKeyTypes,
  randomString: () => randomString,
  rawShape: () => rawShape,
  required: () => required,
  safeExtend: () => safeExtend,
  shallowClone: () => shallowClone,
  sizeCaps: () => sizeCaps,
  slugify: () => slugify,
  stringifyPrimitive: () => stringifyPrimitive,
  toZod: () => toZod,
  uint8ArrayToBase64: () => uint8ArrayToBase64,
  uint8ArrayToBase64url: () => uint8ArrayToBase64url,
  uint8ArrayToHex: () => uint8ArrayToHex,
  unwrapMessage: () => unwrapMessage
});
function assertEqual(val) {
  return val;
}
function assertNotEqual(val) {
  return val;
}
function toZod() {
  return (schema) => schema;
}
function assertIs(_arg) {
}
function assertNever(_x) {
  throw new Error("Unexpected value in exhaustive check");
}
function assert(_) {
}
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function joinValues(array2, separator = "|") {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
  const ratio = val / step;
  const roundedRatio = Math.round(ratio);
  const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
  if (Math.abs(ratio - roundedRatio) < tolerance)
    return 0;
  return ratio - roundedRatio;
}
function defineLazy(object2, key, getter) {
  let value = void 0;
  Object.defineProperty(object2, key, {
    get() {
      if (value === EVALUATING) {
        return void 0;
      }
      if (value === void 0) {
        value = EVALUATING;
        value = getter();
      }
      return value;
    },
    set(v) {
      Object.defineProperty(object2, key, {
        value: v
        // configurable: true,
      });
    },
    configurable: true
  });
}
function objectClone(obj) {
  return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
function rawShape(def) {
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  return desc?.get ? desc.get.raw : desc?.value;
}
function sourceShape(schema) {
  return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
function deferProp(target, key, getter) {
  Object.defineProperty(target, key, {
    get() {
      const value = getter();
      assignProp(this, key, value);
      return value;
    },
    enumerable: true,
    configurable: true
  });
}
function putProp(target, key, value) {
  if (key in target)
    assignProp(target, key, value);
  else
    target[key] = value;
}
function mirrorShape(target, source, keys, wrap) {
  const raw = sourceShape(source);
  for (const key of keys) {
    const desc = Object.getOwnPropertyDescriptor(raw, key);
    if (!desc.enumerable)
      continue;
    if (desc.get) {
      deferProp(target, key, () => {
        const value = source._zod.def.shape[key];
        return wrap ? wrap(value, key) : value;
      });
    } else
      putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
  }
}
function mirrorProps(target, source) {
  for (const key of Reflect.ownKeys(source)) {
    const desc = Object.getOwnPropertyDescriptor(source, key);
    if (!desc.enumerable)
      continue;
    if (desc.get)
      deferProp(target, key, () => source[key]);
    else
      putProp(target, key, desc.value);
  }
}
function mergeDefs(...defs) {
  const mergedDescriptors = {};
  for (const def of defs) {
    const descriptors = Object.getOwnPropertyDescriptors(def);
    Object.assign(mergedDescriptors, descriptors);
  }
  return Object.defineProperties({}, mergedDescriptors);
}
function cloneDef(schema) {
  return mergeDefs(schema._zod.def);
}
function getElementAtPath(obj, path26) {
  if (!path26)
    return obj;
  return path26.reduce((acc, key) => acc?.[key], obj);
}
function promiseAllObject(promisesObj) {
  const keys = Object.keys(promisesObj);
  const promises = keys.map((key) => promisesObj[key]);
  return Promise.all(promises).then((results) => {
    const resolvedObj = {};
    for (let i = 0; i < keys.length; i++) {
      resolvedObj[keys[i]] = results[i];
    }
    return resolvedObj;
  });
}
function randomString(length = 10) {
  const chars = "abcdefghijklmnopqrstuvwxyz";
  let str = "";
  for (let i = 0; i < length; i++) {
    str += chars[Math.floor(Math.random() * chars.length)];
  }
  return str;
}
function esc(str) {
  return JSON.stringify(str);
}
function slugify(input) {
  return input.toLowerCase().trim().replace(/[^\w\s-]/g, "").replace(/[\s_-]+/g, "-").replace(/^-+|-+$/g, "");
}
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
function shallowClone(o) {
  if (isPlainObject(o))
    return { ...o };
  if (Array.isArray(o))
    return [...o];
  if (o instanceof Map)
    return new Map(o);
  if (o instanceof Set)
    return new Set(o);
  return o;
}
function numKeys(data) {
  let keyCount = 0;
  for (const key in data) {
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      keyCount++;
    }
  }
  return keyCount;
}
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function createTransparentProxy(getter) {
  let target;
  return new Proxy({}, {
    get(_, prop, receiver) {
      target ?? (target = getter());
      return Reflect.get(target, prop, receiver);
    },
    set(_, prop, value, receiver) {
      target ?? (target = getter());
      return Reflect.set(target, prop, value, receiver);
    },
    has(_, prop) {
      target ?? (target = getter());
      return Reflect.has(target, prop);
    },
    deleteProperty(_, prop) {
      target ?? (target = getter());
      return Reflect.deleteProperty(target, prop);
    },
    ownKeys(_) {
      target ?? (target = getter());
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(_, prop) {
      target ?? (target = getter());
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    defineProperty(_, prop, descriptor) {
      target ?? (target = getter());
      return Reflect.defineProperty(target, prop, descriptor);
    }
  });
}
function stringifyPrimitive(value) {
  if (typeof value === "bigint")
    return value.toString() + "n";
  if (typeof value === "string")
    return `"${value}"`;
  return `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
function pick(schema, mask) {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(".pick() cannot be used on object schemas containing refinements");
  }
  const newShape = {};
  mirrorShape(newShape, schema, maskedKeys(schema, mask));
  return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function maskedKeys(schema, mask) {
  const raw = sourceShape(schema);
  const keys = [];
  for (const key of Reflect.ownKeys(mask)) {
    if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
      throw new Error(`Unrecognized key: "${String(key)}"`);
    }
    if (mask[key])
      keys.push(key);
  }
  return keys;
}
function omit(schema, mask) {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(".omit() cannot be used on object schemas containing refinements");
  }
  const omitted = new Set(maskedKeys(schema, mask));
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
  return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error("Invalid input to extend: expected a plain object");
  }
  const checks = schema._zod.def.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    const existingShape = sourceShape(schema);
    for (const key of Reflect.ownKeys(shape)) {
      if (Object.getOwnPropertyDescriptor(existingShape, key) !== void 0) {
        throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
      }
    }
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function extended(schema, shape) {
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
  mirrorProps(newShape, shape);
  return newShape;
}
function safeExtend(schema, shape) {
  if (!isPlainObject(shape)) {
    throw new Error("Invalid input to safeExtend: expected a plain object");
  }
  return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
  if (!b?._zod?.def) {
    throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
  }
  if (a._zod.def.checks?.length) {
    throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
  }
  const newShape = {};
  mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
  mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
  const def = mergeDefs(a._zod.def, {
    shape: newShape,
    get catchall() {
      return b._zod.def.catchall;
    },
    checks: b._zod.def.checks ?? []
  });
  return clone(a, def);
}
function partial(Class2, schema, mask, name = "partial") {
  const currDef = schema._zod.def;
  const checks = currDef.checks;
  const hasChecks = checks && checks.length > 0;
  if (hasChecks) {
    throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
  }
  const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class2 && ((value, key) => selected && !selected.has(key) ? value : new Class2({ type: "optional", innerType: value })));
  return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class2, schema, mask) {
  const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
  const newShape = {};
  mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => (
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class2({ type: "nonoptional", innerType: value })
  ));
  return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path26, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path26);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
function getSizableOrigin(input) {
  if (input instanceof Set)
    return "set";
  if (input instanceof Map)
    return "map";
  if (input instanceof File)
    return "file";
  return "unknown";
}
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count--;
      i++;
    }
  }
  return count;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function parsedType(data) {
  const t = typeof data;
  switch (t) {
    case "number": {
      return Number.isNaN(data) ? "nan" : "number";
    }
    case "object": {
      if (data === null) {
        return "null";
      }
      if (Array.isArray(data)) {
        return "array";
      }
      const obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
        return obj.constructor.name;
      }
    }
  }
  return t;
}
function issue(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function cleanEnum(obj) {
  return Object.entries(obj).filter(([k, _]) => {
    return Number.isNaN(Number.parseInt(k, 10));
  }).map((el) => el[1]);
}
function base64ToUint8Array(base642) {
  const binaryString = atob(base642);
  const bytes = new Uint8Array(binaryString.length);
  for (let i = 0; i < binaryString.length; i++) {
    bytes[i] = binaryString.charCodeAt(i);
  }
  return bytes;
}
function uint8ArrayToBase64(bytes) {
  let binaryString = "";
  for (let i = 0; i < bytes.length; i++) {
    binaryString += String.fromCharCode(bytes[i]);
  }
  return btoa(binaryString);
}
function base64urlToUint8Array(base64url2) {
  const base642 = base64url2.replace(/-/g, "+").replace(/_/g, "/");
  const padding = "=".repeat((4 - base642.length % 4) % 4);
  return base64ToUint8Array(base642 + padding);
}
function uint8ArrayToBase64url(bytes) {
  return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function hexToUint8Array(hex) {
  const cleanHex = hex.replace(/^0x/, "");
  if (cleanHex.length % 2 !== 0) {
    throw new Error("Invalid hex string length");
  }
  const bytes = new Uint8Array(cleanHex.length / 2);
  for (let i = 0; i < cleanHex.length; i += 2) {
    bytes[i / 2] = Number.parseInt(cleanHex.slice(i, i + 2), 16);
  }
  return bytes;
}
function uint8ArrayToHex(bytes) {
  return Array.from(bytes).map((b) => b.toString(16).padStart(2, "0")).join("");
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
// @__NO_SIDE_EFFECTS__
function derived(computes, table) {
  for (const key in computes) {
    const compute = computes[key];
    Object.defineProperty(table, key, {
      configurable: true,
      enumerable: true,
      get() {
        return own(this, key, compute(this));
      },
      set(value) {
        own(this, key, value);
      }
    });
  }
  return table;
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}
function constantCatch(value) {
  const fn = () => value;
  fn[CONSTANT_CATCH] = true;
  return fn;
}
var Cached, EVALUATING, captureStackTrace, allowsEval, getParsedType, propertyKeyTypes, primitiveTypes, NUMBER_FORMAT_RANGES, BIGINT_FORMAT_RANGES, highSurrogate, Class, installing, broke, breaker, CONSTANT_CATCH;
var init_util = __esm({
  "node_modules/zod/v4/core/util.js"() {
    init_core();
    Cached = class {
      constructor(getter) {
        this._getter = getter;
        this._value = void 0;
      }
      get value() {
        const getter = this._getter;
        if (getter !== void 0) {
          this._value = getter();
          this._getter = void 0;
        }
        return this._value;
      }
    };
    EVALUATING = /* @__PURE__ */ Symbol("evaluating");
    captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
    };
    allowsEval = /* @__PURE__ */ cached(() => {
      if (globalConfig.jitless) {
        return false;
      }
      if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
      }
      try {
        const F = Function;
        new F("");
        return true;
      } catch (_) {
        return false;
      }
    });
    getParsedType = (data) => {
      const t = typeof data;
      switch (t) {
        case "undefined":
          return "undefined";
        case "string":
          return "string";
        case "number":
          return Number.isNaN(data) ? "nan" : "number";
        case "boolean":
          return "boolean";
        case "function":
          return "function";
        case "bigint":
          return "bigint";
        case "symbol":
          return "symbol";
        case "object":
          if (Array.isArray(data)) {
            return "array";
          }
          if (data === null) {
            return "null";
          }
          if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
            return "promise";
          }
          if (typeof Map !== "undefined" && data instanceof Map) {
            return "map";
          }
          if (typeof Set !== "undefined" && data instanceof Set) {
            return "set";
          }
          if (typeof Date !== "undefined" && data instanceof Date) {
            return "date";
          }
          if (typeof File !== "undefined" && data instanceof File) {
            return "file";
          }
          return "object";
        default:
          throw new Error(`Unknown data type: ${t}`);
      }
    };
    propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
    primitiveTypes = /* @__PURE__ */ new Set([
      "string",
      "number",
      "bigint",
      "boolean",
      "symbol",
      "undefined"
    ]);
    NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
      safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
      int32: [-2147483648, 2147483647],
      uint32: [0, 4294967295],
      float32: [-34028234663852886e22, 34028234663852886e22],
      float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
    }))();
    BIGINT_FORMAT_RANGES = {
      int64: [/* @__PURE__ */ BigInt("-9223372036854775808"), /* @__PURE__ */ BigInt("9223372036854775807")],
      uint64: [/* @__PURE__ */ BigInt(0), /* @__PURE__ */ BigInt("18446744073709551615")]
    };
    highSurrogate = /[\uD800-\uDBFF]/;
    Class = class {
      constructor(..._args) {
      }
    };
    broke = false;
    breaker = {
      configurable: true,
      get() {
        broke = true;
        return void 0;
      }
    };
    CONSTANT_CATCH = "~constantCatch";
  }
});

// node_modules/zod/v4/core/core.js
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer3, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer3(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}
var _a, _zodDesc, _E, $ZodAsyncError, $ZodEncodeError, globalConfig;
var init_core = __esm({
  "node_modules/zod/v4/core/core.js"() {
    init_util();
    _zodDesc = { value: void 0, enumerable: false };
    _E = "captureStackTrace" in Error ? Error : null;
    $ZodAsyncError = class extends Error {
      constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
      }
    };
    $ZodEncodeError = class extends Error {
      constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
      }
    };
    (_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
    globalConfig = globalThis.__zod_globalConfig;
  }
});

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
function node(obj, key, make) {
  if (!Object.prototype.hasOwnProperty.call(obj, key)) {
    if (key === "__proto__") {
      Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
    } else {
      obj[key] = make();
    }
  }
  return obj[key];
}
function flattenError(error2, mapper = (issue2) => issue2.message) {
  const fieldErrors = {};
  const formErrors = [];
  for (const sub of error2.issues) {
    if (sub.path.length > 0) {
      node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
    } else {
      formErrors.push(mapper(sub));
    }
  }
  return { formErrors, fieldErrors };
}
function formatError(error2, mapper = (issue2) => issue2.message) {
  const fieldErrors = { _errors: [] };
  const processError = (error3, path26 = []) => {
    for (const issue2 of error3.issues) {
      if (issue2.code === "invalid_union" && issue2.errors.length) {
        issue2.errors.map((issues) => processError({ issues }, [...path26, ...issue2.path]));
      } else if (issue2.code === "invalid_key") {
        processError({ issues: issue2.issues }, [...path26, ...issue2.path]);
      } else if (issue2.code === "invalid_element") {
        processError({ issues: issue2.issues }, [...path26, ...issue2.path]);
      } else {
        const fullpath = [...path26, ...issue2.path];
        if (fullpath.length === 0) {
          fieldErrors._errors.push(mapper(issue2));
        } else {
          let curr = fieldErrors;
          let i = 0;
          while (i < fullpath.length) {
            const el = fullpath[i];
            const terminal = i === fullpath.length - 1;
            if (el === "_errors") {
              if (terminal)
                curr._errors.push(mapper(issue2));
              i++;
              continue;
            }
            if (!Object.prototype.hasOwnProperty.call(curr, el)) {
              Object.defineProperty(curr, el, {
                value: { _errors: [] },
                enumerable: true,
                writable: true,
                configurable: true
              });
            }
            const node2 = curr[el];
            if (terminal) {
              node2._errors.push(mapper(issue2));
            }
            curr = node2;
            i++;
          }
        }
      }
    }
  };
  processError(error2);
  return fieldErrors;
}
var _messageDesc, _issuesDesc, _installedToString, initializer, $ZodError, $ZodRealError;
var init_errors = __esm({
  "node_modules/zod/v4/core/errors.js"() {
    init_core();
    init_util();
    _messageDesc = {
      get: _getMessage,
      set: _setMessage,
      enumerable: true,
      configurable: true
    };
    _issuesDesc = { value: void 0, enumerable: false };
    _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
    initializer = (inst, def) => {
      inst.name = "$ZodError";
      _issuesDesc.value = def;
      Object.defineProperty(inst, "issues", _issuesDesc);
      _issuesDesc.value = void 0;
      Object.defineProperty(inst, "message", _messageDesc);
      const proto = Object.getPrototypeOf(inst);
      if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
          configurable: true,
          enumerable: false,
          get() {
            const value = () => this.message;
            Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            return value;
          },
          set(value) {
            Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
          }
        });
      }
    };
    $ZodError = $constructor("$ZodError", initializer);
    $ZodRealError = $constructor("$ZodError", initializer, void 0, {
      Parent: Error
    });
  }
});

// node_modules/zod/v4/core/parse.js
function finalizeParams(callee, params) {
  return { callee: params?.callee ?? callee, Err: params?.Err };
}
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: false,
    get error() {
      if (!error2) {
        error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error2;
    },
    set error(e) {
      error2 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
function validateFallback(schema, value, _ctx) {
  const ctx = _ctx ? { ..._ctx, async: false, abortEarly: true } : { async: false, abortEarly: true };
  const fallbackRun = schema._zod.bag.fallbackRun;
  let result;
  if (fallbackRun) {
    ctx[COMPILE_FALLBACK] = true;
    result = fallbackRun({ value, issues: [] }, ctx);
  } else {
    result = schema._zod.run({ value, issues: [] }, ctx);
  }
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length === 0;
}
var _parse, parse, _parseAsync, parseAsync, _safeParse, safeParse, _safeParseAsync, safeParseAsync, COMPILE_INVALID, COMPILE_FALLBACK, validate, validateAsync, _encode, _decode, _encodeAsync, _decodeAsync, _safeEncode, _safeDecode, _safeEncodeAsync, _safeDecodeAsync;
var init_parse = __esm({
  "node_modules/zod/v4/core/parse.js"() {
    init_core();
    init_errors();
    init_util();
    _parse = (_Err) => {
      const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
          throw new $ZodAsyncError();
        }
        if (result.issues.length) {
          const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
          captureStackTrace(e, _params?.callee ?? fn);
          throw e;
        }
        return result.value;
      };
      return fn;
    };
    parse = /* @__PURE__ */ _parse($ZodRealError);
    _parseAsync = (_Err) => {
      const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
          result = await result;
        if (result.issues.length) {
          const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
          captureStackTrace(e, params?.callee ?? fn);
          throw e;
        }
        return result.value;
      };
      return fn;
    };
    parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
    _safeParse = (_Err) => (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
      const result = schema._zod.run({ value, issues: [] }, ctx);
      if (result instanceof Promise) {
        throw new $ZodAsyncError();
      }
      return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
    };
    safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
    _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
      let result = schema._zod.run({ value, issues: [] }, ctx);
      if (result instanceof Promise)
        result = await result;
      return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
    };
    safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);
    COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
    COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
    validate = ((schema, value, _ctx) => {
      const validator = schema._zod.bag.validator;
      if (validator !== void 0) {
        if (validator(value) !== COMPILE_INVALID)
          return true;
        if (validator.definite === true && _ctx === void 0)
          return false;
      }
      return validateFallback(schema, value, _ctx);
    });
    validateAsync = async (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, async: true, abortEarly: true } : { async: true, abortEarly: true };
      let result = schema._zod.run({ value, issues: [] }, ctx);
      if (result instanceof Promise)
        result = await result;
      return result.issues.length === 0;
    };
    _encode = (_Err) => {
      const parse5 = _parse(_Err);
      const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse5(schema, value, ctx, finalizeParams(fn, _params));
      };
      return fn;
    };
    _decode = (_Err) => {
      const parse5 = _parse(_Err);
      const fn = (schema, value, _ctx, _params) => {
        return parse5(schema, value, _ctx, finalizeParams(fn, _params));
      };
      return fn;
    };
    _encodeAsync = (_Err) => {
      const parseAsync3 = _parseAsync(_Err);
      const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return await parseAsync3(schema, value, ctx, finalizeParams(fn, _params));
      };
      return fn;
    };
    _decodeAsync = (_Err) => {
      const parseAsync3 = _parseAsync(_Err);
      const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync3(schema, value, _ctx, finalizeParams(fn, _params));
      };
      return fn;
    };
    _safeEncode = (_Err) => (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
      return _safeParse(_Err)(schema, value, ctx);
    };
    _safeDecode = (_Err) => (schema, value, _ctx) => {
      return _safeParse(_Err)(schema, value, _ctx);
    };
    _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
      return _safeParseAsync(_Err)(schema, value, ctx);
    };
    _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
      return _safeParseAsync(_Err)(schema, value, _ctx);
    };
  }
});

// node_modules/zod/v4/core/regexes.js
function nanoidOfLength(length) {
  return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
function emoji() {
  return new RegExp(_emoji, "u");
}
function anchor(source) {
  return new RegExp(`^${source}$`);
}
function timeSource(args) {
  const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
  const regex = typeof args.precision === "number" ? args.precision === -1 ? `${hhmm}` : args.precision === 0 ? `${hhmm}:[0-5]\\d` : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}` : args.seconds ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?` : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
  return regex;
}
function time(args) {
  return new RegExp(`^${timeSource(args)}$`);
}
function datetime(args) {
  const opts = ["Z"];
  if (args.offset)
    opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
  const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
  const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
  return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
var cuid, cuid2, ulid, xid, ksuid, nanoid, duration, guid, uuid, email, _emoji, ipv4, ipv6, cidrv4, cidrv6, base64, base64url, httpProtocol, e164, dateSource, date, anyString, integer, number, boolean, lowercase, uppercase;
var init_regexes = __esm({
  "node_modules/zod/v4/core/regexes.js"() {
    cuid = /^[cC][0-9a-z]{6,}$/;
    cuid2 = /^[0-9a-z]+$/;
    ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
    xid = /^[0-9a-vA-V]{20}$/;
    ksuid = /^[A-Za-z0-9]{27}$/;
    nanoid = /^[a-zA-Z0-9_-]{21}$/;
    duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
    guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
    uuid = (version2) => {
      if (!version2)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
      return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version2}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
    };
    email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
    _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
    ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
    ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
    cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
    cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
    base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
    base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
    httpProtocol = /^https?$/;
    e164 = /^\+[1-9]\d{6,14}$/;
    dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
    date = /* @__PURE__ */ anchor(dateSource);
    anyString = /^[\s\S]{0,}$/;
    integer = /^-?\d+$/;
    number = /^-?\d+(?:\.\d+)?$/;
    boolean = /^(?:true|false)$/i;
    lowercase = /^[^A-Z]*$/;
    uppercase = /^[^a-z]*$/;
  }
});

// node_modules/zod/v4/core/checks.js
var $ZodCheck, _whenHasLength, numericOriginMap, $ZodCheckLessThan, $ZodCheckGreaterThan, $ZodCheckMultipleOf, $ZodCheckNumberFormat, $ZodCheckMaxLength, $ZodCheckMinLength, $ZodCheckLengthEquals, $ZodCheckStringFormat, $ZodCheckRegex, $ZodCheckLowerCase, $ZodCheckUpperCase, $ZodCheckIncludes, $ZodCheckStartsWith, $ZodCheckEndsWith, $ZodCheckOverwrite;
var init_checks = __esm({
  "node_modules/zod/v4/core/checks.js"() {
    init_core();
    init_regexes();
    init_util();
    $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
      var _a3;
      inst._zod ?? (inst._zod = {});
      inst._zod.def = def;
      (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
    });
    _whenHasLength = (payload) => {
      const val = payload.value;
      return !nullish(val) && val.length !== void 0;
    };
    numericOriginMap = {
      number: "number",
      bigint: "bigint",
      object: "date"
    };
    $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
      $ZodCheck.init(inst, def);
      const origin = numericOriginMap[typeof def.value];
      inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
          return;
        }
        payload.issues.push({
          origin: numericOriginMap[typeof payload.value] ?? origin,
          code: "too_big",
          maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
          input: payload.value,
          inclusive: def.inclusive,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
      $ZodCheck.init(inst, def);
      const origin = numericOriginMap[typeof def.value];
      inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
          return;
        }
        payload.issues.push({
          origin: numericOriginMap[typeof payload.value] ?? origin,
          code: "too_small",
          minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
          input: payload.value,
          inclusive: def.inclusive,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckMultipleOf = /* @__PURE__ */ $constructor("$ZodCheckMultipleOf", (inst, def) => {
      $ZodCheck.init(inst, def);
      inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
          throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint" ? (
          // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
          def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
        ) : floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
          return;
        payload.issues.push({
          origin: typeof payload.value,
          code: "not_multiple_of",
          divisor: def.value,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
      $ZodCheck.init(inst, def);
      def.format = def.format || "float64";
      const isInt = def.format?.includes("int");
      const origin = isInt ? "int" : "number";
      const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
      inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
          if (!Number.isInteger(input)) {
            payload.issues.push({
              expected: origin,
              format: def.format,
              code: "invalid_type",
              continue: false,
              input,
              inst
            });
            return;
          }
          if (!Number.isSafeInteger(input)) {
            if (input > 0) {
              payload.issues.push({
                input,
                code: "too_big",
                maximum: Number.MAX_SAFE_INTEGER,
                note: "Integers must be within the safe integer range.",
                inst,
                origin,
                inclusive: true,
                continue: !def.abort
              });
            } else {
              payload.issues.push({
                input,
                code: "too_small",
                minimum: Number.MIN_SAFE_INTEGER,
                note: "Integers must be within the safe integer range.",
                inst,
                origin,
                inclusive: true,
                continue: !def.abort
              });
            }
            return;
          }
        }
        if (input < minimum) {
          payload.issues.push({
            origin: "number",
            input,
            code: "too_small",
            minimum,
            inclusive: true,
            inst,
            continue: !def.abort
          });
        }
        if (input > maximum) {
          payload.issues.push({
            origin: "number",
            input,
            code: "too_big",
            maximum,
            inclusive: true,
            inst,
            continue: !def.abort
          });
        }
      };
    });
    $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
      var _a3;
      $ZodCheck.init(inst, def);
      (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
      inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
        if (length <= def.maximum)
          return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
          origin,
          code: "too_big",
          maximum: def.maximum,
          inclusive: true,
          input,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
      var _a3;
      $ZodCheck.init(inst, def);
      (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
      inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
        if (length >= def.minimum)
          return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
          origin,
          code: "too_small",
          minimum: def.minimum,
          inclusive: true,
          input,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckLengthEquals = /* @__PURE__ */ $constructor("$ZodCheckLengthEquals", (inst, def) => {
      var _a3;
      $ZodCheck.init(inst, def);
      (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
      inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2 ? codePointLength(input) : units;
        if (length === def.length)
          return;
        const origin = getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
          origin,
          ...tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length },
          inclusive: true,
          exact: true,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
      var _a3, _b;
      $ZodCheck.init(inst, def);
      if (def.pattern)
        (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
          def.pattern.lastIndex = 0;
          if (def.pattern.test(payload.value))
            return;
          payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: def.format,
            input: payload.value,
            ...def.pattern ? { pattern: def.pattern.toString() } : {},
            inst,
            continue: !def.abort
          });
        });
      else
        (_b = inst._zod).check ?? (_b.check = () => {
        });
    });
    $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
      $ZodCheckStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
          return;
        payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: "regex",
          input: payload.value,
          pattern: def.pattern.toString(),
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckLowerCase = /* @__PURE__ */ $constructor("$ZodCheckLowerCase", (inst, def) => {
      def.pattern ?? (def.pattern = lowercase);
      $ZodCheckStringFormat.init(inst, def);
    });
    $ZodCheckUpperCase = /* @__PURE__ */ $constructor("$ZodCheckUpperCase", (inst, def) => {
      def.pattern ?? (def.pattern = uppercase);
      $ZodCheckStringFormat.init(inst, def);
    });
    $ZodCheckIncludes = /* @__PURE__ */ $constructor("$ZodCheckIncludes", (inst, def) => {
      $ZodCheck.init(inst, def);
      const escapedRegex = escapeRegex(def.includes);
      const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
      def.pattern = pattern;
      inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
          return;
        payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: "includes",
          includes: def.includes,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckStartsWith = /* @__PURE__ */ $constructor("$ZodCheckStartsWith", (inst, def) => {
      $ZodCheck.init(inst, def);
      const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
      def.pattern ?? (def.pattern = pattern);
      inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
          return;
        payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: "starts_with",
          prefix: def.prefix,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckEndsWith = /* @__PURE__ */ $constructor("$ZodCheckEndsWith", (inst, def) => {
      $ZodCheck.init(inst, def);
      const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
      def.pattern ?? (def.pattern = pattern);
      inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
          return;
        payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: "ends_with",
          suffix: def.suffix,
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodCheckOverwrite = /* @__PURE__ */ $constructor("$ZodCheckOverwrite", (inst, def) => {
      $ZodCheck.init(inst, def);
      inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
      };
    });
  }
});

// node_modules/zod/v4/core/doc.js
var Doc;
var init_doc = __esm({
  "node_modules/zod/v4/core/doc.js"() {
    Doc = class {
      constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
      }
      // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
      indented(fn) {
        this.indent += 1;
        try {
          fn(this);
        } finally {
          this.indent -= 1;
        }
      }
      write(arg) {
        if (typeof arg === "function") {
          arg(this, { execution: "sync" });
          arg(this, { execution: "async" });
          return;
        }
        const content = arg;
        const lines2 = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines2.map((x) => x.length - x.trimStart().length));
        const dedented = lines2.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
          this.content.push(line);
        }
      }
      compile() {
        const F = Function;
        const content = this?.content ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {
${content.join("\n")}
};`);
        return factory(...Object.values(this.closed));
      }
    };
  }
});

// node_modules/zod/v4/core/versions.js
var version;
var init_versions = __esm({
  "node_modules/zod/v4/core/versions.js"() {
    version = {
      major: 4,
      minor: 6,
      patch: 7
    };
  }
});

// node_modules/zod/v4/core/schemas.js
async function validateAsync2(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync2(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
function canParseURL(input) {
  try {
    if (typeof URL !== "undefined" && typeof URL.canParse === "function")
      return URL.canParse(input);
    new URL(input);
    return true;
  } catch {
    return false;
  }
}
function validateURL(trimmed, def) {
  if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
    return canParseURL(trimmed) || URL_UNPARSEABLE;
  }
  return parseURLObject(trimmed, def);
}
function parseURLObject(trimmed, def) {
  if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
    return URL_BAD_FORMAT;
  }
  try {
    if (typeof URL !== "undefined") {
      const URLStatic = URL;
      if (typeof URLStatic.parse === "function")
        return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
    }
    return new URL(trimmed);
  } catch {
    return URL_UNPARSEABLE;
  }
}
function stripTabAndNewline(value) {
  return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
  hostname.lastIndex = 0;
  return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
  protocol.lastIndex = 0;
  return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
function isValidIPv6(value) {
  if (!ipv6Alphabet.test(value))
    return false;
  return canParseURL(`http://[${value}]`);
}
function isValidCIDRv6(value) {
  const parts = value.split("/");
  if (parts.length !== 2)
    return false;
  const [address, prefix] = parts;
  if (!prefix)
    return false;
  const prefixNum = Number(prefix);
  if (`${prefixNum}` !== prefix)
    return false;
  if (prefixNum < 0 || prefixNum > 128)
    return false;
  return isValidIPv6(address);
}
function isValidBase64(data) {
  if (data === "")
    return true;
  if (/\s/.test(data))
    return false;
  if (data.length % 4 !== 0)
    return false;
  try {
    atob(data);
    return true;
  } catch {
    return false;
  }
}
function isValidBase64URL(data) {
  if (!base64urlCharset.test(data))
    return false;
  const base642 = data.replace(/[-_]/g, (c) => c === "-" ? "+" : "/");
  const padded = base642.padEnd(Math.ceil(base642.length / 4) * 4, "=");
  return isValidBase64(padded);
}
function isValidJWT(token, algorithm = null) {
  try {
    const tokensParts = token.split(".");
    if (tokensParts.length !== 3)
      return false;
    const [header] = tokensParts;
    if (!header)
      return false;
    const parsedHeader = JSON.parse(atob(header));
    if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
      return false;
    if (!parsedHeader.alg)
      return false;
    if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
      return false;
    return true;
  } catch {
    return false;
  }
}
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse5 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse5(payload, ctx);
  };
}
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
function discriminatorMap(def) {
  const map = /* @__PURE__ */ new Map();
  for (const option of def.options) {
    const values = option._zod.propValues?.[def.discriminator];
    if (!values || values.size === 0)
      throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
    for (const value of values) {
      if (map.has(value)) {
        if (value !== void 0)
          throw new Error(`Duplicate discriminator value "${String(value)}"`);
        map.set(value, null);
      } else {
        map.set(value, option);
      }
    }
  }
  return map;
}
function mergeValues(a, b) {
  if (a === b) {
    return { valid: true, data: a };
  }
  if (a instanceof Date && b instanceof Date && +a === +b) {
    return { valid: true, data: a };
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const bKeys = Object.keys(b);
    const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
    const newObj = { ...a, ...b };
    if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
      delete newObj.__proto__;
    for (const key of sharedKeys) {
      if (key === "__proto__")
        continue;
      const sharedValue = mergeValues(a[key], b[key]);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [key, ...sharedValue.mergeErrorPath]
        };
      }
      newObj[key] = sharedValue.data;
    }
    return { valid: true, data: newObj };
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      return { valid: false, mergeErrorPath: [] };
    }
    const newArray = [];
    for (let index = 0; index < a.length; index++) {
      const itemA = a[index];
      const itemB = b[index];
      const sharedValue = mergeValues(itemA, itemB);
      if (!sharedValue.valid) {
        return {
          valid: false,
          mergeErrorPath: [index, ...sharedValue.mergeErrorPath]
        };
      }
      newArray.push(sharedValue.data);
    }
    return { valid: true, data: newArray };
  }
  return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
  const unrecKeys = /* @__PURE__ */ new Map();
  let unrecIssue;
  const keyIssues = /* @__PURE__ */ new Map();
  const collect = (iss, side) => {
    let keys;
    if (iss.code === "unrecognized_keys" && !iss.path?.length) {
      unrecIssue ?? (unrecIssue = iss);
      keys = iss.keys;
    } else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
      const k = String(iss.path[0]);
      if (!keyIssues.has(k))
        keyIssues.set(k, iss);
      keys = [k];
    } else {
      return false;
    }
    for (const k of keys) {
      if (!unrecKeys.has(k))
        unrecKeys.set(k, {});
      unrecKeys.get(k)[side] = true;
    }
    return true;
  };
  for (const iss of left.issues) {
    if (!collect(iss, "l"))
      result.issues.push(iss);
  }
  for (const iss of right.issues) {
    if (!collect(iss, "r"))
      result.issues.push(iss);
  }
  const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
  if (bothKeys.length) {
    const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
    if (aggregated.length)
      result.issues.push({ ...unrecIssue, keys: aggregated });
    for (const k of bothKeys) {
      if (!aggregated.includes(k) && keyIssues.has(k))
        result.issues.push(keyIssues.get(k));
    }
  }
  const merged = mergeValues(left.value, right.value);
  if (!merged.valid) {
    if (aborted(result))
      return result;
    throw new Error(`Unmergable intersection. Error path: ${JSON.stringify(merged.mergeErrorPath)}`);
  }
  result.value = merged.data;
  return result;
}
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
function handleDefaultResult(payload, def) {
  if (payload.value === void 0) {
    payload.value = def.defaultValue;
  }
  return payload;
}
function handleNonOptionalResult(payload, inst) {
  if (!payload.issues.length && payload.value === void 0) {
    payload.issues.push({
      code: "invalid_type",
      expected: "nonoptional",
      input: payload.value,
      inst
    });
  }
  return payload;
}
function handleCatchResult(payload, result, def, ctx) {
  if (!result.issues.length) {
    payload.value = result.value;
    if (result.memo)
      payload.memo = true;
    return payload;
  }
  payload.value = def.catchValue({
    ...result,
    value: payload.value,
    error: {
      issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config()))
    },
    input: payload.value
  });
  return payload;
}
function handlePipeResult(left, next, ctx) {
  if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left.aborted = true;
    return left;
  }
  return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
function handleReadonlyResult(payload) {
  if (!payload.memo)
    payload.value = Object.freeze(payload.value);
  return payload;
}
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}
var $ZodType, toStandardResult, $ZodString, $ZodStringFormat, $ZodGUID, $ZodUUID, $ZodEmail, URL_BAD_FORMAT, URL_UNPARSEABLE, asciiTabOrNewline, $ZodURL, $ZodEmoji, $ZodNanoID, $ZodCUID, $ZodCUID2, $ZodULID, $ZodXID, $ZodKSUID, $ZodISODateTime, $ZodISODate, $ZodISOTime, $ZodISODuration, $ZodIPv4, ipv6Alphabet, $ZodIPv6, $ZodCIDRv4, $ZodCIDRv6, base64Charset, $ZodBase64, base64urlCharset, $ZodBase64URL, $ZodE164, $ZodJWT, $ZodNumber, $ZodNumberFormat, $ZodBoolean, $ZodUnknown, $ZodNever, arraySize, $ZodArray, NO_SYMBOL_KEYS, $ZodObject, $ZodObjectJIT, $ZodUnion, $ZodDiscriminatedUnion, $ZodIntersection, $ZodRecord, $ZodEnum, $ZodLiteral, $ZodTransform, $ZodOptional, $ZodExactOptional, $ZodNullable, $ZodDefault, $ZodPrefault, $ZodNonOptional, $ZodCatch, $ZodPipe, $ZodReadonly, $ZodCustom;
var init_schemas = __esm({
  "node_modules/zod/v4/core/schemas.js"() {
    init_checks();
    init_core();
    init_doc();
    init_regexes();
    init_util();
    init_versions();
    init_util();
    $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
      var _a3;
      inst ?? (inst = {});
      inst._zod.def = def;
      inst._zod.bag = inst._zod.bag || {};
      inst._zod.version = version;
      const defChecks = inst._zod.def.checks;
      const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
      for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
          fn(inst);
        }
      }
      if (checks.length === 0) {
        (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
        inst._zod.deferred?.push(() => {
          inst._zod.run = inst._zod.parse;
        });
      } else {
        const runChecks = (payload, checks2, ctx) => {
          if (payload.memo)
            return payload;
          let isAborted = aborted(payload);
          let asyncResult;
          for (const ch of checks2) {
            if (ch._zod.def.when) {
              if (explicitlyAborted(payload))
                continue;
              const shouldRun = ch._zod.def.when(payload);
              if (!shouldRun)
                continue;
            } else if (isAborted) {
              continue;
            }
            const currLen = payload.issues.length;
            const _ = ch._zod.check(payload);
            if (_ instanceof Promise && ctx?.async === false) {
              throw new $ZodAsyncError();
            }
            if (asyncResult || _ instanceof Promise) {
              asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                await _;
                const nextLen = payload.issues.length;
                if (nextLen === currLen)
                  return;
                attachSchema(payload.issues, currLen, inst);
                if (!isAborted)
                  isAborted = aborted(payload, currLen);
              });
            } else {
              const nextLen = payload.issues.length;
              if (nextLen === currLen)
                continue;
              attachSchema(payload.issues, currLen, inst);
              if (!isAborted)
                isAborted = aborted(payload, currLen);
            }
          }
          if (asyncResult) {
            return asyncResult.then(() => {
              return payload;
            });
          }
          return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
          if (aborted(canary)) {
            canary.aborted = true;
            return canary;
          }
          const checkResult = runChecks(payload, checks, ctx);
          if (checkResult instanceof Promise) {
            if (ctx.async === false)
              throw new $ZodAsyncError();
            return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
          }
          return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
          if (ctx.skipChecks) {
            return inst._zod.parse(payload, ctx);
          }
          if (ctx.direction === "backward") {
            const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
            if (canary instanceof Promise) {
              return canary.then((canary2) => {
                return handleCanaryResult(canary2, payload, ctx);
              });
            }
            return handleCanaryResult(canary, payload, ctx);
          }
          const result = inst._zod.parse(payload, ctx);
          if (result instanceof Promise) {
            if (ctx.async === false)
              throw new $ZodAsyncError();
            return result.then((result2) => runChecks(result2, checks, ctx));
          }
          return runChecks(result, checks, ctx);
        };
      }
    }, {
      // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
      get "~standard"() {
        return hide(this, "~standard", standardProps(this));
      },
      set "~standard"(value) {
        own(this, "~standard", value);
      }
    });
    toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
    $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.pattern = def.pattern ?? anyString;
      inst._zod.parse = (payload, _) => {
        if (def.coerce)
          try {
            payload.value = String(payload.value);
          } catch (_2) {
          }
        if (typeof payload.value === "string")
          return payload;
        payload.issues.push({
          expected: "string",
          code: "invalid_type",
          input: payload.value,
          inst
        });
        return payload;
      };
    });
    $ZodStringFormat = /* @__PURE__ */ $constructor("$ZodStringFormat", (inst, def) => {
      $ZodCheckStringFormat.init(inst, def);
      $ZodString.init(inst, def);
    });
    $ZodGUID = /* @__PURE__ */ $constructor("$ZodGUID", (inst, def) => {
      def.pattern ?? (def.pattern = guid);
      $ZodStringFormat.init(inst, def);
    });
    $ZodUUID = /* @__PURE__ */ $constructor("$ZodUUID", (inst, def) => {
      if (def.version) {
        const versionMap = {
          v1: 1,
          v2: 2,
          v3: 3,
          v4: 4,
          v5: 5,
          v6: 6,
          v7: 7,
          v8: 8
        };
        const v = versionMap[def.version];
        if (v === void 0)
          throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = uuid(v));
      } else
        def.pattern ?? (def.pattern = uuid());
      $ZodStringFormat.init(inst, def);
    });
    $ZodEmail = /* @__PURE__ */ $constructor("$ZodEmail", (inst, def) => {
      def.pattern ?? (def.pattern = email);
      $ZodStringFormat.init(inst, def);
    });
    URL_BAD_FORMAT = 1;
    URL_UNPARSEABLE = 2;
    asciiTabOrNewline = /[\t\n\r]/g;
    $ZodURL = /* @__PURE__ */ $constructor("$ZodURL", (inst, def) => {
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        try {
          const trimmed = payload.value.trim();
          const url = validateURL(trimmed, def);
          if (url === URL_BAD_FORMAT) {
            payload.issues.push({
              code: "invalid_format",
              format: "url",
              note: "Invalid URL format",
              input: payload.value,
              inst,
              continue: !def.abort
            });
            return;
          }
          if (url === URL_UNPARSEABLE) {
            payload.issues.push({
              code: "invalid_format",
              format: "url",
              input: payload.value,
              inst,
              continue: !def.abort
            });
            return;
          }
          if (url === true) {
            payload.value = stripTabAndNewline(trimmed);
            return;
          }
          if (def.hostname && !urlHostnameOk(url, def.hostname)) {
            payload.issues.push({
              code: "invalid_format",
              format: "url",
              note: "Invalid hostname",
              pattern: def.hostname.source,
              input: payload.value,
              inst,
              continue: !def.abort
            });
          }
          if (def.protocol && !urlProtocolOk(url, def.protocol)) {
            payload.issues.push({
              code: "invalid_format",
              format: "url",
              note: "Invalid protocol",
              pattern: def.protocol.source,
              input: payload.value,
              inst,
              continue: !def.abort
            });
          }
          payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
          return;
        } catch (_) {
          payload.issues.push({
            code: "invalid_format",
            format: "url",
            input: payload.value,
            inst,
            continue: !def.abort
          });
        }
      };
    });
    $ZodEmoji = /* @__PURE__ */ $constructor("$ZodEmoji", (inst, def) => {
      def.pattern ?? (def.pattern = emoji());
      $ZodStringFormat.init(inst, def);
    });
    $ZodNanoID = /* @__PURE__ */ $constructor("$ZodNanoID", (inst, def) => {
      if (def.length !== void 0 && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
      def.pattern ?? (def.pattern = def.length === void 0 ? nanoid : nanoidOfLength(def.length));
      $ZodStringFormat.init(inst, def);
    });
    $ZodCUID = /* @__PURE__ */ $constructor("$ZodCUID", (inst, def) => {
      def.pattern ?? (def.pattern = cuid);
      $ZodStringFormat.init(inst, def);
    });
    $ZodCUID2 = /* @__PURE__ */ $constructor("$ZodCUID2", (inst, def) => {
      def.pattern ?? (def.pattern = cuid2);
      $ZodStringFormat.init(inst, def);
    });
    $ZodULID = /* @__PURE__ */ $constructor("$ZodULID", (inst, def) => {
      def.pattern ?? (def.pattern = ulid);
      $ZodStringFormat.init(inst, def);
    });
    $ZodXID = /* @__PURE__ */ $constructor("$ZodXID", (inst, def) => {
      def.pattern ?? (def.pattern = xid);
      $ZodStringFormat.init(inst, def);
    });
    $ZodKSUID = /* @__PURE__ */ $constructor("$ZodKSUID", (inst, def) => {
      def.pattern ?? (def.pattern = ksuid);
      $ZodStringFormat.init(inst, def);
    });
    $ZodISODateTime = /* @__PURE__ */ $constructor("$ZodISODateTime", (inst, def) => {
      def.pattern ?? (def.pattern = datetime(def));
      $ZodStringFormat.init(inst, def);
    });
    $ZodISODate = /* @__PURE__ */ $constructor("$ZodISODate", (inst, def) => {
      def.pattern ?? (def.pattern = date);
      $ZodStringFormat.init(inst, def);
    });
    $ZodISOTime = /* @__PURE__ */ $constructor("$ZodISOTime", (inst, def) => {
      def.pattern ?? (def.pattern = time(def));
      $ZodStringFormat.init(inst, def);
    });
    $ZodISODuration = /* @__PURE__ */ $constructor("$ZodISODuration", (inst, def) => {
      def.pattern ?? (def.pattern = duration);
      $ZodStringFormat.init(inst, def);
    });
    $ZodIPv4 = /* @__PURE__ */ $constructor("$ZodIPv4", (inst, def) => {
      def.pattern ?? (def.pattern = ipv4);
      $ZodStringFormat.init(inst, def);
    });
    ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
    $ZodIPv6 = /* @__PURE__ */ $constructor("$ZodIPv6", (inst, def) => {
      def.pattern ?? (def.pattern = ipv6);
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
          payload.issues.push({
            code: "invalid_format",
            format: "ipv6",
            input: payload.value,
            inst,
            continue: !def.abort
          });
        }
      };
    });
    $ZodCIDRv4 = /* @__PURE__ */ $constructor("$ZodCIDRv4", (inst, def) => {
      def.pattern ?? (def.pattern = cidrv4);
      $ZodStringFormat.init(inst, def);
    });
    $ZodCIDRv6 = /* @__PURE__ */ $constructor("$ZodCIDRv6", (inst, def) => {
      def.pattern ?? (def.pattern = cidrv6);
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
          payload.issues.push({
            code: "invalid_format",
            format: "cidrv6",
            input: payload.value,
            inst,
            continue: !def.abort
          });
        }
      };
    });
    base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
    $ZodBase64 = /* @__PURE__ */ $constructor("$ZodBase64", (inst, def) => {
      def.pattern ?? (def.pattern = base64Charset);
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
          return;
        payload.issues.push({
          code: "invalid_format",
          format: "base64",
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    base64urlCharset = /^[A-Za-z0-9_-]*$/;
    $ZodBase64URL = /* @__PURE__ */ $constructor("$ZodBase64URL", (inst, def) => {
      def.pattern ?? (def.pattern = base64urlCharset);
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
          return;
        payload.issues.push({
          code: "invalid_format",
          format: "base64url",
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodE164 = /* @__PURE__ */ $constructor("$ZodE164", (inst, def) => {
      def.pattern ?? (def.pattern = e164);
      $ZodStringFormat.init(inst, def);
    });
    $ZodJWT = /* @__PURE__ */ $constructor("$ZodJWT", (inst, def) => {
      $ZodStringFormat.init(inst, def);
      inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
          return;
        payload.issues.push({
          code: "invalid_format",
          format: "jwt",
          input: payload.value,
          inst,
          continue: !def.abort
        });
      };
    });
    $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.pattern = number;
      inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
          try {
            payload.value = Number(payload.value);
          } catch (_) {
          }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
          return payload;
        }
        const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
        payload.issues.push({
          expected: "number",
          code: "invalid_type",
          input,
          inst,
          ...received ? { received } : {}
        });
        return payload;
      };
    });
    $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
      $ZodCheckNumberFormat.init(inst, def);
      $ZodNumber.init(inst, def);
    });
    $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.pattern = boolean;
      inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
          try {
            payload.value = Boolean(payload.value);
          } catch (_) {
          }
        const input = payload.value;
        if (typeof input === "boolean")
          return payload;
        payload.issues.push({
          expected: "boolean",
          code: "invalid_type",
          input,
          inst
        });
        return payload;
      };
    });
    $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.parse = (payload) => payload;
    });
    $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
          expected: "never",
          code: "invalid_type",
          input: payload.value,
          inst
        });
        return payload;
      };
    });
    arraySize = (input) => Array.isArray(input) ? input.length : -1;
    $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
      $ZodType.init(inst, def);
      const memo2 = globalConfig.memoizer;
      memo2?.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
          payload.issues.push({
            expected: "array",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        payload.value = memo2 ? memo2.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
          const item = input[i];
          const result = def.element._zod.run({
            value: item,
            issues: []
          }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
          } else {
            handleArrayResult(result, payload, i);
            if (abortEarly && result.issues.length !== 0 && aborted(result))
              break;
          }
        }
        if (proms.length) {
          return Promise.all(proms).then(() => payload);
        }
        return payload;
      };
      capSize(inst, arraySize);
    });
    NO_SYMBOL_KEYS = [];
    $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
      $ZodType.init(inst, def);
      const desc = Object.getOwnPropertyDescriptor(def, "shape");
      const sh = desc?.get ? desc.get.raw : def.shape ?? {};
      if (sh) {
        const get = () => {
          const newSh = { ...sh };
          Object.defineProperty(def, "shape", { value: newSh });
          get.raw = newSh;
          return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
      }
      const _normalized = cached(() => normalizeDef(def));
      defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
          const field = shape[key]._zod;
          if (field.values) {
            if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
              assignProp(propValues, key, /* @__PURE__ */ new Set());
            }
            for (const v of field.values)
              propValues[key].add(v);
            if (field.optin !== void 0)
              propValues[key].add(void 0);
          }
        }
        return propValues;
      });
      const isObject2 = isObject;
      const catchall = def.catchall;
      let value;
      const memo2 = globalConfig.memoizer;
      memo2?.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject2(input)) {
          payload.issues.push({
            expected: "object",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
          if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
              break;
            seen = payload.issues.length;
          }
          if (key === "__proto__")
            continue;
          const el = shape[key];
          const optin = el._zod.optin;
          const optout = el._zod.optout;
          const r = el._zod.run({ value: input[key], issues: [] }, ctx);
          if (r instanceof Promise) {
            proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
          } else {
            handlePropertyResult(r, payload, key, input, optin, optout);
          }
        }
        if (!catchall) {
          return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
      };
    });
    $ZodObjectJIT = /* @__PURE__ */ $constructor("$ZodObjectJIT", (inst, def) => {
      $ZodObject.init(inst, def);
      const superParse = inst._zod.parse;
      const _normalized = cached(() => normalizeDef(def));
      const memo2 = globalConfig.memoizer;
      const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo: memo2, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = /* @__PURE__ */ Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
          ids[key] = `key_${counter++}`;
        }
        doc.write(memo2 ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
          if (key === "__proto__")
            continue;
          const id = ids[key];
          const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
          const isPresent = `${k} in input`;
          const schema = shape[key];
          const optin = schema?._zod?.optin;
          const isOptionalIn = optin !== void 0;
          const isOptionalOut = schema?._zod?.optout === "optional";
          doc.write(`const ${id} = ${parseStr(k)};`);
          if (isOptionalIn && isOptionalOut) {
            const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
            doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
          } else if (!isOptionalIn) {
            doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
          } else {
            doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
            if (optin === "defaulted") {
              doc.write(`newResult[${k}] = ${id}.value;`);
            } else {
              doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
            }
          }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        return doc.compile();
      };
      let fastpass;
      const isObject2 = isObject;
      const jit = !globalConfig.jitless;
      const allowsEval2 = allowsEval;
      const fastEnabled = jit && allowsEval2.value;
      const catchall = def.catchall;
      let value;
      inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject2(input)) {
          payload.issues.push({
            expected: "object",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
          if (!fastpass)
            fastpass = generateFastpass(def.shape);
          payload = fastpass(payload, ctx);
          if (!catchall)
            return payload;
          return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
      };
    });
    $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
      defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
      defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
          return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return void 0;
      });
      defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
          const patterns = zod.def.options.map((o) => o._zod.pattern);
          return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return void 0;
      });
      const first = def.options.length === 1 ? def.options[0]._zod.run : null;
      inst._zod.parse = (payload, ctx) => {
        if (first) {
          return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
          const result = option._zod.run({
            value: payload.value,
            issues: []
          }, ctx);
          if (result instanceof Promise) {
            results.push(result);
            async = true;
          } else {
            if (result.issues.length === 0)
              return result;
            results.push(result);
          }
        }
        if (!async)
          return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results2) => {
          return handleUnionResults(results2, payload, inst, ctx);
        });
      };
    });
    $ZodDiscriminatedUnion = /* @__PURE__ */ $constructor("$ZodDiscriminatedUnion", (inst, def) => {
      def.inclusive = false;
      $ZodUnion.init(inst, def);
      const _super = inst._zod.parse;
      defineLazyInternal(inst, "propValues", (zod) => {
        const propValues = {};
        let undefinedCount = 0;
        for (const option of zod.def.options) {
          const pv = option._zod.propValues;
          if (!pv || Object.keys(pv).length === 0)
            throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
          if (pv[zod.def.discriminator]?.has(void 0))
            undefinedCount++;
          for (const [k, v] of Object.entries(pv)) {
            if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
              assignProp(propValues, k, /* @__PURE__ */ new Set());
            }
            for (const val of v) {
              propValues[k].add(val);
            }
          }
        }
        if (!zod.def.unionFallback && undefinedCount > 1)
          propValues[zod.def.discriminator]?.delete(void 0);
        return propValues;
      });
      def.options.forEach((option, i) => {
        const propShape = rawShape(option._zod.def);
        if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
          throw new Error(`Invalid discriminated union option at index "${i}"`);
        }
      });
      const disc = cached(() => discriminatorMap(def));
      inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isObject(input)) {
          payload.issues.push({
            code: "invalid_type",
            expected: "object",
            input,
            inst
          });
          return payload;
        }
        const value = input?.[def.discriminator];
        const opt = disc.value.get(value);
        if (opt && (value !== void 0 || ctx.direction !== "backward")) {
          return opt._zod.run(payload, ctx);
        }
        if (def.unionFallback || ctx.direction === "backward") {
          return _super(payload, ctx);
        }
        payload.issues.push({
          code: "invalid_union",
          errors: [],
          note: "No matching discriminator",
          discriminator: def.discriminator,
          options: Array.from(disc.value.keys()).filter((value2) => disc.value.get(value2) !== null),
          input,
          path: [def.discriminator],
          inst
        });
        return payload;
      };
    });
    $ZodIntersection = /* @__PURE__ */ $constructor("$ZodIntersection", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
          return Promise.all([left, right]).then(([left2, right2]) => {
            return handleIntersectionResults(payload, left2, right2);
          });
        }
        return handleIntersectionResults(payload, left, right);
      };
    });
    $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
      $ZodType.init(inst, def);
      const memo2 = globalConfig.memoizer;
      memo2?.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isPlainObject(input)) {
          payload.issues.push({
            expected: "record",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
          payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
          const recordKeys = /* @__PURE__ */ new Set();
          for (const key of values) {
            if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
              recordKeys.add(typeof key === "number" ? key.toString() : key);
              if (key === "__proto__")
                continue;
              const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
              if (keyResult instanceof Promise) {
                throw new Error("Async schemas not supported in object keys currently");
              }
              if (keyResult.issues.length) {
                payload.issues.push({
                  code: "invalid_key",
                  origin: "record",
                  issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                  input: key,
                  path: [key],
                  inst
                });
                continue;
              }
              const outKey = keyResult.value;
              if (outKey === "__proto__")
                continue;
              const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
              if (result instanceof Promise) {
                proms.push(result.then((result2) => {
                  if (result2.issues.length) {
                    payload.issues.push(...prefixIssues(key, result2.issues));
                  }
                  payload.value[outKey] = result2.value;
                }));
              } else {
                if (result.issues.length) {
                  payload.issues.push(...prefixIssues(key, result.issues));
                }
                payload.value[outKey] = result.value;
              }
            }
          }
          let unrecognized;
          for (const key in input) {
            if (!recordKeys.has(key)) {
              if (def.mode === "loose") {
                if (key === "__proto__")
                  continue;
                payload.value[key] = input[key];
              } else {
                unrecognized = unrecognized ?? [];
                unrecognized.push(key);
              }
            }
          }
          if (unrecognized && unrecognized.length > 0) {
            payload.issues.push({
              code: "unrecognized_keys",
              input,
              inst,
              keys: unrecognized,
              continue: true
            });
          }
        } else {
          payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx) : {};
          let unrecognized;
          for (const key of Reflect.ownKeys(input)) {
            if (key === "__proto__")
              continue;
            if (!Object.prototype.propertyIsEnumerable.call(input, key))
              continue;
            let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
            if (keyResult instanceof Promise) {
              throw new Error("Async schemas not supported in object keys currently");
            }
            const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
            if (checkNumericKey) {
              const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
              if (retryResult instanceof Promise) {
                throw new Error("Async schemas not supported in object keys currently");
              }
              if (retryResult.issues.length === 0) {
                keyResult = retryResult;
              }
            }
            if (keyResult.issues.length) {
              if (def.mode === "loose") {
                payload.value[key] = input[key];
              } else if (values) {
                unrecognized = unrecognized ?? [];
                unrecognized.push(key);
              } else {
                payload.issues.push({
                  code: "invalid_key",
                  origin: "record",
                  issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                  input: key,
                  path: [key],
                  inst
                });
              }
              continue;
            }
            const outKey = keyResult.value;
            if (outKey === "__proto__")
              continue;
            const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
            if (result instanceof Promise) {
              proms.push(result.then((result2) => {
                if (result2.issues.length) {
                  payload.issues.push(...prefixIssues(key, result2.issues));
                }
                payload.value[outKey] = result2.value;
              }));
            } else {
              if (result.issues.length) {
                payload.issues.push(...prefixIssues(key, result.issues));
              }
              payload.value[outKey] = result.value;
            }
          }
          if (unrecognized && unrecognized.length > 0) {
            payload.issues.push({
              code: "unrecognized_keys",
              input,
              inst,
              keys: unrecognized,
              continue: true
            });
          }
        }
        if (proms.length) {
          return Promise.all(proms).then(() => payload);
        }
        return payload;
      };
    });
    $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
      $ZodType.init(inst, def);
      const values = getEnumValues(def.entries);
      const valuesSet = new Set(values);
      inst._zod.values = valuesSet;
      defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
      });
      inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
          return payload;
        }
        payload.issues.push({
          code: "invalid_value",
          values,
          input,
          inst
        });
        return payload;
      };
    });
    $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
      $ZodType.init(inst, def);
      const values = new Set(def.values);
      inst._zod.values = values;
      defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
      });
      inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
          return payload;
        }
        payload.issues.push({
          code: "invalid_value",
          values: def.values,
          input,
          inst
        });
        return payload;
      };
    });
    $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.optin = "optional";
      globalConfig.memoizer?.guard(inst);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
          const output = _out instanceof Promise ? _out : Promise.resolve(_out);
          return output.then((output2) => {
            payload.value = output2;
            return payload;
          });
        }
        if (_out instanceof Promise) {
          throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
      };
    });
    $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
      inst._zod.optout = "optional";
      defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
      });
      defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
      });
      inst._zod.parse = (payload, ctx) => {
        if (payload.value === void 0) {
          if (def.innerType._zod.optin !== "defaulted")
            return payload;
          const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
          if (result instanceof Promise)
            return result.then((result2) => handleOptionalResult(payload, result2));
          return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
      };
    });
    $ZodExactOptional = /* @__PURE__ */ $constructor("$ZodExactOptional", (inst, def) => {
      $ZodOptional.init(inst, def);
      defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
      defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
      inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
      };
    });
    $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
      defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
      defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
      });
      defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
      });
      inst._zod.parse = (payload, ctx) => {
        if (payload.value === null)
          return payload;
        return def.innerType._zod.run(payload, ctx);
      };
    });
    $ZodDefault = /* @__PURE__ */ $constructor("$ZodDefault", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.optin = "defaulted";
      defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          return def.innerType._zod.run(payload, ctx);
        }
        if (payload.value === void 0) {
          payload.value = def.defaultValue;
          return payload;
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
          return result.then((result2) => handleDefaultResult(result2, def));
        }
        return handleDefaultResult(result, def);
      };
    });
    $ZodPrefault = /* @__PURE__ */ $constructor("$ZodPrefault", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.optin = "defaulted";
      defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          return def.innerType._zod.run(payload, ctx);
        }
        if (payload.value === void 0) {
          payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
      };
    });
    $ZodNonOptional = /* @__PURE__ */ $constructor("$ZodNonOptional", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== void 0)) : void 0;
      });
      inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
          return result.then((result2) => handleNonOptionalResult(result2, inst));
        }
        return handleNonOptionalResult(result, inst);
      };
    });
    $ZodCatch = /* @__PURE__ */ $constructor("$ZodCatch", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
      defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
      defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
          return result.then((result2) => handleCatchResult(payload, result2, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
      };
    });
    $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
      defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
      defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
      defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          const right = def.out._zod.run(payload, ctx);
          if (right instanceof Promise) {
            return right.then((right2) => handlePipeResult(right2, def.in, ctx));
          }
          return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
          return left.then((left2) => handlePipeResult(left2, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
      };
    });
    $ZodReadonly = /* @__PURE__ */ $constructor("$ZodReadonly", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
      defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
      defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
      defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
          return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
      };
    });
    $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
      $ZodCheck.init(inst, def);
      $ZodType.init(inst, def);
      inst._zod.parse = (payload, _) => {
        return payload;
      };
      inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
          return r.then((r2) => handleRefineResult(r2, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
      };
    });
  }
});

// node_modules/zod/v4/core/memoizer.js
function isRef(value) {
  return value !== null && typeof value === "object";
}
function cloneIssues(issues) {
  return issues.map((iss) => iss.path ? { ...iss, path: iss.path.slice() } : { ...iss });
}
function isRecursive(inst, stack, resolve) {
  const cached2 = recursive.get(inst);
  if (cached2 !== void 0)
    return cached2 ? PROVEN : NONE;
  if (stack.has(inst))
    return PROVEN;
  stack.add(inst);
  let result = NONE;
  const check = (child) => {
    if (result !== PROVEN && child?._zod) {
      const answer = isRecursive(child, stack, resolve);
      if (answer > result)
        result = answer;
    }
  };
  const shape = (sh, spread) => {
    let answer = NONE;
    for (const key of Reflect.ownKeys(sh)) {
      const desc = Object.getOwnPropertyDescriptor(sh, key);
      if (spread && !desc.enumerable)
        continue;
      const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve) : NONE;
      if (child > answer)
        answer = child;
    }
    return answer;
  };
  const merge2 = (answer) => {
    if (answer > result)
      result = answer;
  };
  const def = inst._zod.def;
  const kind = def.type;
  switch (kind) {
    case "object": {
      const raw = rawShape(def);
      merge2(raw ? shape(raw, true) : ASSUMED);
      check(def.catchall);
      break;
    }
    case "array":
      check(def.element);
      break;
    case "tuple":
      for (const el of def.items)
        check(el);
      check(def.rest);
      break;
    case "record":
    case "map":
      check(def.keyType);
      check(def.valueType);
      break;
    case "set":
      check(def.valueType);
      break;
    case "union":
      for (const el of def.options)
        check(el);
      break;
    case "intersection":
      check(def.left);
      check(def.right);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
    case "promise":
    case "success":
      check(def.innerType);
      break;
    case "pipe":
      check(def.in);
      check(def.out);
      break;
    case "function":
      check(def.input);
      check(def.output);
      break;
    // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
    case "lazy": {
      const inner = def._cachedInner ?? (resolve ? inst._zod.innerType : void 0);
      merge2(inner ? isRecursive(inner, stack, false) : ASSUMED);
      break;
    }
    // a leaf by choice: `parts` are regex fragments, not data positions
    case "template_literal":
    // leaves
    case "string":
    case "number":
    case "int":
    case "boolean":
    case "bigint":
    case "symbol":
    case "undefined":
    case "null":
    case "void":
    case "never":
    case "any":
    case "unknown":
    case "date":
    case "nan":
    case "enum":
    case "literal":
    case "file":
    case "transform":
    case "custom":
      break;
    default: {
      kind;
      for (const key in def) {
        const desc = Object.getOwnPropertyDescriptor(def, key);
        if (!desc || desc.get)
          continue;
        const value = desc.value;
        if (!value || typeof value !== "object")
          continue;
        if (value._zod)
          check(value);
        else if (Array.isArray(value))
          for (const el of value)
            check(el);
      }
    }
  }
  stack.delete(inst);
  return settle(inst, result);
}
function settle(inst, answer) {
  if (answer !== ASSUMED)
    recursive.set(inst, answer === PROVEN);
  return answer;
}
function bucketFor(state, inst) {
  let bucket = state.buckets.get(inst);
  if (!bucket) {
    bucket = /* @__PURE__ */ new WeakMap();
    state.buckets.set(inst, bucket);
  }
  return bucket;
}
function memoizer() {
  return memo;
}
function isBackEdge(ctx, value) {
  const backEdges = ctx[STATE]?.backEdges;
  return backEdges !== void 0 && isRef(value) && backEdges.has(value);
}
var $ZodCyclicError, STATE, NO_ISSUES, recursive, NONE, ASSUMED, PROVEN, handoff, open, memo;
var init_memoizer = __esm({
  "node_modules/zod/v4/core/memoizer.js"() {
    init_util();
    $ZodCyclicError = class extends Error {
      constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
      }
    };
    STATE = "~memo";
    NO_ISSUES = [];
    recursive = /* @__PURE__ */ new WeakMap();
    NONE = 0;
    ASSUMED = 1;
    PROVEN = 2;
    open = [];
    memo = {
      alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
          return empty;
        handoff = void 0;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        open.push(entry);
        return empty;
      },
      guard(inst) {
        var _a3;
        (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
        inst._zod.deferred.push(() => {
          const base = inst._zod.parse;
          const wrapped = (payload, ctx) => {
            if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
              throw new $ZodCyclicError();
            return base(payload, ctx);
          };
          inst._zod.parse = wrapped;
          if (inst._zod.run === base)
            inst._zod.run = wrapped;
        });
      },
      attach(inst) {
        var _a3;
        let isRecursiveInst;
        let rechecked = false;
        let lastCtx;
        let lastBucket;
        (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
        inst._zod.deferred.push(() => {
          const base = inst._zod.parse;
          const wrapped = (payload, ctx) => {
            if (isRecursiveInst === void 0) {
              const walked = isRecursive(inst, /* @__PURE__ */ new Set(), false);
              if (walked === NONE) {
                inst._zod.parse = base;
                if (inst._zod.run === wrapped)
                  inst._zod.run = base;
                return base(payload, ctx);
              }
              if (walked === PROVEN || rechecked)
                isRecursiveInst = true;
              else
                rechecked = true;
            }
            const input = payload.value;
            if (!isRef(input))
              return base(payload, ctx);
            let state = ctx[STATE];
            if (!state) {
              state = { buckets: /* @__PURE__ */ new WeakMap(), backEdges: void 0 };
              ctx[STATE] = state;
            }
            let bucket;
            if (lastCtx === ctx) {
              bucket = lastBucket;
            } else {
              bucket = bucketFor(state, inst);
              lastCtx = ctx;
              lastBucket = bucket;
            }
            const hit = bucket.get(input);
            if (hit) {
              payload.value = hit.value;
              if (hit.issues) {
                if (hit.issues.length)
                  payload.issues.push(...cloneIssues(hit.issues));
              } else {
                payload.memo = true;
                state.backEdges ?? (state.backEdges = /* @__PURE__ */ new WeakSet());
                state.backEdges.add(hit.value);
              }
              return payload;
            }
            handoff = bucket;
            const depth = open.length;
            const result = base(payload, ctx);
            handoff = void 0;
            const entry = open.length > depth ? open.pop() : void 0;
            if (result instanceof Promise) {
              return result.then((r) => {
                if (entry)
                  entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                return r;
              });
            }
            if (entry)
              entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
            return result;
          };
          inst._zod.parse = wrapped;
          if (inst._zod.run === base)
            inst._zod.run = wrapped;
        });
      }
    };
  }
});

// node_modules/zod/v4/locales/en.js
function en_default() {
  return {
    localeError: error()
  };
}
var error;
var init_en = __esm({
  "node_modules/zod/v4/locales/en.js"() {
    init_util();
    error = () => {
      const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" }
      };
      function getSizing(origin) {
        return Sizable[origin] ?? null;
      }
      const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input"
      };
      const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN"
        // All other type names omitted - they fall back to raw values via ?? operator
      };
      function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
          return String(input);
        }
        return TypeDictionary[type] ?? type;
      }
      return (issue2) => {
        switch (issue2.code) {
          case "invalid_type": {
            const expected = getTypeName(issue2.expected);
            const receivedType = parsedType(issue2.input);
            const received = getTypeName(receivedType, issue2.input);
            return `Invalid input: expected ${expected}, received ${received}`;
          }
          case "invalid_value":
            if (issue2.values.length === 1)
              return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
            return `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
          case "too_big": {
            const adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<";
            const sizing = getSizing(issue2.origin);
            if (sizing)
              return `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}`;
            return `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
          }
          case "too_small": {
            const adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">";
            const sizing = getSizing(issue2.origin);
            if (sizing) {
              return `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
            }
            return `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
          }
          case "invalid_format": {
            const _issue = issue2;
            if (_issue.format === "starts_with") {
              return `Invalid string: must start with "${_issue.prefix}"`;
            }
            if (_issue.format === "ends_with")
              return `Invalid string: must end with "${_issue.suffix}"`;
            if (_issue.format === "includes")
              return `Invalid string: must include "${_issue.includes}"`;
            if (_issue.format === "regex")
              return `Invalid string: must match pattern ${_issue.pattern}`;
            return `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
          }
          case "not_multiple_of":
            return `Invalid number: must be a multiple of ${issue2.divisor}`;
          case "unrecognized_keys":
            return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
          case "invalid_key":
            return `Invalid key in ${issue2.origin}`;
          case "invalid_union":
            if (issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0) {
              const opts = issue2.options.map((o) => `'${o}'`).join(" | ");
              return `Invalid discriminator value. Expected ${opts}`;
            }
            if (issue2.inclusive === false) {
              return "Invalid input: more than one option matched";
            }
            return "Invalid input";
          case "invalid_element":
            return `Invalid value in ${issue2.origin}`;
          default:
            return `Invalid input`;
        }
      };
    };
  }
});

// node_modules/zod/v4/locales/index.js
var init_locales = __esm({
  "node_modules/zod/v4/locales/index.js"() {
  }
});

// node_modules/zod/v4/core/registries.js
function registry() {
  return new $ZodRegistry();
}
var _a2, $ZodRegistry, globalRegistry;
var init_registries = __esm({
  "node_modules/zod/v4/core/registries.js"() {
    $ZodRegistry = class {
      constructor() {
        this._map = /* @__PURE__ */ new WeakMap();
        this._idmap = /* @__PURE__ */ new Map();
      }
      add(schema, ..._meta) {
        const meta2 = _meta[0];
        this._map.set(schema, meta2);
        if (meta2 && typeof meta2 === "object" && "id" in meta2) {
          this._idmap.set(meta2.id, schema);
        }
        return this;
      }
      clear() {
        this._map = /* @__PURE__ */ new WeakMap();
        this._idmap = /* @__PURE__ */ new Map();
        return this;
      }
      remove(schema) {
        const meta2 = this._map.get(schema);
        if (meta2 && typeof meta2 === "object" && "id" in meta2) {
          this._idmap.delete(meta2.id);
        }
        this._map.delete(schema);
        return this;
      }
      get(schema) {
        const p = schema._zod.parent;
        if (p) {
          const pm = { ...this.get(p) ?? {} };
          delete pm.id;
          const f = { ...pm, ...this._map.get(schema) };
          return Object.keys(f).length ? f : void 0;
        }
        return this._map.get(schema);
      }
      has(schema) {
        return this._map.has(schema);
      }
    };
    (_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
    globalRegistry = globalThis.__zod_globalRegistry;
  }
});

// node_modules/zod/v4/core/compile.js
var init_compile = __esm({
  "node_modules/zod/v4/core/compile.js"() {
  }
});

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class2, params) {
  return new Class2(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class2, params) {
  return new Class2({
    type: "string",
    format: "email",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class2, params) {
  return new Class2({
    type: "string",
    format: "guid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v4",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v6",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class2, params) {
  return new Class2({
    type: "string",
    format: "uuid",
    check: "string_format",
    abort: false,
    version: "v7",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _url(Class2, params) {
  return new Class2({
    type: "string",
    format: "url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _emoji2(Class2, params) {
  return new Class2({
    type: "string",
    format: "emoji",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class2, params) {
  return new Class2({
    type: "string",
    format: "nanoid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "cuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class2, params) {
  return new Class2({
    type: "string",
    format: "cuid2",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class2, params) {
  return new Class2({
    type: "string",
    format: "ulid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class2, params) {
  return new Class2({
    type: "string",
    format: "xid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class2, params) {
  return new Class2({
    type: "string",
    format: "ksuid",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "ipv4",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "ipv6",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class2, params) {
  return new Class2({
    type: "string",
    format: "cidrv4",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class2, params) {
  return new Class2({
    type: "string",
    format: "cidrv6",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class2, params) {
  return new Class2({
    type: "string",
    format: "base64",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class2, params) {
  return new Class2({
    type: "string",
    format: "base64url",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class2, params) {
  return new Class2({
    type: "string",
    format: "e164",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class2, params) {
  return new Class2({
    type: "string",
    format: "jwt",
    check: "string_format",
    abort: false,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class2, params) {
  return new Class2({
    type: "string",
    format: "datetime",
    check: "string_format",
    offset: false,
    local: false,
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class2, params) {
  return new Class2({
    type: "string",
    format: "date",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class2, params) {
  return new Class2({
    type: "string",
    format: "time",
    check: "string_format",
    precision: null,
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class2, params) {
  return new Class2({
    type: "string",
    format: "duration",
    check: "string_format",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _number(Class2, params) {
  return new Class2(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class2, params) {
  return new Class2({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class2, params) {
  return new Class2({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class2) {
  return new Class2({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class2, params) {
  return new Class2({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _positive(params) {
  return /* @__PURE__ */ _gt(0, params);
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
  return new $ZodCheckMultipleOf({
    check: "multiple_of",
    ...normalizeParams(params),
    value
  });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
  return new $ZodCheckLengthEquals({
    check: "length_equals",
    ...normalizeParams(params),
    length
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
  return new $ZodCheckLowerCase({
    check: "string_format",
    format: "lowercase",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
  return new $ZodCheckUpperCase({
    check: "string_format",
    format: "uppercase",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
  return new $ZodCheckIncludes({
    check: "string_format",
    format: "includes",
    ...normalizeParams(params),
    includes
  });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
  return new $ZodCheckStartsWith({
    check: "string_format",
    format: "starts_with",
    ...normalizeParams(params),
    prefix
  });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
  return new $ZodCheckEndsWith({
    check: "string_format",
    format: "ends_with",
    ...normalizeParams(params),
    suffix
  });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
  return new $ZodCheckOverwrite({
    check: "overwrite",
    tx
  });
}
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
  return /* @__PURE__ */ _overwrite((input) => input.normalize(form));
}
// @__NO_SIDE_EFFECTS__
function _trim() {
  return /* @__PURE__ */ _overwrite((input) => input.trim());
}
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
  return /* @__PURE__ */ _overwrite((input) => input.toLowerCase());
}
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
  return /* @__PURE__ */ _overwrite((input) => input.toUpperCase());
}
// @__NO_SIDE_EFFECTS__
function _slugify() {
  return /* @__PURE__ */ _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class2, element, params) {
  return new Class2({
    type: "array",
    element,
    // get element() {
    //   return element;
    // },
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _refine(Class2, fn, _params) {
  const schema = new Class2({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
  const ch = /* @__PURE__ */ _check((payload) => {
    payload.addIssue = (issue2) => {
      if (typeof issue2 === "string") {
        payload.issues.push(issue(issue2, payload.value, ch._zod.def));
      } else {
        const _issue = issue2;
        if (_issue.fatal)
          _issue.continue = false;
        _issue.code ?? (_issue.code = "custom");
        if (!("input" in _issue))
          _issue.input = payload.value;
        _issue.inst ?? (_issue.inst = ch);
        _issue.continue ?? (_issue.continue = !ch._zod.def.abort);
        payload.issues.push(issue(_issue));
      }
    };
    return fn(payload.value, payload);
  }, params);
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
  const ch = new $ZodCheck({
    check: "custom",
    ...normalizeParams(params)
  });
  ch._zod.check = fn;
  return ch;
}
var init_api = __esm({
  "node_modules/zod/v4/core/api.js"() {
    init_checks();
    init_util();
  }
});

// node_modules/zod/v4/core/to-json-schema.js
function assignProps(target, ...sources) {
  for (const source of sources) {
    for (const key of Reflect.ownKeys(source)) {
      if (Object.prototype.propertyIsEnumerable.call(source, key)) {
        assignProp(target, key, source[key]);
      }
    }
  }
  return target;
}
function initializeContext(params) {
  let target = params?.target ?? "draft-2020-12";
  if (target === "draft-4")
    target = "draft-04";
  if (target === "draft-7")
    target = "draft-07";
  return {
    processors: params.processors ?? {},
    metadataRegistry: params?.metadata ?? globalRegistry,
    target,
    unrepresentable: params?.unrepresentable ?? "throw",
    override: params?.override ?? (() => {
    }),
    io: params?.io ?? "output",
    counter: 0,
    seen: /* @__PURE__ */ new Map(),
    sharedDefsExtractedFor: void 0,
    sharedEmitDoneFor: void 0,
    cycles: params?.cycles ?? "ref",
    reused: params?.reused ?? "inline",
    intersections: [],
    deferred: [],
    external: params?.external ?? void 0
  };
}
function handleUnrepresentable(schema, ctx, json, params, message) {
  const result = typeof ctx.unrepresentable === "function" ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message }) : ctx.unrepresentable;
  if (result === "any")
    return false;
  if (result === void 0 || result === "throw")
    throw new Error(message);
  Object.assign(json, result);
  return true;
}
function processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
  var _a3;
  const def = schema._zod.def;
  const seen = ctx.seen.get(schema);
  if (seen) {
    seen.count++;
    const isCycle = _params.schemaPath.includes(schema);
    if (isCycle) {
      seen.cycle = _params.path;
    }
    return seen.schema;
  }
  const result = { schema: {}, count: 1, cycle: void 0, path: _params.path };
  ctx.seen.set(schema, result);
  ctx.sharedDefsExtractedFor = void 0;
  ctx.sharedEmitDoneFor = void 0;
  const overrideSchema = schema._zod.toJSONSchema?.();
  if (overrideSchema) {
    result.schema = overrideSchema;
  } else {
    const params = {
      ..._params,
      schemaPath: [..._params.schemaPath, schema],
      path: _params.path
    };
    if (schema._zod.processJSONSchema) {
      schema._zod.processJSONSchema(ctx, result.schema, params);
    } else {
      const _json = result.schema;
      const processor = ctx.processors[def.type];
      if (!processor) {
        throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
      }
      processor(schema, ctx, _json, params);
    }
    const parent = schema._zod.parent;
    if (parent) {
      if (!result.ref)
        result.ref = parent;
      processSchema(parent, ctx, params);
      ctx.seen.get(parent).isParent = true;
    }
  }
  const meta2 = ctx.metadataRegistry.get(schema);
  if (meta2)
    assignProps(result.schema, meta2);
  if (ctx.io === "input" && isTransforming(schema)) {
    delete result.schema.examples;
    delete result.schema.default;
  }
  if (ctx.io === "input" && "_prefault" in result.schema)
    (_a3 = result.schema).default ?? (_a3.default = result.schema._prefault);
  delete result.schema._prefault;
  const _result = ctx.seen.get(schema);
  return _result.schema;
}
function encodeJSONPointerSegment(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function extractDefs(ctx, schema) {
  const root = ctx.seen.get(schema);
  if (!root)
    throw new Error("Unprocessed schema. This is a bug in Zod.");
  if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
    return;
  const idToSchema = /* @__PURE__ */ new Map();
  for (const entry of ctx.seen.entries()) {
    const id = ctx.metadataRegistry.get(entry[0])?.id;
    if (id) {
      const existing = idToSchema.get(id);
      if (existing && existing !== entry[0]) {
        throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
      }
      idToSchema.set(id, entry[0]);
    }
  }
  const makeURI = (entry) => {
    const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
    if (ctx.external) {
      const externalId = ctx.external.registry.get(entry[0])?.id;
      const uriGenerator = ctx.external.uri ?? ((id2) => id2);
      if (externalId) {
        return { ref: uriGenerator(externalId) };
      }
      const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
      entry[1].defId = id;
      return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
    }
    const uriPrefix = `#`;
    const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
    if (entry[1] === root && !entry[1].schema.id) {
      return { ref: uriPrefix };
    }
    const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
    return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
  };
  const extractToDef = (entry) => {
    if (entry[1].schema.$ref) {
      return;
    }
    const seen = entry[1];
    const { ref, defId } = makeURI(entry);
    seen.def = { ...seen.schema };
    if (defId)
      seen.defId = defId;
    const schema2 = seen.schema;
    for (const key in schema2) {
      delete schema2[key];
    }
    schema2.$ref = ref;
  };
  if (ctx.cycles === "throw") {
    for (const entry of ctx.seen.entries()) {
      const seen = entry[1];
      if (seen.cycle) {
        throw new Error(`Cycle detected: #/${seen.cycle?.join("/")}/<root>

Set the \`cycles\` parameter to \`"ref"\` to resolve cyclical schemas with defs.`);
      }
    }
  }
  for (const entry of ctx.seen.entries()) {
    const seen = entry[1];
    if (schema === entry[0]) {
      extractToDef(entry);
      continue;
    }
    if (ctx.external) {
      const ext = ctx.external.registry.get(entry[0])?.id;
      if (schema !== entry[0] && ext) {
        extractToDef(entry);
        continue;
      }
    }
    const id = ctx.metadataRegistry.get(entry[0])?.id;
    if (id) {
      extractToDef(entry);
      continue;
    }
    if (seen.cycle) {
      extractToDef(entry);
      continue;
    }
    if (seen.count > 1) {
      if (ctx.reused === "ref") {
        extractToDef(entry);
      }
    }
  }
  if (ctx.external)
    ctx.sharedDefsExtractedFor = ctx.external;
}
function compactTypeUnion(schema) {
  const options = schema.anyOf;
  if (!Array.isArray(options) || options.length === 0 || schema.type !== void 0)
    return;
  const types = [];
  for (const option of options) {
    if (!option || typeof option !== "object")
      return;
    compactTypeUnion(option);
    const keys = Object.keys(option);
    if (keys.length !== 1 || keys[0] !== "type")
      return;
    const type = option.type;
    for (const member of Array.isArray(type) ? type : [type]) {
      if (typeof member !== "string")
        return;
      if (!types.includes(member))
        types.push(member);
    }
  }
  delete schema.anyOf;
  schema.type = types.length === 1 ? types[0] : types;
}
function undeclaredConstraint(member) {
  const extra = member.additionalProperties;
  if (extra === void 0 || extra === false || typeof extra !== "object" || extra === null)
    return null;
  return Object.keys(extra).length ? extra : null;
}
function foldObjects(members2) {
  const objects = [];
  for (const member of members2) {
    if (typeof member !== "object" || member.type !== "object")
      return null;
    for (const key in member) {
      if (!FOLDABLE_KEYS.has(key))
        return null;
    }
    objects.push(member);
  }
  const properties = {};
  const required2 = /* @__PURE__ */ new Set();
  for (const object2 of objects) {
    for (const key in object2.properties) {
      if (Object.prototype.hasOwnProperty.call(properties, key))
        continue;
      const parts = [];
      for (const other of objects) {
        const part = other.properties?.[key] ?? undeclaredConstraint(other);
        if (part === null || part === void 0)
          continue;
        if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
          parts.push(part);
      }
      const merged = parts.length === 1 ? parts[0] : foldObjects(parts) ?? { allOf: parts };
      assignProp(properties, key, merged);
    }
    for (const key of object2.required ?? [])
      required2.add(key);
  }
  const folded = { type: "object", properties };
  if (required2.size)
    folded.required = [...required2];
  if (objects.every((object2) => object2.additionalProperties === false)) {
    folded.additionalProperties = false;
  } else {
    const constraints = [];
    for (const object2 of objects) {
      const constraint = undeclaredConstraint(object2);
      if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
        constraints.push(constraint);
    }
    if (constraints.length === 1)
      folded.additionalProperties = constraints[0];
    else if (constraints.length > 1)
      folded.additionalProperties = { allOf: constraints };
  }
  return folded;
}
function foldIntersection(json) {
  const allOf = json.allOf;
  if (!Array.isArray(allOf) || allOf.length < 2)
    return;
  for (const key of FOLDABLE_KEYS)
    if (key in json)
      return;
  const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
  let folded = null;
  if (!unions.length) {
    folded = foldObjects(allOf);
  } else {
    const union2 = unions[0];
    const keyword = UNION_KEYS.find((k) => Array.isArray(union2[k]));
    if (Object.keys(union2).length !== 1)
      return;
    const rest = allOf.filter((m) => m !== union2);
    const branches = union2[keyword].map((branch) => foldObjects([...rest, branch]));
    if (branches.some((b) => !b))
      return;
    folded = { [keyword]: branches };
  }
  if (!folded)
    return;
  delete json.allOf;
  assignProps(json, folded);
}
function finalize(ctx, schema) {
  const root = ctx.seen.get(schema);
  if (!root)
    throw new Error("Unprocessed schema. This is a bug in Zod.");
  const flattenRef = (zodSchema) => {
    const seen = ctx.seen.get(zodSchema);
    if (seen.ref === null)
      return;
    const schema2 = seen.def ?? seen.schema;
    const _cached = { ...schema2 };
    const ref = seen.ref;
    seen.ref = null;
    if (ref) {
      flattenRef(ref);
      const refSeen = ctx.seen.get(ref);
      const refSchema = refSeen.schema;
      if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
        schema2.allOf = schema2.allOf ?? [];
        schema2.allOf.push(refSchema);
      } else {
        assignProps(schema2, refSchema);
      }
      assignProps(schema2, _cached);
      const isParentRef = zodSchema._zod.parent === ref;
      if (isParentRef) {
        for (const key in schema2) {
          if (key === "$ref" || key === "allOf")
            continue;
          if (!(key in _cached)) {
            delete schema2[key];
          }
        }
      }
      if (refSchema.$ref && refSeen.def) {
        for (const key in schema2) {
          if (key === "$ref" || key === "allOf")
            continue;
          if (key in refSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(refSeen.def[key])) {
            delete schema2[key];
          }
        }
      }
    }
    const parent = zodSchema._zod.parent;
    if (parent && parent !== ref) {
      flattenRef(parent);
      const parentSeen = ctx.seen.get(parent);
      if (parentSeen?.schema.$ref) {
        schema2.$ref = parentSeen.schema.$ref;
        if (parentSeen.def) {
          for (const key in schema2) {
            if (key === "$ref" || key === "allOf")
              continue;
            if (key in parentSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(parentSeen.def[key])) {
              delete schema2[key];
            }
          }
        }
      }
    }
    ctx.override({
      zodSchema,
      jsonSchema: schema2,
      path: seen.path ?? []
    });
  };
  if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
    for (const entry of [...ctx.seen.entries()].reverse()) {
      flattenRef(entry[0]);
    }
    if (ctx.target !== "openapi-3.0") {
      for (const entry of ctx.seen.entries()) {
        compactTypeUnion(entry[1].def ?? entry[1].schema);
      }
    }
    for (const rewrite of ctx.deferred)
      rewrite();
    if (ctx.intersections.length) {
      const carriers = /* @__PURE__ */ new Map();
      for (const seen of ctx.seen.values()) {
        for (const json of [seen.schema, seen.def]) {
          const allOf = json?.allOf;
          if (!Array.isArray(allOf))
            continue;
          const existing = carriers.get(allOf);
          if (existing)
            existing.push(json);
          else
            carriers.set(allOf, [json]);
        }
      }
      for (const allOf of ctx.intersections) {
        for (const json of carriers.get(allOf) ?? [])
          foldIntersection(json);
      }
    }
  }
  const result = {};
  if (ctx.target === "draft-2020-12") {
    result.$schema = "https://json-schema.org/draft/2020-12/schema";
  } else if (ctx.target === "draft-07") {
    result.$schema = "http://json-schema.org/draft-07/schema#";
  } else if (ctx.target === "draft-04") {
    result.$schema = "http://json-schema.org/draft-04/schema#";
  } else if (ctx.target === "openapi-3.0") {
  } else {
  }
  if (ctx.external?.uri) {
    const id = ctx.external.registry.get(schema)?.id;
    if (!id)
      throw new Error("Schema is missing an `id` property");
    result.$id = ctx.external.uri(id);
  }
  assignProps(result, root.defId ? root.schema : root.def ?? root.schema);
  const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
  if (rootMetaId !== void 0 && result.id === rootMetaId)
    delete result.id;
  const defs = ctx.external?.defs ?? {};
  if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
    for (const entry of ctx.seen.entries()) {
      const seen = entry[1];
      if (seen.def && seen.defId) {
        if (seen.def.id === seen.defId)
          delete seen.def.id;
        assignProp(defs, seen.defId, seen.def);
      }
    }
  }
  if (ctx.external)
    ctx.sharedEmitDoneFor = ctx.external;
  if (ctx.external) {
  } else {
    if (Object.keys(defs).length > 0) {
      if (ctx.target === "draft-2020-12") {
        result.$defs = defs;
      } else {
        result.definitions = defs;
      }
    }
  }
  try {
    const finalized = JSON.parse(JSON.stringify(result));
    Object.defineProperty(finalized, "~standard", {
      value: {
        ...schema["~standard"],
        jsonSchema: {
          input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
          output: createStandardJSONSchemaMethod(schema, "output", ctx.processors)
        }
      },
      enumerable: false,
      writable: false
    });
    return finalized;
  } catch (_err) {
    throw new Error("Error converting schema to JSON.");
  }
}
function isTransforming(_schema, _ctx) {
  const ctx = _ctx ?? { seen: /* @__PURE__ */ new Set() };
  if (ctx.seen.has(_schema))
    return false;
  ctx.seen.add(_schema);
  const def = _schema._zod.def;
  if (def.type === "transform")
    return true;
  if (def.type === "array")
    return isTransforming(def.element, ctx);
  if (def.type === "set")
    return isTransforming(def.valueType, ctx);
  if (def.type === "lazy")
    return isTransforming(def.getter(), ctx);
  if (def.type === "promise" || def.type === "optional" || def.type === "nonoptional" || def.type === "nullable" || def.type === "readonly" || def.type === "default" || def.type === "prefault" || def.type === "catch") {
    return isTransforming(def.innerType, ctx);
  }
  if (def.type === "intersection") {
    return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
  }
  if (def.type === "record" || def.type === "map") {
    return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
  }
  if (def.type === "pipe") {
    if (_schema._zod.traits.has("$ZodCodec"))
      return true;
    return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
  }
  if (def.type === "object") {
    for (const key in def.shape) {
      if (isTransforming(def.shape[key], ctx))
        return true;
    }
    return false;
  }
  if (def.type === "union") {
    for (const option of def.options) {
      if (isTransforming(option, ctx))
        return true;
    }
    return false;
  }
  if (def.type === "tuple") {
    for (const item of def.items) {
      if (isTransforming(item, ctx))
        return true;
    }
    if (def.rest && isTransforming(def.rest, ctx))
      return true;
    return false;
  }
  return false;
}
var FOLDABLE_KEYS, UNION_KEYS, createToJSONSchemaMethod, createStandardJSONSchemaMethod;
var init_to_json_schema = __esm({
  "node_modules/zod/v4/core/to-json-schema.js"() {
    init_registries();
    init_util();
    FOLDABLE_KEYS = /* @__PURE__ */ new Set(["type", "properties", "required", "additionalProperties"]);
    UNION_KEYS = ["oneOf", "anyOf"];
    createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
      const ctx = initializeContext({ ...params, processors });
      processSchema(schema, ctx);
      extractDefs(ctx, schema);
      return finalize(ctx, schema);
    };
    createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
      const { libraryOptions, target } = params ?? {};
      const ctx = initializeContext({ ...libraryOptions ?? {}, target, io, processors });
      processSchema(schema, ctx);
      extractDefs(ctx, schema);
      return finalize(ctx, schema);
    };
  }
});

// node_modules/zod/v4/core/json-schema-processors.js
function aggregateChecks(schema) {
  const agg = {};
  const def = schema._zod.def;
  const list = schema._zod.traits.has("$ZodCheck") ? [schema, ...def.checks ?? []] : def.checks ?? [];
  for (const ch of list)
    contributors[ch._zod.def.check]?.(agg, ch._zod.def);
  const bag = schema._zod.bag;
  if (bag.minimum !== void 0)
    narrowMin(agg, "minimum", bag.minimum);
  if (bag.exclusiveMinimum !== void 0)
    narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
  if (bag.maximum !== void 0)
    narrowMax(agg, "maximum", bag.maximum);
  if (bag.exclusiveMaximum !== void 0)
    narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
  if (bag.multipleOf !== void 0)
    addDivisor(agg, bag.multipleOf);
  if (bag.format !== void 0) {
    agg.format ?? (agg.format = bag.format);
    if (bag.format.includes("int"))
      agg.isInt = true;
  }
  if (bag.mime)
    intersectMime(agg, bag.mime);
  for (const pattern of bag.patterns ?? [])
    addPattern(agg, pattern);
  return agg;
}
function inputOptin(schema) {
  const def = schema._zod.def;
  if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
    return inputOptin(def.out);
  }
  if (def.type === "catch") {
    return inputOptin(def.innerType);
  }
  return schema._zod.optin;
}
function stringifyKeyNames(bySchema, json, visited) {
  if (json.$ref) {
    if (visited.has(json))
      return json;
    visited.add(json);
    const def = bySchema.get(json)?.def;
    if (!def)
      return json;
    const inlined = stringifyKeyNames(bySchema, def, visited);
    return inlined === def ? json : inlined;
  }
  for (const keyword of ["anyOf", "oneOf"]) {
    const branches = json[keyword];
    if (!Array.isArray(branches))
      continue;
    const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
    if (mapped.some((branch, i) => branch !== branches[i]))
      json = { ...json, [keyword]: mapped };
  }
  const types = Array.isArray(json.type) ? json.type : [json.type];
  const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
  const values = json.enum ?? (json.const !== void 0 ? [json.const] : void 0);
  if (!numericType && !values?.some((v) => typeof v === "number"))
    return json;
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format: format2, id, ...rest } = json;
  if (rest.enum)
    rest.enum = rest.enum.map((v) => typeof v === "number" ? String(v) : v);
  else if (typeof rest.const === "number")
    rest.const = String(rest.const);
  if (!numericType)
    return rest;
  rest.type = "string";
  if (!values)
    rest.pattern = (types.includes("number") ? number : integer).source;
  return rest;
}
function rewriteKeyNames(ctx) {
  const bySchema = /* @__PURE__ */ new Map();
  for (const entry of ctx.seen.values()) {
    if (entry.def && !bySchema.has(entry.schema))
      bySchema.set(entry.schema, entry);
  }
  const rewrites = /* @__PURE__ */ new Map();
  for (const record2 of pendingRecords.get(ctx) ?? []) {
    const seen = ctx.seen.get(record2);
    const names = (seen?.def ?? seen?.schema)?.propertyNames;
    if (!names || names === true || rewrites.has(names))
      continue;
    const rewritten = stringifyKeyNames(bySchema, names, /* @__PURE__ */ new Set());
    if (rewritten !== names)
      rewrites.set(names, rewritten);
  }
  if (!rewrites.size)
    return;
  for (const entry of ctx.seen.values()) {
    for (const carrier of [entry.schema, entry.def]) {
      const rewritten = carrier && rewrites.get(carrier.propertyNames);
      if (rewritten)
        carrier.propertyNames = rewritten;
    }
  }
}
function serializeDefaultValue(value, schema, ctx, json, params) {
  let unrepresentable = false;
  const serialized = JSON.stringify(value, (_, val) => {
    if (typeof val !== "bigint")
      return val;
    unrepresentable = true;
    return null;
  });
  if (!unrepresentable)
    return JSON.parse(serialized);
  handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
  return UNREPRESENTABLE_DEFAULT;
}
var narrowMin, narrowMax, narrowBoth, addDivisor, addPattern, intersectMime, setFormat, minContributor, maxContributor, formatContributor, contributors, formatMap, exactPatterns, exactPattern, stringProcessor, numberProcessor, booleanProcessor, neverProcessor, unknownProcessor, enumProcessor, literalProcessor, customProcessor, transformProcessor, arrayProcessor, objectProcessor, unionProcessor, intersectionProcessor, pendingRecords, recordProcessor, nullableProcessor, nonoptionalProcessor, UNREPRESENTABLE_DEFAULT, defaultProcessor, prefaultProcessor, catchProcessor, pipeProcessor, readonlyProcessor, optionalProcessor;
var init_json_schema_processors = __esm({
  "node_modules/zod/v4/core/json-schema-processors.js"() {
    init_regexes();
    init_schemas();
    init_to_json_schema();
    init_util();
    narrowMin = (agg, key, value) => {
      if (agg[key] === void 0 || value > agg[key])
        agg[key] = value;
    };
    narrowMax = (agg, key, value) => {
      if (agg[key] === void 0 || value < agg[key])
        agg[key] = value;
    };
    narrowBoth = (agg, value) => {
      narrowMin(agg, "minimum", value);
      narrowMax(agg, "maximum", value);
    };
    addDivisor = (agg, value) => {
      agg.multipleOf ?? (agg.multipleOf = []);
      if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
    };
    addPattern = (agg, pattern) => {
      agg.patterns ?? (agg.patterns = /* @__PURE__ */ new Set());
      agg.patterns.add(pattern);
    };
    intersectMime = (agg, mime) => {
      agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
    };
    setFormat = (agg, format2) => {
      agg.format = format2;
      if (format2.includes("int"))
        agg.isInt = true;
    };
    minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
    maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
    formatContributor = (ranges) => (agg, def) => {
      setFormat(agg, def.format);
      const [minimum, maximum] = ranges[def.format];
      narrowMin(agg, "minimum", minimum);
      narrowMax(agg, "maximum", maximum);
    };
    contributors = {
      greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
      less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
      multiple_of: (agg, def) => addDivisor(agg, def.value),
      number_format: formatContributor(NUMBER_FORMAT_RANGES),
      bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
      min_length: minContributor,
      max_length: maxContributor,
      length_equals: (agg, def) => narrowBoth(agg, def.length),
      min_size: minContributor,
      max_size: maxContributor,
      size_equals: (agg, def) => narrowBoth(agg, def.size),
      string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
          addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
          agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
          agg.laxFormat = true;
      },
      mime_type: (agg, def) => intersectMime(agg, def.mime)
    };
    formatMap = {
      guid: "uuid",
      url: "uri",
      datetime: "date-time",
      json_string: "json-string",
      regex: ""
      // do not set
    };
    exactPatterns = /* @__PURE__ */ new Map([
      [base64Charset, base64],
      [base64urlCharset, base64url]
    ]);
    exactPattern = (p) => exactPatterns.get(p) ?? p;
    stringProcessor = (schema, ctx, _json, _params) => {
      const json = _json;
      json.type = "string";
      const { minimum, maximum, format: format2, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
      if (typeof minimum === "number")
        json.minLength = minimum;
      if (typeof maximum === "number")
        json.maxLength = maximum;
      if (format2) {
        json.format = formatMap[format2] ?? format2;
        if (json.format === "")
          delete json.format;
        if (format2 === "time" || laxFormat) {
          delete json.format;
        }
      }
      if (contentEncoding)
        json.contentEncoding = contentEncoding;
      if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
          json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
          json.allOf = [
            ...patternList.map((regex) => ({
              ...ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0" ? { type: "string" } : {},
              pattern: regex.source
            }))
          ];
        }
      }
    };
    numberProcessor = (schema, ctx, _json, params) => {
      const json = _json;
      const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
      json.type = isInt ? "integer" : "number";
      const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
      const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
      const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
      if (exMin) {
        if (legacy) {
          json.minimum = exclusiveMinimum;
          json.exclusiveMinimum = true;
        } else {
          json.exclusiveMinimum = exclusiveMinimum;
        }
      } else if (typeof minimum === "number") {
        json.minimum = minimum;
      }
      if (exMax) {
        if (legacy) {
          json.maximum = exclusiveMaximum;
          json.exclusiveMaximum = true;
        } else {
          json.exclusiveMaximum = exclusiveMaximum;
        }
      } else if (typeof maximum === "number") {
        json.maximum = maximum;
      }
      if (multipleOf) {
        const divisors = /* @__PURE__ */ new Set();
        for (const divisor of multipleOf) {
          if (Number.isFinite(divisor) && divisor !== 0)
            divisors.add(Math.abs(divisor));
          else
            handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        const [first, ...rest] = divisors;
        if (first !== void 0)
          json.multipleOf = first;
        if (rest.length)
          json.allOf = [...json.allOf ?? [], ...rest.map((m) => ({ multipleOf: m }))];
      }
    };
    booleanProcessor = (_schema, _ctx, json, _params) => {
      json.type = "boolean";
    };
    neverProcessor = (_schema, _ctx, json, _params) => {
      json.not = {};
    };
    unknownProcessor = (_schema, _ctx, _json, _params) => {
    };
    enumProcessor = (schema, _ctx, json, _params) => {
      const def = schema._zod.def;
      const values = getEnumValues(def.entries);
      if (values.length === 0) {
        json.not = {};
        return;
      }
      if (values.every((v) => typeof v === "number"))
        json.type = "number";
      if (values.every((v) => typeof v === "string"))
        json.type = "string";
      json.enum = values;
    };
    literalProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      if (def.values.length === 0) {
        json.not = {};
        return;
      }
      const vals = [];
      for (const val of def.values) {
        if (val === void 0) {
          if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
            return;
        } else if (typeof val === "bigint") {
          if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema"))
            return;
          vals.push(Number(val));
        } else {
          vals.push(val);
        }
      }
      if (vals.length === 0) {
      } else if (vals.length === 1) {
        const val = vals[0];
        json.type = val === null ? "null" : typeof val;
        if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
          json.enum = [val];
        } else {
          json.const = val;
        }
      } else {
        if (vals.every((v) => typeof v === "number"))
          json.type = "number";
        if (vals.every((v) => typeof v === "string"))
          json.type = "string";
        if (vals.every((v) => typeof v === "boolean"))
          json.type = "boolean";
        if (vals.every((v) => v === null))
          json.type = "null";
        json.enum = vals;
      }
    };
    customProcessor = (schema, ctx, json, params) => {
      handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
    };
    transformProcessor = (schema, ctx, json, params) => {
      handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
    };
    arrayProcessor = (schema, ctx, _json, params) => {
      const json = _json;
      const def = schema._zod.def;
      const { minimum, maximum } = aggregateChecks(schema);
      if (typeof minimum === "number")
        json.minItems = minimum;
      if (typeof maximum === "number")
        json.maxItems = maximum;
      json.type = "array";
      json.items = processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"]
      });
    };
    objectProcessor = (schema, ctx, _json, params) => {
      const json = _json;
      const def = schema._zod.def;
      const shape = def.shape;
      const symbolKeys = Object.getOwnPropertySymbols(shape);
      if (symbolKeys.length && handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
      }
      json.type = "object";
      json.properties = {};
      for (const key in shape) {
        assignProp(json.properties, key, processSchema(shape[key], ctx, {
          ...params,
          path: [...params.path, "properties", key]
        }));
      }
      const requiredKeys = [];
      for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === void 0 : field._zod.optout === void 0) {
          requiredKeys.push(key);
        }
      }
      if (requiredKeys.length > 0) {
        json.required = requiredKeys;
      }
      if (def.catchall?._zod.def.type === "never") {
        json.additionalProperties = false;
      } else if (!def.catchall) {
        if (ctx.io === "output")
          json.additionalProperties = false;
      } else if (def.catchall) {
        json.additionalProperties = processSchema(def.catchall, ctx, {
          ...params,
          path: [...params.path, "additionalProperties"]
        });
      }
    };
    unionProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      const isExclusive = def.inclusive === false;
      const options = def.options.map((x, i) => processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i]
      }));
      if (isExclusive) {
        json.oneOf = options;
      } else {
        json.anyOf = options;
      }
    };
    intersectionProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      const a = processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0]
      });
      const b = processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1]
      });
      const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
      const allOf = [
        ...isSimpleIntersection(a) ? a.allOf : [a],
        ...isSimpleIntersection(b) ? b.allOf : [b]
      ];
      json.allOf = allOf;
      ctx.intersections.push(allOf);
    };
    pendingRecords = /* @__PURE__ */ new WeakMap();
    recordProcessor = (schema, ctx, _json, params) => {
      const json = _json;
      const def = schema._zod.def;
      json.type = "object";
      const keyType = def.keyType;
      const patterns = aggregateChecks(keyType).patterns;
      if (def.mode === "loose" && patterns && patterns.size > 0) {
        const valueSchema = processSchema(def.valueType, ctx, {
          ...params,
          path: [...params.path, "patternProperties", "*"]
        });
        json.patternProperties = {};
        for (const pattern of patterns) {
          assignProp(json.patternProperties, exactPattern(pattern).source, valueSchema);
        }
      } else {
        if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
          json.propertyNames = processSchema(def.keyType, ctx, {
            ...params,
            path: [...params.path, "propertyNames"]
          });
          let pending = pendingRecords.get(ctx);
          if (!pending) {
            pending = [];
            pendingRecords.set(ctx, pending);
            ctx.deferred.push(() => rewriteKeyNames(ctx));
          }
          pending.push(schema);
        }
        json.additionalProperties = processSchema(def.valueType, ctx, {
          ...params,
          path: [...params.path, "additionalProperties"]
        });
      }
      const keyValues = keyType._zod.values;
      const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== void 0;
      if (keyValues && !def.partial && !omittableOnInput) {
        const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
        if (validKeyValues.length > 0) {
          json.required = validKeyValues.map(String);
        }
      }
    };
    nullableProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      const inner = processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
      } else {
        json.anyOf = [inner, { type: "null" }];
      }
    };
    nonoptionalProcessor = (schema, ctx, _json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
    };
    UNREPRESENTABLE_DEFAULT = /* @__PURE__ */ Symbol();
    defaultProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
      const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
      if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
    };
    prefaultProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
      if (ctx.io !== "input")
        return;
      const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
      if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
    };
    catchProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
      let catchValue;
      try {
        catchValue = def.catchValue(void 0);
      } catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
      }
      json.default = catchValue;
    };
    pipeProcessor = (schema, ctx, _json, params) => {
      const def = schema._zod.def;
      const inIsTransform = def.in._zod.traits.has("$ZodTransform");
      const innerType = ctx.io === "input" ? inIsTransform ? def.out : def.in : def.out;
      processSchema(innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = innerType;
    };
    readonlyProcessor = (schema, ctx, json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
      json.readOnly = true;
    };
    optionalProcessor = (schema, ctx, _json, params) => {
      const def = schema._zod.def;
      processSchema(def.innerType, ctx, params);
      const seen = ctx.seen.get(schema);
      seen.ref = def.innerType;
    };
  }
});

// node_modules/zod/v4/core/json-schema.js
var init_json_schema = __esm({
  "node_modules/zod/v4/core/json-schema.js"() {
  }
});

// node_modules/zod/v4/core/index.js
var init_core2 = __esm({
  "node_modules/zod/v4/core/index.js"() {
    init_core();
    init_parse();
    init_errors();
    init_schemas();
    init_memoizer();
    init_checks();
    init_versions();
    init_util();
    init_regexes();
    init_locales();
    init_registries();
    init_doc();
    init_compile();
    init_api();
    init_to_json_schema();
    init_json_schema();
  }
});

// node_modules/zod/v4/classic/checks.js
var init_checks2 = __esm({
  "node_modules/zod/v4/classic/checks.js"() {
    init_core2();
  }
});

// node_modules/zod/v4/classic/errors.js
function _lazyMethod(proto, key, make) {
  Object.defineProperty(proto, key, {
    configurable: true,
    enumerable: false,
    get() {
      const value = make(this);
      Object.defineProperty(this, key, { value, configurable: true, writable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(this, key, { value, configurable: true, writable: true });
    }
  });
}
var _installedErrorProtos, initializer2, ZodRealError;
var init_errors2 = __esm({
  "node_modules/zod/v4/classic/errors.js"() {
    init_core2();
    init_core2();
    init_util();
    _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
    initializer2 = (inst, issues) => {
      $ZodError.init(inst, issues);
      inst.name = "ZodError";
      const proto = Object.getPrototypeOf(inst);
      if (_installedErrorProtos.has(proto))
        return;
      _installedErrorProtos.add(proto);
      _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
      _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
      _lazyMethod(proto, "addIssue", (self) => (issue2) => {
        self.issues.push(issue2);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
      });
      _lazyMethod(proto, "addIssues", (self) => (issues2) => {
        self.issues.push(...issues2);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
      });
      Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
          return this.issues.length === 0;
        }
      });
    };
    ZodRealError = /* @__PURE__ */ $constructor("ZodError", initializer2, void 0, {
      Parent: Error
    });
  }
});

// node_modules/zod/v4/classic/parse.js
var parse2, parseAsync2, safeParse2, safeParseAsync2, encode, decode, encodeAsync, decodeAsync, safeEncode, safeDecode, safeEncodeAsync, safeDecodeAsync;
var init_parse2 = __esm({
  "node_modules/zod/v4/classic/parse.js"() {
    init_core2();
    init_errors2();
    init_core2();
    parse2 = /* @__PURE__ */ _parse(ZodRealError);
    parseAsync2 = /* @__PURE__ */ _parseAsync(ZodRealError);
    safeParse2 = /* @__PURE__ */ _safeParse(ZodRealError);
    safeParseAsync2 = /* @__PURE__ */ _safeParseAsync(ZodRealError);
    encode = /* @__PURE__ */ _encode(ZodRealError);
    decode = /* @__PURE__ */ _decode(ZodRealError);
    encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
    decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
    safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
    safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
    safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
    safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);
  }
});

// node_modules/zod/v4/classic/schemas.js
function _ensureDefaultLocale() {
  if (!globalConfig.localeError)
    config(en_default());
}
function _ensureDefaultMemoizer() {
  if (!globalConfig.memoizer)
    config({ memoizer: memoizer() });
}
function string2(params) {
  return _string(ZodString, params);
}
function number2(params) {
  return _number(ZodNumber, params);
}
function int(params) {
  return _int(ZodNumberFormat, params);
}
function boolean2(params) {
  return _boolean(ZodBoolean, params);
}
function unknown() {
  return _unknown(ZodUnknown);
}
function never(params) {
  return _never(ZodNever, params);
}
function array(element, params) {
  return _array(ZodArray, element, params);
}
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...util_exports.normalizeParams(params)
  };
  return new ZodObject(def);
}
function looseObject(shape, params) {
  return new ZodObject({
    type: "object",
    shape,
    catchall: unknown(),
    ...util_exports.normalizeParams(params)
  });
}
function union(options, params) {
  return new ZodUnion({
    type: "union",
    options,
    ...util_exports.normalizeParams(params)
  });
}
function discriminatedUnion(discriminator, options, params) {
  return new ZodDiscriminatedUnion({
    type: "union",
    options,
    discriminator,
    ...util_exports.normalizeParams(params)
  });
}
function intersection(left, right) {
  return new ZodIntersection({
    type: "intersection",
    left,
    right
  });
}
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodRecord({
      type: "record",
      keyType: string2(),
      valueType: keyType,
      ...util_exports.normalizeParams(valueType)
    });
  }
  return new ZodRecord({
    type: "record",
    keyType,
    valueType,
    ...util_exports.normalizeParams(params)
  });
}
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodEnum({
    type: "enum",
    entries,
    ...util_exports.normalizeParams(params)
  });
}
function literal(value, params) {
  return new ZodLiteral({
    type: "literal",
    values: Array.isArray(value) ? value : [value],
    ...util_exports.normalizeParams(params)
  });
}
function transform(fn) {
  return new ZodTransform({
    type: "transform",
    transform: fn
  });
}
function optional(innerType) {
  return new ZodOptional({
    type: "optional",
    innerType
  });
}
function exactOptional(innerType) {
  return new ZodExactOptional({
    type: "optional",
    innerType
  });
}
function nullable(innerType) {
  return new ZodNullable({
    type: "nullable",
    innerType
  });
}
function _default(innerType, defaultValue) {
  return new ZodDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
    }
  });
}
function prefault(innerType, defaultValue) {
  return new ZodPrefault({
    type: "prefault",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
    }
  });
}
function nonoptional(innerType, params) {
  return new ZodNonOptional({
    type: "nonoptional",
    innerType,
    ...util_exports.normalizeParams(params)
  });
}
function _catch(innerType, catchValue) {
  return new ZodCatch({
    type: "catch",
    innerType,
    catchValue: typeof catchValue === "function" ? catchValue : util_exports.constantCatch(catchValue)
  });
}
function pipe(in_, out) {
  return new ZodPipe({
    type: "pipe",
    in: in_,
    out
    // ...util.normalizeParams(params),
  });
}
function readonly(innerType) {
  return new ZodReadonly({
    type: "readonly",
    innerType
  });
}
function refine(fn, _params = {}) {
  return _refine(ZodCustom, fn, _params);
}
function superRefine(fn, params) {
  return _superRefine(fn, params);
}
var ZodType, _ZodString, ZodString, ZodStringFormat, ZodISODateTime, ZodISODate, ZodISOTime, ZodISODuration, ZodEmail, ZodGUID, ZodUUID, ZodURL, ZodEmoji, ZodNanoID, ZodCUID, ZodCUID2, ZodULID, ZodXID, ZodKSUID, ZodIPv4, ZodIPv6, ZodCIDRv4, ZodCIDRv6, ZodBase64, ZodBase64URL, ZodE164, ZodJWT, ZodNumber, ZodNumberFormat, ZodBoolean, ZodUnknown, ZodNever, ZodArray, ZodObject, ZodUnion, ZodDiscriminatedUnion, ZodIntersection, ZodRecord, ZodEnum, ZodLiteral, ZodTransform, ZodOptional, ZodExactOptional, ZodNullable, ZodDefault, ZodPrefault, ZodNonOptional, ZodCatch, ZodPipe, ZodReadonly, ZodCustom;
var init_schemas2 = __esm({
  "node_modules/zod/v4/classic/schemas.js"() {
    init_core2();
    init_core2();
    init_json_schema_processors();
    init_to_json_schema();
    init_en();
    init_checks2();
    init_parse2();
    ZodType = /* @__PURE__ */ $constructor("ZodType", (inst, def) => {
      _ensureDefaultLocale();
      $ZodType.init(inst, def);
      inst.def = def;
      inst.type = def.type;
      return inst;
    }, {
      check(...chks) {
        const def = this.def;
        return this.clone(util_exports.mergeDefs(def, {
          checks: [
            ...def.checks ?? [],
            ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
          ]
        }), { parent: true });
      },
      with(...chks) {
        return this.check(...chks);
      },
      clone(def, params) {
        return clone(this, def, params);
      },
      brand() {
        return this;
      },
      register(reg, meta2) {
        reg.add(this, meta2);
        return this;
      },
      refine(check, params) {
        return this.check(refine(check, params));
      },
      superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
      },
      overwrite(fn) {
        return this.check(_overwrite(fn));
      },
      optional() {
        return optional(this);
      },
      exactOptional() {
        return exactOptional(this);
      },
      nullable() {
        return nullable(this);
      },
      nullish() {
        return optional(nullable(this));
      },
      nonoptional(params) {
        return nonoptional(this, params);
      },
      array() {
        return array(this);
      },
      or(arg) {
        return union([this, arg]);
      },
      and(arg) {
        return intersection(this, arg);
      },
      transform(tx) {
        return pipe(this, transform(tx));
      },
      default(d) {
        return _default(this, d);
      },
      prefault(d) {
        return prefault(this, d);
      },
      catch(params) {
        return _catch(this, params);
      },
      pipe(target) {
        return pipe(this, target);
      },
      readonly() {
        return readonly(this);
      },
      describe(description) {
        const cl = this.clone();
        globalRegistry.add(cl, { description });
        return cl;
      },
      meta(...args) {
        if (args.length === 0)
          return globalRegistry.get(this);
        const cl = this.clone();
        globalRegistry.add(cl, args[0]);
        return cl;
      },
      isOptional() {
        return this.safeParse(void 0).success;
      },
      isNullable() {
        return this.safeParse(null).success;
      },
      apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
      },
      // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
      get "~standard"() {
        return util_exports.hide(this, "~standard", {
          ...standardProps(this),
          jsonSchema: {
            input: createStandardJSONSchemaMethod(this, "input"),
            output: createStandardJSONSchemaMethod(this, "output")
          }
        });
      },
      set "~standard"(value) {
        util_exports.own(this, "~standard", value);
      },
      parse: function _parse2(data, params) {
        return parse2(this, data, params, { callee: _parse2 });
      },
      parseAsync: async function _parseAsync2(data, params) {
        return await parseAsync2(this, data, params, { callee: _parseAsync2 });
      },
      safeParse(data, params) {
        return safeParse2(this, data, params);
      },
      async safeParseAsync(data, params) {
        return safeParseAsync2(this, data, params);
      },
      // `spa` is an alias: same function object as `safeParseAsync`, as before.
      get spa() {
        return this?.safeParseAsync;
      },
      set spa(value) {
        util_exports.own(this, "spa", value);
      },
      validate(data, params) {
        return validate(this, data, params);
      },
      validateAsync(data, params) {
        return validateAsync(this, data, params);
      },
      encode: function _encode2(data, params) {
        return encode(this, data, params, { callee: _encode2 });
      },
      decode: function _decode2(data, params) {
        return decode(this, data, params, { callee: _decode2 });
      },
      encodeAsync: async function _encodeAsync2(data, params) {
        return await encodeAsync(this, data, params, { callee: _encodeAsync2 });
      },
      decodeAsync: async function _decodeAsync2(data, params) {
        return await decodeAsync(this, data, params, { callee: _decodeAsync2 });
      },
      safeEncode(data, params) {
        return safeEncode(this, data, params);
      },
      safeDecode(data, params) {
        return safeDecode(this, data, params);
      },
      async safeEncodeAsync(data, params) {
        return safeEncodeAsync(this, data, params);
      },
      async safeDecodeAsync(data, params) {
        return safeDecodeAsync(this, data, params);
      },
      toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
      },
      // Reads through to the registry on every access, so it must not cache.
      get description() {
        return globalRegistry.get(this)?.description;
      },
      // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
      get _def() {
        return this._zod.def;
      }
    });
    _ZodString = /* @__PURE__ */ $constructor(
      "_ZodString",
      (inst, def) => {
        $ZodString.init(inst, def);
        ZodType.init(inst, def);
        inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json, params);
      },
      /* @__PURE__ */ util_exports.derived({
        format: (inst) => aggregateChecks(inst).format ?? null,
        minLength: (inst) => aggregateChecks(inst).minimum ?? null,
        maxLength: (inst) => aggregateChecks(inst).maximum ?? null
      }, {
        regex(...args) {
          return this.check(_regex(...args));
        },
        includes(...args) {
          return this.check(_includes(...args));
        },
        startsWith(...args) {
          return this.check(_startsWith(...args));
        },
        endsWith(...args) {
          return this.check(_endsWith(...args));
        },
        min(...args) {
          return this.check(_minLength(...args));
        },
        max(...args) {
          return this.check(_maxLength(...args));
        },
        length(...args) {
          return this.check(_length(...args));
        },
        nonempty(...args) {
          return this.check(_minLength(1, ...args));
        },
        lowercase(params) {
          return this.check(_lowercase(params));
        },
        uppercase(params) {
          return this.check(_uppercase(params));
        },
        trim() {
          return this.check(_trim());
        },
        normalize(...args) {
          return this.check(_normalize(...args));
        },
        toLowerCase() {
          return this.check(_toLowerCase());
        },
        toUpperCase() {
          return this.check(_toUpperCase());
        },
        slugify() {
          return this.check(_slugify());
        }
      })
    );
    ZodString = /* @__PURE__ */ $constructor("ZodString", (inst, def) => {
      $ZodString.init(inst, def);
      _ZodString.init(inst, def);
    }, {
      email(params) {
        return this.check(_email(ZodEmail, params));
      },
      url(params) {
        return this.check(_url(ZodURL, params));
      },
      jwt(params) {
        return this.check(_jwt(ZodJWT, params));
      },
      emoji(params) {
        return this.check(_emoji2(ZodEmoji, params));
      },
      guid(params) {
        return this.check(_guid(ZodGUID, params));
      },
      uuid(params) {
        return this.check(_uuid(ZodUUID, params));
      },
      uuidv4(params) {
        return this.check(_uuidv4(ZodUUID, params));
      },
      uuidv6(params) {
        return this.check(_uuidv6(ZodUUID, params));
      },
      uuidv7(params) {
        return this.check(_uuidv7(ZodUUID, params));
      },
      nanoid(params) {
        return this.check(_nanoid(ZodNanoID, params));
      },
      cuid(params) {
        return this.check(_cuid(ZodCUID, params));
      },
      cuid2(params) {
        return this.check(_cuid2(ZodCUID2, params));
      },
      ulid(params) {
        return this.check(_ulid(ZodULID, params));
      },
      base64(params) {
        return this.check(_base64(ZodBase64, params));
      },
      base64url(params) {
        return this.check(_base64url(ZodBase64URL, params));
      },
      xid(params) {
        return this.check(_xid(ZodXID, params));
      },
      ksuid(params) {
        return this.check(_ksuid(ZodKSUID, params));
      },
      ipv4(params) {
        return this.check(_ipv4(ZodIPv4, params));
      },
      ipv6(params) {
        return this.check(_ipv6(ZodIPv6, params));
      },
      cidrv4(params) {
        return this.check(_cidrv4(ZodCIDRv4, params));
      },
      cidrv6(params) {
        return this.check(_cidrv6(ZodCIDRv6, params));
      },
      e164(params) {
        return this.check(_e164(ZodE164, params));
      },
      datetime(params) {
        return this.check(_isoDateTime(ZodISODateTime, params));
      },
      date(params) {
        return this.check(_isoDate(ZodISODate, params));
      },
      time(params) {
        return this.check(_isoTime(ZodISOTime, params));
      },
      duration(params) {
        return this.check(_isoDuration(ZodISODuration, params));
      }
    });
    ZodStringFormat = /* @__PURE__ */ $constructor("ZodStringFormat", (inst, def) => {
      $ZodStringFormat.init(inst, def);
      _ZodString.init(inst, def);
    });
    ZodISODateTime = /* @__PURE__ */ $constructor("ZodISODateTime", (inst, def) => {
      $ZodISODateTime.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodISODate = /* @__PURE__ */ $constructor("ZodISODate", (inst, def) => {
      $ZodISODate.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodISOTime = /* @__PURE__ */ $constructor("ZodISOTime", (inst, def) => {
      $ZodISOTime.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodISODuration = /* @__PURE__ */ $constructor("ZodISODuration", (inst, def) => {
      $ZodISODuration.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodEmail = /* @__PURE__ */ $constructor("ZodEmail", (inst, def) => {
      $ZodEmail.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodGUID = /* @__PURE__ */ $constructor("ZodGUID", (inst, def) => {
      $ZodGUID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodUUID = /* @__PURE__ */ $constructor("ZodUUID", (inst, def) => {
      $ZodUUID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodURL = /* @__PURE__ */ $constructor("ZodURL", (inst, def) => {
      $ZodURL.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodEmoji = /* @__PURE__ */ $constructor("ZodEmoji", (inst, def) => {
      $ZodEmoji.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodNanoID = /* @__PURE__ */ $constructor("ZodNanoID", (inst, def) => {
      $ZodNanoID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodCUID = /* @__PURE__ */ $constructor("ZodCUID", (inst, def) => {
      $ZodCUID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodCUID2 = /* @__PURE__ */ $constructor("ZodCUID2", (inst, def) => {
      $ZodCUID2.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodULID = /* @__PURE__ */ $constructor("ZodULID", (inst, def) => {
      $ZodULID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodXID = /* @__PURE__ */ $constructor("ZodXID", (inst, def) => {
      $ZodXID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodKSUID = /* @__PURE__ */ $constructor("ZodKSUID", (inst, def) => {
      $ZodKSUID.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodIPv4 = /* @__PURE__ */ $constructor("ZodIPv4", (inst, def) => {
      $ZodIPv4.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodIPv6 = /* @__PURE__ */ $constructor("ZodIPv6", (inst, def) => {
      $ZodIPv6.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodCIDRv4 = /* @__PURE__ */ $constructor("ZodCIDRv4", (inst, def) => {
      $ZodCIDRv4.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodCIDRv6 = /* @__PURE__ */ $constructor("ZodCIDRv6", (inst, def) => {
      $ZodCIDRv6.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodBase64 = /* @__PURE__ */ $constructor("ZodBase64", (inst, def) => {
      $ZodBase64.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodBase64URL = /* @__PURE__ */ $constructor("ZodBase64URL", (inst, def) => {
      $ZodBase64URL.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodE164 = /* @__PURE__ */ $constructor("ZodE164", (inst, def) => {
      $ZodE164.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodJWT = /* @__PURE__ */ $constructor("ZodJWT", (inst, def) => {
      $ZodJWT.init(inst, def);
      ZodStringFormat.init(inst, def);
    });
    ZodNumber = /* @__PURE__ */ $constructor(
      "ZodNumber",
      (inst, def) => {
        $ZodNumber.init(inst, def);
        ZodType.init(inst, def);
        inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
        inst.isFinite = true;
      },
      /* @__PURE__ */ util_exports.derived({
        minValue: (inst) => {
          const { minimum, exclusiveMinimum } = aggregateChecks(inst);
          return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
        },
        maxValue: (inst) => {
          const { maximum, exclusiveMaximum } = aggregateChecks(inst);
          return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
        },
        isInt: (inst) => {
          const { isInt, multipleOf } = aggregateChecks(inst);
          return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
        },
        format: (inst) => aggregateChecks(inst).format ?? null
      }, {
        gt(value, params) {
          return this.check(_gt(value, params));
        },
        gte(value, params) {
          return this.check(_gte(value, params));
        },
        min(value, params) {
          return this.check(_gte(value, params));
        },
        lt(value, params) {
          return this.check(_lt(value, params));
        },
        lte(value, params) {
          return this.check(_lte(value, params));
        },
        max(value, params) {
          return this.check(_lte(value, params));
        },
        int(params) {
          return this.check(int(params));
        },
        safe(params) {
          return this.check(int(params));
        },
        positive(params) {
          return this.check(_gt(0, params));
        },
        nonnegative(params) {
          return this.check(_gte(0, params));
        },
        negative(params) {
          return this.check(_lt(0, params));
        },
        nonpositive(params) {
          return this.check(_lte(0, params));
        },
        multipleOf(value, params) {
          return this.check(_multipleOf(value, params));
        },
        step(value, params) {
          return this.check(_multipleOf(value, params));
        },
        finite() {
          return this;
        }
      })
    );
    ZodNumberFormat = /* @__PURE__ */ $constructor("ZodNumberFormat", (inst, def) => {
      $ZodNumberFormat.init(inst, def);
      ZodNumber.init(inst, def);
    });
    ZodBoolean = /* @__PURE__ */ $constructor("ZodBoolean", (inst, def) => {
      $ZodBoolean.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json, params);
    });
    ZodUnknown = /* @__PURE__ */ $constructor("ZodUnknown", (inst, def) => {
      $ZodUnknown.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor(inst, ctx, json, params);
    });
    ZodNever = /* @__PURE__ */ $constructor("ZodNever", (inst, def) => {
      $ZodNever.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json, params);
    });
    ZodArray = /* @__PURE__ */ $constructor("ZodArray", (inst, def) => {
      _ensureDefaultMemoizer();
      $ZodArray.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
      inst.element = def.element;
    }, {
      min(n, params) {
        return this.check(_minLength(n, params));
      },
      nonempty(params) {
        return this.check(_minLength(1, params));
      },
      max(n, params) {
        return this.check(_maxLength(n, params));
      },
      length(n, params) {
        return this.check(_length(n, params));
      },
      unwrap() {
        return this.element;
      }
    });
    ZodObject = /* @__PURE__ */ $constructor("ZodObject", (inst, def) => {
      _ensureDefaultMemoizer();
      $ZodObjectJIT.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
      util_exports.installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
    }, {
      keyof() {
        return _enum(Object.keys(this._zod.def.shape));
      },
      catchall(catchall) {
        return this.clone(util_exports.mergeDefs(this._zod.def, { catchall }));
      },
      passthrough() {
        return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
      },
      loose() {
        return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
      },
      strict() {
        return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: never() }));
      },
      strip() {
        return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: void 0 }));
      },
      extend(incoming) {
        return util_exports.extend(this, incoming);
      },
      safeExtend(incoming) {
        return util_exports.safeExtend(this, incoming);
      },
      merge(other) {
        return util_exports.merge(this, other);
      },
      pick(mask) {
        return util_exports.pick(this, mask);
      },
      omit(mask) {
        return util_exports.omit(this, mask);
      },
      partial(...args) {
        return util_exports.partial(ZodOptional, this, args[0]);
      },
      exactPartial(...args) {
        return util_exports.partial(ZodExactOptional, this, args[0], "exactPartial");
      },
      required(...args) {
        return util_exports.required(ZodNonOptional, this, args[0]);
      }
    });
    ZodUnion = /* @__PURE__ */ $constructor("ZodUnion", (inst, def) => {
      $ZodUnion.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
      inst.options = def.options;
    });
    ZodDiscriminatedUnion = /* @__PURE__ */ $constructor("ZodDiscriminatedUnion", (inst, def) => {
      ZodUnion.init(inst, def);
      $ZodDiscriminatedUnion.init(inst, def);
    });
    ZodIntersection = /* @__PURE__ */ $constructor("ZodIntersection", (inst, def) => {
      $ZodIntersection.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
    });
    ZodRecord = /* @__PURE__ */ $constructor("ZodRecord", (inst, def) => {
      _ensureDefaultMemoizer();
      $ZodRecord.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => recordProcessor(inst, ctx, json, params);
      inst.keyType = def.keyType;
      inst.valueType = def.valueType;
    });
    ZodEnum = /* @__PURE__ */ $constructor("ZodEnum", (inst, def) => {
      $ZodEnum.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json, params);
      inst.enum = def.entries;
      inst.options = [...inst._zod.values];
      const keys = new Set(Object.keys(def.entries));
      inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
          if (keys.has(value)) {
            newEntries[value] = def.entries[value];
          } else
            throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
          ...def,
          checks: [],
          ...util_exports.normalizeParams(params),
          entries: newEntries
        });
      };
      inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
          if (keys.has(value)) {
            delete newEntries[value];
          } else
            throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
          ...def,
          checks: [],
          ...util_exports.normalizeParams(params),
          entries: newEntries
        });
      };
    });
    ZodLiteral = /* @__PURE__ */ $constructor("ZodLiteral", (inst, def) => {
      $ZodLiteral.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => literalProcessor(inst, ctx, json, params);
      inst.values = new Set(def.values);
      Object.defineProperty(inst, "value", {
        get() {
          if (def.values.length > 1) {
            throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
          }
          return def.values[0];
        }
      });
    });
    ZodTransform = /* @__PURE__ */ $constructor("ZodTransform", (inst, def) => {
      _ensureDefaultMemoizer();
      $ZodTransform.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
      inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
          throw new $ZodEncodeError(inst.constructor.name);
        }
        payload.addIssue = (issue2) => {
          if (typeof issue2 === "string") {
            payload.issues.push(util_exports.issue(issue2, payload.value, def));
          } else {
            const _issue = issue2;
            if (_issue.fatal)
              _issue.continue = false;
            _issue.code ?? (_issue.code = "custom");
            if (!("input" in _issue))
              _issue.input = payload.value;
            _issue.inst ?? (_issue.inst = inst);
            payload.issues.push(util_exports.issue(_issue));
          }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
          return output.then((output2) => {
            payload.value = output2;
            return payload;
          });
        }
        payload.value = output;
        return payload;
      };
    });
    ZodOptional = /* @__PURE__ */ $constructor("ZodOptional", (inst, def) => {
      $ZodOptional.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodExactOptional = /* @__PURE__ */ $constructor("ZodExactOptional", (inst, def) => {
      $ZodExactOptional.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodNullable = /* @__PURE__ */ $constructor("ZodNullable", (inst, def) => {
      $ZodNullable.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodDefault = /* @__PURE__ */ $constructor("ZodDefault", (inst, def) => {
      $ZodDefault.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
      inst.removeDefault = inst.unwrap;
    });
    ZodPrefault = /* @__PURE__ */ $constructor("ZodPrefault", (inst, def) => {
      $ZodPrefault.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodNonOptional = /* @__PURE__ */ $constructor("ZodNonOptional", (inst, def) => {
      $ZodNonOptional.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodCatch = /* @__PURE__ */ $constructor("ZodCatch", (inst, def) => {
      $ZodCatch.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
      inst.removeCatch = inst.unwrap;
    });
    ZodPipe = /* @__PURE__ */ $constructor("ZodPipe", (inst, def) => {
      $ZodPipe.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
      inst.in = def.in;
      inst.out = def.out;
    });
    ZodReadonly = /* @__PURE__ */ $constructor("ZodReadonly", (inst, def) => {
      $ZodReadonly.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
      inst.unwrap = () => inst._zod.def.innerType;
    });
    ZodCustom = /* @__PURE__ */ $constructor("ZodCustom", (inst, def) => {
      $ZodCustom.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
    });
  }
});

// node_modules/zod/v4/classic/compat.js
var ZodFirstPartyTypeKind;
var init_compat = __esm({
  "node_modules/zod/v4/classic/compat.js"() {
    /* @__PURE__ */ (function(ZodFirstPartyTypeKind2) {
    })(ZodFirstPartyTypeKind || (ZodFirstPartyTypeKind = {}));
  }
});

// node_modules/zod/v4/classic/iso.js
var init_iso = __esm({
  "node_modules/zod/v4/classic/iso.js"() {
  }
});

// node_modules/zod/v4/classic/coerce.js
var init_coerce = __esm({
  "node_modules/zod/v4/classic/coerce.js"() {
  }
});

// node_modules/zod/v4/classic/external.js
var init_external = __esm({
  "node_modules/zod/v4/classic/external.js"() {
    init_core2();
    init_schemas2();
    init_checks2();
    init_errors2();
    init_parse2();
    init_compat();
    init_locales();
    init_iso();
    init_coerce();
  }
});

// node_modules/zod/index.js
var init_zod = __esm({
  "node_modules/zod/index.js"() {
    init_external();
  }
});

// src/layout/config-root.ts
import path from "node:path";
function resolveConfigRoot(env, homedir) {
  const configured = env.CLAUDE_CONFIG_DIR;
  if (configured !== void 0 && configured !== "") return configured;
  return path.join(homedir, ".claude");
}
function projectsRoot(configRoot) {
  return path.join(configRoot, "projects");
}
var init_config_root = __esm({
  "src/layout/config-root.ts"() {
    "use strict";
  }
});

// src/system/directory-names.ts
import fs from "node:fs";
function directoryNames(dir) {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
var init_directory_names = __esm({
  "src/system/directory-names.ts"() {
    "use strict";
  }
});

// src/system/file-times.ts
import fs2 from "node:fs";
function timesOf(stat) {
  return { atimeNs: stat.atimeNs, mtimeNs: stat.mtimeNs };
}
function millisecondsFrom(seconds2, nanoseconds) {
  return seconds2 * 1e3 + nanoseconds / 1e6;
}
function millisecondsOf(ns) {
  let seconds2 = ns / NS_PER_SECOND;
  let nanoseconds = ns % NS_PER_SECOND;
  if (nanoseconds < 0n) {
    seconds2 -= 1n;
    nanoseconds += NS_PER_SECOND;
  }
  return millisecondsFrom(Number(seconds2), Number(nanoseconds));
}
function setExactTimes(file, times) {
  fs2.utimesSync(file, seconds(times.atimeNs), seconds(times.mtimeNs));
  if (matches(file, times)) return true;
  try {
    for (const [flag, ns] of [
      ["-a", times.atimeNs],
      ["-m", times.mtimeNs]
    ]) {
      childProcess().execFileSync("touch", ["-c", "-h", flag, "-d", `@${decimalSeconds(ns)}`, "--", file], {
        stdio: "ignore"
      });
    }
  } catch {
  }
  return matches(file, times);
}
function childProcess() {
  return process.getBuiltinModule("node:child_process");
}
function matches(file, times) {
  const stat = fs2.lstatSync(file, { bigint: true });
  return stat.mtimeNs === times.mtimeNs && stat.atimeNs === times.atimeNs;
}
function seconds(ns) {
  return Number(ns / 1000000000n) + Number(ns % 1000000000n) / 1e9;
}
function decimalSeconds(ns) {
  const sign = ns < 0n ? "-" : "";
  const abs = ns < 0n ? -ns : ns;
  return `${sign}${abs / 1000000000n}.${(abs % 1000000000n).toString().padStart(9, "0")}`;
}
var NS_PER_SECOND;
var init_file_times = __esm({
  "src/system/file-times.ts"() {
    "use strict";
    NS_PER_SECOND = 1000000000n;
  }
});

// src/text/error-text.ts
function errorText(error2) {
  if (!(error2 instanceof Error)) return String(error2);
  const { code } = error2;
  if (typeof code !== "string" || code === "" || error2.message.startsWith(`${code}:`)) return error2.message;
  return `${code}: ${error2.message}`;
}
var init_error_text = __esm({
  "src/text/error-text.ts"() {
    "use strict";
  }
});

// src/layout/session-file.ts
import fs3 from "node:fs";
import path2 from "node:path";
function isSessionId(value) {
  return SESSION_ID.test(value);
}
function sessionIdOfFileName(name) {
  if (!name.endsWith(".jsonl")) return null;
  const stem = name.slice(0, -".jsonl".length);
  return isSessionId(stem) ? stem : null;
}
function sessionFileFrom(sessionId, filePath, stat) {
  const mtimeMs = typeof stat.mtimeMs === "number" ? stat.mtimeMs : millisecondsOf(stat.mtimeNs);
  return { sessionId, path: filePath, mtime: Math.round(mtimeMs), size: Number(stat.size) };
}
function isFutureMtime(mtimeMs, nowMs) {
  return mtimeMs > nowMs + FUTURE_SLACK_MS;
}
function listSessionFiles(projectDir) {
  const sessions = /* @__PURE__ */ new Map();
  const unreadable = [];
  for (const name of fs3.readdirSync(projectDir)) {
    const sessionId = sessionIdOfFileName(name);
    if (sessionId === null) continue;
    const filePath = `${projectDir}${path2.sep}${name}`;
    let stat;
    try {
      stat = fs3.lstatSync(filePath);
    } catch (error2) {
      unreadable.push({ path: filePath, reason: errorText(error2) });
      continue;
    }
    addToListing({ sessions, unreadable }, sessionId, filePath, stat);
  }
  return { sessions, unreadable };
}
function addToListing(listing, sessionId, filePath, stat) {
  if (stat.isSymbolicLink()) listing.unreadable.push({ path: filePath, reason: LINKED_SESSION_REASON });
  else if (stat.isFile()) listing.sessions.set(sessionId, sessionFileFrom(sessionId, filePath, stat));
}
function sessionFilePath(projectDir, sessionId) {
  return path2.join(projectDir, `${sessionId}.jsonl`);
}
var SESSION_ID, FUTURE_SLACK_MS, LINKED_SESSION_REASON;
var init_session_file = __esm({
  "src/layout/session-file.ts"() {
    "use strict";
    init_directory_names();
    init_file_times();
    init_error_text();
    SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    FUTURE_SLACK_MS = 2e3;
    LINKED_SESSION_REASON = "a symbolic link: not followed (Claude Code does not list it either)";
  }
});

// src/system/real-path.ts
import fs4 from "node:fs";
import path3 from "node:path";
function realPathOrSelf(p) {
  try {
    return fs4.realpathSync(p);
  } catch {
    return path3.resolve(p);
  }
}
var init_real_path = __esm({
  "src/system/real-path.ts"() {
    "use strict";
  }
});

// src/system/process-exit.ts
import fs5 from "node:fs";
function isRunning(pid) {
  if (!isSignalable(pid)) return false;
  try {
    const stat = fs5.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return isSignalable(pid);
  }
}
function isSignalable(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error2) {
    return error2.code === "EPERM";
  }
}
function isGone(pid) {
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid);
}
var init_process_exit = __esm({
  "src/system/process-exit.ts"() {
    "use strict";
  }
});

// src/system/replace-file.ts
import fs6 from "node:fs";
import path5 from "node:path";
function temporaryNameFor(file, mark = TEMP_MARK, suffix = TEMP_SUFFIX) {
  const random = Math.floor(Math.random() * 4294967296).toString(16).padStart(8, "0");
  return `${file}${mark}${process.pid}-${random}${suffix}`;
}
function temporaryNameParts(name, mark = TEMP_MARK, suffix = TEMP_SUFFIX) {
  const at = name.lastIndexOf(mark);
  if (at <= 0 || !name.endsWith(suffix)) return null;
  const writer = WRITER.exec(name.slice(at + mark.length, name.length - suffix.length));
  return writer ? { baseName: name.slice(0, at), pid: Number(writer[1]) } : null;
}
function isTemporaryNameOf(name, baseName) {
  return temporaryNameParts(name)?.baseName === baseName;
}
function createTemporaryFile(temp) {
  return fs6.openSync(
    temp,
    fs6.constants.O_WRONLY | fs6.constants.O_CREAT | fs6.constants.O_EXCL | fs6.constants.O_NOFOLLOW,
    384
  );
}
function finishTemporaryFile(fd, done) {
  if (done.owner) fs6.fchownSync(fd, done.owner.uid, done.owner.gid);
  fs6.fchmodSync(fd, done.mode);
  if (done.fsync) fs6.fsyncSync(fd);
}
function isRoot() {
  return process.getuid?.() === 0;
}
function ownerForNewFile(dir) {
  if (!isRoot()) return null;
  try {
    const { uid, gid } = fs6.statSync(dir);
    return uid === 0 && gid === 0 ? null : { uid, gid };
  } catch {
    return null;
  }
}
function giveToDirectoryOwner(made) {
  const owner = ownerForNewFile(path5.dirname(made));
  if (owner === null) return;
  try {
    fs6.lchownSync(made, owner.uid, owner.gid);
  } catch {
  }
}
function makeDirectory(dir, mode) {
  const missing = [];
  for (let d = path5.resolve(dir); !fs6.existsSync(d); d = path5.dirname(d)) {
    missing.unshift(d);
    if (path5.dirname(d) === d) break;
  }
  fs6.mkdirSync(dir, { recursive: true, mode });
  for (const d of missing) giveToDirectoryOwner(d);
}
function replaceFile(file, content, options) {
  let existing = null;
  try {
    existing = fs6.lstatSync(file);
  } catch (error2) {
    if (error2.code !== "ENOENT") throw error2;
  }
  if (existing?.isSymbolicLink()) throw new SymbolicLinkError(file);
  if (existing && !existing.isFile())
    throw Object.assign(new Error(`${file} is not a regular file`), { code: "ENOTREG" });
  const uid = process.getuid?.();
  if (existing && uid !== void 0 && uid !== 0 && existing.uid !== uid)
    throw new ForeignOwnerError(file, existing.uid);
  const mode = existing ? existing.mode & 4095 : options.newFileMode;
  const owner = existing ? isRoot() ? { uid: existing.uid, gid: existing.gid } : null : ownerForNewFile(path5.dirname(file));
  const temp = temporaryNameFor(file);
  const fd = createTemporaryFile(temp);
  try {
    try {
      const bytes = typeof content === "string" ? Buffer.from(content) : content;
      for (let written = 0; written < bytes.length; ) written += fs6.writeSync(fd, bytes, written);
      finishTemporaryFile(fd, { owner, mode, fsync: options.fsync });
    } finally {
      fs6.closeSync(fd);
    }
    options.beforeRename?.();
    fs6.renameSync(temp, file);
  } catch (error2) {
    fs6.rmSync(temp, { force: true });
    throw error2;
  }
}
function removeOrphanedTemporaryFiles(file, isOrphan = () => true) {
  const base = path5.basename(file);
  const dir = path5.dirname(file);
  for (const name of directoryNames(dir)) {
    if (isTemporaryNameOf(name, base) && isOrphan(name)) fs6.rmSync(path5.join(dir, name), { force: true });
  }
}
function writerIsGone(name) {
  const parts = temporaryNameParts(name);
  return parts !== null && isGone(parts.pid);
}
var TEMP_MARK, TEMP_SUFFIX, WRITER, SymbolicLinkError, ForeignOwnerError;
var init_replace_file = __esm({
  "src/system/replace-file.ts"() {
    "use strict";
    init_directory_names();
    init_process_exit();
    TEMP_MARK = ".claude-reindex-";
    TEMP_SUFFIX = ".tmp";
    WRITER = /^(\d+)-[0-9a-f]{8}$/;
    SymbolicLinkError = class extends Error {
      constructor(file) {
        super(`${file} is a symbolic link; claude-reindex does not write through links`);
        this.file = file;
      }
      file;
      code = "ELOOP";
    };
    ForeignOwnerError = class extends Error {
      constructor(file, uid) {
        super(`${file} belongs to another user (uid ${uid}); replacing it would change its owner`);
        this.file = file;
        this.uid = uid;
      }
      file;
      uid;
      code = "EPERM";
    };
  }
});

// src/system/regular-file.ts
import fs8 from "node:fs";
function openRegularFile(file, options = {}) {
  const flags = READ_FLAGS | (options.followLinks ? 0 : fs8.constants.O_NOFOLLOW);
  let fd;
  try {
    fd = fs8.openSync(file, flags | NO_ATIME);
  } catch (error2) {
    if (error2.code !== "EPERM" || NO_ATIME === 0) throw error2;
    fd = fs8.openSync(file, flags);
  }
  try {
    const stat = fs8.fstatSync(fd);
    if (stat.isDirectory())
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: "EISDIR" });
    if (!stat.isFile()) throw new NotRegularFileError(file);
    return { fd, stat };
  } catch (error2) {
    fs8.closeSync(fd);
    throw error2;
  }
}
function readRegularFile(file, maxBytes = Number.POSITIVE_INFINITY, options = {}) {
  const { fd, stat } = openRegularFile(file, options);
  try {
    if (stat.size > maxBytes) throw new FileTooLargeError(file, stat.size, maxBytes);
    return { text: fs8.readFileSync(fd, "utf8"), stat };
  } finally {
    fs8.closeSync(fd);
  }
}
function readRegularFileOrNull(file, maxBytes) {
  try {
    return readRegularFile(file, maxBytes).text;
  } catch {
    return null;
  }
}
function describeFileError(error2) {
  const { code } = error2;
  if (code === "ELOOP") return "is a symbolic link (not followed)";
  if (code === "ENOTREG") return "is not a regular file (a FIFO, socket or device?)";
  return errorText(error2);
}
var READ_FLAGS, NO_ATIME, NotRegularFileError, FileTooLargeError;
var init_regular_file = __esm({
  "src/system/regular-file.ts"() {
    "use strict";
    init_error_text();
    READ_FLAGS = fs8.constants.O_RDONLY | fs8.constants.O_NONBLOCK;
    NO_ATIME = fs8.constants.O_NOATIME ?? 0;
    NotRegularFileError = class extends Error {
      constructor(file) {
        super(`${file} is not a regular file`);
        this.file = file;
      }
      file;
      code = "ENOTREG";
    };
    FileTooLargeError = class extends Error {
      constructor(file, size, limit) {
        super(`${file} is ${size} bytes, more than ${limit} bytes`);
        this.file = file;
        this.size = size;
        this.limit = limit;
      }
      file;
      size;
      limit;
      code = "EFBIG";
    };
  }
});

// src/layout/index-path.ts
import path8 from "node:path";
function indexPathOf(projectDir) {
  return path8.join(projectDir, INDEX_FILE_NAME);
}
var INDEX_FILE_NAME, MAX_INDEX_BYTES;
var init_index_path = __esm({
  "src/layout/index-path.ts"() {
    "use strict";
    INDEX_FILE_NAME = "sessions-index.json";
    MAX_INDEX_BYTES = 512 * 1024 * 1024;
  }
});

// src/layout/agent-files.ts
function isAgentFileName(name) {
  return name.startsWith("agent-") && name.endsWith(".jsonl");
}
var init_agent_files = __esm({
  "src/layout/agent-files.ts"() {
    "use strict";
    init_regular_file();
  }
});

// src/system/private-file.ts
import fs10 from "node:fs";
import path9 from "node:path";
function writePrivateFile(file, content) {
  makeDirectory(path9.dirname(file), 448);
  replaceFile(file, content, { newFileMode: 384, fsync: false });
}
function readPrivateFile(file) {
  return readPrivateBytes(file)?.toString("utf8") ?? null;
}
function readPrivateBytes(file) {
  try {
    const bytes = fs10.readFileSync(file, { flag: PRIVATE_READ_FLAGS });
    return bytes.length === 0 ? null : bytes;
  } catch {
    return null;
  }
}
var PRIVATE_READ_FLAGS;
var init_private_file = __esm({
  "src/system/private-file.ts"() {
    "use strict";
    init_replace_file();
    PRIVATE_READ_FLAGS = fs10.constants.O_RDONLY | fs10.constants.O_NOFOLLOW | fs10.constants.O_NONBLOCK;
  }
});

// src/system/linked-copy.ts
import fs12 from "node:fs";
import path11 from "node:path";
function placeFile(from, to, options = {}) {
  const source = options.source ?? fs12.lstatSync(from, { bigint: true });
  if (!source.isFile()) throw new Error(`${from} is not a regular file`);
  const existing = lstatOrNull(to);
  if (existing !== null) {
    if (isSameFile(source, existing)) return "same";
    if (!options.replace) return "conflict";
  }
  const temp = path11.join(path11.dirname(to), `${TEMP_MARK2}${process.pid}-${Math.random().toString(36).slice(2)}`);
  let outcome = "linked";
  try {
    try {
      fs12.linkSync(from, temp);
    } catch (error2) {
      if (!cannotLink(error2)) throw error2;
      options.beforeCopy?.();
      copyWithTimes(from, temp, source);
      outcome = "copied";
    }
    if (existing !== null) {
      fs12.renameSync(temp, to);
      return outcome;
    }
    try {
      fs12.linkSync(temp, to);
    } catch (error2) {
      if (error2.code !== "EEXIST") throw error2;
      const now = lstatOrNull(to);
      return now !== null && isSameFile(source, now) ? "same" : "conflict";
    }
    return outcome;
  } finally {
    fs12.rmSync(temp, { force: true });
  }
}
function isSameFile(a, b) {
  if (!b.isFile()) return false;
  if (a.ino === b.ino && a.dev === b.dev) return true;
  const skew = a.mtimeNs > b.mtimeNs ? a.mtimeNs - b.mtimeNs : b.mtimeNs - a.mtimeNs;
  return a.size === b.size && skew < 5000n;
}
function isPlacementLeftover(name) {
  return name.startsWith(TEMP_MARK2);
}
function copyWithTimes(from, temp, source) {
  fs12.copyFileSync(from, temp, fs12.constants.COPYFILE_EXCL);
  fs12.chmodSync(temp, Number(source.mode & 0o777n));
  setExactTimes(temp, timesOf(source));
}
function cannotLink(error2) {
  const code = error2.code;
  return code === "EXDEV" || code === "EPERM" || code === "ENOTSUP" || code === "EMLINK" || code === "EOPNOTSUPP";
}
function lstatOrNull(file) {
  try {
    return fs12.lstatSync(file, { bigint: true });
  } catch (error2) {
    if (error2.code === "ENOENT") return null;
    throw error2;
  }
}
var TEMP_MARK2;
var init_linked_copy = __esm({
  "src/system/linked-copy.ts"() {
    "use strict";
    init_file_times();
    TEMP_MARK2 = ".claude-reindex-place-";
  }
});

// src/system/place-guard.ts
import fs13 from "node:fs";
import path12 from "node:path";
function realPathOrNull(p) {
  try {
    return fs13.realpathSync(p);
  } catch {
    return null;
  }
}
function readLink(p) {
  try {
    return fs13.readlinkSync(p);
  } catch {
    return "?";
  }
}
var NOT_THROUGH_LINKS, PlaceChangedError, PlaceGuard;
var init_place_guard = __esm({
  "src/system/place-guard.ts"() {
    "use strict";
    NOT_THROUGH_LINKS = "claude-reindex does not write through links, so it was left as it is";
    PlaceChangedError = class extends Error {
      code = "ELOOP";
    };
    PlaceGuard = class {
      constructor(base) {
        this.base = base;
        this.baseReal = realPathOrNull(base);
      }
      base;
      /** The base's real path when the run began, or null when it did not exist yet. */
      baseReal;
      /**
       * Why writing at `target` (a directory below the base, or a file in one) is not safe, in one line; null
       * when every existing component from the base down to `target` is a real directory (or, for the last,
       * a file) and the base still resolves to where it did. Components that do not exist yet end the walk.
       */
      problemWith(target) {
        const relative = path12.relative(this.base, target);
        if (relative.startsWith("..") || path12.isAbsolute(relative)) return `${target} is not inside ${this.base}`;
        const now = realPathOrNull(this.base);
        if (this.baseReal !== null && now !== null && now !== this.baseReal)
          return `${this.base} changed while claude-reindex ran (it led to ${this.baseReal}, now to ${now}); nothing was written there`;
        let current = this.base;
        for (const part of relative.split(path12.sep).filter((p) => p !== "")) {
          current = path12.join(current, part);
          let stat;
          try {
            stat = fs13.lstatSync(current);
          } catch {
            return null;
          }
          if (stat.isSymbolicLink()) return `${current} is a symbolic link (to ${readLink(current)}); ${NOT_THROUGH_LINKS}`;
        }
        return null;
      }
      /** Throws PlaceChangedError (its message the one line) when `problemWith(target)` finds a problem. */
      check(target) {
        const problem = this.problemWith(target);
        if (problem !== null) throw new PlaceChangedError(problem);
      }
    };
  }
});

// src/system/remove-empty-dirs.ts
var init_remove_empty_dirs = __esm({
  "src/system/remove-empty-dirs.ts"() {
    "use strict";
  }
});

// src/layout/kept-store.ts
import fs14 from "node:fs";
import path13 from "node:path";
function keptRoot(configRoot) {
  return path13.join(configRoot, "claude-reindex", "kept");
}
function sessionFolderFiles(projectDir, sessionId) {
  return treeFiles(path13.join(projectDir, sessionId)).map((relative) => path13.join(sessionId, relative));
}
function keepFile(configRoot, projectDirName, relative, checkedDirs = /* @__PURE__ */ new Set(), place = {}) {
  const roots = storeRoots(configRoot);
  const from = `${roots.projects}${path13.sep}${projectDirName}${path13.sep}${relative}`;
  const keptProject = `${roots.kept}${path13.sep}${projectDirName}`;
  const to = `${keptProject}${path13.sep}${relative}`;
  const dir = relative.includes(path13.sep) ? path13.dirname(to) : keptProject;
  if (!checkedDirs.has(dir)) {
    if (!checkedDirs.has(roots.base)) fs14.mkdirSync(roots.base, { recursive: true, mode: 448 });
    makeDirsBelow(roots.base, dir, checkedDirs);
  }
  return placeFile(from, to, { ...place, replace: true });
}
function storeRoots(configRoot) {
  if (lastRoots?.configRoot !== configRoot) {
    const kept = keptRoot(configRoot);
    lastRoots = { configRoot, projects: projectsRoot(configRoot), kept, base: path13.dirname(kept) };
  }
  return lastRoots;
}
function treeFiles(dir) {
  const found = [];
  let dirents;
  try {
    dirents = fs14.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const d of dirents) {
    if (isPlacementLeftover(d.name)) continue;
    if (d.isFile()) found.push(d.name);
    else if (d.isDirectory()) for (const f of treeFiles(path13.join(dir, d.name))) found.push(path13.join(d.name, f));
  }
  return found.sort();
}
function makeDirsBelow(base, dir, checkedDirs) {
  const relative = path13.relative(base, dir);
  if (relative.startsWith("..") || path13.isAbsolute(relative)) throw new Error(`${dir} is not inside ${base}`);
  let current = base;
  for (const part of ["", ...relative.split(path13.sep).filter((p) => p !== "")]) {
    current = part === "" ? current : path13.join(current, part);
    if (checkedDirs?.has(current)) continue;
    let found = fs14.lstatSync(current, { throwIfNoEntry: false });
    if (found === void 0) {
      try {
        fs14.mkdirSync(current, { mode: 448 });
      } catch (error2) {
        if (error2.code !== "EEXIST") throw error2;
      }
      found = fs14.lstatSync(current);
    }
    if (!found.isDirectory()) throw new Error(`${current} is not a folder (a link is not followed)`);
    checkedDirs?.add(current);
  }
}
var lastRoots;
var init_kept_store = __esm({
  "src/layout/kept-store.ts"() {
    "use strict";
    init_directory_names();
    init_linked_copy();
    init_place_guard();
    init_remove_empty_dirs();
    init_agent_files();
    init_config_root();
    init_session_file();
    lastRoots = null;
  }
});

// src/text/user-error.ts
var init_user_error = __esm({
  "src/text/user-error.ts"() {
    "use strict";
  }
});

// src/layout/project-dir.ts
import fs15 from "node:fs";
function encodeProjectDirName(workingDir) {
  const encoded = workingDir.replace(/[^a-zA-Z0-9]/g, "-");
  if (encoded.length <= MAX_ENCODED_LENGTH) return encoded;
  return `${encoded.slice(0, MAX_ENCODED_LENGTH)}-${Math.abs(javaStringHash(workingDir)).toString(36)}`;
}
function javaStringHash(text) {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash << 5) - hash + text.charCodeAt(i) | 0;
  return hash;
}
function listProjectDirNames(configRoot) {
  let dirents;
  try {
    dirents = fs15.readdirSync(projectsRoot(configRoot), { withFileTypes: true });
  } catch (error2) {
    if (error2.code === "ENOENT") return [];
    throw error2;
  }
  return dirents.filter((d) => d.isDirectory() || d.isSymbolicLink()).map((d) => d.name).sort();
}
function hasLinkedProjectDir(configRoot) {
  try {
    return fs15.readdirSync(projectsRoot(configRoot), { withFileTypes: true }).some((d) => d.isSymbolicLink());
  } catch {
    return true;
  }
}
var MAX_ENCODED_LENGTH;
var init_project_dir = __esm({
  "src/layout/project-dir.ts"() {
    "use strict";
    init_real_path();
    init_user_error();
    init_config_root();
    MAX_ENCODED_LENGTH = 200;
  }
});

// src/system/json-text.ts
function stringifyJson(value, indent = 0) {
  try {
    return JSON.stringify(value, null, indent);
  } catch (error2) {
    if (!(error2 instanceof RangeError)) throw error2;
  }
  return stringifyIteratively(value, indent);
}
function stringifyIteratively(root, indentWidth) {
  const unit = " ".repeat(indentWidth);
  const pretty = indentWidth > 0;
  const out = [];
  const stack = [];
  const begin = (value, indent, inArray) => {
    if (value !== null && typeof value === "object") {
      if (Array.isArray(value)) {
        if (value.length === 0) out.push("[]");
        else {
          out.push("[");
          stack.push({ array: value, object: null, keys: [], next: 0, indent });
        }
        return;
      }
      const object2 = value;
      const keys = Object.keys(object2).filter((key) => isWritten(object2[key]));
      if (keys.length === 0) out.push("{}");
      else {
        out.push("{");
        stack.push({ array: null, object: object2, keys, next: 0, indent });
      }
      return;
    }
    out.push(isWritten(value) ? JSON.stringify(value) ?? "null" : inArray ? "null" : "");
  };
  begin(root, pretty ? "" : null, false);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const length = frame.array ? frame.array.length : frame.keys.length;
    const inner = frame.indent === null || stack.length >= PRETTY_DEPTH ? null : frame.indent + unit;
    if (frame.next === length) {
      stack.pop();
      out.push(frame.indent !== null && inner !== null ? `
${frame.indent}` : "", frame.array ? "]" : "}");
      continue;
    }
    const i = frame.next++;
    out.push(i > 0 ? "," : "", inner !== null ? `
${inner}` : "");
    if (frame.array) begin(frame.array[i], inner, true);
    else {
      const key = frame.keys[i];
      out.push(JSON.stringify(key), inner !== null ? ": " : ":");
      begin(frame.object[key], inner, false);
    }
  }
  return out.join("");
}
function isWritten(value) {
  return value !== void 0 && typeof value !== "function" && typeof value !== "symbol";
}
function nestingDepth(value, stopAt = Number.POSITIVE_INFINITY) {
  let deepest = 0;
  const pending = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop();
    if (current === null || typeof current !== "object") continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest >= stopAt) return deepest;
    for (const child of Object.values(current)) pending.push([child, here]);
  }
  return deepest;
}
var PRETTY_DEPTH;
var init_json_text = __esm({
  "src/system/json-text.ts"() {
    "use strict";
    PRETTY_DEPTH = 1e3;
  }
});

// src/transcript/tag-element.ts
function firstTagContent(text, tag) {
  if (!text.trim()) return null;
  const scanner = new TagScanner(text, tag);
  let scannedUpTo = 0;
  for (let element = scanner.nextElement(0); element !== null; element = scanner.nextElement(element.end)) {
    const depth = scanner.countOpenings(scannedUpTo, element.start) - scanner.countClosings(scannedUpTo, element.start);
    if (depth === 0 && element.contentEnd > element.contentStart)
      return text.slice(element.contentStart, element.contentEnd);
    scannedUpTo = element.end;
  }
  return null;
}
var NO_END, NOT_AN_OPENING, TagScanner;
var init_tag_element = __esm({
  "src/transcript/tag-element.ts"() {
    "use strict";
    NO_END = -1;
    NOT_AN_OPENING = -2;
    TagScanner = class {
      constructor(text, tag) {
        this.text = text;
        this.openingLiteral = new RegExp(`<${tag}`, "gi");
        this.closingLiteral = new RegExp(`</${tag}>`, "gi");
        this.nameEnd = 1 + tag.length;
        this.closingLength = 3 + tag.length;
      }
      text;
      openingLiteral;
      closingLiteral;
      nameEnd;
      closingLength;
      /** The leftmost element at or after `from`, as the element expression finds it. */
      nextElement(from) {
        for (let position = from; ; ) {
          const start = this.find(this.openingLiteral, position);
          if (start === -1) return null;
          const openingEnd = this.openingEnd(start, this.text.length);
          if (openingEnd === NO_END) return null;
          if (openingEnd === NOT_AN_OPENING) {
            position = start + 1;
            continue;
          }
          const closing = this.find(this.closingLiteral, openingEnd + 1);
          if (closing === -1) return null;
          return { start, contentStart: openingEnd + 1, contentEnd: closing, end: closing + this.closingLength };
        }
      }
      /** Openings the opening expression matches in text[from, to), one after another as `g` does. */
      countOpenings(from, to) {
        let count = 0;
        for (let position = from; ; ) {
          const start = this.find(this.openingLiteral, position);
          if (start === -1 || start + this.nameEnd > to) return count;
          const openingEnd = this.openingEnd(start, to);
          if (openingEnd === NO_END) return count;
          if (openingEnd === NOT_AN_OPENING) position = start + 1;
          else {
            count++;
            position = openingEnd + 1;
          }
        }
      }
      /** Closings in text[from, to). */
      countClosings(from, to) {
        let count = 0;
        for (let position = from; ; ) {
          const start = this.find(this.closingLiteral, position);
          if (start === -1 || start + this.closingLength > to) return count;
          count++;
          position = start + this.closingLength;
        }
      }
      /** Where the opening at `start` ends (its `>`), within text[…, limit). */
      openingEnd(start, limit) {
        const after = start + this.nameEnd;
        if (after >= limit) return NO_END;
        const next = this.text[after];
        if (next === ">") return after;
        if (!/\s/.test(next)) return NOT_AN_OPENING;
        const end = this.text.indexOf(">", after + 1);
        return end === -1 || end >= limit ? NO_END : end;
      }
      find(literal2, from) {
        literal2.lastIndex = from;
        return literal2.exec(this.text)?.index ?? -1;
      }
    };
  }
});

// src/transcript/prompt-text.ts
function messageText(content) {
  for (const block of content) {
    if (block === null || block === void 0) return FAILS;
    if (block.type === "text") return block.text || "";
  }
  return "";
}
function formatPrompt(text) {
  let prompt = text.replace(/\n/g, " ").trim();
  if (prompt.length > MAX_PROMPT_LENGTH) prompt = `${prompt.slice(0, MAX_PROMPT_LENGTH).trim()}\u2026`;
  return prompt;
}
function promptOutcome(record2) {
  if (record2.type !== "user" || record2.isMeta) return SKIP;
  if ("isCompactSummary" in record2 && record2.isCompactSummary) return SKIP;
  const content = record2.message?.content;
  if (!content) return SKIP;
  let text = "";
  if (typeof content === "string") text = content;
  else if (Array.isArray(content)) text = messageText(content);
  if (text === FAILS) return FAILS;
  if (!text) return SKIP;
  if (typeof text !== "string") return FAILS;
  const commandName = firstTagContent(text, "command-name");
  if (commandName) {
    if (BUILT_IN_COMMANDS.has(commandName.replace(/^\//, ""))) return SKIP;
    const commandArgs = firstTagContent(text, "command-args");
    if (!commandArgs || commandArgs.trim() === "") return SKIP;
  }
  if (NOT_A_PROMPT.test(text)) return SKIP;
  const bashInput = firstTagContent(text, "bash-input");
  return { kind: "prompt", text: formatPrompt(bashInput ? `! ${bashInput}` : text) };
}
var SKIP, FAILS, BUILT_IN_COMMANDS, NOT_A_PROMPT, MAX_PROMPT_LENGTH;
var init_prompt_text = __esm({
  "src/transcript/prompt-text.ts"() {
    "use strict";
    init_tag_element();
    SKIP = Object.freeze({ kind: "skip" });
    FAILS = Object.freeze({ kind: "fails" });
    BUILT_IN_COMMANDS = /* @__PURE__ */ new Set([
      "add-dir",
      "agents",
      "btw",
      "chrome",
      "clear",
      "color",
      "compact",
      "config",
      "copy",
      "context",
      "cost",
      "doctor",
      "exit",
      "export",
      "extra-usage",
      "feedback",
      "files",
      "fork",
      "help",
      "hooks",
      "ide",
      "init",
      "install-github-app",
      "install-slack-app",
      "keybindings",
      "login",
      "logout",
      "mcp",
      "memory",
      "mobile",
      "model",
      "output-style",
      "permissions",
      "plan",
      "plugin",
      "pr-comments",
      "privacy-settings",
      "rate-limit-options",
      "release-notes",
      "remote-env",
      "rename",
      "resume",
      "review",
      "rewind",
      "sandbox",
      "security-review",
      "session",
      "skills",
      "stats",
      "status",
      "statusline",
      "stickers",
      "tag",
      "tasks",
      "terminal-setup",
      "theme",
      "think-back",
      "thinkback-play",
      "todos",
      "upgrade",
      "usage",
      "vim"
    ]);
    NOT_A_PROMPT = new RegExp(
      [
        "^(?:<local-command-stdout>|<session-start-hook>|<tick>|<goal>",
        "|\\s*<ide_opened_file>[\\s\\S]*<\\/ide_opened_file>\\s*$",
        "|\\s*<ide_selection>[\\s\\S]*<\\/ide_selection>\\s*$)"
      ].join("")
    );
    MAX_PROMPT_LENGTH = 200;
  }
});

// src/transcript/transcript-record.ts
function classifyRecord(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return RECORD_TYPES.has(value.type) ? value : null;
}
function isMessageType(type) {
  return MESSAGE_TYPES.includes(type);
}
function messageNode(record2, keys) {
  const node2 = {
    key: keys.keyOf(record2.uuid),
    parentKey: keys.keyOf(record2.parentUuid),
    followsParent: Boolean(record2.parentUuid),
    type: record2.type,
    prompt: record2.type === "user" ? promptOutcome(record2) : SKIP,
    counted: countOutcome(record2)
  };
  if (record2.timestamp !== void 0) node2.timestamp = record2.timestamp;
  if (record2.cwd !== void 0) node2.cwd = record2.cwd;
  if (record2.gitBranch !== void 0) node2.gitBranch = record2.gitBranch;
  if (record2.isSidechain !== void 0) node2.isSidechain = record2.isSidechain;
  return node2;
}
function contentOf(record2) {
  return record2.message?.content;
}
function countOutcome(record2) {
  if (record2.type === "user") {
    if (record2.isMeta) return 0;
    const content = contentOf(record2);
    if (!content) return 0;
    if (typeof content === "string") return content.trim().length > 0 ? 1 : 0;
    if (!Array.isArray(content)) return 0;
    for (const block of content) {
      if (block === null || block === void 0) return "fails";
      const type = block.type;
      if (type === "text" || type === "image" || type === "document") return 1;
    }
    return 0;
  }
  if (record2.type === "assistant") {
    const content = contentOf(record2);
    if (!content || !Array.isArray(content)) return 0;
    for (const block of content) {
      if (block === null || block === void 0) return "fails";
      const { type, text } = block;
      if (type === "text" && typeof text === "string" && text.trim().length > 0) return 1;
    }
    return 0;
  }
  return 0;
}
var MESSAGE_TYPES, SESSION_METADATA_KEYS, SESSION_METADATA_TYPES, COPIED_MESSAGE_KEYS, READ_KEYS, TranscriptRecordSchema, RECORD_TYPES, NULL_KEY, KeyMaker;
var init_transcript_record = __esm({
  "src/transcript/transcript-record.ts"() {
    "use strict";
    init_zod();
    init_prompt_text();
    MESSAGE_TYPES = ["user", "assistant", "attachment", "system", "progress"];
    SESSION_METADATA_KEYS = {
      "custom-title": ["customTitle"],
      tag: ["tag"],
      "agent-name": ["agentName"],
      "agent-color": ["agentColor"],
      "pr-link": ["prNumber", "prUrl", "prRepository"]
    };
    SESSION_METADATA_TYPES = Object.keys(SESSION_METADATA_KEYS);
    COPIED_MESSAGE_KEYS = ["timestamp", "cwd", "gitBranch", "isSidechain"];
    READ_KEYS = [
      "type",
      "uuid",
      "parentUuid",
      ...COPIED_MESSAGE_KEYS,
      "isMeta",
      "isCompactSummary",
      "sessionId",
      "leafUuid",
      "summary",
      ...Object.values(SESSION_METADATA_KEYS).flat()
    ];
    TranscriptRecordSchema = discriminatedUnion("type", [
      looseObject({ type: _enum(MESSAGE_TYPES) }),
      looseObject({ type: literal("summary") }),
      looseObject({ type: _enum(SESSION_METADATA_TYPES) })
    ]);
    RECORD_TYPES = /* @__PURE__ */ new Set([...MESSAGE_TYPES, "summary", ...SESSION_METADATA_TYPES]);
    NULL_KEY = "null";
    KeyMaker = class {
      constructor(nextObjectKey = 0) {
        this.nextObjectKey = nextObjectKey;
      }
      nextObjectKey;
      keyOf(value) {
        switch (typeof value) {
          case "string":
            return `s${value}`;
          case "number":
            return `n${String(value)}`;
          case "boolean":
            return value ? "b1" : "b0";
          case "undefined":
            return "u";
        }
        if (value === null) return NULL_KEY;
        return `o${this.nextObjectKey++}`;
      }
    };
  }
});

// src/transcript/session-entry.ts
function isConversational(node2) {
  return node2.type === "user" || node2.type === "assistant";
}
function timeOf(node2) {
  return new Date(node2.timestamp).getTime();
}
function deriveEntry(state, file) {
  const nodes = [...state.nodes.values()];
  if (nodes.length === 0) return { kind: "no-entry", reason: "no messages" };
  const leafMessages = findLeafMessages(state, nodes);
  const chain = mainChain(state, nodes, leafMessages);
  if (chain === null) return { kind: "no-entry", reason: "no user or assistant message" };
  const firstPrompt = firstPromptOf(chain);
  if (firstPrompt === null)
    return { kind: "fails", reason: "a user message Claude Code cannot read (null block or non-text content)" };
  const messageCount = messageCountOf(chain);
  if (messageCount === null)
    return { kind: "fails", reason: "a message Claude Code cannot count (null content block)" };
  const first = chain[0];
  const last = chain[chain.length - 1];
  const lastConversational = [...chain].reverse().find(isConversational);
  const { metadata } = state;
  const entry = {
    sessionId: file.sessionId,
    fullPath: file.path,
    fileMtime: file.mtime,
    firstPrompt,
    customTitle: metadata.customTitle,
    summary: lastConversational ? state.summaries.get(lastConversational.key) : void 0,
    tag: metadata.tag,
    agentName: metadata.agentName,
    agentColor: metadata.agentColor,
    prNumber: metadata.prNumber,
    prUrl: metadata.prUrl,
    prRepository: metadata.prRepository,
    messageCount,
    created: first.timestamp,
    modified: last.timestamp,
    gitBranch: last.gitBranch,
    projectPath: first.cwd,
    isSidechain: first.isSidechain ?? false
  };
  for (const key of Object.keys(entry)) {
    if (entry[key] === void 0) delete entry[key];
    else if (nestingDepth(entry[key], MAX_VALUE_DEPTH + 1) > MAX_VALUE_DEPTH)
      return { kind: "fails", reason: `its ${key} is nested more than ${MAX_VALUE_DEPTH} levels deep` };
  }
  return { kind: "entry", entry };
}
function findLeafMessages(state, nodes) {
  const parents = /* @__PURE__ */ new Set();
  for (const node2 of nodes) if (node2.parentKey !== NULL_KEY) parents.add(node2.parentKey);
  const leafMessages = /* @__PURE__ */ new Set();
  for (const leaf of nodes) {
    if (parents.has(leaf.key)) continue;
    const seen = /* @__PURE__ */ new Set();
    for (let node2 = leaf; node2 && !seen.has(node2); ) {
      if (isConversational(node2)) {
        leafMessages.add(node2.key);
        break;
      }
      seen.add(node2);
      node2 = node2.followsParent ? state.nodes.get(node2.parentKey) : void 0;
    }
  }
  return leafMessages;
}
function mainChain(state, nodes, leafMessages) {
  const candidates = nodes.filter((node2) => leafMessages.has(node2.key));
  if (candidates.length === 0) return null;
  const newest = candidates.sort((a, b) => timeOf(b) - timeOf(a))[0];
  const chain = [];
  const seen = /* @__PURE__ */ new Set();
  for (let node2 = newest; node2 && !seen.has(node2); ) {
    seen.add(node2);
    chain.push(node2);
    node2 = node2.followsParent ? state.nodes.get(node2.parentKey) : void 0;
  }
  chain.reverse();
  const children = nodes.filter((node2) => node2.parentKey === newest.key && !leafMessages.has(node2.key)).sort((a, b) => timeOf(a) - timeOf(b));
  for (const child of children) chain.push(child);
  return chain;
}
function firstPromptOf(chain) {
  for (const node2 of chain) {
    if (node2.prompt.kind === "fails") return null;
    if (node2.prompt.kind === "prompt") return node2.prompt.text;
  }
  return NO_PROMPT;
}
function messageCountOf(chain) {
  let count = 0;
  for (const node2 of chain) {
    if (node2.counted === "fails") return null;
    count += node2.counted;
  }
  return count;
}
var ENTRY_KEYS, NO_PROMPT, MAX_VALUE_DEPTH;
var init_session_entry = __esm({
  "src/transcript/session-entry.ts"() {
    "use strict";
    init_json_text();
    init_transcript_record();
    ENTRY_KEYS = [
      "sessionId",
      "fullPath",
      "fileMtime",
      "firstPrompt",
      "customTitle",
      "summary",
      "tag",
      "agentName",
      "agentColor",
      "prNumber",
      "prUrl",
      "prRepository",
      "messageCount",
      "created",
      "modified",
      "gitBranch",
      "projectPath",
      "isSidechain"
    ];
    NO_PROMPT = "No prompt";
    MAX_VALUE_DEPTH = 1e3;
  }
});

// src/sessions-index/session-index.ts
function readIndex(indexPath) {
  const file = readIndexText(indexPath);
  if (file.kind === "too-large")
    return { kind: "invalid", reason: `${file.size} bytes, more than the ${MAX_INDEX_BYTES} bytes an index can be` };
  if (file.kind !== "read") return file;
  return parseIndex(file.text, file.stat);
}
function readIndexText(indexPath) {
  try {
    const { text, stat } = readRegularFile(indexPath, MAX_INDEX_BYTES);
    return { kind: "read", text, stat: { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs } };
  } catch (error2) {
    if (error2 instanceof FileTooLargeError) return { kind: "too-large", size: error2.size };
    if (error2.code === "ENOENT") return { kind: "missing" };
    return { kind: "unreadable", reason: describeFileError(error2) };
  }
}
function parseIndex(text, stat) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error2) {
    return { kind: "invalid", reason: `not JSON (${errorText(error2)})` };
  }
  const version2 = json?.version;
  if (typeof json === "object" && json !== null && !Array.isArray(json) && version2 !== void 0 && version2 !== INDEX_VERSION) {
    return { kind: "unsupported-version", version: version2 };
  }
  const parsed = IndexEnvelopeSchema.safeParse(json);
  if (!parsed.success) return { kind: "invalid", reason: describeIssue(parsed.error) };
  return { kind: "ok", index: json, stat };
}
function describeIssue(error2) {
  const issue2 = error2.issues[0];
  if (!issue2) return "wrong shape";
  const where = issue2.path.length > 0 ? issue2.path.join(".") : "top level";
  return `wrong shape at ${where}: ${issue2.message}`;
}
function serializeIndex(index) {
  return stringifyJson(index, 2);
}
var INDEX_VERSION, IndexEntrySchema, IndexEnvelopeSchema, IndexFileSchema;
var init_session_index = __esm({
  "src/sessions-index/session-index.ts"() {
    "use strict";
    init_zod();
    init_json_text();
    init_regular_file();
    init_index_path();
    init_index_path();
    init_session_file();
    init_error_text();
    INDEX_VERSION = 1;
    IndexEntrySchema = looseObject({
      sessionId: string2().regex(SESSION_ID, "not a session UUID").describe("The transcript's file name without .jsonl"),
      fullPath: string2().describe("Absolute path of the transcript"),
      fileMtime: number2().describe("The transcript's mtime in milliseconds when the entry was derived"),
      firstPrompt: string2().describe('First real user prompt, one line, at most 200 characters plus "\u2026"; "No prompt" when none'),
      customTitle: string2().optional().describe("Last custom-title record of the session"),
      summary: string2().optional().describe("Summary record whose leafUuid is the main chain's last message"),
      tag: string2().optional(),
      agentName: string2().optional(),
      agentColor: string2().optional(),
      prNumber: number2().optional(),
      prUrl: string2().optional(),
      prRepository: string2().optional(),
      messageCount: number2().int().nonnegative().describe("User prompts and assistant text replies on the main chain"),
      created: string2().optional().describe("Timestamp of the main chain's first record, as written"),
      modified: string2().optional().describe("Timestamp of the main chain's last record, as written"),
      gitBranch: string2().optional(),
      projectPath: string2().optional().describe("cwd of the main chain's first record"),
      isSidechain: boolean2()
    });
    IndexEnvelopeSchema = looseObject({
      version: number2(),
      entries: array(unknown())
    });
    IndexFileSchema = looseObject({
      version: literal(INDEX_VERSION),
      entries: array(IndexEntrySchema),
      originalPath: string2().optional().describe("The project's working directory")
    });
  }
});

// src/sessions-index/index-merge.ts
function isTrusted(entry, file, nowMs) {
  if (!IndexEntrySchema.safeParse(entry).success) return false;
  const { fullPath, fileMtime } = entry;
  return fullPath === file.path && file.mtime <= fileMtime && !isFutureMtime(fileMtime, nowMs);
}
function mergeIndex(input) {
  const { current, sessions, derive } = input;
  const changes = [];
  const skipped = [];
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  let kept = 0;
  const deriveEntry2 = (file) => {
    const derivation = derive(file);
    if (derivation.kind === "entry") return derivation.entry;
    skipped.push({ sessionId: file.sessionId, path: file.path, reason: derivation.reason });
    return null;
  };
  for (const raw of current?.entries ?? []) {
    const sessionId = raw?.sessionId;
    if (typeof sessionId !== "string") {
      changes.push({ sessionId: null, change: "removed", reason: "entry has no session id" });
      continue;
    }
    if (seen.has(sessionId)) {
      changes.push({ sessionId, change: "removed", reason: "duplicate entry" });
      continue;
    }
    seen.add(sessionId);
    const file = sessions.get(sessionId);
    if (file === void 0) {
      if (input.transcriptExists(sessionId)) {
        entries.push(raw);
        kept++;
      } else {
        changes.push({ sessionId, change: "removed", reason: "transcript is gone" });
      }
      continue;
    }
    const derived2 = isTrusted(raw, file, input.nowMs) ? null : deriveEntry2(file);
    if (derived2 === null || !isNewer(derived2, raw, input.nowMs)) {
      entries.push(raw);
      kept++;
      continue;
    }
    const merged = withForeignKeys(derived2, raw);
    entries.push(merged);
    if (stringifyJson(merged) === stringifyJson(raw)) kept++;
    else changes.push({ sessionId, change: "updated", reason: updateReason(raw, file) });
  }
  for (const file of sessions.values()) {
    if (seen.has(file.sessionId)) continue;
    const derived2 = deriveEntry2(file);
    if (derived2 === null) continue;
    entries.push(derived2);
    changes.push({ sessionId: file.sessionId, change: "added" });
  }
  const index = current === null ? freshIndex(entries, input.projectDirName) : { ...current, entries };
  if (index.originalPath === void 0) {
    const originalPath = chooseOriginalPath(input.projectDirName, entries);
    if (originalPath !== void 0) index.originalPath = originalPath;
  }
  const changed = current === null ? entries.length > 0 : changes.length > 0 || index.originalPath !== current.originalPath;
  return { index, changes, kept, skipped, changed };
}
function updateReason(raw, file) {
  if (!IndexEntrySchema.safeParse(raw).success) return "entry is invalid";
  return raw.fullPath === file.path ? "transcript is newer" : "entry is for another path";
}
function isNewer(derived2, raw, nowMs) {
  if (!IndexEntrySchema.safeParse(raw).success) return true;
  const existing = raw;
  return existing.fullPath !== derived2.fullPath || derived2.fileMtime > existing.fileMtime || isFutureMtime(existing.fileMtime, nowMs) && derived2.fileMtime !== existing.fileMtime;
}
function withForeignKeys(derived2, existing) {
  const merged = { ...derived2 };
  for (const key of Object.keys(existing)) {
    if (!ENTRY_KEYS.includes(key))
      Object.defineProperty(merged, key, {
        value: existing[key],
        enumerable: true,
        writable: true,
        configurable: true
      });
  }
  return merged;
}
function freshIndex(entries, projectDirName) {
  const index = { version: INDEX_VERSION, entries };
  const originalPath = chooseOriginalPath(projectDirName, entries);
  if (originalPath !== void 0) index.originalPath = originalPath;
  return index;
}
function chooseOriginalPath(projectDirName, entries) {
  const counts = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const projectPath = entry?.projectPath;
    if (typeof projectPath === "string") counts.set(projectPath, (counts.get(projectPath) ?? 0) + 1);
  }
  const byCount = [...counts].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  const uncut = (p) => p.replace(/[^a-zA-Z0-9]/g, "-");
  return byCount.find((p) => encodeProjectDirName(p) === projectDirName || uncut(p) === projectDirName) ?? byCount[0];
}
var init_index_merge = __esm({
  "src/sessions-index/index-merge.ts"() {
    "use strict";
    init_project_dir();
    init_session_file();
    init_json_text();
    init_session_entry();
    init_session_index();
  }
});

// src/transcript/transcript-state.ts
var TranscriptState;
var init_transcript_state = __esm({
  "src/transcript/transcript-state.ts"() {
    "use strict";
    init_transcript_record();
    TranscriptState = class _TranscriptState {
      constructor(sessionId, nextObjectKey = 0) {
        this.sessionId = sessionId;
        this.keys = new KeyMaker(nextObjectKey);
      }
      sessionId;
      /** Message records by uuid identity; a uuid seen again replaces the record in place. */
      nodes = /* @__PURE__ */ new Map();
      /** `summary` records by `leafUuid` identity. */
      summaries = /* @__PURE__ */ new Map();
      metadata = {};
      /**
       * Claude Code stops reading a transcript at a line that is JSON `null` (it reads `.type` of it
       * inside one try block); everything after that line is ignored.
       */
      halted = false;
      keys;
      /** Applies one parsed JSON value, a line of the transcript. */
      apply(value) {
        if (this.halted) return;
        if (value === null) {
          this.halted = true;
          return;
        }
        const record2 = classifyRecord(value);
        if (record2 === null) return;
        if (isMessageType(record2.type)) {
          const node2 = messageNode(record2, this.keys);
          this.nodes.set(node2.key, node2);
        } else if (record2.type === "summary") {
          if (record2.leafUuid) this.summaries.set(this.keys.keyOf(record2.leafUuid), record2.summary);
        } else if (record2.sessionId) {
          if (record2.sessionId === this.sessionId) this.applyMetadata(record2);
        }
      }
      applyMetadata(record2) {
        const keys = SESSION_METADATA_KEYS[record2.type];
        if (keys) for (const key of keys) this.metadata[key] = record2[key];
      }
      /** A copy that can take more lines without changing this one (message nodes are immutable). */
      clone() {
        const copy = new _TranscriptState(this.sessionId, this.keys.nextObjectKey);
        for (const [key, node2] of this.nodes) copy.nodes.set(key, node2);
        for (const [key, summary] of this.summaries) copy.summaries.set(key, summary);
        Object.assign(copy.metadata, this.metadata);
        copy.halted = this.halted;
        return copy;
      }
    };
  }
});

// src/transcript/transcript-cache.ts
var transcript_cache_exports = {};
__export(transcript_cache_exports, {
  MIN_CACHED_BYTES: () => MIN_CACHED_BYTES,
  REFRESH_AFTER_BYTES: () => REFRESH_AFTER_BYTES,
  TranscriptCache: () => TranscriptCache
});
import fs19 from "node:fs";
import path16 from "node:path";
function fingerprint(fd, offset) {
  const hash = process.getBuiltinModule("node:crypto").createHash("sha256");
  const headLength = Math.min(FINGERPRINT_WINDOW, offset);
  const anchorStart = Math.max(0, offset - FINGERPRINT_WINDOW);
  for (const [start, length] of [
    [0, headLength],
    [anchorStart, offset - anchorStart]
  ]) {
    const buffer = Buffer.alloc(length);
    const bytesRead = length > 0 ? fs19.readSync(fd, buffer, 0, length, start) : 0;
    hash.update(buffer.subarray(0, bytesRead));
  }
  return `${offset}:${hash.digest("hex")}`;
}
function saveNodes(nodes) {
  const saved = [];
  const values = [];
  const places = /* @__PURE__ */ new Map();
  let previousKey = null;
  for (const node2 of nodes) {
    const s = { k: node2.key, f: node2.followsParent, t: node2.type, c: node2.counted, pr: node2.prompt };
    if (node2.parentKey !== previousKey) s.p = node2.parentKey;
    for (const key of COPIED_MESSAGE_KEYS) {
      if (!(key in node2)) continue;
      const value = node2[key];
      if (!TABLED_KEYS.has(key)) s[SAVED_KEYS[key]] = value;
      else {
        let place = places.get(value);
        if (place === void 0) {
          place = values.push(value) - 1;
          places.set(value, place);
        }
        s[SAVED_KEYS[key]] = place;
      }
    }
    saved.push(s);
    previousKey = node2.key;
  }
  return { nodes: saved, values };
}
function restoreState(saved) {
  const state = new TranscriptState(saved.sessionId, saved.nextObjectKey);
  state.halted = saved.halted;
  let previousKey = null;
  for (const s of saved.nodes) {
    const parentKey = s.p ?? previousKey;
    if (parentKey === null) return null;
    const node2 = { key: s.k, parentKey, followsParent: s.f, type: s.t, counted: s.c, prompt: s.pr };
    for (const key of COPIED_MESSAGE_KEYS) {
      if (!(SAVED_KEYS[key] in s)) continue;
      const value = s[SAVED_KEYS[key]];
      if (!TABLED_KEYS.has(key)) node2[key] = value;
      else if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < saved.values.length) {
        node2[key] = saved.values[value];
      } else return null;
    }
    state.nodes.set(node2.key, node2);
    previousKey = node2.key;
  }
  for (const { k, v } of saved.summaries) state.summaries.set(k, v);
  Object.assign(state.metadata, saved.metadata);
  return state;
}
var CACHE_FORMAT, DERIVATION_RULES, MIN_CACHED_BYTES, REFRESH_AFTER_BYTES, FINGERPRINT_WINDOW, PromptSchema, SAVED_KEYS, TABLED_KEYS, SavedNodeSchema, SavedStateSchema, TranscriptCache;
var init_transcript_cache = __esm({
  "src/transcript/transcript-cache.ts"() {
    "use strict";
    init_zod();
    init_directory_names();
    init_json_text();
    init_private_file();
    init_transcript_record();
    init_transcript_state();
    CACHE_FORMAT = 2;
    DERIVATION_RULES = "2.1.29/1";
    MIN_CACHED_BYTES = 1 << 20;
    REFRESH_AFTER_BYTES = 512 * 1024;
    FINGERPRINT_WINDOW = 4096;
    PromptSchema = discriminatedUnion("kind", [
      object({ kind: literal("skip") }),
      object({ kind: literal("prompt"), text: string2() }),
      object({ kind: literal("fails") })
    ]);
    SAVED_KEYS = {
      timestamp: "ts",
      cwd: "cwd",
      gitBranch: "gb",
      isSidechain: "sc"
    };
    TABLED_KEYS = /* @__PURE__ */ new Set(["cwd", "gitBranch", "isSidechain"]);
    SavedNodeSchema = object({
      k: string2(),
      /** Left out when it is the key of the node saved before (a chain of messages, the usual case). */
      p: string2().optional(),
      f: boolean2(),
      t: string2(),
      c: union([literal(0), literal(1), literal("fails")]),
      pr: PromptSchema,
      ...Object.fromEntries(COPIED_MESSAGE_KEYS.map((key) => [SAVED_KEYS[key], unknown().optional()]))
    });
    SavedStateSchema = object({
      format: literal(CACHE_FORMAT),
      rules: literal(DERIVATION_RULES),
      sessionId: string2(),
      path: string2(),
      offset: number2().int().nonnegative(),
      fingerprint: string2(),
      halted: boolean2(),
      nextObjectKey: number2().int().nonnegative(),
      nodes: array(SavedNodeSchema),
      values: array(unknown()),
      summaries: array(object({ k: string2(), v: unknown().optional() })),
      metadata: record(string2(), unknown())
    });
    TranscriptCache = class _TranscriptCache {
      constructor(dir, writable) {
        this.dir = dir;
        this.writable = writable;
      }
      dir;
      writable;
      static under(configRoot, options) {
        return new _TranscriptCache(path16.join(configRoot, "claude-reindex", "transcript-cache"), options.writable);
      }
      /** Whether any saved state of this project's transcripts may be here (its folder exists). */
      hasStatesFor(projectDir) {
        return fs19.existsSync(path16.join(this.dir, path16.basename(projectDir)));
      }
      fileFor(transcript) {
        return path16.join(this.dir, path16.basename(path16.dirname(transcript.path)), `${transcript.sessionId}.json`);
      }
      /** The saved state of this transcript, when it still describes the file's first bytes. */
      load(transcript, fd, size) {
        if (size < MIN_CACHED_BYTES) return null;
        const raw = readPrivateFile(this.fileFor(transcript));
        if (raw === null) return null;
        let parsed;
        try {
          parsed = SavedStateSchema.parse(JSON.parse(raw));
        } catch {
          return null;
        }
        if (parsed.path !== transcript.path || parsed.sessionId !== transcript.sessionId) return null;
        if (parsed.offset > size || fingerprint(fd, parsed.offset) !== parsed.fingerprint) return null;
        const state = restoreState(parsed);
        return state === null ? null : { state, offset: parsed.offset };
      }
      save(transcript, fd, state, offset) {
        if (!this.writable || offset < MIN_CACHED_BYTES) return;
        const file = this.fileFor(transcript);
        const saved = {
          format: CACHE_FORMAT,
          rules: DERIVATION_RULES,
          sessionId: transcript.sessionId,
          path: transcript.path,
          offset,
          fingerprint: fingerprint(fd, offset),
          halted: state.halted,
          nextObjectKey: state.keys.nextObjectKey,
          ...saveNodes(state.nodes.values()),
          summaries: [...state.summaries].map(([k, v]) => ({ k, v })),
          metadata: { ...state.metadata }
        };
        try {
          writePrivateFile(file, stringifyJson(saved));
        } catch {
        }
      }
      /** Drops saved states of transcripts that are gone from a project. */
      prune(projectDir, liveSessionIds) {
        if (!this.writable) return;
        const dir = path16.join(this.dir, path16.basename(projectDir));
        for (const name of directoryNames(dir)) {
          if (name.endsWith(".json") && !liveSessionIds.has(name.slice(0, -".json".length))) {
            fs19.rmSync(path16.join(dir, name), { force: true });
          }
        }
      }
    };
  }
});

// src/transcript/line-walk-wasm.ts
var LINE_WALK_WASM;
var init_line_walk_wasm = __esm({
  "src/transcript/line-walk-wasm.ts"() {
    "use strict";
    LINE_WALK_WASM = [
      "AGFzbQEAAAABIwVgAAF/YAN/f38Bf2ACf38Bf2AEf39/fwF+YAV/f39/fwF+AwgHAAABAAIDBAUDAQACBggBfwFBwJ8GCwc8BgZt",
      "ZW1vcnkCAAZvdXRwdXQAAAlrZXlfaW5wdXQAAQdhZGRfa2V5AAIJaGVhcF9iYXNlAAMEd2FsawAECr8hBwgAQZCMgIAACwgAQaDQ",
      "gYAAC68BAQJ/QQAhAwJAIAFBQWpBJUkNACACQcAASw0AQQAoAuDQgYAAIgRBwABGDQAgBEHMAGwiA0H40IGAAGogAjYCACADQfTQ",
      "gYAAaiABNgIAIANB8NCBgABqIAA2AgACQCACRQ0AIANB/NCBgABqQaDQgYAAIAL8CgAAC0EBIQNBACAEQQFqNgLg0IGAACAAQQFH",
      "DQBBACgCgIyAgAAgAU4NAEEAIAE2AoCMgIAACyADCwgAQcCfhoAAC/kXBQZ/AnsFfwF+BX9BACECA0ACQCACIgMgAU8iBA0AAkAg",
      "ACADai0AACICQXdqQQVJDQAgAkEgRw0BCyADQQFqIQIMAQsCQCADQQNqIgIgAUsNACAAIANqIgUtAABB7wFHDQAgBUEBai0AAEG7",
      "AUcNACAFQQJqLQAAQb8BRg0BCwtBAiEFAkAgBA0AIAFBf2ohAgJAA0ACQCAAIAJqLQAAIgFBd2pBBUkNACABQSBHDQILIAIgA0sh",
      "ASACQX9qIQIgAQ0ADAILCyAAIANqIgYtAABB+wBHDQAgAUH9AEcNAEEAIQQCQEEAKAKAjICAACIFQQBIDQACQCAFQQFqIgdBBEkN",
      "AP0MAAAAAAEAAAACAAAAAwAAACEIIAdBfHEiBCEBA0AgCEEB/asB/QwDAAAAAwAAAAMAAAADAAAA/a4BIgn9GwBBAnRBkIyAgABq",
      "QX82AgAgCf0bAUECdEGQjICAAGpBfzYCACAJ/RsCQQJ0QZCMgIAAakF/NgIAIAn9GwNBAnRBkIyAgABqQX82AgAgCP0MBAAAAAQA",
      "AAAEAAAABAAAAP2uASEIIAFBfGoiAQ0ACyAHIARGDQELIAUgBGtBAWohBSAEQQN0QZyMgIAAaiEBA0AgAUF/NgIAIAFBCGohASAF",
      "QX9qIgUNAAsLIAJBAWohBEEAQX82ApiMgIAAQQBCgICAgHA3A5CMgIAAQQBBfzYC8PaBgAAgAEEBaiEKQQAhC0EAIQxBfyENIAMh",
      "AQJAAkADQAJAAkAgACABaiIOLQAAIgdBd2oiBUEXSw0AQQEgBXRBk4CABHFFDQAgAUEBaiEBDAELAkACQAJAAkACQAJAAkACQAJA",
      "AkAgDA4GBQMCAgABDAsgB0E6Rw0LIAFBAWohAUEAIQwMCQsgC0GA94GAAGotAAAhBQJAIAdBLEcNAEEAQQMgBUH/AXEbIQwgAUEB",
      "aiEBDAkLQd0AQf0AIAVB/wFxGyAHRg0CDAoLAkAgB0H9AEcNACAMQQJGDQILIAdBIkcNCQJAIAAgAUEBaiIFIARBARCFgICAACIP",
      "Qn1SDQBBAiECDAsLIA9CAFMNCQJAAkAgC0GQ+4GAAGotAAAiDEEESw0AQQEgDHRBFnENAQsgD6chEEF/IQ0MBwsCQEEALQCU/4GA",
      "AEUNAEEDIQIMCwsgD6chEEF/IQ1BACgC4NCBgAAiEUEBSA0GIBAgBWsiEkUNBCAKIAFqIRNBACEOQfzQgYAAIRQDQAJAIA5BzABs",
      "IgFB8NCBgABqKAIAIAxHDQAgAUH40IGAAGooAgAgEkcNACATIQEgFCEFIBIhBwNAAkAgAS0AACAFLQAARg0AIAdFDQkMAgsgAUEB",
      "aiEBIAVBAWohBSAHQX9qIgcNAAwICwsgFEHMAGohFCAOQQFqIg4gEUcNAAwHCwsgB0HdAEcNAQsgAUEBaiEBIAtBf2oiC0UNAUEF",
      "IQwgC0ECdCIHQaD/gYAAaiIOKAIAIgVBf0YNBSAOQX82AgAgB0Gwj4KAAGooAgAhBwJAIAVBACgCgIyAgABKDQAgBUEDdCIFQaCM",
      "gIAAaiABNgIAIAVBnIyAgABqIAc2AgAMBgsCQAJAAkAgBUGcf2oOAgABAgtBACABNgKYjICAAAwHCwJAQQAoAvD2gYAAIgVBAEgN",
      "ACAFQRhsQaCQgIAAaiABNgIAC0EAQX82AvD2gYAADAYLAkBBACgC8PaBgAAiDkEASCIRDQAgBUHmAEcNACAOQRhsIgVBqJCAgABq",
      "IAE2AgAgBUGkkICAAGogBzYCAAwGCyARDQUgBUHnAEcNBSAOQRhsIgVBsJCAgABqIAE2AgAgBUGskICAAGogBzYCAAwFCwJAAkAg",
      "C0EBTg0AQX8hBQwBCyANIQUCQCALQYD3gYAAai0AAEUNAEHlAEF/IAtBkPuBgABqLQAAQQNGGyEFCyALQQJ0IgxBsI+CgABqIAE2",
      "AgAgDEGg/4GAAGogBTYCAAJAIAVBACgCgIyAgABHDQBBAEKAgICAcDcDkIyAgAAMAQsCQAJAIAVBnH9qDgIAAQILQQAgATYClIyA",
      "gABBAEEANgKQjICAAEHkACEFDAELAkBBACgCkIyAgAAiBUGACEcNAEEDIQIMCQtBACAFQQFqNgKQjICAAEEAIAU2AvD2gYAAIAVB",
      "GGwiBUGgkICAAGpCfzcDACAFQZyQgIAAaiABNgIAIAVBqJCAgABqQn83AwAgBUGwkICAAGpBfzYCAEHlACEFCwJAIAdB3wFxQdsA",
      "Rw0AAkAgC0GABEcNAEECIQIMCQsgC0GB94GAAGogB0HbAEY6AABBASEMIAtBAWohDgJAIAtFDQACQCAHQfsARw0AIAVBAEgNAEEC",
      "IQwgBUEAKAKAjICAAEYNAQsCQCAHQdsARw0AQQMhDCAFQeQARg0BCyAFQeUARkECdEEAIAdB+wBGGyEMCyAOQZD7gYAAaiAMOgAA",
      "QX8hDSAOQQJ0QaD/gYAAakF/NgIAQQJBASAHQfsARhshDCABQQFqIQEgDiELDAULAkACQCAHQSJHDQACQCAAIAFBAWogBEEAEIWA",
      "gIAAIg9CfVINAEECIQIMCgsgD0IAUw0IIA+nQQFqIQEMAQsCQAJAIAdBLUYiBQ0AIAdBUGpB/wFxQQlLDQELIAEgBWoiBSAETw0I",
      "AkACQCAAIAVqLQAAIgFBMEcNACAFQQFqIQEMAQsgAUFGakH/AXFB9gFJDQkDQAJAIAVBAWoiASAESQ0AIAQhAQwECyAKIAVqIQcg",
      "ASEFIActAABBRmpB/wFxQfUBSw0ACwsCQCABIARPDQAgACABai0AAEEuRw0AIAFBAWoiBSAETw0JIAAgBWotAABBRmpB/wFxQfYB",
      "SQ0JIAFBAmohAQNAAkAgBCABRw0AIAQhAQwECyAAIAFqIQUgAUEBaiIHIQEgBS0AAEFGakH/AXFB9QFLDQALIAdBf2ohAQsgASAE",
      "Tw0BIAAgAWotAABBIHJB5QBHDQECQCABQQFqIgUgBE8NAAJAIAAgBWotAABBVWoOAwABAAELIAFBAmohBQsgBSAETw0IIAAgBWot",
      "AABBRmpB/wFxQfYBSQ0IA0ACQCACIAVHDQAgBCEBDAMLIAogBWohByAFQQFqIgEhBSAHLQAAQUZqQf8BcUH2AU8NAAwCCwsCQAJA",
      "AkAgB0Gaf2oODwEKCgoKCgoKAgoKCgoKAAoLIAFBBGoiASAESw0JIA5BAWotAABB8gBHDQkgDkECai0AAEH1AEcNCSAOQQNqLQAA",
      "QeUARg0CDAkLIAFBBWoiASAESw0IIA5BAWotAABB4QBHDQggDkECai0AAEHsAEcNCCAOQQNqLQAAQfMARw0IIA5BBGotAABB5QBG",
      "DQEMCAsgAUEEaiIBIARLDQcgDkEBai0AAEH1AEcNByAOQQJqLQAAQewARw0HIA5BA2otAABB7ABHDQcLIAtFDQBBBSEMIAtBAnQi",
      "B0Gg/4GAAGoiDigCACIFQX9GDQQgDkF/NgIAIAdBsI+CgABqKAIAIQcCQCAFQQAoAoCMgIAASg0AIAVBA3QiBUGgjICAAGogATYC",
      "ACAFQZyMgIAAaiAHNgIADAULAkACQAJAIAVBnH9qDgIAAQILQQAgATYCmIyAgAAMBgsCQEEAKALw9oGAACIFQQBIDQAgBUEYbEGg",
      "kICAAGogATYCAAtBAEF/NgLw9oGAAAwFCwJAQQAoAvD2gYAAIg5BAEgiEQ0AIAVB5gBHDQAgDkEYbCIFQaiQgIAAaiABNgIAIAVB",
      "pJCAgABqIAc2AgAMBQsgEQ0EIAVB5wBHDQQgDkEYbCIFQbCQgIAAaiABNgIAIAVBrJCAgABqIAc2AgAMBAtBACELQQYhDAwDC0EA",
      "IQ5B8NCBgAAhAQNAAkAgASgCACAMRw0AIAFBCGooAgBFDQILIAFBzABqIQEgESAOQQFqIg5HDQAMAgsLIA5BzABsQfTQgYAAaigC",
      "ACENCyAQQQFqIQFBBCEMCyABIARJDQALQQEhAiAMQQZGDQELQQIhBSAGLQAARQ0BIANBAWohAgJAA0AgBCACIgNGDQEgA0EBaiEC",
      "IAAgA2otAAANAAsLQQAhAiADIARJDQELIAIhBQsgBQvmBAUDfwJ+An8FewF+I4CAgIAAQRBrIgQkgICAgABBACEFQQBBADoAlP+B",
      "gAAgBCABNgIMAkAgACABIAIgAUHAAGoiBiAGIAJLGyACIARBDGoQhoCAgAAiB0J+Ug0AQgAhCCAEKAIMIQkgACEKAkADQAJAAkAg",
      "CSAFaiIGQcAAaiACSw0AIAogCWoiBv0AAAAiCyAGQRBq/QAAACIM/XcgBkEgav0AAAAiDSAGQTBq/QAAACIO/Xf9d/0MAAAAAAAA",
      "AAAAAAAAAAAAAP0j/VNFDQFCfSEHDAQLQn8hByAGIAJPDQMgCKchBQNAAkAgACAGai0AACIKDQBCfSEHDAULAkACQCAFDQBBASEF",
      "IApB3ABGDQEgCkEiRg0FC0EAIQULIAIgBkEBaiIGRw0ADAQLCyAM/QxcXFxcXFxcXFxcXFxcXFxcIg/9I/1krUIQhiALIA/9I/1k",
      "rYQgDSAP/SP9ZK1CIIaEIA4gD/0j/WStQjCGhCIHIAcgCEJ/hYMiB0IBhiAIhCIQQn+Fg0Kq1arVqtWq1ap/gyIIIAd8IgcgCFSt",
      "IQggCkHAAGohCiAFQcAAaiEFIAz9DCIiIiIiIiIiIiIiIiIiIiIiD/0j/WStQhCGIAsgD/0j/WSthCANIA/9I/1krUIghoQgDiAP",
      "/SP9ZK1CMIaEIBAgB0IBhkLVqtWq1arVqtUAhYNCf4WDIgdQDQALIAd6pyAJaiAFakFAaiEGCyAGrSEHAkAgAw0AIAcgAa19Qv8D",
      "VQ0BCyAHQn8gACAJIAYgAiAEQQxqEIaAgIAAQn5RGyEHCyAEQRBqJICAgIAAIAcLjQMFAX8BewF/AX4BfwJAAkAgASACTw0AA0AC",
      "QAJAIAEiBUEQaiIBIAJLDQAgACAFav0AAAAiBv0MXFxcXFxcXFxcXFxcXFxcXP0jIAb9DCIiIiIiIiIiIiIiIiIiIiL9I/1QIAb9",
      "DCAgICAgICAgICAgICAgICD9Jv1Q/WQiB0UNASAHaCAFaiEFCwJAAkAgACAFaiIHLQAAIgFB3ABGDQAgAUEiRw0BIAWtIQgMBQtB",
      "ACEBQQBBAToAlP+BgAACQCAFQQFqIgkgA08NACAAIAlqLQAAIgFB9QBHDQBCfyEIIAVBBmoiASADSw0FIAdBAmotAABBgIiAgABq",
      "LQAARQ0FIAdBA2otAABBgIiAgABqLQAARQ0FIAdBBGotAABBgIiAgABqLQAARQ0FIAdBBWotAABBgIiAgABqLQAARQ0FDAILAkAg",
      "AUGAioCAAGotAABFDQAgBUECaiEBDAILQn8PCwJAIAFBIE8NAEJ/DwsgBUEBaiEBCyABIAJJDQALCyAEIAE2AgBCfg8LIAgLC5IE",
      "AgBBgAgLgAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABAQEBAQEBAQEBAAAAAAAAAAEB",
      "AQEBAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQEBAQEBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEA",
      "AAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABAAAAAAABAAAAAQAAAAAAAAAB",
      "AAAAAQABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABBgAwL",
      "BP////8="
    ].join("");
  }
});

// src/transcript/line-walk.ts
var WALK_INVALID, WALK_VALUE, WALK_USE_EXACT, WALK_USE_JS, OUT_BLOCK_COUNT, OUT_CONTENT_START, OUT_CONTENT_END, OUT_TOP, MAX_TOP_SLOTS, OUT_BLOCKS, MAX_BLOCKS, BUFFER_BYTES, COPY_BYTES, PAGE_BYTES, LineWalk;
var init_line_walk = __esm({
  "src/transcript/line-walk.ts"() {
    "use strict";
    init_line_walk_wasm();
    WALK_INVALID = 0;
    WALK_VALUE = 1;
    WALK_USE_EXACT = 2;
    WALK_USE_JS = 3;
    OUT_BLOCK_COUNT = 0;
    OUT_CONTENT_START = 1;
    OUT_CONTENT_END = 2;
    OUT_TOP = 3;
    MAX_TOP_SLOTS = 64;
    OUT_BLOCKS = OUT_TOP + 2 * MAX_TOP_SLOTS;
    MAX_BLOCKS = 1024;
    BUFFER_BYTES = 8 << 20;
    COPY_BYTES = 8 << 20;
    PAGE_BYTES = 64 << 10;
    LineWalk = class _LineWalk {
      /** The offsets of the last walk's captures, from the start of the line it walked. */
      output;
      exports;
      bufferAt;
      copyAt;
      constructor(exports, keys) {
        this.exports = exports;
        const base = Math.ceil(exports.heap_base() / 64) * 64;
        this.bufferAt = base;
        this.copyAt = base + BUFFER_BYTES;
        const pages = Math.ceil((this.copyAt + COPY_BYTES) / PAGE_BYTES);
        exports.memory.grow(pages - exports.memory.buffer.byteLength / PAGE_BYTES);
        const memory = new Uint8Array(exports.memory.buffer);
        for (const key of keys) {
          const name = Buffer.from(key.name);
          memory.set(name, exports.key_input());
          if (exports.add_key(key.role, key.slot, name.length) !== 1) throw new Error(`line walk: no room for ${key.name}`);
        }
        this.output = new Int32Array(exports.memory.buffer, exports.output(), OUT_BLOCKS + 6 * MAX_BLOCKS);
      }
      /** The walk, or null where WebAssembly cannot run (`node --jitless`): then scanLine walks in JavaScript. */
      static create(keys) {
        const wasm = globalThis.WebAssembly;
        if (wasm === void 0) return null;
        try {
          const module = new wasm.Module(Buffer.from(LINE_WALK_WASM, "base64"));
          return new _LineWalk(new wasm.Instance(module).exports, keys);
        } catch {
          return null;
        }
      }
      /**
       * `length` bytes in the walk's own memory, always the same ones: lines read into them are walked in
       * place. Null when `length` is more than it has.
       */
      buffer(length) {
        if (length > BUFFER_BYTES) return null;
        return Buffer.from(this.exports.memory.buffer, this.bufferAt, length);
      }
      /** Walks `bytes[start, end)`, one line without its newline. */
      walk(bytes, start, end) {
        const memory = this.exports.memory.buffer;
        if (bytes.buffer === memory) return this.exports.walk(bytes.byteOffset + start, end - start);
        if (end - start > COPY_BYTES) return WALK_USE_JS;
        new Uint8Array(memory, this.copyAt, end - start).set(bytes.subarray(start, end));
        return this.exports.walk(this.copyAt, end - start);
      }
    };
  }
});

// src/transcript/line-scanner.ts
function keyTable(role) {
  const table = [];
  for (const { name, slot } of WANTED_KEYS.filter((key) => key.role === role)) {
    const bytes = new TextEncoder().encode(name);
    const sameLength = table[bytes.length] ?? [];
    sameLength.push({ bytes, slot });
    table[bytes.length] = sameLength;
  }
  return table;
}
function isAsciiSpace(byte) {
  return byte === 32 || byte === 9 || byte === 10 || byte === 13 || byte === 11 || byte === 12;
}
function nativeWalk() {
  if (lineWalk === void 0) lineWalk = LineWalk.create(WANTED_KEYS);
  return lineWalk;
}
function lineBuffer(length) {
  return nativeWalk()?.buffer(length) ?? Buffer.allocUnsafe(length);
}
function scanLine(bytes, start, end, spanValue = parseSpan) {
  const walk = nativeWalk();
  if (walk === null) return scanLineInJs(bytes, start, end, spanValue);
  const answer = walk.walk(bytes, start, end);
  if (answer === WALK_INVALID) return INVALID;
  if (answer === WALK_USE_EXACT) return USE_EXACT;
  if (answer !== WALK_VALUE) return scanLineInJs(bytes, start, end, spanValue);
  const out = walk.output;
  for (let slot = 0; slot <= MESSAGE_SLOT; slot++) {
    topStart[slot] = offsetIn(out[OUT_TOP + 2 * slot], start);
    topEnd[slot] = offsetIn(out[OUT_TOP + 2 * slot + 1], start);
  }
  const blocks = [];
  for (let b = 0, o = OUT_BLOCKS; b < out[OUT_BLOCK_COUNT]; b++, o += 6) {
    blocks.push({
      start: offsetIn(out[o], start),
      end: offsetIn(out[o + 1], start),
      typeStart: offsetIn(out[o + 2], start),
      typeEnd: offsetIn(out[o + 3], start),
      textStart: offsetIn(out[o + 4], start),
      textEnd: offsetIn(out[o + 5], start)
    });
  }
  const contentStart = offsetIn(out[OUT_CONTENT_START], start);
  return built(bytes, contentStart, offsetIn(out[OUT_CONTENT_END], start), blocks, spanValue);
}
function offsetIn(offset, lineStart) {
  return offset < 0 ? -1 : offset + lineStart;
}
function scanLineInJs(bytes, start, end, spanValue = parseSpan) {
  let first = start;
  let last = end;
  for (; ; ) {
    if (isAsciiSpace(bytes[first])) first++;
    else if (bytes[first] === 239 && bytes[first + 1] === 187 && bytes[first + 2] === 191) first += 3;
    else break;
  }
  while (last > first && isAsciiSpace(bytes[last - 1])) last--;
  if (bytes[first] !== OPEN_BRACE || bytes[last - 1] !== CLOSE_BRACE) return USE_EXACT;
  if (bytes.subarray(first, last).indexOf(0) !== -1) return USE_EXACT;
  topStart.fill(-1);
  let contentStart = -1;
  let contentEnd = -1;
  let blocks = [];
  let block = null;
  const valueEnded = (d, at) => {
    const slot = valueSlot[d];
    if (slot === NO_SLOT) return;
    valueSlot[d] = NO_SLOT;
    const from = captureStart[d];
    if (slot <= MESSAGE_SLOT) {
      topStart[slot] = from;
      topEnd[slot] = at;
    } else if (slot === CONTENT_SLOT) contentEnd = at;
    else if (slot === BLOCK_SLOT) {
      if (block !== null) block.end = at;
      block = null;
    } else if (block !== null && slot === BLOCK_TYPE_SLOT) {
      block.typeStart = from;
      block.typeEnd = at;
    } else if (block !== null && slot === BLOCK_TEXT_SLOT) {
      block.textStart = from;
      block.textEnd = at;
    }
  };
  let depth = 0;
  let expect = EXPECT_VALUE;
  let keySlot = NO_SLOT;
  let i = first;
  while (i < last) {
    const c = bytes[i];
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      i++;
      continue;
    }
    let closes = false;
    switch (expect) {
      case EXPECT_COLON:
        if (c !== 58) return INVALID;
        expect = EXPECT_VALUE;
        i++;
        continue;
      case EXPECT_COMMA_OR_CLOSE:
        if (c === 44) {
          expect = kinds[depth] === ARRAY ? EXPECT_VALUE : EXPECT_KEY;
          i++;
          continue;
        }
        if (c !== (kinds[depth] === ARRAY ? CLOSE_BRACKET : CLOSE_BRACE)) return INVALID;
        closes = true;
        break;
      case EXPECT_KEY_OR_CLOSE:
      case EXPECT_KEY: {
        if (c === CLOSE_BRACE && expect === EXPECT_KEY_OR_CLOSE) {
          closes = true;
          break;
        }
        if (c !== QUOTE) return INVALID;
        const close = stringEnd(bytes, i + 1, last, true);
        if (close === -1) return INVALID;
        const role = roles[depth];
        keySlot = role === ROLE_ROOT || role === ROLE_MESSAGE || role === ROLE_BLOCK ? keySlotOf(bytes, i + 1, close, role, stringHadEscape) : NO_SLOT;
        i = close + 1;
        expect = EXPECT_COLON;
        continue;
      }
      case EXPECT_VALUE_OR_CLOSE:
        if (c === CLOSE_BRACKET) closes = true;
        break;
      case EXPECT_VALUE:
        break;
      default:
        return INVALID;
    }
    if (closes) {
      depth--;
      i++;
      if (depth === 0) {
        expect = EXPECT_NOTHING;
        continue;
      }
      valueEnded(depth, i);
      expect = EXPECT_COMMA_OR_CLOSE;
      continue;
    }
    let slot = NO_SLOT;
    let parentRole = ROLE_OTHER;
    if (depth > 0) {
      parentRole = roles[depth];
      if (kinds[depth] === OBJECT) slot = keySlot;
      else if (parentRole === ROLE_CONTENT) slot = BLOCK_SLOT;
      valueSlot[depth] = slot;
      captureStart[depth] = i;
      if (slot === MESSAGE_SLOT) {
        contentStart = -1;
        blocks = [];
      } else if (slot === CONTENT_SLOT) {
        contentStart = i;
        blocks = [];
      } else if (slot === BLOCK_SLOT) {
        block = { start: i, end: -1, typeStart: -1, typeEnd: -1, textStart: -1, textEnd: -1 };
        blocks.push(block);
      }
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === MAX_DEPTH) return USE_EXACT;
      depth++;
      kinds[depth] = c === OPEN_BRACE ? OBJECT : ARRAY;
      roles[depth] = depth === 1 ? ROLE_ROOT : c === OPEN_BRACE && slot === MESSAGE_SLOT ? ROLE_MESSAGE : c === OPEN_BRACKET && slot === CONTENT_SLOT ? ROLE_CONTENT : c === OPEN_BRACE && slot === BLOCK_SLOT ? ROLE_BLOCK : ROLE_OTHER;
      valueSlot[depth] = NO_SLOT;
      keySlot = NO_SLOT;
      expect = c === OPEN_BRACE ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
      i++;
      continue;
    }
    let next;
    if (c === QUOTE) {
      const close = stringEnd(bytes, i + 1, last, false);
      if (close === -1) return INVALID;
      next = close + 1;
    } else if (c === 45 || c >= 48 && c <= 57) next = numberEnd(bytes, i, last);
    else if (c === 116) next = literalEnd(bytes, i, last, "true");
    else if (c === 102) next = literalEnd(bytes, i, last, "false");
    else if (c === 110) next = literalEnd(bytes, i, last, "null");
    else return INVALID;
    if (next === -1) return INVALID;
    i = next;
    if (depth === 0) {
      expect = EXPECT_NOTHING;
      continue;
    }
    valueEnded(depth, i);
    expect = EXPECT_COMMA_OR_CLOSE;
  }
  if (expect !== EXPECT_NOTHING) return INVALID;
  return built(bytes, contentStart, contentEnd, blocks, spanValue);
}
function built(bytes, contentStart, contentEnd, blocks, spanValue) {
  try {
    return { kind: "value", value: buildRecord(bytes, contentStart, contentEnd, blocks, spanValue) };
  } catch {
    return INVALID;
  }
}
function buildRecord(bytes, contentStart, contentEnd, blocks, readValue) {
  const record2 = {};
  for (let slot = 0; slot < READ_KEYS.length; slot++) {
    if (topStart[slot] >= 0) record2[READ_KEYS[slot]] = readValue(bytes, topStart[slot], topEnd[slot]);
  }
  const messageStart = topStart[MESSAGE_SLOT];
  if (messageStart >= 0) {
    if (bytes[messageStart] !== OPEN_BRACE) {
      record2.message = readValue(bytes, messageStart, topEnd[MESSAGE_SLOT]);
    } else {
      const message = {};
      if (contentStart >= 0) {
        message.content = bytes[contentStart] === OPEN_BRACKET ? blocks.map((b) => buildBlock(bytes, b, readValue)) : readValue(bytes, contentStart, contentEnd);
      }
      record2.message = message;
    }
  }
  return record2;
}
function buildBlock(bytes, block, readValue) {
  const c = bytes[block.start];
  if (c === 110) return null;
  if (c !== OPEN_BRACE) return 0;
  const fields = {};
  if (block.typeStart >= 0) fields.type = readValue(bytes, block.typeStart, block.typeEnd);
  if (block.textStart >= 0) fields.text = readValue(bytes, block.textStart, block.textEnd);
  return fields;
}
function parseSpan(bytes, start, end) {
  if (bytes[start] === QUOTE && end - start < LONG_STRING_BYTES) {
    let plain = true;
    for (let i = start + 1; i < end - 1; i++) {
      if (bytes[i] >= 128 || bytes[i] === BACKSLASH) {
        plain = false;
        break;
      }
    }
    if (plain) return bytes.toString("latin1", start + 1, end - 1);
  }
  return JSON.parse(bytes.toString("utf8", start, end));
}
function closingQuote(bytes, from, last) {
  for (let search = from; ; ) {
    const quote = bytes.indexOf(QUOTE, search);
    if (quote === -1 || quote >= last) return -1;
    let backslashes = 0;
    while (quote - 1 - backslashes >= from && bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    search = quote + 1;
  }
}
function stringEnd(bytes, from, last, checkAll) {
  stringHadEscape = false;
  const walked = checkString(bytes, from, Math.min(last, from + WALK_BYTES));
  if (walked !== NOT_FOUND) return walked;
  const close = closingQuote(bytes, walkedTo, last);
  if (close === -1) return -1;
  if (!checkAll && close - from >= LONG_STRING_BYTES) return close;
  return checkString(bytes, walkedTo, close) === NOT_FOUND ? close : -1;
}
function checkString(bytes, from, limit) {
  let i = from;
  while (i < limit) {
    const c = bytes[i];
    if (c === QUOTE) return i;
    if (c === BACKSLASH) {
      stringHadEscape = true;
      const e = bytes[i + 1];
      if (e === 117) {
        if (!(HEX[bytes[i + 2]] && HEX[bytes[i + 3]] && HEX[bytes[i + 4]] && HEX[bytes[i + 5]])) return -1;
        i += 6;
      } else if (ESCAPABLE[e]) i += 2;
      else return -1;
    } else if (c < 32) return -1;
    else i++;
  }
  walkedTo = i;
  return NOT_FOUND;
}
function keySlotOf(bytes, from, to, role, escaped) {
  const keys = role === ROLE_ROOT ? TOP_KEYS : role === ROLE_MESSAGE ? MESSAGE_KEYS : BLOCK_KEYS;
  const length = to - from;
  const candidates = keys[length];
  if (candidates !== void 0) {
    for (const { bytes: key, slot } of candidates) {
      let same = true;
      for (let k = 0; k < length; k++) {
        if (bytes[from + k] !== key[k]) {
          same = false;
          break;
        }
      }
      if (same) return slot;
    }
  }
  if (!escaped) return NO_SLOT;
  const name = JSON.parse(bytes.toString("utf8", from - 1, to + 1));
  return WANTED_KEYS.find((key) => key.role === role && key.name === name)?.slot ?? NO_SLOT;
}
function numberEnd(bytes, start, last) {
  let i = start;
  if (bytes[i] === 45) i++;
  if (bytes[i] === 48) i++;
  else if (isDigit2(bytes[i])) while (i < last && isDigit2(bytes[i])) i++;
  else return -1;
  if (bytes[i] === 46) {
    i++;
    if (!isDigit2(bytes[i])) return -1;
    while (i < last && isDigit2(bytes[i])) i++;
  }
  if (bytes[i] === 101 || bytes[i] === 69) {
    i++;
    if (bytes[i] === 43 || bytes[i] === 45) i++;
    if (!isDigit2(bytes[i])) return -1;
    while (i < last && isDigit2(bytes[i])) i++;
  }
  return i > last ? -1 : i;
}
function isDigit2(byte) {
  return byte !== void 0 && byte >= 48 && byte <= 57;
}
function literalEnd(bytes, i, last, word) {
  if (i + word.length > last) return -1;
  for (let k = 0; k < word.length; k++) if (bytes[i + k] !== word.charCodeAt(k)) return -1;
  return i + word.length;
}
var INVALID, USE_EXACT, LONG_STRING_BYTES, MAX_DEPTH, MESSAGE_SLOT, ROLE_OTHER, ROLE_ROOT, ROLE_MESSAGE, ROLE_CONTENT, ROLE_BLOCK, NO_SLOT, CONTENT_SLOT, BLOCK_SLOT, BLOCK_TYPE_SLOT, BLOCK_TEXT_SLOT, EXPECT_VALUE, EXPECT_VALUE_OR_CLOSE, EXPECT_KEY_OR_CLOSE, EXPECT_KEY, EXPECT_COLON, EXPECT_COMMA_OR_CLOSE, EXPECT_NOTHING, QUOTE, BACKSLASH, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, ESCAPABLE, HEX, WANTED_KEYS, TOP_KEYS, MESSAGE_KEYS, BLOCK_KEYS, OBJECT, ARRAY, kinds, roles, valueSlot, captureStart, topStart, topEnd, lineWalk, stringHadEscape, WALK_BYTES, NOT_FOUND, walkedTo;
var init_line_scanner = __esm({
  "src/transcript/line-scanner.ts"() {
    "use strict";
    init_line_walk();
    init_transcript_record();
    INVALID = { kind: "invalid" };
    USE_EXACT = { kind: "use-exact" };
    LONG_STRING_BYTES = 512;
    MAX_DEPTH = 512;
    MESSAGE_SLOT = READ_KEYS.length;
    ROLE_OTHER = 0;
    ROLE_ROOT = 1;
    ROLE_MESSAGE = 2;
    ROLE_CONTENT = 3;
    ROLE_BLOCK = 4;
    NO_SLOT = -1;
    CONTENT_SLOT = 100;
    BLOCK_SLOT = 101;
    BLOCK_TYPE_SLOT = 102;
    BLOCK_TEXT_SLOT = 103;
    EXPECT_VALUE = 0;
    EXPECT_VALUE_OR_CLOSE = 1;
    EXPECT_KEY_OR_CLOSE = 2;
    EXPECT_KEY = 3;
    EXPECT_COLON = 4;
    EXPECT_COMMA_OR_CLOSE = 5;
    EXPECT_NOTHING = 6;
    QUOTE = 34;
    BACKSLASH = 92;
    OPEN_BRACE = 123;
    CLOSE_BRACE = 125;
    OPEN_BRACKET = 91;
    CLOSE_BRACKET = 93;
    ESCAPABLE = new Uint8Array(256);
    for (const c of '"\\/bfnrt') ESCAPABLE[c.charCodeAt(0)] = 1;
    HEX = new Uint8Array(256);
    for (const c of "0123456789abcdefABCDEF") HEX[c.charCodeAt(0)] = 1;
    WANTED_KEYS = [
      ...READ_KEYS.map((name, slot) => ({ role: ROLE_ROOT, slot, name })),
      { role: ROLE_ROOT, slot: MESSAGE_SLOT, name: "message" },
      { role: ROLE_MESSAGE, slot: CONTENT_SLOT, name: "content" },
      { role: ROLE_BLOCK, slot: BLOCK_TYPE_SLOT, name: "type" },
      { role: ROLE_BLOCK, slot: BLOCK_TEXT_SLOT, name: "text" }
    ];
    TOP_KEYS = keyTable(ROLE_ROOT);
    MESSAGE_KEYS = keyTable(ROLE_MESSAGE);
    BLOCK_KEYS = keyTable(ROLE_BLOCK);
    OBJECT = 1;
    ARRAY = 2;
    kinds = new Uint8Array(MAX_DEPTH + 1);
    roles = new Uint8Array(MAX_DEPTH + 1);
    valueSlot = new Int32Array(MAX_DEPTH + 1);
    captureStart = new Int32Array(MAX_DEPTH + 1);
    topStart = new Int32Array(READ_KEYS.length + 1);
    topEnd = new Int32Array(READ_KEYS.length + 1);
    stringHadEscape = false;
    WALK_BYTES = 64;
    NOT_FOUND = -2;
    walkedTo = 0;
  }
});

// src/transcript/parsed-line.ts
function parseLine(bytes, start, end) {
  let text;
  try {
    text = bytes.toString("utf8", start, end);
  } catch {
    return TOO_LONG;
  }
  text = text.trim();
  if (text === "") return SKIP2;
  try {
    return { kind: "value", value: JSON.parse(text) };
  } catch {
    return SKIP2;
  }
}
function scanOrParseLine(bytes, start, end) {
  const scan = scanLine(bytes, start, end);
  if (scan.kind === "value") return scan;
  if (scan.kind === "invalid") return SKIP2;
  return parseLine(bytes, start, end);
}
function applyParsedLine(state, line) {
  if (state.halted) return;
  if (line.kind === "too-long") state.halted = true;
  else if (line.kind === "value") state.apply(line.value);
}
var SKIP2, TOO_LONG;
var init_parsed_line = __esm({
  "src/transcript/parsed-line.ts"() {
    "use strict";
    init_line_scanner();
    SKIP2 = { kind: "skip" };
    TOO_LONG = { kind: "too-long" };
  }
});

// src/transcript/long-line.ts
import { constants as bufferConstants } from "node:buffer";
import fs20 from "node:fs";
function readLongLine(fd, lineStart, head) {
  const skeleton = new Skeleton(fd, lineStart);
  skeleton.feed(head, 0, head.length, lineStart);
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let offset = lineStart + head.length;
  let next = null;
  for (; ; ) {
    const bytesRead = fs20.readSync(fd, chunk, 0, CHUNK_BYTES, offset);
    if (bytesRead === 0) break;
    const newline = chunk.subarray(0, bytesRead).indexOf(NEWLINE);
    skeleton.feed(chunk, 0, newline === -1 ? bytesRead : newline, offset);
    if (newline !== -1) {
      next = offset + newline + 1;
      break;
    }
    offset += bytesRead;
  }
  const lineEnd = next === null ? offset : next - 1;
  return { line: skeleton.parse(lineEnd), next };
}
function readRange(fd, from, length) {
  const bytes = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const bytesRead = fs20.readSync(fd, bytes, filled, length - filled, from + filled);
    if (bytesRead === 0) return bytes.subarray(0, filled);
    filled += bytesRead;
  }
  return bytes;
}
function eachChunk(fd, from, to, take, chunkBytes = CHUNK_BYTES) {
  const chunk = Buffer.allocUnsafe(chunkBytes);
  for (let at = from; at < to; ) {
    const bytesRead = fs20.readSync(fd, chunk, 0, Math.min(chunkBytes, to - at), at);
    if (bytesRead === 0) return;
    if (take(chunk.subarray(0, bytesRead)) === false) return;
    at += bytesRead;
  }
}
function decodedLength(fd, from, to) {
  const decoder = new TextDecoder("utf-8");
  let units = 0;
  eachChunk(
    fd,
    from,
    to,
    (chunk) => {
      units += decoder.decode(chunk, { stream: true }).length;
      return units <= MAX_STRING_LENGTH;
    },
    64 * 1024
  );
  return units + decoder.decode().length;
}
function isValidStringBody(fd, from, to, hexLeft) {
  let valid = true;
  let pending = hexLeft;
  eachChunk(fd, from, to, (chunk) => {
    for (const c of chunk) {
      if (pending === -1) {
        if (c === 117) pending = 4;
        else if (!ESCAPABLE2[c]) valid = false;
        else pending = 0;
      } else if (pending > 0) {
        if (!HEX2[c]) valid = false;
        pending--;
      } else if (c === BACKSLASH2) pending = -1;
      else if (c < 32) valid = false;
      if (!valid) return false;
    }
    return true;
  });
  return valid && pending === 0;
}
var CHUNK_BYTES, KEEP_STRING_BYTES, FILLER_BYTES, KEEP_DIGITS, MAX_STRING_LENGTH, NEWLINE, QUOTE2, BACKSLASH2, COLON, FILLER, INVALID_MARK, OUTSIDE, IN_STRING, IN_CUT_STRING, Skeleton, ESCAPABLE2, HEX2;
var init_long_line = __esm({
  "src/transcript/long-line.ts"() {
    "use strict";
    init_line_scanner();
    init_parsed_line();
    CHUNK_BYTES = 1 << 20;
    KEEP_STRING_BYTES = 1024;
    FILLER_BYTES = 512;
    KEEP_DIGITS = 16;
    MAX_STRING_LENGTH = bufferConstants.MAX_STRING_LENGTH;
    NEWLINE = 10;
    QUOTE2 = 34;
    BACKSLASH2 = 92;
    COLON = 58;
    FILLER = 120;
    INVALID_MARK = 1;
    OUTSIDE = 0;
    IN_STRING = 1;
    IN_CUT_STRING = 2;
    Skeleton = class {
      constructor(fd, lineStart) {
        this.fd = fd;
        this.lineStart = lineStart;
      }
      fd;
      lineStart;
      out = Buffer.allocUnsafe(64 * 1024);
      length = 0;
      /** Where cuts end: skeleton offset and file offset of the first byte after each cut. */
      cutSkeleton = [];
      cutFile = [];
      mode = OUTSIDE;
      sawNul = false;
      // Inside a string kept whole so far.
      bodyBytes = 0;
      afterBackslash = false;
      hexLeft = 0;
      // Inside a cut string.
      backslashRun = 0;
      cutFrom = 0;
      cutHexLeft = 0;
      fillerAt = 0;
      /** A cut string ended: if a colon follows, it was a key, which the scanner checks in full. */
      cutKey = null;
      // Outside strings.
      inSpaces = false;
      droppedSpaces = false;
      digits = 0;
      /** Takes `bytes[from, to)`, which lie at file offset `fileOffset + from`. */
      feed(bytes, from, to, fileOffset) {
        if (!this.sawNul && bytes.subarray(from, to).indexOf(0) !== -1) this.sawNul = true;
        let i = from;
        while (i < to) {
          if (this.mode === IN_CUT_STRING) {
            i = this.skipCutString(bytes, i, to, fileOffset);
            continue;
          }
          const c = bytes[i];
          if (this.mode === IN_STRING) {
            if (this.afterBackslash) {
              this.afterBackslash = false;
              this.hexLeft = c === 117 ? 4 : 0;
            } else if (c === QUOTE2) {
              this.mode = OUTSIDE;
            } else if (this.bodyBytes >= KEEP_STRING_BYTES) {
              this.cut(fileOffset + i);
              continue;
            } else if (c === BACKSLASH2) {
              this.afterBackslash = true;
              this.hexLeft = 0;
            } else if (this.hexLeft > 0) {
              this.hexLeft--;
            }
            this.bodyBytes++;
            this.push(c);
            i++;
            continue;
          }
          const space = c === 32 || c === 9 || c === 13;
          if (!space && this.cutKey !== null) {
            if (c === COLON) this.checkCutKey(this.cutKey);
            this.cutKey = null;
          }
          if (space) {
            if (this.inSpaces) this.droppedSpaces = true;
            else this.push(c);
            this.inSpaces = true;
            i++;
            continue;
          }
          if (this.droppedSpaces) this.markCut(fileOffset + i);
          this.inSpaces = false;
          this.droppedSpaces = false;
          if (c >= 48 && c <= 57) {
            if (this.digits < KEEP_DIGITS) this.push(c);
            this.digits++;
            i++;
            continue;
          }
          if (this.digits > KEEP_DIGITS) this.markCut(fileOffset + i);
          this.digits = 0;
          if (c === QUOTE2) {
            this.mode = IN_STRING;
            this.bodyBytes = 0;
            this.afterBackslash = false;
            this.hexLeft = 0;
          }
          this.push(c);
          i++;
        }
      }
      /**
       * Cuts the string here (never right after a backslash). The hex digits of a `\u` escape still to
       * come are completed with zeros in the skeleton, and checked from the file if the string is a key.
       */
      cut(fileOffset) {
        for (let k = 0; k < this.hexLeft; k++) this.push(48);
        this.mode = IN_CUT_STRING;
        this.cutFrom = fileOffset;
        this.cutHexLeft = this.hexLeft;
        this.fillerAt = this.length;
        this.backslashRun = 0;
      }
      /** Looks for the quote that ends a cut string; returns where to go on. */
      skipCutString(bytes, from, to, fileOffset) {
        let search = from;
        for (; ; ) {
          const quote = bytes.indexOf(QUOTE2, search);
          if (quote === -1 || quote >= to) {
            let k2 = to;
            while (k2 > search && bytes[k2 - 1] === BACKSLASH2) k2--;
            this.backslashRun = k2 === search ? this.backslashRun + (to - search) : to - k2;
            return to;
          }
          let k = quote;
          while (k > search && bytes[k - 1] === BACKSLASH2) k--;
          const run = quote - k + (k === search ? this.backslashRun : 0);
          this.backslashRun = 0;
          if (run % 2 === 1) {
            search = quote + 1;
            continue;
          }
          for (let f = 0; f < FILLER_BYTES; f++) this.push(FILLER);
          this.markCut(fileOffset + quote);
          this.cutKey = { fillerAt: this.fillerAt, from: this.cutFrom, to: fileOffset + quote, hexLeft: this.cutHexLeft };
          this.mode = OUTSIDE;
          this.push(QUOTE2);
          return quote + 1;
        }
      }
      /** A cut string that is a key: its cut part is checked as JSON.parse checks it, from the file. */
      checkCutKey(key) {
        if (!isValidStringBody(this.fd, key.from, key.to, key.hexLeft)) this.out[key.fillerAt] = INVALID_MARK;
      }
      markCut(fileOffset) {
        this.cutSkeleton.push(this.length);
        this.cutFile.push(fileOffset);
      }
      push(byte) {
        if (this.length === this.out.length) {
          const bigger = Buffer.allocUnsafe(this.out.length * 2);
          this.out.copy(bigger);
          this.out = bigger;
        }
        this.out[this.length++] = byte;
      }
      /** The file offset of skeleton offset `at`. */
      fileOffsetOf(at) {
        let low = 0;
        let high = this.cutSkeleton.length - 1;
        let found = -1;
        while (low <= high) {
          const mid = low + high >> 1;
          if (this.cutSkeleton[mid] <= at) {
            found = mid;
            low = mid + 1;
          } else high = mid - 1;
        }
        return found === -1 ? this.lineStart + at : this.cutFile[found] + (at - this.cutSkeleton[found]);
      }
      /** Whether a cut ends inside `(start, end]`: the value's bytes must then come from the file. */
      cutWithin(start, end) {
        let low = 0;
        let high = this.cutSkeleton.length - 1;
        while (low <= high) {
          const mid = low + high >> 1;
          const at = this.cutSkeleton[mid];
          if (at <= start) low = mid + 1;
          else if (at > end) high = mid - 1;
          else return true;
        }
        return false;
      }
      /** The whole line, which ends at file offset `lineEnd`, as the derivation takes it. */
      parse(lineEnd) {
        const lineBytes = lineEnd - this.lineStart;
        if (lineBytes > MAX_STRING_LENGTH && decodedLength(this.fd, this.lineStart, lineEnd) > MAX_STRING_LENGTH) {
          return TOO_LONG;
        }
        if (this.sawNul) return SKIP2;
        const skeleton = this.out.subarray(0, this.length);
        const scan = scanLine(skeleton, 0, this.length, (bytes, start, end) => {
          if (!this.cutWithin(start, end)) return parseSpan(bytes, start, end);
          const from = this.fileOffsetOf(start);
          const value = readRange(this.fd, from, this.fileOffsetOf(end) - from);
          return parseSpan(value, 0, value.length);
        });
        if (scan.kind === "value") return scan;
        if (scan.kind === "invalid") return SKIP2;
        try {
          JSON.parse(skeleton.toString("utf8").trim());
        } catch {
          return SKIP2;
        }
        const whole = readRange(this.fd, this.lineStart, lineBytes);
        return parseLine(whole, 0, whole.length);
      }
    };
    ESCAPABLE2 = new Uint8Array(256);
    for (const c of '"\\/bfnrt') ESCAPABLE2[c.charCodeAt(0)] = 1;
    HEX2 = new Uint8Array(256);
    for (const c of "0123456789abcdefABCDEF") HEX2[c.charCodeAt(0)] = 1;
  }
});

// src/transcript/transcript-reader.ts
import fs21 from "node:fs";
function readLines(fd, state, fromOffset) {
  let buffer = readBuffer ?? lineBuffer(CHUNK_BYTES2);
  let bufferOffset = fromOffset;
  let lineStart = 0;
  let filled = 0;
  let scanFrom = 0;
  let tail = null;
  for (; ; ) {
    const newline = buffer.indexOf(NEWLINE2, scanFrom);
    if (newline !== -1 && newline < filled) {
      applyLine(state, buffer, lineStart, newline);
      lineStart = newline + 1;
      scanFrom = lineStart;
      continue;
    }
    if (lineStart > 0) {
      buffer.copyWithin(0, lineStart, filled);
      bufferOffset += lineStart;
      filled -= lineStart;
      lineStart = 0;
    }
    if (filled === buffer.length) {
      if (buffer.length >= LONG_LINE_BYTES) {
        const long = readLongLine(fd, bufferOffset, buffer.subarray(0, filled));
        if (long.next === null) {
          tail = long.line;
          filled = 0;
          break;
        }
        applyParsedLine(state, long.line);
        bufferOffset = long.next;
        filled = 0;
        scanFrom = 0;
        continue;
      }
      buffer = grow(buffer);
    }
    const bytesRead = fs21.readSync(fd, buffer, filled, buffer.length - filled, bufferOffset + filled);
    if (bytesRead === 0) break;
    scanFrom = filled;
    filled += bytesRead;
  }
  if (filled > lineStart) tail = scanOrParseLine(buffer, lineStart, filled);
  readBuffer = buffer;
  return { committedOffset: bufferOffset + lineStart, tail };
}
function grow(buffer) {
  const bigger = lineBuffer(Math.min(buffer.length * 2, LONG_LINE_BYTES));
  if (bigger.buffer !== buffer.buffer || bigger.byteOffset !== buffer.byteOffset) buffer.copy(bigger);
  return bigger;
}
function applyLine(state, bytes, start, end) {
  if (state.halted) return;
  applyParsedLine(state, scanOrParseLine(bytes, start, end));
}
function withTail(state, tail) {
  if (tail === null || tail.kind !== "value" || state.halted) return state;
  const withLastLine = state.clone();
  withLastLine.apply(tail.value);
  return withLastLine;
}
var CHUNK_BYTES2, LONG_LINE_BYTES, readBuffer, NEWLINE2;
var init_transcript_reader = __esm({
  "src/transcript/transcript-reader.ts"() {
    "use strict";
    init_line_scanner();
    init_long_line();
    init_parsed_line();
    CHUNK_BYTES2 = 1 << 20;
    LONG_LINE_BYTES = 8 << 20;
    readBuffer = null;
    NEWLINE2 = 10;
  }
});

// src/transcript/transcript.ts
import fs22 from "node:fs";
function deriveTranscript(file, cache) {
  let fd;
  try {
    fd = openRegularFile(file.path).fd;
  } catch (error2) {
    return { kind: "unreadable", reason: describeFileError(error2) };
  }
  try {
    const size = fs22.fstatSync(fd).size;
    const resume = cache?.load(file, fd, size) ?? null;
    const state = resume?.state ?? new TranscriptState(file.sessionId);
    const startOffset = resume?.offset ?? 0;
    const progress = readLines(fd, state, startOffset);
    if (cache && (resume === null || progress.committedOffset - startOffset >= REFRESH_AFTER_BYTES))
      cache.save(file, fd, state, progress.committedOffset);
    return deriveEntry(withTail(state, progress.tail), file);
  } catch (error2) {
    return { kind: "unreadable", reason: describeFileError(error2) };
  } finally {
    fs22.closeSync(fd);
  }
}
var init_transcript = __esm({
  "src/transcript/transcript.ts"() {
    "use strict";
    init_regular_file();
    init_session_entry();
    init_transcript_cache();
    init_transcript_reader();
    init_transcript_state();
  }
});

// src/catalog/resume-visibility.ts
import fs25 from "node:fs";
import path22 from "node:path";
function hiddenReasons(input, paths) {
  const { view } = input;
  const reasons = [];
  if (input.projectPath === null) reasons.push("no-cwd");
  else if (!paths.listedDirNames(input.projectPath).has(path22.basename(input.projectDir)))
    reasons.push("split-directory");
  if (view.programmatic === "sdk") reasons.push("programmatic");
  if (view.programmatic === "daemon") reasons.push("daemon");
  if (view.continuedIn !== void 0 && input.continuationExists) reasons.push("continued");
  if (view.sidechainHead) reasons.push("sidechain-head");
  if (view.title === void 0) reasons.push(input.hasPrompt ? "no-title" : "bookkeeping-only");
  if (input.projectPath !== null && view.checkedCwd !== void 0 && !reasons.includes("split-directory") && paths.slugCollision(view.checkedCwd, input.projectPath))
    reasons.push("cwd-mismatch");
  return reasons;
}
function sameSlugOtherPath(a, b) {
  if (a === b) return false;
  const slug = (p) => p.replace(/[^a-zA-Z0-9]/g, "-");
  return slug(a) === slug(b) && a.replaceAll("\\", "/") !== b.replaceAll("\\", "/");
}
function unverifiable(p) {
  return /^[\\/]{2}/.test(p) || /(^|[\\/])\.\.([\\/]|$)/.test(p) || /^\/net(\/|$)/i.test(p);
}
var PathFacts;
var init_resume_visibility = __esm({
  "src/catalog/resume-visibility.ts"() {
    "use strict";
    init_project_dir();
    PathFacts = class {
      constructor(projectsRoot2) {
        this.projectsRoot = projectsRoot2;
      }
      projectsRoot;
      real = /* @__PURE__ */ new Map();
      dirNames = /* @__PURE__ */ new Map();
      allNames = null;
      realPath(p) {
        let real = this.real.get(p);
        if (real === void 0) {
          try {
            real = fs25.realpathSync.native(p);
          } catch {
            real = null;
          }
          this.real.set(p, real);
        }
        return real;
      }
      /**
       * The project directories a listing for `projectPath` reads: the name of its real path as the
       * latest release encodes it, and for long paths any name with the same 200-character prefix.
       */
      listedDirNames(projectPath) {
        const real = this.realPath(projectPath) ?? projectPath;
        let names = this.dirNames.get(real);
        if (names === void 0) {
          names = /* @__PURE__ */ new Set([encodeProjectDirName(real)]);
          const uncut = real.replace(/[^a-zA-Z0-9]/g, "-");
          if (uncut.length > 200) {
            const prefix = `${uncut.slice(0, 200)}-`;
            for (const name of this.projectDirNames()) if (name.startsWith(prefix)) names.add(name);
          }
          this.dirNames.set(real, names);
        }
        return names;
      }
      projectDirNames() {
        if (this.allNames === null) {
          try {
            this.allNames = fs25.readdirSync(this.projectsRoot);
          } catch {
            this.allNames = [];
          }
        }
        return this.allNames;
      }
      /**
       * The listing's test for a transcript whose recorded directory `recorded` is not the directory
       * listed (`projectPath`) though both encode to the same name: then it belongs to the other one.
       */
      slugCollision(recorded, projectPath) {
        const listed = this.realPath(projectPath) ?? projectPath;
        if (!sameSlugOtherPath(recorded, listed)) return false;
        if (unverifiable(recorded) || unverifiable(listed)) return false;
        const recordedReal = this.realPath(recorded);
        if (recordedReal === null) return false;
        return sameSlugOtherPath(recordedReal, listed);
      }
    };
  }
});

// src/catalog/resume-view.ts
import fs26 from "node:fs";
import path23 from "node:path";
function readWindows(file) {
  let fd;
  try {
    fd = fs26.openSync(file, fs26.constants.O_RDONLY | fs26.constants.O_NOFOLLOW | fs26.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fs26.fstatSync(fd);
    if (!stat.isFile()) return null;
    const buffer = Buffer.allocUnsafe(WINDOW_BYTES);
    const headBytes = readFully(fd, buffer, 0);
    if (headBytes === 0) return null;
    const head = buffer.toString("utf8", 0, headBytes);
    const tailStart = Math.max(0, stat.size - WINDOW_BYTES);
    const tail = tailStart > 0 ? buffer.toString("utf8", 0, readFully(fd, buffer, tailStart)) : head;
    return { head, tail, size: stat.size, mtime: stat.mtime.getTime() };
  } catch {
    return null;
  } finally {
    fs26.closeSync(fd);
  }
}
function readFully(fd, buffer, position) {
  let filled = 0;
  while (filled < buffer.length) {
    const bytes = fs26.readSync(fd, buffer, filled, buffer.length - filled, position + filled);
    if (bytes <= 0) break;
    filled += bytes;
  }
  return filled;
}
function resumeView(file, sessionId, windows, hasFolder) {
  const { head, tail } = windows;
  const inHead = rareKeysIn(head);
  const inTail = tail === head ? inHead : rareKeysIn(tail);
  const typed = (text, keys, key, type, mode) => keys.has(key) ? typedValue(text, key, type, mode) : void 0;
  const newline = head.indexOf("\n");
  const firstLine = newline >= 0 ? head.slice(0, newline) : head;
  const tailTitle = typed(tail, inTail, "customTitle", "custom-title", "older");
  const customTitle = tailTitle || (tailTitle === void 0 && hasFolder ? sidecarTitle(file, sessionId) : void 0) || typed(head, inHead, "customTitle", "custom-title", "older") || void 0;
  const aiTitle = typed(tail, inTail, "aiTitle", "ai-title", "older") || typed(head, inHead, "aiTitle", "ai-title", "older") || void 0;
  const named = customTitle || aiTitle || void 0;
  const firstPrompt = firstPromptOf2(head) || void 0;
  const lastPrompt = typed(tail, inTail, "lastPrompt") || void 0;
  const title = named || lastPrompt || typed(tail, inTail, "summary") || firstPrompt || attachmentTitle(head) || void 0;
  const relocated = typed(tail, inTail, "relocatedCwd", "relocated");
  const timestamp = firstString(head, "timestamp");
  const created = timestamp ? Date.parse(timestamp) : Number.NaN;
  const view = {
    title,
    customTitle,
    aiTitle,
    firstPrompt,
    lastPrompt,
    gitBranch: lastString(tail, "gitBranch") || firstString(head, "gitBranch") || void 0,
    cwd: relocated || firstString(head, "cwd") || void 0,
    checkedCwd: relocated ?? parsedString(head, "cwd"),
    tag: typed(tail, inTail, "tag", "tag", "older") || void 0,
    createdAt: Number.isNaN(created) ? void 0 : created,
    programmatic: programmaticKind(head, tail, inHead, inTail),
    sidechainHead: firstLine.includes('"isSidechain":true') || firstLine.includes('"isSidechain": true'),
    teamName: inHead.has("teamName") && firstString(head, "teamName") || void 0,
    continuedIn: continuedIn(tail),
    hasMessages: hasMessages(file, windows)
  };
  for (const key of Object.keys(view)) if (view[key] === void 0) delete view[key];
  return view;
}
function rareKeysIn(text) {
  const found = /* @__PURE__ */ new Set();
  for (const match of text.matchAll(RARE_KEY_TEXT)) found.add(match[1]);
  return found;
}
function sidecarTitle(file, sessionId) {
  const text = readRegularFileOrNull(path23.join(path23.dirname(file), sessionId, "custom-title.json"), 1 << 20);
  if (text === null) return void 0;
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return void 0;
  }
  const title = parsed?.customTitle;
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed) || typeof title !== "string")
    return void 0;
  const cleaned = [
    ...title.trim().replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, " ").replace(/[\x00-\x1f\x7f-\x9f]/g, "")
  ].slice(0, MAX_TITLE_LENGTH).join("").trim();
  return cleaned || void 0;
}
function programmaticKind(head, tail, inHead, inTail) {
  const entrypoint = (inHead.has("entrypoint") ? firstString(head, "entrypoint") : void 0) ?? (inTail.has("entrypoint") ? lastString(tail, "entrypoint") : void 0);
  if (entrypoint && PROGRAMMATIC_ENTRYPOINTS.has(entrypoint)) return "sdk";
  const marker = head.indexOf(PARENT_MARKER);
  const messageLine = marker < 0 ? head : lineAt(head, marker);
  const kind = firstString(messageLine, "sessionKind");
  return kind !== void 0 && DAEMON_KINDS.has(kind) ? "daemon" : void 0;
}
function hasMessages(file, { head, tail, size }) {
  if (head.includes(PARENT_MARKER) || tail.includes(PARENT_MARKER)) return true;
  if (size <= WINDOW_BYTES) return false;
  return fileMentions(file, PARENT_MARKER);
}
function fileMentions(file, marker) {
  let fd;
  try {
    fd = fs26.openSync(file, fs26.constants.O_RDONLY | fs26.constants.O_NOFOLLOW | fs26.constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    if (!fs26.fstatSync(fd).isFile()) return false;
    const chunk = 1 << 20;
    const buffer = Buffer.allocUnsafe(chunk + marker.length);
    let kept = 0;
    for (let offset = 0; offset < MESSAGE_SCAN_LIMIT; ) {
      const bytes = fs26.readSync(fd, buffer, kept, chunk, offset);
      if (bytes === 0) return false;
      const filled = kept + bytes;
      if (buffer.subarray(0, filled).includes(marker)) return true;
      kept = Math.min(marker.length, filled);
      buffer.copyWithin(0, filled - kept, filled);
      offset += bytes;
    }
    return true;
  } catch {
    return false;
  } finally {
    fs26.closeSync(fd);
  }
}
function wellFormed(text) {
  return Buffer.from(text, "utf16le").toString("utf16le");
}
function unescapeJson(raw) {
  if (!raw.includes("\\")) return wellFormed(raw);
  try {
    return JSON.parse(`"${raw}"`);
  } catch {
    return wellFormed(raw);
  }
}
function firstString(text, key) {
  for (const opening of [`"${key}":"`, `"${key}": "`]) {
    const at = text.indexOf(opening);
    if (at < 0) continue;
    const start = at + opening.length;
    for (let i = start; i < text.length; i++) {
      if (text[i] === "\\") {
        i++;
        continue;
      }
      if (text[i] === '"') return unescapeJson(text.slice(start, i));
    }
  }
  return void 0;
}
function lastString(text, key) {
  const compact = `"${key}":"`;
  const openings = [compact, `"${key}": "`];
  const near = text.indexOf(`",${compact}`, text.length - LAST_STRING_WINDOW);
  const fromNear = near > 0 && text[near - 1] !== "\\" && !text.endsWith(compact, near + 1) ? lastStringFrom(text, openings, near + 2) : void 0;
  return fromNear ?? lastStringFrom(text, openings, 0);
}
function lastStringFrom(text, openings, from) {
  let found;
  let foundAt = -1;
  for (const opening of openings) {
    let search = from;
    for (; ; ) {
      const at = text.indexOf(opening, search);
      if (at < 0) break;
      const start = at + opening.length;
      let i = start;
      for (; i < text.length; i++) {
        if (text[i] === "\\") {
          i++;
          continue;
        }
        if (text[i] === '"') {
          if (at > foundAt) {
            found = text.slice(start, i);
            foundAt = at;
          }
          break;
        }
      }
      search = i + 1;
    }
  }
  return found === void 0 ? void 0 : unescapeJson(found);
}
function fieldOfLine(line, key, type) {
  try {
    const record2 = JSON.parse(line);
    if (typeof record2 === "object" && record2 !== null && (type === void 0 || record2.type === type)) {
      const value = record2[key];
      if (typeof value === "string") return value;
    }
    return void 0;
  } catch {
    return null;
  }
}
function typedValue(text, key, type, mode) {
  const types = type === void 0 ? void 0 : mode === void 0 ? [`"type":"${type}"`] : [`"type":"${type}"`, `"type": "${type}"`];
  const keyText = `"${key}":`;
  for (let at = text.lastIndexOf(keyText); at >= 0; ) {
    const start = text.lastIndexOf("\n", at) + 1;
    const line = lineFrom(text, start);
    if (types === void 0 || types.some((t) => line.includes(t))) {
      let value = fieldOfLine(line, key, type);
      if (value === null && mode !== void 0) {
        const glued = line.lastIndexOf(`{${types?.[0]}`);
        value = glued > 0 && !":,[".includes(line.charAt(glued - 1)) ? fieldOfLine(line.slice(glued), key, type) : null;
      }
      if (typeof value === "string") return value;
    }
    at = start === 0 ? -1 : text.lastIndexOf(keyText, start - 1);
  }
  return void 0;
}
function parsedString(text, key) {
  const keyText = `"${key}":`;
  for (const line of lines(text)) {
    if (!line.includes(keyText)) continue;
    try {
      const record2 = JSON.parse(line);
      if (typeof record2 === "object" && record2 !== null && typeof record2[key] === "string") return record2[key];
    } catch {
    }
  }
  return void 0;
}
function lineAt(text, at) {
  return lineFrom(text, text.lastIndexOf("\n", at) + 1);
}
function lineFrom(text, start) {
  const newline = text.indexOf("\n", start);
  return text.slice(start, newline < 0 ? text.length : newline);
}
function* lines(text) {
  let start = 0;
  for (; ; ) {
    const newline = text.indexOf("\n", start);
    if (newline < 0) break;
    yield text.slice(start, newline);
    start = newline + 1;
  }
  yield text.slice(start);
}
function isUserLine(line) {
  return line.includes('"type":"user"') || line.includes('"type": "user"');
}
function firstPromptOf2(head) {
  const state = { commandFallback: "" };
  for (const line of lines(head)) {
    if (!isUserLine(line) || line.includes('"tool_result"')) continue;
    if (line.includes('"isMeta":true') || line.includes('"isMeta": true')) continue;
    if (line.includes('"isCompactSummary":true') || line.includes('"isCompactSummary": true')) continue;
    try {
      const prompt = promptOfRecord(JSON.parse(line), state);
      if (prompt !== void 0) return prompt;
    } catch {
    }
  }
  return state.commandFallback;
}
function attachmentTitle(head) {
  for (const line of lines(head)) {
    if (!isUserLine(line) || line.includes('"tool_result"')) continue;
    if (line.includes('"isMeta":true') || line.includes('"isMeta": true')) continue;
    if (line.includes('"type":"image"') || line.includes('"type": "image"')) return "Image";
    if (line.includes('"type":"document"') || line.includes('"type": "document"')) return "Document";
  }
  return "";
}
function promptOfRecord(record2, state) {
  const r = record2;
  if (r === null || typeof r !== "object" || r.type !== "user") return void 0;
  if (r.isMeta === true || r.isCompactSummary === true) return void 0;
  const message = r.message;
  if (!message) return void 0;
  const content = message.content;
  const texts = [];
  if (typeof content === "string") texts.push(content);
  else if (Array.isArray(content)) {
    for (const block of content) {
      if (!block || typeof block !== "object") continue;
      if (block.type === "tool_result") return void 0;
      if (block.type === "text" && typeof block.text === "string") texts.push(block.text);
    }
  }
  for (const text of texts) {
    let shown = expandPastes(text).replaceAll("\n", " ").trim();
    if (!shown) continue;
    const command = COMMAND_NAME.exec(shown);
    if (command?.[1] !== void 0) {
      if (!state.commandFallback) state.commandFallback = command[1];
      continue;
    }
    const bash = BASH_INPUT.exec(shown);
    if (bash?.[1] !== void 0) return `! ${bash[1].trim()}`;
    if (NOT_A_PROMPT2.test(shown)) continue;
    if (shown.length > 200) shown = `${cutUtf16(shown, 200).trim()}\u2026`;
    return shown;
  }
  return void 0;
}
function cutUtf16(text, length) {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const last = cut.charCodeAt(length - 1);
  return wellFormed(last >= 55296 && last <= 56319 ? cut.slice(0, -1) : cut);
}
function expandPastes(text) {
  const parts = [];
  let copied = 0;
  let search = 0;
  for (; ; ) {
    const open2 = text.indexOf('<pasted_content id="', search);
    if (open2 === -1) break;
    const idStart = open2 + 20;
    const id = text.slice(idStart, idStart + 4);
    if (!/^[0-9a-f]{4}$/.test(id) || !text.startsWith('">\n', idStart + 4)) {
      search = idStart;
      continue;
    }
    const bodyStart = idStart + 4 + 3;
    const closing = `</pasted_content id="${id}">`;
    const closeAt = text.indexOf(`
${closing}`, bodyStart - 1) + 1;
    if (closeAt === 0) break;
    let before = open2;
    for (let n = 0; n < 2 && before > copied && text[before - 1] === "\n"; n++) before--;
    if (before > copied) parts.push({ kind: "text", text: text.slice(copied, before) });
    copied = closeAt + closing.length;
    for (let n = 0; n < 2 && text[copied] === "\n"; n++) copied++;
    parts.push({ kind: "block", body: text.slice(bodyStart, closeAt - 1) });
    search = copied;
  }
  if (copied < text.length) parts.push({ kind: "text", text: text.slice(copied) });
  if (parts.length === 1 && parts[0].kind === "text") return text;
  return parts.map((p) => p.kind === "text" ? p.text : p.body).join("");
}
function continuedIn(tail) {
  if (!tail.includes(CONTINUED)) return void 0;
  let end = tail.length;
  while (end > 0) {
    const newline = tail.lastIndexOf("\n", end - 1);
    const line = tail.slice(newline + 1, end);
    end = newline;
    const handOver = line.includes(CONTINUED);
    const message = line.includes('"type":"user"') || line.includes('"type":"assistant"');
    if (handOver || message) {
      try {
        const record2 = JSON.parse(line);
        if (handOver && isPlainObject2(record2) && record2.type === "continued-in") {
          const id = record2.continuedInSessionId;
          if (typeof id === "string") return UUID.test(id) ? id : void 0;
        }
        if (message && isFinishedTurn(record2)) return void 0;
      } catch {
      }
    }
    if (newline < 0) break;
  }
  return void 0;
}
function isPlainObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isFinishedTurn(record2) {
  if (isPlainObject2(record2) && record2.type === "assistant") {
    const { isApiErrorMessage, message } = record2;
    const shaped = (isApiErrorMessage === void 0 || typeof isApiErrorMessage === "boolean") && (message === void 0 || isPlainObject2(message)) && (message === void 0 || message.stop_reason === void 0 || message.stop_reason === null || typeof message.stop_reason === "string");
    if (shaped)
      return isApiErrorMessage !== true && typeof message?.stop_reason === "string";
  }
  return isPlainObject2(record2) && promptOfRecord(record2, { commandFallback: "" }) !== void 0;
}
var WINDOW_BYTES, MESSAGE_SCAN_LIMIT, PARENT_MARKER, PROGRAMMATIC_ENTRYPOINTS, DAEMON_KINDS, MAX_TITLE_LENGTH, RARE_KEYS, RARE_KEY_TEXT, LAST_STRING_WINDOW, NOT_A_PROMPT2, COMMAND_NAME, BASH_INPUT, CONTINUED, UUID;
var init_resume_view = __esm({
  "src/catalog/resume-view.ts"() {
    "use strict";
    init_regular_file();
    WINDOW_BYTES = 65536;
    MESSAGE_SCAN_LIMIT = 16 * 1024 * 1024;
    PARENT_MARKER = '"parentUuid":';
    PROGRAMMATIC_ENTRYPOINTS = /* @__PURE__ */ new Set(["sdk-cli", "sdk-ts", "sdk-py"]);
    DAEMON_KINDS = /* @__PURE__ */ new Set(["daemon", "daemon-worker"]);
    MAX_TITLE_LENGTH = 200;
    RARE_KEYS = [
      "customTitle",
      "aiTitle",
      "lastPrompt",
      "summary",
      "relocatedCwd",
      "tag",
      "entrypoint",
      "teamName"
    ];
    RARE_KEY_TEXT = new RegExp(`"(${RARE_KEYS.join("|")})":`, "g");
    LAST_STRING_WINDOW = 8192;
    NOT_A_PROMPT2 = /^(?:\s*<[a-z][\w-]*[\s>]|\[Request interrupted by user[^\]]*\])/;
    COMMAND_NAME = /<command-name>(.*?)<\/command-name>/;
    BASH_INPUT = /<bash-input>([\s\S]*?)<\/bash-input>/;
    CONTINUED = '"type":"continued-in"';
    UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  }
});

// src/catalog/archive-mark.ts
import fs27 from "node:fs";
import path24 from "node:path";
function archiveMarkPath(transcript, sessionId) {
  return path24.join(path24.dirname(transcript), sessionId, "archived.json");
}
function archivedState(transcript, sessionId, windows) {
  const mark = readMark(archiveMarkPath(transcript, sessionId));
  if (mark === void 0 || !mark.archived) return mark?.archived;
  const since = (text) => text.split("\n").some((line) => promptAfter(line, mark.atMs));
  return !(since(windows.tail) || windows.head !== windows.tail && since(windows.head));
}
function readMark(file) {
  let text;
  try {
    const fd = fs27.openSync(file, fs27.constants.O_RDONLY | fs27.constants.O_NOFOLLOW | fs27.constants.O_NONBLOCK);
    try {
      const stat = fs27.fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_MARK_BYTES) return void 0;
      text = fs27.readFileSync(fd, "utf8");
    } finally {
      fs27.closeSync(fd);
    }
  } catch {
    return void 0;
  }
  try {
    const mark = JSON.parse(text);
    if (mark === null || typeof mark !== "object" || typeof mark.archived !== "boolean") return void 0;
    if (typeof mark.at !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(mark.at))
      return void 0;
    return { archived: mark.archived, atMs: Date.parse(mark.at) };
  } catch {
    return void 0;
  }
}
function promptAfter(line, atMs) {
  if (!(line.includes('"user"') || line.includes('"queued_command"')) || line.includes('"tool_result"')) return false;
  let record2;
  try {
    record2 = JSON.parse(line);
  } catch {
    return false;
  }
  if (record2 === null || typeof record2 !== "object" || typeof record2.timestamp !== "string") return false;
  let content;
  let origin;
  if (record2.type === "user") {
    if (NOT_TRUE.some((key) => record2[key] !== void 0 && record2[key] !== false)) return false;
    const message = record2.message;
    if (message === null || typeof message !== "object" || !("content" in message)) return false;
    content = message.content;
    origin = record2.origin;
  } else if (record2.type === "attachment") {
    const attachment = record2.attachment;
    if (attachment === null || typeof attachment !== "object" || attachment.type !== "queued_command") return false;
    if (record2.isSidechain !== void 0 && record2.isSidechain !== false) return false;
    if (attachment.isMeta !== void 0 && attachment.isMeta !== false) return false;
    if (!("prompt" in attachment)) return false;
    content = attachment.prompt;
    origin = attachment.origin;
  } else return false;
  if (origin !== void 0 && (origin === null || typeof origin !== "object")) return false;
  const kind = origin?.kind;
  if (origin !== void 0 && typeof kind !== "string") return false;
  if (origin !== void 0 && kind !== "human") return false;
  const blocks = typeof content === "string" ? [{ type: "text", text: content }] : Array.isArray(content) && content.every((b) => b !== null && typeof b === "object" && typeof b.type === "string") ? content : [];
  if (blocks.some((b) => b.type === "tool_result")) return false;
  const texts = blocks.map((b) => typeof b.text === "string" ? b.text.trimStart() : "");
  const typed = (origin !== void 0 ? texts.some((t) => t !== "") && !texts.some((t) => t.startsWith("<command-name>")) : promptOfRecord({ type: "user", message: { content } }, { commandFallback: "" }) !== void 0 || texts.some((t) => t.startsWith("<command-message>"))) || blocks.some((b) => b.type === "image" || b.type === "document");
  const at = Date.parse(record2.timestamp);
  return typed && !Number.isNaN(at) && at > atMs;
}
var MAX_MARK_BYTES, NOT_TRUE;
var init_archive_mark = __esm({
  "src/catalog/archive-mark.ts"() {
    "use strict";
    init_replace_file();
    init_resume_view();
    MAX_MARK_BYTES = 4096;
    NOT_TRUE = [
      "isCompactSummary",
      "isSidechain",
      "isVirtual",
      "isVisibleInTranscriptOnly",
      "isMeta",
      "textNotTyped",
      "handedOff",
      "queueSkipAttachments"
    ];
  }
});

// src/catalog/session-facts.ts
var session_facts_exports = {};
__export(session_facts_exports, {
  factsReader: () => factsReader
});
function factsReader(projectDir, cache, nowMs = Date.now()) {
  let entries = null;
  let originalPath;
  const indexed = () => {
    if (entries === null) {
      entries = /* @__PURE__ */ new Map();
      const read = readIndex(indexPathOf(projectDir));
      if (read.kind === "ok") {
        originalPath = typeof read.index.originalPath === "string" ? read.index.originalPath : void 0;
        for (const entry of read.index.entries) {
          const id = entry?.sessionId;
          if (typeof id === "string" && !entries.has(id)) entries.set(id, entry);
        }
      }
    }
    return entries;
  };
  return {
    factsOf(file, hasFolder) {
      const windows = readWindows(file.path);
      const view = windows === null ? null : resumeView(file.path, file.sessionId, windows, hasFolder);
      if (view !== null && windows !== null && hasFolder) {
        const archived = archivedState(file.path, file.sessionId, windows);
        if (archived !== void 0) view.archived = archived;
      }
      if (view !== null) {
        delete view.firstPrompt;
        delete view.createdAt;
      }
      const known = indexed().get(file.sessionId);
      let entry = null;
      let fails = false;
      if (isTrusted(known, file, nowMs)) entry = known;
      else {
        const derivation = deriveTranscript(file, cache);
        if (derivation.kind === "entry") entry = derivation.entry;
        else fails = derivation.kind === "fails";
      }
      const text = (value) => typeof value === "string" ? value : void 0;
      return {
        mtime: file.mtime,
        size: file.size,
        view,
        entry: entry === null ? null : {
          firstPrompt: text(entry.firstPrompt) ?? "No prompt",
          messageCount: typeof entry.messageCount === "number" ? entry.messageCount : 0,
          created: text(entry.created),
          modified: text(entry.modified),
          gitBranch: text(entry.gitBranch),
          projectPath: text(entry.projectPath)
        },
        // A transcript 2.1.29 fails on still holds messages: it is a session, just not indexable.
        hasMessages: entry !== null || fails || view?.hasMessages === true,
        folderMtime: null,
        ...originalPath === void 0 ? {} : { originalPath }
      };
    }
  };
}
var init_session_facts = __esm({
  "src/catalog/session-facts.ts"() {
    "use strict";
    init_index_merge();
    init_session_index();
    init_transcript();
    init_archive_mark();
    init_resume_view();
  }
});

// src/catalog/session-catalog.ts
var session_catalog_exports = {};
__export(session_catalog_exports, {
  catalogPath: () => catalogPath,
  catalogSessions: () => catalogSessions,
  newestFirst: () => newestFirst
});
import fs28 from "node:fs";
import path25 from "node:path";
async function catalogSessions(options, newest) {
  const paths = new PathFacts(projectsRoot(options.configRoot));
  const projects = options.projectDirs.map((projectDir) => ({ projectDir, ...listProject(projectDir, options.only) }));
  const rowsOf = /* @__PURE__ */ new Map();
  const pause = pauses(options.signal);
  let cache;
  const readProject = async (project) => {
    await pause();
    options.onProject?.(rowsOf.size, projects.length, project.projectDir);
    const facts = await projectFacts(project, options, pause, async () => {
      if (cache === void 0) {
        const { TranscriptCache: TranscriptCache2 } = await Promise.resolve().then(() => (init_transcript_cache(), transcript_cache_exports));
        cache = TranscriptCache2.under(options.configRoot, { writable: options.writable });
      }
      return cache;
    });
    const fallbackCwd = projectCwd(project.projectDir, facts);
    const rows = [];
    for (const [sessionId, { file, facts: known }] of facts) {
      const row = rowOf(sessionId, file, known, project.projectDir, facts, paths, fallbackCwd);
      if (row !== null) rows.push(row);
    }
    rowsOf.set(project, rows);
    return rows;
  };
  if (newest !== void 0) {
    const files = projects.flatMap(
      (project) => project.files.map((file) => ({ sessionId: file.sessionId, modifiedMs: file.mtime, path: file.path, project }))
    );
    files.sort(newestFirst);
    const rowAt = /* @__PURE__ */ new Map();
    const first = [];
    for (const file of files) {
      if (first.length === newest.count) break;
      if (!rowsOf.has(file.project)) for (const row2 of await readProject(file.project)) rowAt.set(row2.fullPath, row2);
      const row = rowAt.get(file.path);
      if (row !== void 0) first.push(row);
    }
    if (rowsOf.size < projects.length) newest.show(first);
  }
  for (const project of projects) if (!rowsOf.has(project)) await readProject(project);
  return projects.flatMap((project) => rowsOf.get(project)).sort(newestFirst);
}
function newestFirst(a, b) {
  if (a.modifiedMs !== b.modifiedMs) return b.modifiedMs - a.modifiedMs;
  return a.sessionId < b.sessionId ? 1 : a.sessionId > b.sessionId ? -1 : 0;
}
async function projectFacts({ projectDir, files, folders, links }, options, pause, transcriptCache) {
  const savedPath = catalogPath(options.configRoot, projectDir);
  const saved = readSaved(savedPath);
  const result = /* @__PURE__ */ new Map();
  const stale = [];
  for (const file of files) {
    const folderMtime = folders.has(file.sessionId) ? folderMtimeOf(projectDir, file.sessionId) : null;
    const known = saved?.[file.sessionId];
    if (known && known.mtime === file.mtime && known.size === file.size && known.folderMtime === folderMtime)
      result.set(file.sessionId, { file, facts: known });
    else stale.push({ file, folderMtime });
  }
  if (stale.length > 0) {
    const { factsReader: factsReader2 } = await Promise.resolve().then(() => (init_session_facts(), session_facts_exports));
    const reader = factsReader2(projectDir, await transcriptCache());
    for (const { file, folderMtime } of stale) {
      await pause();
      const hasFolder = folderMtime !== null || links.has(file.sessionId);
      result.set(file.sessionId, { file, facts: { ...reader.factsOf(file, hasFolder), folderMtime } });
    }
  }
  const some = options.only !== void 0;
  const changed = stale.length > 0 || !some && saved !== null && Object.keys(saved).length !== result.size;
  if (options.writable && (changed || saved === null && result.size > 0)) {
    const sessions = {};
    if (some) for (const [id, facts] of Object.entries(saved ?? {})) sessions[id] = packFacts(facts);
    for (const [id, { facts }] of result) sessions[id] = packFacts(facts);
    try {
      writePrivateFile(savedPath, JSON.stringify({ format: CATALOG_FORMAT, sessions }));
    } catch {
    }
  }
  return result;
}
function pauses(signal) {
  if (signal === void 0) return async () => {
  };
  let last = performance.now();
  return async () => {
    if (performance.now() - last >= PAUSE_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      last = performance.now();
    }
    signal.throwIfAborted();
  };
}
function catalogPath(configRoot, projectDir) {
  const kept = path25.dirname(projectDir) === keptRoot(configRoot) ? ["kept"] : [];
  return path25.join(configRoot, "claude-reindex", "catalog", ...kept, `${path25.basename(projectDir)}.json`);
}
function listProject(projectDir, only) {
  const files = [];
  const folders = /* @__PURE__ */ new Set();
  const links = /* @__PURE__ */ new Set();
  let dirents;
  try {
    dirents = fs28.readdirSync(projectDir, { withFileTypes: true });
  } catch {
    return { files, folders, links };
  }
  for (const dirent of dirents) {
    if (dirent.isDirectory()) {
      folders.add(dirent.name);
      continue;
    }
    if (dirent.isSymbolicLink()) {
      links.add(dirent.name);
      continue;
    }
    const sessionId = sessionIdOfFileName(dirent.name);
    if (sessionId === null) continue;
    const filePath = `${projectDir}${path25.sep}${dirent.name}`;
    if (only !== void 0 && !only.has(filePath)) continue;
    try {
      const stat = fs28.lstatSync(filePath);
      if (stat.isFile()) files.push(sessionFileFrom(sessionId, filePath, stat));
    } catch {
    }
  }
  return { files, folders, links };
}
function folderMtimeOf(projectDir, sessionId) {
  try {
    return fs28.statSync(path25.join(projectDir, sessionId)).mtimeMs;
  } catch {
    return null;
  }
}
function packFacts(facts) {
  const view = facts.view === null ? null : { ...facts.view };
  const entry = facts.entry === null ? null : { ...facts.entry };
  const same = 0;
  if (view !== null && entry !== null && view.title !== void 0 && view.title === entry.firstPrompt)
    view.title = same;
  if (view !== null && view.checkedCwd !== void 0 && view.checkedCwd === view.cwd) view.checkedCwd = same;
  if (view !== null && entry?.projectPath !== void 0 && entry.projectPath === view.cwd) entry.projectPath = same;
  if (view !== null && entry?.gitBranch !== void 0 && entry.gitBranch === view.gitBranch) entry.gitBranch = same;
  return { ...facts, view, entry };
}
function unpackFacts(facts) {
  const { view, entry } = facts;
  const packed = (value) => value === 0;
  if (view !== null && packed(view.title)) view.title = entry?.firstPrompt;
  if (view !== null && packed(view.checkedCwd)) view.checkedCwd = view.cwd;
  if (entry !== null && packed(entry.projectPath)) entry.projectPath = view?.cwd;
  if (entry !== null && packed(entry.gitBranch)) entry.gitBranch = view?.gitBranch;
  return facts;
}
function readSaved(file) {
  const text = readPrivateFile(file);
  if (text === null) return null;
  try {
    const saved = JSON.parse(text);
    if (saved?.format !== CATALOG_FORMAT || typeof saved.sessions !== "object" || saved.sessions === null) return null;
    const sessions = saved.sessions;
    for (const facts of Object.values(sessions)) {
      if (typeof facts?.mtime !== "number" || typeof facts.size !== "number" || typeof facts.hasMessages !== "boolean")
        return null;
      unpackFacts(facts);
    }
    return sessions;
  } catch {
    return null;
  }
}
function projectCwd(projectDir, project) {
  const name = path25.basename(projectDir);
  for (const { facts } of project.values()) {
    const cwd = facts.view?.cwd ?? facts.entry?.projectPath ?? facts.originalPath;
    if (cwd !== void 0 && encodeProjectDirName(cwd) === name) return cwd;
  }
  return null;
}
function rowOf(sessionId, file, facts, projectDir, siblings, paths, fallbackCwd) {
  const view = facts.view ?? NO_VIEW;
  if (!facts.hasMessages && view.title === void 0) return null;
  const { entry } = facts;
  const projectPath = view.cwd ?? entry?.projectPath ?? facts.originalPath ?? fallbackCwd;
  const hasPrompt = entry !== null && (entry.firstPrompt !== "No prompt" || entry.messageCount > 0);
  const continuation = view.continuedIn === void 0 ? void 0 : siblings.get(view.continuedIn);
  return {
    sessionId,
    title: view.title ?? entry?.firstPrompt ?? "No prompt",
    firstPrompt: entry?.firstPrompt ?? "No prompt",
    lastPrompt: view.lastPrompt ?? null,
    customTitle: view.customTitle ?? null,
    aiTitle: view.aiTitle ?? null,
    tag: view.tag ?? null,
    messageCount: entry?.messageCount ?? 0,
    created: entry?.created ?? null,
    modified: entry?.modified ?? null,
    modifiedMs: file.mtime,
    gitBranch: view.gitBranch ?? entry?.gitBranch ?? null,
    projectPath,
    projectDir,
    fullPath: file.path,
    hiddenFromResume: hiddenReasons(
      {
        projectDir,
        projectPath,
        view,
        continuationExists: continuation?.facts.view?.hasMessages === true,
        hasPrompt
      },
      paths
    ),
    continuedIn: view.continuedIn ?? null,
    entrypoint: view.programmatic ?? null,
    teamName: view.teamName ?? null,
    fileSize: file.size,
    ...view.archived === true ? { archived: true } : {}
  };
}
var CATALOG_FORMAT, PAUSE_EVERY_MS, NO_VIEW;
var init_session_catalog = __esm({
  "src/catalog/session-catalog.ts"() {
    "use strict";
    init_config_root();
    init_kept_store();
    init_project_dir();
    init_session_file();
    init_private_file();
    init_resume_visibility();
    CATALOG_FORMAT = "catalog/3 2.1.332 2.1.29";
    PAUSE_EVERY_MS = 10;
    NO_VIEW = { sidechainHead: false, hasMessages: false };
  }
});

// hooks/hook.ts
import os from "node:os";
import { parseArgs } from "node:util";

// src/hooks/hook-event.ts
var HOOK_EVENTS = ["SessionStart", "Stop", "SessionEnd"];
function isHookEvent(word) {
  return HOOK_EVENTS.includes(word);
}

// src/hooks/hook-input.ts
init_zod();
init_config_root();
init_session_file();
init_real_path();
import path4 from "node:path";
var HookInputSchema = looseObject({
  session_id: string2().min(1),
  transcript_path: string2().min(1),
  cwd: string2().optional(),
  hook_event_name: string2().min(1),
  source: string2().optional(),
  reason: string2().optional(),
  stop_hook_active: boolean2().optional()
});
var MAX_HOOK_INPUT_BYTES = 16 * 1024 * 1024;
function parseHookInput(text) {
  if (text.trim() === "") return { ok: false, problem: "no hook input on stdin" };
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: "hook input on stdin is not JSON" };
  }
  const parsed = HookInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue2 = parsed.error.issues[0];
    return { ok: false, problem: `hook input: ${issue2.path.join(".") || "top level"}: ${issue2.message}` };
  }
  return { ok: true, value: parsed.data };
}
function locateTranscript(configRoot, transcriptPath) {
  if (!path4.isAbsolute(transcriptPath))
    return { ok: false, problem: `transcript_path is not absolute: ${transcriptPath}` };
  if (transcriptPath.split(/[\\/]/).includes(".."))
    return { ok: false, problem: `transcript_path contains "..": ${transcriptPath}` };
  const name = path4.basename(transcriptPath);
  const sessionId = sessionIdOfFileName(name);
  if (sessionId === null)
    return {
      ok: false,
      problem: `transcript_path does not name a session transcript (<uuid>.jsonl): ${transcriptPath}`
    };
  const root = projectsRoot(configRoot);
  const projectDir = path4.dirname(transcriptPath);
  if (realPathOrSelf(path4.dirname(projectDir)) !== realPathOrSelf(root)) {
    return { ok: false, problem: `transcript_path is not under ${root}: ${transcriptPath}` };
  }
  const ownProjectDir = path4.join(root, path4.basename(projectDir));
  return { ok: true, value: { projectDir: ownProjectDir, sessionId, path: path4.join(ownProjectDir, name) } };
}

// src/hooks/hook-log.ts
init_replace_file();
import fs7 from "node:fs";
import path6 from "node:path";
var APPEND_FLAGS = fs7.constants.O_WRONLY | fs7.constants.O_APPEND | fs7.constants.O_CREAT | fs7.constants.O_NOFOLLOW | fs7.constants.O_NONBLOCK;
var MAX_LOG_BYTES = 256 * 1024;
function hookLogPath(configRoot) {
  return path6.join(configRoot, "claude-reindex", "hooks.log");
}
function appendHookLog(configRoot, now, line) {
  const file = hookLogPath(configRoot);
  try {
    makeDirectory(path6.dirname(file), 448);
    try {
      if (fs7.lstatSync(file).size > MAX_LOG_BYTES) fs7.renameSync(file, `${file}.1`);
    } catch {
    }
    const fd = fs7.openSync(file, APPEND_FLAGS, 384);
    try {
      if (!fs7.fstatSync(fd).isFile()) return;
      if (fs7.fstatSync(fd).size === 0) giveToDirectoryOwner(file);
      fs7.writeSync(fd, `${now.toISOString()} ${line}
`);
    } finally {
      fs7.closeSync(fd);
    }
  } catch {
  }
}

// src/hooks/hook-stdin.ts
function readHookStdin(stream, limits) {
  if (stream.isTTY) return Promise.resolve({ ok: true, text: "" });
  return new Promise((resolve) => {
    const chunks = [];
    let total = 0;
    const finish = (result) => {
      clearTimeout(timer);
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.destroy();
      resolve(result);
    };
    const onData = (chunk) => {
      total += chunk.length;
      if (total > limits.maxBytes)
        return finish({ ok: false, problem: `hook input on stdin is larger than ${limits.maxBytes} bytes` });
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks).toString("utf8") });
    const onError = (error2) => finish({ ok: false, problem: `cannot read stdin: ${error2.message}` });
    const timer = setTimeout(
      () => finish({ ok: false, problem: `stdin was still open after ${limits.timeoutMs} ms` }),
      limits.timeoutMs
    );
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
  });
}

// src/hooks/session-hook.ts
import fs29 from "node:fs";

// src/layout/cleanup-period.ts
import fs9 from "node:fs";
import path7 from "node:path";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parse3(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentProperty = null;
  let currentParent = [];
  const previousParents = [];
  function onValue(value) {
    if (Array.isArray(currentParent)) {
      currentParent.push(value);
    } else if (currentProperty !== null) {
      currentParent[currentProperty] = value;
    }
  }
  const visitor = {
    onObjectBegin: () => {
      const object2 = {};
      onValue(object2);
      previousParents.push(currentParent);
      currentParent = object2;
      currentProperty = null;
    },
    onObjectProperty: (name) => {
      currentProperty = name;
    },
    onObjectEnd: () => {
      currentParent = previousParents.pop();
    },
    onArrayBegin: () => {
      const array2 = [];
      onValue(array2);
      previousParents.push(currentParent);
      currentParent = array2;
      currentProperty = null;
    },
    onArrayEnd: () => {
      currentParent = previousParents.pop();
    },
    onLiteralValue: onValue,
    onError: (error2, offset, length) => {
      errors.push({ error: error2, offset, length });
    }
  };
  visit(text, visitor, options);
  return currentParent[0];
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error2, skipUntilAfter = [], skipUntil = []) {
    onError(error2);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parse4 = parse3;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));

// node_modules/zod/v4/mini/parse.js
init_core2();

// node_modules/zod/v4/mini/schemas.js
init_core2();
init_util();
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
var ZodMiniNumberFormat = /* @__PURE__ */ $constructor("ZodMiniNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodMiniNumber.init(inst, def);
});
function int2(params) {
  return _int(ZodMiniNumberFormat, params);
}
var ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown2() {
  return _unknown(ZodMiniUnknown);
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function looseObject2(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ unknown2(),
    ...normalizeParams(params)
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional2(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}

// node_modules/zod/v4/mini/checks.js
init_core2();

// src/layout/cleanup-period.ts
init_regular_file();
var DEFAULT_CLEANUP_PERIOD_DAYS = 30;
var DAY_MS = 864e5;
var MAX_SETTINGS_BYTES = 16 * 1024 * 1024;
var RetentionSchema = looseObject2({ cleanupPeriodDays: optional2(int2().check(_positive())) });
function defaultManagedSettingsDir(platform = process.platform) {
  if (platform === "darwin") return "/Library/Application Support/ClaudeCode";
  if (platform === "win32") return "C:\\Program Files\\ClaudeCode";
  return "/etc/claude-code";
}
function managedSettingsDir(env) {
  return env.CLAUDE_REINDEX_MANAGED_SETTINGS_DIR || defaultManagedSettingsDir();
}
function retentionSettingsFiles(places) {
  const dropIns = path7.join(places.managedDir, "managed-settings.d");
  let names = [];
  try {
    names = fs9.readdirSync(dropIns).filter((n) => n.endsWith(".json")).sort().reverse();
  } catch {
  }
  return [
    ...names.map((n) => path7.join(dropIns, n)),
    path7.join(places.managedDir, "managed-settings.json"),
    ...places.workingDir === null ? [] : [
      path7.join(places.workingDir, ".claude", "settings.local.json"),
      path7.join(places.workingDir, ".claude", "settings.json")
    ],
    path7.join(places.configRoot, "settings.json")
  ];
}
function cleanupPeriodInForce(places) {
  const problems = [];
  for (const file of retentionSettingsFiles(places)) {
    let text;
    try {
      text = readRegularFile(file, MAX_SETTINGS_BYTES, { followLinks: true }).text;
    } catch {
      continue;
    }
    const value = parse4(text, [], { allowTrailingComma: true, disallowComments: false });
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      if (text.trim() !== "") problems.push(`${file} is not a JSON object; Claude Code ignores it`);
      continue;
    }
    const read = RetentionSchema.safeParse(value);
    if (!read.success) {
      const given = JSON.stringify(value.cleanupPeriodDays);
      problems.push(
        `cleanupPeriodDays ${given} in ${file} is not a whole number of days of at least 1; Claude Code ignores that file`
      );
      continue;
    }
    if (read.data.cleanupPeriodDays !== void 0) return { days: read.data.cleanupPeriodDays, source: file, problems };
  }
  return { days: DEFAULT_CLEANUP_PERIOD_DAYS, source: null, problems };
}

// src/hooks/session-hook.ts
init_index_path();

// src/layout/keep-guard.ts
init_file_times();
init_error_text();
init_agent_files();
import fs16 from "node:fs";
import path14 from "node:path";
init_config_root();

// src/layout/keep-stamp.ts
init_directory_names();
init_private_file();
init_process_exit();
init_config_root();
import fs11 from "node:fs";
import path10 from "node:path";
function folderIdentity(dir) {
  const stat = fs11.statSync(dir, { bigint: true, throwIfNoEntry: false });
  return stat?.isDirectory() === true ? `${stat.dev}:${stat.ino}` : null;
}
function keepStampPath(configRoot) {
  return path10.join(configRoot, "claude-reindex", "kept-verified");
}
function readKeepStamp(configRoot) {
  let fd;
  try {
    fd = fs11.openSync(keepStampPath(configRoot), fs11.constants.O_RDONLY | fs11.constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    const stat = fs11.fstatSync(fd, { bigint: true });
    if (!stat.isFile() || stat.size > 64n) return null;
    const buffer = Buffer.alloc(Number(stat.size));
    const text = buffer.subarray(0, fs11.readSync(fd, buffer, 0, buffer.length, 0)).toString("utf8");
    const fields = /^(\d+) (\d+:\d+)\n$/.exec(text);
    const thresholdMs = Number(fields?.[1]);
    return fields && Number.isSafeInteger(thresholdMs) ? { beganNs: stat.mtimeNs, thresholdMs, projects: fields[2] } : null;
  } catch {
    return null;
  } finally {
    fs11.closeSync(fd);
  }
}
function beginKeepStamp(configRoot, thresholdMs) {
  const projects = folderIdentity(projectsRoot(configRoot));
  if (projects === null) return null;
  const stamp = keepStampPath(configRoot);
  const pending = `${stamp}.${process.pid}`;
  removeLeftovers(path10.dirname(stamp), `${path10.basename(stamp)}.`);
  try {
    writePrivateFile(pending, `${Math.floor(thresholdMs)} ${projects}
`);
    return new PendingKeepStamp(pending, stamp, fs11.lstatSync(pending, { bigint: true }).mtimeNs, projects);
  } catch {
    fs11.rmSync(pending, { force: true });
    return null;
  }
}
function trustedKeepStamp(configRoot, pending) {
  if (pending === null) return null;
  const last = readKeepStamp(configRoot);
  return last !== null && last.projects === pending.projects && last.beganNs <= pending.beganNs ? last : null;
}
var PendingKeepStamp = class {
  constructor(pending, stamp, beganNs, projects) {
    this.pending = pending;
    this.stamp = stamp;
    this.beganNs = beganNs;
    this.projects = projects;
  }
  pending;
  stamp;
  beganNs;
  projects;
  settle() {
    try {
      fs11.renameSync(this.pending, this.stamp);
    } catch {
      this.drop();
    }
  }
  drop() {
    fs11.rmSync(this.pending, { force: true });
  }
};
function removeLeftovers(dir, prefix) {
  for (const name of directoryNames(dir)) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    if (isGone(Number(name.slice(prefix.length)))) fs11.rmSync(path10.join(dir, name), { force: true });
  }
}

// src/layout/keep-guard.ts
init_kept_store();
init_project_dir();
init_session_file();
var KEEP_MARGIN_DAYS = 7;
function keepThresholdMs(period, now, marginDays = KEEP_MARGIN_DAYS) {
  return now.getTime() - Math.max(0, period.days - marginDays) * DAY_MS;
}
function keepDueSessions(run) {
  const period = cleanupPeriodInForce(run);
  const threshold = keepThresholdMs(period, run.now, run.marginDays);
  const report2 = { period, due: 0, kept: [], problems: [...period.problems], listings: /* @__PURE__ */ new Map() };
  const root = projectsRoot(run.configRoot);
  const checkedDirs = /* @__PURE__ */ new Set();
  const kept = keptRoot(run.configRoot);
  const pending = beginKeepStamp(run.configRoot, threshold);
  const trusted = trustedKeepStamp(run.configRoot, pending);
  const stamp = trusted !== null && isUnchangedDir(kept, trusted.beganNs) ? trusted : null;
  let whole = true;
  let projectDirNames;
  try {
    projectDirNames = listProjectDirNames(run.configRoot);
  } catch (error2) {
    pending?.drop();
    throw error2;
  }
  for (const projectDirName of projectDirNames) {
    const projectDir = path14.join(root, projectDirName);
    let names;
    try {
      names = fs16.readdirSync(projectDir);
    } catch {
      whole = false;
      continue;
    }
    let settled;
    const unchanged = (since) => {
      settled ??= isUnchangedDir(projectDir, since) && isUnchangedDir(`${kept}${path14.sep}${projectDirName}`, since);
      return settled;
    };
    const present = new Set(names);
    const listing = { sessions: /* @__PURE__ */ new Map(), unreadable: [] };
    report2.listings.set(projectDirName, listing);
    for (const name of names) {
      const sessionId = sessionIdOfFileName(name);
      if (sessionId === null && !isAgentFileName(name)) continue;
      const filePath = `${projectDir}${path14.sep}${name}`;
      let stat;
      try {
        stat = fs16.lstatSync(filePath, { bigint: true });
      } catch (error2) {
        if (sessionId !== null) listing.unreadable.push({ path: filePath, reason: errorText(error2) });
        whole = false;
        continue;
      }
      if (sessionId !== null) addToListing(listing, sessionId, filePath, stat);
      const mtimeMs = millisecondsOf(stat.mtimeNs);
      if (!stat.isFile() || mtimeMs >= threshold) continue;
      report2.due++;
      const withFolder = sessionId !== null && present.has(sessionId);
      if (!withFolder && stamp !== null && mtimeMs < stamp.thresholdMs && stat.ctimeNs < stamp.beganNs && unchanged(stamp.beganNs))
        continue;
      const files = [name];
      if (withFolder) files.push(...sessionFolderFiles(projectDir, sessionId));
      for (const relative of files) {
        try {
          const source = relative === name ? stat : void 0;
          const outcome = keepFile(run.configRoot, projectDirName, relative, checkedDirs, {
            beforeCopy: run.beforeCopy,
            source
          });
          if (outcome !== "same") report2.kept.push(path14.join(projectDirName, relative));
        } catch (error2) {
          whole = false;
          report2.problems.push(`could not keep ${path14.join(projectDir, relative)}: ${errorText(error2)}`);
        }
      }
    }
  }
  if (whole) pending?.settle();
  else pending?.drop();
  return report2;
}
function isUnchangedDir(dir, sinceNs) {
  const stat = fs16.lstatSync(dir, { bigint: true, throwIfNoEntry: false });
  return stat?.isDirectory() === true && stat.mtimeNs < sinceNs && stat.ctimeNs < sinceNs;
}

// src/layout/keep-guard-switch.ts
init_private_file();
import path15 from "node:path";
var KEEP_SESSIONS_KEY = "keepSessions";
function keepGuardOn(configRoot) {
  const text = readPrivateFile(path15.join(configRoot, "claude-reindex", "installed.json"));
  if (text === null) return false;
  try {
    const manifest = JSON.parse(text);
    if (typeof manifest !== "object" || manifest === null) return false;
    return Object.values(manifest).some(
      (record2) => typeof record2 === "object" && record2 !== null && record2[KEEP_SESSIONS_KEY] === true
    );
  } catch {
    return false;
  }
}

// src/hooks/session-hook.ts
init_session_file();

// src/rebuild/rebuild-project.ts
init_session_file();
import fs23 from "node:fs";
import path17 from "node:path";

// src/system/directory-lock.ts
import fs17 from "node:fs";
var LockBusyError = class extends Error {
  constructor(file) {
    super(`${file} is locked by another claude-reindex process`);
    this.file = file;
  }
  file;
};
var LockLostError = class extends Error {
  constructor(file) {
    super(`the lock of ${file} was taken over by another process while this one held it`);
    this.file = file;
  }
  file;
};
async function withDirectoryLock(file, options, work, sleep = delay) {
  const lockDir = `${file}.lock`;
  const deadline = Date.now() + options.waitMs;
  let identity;
  for (; ; ) {
    const acquired = tryAcquire(lockDir, options.staleMs);
    if (acquired !== null) {
      identity = acquired;
      break;
    }
    if (Date.now() >= deadline) throw new LockBusyError(file);
    await sleep(50 + Math.floor(Math.random() * 100));
  }
  const isHeld = () => {
    const now = identify(lockDir);
    return now !== null && now.ino === identity.ino && now.mtimeNs === identity.mtimeNs;
  };
  const refresh = setInterval(
    () => {
      if (!isHeld()) return clearInterval(refresh);
      try {
        const now = /* @__PURE__ */ new Date();
        fs17.utimesSync(lockDir, now, now);
        identity = identify(lockDir) ?? identity;
      } catch {
        clearInterval(refresh);
      }
    },
    Math.max(250, Math.floor(options.staleMs / 3))
  );
  refresh.unref();
  const lock = {
    isHeld,
    assertHeld() {
      if (!isHeld()) throw new LockLostError(file);
    }
  };
  try {
    return await work(lock);
  } finally {
    clearInterval(refresh);
    if (isHeld()) tryRemoveDir(lockDir);
  }
}
function tryAcquire(lockDir, staleMs) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs17.mkdirSync(lockDir, { mode: 448 });
      return identify(lockDir);
    } catch (error2) {
      if (error2.code !== "EEXIST") throw error2;
    }
    let stat;
    try {
      stat = fs17.lstatSync(lockDir);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) {
      removeNonDirectory(lockDir);
      continue;
    }
    const age = Date.now() - stat.mtimeMs;
    if (age <= staleMs && age >= -staleMs) return null;
    tryRemoveDir(lockDir);
  }
  return null;
}
function identify(lockDir) {
  try {
    const stat = fs17.lstatSync(lockDir, { bigint: true });
    return stat.isDirectory() ? { ino: stat.ino, mtimeNs: stat.mtimeNs } : null;
  } catch {
    return null;
  }
}
function removeNonDirectory(lockDir) {
  try {
    fs17.unlinkSync(lockDir);
  } catch {
  }
}
function tryRemoveDir(lockDir) {
  try {
    fs17.rmdirSync(lockDir);
  } catch {
  }
}
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// src/sessions-index/index-lock.ts
var DEFAULT_LOCK = { staleMs: 1e4, waitMs: 15e3 };
function withLock(file, options, work, sleep) {
  return withDirectoryLock(file, options, work, sleep);
}

// src/rebuild/rebuild-project.ts
init_index_merge();

// src/sessions-index/index-store.ts
init_replace_file();
import fs18 from "node:fs";
init_session_index();
var atomicIndexWriter = async (file, content, beforeRename) => replaceFile(file, content, { newFileMode: 384, fsync: true, beforeRename });
function removeOrphanedIndexTemporaryFiles(indexPath) {
  removeOrphanedTemporaryFiles(indexPath, writerIsGone);
}
var MAX_ATTEMPTS = 3;
async function commitIndex(indexPath, plan, options) {
  for (let attempt = 1; ; attempt++) {
    options.checkPlace?.();
    try {
      return await withLock(indexPath, options.lock, (lock) => commitOnce(indexPath, plan, options, lock));
    } catch (error2) {
      if (!(error2 instanceof LockLostError) || attempt >= MAX_ATTEMPTS) throw error2;
    }
  }
}
async function commitOnce(indexPath, plan, options, lock) {
  removeOrphanedIndexTemporaryFiles(indexPath);
  const read = readIndex(indexPath);
  if (read.kind === "unsupported-version" || read.kind === "unreadable") return { kind: "refused", read };
  const merged = plan(read.kind === "ok" ? read.index : null);
  const mustReplace = read.kind === "invalid";
  if (!merged.changed && !mustReplace)
    return { kind: "unchanged", plan: merged, stat: read.kind === "ok" ? read.stat : null };
  const content = serializeIndex(merged.index);
  lock.assertHeld();
  options.checkPlace?.();
  const backup = mustReplace ? moveAside(indexPath, options.now()) : null;
  try {
    await (options.write ?? atomicIndexWriter)(indexPath, content, () => {
      lock.assertHeld();
      options.checkPlace?.();
    });
  } catch (error2) {
    if (backup) restore(backup, indexPath);
    throw error2;
  }
  return { kind: "written", plan: merged, backup, stat: statIfUnchanged(indexPath, content) };
}
function statIfUnchanged(indexPath, content) {
  const file = readIndexText(indexPath);
  return file.kind === "read" && file.text === content ? file.stat : null;
}
function moveAside(indexPath, now) {
  const stem = `${indexPath}.invalid-${now.toISOString().replace(/[:.]/g, "-")}`;
  for (let n = 1; ; n++) {
    const backup = n === 1 ? stem : `${stem}-${n}`;
    try {
      fs18.linkSync(indexPath, backup);
    } catch (error2) {
      if (error2.code === "EEXIST" && n < 100) continue;
      throw error2;
    }
    fs18.unlinkSync(indexPath);
    fs18.chmodSync(backup, 384);
    return backup;
  }
}
function restore(backup, indexPath) {
  try {
    fs18.linkSync(backup, indexPath);
    fs18.unlinkSync(backup);
  } catch {
  }
}

// src/rebuild/rebuild-project.ts
init_session_index();
init_place_guard();
init_error_text();
init_transcript();

// src/rebuild/project-report.ts
function unchangedReport(projectDir, indexPath, kept) {
  return {
    projectDir,
    indexPath,
    status: "unchanged",
    added: 0,
    updated: 0,
    removed: 0,
    kept,
    changes: [],
    skipped: [],
    backup: null,
    problem: null,
    verified: null
  };
}

// src/rebuild/rebuild-project.ts
async function rebuildProject(projectDir, options, knownListing) {
  const indexPath = indexPathOf(projectDir);
  const report2 = unchangedReport(projectDir, indexPath, 0);
  const place = new PlaceGuard(path17.dirname(projectDir));
  const linked = place.problemWith(indexPath);
  if (linked !== null) return failed(report2, linked);
  const first = readIndex(indexPath);
  if (first.kind === "unsupported-version") return failed(report2, versionProblem(indexPath, first.version));
  if (first.kind === "unreadable") return failed(report2, `cannot read ${indexPath}: ${first.reason}`);
  const only = options.only && first.kind === "ok" && !missesTranscripts(projectDir, first.index) ? options.only : void 0;
  let listing;
  try {
    listing = only ? { sessions: /* @__PURE__ */ new Map([[only.sessionId, only]]), unreadable: [] } : knownListing ?? listSessionFiles(projectDir);
  } catch (error2) {
    return failed(report2, `cannot list ${projectDir}: ${errorText(error2)}`);
  }
  for (const unreadable of listing.unreadable) report2.skipped.push(unreadable);
  const nowMs = options.now().getTime();
  const derivations = /* @__PURE__ */ new Map();
  const derive = (file) => {
    let derivation = derivations.get(file.sessionId);
    if (derivation === void 0) {
      derivation = deriveTranscript(file, options.cache);
      derivations.set(file.sessionId, derivation);
    }
    return derivation;
  };
  const plan = (current) => mergeIndex({
    current,
    projectDirName: path17.basename(projectDir),
    sessions: listing.sessions,
    derive,
    transcriptExists: (sessionId) => fs23.existsSync(sessionFilePath(projectDir, sessionId)),
    nowMs
  });
  const needed = needsReading(first.kind === "ok" ? first.index : null, listing.sessions, nowMs);
  const pool = options.pool?.(needed);
  if (pool) {
    const results = await Promise.all(needed.map((file) => pool.derive(file).catch(() => null)));
    for (const [i, file] of needed.entries()) if (results[i]) derivations.set(file.sessionId, results[i]);
  }
  const firstPlan = plan(first.kind === "ok" ? first.index : null);
  if (!only) options.cache?.prune(projectDir, new Set(listing.sessions.keys()));
  const verified = (plan2, index) => !only && accountsForAll(plan2, listing, derivations, nowMs) ? { index, entries: plan2.index.entries.length } : null;
  const mustReplace = first.kind === "invalid";
  if (!firstPlan.changed && !mustReplace) {
    const status = first.kind === "missing" ? "empty" : "unchanged";
    return {
      ...withPlan(report2, firstPlan, status),
      verified: verified(firstPlan, first.kind === "ok" ? first.stat : null)
    };
  }
  if (options.dryRun) return withPlan(report2, firstPlan, "would-write");
  try {
    const lock = {
      ...options.lock ?? DEFAULT_LOCK,
      ...options.lockStaleMs ? { staleMs: options.lockStaleMs } : {}
    };
    const result = await commitIndex(indexPath, plan, {
      lock,
      now: options.now,
      write: options.write,
      checkPlace: () => place.check(indexPath)
    });
    if (result.kind === "refused") {
      const { read } = result;
      return failed(
        report2,
        read.kind === "unsupported-version" ? versionProblem(indexPath, read.version) : `cannot read ${indexPath}: ${read.reason}`
      );
    }
    const stamp = result.stat === null ? null : verified(result.plan, result.stat);
    if (result.kind === "unchanged") return { ...withPlan(report2, result.plan, "unchanged"), verified: stamp };
    report2.backup = result.backup;
    return { ...withPlan(report2, result.plan, "written"), verified: stamp };
  } catch (error2) {
    if (error2 instanceof PlaceChangedError) return failed(report2, error2.message);
    if (error2 instanceof LockBusyError) return failed(report2, `${indexPath} is locked by another process; try again`);
    if (error2 instanceof LockLostError)
      return failed(report2, `${indexPath}: the lock was taken over again and again while writing; try again`);
    return failed(report2, `cannot write ${indexPath}: ${errorText(error2)}`);
  }
}
function missesTranscripts(projectDir, index) {
  const indexed = entriesBySessionId(index.entries);
  return fs23.readdirSync(projectDir).some((name) => {
    const sessionId = sessionIdOfFileName(name);
    return sessionId !== null && !indexed.has(sessionId);
  });
}
function entriesBySessionId(entries) {
  const byId = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const id = entry?.sessionId;
    if (!byId.has(id)) byId.set(id, entry);
  }
  return byId;
}
function needsReading(current, sessions, nowMs) {
  const entries = entriesBySessionId(current?.entries ?? []);
  return [...sessions.values()].filter((file) => !isTrusted(entries.get(file.sessionId), file, nowMs));
}
function accountsForAll(plan, listing, derivations, nowMs) {
  if (listing.unreadable.length > 0) return false;
  const entries = entriesBySessionId(plan.index.entries);
  for (const file of listing.sessions.values()) {
    if (isTrusted(entries.get(file.sessionId), file, nowMs)) continue;
    const kind = derivations.get(file.sessionId)?.kind;
    if (kind !== "no-entry" && kind !== "fails") return false;
  }
  return true;
}
function versionProblem(indexPath, version2) {
  return `${indexPath} has version ${JSON.stringify(version2)}, not 1: left untouched (a newer Claude Code wrote it?)`;
}
function failed(report2, problem) {
  return { ...report2, status: "failed", problem };
}
function withPlan(report2, plan, status) {
  const count = (change) => plan.changes.filter((c) => c.change === change).length;
  return {
    ...report2,
    status,
    added: count("added"),
    updated: count("updated"),
    removed: count("removed"),
    kept: plan.kept,
    changes: plan.changes,
    skipped: [...report2.skipped, ...plan.skipped.map(({ path: p, reason }) => ({ path: p, reason }))]
  };
}

// src/rebuild/shim-signature.ts
init_config_root();

// src/layout/listed-tree.ts
init_file_times();
init_index_path();
init_session_file();
import path18 from "node:path";
function listedProjects(projectsDir, listing) {
  const found = /* @__PURE__ */ new Map();
  const text = `\0${listing.toString("utf8")}`;
  const records = new RegExp(LISTED_RECORD);
  for (let match = records.exec(text); match !== null; match = records.exec(text)) {
    const record2 = match;
    const projectName = record2[1];
    if (projectName !== void 0) {
      const known = found.get(projectName);
      if (known) known.exact = false;
      else
        found.set(projectName, {
          dir: `${projectsDir}${path18.sep}${projectName}`,
          sessions: [],
          index: null,
          exact: true
        });
      continue;
    }
    if (record2[9] !== void 0) return /* @__PURE__ */ new Map();
    const project = found.get(record2[7]);
    if (project === void 0) continue;
    const type = record2[2];
    const size = Number(record2[4]);
    const name = record2[8];
    const mtimeMs = millisecondsFrom(Number(record2[5]), Number(record2[6]));
    if (name === INDEX_FILE_NAME) {
      if (type === "f") project.index = { ino: Number(record2[3]), size, mtimeMs };
      else project.exact = false;
    } else if (sessionIdOfFileName(name) !== null) {
      project.sessions.push({ type, name, size, mtimeMs });
    }
  }
  const projects = /* @__PURE__ */ new Map();
  for (const [dirName, project] of found)
    if (project.exact) projects.set(dirName, { sessions: sessionsOf(project), index: project.index });
  return projects;
}
var FOLDER_RECORD = Buffer.from("\0d ");
var SLASH = "/".charCodeAt(0);
var RECORD_END = String.raw`(?![^\0])`;
var LISTED_RECORD = new RegExp(
  [
    String.raw`\0(?:d ([^\0/]*)${RECORD_END}`,
    String.raw`|(\S) (\d+) (\d+) (\d+)\.(\d{9})\d* ([^\0/]+)/`,
    String.raw`([^\0]*\.jsonl|[^\0]*/sessions-index\.json|sessions-index\.json)${RECORD_END}`,
    String.raw`|(?=[^\0/]*/)([^\0]*(?:\.jsonl|/sessions-index\.json))${RECORD_END})`
  ].join(""),
  "g"
);
function sessionsOf(project) {
  const listing = { sessions: /* @__PURE__ */ new Map(), unreadable: [] };
  project.sessions.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const { type, name, size, mtimeMs } of project.sessions) {
    const filePath = `${project.dir}${path18.sep}${name}`;
    const sessionId = name.slice(0, -".jsonl".length);
    if (type === "l") listing.unreadable.push({ path: filePath, reason: LINKED_SESSION_REASON });
    else if (type === "f")
      listing.sessions.set(sessionId, { sessionId, path: filePath, mtime: Math.round(mtimeMs), size });
  }
  return listing;
}

// src/rebuild/shim-signature.ts
init_project_dir();

// src/layout/tree-listing.ts
init_index_path();
function treeListingArgs(projectsDir) {
  return [
    ...["-H", projectsDir, "-mindepth", "1", "-maxdepth", "2"],
    ...["(", "-name", "*.jsonl", "-o", "-name", INDEX_FILE_NAME, ")", "-printf", "%y %i %s %T@ %P\\0"],
    ...["-o", "(", "-type", "d", "-o", "-type", "l", ")", "-printf", "%y %P\\0"]
  ];
}
function treeListing(projectsDir) {
  try {
    const { spawnSync } = process.getBuiltinModule("node:child_process");
    const run = spawnSync("find", treeListingArgs(projectsDir), {
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 1 << 30
    });
    return run.status === 0 && run.stdout.length > 0 ? run.stdout : null;
  } catch {
    return null;
  }
}

// src/layout/tree-signature.ts
init_private_file();
import path19 from "node:path";
var TREE_SIGNATURE_FORMAT = 1;
function shimSignaturePath(configRoot) {
  return path19.join(configRoot, "claude-reindex", "tree-signature");
}
function shimSignatureHeader(staleHours) {
  return `claude-reindex tree signature ${TREE_SIGNATURE_FORMAT}, stale after ${staleHours} hours`;
}
function readTreeSignature(file) {
  const bytes = readPrivateBytes(file);
  const newline = bytes?.indexOf(10) ?? -1;
  if (bytes === null || newline === -1) return null;
  return { header: bytes.toString("utf8", 0, newline), listing: bytes.subarray(newline + 1) };
}
function saveTreeSignature(file, signature) {
  try {
    writePrivateFile(file, Buffer.concat([Buffer.from(`${signature.header}
`), signature.listing]));
  } catch {
  }
}

// src/rebuild/staleness.ts
init_index_path();

// src/layout/project-stamp.ts
init_private_file();
import fs24 from "node:fs";
import path20 from "node:path";
var STAMP_FORMAT = 2;
function stampPath(configRoot, projectDir) {
  return path20.join(configRoot, "claude-reindex", "verified", `${path20.basename(projectDir)}.json`);
}
function statIndexFile(indexPath) {
  try {
    const { ino, size, mtimeMs } = fs24.statSync(indexPath);
    return { ino, size, mtimeMs };
  } catch {
    return null;
  }
}
function verifiedEntries(configRoot, projectDir, indexPath, listing, index) {
  if (listing.unreadable.length > 0) return null;
  const stamp = readStamp(stampPath(configRoot, projectDir));
  if (stamp === null || !sameIndex(stamp.index, index === void 0 ? statIndexFile(indexPath) : index)) return null;
  return stamp.sessions === listingSignature(listing) ? stamp.entries : null;
}
function listingSignature(listing) {
  let signature = "";
  for (const file of listing.sessions.values()) signature += `${file.sessionId}=${file.mtime};`;
  return signature;
}
function sameIndex(a, b) {
  if (a === null || b === null) return a === b;
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
function readStamp(file) {
  const text = readPrivateFile(file);
  if (text === null) return null;
  let stamp;
  try {
    stamp = JSON.parse(text);
  } catch {
    return null;
  }
  const { format: format2, index, sessions, entries } = stamp ?? {};
  if (format2 !== STAMP_FORMAT || typeof entries !== "number") return null;
  if (typeof sessions !== "string") return null;
  if (index !== null && !isIndexFileStat(index)) return null;
  return { index, sessions, entries };
}
function isIndexFileStat(value) {
  const { ino, size, mtimeMs } = value ?? {};
  return typeof ino === "number" && typeof size === "number" && typeof mtimeMs === "number";
}

// src/rebuild/staleness.ts
init_session_file();
init_regular_file();
var DEFAULT_STALE_HOURS = 24;
function assessProject(configRoot, projectDir, staleAfterMs, now, listed) {
  let listing;
  try {
    listing = listed?.sessions ?? listSessionFiles(projectDir);
  } catch {
    return { stale: false, why: "cannot list" };
  }
  if (listing.sessions.size === 0) return { stale: false, why: "no sessions" };
  const indexPath = indexPathOf(projectDir);
  if (verifiedEntries(configRoot, projectDir, indexPath, listing, listed?.index) !== null)
    return { stale: false, why: "verified" };
  const mtimes = [...listing.sessions.values()].map((file) => file.mtime);
  const oldestAfter = (after) => mtimes.reduce((min, m) => m > after && m < min ? m : min, Infinity);
  const newest = mtimes.reduce((max, m) => Math.max(max, m), Number.NEGATIVE_INFINITY);
  const behindSince = (after) => Math.max(0, now - oldestAfter(after));
  let text;
  let indexMtime;
  try {
    const file = readRegularFile(indexPath, MAX_INDEX_BYTES);
    indexMtime = file.stat.mtimeMs;
    text = file.text;
  } catch (error2) {
    const why = error2.code === "ENOENT" ? "no index" : "index unreadable";
    return { stale: true, why, behindMs: behindSince(-Infinity), listing };
  }
  const shape = indexShape(text);
  if (shape === "other version") return { stale: false, why: "not our version" };
  if (shape === "broken") return { stale: true, why: "index unreadable", behindMs: behindSince(-Infinity), listing };
  if (newest - indexMtime > staleAfterMs || isFutureMtime(indexMtime, now))
    return { stale: true, why: "index behind", behindMs: behindSince(indexMtime), listing };
  return { stale: false, why: "recent enough" };
}
function indexShape(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return "broken";
  }
  const { version: version2, entries } = json ?? {};
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "broken";
  if (version2 !== void 0 && version2 !== 1) return "other version";
  return version2 === 1 && Array.isArray(entries) ? "usable" : "broken";
}

// src/rebuild/tree-freshness.ts
init_config_root();
init_project_dir();
import path21 from "node:path";

// src/system/environment-setting.ts
function numberSetting(env, name, fallback) {
  const value = env[name];
  const number3 = Number(value);
  return value !== void 0 && value !== "" && Number.isFinite(number3) && number3 >= 0 ? number3 : fallback;
}
function lockStaleMsSetting(env) {
  return numberSetting(env, "CLAUDE_REINDEX_LOCK_STALE_MS", 0) || void 0;
}

// src/rebuild/tree-freshness.ts
function checkTreeFreshness(check) {
  const { configRoot, env, now } = check;
  const root = projectsRoot(configRoot);
  const staleAfterMs = numberSetting(env, "CLAUDE_REINDEX_STALE_HOURS", DEFAULT_STALE_HOURS) * 36e5;
  for (const name of listProjectDirNames(configRoot)) {
    if (check.overBudget?.()) return "cut off";
    if (check.fineBefore?.has(name)) continue;
    const projectDir = path21.join(root, name);
    const seen = check.seen?.get(name);
    const listed = check.listed?.get(name) ?? (seen && { sessions: seen });
    if (assessProject(configRoot, projectDir, staleAfterMs, now.getTime(), listed).stale) return "stale";
  }
  return "fresh";
}

// src/rebuild/shim-signature.ts
function renewShimSignature(check) {
  const root = projectsRoot(check.configRoot);
  const listing = treeListing(root);
  if (listing === null || hasLinkedProjectDir(check.configRoot)) return;
  const listed = listedProjects(root, listing);
  if (checkTreeFreshness({ ...check, listed }) !== "fresh") return;
  saveShimSignature(check.configRoot, check.env, listing);
}
function saveShimSignature(configRoot, env, listing) {
  const header = headerFor(env);
  const file = shimSignaturePath(configRoot);
  const saved = readTreeSignature(file);
  if (saved?.header !== header || !saved.listing.equals(listing)) saveTreeSignature(file, { header, listing });
}
function headerFor(env) {
  return shimSignatureHeader(env.CLAUDE_REINDEX_STALE_HOURS || String(DEFAULT_STALE_HOURS));
}

// src/hooks/session-hook.ts
init_error_text();
init_transcript_cache();
var HOOK_LOCK = { staleMs: 1e4, waitMs: 3e3 };
async function runSessionHook(run) {
  const note = (line) => {
    run.stderr.write(`claude-reindex ${run.event} hook: ${line}
`);
    appendHookLog(run.configRoot, run.now(), `${run.event}: ${line}`);
  };
  const debug = (line) => {
    if (run.env.CLAUDE_REINDEX_DEBUG === "1") note(line);
  };
  let ended = null;
  try {
    const parsed = parseHookInput(run.input);
    if (!parsed.ok) return note(`${parsed.problem}; nothing written`);
    const input = parsed.value;
    if (run.event === "Stop" && input.stop_hook_active)
      return debug("stop_hook_active: another Stop hook keeps Claude going; the next Stop merges");
    if (run.event === "SessionStart" && keepGuardOn(run.configRoot)) {
      const kept = keepDueSessions({
        configRoot: run.configRoot,
        workingDir: input.cwd ?? null,
        managedDir: managedSettingsDir(run.env),
        now: run.now()
      });
      for (const problem of kept.problems) note(problem);
      debug(`keep guard: ${kept.due} due, ${kept.kept.length} files kept now`);
    }
    const located = locateTranscript(run.configRoot, input.transcript_path);
    if (!located.ok) return note(`${located.problem}; nothing written`);
    const { projectDir, sessionId, path: path26 } = located.value;
    if (sessionId !== input.session_id)
      debug(`session_id ${input.session_id} differs from the transcript's name; indexing ${sessionId}`);
    if (!fs29.existsSync(projectDir)) return debug(`${projectDir} does not exist yet`);
    if (run.event === "SessionEnd") ended = { projectDir, transcript: path26 };
    const options = {
      dryRun: false,
      cache: TranscriptCache.under(run.configRoot, { writable: true }),
      now: run.now,
      lock: HOOK_LOCK,
      lockStaleMs: lockStaleMsSetting(run.env)
    };
    if (run.event === "SessionStart" || !fs29.existsSync(indexPathOf(projectDir))) {
      report(await rebuildProject(projectDir, options), note, debug);
      return;
    }
    const file = sessionFile(sessionId, path26);
    if (file) report(await rebuildProject(projectDir, { ...options, only: file }), note, debug);
    else debug(`${path26} does not exist yet`);
  } catch (error2) {
    note(`unexpected error: ${errorText(error2)}`);
  } finally {
    if (run.event === "SessionEnd") {
      if (ended !== null) await refreshCatalog(run, ended, note);
      refreshShimSignature(run, note);
    }
  }
}
async function refreshCatalog(run, { projectDir, transcript }, note) {
  try {
    const { catalogSessions: catalogSessions2 } = await Promise.resolve().then(() => (init_session_catalog(), session_catalog_exports));
    const only = /* @__PURE__ */ new Set([transcript]);
    await catalogSessions2({ configRoot: run.configRoot, projectDirs: [projectDir], writable: true, only });
  } catch (error2) {
    note(`keeping what list and pick know of ${transcript}: ${errorText(error2)}`);
  }
}
function refreshShimSignature(run, note) {
  try {
    renewShimSignature({ configRoot: run.configRoot, env: run.env, now: run.now() });
  } catch (error2) {
    note(`checking every project's index: ${errorText(error2)}`);
  }
}
function sessionFile(sessionId, filePath) {
  try {
    const stat = fs29.lstatSync(filePath);
    if (!stat.isFile()) return null;
    return sessionFileFrom(sessionId, filePath, stat);
  } catch {
    return null;
  }
}
function report(result, note, debug) {
  if (result.status === "failed") note(`${result.problem}; the next hook or rebuild will merge it`);
  else
    debug(
      `${result.indexPath}: ${result.status}, ${result.added} added, ${result.updated} updated, ${result.removed} removed`
    );
}

// src/hooks/hook-worker.ts
var HOOK_WORKER_LIMITS = { stdinMs: 2e4 };
async function runHookWorker(worker) {
  const limits = { ...HOOK_WORKER_LIMITS, ...worker.limits };
  const note = (line) => {
    worker.stderr.write(`claude-reindex ${worker.event} hook: ${line}
`);
    appendHookLog(worker.configRoot, worker.now(), `${worker.event}: ${line}`);
  };
  const read = await readHookStdin(worker.stdin, { maxBytes: MAX_HOOK_INPUT_BYTES, timeoutMs: limits.stdinMs });
  if (!read.ok) return note(`${read.problem}; nothing written`);
  await runSessionHook({
    event: worker.event,
    input: read.text,
    configRoot: worker.configRoot,
    env: worker.env,
    now: worker.now,
    stderr: worker.stderr
  });
}

// hooks/hook.ts
init_config_root();
process.on("SIGHUP", () => {
});
setTimeout(() => process.exit(0), 18e4).unref();
try {
  os.setPriority(Math.min(19, os.getPriority() + 10));
} catch {
}
async function main() {
  let event;
  try {
    const { positionals } = parseArgs({ allowPositionals: true, options: {} });
    if (positionals.length !== 1 || !isHookEvent(positionals[0])) throw new Error("bad arguments");
    event = positionals[0];
  } catch {
    process.stderr.write(`usage: hook.mjs <${HOOK_EVENTS.join("|")}>
`);
    return;
  }
  await runHookWorker({
    event,
    stdin: process.stdin,
    configRoot: resolveConfigRoot(process.env, os.homedir()),
    env: process.env,
    now: () => /* @__PURE__ */ new Date(),
    stderr: process.stderr,
    // CLAUDE_REINDEX_HOOK_STDIN_MS: how long stdin may stay open (tests shorten it).
    limits: { stdinMs: numberSetting(process.env, "CLAUDE_REINDEX_HOOK_STDIN_MS", HOOK_WORKER_LIMITS.stdinMs) }
  });
}
main().finally(() => {
  process.exitCode = 0;
});
