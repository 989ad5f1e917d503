// scriptOption: the value after `--name` on a bench script's command line, for the scripts that take a
// few options and no more (bench/run.mjs parses its own, stricter).

/** The word after `name` in this process's arguments, or `fallback` when `name` is not there. */
export function scriptOption(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
}
