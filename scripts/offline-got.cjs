/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- a CommonJS preload for node --require */
// Loaded with `node --require` before Electronegativity: its translations and release-list
// fetches (the `got` package) fail at once instead of going to the network, which tests never
// reach. The releases check that needs the network is excluded (docs/security.md).
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline: Pamoja tests do not use the network'));
    return Object.assign(offline, { default: offline, get: offline });
  }
  return load.call(this, request, parent, isMain);
};
