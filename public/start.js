// Starts the app: loads the wasm-bindgen glue and the wasm module whose hashed names Trunk writes
// into this script element (Trunk.toml, pattern_script). It is a file rather than Trunk's inline
// loader so that the Content-Security-Policy can forbid every inline script.
const script = document.querySelector("script[data-app-js]");
const bindings = await import(script.dataset.appJs);
const wasm = await bindings.default({ module_or_path: script.dataset.appWasm });
// What Trunk's own loader does, for code that waits for it.
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
