// JSON for a terminal or a pipe: JSON.stringify escapes C0 controls but writes DEL and the C1
// controls raw; here they become \u escapes too (the same JSON value, no raw control byte).

const RAW_CONTROLS = /[\u007f-\u009f]/g;

export function terminalJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  RAW_CONTROLS.lastIndex = 0;
  if (!RAW_CONTROLS.test(json)) return json;
  return json.replace(RAW_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
