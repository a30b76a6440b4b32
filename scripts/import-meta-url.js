// Injected into every bundle: the CommonJS stand-in for import.meta.url.
export const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;
