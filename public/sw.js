// Service worker of the plan editor: keeps every file of one build in a cache of its own, so the
// app opens with no network at all, and moves to a new build only when the person agrees.
//
// - install: fetch every file of this build from the server (never from the HTTP cache) and check
//   each against its SHA-256, so a cache never holds files of two builds; the new worker then
//   WAITS while an older one still serves open pages.
// - message "skip-waiting": sent by the app once the person clicked "Tải lại" and everything
//   typed is saved; the worker activates and each open page reloads on `controllerchange`.
// - activate: delete the caches of older builds.
// - fetch: files of the build from the cache; a page navigation gets the cached index.html.

// Rewritten after every build by scripts/precache.mjs (a Trunk post_build hook) with the build's
// version and each file's path and SHA-256; this line must stay on one line.
const BUILD = { version: "dev", files: [] };

const CACHE_PREFIX = "kehoach-";
const CACHE = `${CACHE_PREFIX}${BUILD.version}`;
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  let kept = 0;
  try {
    await Promise.all(
      BUILD.files.map(async ([path, integrity]) => {
        // A file that changed on the server since this worker was built fails its integrity
        // check, and the whole install with it: the old build stays in use, whole.
        const response = await fetch(new Request(scoped(path), { cache: "reload", integrity }));
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        await cache.put(scoped(path), response);
        kept += 1;
        tellProgress(kept, BUILD.files.length);
      }),
    );
  } catch (error) {
    // No half-filled cache left behind; the browser tries again at its next update check.
    await caches.delete(CACHE);
    throw error;
  }
}

/** Tells the open pages how many of the build's files are kept (their offline status counts). */
async function tellProgress(kept, total) {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const page of pages) page.postMessage({ type: "precache-progress", kept, total, version: BUILD.version });
}

self.addEventListener("message", (event) => {
  if (event.data?.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(deleteOldCaches());
});

async function deleteOldCaches() {
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fromCache(request));
});

/** The cached answer to `request`; the network only for what the build does not hold. */
async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
  if (hit) return hit;
  // Every address of the app (its start URL, a file handed to it) opens the same page.
  if (request.mode === "navigate") {
    const index = await cache.match(scoped("index.html"));
    if (index) return index;
  }
  return fetch(request);
}
