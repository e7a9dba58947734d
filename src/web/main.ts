/**
 * The browser page's one script. The page runs it, and starts its Web Worker from the same text
 * (a blob: URL), so the engine is in the file once: without a document, this is the worker.
 */
import { startPage } from './page.js';
import { startWorker } from './worker.js';

if (typeof document === 'undefined') startWorker(self as never);
else startPage();
