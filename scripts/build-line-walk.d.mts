// Types of scripts/build-line-walk.mjs, for the test that rebuilds the line walk.
export declare const LINE_WALK_C: string;
export declare const LINE_WALK_TS: string;
export declare function compileLineWalk(): Buffer;
export declare function lineWalkModule(wasm: Buffer): string;
