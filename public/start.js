// Starts the app: loads the wasm-bindgen glue and the wasm module whose hashed names Trunk writes
// into this script element (Trunk.toml, pattern_script). It is a file rather than Trunk's inline
// loader so that the Content-Security-Policy can forbid every inline script.
//
// On the first visit the wasm comes over the network, which on a slow line takes many seconds:
// the loading line then counts its bytes ("Đang tải ứng dụng… 42%"), against the size
// scripts/precache.mjs writes into data-app-wasm-bytes. If the app cannot load, it says so.
const script = document.querySelector("script[data-app-js]");
const status = document.querySelector("#app .app-loading[role=status]");
const bar = document.querySelector("#app .app-progress");

/** Shows how much of the wasm has arrived: the bar as it comes, the words (which a screen
 * reader says aloud) every tenth. */
function showProgress(loaded, total) {
  const percent = Math.min(100, Math.floor((loaded / total) * 100));
  if (bar) {
    bar.hidden = false;
    bar.value = percent;
  }
  const said = Math.floor(percent / 10) * 10;
  if (status && status.dataset.said !== String(said)) {
    status.dataset.said = String(said);
    status.textContent = `Đang tải ứng dụng… ${said}%`;
  }
}

/**
 * The wasm to start, read with progress when it comes from the network. A page the service
 * worker answers has it at once, and there only the file's own response lets the browser reuse
 * code it compiled before: that page gets the address.
 */
async function wasmSource() {
  const url = script.dataset.appWasm;
  const total = Number(script.dataset.appWasmBytes);
  if (navigator.serviceWorker?.controller || !(total > 0) || typeof ReadableStream !== "function") {
    return url;
  }
  const response = await fetch(url);
  if (!response.ok || !response.body) return response;
  const reader = response.body.getReader();
  let loaded = 0;
  let shown = 0;
  const counted = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        showProgress(total, total);
        controller.close();
        return;
      }
      loaded += value.byteLength;
      if (performance.now() - shown > 200) {
        shown = performance.now();
        showProgress(loaded, total);
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(counted, { headers: { "content-type": "application/wasm" } });
}

try {
  const bindings = await import(script.dataset.appJs);
  const wasm = await bindings.default({ module_or_path: await wasmSource() });
  // What Trunk's own loader does, for code that waits for it.
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
} catch (error) {
  if (status) {
    status.textContent =
      "Không tải được ứng dụng. Hãy kiểm tra kết nối mạng rồi tải lại trang; sau lần tải đầu, ứng dụng mở được cả khi không có mạng.";
  }
  if (bar) bar.hidden = true;
  throw error;
}
