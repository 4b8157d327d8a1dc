// Entry of the ingest worker thread: TypeScript is loaded through tsx's loader, as bin/xinyong.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
